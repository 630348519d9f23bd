"""The Document: what every reader (text, layout text, PDF, scan, DOCX) hands to the parsers.

A Document is its lines in reading order.  A line is text, or a table row whose cells the reader
knows (`Line.cells`): the reader found them in the file's structure (tabs of a markdown/HTML
export, character columns of space-aligned text, PDF rulings and gutters, a scan's rulings, DOCX
tables).  Rows of one table region are one `Grid` (id, page, box); a table continued on the next
page is a second grid, which the parsers join.  Every cell keeps its own provenance: the line or
page it is on, its box in PDF points, its character span in a text line, and the OCR confidence
of its least sure word.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .names import FileFormat

BBox = tuple[float, float, float, float]      # x0, top, x1, bottom in PDF points (origin top left)


def union_box(boxes) -> BBox | None:
    """The box around the given boxes (None entries ignored)."""
    boxes = [b for b in boxes if b]
    if not boxes:
        return None
    return (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))


@dataclass(slots=True)
class Cell:
    text: str                           # the cell text as read (a wrapped cell's lines joined by a space)
    line: int | None = None             # 1-based line in a text source (running line number for paged inputs)
    page: int | None = None             # 1-based page of a paged input
    bbox: BBox | None = None            # box in PDF points (paged inputs)
    conf: float | None = None           # OCR confidence of the cell's least sure word (0-100), None for a text layer
    doubt: bool = False                 # the reader is unsure of this reading (OCR: a number read two ways,
                                        # or below the confidence cut-off); the normaliser may settle it
    col: int = 0                        # column index in its row
    span: tuple[int, int] | None = None  # character offsets in the source line (text inputs)


@dataclass(slots=True)
class Line:
    no: int                             # 1-based line number (text) or running number (paged inputs)
    text: str                           # the line as read; for a table row, its cells joined by tabs
    page: int | None = None
    bbox: BBox | None = None
    cells: list[Cell] | None = None     # the row's cells, when the reader knows the line is a table row
    grid: int | None = None             # id of the Grid the row belongs to

    @property
    def is_row(self) -> bool:
        return self.cells is not None


@dataclass
class Grid:
    """One table region as the reader found it: its rows are lines of the document."""
    id: int
    page: int | None
    bbox: BBox | None
    rows: list[Line] = field(default_factory=list)
    source: str = ""                    # which reader made it: tabs, columns, ruled, rules, ocr, docx


@dataclass
class Document:
    source_file: str                    # file name as given (no folders)
    source_path: str
    sha256: str
    format: FileFormat
    lines: list[Line]
    grids: list[Grid] = field(default_factory=list)
    n_pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    ocr_pages: int = 0                  # pages read by OCR
    page_names: list[str] = field(default_factory=list)   # a folder of page images: each page's file
    elided: frozenset[int] = frozenset()  # source lines left out as no text's (a double-spaced text's line-break blanks)

    @property
    def is_paged(self) -> bool:
        return self.format in (FileFormat.PDF, FileFormat.DOCX, FileFormat.IMAGE)

    def add_row(self, no: int, cells: list[Cell], page: int | None = None, bbox: BBox | None = None,
                grid: Grid | None = None) -> Line:
        """Append a table row (the reader's cells) as a line of the document."""
        line = Line(no, "\t".join(c.text for c in cells), page, bbox, cells, grid.id if grid else None)
        for k, c in enumerate(cells):
            c.col = k
        if grid is not None:
            grid.rows.append(line)
        self.lines.append(line)
        return line
