"""Re-checking corrected values: the anomaly rules run again on a report's tables with people's
corrections applied, from the rows kept in the run folder (no source file is read again).

The stored rows are turned back into the parsers' raw tables (each cell's text, place, box and OCR
confidence, from rows and cells), normalised by the same normaliser, and the report- and bundle-scope
rules of checks/rules run on them twice: on the values as read, and with the corrections.  What the
corrections change is the difference of the two runs, keyed by (rule, table, row, field): findings of
the first run missing from the second are *cleared*, findings only in the second are *raised*.
The stored findings are then cleared or kept by that difference, so a finding the rebuilt tables
cannot reproduce (a narrative claim, which needs the report's text) is left as the run found it.

Written here because no library re-runs a rule set on edited cells; lkj/ may import every stage.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from lkj.checks.registry import ReportContext, run_report_rules
from lkj.checks.rules import RULES
from lkj.dataset.records import row_id as row_id_of
from lkj.model.anomaly import Anomaly
from lkj.model.document import Cell
from lkj.model.names import NUMERIC_FIELDS, ROW_VALUE_FIELDS, TEXT_FIELDS, UNIT_FIELDS
from lkj.model.parsed import RawCell, RawRow, RawTable, ReportMeta
from lkj.model.settings import Settings
from lkj.model.tables import Table
from lkj.normalizers.normalise import normalise_tables

Key = tuple  # (rule, table_seq, row_index, field)
WRITING_RULES = ("number_format",)   # rules about how a number is written, not what it is


@dataclass
class Recheck:
    """What the corrections of some reports change."""
    values: dict[tuple[str, str], object] = field(default_factory=dict)     # (row_id, field) -> corrected value
    units: dict[tuple[str, str], str | None] = field(default_factory=dict)  # (row_id, unit column) -> unit
    cleared: Counter = field(default_factory=Counter)                       # (report_id, *Key) -> how many
    raised: list[tuple[str, Anomaly]] = field(default_factory=list)         # (report_id, finding)
    restated: dict[tuple, Anomaly] = field(default_factory=dict)            # key -> the finding as it now reads


def anomaly_key(report_id: str, a) -> tuple:
    """The key a finding is matched by across the two runs and against the stored findings."""
    get = a.get if isinstance(a, dict) else (lambda k: getattr(a, k))
    ts, ri = get("table_seq"), get("row_index")
    return (report_id, get("rule"), None if ts is None else int(ts), None if ri is None else int(ri), get("field"))


def parse_value(field_name: str, text: str):
    """A value as a person typed it, read as the normaliser reads a cell: (value, unit, ok)."""
    from lkj.normalizers.normalise import NUM_KIND
    from lkj.normalizers.numbers import PERCENT, parse_number, parse_percent

    if field_name not in NUMERIC_FIELDS:
        return (text.strip() or None), None, True
    if not text.strip():
        return None, None, True
    kind = NUM_KIND[field_name]
    p = parse_percent(text) if kind == PERCENT else parse_number(text, kind)
    return p.value, p.unit, p.value is not None


def _present(v) -> bool:
    return v is not None and not (isinstance(v, float) and v != v)


def _report_tables(rows: list[dict], cells: list[dict], fixes: dict[tuple[str, str], str]) -> list[RawTable]:
    """The raw tables of one report, rebuilt from its stored rows and cells; `fixes` (row_id, field)
    -> text replaces a cell's text (a person read it: no OCR doubt left)."""
    cell_of = {(c["row_id"], c["field"]): c for c in cells}
    by_table: dict[int, list[dict]] = defaultdict(list)
    for r in rows:
        by_table[int(r["table_seq"])].append(r)
    out: list[RawTable] = []
    for seq in range(max(by_table, default=-1) + 1):
        trs = sorted(by_table.get(seq, []), key=lambda r: int(r["row_index"]))
        if not trs:   # a table without rows leaves its place (table_seq counts every table)
            out.append(RawTable("comparison", "", None, None, []))
            continue
        fields = [f for f in ROW_VALUE_FIELDS if any(_present(r.get(f"{f}_raw")) for r in trs)]
        raw_rows = []
        for r in trs:
            rcells: dict[str, RawCell] = {}
            for f in fields:
                c = cell_of.get((r["row_id"], f))
                doubt = bool(c) and c.get("ocr_doubt") in ("unsettled", "settled")   # settle.py decides again
                if (r["row_id"], f) in fixes:
                    text, conf, doubt = fixes[(r["row_id"], f)], None, False
                elif f in TEXT_FIELDS and f not in ("no", "kode"):
                    text, conf = r.get(f) or "", c.get("ocr_confidence") if c else None
                else:
                    text, conf = r.get(f"{f}_raw") or "", c.get("ocr_confidence") if c else None
                src = Cell(text, c.get("line") if c else r.get("line"), c.get("page") if c else r.get("page"),
                           _box(c.get("bbox") if c else None), conf, doubt=doubt)
                rcells[f] = RawCell(text, src.line, src.page, [src])
                if f in UNIT_FIELDS:
                    unit = r.get(f"{f}_unit")
                    if unit and unit != "index":
                        rcells[f"{f}__unit"] = RawCell(unit)
            raw_rows.append(RawRow(rcells, r.get("line"), r.get("page"), _box(r.get("bbox")), r.get("level")))
        first = trs[0]
        out.append(RawTable(first["table_kind"], first.get("table_title") or "", first.get("line"), first.get("page"),
                            fields, {}, raw_rows))
    return out


def _box(s):
    if not s:
        return None
    try:
        x0, top, x1, bottom = (float(v) for v in str(s).split(","))
    except ValueError:
        return None
    return (x0, top, x1, bottom)


def _meta(rep: dict) -> ReportMeta:
    return ReportMeta(kabupaten=rep.get("kabupaten"), kecamatan=rep.get("kecamatan"), unit=rep.get("unit") or "Other",
                      unit_raw=rep.get("unit_raw"), period=rep.get("kind") or "other", year=rep.get("year"),
                      quarter=rep.get("quarter"), signer_name=rep.get("signer_name"), signer_nip=rep.get("signer_nip"))


def _check(reports: list[dict], rows_of, cells_of, fixes, ids_of, settings: Settings) -> tuple[list, list[list[Table]]]:
    contexts = []
    for rep in reports:
        rid = rep["report_id"]
        tables = normalise_tables(_report_tables(rows_of[rid], cells_of[rid], fixes), None, settings.match)
        for t in tables:
            for r in t.rows:
                stored = ids_of.get((rid, t.seq, r.row_index))
                if stored is not None:
                    r.indikator_id = stored
        contexts.append(ReportContext(int(rep["report_seq"]), _meta(rep), rep.get("doc_kind") or "lkj", tables, [],
                                      settings.checks, paged=rep.get("page_start") is not None))
    run_report_rules(contexts, RULES)
    return contexts


def recheck(reports: list[dict], rows: list[dict], cells: list[dict], value_fixes: dict[tuple[str, str], str],
            indikator_fixes: dict[str, str | None], settings: Settings | None = None) -> Recheck:
    """Re-check the bundles (all reports of one source file) that hold a corrected row.

    `reports`, `rows`, `cells`: the stored records of those bundles; `value_fixes`: (row_id, field) ->
    the text a person gave; `indikator_fixes`: row_id -> the catalogue id a person picked."""
    settings = settings or Settings()
    out = Recheck()
    rows_of: dict[str, list[dict]] = defaultdict(list)
    cells_of: dict[str, list[dict]] = defaultdict(list)
    row_by_id = {}
    for r in rows:
        rows_of[r["report_id"]].append(r)
        row_by_id[r["row_id"]] = r
    for c in cells:
        cells_of[c["report_id"]].append(c)
    ids_before = {(r["report_id"], int(r["table_seq"]), int(r["row_index"])): r.get("indikator_id") for r in rows}
    ids_after = dict(ids_before)
    for row_id, new in indikator_fixes.items():
        r = row_by_id.get(row_id)
        if r is not None:
            ids_after[(r["report_id"], int(r["table_seq"]), int(r["row_index"]))] = new
    bundles: dict[str, list[dict]] = defaultdict(list)
    for rep in sorted(reports, key=lambda r: (r["source_sha256"], int(r["report_seq"]))):
        bundles[rep["source_sha256"]].append(rep)
    for reps in bundles.values():
        before = _check(reps, rows_of, cells_of, {}, ids_before, settings)
        after = _check(reps, rows_of, cells_of, value_fixes, ids_after, settings)
        for rep, b, a in zip(reps, before, after):
            rid = rep["report_id"]
            kb = Counter(anomaly_key(rid, x) for x in b.found)
            ka = Counter(anomaly_key(rid, x) for x in a.found)
            out.cleared += kb - ka
            left = ka - kb
            fixed_cells = {(t.seq, r.row_index, f) for t in a.tables for r in t.rows for f in r.fields
                           if (row_id_of(rid, r), f) in value_fixes}
            said_before = {anomaly_key(rid, x): x.message for x in b.found}
            for x in a.found:
                k = anomaly_key(rid, x)
                if left[k] > 0:
                    left[k] -= 1
                    # a value a person typed is a value, not the report's writing: no format finding on it
                    if not (x.rule in WRITING_RULES and (x.table_seq, x.row_index, x.field) in fixed_cells):
                        out.raised.append((rid, x))
                elif k in said_before and said_before[k] != x.message:
                    out.restated[k] = x
            for t in a.tables:
                for r in t.rows:
                    row_id = row_id_of(rid, r)
                    for f in ROW_VALUE_FIELDS:
                        if (row_id, f) in value_fixes:
                            out.values[(row_id, f)] = r.num.get(f) if f in NUMERIC_FIELDS else r.text.get(f)
                            if f in UNIT_FIELDS:
                                out.units[(row_id, f"{f}_unit")] = r.unit.get(f)
    return out
