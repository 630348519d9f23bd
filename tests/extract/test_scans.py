"""Scans and page images built from the shared PDFs: a digital page rendered to pixels (at 150 dpi,
turned, saved as TIFF, JPEG or an image-only PDF) must read back the numbers its own text layer
holds; and a printout whose table runs over a page break reads as one table."""
import io
import json
import os
import re

import pytest
from conftest import SHARED

PDF = os.path.join(SHARED, "corpus", "pdf")
WORD = os.path.join(PDF, "001_c564c03b0f034995.word.pdf")
BORDERLESS = os.path.join(PDF, "002_9775546dd054ce8e.borderless.pdf")
_NUMBER = re.compile(r"\d[\d.,]*%?")


def _render(path: str, index: int, dpi: int):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        return doc[index].render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L")
    finally:
        doc.close()


def _printed_numbers(path: str, index: int) -> list[str]:
    """The numbers of a page's table cells as its text layer has them (digits only), from the
    digital page itself: what an OCR of its rendering must give back."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        words = pdf.pages[index].extract_words()
    return [re.sub(r"\D", "", w["text"]) for w in words
            if _NUMBER.fullmatch(w["text"]) and len(re.sub(r"\D", "", w["text"])) >= 2]


def _read_numbers(doc, page: int | None = None) -> list[str]:
    """The numbers read, digits only: of the table cells, and of the text lines."""
    texts = [c.text for ln in doc.lines if page in (None, ln.page) for c in (ln.cells or [])]
    texts += [ln.text for ln in doc.lines if page in (None, ln.page) and not ln.cells]
    return [re.sub(r"\D", "", t) for x in texts for t in _NUMBER.findall(x.replace(" ", ""))]


def _share_found(expected: list[str], got: list[str]) -> float:
    left = list(got)
    hit = 0
    for e in expected:
        if e in left:
            left.remove(e)
            hit += 1
    return hit / max(1, len(expected))


def _read_file(tmp_path, name: str, data: bytes):
    from lkj.extract import read
    from lkj.model.settings import DEFAULT

    p = tmp_path / name
    p.write_bytes(data)
    return read(str(p), DEFAULT)


def _save(img, fmt: str, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **kw)
    return buf.getvalue()


def test_150_dpi_scan_of_a_ruled_table(tmp_path):
    """A Word export's ruled capaian table rendered at 150 dpi into an image-only PDF: OCR gives
    back the numbers of its text layer, cell by cell in a grid."""
    img = _render(WORD, 3, 150)
    doc = _read_file(tmp_path, "scan.pdf", _save(img, "PDF", resolution=150.0))
    assert doc.ocr_pages == 1
    expected = _printed_numbers(WORD, 3)
    assert len(expected) >= 20
    assert _share_found(expected, _read_numbers(doc)) >= 0.9
    assert doc.grids                              # the numbers sit in a table grid, not in text lines


def test_page_turned_by_90_degrees(tmp_path):
    """The same page scanned sideways (a PNG turned a quarter clockwise): read upright."""
    img = _render(WORD, 3, 150).rotate(-90, expand=True)
    doc = _read_file(tmp_path, "sideways.png", _save(img, "PNG", dpi=(150, 150)))
    assert doc.format.value == "image" and doc.n_pages == 1
    assert _share_found(_printed_numbers(WORD, 3), _read_numbers(doc)) >= 0.85


def test_page_upside_down(tmp_path):
    """The same page fed upside down: its words read unsurely as it stands, so it is tested and
    read again turned half round; the numbers come back."""
    img = _render(WORD, 3, 150).rotate(180)
    doc = _read_file(tmp_path, "upside_down.png", _save(img, "PNG", dpi=(150, 150)))
    assert _share_found(_printed_numbers(WORD, 3), _read_numbers(doc)) >= 0.85


def test_borderless_table_on_a_scan(tmp_path):
    """A web printout (rules only under the header, columns set apart by white space) scanned:
    the OCR words go to the same gutter grid as a digital page's, so the numbers land in cells."""
    img = _render(BORDERLESS, 3, 200)
    doc = _read_file(tmp_path, "printout_scan.pdf", _save(img, "PDF", resolution=200.0))
    rows = [ln for ln in doc.lines if ln.cells]
    assert len(rows) >= 5 and max(len(ln.cells) for ln in rows) >= 5
    assert _share_found(_printed_numbers(BORDERLESS, 3), _read_numbers(doc)) >= 0.85


def test_tiff_with_two_pages(tmp_path):
    """A two-page TIFF is one document of two pages, each page's numbers read."""
    a, b = _render(WORD, 3, 150), _render(WORD, 4, 150)
    data = _save(a, "TIFF", save_all=True, append_images=[b], dpi=(150, 150), compression="tiff_lzw")
    doc = _read_file(tmp_path, "bundle.tif", data)
    assert doc.n_pages == 2 and doc.ocr_pages == 2
    for page, index in ((1, 3), (2, 4)):
        got = _read_numbers(doc, page)
        assert _share_found(_printed_numbers(WORD, index), got) >= 0.85, page


def test_jpeg_page(tmp_path):
    """A JPEG photo-quality page (lossy compression) reads like a scan."""
    img = _render(WORD, 4, 150)
    doc = _read_file(tmp_path, "page.jpg", _save(img, "JPEG", quality=80, dpi=(150, 150)))
    assert doc.n_pages == 1
    assert _share_found(_printed_numbers(WORD, 4), _read_numbers(doc)) >= 0.85


def test_an_unreadable_image_is_a_failure_not_a_crash(tmp_path):
    from lkj.model.errors import InputError

    with pytest.raises(InputError):
        _read_file(tmp_path, "broken.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50)


def test_printout_table_over_two_pages(tmp_path):
    """A web printout whose capaian table starts on one page and goes on under a repeated header on
    the next: one table, every row of the truth with its target and capaian, rows on both pages."""
    import pypdfium2 as pdfium

    from lkj.extract import read
    from lkj.model.settings import DEFAULT
    from lkj.normalizers.normalise import normalise_tables
    from lkj.parsers.report_parser import parse_document

    src = os.path.join(PDF, "001_c564c03b0f034995.borderless.pdf")
    out = pdfium.PdfDocument.new()
    out.import_pages(pdfium.PdfDocument(src), [0, 1, 2, 3])
    p = tmp_path / "two_pages.pdf"
    out.save(str(p))
    truth = json.load(open(src.replace(".pdf", ".truth.json")))
    want = next(t for t in truth["reports"][0]["tables"] if t["kind"] == "capaian")["rows"]
    parsed = parse_document(read(str(p), DEFAULT))
    tables = [t for rep in parsed.reports for t in normalise_tables(rep.tables, None, DEFAULT.match)
              if t.kind == "capaian"]
    assert len(tables) == 1
    rows = tables[0].rows
    assert len({r.page for r in rows}) == 2
    assert [r.num.get("target") for r in rows] == [w.get("target") for w in want]
    assert [r.num.get("capaian") for r in rows] == [w.get("capaian") for w in want]
