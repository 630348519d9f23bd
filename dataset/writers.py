"""Write a run's records as the contract CSVs, Parquet files, one DuckDB file and datapackage.json."""
from __future__ import annotations

import csv
import json
import os

from .schema import CONTRACT_VERSION, TABLES, Col


def cell_text(v) -> str:
    """A value as the contract's CSV writes it (numbers with a dot, None as an empty cell)."""
    if v is None:
        return ""
    if isinstance(v, float):
        if v != v:  # NaN
            return ""
        return repr(v)
    return str(v)


def write_csv(path: str, cols: tuple[Col, ...], records: list[dict]) -> None:
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([c.name for c in cols])
        for r in records:
            w.writerow([cell_text(r.get(c.name)) for c in cols])


def _frame(cols: tuple[Col, ...], records: list[dict]):
    import pandas as pd

    data = {}
    for c in cols:
        vals = [r.get(c.name) for r in records]
        if c.type == "integer":
            data[c.name] = pd.array([None if v in (None, "") else int(v) for v in vals], dtype="Int64")
        elif c.type == "number":
            data[c.name] = pd.array([None if v in (None, "") else float(v) for v in vals], dtype="Float64")
        else:
            data[c.name] = pd.array([None if v is None else str(v) for v in vals], dtype="string")
    return pd.DataFrame(data)


def write_all(out_dir: str, tables: dict[str, list[dict]], extra_parquet: bool = True) -> None:
    os.makedirs(out_dir, exist_ok=True)
    for name, cols in TABLES.items():
        write_csv(os.path.join(out_dir, f"{name}.csv"), cols, tables.get(name, []))
    frames = {name: _frame(cols, tables.get(name, [])) for name, cols in TABLES.items()}
    if extra_parquet:
        pq_dir = os.path.join(out_dir, "parquet")
        os.makedirs(pq_dir, exist_ok=True)
        for name, df in frames.items():
            df.to_parquet(os.path.join(pq_dir, f"{name}.parquet"), index=False)
    _write_duckdb(os.path.join(out_dir, "lkj.duckdb"), frames)
    _write_datapackage(out_dir)


def _write_duckdb(path: str, frames) -> None:
    import duckdb

    # the run's tables are replaced; the tables people wrote (schema.USER_TABLES: corrections, samples)
    # stay, so a batch run again keeps its corrections
    con = duckdb.connect(path)
    try:
        for name, df in frames.items():
            con.register("frame", df)
            con.execute(f"CREATE OR REPLACE TABLE {name} AS SELECT * FROM frame")
            con.unregister("frame")
    finally:
        con.close()


def _write_datapackage(out_dir: str) -> None:
    pkg = {
        "name": "lkj-dataset",
        "title": "SAKIP performance reports (LKj) extracted into data",
        "version": CONTRACT_VERSION,
        "resources": [
            {
                "name": name,
                "path": f"{name}.csv",
                "format": "csv",
                "encoding": "utf-8",
                "schema": {"fields": [{"name": c.name, "type": c.type, "description": c.description} for c in cols]},
            }
            for name, cols in TABLES.items()
        ],
    }
    with open(os.path.join(out_dir, "datapackage.json"), "w", encoding="utf-8") as fh:
        json.dump(pkg, fh, indent=1, ensure_ascii=False)
