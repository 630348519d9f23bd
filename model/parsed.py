"""What the parsers hand to the normaliser: reports with their metadata and raw tables.

A raw cell keeps the reader's cells it was made of (`sources`), so its box, page and OCR
confidence are the reader's, never found again by matching text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import BBox, Cell, Line, union_box
from .names import DocKind, ReportPeriod


@dataclass
class RawCell:
    text: str                           # the cell text as in the source, line breaks joined by a space
    line: int | None = None
    page: int | None = None
    sources: list[Cell] = field(default_factory=list)   # the reader's cells this cell was read from

    @classmethod
    def of(cls, text: str, sources: list[Cell], line: int | None = None, page: int | None = None) -> "RawCell":
        for first in sources:          # the first source cell with text, else the first one
            if first.text:
                break
        else:
            first = sources[0] if sources else None
        return cls(text, first.line if first else line, first.page if first else page, list(sources))

    @property
    def bbox(self) -> BBox | None:
        return union_box(c.bbox for c in self.sources if c.text)

    @property
    def conf(self) -> float | None:
        """OCR confidence of the least sure source cell (None for a text layer)."""
        return min((c.conf for c in self.sources if c.conf is not None and c.text), default=None)

    @property
    def doubt(self) -> bool:
        """Is the reader unsure of any of the source cells' readings?"""
        for c in self.sources:
            if c.doubt and c.text:
                return True
        return False

    def extend(self, text: str, sources: list[Cell]) -> None:
        """A wrapped continuation: its text appended, its cells kept."""
        self.text = f"{self.text} {text}" if self.text else text
        self.sources.extend(sources)
        if self.line is None and sources:
            self.line, self.page = sources[0].line, sources[0].page


@dataclass
class RawRow:
    cells: dict[str, RawCell]           # field -> cell, for every field the table has
    line: int | None = None
    page: int | None = None
    bbox: BBox | None = None
    level: str | None = None            # indicator / program / kegiatan / sub_kegiatan / total
    section: str | None = None          # "Program" / "Kegiatan" sub-header the row sits under
    extra: list[str] = field(default_factory=list)   # every raw cell text, in column order (comparison tables)
    source: list[Cell] = field(default_factory=list)  # the reader's cells of the row, in column order

    def text(self, f: str) -> str:
        c = self.cells.get(f)
        return c.text if c else ""


@dataclass
class RawTable:
    kind: str
    title: str
    line_start: int | None
    page_start: int | None
    fields: list[str]                   # fields the table has
    formulas: dict[str, str] = field(default_factory=dict)   # field -> formula as stated ("10=6-9")
    rows: list[RawRow] = field(default_factory=list)
    header_text: str = ""
    page_end: int | None = None
    grids: list[int] = field(default_factory=list)           # ids of the reader's grids it was read from
    complete: bool = True               # False when the reader is unsure every row was read
    unused: dict[int, str] = field(default_factory=dict)    # column index -> label of columns without a field
    years: list[int] = field(default_factory=list)          # a header repeated per year: its years


@dataclass
class ReportMeta:
    kabupaten: str | None = None
    kecamatan: str | None = None
    unit: str = "Other"
    unit_raw: str | None = None
    period: str = ReportPeriod.OTHER    # a ReportPeriod (the contract's reports.csv `kind`)
    year: int | None = None
    quarter: int | None = None
    signer_name: str | None = None
    signer_nip: str | None = None


@dataclass
class RawReport:
    seq: int
    line_start: int | None
    line_end: int | None
    page_start: int | None
    page_end: int | None
    lines: list[Line]                   # the document's lines of this report
    doc_kind: str                       # a DocKind
    meta: ReportMeta = field(default_factory=ReportMeta)
    tables: list[RawTable] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class ParsedDocument:
    """The parsers' reading of one document: its reports, and how its text is laid out (decided once)."""
    reports: list[RawReport]
    flat: bool                          # a text layer without table structure: rows were rebuilt from flat text
    wrapped: bool                       # paragraphs run over several lines (PDF text layers, flat text)
    spaced: bool = False                # a blank line ends a paragraph (text laid out with spaces; a text
                                        # layer without layout also breaks lines inside a paragraph so)
    elided: frozenset[int] = frozenset()  # source lines the reader left out (Document.elided): no gap


__all__ = ["RawCell", "RawRow", "RawTable", "ReportMeta", "RawReport", "ParsedDocument", "DocKind", "union_box"]
