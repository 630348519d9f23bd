"""Benchmark: an archive of 10,000 files through `lkj extract`, with 1 and 2 workers.

The batch is built from the shipped corpus: every report of the seed bundles cut out as a file of
its own (the reports' line spans from a run over the seeds), each copy with a small edit (an
archive note appended, so that every file's bytes differ), 2% exact duplicates, the fixture PDFs
(word and web-printout exports) among them.  Printed:
- files/s with 2 workers over the whole batch, and with 1 worker over every 5th file (the same mix
  of files: a full one-worker pass would take as long again as the rest together), the speed-up;
- the main process's resident memory while the batch goes (sampled twice a second against the
  files done, from --log): at the first, the 9,000th and the last file, and what the last thousand
  files added;
- the peak memory of a worker over the batch (each worker's own high-water mark, from --json);
- a second run over the unchanged batch: seconds (no file read again).

    python benchmarks/bench_archive.py [--files 10000] [--keep DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
PDFS = ("001_c564c03b0f034995.word.pdf", "001_c564c03b0f034995.borderless.pdf", "002_9775546dd054ce8e.word.pdf")


def seed_reports() -> list[bytes]:
    """Every report of the seed bundles as the bytes of its own file."""
    from lkj.model.settings import Settings
    from lkj.pipeline import process_path

    out = []
    seeds = os.path.join(ROOT, "corpus", "seeds")
    for f in sorted(os.listdir(seeds)):
        path = os.path.join(seeds, f)
        lines = open(path, "rb").read().split(b"\n")
        res, failure = process_path(path, Settings())
        if failure:
            continue
        for r in res.records["reports"]:
            a, b = r["line_start"], r["line_end"]
            if a and b and b >= a:
                out.append(b"\n".join(lines[a - 1:b]) + b"\n")
    return out


def build_batch(folder: str, n: int, dup_share: float = 0.02, pdf_every: int = 250) -> int:
    """n files in `folder` (in subfolders of 500): edited report copies, some exact duplicates, PDFs."""
    reports = seed_reports()
    pdf_bytes = [open(os.path.join(ROOT, "corpus", "pdf", p), "rb").read() for p in PDFS
                 if os.path.exists(os.path.join(ROOT, "corpus", "pdf", p))]
    dup_every = int(1 / dup_share) if dup_share else 0
    made = 0
    for k in range(n):
        sub = os.path.join(folder, f"box{k // 500:03d}")
        os.makedirs(sub, exist_ok=True)
        if pdf_bytes and pdf_every and k % pdf_every == pdf_every - 1:
            data, ext = pdf_bytes[(k // pdf_every) % len(pdf_bytes)], ".pdf"     # past the first: duplicates
        elif dup_every and k % dup_every == dup_every - 1 and k > 0:
            prev = os.path.join(folder, f"box{(k - 1) // 500:03d}", f"lkj_{k - 1:05d}.txt")
            data, ext = (open(prev, "rb").read() if os.path.exists(prev) else reports[k % len(reports)]), ".txt"
        else:
            data, ext = reports[k % len(reports)] + f"\nCatatan arsip nomor {k}.\n".encode(), ".txt"
        with open(os.path.join(sub, f"lkj_{k:05d}{ext}"), "wb") as fh:
            fh.write(data)
        made += 1
    return made


def run_cli(inputs: list[str], out: str, workers: int, sample: bool = False) -> dict:
    """One `lkj extract` over inputs; its JSON summary, seconds and (sample) main-process RSS by files done."""
    import psutil

    log = os.path.join(out + ".log")
    if os.path.exists(log):
        os.remove(log)
    cmd = [sys.executable, "-m", "lkj.cli", "extract", *inputs, "--out", out, "--workers", str(workers),
           "--json", "--quiet", "--log", log]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples: list[tuple[int, float]] = []
    stop = threading.Event()

    def sampler():
        proc = psutil.Process(p.pid)
        while not stop.is_set():
            try:
                rss = proc.memory_info().rss / 2**20
                done = sum(1 for _ in open(log, "rb")) if os.path.exists(log) else 0
                samples.append((done, rss))
            except (psutil.Error, OSError):
                break
            stop.wait(0.5)

    th = threading.Thread(target=sampler, daemon=True)
    if sample:
        th.start()
    stdout, stderr = p.communicate()
    stop.set()
    took = time.monotonic() - t0
    try:
        summary = json.loads(stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        raise SystemExit(f"lkj extract failed ({p.returncode}): {stderr[-2000:]}")
    return {"seconds": took, "summary": summary, "samples": samples, "code": p.returncode}


def rss_at(samples: list[tuple[int, float]], done: int) -> float:
    """Main-process RSS when `done` files were done (the first sample at or after it)."""
    for d, rss in samples:
        if d >= done:
            return rss
    return samples[-1][1] if samples else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=10_000)
    ap.add_argument("--one-worker-share", type=int, default=5, help="1 worker reads every Nth file")
    ap.add_argument("--keep", help="build the batch here and keep it")
    args = ap.parse_args()
    work = args.keep or tempfile.mkdtemp(prefix="lkj-archive-")
    batch = os.path.join(work, "batch")
    if not os.path.isdir(batch):
        n = build_batch(batch, args.files)
        print(f"built {n} files in {batch}", flush=True)
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(batch) for f in fs)
    subset_dir = os.path.join(work, "subset")
    if not os.path.isdir(subset_dir):
        os.makedirs(subset_dir)
        for k, f in enumerate(files[::args.one_worker_share]):
            os.symlink(f, os.path.join(subset_dir, f"{k:05d}_{os.path.basename(f)}"))
    n_sub = len(os.listdir(subset_dir))
    for d in ("out1", "out2"):
        shutil.rmtree(os.path.join(work, d), ignore_errors=True)

    two = run_cli([batch], os.path.join(work, "out2"), 2, sample=True)
    s2 = two["summary"]
    read2 = s2["done_now"] + s2["failed"]
    rate2 = len(files) / two["seconds"]
    print(f"2 workers: files={len(files)} read={s2['done_now']} failed={s2['failed']} duplicates={s2['duplicates']} "
          f"seconds={two['seconds']:.1f} files_per_s={rate2:.2f} peak_worker_MB={s2['peak_worker_mb']:.0f}", flush=True)
    one = run_cli([subset_dir], os.path.join(work, "out1"), 1)
    rate1 = n_sub / one["seconds"]
    print(f"1 worker:  files={n_sub} (every {args.one_worker_share}th) seconds={one['seconds']:.1f} "
          f"files_per_s={rate1:.2f} peak_worker_MB={one['summary']['peak_worker_mb']:.0f}", flush=True)
    sm = two["samples"]
    last = max((d for d, _ in sm), default=0)
    first_rss, at_9k, end_rss = rss_at(sm, 1), rss_at(sm, max(1, last - 1000)), rss_at(sm, last)
    again = run_cli([batch], os.path.join(work, "out2"), 2)
    print(f"main_rss_MB first_file={first_rss:.0f} at_{max(1, last - 1000)}={at_9k:.0f} at_{last}={end_rss:.0f} "
          f"last_1000_files_added_MB={end_rss - at_9k:.0f} (goal < 50)")
    print(f"second_run_seconds={again['seconds']:.2f} read_again={again['summary']['done_now']} "
          f"per_1000_files={again['seconds'] / len(files) * 1000:.2f} s")
    print(f"speedup_2_workers={rate2 / rate1:.2f} (goal >= 1.6) peak_worker_MB="
          f"{max(s2['peak_worker_mb'], one['summary']['peak_worker_mb']):.0f} (goal <= 400) read={read2}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
