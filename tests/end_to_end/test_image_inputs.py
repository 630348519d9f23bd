"""Page images as inputs: a folder of page images of one report reads as that report (its values
equal those of the scanned PDF the pages come from), every page file is listed; and one worker
means one process, OCR included."""
import os

import pytest
from conftest import SHARED, read_csv

SCAN = os.path.join(SHARED, "corpus", "pdf", "002_9775546dd054ce8e.scanned.pdf")
PAGES = [0, 3, 4]                   # the cover and two pages of tables


@pytest.fixture(scope="module")
def folder_and_pdf(tmp_path_factory):
    """One run over a folder holding a scanned PDF of three pages and, in a subfolder, the same
    three pages as PNG files named page_8, page_9, page_10 (natural order is not the names' order)."""
    import pypdfium2 as pdfium

    from lkj.pipeline import run

    top = tmp_path_factory.mktemp("inputs")
    src = pdfium.PdfDocument(SCAN)
    part = pdfium.PdfDocument.new()
    part.import_pages(src, PAGES)
    part.save(str(top / "scan.pdf"))
    pages = top / "scan_pages"
    pages.mkdir()
    for no, index in zip((8, 9, 10), PAGES):
        img = src[index].render(scale=200 / 72, grayscale=True).to_pil()
        img.save(str(pages / f"page_{no}.png"), dpi=(200, 200))
    src.close()
    out = top / "out"
    run([str(top)], str(out))
    return top, {n: read_csv(out / f"{n}.csv") for n in ("reports", "rows", "cells", "files", "failures")}


def _values(rows, source):
    skip = {"row_id", "report_id", "source_file", "bbox"}
    return [{k: v for k, v in r.items() if k not in skip} for r in rows if r["source_file"] == source]


def _boxes(rows, source):
    return [[float(v) for v in r["bbox"].split(",")] if r["bbox"] else [] for r in rows if r["source_file"] == source]


def _near(a, b, tol=1.0):
    """Boxes within `tol` points: the page images' size in points comes from their own resolution, the
    PDF's from its page size (a few tenths of a point apart)."""
    return len(a) == len(b) and all(len(x) == len(y) and all(abs(p - q) <= tol for p, q in zip(x, y))
                                    for x, y in zip(a, b))


def test_page_folder_reads_as_the_scanned_pdf(folder_and_pdf):
    top, res = folder_and_pdf
    assert res["failures"] == []
    assert {r["source_file"] for r in res["reports"]} == {"scan.pdf", "scan_pages"}
    pdf_rows, folder_rows = _values(res["rows"], "scan.pdf"), _values(res["rows"], "scan_pages")
    assert len(pdf_rows) >= 5
    assert folder_rows == pdf_rows
    assert _near(_boxes(res["rows"], "scan_pages"), _boxes(res["rows"], "scan.pdf"))
    pdf_cells = [(c["field"], c["raw"], c["page"]) for c in res["cells"] if c["source_file"] == "scan.pdf"]
    folder_cells = [(c["field"], c["raw"], c["page"]) for c in res["cells"] if c["source_file"] == "scan_pages"]
    assert folder_cells == pdf_cells
    # each cell of the folder names its page's file: page 2 of the document is page_9.png
    names = {(c["page"], c["page_file"]) for c in res["cells"] if c["source_file"] == "scan_pages"}
    assert names <= {("1", "page_8.png"), ("2", "page_9.png"), ("3", "page_10.png")} and len(names) >= 2
    assert all(not c["page_file"] for c in res["cells"] if c["source_file"] == "scan.pdf")


def test_every_page_file_is_listed(folder_and_pdf):
    top, res = folder_and_pdf
    files = {os.path.relpath(f["path"], top): f for f in res["files"]}
    assert files["scan_pages"]["status"] == "done" and files["scan_pages"]["pages"] == "3"
    assert files["scan.pdf"]["status"] == "done"
    for k, name in enumerate(("page_8.png", "page_9.png", "page_10.png"), start=1):
        f = files[os.path.join("scan_pages", name)]
        assert f["status"] == "skipped" and f"page {k} of 3" in f["reason"], f


def test_one_worker_is_one_process_ocr_included(tmp_path, monkeypatch):
    """LKJ_WORKERS=1: a scanned PDF of several pages is read in the worker's own process (no pool of
    OCR processes), the pages one after another."""
    import pypdfium2 as pdfium

    from lkj.extract import ocr
    from lkj.settings import resolve

    src = pdfium.PdfDocument(SCAN)
    part = pdfium.PdfDocument.new()
    part.import_pages(src, [3, 4])
    p = tmp_path / "two.pdf"
    part.save(str(p))
    src.close()
    settings = resolve(environ={"LKJ_WORKERS": "1"})
    assert settings.workers == 1 and settings.ocr.workers == 1

    def no_pool(*a, **kw):
        raise AssertionError("an OCR process pool was started with one worker")

    monkeypatch.setattr(ocr, "ProcessPoolExecutor", no_pool)
    pids = []
    real = ocr._read_pdf_page
    monkeypatch.setattr(ocr, "_read_pdf_page", lambda job: pids.append(os.getpid()) or real(job))
    from lkj.extract import read

    doc = read(str(p), settings)
    assert doc.ocr_pages == 2 and pids == [os.getpid()] * 2
