"""Document -> reports with their metadata and raw tables."""
from __future__ import annotations

from extract.document import Document

from .flat_tables import read_flat_tables
from .metadata import document_directory, document_places, extract_meta
from .records import RawReport
from .segment import segment
from .tsv_tables import read_tsv_tables


def parse_document(doc: Document) -> list[RawReport]:
    segs = segment(doc.lines)
    if doc.is_paged:
        _to_page_tops(segs, doc.lines)
    places = document_places(doc.lines)
    directory = document_directory(doc.lines)
    tabbed = sum(1 for l in doc.lines if "\t" in l.text)
    gridded = any(l.cells for l in doc.lines)      # the reader knew the table cells (PDF grid, DOCX)
    by_no = {l.no: l for l in doc.lines} if doc.is_paged else {}
    reports: list[RawReport] = []
    for k, s in enumerate(segs):
        lines = doc.lines[s.start:s.end]
        if not lines:
            continue
        paged = doc.is_paged
        rep = RawReport(
            seq=len(reports) + 1,
            line_start=None if paged else lines[0].no,
            line_end=None if paged else lines[-1].no,
            page_start=lines[0].page if paged else None,
            page_end=lines[-1].page if paged else None,
            lines=lines,
            doc_kind=s.doc_kind,
        )
        tables = read_tsv_tables(doc.lines, s.start, s.end)
        if not gridded and tabbed < max(5, len(doc.lines) // 200):
            tables = tables + read_flat_tables(doc.lines, s.start, s.end)
            tables.sort(key=lambda t: t.line_start or 0)
        if paged:
            locate(tables, by_no)
        rep.tables = tables
        rep.meta = extract_meta(rep, places, directory)
        reports.append(rep)
    return reports


def _to_page_tops(segs, lines, most: int = 3) -> None:
    """A report that starts a few lines below the top of its page (under a running banner such as
    "e-SAKIP Sistem Akuntabilitas ...") starts at the top of that page: the lines above its title
    belong to it, not to the report before."""
    for prev, seg in zip(segs, segs[1:]):
        i = seg.start
        if i <= prev.start or i >= len(lines):
            continue
        page = lines[i].page
        j = i
        while j > prev.start and i - j < most and lines[j - 1].page == page and not lines[j - 1].cells:
            j -= 1
        if j < i and (j == 0 or lines[j - 1].page != page):
            seg.start = j
            prev.end = j


def locate(tables, by_no: dict) -> None:
    """Paged inputs: give every row and cell its page and box (PDF points) from the line it was read
    (`by_no`: line number -> Line); a cell's box is the box of the reader's cell with the same text."""
    for t in tables:
        pages = []
        for r in t.rows:
            ln = by_no.get(r.line)
            if ln is None:
                continue
            r.page, r.bbox = ln.page, ln.bbox
            pages.append(ln.page)
            for c in r.cells.values():
                cl = by_no.get(c.line, ln)
                c.page = cl.page
                if cl.cells:
                    same = next((x for x in cl.cells if x.text and x.text == c.text), None)
                    if same is not None:
                        c.bbox, c.conf = same.bbox, same.conf
        if pages:
            t.page_start, t.page_end = min(pages), max(pages)
