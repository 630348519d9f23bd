"""Tables in flat text from a PDF text layer (cells broken over lines and interleaved).

Placeholder until the flat reader lands: returns no tables.
"""
from __future__ import annotations


def read_flat_tables(lines, lo: int, hi: int):
    return []
