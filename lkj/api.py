"""The Python API, for notebooks:

    import lkj
    ds = lkj.open("outputs/corpus")          # a run folder
    ds.reports, ds.rows, ds.anomalies        # DataFrames, corrections applied; ids and codes as text
    ds.rows_of("capaian")                    # the rows of one table kind, with their report's place
    lkj.extract(["report.pdf"], "outputs/x") # run the pipeline; returns the opened dataset

Columns have the types of dataset/schema.py: text columns are pandas `string` (a NIP such as
197202021998031008 stays those 18 digits, a kode keeps its dots and leading zeros), integers
`Int64`, numbers `Float64`, so an empty cell is <NA> and never turns a column into floats.
`lkj.read_csv(path)` reads a CSV of a run with the same types.
"""
from __future__ import annotations

import os
from typing import Iterable

from lkj.dataset.schema import ANOMALY_REVIEW, CORRECTIONS, TABLES, Col


def dtypes(table: str) -> dict[str, str]:
    """pandas dtypes of a table's columns (for pandas.read_csv(..., dtype=lkj.dtypes('reports')))."""
    cols = {**TABLES, "corrections": CORRECTIONS}[table]
    if table == "anomalies":
        cols = cols + ANOMALY_REVIEW
    return {c.name: {"string": "string", "integer": "Int64", "number": "Float64"}[c.type] for c in cols}


def read_csv(path: str):
    """A CSV of a run (reports.csv, rows.csv, ...) with ids and codes as text."""
    import pandas as pd

    name = os.path.splitext(os.path.basename(path))[0]
    return pd.read_csv(path, dtype=dtypes(name), keep_default_na=False, na_values=[""])


class Dataset:
    """A run folder's tables as DataFrames, with people's corrections applied (and re-checked)."""

    def __init__(self, run_dir: str, corrected: bool = True):
        from .export import corrected_tables
        from .rundb import RunDB

        self.path = run_dir
        with RunDB(run_dir, read_only=True) as db:
            if corrected and "corrections" in db.tables():
                tables, _changed = corrected_tables(db)
            else:
                tables = {t: db.records(t) for t in TABLES}
                tables["corrections"] = []
        self._tables = tables

    def table(self, name: str):
        from lkj.dataset.writers import _frame

        cols: tuple[Col, ...] = {**TABLES, "corrections": CORRECTIONS}[name]
        if name == "anomalies":
            cols = cols + ANOMALY_REVIEW
        return _frame(cols, self._tables.get(name, []))

    reports = property(lambda self: self.table("reports"))
    rows = property(lambda self: self.table("rows"))
    anomalies = property(lambda self: self.table("anomalies"))
    failures = property(lambda self: self.table("failures"))
    cells = property(lambda self: self.table("cells"))
    review = property(lambda self: self.table("review"))
    summary = property(lambda self: self.table("summary"))
    corrections = property(lambda self: self.table("corrections"))

    def rows_of(self, table_kind: str):
        """The rows of one table kind with their report's kabupaten, kecamatan, unit, year and quarter."""
        place = self.reports[["report_id", "kabupaten", "kecamatan", "unit", "year", "quarter"]]
        rows = self.rows
        return rows[rows["table_kind"] == table_kind].merge(place, on="report_id", how="left")

    def __repr__(self) -> str:
        t = self._tables
        return (f"<lkj dataset {self.path}: {len(t.get('reports', []))} reports, {len(t.get('rows', []))} rows, "
                f"{len(t.get('anomalies', []))} anomalies, {len(t.get('failures', []))} failures>")


def open(run_dir: str, corrected: bool = True) -> Dataset:  # noqa: A001 - the API's verb
    """A run folder (made by `lkj extract` or `lkj.extract`) as a Dataset."""
    return Dataset(run_dir, corrected)


def extract(paths: Iterable[str] | str, out: str, workers: int | None = 1) -> Dataset:
    """Run the pipeline on files or folders into the run folder `out`; the dataset it made."""
    from .pipeline import run
    from .settings import resolve

    run([paths] if isinstance(paths, str) else list(paths), out, resolve(workers))
    return Dataset(out)
