"""Importing this package registers every rule."""
from . import arithmetic, formats, missing, narrative, totals, units  # noqa: F401
