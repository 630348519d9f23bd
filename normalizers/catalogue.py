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
