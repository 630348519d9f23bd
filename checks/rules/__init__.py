"""Importing this package registers every rule."""
from . import arithmetic, formats, missing, totals, units  # noqa: F401
