"""Kode rekening: Permendagri 90 dotted codes ("7.01.01.2.01.0001") and SIPD spaced codes
("7 01 7 01 00 01 2.01.0001 5 1"): normalised form, level, and the key that orders parents."""
from __future__ import annotations

import re

from .text import clean


def normalise_kode(kode: str) -> str | None:
    """Segments joined by dots; None when the text holds no digit."""
    k = clean(kode)
    if not k or not re.search(r"\d", k):
        return None
    return ".".join(t for t in re.split(r"[\s.]+", k) if t)


def kode_key(k: str | None) -> tuple[str, ...] | None:
    """The kode's segments, for parent / child comparisons."""
    if not k or not re.search(r"\d", k):
        return None
    return tuple(x for x in re.split(r"[.\s]+", k.strip()) if x)


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
        if 7 <= len(toks) <= 9:
            return "program"
        return None
    segs = [s for s in re.split(r"[.]", k) if s]
    n = len(segs)
    if n <= 2:
        return "program" if n == 2 else None
    if n == 3:
        return "program"
    if n == 4:
        return "kegiatan"
    if n == 5:
        return "kegiatan" if len(segs[3]) == 1 else "sub_kegiatan"
    if n == 6:
        return "sub_kegiatan"
    return None
