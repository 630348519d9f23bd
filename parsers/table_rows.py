"""Shared row logic for every table reader: titles, section markers, continuation rows, levels."""
from __future__ import annotations

import re

from lkj.model.document import Cell
from lkj.model.parsed import RawCell, RawRow
from lkj.normalizers.kode import level_of_kode
from lkj.normalizers.nomenclature import nomenclature_level
from lkj.normalizers.text import clean, fold, letter_counts

_SECTION = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub_kegiatan",
            "programkegiatan": "program", "kegiatansubkegiatan": "kegiatan"}
_TOTAL = re.compile(r"^(jumlah|total|sub\s*total|rata-?\s*rata|[a-e]\.\s*rata-?\s*rata|belanja\s+(daerah|operasi|modal)$|"
                    r"surplus|defisit)", re.I)
_HEADING = re.compile(r"^([●•\-]\s*)?(\*\*)?([A-Z0-9][.)]|[IVX]+\.)?\s*[A-Z]")


def section_marker(cells: list[str]) -> str | None:
    vals = [v for v in map(clean, cells) if v]
    if len(vals) == 1:
        return _SECTION.get(fold(vals[0]))
    return None


_RULE = re.compile(r"[-=_.…]+")


def is_separator(cells: list[str]) -> bool:
    vals = [v for v in map(clean, cells) if v]
    return bool(vals) and all(_RULE.fullmatch(v) for v in vals)


def find_title(texts: list[str], is_row: list[bool], h: int, floor: int) -> str:
    """Title of the table whose header is at index h: 'Tabel X.Y' + caption, else the nearest heading
    (`is_row[j]`: line j is a table row)."""
    collected: list[str] = []
    paras = 0
    j = h - 1
    while j >= floor and h - j <= 30:
        t = texts[j]
        if not t:
            j -= 1
            continue
        if is_row[j]:
            break
        if re.match(r"^tabel\b", t, re.I):
            return " ".join([t] + collected)
        if len(t) > 150:
            paras += 1
            if paras > 2:
                break
            j -= 1
            continue
        if paras == 0 or not collected:
            if len(collected) < 4:
                collected.insert(0, t)
            letters, upper_letters = letter_counts(t)
            upper = upper_letters / max(1, letters)
            if paras > 0 and (upper > 0.6 or _HEADING.match(t)):
                break
        j -= 1
    return " ".join(collected)


def is_total_text(t: str) -> bool:
    return bool(_TOTAL.match(clean(t)))


def budget_level(name: str, section: str | None, header_word: str | None) -> str:
    """Level of a budget row without kode: JUMLAH, section marker, 'Program ...', nomenclature, header."""
    lvl = named_level(name, section)
    if lvl:
        return lvl
    if header_word in ("program", "kegiatan", "sub_kegiatan"):
        return header_word
    return "kegiatan"


def named_level(name: str, section: str | None) -> str | None:
    """Level a budget row's own text gives: JUMLAH, a section marker, 'Program ...', the nomenclature."""
    n = clean(name)
    if is_total_text(n):
        return "total"
    if section:
        return section
    bare = re.sub(r"^\s*\d+[.)]?\s*", "", n)
    if re.match(r"^p+rogram\b", bare, re.I):
        return "program"
    return nomenclature_level(bare)


def new_row(values: dict[str, str], line: int | None, page: int | None = None) -> RawRow:
    """A row of texts without reader cells (flat text)."""
    return RawRow({k: RawCell(v, line, page) for k, v in values.items()}, line=line, page=page)


def merge_into(prev: RawRow, values: dict[str, tuple[str, list[Cell]]]) -> None:
    """A wrapped continuation line: append its texts (and their reader cells) to the row above, cell by cell."""
    for k, (v, sources) in values.items():
        if not v:
            continue
        c = prev.cells.get(k)
        if c is None:
            prev.cells[k] = RawCell.of(v, sources, prev.line, prev.page)
        else:
            c.extend(v, sources)
