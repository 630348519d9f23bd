"""Kecamatan and kabupaten names: the gazetteer in data/gazetteer.csv (kabupaten, kecamatan)."""
from __future__ import annotations

import csv
import os
import re
from functools import lru_cache

_DATA = os.path.join(os.path.dirname(__file__), "data", "gazetteer.csv")


def fold_place(s: str | None) -> str:
    return re.sub(r"[^a-z]", "", (s or "").lower())


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, str]]:
    """Lower-case kecamatan name -> (kabupaten, kecamatan) in canonical spelling."""
    out: dict[str, tuple[str, str]] = {}
    with open(_DATA, newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            out.setdefault(r["kecamatan"].lower(), (r["kabupaten"], r["kecamatan"]))
    return out
