"""Document -> reports with their metadata and raw tables.

The table finders are listed in FINDERS (name -> finder); which ones read a document is decided
once, from the document's shape: rows whose cells the reader knows are read by the grid finder;
a text layer with (almost) no such rows is flat text, read by the flat finder too.
"""
from __future__ import annotations

from typing import Callable

from lkj.model.document import Document, Line
from lkj.model.names import FileFormat
from lkj.model.parsed import ParsedDocument, RawReport, RawTable

from .flat_tables import read_flat_tables
from .grid_tables import read_grid_tables
from .metadata import document_directory, extract_meta
from .places import LineMentions, line_parts
from .segment import segment

# a table finder reads the tables of lines[lo:hi] of a document (the grid finder also takes the
# report's year, for headers that repeat their columns per year)
TableFinder = Callable[..., list[RawTable]]
FINDERS: dict[str, TableFinder] = {"grid": read_grid_tables, "flat": read_flat_tables}


def is_flat(doc: Document) -> bool:
    """A text layer without table structure: (almost) no line is a row whose cells the reader knows."""
    if doc.grids and doc.is_paged:
        return False
    rows = sum(1 for ln in doc.lines if ln.cells is not None)
    return rows < max(5, len(doc.lines) // 200)


def parse_document(doc: Document) -> ParsedDocument:
    flat = is_flat(doc)
    finders = ["grid"] + (["flat"] if flat else [])
    segs = segment(doc.lines)
    if doc.is_paged:
        _to_page_tops(segs, doc.lines)
    parts = [line_parts(ln) for ln in doc.lines]          # each line's texts, split once for every report
    line_places = LineMentions(parts)                     # their place mentions, read once for every report
    places = line_places.mentions()
    directory = document_directory(doc.lines)
    paged = doc.is_paged
    reports: list[RawReport] = []
    for s in segs:
        lines = doc.lines[s.start:s.end]
        if not lines:
            continue
        rep = RawReport(
            seq=len(reports) + 1,
            line_start=None if paged else lines[0].no,
            line_end=None if paged else lines[-1].no,
            page_start=lines[0].page if paged else None,
            page_end=lines[-1].page if paged else None,
            lines=lines,
            doc_kind=s.doc_kind,
        )
        found = {name: FINDERS[name](doc.lines, s.start, s.end) for name in finders}
        rep.tables = _in_order(found)
        rep.meta = extract_meta(rep, places, directory, parts[s.start:s.end], line_places.mentions(s.start, s.end))
        again = [name for name, tables in found.items()
                 if rep.meta.year and any(t.years and t.years[-1] != rep.meta.year for t in tables)]
        for name in again:
            # a header repeated per year ("Target 2019 | Target 2020 ..."): read again with the
            # report's year, which says whose columns are the report's own (the metadata reads the
            # tables' titles, so it comes first)
            found[name] = FINDERS[name](doc.lines, s.start, s.end, year=rep.meta.year)
        if again:
            rep.tables = _in_order(found)
        reports.append(rep)
    # space-aligned text (grids read from character columns) wraps its paragraphs as a PDF does; a
    # Word document's paragraphs are whole (paged only by its page breaks)
    laid_out = any(g.source == "columns" for g in doc.grids)
    wrapped = flat or laid_out or (paged and doc.format != FileFormat.DOCX)
    return ParsedDocument(reports, flat=flat, wrapped=wrapped, spaced=laid_out, elided=doc.elided)


def _in_order(found: dict[str, list[RawTable]]) -> list[RawTable]:
    return sorted((t for tables in found.values() for t in tables), key=lambda t: t.line_start or 0)


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
        while j > prev.start and i - j < most and lines[j - 1].page == page and lines[j - 1].grid is None:
            j -= 1
        if j < i and (j == 0 or lines[j - 1].page != page):
            seg.start = j
            prev.end = j
