"""The pieces of a page every reader hands on: words with their boxes (from a text layer or from
OCR), horizontal and vertical rule segments, and words grouped into lines."""
from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from lkj.model.settings import LayoutSettings

LAYOUT = LayoutSettings()
_TOP_X0 = attrgetter("top", "x0")
_X0 = attrgetter("x0")


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    conf: float | None = None          # OCR confidence 0-100 (None for a text layer)
    doubt: bool = False                # OCR is unsure of this reading (a number read two ways)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class HSeg:
    x0: float
    x1: float
    y: float


@dataclass(slots=True)
class VSeg:
    y0: float
    y1: float
    x: float


def group_lines(words: list[Word], tol: float | None = None, overlap: float = LAYOUT.line_overlap) -> list[list[Word]]:
    """Words -> lines, by vertical overlap of their boxes (tolerant to small baseline jitter)."""
    out: list[list[Word]] = []
    last: list[Word] | None = None
    total = 0.0                     # the sum of the last line's word centres (its mean is the reference)
    for w in sorted(words, key=_TOP_X0):
        top, bottom = w.top, w.bottom
        cy = (top + bottom) / 2
        if last is not None:
            t = tol if tol is not None else max(1.0, bottom - top) * overlap
            if abs(cy - total / len(last)) <= t:
                last.append(w)
                total += cy
                continue
        last = [w]
        out.append(last)
        total = cy
    for ln in out:
        ln.sort(key=_X0)
    return out
