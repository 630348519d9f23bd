"""A finding of a check."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Anomaly:
    rule: str
    severity: str                  # a Severity
    message: str
    table_seq: int | None = None
    row_index: int | None = None
    field: str | None = None
    reported: str | None = None
    expected: str | None = None
    line: int | None = None
    page: int | None = None
