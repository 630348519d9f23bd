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


def test_markdown_pipe_rows_become_cells_with_spans(tmp_path):
    text = ("Tabel 2.1 Perjanjian Kinerja\n"
            "| No | Indikator Kinerja          | Target |\n"
            "|:---|----------------------------|-------:|\n"
            "| 1  | Persentase desa \\| kelurahan | 86%    |\n"
            "\n"
            "| 2  | Indeks Pelayanan Publik    | 3,75   |\n"
            "teks | biasa\n")
    doc = _read(tmp_path, text)
    rows = [ln for ln in doc.lines if ln.cells is not None]
    assert [ln.no for ln in rows] == [2, 4, 6]                  # the delimiter line is no row
    assert [c.text for c in rows[1].cells] == ["1", "Persentase desa | kelurahan", "86%"]
    line = text.split("\n")[3]
    assert [line[a:b] for a, b in (c.span for c in rows[1].cells)] == ["1", "Persentase desa \\| kelurahan", "86%"]
    assert [c.text for c in rows[2].cells] == ["2", "Indeks Pelayanan Publik", "3,75"]
    assert len(doc.grids) == 1 and doc.grids[0].source == "pipes"
    assert doc.lines[-1].cells is None and doc.lines[-1].text == "teks | biasa"


def _as_pipe_table(text: str) -> str:
    """A tab-row export as a Markdown converter writes it: each tab row a pipe row, a delimiter line
    under each header row (bold cells)."""
    out = []
    for ln in text.split("\n"):
        if "\t" not in ln:
            out.append(ln)
            continue
        cells = [c.replace("<b>", "").replace("</b>", "").strip().replace("|", "\\|") for c in ln.split("\t")]
        out.append("| " + " | ".join(cells) + " |")
        if "<b>" in ln:
            out.append("|" + "|".join("---" for _ in cells) + "|")
    return "\n".join(out)


def test_a_report_in_pipe_tables_reads_as_its_tab_export(tmp_path):
    """Seed 004 (an LRA with kode rekening and a capaian table, exported with tab rows) converted to
    Markdown pipe tables: the same rows, the same values."""
    from lkj.extract import read
    from lkj.model.settings import DEFAULT
    from lkj.pipeline import process_document

    src = open(os.path.join(SEEDS, seed("004")), encoding="utf-8").read()
    (tmp_path / "pipes.md").write_text(_as_pipe_table(src), encoding="utf-8")
    tabs = process_document(read(os.path.join(SEEDS, seed("004")), DEFAULT), DEFAULT).records["rows"]
    pipes = process_document(read(str(tmp_path / "pipes.md"), DEFAULT), DEFAULT).records["rows"]
    keys = ("table_kind", "kode", "name", "indikator", "target", "realisasi", "capaian", "pagu", "realisasi_anggaran")
    assert len(pipes) == len(tabs) > 20
    assert [tuple(r.get(k) for k in keys) for r in pipes] == [tuple(r.get(k) for k in keys) for r in tabs]


STREAM_PAGES = ("LAPORAN KINERJA INSTANSI PEMERINTAH\nKECAMATAN BANJARSARI\nTAHUN 2021\n"
                "Laporan Kinerja Kecamatan Banjarsari Tahun 2021\nHalaman 1\n"
                "\fLaporan Kinerja Kecamatan Banjarsari Tahun 2021\nTabel 2.1\nPerjanjian Kinerja\n"
                "No\nSasaran\nIndikator\nTarget\n1\nMeningkatnya kualitas\npelayanan publik\n"
                "Indeks Kepuasan\nMasyarakat\n82\nHalaman 2\n"
                "\fLaporan Kinerja Kecamatan Banjarsari Tahun 2021\n2\nTerwujudnya ketertiban\numum\n"
                "Persentase penanganan\npelanggaran perda\n100%\nHalaman 3\n"
                "\fLaporan Kinerja Kecamatan Banjarsari Tahun 2021\nBAB III\nHalaman 4\n")


def test_running_headers_and_footers_between_pages_are_left_out(tmp_path):
    """A text layer with form feeds (a PDF's text as its pages draw it): the running header and the
    "Halaman N" footer repeat on every page and are no lines; the table's labels stay."""
    doc = _read(tmp_path, STREAM_PAGES)
    texts = [ln.text for ln in doc.lines]
    assert not any(t.startswith("Halaman") or t.startswith("Laporan Kinerja Kecamatan") for t in texts)
    assert texts[:3] == ["LAPORAN KINERJA INSTANSI PEMERINTAH", "KECAMATAN BANJARSARI", "TAHUN 2021"]
    assert "No" in texts and "Target" in texts
    # line numbers stay the source's: the table's first row number is line 13
    assert next(ln.no for ln in doc.lines if ln.text == "1") == 13


def test_a_table_over_a_page_break_without_its_furniture(tmp_path):
    from lkj.parsers.flat_tables import read_flat_tables

    doc = _read(tmp_path, STREAM_PAGES)
    (t,) = read_flat_tables(doc.lines, 0, len(doc.lines))
    assert [(r.text("no"), r.text("sasaran"), r.text("indikator"), r.text("target")) for r in t.rows] == [
        ("1", "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", "82"),
        ("2", "Terwujudnya ketertiban umum", "Persentase penanganan pelanggaran perda", "100%")]


def test_a_browsers_print_lines_at_each_page_end_are_left_out(tmp_path):
    """A web page printed to PDF, its text as drawn: the browser's date, the page's title, its address
    and "1/3" end every page; they are no lines, and a value ending a page ("89%") stays."""
    def furniture(i):
        return ["04/10/26 10.50", "e-Kinerja | Laporan Kinerja", "https://kinerja.example/cetak/7", f"{i}/3"]

    lines = (["LAPORAN KINERJA TRIWULAN I", "KECAMATAN CONTOH", "No", "Sasaran", "Indikator", "Target",
              "1", "Meningkatnya kualitas pelayanan", "Indeks Kepuasan Masyarakat", "89%"] + furniture(1)
             + ["\f2", "Terwujudnya ketertiban umum", "Persentase penanganan perda", "100%"] + furniture(2)
             + ["\fBAB III", "Penutup laporan."] + furniture(3))
    doc = _read(tmp_path, "\n".join(lines) + "\n")
    texts = [ln.text for ln in doc.lines]
    assert not any(t.startswith(("04/10/26", "e-Kinerja", "https://")) or t.endswith("/3") for t in texts)
    assert "89%" in texts and "100%" in texts and "2" in texts


def test_a_pipe_table_of_a_header_and_one_row_without_a_delimiter_line(tmp_path):
    """A converter that writes no delimiter line, a table of a header and one row: two pipe rows of as
    many cells are a table (before: three such rows were needed, and the text was read as flat text,
    its header too long to be one)."""
    text = ("Tabel 3.4 Pengukuran Efisiensi\n"
            "| No | Sasaran | Indikator | Target | Realisasi | Capaian Kinerja (%) | Anggaran (Rp) | "
            "Realisasi Anggaran (Rp) | Capaian Anggaran (%) | Efisiensi (%) |\n"
            "| 1 | Meningkatnya kualitas layanan | Indeks kepuasan layanan | 80 | 82 | 102,50 | 120.000.000 | "
            "110.000.000 | 91,67 | 10,83 |\n"
            "\nTabel di atas menunjukkan efisiensi | anggaran.\n")
    doc = _read(tmp_path, text)
    rows = [ln for ln in doc.lines if ln.cells is not None]
    assert [ln.no for ln in rows] == [2, 3] and doc.grids[0].source == "pipes"
    assert [c.text for c in rows[1].cells][6:] == ["120.000.000", "110.000.000", "91,67", "10,83"]
    # one pipe row alone, or two of different widths, stay text
    assert all(ln.cells is None for ln in _read(tmp_path, "| a | b | c |\nteks | biasa\n").lines)


def test_no_break_spaces_and_soft_hyphens_read_as_the_text_they_print(tmp_path):
    # a converter's space-aligned export: no-break spaces in the gutters and between a number and
    # its "%", a soft hyphen inside a header word and a zero-width space in a cell. They print as
    # spaces and as nothing; before, the gutters were no white, the table no table
    from lkj.parsers.report_parser import parse_document

    nb = "\u00a0"
    lines = ["LAPORAN KINERJA TRIWULAN I TAHUN 2024", "", "Tabel 2.2 Capaian Ki\u00adnerja", "",
             f"No{nb * 3}Indikator Kinerja{nb * 14}Target{nb * 4}Realisasi{nb * 3}Capaian",
             f"1{nb * 4}Persentase surat selesai{nb * 7}90{nb}%{nb * 6}81{nb}%{nb * 7}90{nb}%",
             f"2{nb * 4}Jumlah laporan\u200b desa{nb * 11}12{nb * 8}9{nb * 9}75{nb}%", "", "", "BAB III"]
    doc = _read(tmp_path, "\n".join(lines) + "\n")
    assert doc.lines[2].text == "Tabel 2.2 Capaian Kinerja" and nb not in doc.lines[4].text
    (t,) = [t for rep in parse_document(doc).reports for t in rep.tables]
    assert t.kind == "capaian"
    assert [(r.text("indikator"), r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("Persentase surat selesai", "90 %", "81 %", "90 %"), ("Jumlah laporan desa", "12", "9", "75 %")]


def test_a_tab_export_whose_tabs_were_expanded_to_spaces_is_read_as_text_without_layout(tmp_path):
    # tab rows through `expand` (or an editor's tabs-to-spaces): every run of spaces ends on a tab
    # stop, so rows line up where no column does, and a cell of 23 characters ("Persentase surat
    # keluar") is set apart from the next by one space. Read as space-aligned text, no row was read; as text without
    # layout, every row is
    from lkj.parsers.report_parser import parse_document

    inds = ["Persentase surat keluar", "Jumlah Dokumen", "Persentase desa tertib administrasi",
            "Jumlah laporan keuangan", "Indeks kepuasan masyarakat", "Persentase arsip tertata",
            "Jumlah forum koordinasi", "Persentase konflik tertangani", "Jumlah lembaga aktif"]
    rows = [f"{k + 1}\tMeningkatnya layanan bagian {k + 1}\t{ind}\t{80 + k}%\t{60 + k},50%\t{(60 + k + .5) / (80 + k) * 100:.2f}%"
            .replace(".", ",") for k, ind in enumerate(inds)]
    text = "\n".join(["LAPORAN KINERJA TRIWULAN I TAHUN 2024", "KECAMATAN CONTOH", "", "Tabel 2.2 Capaian Kinerja", "",
                      "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian", *rows, "", "", "BAB III"]).expandtabs(8)
    assert "\t" not in text and "Persentase surat keluar 80%" in text
    doc = _read(tmp_path, text + "\n")
    assert any("tabs were expanded" in w for w in doc.warnings)
    (t,) = [t for rep in parse_document(doc).reports for t in rep.tables]
    assert t.kind == "capaian" and len(t.rows) == 9
    assert [(r.text("indikator"), r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows[:2]] == [
        ("Persentase surat keluar", "80%", "60,50%", "75,62%"), ("Jumlah Dokumen", "81%", "61,50%", "75,93%")]


def test_a_table_saved_as_csv_is_read_field_by_field(tmp_path):
    # a spreadsheet's "Save as CSV" in Indonesian settings: ";" between fields (the comma is the
    # decimal mark), a title in the first line alone; with "," the decimal numbers are quoted, as is
    # a field holding quotes. Before: no cells, "not an LKj report"
    from lkj.parsers.report_parser import parse_document

    rows = ["No;Sasaran;Indikator Kinerja;Target;Realisasi;Capaian (%)",
            "1;Meningkatnya layanan surat;Persentase surat selesai;90%;81,00%;90,00%",
            "2;Tertibnya laporan desa;Jumlah laporan desa;12 Laporan;9 Laporan;75,00%"]
    for d, body in ((";", rows), (",", [
            "No,Sasaran,Indikator Kinerja,Target,Realisasi,Capaian (%)",
            '1,Meningkatnya layanan surat,Persentase surat selesai,90%,"81,00%","90,00%"',
            '2,Tertibnya laporan desa,"Jumlah laporan ""desa""",12 Laporan,9 Laporan,"75,00%"'])):
        doc = _read(tmp_path, "\n".join(["Tabel 2.2 Capaian Kinerja Triwulan I Tahun 2024", *body]) + "\n", name="t.csv")
        row = next(ln for ln in doc.lines if ln.no == 3)
        assert [c.text for c in row.cells] == ["1", "Meningkatnya layanan surat", "Persentase surat selesai", "90%",
                                               "81,00%", "90,00%"]
        assert [body[1][a:b] for a, b in (c.span for c in row.cells)] == [c.text for c in row.cells]
        (t,) = [t for rep in parse_document(doc).reports for t in rep.tables]
        assert t.kind == "capaian"
        assert [(r.text("indikator"), r.text("target"), r.text("capaian")) for r in t.rows] == [
            ("Persentase surat selesai", "90%", "90,00%"),
            ("Jumlah laporan desa" if d == ";" else 'Jumlah laporan "desa"', "12 Laporan", "75,00%")]
    # prose with its commas is no CSV: each sentence has as many fields as it has commas
    doc = _read(tmp_path, "Kecamatan ini, yang berada di utara, melayani warga.\nSurat, arsip, dan laporan dikelola.\n"
                          "Kegiatan berjalan baik.\n")
    assert all(ln.cells is None for ln in doc.lines)


def test_a_table_drawn_in_characters_is_one_grid_across_its_rules(tmp_path):
    """A fixed-width export that draws its table ("+----+----+" between rows, "+====+" under the
    header, as tabulate and pandoc grid tables do): the rules are no rows and set no table apart, so
    the header and its rows are one grid whose wrapped cells join their row (before: each rule ended
    a grid, the header stood alone and the table had no rows)."""
    from lkj.parsers.report_parser import parse_document

    rule = "+----+------------------------------+--------+-----------+---------+"
    text = "\n".join([
        "LAPORAN KINERJA INSTANSI PEMERINTAH", "KECAMATAN SUKAMAJU KABUPATEN GARUT", "TAHUN 2023", "", rule,
        "| No | Indikator Kinerja            | Target | Realisasi | Capaian |",
        rule.replace("-", "="),
        "| 1  | Indeks Kepuasan Masyarakat   | 80     | 82        | 102,50% |", rule,
        "| 2  | Persentase desa yang         | 100%   | 90%       | 90,00%  |",
        "|    | menyusun APBDes tepat waktu  |        |           |         |", rule, ""])
    doc = _read(tmp_path, text)
    assert len(doc.grids) == 1 and doc.grids[0].source == "pipes"
    (t,) = parse_document(doc).reports[0].tables
    assert [(r.text("no"), r.text("indikator"), r.text("capaian")) for r in t.rows] == [
        ("1", "Indeks Kepuasan Masyarakat", "102,50%"), ("2", "Persentase desa yang menyusun APBDes tepat waktu", "90,00%")]
