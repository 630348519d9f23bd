"""DOCX originals -> Document: paragraphs as lines, tables straight from the document structure.

Body paragraphs and tables are read in document order (python-docx).  A table is one grid, a
table row one row of cells, like the rows of every other reader; a cell merged across columns is written
once, in its first column, and a cell merged down over several rows once, in its first row (the
contract's convention for a merged sasaran).  DOCX has no pages: `page` is the 1-based number of
the section a line is in counted by explicit page breaks, so provenance stays a page plus the
paragraph/row order.
"""
from __future__ import annotations

import hashlib
import io
import os

from lkj.model.document import Cell, Document, Grid, Line
from lkj.model.errors import InputError
from lkj.model.names import FileFormat


def read_docx(path: str, data: bytes) -> Document:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - a declared dependency
        raise InputError("extract", "python-docx is not installed: run `make setup`") from None
    try:
        d = docx.Document(io.BytesIO(data))
    except Exception as exc:
        raise InputError("extract", f"corrupt or unreadable DOCX ({type(exc).__name__})") from None
    doc = Document(os.path.basename(path), path, hashlib.sha256(data).hexdigest(), FileFormat.DOCX, [])
    page = 1
    no = 0
    body = d.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            p = Paragraph(child, d)
            if 'w:type="page"' in child.xml:
                page += 1
            text = " ".join(p.text.split())
            if text:
                no += 1
                doc.lines.append(Line(no, text, page))
        elif tag == "tbl":
            t = Table(child, d)
            grid = Grid(len(doc.grids) + 1, page, None, source="docx")
            doc.grids.append(grid)
            above: list = []
            for row in t.rows:
                tcs = [c._tc for c in row.cells]
                texts = []
                for j, (cell, tc) in enumerate(zip(row.cells, tcs)):
                    if j > 0 and tc is tcs[j - 1]:
                        texts.append("")               # merged across columns
                    elif j < len(above) and tc is above[j]:
                        texts.append("")               # merged down from the row above
                    else:
                        texts.append(" ".join(cell.text.split()))
                above = tcs
                if not any(texts):
                    continue
                no += 1
                doc.add_row(no, [Cell(x, no, page) for x in texts], page, None, grid)
    doc.n_pages = page
    if not doc.lines:
        raise InputError("extract", "DOCX has no text")
    return doc
