"""Benchmark: the whole pipeline on the five seed reports (text), with throughput and peak memory.

Prints seconds, MB/s of input text and peak RSS.  Also times reading the same files with a bare
line split (the floor no parser can beat) so the ratio says what the parsing costs.
"""
from __future__ import annotations

import os
import resource
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)


def main() -> None:
    from lkj.pipeline import collect_inputs, run

    seeds = os.path.join(ROOT, "corpus", "seeds")
    files = collect_inputs([seeds])
    size = sum(os.path.getsize(f) for f in files)
    t0 = time.perf_counter()
    for f in files:
        with open(f, encoding="utf-8") as fh:
            fh.read().split("\n")
    t_floor = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as out:
        t0 = time.perf_counter()
        s = run([seeds], out)
        t_all = time.perf_counter() - t0
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files={len(files)} bytes={size} reports={s.reports} rows={sum(s.rows_by_kind.values())}")
    print(f"pipeline_seconds={t_all:.3f} throughput_MB_per_s={size / 1e6 / t_all:.2f} "
          f"(goals: < 3 s, >= 2 MB/s)")
    print(f"read_only_seconds={t_floor:.4f} ratio_pipeline_to_read={t_all / max(t_floor, 1e-9):.0f}x")
    print(f"peak_rss_MB={peak_mb:.0f}")


if __name__ == "__main__":
    main()
