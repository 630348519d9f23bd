"""A finding of a check: a report anomaly, or (with `doubt`) a finding the pipeline could not settle
because a value it compares was not read with confidence."""
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
    doubt: str | None = None       # why the finding is not sure (a value read by OCR with low confidence,
                                   # a table read incompletely): then it is no report anomaly but a doubt
