"""Benchmark: page preparation and OCR by ocrmypdf against the project's own OCR path, on the same pages.

Two paths over the same scanned PDFs (default: the development scans of the synthetic set,
syn_11_{1,2,10,13,18}.scanned.pdf, each with its .truth.json beside it):

- own:      `lkj extract` on the scans as they are (extract/scan_prep.py makes the page ready,
            extract/ocr.py reads ruled tables cell by cell, numbers again from their crops);
- ocrmypdf: `ocrmypdf --deskew --rotate-pages -l ind+eng --force-ocr --output-type pdf` (plus
            `--clean` when unpaper is installed), then `lkj extract` on its output, which now has a
            text layer and is read as a digital PDF (words from the invisible text, columns from
            the gutters: the scan's rulings are pixels, not vector rules);
- ocrmypdf page preparation only: the same options with `--tesseract-timeout 0` (its deskew and
            clean, no text layer), then `lkj extract`, which OCRs the prepared pages its own way.

Printed for each path: the score.py headline (field F1, row recall, anomaly recall/precision)
against the truth files, wall seconds and CPU seconds (this process's children) per page.  Both
paths use every core (the pipeline's OCR workers; ocrmypdf's --jobs).

    python benchmarks/bench_ocrmypdf.py [PDF...] [--score PATH/score.py] [--keep DIR]

Skips with a message (exit 0) when ocrmypdf, tesseract or ghostscript is not installed:
ocrmypdf is not a dependency of the project.
"""
from __future__ import annotations

import argparse
import glob
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = [os.path.join(up, "shared") for up in (os.path.dirname(ROOT), os.path.dirname(os.path.dirname(ROOT)))]
DEV = ["syn_11_1", "syn_11_2", "syn_11_10", "syn_11_13", "syn_11_18"]


def _shared(*parts: str) -> str | None:
    for s in SHARED:
        p = os.path.join(s, *parts)
        if os.path.exists(p):
            return p
    return None


def missing() -> str | None:
    """Why ocrmypdf cannot run here, or None."""
    try:
        import ocrmypdf  # noqa: F401
    except ImportError:
        return "ocrmypdf is not installed (pip install ocrmypdf into the venv to run this comparison)"
    for tool in ("tesseract", "gs"):
        if not shutil.which(tool):
            return f"ocrmypdf needs the `{tool}` command, which is not installed"
    return None


def cpu_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed(cmds: list[list[str]]) -> tuple[float, float]:
    """Wall and CPU seconds of the commands run one after the other (their output discarded)."""
    t0, c0 = time.perf_counter(), cpu_children()
    for cmd in cmds:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if p.returncode not in (0,):
            sys.stderr.write(f"{' '.join(cmd[:4])}... exited {p.returncode}: {p.stderr[-600:]}\n")
    return time.perf_counter() - t0, cpu_children() - c0


def pages_of(pdf: str) -> int:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    try:
        return len(doc)
    finally:
        doc.close()


def headline(score: str, truths: list[str], run: str) -> str:
    out = subprocess.run([sys.executable, score, "--gold", *truths, "--run", run], capture_output=True, text=True).stdout
    lines = [ln for ln in out.splitlines() if ln.startswith("field_f1=")]
    return lines[-1] if lines else "no headline (score.py failed)"


def f1_of(line: str) -> float:
    m = re.search(r"field_f1=([\d.]+)", line)
    return float(m.group(1)) if m else float("nan")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("pdfs", nargs="*", help="scanned PDFs, each with NAME.truth.json beside it")
    ap.add_argument("--score", default=_shared("tools", "score.py"))
    ap.add_argument("--keep", help="keep the runs in this folder")
    a = ap.parse_args(argv)
    why = missing()
    if why:
        print(f"bench_ocrmypdf: skipped: {why}")
        return 0
    pdfs = a.pdfs
    if not pdfs:
        d = _shared("corpus", "synth", "pdf")
        pdfs = [os.path.join(d, f"{n}.scanned.pdf") for n in DEV] if d else []
    pdfs = [p for p in pdfs if os.path.exists(p)]
    truths = [p[:-4] + ".truth.json" for p in pdfs]
    if not pdfs or not all(os.path.exists(t) for t in truths) or not a.score:
        print("bench_ocrmypdf: skipped: no scanned PDFs with truth files (or no score.py) found")
        return 0
    work = a.keep or tempfile.mkdtemp(prefix="bench_ocrmypdf_")
    own_in, omp_in = os.path.join(work, "own_in"), os.path.join(work, "ocrmypdf_in")
    for d in (own_in, omp_in):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
    for p in pdfs:
        shutil.copy(p, own_in)
    n_pages = sum(pages_of(p) for p in pdfs)
    cli = [sys.executable, "-m", "lkj.cli", "extract"]
    jobs = str(os.cpu_count() or 1)
    clean = ["--clean"] if shutil.which("unpaper") else []
    print(f"{len(pdfs)} scanned PDFs, {n_pages} pages; ocrmypdf options: --deskew --rotate-pages -l ind+eng "
          f"--force-ocr --output-type pdf {' '.join(clean) or '(no --clean: unpaper not installed)'}; "
          f"load average {os.getloadavg()[0]:.2f}")

    own_run = os.path.join(work, "own_run")
    w_own, c_own = timed([cli + [own_in, "--out", own_run]])
    # the OCR'd copy keeps the file name, so that the truth (named by its source file) scores it
    omp = [[sys.executable, "-m", "ocrmypdf", "--deskew", "--rotate-pages", "-l", "ind+eng", "--force-ocr",
            "--output-type", "pdf", "--jobs", jobs, "-q", *clean, p, os.path.join(omp_in, os.path.basename(p))]
           for p in pdfs]
    w_omp, c_omp = timed(omp)
    omp_run = os.path.join(work, "ocrmypdf_run")
    w_ext, c_ext = timed([cli + [omp_in, "--out", omp_run]])

    prep_in = os.path.join(work, "ocrmypdf_prep_in")
    shutil.rmtree(prep_in, ignore_errors=True)
    os.makedirs(prep_in)
    prep = [[sys.executable, "-m", "ocrmypdf", "--deskew", "--rotate-pages", "-l", "ind+eng", "--force-ocr",
             "--tesseract-timeout", "0", "--output-type", "pdf", "--jobs", jobs, "-q", *clean, p,
             os.path.join(prep_in, os.path.basename(p))] for p in pdfs]
    w_prep, c_prep = timed(prep)
    prep_run = os.path.join(work, "ocrmypdf_prep_run")
    w_pext, c_pext = timed([cli + [prep_in, "--out", prep_run]])

    h_own, h_omp = headline(a.score, truths, own_run), headline(a.score, truths, omp_run)
    h_prep = headline(a.score, truths, prep_run)
    print(f"own OCR path            {w_own / n_pages:6.2f} s/page wall {c_own / n_pages:6.2f} s/page CPU   {h_own}")
    print(f"ocrmypdf + extract      {(w_omp + w_ext) / n_pages:6.2f} s/page wall {(c_omp + c_ext) / n_pages:6.2f} s/page CPU   "
          f"{h_omp}")
    print(f"  (ocrmypdf alone {w_omp / n_pages:.2f} s/page wall, {c_omp / n_pages:.2f} CPU; extract of its output "
          f"{w_ext / n_pages:.2f} s/page wall)")
    print(f"ocrmypdf prep + own OCR {(w_prep + w_pext) / n_pages:6.2f} s/page wall {(c_prep + c_pext) / n_pages:6.2f} s/page CPU   "
          f"{h_prep}")
    print(f"field F1 own - ocrmypdf = {f1_of(h_own) - f1_of(h_omp):+.4f}, own - ocrmypdf prep = "
          f"{f1_of(h_own) - f1_of(h_prep):+.4f}; load average {os.getloadavg()[0]:.2f}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    else:
        print(f"runs kept in {work}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
