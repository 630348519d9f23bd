# Set-up and the two main commands. `make run` and `make test` each work on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT ?= outputs/corpus

.PHONY: run test setup system-deps bytecode bench bench-archive fuzz clean

$(BIN)/lkj: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	@touch $(BIN)/lkj

setup: system-deps $(BIN)/lkj bytecode

# the project's modules compiled once (an editable install compiles nothing, and a machine with
# PYTHONDONTWRITEBYTECODE set would compile every module again in every process of every run)
bytecode:
	@$(BIN)/python -m compileall -q lkj model normalizers extract parsers checks dataset >/dev/null

# tesseract (with the Indonesian model) and ghostscript serve the PDF/OCR readers; installed when missing
system-deps:
	@command -v tesseract >/dev/null 2>&1 && command -v gs >/dev/null 2>&1 && \
	  tesseract --list-langs 2>/dev/null | grep -qx ind || \
	  { (command -v apt-get >/dev/null 2>&1 && (apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-ind tesseract-ocr-eng ghostscript >/dev/null)) \
	    || echo "note: tesseract/ghostscript not installed (no apt-get); scanned PDFs will fail with a clear reason"; }
	@# Debian's chromium, for the review page's browser tests and screenshot (Playwright drives it; it
	@# never downloads a browser of its own)
	@command -v chromium >/dev/null 2>&1 || \
	  { (command -v apt-get >/dev/null 2>&1 && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null)) \
	    || echo "note: chromium not installed (no apt-get); the browser tests will fail"; }

## the main job: extract the shipped corpus into outputs/
run: setup
	$(BIN)/lkj extract corpus --out $(OUT)
	$(BIN)/lkj serve $(OUT) --sources corpus --screenshot outputs/review.png

## the tests
test: setup
	$(BIN)/python -m pytest -q

bench: setup
	$(BIN)/python benchmarks/bench_text.py
	$(BIN)/python benchmarks/bench_pdf.py
	$(BIN)/python benchmarks/bench_scaling.py

## archive scale: 10,000 files with 1 and 2 workers, then kill -9 at 20 moments and resume (long)
bench-archive: setup
	$(BIN)/python benchmarks/bench_archive.py
	$(BIN)/python benchmarks/bench_kill.py

## thousands of fuzzed, hostile and odd inputs through the command (long)
fuzz: setup
	$(BIN)/python benchmarks/fuzz.py

clean:
	rm -rf $(VENV) outputs/corpus outputs/seeds
