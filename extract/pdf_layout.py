"""Page geometry -> table grids and text lines (hand-written: no library joins these pieces for us).

Input is what a page gives: words with boxes (from the PDF text layer or from OCR), horizontal
rule segments and, when the page has them, vertical rule segments.  Output is a list of `Block`s
in reading order: a text line, or a table row whose cells keep their text and box.

Grids are built the same way for every source of rulings:
- rows are bounded by horizontal rules; a column's cell runs down to the next rule that crosses
  that column, so a sasaran cell merged over several indikator rows is one cell, written in the
  first row (the contract's convention: the rows below have an empty sasaran);
- columns are bounded by vertical rules when there are some (Word exports, scans), else by the
  white gutters between the words of the body rows (web printouts with horizontal rules only), or,
  where a browser drew the rule under the header cell by cell, where its segments join (the same
  joints tell a paragraph between two tables from a row: its words cross a cell edge);
- in the header, a label above a rule segment that spans several columns ("Anggaran" over
  Pagu / Realisasi / Capaian) is a group label: it is written in the first column of its span,
  the layout `parsers.headers.build_header` reads as a two-level header.
pdfplumber's own table finder is used for fully ruled digital pages (extract/pdf_reader.py); this
module serves the pages it cannot read (no vertical rules) and OCRed scans.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from collections.abc import Sequence
from itertools import accumulate
from operator import attrgetter

from lkj.model.document import BBox, Cell
from lkj.model.document import union_box as union
from lkj.model.settings import LayoutSettings
from lkj.normalizers.text import join_lines

from .page_words import HSeg, VSeg, Word, group_lines  # noqa: F401  (the page's pieces, used by the readers)

LAYOUT = LayoutSettings()


@dataclass
class Block:
    """One line of the page in reading order: a text line (cells is None), a table row of a grid
    (table_id set), or a line of text runs set apart by wide gaps (cells, no table_id)."""
    top: float
    bbox: BBox
    text: str
    cells: list[Cell] | None = None
    table_id: int | None = None
    words: list[Word] = field(default_factory=list)
    source: str = ""                   # the grid's reader: ruled, rules, ocr


def join_words(words: list[Word]) -> str:
    """Cell or line text: lines top to bottom, words left to right, joined by single spaces (a word
    broken at its hyphen at a line's end goes on without one)."""
    return join_lines([" ".join(w.text for w in line) for line in group_lines(words)])


def cell_of(words: list[Word]) -> Cell:
    """The cell its words make: their text in reading order, their box, their lowest OCR confidence."""
    return Cell(join_words(words), bbox=union((w.x0, w.top, w.x1, w.bottom) for w in words),
                conf=min((w.conf for w in words if w.conf is not None), default=None),
                doubt=any(w.doubt for w in words))


def _line_text_with_gaps(line: list[Word]) -> str:
    return " ".join(w.text for w in line)


def _runs(line: list[Word], gap: float) -> list[list[Word]]:
    """A line's words as runs set apart by more than `gap` points."""
    out = [[line[0]]]
    for a, b in zip(line, line[1:]):
        if b.x0 - a.x1 > gap:
            out.append([b])
        else:
            out[-1].append(b)
    return out


def _max_run(line: list[Word], gap: float) -> float:
    """Width of the longest run of words separated by less than `gap` points."""
    best = 0.0
    start = line[0].x0
    for a, b in zip(line, line[1:]):
        if b.x0 - a.x1 > gap:
            best = max(best, a.x1 - start)
            start = b.x0
    return max(best, line[-1].x1 - start)


VALUE = re.compile(r"(rp\.?)?[-–(]?\d[\d.,]*\)?%?|[-–—]|%", re.I)   # a word that is a value (amount, %, dash)
_NUMBERING = re.compile(r"\(?\d{1,2}\)?|\(?\d{1,2}\s*=\s*[\d()/x*+%-]+\)?|\(?[IVX]{1,4}\)?")
_TITLE = re.compile(r"^(tabel|table|gambar|grafik)\s+\d", re.I)


def _is_caption_band(band: list[Word], x0: float, x1: float, layout: LayoutSettings = LAYOUT) -> bool:
    """A band that is a caption or heading between two tables, not a row: every line one run of
    words (no column gaps), in capitals, with at least three words."""
    lines = group_lines(band)
    words = [w for ln in lines for w in ln]
    if len(words) < 3:
        return False
    if any(_max_run(ln, layout.word_gap) < (ln[-1].x1 - ln[0].x0) - 0.5 for ln in lines):
        return False
    letters = [ch for w in words for ch in w.text if ch.isalpha()]
    return len(letters) >= 10 and sum(ch.isupper() for ch in letters) >= 0.8 * len(letters)


def _cluster(values: list[float], tol: float) -> list[float]:
    out: list[list[float]] = []
    for v in sorted(values):
        if out and v - out[-1][-1] <= tol:
            out[-1].append(v)
        else:
            out.append([v])
    return [sum(c) / len(c) for c in out]


# ---------------------------------------------------------------------------------------------
# table regions from horizontal rules


def cell_joints(hsegs: list[HSeg], gap: float = 1.5) -> list[float]:
    """x where two segments of one rule abut, on two rules or more (the cell edges of a table whose
    rules are drawn cell by cell)."""
    rows: dict[int, list[HSeg]] = {}
    for sg in hsegs:
        rows.setdefault(round(sg.y * 2), []).append(sg)
    seen: dict[int, int] = {}
    for segs in rows.values():
        segs.sort(key=lambda h: h.x0)
        for a, b in zip(segs, segs[1:]):
            if abs(b.x0 - a.x1) <= gap and a.x1 - a.x0 > 4 and b.x1 - b.x0 > 4:
                k = round((a.x1 + b.x0) / 2)
                seen[k] = seen.get(k, 0) + 1
    return sorted(float(k) for k, n in seen.items() if n >= 2)


def table_regions(hsegs: list[HSeg], words: list[Word], page_width: float,
                  layout: LayoutSettings = LAYOUT, pieces: Sequence[HSeg] = ()) -> list[tuple[float, float, float, float]]:
    """Groups of horizontal rules that frame one table each: (x0, top, x1, bottom).

    Consecutive rules belong to one table while the band between them holds no paragraph line
    (a run of words across most of the table's width, or a word across a cell edge: where the
    `pieces` of rules drawn cell by cell join above it, which no cell's text crosses) and no
    "Tabel N" title.
    """
    segs = sorted((s for s in hsegs if s.x1 - s.x0 >= layout.min_rule_share * page_width), key=lambda s: s.y)
    if len(segs) < 2:
        return []
    lines = group_lines(words)
    heights = sorted(w.bottom - w.top for w in words) or [10.0]
    line_h = heights[len(heights) // 2]
    regions = []
    cur: list[HSeg] = [segs[0]]

    def close():
        # a table is opened and closed by rules across it: a short rule at either end (a signature
        # name underlined below the table) is not part of it
        widest = max(s.x1 - s.x0 for s in cur)
        if len(cur) == 3 and cur[-1].x1 - cur[-1].x0 < 0.5 * widest and cur[1].x1 - cur[1].x0 >= 0.5 * widest:
            # without its short last rule the table would be a header alone: a browser drew the
            # rule under the last row only under the cells that end there (the cells spanning
            # rows above it end higher), when the band above it holds words beside that rule
            lo, hi = cur[1].y, cur[-1].y
            if any(lo < w.cy < hi and w.x1 < cur[-1].x0 - 4 for w in words) and \
                    any(lo < w.cy < hi and cur[-1].x0 <= w.cx <= cur[-1].x1 for w in words):
                cur[-1] = HSeg(min(t.x0 for t in cur), max(t.x1 for t in cur), cur[-1].y)
        while len(cur) > 1 and cur[-1].x1 - cur[-1].x0 < 0.5 * widest:
            cur.pop()
        while len(cur) > 1 and cur[0].x1 - cur[0].x0 < 0.5 * widest:
            cur.pop(0)
        if len(cur) >= 3 or (len(cur) == 2 and cur[-1].y - cur[0].y > 12):
            x0 = min(s.x0 for s in cur)
            x1 = max(s.x1 for s in cur)
            regions.append((x0, cur[0].y, x1, cur[-1].y))

    for s in segs[1:]:
        prev = cur[-1]
        if s.y - prev.y < 1.0 and abs(s.x1 - prev.x1) < 3 and abs(s.x0 - prev.x0) < 3:
            continue                                   # the same rule drawn twice
        x0 = min(t.x0 for t in cur)
        x1 = max(t.x1 for t in cur)
        width = x1 - x0
        overlap = min(x1, s.x1) - max(x0, s.x0)
        breaks = overlap < 0.5 * min(width, s.x1 - s.x0)
        band = [w for w in words if prev.y < w.cy < s.y and x0 - 4 <= w.cx <= x1 + 4]
        edges = cell_joints([p for p in pieces if cur[0].y - 1 <= p.y <= prev.y + 1]) if pieces else []
        if not breaks and not band and (2.0 < s.y - prev.y < 1.6 * line_h or s.y - prev.y > layout.max_empty_band * line_h):
            # a thin empty band: the space between two stacked tables; a tall one: no row is that
            # empty (two rules of the page that frame no table together)
            breaks = True
        if not breaks:
            # partial rules down to the next one (pieces drawn cell by cell joined): group rules
            groups = [g for g in join_pieces([p for p in (pieces or hsegs) if prev.y + 1 < p.y <= s.y + 1])
                      if g.x1 - g.x0 < layout.full_rule_share * width]
            for ln in lines:
                cy = sum(w.cy for w in ln) / len(ln)
                if not prev.y < cy < s.y:
                    continue
                inside = [w for w in ln if x0 - 4 <= w.cx <= x1 + 4]
                if not inside:
                    continue
                # a word across a cell edge, unless the rule under it spans only part of the
                # table and the word sits over it: a group label over its columns (a browser
                # draws the rule above a cell spanning columns column by column)
                # a run across most of the width is a paragraph, unless the rules give the cell
                # edges and it crosses none (the text of a wide cell: a long sub kegiatan name)
                if _TITLE.match(_line_text_with_gaps(inside)) or \
                        (_max_run(inside, layout.word_gap) >= layout.paragraph_share * width
                         and not any(x0 + 4 < x < x1 - 4 for x in edges)) or \
                        any(w.x0 + 1 < x < w.x1 - 1 and not any(g.x0 - 2 <= w.x0 and w.x1 <= g.x1 + 2 for g in groups)
                            for w in inside for x in edges if x0 < x < x1):
                    breaks = True
                    break
            if not breaks and band and _is_caption_band(band, x0, x1, layout):
                breaks = True
        if breaks:
            close()
            cur = [s]
        else:
            cur.append(s)
    close()
    return regions


def join_pieces(segs: list[HSeg], gap: float = 1.5, dy: float = 1.0) -> list[HSeg]:
    """Rule pieces at one height (within dy) that abut (within gap) as one segment each: a browser
    draws a table's rules cell by cell (the grid keeps the pieces, whose joints are its column edges)."""
    out: list[HSeg] = []
    for p in sorted(segs, key=lambda p: (round(p.y / dy), p.x0)):
        q = out[-1] if out else None
        if q is not None and abs(q.y - p.y) <= dy and p.x0 <= q.x1 + gap:
            out[-1] = HSeg(q.x0, max(q.x1, p.x1), q.y)
        else:
            out.append(p)
    return out


def run_on_to_page_break(regions: list[tuple[float, float, float, float]], words: list[Word], page_height: float,
                         layout: LayoutSettings = LAYOUT) -> tuple[list[tuple[float, float, float, float]], list[HSeg]]:
    """A table that runs over a page break is often not closed by a rule at the bottom of the page:
    its last rows stand below its last rule.  When the lines below the lowest table follow it at a
    row's distance, follow each other closely, are the last of the page's body (only the footer
    margin below them) and none is a paragraph, a title or a caption, they are rows of that table:
    its region is stretched over them and a rule added under them.  Returns the regions and the
    rules added."""
    if not regions or not words:
        return regions, []
    x0, top, x1, bottom = regions[-1]
    width = x1 - x0
    heights = sorted(w.bottom - w.top for w in words)
    h = heights[len(heights) // 2]
    below = group_lines([w for w in words if w.cy > bottom + 0.5])
    footer = (1 - layout.margin) * page_height
    last = bottom
    taken = 0
    for k, ln in enumerate(below):
        ltop = min(w.top for w in ln)
        if ltop - last > (layout.row_gap * 2 if k == 0 else layout.page_break_gap) * h + 1.0:
            break                                    # not the next row: the footer, or more of the page
        # a line in capitals that starts where a run of words of the line above starts is the
        # wrapped rest of a cell (a program's name in capitals), not a heading; nor is one that
        # stands in a column of the table, neither centred on it nor flush with its left edge
        mid = (ln[0].x0 + ln[-1].x1) / 2
        wrapped = (k > 0 and any(abs(ln[0].x0 - r[0].x0) <= 2.0 for r in _runs(below[k - 1], layout.word_gap))) or \
            (abs(mid - (x0 + x1) / 2) > 0.1 * width and ln[0].x0 - x0 > 1.5 * h)
        if any(not x0 - 4 <= w.cx <= x1 + 4 for w in ln) or _TITLE.match(_line_text_with_gaps(ln)) or \
                _max_run(ln, layout.word_gap) >= layout.paragraph_share * width or \
                (not wrapped and _is_caption_band(ln, x0, x1, layout)):
            return regions, []
        last = max(w.bottom for w in ln)
        taken += 1
    if not taken or any(min(w.top for w in ln) < footer for ln in below[taken:]):
        return regions, []
    new_bottom = last + min(2.0, 0.2 * h)
    return regions[:-1] + [(x0, top, x1, new_bottom)], [HSeg(x0, x1, new_bottom)]


# ---------------------------------------------------------------------------------------------
# columns


def white_runs(words: list[Word], x0: float, x1: float, min_gap: float = 4.0, slack: float = 0.08,
               edges: bool = False, lines: list[list[Word]] | None = None,
               cover: list[int] | None = None) -> list[tuple[int, int]]:
    """X ranges that (almost) no word covers: at most `slack` of the text lines may cover a point,
    so a sub-header label centred over two columns does not glue them together.  Without `edges`,
    only the runs between the first and the last word.  `lines`: group_lines(words), and `cover`:
    line_cover(lines, x0, x1), when the caller has them already."""
    lo, hi = int(x0), int(x1) + 1
    if not words:
        return [(lo, hi)] if edges else []
    if lines is None:
        lines = group_lines(words)
    if cover is None:
        cover = line_cover(lines, x0, x1)
    limit = int(slack * len(lines))
    if edges:
        a, b = 0, hi - lo
    else:                   # from the first word's start to the last word's end
        a = max(0, int(min(map(_X0, words))) - lo)
        b = min(hi - lo, int(max(map(_X1, words))) - lo)
    # the white points of a..b as a string of flags (0: white), its runs found by a pattern
    flags = bytes(map(limit.__lt__, cover[a:b + 1]))
    out = []
    for m in _WHITE.finditer(flags):
        s, e = a + m.start(), a + m.end()
        if e - s >= min_gap or (edges and (s == a or e == b + 1)):
            out.append((lo + s, lo + e))
    return out


def line_cover(lines: list[list[Word]], x0: float, x1: float) -> list[int]:
    """How many lines cover each point int(x0)..int(x1)+2 (index 0 is int(x0)): each line's word
    spans merged, then counted with a difference array (each span clamped to the range; clamping
    after the sort keeps the spans in order)."""
    lo, hi = int(x0), int(x1) + 1
    diff = [0] * (hi - lo + 3)
    for ln in lines:
        spans = sorted([(int(w.x0), int(w.x1) + 1) for w in ln])
        cur_a = cur_b = lo - 1             # (no span yet: a span ends after lo)
        for a0, b0 in spans:
            if a0 < lo:
                a0 = lo
            if b0 > hi:
                b0 = hi
            if a0 >= b0:
                continue
            if cur_b >= lo and a0 <= cur_b:
                if b0 > cur_b:
                    cur_b = b0
                continue
            if cur_b >= lo:
                diff[cur_a - lo] += 1
                diff[cur_b - lo] -= 1
            cur_a, cur_b = a0, b0
        if cur_b >= lo:
            diff[cur_a - lo] += 1
            diff[cur_b - lo] -= 1
    return list(accumulate(diff[:hi - lo + 2]))


_WHITE = re.compile(b"\x00+")
_X0, _X1, _CX = attrgetter("x0"), attrgetter("x1"), attrgetter("cx")


def label_spans(header: list[Word], gap: float = 3.0) -> list[list[float]]:
    """Header labels as x spans: words that overlap horizontally (stacked lines of one label) or
    stand closer than `gap` on one line make one label."""
    spans: list[list[float]] = []
    for w in sorted(header, key=lambda w: w.x0):
        if spans and w.x0 - spans[-1][1] < max(gap, 0.5 * (w.bottom - w.top)):
            spans[-1][1] = max(spans[-1][1], w.x1)
        else:
            spans.append([w.x0, w.x1])
    return spans


def column_separators(body: list[Word], header: list[Word], x0: float, x1: float,
                      layout: LayoutSettings = LAYOUT, label_gap: float | None = None,
                      min_gap: float | None = None, values_to_labels: bool = True,
                      lines: list[list[Word]] | None = None, cover: list[int] | None = None) -> list[float]:
    """Column separators of a rule-less table.

    With a header of two or more labels, the labels say how many columns there are and roughly
    where; each separator is put in the white gutter of the body rows between two neighbouring
    labels' centres (the widest such gutter), else halfway between the labels.  A right-aligned
    amount and a centred "-" in one column so stay one column.  `label_gap` and `min_gap` default to
    the layout's (PDF points); space-aligned text passes its own (half characters), and there
    `values_to_labels` is off (its labels drift a few characters from their values, the gutter alone decides).
    `lines`: group_lines(body), and `cover`: line_cover(lines, x0, x1), when the caller has them already."""
    label_gap = layout.label_gap if label_gap is None else label_gap
    min_gap = layout.min_gutter if min_gap is None else min_gap
    labels = label_spans(header, label_gap)
    if len(labels) >= 2:
        if lines is None:
            lines = group_lines(body)              # read once for the values and the gutters
        values = _value_words(body, layout.word_gap, lines) if values_to_labels else []
        values.sort(key=_CX)                        # (those between two labels found by bisection)
        cxs = [w.cx for w in values]
        runs = white_runs(body, x0, x1, min_gap, layout.gutter_slack, edges=True, lines=lines,
                          cover=cover) if body else []
        seps = []
        for left, right in zip(labels, labels[1:]):
            lc, rc = (left[0] + left[1]) / 2, (right[0] + right[1]) / 2
            # the values (amounts, percentages, dashes) between the two labels go to the nearer one;
            # the separator lies in the widest white gutter between the two groups, so a
            # right-aligned "0,00" stays in its column (text is left-aligned and needs no such care)
            between = values[bisect_right(cxs, lc):bisect_left(cxs, rc)]     # lc < w.cx < rc
            lo = max([w.x1 for w in between if w.cx - lc <= rc - w.cx], default=lc)
            hi = min([w.x0 for w in between if w.cx - lc > rc - w.cx], default=rc)
            if lo >= hi:
                lo, hi = lc, rc
            best, best_len = None, 0.0
            for a, b in runs:
                x, y = max(a, lo), min(b, hi)
                if y - x > best_len:
                    best, best_len = (x, y), y - x
            seps.append((best[0] + best[1]) / 2 if best else (lo + hi) / 2)
        return seps
    return _gutter_separators(body, header, x0, x1, layout, label_gap, min_gap)


def _value_words(words: list[Word], word_gap: float, lines: list[list[Word]] | None = None) -> list[Word]:
    """Words of the runs that are values and nothing else ("Rp. 1.309.500", "25%", "-"): a year or
    a number inside a line of text ("Tahun 1945, Pelestarian") is not one.  `lines`: group_lines(words)."""
    out = []
    is_value = VALUE.fullmatch
    for ln in group_lines(words) if lines is None else lines:
        run = [ln[0]]
        for a, b in zip(ln, ln[1:] + [None]):
            if b is None or b.x0 - a.x1 > word_gap:
                # values and currency prefixes only, one value at least
                vals: list[Word] = []
                for w in run:
                    if is_value(w.text):
                        vals.append(w)
                    elif w.text.lower() not in ("rp", "rp."):
                        vals = []
                        break
                if vals:
                    out += vals
                run = [b] if b is not None else []
            else:
                run.append(b)
    return out


def _gutter_separators(body: list[Word], header: list[Word], x0: float, x1: float,
                       layout: LayoutSettings = LAYOUT, label_gap: float | None = None,
                       min_gap: float | None = None) -> list[float]:
    """Column separators without a usable header: the white gutters of the body rows; where a gutter
    is wide (a column empty in every body row, such as an unfilled Capaian or Ket column), the
    header labels inside it split it further.  A label reaching into a body column belongs to it."""
    label_gap = layout.label_gap if label_gap is None else label_gap
    min_gap = layout.min_gutter if min_gap is None else min_gap
    if not body:
        return [(a + b) / 2 for a, b in white_runs(header, x0, x1, min_gap, layout.gutter_slack)]
    bmin = min(w.x0 for w in body)
    bmax = max(w.x1 for w in body)
    seps = []
    for a, b in white_runs(body, x0, x1, min_gap, layout.gutter_slack, edges=True):
        left_body = a > bmin          # a body column ends at a
        right_body = b < bmax         # a body column starts at b
        spans: list[list[float]] = []
        for w in sorted((w for w in header if w.x1 > a and w.x0 < b), key=lambda w: w.x0):
            if spans and w.x0 - spans[-1][1] < label_gap:
                spans[-1][1] = max(spans[-1][1], w.x1)
            else:
                spans.append([w.x0, w.x1])
        # the body columns on either side, as spans; labels touching them merge into them
        if left_body:
            spans.insert(0, [a - 1, a])
        if right_body:
            spans.append([b, b + 1])
        merged: list[list[float]] = []
        for sp in spans:
            if merged and sp[0] - merged[-1][1] < label_gap:
                merged[-1][1] = max(merged[-1][1], sp[1])
            else:
                merged.append(list(sp))
        if not merged and left_body and right_body:
            seps.append((a + b) / 2)
        for p, q in zip(merged, merged[1:]):
            seps.append((p[1] + q[0]) / 2)
    return sorted(seps)


# ---------------------------------------------------------------------------------------------
# grid


@dataclass
class GridLayout:
    """Row boundaries (ys), column boundaries and, for every (row, col), the top-left (row, col) of
    the merged cell it belongs to."""
    region: tuple[float, float, float, float]
    ys: list[float]
    bounds: list[float]
    owner: dict[tuple[int, int], tuple[int, int]]
    header_end: float | None = None      # columns from white space (no vertical rules): where the body starts

    def cell_boxes(self) -> dict[tuple[int, int], BBox]:
        """Box of every merged cell, keyed by its top-left (row, col)."""
        ext: dict[tuple[int, int], list[int]] = {}
        for (r, c), o in self.owner.items():
            e = ext.setdefault(o, [r, c])
            e[0], e[1] = max(e[0], r), max(e[1], c)
        return {o: (self.bounds[o[1]], self.ys[o[0]], self.bounds[e[1] + 1], self.ys[e[0] + 1])
                for o, e in ext.items()}


def build_grid(region: tuple[float, float, float, float], hsegs: list[HSeg], vsegs: list[VSeg] | None,
               words: list[Word], table_id: int, layout: LayoutSettings = LAYOUT,
               source: str = "rules") -> list[Block]:
    """Rows of cells for one table region (see the module docstring)."""
    x0, top, x1, bottom = region
    inside = [w for w in words if top - 1 <= w.cy <= bottom + 1 and x0 - 3 <= w.cx <= x1 + 3]
    if not inside:
        return []
    lay = grid_layout(region, hsegs, vsegs, inside, layout)
    if lay is None:
        return []
    return fill_grid(lay, inside, table_id, source)


def grid_layout(region: tuple[float, float, float, float], hsegs: list[HSeg], vsegs: list[VSeg] | None,
                inside: list[Word], layout: LayoutSettings = LAYOUT) -> GridLayout | None:
    """Rows, columns and merged cells of a table region; words are needed only without vertical rules."""
    x0, top, x1, bottom = region
    width = x1 - x0
    tol = layout.rule_tol
    rules = sorted({(round(s.y, 1), round(s.x0), round(s.x1)): s for s in hsegs
                    if top - 1 <= s.y <= bottom + 1 and min(s.x1, x1) - max(s.x0, x0) > 8}.values(),
                   key=lambda s: s.y)
    if len(rules) < 2:
        return None

    def covered(y: float) -> float:
        """How much of the table's width the rules at y cover together (a browser draws the rule
        under a header cell by cell: abutting segments that make one full rule)."""
        spans = sorted((max(s.x0, x0), min(s.x1, x1)) for s in rules if abs(s.y - y) <= tol)
        tot, end = 0.0, x0
        for a, b in spans:
            if b > end:
                tot += b - max(a, end)
                end = b
        return tot

    def header_end_of(rules) -> float:
        ys = _cluster([s.y for s in rules], tol)
        full = [y for y in ys[1:] if covered(y) >= layout.full_rule_share * width]
        return full[0] if full else (ys[1] if len(ys) > 1 else bottom)

    # a row of column numbers ("1 2 3", "(1) (2) (6=5/4)") printed under the header without a rule
    # of its own is a row of its own
    header_end = header_end_of(rules)
    hlines = group_lines([w for w in inside if w.cy < header_end])
    for prev, ln in zip(hlines, hlines[1:]):
        if len(ln) >= 3 and all(_NUMBERING.fullmatch(w.text) for w in ln):
            y = (max(w.bottom for w in prev) + min(w.top for w in ln)) / 2
            rules = sorted(rules + [HSeg(x0, x1, y)], key=lambda s: s.y)
            break
    header_end = header_end_of(rules)
    ys = _cluster([s.y for s in rules], tol)

    if vsegs:
        vx = _cluster([v.x for v in vsegs if v.y1 - v.y0 > 6 and x0 - 3 <= v.x <= x1 + 3
                       and min(v.y1, bottom) - max(v.y0, top) > 4], 3.0)
        seps = [x for x in vx if x0 + 4 < x < x1 - 4]
        if not seps:
            vsegs = None             # only the frame (or a fill's sides): columns from white space
    if not vsegs:
        if not inside:
            return None
        head = [w for w in inside if w.cy < header_end]
        body = [w for w in inside if w.cy > header_end]
        groups = _group_label_words(head, rules, top, header_end, width, layout)
        seps = _cell_edges(rules, header_end, x0, x1, tol)
        from_edges = bool(seps)
        seps = seps or column_separators(body, [w for w in head if id(w) not in groups], x0, x1, layout)
    bounds = [x0] + seps + [x1]
    ncol = len(bounds) - 1
    if ncol < 2:
        return None
    if not vsegs and runs_across_columns(inside, seps, width, layout.word_gap, layout.banner_share, from_edges):
        return None          # a boxed banner or cover block (a title runs across the "columns"): text
    if not vsegs:
        # body rows set apart by white space only: cuts between them, over the columns that start anew
        from .layout_rows import row_cuts

        cuts = row_cuts([w for w in inside if w.cy > header_end], ys, header_end, bounds, layout)
        if cuts:
            rules = sorted(rules + cuts, key=lambda s: s.y)
            ys = _cluster([s.y for s in rules], tol)

    def rule_crosses(y: float, c: int) -> bool:
        cx = (bounds[c] + bounds[c + 1]) / 2
        return any(abs(s.y - y) <= tol and s.x0 - 3 <= cx <= s.x1 + 3 for s in rules)

    def vsep_at(c: int, ya: float, yb: float) -> bool:
        """Is there a vertical rule between columns c and c+1 over the band ya..yb?"""
        if not vsegs:
            return True
        x = bounds[c + 1]
        q = (yb - ya) / 4          # the rule must run through the middle half of the band
        return any(abs(v.x - x) <= layout.vrule_tol and v.y0 <= ya + q and v.y1 >= yb - q for v in vsegs)

    nrow = len(ys) - 1
    # cell (r, c) spans rows r..end[r][c]-1 (merged down until a rule crosses the column)
    owner: dict[tuple[int, int], tuple[int, int]] = {}
    for c in range(ncol):
        r = 0
        while r < nrow:
            end = r + 1
            while end < nrow and not rule_crosses(ys[end], c):
                end += 1
            for rr in range(r, end):
                owner[(rr, c)] = (r, c)
            r = end
    # horizontal merges: no vertical rule between two columns over a band (scans, Word), or, on
    # rule-less columns, a header label sitting over a rule segment that spans several columns
    for r in range(nrow):
        for c in range(ncol - 1):
            a = owner[(r, c)]
            b = owner[(r, c + 1)]
            if a[0] != b[0]:
                continue
            if vsegs and not vsep_at(c, ys[r], ys[r + 1]):
                for rr in range(nrow):
                    if owner.get((rr, c + 1)) == b:
                        owner[(rr, c + 1)] = a
    if not vsegs:
        _header_groups(owner, rules, ys, bounds, header_end, ncol, layout)
        _label_rows(owner, inside, ys, bounds, header_end, layout)
    return GridLayout(region, ys, bounds, owner, None if vsegs else header_end)


def _cell_edges(rules: list[HSeg], y: float, x0: float, x1: float, tol: float) -> list[float]:
    """Column edges where the rule under the header is drawn cell by cell (a browser prints each
    cell's border on its own): the points where one segment ends and the next begins."""
    segs = sorted((s for s in rules if abs(s.y - y) <= tol and s.x1 - s.x0 > 4), key=lambda s: s.x0)
    edges: list[float] = []
    for a in segs:
        for b in segs:
            if b is not a and abs(a.x1 - b.x0) <= 1.5 and x0 + 4 < a.x1 < x1 - 4:
                x = (a.x1 + b.x0) / 2
                if not edges or x - edges[-1] > 3:
                    edges.append(x)
    edges.sort()
    # the segments must cover the rule end to end (no gap): else they are no cell borders
    cover = _cluster([s.x0 for s in segs] + [s.x1 for s in segs], 1.5)
    return edges if len(edges) >= 1 and min(s.x0 for s in segs) <= x0 + 4 and max(s.x1 for s in segs) >= x1 - 4 \
        and cover else []


def fill_grid(lay: GridLayout, inside: list[Word], table_id: int, source: str = "rules") -> list[Block]:
    """Words into the merged cells of a layout; one Block per row that has any text."""
    x0, top, x1, bottom = lay.region
    ys, bounds, owner = lay.ys, lay.bounds, lay.owner
    nrow, ncol = len(ys) - 1, len(bounds) - 1

    def col_of(x: float) -> int:
        for c in range(ncol):
            if x < bounds[c + 1]:
                return c
        return ncol - 1

    text_at: dict[tuple[int, int], list[Word]] = {}
    for w in inside:
        r = max(0, min(nrow - 1, next((i for i in range(nrow) if w.cy < ys[i + 1]), nrow - 1)))
        c = col_of(w.cx)
        text_at.setdefault(owner[(r, c)], []).append(w)

    if lay.header_end is not None:
        _share_out(lay, lay.header_end, text_at)
    used = {c for (r, c), ws in text_at.items() if ws}
    keep_cols = [c for c in range(ncol) if c in used or any(owner[(r, c)] != (r, c) and owner[(r, c)][1] in used
                                                           and owner[(r, c)][1] != c for r in range(nrow))]
    blocks = []
    for r in range(nrow):
        cells = []
        for c in keep_cols:
            ws = text_at.get((r, c), []) if owner[(r, c)] == (r, c) else []
            cells.append(cell_of(ws))
        if not any(c.text for c in cells):
            continue
        bbox = (x0, ys[r], x1, ys[r + 1])
        blocks.append(Block(ys[r], bbox, "\t".join(c.text for c in cells), cells, table_id, source=source))
    return blocks


def _value_runs(ws: list[Word], gap: float) -> list[list[Word]] | None:
    """The words of a one-line cell as runs set apart by more than `gap`, when every word is a value."""
    if not ws or not all(VALUE.fullmatch(w.text) for w in ws) or max(w.cy for w in ws) - min(w.cy for w in ws) > 2:
        return None
    return _runs(sorted(ws, key=lambda w: w.x0), gap)


def _share_out(lay: GridLayout, header_end: float, text_at: dict[tuple[int, int], list[Word]],
               gap: float = LAYOUT.word_gap) -> None:
    """Columns read from white space: a body cell holding two values set well apart ("-" and "0%")
    beside an empty cell of a column that holds no text (a right-aligned nil realisasi past the
    gutter the other rows leave): the nearer value goes into that cell.  `header_end`: lay's."""
    ys, bounds, owner = lay.ys, lay.bounds, lay.owner
    nrow, ncol = len(ys) - 1, len(bounds) - 1
    texty = {c for (r, c), ws in text_at.items() if ys[r] >= header_end - 1
             and any(not VALUE.fullmatch(w.text) for w in ws)}
    for r in range(nrow):
        if ys[r] < header_end - 1:
            continue
        for c in range(ncol):
            if owner.get((r, c)) != (r, c):
                continue
            runs = _value_runs(text_at.get((r, c), []), gap)
            if not runs or len(runs) != 2:
                continue
            for n, run in ((c - 1, runs[0]), (c + 1, runs[1])):
                if 0 <= n < ncol and n not in texty and owner.get((r, n)) == (r, n) and not text_at.get((r, n)):
                    text_at[(r, n)] = run
                    text_at[(r, c)] = [w for w in text_at[(r, c)] if all(w is not x for x in run)]
                    break


def runs_across_columns(words: list[Word], seps: list[float], width: float, word_gap: float = 7.0,
                        share: float = 0.4, cell_edges: bool = False) -> bool:
    """Does a run of words (gaps up to `word_gap`) over `share` of the width cross two column gutters?
    Table cells never do; a centred title in a ruled banner does.  With `cell_edges` (the gutters
    are where the cell borders of a rule join) a run also ends at a gutter no word crosses: the text
    of a full cell may come closer than `word_gap` to its neighbour's."""
    for ln in group_lines(words):
        start = ln[0]
        for a, b in zip(ln, ln[1:] + [None]):
            if b is None or b.x0 - a.x1 > word_gap or \
                    (cell_edges and any(a.x1 - 1 <= x <= b.x0 + 1 for x in seps)):
                x0, x1 = start.x0, a.x1
                if x1 - x0 >= share * width and sum(1 for x in seps if x0 < x < x1) >= 2:
                    return True
                if b is None:
                    break
                start = b
    return False


def _group_label_words(head: list[Word], rules: list[HSeg], top: float, header_end: float, width: float,
                       layout: LayoutSettings = LAYOUT) -> set:
    """Header words sitting right above a rule segment that spans part of the table (group labels)."""
    out = set()
    tol = layout.rule_tol
    for s in rules:
        if not top + tol < s.y < header_end - tol or s.x1 - s.x0 >= layout.full_rule_share * width:
            continue
        for w in head:
            if w.bottom <= s.y + 1 and s.x0 - 2 <= w.cx <= s.x1 + 2:
                above = [r.y for r in rules if r.y < w.top and s.x0 - 2 <= w.cx <= s.x1 + 2]
                if not above or max(above) < w.top:
                    out.add(id(w))
    return out


_ROW_NO = re.compile(r"\(?\d{1,3}[.)]?|[a-zA-Z][.)]")


def _label_rows(owner, words: list[Word], ys, bounds, header_end, layout: LayoutSettings = LAYOUT) -> None:
    """A body row holding one run of words and nothing else ("Sub Kegiatan", "Program") that crosses
    a column gutter is a label written over several columns: one cell from the column it starts in
    (a row number followed by text is a row, not a label)."""
    ncol = len(bounds) - 1
    for r in range(len(ys) - 1):
        if ys[r] < header_end - 0.5:
            continue
        band = [w for w in words if ys[r] < w.cy < ys[r + 1]]
        lines = group_lines(band)
        if len(lines) != 1 or len(lines[0]) < 2 or _ROW_NO.fullmatch(lines[0][0].text):
            continue
        ln = lines[0]
        if any(b.x0 - a.x1 > layout.word_gap for a, b in zip(ln, ln[1:])):
            continue
        cols = sorted({next((c for c in range(ncol) if w.cx < bounds[c + 1]), ncol - 1) for w in ln})
        if len(cols) < 2 or any(owner[(r, c)] != (r, c) for c in range(cols[0], cols[-1] + 1)):
            continue
        for c in range(cols[0] + 1, cols[-1] + 1):
            owner[(r, c)] = (r, cols[0])


def _header_groups(owner, rules, ys, bounds, header_end, ncol, layout: LayoutSettings = LAYOUT) -> None:
    """In the header band, a rule segment spanning columns a..b (but not the whole table) makes the
    cell above it one cell over a..b."""
    table_w = bounds[-1] - bounds[0]
    for r in range(len(ys) - 1):
        if ys[r] >= header_end - 0.5:
            break
        y_below = ys[r + 1]
        for s in rules:
            if abs(s.y - y_below) > layout.rule_tol or s.x1 - s.x0 >= layout.full_rule_share * table_w:
                continue
            cols = [c for c in range(ncol) if s.x0 - 3 <= (bounds[c] + bounds[c + 1]) / 2 <= s.x1 + 3]
            if len(cols) < 2:
                continue
            a = cols[0]
            for c in cols[1:]:
                if owner[(r, c)] == (r, c):
                    owner[(r, c)] = owner[(r, a)]


def text_blocks(words: list[Word], gap: float = LAYOUT.text_gap) -> list[Block]:
    """Words outside tables -> text lines; a line with gaps wider than `gap` is a row of its runs
    (each run a cell with its box), which the table readers may take for a row of an unruled table."""
    out = []
    for ln in group_lines(words):
        runs = [[ln[0]]]
        for a, b in zip(ln, ln[1:]):
            if b.x0 - a.x1 > gap:
                runs.append([b])
            else:
                runs[-1].append(b)
        bbox = union((w.x0, w.top, w.x1, w.bottom) for w in ln)
        assert bbox is not None         # a line has a word
        if len(runs) == 1:
            out.append(Block(bbox[1], bbox, " ".join(w.text for w in ln), None, None, ln))
            continue
        cells = [cell_of(run) for run in runs]
        out.append(Block(bbox[1], bbox, "\t".join(c.text for c in cells), cells, None, ln))
    return out
