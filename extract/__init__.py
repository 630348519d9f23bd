"""The readers: one per input format, behind `read(path, settings) -> Document`.

    detect        what a file is, from its content (not its name), and the limits a kind must keep
    text_reader   text: markdown/HTML exports (tab rows), flat PDF text layers
    layout_text   space-aligned text (pdftotext -layout, fixed-width exports): columns and rows from character positions
    pdf_reader    PDF text layers: ruled tables, rule-only printouts, text (pdf_layout: the grids)
    ocr           scanned pages: deskew, rulings, cells read one by one
    docx_reader   Word documents
    image_reader  page images (TIFF with one page a frame, JPEG, PNG): read like a scanned PDF
    page_folder   when a folder is one report of page images (page_1.png ... page_10.png), their order

Reading is bounded before it starts: only a regular file is read (a FIFO, a device, a socket, a
link to one of them is refused without blocking on it), and only when its size is within the
settings' limits; `read_input` never reads more than that many bytes, whatever the file does.
"""
from __future__ import annotations

import os
import stat
from typing import Callable

from lkj.model.document import Document
from lkj.model.errors import InputError
from lkj.model.names import FileFormat
from lkj.model.settings import LimitSettings, Settings

from .detect import check_limits, detect

_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def display_name(name: str) -> str:
    """A file name or path as text that can be written anywhere (CSV, DuckDB, a terminal): bytes of
    a name that is not valid UTF-8 (surrogate escapes from the file system) shown as \\xNN."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def not_regular(mode: int) -> str | None:
    """What a file of this st_mode is when it is not a regular file (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    return next((what for test, what in _KINDS if test(mode)), "not a regular file")


def read_input(path: str, limits: LimitSettings) -> bytes:
    """The bytes of one input file, read with bounds: a regular file of at most `max_file_bytes`
    (opened without blocking, so a FIFO with no writer cannot hold the run)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError("read", f"cannot read file: {exc.strerror or exc}") from None
    try:
        st = os.fstat(fd)
        what = not_regular(st.st_mode)
        if what:
            raise InputError("read", f"not a regular file: {what}")
        if st.st_size > limits.max_file_bytes:
            raise InputError("limit", f"file of {st.st_size:,} bytes is over the limit of "
                                      f"{limits.max_file_bytes:,} bytes")
        chunks, left = [], limits.max_file_bytes + 1
        while left > 0:
            b = os.read(fd, min(left, 1 << 20))
            if not b:
                break
            chunks.append(b)
            left -= len(b)
        if left <= 0:
            raise InputError("limit", f"file grew over the limit of {limits.max_file_bytes:,} bytes while read")
        return b"".join(chunks)
    except OSError as exc:
        raise InputError("read", f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def read_bytes(path: str, data: bytes, settings: Settings,
               on_page: Callable[[int, int], None] | None = None) -> Document:
    """The Document of one input's bytes (`path` names it in the outputs); `on_page(done, pages)`
    hears of each page of a paged input as it is read."""
    det = detect(data)
    check_limits(det, data, settings.limits)
    if det.format == FileFormat.TEXT:
        from .text_reader import read_text
        doc = read_text(path, data, det, settings.layout)
    elif det.format == FileFormat.PDF:
        from .pdf_reader import read_pdf
        doc = read_pdf(path, data, settings, on_page=on_page)
    elif det.format == FileFormat.DOCX:
        from .docx_reader import read_docx
        doc = read_docx(path, data)
    elif det.format == FileFormat.IMAGE:
        from .image_reader import read_image
        doc = read_image(path, data, settings)
    else:
        raise InputError("detect", f"{det.format.value.upper()} input is not supported")
    doc.source_file = display_name(doc.source_file)
    doc.source_path = display_name(doc.source_path)
    return doc


def read(path: str, settings: Settings, on_page: Callable[[int, int], None] | None = None) -> Document:
    """The Document of one input file, or of a folder of page images of one report."""
    if os.path.isdir(path):
        from .page_folder import page_files

        pages = page_files(path)
        if pages is None:
            raise InputError("read", "a folder that is not one report of page images (read its files one by one)")
        from .image_reader import read_page_folder

        datas = []
        for p in pages:
            try:
                datas.append((p, read_input(p, settings.limits)))
            except InputError as exc:
                raise InputError(exc.stage, f"page image {os.path.basename(p)}: {exc}") from None
        doc = read_page_folder(path, datas, settings)
        doc.source_file = display_name(doc.source_file)
        doc.source_path = display_name(doc.source_path)
        return doc
    return read_bytes(path, read_input(path, settings.limits), settings, on_page)
