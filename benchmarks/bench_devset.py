"""Benchmark: the whole pipeline on the development set's text (flat, md and `pdftotext -layout`
forms separately, then together), in MB/s of input text.

    python benchmarks/bench_devset.py [SYNTH_DIR] [--workers N]

SYNTH_DIR defaults to the shared corpus (../shared/corpus/synth from the main checkout,
../../shared/corpus/synth from a worktree).  The forms are taken from the set's manifest.json
(text_style of each bundle).  For each form it prints:
  worker_MB_per_s   input bytes / the seconds the workers spent reading the files (files.seconds)
  e2e_MB_per_s      input bytes / the wall time of `lkj extract` as a library call (planning,
                    workers, store, exports and report.html included)
  second_run_s      the wall time of the same run again on the unchanged folder (nothing to read)
The goal of issue 10 is >= 2 MB/s.  It is a benchmark that prints figures, not a test: the
machine's other load moves them; run it again when they look noisy.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
GOAL = 2.0


def _synth_dir(arg: str | None) -> str:
    if arg:
        return arg
    for rel in ("../shared/corpus/synth", "../../shared/corpus/synth", "corpus/synth"):
        p = os.path.normpath(os.path.join(ROOT, rel))
        if os.path.exists(os.path.join(p, "manifest.json")):
            return p
    sys.exit("no development set found: give its folder (the one with manifest.json)")


def forms(synth: str) -> dict[str, list[str]]:
    with open(os.path.join(synth, "manifest.json"), encoding="utf-8") as fh:
        bundles = json.load(fh)["bundles"]
    out: dict[str, list[str]] = {"flat": [], "md": [], "layout": []}
    for b in bundles:
        txt = os.path.join(synth, f"{b['name']}.txt")
        lay = os.path.join(synth, f"{b['name']}.layout.txt")
        if os.path.exists(txt):
            out.setdefault(b.get("text_style", "flat"), []).append(txt)
        if os.path.exists(lay):
            out["layout"].append(lay)
    out["all"] = [f for k in ("flat", "md", "layout") for f in out[k]]
    return {k: v for k, v in out.items() if v}


def measure(files: list[str], workers: int) -> dict:
    import duckdb

    from lkj.batch import run
    from lkj.settings import resolve

    size = sum(os.path.getsize(f) for f in files)
    settings = resolve(workers=workers)
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        s = run(files, out, settings)
        t_all = time.perf_counter() - t0
        t0 = time.perf_counter()
        again = run(files, out, settings)
        t_again = time.perf_counter() - t0
        con = duckdb.connect(os.path.join(out, "lkj.duckdb"), read_only=True)
        worker = con.execute("SELECT coalesce(sum(seconds), 0) FROM files WHERE status = 'done'").fetchone()[0]
        con.close()
    return {"files": len(files), "bytes": size, "reports": s.reports, "rows": sum(s.rows_by_kind.values()),
            "failed": s.failed, "worker_s": worker, "e2e_s": t_all, "second_run_s": t_again,
            "second_run_read": again.done_now}


def main() -> None:
    args = [a for a in sys.argv[1:]]
    workers = 1
    if "--workers" in args:
        i = args.index("--workers")
        workers = int(args[i + 1])
        del args[i:i + 2]
    synth = _synth_dir(args[0] if args else None)
    print(f"development set: {synth}  workers={workers}  (goal: >= {GOAL} MB/s)")
    for form, files in forms(synth).items():
        m = measure(files, workers)
        mb = m["bytes"] / 1e6
        print(f"{form:7s} files={m['files']:3d} MB={mb:.3f} reports={m['reports']} rows={m['rows']} failed={m['failed']} "
              f"worker_s={m['worker_s']:.2f} worker_MB_per_s={mb / max(m['worker_s'], 1e-9):.2f} "
              f"e2e_s={m['e2e_s']:.2f} e2e_MB_per_s={mb / m['e2e_s']:.2f} "
              f"second_run_s={m['second_run_s']:.3f} (read again: {m['second_run_read']})")


if __name__ == "__main__":
    main()
