"""What the normaliser hands to the checks and the dataset: typed rows and tables."""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import BBox
from .parsed import RawCell
from .values import IndicatorMatch, Parsed


@dataclass
class Row:
    table_seq: int
    table_kind: str
    table_title: str
    row_index: int
    level: str | None
    line: int | None
    page: int | None
    bbox: BBox | None
    fields: list[str]                                    # fields the table has
    raw: dict[str, str] = field(default_factory=dict)    # field -> cell text as in the source
    text: dict[str, str | None] = field(default_factory=dict)
    num: dict[str, float | None] = field(default_factory=dict)
    unit: dict[str, str | None] = field(default_factory=dict)
    parsed: dict[str, Parsed] = field(default_factory=dict)
    cells: dict[str, RawCell] = field(default_factory=dict)   # field -> the parsed cell (provenance)
    indikator_id: str | None = None
    indikator_match: IndicatorMatch | None = None        # catalogue match (score, candidates) of indikator
    cells_json: str | None = None                        # comparison tables: every raw cell
    doubt: set[str] = field(default_factory=set)         # fields the reader (OCR) doubts and nothing settled
    settled: dict[str, float] = field(default_factory=dict)   # doubted fields the row's own arithmetic settled
                                                         # (confirmed as read, or corrected): the value kept

    def has(self, f: str) -> bool:
        return self.num.get(f) is not None

    def in_doubt(self, f: str) -> bool:
        """Is this field's value one the reader doubts (its cell says so) and nothing settled?"""
        if f in self.settled or not self.raw.get(f):
            return False
        c = self.cells.get(f)
        return f in self.doubt or (c is not None and c.doubt)

    def conf(self, f: str) -> float | None:
        """OCR confidence of the field's own cell (None for a text layer)."""
        c = self.cells.get(f)
        return c.conf if c is not None and self.raw.get(f) else None


@dataclass
class Table:
    seq: int
    kind: str
    title: str
    line_start: int | None
    page_start: int | None
    fields: list[str]
    formulas: dict[str, str]
    rows: list[Row]
    header_text: str = ""
    duplicate_of: int | None = None       # seq of an identical earlier table in the same report
    complete: bool = True                 # False when the reader is unsure every row was read
