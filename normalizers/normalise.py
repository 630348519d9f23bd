"""The normalising step: raw tables -> typed tables (numbers, units, cleaned texts, carried-down
sasaran, catalogue ids, duplicate tables marked)."""
from __future__ import annotations

import json
import re

from lkj.model.names import NUMERIC_FIELDS, TEXT_FIELDS, UNIT_FIELDS
from lkj.model.parsed import RawRow, RawTable
from lkj.model.settings import MatchSettings
from lkj.model.tables import Row, Table
from lkj.model.values import Parsed

from .catalogue import match_indicator
from .kode import normalise_kode
from .numbers import MONEY, PERCENT, QUANTITY, parse_number, parse_percent
from .settle import settle_doubts
from .text import Vocabulary, clean
from .units import normalise_unit

NUM_KIND = {"target": QUANTITY, "realisasi": QUANTITY, "capaian": PERCENT, "pagu": MONEY,
            "realisasi_anggaran": MONEY, "sisa": MONEY, "capaian_anggaran": PERCENT, "efisiensi": PERCENT}
assert set(NUM_KIND) == set(NUMERIC_FIELDS)
_SATUAN = re.compile(r"(?i)\s*(satuan|sat\.?)\s*$")


def normalise_tables(raw: list[RawTable], vocab: Vocabulary | None, match: MatchSettings) -> list[Table]:
    """A report's raw tables -> its typed tables, in order; identical repeats marked."""
    tables = [normalise_table(t, i, vocab, match) for i, t in enumerate(raw)]
    mark_duplicates(tables)
    return tables


def normalise_table(t: RawTable, seq: int, vocab: Vocabulary | None, match: MatchSettings) -> Table:
    rows = [_normalise_row(t, rr, seq, idx, vocab) for idx, rr in enumerate(t.rows)]
    settle_doubts(rows)            # numbers a scan's reading doubts, settled by the row's arithmetic
    # carry the sasaran down to continuation indicator rows (merged cells), as the contract asks
    carried: str | None = None
    for r in rows:
        if "sasaran" not in r.fields or r.level not in (None, "indicator"):
            continue
        if r.text.get("sasaran"):
            carried = r.text["sasaran"]
        elif carried and (r.text.get("indikator") or any(r.has(f) for f in ("target", "realisasi"))):
            r.text["sasaran"] = carried
    for r in rows:
        if r.text.get("indikator"):
            r.indikator_match = match_indicator(r.text["indikator"], match.accept, match.review)
            r.indikator_id = r.indikator_match.id
    return Table(seq, t.kind, t.title, t.line_start, t.page_start, list(t.fields), dict(t.formulas), rows,
                 t.header_text, complete=t.complete)


def mark_duplicates(tables: list[Table]) -> None:
    """A table identical (kind and every raw cell) to an earlier one of the report is its duplicate."""
    sigs: dict[tuple, int] = {}
    for t in tables:
        sig = (t.kind, tuple(tuple(sorted(r.raw.items())) for r in t.rows))
        if t.rows and sig in sigs:
            t.duplicate_of = sigs[sig]
        else:
            sigs.setdefault(sig, t.seq)


def _normalise_row(t: RawTable, rr: RawRow, seq: int, idx: int, vocab: Vocabulary | None) -> Row:
    fields = list(t.fields)
    row = Row(seq, t.kind, t.title, idx, rr.level, rr.line, rr.page, rr.bbox, fields)
    satuan = None
    if t.kind == "comparison":
        row.cells_json = json.dumps(rr.extra, ensure_ascii=False)
    elif t.unused:
        # columns without a field ("Satuan", "Penanggung Jawab", another year's target): their text, by label
        kept = {label: rr.extra[i] for i, label in t.unused.items() if i < len(rr.extra) and rr.extra[i]}
        if kept:
            row.cells_json = json.dumps(kept, ensure_ascii=False)
        satuan = next((normalise_unit(text) for label, text in kept.items() if _SATUAN.match(label)), None)
    for f in fields:
        cell = rr.cells.get(f)
        raw = clean(cell.text) if cell else ""
        row.raw[f] = raw
        if cell is not None:
            row.cells[f] = cell
        if f in TEXT_FIELDS:
            if f == "kode":
                row.text[f] = normalise_kode(raw)
            elif f == "no":
                row.text[f] = raw
            else:
                txt = vocab.repair(raw) if vocab is not None and raw else raw
                row.text[f] = txt or None
            continue
        kind = NUM_KIND[f]
        p = parse_percent(raw) if kind == PERCENT else parse_number(raw, kind)
        if f in UNIT_FIELDS and p.value is None and raw in ("-", "–"):
            p = Parsed(None)
        row.parsed[f] = p
        row.num[f] = p.value
        if f in UNIT_FIELDS:
            hint = rr.cells.get(f"{f}__unit")
            unit = p.unit
            if hint is not None and not unit:
                unit = "%" if hint.text.strip() == "%" else clean(hint.text).lower()
            if not unit and satuan:
                unit = satuan             # the row's "Satuan" column: the unit of its bare target and realisasi
            if p.value is not None and not unit:
                unit = "index"
            row.unit[f] = unit if p.value is not None else None
    return row
