"""Benchmark: the PDF pipeline against its peers, on the same files in the same run.

Each measurement runs in a child process of its own, so its peak memory is its own.  Printed:
seconds, seconds per page, peak RSS, and the ratios the goals are stated in:
- digital PDFs (word + borderless fixtures): the whole pipeline (extract, parse, normalise, check,
  write) vs pdfplumber's `extract_tables` alone vs camelot lattice alone;
- scanned PDFs: the whole pipeline vs tesseract alone (the `tesseract` command, Indonesian model,
  on the same page images, with as many pages in parallel as the pipeline uses);
- a 500-page bundle built from the digital fixtures: the whole pipeline's peak memory.

    python benchmarks/bench_pdf.py [--skip-camelot] [--skip-scanned] [--skip-bundle]
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
SHARED_PDF = os.path.join(os.path.dirname(ROOT), "shared", "corpus", "pdf")
LOCAL_PDF = os.path.join(ROOT, "corpus", "pdf")

CHILD = r"""
import json, os, resource, sys, time, tempfile
sys.path.insert(0, {root!r})
task, files = sys.argv[1], json.loads(sys.argv[2])
t0 = time.perf_counter()
pages = 0
if task in ("pipeline", "pipeline1"):
    if task == "pipeline1":
        os.environ["LKJ_WORKERS"] = "1"
    from lkj.pipeline import run
    import pdfplumber
    for f in files:
        with pdfplumber.open(f) as p:
            pages += len(p.pages)
    t0 = time.perf_counter()
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
    t0 = time.perf_counter()
    for f in files:
        pdf = pdfium.PdfDocument(f)
        for i in range(len(pdf)):
            path = os.path.join(tmp, f"{{len(imgs)}}.png")
            pdf[i].render(scale=200 / 72, grayscale=True).to_pil().save(path)
            imgs.append(path)
        pdf.close()
    pages = len(imgs)
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as ex:
        list(ex.map(lambda p: subprocess.run(["tesseract", p, "-", "-l", "ind"], capture_output=True), imgs))
dt = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"seconds": dt, "pages": pages, "peak_mb": peak, "children_peak_mb": kids}}))
"""


def measure(task: str, files: list[str]) -> dict:
    code = CHILD.format(root=ROOT)
    res = subprocess.run([sys.executable, "-c", code, task, json.dumps(files)], capture_output=True, text=True,
                         env={**os.environ, "PYTHONWARNINGS": "ignore"})
    if res.returncode != 0:
        return {"error": (res.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(res.stdout.strip().splitlines()[-1])


def show(name: str, m: dict) -> None:
    if "error" in m:
        print(f"  {name:28s} failed: {m['error']}")
        return
    print(f"  {name:28s} {m['seconds']:8.2f} s  {m['pages']:4d} pages  {m['seconds'] / max(1, m['pages']):.3f} s/page  "
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-camelot", action="store_true")
    ap.add_argument("--skip-scanned", action="store_true")
    ap.add_argument("--skip-bundle", action="store_true")
    a = ap.parse_args()
    src = SHARED_PDF if os.path.isdir(SHARED_PDF) else LOCAL_PDF
    digital = sorted(glob.glob(os.path.join(src, "*.word.pdf")) + glob.glob(os.path.join(src, "*.borderless.pdf")))
    scanned = sorted(glob.glob(os.path.join(src, "*.scanned.pdf")))
    print(f"digital PDFs: {len(digital)} files from {src}")
    pipe = measure("pipeline", digital)
    show("whole pipeline", pipe)
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
    if not a.skip_scanned and scanned:
        print(f"scanned PDFs: {len(scanned)} files")
        ps = measure("pipeline", scanned)
        show("whole pipeline (OCR)", ps)
        ts = measure("tesseract", scanned)
        show("tesseract alone", ts)
        if "error" not in ps and "error" not in ts:
            print(f"  -> pipeline / tesseract = {ps['seconds'] / ts['seconds']:.2f}x (goal <= 1.2)")
    if not a.skip_bundle:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "bundle500.pdf")
            n = bundle(digital, 500, path)
            m = measure("pipeline", [path])
            show(f"{n}-page bundle", m)
            if "error" not in m:
                print(f"  -> peak {m['peak_mb']:.0f} MB (goal < 400 MB)")


if __name__ == "__main__":
    main()
