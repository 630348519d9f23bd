"""PDF -> Document: text lines and table rows with page and bounding box (PDF points).

Page by page:
- pages with a text layer: words from pdfplumber; fully ruled tables (Word exports) through
  pdfplumber's table finder; tables drawn with horizontal rules only (web printouts) through our
  own grid (extract/pdf_layout.py); the rest as text lines;
- pages without a text layer (scans): OCR (extract/ocr.py), the same grid on the rulings found in
  the image, then the same lines.
A table row reaches the parsers as a line with its cells (in column order, a wrapped cell joined
with spaces), each with its own box and OCR confidence; the rows of one table region on one page
are one grid.  A table that runs over pages repeats its header on the next page, and the parsers
join the two parts (the running header and footer lines between them are dropped here).
"""
from __future__ import annotations

import hashlib
import io
import os

from lkj.model.document import Cell, Document, Grid, Line, union_box
from lkj.model.errors import InputError
from lkj.model.names import FileFormat
from lkj.model.settings import LayoutSettings, Settings

from .page_layout import layout_page
from .pdf_chars import fast_chars
from .pdf_layout import Block, HSeg, VSeg, Word
from .running_lines import PAGE_NO, repeated_keys, running_key


def open_pdf(data: bytes):
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
        n = len(pdf.pages)
    except Exception as exc:  # pdfminer raises many kinds on broken files (pdfplumber wraps them)
        if exc.args and isinstance(exc.args[0], Exception):
            exc = exc.args[0]
        name = type(exc).__name__
        if isinstance(exc, PDFPasswordIncorrect) or "Encrypt" in name or "password" in str(exc).lower():
            raise InputError("extract", "encrypted PDF (a password is needed to open it)") from None
        msg = str(exc).splitlines()[0][:200] if str(exc) else name
        raise InputError("extract", f"corrupt or unreadable PDF ({msg})") from None
    if n == 0:
        pdf.close()
        raise InputError("extract", "PDF has no pages")
    return pdf


def page_words(page) -> list[Word]:
    return [Word(w["text"], w["x0"], w["top"], w["x1"], w["bottom"])
            for w in page.extract_words(keep_blank_chars=False, use_text_flow=False)]


def _colour(obj: dict):
    c = obj.get("non_stroking_color")
    return tuple(c) if isinstance(c, list) else c


def zebra_stripes(fills: list[tuple]) -> list[tuple]:
    """The shadings of every other row: fills of one colour over the same columns, one above the
    other with an unshaded gap between them (a shaded header, or the shaded rows of a header over
    two lines, touch or stand alone; rows shaded in two colours in turn leave no gap).  Their tops
    and bottoms are no row rules: a stripe often spans only the columns a merged cell leaves free,
    and the row between two stripes has none at all."""
    groups: dict[tuple, list[tuple]] = {}
    for f in fills:
        groups.setdefault((round(f[0]), round(f[1]), f[4]), []).append(f)

    def shaded(x0: float, x1: float, y: float) -> bool:    # rows shaded in two colours have no gap
        return any(a < x1 - 1 and b > x0 + 1 and t <= y <= u for a, b, t, u, _ in fills)

    out = []
    for same in groups.values():
        same.sort(key=lambda f: f[2])
        for k, f in enumerate(same):
            gaps = [(same[k - 1][3], f[2])] if k else []
            gaps += [(f[3], same[k + 1][2])] if k + 1 < len(same) else []
            if any(3 < b - a < 3 * (f[3] - f[2]) and not shaded(f[0], f[1], (a + b) / 2) for a, b in gaps):
                out.append(f)
    return out


def page_rules(page) -> tuple[list[HSeg], list[VSeg]]:
    return rules_of(page.horizontal_edges, page.vertical_edges, page.rects)


def rules_of(h_edges: list[dict], v_edges: list[dict], rects: list[dict]) -> tuple[list[HSeg], list[VSeg]]:
    """A page's rules from pdfplumber's edges and rectangles (dicts of theirs)."""
    # the sides of a shaded cell (a fill without a stroke, wider than a rule) are no rules: a printout
    # shading its header cells draws no column rules in its body, and one shading every other row
    # (zebra stripes, often only in the columns a merged cell leaves free) draws no row rules
    fills = [(r["x0"], r["x1"], r["top"], r["bottom"], _colour(r)) for r in rects
             if r.get("fill") and not r.get("stroke") and r["width"] > 3 and r["height"] > 3]

    stripes = zebra_stripes(fills)

    def fill_edge(e) -> bool:      # the top or bottom of a stripe, not a rule drawn along it
        return e.get("object_type") == "rect_edge" and not e.get("stroke") and any(
            abs(e["x0"] - a) <= 0.5 and abs(e["x1"] - b) <= 0.5 and (abs(e["top"] - t) <= 0.01 or abs(e["top"] - u) <= 0.01)
            and _colour(e) == colour for a, b, t, u, colour in stripes)

    hs = [HSeg(e["x0"], e["x1"], e["top"]) for e in h_edges if e["x1"] - e["x0"] > 2 and not fill_edge(e)]

    def fill_side(e) -> bool:
        return e.get("object_type") == "rect_edge" and not e.get("stroke") and any(
            (abs(e["x0"] - a) <= 0.5 or abs(e["x0"] - b) <= 0.5) and abs(e["top"] - t) <= 0.5
            and abs(e["bottom"] - u) <= 0.5 for a, b, t, u, _ in fills)

    vs = [VSeg(e["top"], e["bottom"], e["x0"]) for e in v_edges
          if e["bottom"] - e["top"] > 2 and not fill_side(e)]
    return hs, vs


def drop_running_lines(pages: list[list[Block]], heights: list[float], layout: LayoutSettings = LayoutSettings()) -> int:
    """Remove running headers/footers: text lines in the top or bottom margin that repeat (digits
    aside) on many pages, and bare page numbers there.  Returns how many were dropped."""
    def in_margin(b: Block, h: float) -> bool:
        return b.table_id is None and (b.bbox[3] < layout.margin * h or b.bbox[1] > (1 - layout.margin) * h)

    running = repeated_keys([{running_key(b.text) for b in blocks if in_margin(b, h)}
                             for blocks, h in zip(pages, heights)], layout.running_share)
    dropped = 0
    for k, (blocks, h) in enumerate(zip(pages, heights)):
        keep = []
        for b in blocks:
            if in_margin(b, h) and (running_key(b.text) in running or PAGE_NO.match(b.text.strip())):
                dropped += 1
                continue
            keep.append(b)
        pages[k] = keep
    return dropped


def blocks_to_lines(doc: Document, pages: list[list[Block]]) -> None:
    """The pages' blocks as the document's lines: text lines, and table rows whose cells take the
    line number and page; the rows of one table region of a page make one grid."""
    no = len(doc.lines)
    for pno, blocks in enumerate(pages, start=1):
        grids: dict[int, Grid] = {}
        for b in blocks:
            no += 1
            if b.cells is None:
                doc.lines.append(Line(no, b.text, pno, b.bbox))
                continue
            for c in b.cells:
                c.line, c.page = no, pno
            grid = None
            if b.table_id is not None:
                grid = grids.get(b.table_id)
                if grid is None:
                    grid = grids[b.table_id] = Grid(len(doc.grids) + 1, pno, None, source=b.source)
                    doc.grids.append(grid)
                grid.bbox = union_box([grid.bbox, b.bbox])
            doc.add_row(no, b.cells, pno, b.bbox, grid)


def read_pdf(path: str, data: bytes, settings: Settings, ocr: bool = True, on_page=None) -> Document:
    """`on_page(page, pages)` hears of each page as its text layer is read (progress)."""
    doc = Document(os.path.basename(path), path, hashlib.sha256(data).hexdigest(), FileFormat.PDF, [])
    pdf = open_pdf(data)
    limits = settings.limits
    if len(pdf.pages) > limits.max_pages:
        pdf.close()
        raise InputError("limit", f"PDF of {len(pdf.pages):,} pages is over the limit of {limits.max_pages:,} pages")
    pages: list[list[Block]] = []
    heights: list[float] = []
    scanned: list[int] = []
    with pdf:
        doc.n_pages = len(pdf.pages)
        tid = 0
        page_sizes = []
        for pno, page in enumerate(pdf.pages, start=1):
            if on_page:
                on_page(pno, doc.n_pages)
            fast_chars(page)
            page_sizes.append((float(page.width), float(page.height)))
            heights.append(float(page.height))
            words = page_words(page)
            if not words:
                pages.append([])
                if page.images and max(page_sizes[-1]) > limits.max_page_points:
                    doc.warnings.append(f"page {pno} ({page_sizes[-1][0]:.0f} x {page_sizes[-1][1]:.0f} pt) is too "
                                        f"large to render for OCR (limit {limits.max_page_points:.0f} pt a side)")
                elif page.images:
                    scanned.append(pno)
                page.close()
                continue
            hs, vs = page_rules(page)
            blocks = layout_page(words, hs, vs, float(page.width), float(page.height), page, tid, settings.layout)
            tid += 1000
            pages.append(blocks)
            page.close()               # frees the page's parsed objects: a 500-page bundle stays small
    if scanned:
        if not ocr:
            doc.warnings.append(f"{len(scanned)} of {doc.n_pages} pages are images without text (not OCRed)")
        else:
            from .ocr import ocr_pages
            for pno, res in ocr_pages(data, scanned, page_sizes, settings).items():
                pages[pno - 1] = res.blocks
                if res.height:
                    heights[pno - 1] = res.height
                doc.warnings += res.warnings
            doc.ocr_pages = len(scanned)
    drop_running_lines(pages, heights, settings.layout)
    blocks_to_lines(doc, pages)
    if not doc.lines:
        raise InputError("extract", f"no text on any of the {doc.n_pages} pages (no text layer, nothing read by OCR)")
    return doc
