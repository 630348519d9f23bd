"""Read a text submission (PDF text-layer dumps, markdown/HTML conversions, space-aligned text)
into a Document.

Line numbers stay those of the source.  A line holding tabs is a table row of a markdown/HTML
export: its cells are the tab-separated parts, each with its character span; consecutive rows
(blank lines between them allowed) are one grid.  A Markdown pipe table (what pandoc, docling,
markitdown and most HTML-to-Markdown converters write: "| No | Sasaran | ... |" rows with their
outer pipes, a "|---|:---:|" delimiter line under the header) is read the same way: each row's
cells are the parts between its unescaped pipes, the delimiter lines belong to the grid and are no
row.  A table saved as CSV (";" or "," between fields, quoted as spreadsheets write them) is read
with Python's csv module, each field a cell.  A text without such rows whose columns are aligned
with spaces (pdftotext -layout, fixed-width exports; decided from the content) is read by
extract/layout_text.py, unless its runs of spaces are tabs expanded to tab stops; an HTML page by
extract/html_reader.py.  In a text whose pages are divided by form feeds, the running headers and
footers are left out (extract/running_lines.page_furniture): a table running over a page goes on.

Written by hand: the GFM table rule is a few lines, and a Markdown parser (markdown-it, mistune)
gives HTML without the source's line numbers and character spans that every cell keeps here.
"""
from __future__ import annotations

import csv
import hashlib
import os
import re
from collections import Counter

from lkj.model.document import Cell, Document, Grid, Line
from lkj.model.names import FileFormat
from lkj.model.settings import DEFAULT, LayoutSettings

from .detect import Detected
from .html_reader import is_html, read_html
from .layout_text import is_space_aligned, read_layout
from .running_lines import page_furniture


# spaces that are no ordinary space (no-break, figure, narrow, en/em and ideographic spaces: what
# Word, web pages and converters write between a number and its "%" or in a table's gutters) read as
# one space each, so a line keeps its character columns; characters that print nothing (soft hyphen,
# zero-width space and joiners, word joiner, a byte-order mark inside the text) are dropped
_SPACES_AND_INVISIBLES = {**{c: " " for c in (0x00A0, 0x2007, 0x202F, 0x3000, *range(0x2000, 0x200B))},
                          **{c: None for c in (0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)}}


def source_lines(text: str) -> list[str]:
    """The source's lines, numbered as an editor numbers them (\\r\\n, \\r and \\n end a line; a form
    feed does not: splitlines() would also split on \\x0c, \\x1c ...).  Unicode spaces are read as
    spaces and invisible characters dropped (_SPACES_AND_INVISIBLES): a cell's span counts the
    characters of its line as read."""
    if not text.isascii():
        text = text.translate(_SPACES_AND_INVISIBLES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


_GAP = re.compile(r"(?<=\S) {2,}(?=\S)")


def tab_stop_width(lines: list[str], least: int = 40) -> int | None:
    """The tab width of text whose tabs were expanded to spaces (`expand`, an editor's "tabs to
    spaces"): at least `least` runs of two spaces or more between words, and 95% of them or more end
    on a multiple of 8 (or of 4), where a tab ends.  Columns aligned with spaces end anywhere (about
    one run in eight on a multiple of 8, in pdftotext -layout and fixed-width exports)."""
    n = off4 = off8 = 0
    for t in lines:
        if "  " not in t:
            continue
        for m in _GAP.finditer(t):
            e = m.end()
            n += 1
            off8 += e % 8 != 0
            off4 += e % 4 != 0
        if off4 > 20:
            return None         # (aligned text shows it within a few lines: read no further)
    if n < least:
        return None
    return 8 if off8 <= 0.05 * n else 4 if off4 <= 0.05 * n else None


def form_feeds_first(lines: list[str]) -> list[str]:
    """The lines with each page break where pdftotext writes it, at the start of the page's first
    line: a form feed at the end of the last line of a page ("... Camat\\f", as a converter that
    ends each page with one writes it) goes to the next line's start, and one after a line's leading
    white ("   \\fTabel 3") to the line's start.  A form feed inside a line's text stays."""
    out = list(lines)
    for i, t in enumerate(out):
        if "\f" not in t:
            continue
        body = t.rstrip(" \t\f")
        tail = t[len(body):]
        if body.strip(" \t\f") and "\f" in tail and "\f" not in body:
            out[i] = body
            if i + 1 < len(out):
                out[i + 1] = "\f" * tail.count("\f") + out[i + 1]
            continue
        white = len(t) - len(t.lstrip(" \t"))
        if white and t[white] == "\f":
            feeds = len(t) - white - len(t[white:].lstrip("\f"))
            out[i] = "\f" * feeds + t[:white] + t[white + feeds:]
    return out


_DOUBLE_SPACED = ("the text is double-spaced (a blank line after every line): a single blank line was read as a "
                  "line break, a run of blank lines as half as many")


def double_spacing(lines: list[str], least: int = 20) -> set[int]:
    """The blank lines of a double-spaced text that are no paragraph break (a browser's or a viewer's
    copy that writes each line as a paragraph, a converter that doubles its line ends): when hardly
    a line with text (one in twenty) has another right under it, and at least `least` lone blank
    lines stand between two, a lone blank line is a line break and a run of n blank lines n // 2
    (each line's end doubled: one blank line became three, two five).
    Indexes of the blank lines to leave out; empty for other texts."""
    blank = [not t.strip() and "\f" not in t for t in lines]       # (a page break is no blank line)
    n = len(lines)
    texts = n - sum(blank)
    # (first the cheap test most texts fail: lines with text right under one another)
    adjacent = sum(1 for a, b in zip(blank, blank[1:]) if not (a or b))
    if adjacent > 0.05 * texts or texts < least:
        return set()
    runs: list[tuple[int, int]] = []          # (first blank, length) of each run between two text lines
    i = 0
    while i < n:
        if not blank[i]:
            i += 1
            continue
        j = i
        while j < n and blank[j]:
            j += 1
        if i > 0 and j < n:
            runs.append((i, j - i))
        i = j
    if sum(1 for _, length in runs if length == 1) < least:
        return set()
    out: set[int] = set()
    for start, length in runs:
        out.update(range(start, start + length - length // 2))     # (3 blank lines were one, 5 two)
    return out


_SPACED = re.compile(r"\t +\S|\S {2,}\S")          # spaces between a tab and a word, or two between words
_INNER_TAB = re.compile(r"\S *\t[\t ]*\S")         # a tab between two words


def tabs_in_spacing(lines: list[str]) -> bool:
    """Tabs that stand for runs of spaces, not between cells: text laid out with spaces and then
    compressed to tabs (`unexpand -a`, an editor's "spaces to tabs", a fixed-width export that writes
    tabs), where a tab fills to the next tab stop and the spaces left over stay.  Of the lines with
    a tab between two words, half or more also hold spaces between a tab and a word or two spaces
    between words; a tab-delimited export (a spreadsheet's or a converter's cells) writes a tab
    between cells and single spaces inside them.  Tabs only at the ends of lines (a run of trailing
    white compressed, with no tab between two words anywhere) stand for spaces too."""
    tabbed = inner = mixed = 0
    for t in lines:
        if "\t" in t:
            tabbed += 1
            if _INNER_TAB.search(t):
                inner += 1
                mixed += _SPACED.search(t) is not None
    return 2 * mixed >= inner if inner else tabbed > 0


def tab_width(lines: list[str], layout: LayoutSettings) -> int:
    """The tab stops of text whose tabs stand for spaces: every 8 characters (the default of
    `unexpand`, terminals and most editors), or every 4 when only that lines its columns up."""
    if is_space_aligned([t.expandtabs(8) for t in lines], layout):
        return 8
    return 4 if is_space_aligned([t.expandtabs(4) for t in lines], layout) else 8


def delimiter_of(lines: list[str]) -> str | None:
    """The delimiter of a table exported as CSV (a spreadsheet's "Save as CSV": ";" where the
    decimal mark is a comma, as in Indonesian settings, else ","): half the non-blank lines or more,
    and four fifths of those of several fields (a title or a note is one), parse (Python's csv
    module) into one number of fields, three or more.  A report's prose with its commas parses into
    as many fields as a sentence has commas, line by line another, and most of its lines into one;
    rows of decimal commas (90,50% 86,11%) have no header of labels above them, and a spreadsheet
    writes no space after its delimiter where a sentence does after its comma."""
    body = [t for t in lines if t.strip()]
    if len(body) < 2:
        return None
    for d in (";", ","):
        if d not in body[0] and d not in body[len(body) // 2]:
            continue
        parsed = list(csv.reader(body, delimiter=d))
        widths = Counter(map(len, parsed))
        width, n = max(((w, k) for w, k in widths.items() if w > 1), key=lambda wk: wk[1], default=(0, 0))
        several = len(body) - widths.get(1, 0)
        if width >= 3 and n >= 2 and 2 * n >= len(body) and n >= 0.8 * several:
            # the first row of that width is the header: labels, no number ("1 ... 80% 60" / "50% 75"
            # / "62%" is a row of decimal commas, no header)
            header = next(r for r in parsed if len(r) == width)
            rest = [f for r in parsed if len(r) == width for f in r[1:] if f]
            spaced = sum(1 for f in rest if f[0] == " ")
            if not any(f.strip()[:1].isdigit() for f in header) and spaced * 10 <= len(rest):
                return d
    return None


def delimited_cells(text: str, no: int, d: str) -> list[Cell] | None:
    """The cells of a CSV line (None when it holds one field: a title line), each with its span in
    the line (a quoted field's span is its quotes' inside)."""
    fields = next(csv.reader([text], delimiter=d), [])
    if len(fields) < 2:
        return None
    cells, pos = [], 0
    for k, f in enumerate(fields):
        quoted = text.startswith('"', pos)
        start = pos + 1 if quoted else pos
        end = start + len(f) + (f.count('"') if quoted else 0)      # ("" inside quotes is one ")
        cells.append(Cell(f, line=no, col=k, span=(start, end)))
        pos = end + (1 if quoted else 0) + 1
    return cells


def tab_cells(text: str, no: int) -> list[Cell]:
    cells, pos = [], 0
    for k, part in enumerate(text.split("\t")):
        cells.append(Cell(part, line=no, col=k, span=(pos, pos + len(part))))
        pos += len(part) + 1
    return cells


_PIPE_ROW = re.compile(r"\s*\|.*\|\s*$")                   # "| a | b |" (GFM: the outer pipes written)
_DELIMITER = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")   # "|---|:---:|"
_UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def _delimiter(line: str) -> bool:
    """The delimiter line under a pipe table's header ("|---|:---:|")."""
    return "-" in line and _DELIMITER.match(line) is not None


# the rule between the rows of a table drawn in characters ("+----+------+", "+====+"), as fixed-width
# exports and grid-table writers (tabulate, pandoc) draw it
_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+){2,}\s*$")


def _border(line: str) -> bool:
    return "+" in line and _BORDER.match(line) is not None


def pipe_cells(text: str, no: int) -> list[Cell] | None:
    """The cells of a Markdown pipe-table row (None if the line is none: fewer than two cells), each
    stripped, with its character span in the line; an escaped pipe ("\\|") is text of its cell."""
    if "|" not in text or not _PIPE_ROW.match(text):
        return None
    bars = [m.start() for m in _UNESCAPED_PIPE.finditer(text)]
    cells = []
    for a, b in zip(bars, bars[1:]):
        part = text[a + 1:b]
        lead = len(part) - len(part.lstrip())
        body = part.strip()
        cells.append(Cell(body.replace("\\|", "|"), line=no, col=len(cells),
                          span=(a + 1 + lead, a + 1 + lead + len(body))))
    return cells if len(cells) >= 2 else None


def _pipe_table(lines: list[str]) -> bool:
    """Does the text hold a Markdown pipe table: a row line with a delimiter line under it, or
    three row lines in a row (a converter that writes no delimiter), or two of three cells or more
    each (a header and its one row)?"""
    run = 0
    width = None
    lines = [t for t in lines if not _border(t)]        # (a drawn rule between rows sets none apart)
    for a, b in zip(lines, lines[1:] + [""]):
        cells = pipe_cells(a, 0) if "|" in a else None
        if cells is not None and "|" in b and _delimiter(b):
            return True
        n = len(cells) if cells is not None else None
        run = run + 1 if cells is not None else 0
        if run >= 3 or run == 2 and n == width and n is not None and n >= 3:
            return True
        width = n
    return False


def read_text(path: str, data: bytes, detected: Detected, layout: LayoutSettings = DEFAULT.layout) -> Document:
    text = data.decode(detected.encoding or "utf-8")
    if is_html(text):
        doc = read_html(path, data, text)
        if detected.note:
            doc.warnings.append(detected.note)
        return doc
    doc = Document(os.path.basename(path), path, hashlib.sha256(data).hexdigest(), FileFormat.TEXT, [])
    lines = source_lines(text)
    if "\f" in text:
        lines = form_feeds_first(lines)
    if "\t" in text and tabs_in_spacing(lines):
        width = tab_width(lines, layout)
        lines = [t.expandtabs(width) if "\t" in t else t for t in lines]
        text = "\n".join(lines)
        doc.warnings.append(f"the text's tabs stand for spaces (tab stops every {width} characters): read as "
                            f"spaces, so a cell's span counts the characters with its line's tabs expanded")
    piped = "|" in text and _pipe_table(lines)
    comma = None if "\t" in text or piped else delimiter_of(lines)
    spacing = double_spacing(lines)
    doc.elided = frozenset(i + 1 for i in spacing)
    kept = [t for i, t in enumerate(lines) if i not in spacing] if spacing else lines
    expanded = "\t" not in text and not comma and "  " in text and tab_stop_width(lines)
    if expanded:
        # its runs of spaces align on tab stops, not on columns: what lines up is no table's column,
        # and a cell of 7 characters past a stop is set apart by one space only
        doc.warnings.append(f"the text's tabs were expanded to spaces (tab stops every {expanded} characters): "
                            f"read as text without layout")
    elif "\t" not in text and not piped and not comma and is_space_aligned(kept, layout):
        read_layout(doc, kept, layout, [i + 1 for i in range(len(lines)) if i not in spacing] if spacing else None)
        if spacing:
            doc.warnings.append(_DOUBLE_SPACED)
        if detected.note:
            doc.warnings.append(detected.note)
        return doc
    grid: Grid | None = None
    # (a text dump without layout may write a page's header and footer together at one end of the
    # page, a browser's four print lines: twice the margin a laid-out page has at each end)
    furniture = page_furniture(lines, 2 * layout.text_margin_lines, layout.running_share) if "\f" in text else set()
    if spacing:
        doc.warnings.append(_DOUBLE_SPACED)
    for i, t in enumerate(lines):
        no = i + 1
        if i in furniture or i in spacing:
            continue                      # a running header or footer inside the text, between two pages
        t = t.replace("\x0c", "")
        if "\t" in t:
            if grid is None or grid.source != "tabs":
                grid = Grid(len(doc.grids) + 1, None, None, source="tabs")
                doc.grids.append(grid)
            doc.add_row(no, tab_cells(t, no), grid=grid)
            continue
        if comma and comma in t:
            cells = delimited_cells(t, no, comma)
            if cells is not None:
                if grid is None or grid.source != "csv":
                    grid = Grid(len(doc.grids) + 1, None, None, source="csv")
                    doc.grids.append(grid)
                doc.add_row(no, cells, grid=grid)
                continue
        if piped and _border(t):
            if grid is None:
                doc.lines.append(Line(no, t))     # (the rule above the header opens nothing)
            continue                              # a rule between a drawn table's rows: no row
        if piped and "|" in t:
            if _delimiter(t):
                if grid is not None:
                    continue              # the header's underline: part of the table, no row
                doc.lines.append(Line(no, t))     # (one with no row above it opens nothing)
                continue
            cells = pipe_cells(t, no)
            if cells is not None:
                if grid is None or grid.source != "pipes":
                    grid = Grid(len(doc.grids) + 1, None, None, source="pipes")
                    doc.grids.append(grid)
                doc.add_row(no, cells, grid=grid)
                continue
        if t.strip():
            grid = None
        doc.lines.append(Line(no, t))
    if detected.note:
        doc.warnings.append(detected.note)
    return doc
