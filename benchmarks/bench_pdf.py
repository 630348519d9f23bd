"""Benchmark: the PDF pipeline against its peers, on the same files in the same run.

Each measurement runs in a child process of its own, so its peak memory is its own.  Printed:
seconds, seconds per page, peak RSS, and the ratios the goals are stated in:
- digital PDFs (word + borderless fixtures): the whole pipeline (extract, parse, normalise, check,
  write) vs the same pipeline as it was at a baseline commit (default 287127b, the code when the
  PDF issues were filed: "no slower than today"; the best of two runs each, taken in turn) vs
  pdfplumber's `extract_tables` alone vs camelot lattice alone;
- scanned PDFs: the whole pipeline vs tesseract alone (the `tesseract` command, Indonesian model,
  on the same page images at the pipeline's 200 dpi, with as many pages in parallel as the pipeline
  has processes, one OCR thread each as the pipeline's);
- a 500-page bundle built from the digital fixtures: the whole pipeline's peak memory.

    python benchmarks/bench_pdf.py [--baseline REV|DIR] [--skip-baseline] [--skip-camelot] [--skip-scanned]
                                   [--skip-bundle]

The machine's load average is printed at the start and the end: the ratios are measured in the same
run, on the same files, but other work on the machine still moves the wall-clock ones; the CPU
seconds (of the measurement and all its child processes) move far less, and a ratio is given in both.
"""
from __future__ import annotations

import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# ../shared beside the main checkout, ../../shared beside a worktree under wt/
SHARED_PDFS = [os.path.join(up, "shared", "corpus", "pdf") for up in (os.path.dirname(ROOT),
                                                                      os.path.dirname(os.path.dirname(ROOT)))]
LOCAL_PDF = os.path.join(ROOT, "corpus", "pdf")
BASELINE = "287127b"

CHILD = r"""
import json, os, resource, sys, time, tempfile
sys.path.insert(0, {root!r})
task, files = sys.argv[1], json.loads(sys.argv[2])

def cpu_now():
    me, ch = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime

t0, cpu0 = time.perf_counter(), cpu_now()
pages = 0
if task in ("pipeline", "pipeline1"):
    if task == "pipeline1":
        os.environ["LKJ_WORKERS"] = "1"
    if os.path.exists(os.path.join({root!r}, "lkj", "pipeline.py")):
        from lkj.pipeline import run
    else:                                   # before the stages were installed under `lkj`
        from extract.pipeline import run
    import pdfplumber
    for f in files:
        with pdfplumber.open(f) as p:
            pages += len(p.pages)
    t0, cpu0 = time.perf_counter(), cpu_now()
    with tempfile.TemporaryDirectory() as out:
        run(files, out)
elif task == "pdfplumber":
    import pdfplumber
    for f in files:
        with pdfplumber.open(f) as p:
            for page in p.pages:
                page.extract_tables()
                pages += 1
                page.close()
elif task == "camelot":
    import camelot, pdfplumber
    for f in files:
        with pdfplumber.open(f) as p:
            pages += len(p.pages)
        camelot.read_pdf(f, pages="all", flavor="lattice")
elif task == "tesseract":
    import subprocess
    from concurrent.futures import ThreadPoolExecutor
    import pypdfium2 as pdfium
    tmp = tempfile.mkdtemp()
    imgs = []
    t0, cpu0 = time.perf_counter(), cpu_now()
    for f in files:
        pdf = pdfium.PdfDocument(f)
        for i in range(len(pdf)):
            path = os.path.join(tmp, f"{{len(imgs)}}.png")
            pdf[i].render(scale=200 / 72, grayscale=True).to_pil().save(path)
            imgs.append(path)
        pdf.close()
    pages = len(imgs)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as ex:
        # one OCR thread a process, as the pipeline's OCR processes run (OpenMP threads on top of
        # one process per core only fight over the cores)
        env = {{"OMP_THREAD_LIMIT": "1", **os.environ}}
        list(ex.map(lambda p: subprocess.run(["tesseract", p, "-", "-l", "ind"], capture_output=True, env=env), imgs))
dt = time.perf_counter() - t0
me, ch = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + ch.ru_utime + ch.ru_stime - cpu0
print(json.dumps({{"seconds": dt, "cpu": cpu, "pages": pages, "peak_mb": me.ru_maxrss / 1024,
                  "children_peak_mb": ch.ru_maxrss / 1024}}))
"""


def measure(task: str, files: list[str], root: str = ROOT) -> dict:
    code = CHILD.format(root=root)
    res = subprocess.run([sys.executable, "-c", code, task, json.dumps(files)], capture_output=True, text=True,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if res.returncode != 0:
        return {"error": (res.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def show(name: str, m: dict) -> None:
    if "error" in m:
        print(f"  {name:28s} failed: {m['error']}")
        return
    print(f"  {name:28s} {m['seconds']:8.2f} s  (CPU {m['cpu']:7.1f} s)  {m['pages']:4d} pages  {m['seconds'] / max(1, m['pages']):.3f} s/page  "
          f"peak {m['peak_mb']:.0f} MB (children {m['children_peak_mb']:.0f} MB)")


def bundle(files: list[str], pages: int, path: str) -> int:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    n = 0
    while n < pages:
        for f in files:
            src = pdfium.PdfDocument(f)
            take = min(len(src), pages - n)
            out.import_pages(src, list(range(take)))
            n += take
            src.close()
            if n >= pages:
                break
    out.save(path)
    return n


def baseline_tree(rev: str, tmp: str) -> str | None:
    """A folder holding the code of `rev`: the folder itself when `rev` is one, else the commit's
    files (git archive) unpacked under `tmp`; None when neither can be had."""
    if os.path.isdir(rev):
        return os.path.abspath(rev)
    dest = os.path.join(tmp, "baseline")
    os.makedirs(dest)
    arch = subprocess.run(["git", "-C", ROOT, "archive", "--format=tar", rev], capture_output=True)
    if arch.returncode != 0:
        return None
    subprocess.run(["tar", "-x", "-C", dest], input=arch.stdout, check=True)
    return dest


def best(runs: list[dict]) -> dict:
    ok = [m for m in runs if "error" not in m]
    return min(ok, key=lambda m: m["seconds"]) if ok else runs[0]


def load() -> str:
    return "load average %.2f %.2f %.2f" % os.getloadavg() + f" on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--baseline", default=BASELINE, help="commit (or folder of a checkout) the digital pipeline "
                                                         f"is compared with (default {BASELINE})")
    ap.add_argument("--skip-baseline", action="store_true")
    ap.add_argument("--skip-digital", action="store_true")
    ap.add_argument("--skip-camelot", action="store_true")
    ap.add_argument("--skip-scanned", action="store_true")
    ap.add_argument("--skip-bundle", action="store_true")
    a = ap.parse_args()
    print(f"start: {load()}")
    src = next((d for d in SHARED_PDFS if os.path.isdir(d)), LOCAL_PDF)
    digital = sorted(glob.glob(os.path.join(src, "*.word.pdf")) + glob.glob(os.path.join(src, "*.borderless.pdf")))
    scanned = sorted(glob.glob(os.path.join(src, "*.scanned.pdf")))
    ratios = []
    if not a.skip_digital:
        digital_part(a, digital, src, ratios)
    if not a.skip_scanned and scanned:
        print(f"scanned PDFs: {len(scanned)} files from {src}")
        ps = measure("pipeline", scanned)
        show("whole pipeline (OCR)", ps)
        ts = measure("tesseract", scanned)
        show("tesseract alone", ts)
        if "error" not in ps and "error" not in ts:
            ratios.append(f"scanned pipeline / tesseract alone = {ps['seconds'] / ts['seconds']:.2f}x wall, "
                          f"{ps['cpu'] / ts['cpu']:.2f}x CPU (goal <= 1.2)")
            print(f"  -> {ratios[-1]}")
    if not a.skip_bundle and not a.skip_digital:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "bundle500.pdf")
            n = bundle(digital, 500, path)
            m = measure("pipeline", [path])
            show(f"{n}-page bundle", m)
            if "error" not in m:
                print(f"  -> peak {m['peak_mb']:.0f} MB (goal < 400 MB)")
    print(f"end: {load()}")
    for r in ratios:
        print(f"RATIO {r}")


def digital_part(a, digital: list[str], src: str, ratios: list[str]) -> None:
    print(f"digital PDFs: {len(digital)} files from {src}")
    with tempfile.TemporaryDirectory() as tmp:
        base_root = None if a.skip_baseline else baseline_tree(a.baseline, tmp)
        if not a.skip_baseline and base_root is None:
            print(f"  baseline {a.baseline}: not found (git archive failed); not measured")
        runs, base_runs = [], []
        for _ in range(2 if base_root else 1):      # in turn, so that a burst of load hits both alike
            runs.append(measure("pipeline", digital))
            if base_root:
                base_runs.append(measure("pipeline", digital, base_root))
        pipe = best(runs)
        show("whole pipeline", pipe)
        if base_root:
            base = best(base_runs)
            show(f"whole pipeline at {a.baseline}"[:28], base)
            if "error" not in pipe and "error" not in base:
                r = pipe["seconds"] / base["seconds"]
                ratios.append(f"digital pipeline / baseline {a.baseline} = {r:.2f}x wall, "
                              f"{pipe['cpu'] / base['cpu']:.2f}x CPU (goal <= 1.0)")
                print(f"  -> {ratios[-1]} (best of {len(runs)} runs each)")
    pipe1 = measure("pipeline1", digital)
    show("whole pipeline, one process", pipe1)
    plumb = measure("pdfplumber", digital)
    show("pdfplumber extract_tables", plumb)
    if "error" not in pipe and "error" not in plumb:
        sp = pipe["seconds"] / pipe["pages"]
        print(f"  -> pipeline {sp:.3f} s/page (goal <= 0.2); pipeline / pdfplumber = "
              f"{pipe['seconds'] / plumb['seconds']:.2f}x (goal <= 1.0); in one process "
              f"{pipe1.get('seconds', float('nan')) / plumb['seconds']:.2f}x")
    if not a.skip_camelot:
        cam = measure("camelot", digital)
        show("camelot lattice", cam)
        if "error" not in cam and "error" not in pipe:
            print(f"  -> pipeline / camelot = {pipe['seconds'] / cam['seconds']:.2f}x")


if __name__ == "__main__":
    main()
