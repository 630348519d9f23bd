"""A PDF opened with pypdfium2, one PDFium user at a time in this process.

PDFium is not thread-safe: no two threads may call it at once, not even on different documents
(pypdfium2's Python API, "Incompatibility with Threading": doing so crashes or corrupts the
process).  The review server renders pages and reads page sizes in its request threads, several at
once when a browser asks for a page and a row's source together, and it may OCR an uploaded scan in
another.  So every use of pypdfium2 in the project opens its document here and does all its PDFium
work, the pages and bitmaps it makes included, inside the `with` block; the lock is held until the
document is closed.  OCR in parallel goes through processes, each with its own PDFium.

Hand-written here: only the lock around pypdfium2 (it has none of its own).
"""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

# one per process, as PDFium's own state is: a lock that guards a library's process-wide state
_PDFIUM = threading.RLock()


@contextmanager
def pdfium_document(source) -> Iterator:
    """The pypdfium2 document of `source` (a path or the file's bytes), open while the block runs
    and closed after it, with this process's PDFium lock held the whole time."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        pdf = pdfium.PdfDocument(source)
        try:
            yield pdf
        finally:
            pdf.close()
