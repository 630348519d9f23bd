"""Headers by meaning, tolerant of what no list knows: an unknown header word does not stop a table,
the columns without a field keep their text, a header repeated per year is read for the report's
own year.  The inputs are small reports written here in the forms exports give (tab rows)."""
import json


def _parse(tmp_path, text: str):
    from lkj.extract import read
    from lkj.model.settings import DEFAULT
    from lkj.parsers.report_parser import parse_document

    p = tmp_path / "report.txt"
    p.write_bytes(text.encode("utf-8"))
    doc = read(str(p), DEFAULT)
    return doc, parse_document(doc)


def test_header_words_no_list_knows_do_not_stop_the_table():
    from lkj.parsers.headers import build_header, is_header_row, table_kind

    cells = ["N0", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Target", "Pejabat Penanggung Jawab",
             "Sumber Data"]
    assert is_header_row(cells)
    hm = build_header([cells])
    assert [c.role for c in hm.columns] == ["no", "sasaran", "indikator", None, "target", None, None]
    assert table_kind(hm, "Perjanjian Kinerja") == "pk"
    # a year and "(Rp)" in a label are no obstacle either
    hm = build_header([["No", "Program", "Anggaran 2024 (Rp)", "Keterangan"]])
    assert [c.role for c in hm.columns] == ["no", "name", "pagu", "keterangan"]


UNKNOWN = """LAPORAN KINERJA TRIWULAN II TAHUN 2024
KECAMATAN CONTOH

Tabel 2.1 Perjanjian Kinerja
N0\tSasaran Strategis\tIndikator Kinerja Utama\tSatuan\tTarget\tPejabat Penanggung Jawab
1\tMeningkatnya kualitas pelayanan\tPersentase pelayanan selesai tepat waktu\tpersen\t90%\tKasi Pelayanan
2\tMeningkatnya tertib administrasi\tJumlah dokumen perencanaan\tdokumen\t4\tSekretaris
"""


def test_columns_without_a_field_keep_their_text(tmp_path):
    from lkj.normalizers.normalise import normalise_tables
    from lkj.model.settings import DEFAULT

    _, parsed = _parse(tmp_path, UNKNOWN)
    (table,) = parsed.reports[0].tables
    assert table.kind == "pk" and [r.text("target") for r in table.rows] == ["90%", "4"]
    assert table.unused == {3: "Satuan", 5: "Pejabat Penanggung Jawab"}
    (norm,) = normalise_tables([table], None, DEFAULT.match)
    assert json.loads(norm.rows[0].cells_json) == {"Satuan": "persen", "Pejabat Penanggung Jawab": "Kasi Pelayanan"}
    assert norm.rows[1].num["target"] == 4.0
    # the Satuan column is the unit of a bare target: "persen" is %, "dokumen" a count
    assert [r.unit["target"] for r in norm.rows] == ["%", "dokumen"]


def test_two_year_header_reads_the_columns_of_the_report_year():
    from lkj.parsers.headers import build_header, table_kind

    cells = ["No", "Indikator Kinerja", "Target 2019", "Target 2020", "Realisasi 2019", "Realisasi 2020",
             "Capaian 2020 (%)"]
    hm = build_header([cells], year=2020)
    assert [c.role for c in hm.columns] == ["no", "indikator", None, "target", None, "realisasi", "capaian"]
    assert [c.year for c in hm.columns][2:] == [2019, 2020, 2019, 2020, 2020]
    assert table_kind(hm, "Capaian Kinerja") == "capaian"
    hm = build_header([cells], year=2019)
    assert [c.role for c in hm.columns][2:6] == ["target", None, "realisasi", None]
    # a report of neither year: the table compares years
    assert table_kind(build_header([cells], year=2023), "") == "comparison"
    # a group label with a year over Target / Realisasi
    hm = build_header([["No", "Indikator", "Tahun 2022", "", "Tahun 2023", ""],
                       ["", "", "Target", "Realisasi", "Target", "Realisasi"]], year=2023)
    assert [c.role for c in hm.columns][2:] == [None, None, "target", "realisasi"]


TWO_YEARS = """LAPORAN KINERJA TAHUN 2020
KECAMATAN CONTOH

BAB II
Tabel 2.2 Capaian Kinerja
No\tSasaran\tIndikator Kinerja\tTarget 2020\tTarget 2021\tRealisasi 2020\tCapaian (%)
1\tMeningkatnya kualitas pelayanan\tPersentase pelayanan selesai tepat waktu\t90%\t95%\t81%\t90%
2\tMeningkatnya tertib administrasi\tJumlah dokumen perencanaan\t4\t5\t2\t50%
"""


def test_report_year_decides_the_columns_of_a_two_year_table(tmp_path):
    _, parsed = _parse(tmp_path, TWO_YEARS)
    rep = parsed.reports[0]
    assert rep.meta.year == 2020
    (table,) = rep.tables
    # read again once the report's year is known: its target is 2020's, not the next year's
    assert table.kind == "capaian" and table.years == [2020, 2021]
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian")) for r in table.rows] == \
        [("90%", "81%", "90%"), ("4", "2", "50%")]
    # the other year's column stays with the row, unread as a field
    assert table.unused == {4: "Target 2021"}
    assert table.rows[0].extra[4] == "95%"


def test_a_percent_header_as_ocr_reads_it_is_the_capaian_column():
    # "Kinerja" over T / R / %: on a scan the Indonesian model reads the lone "%" as "Yo"
    from lkj.parsers.headers import grouped_role, label_role

    assert grouped_role("Kinerja", "Yo") == "capaian" and grouped_role("Kinerja", "%") == "capaian"
    assert grouped_role("Anggaran", "Capaian (%)") == "capaian_anggaran"
    assert label_role("Yogyakarta") is None and label_role("Yo") == "capaian"


def test_column_numbers_printed_in_the_label_cells():
    # a printout whose column-number row was read into the labels above it (a web printout of a
    # synthetic dev bundle): "T (4)", "CAPAIAN (%) (9=8/7)" are the label T and the column (4)
    from lkj.parsers.headers import build_header, table_kind

    hm = build_header([
        ["NO (1)", "SASARAN / PROGRAM (2)", "INDIKATOR KINERJA (3)", "KINERJA", "", "", "ANGGARAN", "", "",
         "EFISIENSI ((K-A)/K) (10=(6-9)/6)"],
        ["", "", "", "T (4)", "R (5)", "% (6=5/4)", "PAGU (7)", "REALISASI (8)", "CAPAIAN (%) (9=8/7)", ""]])
    assert [c.role for c in hm.columns] == ["no", "sasaran", "indikator", "target", "realisasi", "capaian", "pagu",
                                            "realisasi_anggaran", "capaian_anggaran", "efisiensi"]
    assert hm.formulas == {"capaian": "6=5/4", "capaian_anggaran": "9=8/7"} and hm.rows_used == 2
    assert table_kind(hm, "Tabel 2.3 Cost per outcome") == "cost_per_outcome"


def test_serapan_is_the_share_of_the_pagu_spent():
    from lkj.parsers.flat_header import read_header
    from lkj.parsers.headers import build_header, label_role, table_kind

    assert label_role("Serapan (%)") == label_role("Daya Serap") == "capaian_anggaran"
    hm = build_header([["No", "Program", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Serapan (%)"]])
    assert [c.role for c in hm.columns] == ["no", "name", "pagu", "realisasi_anggaran", "sisa", "capaian_anggaran"]
    assert table_kind(hm, "Realisasi Anggaran") == "lra"
    hdr = read_header(["No Program Anggaran (Rp) Realisasi (Rp) Sisa (Rp) Serapan (%)"])
    assert hdr.kind == "lra" and hdr.value_cols == ["pagu", "realisasi_anggaran", "sisa", "capaian_anggaran"]


def test_a_group_label_read_into_one_of_its_columns():
    """"ANGGARAN (RP)" centred over Pagu / Realisasi / Sisa, read by a space-aligned reader into the
    middle column's cell: that column is the realisasi of the budget, not a second pagu."""
    from lkj.parsers.headers import build_header, table_kind

    hm = build_header([["KODE REKENING", "PROGRAM / KEGIATAN / SUB KEGIATAN", "PAGU SETELAH PERUBAHAN (RP)",
                        "ANGGARAN (RP) REALISASI (RP)", "SISA ANGGARAN (RP)", "PERSENTASE (%)"]])
    assert [c.role for c in hm.columns] == ["kode", "name", "pagu", "realisasi_anggaran", "sisa", "capaian_anggaran"]
    assert [c.role for c in build_header([["No", "Program", "Anggaran (Rp)", "Anggaran Perubahan"]]).columns] == [
        "no", "name", "pagu", "pagu"]
    # "Capaian (%)" over Capaian Kinerja / Capaian Anggaran, read into the second
    hm = build_header([["No", "Sasaran", "Indikator Kinerja", "Capaian Kinerja (%)", "Capaian (%) Capaian Anggaran (%)",
                        "Efisiensi"]])
    assert [c.role for c in hm.columns][3:] == ["capaian", "capaian_anggaran", "efisiensi"]
    assert table_kind(hm, "Efisiensi Penggunaan Sumber Daya") == "efisiensi"
    # a label that only begins with a role word stays that role ("Realisasi Anggaran (Rp)")
    assert build_header([["No", "Program", "Realisasi Anggaran (Rp)"]]).columns[2].role == "realisasi_anggaran"


MURNI = """LAPORAN REALISASI ANGGARAN TAHUN 2023
KECAMATAN CONTOH

Tabel 3.5 Laporan Realisasi Anggaran
Kode\tUraian\tAnggaran Murni (Rp)\tAnggaran Setelah Perubahan (Rp)\tRealisasi (Rp)\t%\tSisa Anggaran (Rp)
7.01.01\tPROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH\t1.100.000.000,00\t1.250.000.000,00\t1.100.000.000,00\t88,00\t150.000.000,00
7.01.01.2.02\tAdministrasi Keuangan Perangkat Daerah\t800.000.000,00\t900.000.000,00\t820.000.000,00\t91,11\t80.000.000,00
"""


def test_the_pagu_is_the_budget_after_its_change(tmp_path):
    """"Anggaran Murni" and "Anggaran Setelah Perubahan" side by side: the pagu is the changed budget
    (realisasi and sisa are measured against it), the first budget a column kept as raw text (before:
    the first of the two was taken for the pagu).  Tab rows and flat text read it alike."""
    from lkj.parsers.flat_tables import read_flat_tables

    _, parsed = _parse(tmp_path, MURNI)
    (table,) = parsed.reports[0].tables
    assert table.kind == "lra" and table.unused == {2: "Anggaran Murni (Rp)"}
    assert [(r.text("pagu"), r.text("sisa")) for r in table.rows] == [
        ("1.250.000.000,00", "150.000.000,00"), ("900.000.000,00", "80.000.000,00")]
    doc, _ = _parse(tmp_path, MURNI.replace("\t", " "))
    (flat,) = read_flat_tables(doc.lines, 0, len(doc.lines))
    assert [(r.text("pagu"), r.text("realisasi_anggaran"), r.text("capaian_anggaran"), r.extra) for r in flat.rows] \
        == [("1.250.000.000,00", "1.100.000.000,00", "88,00", ["1.100.000.000,00"]),
            ("900.000.000,00", "820.000.000,00", "91,11", ["800.000.000,00"])]
    assert flat.unused == {0: "Anggaran Murni"}


def test_a_renstra_target_beside_the_report_years_columns_in_flat_text():
    """"Kondisi Awal 2021 | Target 2023 | Realisasi 2023 | Capaian (%) | Target Akhir Renstra 2026" in
    a text without layout: the latest year with a target and a realisasi is the report's, the
    baseline and the renstra target columns of their own (before: taken for a comparison, dropped)."""
    from lkj.model.parsed import Line
    from lkj.parsers.flat_tables import read_flat_tables

    text = ["Tabel 3.1", "Capaian Indikator Kinerja Utama", "",
            "No Indikator Kinerja Kondisi Awal 2021 Target 2023 Realisasi 2023 Capaian (%) Target Akhir Renstra 2026",
            "", "1 Indeks kepuasan masyarakat", "", "76,10 82 84,50 103,05 85", "",
            "2 Persentase gangguan yang tertangani", "", "80% 90% 92% 102,22% 95%", "", "BAB IV"]
    (t,) = read_flat_tables([Line(i + 1, s) for i, s in enumerate(text)], 0, len(text))
    assert t.kind == "capaian" and t.unused == {0: "Kondisi Awal 2021", 1: "Target Akhir Renstra 2026"}
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian"), r.extra) for r in t.rows] == [
        ("82", "84,50", "103,05", ["76,10", "85"]), ("90%", "92%", "102,22%", ["80%", "95%"])]


NO_KODE_COLUMN = """LAPORAN KINERJA TAHUN 2023
KECAMATAN CONTOH

Tabel 3.5 Realisasi Anggaran Per Sub Kegiatan
Program/Kegiatan/Sub Kegiatan\tPagu (Rp)\tRealisasi (Rp)\tSisa (Rp)\tCapaian (%)
7.01.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA\t1.250.000.000\t1.100.000.000\t150.000.000\t88,00
7.01.01.2.02 Administrasi Keuangan Perangkat Daerah\t900.000.000\t820.000.000\t80.000.000\t91,11
"""


def test_a_realisasi_table_without_a_kode_column_takes_the_kode_from_the_names_start(tmp_path):
    """No Kode column, each kode written at its name's start: the kode is the row's kode (its level
    read from it), the rest its name, in tab rows and in a text layer with no blank lines alike
    (before: tab rows kept "7.01.01 PROGRAM ..." as the name with no kode; the text layer joined the
    next row's name to the row above)."""
    from lkj.parsers.flat_tables import read_flat_tables

    _, parsed = _parse(tmp_path, NO_KODE_COLUMN)
    (grid,) = parsed.reports[0].tables
    doc, _ = _parse(tmp_path, "\n".join([
        "Tabel 3.5", "Realisasi Anggaran Per Sub Kegiatan",
        "Program/Kegiatan/Sub Kegiatan Pagu (Rp) Realisasi (Rp) Sisa (Rp) Capaian (%)",
        "7.01.01 PROGRAM PENUNJANG URUSAN", "PEMERINTAHAN DAERAH", "KABUPATEN/KOTA",
        "1.250.000.000 1.100.000.000 150.000.000 88,00",
        "7.01.01.2.02 Administrasi Keuangan", "Perangkat Daerah", "900.000.000 820.000.000 80.000.000 91,11",
        "BAB IV"]))
    (flat,) = read_flat_tables(doc.lines, 0, len(doc.lines))
    for t in (grid, flat):
        assert [(r.text("kode"), r.text("name"), r.level, r.text("pagu")) for r in t.rows] == [
            ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "program", "1.250.000.000"),
            ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", "kegiatan", "900.000.000")]


SECTIONS = ["LAPORAN KINERJA INSTANSI PEMERINTAH", "KECAMATAN SUKAMAJU", "TAHUN 2023", "",
            "Tabel 3.1", "Capaian Kinerja Sasaran Strategis", ""]
SECTION_ROWS = [("No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)"),
                ("Sasaran 1: Meningkatnya kualitas pelayanan publik kecamatan",),
                ("1", "Indeks kepuasan masyarakat", "82", "84,50", "103,05"),
                ("2", "Persentase pelayanan administrasi yang selesai tepat waktu", "95%", "90%", "94,74"),
                ("Sasaran 2: Meningkatnya ketenteraman dan ketertiban umum",),
                ("3", "Persentase gangguan trantibum yang tertangani", "90%", "92%", "102,22")]


def test_a_row_naming_the_sasaran_of_the_rows_under_it(tmp_path):
    """"Sasaran 1: Meningkatnya ..." across a table whose header has no Sasaran column: no row of its
    own, the sasaran of the indicator rows under it (the first takes it, the normaliser carries it
    down), in tab rows, flat text and a text layer without blank lines alike.  Before: tab rows took
    the first such line for a header line and the second for a row whose number was the sasaran; flat
    text took it for the paragraph after the table and read no table."""
    tab = "\n".join(SECTIONS + ["\t".join(r + ("",) * (5 - len(r))) for r in SECTION_ROWS])
    flat = "\n".join(SECTIONS + [x for r in SECTION_ROWS for x in (" ".join(r), "")])
    dense = "\n".join(x for x in flat.split("\n") if x)
    want = [("1", "Meningkatnya kualitas pelayanan publik kecamatan", "Indeks kepuasan masyarakat", "82"),
            ("2", "", "Persentase pelayanan administrasi yang selesai tepat waktu", "95%"),
            ("3", "Meningkatnya ketenteraman dan ketertiban umum", "Persentase gangguan trantibum yang tertangani",
             "90%")]
    for text in (tab, flat, dense):
        _, parsed = _parse(tmp_path, text)
        (t,) = parsed.reports[0].tables
        assert t.kind == "capaian" and "sasaran" in t.fields
        assert [(r.text("no"), r.text("sasaran"), r.text("indikator"), r.text("target")) for r in t.rows] == want


DRIFT = """LAPORAN KINERJA TRIWULAN I TAHUN 2024
KECAMATAN CONTOH

Tabel 2.2 Capaian Kinerja
No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)
1\tMeningkatnya kualitas layanan\tPersentase layanan selesai\t100 % 41,67 %\t41,67\t%
2\tMeningkatnya ketertiban\tPersentase gangguan tertangani\t100\t% 76,67 % 76,67 %\t
3\tMeningkatnya partisipasi\tPersentase lembaga aktif\t100 %\t45,83 %\t45,83 %
"""


def test_a_percentage_cut_off_its_number_by_a_drifted_column_edge(tmp_path):
    """Values one space apart drift across the column edges a reader finds between them ("100 %
    41,67 % 41,67 %" read as "100 % 41,67 %" | "41,67" | "%", or "100" | "% 76,67 % 76,67 %"): the
    percentage sign goes back to its number and the values after it take the columns they left
    (before: a target of two values, a realisasi without its unit and a capaian of "%" alone)."""
    _, parsed = _parse(tmp_path, DRIFT)
    (t,) = parsed.reports[0].tables
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("100 %", "41,67 %", "41,67 %"), ("100 %", "76,67 %", "76,67 %"), ("100 %", "45,83 %", "45,83 %")]


URAIAN = """LAPORAN KINERJA TAHUN 2023
KECAMATAN CONTOH

Tabel 3.2 Realisasi Kinerja Seksi Pelayanan
No\tUraian\tTarget\tRealisasi\t%
1\tPersentase surat keterangan selesai satu hari\t95%\t98%\t103,16
2\tJumlah pembinaan lembaga kemasyarakatan\t6 Kali\t5 Kali\t83,33

Tabel 3.3 Pengukuran Kinerja
No\tUraian Indikator\tTarget\tRealisasi\tCapaian
1\tIndeks kepuasan layanan\t80\t82\t102,50
"""


def test_the_one_text_column_of_a_kinerja_table_named_uraian_holds_its_indicators(tmp_path):
    """"Uraian" (elsewhere the name of a budget line) as the only text column beside Target and
    Realisasi, or "Uraian Indikator": the rows' indicators (before: the first table was not read at
    all, and in flat text both put their text in the sasaran)."""
    from lkj.parsers.flat_tables import read_flat_tables

    _, parsed = _parse(tmp_path, URAIAN)
    first, second = parsed.reports[0].tables
    assert first.kind == second.kind == "capaian"
    assert [(r.text("indikator"), r.text("target"), r.text("capaian")) for r in first.rows] == [
        ("Persentase surat keterangan selesai satu hari", "95%", "103,16"),
        ("Jumlah pembinaan lembaga kemasyarakatan", "6 Kali", "83,33")]
    assert [(r.text("indikator"), r.text("realisasi")) for r in second.rows] == [("Indeks kepuasan layanan", "82")]
    doc, _ = _parse(tmp_path, URAIAN.replace("\t", " "))
    flat = read_flat_tables(doc.lines, 0, len(doc.lines))
    assert [[(r.text("indikator"), r.text("sasaran")) for r in t.rows] for t in flat] == [
        [("Persentase surat keterangan selesai satu hari", ""), ("Jumlah pembinaan lembaga kemasyarakatan", "")],
        [("Indeks kepuasan layanan", "")]]


def test_a_realisasi_in_rupiah_or_after_the_pagu_is_the_budgets():
    """A cost-per-outcome header whose budget columns are "Pagu (Rp) | Realisasi (Rp)": that realisasi
    is the budget's, not the kinerja's (before: the table had a realisasi kinerja of 110.000.000 and
    no realisasi anggaran)."""
    from lkj.parsers.headers import build_header, table_kind

    hm = build_header([["No", "Sasaran", "Indikator Kinerja", "Capaian Kinerja (%)", "Pagu (Rp)", "Realisasi (Rp)",
                        "Capaian Anggaran (%)", "Efisiensi (%)"]])
    assert [c.role for c in hm.columns][3:] == ["capaian", "pagu", "realisasi_anggaran", "capaian_anggaran",
                                                "efisiensi"]
    assert table_kind(hm, "Kinerja dan Anggaran") == "cost_per_outcome"
    hm = build_header([["No", "Indikator", "Target", "Realisasi", "Capaian", "Pagu", "Realisasi", "%"]])
    assert [c.role for c in hm.columns][2:7] == ["target", "realisasi", "capaian", "pagu", "realisasi_anggaran"]
    # the kinerja's own realisasi stays
    hm = build_header([["No", "Indikator", "Target", "Realisasi", "Capaian (%)"]])
    assert [c.role for c in hm.columns][3] == "realisasi"


TAHUNAN = """LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023
KECAMATAN CONTOH

Tabel 3.1 Pengukuran Kinerja Tahun 2023
No\tSasaran Strategis\tIndikator Kinerja\tTarget\tRealisasi\tCapaian\tTarget Akhir Renstra\tCapaian s/d Tahun Ini terhadap Renstra (%)
1\tMeningkatnya kualitas pelayanan publik\tIndeks kepuasan masyarakat\t82\t84\t102,44%\t85\t98,82%
2\tMeningkatnya tertib administrasi desa\tPersentase desa tertib administrasi\t90%\t81%\t90,00%\t95%\t85,26%

Tabel 3.2 Capaian Indikator
No\tIndikator Kinerja\tKondisi Awal 2021\tTarget\tRealisasi\tCapaian (%)\tTarget Akhir Renstra 2026
1\tIndeks kepuasan masyarakat\t76,10\t82\t84,50\t103,05\t85
"""


def test_the_annual_format_with_the_renstra_target_beside_the_years_own_columns(tmp_path):
    """The annual LKjIP's measurement table: Target | Realisasi | Capaian, then "Target Akhir Renstra"
    and the capaian against it.  The report's own columns are read, the renstra columns kept raw
    (before: the table was taken for a comparison of periods and none of its rows was read)."""
    _, parsed = _parse(tmp_path, TAHUNAN)
    annual, baseline = parsed.reports[0].tables
    assert annual.kind == "capaian"
    assert annual.unused == {6: "Target Akhir Renstra", 7: "Capaian s/d Tahun Ini terhadap Renstra (%)"}
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian")) for r in annual.rows] == [
        ("82", "84", "102,44%"), ("90%", "81%", "90,00%")]
    assert baseline.kind == "capaian" and baseline.unused == {2: "Kondisi Awal 2021", 6: "Target Akhir Renstra 2026"}
    assert [(r.text("target"), r.text("realisasi")) for r in baseline.rows] == [("82", "84,50")]


def test_the_annual_format_in_flat_text(tmp_path):
    from lkj.parsers.flat_tables import read_flat_tables

    doc, _ = _parse(tmp_path, TAHUNAN.split("\nTabel 3.2")[0].replace("\t", " "))
    (flat,) = read_flat_tables(doc.lines, 0, len(doc.lines))
    assert flat.kind == "capaian"
    assert flat.unused == {0: "Target Akhir Renstra", 1: "Capaian s/d Tahun Ini terhadap Renstra"}
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian"), r.extra) for r in flat.rows] == [
        ("82", "84", "102,44%", ["85", "98,82%"]), ("90%", "81%", "90,00%", ["95%", "85,26%"])]


def test_a_percent_sign_before_realisasi_names_the_share_and_a_pagu_list_with_kode_is_no_lra(tmp_path):
    """"% Realisasi" beside "Realisasi (Rp)" is the share of the pagu spent, not a second realisasi
    amount (before: the table had two realisasi anggaran columns and no capaian anggaran); a list of
    programmes with their kode and pagu alone is the PK's programme list, not a realisasi anggaran
    (before: kind lra, in tab rows and in space-aligned text; flat text left the kode in the name)."""
    from lkj.parsers.flat_tables import read_flat_tables
    from lkj.parsers.headers import build_header, table_kind

    hm = build_header([["No", "Program / Kegiatan", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "% Realisasi"]])
    assert [c.role for c in hm.columns][2:] == ["pagu", "realisasi_anggaran", "sisa", "capaian_anggaran"]
    assert table_kind(hm, "") == "lra"
    hm = build_header([["No", "Kode", "Program / Kegiatan", "Anggaran (Rp)"]])
    assert table_kind(hm, "Program dan Anggaran") == "pk_budget"
    text = ("LAPORAN KINERJA TAHUN 2024\nKECAMATAN CONTOH\n\nTabel 2.2 Program dan Anggaran\n"
            "No\tKode\tProgram / Kegiatan\tAnggaran (Rp)\n"
            "1\t7.01.01\tProgram Penunjang Urusan Pemerintahan Daerah\t1.450.000.000\n"
            "2\t7.01.02\tProgram Penyelenggaraan Pemerintahan dan Pelayanan Publik\t315.250.000\n")
    _, parsed = _parse(tmp_path, text)
    (t,) = parsed.reports[0].tables
    assert t.kind == "pk_budget" and [(r.text("kode"), r.text("pagu")) for r in t.rows] == [
        ("7.01.01", "1.450.000.000"), ("7.01.02", "315.250.000")]
    doc, _ = _parse(tmp_path, text.replace("\t", " "))
    (flat,) = read_flat_tables(doc.lines, 0, len(doc.lines))
    assert flat.kind == "pk_budget" and [(r.text("no"), r.text("kode"), r.text("name")) for r in flat.rows] == [
        ("1", "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah"),
        ("2", "7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik")]


TRIWULAN = """LAPORAN KINERJA TRIWULAN III TAHUN 2024
KECAMATAN CONTOH

Tabel 2.2 Capaian Kinerja Triwulan III
No\tSasaran\tIndikator Kinerja\tTarget Tahun 2024\tTarget Triwulan III\tRealisasi Triwulan III\tCapaian (%)
1\tMeningkatnya kualitas pelayanan publik\tIndeks kepuasan masyarakat\t80\t60\t57\t95,00
2\tMeningkatnya tertib administrasi\tPersentase desa tertib administrasi\t100%\t75%\t60%\t80,00
"""


def test_the_years_target_beside_the_periods_target(tmp_path):
    """A quarterly report's "Target Tahun 2024 | Target Triwulan III | Realisasi Triwulan III | Capaian":
    the capaian is measured against the quarter's target, which is the row's target; the year's is
    kept raw (before: tab rows took the year's target, so every capaian looked wrong, and flat text
    joined two numbers into the capaian)."""
    from lkj.parsers.flat_tables import read_flat_tables

    _, parsed = _parse(tmp_path, TRIWULAN)
    (t,) = parsed.reports[0].tables
    assert t.kind == "capaian" and t.unused == {3: "Target Tahun 2024"}
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("60", "57", "95,00"), ("75%", "60%", "80,00")]
    doc, _ = _parse(tmp_path, TRIWULAN.replace("\t", " "))
    (flat,) = read_flat_tables(doc.lines, 0, len(doc.lines))
    assert flat.unused == {0: "Target Tahun"}
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian"), r.extra) for r in flat.rows] == [
        ("60", "57", "95,00", ["80"]), ("75%", "60%", "80,00", ["100%"])]


PROGRAMME_REALISATION = ["LAPORAN KINERJA INSTANSI PEMERINTAH KECAMATAN SUKAMAJU TAHUN 2023", "",
                         "Tabel 3.5", "Realisasi Anggaran per Program Tahun 2023", ""]


def test_a_programme_budget_table_without_kode_is_a_realisation_and_its_share_the_budgets(tmp_path):
    """"No | Program | Pagu (Rp) | Realisasi (Rp) | %", no kode, no target: the table is the budget's
    realisation (lra), the "%" the share of the pagu spent, each row's level read from its name; in
    tab rows, in space-aligned text and in a text layer alike (before: a cost-per-outcome table whose
    "%" was a capaian kinerja and whose programmes were indicator rows)."""
    from lkj.parsers.headers import build_header, table_kind

    hm = build_header([["No", "Program", "Pagu (Rp)", "Realisasi (Rp)", "%"]])
    assert [c.role for c in hm.columns] == ["no", "name", "pagu", "realisasi_anggaran", "capaian_anggaran"]
    assert table_kind(hm, "Realisasi Anggaran") == "lra"
    # a pagu list alone stays the PK's programme list
    assert table_kind(build_header([["No", "Program", "Anggaran (Rp)"]]), "Program dan Anggaran") == "pk_budget"
    rows = [("1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "1.706.504.410", "1.550.100.200",
             "90,83"),
            ("2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "350.000.000", "320.500.000", "91,57"),
            ("", "Jumlah", "2.056.504.410", "1.870.600.200", "90,96")]
    tab = "\n".join(PROGRAMME_REALISATION + ["No\tProgram\tPagu (Rp)\tRealisasi (Rp)\t%"] + ["\t".join(r) for r in rows])
    spaced = "\n".join(PROGRAMME_REALISATION + [
        " No   Program                                    Pagu (Rp)          Realisasi (Rp)     %",
        " 1    Program Penunjang Urusan Pemerintahan      1.706.504.410      1.550.100.200      90,83",
        "      Daerah Kabupaten/Kota",
        " 2    Program Penyelenggaraan Pemerintahan dan   350.000.000        320.500.000        91,57",
        "      Pelayanan Publik",
        "      Jumlah                                     2.056.504.410      1.870.600.200      90,96"])
    flat = "\n".join(PROGRAMME_REALISATION + ["No Program Pagu (Rp) Realisasi (Rp) %"] + [
        "1 Program Penunjang Urusan Pemerintahan 1.706.504.410 1.550.100.200 90,83", "Daerah Kabupaten/Kota",
        "2 Program Penyelenggaraan Pemerintahan dan 350.000.000 320.500.000 91,57", "Pelayanan Publik",
        "Jumlah 2.056.504.410 1.870.600.200 90,96", "", "BAB IV"])
    for text in (tab, spaced, flat):
        _, parsed = _parse(tmp_path, text)
        (t,) = parsed.reports[0].tables
        assert t.kind == "lra"
        assert [(r.level, r.text("name"), r.text("pagu"), r.text("capaian_anggaran")) for r in t.rows] == [
            ("program", rows[0][1], "1.706.504.410", "90,83"), ("program", rows[1][1], "350.000.000", "91,57"),
            ("total", "Jumlah", "2.056.504.410", "90,96")]


def test_a_group_over_its_years_in_tab_rows(tmp_path):
    """"Target" / "Realisasi" / "Capaian (%)" over a row of years ("2021 | 2022"): the years' row
    is the header's (before: a data row of years), each column takes its group's role and its year,
    and the report's year decides which are the report's own; under a "Perbandingan" title the table
    still compares."""
    from lkj.parsers.headers import build_header, table_kind

    rows = [["No", "Indikator Kinerja", "Target", "", "Realisasi", "", "Capaian (%)", ""],
            ["", "", "2021", "2022", "2021", "2022", "2021", "2022"]]
    hm = build_header(rows, year=2022)
    assert [(c.role, c.year) for c in hm.columns][2:] == [
        (None, 2021), ("target", 2022), (None, 2021), ("realisasi", 2022), (None, 2021), ("capaian", 2022)]
    assert table_kind(hm, "Capaian Kinerja") == "capaian"
    assert table_kind(hm, "Perbandingan Capaian Kinerja") == "comparison"
    text = "\n".join(["LAPORAN KINERJA INSTANSI PEMERINTAH", "KECAMATAN SUKAMAJU", "TAHUN 2022", "",
                      "Tabel 3.1 Capaian Kinerja Tahun 2022"] + ["\t".join(r) for r in rows] + [
        "1\tIndeks Kepuasan Masyarakat\t80\t82\t81\t83\t101,25\t101,22",
        "2\tPersentase desa yang menyusun APBDes tepat waktu\t100%\t100%\t90%\t95%\t90,00\t95,00"])
    _, parsed = _parse(tmp_path, text)
    (t,) = parsed.reports[0].tables
    assert t.kind == "capaian"
    assert [(r.text("no"), r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("1", "82", "83", "101,22"), ("2", "100%", "95%", "95,00")]
