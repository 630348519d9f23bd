"""Read a text submission (PDF text-layer dumps, markdown/HTML conversions, space-aligned text)
into a Document.

Line numbers stay those of the source.  A line holding tabs is a table row of a markdown/HTML
export: its cells are the tab-separated parts, each with its character span; consecutive rows
(blank lines between them allowed) are one grid.  A text without tab rows whose columns are
aligned with spaces (pdftotext -layout, fixed-width exports; decided from the content) is read by
extract/layout_text.py.
"""
from __future__ import annotations

import hashlib
import os

from lkj.model.document import Cell, Document, Grid, Line
from lkj.model.names import FileFormat
from lkj.model.settings import DEFAULT, LayoutSettings

from .detect import Detected
from .layout_text import is_space_aligned, read_layout


def source_lines(text: str) -> list[str]:
    """The source's lines, numbered as an editor numbers them (\\r\\n, \\r and \\n end a line; a form
    feed does not: splitlines() would also split on \\x0c, \\x1c ...)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines


def tab_cells(text: str, no: int) -> list[Cell]:
    cells, pos = [], 0
    for k, part in enumerate(text.split("\t")):
        cells.append(Cell(part, line=no, col=k, span=(pos, pos + len(part))))
        pos += len(part) + 1
    return cells


def read_text(path: str, data: bytes, detected: Detected, layout: LayoutSettings = DEFAULT.layout) -> Document:
    text = data.decode(detected.encoding or "utf-8")
    doc = Document(os.path.basename(path), path, hashlib.sha256(data).hexdigest(), FileFormat.TEXT, [])
    lines = source_lines(text)
    if "\t" not in text and is_space_aligned(lines, layout):
        read_layout(doc, lines, layout)
        if detected.note:
            doc.warnings.append(detected.note)
        return doc
    grid: Grid | None = None
    for i, t in enumerate(lines):
        no = i + 1
        t = t.replace("\x0c", "")
        if "\t" in t:
            if grid is None:
                grid = Grid(len(doc.grids) + 1, None, None, source="tabs")
                doc.grids.append(grid)
            doc.add_row(no, tab_cells(t, no), grid=grid)
            continue
        if t.strip():
            grid = None
        doc.lines.append(Line(no, t))
    if detected.note:
        doc.warnings.append(detected.note)
    return doc
