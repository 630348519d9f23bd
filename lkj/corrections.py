"""Corrections as data: what people decided on the review page, kept in the run folder's
`corrections` table (dataset/schema.py CORRECTIONS) and applied to every export.

A correction is never an edit of the run's tables: the run's rows and findings stay as the machine
read them, and the corrected dataset is computed from them and the corrections each time it is
asked for (`corrected`), so a batch run again keeps its corrections (they are keyed by the stable
row and anomaly ids: sha256 of the source + position) and a correction can be taken back by another.
The latest correction of a cell or an anomaly wins; the table keeps them all, as the audit trail.
"""
from __future__ import annotations

import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

from lkj.dataset import records as rec
from lkj.model.errors import InputError
from lkj.model.names import NUMERIC_FIELDS, ROW_VALUE_FIELDS
from lkj.model.settings import Settings

from .recheck import anomaly_key, parse_value, recheck
from .rundb import RunDB

VERDICTS = ("confirmed", "false_alarm", "open")
CORRECTABLE = tuple(f for f in ROW_VALUE_FIELDS)
_ROW_POS = re.compile(r"-t(\d+)-r(\d+)$")


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _row(db: RunDB, row_id: str) -> dict:
    rows = db.records("rows", "row_id = ?", [row_id])
    if not rows:
        raise InputError("correct", f"no row {row_id!r} in this run")
    return rows[0]


def correct_value(db: RunDB, row_id: str, field_name: str, new: str, who: str, note: str = "") -> dict:
    """A row's field given another value (a number as a person types it: '1.250.000', '95,5%')."""
    if field_name not in CORRECTABLE:
        raise InputError("correct", f"{field_name!r} is not a field of a row that can be corrected "
                                    f"(one of: {', '.join(CORRECTABLE)})")
    row = _row(db, row_id)
    new = (new or "").strip()
    _value, _unit, ok = parse_value(field_name, new)
    if not ok:
        raise InputError("correct", f"{new!r} is not a number; write it as in the report, e.g. 1.250.000 or 95,5%")
    old = current_value(db, row, field_name)
    return _add(db, what="value", report_id=row["report_id"], row_id=row_id, field=field_name,
                old=old, new=new, who=who, note=note)


def pick_indikator(db: RunDB, row_id: str, indikator_id: str | None, who: str, note: str = "") -> dict:
    """The catalogue indikator a person picked for a row (None: no catalogue indikator fits)."""
    from lkj.normalizers.catalogue import catalogue

    row = _row(db, row_id)
    if indikator_id and indikator_id not in {e.id for e in catalogue()}:
        raise InputError("correct", f"{indikator_id!r} is no indikator of the catalogue")
    return _add(db, what="indikator", report_id=row["report_id"], row_id=row_id, field="indikator_id",
                old=row.get("indikator_id"), new=indikator_id or "", who=who, note=note)


def judge_anomaly(db: RunDB, anomaly_id: str, verdict: str, who: str, note: str = "") -> dict:
    """An anomaly marked confirmed (the report is wrong), false_alarm (it is not), or open again."""
    if verdict not in VERDICTS:
        raise InputError("correct", f"verdict must be one of {', '.join(VERDICTS)}, not {verdict!r}")
    hits = db.records("anomalies", "anomaly_id = ?", [anomaly_id])
    if not hits:
        raise InputError("correct", f"no anomaly {anomaly_id!r} in this run")
    a = hits[0]
    row_id = None
    if a.get("table_seq") is not None and a.get("row_index") is not None:
        row_id = f"{a['report_id']}-t{int(a['table_seq']):02d}-r{int(a['row_index']):03d}"
    old = verdicts(db).get(anomaly_id, ("open", ""))[0]
    return _add(db, what="verdict", report_id=a["report_id"], anomaly_id=anomaly_id, rule=a["rule"], row_id=row_id,
                field=a.get("field"), old=old, new=verdict, who=who, note=note)


def mark_checked(db: RunDB, report_id: str, who: str, note: str = "") -> dict:
    """A sampled report checked in full by a person (every field looked at, wrong ones corrected)."""
    if not db.records("reports", "report_id = ?", [report_id]):
        raise InputError("correct", f"no report {report_id!r} in this run")
    return _add(db, what="checked", report_id=report_id, old="", new="checked", who=who, note=note)


def _add(db: RunDB, **values) -> dict:
    who = (values.get("who") or "").strip()
    if not who:
        raise InputError("correct", "say who you are (a name or initials) so the correction can be traced")
    r = rec.record("corrections", correction_id=uuid.uuid4().hex[:16], made_at=now(),
                   **{k: (v if v is None else str(v)) for k, v in values.items()})
    db.insert("corrections", [r])
    return r


# --- the corrections in force -------------------------------------------------------------------------
def in_force(db: RunDB) -> list[dict]:
    """The latest correction of each cell, indikator, anomaly and checked report, oldest first."""
    latest: dict[tuple, dict] = {}
    for c in db.records("corrections", order="made_at, rowid"):
        key = (c["what"], c.get("row_id") if c["what"] != "verdict" else c.get("anomaly_id"), c.get("field"),
               c.get("report_id") if c["what"] == "checked" else None)
        latest[key] = c
    return list(latest.values())


def verdicts(db: RunDB) -> dict[str, tuple[str, str]]:
    return {c["anomaly_id"]: (c["new"], c.get("note") or "") for c in in_force(db) if c["what"] == "verdict"}


def current_value(db: RunDB, row: dict, field_name: str) -> str:
    """The field's text now: the latest correction, else the cell as the run read it."""
    for c in reversed(in_force(db)):
        if c["what"] == "value" and c.get("row_id") == row["row_id"] and c.get("field") == field_name:
            return c.get("new") or ""
    if field_name in NUMERIC_FIELDS:
        return row.get(f"{field_name}_raw") or ""
    return row.get(field_name) or row.get(f"{field_name}_raw") or ""


@dataclass
class Corrected:
    """The run's tables with the corrections applied and the corrected reports re-checked."""
    tables: dict[str, list[dict]]
    cleared: dict[str, dict] = field(default_factory=dict)   # anomaly_id -> the stored finding cleared
    changed_cells: set = field(default_factory=set)          # (row_id, field) corrected


BASE_TABLES = ("reports", "rows", "anomalies", "cells", "review")


def base_tables(db: RunDB) -> dict[str, list[dict]]:
    """The run's tables as the run wrote them (what `corrected` starts from; a server keeps them)."""
    return {t: db.records(t) for t in BASE_TABLES}


def corrected(db: RunDB, report_ids: set[str] | None = None, settings: Settings | None = None,
              base: dict[str, list[dict]] | None = None, with_cells: bool = True) -> Corrected:
    """The corrected dataset (every table, or the given reports' bundles only).  `base`: the run's
    tables already read (they are not changed: what a correction changes is copied first).
    `with_cells=False` leaves the cells (the largest table) out of the result; the corrected
    bundles' cells are still read to check them again."""
    force = in_force(db)
    reports = base["reports"] if base is not None else db.records("reports")
    bundle_of = {r["report_id"]: r["source_sha256"] for r in reports}
    if report_ids is not None:
        shas = {bundle_of.get(r) for r in report_ids}
        keep = {r["report_id"] for r in reports if r["source_sha256"] in shas}
        reports = [r for r in reports if r["report_id"] in keep]
    wanted = {r["report_id"] for r in reports}
    value_fixes = {(c["row_id"], c["field"]): c.get("new") or "" for c in force
                   if c["what"] == "value" and c["report_id"] in wanted}
    indikator_fixes = {c["row_id"]: (c.get("new") or None) for c in force
                       if c["what"] == "indikator" and c["report_id"] in wanted}
    verdict_of = [c for c in force if c["what"] == "verdict" and c["report_id"] in wanted]

    def of(table: str) -> list[dict]:
        if base is not None:
            return list(base[table]) if report_ids is None else [r for r in base[table] if r["report_id"] in wanted]
        if report_ids is None:
            return db.records(table)
        if not wanted:
            return []
        q = ",".join("?" * len(wanted))
        return db.records(table, f"report_id IN ({q})", sorted(wanted))

    tables = {t: of(t) for t in ("rows", "anomalies", "review") + (("cells",) if with_cells else ())}
    tables["reports"] = reports
    tables["anomalies"] = [dict(a) for a in tables["anomalies"]]       # statuses are added to them
    fixed_reports = {bundle_of[r] for r in {c["report_id"] for c in force
                                            if c["what"] in ("value", "indikator") and c["report_id"] in wanted}
                     if r in bundle_of}
    out = Corrected(tables)

    def bundle_cells(ids: set[str]) -> list[dict]:
        if "cells" in tables:
            return [c for c in tables["cells"] if c["report_id"] in ids]
        if base is not None and "cells" in base:
            return [c for c in base["cells"] if c["report_id"] in ids]
        return db.records("cells", f"report_id IN ({','.join('?' * len(ids))})", sorted(ids)) if ids else []

    if fixed_reports:
        bundle = [r for r in reports if r["source_sha256"] in fixed_reports]
        ids = {r["report_id"] for r in bundle}
        res = recheck(bundle, [r for r in tables["rows"] if r["report_id"] in ids],
                      bundle_cells(ids), value_fixes, indikator_fixes, settings)
        fixed_rows = {k[0] for k in res.values} | set(indikator_fixes)
        tables["rows"] = [dict(r) if r["row_id"] in fixed_rows else r for r in tables["rows"]]
        for r in tables["rows"]:
            if r["row_id"] not in fixed_rows:
                continue
            for f in ROW_VALUE_FIELDS:
                if (r["row_id"], f) in res.values:
                    r[f] = res.values[(r["row_id"], f)]
                    out.changed_cells.add((r["row_id"], f))
                    if f"{f}_unit" in r and (r["row_id"], f"{f}_unit") in res.units:
                        r[f"{f}_unit"] = res.units[(r["row_id"], f"{f}_unit")]
            if r["row_id"] in indikator_fixes:
                r["indikator_id"] = indikator_fixes[r["row_id"]]
                out.changed_cells.add((r["row_id"], "indikator_id"))
        cleared = res.cleared.copy()
        kept = []
        for a in tables["anomalies"]:
            k = anomaly_key(a["report_id"], a)
            if cleared[k] > 0:
                cleared[k] -= 1
                out.cleared[a["anomaly_id"]] = a
                continue
            if k in res.restated:
                x = res.restated[k]
                a.update(message=x.message, reported=x.reported, expected=x.expected)
            kept.append(a)
        seq_of = {r["report_id"]: r for r in bundle}
        n: dict[str, int] = defaultdict(int)
        for rid, x in res.raised:
            n[rid] += 1
            rep = seq_of[rid]
            new = rec.anomaly_record(f"{rid}-c{n[rid]:03d}", rid, rep["source_file"], rep["report_seq"], x)
            new["status"] = "raised"
            kept.append(new)
        tables["anomalies"] = kept
        tables["review"] = [r for r in tables["review"] if r["row_id"] not in indikator_fixes]
    _apply_verdicts(tables["anomalies"], verdict_of)
    return out


def _apply_verdicts(anomalies: list[dict], verdict_of: list[dict]) -> None:
    by_id = {a["anomaly_id"]: a for a in anomalies}
    for a in anomalies:
        a.setdefault("status", "open")
        a.setdefault("status_note", None)
    for c in verdict_of:
        a = by_id.get(c["anomaly_id"])
        if a is None or a["rule"] != c.get("rule"):
            # the batch was run again and the findings numbered otherwise: find it by what it is
            m = _ROW_POS.search(c.get("row_id") or "")
            pos = (int(m.group(1)), int(m.group(2))) if m else (None, None)
            a = next((x for x in anomalies if x["report_id"] == c["report_id"] and x["rule"] == c.get("rule")
                      and x.get("field") == c.get("field")
                      and (x.get("table_seq"), x.get("row_index")) == pos), None)
        if a is not None and c["new"] in ("confirmed", "false_alarm"):
            a["status"], a["status_note"] = c["new"], c.get("note") or None
        elif a is not None:
            a["status"], a["status_note"] = "open", None
