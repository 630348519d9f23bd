"""The pieces of a page every reader hands on: words with their boxes (from a text layer or from
OCR), horizontal and vertical rule segments, and words grouped into lines."""
from __future__ import annotations

from dataclasses import dataclass

from lkj.model.settings import LayoutSettings

LAYOUT = LayoutSettings()


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
    total = 0.0                     # the sum of the last line's word centres (its mean is the reference)
    for w in sorted(words, key=lambda w: (w.top, w.x0)):
        h = max(1.0, w.bottom - w.top)
        t = tol if tol is not None else h * overlap
        cy = w.cy
        if out:
            last = out[-1]
            if abs(cy - total / len(last)) <= t:
                last.append(w)
                total += cy
                continue
        out.append([w])
        total = cy
    return [sorted(l, key=lambda w: w.x0) for l in out]
