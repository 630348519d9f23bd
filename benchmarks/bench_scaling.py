"""Benchmark: the cost of one text bundle against its size (it must grow linearly).

Bundles of 1, 2, 4, 8 and 16 MB are built by repeating the largest seed bundle with a short report
number between the copies; each is read in a child process of its own (the whole pipeline on one
file: read, parse, normalise, check).  Printed: MB, reports, seconds, seconds per MB, and the
ratio of the largest bundle's seconds per MB to the smallest's (linear: about 1).

    python benchmarks/bench_scaling.py [--sizes 1,2,4,8,16]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "corpus", "seeds", "000_c801a2f3cd2d9162.txt")

CHILD = r"""
import json, sys, time
sys.path.insert(0, {root!r})
from lkj.model.settings import Settings
from lkj.pipeline import process_path
from lkj.worker import warm_up
warm_up()
t0 = time.perf_counter()
res, failure = process_path(sys.argv[1], Settings())
took = time.perf_counter() - t0
print(json.dumps({{"seconds": took, "reports": len(res.records["reports"]) if res else 0, "failure": failure}}))
"""


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="1,2,4,8,16")
    args = ap.parse_args()
    seed = open(SEED, "rb").read()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for mb in [float(x) for x in args.sizes.split(",")]:
            path = os.path.join(tmp, f"bundle_{mb:g}mb.txt")
            with open(path, "wb") as fh:
                size, k = 0, 0
                while size < mb * 1e6:
                    chunk = seed + f"\n\n".encode()
                    fh.write(chunk)
                    size += len(chunk)
                    k += 1
            p = subprocess.run([sys.executable, "-c", CHILD.format(root=ROOT), path], capture_output=True, text=True)
            try:
                r = json.loads(p.stdout.strip().splitlines()[-1])
            except (ValueError, IndexError):
                print(f"{mb:g} MB: failed {p.stderr[-500:]}")
                continue
            rows.append((size / 1e6, r["seconds"]))
            print(f"MB={size / 1e6:.2f} copies={k} reports={r['reports']} seconds={r['seconds']:.1f} "
                  f"seconds_per_MB={r['seconds'] / (size / 1e6):.1f}", flush=True)
    if len(rows) >= 2:
        (m0, s0), (m1, s1) = rows[0], rows[-1]
        print(f"size_ratio={m1 / m0:.1f} time_ratio={s1 / s0:.1f} per_MB_ratio={(s1 / m1) / (s0 / m0):.2f} "
              "(linear: about 1)")


if __name__ == "__main__":
    main()
