"""Exports of a run with people's corrections applied: the contract CSVs (plus corrections.csv),
Parquet, one Excel workbook, and the run report (report.html)."""
from __future__ import annotations

import os

from lkj.dataset.report_html import write_report
from lkj.dataset.schema import ANOMALY_REVIEW, CORRECTIONS, TABLES
from lkj.dataset.writers import _frame, write_csv
from lkj.dataset.xlsx import write_xlsx
from lkj.model.settings import Settings

from .corrections import corrected, in_force
from .rundb import RunDB

FORMATS = ("csv", "xlsx", "parquet", "html")


def corrected_tables(db: RunDB, settings: Settings | None = None,
                     with_cells: bool = True) -> tuple[dict[str, list[dict]], dict]:
    """Every table of the run with the corrections applied, and (row_id, field) -> correction in force
    (the cells left out with `with_cells=False`)."""
    view = corrected(db, settings=settings, with_cells=with_cells)
    tables = dict(view.tables)
    tables["failures"] = db.records("failures")
    tables["summary"] = db.records("summary")
    tables["corrections"] = db.records("corrections", order="made_at, rowid")
    changed = {(c["row_id"], c["field"]): c for c in in_force(db) if c["what"] in ("value", "indikator")}
    return tables, changed


def export(run_dir: str, out_dir: str | None = None, formats: tuple[str, ...] = ("csv",),
           settings: Settings | None = None) -> list[str]:
    """Write the corrected dataset in the given formats; the paths written."""
    out_dir = out_dir or os.path.join(run_dir, "export")
    os.makedirs(out_dir, exist_ok=True)
    with RunDB(run_dir) as db:
        tables, changed = corrected_tables(db, settings)
    written: list[str] = []
    cols = {**TABLES, "anomalies": TABLES["anomalies"] + ANOMALY_REVIEW, "corrections": CORRECTIONS}
    if "csv" in formats:
        for name, c in cols.items():
            p = os.path.join(out_dir, f"{name}.csv")
            write_csv(p, c, tables.get(name, []))
            written.append(p)
    if "parquet" in formats:
        pq = os.path.join(out_dir, "parquet")
        os.makedirs(pq, exist_ok=True)
        for name, c in cols.items():
            p = os.path.join(pq, f"{name}.parquet")
            _frame(c, tables.get(name, [])).to_parquet(p, index=False)
            written.append(p)
    if "xlsx" in formats:
        p = os.path.join(out_dir, "lkj.xlsx")
        write_xlsx(p, tables, changed)
        written.append(p)
    if "html" in formats:
        p = os.path.join(out_dir, "report.html")
        write_report(p, tables, f"lkj run report: {os.path.basename(os.path.abspath(run_dir))}")
        written.append(p)
    return written


def write_run_report(run_dir: str, settings: Settings | None = None, con=None) -> str:
    """DIR/report.html, from the run's tables with the corrections applied (`con`: the run's own
    connection to its database, when it has one open)."""
    with RunDB(run_dir, con=con) as db:
        tables, _changed = corrected_tables(db, settings, with_cells=False)     # the page shows no cells
    p = os.path.join(run_dir, "report.html")
    write_report(p, tables, f"lkj run report: {os.path.basename(os.path.abspath(run_dir))}")
    return p
