"""Page images -> Document: a TIFF (one page per frame), a JPEG or a PNG, or a folder of page images
of one report (extract/page_folder.py: its files in page order), is read like a scanned PDF
(extract/ocr.py: page preparation, orientation, ruled tables, words laid out by the digital pages'
own grid), then the running lines and the lines of the document as for any PDF.

The image's own resolution (its dpi tag) gives the page size in PDF points; an image without one is
taken to be a page whose short side is A4's (8.27 inches), the commonest paper of the reports.  A
page scanned below the OCR resolution is enlarged to it, as a scanned PDF page is rendered at it.
Pillow reads the images; its decompression-bomb warning is an error of the input, not terminal noise.
"""
from __future__ import annotations

import hashlib
import io
import os
import warnings

from lkj.model.document import Document
from lkj.model.errors import InputError
from lkj.model.names import FileFormat
from lkj.model.settings import Settings

from .pdf_reader import blocks_to_lines, drop_running_lines

A4_SHORT_INCH = 8.27


def _open(data: bytes):
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            im = Image.open(io.BytesIO(data))
            im.load()
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise InputError("limit", "image too large to read (over Pillow's decompression limit)") from None
        except (OSError, ValueError, SyntaxError) as exc:
            raise InputError("extract", f"corrupt or unreadable image ({str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__})") from None
    return im


def page_image(im, index: int, settings: Settings):
    """Frame `index` as a grey page image, enlarged to the OCR resolution when scanned below it;
    returns (image, pixels per PDF point)."""
    import cv2
    import numpy as np

    im.seek(index)
    frame = im.convert("L")
    gray = np.ascontiguousarray(np.asarray(frame))
    h, w = gray.shape
    dpi = im.info.get("dpi")
    dpi = float(dpi[0]) if dpi and dpi[0] and float(dpi[0]) > 30 else min(h, w) / A4_SHORT_INCH
    ocr = settings.ocr
    f = 1.0
    if dpi < ocr.dpi:
        f = ocr.dpi / dpi
    if w * h * f * f > ocr.max_pixels:
        f = (ocr.max_pixels / (w * h)) ** 0.5
    if abs(f - 1.0) > 0.02:
        gray = cv2.resize(gray, (max(1, int(w * f)), max(1, int(h * f))),
                          interpolation=cv2.INTER_CUBIC if f > 1 else cv2.INTER_AREA)
    return gray, dpi * f / 72.0


def _read_frame(args):
    from .ocr import _guarded, engines

    data, index, first_id, tessdata, settings = args
    gray, scale = page_image(_open(data), index, settings)
    return _guarded(engines(tessdata, settings.ocr.languages), gray, scale, index, first_id, settings)


def frame_count(data: bytes) -> int:
    return getattr(_open(data), "n_frames", 1)


def read_image(path: str, data: bytes, settings: Settings) -> Document:
    doc = Document(os.path.basename(path), path, hashlib.sha256(data).hexdigest(), FileFormat.IMAGE, [])
    n = frame_count(data)
    if n > settings.limits.max_pages:
        raise InputError("limit", f"image of {n:,} pages is over the limit of {settings.limits.max_pages:,} pages")
    _read_pages(doc, [(data, k) for k in range(n)], settings)
    return doc


def read_page_folder(folder: str, pages: list[tuple[str, bytes]], settings: Settings) -> Document:
    """A folder of page images of one report (extract/page_folder.py decides which, and their
    order; `pages` are their paths and bytes in that order) -> one Document, its pages in that
    order; `doc.page_names` gives each page's file (and frame, for a TIFF of several)."""
    from .page_folder import folder_sha256

    frames, names = [], []
    for p, data in pages:
        try:
            n = frame_count(data)
        except InputError as exc:
            raise InputError(exc.stage, f"page image {os.path.basename(p)}: {exc}") from None
        frames += [(data, k) for k in range(n)]
        names += [os.path.basename(p) if n == 1 else f"{os.path.basename(p)} [frame {k + 1}]" for k in range(n)]
    if len(frames) > settings.limits.max_pages:
        raise InputError("limit", f"{len(frames):,} page images, over the limit of {settings.limits.max_pages:,} pages")
    sha = folder_sha256([(os.path.basename(p), hashlib.sha256(d).hexdigest()) for p, d in pages])
    doc = Document(os.path.basename(os.path.normpath(folder)), folder, sha, FileFormat.IMAGE, [])
    doc.page_names = names
    _read_pages(doc, frames, settings)
    return doc


def _read_pages(doc: Document, frames: list[tuple[bytes, int]], settings: Settings) -> None:
    """OCR the (image bytes, frame) pages in order into the document's lines."""
    from .ocr import check_ocr, map_pages

    n = len(frames)
    doc.n_pages = n
    tessdata = check_ocr()
    jobs = [(data, k, 10_000 + 1000 * (i + 1), tessdata, settings) for i, (data, k) in enumerate(frames)]
    reads = map_pages(_read_frame, jobs, settings.ocr.workers or (os.cpu_count() or 1))
    pages = [r.blocks for r in reads]
    heights = [r.height for r in reads]
    for i, r in enumerate(reads):
        # a page's warnings name its page in the document, not its frame in its file
        doc.warnings += [w.replace(f"page {r.index + 1}:", f"page {i + 1}:", 1) for w in r.warnings]
    doc.ocr_pages = n
    drop_running_lines(pages, heights, settings.layout)
    blocks_to_lines(doc, pages)
    if not doc.lines:
        raise InputError("extract", f"nothing read by OCR on any of the {n} page images")
