"""Rows of a table whose body rows are not ruled: where one row ends and the next begins, read
from the white space between the lines of each column (hand-written: no library splits a band of
wrapped cells into rows).

A web printout often rules only the header and the bottom of a table, and sets the body rows
apart by their padding.  Inside one column, the lines of one wrapped cell follow each other at the
font's leading; the next row's first line comes after a wider gap.  A cut is made at a line top
where a column starts anew after such a gap (or the first column shows the next row number), and
only when more columns start there than run on across it: a value centred in a tall row starts
in an empty column but the wrapped text beside it runs on, so it makes no cut.  The cut crosses
only the columns that start or are empty there; a column whose text runs on (a sasaran written
once for several indikator rows) is not crossed, so that cell stays one merged cell.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkj.model.settings import LayoutSettings

from .page_words import HSeg, Word, group_lines

_ROW_NUMBER = re.compile(r"\(?\d{1,3}[.)]?|[a-zA-Z][.)]|[IVXivx]{1,4}[.)]?")
_CODE = re.compile(r"\d{1,2}(\.\d{1,4}){1,6}")      # an account / programme code (7.01.01.2.01)


@dataclass(slots=True)
class _Line:
    top: float
    bottom: float
    text: str


def _column_lines(words: list[Word], bounds: list[float]) -> list[list[_Line]]:
    ncol = len(bounds) - 1
    per: list[list[Word]] = [[] for _ in range(ncol)]
    for w in words:
        c = next((k for k in range(ncol) if w.cx < bounds[k + 1]), ncol - 1)
        per[c].append(w)
    return [[_Line(min(w.top for w in ln), max(w.bottom for w in ln), " ".join(w.text for w in ln))
             for ln in group_lines(ws)] for ws in per]


def row_cuts(words: list[Word], ys: list[float], header_end: float, bounds: list[float],
             layout: LayoutSettings) -> list[HSeg]:
    """Rule segments to add between the rows of the unruled body bands (see the module docstring);
    `ys` are the ruled row boundaries, `bounds` the column boundaries."""
    if not words:
        return []
    heights = sorted(w.bottom - w.top for w in words)
    h = heights[len(heights) // 2]
    tol = 0.5 * h
    ncol = len(bounds) - 1
    bands = []
    for ya, yb in zip(ys, ys[1:]):
        if ya < header_end - 0.5:
            continue
        band = [w for w in words if ya < w.cy < yb]
        if len(group_lines(band)) < 2:
            continue
        bands.append((ya, _column_lines(band, bounds)))
    gap = _row_gap(bands, h, layout)
    cuts: list[HSeg] = []
    for ya, cols in bands:
        last_cut = [ya] * ncol                # where each column's current cell began
        cand: list[float] = []
        for c, lines in enumerate(cols):
            for a, b in zip(lines, lines[1:]):
                if b.top - a.bottom >= gap:
                    cand.append(b.top)
        numbered = [ln for ln in cols[0] if _ROW_NUMBER.fullmatch(ln.text) or _CODE.fullmatch(ln.text)] if cols else []
        cand += [ln.top for ln in numbered[1:]]
        for y in _starts(sorted(cand), tol):
            starts, runs_on = 0, 0
            crossed: list[int] = []
            # the next row number: after text in its column since the last cut, and not the end
            # of a wrapped cell (the line above it is a number or code of its own, or ends a gap)
            number = next((ln for ln in numbered[1:] if abs(ln.top - y) <= tol
                           and any(last_cut[0] < b.top < ln.top for b in cols[0])
                           and _follows_a_number(cols[0], ln, gap)), None)
            for c, lines in enumerate(cols):
                here = next((ln for ln in lines if abs(ln.top - y) <= tol), None)
                before = [ln for ln in lines if ln.bottom <= y + tol and ln is not here and ln.top < y]
                after = [ln for ln in lines if ln.top >= y - tol and ln is not here]
                if here is not None:
                    if not any(ln.top > last_cut[c] for ln in before):
                        # the first text of its cell since the last cut: a value centred in a
                        # tall row, or a cell empty in the row above: it votes neither way (a
                        # cut made here still begins its cell)
                        crossed.append(c)
                        continue
                    if number is not None and (here is number or abs(here.top - number.top) <= 0.2 * h):
                        # the next row number, and the lines set level with it (cells aligned
                        # to the top of their row): they start a row however narrow the gap
                        starts += 1
                        crossed.append(c)
                    elif here.top - before[-1].bottom >= gap:
                        starts += 1
                        crossed.append(c)
                    else:
                        runs_on += 1
                elif any(ln.top < y - tol < ln.bottom for ln in lines):
                    runs_on += 1
                elif before and after and after[0].top - before[-1].bottom < gap:
                    runs_on += 1
                else:
                    if before and after and before[-1].top > last_cut[c]:
                        starts += 1          # its cell ended above and the next begins below: a row's gap
                    crossed.append(c)
            if starts == 0 or (starts < runs_on or (starts == runs_on == 1)) and number is None:
                continue
            above = [ln.bottom for c in crossed for ln in cols[c] if ln.top < y - tol]
            cut = (max(above) + y) / 2 if above else y - 1.0
            cut = min(cut, y - 0.5)
            for first, last in _spans(crossed):
                cuts.append(HSeg(bounds[first], bounds[last + 1], cut))
            for c in crossed:
                last_cut[c] = cut
    return cuts


def _follows_a_number(lines: list[_Line], ln: _Line, gap: float) -> bool:
    k = lines.index(ln)
    if k == 0:
        return True
    prev = lines[k - 1]
    return bool(_ROW_NUMBER.fullmatch(prev.text) or _CODE.fullmatch(prev.text)) or ln.top - prev.bottom >= gap


def _row_gap(bands: list[tuple[float, list[list[_Line]]]], h: float, layout: LayoutSettings) -> float:
    """The gap between two lines of a column that ends a row: `layout.row_gap` line heights, or
    less when the table's wrapped cells show a tighter leading (small padding: the gap between two
    rows is then only a little wider than the one between two lines of a cell).  The leading is
    the narrowest gap that recurs (a few gaps within a tenth of a line height of it: one odd pair
    of lines does not set it); a row's gap must exceed it by a sixth of a line height."""
    gaps = sorted(b.top - a.bottom for _, cols in bands for lines in cols for a, b in zip(lines, lines[1:])
                  if b.top - a.bottom > -0.5 * h)
    full = layout.row_gap * h
    if len(gaps) < 3:
        return full
    near = max(2, len(gaps) // 30)
    lead = next((g for i, g in enumerate(gaps) if i + near <= len(gaps) and gaps[i + near - 1] - g <= 0.1 * h), gaps[0])
    lead = max(lead, 0.0)
    return min(full, max(1.5 * lead, lead + h / 6))


def _starts(values: list[float], tol: float) -> list[float]:
    """Candidate row tops closer than `tol` are one (the highest kept)."""
    out: list[float] = []
    for v in values:
        if out and v - out[-1] <= tol:
            continue
        out.append(v)
    return out


def _spans(cols: list[int]) -> list[tuple[int, int]]:
    """Consecutive column indices as (first, last) runs."""
    out: list[list[int]] = []
    for c in cols:
        if out and c == out[-1][1] + 1:
            out[-1][1] = c
        else:
            out.append([c, c])
    return [(a, b) for a, b in out]
