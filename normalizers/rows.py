"""Raw table rows -> typed, normalised rows (numbers, units, cleaned texts, carried-down sasaran)."""
from __future__ import annotations

from dataclasses import dataclass, field

from parsers.records import TEXT_FIELDS, RawRow, RawTable
from parsers.table_rows import normalise_kode

from .numbers import MONEY, PERCENT, QUANTITY, Parsed, parse_number, parse_percent
from .indicators import IndicatorMatch, match_indicator
from .text import Vocabulary, clean

NUM_KIND = {"target": QUANTITY, "realisasi": QUANTITY, "capaian": PERCENT, "pagu": MONEY,
            "realisasi_anggaran": MONEY, "sisa": MONEY, "capaian_anggaran": PERCENT, "efisiensi": PERCENT}


@dataclass
class Row:
    table_seq: int
    table_kind: str
    table_title: str
    row_index: int
    level: str | None
    line: int | None
    page: int | None
    bbox: tuple | None
    fields: list[str]                                    # fields the table has
    raw: dict[str, str] = field(default_factory=dict)    # field -> cell text as in the source
    text: dict[str, str | None] = field(default_factory=dict)
    num: dict[str, float | None] = field(default_factory=dict)
    unit: dict[str, str | None] = field(default_factory=dict)
    parsed: dict[str, Parsed] = field(default_factory=dict)
    indikator_id: str | None = None
    indikator_match: IndicatorMatch | None = None        # catalogue match (score, candidates) of indikator
    cells_json: str | None = None                        # comparison tables: every raw cell
    conf: dict[str, float] = field(default_factory=dict)  # field -> OCR confidence of its cell (scans)

    def has(self, f: str) -> bool:
        return self.num.get(f) is not None


@dataclass
class Table:
    seq: int
    kind: str
    title: str
    line_start: int | None
    page_start: int | None
    fields: list[str]
    formulas: dict[str, str]
    rows: list[Row]
    header_text: str = ""
    duplicate_of: int | None = None       # seq of an identical earlier table in the same report


def normalise_table(t: RawTable, seq: int, vocab: Vocabulary | None) -> Table:
    rows: list[Row] = []
    carried: str | None = None
    for idx, rr in enumerate(t.rows):
        rows.append(_normalise_row(t, rr, seq, idx, vocab))
    # carry the sasaran down to continuation indicator rows (merged cells), as the contract asks
    for r in rows:
        if "sasaran" not in r.fields or r.level not in (None, "indicator"):
            continue
        if r.text.get("sasaran"):
            carried = r.text["sasaran"]
        elif carried and (r.text.get("indikator") or any(r.has(f) for f in ("target", "realisasi"))):
            r.text["sasaran"] = carried
    for r in rows:
        if r.text.get("indikator"):
            r.indikator_match = match_indicator(r.text["indikator"])
            r.indikator_id = r.indikator_match.id
    return Table(seq, t.kind, t.title, t.line_start, t.page_start, list(t.fields), dict(t.formulas), rows,
                 t.header_text)


def _normalise_row(t: RawTable, rr: RawRow, seq: int, idx: int, vocab: Vocabulary | None) -> Row:
    fields = list(t.fields)
    row = Row(seq, t.kind, t.title, idx, rr.level, rr.line, rr.page, rr.bbox, fields)
    if t.kind == "comparison":
        import json
        row.cells_json = json.dumps(rr.extra, ensure_ascii=False)
    for f in fields:
        cell = rr.cells.get(f)
        raw = clean(cell.text) if cell else ""
        row.raw[f] = raw
        if cell is not None and cell.conf is not None and raw:
            row.conf[f] = cell.conf
        if f in TEXT_FIELDS:
            if f == "kode":
                row.text[f] = normalise_kode(raw)
            elif f == "no":
                row.text[f] = raw
            else:
                txt = raw
                if vocab is not None and txt:
                    txt = vocab.repair(txt)
                row.text[f] = txt or None
            continue
        kind = NUM_KIND[f]
        p = parse_percent(raw) if kind == PERCENT else parse_number(raw, kind)
        if f in ("target", "realisasi") and p.value is None and raw in ("-", "–"):
            p = Parsed(None)
        row.parsed[f] = p
        row.num[f] = p.value
        if f in ("target", "realisasi"):
            hint = rr.cells.get(f"{f}__unit")
            unit = p.unit
            if hint is not None and not unit:
                unit = "%" if hint.text.strip() == "%" else clean(hint.text).lower()
            if p.value is not None and not unit:
                unit = "index"
            row.unit[f] = unit if p.value is not None else None
    return row

