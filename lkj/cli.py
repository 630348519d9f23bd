"""The `lkj` command.

    lkj extract INPUT... -o DIR [--workers N | --scheduler ADDRESS] [--force | --retry-failed]
                                [--file-timeout S] [--worker-memory MB] [--json] [--log FILE] [-q] [-v]
    lkj serve | sample | status | export | report DIR      (lkj/commands.py)

Exit codes: 0 every input processed, 1 some inputs failed (listed in DIR/failures.csv), 2 usage
error, 130 / 143 interrupted by Ctrl-C / SIGTERM (finished files kept; the same command resumes).
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import sys


class _Terminated(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is."""


def _parser() -> argparse.ArgumentParser:
    from lkj import __version__

    from .commands import register

    p = argparse.ArgumentParser(prog="lkj", description="Turn SAKIP performance reports (LKj) into a dataset.")
    p.add_argument("--version", action="version", version=f"lkj {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract reports, table rows and anomalies from files or folders")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files or folders (searched recursively), globs ('corpus/*.pdf'), - for standard input")
    ex.add_argument("-o", "--out", required=True, metavar="DIR",
                    help="output folder: the store (lkj.duckdb) and its exports")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress or summary")
    ex.add_argument("-v", "--verbose", action="store_true", help="name each file as it is done")
    ex.add_argument("--workers", type=int, metavar="N", help="local worker processes (default: LKJ_WORKERS, else one per core)")
    ex.add_argument("--scheduler", metavar="ADDRESS", help="read on a Dask cluster (tcp://host:8786): one task per file")
    again = ex.add_mutually_exclusive_group()
    again.add_argument("--force", action="store_true", help="read every input again, even those already done")
    again.add_argument("--retry-failed", action="store_true", help="read again the inputs that failed before")
    ex.add_argument("--file-timeout", type=float, metavar="S", help="seconds a file may take (default 300)")
    ex.add_argument("--worker-memory", type=int, metavar="MB", help="memory a worker may use (default 2048)")
    ex.add_argument("--json", action="store_true", help="print the end summary as JSON on stdout")
    ex.add_argument("--log", metavar="FILE", help="append one JSON line per file read to FILE")
    register(sub)
    return p


def _parse(argv: list[str] | None) -> argparse.Namespace:
    """Parse; a wrong flag is reported with the subcommand's own usage, not the top one."""
    p = _parser()
    args, extra = p.parse_known_args(argv)
    if extra:
        sub = next(a for a in p._actions if isinstance(a, argparse._SubParsersAction)).choices[args.command]
        sub.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    if getattr(args, "handler", None):
        return args.handler(args)
    from .inputs import expand, stdin_as_file

    raw = args.inputs
    args.inputs, missing = expand(args.inputs)
    args.inputs += [p for p in raw if p not in args.inputs and os.path.islink(p)]     # a broken link given is an input
    missing = [m for m in missing if not os.path.islink(m)]
    if missing:
        return _usage(f"no such file or folder: {', '.join(missing)}")
    with stdin_as_file(args.inputs) as args.inputs:
        return _extract(args)


def _usage(msg: str) -> int:
    from .progress import safe

    print(f"lkj: {safe(msg)}", file=sys.stderr)
    return 2


def check_out(out: str) -> str | None:
    """Why `out` cannot be the output folder (None when it can): checked before any work."""
    if os.path.exists(out) and not os.path.isdir(out):
        return f"--out {out} is a file, not a folder"
    try:
        os.makedirs(out, exist_ok=True)
    except OSError as exc:
        return f"cannot create the output folder {out}: {exc.strerror or exc}"
    probe = os.path.join(out, f".lkj-write-test-{os.getpid()}")
    try:
        with open(probe, "w") as fh:
            fh.write("")
        os.remove(probe)
    except OSError as exc:
        return f"cannot write in the output folder {out}: {exc.strerror or exc}"
    return None


def _extract(args) -> int:
    if args.workers is not None and args.workers < 1:
        return _usage("--workers must be at least 1")
    if args.file_timeout is not None and args.file_timeout <= 0:
        return _usage("--file-timeout must be more than 0 seconds")
    if args.worker_memory is not None and args.worker_memory < 64:
        return _usage("--worker-memory must be at least 64 MB")
    why = check_out(args.out)
    if why:
        return _usage(why)
    log = None
    if args.log:
        try:
            log = open(args.log, "a", encoding="utf-8")
        except OSError as exc:
            return _usage(f"cannot write the log {args.log}: {exc.strerror or exc}")

    from rich.console import Console

    from lkj.model.errors import InputError

    from .batch import run
    from .progress import Progress
    from .settings import resolve

    try:
        settings = resolve(args.workers, file_timeout=args.file_timeout, worker_memory_mb=args.worker_memory)
    except InputError as exc:
        return _usage(str(exc))
    console = Console(stderr=True, quiet=args.quiet)
    progress = Progress(console, enabled=not args.quiet)

    terminated: list[int] = []

    def on_term(signum, frame):
        terminated.append(signum)
        raise _Terminated()

    old = signal.signal(signal.SIGTERM, on_term)
    code_if_stopped = 130
    try:
        from rich.text import Text

        from .progress import safe

        verbose = (lambda p: console.print(Text(f"done {safe(p)}"), soft_wrap=True)) if args.verbose else None
        summary = run(args.inputs, args.out, settings, on_file=verbose, force=args.force,
                      retry_failed=args.retry_failed, scheduler=args.scheduler, progress=progress, log=log)
    except InputError as exc:                  # the store is in use, or cannot be opened
        progress.close()
        return _usage(str(exc))
    except KeyboardInterrupt as exc:           # before or after the reading itself
        progress.close()
        code_if_stopped = 143 if isinstance(exc, _Terminated) else 130
        _resume_line(console, args)
        return code_if_stopped
    finally:
        signal.signal(signal.SIGTERM, old)
        progress.close()
        if log:
            log.close()
    if summary.interrupted:
        _resume_line(console, args, summary)
        return 143 if terminated else 130
    if args.json:
        print(json.dumps(summary.as_dict(), ensure_ascii=False, default=str))
    elif not args.quiet:
        _print_summary(console, summary, args.out)
    return 1 if summary.failures else 0


def _resume_line(console, args, summary=None) -> None:
    import shlex

    from .progress import safe

    cmd = " ".join(shlex.quote(a) for a in sys.argv) if sys.argv and sys.argv[0].endswith("lkj") else \
        f"lkj extract ... --out {shlex.quote(args.out)}"
    done = f"{summary.done_now} files read in this run are kept; " if summary else ""
    print(f"lkj: interrupted. {done}the store {safe(os.path.join(args.out, 'lkj.duckdb'))} holds every finished file. "
          f"Run the same command again to go on: {safe(cmd)}", file=sys.stderr)


def _print_summary(console, s, out: str) -> None:
    from rich.table import Table
    from rich.text import Text

    from .progress import safe

    t = Table(title=Text(f"lkj extract -> {safe(out)}"), show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    if s.files and s.done_now == 0 and s.already_done + s.already_failed:
        console.print(Text(f"every file was already done ({s.already_done} done, {s.already_failed} failed before; "
                           "--retry-failed tries those again): nothing read again"))
    for k, v in (("inputs", s.files), ("read now", s.done_now), ("already done", s.already_done),
                 ("failed before, not tried again", s.already_failed),
                 ("duplicates (same bytes as another input)", s.duplicates), ("skipped (see files.csv)", s.skipped)):
        t.add_row(k, str(v))
    t.add_row("reports", str(s.reports))
    for k, v in sorted(s.rows_by_kind.items()):
        t.add_row(f"rows: {k}", str(v))
    for k, v in sorted(s.anomalies_by_rule.items()):
        t.add_row(f"anomalies: {k}", str(v))
    t.add_row("indikator rows to review (review.csv)", str(s.review))
    t.add_row("findings on values read without confidence (doubts.csv)", str(s.doubts))
    t.add_row("failures", str(len(s.failures)))
    t.add_row("seconds", f"{s.seconds:.1f}")
    console.print(t)
    if s.by_kecamatan:
        k = Table(title="anomalies by kecamatan (summary.csv)", show_header=True)
        for c in ("kecamatan", "reports", "rule", "flagged reports", "anomalies"):
            k.add_column(c, justify="right" if c in ("reports", "flagged reports", "anomalies") else "left")
        for r in s.by_kecamatan[:60]:
            k.add_row(Text(safe(r["kecamatan"] or "?")), str(r["reports"]), Text(safe(r["rule"])),
                      str(r["reports_flagged"]), str(r["anomalies"]))
        console.print(k)
    for f in s.failures[:20]:
        line = Text("failed ", style="red")
        line.append(f"{safe(f['path'] or f['source_file'])}: {safe(f['error'])}")
        console.print(line, soft_wrap=True)
    if len(s.failures) > 20:
        console.print(Text(f"... and {len(s.failures) - 20} more in failures.csv"))


if __name__ == "__main__":
    sys.exit(main())
