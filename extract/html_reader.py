"""Read an HTML page (a report published as a web page and saved from the browser) into a Document.

The page's text as a browser lays it out: each block (a heading, a paragraph, a list item, a line
break, a table row) is a line, numbered in that order (a saved page often holds its whole body on
one source line, so the source's line numbers would tell nothing apart).  Each table is a grid: a
row's cells in their columns, a merged cell (rowspan, colspan) in its first row and column with
empty cells where it spans, as a Word export's tab rows have them.  A table holding another table
(a page laid out with tables) is no grid itself: its cells' text outside the inner tables become
lines, the inner tables grids; so is a table with a cell of paragraphs (a menu beside the page's
text).  Scripts, styles and the head are no text.

The parsing is the standard library's html.parser (tolerant of the broken markup pages have); the
layout into lines and the grid of merged cells are written by hand, as no library keeps both the
text's order and the cells' merges.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from lkj.model.document import Cell, Document, Grid, Line
from lkj.model.names import FileFormat

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr",
           "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "pre", "figure",
           "figcaption", "caption", "address", "form", "fieldset", "center"}
_SKIP = {"script", "style", "head", "title", "noscript", "template", "svg"}
_SPACE = re.compile(r"\s+")
_HTML_START = re.compile(r"\s*(<!--.*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S)


def is_html(text: str) -> bool:
    """An HTML page: it opens with a doctype or an html, head or body tag (comments before it
    allowed), or it opens with a tag and holds a table's cells."""
    head = text[:4096].lstrip("\ufeff \t\r\n")
    if _HTML_START.match(head):
        return True
    if not head.startswith("<"):
        return False
    low = text[:200_000].lower()
    return "<table" in low and "<td" in low


@dataclass
class _Table:
    rows: list[list[tuple[str, int, list[str]]]] = field(default_factory=list)   # each row: (text, colspan, blocks)
    spans: list[list[int]] = field(default_factory=list)               # each row: rowspan per cell
    cells: list[tuple[str, int, list[str]]] | None = None     # the row being read
    row_spans: list[int] | None = None
    cell: list[list[str]] | None = None            # the cell being read: its blocks' texts
    colspan: int = 1
    rowspan: int = 1
    nested: bool = False                           # holds a table: a layout table, no grid


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[tuple[str, object]] = []     # ("line", text) / ("table", rows as lists of cell texts)
        self.text: list[str] = []                   # the current line outside any cell
        self.tables: list[_Table] = []
        self.skip = 0

    # -- text ----------------------------------------------------------------------------------
    def _flush(self) -> None:
        t = _SPACE.sub(" ", "".join(self.text)).strip()
        self.text = []
        if t:
            self.out.append(("line", t))

    def _sink(self) -> list[str]:
        """Where text goes: the open cell's last block in the innermost table, else the current line."""
        if self.tables and self.tables[-1].cell is not None:
            return self.tables[-1].cell[-1]
        return self.text

    def _cell_lines(self, t: _Table) -> None:
        """The open cell's blocks so far as lines of their own (a cell of a layout table)."""
        for b in t.cell or []:
            line = _SPACE.sub(" ", "".join(b)).strip()
            if line:
                self.out.append(("line", line))
        if t.cell is not None:
            t.cell = [[]]

    def _block_edge(self, t: _Table | None) -> None:
        """A block starts or ends: the line ends, outside a table; a layout table's cell gives its
        text so far as lines; a data cell starts another block (Word's <p> in every cell)."""
        if t is None or t.cell is None:
            self._flush()
        elif t.nested:
            self._cell_lines(t)
        else:
            t.cell.append([])

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self._sink().append(data)

    # -- tags ----------------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs) -> None:
        if tag == "body":
            self.skip = 0                              # (a head left open ends where the body starts)
            return
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag == "table":
            if self.tables:
                outer = self.tables[-1]
                if not outer.nested:
                    # a layout table after all: what it read as rows so far is text (a banner row
                    # above the content holds the office's name), each cell a line
                    for row in outer.rows + [outer.cells or []]:
                        self.out += [("line", text) for text, *_ in row if text]
                    outer.rows, outer.spans, outer.cells, outer.row_spans = [], [], [], []
                outer.nested = True
                self._cell_lines(outer)                # the outer cell's text so far: lines of their own
            else:
                self._flush()
            self.tables.append(_Table())
            return
        t = self.tables[-1] if self.tables else None
        if t is not None and tag == "tr":
            self._end_row(t)
            t.cells, t.row_spans = [], []
            return
        if t is not None and tag in ("td", "th"):
            self._end_cell(t)
            if t.cells is None:
                t.cells, t.row_spans = [], []
            a = dict(attrs)
            t.colspan, t.rowspan = _span(a.get("colspan"), 64), _span(a.get("rowspan"), 1000)
            t.cell = [[]]
            return
        if tag in _BLOCKS:
            self._block_edge(t)

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP:
            self.skip -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "table" and self.tables:
            t = self.tables.pop()
            self._end_row(t)
            if not t.nested and t.rows:
                if any(_page_cell(blocks) for row in t.rows for _, _, blocks in row):
                    # a page laid out with a table of paragraphs (a menu beside the content): its
                    # cells' paragraphs are lines, row by row
                    self.out += [("line", b) for row in t.rows for _, _, blocks in row for b in blocks]
                else:
                    self.out.append(("table", _layout(t)))
            return
        t = self.tables[-1] if self.tables else None
        if t is not None and tag in ("td", "th"):
            self._end_cell(t)
            return
        if t is not None and tag == "tr":
            self._end_row(t)
            return
        if tag in _BLOCKS:
            self._block_edge(t)

    def close(self) -> None:
        super().close()
        while self.tables:
            self.handle_endtag("table")
        self._flush()

    # -- cells and rows ------------------------------------------------------------------------
    def _end_cell(self, t: _Table) -> None:
        if t.cell is None:
            return
        if t.nested:
            self._cell_lines(t)
            t.cell = None
            return
        blocks = [x for x in (_SPACE.sub(" ", "".join(b)).strip() for b in t.cell) if x]
        t.cell = None
        if t.cells is None:
            t.cells, t.row_spans = [], []
        t.cells.append((" ".join(blocks), t.colspan, blocks))
        t.row_spans.append(t.rowspan)

    def _end_row(self, t: _Table) -> None:
        self._end_cell(t)
        if t.cells is None:
            return
        if t.nested:
            texts = [c for c, *_ in t.cells if c]
            if texts:
                self.out.append(("line", " ".join(texts)))
        elif t.cells:
            t.rows.append(t.cells)
            t.spans.append(t.row_spans or [])
        t.cells, t.row_spans = None, None


def _page_cell(blocks: list[str]) -> bool:
    """A cell that holds a page's text rather than a table's value: three paragraphs or more, of
    300 characters together (a table cell of a report holds a name, an indicator, a number)."""
    return len(blocks) >= 3 and sum(map(len, blocks)) >= 300


def _span(v, most: int) -> int:
    """A rowspan or colspan attribute: 1 when absent or not a number, at most `most` (a page that
    claims thousands of columns must not make a grid of millions of cells)."""
    try:
        return max(1, min(int(str(v).strip()), most))
    except (TypeError, ValueError):
        return 1


def _layout(t: _Table) -> list[list[str]]:
    """The table's rows as lists of cell texts in their columns: a cell merged over rows or columns
    in its first row and column, empty cells where it spans."""
    out: list[list[str]] = []
    below: dict[int, int] = {}          # column -> rows a merged cell above still covers
    for cells, spans in zip(t.rows, t.spans):
        row: list[str] = []
        col = 0
        for (text, colspan, _), rowspan in zip(cells, spans):
            while below.get(col, 0) > 0:
                row.append("")
                below[col] -= 1
                col += 1
            for k in range(colspan):
                row.append(text if k == 0 else "")
                if rowspan > 1:
                    below[col] = rowspan - 1
                col += 1
        last = max((c for c, n in below.items() if n > 0), default=-1)
        while col <= last:                  # merged cells from above past the row's own cells
            if below.get(col, 0) > 0:
                below[col] -= 1
            row.append("")
            col += 1
        if any(row):
            out.append(row)
    return out


def page_lines(text: str) -> list[str]:
    """The page's lines as read_html numbers them (a table row: its cells joined by tabs), for the
    review page that shows a cell beside the lines around it."""
    return [ln.text for ln in read_html("page.html", text.encode("utf-8"), text).lines]


def read_html(path: str, data: bytes, text: str) -> Document:
    """The Document of an HTML page (`text`: its decoded bytes)."""
    doc = Document(os.path.basename(path), path, hashlib.sha256(data).hexdigest(), FileFormat.TEXT, [])
    r = _Reader()
    r.feed(text)
    r.close()
    no = 0
    for kind, item in r.out:
        if kind == "line":
            no += 1
            doc.lines.append(Line(no, item))
            continue
        grid = Grid(len(doc.grids) + 1, None, None, source="html")
        doc.grids.append(grid)
        for cells in item:
            no += 1
            doc.add_row(no, [Cell(c, line=no) for c in cells], grid=grid)
    return doc
