"""Web printouts (horizontal rules only): pages of the synthetic dev bundles kept as their words and
rules (tests/data/printout_pages.json, taken with the reader's own page_words / page_rules), read
by the page layout as the PDF reader reads them."""
import json
import os

from lkj.extract.page_words import HSeg, VSeg, Word
from lkj.extract.page_layout import layout_page

DATA = os.path.join(os.path.dirname(__file__), "..", "data", "printout_pages.json")


def _rows(name: str) -> list[list[str]]:
    page = json.load(open(DATA))[name]
    words = [Word(t, x0, top, x1, bottom) for t, x0, top, x1, bottom in page["words"]]
    hs = [HSeg(x0, x1, y) for x0, x1, y in page["hrules"]]
    vs = [VSeg(y0, y1, x) for y0, y1, x in page["vrules"]]
    blocks = layout_page(words, hs, vs, page["width"], page["height"])
    return [[c.text for c in b.cells] for b in blocks if b.cells is not None and b.table_id is not None]


def test_a_nil_realisasi_right_aligned_past_the_gutter_goes_to_its_column():
    # a sub kegiatan row under kinerja rows: its realisasi "-" is printed right-aligned, nearer the
    # capaian label than its own, and its column holds nothing else on the page
    (row,) = [r for r in _rows("dash_beside") if "4.910.081,00" in r]
    assert row[-6:-3] == ["4.910.081,00", "-", "0%"]


def test_a_column_number_row_with_a_nested_formula_is_a_row_of_its_own():
    # "(10=(6-9)/6)" under an efisiensi column: the numbering row is not read into the header labels
    rows = _rows("numbering_formula")
    assert ["T", "R", "%"] == [c for c in rows[rows.index(next(r for r in rows if "PAGU" in r))] if c][:3]
    assert ["(1)", "(2)", "(3)", "(4)", "(5)", "(6=5/4)", "(7)", "(8)", "(9=8/7)", "(10=(6-9)/6)"] in rows
