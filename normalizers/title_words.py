"""Words of a report's title read with lost strokes (a bold cover title on a scan: "LAPOFAN KINEFJA
TEIWULAN II") put back to the words report titles are made of, so the title's kind and period are
read from it as from a clean one.

The vocabulary is the small set of general Indonesian words that name a performance report and its
period; a title word is replaced when it is within one or two letters of one of them (and of nearly
the same length), never when it already is a word of the set.  Hand-written: a rapidfuzz edit
distance over a dozen words; no library knows the vocabulary.
"""
from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

TITLE_WORDS = ("LAPORAN", "KINERJA", "TRIWULAN", "TRIWULANAN", "TAHUNAN", "SEMESTER", "INDIVIDU",
               "AKUNTABILITAS", "INSTANSI", "PEMERINTAH", "PEMERINTAHAN", "PERJANJIAN", "KECAMATAN")
_WORD = re.compile(r"[A-Za-z0-9]{6,}")


def _fix(word: str) -> str:
    up = word.upper()
    if up in TITLE_WORDS or not re.search(r"[A-Za-z]", word):
        return word
    best, dist = None, 99
    for w in TITLE_WORDS:
        if abs(len(w) - len(up)) > 1:
            continue
        allowed = 1 if len(w) < 8 else 2
        d = Levenshtein.distance(up, w, score_cutoff=allowed)
        if d <= allowed and d < dist:
            best, dist = w, d
    if best is None:
        return word
    if word.isupper():
        return best
    return best.capitalize() if word[:1].isupper() else best.lower()


def repair_title(text: str) -> str:
    """A title line with its report words restored ("LAPOFAN KINEFJA TEIWULAN II" -> "LAPORAN
    KINERJA TRIWULAN II"); other words as they are."""
    return _WORD.sub(lambda m: _fix(m.group(0)), text)
