"""The Document: what every reader (text, PDF, DOCX) hands to the parsers.

A Document is a list of lines with provenance (1-based line number in the source for text
inputs, page number and bounding box in PDF points for PDF inputs).  Table grids that a reader
could recover from the file structure itself (PDF rulings, DOCX tables) are attached to the
document as `grids`; text inputs carry their table cells inside the lines (tab-separated
markdown rows, or flat text that the parsers reconstruct).
"""
from __future__ import annotations

from dataclasses import dataclass, field

BBox = tuple[float, float, float, float]


@dataclass(slots=True)
class Line:
    no: int                      # 1-based line number in the source (text) or running number (PDF)
    text: str                    # the line exactly as read (no trailing newline)
    page: int | None = None      # 1-based page for PDF/DOCX inputs
    bbox: BBox | None = None     # x0, top, x1, bottom in PDF points
    cells: list["Cell"] | None = None  # cells when the reader knows the line is a table row


@dataclass(slots=True)
class Cell:
    text: str
    line: int | None = None
    page: int | None = None
    bbox: BBox | None = None
    conf: float | None = None    # OCR confidence of the cell's least sure word (0-100), None for a text layer


@dataclass(slots=True)
class Document:
    source_file: str             # file name as given (no folders)
    source_path: str
    sha256: str
    fmt: str                     # "text", "pdf", "docx"
    lines: list[Line]
    n_pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    ocr_pages: int = 0           # pages read by OCR

    @property
    def is_paged(self) -> bool:
        return self.fmt in ("pdf", "docx")
