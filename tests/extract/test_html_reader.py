"""HTML pages (a report published as a web page, saved from the browser): lines in the order a browser
lays them out, each table a grid whose merged cells stand in their first row and column."""
import html
import os

from conftest import SEEDS, seed


def _read(tmp_path, text: str, name="page.html"):
    from lkj.extract import read
    from lkj.model.settings import DEFAULT

    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return read(str(p), DEFAULT)


PAGE = """<!DOCTYPE html>
<html><head><title>e-SAKIP</title><style>td { border: 1px solid }</style>
<script>var t = "<table><tr><td>bukan</td></tr></table>";</script></head>
<body><h2>LAPORAN KINERJA TRIWULAN I</h2><p>Kecamatan Contoh &amp; sekitarnya,&nbsp;2024</p>
<table border="1">
<tr><th rowspan="2">No</th><th rowspan="2">Sasaran</th><th rowspan="2">Indikator</th><th colspan="2">Kinerja</th></tr>
<tr><th>Target</th><th>Realisasi</th></tr>
<tr><td>1</td><td rowspan="2"><p>Meningkatnya</p><p>pelayanan</p></td><td>Persentase surat selesai</td><td>90%</td><td>85%</td></tr>
<tr><td>2</td><td>Indeks kepuasan</td><td>3,5</td><td>3,6</td></tr>
</table><p>Demikian laporan ini.<br>Camat Contoh</p></body></html>"""


def test_page_lines_and_a_table_with_merged_cells(tmp_path):
    doc = _read(tmp_path, PAGE)
    texts = [ln.text for ln in doc.lines if ln.cells is None]
    assert texts == ["LAPORAN KINERJA TRIWULAN I", "Kecamatan Contoh & sekitarnya, 2024",
                     "Demikian laporan ini.", "Camat Contoh"]          # no script, style or title
    rows = [[c.text for c in ln.cells] for ln in doc.lines if ln.cells is not None]
    assert rows == [["No", "Sasaran", "Indikator", "Kinerja", ""],
                    ["", "", "", "Target", "Realisasi"],
                    ["1", "Meningkatnya pelayanan", "Persentase surat selesai", "90%", "85%"],
                    ["2", "", "Indeks kepuasan", "3,5", "3,6"]]
    assert len(doc.grids) == 1 and doc.grids[0].source == "html"
    assert [ln.no for ln in doc.lines] == list(range(1, 9))            # numbered as laid out
    assert all(c.line == ln.no for ln in doc.lines if ln.cells for c in ln.cells)


def test_a_page_laid_out_with_a_table_keeps_its_text_and_inner_tables(tmp_path):
    doc = _read(tmp_path, "<html><body><table><tr><td>PEMERINTAH KABUPATEN CONTOH</td></tr>"
                          "<tr><td>Menu</td><td><h3>BAB II</h3><p>Tabel 2.1</p>"
                          "<table><tr><td>No</td><td>Program</td><td>Pagu</td></tr>"
                          "<tr><td>1</td><td>Penunjang Urusan</td><td>1.000.000</td></tr></table>"
                          "<p>Sumber: data</p></td></tr></table></body></html>")
    lines = [(ln.text, ln.cells is not None) for ln in doc.lines]
    assert lines[:6] == [("PEMERINTAH KABUPATEN CONTOH", False), ("Menu", False), ("BAB II", False),
                         ("Tabel 2.1", False), ("No\tProgram\tPagu", True), ("1\tPenunjang Urusan\t1.000.000", True)]
    assert lines[6:] == [("Sumber: data", False)]          # the banner row above is kept, in its place
    assert len(doc.grids) == 1


def test_text_with_tags_inside_is_not_a_page(tmp_path):
    doc = _read(tmp_path, "Tabel 1\n<b>No</b>\t<b>Indikator</b>\t<b>Target</b>\n1\tPersentase desa\t86%\n")
    assert doc.grids[0].source == "tabs"


def _as_page(text: str) -> str:
    """A tab-row export as a web page: each block of tab rows a table (bold cells its header
    cells), each other line a paragraph; all on one line, as saved pages often are."""
    out, rows = ["<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"], []

    def table():
        if rows:
            out.append("<table>" + "".join(rows) + "</table>")
            rows.clear()

    for ln in text.split("\n"):
        if "\t" in ln:
            tag = "th" if "<b>" in ln else "td"
            rows.append("<tr>" + "".join(f"<{tag}>{html.escape(c.replace('<b>', '').replace('</b>', '').strip())}</{tag}>"
                                         for c in ln.split("\t")) + "</tr>")
        elif ln.strip():
            table()
            out.append(f"<p>{html.escape(ln.strip())}</p>")
    table()
    return "".join(out) + "</body></html>"


def test_a_report_as_a_web_page_reads_as_its_tab_export(tmp_path):
    """Seed 004 (an LRA with kode rekening and a capaian table, exported with tab rows) as a web page:
    the same rows, the same values."""
    from lkj.extract import read
    from lkj.model.settings import DEFAULT
    from lkj.pipeline import process_document

    src = open(os.path.join(SEEDS, seed("004")), encoding="utf-8").read()
    (tmp_path / "page.html").write_text(_as_page(src), encoding="utf-8")
    tabs = process_document(read(os.path.join(SEEDS, seed("004")), DEFAULT), DEFAULT).records
    page = process_document(read(str(tmp_path / "page.html"), DEFAULT), DEFAULT).records
    keys = ("table_kind", "kode", "name", "indikator", "target", "realisasi", "capaian", "pagu", "realisasi_anggaran")
    assert len(page["rows"]) == len(tabs["rows"]) > 20
    assert [tuple(r.get(k) for k in keys) for r in page["rows"]] == [tuple(r.get(k) for k in keys) for r in tabs["rows"]]
    meta = ("kecamatan", "year", "quarter", "signer_name", "signer_nip")
    assert [tuple(r[k] for k in meta) for r in page["reports"]] == [tuple(r[k] for k in meta) for r in tabs["reports"]]


def test_the_review_page_shows_a_page_as_its_lines_are_numbered(tmp_path):
    from lkj.serve.sources import text_lines

    doc = _read(tmp_path, PAGE)
    lines = text_lines(str(tmp_path / "page.html"))
    assert lines == [ln.text for ln in doc.lines]
    row = next(ln for ln in doc.lines if ln.cells and ln.cells[0].text == "2")
    assert lines[row.no - 1] == "2\t\tIndeks kepuasan\t3,5\t3,6"


def test_a_page_laid_out_with_a_table_of_paragraphs_is_text(tmp_path):
    body = "".join(f"<p>Paragraf {k} dari laporan kinerja kecamatan, cukup panjang untuk sebuah halaman "
                   f"yang berisi uraian pelaksanaan kegiatan.</p>" for k in range(1, 5))
    doc = _read(tmp_path, f"<html><body><table><tr><td>Beranda</td><td>{body}</td></tr></table>"
                          "<table><tr><td>No</td><td>Program</td></tr><tr><td>1</td><td>Penunjang</td></tr></table>"
                          "</body></html>")
    texts = [ln.text for ln in doc.lines if ln.cells is None]
    assert texts[0] == "Beranda" and texts[1].startswith("Paragraf 1 ") and texts[4].startswith("Paragraf 4 ")
    assert [[c.text for c in ln.cells] for ln in doc.lines if ln.cells] == [["No", "Program"], ["1", "Penunjang"]]
