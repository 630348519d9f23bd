"""Program / kegiatan / sub kegiatan nomenclature (Permendagri 90, urusan 7.01 Kecamatan).

The list lives in data/nomenclature_kecamatan.csv (kode, level, name).  Names are matched with
rapidfuzz after folding case, punctuation and the usual spelling variants.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

_DATA = os.path.join(os.path.dirname(__file__), "data", "nomenclature_kecamatan.csv")


@dataclass(frozen=True)
class NomenclatureEntry:
    kode: str
    level: str
    name: str


@lru_cache(maxsize=65536)
def fold_name(s: str) -> str:
    s = s.lower()
    s = re.sub(r"^\s*\d+[.)]?\s*", "", s)
    s = re.sub(r"\bp+rogram\b", "program", s)
    s = re.sub(r"\badminstrasi\b", "administrasi", s)
    s = re.sub(r"\bfasilitas\b", "fasilitasi", s)
    s = re.sub(r"ketentraman", "ketenteraman", s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=1)
def nomenclature() -> tuple[NomenclatureEntry, ...]:
    with open(_DATA, newline="", encoding="utf-8") as fh:
        return tuple(NomenclatureEntry(r["kode"], r["level"], r["name"]) for r in csv.DictReader(fh))


@lru_cache(maxsize=1)
def _choices() -> dict[int, str]:
    return {i: fold_name(e.name) for i, e in enumerate(nomenclature())}


@lru_cache(maxsize=4096)
def match_nomenclature(name: str, cutoff: float = 92.0) -> NomenclatureEntry | None:
    q = fold_name(name)
    if len(q) < 6:
        return None
    hit = process.extractOne(q, _choices(), scorer=fuzz.ratio, score_cutoff=cutoff)
    if hit is None:
        return None
    return nomenclature()[hit[2]]


def nomenclature_level(name: str) -> str | None:
    e = match_nomenclature(name)
    return e.level if e else None


@lru_cache(maxsize=4096)
def nomenclature_kode(name: str) -> str | None:
    """The Permendagri-90 kode of a program / kegiatan / sub kegiatan name written without one. A name
    that says "Program ..." only matches programs. First an exact-enough match (ratio >= 92), else the
    entry whose words contain all of the name's words (token_set_ratio >= 95: "Penunjang Urusan
    Pemerintahan Daerah" is 7.01.01 ... Kabupaten/Kota); two equal candidates give no kode."""
    lead = re.match(r"^\s*(program|kegiatan|sub\s*kegiatan)\b", name, flags=re.I)
    level = lead.group(1).lower().replace(" ", "_").replace("subkegiatan", "sub_kegiatan") if lead else None
    q = fold_name(name[lead.end():] if lead else name)
    if len(q) < 12:
        return None
    choices = {i: c for i, c in _choices().items() if level is None or nomenclature()[i].level == level}
    hit = process.extractOne(q, choices, scorer=fuzz.ratio, score_cutoff=92.0)
    if hit is not None:
        return nomenclature()[hit[2]].kode
    hits = process.extract(q, choices, scorer=fuzz.token_set_ratio, score_cutoff=95, limit=3)
    if not hits:
        return None
    hits.sort(key=lambda h: (-h[1], -fuzz.ratio(q, h[0])))
    if len(hits) > 1 and hits[1][1] == hits[0][1] and fuzz.ratio(q, hits[1][0]) == fuzz.ratio(q, hits[0][0]):
        return None
    return nomenclature()[hits[0][2]].kode
