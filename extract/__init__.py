"""The readers: one per input format, behind `read(path, settings) -> Document`.

    detect        what a file is, from its content (not its name)
    text_reader   text: markdown/HTML exports (tab rows), flat PDF text layers
    layout_text   space-aligned text (pdftotext -layout, fixed-width exports): columns and rows from character positions
    pdf_reader    PDF text layers: ruled tables, rule-only printouts, text (pdf_layout: the grids)
    ocr           scanned pages: deskew, rulings, cells read one by one
    docx_reader   Word documents
"""
from __future__ import annotations

from lkj.model.document import Document
from lkj.model.errors import InputError
from lkj.model.names import FileFormat
from lkj.model.settings import Settings

from .detect import detect


def read_bytes(path: str, data: bytes, settings: Settings) -> Document:
    """The Document of one input's bytes (`path` names it in the outputs)."""
    det = detect(data)
    if det.format == FileFormat.TEXT:
        from .text_reader import read_text
        return read_text(path, data, det, settings.layout)
    if det.format == FileFormat.PDF:
        from .pdf_reader import read_pdf
        return read_pdf(path, data, settings)
    if det.format == FileFormat.DOCX:
        from .docx_reader import read_docx
        return read_docx(path, data)
    raise InputError("detect", f"{det.format.value.upper()} input is not supported")


def read(path: str, settings: Settings) -> Document:
    """The Document of one input file."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError("read", f"cannot read file: {exc.strerror or exc}") from None
    return read_bytes(path, data, settings)
