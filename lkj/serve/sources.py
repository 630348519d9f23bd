"""The source beside the data: a PDF page rendered to PNG (pypdfium2), or the lines of a text source
around a cell, with the cells' places to mark on them."""
from __future__ import annotations

import io
import threading
from collections import OrderedDict

from lkj.extract.detect import detect
from lkj.extract.html_reader import is_html, page_lines
from lkj.extract.pdfium_doc import pdfium_document
from lkj.extract.text_reader import source_lines
from lkj.model.errors import InputError
from lkj.model.names import FileFormat


class PageCache:
    """Rendered pages (PNG bytes and the page size in PDF points), the most recent kept."""

    def __init__(self, size: int):
        self.size = size
        self._pages: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def page(self, path: str, page: int, dpi: int) -> tuple[bytes, float, float]:
        key = (path, page, dpi)
        with self._lock:
            if key in self._pages:
                self._pages.move_to_end(key)
                return self._pages[key]
        hit = render_page(path, page, dpi)
        with self._lock:
            self._pages[key] = hit
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)
        return hit


def page_size(path: str, page: int) -> tuple[float, float]:
    with pdfium_document(path) as pdf:
        if not 1 <= page <= len(pdf):
            raise InputError("read", f"page {page} is not in the file (it has {len(pdf)})")
        return tuple(pdf[page - 1].get_size())


def render_page(path: str, page: int, dpi: int) -> tuple[bytes, float, float]:
    """PNG of a 1-based page and its width and height in PDF points (the unit of the cells' boxes)."""
    with pdfium_document(path) as pdf:
        if not 1 <= page <= len(pdf):
            raise InputError("read", f"page {page} is not in the file (it has {len(pdf)})")
        p = pdf[page - 1]
        w, h = p.get_size()
        bitmap = p.render(scale=dpi / 72.0)
        buf = io.BytesIO()
        bitmap.to_pil().save(buf, format="PNG", optimize=False)
        bitmap.close()
        p.close()
    return buf.getvalue(), float(w), float(h)


def text_lines(path: str) -> list[str]:
    """A text source's lines, decoded and numbered as the text reader numbers them (an HTML page's:
    its lines as a browser lays them out)."""
    with open(path, "rb") as fh:
        data = fh.read()
    det = detect(data)
    if det.format != FileFormat.TEXT:
        raise InputError("read", f"{path} is not a text file")
    text = data.decode(det.encoding or "utf-8")
    if is_html(text):
        return page_lines(text)
    return source_lines(text)


def is_pdf(path: str) -> bool:
    with open(path, "rb") as fh:
        return fh.read(1024).lstrip().startswith(b"%PDF-")
