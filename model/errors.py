"""The one exception every stage raises for a problem with one input file."""
from __future__ import annotations


class InputError(Exception):
    """A problem with one input file; its message is the one-line reason shown to the user and
    written to failures.csv, `stage` says where it happened (read, detect, decode, extract, ocr,
    parse, check, limit)."""

    def __init__(self, stage: str, message: str):
        super().__init__(message)
        self.stage = stage
