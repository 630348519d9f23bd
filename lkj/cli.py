"""The `lkj` command.

    lkj extract INPUT... --out DIR
    lkj serve | sample | status | export | report DIR      (lkj/commands.py)

Exit codes: 0 every input processed, 1 some inputs failed (listed in DIR/failures.csv), 2 usage error.
"""
from __future__ import annotations

import argparse
import os
import sys


def _parser() -> argparse.ArgumentParser:
    from lkj import __version__

    from .commands import register

    p = argparse.ArgumentParser(prog="lkj", description="Turn SAKIP performance reports (LKj) into a dataset.")
    p.add_argument("--version", action="version", version=f"lkj {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract reports, table rows and anomalies from files or folders")
    ex.add_argument("inputs", nargs="+", metavar="INPUT",
                    help="files or folders (searched recursively), globs ('corpus/*.pdf'), - for standard input")
    ex.add_argument("-o", "--out", required=True, metavar="DIR", help="output folder for the dataset")
    ex.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    ex.add_argument("-v", "--verbose", action="store_true", help="name each file as it is done")
    ex.add_argument("--workers", type=int, metavar="N", help="processes (default: LKJ_WORKERS, else one per core)")
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

    args.inputs, missing = expand(args.inputs)
    if missing:
        print(f"lkj: no such file or folder: {', '.join(missing)}", file=sys.stderr)
        return 2
    with stdin_as_file(args.inputs) as args.inputs:
        return _extract(args)


def _extract(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from lkj.model.errors import InputError

    from .pipeline import collect_inputs, run
    from .settings import resolve

    try:
        settings = resolve(args.workers)
    except InputError as exc:
        print(f"lkj: {exc}", file=sys.stderr)
        return 2

    console = Console(stderr=True, quiet=args.quiet)
    n = len(collect_inputs(args.inputs))
    with Progress(TextColumn("[bold]lkj extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  TextColumn("{task.description}"), console=console, transient=True,
                  disable=args.quiet) as progress:
        task = progress.add_task("", total=n)
        summary = run(args.inputs, args.out, settings,
                      on_file=lambda p: (progress.update(task, advance=1, description=os.path.basename(p)),
                                         args.verbose and console.print(f"done {p}")))
    if not args.quiet:
        _print_summary(console, summary, args.out)
    return 1 if summary.failures else 0


def _print_summary(console, s, out: str) -> None:
    from rich.table import Table

    t = Table(title=f"lkj extract -> {out}", show_header=True)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("files", str(s.files))
    t.add_row("reports", str(s.reports))
    for k, v in sorted(s.rows_by_kind.items()):
        t.add_row(f"rows: {k}", str(v))
    for k, v in sorted(s.anomalies_by_rule.items()):
        t.add_row(f"anomalies: {k}", str(v))
    t.add_row("indikator rows to review (review.csv)", str(s.review))
    t.add_row("failures", str(len(s.failures)))
    console.print(t)
    if s.by_kecamatan:
        k = Table(title="anomalies by kecamatan (summary.csv)", show_header=True)
        for c in ("kecamatan", "reports", "rule", "flagged reports", "anomalies"):
            k.add_column(c, justify="right" if c in ("reports", "flagged reports", "anomalies") else "left")
        for r in s.by_kecamatan:
            k.add_row(r["kecamatan"] or "?", str(r["reports"]), r["rule"], str(r["reports_flagged"]),
                      str(r["anomalies"]))
        console.print(k)
    for f in s.failures[:20]:
        console.print(f"[red]failed[/red] {f['source_file']}: {f['error']}")


if __name__ == "__main__":
    sys.exit(main())
