"""Rows whose two text cells are centred on the row's number and values.

A Word table whose cells are centred vertically, read line by line at each height of the page
(pdfplumber's extract_text, PyPDF), writes each cell's lines around the middle of its row: in a row
of H lines a cell of k lines stands at heights (H - k)/2 + j, the row's number and values at
(H - 1)/2.  Two cells whose heights differ by an even count share lines (both on one line, joined
by a space); by an odd count they stand half a line apart, each line holding one cell's text; the
number and values stand on a line of their own when nothing else is at the row's middle.  A
sasaran merged over the rows of several indicators is centred on all of them, the row number with
it; each indicator is centred on its own row's values:

    Persentase desa yang menetapkan          (the first indicator's first line)
    100%                                     (its target, at its row's middle)
    RKPDes Tepat waktu
    Meningkatnya Kualitas Fasilitasi         (the merged sasaran, centred on three rows)
    Persentase Desa yang menetapkan
    6. Pembinaan dan Pengawasan 100%         (the number at the middle of the three rows)
    ...

So for a run of rows (a number, the values of each row under it) every count of lines of its cells
gives one sequence of lines: what stands on each (text or not, the number, which row's values).
A quantity in a narrow column is a centred cell of two lines too ("3" / "Dokumen"): its number half
a line above the row's middle, its unit ending the line half a line below.  The table's lines are
read as the chain of runs whose sequences they follow exactly, up to the paragraph under the table
(whose cited numbers the row reader may have taken for a row's); where a line holds both cells the
widths of the two columns divide it as in flat_interleave (every line of a cell within its column's
width, broken only where the next word would not fit, the widths fitted to the table by turns), and
among the sequences a run's lines follow, the one they divide best wins, or the one whose cells
read as the report's other tables read them.

Written by hand: no library divides the lines of vertically centred table cells.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from typing import NamedTuple

from lkj.normalizers.text import fold, join_lines
from lkj.normalizers.units import is_unit_word

from .flat_header import is_header_line
from .flat_interleave import _BIG, _BONUS, _SECTION_LABELS, _TIE, _broken, _fit_width, _never, _opening_cost
from .flat_rows import FlatRow, TextLine
from .flat_values import NUM, Piece
from .flat_widths import MEASURES, Measure

_MAX_CELL = 7        # lines of one cell
_MAX_SUB = 3         # rows under one merged sasaran
_MAX_RUN = 3 * _MAX_CELL + 4
_SKIP, _SKIP_LINE = 20.0, 2.0   # the price of lines no sequence reads, and of each of them


@dataclass
class _Line:
    """One line of the table's body, its rows' pieces pooled."""
    line: int
    words: list[str] = field(default_factory=list)
    number: tuple[int, Piece] | None = None     # (row index, the row number) on it
    values: int | None = None                   # the row whose values stand on it
    bare: int = 0                               # how many of them are numbers without a unit
    ket: list[TextLine] = field(default_factory=list)


class _Slot(NamedTuple):
    s: int              # the line of the first cell (sasaran) that stands here, -1: none
    sub: int            # the row whose second cell (indicator) has a line here, -1: none
    i: int              # which line of it
    number: bool
    values: int         # the row (of the run) whose values stand here, -1: none
    unit: int = -1      # the row whose values' units, wrapped under them, end the line here ("1" / "Dokumen")


def _run(a: int, bs: tuple[int, ...], numbered: bool, hv: tuple[int, ...] | None = None) -> tuple[_Slot, ...]:
    """The lines of a run: a first cell of a lines merged over rows whose second cells have bs lines
    and whose values take hv lines (2: a quantity's unit wrapped under its number)."""
    hv = hv or (1,) * len(bs)
    hs = [max(b, 1, v) for b, v in zip(bs, hv)]
    hs[-1] = max(hs[-1], a - sum(hs[:-1]))      # a merged cell taller than its rows: the last one grows
    g = sum(hs)
    at: dict[int, dict] = {}                    # height in half lines -> what stands there

    def put(h: int, **kw) -> None:
        at.setdefault(h, {}).update(kw)
    for j in range(a):
        put(g - a + 2 * j, s=j)
    if numbered:
        put(g - 1, number=True)
    top = 0
    for k, (b, h, v) in enumerate(zip(bs, hs, hv)):
        for j in range(b):
            put(2 * top + h - b + 2 * j, sub=k, i=j)
        put(2 * top + h - v, values=k)
        if v == 2:
            put(2 * top + h, unit=k)
        top += h
    return tuple(_Slot(d.get("s", -1), d.get("sub", -1), d.get("i", -1), d.get("number", False),
                       d.get("values", -1), d.get("unit", -1)) for _, d in sorted(at.items()))


def _signature(slot: _Slot) -> tuple[bool, bool, int]:
    return (slot.s >= 0 or slot.sub >= 0 or slot.unit >= 0, slot.number, slot.values)


@lru_cache(maxsize=4)
def _runs(numbered: bool, units: bool) -> dict[tuple, list[tuple[_Slot, ...]]]:
    """Every run's sequence of lines by what its lines show (text or not, number, values); with
    units, also the runs whose values' units are wrapped under them (of one or two rows)."""
    out: dict[tuple, list[tuple[_Slot, ...]]] = {}
    subs = range(1, _MAX_SUB + 1) if numbered else (1,)
    for m in subs:
        hvs = list(product((1, 2), repeat=m)) if units and m <= 2 else [(1,) * m]
        for bs in product(range(_MAX_CELL + 1), repeat=m):
            for a in range(_MAX_CELL + 1):
                if a == 0 and not any(bs):
                    continue
                for hv in hvs:
                    slots = _run(a, bs, numbered, hv)
                    out.setdefault(tuple(_signature(s) for s in slots), []).append(slots)
    return out


def body_lines(rows: list[FlatRow], header_text: str = "", numbered_header: bool = False) -> list[_Line] | None:
    """The table's lines in order, each with its words, number and values; None when a row's values
    stand on more than one line or the rows have kode rekening (not this form).  Left out: a section's
    label ("Program"), a line of the header's own words (the header repeated over a page)."""
    header = _folded_words(header_text)
    at: dict[int, _Line] = {}
    last_no = 0

    def get(n: int) -> _Line:
        return at.setdefault(n, _Line(n))
    for ri, r in enumerate(rows):
        if r.kode is not None:
            return None
        if r.no is not None and (m := re.match(r"\d+", r.no.text)):
            last_no = int(m.group(0))
        if r.vals:
            if len({v.line for v in r.vals}) > 1 or get(r.vals[0].line).values is not None:
                return None
            get(r.vals[0].line).values = ri
            lead = r.vals[0]
            taken = r.no is None and numbered_header and len(r.vals) >= 2 and lead.shape == NUM and \
                bool(re.fullmatch(r"\d{1,2}[.)]?", lead.text)) and int(lead.text.rstrip(".)")) in (last_no + 1, 1) \
                and get(lead.line).number is None
            if taken:
                # the row's number before its values on their line ("1 100% 66,67% 66,67%"), read as one
                # more value where the header has more columns than the row has numbers
                get(lead.line).number = (ri, lead)
                last_no = int(lead.text.rstrip(".)"))
            get(lead.line).bare = sum(v.shape == NUM for v in r.vals[1 if taken else 0:])
        if r.no is not None:
            if get(r.no.line).number is not None:
                return None
            get(r.no.line).number = (ri, r.no)
        for t in r.texts:
            if t.phase == "same":
                get(t.line).ket.append(t)
            else:
                get(t.line).words += t.text.split()
    out = []
    nums = sorted(at)
    for k, n in enumerate(nums):
        ln = at[n]
        text = " ".join(ln.words)
        if ln.number is None and ln.values is None:
            # (lines left out between, a page's foot and head: a header line next to them is the
            # header repeated, the words of its every line not all the first header's)
            at_break = (k and nums[k - 1] < n - 1) or (k + 1 < len(nums) and nums[k + 1] > n + 1)
            if fold(text).strip() in _SECTION_LABELS or \
                    (is_header_line(text) and (at_break or _folded_words(text) <= header)):
                ln.values = -1                   # a "Program" label, the header repeated over a page
                continue
        out.append(ln)
    # a page's number: a number alone on its line, the header repeated right after it (or lines left
    # out: the header the row reader read again)
    heads = {n for n in nums if at[n].values == -1} | {n + 1 for n in nums if n + 1 not in at}
    return [ln for ln in out if not (not ln.words and ln.number is None and ln.values is not None
                                     and rows[ln.values].vals and len(rows[ln.values].vals) == 1
                                     and re.fullmatch(r"\d{1,3}", rows[ln.values].vals[0].text)
                                     and ln.line + 1 in heads)]


def _folded_words(text: str) -> set[str]:
    return {f for f in (fold(w) for w in text.split()) if f}


@dataclass
class _Cand:
    """A run of the table's lines read as one sequence of slots."""
    start: int
    slots: tuple[_Slot, ...]
    cost: float = 0.0
    splits: list[int] = field(default_factory=list)
    units: dict[int, int] = field(default_factory=dict)   # line -> the values' unit words ending it
    skip: int = 0       # a run of so many lines no sequence reads (a row broken over a page): left to the row reader


class _Divider:
    """The cost of dividing a run's lines between the two cells at widths w1, w2."""

    def __init__(self, lines: list[_Line], m: Measure, opens_indicator):
        self.lines, self.m, self.opens = lines, m, opens_indicator
        self.sp = m.width(" ")
        self._w: dict[tuple[int, int, int], float] = {}

    def width(self, li: int, a: int, b: int) -> float:
        k = (li, a, b)
        if k not in self._w:
            self._w[k] = self.m.width(" ".join(self.lines[li].words[a:b]))
        return self._w[k]

    def options(self, li: int, slot: _Slot, n: int) -> list[int]:
        if slot.s >= 0 and slot.sub >= 0:
            return list(range(1, n))
        return [n] if slot.s >= 0 else [0]

    def here(self, li: int, slot: _Slot, p: int, n: int, w1: float, w2: float) -> float:
        """The cost of split p on line li alone: each part beyond its width, how each cell opens."""
        words = self.lines[li].words
        h = 0.0
        if slot.s >= 0:
            h += max(0.0, self.width(li, 0, p) - w1)
            if slot.s == 0:
                h += 0.5 * _opening_cost(words[:p], _never)
            elif self.opens(words[0]) and words[0][:1].isupper():
                h += 1.0                 # ("Persentase" going on with the first cell: an indicator opens)
        if slot.sub >= 0:
            h += max(0.0, self.width(li, p, n) - w2)
            if slot.i == 0:
                h += _opening_cost(words[p:n], self.opens)
            elif slot.s >= 0:
                h += _TIE * (n - p)      # where the widths cannot tell, a line goes on with the first cell
        return h

    def link(self, prev: tuple[int, _Slot, int, int] | None, li: int, slot: _Slot, p: int, w1: float,
             w2: float) -> float:
        """The cost of each cell broken on the line above (prev: its line, slot, split) though the next
        word would have fitted; weighed between two lines in a row only (across a line of the other
        cell alone it is not)."""
        if prev is None:
            return 0.0
        pli, pslot, pn, q = prev
        t = 0.0
        if slot.s > 0 and pslot.s == slot.s - 1:
            t += _broken(w1, self.width(pli, 0, q) + self.sp + self.width(li, 0, 1))
        if slot.i > 0 and pslot.sub == slot.sub and pslot.i == slot.i - 1:
            t += _broken(w2, self.width(pli, q, pn) + self.sp + self.width(li, p, p + 1))
        return t

    def divide(self, c: _Cand, w1: float, w2: float) -> None:
        """The least-cost splits of the run's text lines (a dynamic programme over them)."""
        idx = _text_slots(c, self.lines)
        prev: list[tuple[float, list[int]]] = [(0.0, [])]
        for pos, (li, slot, n) in enumerate(idx):
            opts = self.options(li, slot, n)
            if not opts:
                c.cost, c.splits = _BIG, []
                return
            cur: list[tuple[float, list[int]]] = []
            for p in opts:
                h = self.here(li, slot, p, n, w1, w2)
                best = min(((base + self.link((*idx[pos - 1], path[-1]) if pos else None, li, slot, p, w1, w2), path)
                            for base, path in prev), key=lambda x: x[0])
                cur.append((best[0] + h, best[1] + [p]))
            prev = cur
        c.cost, c.splits = min(prev, key=lambda x: x[0])
        if any(s.number for s in c.slots) and all(s.s < 0 for s in c.slots):
            c.cost += 3.0                # a numbered row with no first cell is unlikely

    def within(self, c: _Cand, w1: float, w2: float, bound: float, cap: int = 200) -> list[tuple[float, list[int]]]:
        """Every division of the run that costs at most bound (at most cap of them)."""
        idx = _text_slots(c, self.lines)
        out: list[tuple[float, list[int]]] = []

        def go(pos: int, acc: float, splits: list[int]) -> None:
            if len(out) >= cap:
                return
            if pos == len(idx):
                out.append((acc, list(splits)))
                return
            li, slot, n = idx[pos]
            for p in self.options(li, slot, n):
                cost = acc + self.here(li, slot, p, n, w1, w2) + \
                    self.link((*idx[pos - 1], splits[-1]) if pos else None, li, slot, p, w1, w2)
                if cost <= bound:
                    splits.append(p)
                    go(pos + 1, cost, splits)
                    splits.pop()
        go(0, 0.0, [])
        return out


def _text_slots(c: _Cand, lines: list[_Line]) -> list[tuple[int, _Slot, int]]:
    """The run's lines that hold cell text: (line, slot, how many of its words are the cells')."""
    return [(c.start + k, s, len(lines[c.start + k].words) - c.units.get(c.start + k, 0))
            for k, s in enumerate(c.slots) if s.s >= 0 or s.sub >= 0]


def _unit_words(lines: list[_Line], t: int, slots: tuple[_Slot, ...]) -> dict[int, int] | None:
    """line -> how many unit words end it, for the run's values whose units are wrapped under them
    (as many unit words as numbers without one); None when a line does not end so."""
    out: dict[int, int] = {}
    for k, s in enumerate(slots):
        if s.unit < 0:
            continue
        need = next(lines[t + j].bare for j, v in enumerate(slots) if v.values == s.unit)
        words = lines[t + k].words
        text_too = s.s >= 0 or s.sub >= 0
        if not need or len(words) < need + text_too or (not text_too and len(words) != need) or \
                not all(is_unit_word(re.sub(r"[^A-Za-z]", "", w)) for w in words[len(words) - need:]):
            return None
        out[t + k] = need
    return out


def _candidates(lines: list[_Line], numbered: bool) -> dict[int, list[_Cand]]:
    """start -> the runs that may begin at that line (their lines follow a run's sequence exactly)."""
    # (values whose units may be wrapped under them: a line of numbers without units, a unit word
    # ending one of the two lines below)
    units = any(ln.bare and any(x.words and is_unit_word(re.sub(r"[^A-Za-z]", "", x.words[-1]))
                                for x in lines[k + 1:k + 3]) for k, ln in enumerate(lines))
    runs = _runs(numbered, units)
    out: dict[int, list[_Cand]] = {}
    n = len(lines)
    for t in range(n):
        sig: list[tuple[bool, bool, int]] = []
        numbers = seen_values = 0
        for u in range(t, min(n, t + _MAX_RUN)):
            ln = lines[u]
            rel = -1
            if ln.values is not None:
                rel = seen_values                # (the run's first row's values, its second's ...)
                seen_values += 1
            numbers += ln.number is not None
            if numbered and numbers > 1:
                break
            sig.append((bool(ln.words), ln.number is not None, rel))
            if numbered and not numbers:
                continue
            for slots in runs.get(tuple(sig), ()):
                cut = _unit_words(lines, t, slots) if units else {}
                if cut is not None:
                    out.setdefault(t, []).append(_Cand(t, slots, units=cut))
    return out


def _chain(lines: list[_Line], cands: dict[int, list[_Cand]]) -> list[_Cand] | None:
    """The runs that read the lines from the first on, least cost, as many lines as they can; the
    lines after the last run must be text only (the paragraph under the table, which the row reader
    gave to the last row), or open with a paragraph's line, no row number after it."""
    n = len(lines)
    best: list[tuple[float, _Cand | None, int] | None] = [None] * (n + 1)
    best[0] = (0.0, None, -1)
    for t in range(n):
        if best[t] is None:
            continue
        for c in cands.get(t, ()):
            u = t + len(c.slots)
            tot = best[t][0] + c.cost
            if c.cost < _BIG and (best[u] is None or tot < best[u][0]):
                best[u] = (tot, c, t)
        # (or lines no sequence reads, at a price: a row broken over a page, the rest read on)
        for u in range(t + 1, n + 1):
            tot = best[t][0] + _SKIP + _SKIP_LINE * (u - t)
            if best[u] is None or tot < best[u][0]:
                best[u] = (tot, _Cand(t, (), _SKIP + _SKIP_LINE * (u - t), skip=u - t), t)
    last_anchor = max((i for i, ln in enumerate(lines) if ln.values is not None or ln.number is not None), default=-1)
    ends = [u for u in range(last_anchor + 1, n + 1) if best[u] is not None
            and all(ln.values is None and ln.number is None for ln in lines[u:])]
    if not ends:
        # the paragraph after the table, its numbers read as a row's ("... dari 9 Indikator" /
        # "mencapai 100%"): no row number after the last run, a sentence's opening line first
        numbered = any(ln.number is not None for ln in lines)
        ends = [u for u in range(1, n) if best[u] is not None and numbered and _opens_paragraph(lines[u])
                and all(ln.number is None for ln in lines[u:])]
    if not ends:
        return None
    u = min(ends, key=lambda e: (n - e, best[e][0]))
    out = []
    while u > 0:
        _, c, t = best[u]
        out.append(c)
        u = t
    if sum(c.skip for c in out) * 2 > n:
        return None                              # mostly unread: not this form
    return out[::-1]


def _opens_paragraph(ln: _Line) -> bool:
    """A line of eight words or more, capitalised, neither number nor values on it."""
    return ln.number is None and ln.values is None and len(ln.words) >= 8 and ln.words[0][:1].isupper()


def _refit(lines: list[_Line], dv: _Divider, chosen: list[_Cand]) -> tuple[float, float]:
    f1, b1, f2, b2 = [], [], [], []
    for c in chosen:
        idx = _text_slots(c, lines)
        for k, ((li, s, n), p) in enumerate(zip(idx, c.splits)):
            if s.s >= 0:
                f1.append(dv.width(li, 0, p))
            if s.sub >= 0:
                f2.append(dv.width(li, p, n))
            if k + 1 < len(idx):
                (lj, t, _), q = idx[k + 1], c.splits[k + 1]
                if s.s >= 0 and t.s == s.s + 1:
                    b1.append(dv.width(li, 0, p) + dv.sp + dv.width(lj, 0, 1))
                if s.sub >= 0 and t.sub == s.sub and t.i == s.i + 1:
                    b2.append(dv.width(li, p, n) + dv.sp + dv.width(lj, q, q + 1))
    return _fit_width(f1, b1), _fit_width(f2, b2)


@dataclass
class Centred:
    """A table's lines read as runs of centred rows, divided at the widths found for its columns."""
    lines: list[_Line]
    runs: list[_Cand]
    cands: dict[int, list[_Cand]]
    divider: _Divider
    w1: float
    w2: float
    _near: list | None = None

    def near_best(self) -> list[list[tuple[float, _Cand, list[int], str, dict[int, str]]]]:
        """Per run, the readings of its lines that cost little more than its best one (cost, the
        sequence read, splits, the first cell's text, each row's second cell's): its divisions and
        those of the other sequences its lines follow; enumerated once."""
        if self._near is None:
            self._near = []
            for c in self.runs:
                near = []
                for alt in self.cands.get(c.start, ()):
                    if len(alt.slots) != len(c.slots):
                        continue
                    alt = _Cand(alt.start, alt.slots, units=alt.units) if alt.slots != c.slots else c
                    if alt is not c:
                        self.divider.divide(alt, self.w1, self.w2)
                        if alt.cost > c.cost + 2 * _BONUS:
                            continue
                    near += [(cost, alt, sp, *_run_texts(self.lines, alt, sp))
                             for cost, sp in self.divider.within(alt, self.w1, self.w2, c.cost + 2 * _BONUS)]
                self._near.append(near)
        return self._near

    def possible_texts(self) -> tuple[set[str], set[str]]:
        first: set[str] = set()
        second: set[str] = set()
        for near in self.near_best():
            for _, _, _, a, b in near:
                first.add(a)
                second |= set(b.values())
        return first, second

    def reread(self, elsewhere) -> None:
        """Of each run's near-best divisions, the one whose cells read as texts read elsewhere in the
        report (elsewhere(column, text) -> bool), as flat_interleave.reread does."""
        for k, near in enumerate(self.near_best()):
            best_s, best = None, None
            for cost, alt, sp, a, b in near:
                hits = (elsewhere(0, a) if a else 0) + sum(elsewhere(1, t) for t in b.values() if t)
                sc = cost - _BONUS * hits
                if best_s is None or sc < best_s - 1e-9:
                    best_s, best = sc, (alt, sp)
            if best is not None:
                self.runs[k] = _Cand(best[0].start, best[0].slots, best_s, best[1], best[0].units, best[0].skip)

    def cells(self) -> tuple[dict, dict, dict, dict]:
        """({row: (first, second, line)}, {row: remark lines}, {row: its number}, {row: (the unit
        words wrapped under its numbers, their line)}): the number of a merged sasaran is its first
        row's; rows not in the first mapping were lines of the others; a row mapped to None stands
        in lines no sequence read (its cells are the row reader's)."""
        return _texts(self.lines, [(c, c.splits) for c in self.runs])


def centred_rows(rows: list[FlatRow], opens_indicator, header_text: str = "",
                 numbered_header: bool = False) -> Centred | None:
    """The rows' two text cells when the table is of this form; None when its lines follow no chain of
    runs, or nothing shows the rows centred (text above the first row's numbers, or a row's numbers
    alone on their line).  `numbered_header`: the header has a No column."""
    lines = body_lines(rows, header_text, numbered_header)
    if not lines:
        return None
    gaps = sum(1 for a, b in zip(lines, lines[1:]) if b.line > a.line + 1)
    if gaps > 2 + len(lines) // 20:
        return None                              # blank lines between: cells written one by one
    first_anchor = next((i for i, ln in enumerate(lines) if ln.values is not None or ln.number is not None), None)
    if first_anchor is None:
        return None
    if first_anchor == 0 and all(ln.words for ln in lines if ln.values is not None or ln.number is not None):
        # nothing above the first row's numbers, and every row's number or numbers share a line with
        # text: rows opening on the line of their numbers (cells set at the top), not this form; a
        # number or numbers alone on their line, half a line from the cells beside, say it is
        return None
    numbered = any(ln.number is not None for ln in lines)
    cands = _candidates(lines, numbered)
    if 0 not in cands:
        return None
    best = None
    # (the widths found by turns from two beginnings: half the widest line each, and the widest line,
    # under which a line is seldom two cells; a table of few rows may settle at either)
    for m, share in product(MEASURES, (0.5, 1.0)):
        dv = _Divider(lines, m, opens_indicator)
        w1 = w2 = share * max(m.width(" ".join(ln.words)) for ln in lines)
        seen = set()
        chosen = None
        for _ in range(7):
            for cs in cands.values():
                for c in cs:
                    dv.divide(c, w1, w2)
            chosen = _chain(lines, cands)
            if chosen is None:
                break
            key = (round(w1, 3), round(w2, 3))
            if key in seen:
                break
            seen.add(key)
            w1, w2 = _refit(lines, dv, chosen)
        if chosen is None:
            continue
        total = sum(c.cost for c in chosen)
        if best is None or total < best[0] - 0.05 * len(lines):
            # (the candidates are divided again at the next measure's widths: keep this one's)
            runs = [_Cand(c.start, c.slots, c.cost, list(c.splits), c.units, c.skip) for c in chosen]
            best = (total, Centred(lines, runs, cands, dv, w1, w2))
    return best[1] if best is not None else None


def _run_texts(lines: list[_Line], c: _Cand, splits: list[int]) -> tuple[str, dict[int, str]]:
    first: list[str] = []
    second: dict[int, list[str]] = {}
    for (li, s, n), p in zip(_text_slots(c, lines), splits):
        words = lines[li].words
        if s.s >= 0 and p:
            first.append(" ".join(words[:p]))
        if s.sub >= 0 and p < n:
            second.setdefault(s.sub, []).append(" ".join(words[p:n]))
    return join_lines(first), {k: join_lines(v) for k, v in second.items()}


def _texts(lines: list[_Line], chosen) -> tuple[dict, dict, dict, dict]:
    out: dict[int, tuple[str, str, int] | None] = {}
    ket: dict[int, list[TextLine]] = {}
    nos: dict[int, Piece] = {}
    units: dict[int, tuple[list[str], int]] = {}
    for c, splits in chosen:
        if c.skip:
            for ln in lines[c.start:c.start + c.skip]:
                if ln.values is not None:
                    out[ln.values] = None        # (read by the row reader)
                if ln.number is not None:
                    nos[ln.number[0]] = ln.number[1]
            continue
        first: list[str] = []
        first_line = None
        second: dict[int, list[str]] = {}
        sub_line: dict[int, int] = {}
        rows_of: dict[int, int] = {}
        number = None
        unit_of: dict[int, tuple[list[str], int]] = {}
        k = 0
        for j, s in enumerate(c.slots):
            ln = lines[c.start + j]
            if s.values >= 0:
                rows_of[s.values] = ln.values
                ket.setdefault(ln.values, []).extend(ln.ket)
            if s.number:
                number = ln.number[1]
            n = len(ln.words) - c.units.get(c.start + j, 0)
            if s.unit >= 0:
                unit_of[s.unit] = (ln.words[n:], ln.line)
            if s.s < 0 and s.sub < 0:
                continue
            p = splits[k]
            k += 1
            if s.s >= 0 and p:
                first.append(" ".join(ln.words[:p]))
                first_line = ln.line if first_line is None else first_line
            if s.sub >= 0 and p < n:
                second.setdefault(s.sub, []).append(" ".join(ln.words[p:n]))
                sub_line.setdefault(s.sub, ln.line)
        for sub in sorted(rows_of):
            ri = rows_of[sub]
            line = first_line if sub == 0 and first_line is not None else sub_line.get(sub, lines[c.start].line)
            out[ri] = (join_lines(first) if sub == 0 else "", join_lines(second.get(sub, [])), line)
            if sub == 0 and number is not None:
                nos[ri] = number
            if sub in unit_of:
                units[ri] = unit_of[sub]
    return out, ket, nos, units
