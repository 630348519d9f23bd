"""Typed records that flow from the parsers to the normalizers, checks and dataset writers."""
from __future__ import annotations

from dataclasses import dataclass, field

from extract.document import BBox

# the fields a table column can carry (see CONTRACT.md)
TEXT_FIELDS = ("no", "sasaran", "indikator", "name", "kode", "keterangan")


@dataclass
class RawCell:
    text: str                      # the cell text as in the source, line breaks joined by a space
    line: int | None = None
    page: int | None = None
    bbox: BBox | None = None
    conf: float | None = None      # OCR confidence (0-100) of the cell, None for a text layer


@dataclass
class RawRow:
    cells: dict[str, RawCell]      # field -> cell, for every field the table has
    line: int | None = None
    page: int | None = None
    bbox: BBox | None = None
    level: str | None = None       # indicator / program / kegiatan / sub_kegiatan / total
    section: str | None = None     # "Program" / "Kegiatan" sub-header the row sits under
    extra: list[str] = field(default_factory=list)   # raw cells of comparison tables

    def text(self, f: str) -> str:
        c = self.cells.get(f)
        return c.text if c else ""


@dataclass
class RawTable:
    kind: str
    title: str
    line_start: int | None
    page_start: int | None
    fields: list[str]              # fields the table has
    formulas: dict[str, str] = field(default_factory=dict)  # field -> formula as stated ("10=6-9")
    rows: list[RawRow] = field(default_factory=list)
    header_text: str = ""
    page_end: int | None = None


@dataclass
class ReportMeta:
    kabupaten: str | None = None
    kecamatan: str | None = None
    unit: str = "Other"
    unit_raw: str | None = None
    kind: str = "other"
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
    lines: list                   # extract.document.Line objects of this report
    doc_kind: str                 # lkj / pk / lra / berita_acara / renja_evaluation / unknown
    meta: ReportMeta = field(default_factory=ReportMeta)
    tables: list[RawTable] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
