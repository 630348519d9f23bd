"""Importing this package registers every rule."""
from . import arithmetic, crosstable, formats, missing, narrative, totals, units  # noqa: F401
