"""What the lexicon returns for one value: a parsed number, an indicator's catalogue match."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Parsed:
    """A number read from a cell, with what was seen of its format."""
    value: float | None
    unit: str | None = None             # normalised unit text, "%" for percent
    flags: list[str] = field(default_factory=list)   # format observations (comma_thousands, dot_decimal, ...)
    decimal_sep: str | None = None      # "," or "." when the number had a decimal part
    thousands_sep: str | None = None


@dataclass
class IndicatorMatch:
    """An indikator text's match in the indicator catalogue."""
    text: str
    id: str | None                      # accepted id, else None
    score: float                        # best candidate's score (0-100)
    status: str                         # accepted / review / none
    candidates: list[tuple[str, str, float]] = field(default_factory=list)   # (id, name, score)
