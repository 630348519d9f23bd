"""The dataset as one Excel workbook (openpyxl): a sheet of reports, one sheet per table kind, the
anomalies, the failures and the corrections.

Every sheet has its header frozen and a filter on it, numbers formatted (rupiah with thousands,
percentages with two decimals and a % sign, the value kept as the report's percent), ids and codes
(NIP, kode, report and row ids) written as text.  A cell an anomaly points at is filled by the
anomaly's severity and carries the anomaly's sentence as a comment; a corrected cell is filled green
and its comment says what it was, who corrected it and why.  An anomaly judged a false alarm marks
no cell.

openpyxl rather than XlsxWriter: the same library reads the workbook back (the tests, and people's
notebooks), and it is already installed with camelot's dependencies.
"""
from __future__ import annotations

from collections import defaultdict

from lkj.model.names import MONEY, NUMERIC_FIELDS, PERCENT, TableKind

from .schema import ANOMALY_REVIEW, ANOMALIES, CORRECTIONS, FAILURES, REPORTS, ROWS, Col

FILL = {"error": "FFF4C7C3", "warning": "FFFFE599", "info": "FFDDEBF7", "corrected": "FFC6EFCE"}
IDS_FIRST = ("row_id", "report_id", "source_file", "table_title", "row_index", "level", "no", "kode", "sasaran",
             "indikator", "indikator_id", "name")
MAX_WIDTH = 60


def _number_format(col: Col) -> str | None:
    if col.name in MONEY:
        return "#,##0"
    if col.name in PERCENT:
        return '0.00"%"'
    if col.type == "number":
        return "#,##0.##"
    if col.type == "integer":
        return "0"
    return None


def write_xlsx(path: str, tables: dict[str, list[dict]], changed: dict[tuple[str, str], dict] | None = None) -> None:
    """`tables`: reports, rows, anomalies (with status), failures, corrections as records;
    `changed`: (row_id, field) -> the correction in force of that cell."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    changed = changed or {}
    flags: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for a in tables.get("anomalies", []):
        if a.get("status") == "false_alarm" or a.get("table_seq") is None or a.get("row_index") is None:
            continue
        row_id = f"{a['report_id']}-t{int(a['table_seq']):02d}-r{int(a['row_index']):03d}"
        flags[(row_id, a.get("field") or "")].append(a)

    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)

    def sheet(title: str, cols: tuple[Col, ...], records: list[dict], row_key=None) -> None:
        ws = wb.create_sheet(title[:31])
        ws.append([c.name for c in cols])
        for cell in ws[1]:
            cell.font = bold
        formats = [_number_format(c) for c in cols]
        widths = [len(c.name) + 2 for c in cols]
        for i, r in enumerate(records, start=2):
            ws.append([_value(r.get(c.name), c) for c in cols])
            for j, (c, fmt) in enumerate(zip(cols, formats), start=1):
                v = r.get(c.name)
                if v is not None:
                    widths[j - 1] = min(MAX_WIDTH, max(widths[j - 1], len(str(v)) + 1))
                if fmt and isinstance(v, (int, float)):
                    ws.cell(i, j).number_format = fmt
                elif c.type == "string" and v is not None:
                    ws.cell(i, j).number_format = "@"
            if row_key is None:
                continue
            for j, c in enumerate(cols, start=1):
                key = (row_key(r), c.name)
                notes = []
                fill = None
                if key in flags:
                    found = flags[key]
                    fill = _worst(found)
                    notes += [f"{a['rule']} ({a['severity']}): {a['message']}" for a in found]
                if key in changed:
                    k = changed[key]
                    fill = "corrected"
                    notes.append(f"corrected from '{k.get('old') or ''}' to '{k.get('new') or ''}' by {k.get('who')} "
                                 f"on {str(k.get('made_at'))[:10]}" + (f": {k['note']}" if k.get("note") else ""))
                if fill:
                    cell = ws.cell(i, j)
                    cell.fill = PatternFill("solid", fgColor=FILL[fill])
                    cm = Comment("\n".join(notes)[:32000], "lkj")
                    cm.width, cm.height = 420, min(400, 60 + 40 * len(notes))
                    cell.comment = cm
        for j, w in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(j)].width = w
        ws.freeze_panes = "B2" if row_key else "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(cols))}{max(1, len(records) + 1)}"
        for cell in ws[1]:
            cell.alignment = Alignment(vertical="top")

    sheet("reports", REPORTS, tables.get("reports", []))
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for r in tables.get("rows", []):
        by_kind[r["table_kind"]].append(r)
    flagged_fields = {f for (_rid, f) in flags} | {f for (_rid, f) in changed}
    for kind in [k.value for k in TableKind] + sorted(set(by_kind) - {k.value for k in TableKind}):
        recs = by_kind.get(kind)
        if not recs:
            continue
        cols = _row_columns(recs, flagged_fields)
        sheet(kind, cols, recs, row_key=lambda r: r["row_id"])
    sheet("anomalies", ANOMALIES + ANOMALY_REVIEW, tables.get("anomalies", []))
    sheet("failures", FAILURES, tables.get("failures", []))
    sheet("corrections", CORRECTIONS, tables.get("corrections", []))
    wb.save(path)


def _row_columns(recs: list[dict], flagged: set[str]) -> tuple[Col, ...]:
    """The rows columns a table kind uses (a column empty in every row is left out, unless flagged),
    identity first."""
    by_name = {c.name: c for c in ROWS}
    used = [c for c in ROWS if c.name in flagged or any(r.get(c.name) not in (None, "") for r in recs)]
    first = [by_name[n] for n in IDS_FIRST if by_name[n] in used]
    values = [c for c in used if c not in first and not c.name.endswith("_raw")]
    raws = [c for c in used if c.name.endswith("_raw")]
    return tuple(first + values + raws)


def _worst(found: list[dict]) -> str:
    sev = {a.get("severity") for a in found}
    return "error" if "error" in sev else "warning" if "warning" in sev else "info"


def _value(v, col: Col):
    if v is None or (isinstance(v, float) and v != v):
        return None
    if col.type == "string":
        return str(v)
    if col.type == "integer":
        return int(v)
    if col.name in NUMERIC_FIELDS or col.type == "number":
        return float(v)
    return v
