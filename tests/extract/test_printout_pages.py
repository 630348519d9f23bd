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


def test_rules_drawn_cell_by_cell_bound_a_table():
    # a browser's printout draws each cell's border on its own: the rules are short segments that
    # abut; the table is found across them and its columns are where they join
    rows = _rows("cell_borders")
    assert ["1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "Rp 2.648.039.800,00"] in rows
    assert ["6", "Program Pembinaan dan Pengawasan Pemerintahan Desa", "Rp 34.132.021,00"] in rows


def test_the_sides_of_shaded_cells_are_no_column_rules():
    from types import SimpleNamespace

    from lkj.extract.pdf_reader import page_rules

    def edge(x, top, bottom, kind, stroke=False):
        return {"x0": x, "x1": x, "top": top, "bottom": bottom, "object_type": kind, "stroke": stroke}

    shade = {"x0": 48.7, "x1": 63.7, "top": 221.2, "bottom": 234.0, "width": 15.0, "height": 12.8, "fill": True,
             "stroke": False}
    page = SimpleNamespace(
        horizontal_edges=[], rects=[shade],
        vertical_edges=[edge(48.7, 221.2, 234.0, "rect_edge"), edge(63.7, 221.2, 234.0, "rect_edge"),
                        edge(300.0, 221.2, 400.0, "line", stroke=True)])
    _hs, vs = page_rules(page)
    assert [v.x for v in vs] == [300.0]


def test_top_aligned_wrapped_cells_with_little_padding_split_at_each_row():
    # rows set apart by 1pt of padding only: the gap between two rows is little wider than the
    # one between two lines of a wrapped cell; each row keeps its own sasaran and indikator
    rows = _rows("top_aligned_small_pad")
    assert ["3", "Meningkatnya Kualitas Fasilitasi Pemberdayaan Masyarakat Desa dan Kelurahan",
            "Rata-rata persentase fasilitasi pemberdayaan masyarakat", "90%"] in rows
    assert ["6", "Meningkatnya tertib administrasi pemerintahan desa",
            "Presentase dokumen administrasi pemerintahan desa yang ditetapkan tepat waktu", "89%"] in rows


def test_numbered_one_line_rows_close_together_are_rows_of_their_own():
    # a budget table whose rows are one line each, no wider apart than a cell's leading: the next
    # row number and the cells level with it begin a row
    rows = _rows("top_aligned_small_pad")
    assert ["1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "Rp 2.432.619.119,-"] in rows
    assert ["2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Rp 5.740.000,-"] in rows


def test_a_header_ruled_cell_by_cell_ends_where_a_table_runs_over_the_page_break():
    # the rule under the header is drawn cell by cell and the table has no rule at the page's
    # bottom: the header still ends at that rule (its segments cover the width together)
    rows = _rows("top_aligned_small_pad")
    assert ["NO", "SASARAN KEGIATAN", "INDIKATOR KINERJA", "TARGET", "REALISASI", "CAPAIAN 5=4/5", "KET"] in rows
    assert ["2", "Meningkatnya akuntabilitas pemerintahan desa",
            "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu",
            "100%", "100%", "100%", "Tercapai"] in rows


def test_values_centred_in_tall_rows_do_not_split_their_row():
    # cells centred in rows with wide padding: the number, sasaran and target of a row start
    # lower than its wrapped indikator; the first text of a cell since the last cut makes no cut
    rows = _rows("centred_big_pad")
    assert ["1", "Meningkatnya Kualitas Fasilitasi Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
            "Presentase Pemenuhan fasilitasi operasional Perkantoran", "95%"] in rows
    assert ["3", "Meningkatnya Kualitas Fasilitasi Pemberdayaan Masyarakat Desa dan Kelurahan",
            "Rata-rata persentase fasilitasi pemberdayaan masyarakat", "90%"] in rows
    assert ["1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "Rp 2.432.619.119,-"] in rows


def test_a_budget_table_run_over_the_page_break_keeps_rows_wrapped_in_capitals():
    # the table has no rule at the page's bottom; a programme's name in capitals wraps onto a line
    # of its own (that line is the rest of a cell, not a heading), and one-line rows follow each
    # other no farther apart than a cell's lines: each account code begins a row
    rows = _rows("budget_rows_to_page_break")
    assert ["7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "1.191.516.005,00",
            "538.428.805,00", "653.087.200,00", "45,19%"] in rows
    assert ["7.01.01.2.01.04", "Koordinasi dan Penyusunan DPA-SKPD", "1.598.000,00", "-", "1.598.000,00", "0,00%"] in rows
    assert ["7.01.01.2.01.06", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
            "2.539.000,00", "777.000,00", "1.762.000,00", "30,60%"] in rows


def test_a_group_label_across_a_cell_edge_of_the_rule_above_is_no_paragraph():
    # a browser draws the rule above a header cell spanning two columns column by column; the
    # group label centred over them crosses that joint but sits over the partial rule below it
    rows = _rows("group_label_over_cell_borders")
    assert ["NO", "SASARAN", "INDIKATOR", "CAPAIAN REALISASI", "", "EFISIENSI"] in rows
    assert ["", "", "", "KINERJA", "ANGGARAN", ""] in rows


def test_a_centred_budget_table_run_over_the_page_break_starts_with_a_name_in_capitals():
    # cells centred in their rows: the first line under the header is a programme's name in
    # capitals, standing in its column (not centred on the table, not at its left edge): a row
    rows = _rows("centred_budget_rows_to_page_break")
    assert ["7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "1.191.516.005,00",
            "538.428.805,00", "653.087.200,00", "45,19%"] in rows


def test_the_wrapped_end_of_an_account_code_is_no_row_number():
    # a long account code wraps in its narrow column: its last piece ("01") on a line of its own
    # looks like a row number, but the line above it is no number of its own: it ends that cell
    rows = _rows("wrapped_code_cells")
    assert ["7 01 7 01 00 01 2.01.0001 5 1 02 01 01", "Belanja Barang Pakai Habis", "1.190.000,00", "0,00",
            "1.190.000,00", "0,00"] in rows
    assert not any(r[0] == "01" for r in rows)


def test_a_rule_drawn_only_under_the_last_row_cells_still_closes_the_table():
    # cells centred in tall rows, a sasaran (and its number) merged over several indikator rows:
    # the browser draws the rule under the last row only under the cells that end there, a short
    # rule; the table is the header and the body down to it, each indikator row a row of its own
    rows = _rows("merged_cells_short_last_rule")
    assert ["No", "Sasaran Strategi s", "Indikator Kinerja", "Target"] in rows
    assert ["1", "Terpenuhinya Administrasi Kepegawaian Perangkat Daerah",
            "Jumlah Dokumen Pendataan dan Pengolahan Administrasi Kepegawaian", "12 Dok"] in rows
    assert ["", "", "Jumlah Dokumen Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai", "4 Dok"] in rows


def test_a_wrapped_group_label_over_a_rule_too_short_to_frame_a_table():
    # a landscape page: the group label wraps over its two columns, and the rule under it is
    # shorter than the shortest rule that frames a table; it still makes the label a group label
    rows = _rows("wrapped_group_label_short_rule")
    assert ["NO", "SASARAN", "INDIKATOR", "CAPAIAN REALISASI", "", "EFISIENSI"] in rows
    assert ["", "", "", "KINERJA", "ANGGARAN", ""] in rows


def test_a_long_name_filling_a_wide_cell_is_neither_a_paragraph_nor_a_banner():
    # a sub kegiatan name wraps over a cell that spans most of the table, its text running up to
    # the cell's edge (closer to the amount beside it than a word gap): the cell borders drawn
    # cell by cell say where the cells end
    rows = _rows("wide_cell_text_to_its_edge")
    (row,) = [r for r in rows if r[0] == "1." and r[-1] == "Rp 54.396.000"]
    assert row[1].startswith("Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional")
    assert ["2.", "Pelaksanaan Tugas Forum Koordinasi Pimpinan di Kecamatan", "Rp 5.839.500"] in rows


def test_zebra_stripes_beside_merged_cells_are_no_row_rules():
    # every other row shaded, but only in the columns a merged sasaran cell leaves free: the
    # stripes' edges are no rules, and the rows are read whole with their merged cell's text
    from lkj.extract.pdf_reader import rules_of

    page = json.load(open(DATA))["zebra_stripes_beside_merged_cells"]
    words = [Word(t, x0, top, x1, bottom) for t, x0, top, x1, bottom in page["words"]]
    hs, vs = rules_of(page["h_edges"], page["v_edges"], page["rects"])
    assert len(hs) < len([e for e in page["h_edges"] if e["x1"] - e["x0"] > 2])
    blocks = layout_page(words, hs, vs, page["width"], page["height"])
    rows = [[c.text for c in b.cells] for b in blocks if b.cells is not None and b.table_id is not None]
    pk = [r for r in rows if len(r) == 4]
    assert ["NO", "SASARAN STRATEGI S", "INDIKATOR KINERJA", "TARGET"] in pk
    targets = [r[3] for r in pk[pk.index(["NO", "SASARAN STRATEGI S", "INDIKATOR KINERJA", "TARGET"]) + 1:]]
    assert targets[:4] == ["12 Dok", "4 Dok", "4 paket", "12 paket"]
    assert ["", "", "Jumlah Dokumen Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai", "4 Dok"] in pk
