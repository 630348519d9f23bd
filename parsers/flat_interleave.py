"""Rows whose every line holds the next line of each of two text cells side by side.

A text layer read line by line at each height of the page (pdfplumber's extract_text, PyPDF, OCR
text without layout) writes a table row as its row number, the first line of each cell and the
row's numbers on one line, then each later line of the row as the next line of every cell that is
still going on, joined by single spaces:

    1 Meningkatnya penyelenggaraan Persentase hasil Fasilitasi dan 91,50% 86,11% 94,11%
    pelayanan publik di Kecamatan Koordinasi yang ditindaklanjuti

Where one cell's words end and the next one's begin on a line is not written.  What decides it is
how a column wraps: a cell set in a column of width W keeps every line within W and breaks a line
only where the next word would not fit, and every cell of a column has the same W.  For the two
widths of a table, each line's division is the one that keeps both cells' lines within their
width and broken only where they had to be; the widths are those under which the table's lines
divide most consistently (found by turns: divide with the widths, measure the widths of the
divided cells, again).  An indicator's name opens with its measure word ("Persentase", "Jumlah",
"Indeks") and a cell opens with a capital: weak cues; where the widths cannot tell, a line goes on
with the first cell.  The texts the report's other tables read settle the rest: of the divisions
that cost little more than the best, the one whose cells read as a division of another table's
lines can (the PK and capaian tables wrap the same sasaran at other widths) or as a cell read
whole elsewhere (a programme's name in the budget list).  A row with no number of its own under a
merged sasaran goes on with the sasaran of the row above on its lines.

Written by hand: no library divides a row's lines among cells of unknown widths.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from lkj.normalizers.text import fold, join_lines
from lkj.normalizers.units import is_unit_word

from .flat_header import is_header_line
from .flat_rows import FlatRow, values_line_unit
from .flat_values import NUM
from .flat_widths import MEASURES, Measure

_BIG = 1e9
_DANGLING = 1.5
# words that join what follows them: no cell ends with one
_JOINING = frozenset({"dan", "di", "yang", "dalam", "dengan", "untuk", "serta", "atau", "pada", "ke", "dari",
                      "oleh", "bagi", "terhadap", "melalui", "sebagai", "antara", "tentang", "atas", "&"})
_TIE = 0.01
_BONUS = 2.5
_SECTION_LABELS = ("program", "kegiatan", "sub kegiatan", "subkegiatan")


@dataclass
class Line:
    words: list[str]
    line: int
    row: int            # index of the row the line belongs to
    starts_row: bool    # the first line of its row (the indicator cell opens here)
    numbered: bool      # ... and that row has a number of its own (the first cell opens here too)


def _opening_cost(words: list[str], opens_indicator) -> float:
    """A cell that opens in lower case is unlikely (an indicator may: "persentase desa ...")."""
    head = words[0].lstrip("(\"'")
    if opens_indicator(head):
        return -1.0
    return 1.5 if head[:1].islower() else 0.0


class _Widths:
    """The widths a measure gives to the prefixes and suffixes of each line's words (cached)."""

    def __init__(self, lines: list[Line], m: Measure):
        self.m = m
        self.pre: list[list[float]] = []     # pre[l][p]: width of words[:p]
        self.suf: list[list[float]] = []     # suf[l][p]: width of words[p:]
        self.first_w: list[list[float]] = []  # first_w[l][p]: width of words[p] alone
        for ln in lines:
            w = ln.words
            n = len(w)
            self.pre.append([m.width(" ".join(w[:p])) if p else 0.0 for p in range(n + 1)])
            self.suf.append([m.width(" ".join(w[p:])) if p < n else 0.0 for p in range(n + 1)])
            self.first_w.append([m.width(x) for x in w])
        self.space = m.width(" ")


def _joins_on(word: str) -> bool:
    return word.lower().strip(",") in _JOINING


def _broken(w: float, with_next: float) -> float:
    """The cost of a line broken before a word that would have fitted: how far it would have."""
    return max(0.0, w - with_next)


class _Costs:
    """The costs of dividing the lines of one group (a numbered row and the unnumbered rows under
    its merged first cell) for column widths w1, w2: split p of a line gives words[:p] to the first cell."""

    def __init__(self, lines: list[Line], idx: list[int], wd: _Widths, w1: float, w2: float, opens_indicator):
        self.lines = [lines[i] for i in idx]
        self.pre = [wd.pre[i] for i in idx]
        self.suf = [wd.suf[i] for i in idx]
        self.fw = [wd.first_w[i] for i in idx]
        self.sp, self.w1, self.w2 = wd.space, w1, w2
        self.here = [self._line(li, opens_indicator) for li in range(len(idx))]

    def _line(self, li: int, opens_indicator) -> list[float]:
        ln = self.lines[li]
        n = len(ln.words)
        out = []
        for p in range(n + 1):
            c = max(0.0, self.pre[li][p] - self.w1) + max(0.0, self.suf[li][p] - self.w2)
            if ln.starts_row:
                c += 3.0 if p == n else _opening_cost(ln.words[p:], opens_indicator)   # (no indicator text)
                if ln.numbered:
                    c += 3.0 if p == 0 else 0.5 * _opening_cost(ln.words[:p], _never)
            else:
                c += _TIE * (n - p)      # where the widths cannot tell, a line goes on with the first cell
            out.append(c)
        return out

    def step(self, li: int, q: int, p: int) -> float | None:
        """The cost of split p on line li after split q on the line above (None: not possible)."""
        ln = self.lines[li]
        n, pn = len(ln.words), len(self.lines[li - 1].words)
        t = 0.0
        if p > 0:
            if q == 0:
                return None                      # the first cell ended above: it does not begin again
            t += _broken(self.w1, self.pre[li - 1][q] + self.sp + self.fw[li][0])
        if not ln.starts_row and p < n:
            if q == pn:
                return None                      # the indicator ended above: no more of it in this row
            t += _broken(self.w2, self.suf[li - 1][q] + self.sp + self.fw[li][p])
        if not ln.starts_row:
            # a cell that ends on the line above, its last word one that joins ("dan", "di", "yang"),
            # goes on in fact: the line is the other cell's
            prev = self.lines[li - 1].words
            if p == 0 and q > 0 and _joins_on(prev[q - 1]) or p == n and q < pn and _joins_on(prev[-1]):
                t += _DANGLING
        return t

    def best(self) -> tuple[float, list[int]]:
        """The least-cost division (a dynamic programme over the lines)."""
        costs = [list(self.here[0])]
        backs = [[-1] * len(costs[0])]
        for li in range(1, len(self.lines)):
            row_c, back_c = [], []
            for p, h in enumerate(self.here[li]):
                best, arg = _BIG, -1
                for q, base in enumerate(costs[-1]):
                    if base >= _BIG:
                        continue
                    t = self.step(li, q, p)
                    if t is not None and base + t < best:
                        best, arg = base + t, q
                row_c.append(best + h)
                back_c.append(arg)
            costs.append(row_c)
            backs.append(back_c)
        p = min(range(len(costs[-1])), key=costs[-1].__getitem__)
        cost = costs[-1][p]
        splits = [0] * len(self.lines)
        for li in range(len(self.lines) - 1, -1, -1):
            splits[li] = p
            p = backs[li][p]
        return cost, splits

    def within(self, bound: float, cap: int = 400) -> list[tuple[float, list[int]]]:
        """Every division that costs at most bound (at most cap of them), for the texts read elsewhere
        to choose among."""
        out: list[tuple[float, list[int]]] = []
        L = len(self.lines)

        def go(li: int, acc: float, splits: list[int]) -> None:
            if len(out) >= cap:
                return
            if li == L:
                out.append((acc, list(splits)))
                return
            for p, h in enumerate(self.here[li]):
                c = acc + h
                if li:
                    t = self.step(li, splits[-1], p)
                    if t is None:
                        continue
                    c += t
                if c > bound:
                    continue
                splits.append(p)
                go(li + 1, c, splits)
                splits.pop()

        go(0, 0.0, [])
        return out


def _never(_head: str) -> bool:
    return False


def _groups(lines: list[Line]) -> list[list[int]]:
    out: list[list[int]] = []
    for i, ln in enumerate(lines):
        if not out or (ln.starts_row and ln.numbered):
            out.append([])
        out[-1].append(i)
    return out


def _fit_width(frags: list[float], breaks: list[float]) -> float:
    """The width that best explains the lines of a column: each line within it (frags) and each
    broken line with its next word beyond it (breaks); the least total excess."""
    cands = sorted(set(frags) | {b - 1e-6 for b in breaks})
    best, best_c = None, None
    for w in cands:
        c = sum(max(0.0, f - w) for f in frags) + sum(max(0.0, w - b) for b in breaks)
        if best_c is None or c < best_c - 1e-9:
            best, best_c = w, c
    return best if best is not None else 0.0


def _refit(lines: list[Line], wd: _Widths, splits: list[int], groups: list[list[int]]) -> tuple[float, float]:
    f1, b1, f2, b2 = [], [], [], []
    for g in groups:
        for a, b in zip(g, g[1:] + [None]):
            p = splits[a]
            n = len(lines[a].words)
            if p:
                f1.append(wd.pre[a][p])
            if p < n:
                f2.append(wd.suf[a][p])
            if b is None:
                continue
            q, nb = splits[b], len(lines[b].words)
            if p and q:
                b1.append(wd.pre[a][p] + wd.space + wd.first_w[b][0])
            if p < n and q < nb and not lines[b].starts_row:
                b2.append(wd.suf[a][p] + wd.space + wd.first_w[b][q])
    return _fit_width(f1, b1), _fit_width(f2, b2)


@dataclass
class Solved:
    """A table's lines divided at the widths found for its two columns."""
    lines: list[Line]
    groups: list[list[int]]
    costs: list[_Costs]
    splits: list[int]
    measure: str
    _near: list | None = None

    def near_best(self) -> list[list[tuple[float, list[int], dict[int, str], dict[int, str]]]]:
        """Per group, the divisions that cost little more than the best one (cost, splits, texts of
        each column's cells), enumerated once: possible_texts() and reread() both weigh them."""
        if self._near is None:
            self._near = []
            for g, c in zip(self.groups, self.costs):
                sub = [self.lines[i] for i in g]
                sp0 = [self.splits[i] for i in g]
                base = sum(c.here[li][p] for li, p in enumerate(sp0)) + sum(
                    c.step(li, sp0[li - 1], sp0[li]) or 0.0 for li in range(1, len(sp0)))
                self._near.append([(cost, sp, *texts_of(sub, sp)) for cost, sp in c.within(base + 2 * _BONUS)])
        return self._near


def divide(lines: list[Line], opens_indicator) -> Solved | None:
    """Divide every line between two cells; None when the lines say nothing of widths (one line)."""
    if len(lines) < 2:
        return None
    groups = _groups(lines)
    best = None
    for m in MEASURES:
        wd = _Widths(lines, m)
        # first widths: the lines that open with a row whose indicator's opening word is seen
        f1, f2 = [], []
        for li, ln in enumerate(lines):
            if ln.starts_row and ln.numbered:
                q = next((i for i in range(1, len(ln.words)) if opens_indicator(ln.words[i])), None)
                if q is not None:
                    f1.append(wd.pre[li][q])
                    f2.append(wd.suf[li][q])
        if not f1:
            f1 = f2 = [max(wd.pre[li][-1] for li in range(len(lines))) / 2]
        w1, w2 = max(f1), max(f2)
        seen = set()
        for _ in range(7):
            costs = [_Costs(lines, g, wd, w1, w2, opens_indicator) for g in groups]
            total, splits = 0.0, [0] * len(lines)
            for g, c in zip(groups, costs):
                cost, sp = c.best()
                total += cost
                for i, p in zip(g, sp):
                    splits[i] = p
            key = (round(w1, 3), round(w2, 3))
            if key in seen:
                break
            seen.add(key)
            w1, w2 = _refit(lines, wd, splits, groups)
        if best is None or total < best[0] - 0.05 * len(lines):
            best = (total, Solved(lines, groups, costs, splits, m.name))
    return best[1]


def texts_of(lines: list[Line], splits: list[int]) -> tuple[dict[int, str], dict[int, str]]:
    """row -> its first cell's text, row -> its second cell's; an unnumbered row's first-cell words
    (a merged sasaran going on) belong to the numbered row above it."""
    first: dict[int, list[str]] = {}
    second: dict[int, list[str]] = {}
    owner = None
    for ln, p in zip(lines, splits):
        if ln.starts_row and (ln.numbered or owner is None):
            owner = ln.row
        a, b = ln.words[:p], ln.words[p:]
        if a:
            first.setdefault(owner, []).append(" ".join(a))
        if b:
            second.setdefault(ln.row, []).append(" ".join(b))
    return ({r: join_lines(v) for r, v in first.items()}, {r: join_lines(v) for r, v in second.items()})


def possible_texts(solved: Solved) -> tuple[set[str], set[str]]:
    """The texts each column's cells may read under the divisions reread() weighs: another table's
    cells that read as one of them are read there with other widths (a wrong division of one wrap
    seldom reads as a possible division of another)."""
    first: set[str] = set()
    second: set[str] = set()
    for near in solved.near_best():
        for _, _, a, b in near:
            first |= set(a.values())
            second |= set(b.values())
    return first, second


def reread(solved: Solved, elsewhere) -> None:
    """Among the divisions of each group that cost little more than its best, the one whose cells
    read as texts read elsewhere in the report (elsewhere(column, text) -> bool: the same sasaran in
    the PK table, the programme's name in the budget list)."""
    for g, near in zip(solved.groups, solved.near_best()):
        best_s, best_sp = None, None
        for cost, sp, a, b in near:
            hits = sum(elsewhere(0, t) for t in a.values()) + sum(elsewhere(1, t) for t in b.values())
            sc = cost - _BONUS * hits
            if best_s is None or sc < best_s - 1e-9:
                best_s, best_sp = sc, sp
        if best_sp is not None:
            for i, p in zip(g, best_sp):
                solved.splits[i] = p


def cell_texts(solved: Solved) -> dict[int, tuple[str, str, int]]:
    """row -> (first cell's text, second cell's text, its first line)."""
    first, second = texts_of(solved.lines, solved.splits)
    out = {}
    for ln in solved.lines:
        if ln.starts_row:
            out[ln.row] = (first.get(ln.row, ""), second.get(ln.row, ""), ln.line)
    return out


def table_lines(rows: list[FlatRow], unit_col: bool = False) -> tuple[list[Line], dict[int, list], dict] | None:
    """The lines of a table read as interleaved cells, and each row's remark (the text after its
    numbers on their line); None when the table is not of that form.  A row opens on the line of its
    numbers, its number and the first line of its cells before them; every text line below, up to the
    next row's, goes on with its cells, with no blank line between (the row reader may have given
    such a line to the row below or above: here the line decides).  `unit_col`: the header has a
    Satuan column, whose cell on a row's line of numbers is no part of the two text cells.  Third: per
    row, the units of its numbers wrapped onto the line below them (their words, that line)."""
    units = {id(u) for r in rows if unit_col and (u := values_line_unit(r)) is not None}
    starts: list[tuple[int, int]] = []
    on_line = numbered_rows = 0
    for ri, r in enumerate(rows):
        own = r.no if r.no is not None else r.kode
        if r.vals:
            if len({v.line for v in r.vals}) > 1:
                return None
            at = r.vals[0].line
        elif own is not None:
            at = own.line
        else:
            continue
        if own is not None:
            numbered_rows += 1
            on_line += own.line == at
        starts.append((at, ri))
    if len(starts) < 2 or numbered_rows < 2 or on_line < 0.8 * numbered_rows:
        return None
    starts.sort()
    at_lines = [a for a, _ in starts]
    first: dict[int, list[str]] = {ri: [] for _, ri in starts}
    below: dict[int, dict[int, list[str]]] = {ri: {} for _, ri in starts}
    ket: dict[int, list] = {ri: [] for _, ri in starts}
    block_of = {ri: rows[ri].vals_block for _, ri in starts}
    for r in rows:
        for t in r.texts:
            if id(t) in units:
                continue
            k = bisect_right(at_lines, t.line) - 1
            if k < 0:
                return None                      # text above the first row's numbers: not this form
            ri = starts[k][1]
            if t.line == at_lines[k]:
                if t.phase == "same":
                    ket[ri].append(t)
                else:
                    first[ri] += t.text.split()
                continue
            if block_of[ri] is not None and t.block != block_of[ri]:
                return None                      # a blank line inside a row: cells written one by one
            if fold(t.text).strip() in _SECTION_LABELS:
                continue                         # a "Program" / "Kegiatan" label line, not a cell's
            if t.line - 1 not in below[ri] and t.line - 1 != at_lines[k] and is_header_line(t.text):
                continue                         # the header's first line over a page break
            below[ri].setdefault(t.line, []).extend(t.text.split())
    out: list[Line] = []
    units: dict[int, tuple[list[str], int]] = {}
    going_on = 0
    for at, ri in starts:
        r = rows[ri]
        numbered = r.no is not None or r.kode is not None
        if not first[ri]:
            return None
        out.append(Line(first[ri], at, ri, True, numbered))
        going_on += bool(below[ri])
        bare = sum(v.shape == NUM for v in r.vals)
        nxt = below[ri].get(at + 1)
        if bare and nxt and len(nxt) > bare and all(is_unit_word(re.sub(r"[^A-Za-z]", "", w)) for w in nxt[-bare:]):
            # the units of the row's numbers wrapped under them, ending the next line ("4 4 0 %" /
            # "... Negara Laporan Laporan"): no words of its cells
            units[ri] = (nxt[-bare:], at + 1)
            below[ri][at + 1] = nxt[:-bare]
        for ln in sorted(below[ri]):
            out.append(Line(below[ri][ln], ln, ri, False, numbered))
    return (out, ket, units) if going_on >= 2 else None
