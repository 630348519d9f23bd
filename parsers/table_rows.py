"""Shared row logic for every table reader: titles, section markers, continuation rows, levels."""
from __future__ import annotations

import re

from normalizers.catalogue import nomenclature_level
from normalizers.text import clean, fold

from .records import RawCell, RawRow

_SECTION = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub_kegiatan",
            "programkegiatan": "program", "kegiatansubkegiatan": "kegiatan"}
_TOTAL = re.compile(r"^(jumlah|total|sub\s*total|rata-?\s*rata|[a-e]\.\s*rata-?\s*rata|belanja\s+(daerah|operasi|modal)$|"
                    r"surplus|defisit)", re.I)
_HEADING = re.compile(r"^([●•\-]\s*)?(\*\*)?([A-Z0-9][.)]|[IVX]+\.)?\s*[A-Z]")


def section_marker(cells: list[str]) -> str | None:
    vals = [clean(c) for c in cells if clean(c)]
    if len(vals) == 1:
        return _SECTION.get(fold(vals[0]))
    return None


def is_separator(cells: list[str]) -> bool:
    vals = [clean(c) for c in cells if clean(c)]
    return bool(vals) and all(re.fullmatch(r"[-=_.…]+", v) for v in vals)


def find_title(texts: list[str], raw: list[str], h: int, floor: int) -> str:
    """Title of the table whose header is at index h: 'Tabel X.Y' + caption, else the nearest heading."""
    collected: list[str] = []
    paras = 0
    j = h - 1
    while j >= floor and h - j <= 30:
        t = texts[j]
        if not t:
            j -= 1
            continue
        if "\t" in raw[j]:
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
            letters = [c for c in t if c.isalpha()]
            upper = sum(c.isupper() for c in letters) / max(1, len(letters))
            if paras > 0 and (upper > 0.6 or _HEADING.match(t)):
                break
        j -= 1
    return " ".join(collected)


def level_of_kode(kode: str) -> str | None:
    """Level from a kode rekening: Permendagri 90 dotted codes or SIPD spaced codes."""
    k = kode.strip()
    if not re.search(r"\d", k):
        return None
    if " " in k:                                   # SIPD: "7 01 7 01 00 01 2.01.0001 5 1 02"
        toks = k.split()
        sub = [i for i, t in enumerate(toks) if re.fullmatch(r"\d\.\d{2}\.\d{4}", t)]
        keg = [i for i, t in enumerate(toks) if re.fullmatch(r"\d\.\d{2}", t)]
        if sub:
            return "sub_kegiatan" if len(toks) - sub[0] - 1 <= 2 else None
        if keg:
            return "kegiatan" if len(toks) - keg[0] - 1 <= 2 else None
        if len(toks) >= 7 and re.fullmatch(r"0+", toks[5]):
            return "total"
        if len(toks) >= 7 and len(toks) <= 9:
            return "program"
        return None
    segs = [s for s in re.split(r"[.]", k) if s]
    n = len(segs)
    if n <= 2:
        return "program" if n == 2 else None
    if n == 3:
        return "program"
    if n == 4:
        return "kegiatan" if len(segs[3]) == 3 else "kegiatan"
    if n == 5:
        return "kegiatan" if len(segs[3]) == 1 else "sub_kegiatan"
    if n == 6:
        return "sub_kegiatan"
    return None


def normalise_kode(kode: str) -> str | None:
    k = clean(kode)
    if not k or not re.search(r"\d", k):
        return None
    return ".".join(t for t in re.split(r"[\s.]+", k) if t)


def is_total_text(t: str) -> bool:
    return bool(_TOTAL.match(clean(t)))


def budget_level(name: str, section: str | None, header_word: str | None) -> str:
    """Level of a budget row without kode: JUMLAH, section marker, 'Program ...', nomenclature, header."""
    n = clean(name)
    if is_total_text(n):
        return "total"
    if section:
        return section
    bare = re.sub(r"^\s*\d+[.)]?\s*", "", n)
    if re.match(r"^p+rogram\b", bare, re.I):
        return "program"
    lvl = nomenclature_level(bare)
    if lvl:
        return lvl
    if header_word in ("program", "kegiatan", "sub_kegiatan"):
        return header_word
    return "kegiatan"


def new_row(values: dict[str, str], line: int | None, page: int | None = None) -> RawRow:
    return RawRow({k: RawCell(v, line, page) for k, v in values.items()}, line=line, page=page)


def merge_into(prev: RawRow, values: dict[str, str]) -> None:
    """A wrapped continuation line: append its texts to the row above, cell by cell."""
    for k, v in values.items():
        if not v:
            continue
        c = prev.cells.get(k)
        if c is None or not c.text:
            prev.cells[k] = RawCell(v, c.line if c else prev.line, c.page if c else prev.page)
        else:
            c.text = f"{c.text} {v}"
