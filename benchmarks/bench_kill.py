"""Benchmark: kill -9 at random moments of a run, then resume.

The shipped corpus (seed texts and PDFs, the scan included) plus 200 more files (reports of the
seeds cut out and edited, as in bench_archive.py) are extracted once without interruption; then
the same inputs into another folder, killed with SIGKILL at random moments (a run that finishes
before its moment is followed by one with --force, so that every kill lands in a run with work to
do).  After every kill: the store opens, holds exactly the files whose transaction committed (no
records of a file that is not done, every done file with all its records), the previous exports
are whole (every file as datapackage.json describes it), no worker process is left.  At the end a
resumed run must give exports byte-identical to the uninterrupted run's.

    python benchmarks/bench_kill.py [--kills 20] [--extra 200] [--seed 13] [--corpus corpus/seeds] [--max-moment 90]
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def cli(inputs: list[str], out: str, *extra: str) -> list[str]:
    return [sys.executable, "-m", "lkj.cli", "extract", *inputs, "--out", out, "--quiet", "--workers", "2", *extra]


def main() -> None:
    import psutil

    from bench_archive import build_batch
    from lkj.batch import pipeline_version
    from lkj.snapshot import exported_bytes
    from lkj.snapshot import verify
    from lkj.store import Store

    ap = argparse.ArgumentParser()
    ap.add_argument("--kills", type=int, default=20)
    ap.add_argument("--extra", type=int, default=200)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--corpus", default="corpus", help="corpus (texts and PDFs, the scan included) or corpus/seeds")
    ap.add_argument("--max-moment", type=float, default=90.0, help="latest kill moment, seconds into a run")
    args = ap.parse_args()
    version = pipeline_version()           # the code the runs use (a change of it mid-benchmark re-reads files)
    rng = random.Random(args.seed)
    work = tempfile.mkdtemp(prefix="lkj-kill-")
    extra = os.path.join(work, "extra")
    build_batch(extra, args.extra, pdf_every=0)
    inputs = [os.path.join(ROOT, args.corpus), extra]
    whole = os.path.join(work, "whole")
    t0 = time.monotonic()
    subprocess.run(cli(inputs, whole), cwd=ROOT, check=False)
    full = time.monotonic() - t0
    print(f"uninterrupted run: {full:.0f} s", flush=True)
    out = os.path.join(work, "out")
    kills = store_ok = exports_ok = exports_checked = orphans = runs = 0
    force = False
    done_before = 0
    while kills < args.kills and runs < 4 * args.kills:
        runs += 1
        p = subprocess.Popen(cli(inputs, out, *(["--force"] if force else [])), cwd=ROOT,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        me = psutil.Process(p.pid)
        moment = rng.uniform(3.0, max(5.0, min(args.max_moment, full * 0.7)))
        t0 = time.monotonic()
        workers: set = set()
        while time.monotonic() - t0 < moment and p.poll() is None:
            try:
                workers.update(me.children(recursive=True))
            except psutil.Error:
                pass
            time.sleep(0.2)
        if p.poll() is not None:                   # finished before its moment: the next run re-reads all
            force = True
            continue
        p.kill()
        p.wait()
        kills += 1
        _, alive = psutil.wait_procs(list(workers), timeout=5)
        orphans += len(alive)
        for w in alive:
            w.kill()
        try:
            store = Store(out, read_only=True)
            try:
                problems = store.consistency()
                done = store.con.execute("SELECT count(*) FROM files WHERE status = 'done'").fetchone()[0]
            finally:
                store.close()
            store_ok += not problems
        except Exception as exc:                   # the store did not open
            problems, done = [f"{type(exc).__name__}: {exc}"], 0
        if os.path.exists(os.path.join(out, "datapackage.json")):
            exports_checked += 1
            exports_ok += not verify(out)
        print(f"kill {kills} at {moment:5.1f} s{' (--force run)' if force else ''}: done files {done_before} -> "
              f"{done}, store {'consistent' if not problems else problems[:2]}, workers left {len(alive)}", flush=True)
        done_before = done
        force = False
    res = subprocess.run(cli(inputs, out), cwd=ROOT)
    got, want = exported_bytes(out), exported_bytes(whole)
    same = res.returncode in (0, 1) and got == want
    print(f"kills={kills} store_consistent={store_ok}/{kills} exports_whole={exports_ok}/{exports_checked} "
          f"orphan_workers={orphans} resumed_identical={'yes' if same else 'NO'}")
    if same:
        shutil.rmtree(work, ignore_errors=True)
    else:                                          # what differs, and the folders kept to look at
        print(f"exit code of the resumed run {res.returncode}; exports that differ: "
              f"{sorted(k for k in set(got) | set(want) if got.get(k) != want.get(k))}; kept: {work}")
        if pipeline_version() != version:
            print(f"the code changed during the benchmark (pipeline version {version} -> {pipeline_version()}): "
                  f"the resumed run read the files again with the new code, and files.csv names that version")


if __name__ == "__main__":
    main()
