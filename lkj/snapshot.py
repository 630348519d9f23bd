"""Exports: the store's tables as the contract CSVs, Parquet files and datapackage.json.

First the run as a whole is brought up to date in the store: the run-scope rules over the facts of
every done file, the quality scores that count them, the summary table.  Then each table is
written from a query in a fixed order (by the path that gave each content, then the position in
the file), streamed: its CSV by DuckDB itself (COPY, in the bytes of the csv module, see
`_csv_copy`), its Parquet file from the query's Arrow batches, each to a temporary file renamed
into place; datapackage.json last.  The same
store gives the same bytes, whatever the order files were read in, by how many workers, here or on
a cluster.  An export that is already up to date (the store unchanged since, the files as written)
is not written again.
"""
from __future__ import annotations

import json
import os

from lkj.dataset.schema import TABLES, export_columns
from lkj.dataset.writers import write_csv, write_datapackage, write_file, write_parquet
from lkj.model.names import ROW_VALUE_FIELDS

BATCH = 50_000
EXPORTED = ("reports", "rows", "anomalies", "failures", "review", "summary", "cells", "files", "doubts")

_FIRST = "(SELECT sha256, min(path) AS p FROM files WHERE status = 'done' GROUP BY sha256)"
_REPORT_ORDER = f"(SELECT r.report_id, o.p FROM reports r JOIN {_FIRST} o ON r.source_sha256 = o.sha256)"
_FIELDS = "[" + ", ".join(f"'{f}'" for f in ROW_VALUE_FIELDS) + "]"


def _query(table: str, column=lambda c: f"t.{c.name}") -> str:
    """The export's query of a table, in its fixed order; `column(col)` the expression of each column."""
    cols = ", ".join(column(c) for c in export_columns(table))
    if table == "reports":
        return f"SELECT {cols} FROM reports t JOIN {_FIRST} o ON t.source_sha256 = o.sha256 ORDER BY o.p, t.report_seq"
    if table == "rows":
        return (f"SELECT {cols} FROM rows t JOIN {_REPORT_ORDER} o USING (report_id) "
                "ORDER BY o.p, t.report_seq, t.table_seq, t.row_index")
    if table == "anomalies":
        return (f"SELECT {cols} FROM anomalies t JOIN {_REPORT_ORDER} o USING (report_id) "
                "ORDER BY o.p, t.report_seq, t.anomaly_id")
    if table == "doubts":
        return (f"SELECT {cols} FROM doubts t JOIN {_REPORT_ORDER} o USING (report_id) "
                "ORDER BY o.p, t.report_seq, t.doubt_id")
    if table == "review":
        return f"SELECT {cols} FROM review t JOIN {_REPORT_ORDER} o USING (report_id) ORDER BY o.p, t.row_id"
    if table == "cells":
        return (f"SELECT {cols} FROM cells t JOIN rows w USING (row_id) JOIN {_REPORT_ORDER} o ON w.report_id = o.report_id "
                f"ORDER BY o.p, w.report_seq, w.table_seq, w.row_index, list_position({_FIELDS}, t.field), t.field")
    if table == "summary":
        return f"SELECT {cols} FROM summary t ORDER BY t.kabupaten, t.kecamatan, t.rule"
    return f"SELECT {cols} FROM {table} t ORDER BY t.path"          # files, failures


def _csv_value(c) -> str:
    if c.type == "string":
        return f"nullif(t.{c.name}, '') AS {c.name}"
    if c.type == "number":
        return f"CASE WHEN isnan(t.{c.name}) THEN NULL ELSE t.{c.name} END AS {c.name}"
    return f"t.{c.name}"


def _csv_copy(table: str, path: str) -> str:
    """The statement by which DuckDB writes the query's rows into `path` in the bytes write_csv
    writes them (the csv module's): a header, CRLF line ends, a value quoted only when it holds a
    comma, a quote or a line break (not for a leading '#', DuckDB's comment sign by default), an
    empty text and a NaN as an empty cell like None, numbers as Python's repr writes them (DuckDB
    writes a double in its shortest round-trip form too).  DuckDB formats the rows in C, several
    times faster than the csv module over Arrow's Python values."""
    target = path.replace("'", "''")
    return (f"COPY ({_query(table, _csv_value)}) TO '{target}' "
            "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"', NEW_LINE '\\r\\n', COMMENT '')")


def preload() -> None:
    """Load what an export needs beyond the store: the run-scope rules, Arrow's Parquet module, the
    run report.  A run calls it in a thread of its own while its workers read, so that
    this loading (0.15 s) does not wait for the last file."""
    import pyarrow.parquet  # noqa: F401

    from lkj.checks import registry, rules  # noqa: F401
    from lkj.dataset import summary  # noqa: F401

    from .export import write_run_report  # noqa: F401  (report.html)


def run_scope(store, settings) -> None:
    """The run-scope rules over every done file, their anomalies and the quality scores, into the store."""
    from collections import Counter

    from lkj.checks.registry import quality_score, run_run_rules
    from lkj.checks.rules import BY_NAME, RULES
    from lkj.dataset import records as rec
    from lkj.dataset.summary import summarise

    from .store import RUN_ANOMALY

    checked: dict[str, Counter] = {}
    facts: list = []
    for _, ch, fa in store.states():
        checked.update(ch)
        facts += fa
    ctx = run_run_rules(facts, RULES, settings.checks)
    c = store.con
    info = {rid: (src, seq) for rid, src, seq in c.execute("SELECT report_id, source_file, report_seq FROM reports").fetchall()}
    n: Counter = Counter()
    found = []
    for rid, a in ctx.found:
        if rid not in info:
            continue
        n[rid] += 1
        found.append(rec.anomaly_record(f"{rid}{RUN_ANOMALY}{n[rid]:03d}", rid, info[rid][0], info[rid][1], a))
    severities: dict[str, list[str]] = {}
    for rid, sev in c.execute(f"SELECT report_id, severity FROM anomalies WHERE NOT contains(anomaly_id, '{RUN_ANOMALY}') "
                              "ORDER BY anomaly_id").fetchall():
        severities.setdefault(rid, []).append(sev)
    for a in found:
        severities.setdefault(a["report_id"], []).append(a["severity"])
    quality = {rid: quality_score(checked.get(rid, Counter()) + ctx.checked.get(rid, Counter()),
                                  severities.get(rid, []), BY_NAME) for rid in info}
    store.replace_run_scope(found, quality)
    reports = [dict(zip(("report_id", "kabupaten", "kecamatan"), r))
               for r in c.execute("SELECT report_id, kabupaten, kecamatan FROM reports").fetchall()]
    anomalies = [dict(zip(("report_id", "rule", "severity"), r))
                 for r in c.execute("SELECT report_id, rule, severity FROM anomalies ORDER BY anomaly_id").fetchall()]
    store.replace_summary(summarise(reports, anomalies))


def exported_paths() -> list[str]:
    """Every file an export writes, relative to the run folder (datapackage.json last)."""
    out = []
    for name in EXPORTED:
        out += [f"{name}.csv", os.path.join("parquet", f"{name}.parquet")]
    return out + ["datapackage.json"]


def exported_bytes(out_dir: str) -> dict[str, bytes]:
    """The exports of a run folder as bytes (to compare two runs)."""
    got = {}
    for rel in exported_paths():
        if rel != "datapackage.json":              # it names the run's folder and time
            with open(os.path.join(out_dir, rel), "rb") as fh:
                got[rel] = fh.read()
    return got


def _written(out_dir: str) -> dict[str, int]:
    out = {}
    for rel in exported_paths()[:-1]:
        try:
            out[rel] = os.path.getsize(os.path.join(out_dir, rel))
        except OSError:
            out[rel] = -1
    try:
        out["datapackage.json"] = os.path.getsize(os.path.join(out_dir, "datapackage.json"))
    except OSError:
        out["datapackage.json"] = -1
    return out


def up_to_date(store, out_dir: str) -> bool:
    mark = store.meta("exported")
    if not mark:
        return False
    m = json.loads(mark)
    return m.get("generation") == store.generation() and m.get("files") == _written(out_dir)


def export(store, out_dir: str, settings, force: bool = False) -> bool:
    """Write the exports of the store into out_dir; False when they were up to date already."""
    if not force and up_to_date(store, out_dir):
        return False
    run_scope(store, settings)
    pq_dir = os.path.join(out_dir, "parquet")
    os.makedirs(pq_dir, exist_ok=True)
    resources = {}
    for name in EXPORTED:
        cols = export_columns(name)
        path = os.path.join(out_dir, f"{name}.csv")
        try:
            resources[name] = write_file(path, lambda tmp: store.con.execute(_csv_copy(name, tmp)))
        except UnicodeEncodeError:          # a folder named in bytes that are not UTF-8: DuckDB cannot name it
            resources[name] = write_csv(path, cols, store.con.sql(_query(name)).to_arrow_reader(BATCH))
        write_parquet(os.path.join(pq_dir, f"{name}.parquet"), cols, store.con.sql(_query(name)).to_arrow_reader(BATCH))
    write_datapackage(out_dir, resources, {n: export_columns(n) for n in TABLES})
    store.set_meta("exported", json.dumps({"generation": store.generation(), "files": _written(out_dir)}))
    return True


def verify(out_dir: str) -> list[str]:
    """What is wrong with the exports in out_dir (empty when every file named by datapackage.json is
    there with its hash and size, i.e. a whole snapshot)."""
    import hashlib

    from lkj.dataset.writers import read_datapackage

    pkg = read_datapackage(out_dir)
    if pkg is None:
        return ["no readable datapackage.json"]
    problems = []
    for r in pkg.get("resources", []):
        p = os.path.join(out_dir, r["path"])
        try:
            with open(p, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            problems.append(f"{r['path']}: {exc.strerror}")
            continue
        if len(data) != r.get("bytes") or f"sha256:{hashlib.sha256(data).hexdigest()}" != r.get("hash"):
            problems.append(f"{r['path']}: not the file datapackage.json describes")
    return problems
