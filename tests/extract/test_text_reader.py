"""The text reader: line numbers as in the source, tab rows as cells with their character spans."""
import os

from conftest import SEEDS, seed


def _read(tmp_path, text: str, name="t.txt"):
    from lkj.extract import read
    from lkj.model.settings import DEFAULT

    p = tmp_path / name
    p.write_bytes(text.encode("utf-8"))
    return read(str(p), DEFAULT)


def test_tab_rows_become_cells_with_spans(tmp_path):
    doc = _read(tmp_path, "Tabel 2.1\nNo\tIndikator\tTarget\n1\tPersentase desa\t86%\n\nteks biasa\n")
    rows = [ln for ln in doc.lines if ln.cells is not None]
    assert [ln.no for ln in rows] == [2, 3]
    cells = rows[1].cells
    assert [c.text for c in cells] == ["1", "Persentase desa", "86%"]
    assert [c.span for c in cells] == [(0, 1), (2, 17), (18, 21)]
    assert all(c.line == 3 for c in cells)
    assert len(doc.grids) == 1 and [ln.no for ln in doc.grids[0].rows] == [2, 3]
    assert doc.lines[0].cells is None and doc.lines[-1].text == "teks biasa"


def test_line_numbers_survive_form_feeds_and_crlf(tmp_path):
    doc = _read(tmp_path, "a\r\nb\x0cc\rd\n")
    assert [(ln.no, ln.text) for ln in doc.lines] == [(1, "a"), (2, "bc"), (3, "d")]


def test_seed_rows_are_cells(tmp_path):
    from lkj.extract import read
    from lkj.model.settings import DEFAULT

    doc = read(os.path.join(SEEDS, seed("004")), DEFAULT)
    row = next(ln for ln in doc.lines if ln.text.startswith("7.01.01.2.06\t"))
    assert row.cells[0].text == "7.01.01.2.06" and row.grid is not None
    assert row.cells[2].text.strip() and row.cells[2].line == row.no
