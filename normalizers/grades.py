"""The grades of the SAKIP evaluation (AA, A, BB, B, CC, C, D), written as a target or a realisasi
in place of a number ("Nilai SAKIP kecamatan: target BB, realisasi B")."""
from __future__ import annotations

import re

GRADE = re.compile(r"AA|A|BB|B|CC|C|D")


def is_grade(word: str) -> bool:
    """The word is a grade, written whole ("BB", not "bb" or "Bb")."""
    return GRADE.fullmatch(word) is not None
