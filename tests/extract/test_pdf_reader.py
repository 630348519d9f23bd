"""The PDF reader on real fixtures: text layers, scans read cell by cell, mixed files; every cell
keeps its own box and OCR confidence."""
import os

from conftest import ROOT

PDF = os.path.join(ROOT, "corpus", "pdf")


def _pages(src: str, pages: list[int]) -> bytes:
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    for path, idx in [(src, p) for p in pages] if isinstance(src, str) else src:
        s = pdfium.PdfDocument(path)
        out.import_pages(s, [idx])
    import io
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def test_scanned_page_read_cell_by_cell(tmp_path):
    """Page 4 of the 002 scan: the capaian table, OCRed cell by cell ("50%" must not become "5096")."""
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(_pages(os.path.join(PDF, "002_9775546dd054ce8e.scanned.pdf"), [3]))
    from lkj.extract import read
    from lkj.model.settings import DEFAULT

    doc = read(str(pdf), DEFAULT)
    assert doc.ocr_pages == 1
    rows = [l for l in doc.lines if l.cells]
    text = "\n".join(l.text for l in rows)
    assert "%" in text and "5096" not in text and "10096" not in text
    assert all(c.conf is not None for l in rows for c in l.cells if c.text)


def test_mixed_pdf_digital_and_scanned_pages(tmp_path):
    word = os.path.join(PDF, "002_9775546dd054ce8e.word.pdf")
    scan = os.path.join(PDF, "002_9775546dd054ce8e.scanned.pdf")
    pdf = tmp_path / "mixed.pdf"
    pdf.write_bytes(_pages([(word, 0), (word, 1), (scan, 3)], []))
    from lkj.extract import read
    from lkj.model.settings import DEFAULT

    doc = read(str(pdf), DEFAULT)
    assert doc.n_pages == 3 and doc.ocr_pages == 1
    assert {l.page for l in doc.lines} == {1, 2, 3}
    assert any(l.cells for l in doc.lines if l.page == 3)


def test_three_equal_cells_keep_their_own_box_and_confidence(tmp_path):
    """Page 6 of the 002 scan: a cost-per-outcome row whose target, realisasi and capaian all read
    "100%".  Each cell keeps the box and OCR confidence of its own cell on the page, through the
    parser and the normaliser into the dataset's cells."""
    from lkj.extract import read
    from lkj.model.settings import DEFAULT
    from lkj.normalizers.normalise import normalise_tables
    from lkj.parsers.report_parser import parse_document

    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(_pages(os.path.join(PDF, "002_9775546dd054ce8e.scanned.pdf"), [5]))
    doc = read(str(pdf), DEFAULT)
    parsed = parse_document(doc)
    rows = [r for rep in parsed.reports for t in normalise_tables(rep.tables, None, DEFAULT.match) for r in t.rows
            if r.raw.get("target") == r.raw.get("realisasi") == r.raw.get("capaian") == "100%"]
    assert rows
    for r in rows:
        boxes = [r.cells[f].bbox for f in ("target", "realisasi", "capaian")]
        assert all(boxes) and len(set(boxes)) == 3
        xs = [b[0] for b in boxes]
        assert xs == sorted(xs)                   # target left of realisasi left of capaian
        confs = [r.conf(f) for f in ("target", "realisasi", "capaian")]
        assert all(c is not None for c in confs)
        # each confidence is its own cell's: the reader's cell under each box
        by_box = {c.bbox: c.conf for ln in doc.lines if ln.cells for c in ln.cells}
        assert confs == [by_box[b] for b in boxes]
