"""How wide the lines of a flat-text table cell were set, and at what width each column wraps.

A converter wraps a cell at its column's width.  In generated or monospaced text that width is a
count of characters; in a PDF set in a proportional font it is a length on the page, which a count
of characters follows only roughly: "persentase fasilitasi" (21 characters) fits where "Persentase
Pemenuhan" (20) does not.  The glyph widths of the standard PDF fonts (Helvetica and Times, the
metrics pdfminer.six ships) estimate that length well enough.  Which measure a report's tables
follow is told by the cells whose division is certain: the measure under which each column's cells
agree best on one wrap width (characters when they agree as well, as generated text does).

A cell of lines wrapped at width W keeps every line within W and breaks a line only where the
next word would not fit: max(width(line)) <= W < min(width(line + " " + next word)).  Lengths are
in units of one average lower-case letter, so thresholds read as characters in every measure.
Written by hand: no library infers a wrap width from wrapped text.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat

from pdfminer.fontmetrics import FONT_METRICS

_FONTS = ("Helvetica", "Times-Roman")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Measure:
    """A way to measure a line: characters, or the glyph widths of one font."""
    name: str
    glyphs: dict | None = None       # character -> width in font units; None: count characters
    unit: float = 1.0                # the width of an average lower-case letter

    def width(self, s: str) -> float:
        if self.glyphs is None:
            return float(len(s))
        return _glyph_width(self.name, s)

    def widest_before(self, line: str, nxt: str) -> float:
        """The widest column that breaks line before the first word of the next line
        (whole characters: one less than the line with that word; lengths: just under it)."""
        w = self.width(line + " " + nxt.split(" ", 1)[0])
        return w - (1.0 if self.glyphs is None else 1e-6)


def _font(name: str) -> Measure:
    glyphs = FONT_METRICS[name][1]
    unit = sum(glyphs[c] for c in _LETTERS) / len(_LETTERS)
    return Measure(name, glyphs, unit)


CHARS = Measure("chars")
MEASURES = (CHARS,) + tuple(_font(f) for f in _FONTS)
_BY_NAME = {m.name: m for m in MEASURES}


@lru_cache(maxsize=65536)
def _glyph_width(font: str, s: str) -> float:
    """A text's width in a font (cached: the same lines are measured for every candidate width)."""
    m = _BY_NAME[font]
    g, unit = m.glyphs, m.unit
    return sum(map(g.get, s, repeat(unit, len(s)))) / unit       # (g.get(c, unit) for each character)

Band = tuple[float, float]


def cell_band(lines: list[str], m: Measure = CHARS) -> Band | None:
    """The widths a cell of these lines may have been wrapped at (None: a single line says little)."""
    if len(lines) < 2:
        return None
    lo = max(m.width(x) for x in lines)
    hi = min(m.widest_before(a, b) for a, b in zip(lines, lines[1:]))
    return (lo, hi) if lo <= hi else None


def width_violation(lines: list[str], band: Band | None, m: Measure = CHARS) -> float:
    """How far the lines are from being one cell wrapped at a single width within band (0: they can be)."""
    if not lines:
        return 0.0
    lo = max(m.width(x) for x in lines)
    hi = float(10 ** 6)
    for a, b in zip(lines, lines[1:]):
        hi = min(hi, m.widest_before(a, b))
    if band is not None:
        lo, hi = max(lo, band[0]), min(hi, band[1])
    elif m.glyphs is None:
        # no width known for the column: a count of characters only approximates the lengths of a
        # proportional font's lines, so a line a character too short to have taken the next word
        # tells nothing ("Pemerintahan dan" / "Pelayanan" under "Fasilitasi Penyelenggaraan")
        hi += 1.0
    return max(0.0, lo - hi)


def column_band(bands: list[Band]) -> Band | None:
    """One column's wrap width from its certain cells.  Cells that disagree (a font the measure
    only approximates) widen the band to the range between them instead of emptying it."""
    if not bands:
        return None
    lo = max(b[0] for b in bands)
    hi = min(b[1] for b in bands)
    return (lo, hi) if lo <= hi else (hi, lo)


def disagreement(columns: list[list[list[str]]], m: Measure) -> float:
    """How much the certain cells of each column disagree on one wrap width, measured with m."""
    total = 0.0
    for cells in columns:
        each = [cell_band(ls, m) for ls in cells]
        bands = [b for b in each if b is not None]
        # a cell that cannot be one wrapped cell at all under m counts as a full disagreement
        total += sum(1 for ls, b in zip(cells, each) if len(ls) >= 2 and b is None)
        if len(bands) >= 2:
            lo = max(b[0] for b in bands)
            hi = min(b[1] for b in bands)
            total += max(0.0, lo - hi) / lo
    return total


def choose_measure(columns: list[list[list[str]]]) -> Measure:
    """The measure under which the certain cells (per column, each a list of lines) agree best;
    characters unless a font explains the wrapping clearly better."""
    best, best_d = CHARS, disagreement(columns, CHARS)
    for m in MEASURES[1:]:
        d = disagreement(columns, m)
        if d < best_d - 0.05:
            best, best_d = m, d
    return best
