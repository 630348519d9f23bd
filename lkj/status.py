"""`lkj status DIR` for the store: its files by status, stage and reason; while a run holds the
store, what that run says of itself (DIR/.lkj-running.json)."""
from __future__ import annotations

import json
import os
import sys


def _usage(msg: str) -> int:
    from .progress import safe

    print(f"lkj: {safe(msg)}", file=sys.stderr)
    return 2


def _running(out: str) -> dict | None:
    """What a run holding the store says of itself (DIR/.lkj-running.json), if one does."""
    try:
        with open(os.path.join(out, ".lkj-running.json"), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None


def store_status(out: str, as_json: bool = False) -> int:
    """`lkj status DIR`: the store's files by status, stage and reason (a running run: what it does)."""
    from lkj.model.errors import InputError

    from .progress import safe
    from .store import Store

    if not os.path.exists(os.path.join(out, "lkj.duckdb")):
        return _usage(f"no store in {out} (no lkj.duckdb): nothing extracted there yet")
    try:
        store = Store(out, read_only=True)
    except InputError as exc:
        running = _running(out)
        if running is None:
            return _usage(str(exc))
        if as_json:
            print(json.dumps({"running": running}, ensure_ascii=False))
        else:
            print(f"running (process {running.get('pid')}): done={running.get('done')} of {running.get('todo')} "
                  f"to read in this run, failed={running.get('failed')}, {running.get('files_per_min')} files/min")
            for name in running.get("reading", []):
                print(f"  reading {safe(name)}")
        return 0
    try:
        c = store.counts()
    finally:
        store.close()
    if as_json:
        print(json.dumps({"files": c["files"], "records": c["records"],
                          "reasons": [dict(zip(("status", "stage", "reason", "files"), r)) for r in c["reasons"]]},
                         ensure_ascii=False))
        return 0
    f = c["files"]
    print(" ".join(f"{k}={f.get(k, 0)}" for k in ("done", "failed", "pending", "skipped", "duplicate")))
    print(" ".join(f"{k}={v}" for k, v in c["records"].items()))
    for status, stage, reason, n in c["reasons"]:
        print(f"{n:6d}  {status:7s} {stage:8s} {safe(reason)}")
    return 0
