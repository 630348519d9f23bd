"""The commands for the people who use a run: serve, sample, status, export, report.

`register(sub)` adds them to the `lkj` command's subparsers; each sets `handler`, a function of
the parsed arguments returning the exit code (0 done, 1 failed, 2 usage).
"""
from __future__ import annotations

import argparse
import os
import secrets
import sys

from lkj.model.errors import InputError

ENV_TOKEN = "LKJ_TOKEN"


def register(sub) -> None:
    s = sub.add_parser("serve", help="the review page and JSON API over a run folder",
                       description="Serve the review page and the JSON API of a run folder (FastAPI, uvicorn).")
    s.add_argument("run_dir", metavar="DIR", help="run folder (made by lkj extract; an empty one is created)")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    s.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    s.add_argument("--token", help=f"token for writes (default: {ENV_TOKEN}, else a new one is printed)")
    s.add_argument("--sources", action="append", default=[], metavar="FOLDER",
                   help="folder holding the run's source files, to show them beside the data (repeatable)")
    s.add_argument("--open-reads", action="store_true", help="let other machines read without the token")
    s.add_argument("-q", "--quiet", action="store_true", help="no request log")
    s.add_argument("--screenshot", metavar="PNG", help="do not serve: write a screenshot of the review page and stop")
    s.set_defaults(handler=_serve)

    p = sub.add_parser("sample", help="draw reports at random for a person to check in full",
                       description="Draw reports at random for a person to check in full on the review page; "
                                   "`lkj status DIR` then shows the batch's measured field accuracy.")
    p.add_argument("run_dir", metavar="DIR")
    p.add_argument("--reports", "-n", type=int, required=True, metavar="N", help="how many reports to draw")
    p.add_argument("--seed", type=int, help="random seed (to draw the same reports again)")
    p.set_defaults(handler=_sample)

    t = sub.add_parser("status", help="what a run folder holds, and the batch's measured accuracy")
    t.add_argument("run_dir", metavar="DIR")
    t.set_defaults(handler=_status)

    e = sub.add_parser("export", help="the dataset with the corrections applied: CSV, Excel, Parquet, report",
                       description="Write the run's dataset with people's corrections applied (and re-checked).")
    e.add_argument("run_dir", metavar="DIR")
    e.add_argument("-o", "--out", metavar="FOLDER", help="where to write (default DIR/export)")
    e.add_argument("--format", "-f", action="append", choices=("csv", "xlsx", "parquet", "html"),
                   help="csv (default), xlsx (one workbook), parquet, html (the run report); repeatable")
    e.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    e.set_defaults(handler=_export)

    r = sub.add_parser("report", help="write DIR/report.html, the run report (static, opens offline)")
    r.add_argument("run_dir", metavar="DIR")
    r.set_defaults(handler=_report)


def _fail(msg: str) -> int:
    print(f"lkj: {msg}", file=sys.stderr)
    return 1


def _serve(a: argparse.Namespace) -> int:
    import uvicorn

    from .serve.app import create_app
    from .settings import resolve

    for f in a.sources:
        if not os.path.isdir(f):
            print(f"lkj serve: no such folder: {f}", file=sys.stderr)
            return 2
    token = a.token or os.environ.get(ENV_TOKEN) or secrets.token_urlsafe(18)
    made = not a.token and not os.environ.get(ENV_TOKEN)
    try:
        app = create_app(a.run_dir, token, a.sources, a.open_reads, resolve(1))
    except InputError as exc:
        return _fail(str(exc))
    if a.screenshot:
        from .serve.screenshot import screenshot
        print(screenshot(app, a.screenshot, token))
        return 0
    shown = "127.0.0.1" if a.host in ("0.0.0.0", "::") else a.host
    print(f"lkj serve: {os.path.abspath(a.run_dir)}", file=sys.stderr)
    print(f"  review page  http://{shown}:{a.port}/?token={token}" if made else
          f"  review page  http://{shown}:{a.port}/?token=…  (your token)", file=sys.stderr)
    print(f"  API          http://{shown}:{a.port}/docs", file=sys.stderr)
    uvicorn.run(app, host=a.host, port=a.port, log_level="warning" if a.quiet else "info")
    return 0


def _sample(a: argparse.Namespace) -> int:
    from .rundb import RunDB
    from .sample import draw

    try:
        with RunDB(a.run_dir) as db:
            recs = draw(db, a.reports, a.seed)
            reps = {r["report_id"]: r for r in db.records("reports")}
    except InputError as exc:
        return _fail(str(exc))
    print(f"drew {len(recs)} report(s) (seed {recs[0]['seed']}); check each in full on the review page "
          f"(lkj serve {a.run_dir}, rule 'sample'):")
    for s in recs:
        r = reps[s["report_id"]]
        print(f"  {s['report_id']}  {r.get('kecamatan') or '?'} · {r.get('unit') or '?'} · {r['source_file']}")
    return 0


def _status(a: argparse.Namespace) -> int:
    from .rundb import RunDB
    from .sample import accuracy

    try:
        with RunDB(a.run_dir, read_only=True) as db:
            have = db.tables()
            n = {t: db.count(t) if t in have else 0
                 for t in ("reports", "rows", "anomalies", "failures", "corrections", "samples")}
            acc = accuracy(db)
    except InputError as exc:
        from .status import _running, store_status

        if _running(a.run_dir):             # the store is held by a run: what the run says of itself
            return store_status(a.run_dir)
        return _fail(str(exc))
    print(f"{a.run_dir}: {n['reports']} reports, {n['rows']} rows, {n['anomalies']} anomalies, "
          f"{n['failures']} failures, {n['corrections']} corrections")
    print(acc.sentence())
    from .status import store_status

    return store_status(a.run_dir)          # the files: done, failed, pending, skipped, duplicate


def _export(a: argparse.Namespace) -> int:
    from .export import export
    from .settings import resolve
    from .snapshot import export as snapshot
    from .store import Store

    try:                                    # the run's own CSV, Parquet, datapackage.json from the store first
        store = Store(a.run_dir)
        try:
            snapshot(store, a.run_dir, resolve(1), force=True)
        finally:
            store.close()
    except InputError as exc:
        return _fail(str(exc))
    try:
        written = export(a.run_dir, a.out, tuple(a.format or ["csv"]))
    except InputError as exc:
        return _fail(str(exc))
    if not a.quiet:
        for p in written:
            if not p.endswith(".parquet"):
                print(p)
    return 0


def _report(a: argparse.Namespace) -> int:
    from .export import write_run_report

    try:
        print(write_run_report(a.run_dir))
    except InputError as exc:
        return _fail(str(exc))
    return 0
