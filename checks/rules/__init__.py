"""Importing this package registers every rule."""
from . import arithmetic, crosstable, formats, missing, narrative, ocr, totals, units  # noqa: F401
