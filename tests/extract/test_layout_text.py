"""Space-aligned text (pdftotext -layout): tables read from character columns, as the PDF grid reads
them from points.  The inputs are built here in the shapes pdftotext gives: a table over two pages
under its repeated header, cells wrapped over lines, rows centred on their values with the lines of
neighbouring cells interleaved, a sasaran merged over two indicators, a two-level header, a unit
under its number, a running page number."""
from lkj.model.settings import DEFAULT

NARRATIVE = [
    "LAPORAN KINERJA TRIWULAN I",
    "TAHUN 2024",
    "",
    "BAB II",
    "AKUNTABILITAS KINERJA",
    "      Tabel berikut memuat perjanjian kinerja yang telah disepakati",
    "bersama atasan langsung untuk tahun berjalan.",
    "",
]


def _read(tmp_path, lines: list[str]):
    from lkj.extract import read

    p = tmp_path / "bundle.layout.txt"
    p.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    return read(str(p), DEFAULT)


def _tables(doc):
    from lkj.parsers.report_parser import parse_document

    return [t for rep in parse_document(doc).reports for t in rep.tables]


def _rows(doc):
    return [ln for ln in doc.lines if ln.cells is not None]


TWO_PAGES = NARRATIVE + [
    "                              Tabel 2.1",
    "",
    "No   Sasaran Strategis           Indikator Kinerja              Target",
    " 1   Meningkatnya kualitas       Persentase desa yang tertib      90%",
    "     pelayanan publik            administrasi keuangan",
    " 2   Meningkatnya                Jumlah dokumen perencanaan        12",
    "     akuntabilitas kinerja       yang disusun tepat waktu     Dokumen",
    " 3   Terwujudnya tata kelola     Persentase aduan masyarakat      85%",
    "     pemerintahan yang baik      yang ditindaklanjuti dalam",
    "",
    "",
    "",
    "                                   7",
    "\fNo   Sasaran Strategis           Indikator Kinerja              Target",
    "                                 satu minggu",
    " 4   Meningkatnya partisipasi    Jumlah musyawarah desa yang       24",
    "     masyarakat desa             difasilitasi                 Kegiatan",
    "",
    "",
    "                                   8",
]


def test_a_table_over_two_pages_is_one_table_with_its_wrapped_cells(tmp_path):
    doc = _read(tmp_path, TWO_PAGES)
    assert [g.source for g in doc.grids] == ["columns", "columns"]
    assert [g.page for g in doc.grids] == [1, 2]
    texts = [ln.text.strip() for ln in doc.lines if ln.cells is None]
    assert "7" not in texts and "8" not in texts                # page numbers dropped
    rows = _rows(doc)
    # a row is the line it starts on; a wrapped cell's lines are joined with a space
    first = next(ln for ln in rows if ln.cells[0].text == "1")
    assert first.no == 12
    assert [c.text for c in first.cells] == ["1", "Meningkatnya kualitas pelayanan publik",
                                             "Persentase desa yang tertib administrasi keuangan", "90%"]
    # each cell keeps the line and the source span of its first piece
    assert first.cells[3].line == 12 and TWO_PAGES[11][slice(*first.cells[3].span)] == "90%"
    second = next(ln for ln in rows if ln.cells[0].text == "2")
    assert second.cells[3].text == "12 Dokumen"                   # a unit under its number
    (table,) = _tables(doc)
    assert table.kind == "pk"
    assert [r.text("target") for r in table.rows] == ["90%", "12 Dokumen", "85%", "24 Kegiatan"]
    # the cell cut by the page break is joined across the repeated header
    assert table.rows[2].text("indikator") == "Persentase aduan masyarakat yang ditindaklanjuti dalam satu minggu"
    assert table.rows[3].text("sasaran") == "Meningkatnya partisipasi masyarakat desa"
    assert len(table.grids) == 2


CENTRED = NARRATIVE + [
    '                                 Tabel 2.2',
    '',
    '                                                                             Capaian',
    'No      Sasaran                  Indikator Kinerja         Target  Realisasi',
    '                                                                               (%)',
    '        Meningkatnya kualitas    Persentase desa yang',
    ' 1                                                          90%      81%       90%',
    '        pelayanan publik         tertib administrasi',
    '                                 Jumlah dokumen perencanaan',
    '        Meningkatnya                                         12       6',
    '                                 yang disusun tepat waktu                      50%',
    '        akuntabilitas                                      Dokumen Dokumen',
    ' 2      kinerja aparatur         Persentase aduan yang',
    '        kecamatan                                           80%      80%      100%',
    '                                 ditindaklanjuti',
    '        Terwujudnya tata         Indeks kepuasan',
    ' 3                                                           85       88      103%',
    '        kelola yang baik         masyarakat',
    '',
    '',
]


def test_rows_centred_on_their_values_and_a_sasaran_merged_over_two_indicators(tmp_path):
    doc = _read(tmp_path, CENTRED)
    (table,) = _tables(doc)
    assert table.kind == "capaian"
    got = [(r.text("no"), r.text("sasaran"), r.text("indikator"), r.text("target"), r.text("realisasi"),
            r.text("capaian")) for r in table.rows]
    assert got == [
        ("1", "Meningkatnya kualitas pelayanan publik", "Persentase desa yang tertib administrasi",
         "90%", "81%", "90%"),
        # the sasaran centred on row number 2 belongs to its first indicator; the second has none
        ("2", "Meningkatnya akuntabilitas kinerja aparatur kecamatan",
         "Jumlah dokumen perencanaan yang disusun tepat waktu", "12 Dokumen", "6 Dokumen", "50%"),
        ("", "", "Persentase aduan yang ditindaklanjuti", "80%", "80%", "100%"),
        ("3", "Terwujudnya tata kelola yang baik", "Indeks kepuasan masyarakat", "85", "88", "103%"),
    ]
    assert table.rows[0].line == 14                 # the row's first line, in the source's numbering


TWO_LEVEL = NARRATIVE + [
    "                                        Tabel 2.3",
    "",
    "                                               Kinerja                       Anggaran",
    "       Sasaran /           Indikator",
    "No                                                                                              Capaian",
    "       Kegiatan             Kinerja       T        R        %         Pagu        Realisasi",
    "                                                                                                  (%)",
    "1.  Meningkatnya kualitas  Persentase    90%    81,50%   90,56%",
    "    pelayanan publik       desa tertib",
    "Program",
    "1.  Program Penunjang      Persentase                          1.250.000.000  1.000.000.000  80%",
    "    Urusan Pemerintahan    desa tertib",
    "2.  Program Pemberdayaan   Jumlah musyawarah                        45.000.000     9.000.000  20%",
    "    Masyarakat Desa        desa",
    "3.  Program Ketenteraman   Jumlah patroli                           30.000.000    15.000.000  50%",
    "    dan Ketertiban Umum    wilayah",
    "4.  Program Pembinaan      Jumlah desa                              20.000.000     5.000.000  25%",
    "    Pemerintahan Desa      dibina",
    "",
    "",
]


def test_two_level_header_read_from_character_columns(tmp_path):
    doc = _read(tmp_path, TWO_LEVEL)
    header = _rows(doc)[0]
    # the group labels are written in the first column of their group, as the PDF grid writes them
    assert [c.text for c in header.cells] == ["No", "Sasaran / Kegiatan", "Indikator Kinerja", "Kinerja", "", "",
                                              "Anggaran", "", ""]
    (table,) = _tables(doc)
    assert table.kind == "cost_per_outcome"
    first, prog, second = table.rows[:3]
    assert len(table.rows) == 5
    assert (first.text("target"), first.text("realisasi"), first.text("capaian")) == ("90%", "81,50%", "90,56%")
    assert (prog.text("pagu"), prog.text("realisasi_anggaran"), prog.text("capaian_anggaran")) == \
        ("1.250.000.000", "1.000.000.000", "80%")
    assert prog.level == "program" and prog.text("name") == "Program Penunjang Urusan Pemerintahan"
    assert second.text("pagu") == "45.000.000" and second.text("indikator") == "Jumlah musyawarah desa"


def test_text_without_aligned_columns_stays_lines(tmp_path):
    doc = _read(tmp_path, NARRATIVE + ["No Sasaran Indikator Target", "1 Meningkatnya kualitas 90%"] * 3)
    assert not doc.grids and all(ln.cells is None for ln in doc.lines)


# the program budget list that closes each table fixture below (a report's tables end with one)
BUDGET_AFTER = [
    "",
    "",
    "No                  Program / Kegiatan                      Anggaran",
    " 1 Penyusunan Rencana Kerja Perangkat Daerah              Rp. 6.250.000,-",
    " 2 Pembinaan Lembaga Kemasyarakatan Desa                  Rp. 4.100.000,-",
    " 3 Fasilitasi Administrasi Tata Pemerintahan Desa         Rp. 8.725.000,-",
    "   TOTAL                                                 Rp. 19.075.000,-",
    "",
    "",
]


UNIT_BESIDE = NARRATIVE + [
    "                          Tabel 2.1.",
    "",
    "No     Sasaran Strategis              Indikator Kinerja          Target",
    " 1 Meningkatnya               Jumlah Dokumen Hasil             6 Dokumen",
    "   tertib administrasi        Penyusunan Rencana Kerja",
    "   perkantoran                Tahunan serta Laporan Keuangan",
    " 2   Meningkatnya             Jumlah Laporan Hasil             3 Laporan",
    "     koordinasi lintas        Pembinaan Lembaga",
    "     sektor                   Kemasyarakatan Desa",
    " 3   Terwujudnya              Jumlah Desa yang                 9 Desa",
    "     pembinaan desa           Difasilitasi dalam Pembinaan",
    "     yang tertib              Administrasi Desa",
] + BUDGET_AFTER


def test_a_number_with_its_unit_on_its_line_is_one_cell(tmp_path):
    # "6 Dokumen" starts a character left of its label "Target", and its unit fills the gutter
    # between the number and the label: the number stays with its unit, not with the indikator
    table = _tables(_read(tmp_path, UNIT_BESIDE))[0]
    assert table.kind == "pk"
    assert [r.text("target") for r in table.rows] == ["6 Dokumen", "3 Laporan", "9 Desa"]
    assert table.rows[0].text("indikator") == ("Jumlah Dokumen Hasil Penyusunan Rencana Kerja Tahunan serta Laporan "
                                               "Keuangan")


def _at(*cells: tuple[int, str]) -> str:
    """A line with each text starting at its character column."""
    out = ""
    for col, text in cells:
        out = out.ljust(col) + text
    return out


SUB_HEADER = NARRATIVE + [
    _at((40, "Tabel 2.2.")),
    "",
    _at((4, "No"), (20, "Sasaran Kegiatan"), (58, "Indikator Kinerja"), (88, "Target"), (98, "Realisasi"),
        (111, "Capaian")),
    _at((5, "1"), (7, "Meningkatnya kualitas"), (50, "Persentase aduan yang"), (89, "90%"), (99, "75%"),
        (112, "83,33%")),
    _at((7, "layanan kecamatan"), (50, "ditindaklanjuti tepat waktu")),
    _at((5, "2"), (7, "Meningkatnya tertib"), (50, "Persentase desa yang tertib"), (89, "80%"), (99, "60%"),
        (112, "75,00%")),
    _at((7, "administrasi desa"), (50, "administrasi keuangan")),
    _at((4, "No"), (14, "Sasaran Program"), (53, "Indikator Kinerja")),
    _at((5, "1"), (7, "Meningkatnya pelayanan"), (50, "Indeks kepuasan"), (89, "85%"), (99, "85%"), (112, "100%")),
    _at((7, "publik kecamatan"), (50, "masyarakat terhadap layanan")),
    _at((5, "2"), (7, "Meningkatnya pembinaan"), (50, "Persentase desa yang"), (89, "95%"), (99, "90%"),
        (112, "94,74%")),
    _at((7, "pemerintahan desa"), (50, "menetapkan RKPDes tepat waktu")),
] + BUDGET_AFTER


def test_a_sub_header_over_the_label_columns_stays_in_its_table(tmp_path):
    # "No | Sasaran Program | Indikator Kinerja" inside the table, its labels centred a few characters
    # from the header's: the rows below it keep the header's value columns
    rows = [r for t in _tables(_read(tmp_path, SUB_HEADER)) for r in t.rows if r.text("indikator")]
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian")) for r in rows] == [
        ("90%", "75%", "83,33%"), ("80%", "60%", "75,00%"), ("85%", "85%", "100%"), ("95%", "90%", "94,74%")]
    assert rows[2].text("indikator") == "Indeks kepuasan masyarakat terhadap layanan"


TWO_LINE_LABELS = NARRATIVE + [
    _at((40, "Tabel 2.4")),
    "",
    _at((86, "Capaian Realisasi")),
    _at((0, "No"), (20, "Sasaran"), (56, "Indikator"), (110, "Efisiensi")),
    _at((85, "Kinerja Anggaran")),
    _at((0, "1"), (5, "Meningkatnya kualitas"), (44, "Persentase aduan yang"), (89, "15 %"), (100, "22 %"),
        (114, "-0,47")),
    _at((5, "layanan kecamatan"), (44, "ditindaklanjuti tepat waktu")),
    _at((0, "2"), (5, "Meningkatnya tertib"), (44, "Persentase desa yang tertib"), (89, "23 %"), (100, "24 %"),
        (114, "-0,04")),
    _at((5, "administrasi desa"), (44, "administrasi keuangan")),
    _at((0, "3"), (5, "Meningkatnya pelayanan"), (44, "Indeks kepuasan"), (89, "67 %"), (100, "18 %"),
        (114, "0,73")),
    _at((5, "publik kecamatan"), (44, "masyarakat terhadap layanan")),
] + BUDGET_AFTER


def test_a_two_line_label_split_where_the_line_above_is(tmp_path):
    # "Capaian Realisasi" over "Kinerja Anggaran": a body gutter runs through the upper line's space,
    # but the capaian values reach one character past "Kinerja"; the lower line is split where the
    # upper is, so the table keeps its two columns (not one label over both and the efisiensi read as
    # the capaian anggaran)
    table = next(t for t in _tables(_read(tmp_path, TWO_LINE_LABELS)) if t.kind == "efisiensi")
    assert [(r.text("capaian"), r.text("capaian_anggaran"), r.text("efisiensi")) for r in table.rows] == [
        ("15 %", "22 %", "-0,47"), ("23 %", "24 %", "-0,04"), ("67 %", "18 %", "0,73")]


# a page holding one row of a table: pdftotext sets its values closer than their columns, the target
# one space from the realisasi, both left of their labels, and the R column below "Kinerja" is empty
# (no value of the page lands in it)
ONE_ROW_PAGE = NARRATIVE + [
    '                                            Tabel 2.3.',
    '                         Cost per outcome Camat Tahun 2024 - Triwulanan I',
    '',
    '                                                                     Anggaran                                     Kinerja',
    '          Sasaran /               Indikator',
    'No                                                                                      Capaian',
    '          Program                  Kinerja              Pagu             Realisasi                        T         R             %',
    '                                                                                          (%)',
    '1         2                            3                  4                   5            6              7            8              9',
    '  Meningkatnya               Persentase aduan',
    '  kualitas                   masyarakat yang',
    '1                                                                                                  88,00% 79,20%               90,00%',
    '  pelayanan publik           ditindaklanjuti',
    '  kecamatan                  tepat waktu',
] + BUDGET_AFTER


def test_values_drifted_left_of_an_empty_column_of_their_group(tmp_path):
    (table,) = [t for t in _tables(_read(tmp_path, ONE_ROW_PAGE)) if t.kind == "cost_per_outcome"]
    (row,) = table.rows
    assert (row.text("capaian_anggaran"), row.text("target"), row.text("realisasi"), row.text("capaian")) == \
        ("", "88,00%", "79,20%", "90,00%")


# an efisiensi header whose formula line "((K-A)/K)" stands alone under the header line, the "(%)"
# of the two capaian columns on the line after it
EFISIENSI_FORMULA = CENTRED + [
    '                                                 Tabel 2.4',
    '                                 Efisiensi Penggunaan Sumber Daya Camat',
    '',
    '                                                                     Capaian       Capaian',
    '                                                                                                Efisiensi',
    'No               Sasaran                     Indikator Kinerja       Kinerja       Anggaran',
    '                                                                                                ((K-A)/K)',
    '                                                                       (%)           (%)',
    '     Meningkatnya Kualitas',
    '                                       Persentase Pemenuhan',
    '     Pelayanan Administrasi',
    '1                                      kebutuhan operasional          64%         50,00%           0,22',
    '     Perkantoran',
    '                                       kantor',
    '     Meningkatnya Kualitas',
    '2    Penyelenggaraan Pelayanan         Indeks Pelayanan Publik         80%         40,00%           0,50',
    '     publik Kecamatan',
    '                                       Persentase lembaga',
    '     Meningkatnya Pemberdayaan',
    '                                       kemasyarakatan',
    '3    Masyarakat Desa dan                                               50%         60,00%           -0,20',
    '                                       desa/kelurahan dan ormas',
    '     Kelurahan',
    '                                       yang aktif',
    '     Meningkatnya Ketertiban           Persentase Penanganan',
    '4    Umum di Wilayah Kecamatan         Gangguan Ketertiban Umum        40%         20,00%           0,50',
] + BUDGET_AFTER


def test_a_formula_line_alone_under_the_header_is_the_header(tmp_path):
    (table,) = [t for t in _tables(_read(tmp_path, EFISIENSI_FORMULA)) if t.kind == "efisiensi"]
    assert "((K-A)/K)" in table.header_text
    assert [(r.text("capaian"), r.text("capaian_anggaran"), r.text("efisiensi")) for r in table.rows] == \
        [("64%", "50,00%", "0,22"), ("80%", "40,00%", "0,50"), ("50%", "60,00%", "-0,20"), ("40%", "20,00%", "0,50")]


# a value cell of two lines ("2" over "Dokumen") centred on a tall row, with the row's other values
# on the line between them: the capaian "50%" there sits under the empty R of that line
CENTRED_UNITS = NARRATIVE + [
    '                                  Tabel 2.3.',
    '',
    '                                                     Anggaran                              Kinerja',
    '     Sasaran /          Indikator',
    'No                                                                   Capaian                                  Efisiensi',
    '     Kegiatan            Kinerja          Pagu        Realisasi                     T           R       %',
    '                                                                       (%)',
    '1 Meningkatnya      Jumlah Desa',
    '  kualitas          yang Dibina',
    '  pembinaan         dalam Forum',
    '  lembaga           Musyawarah           6.400.000     3.200.000 50,00%         10 Desa       8 Desa   80%    30,00%',
    '  kemasyarakatan    Perencanaan',
    '  desa              di Desa',
    '                    Jumlah',
    '                    Dokumen Hasil',
    '                    Sinkronisasi',
    '                                                                                   4       2',
    '                    Program Kerja        2.000.000     1.500.000 75,00%                         50%           -50,00%',
    '                                                                                Dokumen Dokumen',
    '                    dan Kegiatan',
    '                    Desa',
    '                    Jumlah              10.000.000   10.000.000       100%         4            2      50%       -50%',
    '                    Laporan                                                     Laporan      Laporan',
] + BUDGET_AFTER


def test_a_value_between_the_lines_of_a_centred_number_and_unit_goes_to_its_own_column(tmp_path):
    (table,) = [t for t in _tables(_read(tmp_path, CENTRED_UNITS)) if t.kind == "cost_per_outcome"]
    # the row of the budget 2.000.000 has its capaian "50%" in the capaian column, not beside a realisasi
    (row,) = [r for r in table.rows if r.text("pagu") == "2.000.000"]
    assert row.text("capaian") == "50%" and "50%" not in row.text("realisasi")


# an amount whose "Rp." ends a line and whose digits begin the next, under an amount of one line
RP_ALONE = NARRATIVE + [
    '',
    '                     No                            Sub Kegiatan                                    Pagu Anggaran',
    '                     1.   Penyusunan Dokumen Perencanaan Perangkat Daerah                            Rp. 6.250.000',
    '                     2.   Koordinasi dan Penyusunan Laporan Capaian Kinerja                          Rp. 2.100.000',
    '                          dan Ikhtisar Realisasi Kinerja SKPD',
    '                     3.   Evaluasi Kinerja Perangkat Daerah                                          Rp. 3.400.000',
    '                     4.   Penyediaan Gaji dan Tunjangan ASN                                                    Rp.',
    '                                                                                                     1.250.000.000',
    '                     5.  Penyediaan Administrasi Pelaksanaan Tugas ASN                              Rp. 30.500.000',
    '                     6.  Koordinasi dan Pelaksanaan Akuntansi SKPD                                   Rp. 2.750.000',
] + BUDGET_AFTER


def test_a_currency_prefix_alone_starts_the_next_amount(tmp_path):
    doc = _read(tmp_path, RP_ALONE)
    rows = {ln.cells[0].text: ln.cells[-1].text for ln in _rows(doc)}
    assert rows["3."] == "Rp. 3.400.000" and rows["4."] == "Rp. 1.250.000.000"


# a page of kinerja rows whose budget columns are empty but for one sub kegiatan row, where its nil
# realisasi "-" drifted three spaces from its capaian anggaran: the column they share is still a
# value column (a dash and a number), and they are shared out over the two columns
DASH_BESIDE = NARRATIVE + [
    '                                                    Kinerja                           Anggaran',
    '       Sasaran/           Indikator',
    'No                                                                                                        Capaian',
    '       Kegiatan            Kinerja          T          R           %        Pagu          Realisasi',
    '                                                                                                            (%)',
    '(1)       (2)                (3)           (4)        (5)        (6=5/4)     (7)             (8)          (9=8/7)',
    '   Terlaksananya      Jumlah Laporan',
    '   Pembinaan dan      Pembinaan dan',
    '   Penyusunan         Penyusunan            4          2',
    ' 1                                                               50,00%',
    '   Laporan Desa       Laporan Desa       laporan    laporan',
    '   Binaan             Binaan',
    '   Terlaksananya      Jumlah Laporan',
    '   Penatausahaan      Penatausahaan',
    '                                            12         6',
    ' 2 Aset Desa          Aset Desa                                  50,00%',
    '                                         laporan    laporan',
    '   Binaan             Binaan',
    'Sub Kegiatan',
    ' 1 Koordinasi dan     Jumlah                                               2.500.000,00               -   0,00%',
    '   Penyusunan         Dokumen',
    '   Dokumen            Rencana Kerja',
    '   Rencana Kerja      Desa',
] + BUDGET_AFTER


def test_a_dash_beside_a_number_in_one_column_is_shared_out(tmp_path):
    doc = _read(tmp_path, DASH_BESIDE)
    (row,) = [ln for ln in _rows(doc) if any(c.text.startswith("2.500.000") for c in ln.cells)]
    assert [c.text for c in row.cells][-3:] == ["2.500.000,00", "-", "0,00%"]


# a table read centred on the page before goes on over the page: the new page holds the last line
# of the row the break cut ("Daerah") and one row centred on its values; both readings fit that
# page alone equally, and the page before decides (centred: the lines above the values are the row's)
CONTINUED_CENTRED = CENTRED + [
    '                                 Tabel 2.3.',
    '',
    'No  Program / Kegiatan                     Pagu             Realisasi       Capaian',
    '    Administrasi',
    '1.  Keuangan Perangkat              1.500.000.000,00     1.200.000.000,00    80%',
    '    Daerah',
    '    Administrasi',
    '    Barang Milik',
    '2.                                      4.000.000,00         2.000.000,00    50%',
    '    Daerah pada',
    '    Perangkat Daerah',
    '    Penyediaan Jasa',
    '    Penunjang',
    '3.  Urusan                            200.000.000,00       120.000.000,00    60%',
    '    Pemerintahan',
    '',
    '',
    '',
    '\fNo  Program / Kegiatan                     Pagu             Realisasi       Capaian',
    '    Daerah',
    '    Pemeliharaan',
    '    Barang Milik',
    '    Daerah',
    '4.  Penunjang                          90.000.000,00        36.000.000,00    40%',
    '    Urusan',
    '    Pemerintahan',
    '    Daerah',
] + BUDGET_AFTER


def test_a_page_that_fits_both_readings_takes_the_reading_of_the_page_before(tmp_path):
    doc = _read(tmp_path, CONTINUED_CENTRED)
    (table,) = [t for t in _tables(doc) if t.kind == "lra"]     # (programmes' budgets alone: a realisation)
    names = [r.text("name") for r in table.rows]
    assert names[2:4] == ["Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
                          "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah"]


def test_a_long_caption_centred_over_the_header_is_no_paragraph(tmp_path):
    """A caption of six words and more right above the header (a web printout's table title) does not
    make the header a paragraph's line: the table is read."""
    def row(*cells):
        return "".join(c.ljust(w) for c, w in zip(cells, (8, 38, 45, 12))).rstrip()

    doc = _read(tmp_path, NARRATIVE + [
        "                                                 Tabel 2.1.",
        "                             Lembar Dokumen Perjanjian Kinerja Kasi Pemerintahan",
        row("   No", "Sasaran Strategis", "Indikator Kinerja", "Target"),
        row("   1.", "Meningkatnya wawasan kebangsaan", "Jumlah Laporan Hasil Pembinaan Wawasan", "2 Laporan"),
        row("", "masyarakat", "Kebangsaan"),
        row("   2.", "Tertanganinya konflik sosial di", "Jumlah Laporan Penanganan Konflik Sosial", "4 Laporan"),
        row("", "wilayah kecamatan"),
        row("   3.", "Terlaksananya tugas Forum", "Jumlah Laporan Pelaksanaan Tugas Forum", "12 Laporan"),
        row("", "Koordinasi Pimpinan", "Koordinasi Pimpinan"),
        row("   4.", "Tertibnya administrasi desa", "Jumlah Dokumen Administrasi Desa", "24 Dokumen"),
        row("", "tata pemerintahan", "Tata Pemerintahan"),
        row("   5.", "Tertibnya pengelolaan keuangan", "Jumlah Desa yang Difasilitasi dalam", "10 Desa"),
        row("", "dan aset desa", "Pengelolaan Keuangan Desa"),
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "pk" and len(t.rows) == 5
    assert [(r.text("no"), r.text("sasaran"), r.text("indikator"), r.text("target")) for r in t.rows[:2]] == [
        ("1.", "Meningkatnya wawasan kebangsaan masyarakat", "Jumlah Laporan Hasil Pembinaan Wawasan Kebangsaan",
         "2 Laporan"),
        ("2.", "Tertanganinya konflik sosial di wilayah kecamatan", "Jumlah Laporan Penanganan Konflik Sosial",
         "4 Laporan")]


def test_a_label_centred_between_two_header_lines_is_the_header(tmp_path):
    """"Program / Kegiatan / Sub Kegiatan" alone on the middle line of a three-line header (a Word cell
    centred vertically, "Kode" above and "Rekening" below in the column beside it; the rows centred
    on their values, as pdftotext -layout gives a Word export): the header is the three lines, not
    its first line only, and the kode and the name are two columns."""
    doc = _read(tmp_path, NARRATIVE + [
        "                                Tabel 2.4 Realisasi Anggaran",
        "",
        '    Kode                                                                          Pagu Setelah       Realisasi       Sisa Anggaran    Persentase',
        '                              Program / Kegiatan / Sub Kegiatan',
        '   Rekening                                                                      Perubahan (Rp)       (Rp)                (Rp)           (%)',
        '                  Program Penunjang Urusan Pemerintahan Daerah',
        '7.01.01                                                                             3.793.243.724   2.346.826.598     2.557.528.237    46,07%',
        '                  Kabupaten/Kota',
        '                  Perencanaan, Penganggaran, dan Evaluasi Kinerja',
        '7.01.01.2.01                                                                            1.558.861      2.143.661          8.626.311    20,46%',
        '                  Perangkat Daerah',
        '7.01.01.2.01.01   Penyusunan Dokumen Perencanaan Perangkat Daerah                       4.337.861                -        4.337.861     0,00%',
        '                  Koordinasi dan Penyusunan Dokumen Perubahan',
        '7.01.01.2.01.03                                                                         3.554.111                -        3.554.111     0,00%',
        '                  RKA-SKPD',
        '                  Koordinasi dan Penyusunan Laporan Capaian Kinerja dan',
        '7.01.01.2.01.06                                                                         2.342.111        765.361            687.861    53,15%',
        '                  Ikhtisar Realisasi Kinerja SKPD',
        '7.01.01.2.01.07   Evaluasi Kinerja Perangkat Daerah                                     3.658.111       2.389.411         2.379.811    50,19%',
        '7.01.01.2.02      Administrasi Keuangan Perangkat Daerah                            3.361.126.111   2.215.431.185     2.265.715.137    48,89%',
        '7.01.01.2.02.01   Penyediaan Gaji dan Tunjangan ASN                                 3.366.781.111   2.215.431.185     2.262.469.137    48,96%',
        '                  Koordinasi dan Penyusunan Laporan Keuangan Akhir',
        '7.01.01.2.02.05                                                                         4.447.111                -        4.447.111     0,00%',
        '                  Tahun SKPD',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "lra"
    assert [(r.text("kode"), r.text("name"), r.text("pagu"), r.text("sisa")) for r in t.rows[:5]] == [
        ("7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "3.793.243.724", "2.557.528.237"),
        ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "1.558.861", "8.626.311"),
        ("7.01.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "4.337.861", "4.337.861"),
        ("7.01.01.2.01.03", "Koordinasi dan Penyusunan Dokumen Perubahan RKA-SKPD", "3.554.111", "3.554.111"),
        ("7.01.01.2.01.06", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
         "2.342.111", "687.861")]


def test_a_label_begun_above_the_main_line_and_ended_below_it_is_one_column(tmp_path):
    """"Program/Kegiatan/ Sub" above the main line, "Kegiatan" under it (a web page's cell printed
    through pdftotext -layout, the label centred in its column, "Kode" and the amounts' labels on the
    line between): the line under the main line is the header's, the label is the name column's, not
    a group label over "Kode" and "Pagu", and the kode and the name are two columns."""
    doc = _read(tmp_path, NARRATIVE + [
        "                                                        Tabel 2.4",
        "                             Realisasi Anggaran Kecamatan s.d. Triwulan II Tahun 2022",
        "                                 Program/Kegiatan/ Sub",
        "             Kode                                                       Pagu           Realisasi           Sisa        Persentase",
        "                                       Kegiatan",
        "      7.01.01              PROGRAM PENUNJANG URUSAN                 3.114.250.008      811.402.075     2.302.847.933    26,05%",
        "                           PEMERINTAHAN DAERAH",
        "                           KABUPATEN/KOTA",
        "      7.01.01.2.01         Perencanaan, Penganggaran, dan                17.612.000       5.163.410       12.448.590    29,32%",
        "                           Evaluasi Kinerja Perangkat Daerah",
        "      7.01.01.2.01.0001    Penyusunan Dokumen Perencanaan                 6.351.000       3.104.220        3.246.780    48,88%",
        "                           Perangkat Daerah",
        "      7.01.01.2.01.0002    Koordinasi dan Penyusunan                      4.930.000                -       4.930.000      0%",
        "                           Dokumen RKA-SKPD",
        "      7.01.01.2.01.0007    Evaluasi Kinerja Perangkat Daerah              1.421.000        730.000           691.000    51,37%",
        "      7.01.01.2.02         Administrasi Keuangan Perangkat               2.140.000.000   701.113.950     1.438.886.050    32,76%",
        "                           Daerah",
        "      7.01.01.2.02.0001    Penyediaan Gaji dan Tunjangan ASN          2.101.530.000   690.512.950     1.411.017.050    32,86%",
        "      7.01.01.2.02.0004    Koordinasi dan Pelaksanaan                     2.970.000       1.101.000        1.869.000    37,07%",
        "                           Akuntansi SKPD",
        "      7.01.01.2.06         Administrasi Umum Perangkat Daerah            61.014.000      19.904.600       41.109.400    32,62%",
        "      7.01.01.2.06.0004    Penyediaan Bahan Logistik Kantor              14.200.000       6.020.100        8.179.900    42,39%",
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "lra"
    assert [(r.text("kode"), r.text("name"), r.text("pagu"), r.text("sisa")) for r in t.rows] == [
        ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "3.114.250.008", "2.302.847.933"),
        ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "17.612.000", "12.448.590"),
        ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "6.351.000", "3.246.780"),
        ("7.01.01.2.01.0002", "Koordinasi dan Penyusunan Dokumen RKA-SKPD", "4.930.000", "4.930.000"),
        ("7.01.01.2.01.0007", "Evaluasi Kinerja Perangkat Daerah", "1.421.000", "691.000"),
        ("7.01.01.2.02", "Administrasi Keuangan Perangkat Daerah", "2.140.000.000", "1.438.886.050"),
        ("7.01.01.2.02.0001", "Penyediaan Gaji dan Tunjangan ASN", "2.101.530.000", "1.411.017.050"),
        ("7.01.01.2.02.0004", "Koordinasi dan Pelaksanaan Akuntansi SKPD", "2.970.000", "1.869.000"),
        ("7.01.01.2.06", "Administrasi Umum Perangkat Daerah", "61.014.000", "41.109.400"),
        ("7.01.01.2.06.0004", "Penyediaan Bahan Logistik Kantor", "14.200.000", "8.179.900")]


def test_a_paragraph_one_blank_line_after_the_table_leaves_its_columns_alone(tmp_path):
    """A paragraph one blank line under a table (a web printout through pdftotext -layout): its lines
    start where the table's "No" column does and run through the narrow gutter before the sasaran.
    The body ends before the paragraph, and the columns are found from the table's own lines: the
    row number, the sasaran and the two values set one space apart are cells of their own."""
    doc = _read(tmp_path, NARRATIVE + [
        "                                                                   Tabel 2.2",
        "                                                         Capaian Kinerja",
        "",
        "       No               Sasaran Kegiatan                              Indikator Kinerja           Target Realisasi   Capaian      Ket",
        "        1                         2                                            3                    4        5             6       7",
        "       1.   Meningkatnya Kualitas Pelayanan                Persentase Pelayanan Administrasi       90%     75%         83%",
        "            Administrasi Kecamatan                         Kecamatan sesuai Standar",
        "       2.   Meningkatnya Fasilitasi Koordinasi             Persentase Fasilitasi Koordinasi        80%     60%         75%",
        "            Ketenteraman dan Ketertiban Umum               Ketenteraman dan Ketertiban Umum",
        "       3.   Meningkatnya fasilitasi                        Persentase Fasilitasi                  100%    62,50%       63%",
        "            penyelenggaraan pemerintahan                   Penyelenggaraan Urusan",
        "            umum                                           Pemerintahan Umum",
        "       4.   Meningkatnya tertib administrasi               Persentase dokumen administrasi         85%    70,59%       83%     Belum",
        "            pemerintahan desa                              pemerintahan desa yang ditetapkan                                   tercapai",
        "                                                           tepat waktu",
        "",
        "      Untuk mewujudkan pencapaian atas target kinerja sebagaimana tertuang pada tabel di atas tentunya dibutuhkan",
        "      anggaran. Oleh karena itu, pada tabel berikut akan diuraikan kegiatan-kegiatan yang mendukung",
        "      ketercapaian target kinerja, termasuk pagu anggaran dan realisasi anggarannya.",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "capaian"
    assert [(r.text("no"), r.text("sasaran"), r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("1.", "Meningkatnya Kualitas Pelayanan Administrasi Kecamatan", "90%", "75%", "83%"),
        ("2.", "Meningkatnya Fasilitasi Koordinasi Ketenteraman dan Ketertiban Umum", "80%", "60%", "75%"),
        ("3.", "Meningkatnya fasilitasi penyelenggaraan pemerintahan umum", "100%", "62,50%", "63%"),
        ("4.", "Meningkatnya tertib administrasi pemerintahan desa", "85%", "70,59%", "83%")]
    assert t.rows[3].text("indikator") == "Persentase dokumen administrasi pemerintahan desa yang ditetapkan tepat waktu"


def test_a_label_over_the_main_line_and_its_rest_under_it_is_one_column(tmp_path):
    """"Anggaran (Rp)" over the header's main line and "Realisasi (Rp)" under it, nothing of the main
    line between them (a Word cell centred in a four-line header, through pdftotext -layout): the
    line under the main line is the header's, "Anggaran (Rp)" is no group label over "Pagu Setelah"
    and "Sisa Anggaran", and the realisasi and the sisa are two columns."""
    doc = _read(tmp_path, NARRATIVE + [
        "                                                                                       Tabel 2.4",
        "                                                                  Realisasi Anggaran Kecamatan s.d. Triwulan II Tahun 2022",
        "",
        "                                                                                                                                                            Anggaran (Rp)",
        "      Kode                                                       Program/Kegiatan/ Sub Kegiatan                                           Pagu Setelah                        Sisa Anggaran   Persentase",
        "                                                                                                                                                             Realisasi (Rp)",
        "                                                                                                                                         Perubahan (Rp)                            (Rp)",
        '7.01.01             PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA                                                          3.114.250.008      811.402.075      2.302.847.933  26,05%',
        '7.01.01.2.01        Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah                                                        17.612.000        5.163.410         12.448.590  29,32%',
        '7.01.01.2.01.0001   Penyusunan Dokumen Perencanaan Perangkat Daerah                                                                          6.351.000        3.104.220          3.246.780  48,88%',
        '7.01.01.2.01.0002   Koordinasi dan Penyusunan Dokumen RKA-SKPD                                                                               4.930.000                -          4.930.000      0%',
        '7.01.01.2.01.0004   Koordinasi dan Penyusunan DPA-SKPD                                                                                       1.800.000        1.800.000                  -    100%',
        '7.01.01.2.01.0007   Evaluasi Kinerja Perangkat Daerah                                                                                        1.421.000          730.000            691.000  51,37%',
        '7.01.01.2.02        Administrasi Keuangan Perangkat Daerah                                                                               2.140.000.000      701.113.950      1.438.886.050  32,76%',
        '7.01.01.2.02.0001   Penyediaan Gaji dan Tunjangan ASN                                                                                    2.101.530.000      690.512.950      1.411.017.050  32,86%',
        '7.01.01.2.06        Administrasi Umum Perangkat Daerah                                                                                      61.014.000       19.904.600         41.109.400  32,62%',
        '7.01.01.2.06.0004   Penyediaan Bahan Logistik Kantor                                                                                        14.200.000        6.020.100          8.179.900  42,39%',
        '7.01.02.2.01.0001   Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah                             6.289.000        2.501.000          3.788.000  39,77%',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "lra"
    assert [(r.text("kode"), r.text("pagu"), r.text("realisasi_anggaran"), r.text("sisa")) for r in t.rows] == [
        ("7.01.01", "3.114.250.008", "811.402.075", "2.302.847.933"),
        ("7.01.01.2.01", "17.612.000", "5.163.410", "12.448.590"),
        ("7.01.01.2.01.0001", "6.351.000", "3.104.220", "3.246.780"),
        ("7.01.01.2.01.0002", "4.930.000", "-", "4.930.000"),
        ("7.01.01.2.01.0004", "1.800.000", "1.800.000", "-"),
        ("7.01.01.2.01.0007", "1.421.000", "730.000", "691.000"),
        ("7.01.01.2.02", "2.140.000.000", "701.113.950", "1.438.886.050"),
        ("7.01.01.2.02.0001", "2.101.530.000", "690.512.950", "1.411.017.050"),
        ("7.01.01.2.06", "61.014.000", "19.904.600", "41.109.400"),
        ("7.01.01.2.06.0004", "14.200.000", "6.020.100", "8.179.900"),
        ("7.01.02.2.01.0001", "6.289.000", "2.501.000", "3.788.000")]


def test_a_row_number_in_the_text_column_beside_an_empty_no_cell(tmp_path):
    """The first row set three characters left of the others ("1. Meningkatnya" against " 2.   Ter...",
    as pdftotext -layout gives a Word table): no gutter runs between the number and the sasaran, the
    numbers of the other rows land in the sasaran's cell and the "No" cell stays empty.  The number
    goes back to the "No" column."""
    doc = _read(tmp_path, NARRATIVE + [
        "                                   Tabel 2.1",
        "               Lembar Dokumen Perjanjian Kinerja Kasi Pemerintahan",
        "",
        "No       Sasaran Strategis                        Indikator Kinerja            Target",
        " 1               2                                        3                      4",
        "1. Meningkatnya wawasan                 Jumlah Laporan Hasil Pembinaan       4 Laporan",
        "   kebangsaan masyarakat                Wawasan Kebangsaan dan",
        "                                        Ketahanan Nasional",
        " 2.   Tertanganinya konflik sosial di   Jumlah Laporan Penanganan            2 Laporan",
        "      wilayah kecamatan                 Konflik Sosial",
        " 3.   Terlaksananya tugas Forum         Jumlah Laporan Pelaksanaan           4 Laporan",
        "      Koordinasi Pimpinan di            Tugas Forum Koordinasi Pimpinan",
        "      Kecamatan                         di Kecamatan",
        " 4.   Terfasilitasinya penyusunan       Jumlah Desa yang Difasilitasi         9 Desa",
        "      peraturan desa dan peraturan      dalam Penyusunan Peraturan Desa",
        "      kepala desa                       dan Peraturan Kepala Desa",
        " 5.   Terlaksananya rekomendasi         Jumlah Dokumen Rekomendasi           3 Dokumen",
        "      pengangkatan dan                  Pengangkatan dan Pemberhentian",
        "      pemberhentian perangkat desa      Perangkat Desa",
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "pk"
    assert [(r.text("no"), r.text("sasaran"), r.text("target")) for r in t.rows] == [
        ("1.", "Meningkatnya wawasan kebangsaan masyarakat", "4 Laporan"),
        ("2.", "Tertanganinya konflik sosial di wilayah kecamatan", "2 Laporan"),
        ("3.", "Terlaksananya tugas Forum Koordinasi Pimpinan di Kecamatan", "4 Laporan"),
        ("4.", "Terfasilitasinya penyusunan peraturan desa dan peraturan kepala desa", "9 Desa"),
        ("5.", "Terlaksananya rekomendasi pengangkatan dan pemberhentian perangkat desa", "3 Dokumen")]


def test_a_row_number_on_the_middle_line_of_a_centred_row(tmp_path):
    """Rows centred on their number (a Word table with cells centred vertically, through pdftotext
    -layout), one row's text set three characters left of the others: no gutter runs between the
    numbers and the sasaran, each number lands inside its sasaran's text, alone on its line or set
    apart by spaces.  The row's expected number goes back to the "No" column."""
    doc = _read(tmp_path, NARRATIVE + [
        "                            Tabel 2.1.",
        "               Lembar Dokumen Perjanjian Kinerja Camat",
        "",
        "No            Sasaran Strategis            Indikator Kinerja          Target",
        "      Meningkatnya kualitas         Persentase hasil Fasilitasi",
        " 1.   fasilitasi dan koordinasi     dan Koordinasi yang                  90%",
        "      kecamatan                     ditindaklanjuti",
        "                                    Rata-rata persentase desa",
        "      Meningkatnya akuntabilitas    yang menyusun dokumen",
        " 2.                                                                      85%",
        "      pemerintahan desa             administrasi pemerintahan",
        "                                    desa tepat waktu",
        "   Meningkatnya kualitas            Indeks Kepuasan Masyarakat",
        " 3.                                                                      82",
        "   pelayanan publik kecamatan       Tingkat Kecamatan",
        "      Meningkatnya tertib           Persentase dokumen",
        " 4.   administrasi pemerintahan     administrasi pemerintahan            80%",
        "      desa                          desa yang ditetapkan",
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "pk"
    assert [(r.text("no"), r.text("sasaran"), r.text("target")) for r in t.rows] == [
        ("1.", "Meningkatnya kualitas fasilitasi dan koordinasi kecamatan", "90%"),
        ("2.", "Meningkatnya akuntabilitas pemerintahan desa", "85%"),
        ("3.", "Meningkatnya kualitas pelayanan publik kecamatan", "82"),
        ("4.", "Meningkatnya tertib administrasi pemerintahan desa", "80%")]


def test_a_label_word_centred_over_the_gutter_stays_with_the_word_after_it(tmp_path):
    """"Sisa Anggaran" one space apart, "Sisa" over the white gutter before the amounts and "Anggaran"
    over them (right-aligned amounts narrower than the label, a Word export through pdftotext
    -layout): a gutter runs through the space, yet the label is one column's, not an empty "Sisa"
    column beside an "Anggaran (Rp)" one."""
    doc = _read(tmp_path, NARRATIVE + [
        "                                            Tabel 2.4 Realisasi Anggaran",
        "",
        '                                                                                                            Pagu Setelah       Realisasi      Sisa Anggaran     Persentase',
        ' Kode Rekening                                  Program / Kegiatan / Sub Kegiatan',
        '                                                                                                           Perubahan (Rp)        (Rp)              (Rp)            (%)',
        '         1                                                          2                                            3                 4                 5              6',
        '7.01.01.2.06.0001    Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor                            8.216.269       7.984.333          7.965.269    16,57 %',
        '7.01.01.2.06.0004    Penyediaan Bahan Logistik Kantor                                                           46.722.333      73.373.333         46.782.333    83,62 %',
        '7.01.01.2.06.0005    Penyediaan Barang Cetakan dan Penggandaan                                                   9.314.333       4.536.283          1.144.783    11,99 %',
        '7.01.01.2.06.0006    Penyediaan Bahan Bacaan dan Peraturan Perundang-undangan                                    7.648.333       4.196.506          4.118.490    83,28 %',
        '7.01.01.2.06.0008    Fasilitasi Kunjungan Tamu                                                                   7.257.511       4.168.789          4.752.495    81,07 %',
        '7.01.01.2.06.0009    Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD                                       14.625.133      74.927.774         73.031.022    81,79 %',
        '7.01.01.2.06.0010    Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik pada SKPD                      2.606.333       7.909.157          8.033.849    48,86 %',
        '7.01.01.2.08         Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah                                      488.683.333      52.422.083         99.827.983    14,73 %',
        '7.01.01.2.08.0001    Penyediaan Jasa Surat Menyurat                                                              4.543.333       4.592.883          4.617.183    15,16 %',
        '7.01.01.2.08.0004    Penyediaan Jasa Pelayanan Umum Kantor                                                     487.473.333      58.596.533         95.543.133    14,04 %',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "lra"
    assert [(r.text("kode"), r.text("pagu"), r.text("realisasi_anggaran"), r.text("sisa"), r.text("capaian_anggaran"))
            for r in t.rows] == [
        ('7.01.01.2.06.0001', '8.216.269', '7.984.333', '7.965.269', '16,57 %'),
        ('7.01.01.2.06.0004', '46.722.333', '73.373.333', '46.782.333', '83,62 %'),
        ('7.01.01.2.06.0005', '9.314.333', '4.536.283', '1.144.783', '11,99 %'),
        ('7.01.01.2.06.0006', '7.648.333', '4.196.506', '4.118.490', '83,28 %'),
        ('7.01.01.2.06.0008', '7.257.511', '4.168.789', '4.752.495', '81,07 %'),
        ('7.01.01.2.06.0009', '14.625.133', '74.927.774', '73.031.022', '81,79 %'),
        ('7.01.01.2.06.0010', '2.606.333', '7.909.157', '8.033.849', '48,86 %'),
        ('7.01.01.2.08', '488.683.333', '52.422.083', '99.827.983', '14,73 %'),
        ('7.01.01.2.08.0001', '4.543.333', '4.592.883', '4.617.183', '15,16 %'),
        ('7.01.01.2.08.0004', '487.473.333', '58.596.533', '95.543.133', '14,04 %')]


def test_two_value_labels_one_space_apart_under_the_main_line(tmp_path):
    """"Kinerja" over the main line and "Target Realisasi" one space apart under it (a landscape Word
    table through pdftotext -layout): that line is the header's, so the target and the realisasi are
    columns of their own, not words of the indikator's cell."""
    doc = _read(tmp_path, NARRATIVE + [
        "                                                                 Tabel 2.2",
        "                                                      Capaian Kinerja Camat",
        "",
        '                                                                                     Kinerja',
        'No            Sasaran Kegiatan                  Indikator Kinerja                              Capaian      Ket',
        '                                                                          Target Realisasi',
        '                                                                                                 (%)',
        '     Meningkatnya Kualitas              Persentase layanan administrasi',
        ' 2   Penyelenggaraa n Pelayanan         kecamatan yang terselesaikan       100 %   60,00 %     60,00 %',
        '     Publik Kecamatan                   sesuai SOP',
        '                                        Persentase lembaga',
        '     Meningkatnya Pemberdayaan                                                                           Belum',
        ' 3                                      kemasyarakatan desa/kelurahan      100 %   52,50 %     52,50 %',
        '     Masyarakat Desa dan Kelurahan                                                                       tercapai',
        '                                        dan ormas yang aktif',
        '     Meningkatnya Kualitas Fasilitasi   Persentase Fasilitasi',
        '                                                                                                         Belum',
        ' 4   Penyelenggaraa n Urusan            Penyelenggaraan Urusan             100 %   37,50 %     37,50 %',
        '                                                                                                         tercapai',
        '     Pemerintahan Umum                  Pemerintahan Umum',
        '                                        Persentase dokumen administrasi',
        '     Meningkatnya tertib administrasi',
        ' 5                                      pemerintahan desa yang             90 %    72,00 %     80,00 %',
        '     pemerintahan desa',
        '                                        ditetapkan tepat waktu',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "capaian"
    assert [(r.text("no"), r.text("indikator"), r.text("target"), r.text("realisasi"), r.text("capaian"))
            for r in t.rows] == [
        ("2", "Persentase layanan administrasi kecamatan yang terselesaikan sesuai SOP", "100 %", "60,00 %", "60,00 %"),
        ("3", "Persentase lembaga kemasyarakatan desa/kelurahan dan ormas yang aktif", "100 %", "52,50 %", "52,50 %"),
        ("4", "Persentase Fasilitasi Penyelenggaraan Urusan Pemerintahan Umum", "100 %", "37,50 %", "37,50 %"),
        ("5", "Persentase dokumen administrasi pemerintahan desa yang ditetapkan tepat waktu", "90 %", "72,00 %",
         "80,00 %")]


def test_a_paragraph_under_a_table_with_a_sub_header_leaves_the_rows_below_it(tmp_path):
    """A web printout through pdftotext -layout: a capaian table with a sub-header ("No / Sasaran
    Program / Indikator Kinerja") and a blank line under it, then a paragraph one blank line below the
    table.  The paragraph is no part of the body, so the columns are the table's and the rows under
    the sub-header are read (before: its words set a column edge through the sasaran, and the body
    was cut at the first row under the sub-header)."""
    doc = _read(tmp_path, NARRATIVE + [
        '                                                                   Tabel 2.2',
        '                                                             Capaian Kinerja Camat',
        '                                                                                                                       Capaian',
        '       No               Sasaran Kegiatan                          Indikator Kinerja              Target Realisasi                     Ket',
        '                                                                                                                         (%)',
        '        1   Meningkatnya kualitas pelayanan            Indeks Kepuasan Masyarakat (IKM)            82       78,50      95,73 %',
        '            publik kecamatan',
        '        2   Mengoptimalkan Fasilitasi dan              Persentase hasil Fasilitasi dan            89 %     50,00 %     56,18 %',
        '            Koordinasi Kecamatan                       Koordinasi yang ditindaklanjuti',
        '       No               Sasaran Program                           Indikator Kinerja',
        '',
        '        1   Terselenggaran ya fasilitasi               Persentase pemenuhan fasilitasi           100 %     37,50 %     37,50 %    Belum',
        '            kebutuhan operasional kantor               kebutuhan operasional perkantoran                                          tercapai',
        '        2   Meningkatnya Kualitas                      Persentase layanan administrasi           100 %     50,00 %     50,00 %',
        '            Penyelenggaraa n Pelayanan                 kecamatan yang terselesaikan sesuai',
        '            Publik Kecamatan                           SOP',
        '        3   Meningkatnya Pemberdayaan                  Persentase lembaga                        100 %     54,17 %     54,17 %    Belum',
        '            Masyarakat Desa dan Kelurahan              kemasyarakatan desa/kelurahan dan                                          tercapai',
        '                                                       ormas yang aktif',
        '        4   Meningkatnya Kualitas Fasilitasi           Persentase Fasilitasi                     100 %     37,50 %     37,50 %    Belum',
        '            Penyelenggaraa n Urusan                    Penyelenggaraan Urusan                                                     tercapai',
        '            Pemerintahan Umum                          Pemerintahan Umum',
        '        5   Meningkatnya tertib administrasi           Persentase dokumen administrasi            89 %     70,00 %     78,65 %',
        '            pemerintahan desa                          pemerintahan desa yang ditetapkan',
        '                                                       tepat waktu',
        '',
        '      Untuk mewujudkan pencapaian atas target kinerja sebagaimana tertuang pada tabel di atas tentunya dibutuhkan',
        '      anggaran. Oleh karena itu, pada tabel 2.3 dibawah ini akan diuraikan mengenai kegiatan-kegiatan yang mendukung',
        '      ketercapaian target kinerja, termasuk pagu anggaran dan realisasi anggarannya.',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "capaian"
    assert [(r.text("no"), r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("1", "82", "78,50", "95,73 %"), ("2", "89 %", "50,00 %", "56,18 %"), ("1", "100 %", "37,50 %", "37,50 %"),
        ("2", "100 %", "50,00 %", "50,00 %"), ("3", "100 %", "54,17 %", "54,17 %"), ("4", "100 %", "37,50 %", "37,50 %"),
        ("5", "89 %", "70,00 %", "78,65 %")]
    assert t.rows[6].text("sasaran") == "Meningkatnya tertib administrasi pemerintahan desa"


def test_two_line_labels_side_by_side_staggered_by_a_character(tmp_path):
    """"CAPAIAN REALISASI" over "KINERJA ANGGARAN" (two two-line labels one space apart, the lower line
    a character left of the upper, a web printout through pdftotext -layout): the labels overlap by
    that character and are no one label, so the capaian kinerja and the capaian anggaran are two
    columns (before: one cell "24 %        24 %")."""
    doc = _read(tmp_path, NARRATIVE + [
        '                                                                      Tabel 2.4',
        '                                               Efisiensi Penggunaan Sumber Daya Kecamatan',
        '                                                                                                               CAPAIAN REALISASI',
        '       NO                       SASARAN                                       INDIKATOR                                              EFISIENSI',
        '                                                                                                             KINERJA ANGGARAN',
        '        1    Terselenggaranya fasilitasi kebutuhan         Prosentase pemenuhan fasilitasi                     30 %        30 %         0,00',
        '             operasional kantor                            kebutuhan operasional perkantoran',
        '        2    Meningkatnya Kualitas                         Persentase layanan administrasi                     20 %        25 %        -0,25',
        '             Penyelenggaraan Pelayanan Publik              kecamatan yang terselesaikan sesuai SOP',
        '             Kecamatan',
        '        3    Meningkatnya Pemberdayaan                     Prosentase lembaga kemasyarakatan                   25 %        20 %         0,20',
        '             Masyarakat Desa dan Kelurahan                 desa/kelurahan dan ormas yang aktif',
        '        4    Meningkatnya Fasilitasi Koordinasi            Prosentase Fasilitasi Koordinasi                    20 %        24 %        -0,20',
        '             Ketenteraman dan Ketertiban Umum              Ketenteraman dan Ketertiban Umum',
        '        5    Meningkatnya fasilitasi                       Persentase Fasilitasi Penyelenggaraan               25 %        25 %         0,00',
        '             penyelenggaraan pemerintahan                  Urusan Pemerintahan Umum',
        '             umum',
        '        6    Meningkatnya tertib administrasi              Persentase dokumen administrasi                     70 %        21 %         0,70',
        '             pemerintahan desa                             pemerintahan desa yang ditetapkan',
        '                                                           tepat waktu',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "efisiensi"
    assert [(r.text("no"), r.text("capaian"), r.text("capaian_anggaran"), r.text("efisiensi")) for r in t.rows] == [
        ("1", "30 %", "30 %", "0,00"), ("2", "20 %", "25 %", "-0,25"), ("3", "25 %", "20 %", "0,20"),
        ("4", "20 %", "24 %", "-0,20"), ("5", "25 %", "25 %", "0,00"), ("6", "70 %", "21 %", "0,70")]


def test_two_line_labels_side_by_side_the_lower_line_set_further_left(tmp_path):
    """"CAPAIAN REALISASI" over "KINERJA ANGGARAN", the lower line five characters left of the upper
    (a web printout through pdftotext -layout): no gutter runs through the lower line's space, but the
    upper line's cut, shifted as much as the line, falls on it; so the two labels are two columns."""
    doc = _read(tmp_path, NARRATIVE + [
        '                                                                             Tabel 2.4.',
        '                                                             Efisiensi Kinerja Triwulan I Tahun 2024',
        '                                                                                                                                  CAPAIAN REALISASI',
        '       NO                        SASARAN                                               INDIKATOR                                                                   EFISIENSI',
        '                                                                                                                             KINERJA ANGGARAN',
        '        1. Meningkatnya koordinasi                              Jumlah Laporan Koordinasi/Sinergi                                 30%               31,00%             -1,00%',
        '           penyelenggaraan kegiatan                             Perencanaan dan Pelaksanaan Kegiatan',
        '           pemerintahan di tingkat                              Pemerintahan dengan Perangkat Daerah',
        '           kecamatan                                            dan Instansi Vertikal Terkait',
        '        2. Terlaksananya urusan                                 Jumlah Laporan Peningkatan Efektivitas                            30%               30,50%             -0,50%',
        '           pemerintahan yang tidak                              Pelaksanaan Pelayanan kepada Masyarakat',
        '           dilaksanakan oleh unit kerja                         di Wilayah Kecamatan',
        '           perangkat daerah di kecamatan',
        '        3. Terlaksananya urusan                                 Jumlah Laporan Fasilitasi Percepatan                               0%               20,00%            -20,00%',
        '           pemerintahan yang tidak                              Pencapaian Standar Pelayanan Minimal di',
        '           dilaksanakan oleh unit kerja                         Wilayah Kecamatan',
        '           perangkat daerah di kecamatan',
        '        4. Terlaksananya urusan                                 Jumlah Laporan Pelaksanaan Urusan                                 20%               18,50%             1,50%',
        '           pemerintahan yang dilimpahkan                        Pemerintahan yang Terkait dengan Non',
        '           kepada Camat                                         Perizinan',
        '        5. Terlaksananya urusan                                 Jumlah Dokumen Pelaksanaan Urusan                                 30%               28,00%             2,00%',
        '           pemerintahan yang dilimpahkan                        Pemerintahan yang Terkait dengan',
        '           kepada Camat                                         Kewenangan Lain yang Dilimpahkan',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "efisiensi"
    assert [(r.text("capaian"), r.text("capaian_anggaran"), r.text("efisiensi")) for r in t.rows] == [
        ("30%", "31,00%", "-1,00%"), ("30%", "30,50%", "-0,50%"), ("0%", "20,00%", "-20,00%"), ("20%", "18,50%", "1,50%"),
        ("30%", "28,00%", "2,00%")]


def test_two_value_names_one_space_apart_drifted_left_of_their_values(tmp_path):
    """"Target Realisasi" one space apart, both names a few characters left of their values (a web
    printout through pdftotext -layout): the gutter between the target and the realisasi runs under
    "Realisasi", not through the space, yet the names are two columns (before: one cell "100%   40,00%")."""
    doc = _read(tmp_path, NARRATIVE + [
        '                                                                 Tabel 2.2',
        '                                                           Capaian Kinerja Camat',
        '                                                                                                                                 Capaian',
        '       No                    Sasaran Kegiatan                              Indikator Kinerja               Target Realisasi',
        '                                                                                                                                   (%)',
        '        1. Meningkatnya kualitas fasilitasi dan          Persentase hasil Fasilitasi dan Koordinasi            100%   40,00%      40,00%',
        '           koordinasi kecamatan                          yang ditindaklanjuti',
        '        2. Meningkatnya akuntabilitas                    Rata-rata persentase desa yang menyusun               100%   75,00%      75,00%',
        '           pemerintahan desa                             dokumen administrasi pemerintahan desa',
        '                                                         tepat waktu',
        '        3. Meningkatnya kualitas pelayanan publik        Indeks Kepuasan Masyarakat (IKM)                       85    86,70      102,00%',
        '           kecamatan',
        '       No                    Sasaran Program                               Indikator Kinerja',
        '        1. Meningkatnya Kualitas Fasilitasi              Persentase Pemenuhan fasilitasi                       90%    36,00%      40,00%',
        '           Penunjang Urusan Pemerintahan Daerah          operasional Perkantoran',
        '           Kabupaten/Kota',
        '        2. Meningkatnya Kualitas Fasilitasi              Persentase fasilitasi Pelayanan Administrasi          100%   45,00%      45,00%',
        '           Penyelenggaraan Pemerintahan dan              Kecamatan sesuai SP dan SOP',
        '           Pelayanan Publik',
        '        3. Meningkatnya Pemberdayaan                     Persentase lembaga kemasyarakatan                     100%   45,00%      45,00%',
        '           Masyarakat Desa dan Kelurahan                 desa/kelurahan dan ormas yang aktif',
        '        4. Meningkatnya Fasilitasi Koordinasi            Persentase Fasilitasi Koordinasi                      100%   35,00%      35,00%',
        '           Ketenteraman dan Ketertiban Umum              Ketenteraman dan Ketertiban Umum',
        '',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "capaian"
    assert [(r.text("no"), r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("1.", "100%", "40,00%", "40,00%"), ("2.", "100%", "75,00%", "75,00%"), ("3.", "85", "86,70", "102,00%"),
        ("1.", "90%", "36,00%", "40,00%"), ("2.", "100%", "45,00%", "45,00%"), ("3.", "100%", "45,00%", "45,00%"),
        ("4.", "100%", "35,00%", "35,00%")]


def test_group_labels_off_centre_are_placed_by_the_column_formulas(tmp_path):
    """"Kinerja" and "Anggaran" over T / R / % and Pagu / Realisasi / Capaian, both a few characters
    left of the middle of their columns (a web printout through pdftotext -layout): by centring alone
    "%" would be the budget's; the column numbers "(6=5/4)" and "(9=8/7)" say which columns go
    together, so "%" is the kinerja's capaian and the budget's is its own column."""
    doc = _read(tmp_path, NARRATIVE + [
        '                            Cost per outcome Kasubag Umum dan Kepegawaian Tahun 2024 - Triwulanan II',
        '',
        '                                                                           Kinerja                           Anggaran',
        '                  Sasaran /',
        '      No                                Indikator Kinerja                                                                     Capaian Efisiensi',
        '                  Kegiatan                                        T             R             %      Pagu        Realisasi',
        '                                                                                                                                (%)',
        '       (1)            (2)                         (3)            (4)            (5)      (6=5/4)      (7)           (8)        (9=8/7)   (10=6-9)',
        '       1. Tersedianya                Jumlah Paket              6 paket        3 paket     50%        3.300.000   1.650.000 50,00%           0,00',
        '          Komponen                   Komponen Instalasi',
        '          Instalasi                  Listrik/Penerangan',
        '          Listrik/Penerangan         Bangunan Kantor',
        '          Bangunan Kantor            yang Disediakan',
        '       2. Tersedianya Bahan          Jumlah Paket              35 paket      21 paket     60%       30.000.000 16.500.000 55,00%           5,00',
        '          Logistik Kantor            Bahan Logistik',
        '                                     Kantor yang',
        '                                     Disediakan',
        '       3. Terlaksananya              Jumlah Laporan           12 laporan     6 laporan    50%        5.500.000   2.200.000 40,00%         10,00',
        '          Fasilitasi                 Fasilitasi',
        '          Kunjungan Tamu             Kunjungan Tamu',
        '       4. Terlaksananya              Jumlah Laporan           12 laporan     6 laporan    50%       60.000.000 27.000.000 45,00%           5,00',
        '          Penyelenggaraan            Penyelenggaraan',
        '          Rapat Koordinasi           Rapat Koordinasi',
        '          dan Konsultasi             dan Konsultasi',
        '          SKPD                       SKPD',
        '       5. Terlaksananya              Jumlah Dokumen          1 dokumen 0 dokumen          0%         3.600.000   1.800.000 50,00%         -50,00',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "cost_per_outcome"
    assert [(r.text("target"), r.text("capaian"), r.text("pagu"), r.text("capaian_anggaran"), r.text("efisiensi"))
            for r in t.rows] == [("6 paket", "50%", "3.300.000", "50,00%", "0,00"),
                                 ("35 paket", "60%", "30.000.000", "55,00%", "5,00"),
                                 ("12 laporan", "50%", "5.500.000", "40,00%", "10,00"),
                                 ("12 laporan", "50%", "60.000.000", "45,00%", "5,00"),
                                 ("1 dokumen", "0%", "3.600.000", "50,00%", "-50,00")]


def test_indicators_under_a_merged_sasaran_centred_on_their_targets(tmp_path):
    """A sasaran merged over three indicators, each indikator centred on its own target and the row's
    number centred on the whole (a Word table through pdftotext -layout): the sasaran is the group's,
    each indikator its own row's (before: the three indicators were one cell of the first row)."""
    doc = _read(tmp_path, NARRATIVE + [
        "                            Tabel 2.1.",
        "               Lembar Dokumen Perjanjian Kinerja Camat",
        "",
        ' No           Sasaran Program                   Indikator Kinerja          Target',
        '                                      Persentase pemenuhan fasilitasi',
        '      Terselenggaranya fasilitasi',
        ' 1.                                   kebutuhan operasional                  95%',
        '      kebutuhan operasional kantor',
        '                                      perkantoran',
        '      Meningkatnya Kualitas           Persentase layanan administrasi',
        ' 2.   Penyelenggaraan Pelayanan       kecamatan yang terselesaikan           95%',
        '      Publik Kecamatan                sesuai SOP',
        '      Meningkatnya Pemberdayaan       persentase lembaga',
        ' 3.   Masyarakat Desa dan             kemasyarakatan desa/kelurahan        96,00%',
        '      Kelurahan                       dan ormas yang aktif',
        '      Meningkatnya Fasilitasi         Persentase Fasilitasi Koordinasi',
        ' 4.   Koordinasi Ketenteraman dan     Ketenteraman dan Ketertiban          100%',
        '      Ketertiban Umum                 Umum',
        '      Meningkatnya Kualitas           persentase Fasilitasi',
        ' 5.   Fasilitasi Penyelenggaraan      Penyelenggaraan Urusan               100%',
        '      Urusan Pemerintahan Umum        Pemerintahan Umum',
        '                                      Persentase desa yang menetapkan',
        '                                                                             90%',
        '      Meningkatnya Kualitas           RKPDes Tepat waktu',
        '      Fasilitasi Pembinaan dan        persentase Desa yang menetapkan',
        ' 6.                                                                          90%',
        '      Pengawasan Pemerintahan         APBDes Tepat Waktu',
        '      Desa                            Persentase Desa yang menetapkan',
        '                                                                             90%',
        '                                      LPPDes Tepat Waktu',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "pk"
    assert [(r.text("no"), r.text("indikator"), r.text("target")) for r in t.rows[-3:]] == [
        ("6.", "Persentase desa yang menetapkan RKPDes Tepat waktu", "90%"),
        ("", "persentase Desa yang menetapkan APBDes Tepat Waktu", "90%"),
        ("", "Persentase Desa yang menetapkan LPPDes Tepat Waktu", "90%")]
    assert t.rows[-3].text("sasaran") == "Meningkatnya Kualitas Fasilitasi Pembinaan dan Pengawasan Pemerintahan Desa"


def test_a_row_number_one_space_before_its_text(tmp_path):
    """"1. Penunjang Urusan ..." with one space between the number and the name: no gutter parts the
    No column from the name's, so the number's cell holds both; the name is the name column's."""
    def row(no, name, amount):
        return ("        " + (no + " " + name if no else "     " + name)).ljust(112) + amount.rjust(16)

    doc = _read(tmp_path, NARRATIVE + [
        "       No                                               Program / Kegiatan                         "
        "                            Anggaran",
        row("1.", "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "1.500.000.000"),
        row("2.", "Penyelenggaraan Pemerintahan dan Pelayanan Publik", "9.000.000"),
        row("3.", "Pemberdayaan Masyarakat Desa dan Kelurahan", "50.000.000"),
        row("4.", "Koordinasi Ketenteraman dan Ketertiban Umum", "3.000.000"),
        row("5.", "Penyelenggaraan Urusan Pemerintahan Umum", "70.000.000"),
        row("6.", "Pembinaan dan Pengawasan Pemerintahan Desa", "7.000.000"),
        row("7.", "Perencanaan, Penganggaran, dan Evaluasi Kinerja", "4.000.000"),
        row("8.", "Administrasi Keuangan Perangkat Daerah", "2.000.000.000"),
        row("9.", "Administrasi Umum Perangkat Daerah", "60.000.000"),
        row("10.", "Penyediaan Jasa Penunjang Urusan Pemerintahan", "250.000.000"),
        row("", "TOTAL", "3.953.000.000"),
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "pk_budget"
    assert [(r.text("no"), r.text("name"), r.text("pagu")) for r in t.rows[:2]] == [
        ("1.", "Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "1.500.000.000"),
        ("2.", "Penyelenggaraan Pemerintahan dan Pelayanan Publik", "9.000.000")]


def test_a_label_with_its_unit_over_a_narrower_value_is_one_label(tmp_path):
    """"Kinerja (%)" under "Capaian": the values below are narrower than the label, so the white
    between two value columns runs through the label's space; the unit stays with its label (the
    shape of a web printout through pdftotext -layout; the texts masked)."""
    doc = _read(tmp_path, NARRATIVE + [
        '                                                   Efisiensi Kinerja Triwulan III Tahun 2024',
        '                                                                                                Capaian        Capaian',
        '       No                  Sasaran                              Indikator Kinerja                                           Efisiensi',
        '                                                                                               Kinerja (%)   Anggaran (%)',
        '       1.    Maaaaaaaaaaa aaaaaaa                  Jaaaaa Laaaaaa Haaaa Paaaaaaaa                 50%           100%         -50%',
        '             aaaaaaaaaa aaaaaaaaaa                 Waaaaaa Kaaaaaaaaa aaa Kaaaaaaaa',
        '                                                   Naaaaaaa',
        '       2.    Taaaaaaaaaaaa aaaaaaa aaaaaa aa       Jaaaaa Laaaaaa Paaaaaaaaa Kaaaaaa              75%          68,47%        6,53%',
        '             aaaaaaa aaaaaaaaa                     Saaaaa',
        '       3.    Taaaaaaaaaaaa aaaaa Faaaa             Jaaaaa Laaaaaa Paaaaaaaaaa Taaaa               50%          44,47%        5,53%',
        '             Kaaaaaaaaa Paaaaaaa aa                Faaaa Kaaaaaaaaa Paaaaaaa aa Kaaaaaaaa',
        '             Kaaaaaaaa',
        '       4.    Taaaaaaaaaaaaaaa aaaaaaaaaa           Jaaaaa Daaa aaaa Daaaaaaaaaaa aaaaa            70%          73,52%        -3,52%',
        '             aaaaaaaaa aaaa aaa aaaaaaaaa          Paaaaaaaaa Paaaaaaaa Daaa aaa',
        '             aaaaaa aaaa                           Paaaaaaaa Kaaaaa Daaa',
        '       5.    Taaaaaaaa aaaaaaaaaaaa aaaa           Jaaaaa Daaaaaa aaaa Daaaaaaaaaaa aaaaa       66,67%         76,20%        -9,53%',
        '             aaaaaaaaaaaa aaaa                     aaaaaa Aaaaaaaaaaaa Taaa Paaaaaaaaaaa',
        '                                                   Daaa',
        '       6.    Taaaaaaaa aaaaaaaaaaa aaaaaaaa        Jaaaaa Daaa aaaa Daaaaaaaaaaa aaaaa            80%          66,80%       13,20%',
        '             aaa aaaa aaaa                         Paaaaaaaaaa Kaaaaaaa Daaa aaa',
        '                                                   Paaaaaaaaaaaa Aaaa Daaa',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "efisiensi"
    assert [(r.text("capaian"), r.text("capaian_anggaran"), r.text("efisiensi")) for r in t.rows] == [
        ("50%", "100%", "-50%"), ("75%", "68,47%", "6,53%"), ("50%", "44,47%", "5,53%"), ("70%", "73,52%", "-3,52%"),
        ("66,67%", "76,20%", "-9,53%"), ("80%", "66,80%", "13,20%")]


def test_a_row_number_one_space_before_its_text_after_a_blank_line(tmp_path):
    """A sub-header ("No  Sasaran Program  Indikator Kinerja"), a blank line, then "1. Meningkatnya ...":
    the row number one space before its text crosses the gutter between the No column and the next,
    as a paragraph's line would cross it; it is a row, not the end of the table (a web printout
    through pdftotext -layout; the texts masked)."""
    doc = _read(tmp_path, NARRATIVE + [
        '                                                   Cost per outcome Tahun 2024',
        '                                                                                                            Kinerja                            Anggaran',
        '       No              Sasaran / Kegiatan                          Indikator Kinerja',
        '                                                                                                                                                               Capaian',
        '                                                                                                       T     R          %          Pagu          Realisasi',
        '                                                                                                                                                                 (%)',
        '       1. Maaaaaaaaaaa aaaaaaaa aaaaaaaaaa aaa       Paaaaaaaaa aaaaa Faaaaaaaaa aaa Kaaaaaaaaa       100% 36,11%     36,11%',
        '          aaaaaaaaaa aaaaaaaaa                       aaaa aaaaaaaaaaaaaaa',
        '       2. Maaaaaaaaaaa aaaaaaaaaaaaa                 Raaa-aaaa aaaaaaaaaa aaaa aaaa                   100% 73,81%     73,81%',
        '          aaaaaaaaaaaa aaaa                          aaaaaaaa aaaaaaa aaaaaaaaaaaa',
        '                                                     aaaaaaaaaaaa aaaa aaaaa aaaaa',
        '       3. Maaaaaaaaaaa aaaaaaaa aaaaaaaaa            Iaaaaa Kaaaaaaa Maaaaaaaaa (Iaa)                  87   87,65     100,75%',
        '          aaaaaa aaaaaaaaa',
        '       No              Sasaran Program                             Indikator Kinerja',
        '',
        '       1. Maaaaaaaaaaa Kaaaaaaa Faaaaaaaaa           Paaaaaaaaa Paaaaaaaa aaaaaaaaaa                  89% 33,33%      37,45%',
        '          Paaaaaaaa Uaaaaa Paaaaaaaaaaa              aaaaaaaaaaa Paaaaaaaaaa',
        '          Daaaaa Kaaaaaaaa/Kaaa',
        '       2. Maaaaaaaaaaa Kaaaaaaa Faaaaaaaaa           Paaaaaaaaa aaaaaaaaaa Paaaaaaaa                  100% 37,50%     37,50%',
        '          Paaaaaaaaaaaaaa Paaaaaaaaaaa aaa           Aaaaaaaaaaaa Kaaaaaaaa aaaaaa Sa aaa',
        '          Paaaaaaaa Paaaaa                           Saa',
        '       3. Maaaaaaaaaaa Paaaaaaaaaaa                  Paaaaaaaaa aaaaaaa aaaaaaaaaaaaaa                100% 37,50%     37,50%',
        '          Maaaaaaaaa Daaa aaa Kaaaaaaaa              aaaa/aaaaaaaaa aaa aaaaa aaaa aaaaa',
        '       4. Maaaaaaaaaaa Faaaaaaaaa Kaaaaaaaaa         Paaaaaaaaa Faaaaaaaaa Kaaaaaaaaa                 100% 31,25%     31,25%',
        '          Kaaaaaaaaaaa aaa Kaaaaaaaaa Uaaa           Kaaaaaaaaaaa aaa Kaaaaaaaaa Uaaa',
        "",
        "",
        "BAB III"])
    (t,) = _tables(doc)
    assert t.kind == "cost_per_outcome"
    assert [r.text("no") for r in t.rows] == ["1.", "2.", "3.", "1.", "2.", "3.", "4."]
    assert [r.text("capaian") for r in t.rows[3:]] == ["37,45%", "37,50%", "37,50%", "31,25%"]


def test_a_short_pk_sheet_laid_out_with_spaces_is_read_by_its_columns(tmp_path):
    """A one-page PK sheet whose only table has three rows: five lines align, fewer than a long
    report gives.  It is space-aligned text all the same (before: read as flat text, the wrapped
    sasaran lines joined to the indikator and the grade target "B" read as text)."""
    doc = _read(tmp_path, [
        "PERJANJIAN KINERJA TAHUN 2023", "KECAMATAN SUKAMAJU", "",
        "No   Sasaran Strategis            Indikator Kinerja                Target",
        "",
        "1    Meningkatnya kualitas        Indeks kepuasan masyarakat           82",
        "     pelayanan publik kecamatan",
        "",
        "2    Meningkatnya akuntabilitas   Nilai evaluasi SAKIP kecamatan   B",
        "     kinerja perangkat",
        "     kecamatan",
        "",
        "3    Meningkatnya ketenteraman    Persentase penyelesaian             95%",
        "     dan ketertiban masyarakat    gangguan trantibum",
        ""])
    assert [g.source for g in doc.grids] == ["columns"]
    assert [[c.text for c in ln.cells] for ln in _rows(doc)] == [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Target"],
        ["1", "Meningkatnya kualitas pelayanan publik kecamatan", "Indeks kepuasan masyarakat", "82"],
        ["2", "Meningkatnya akuntabilitas kinerja perangkat kecamatan", "Nilai evaluasi SAKIP kecamatan", "B"],
        ["3", "Meningkatnya ketenteraman dan ketertiban masyarakat", "Persentase penyelesaian gangguan trantibum",
         "95%"]]


def test_a_short_wide_table_with_one_line_labels_wider_than_their_numbers(tmp_path):
    """Two rows under a one-line header of seven labels, the numbers right-aligned under the end of
    labels wider than them ("Kondisi Awal 2021", "Target Akhir Renstra 2026").  Three lines align
    seven columns between them: space-aligned text (before: too few lines, read as flat text, and no
    table).  A label's words over no numbers are one label with the word under which they stand
    (before: "Kondisi" / "Awal 2021" and "Target" / "2023" were columns of their own)."""
    doc = _read(tmp_path, [
        "LAPORAN KINERJA INSTANSI PEMERINTAH TAHUN 2023", "", "Tabel 3.1", "Capaian Indikator Kinerja Utama", "",
        "No   Indikator Kinerja                Kondisi Awal 2021   Target 2023   Realisasi 2023   Capaian (%)"
        "   Target Akhir Renstra 2026",
        "",
        "1    Indeks kepuasan masyarakat                   76,10            82            84,50        103,05"
        "                          85",
        "",
        "2    Persentase gangguan ketertiban                 80%           90%              92%       102,22%"
        "                         95%",
        "     yang tertangani", ""])
    assert [g.source for g in doc.grids] == ["columns"]
    assert [[c.text for c in ln.cells] for ln in _rows(doc)][0] == [
        "No", "Indikator Kinerja", "Kondisi Awal 2021", "Target 2023", "Realisasi 2023", "Capaian (%)",
        "Target Akhir Renstra 2026"]
    (t,) = _tables(doc)
    assert t.kind == "capaian"
    assert [(r.text("indikator"), r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("Indeks kepuasan masyarakat", "82", "84,50", "103,05"),
        ("Persentase gangguan ketertiban yang tertangani", "90%", "92%", "102,22%")]


def test_a_sasaran_line_across_the_columns_and_a_signature_under_the_table(tmp_path):
    """Space-aligned text: "Sasaran 2: Meningkatnya ..." runs across the value columns between two
    numbered rows: a row of its own naming the sasaran of the rows below (before: the body ended at
    the first such line, and the second was joined to the row above as wrapped text).  The place and
    date of the signature under the table end its body (before: joined to the last row's indikator)."""
    doc = _read(tmp_path, [
        "LAPORAN KINERJA INSTANSI PEMERINTAH", "TAHUN 2023", "", "Tabel 3.1", "Capaian Kinerja Sasaran Strategis", "",
        "No   Indikator Kinerja                     Target    Realisasi    Capaian (%)", "",
        "Sasaran 1: Meningkatnya kualitas pelayanan publik kecamatan",
        "1    Indeks kepuasan masyarakat                82        84,50         103,05",
        "2    Persentase pelayanan administrasi        95%          90%          94,74",
        "     yang selesai tepat waktu",
        "Sasaran 2: Meningkatnya ketenteraman dan ketertiban umum",
        "3    Persentase gangguan trantibum            90%          92%         102,22",
        "     yang tertangani", "",
        "Sukamaju, 20 Januari 2024", "CAMAT SUKAMAJU", "", "DEDI SUPRIATNA, S.Sos", "NIP. 19720315 199303 1 004"])
    (t,) = _tables(doc)
    assert [(r.text("no"), r.text("sasaran"), r.text("indikator"), r.text("capaian")) for r in t.rows] == [
        ("1", "Meningkatnya kualitas pelayanan publik kecamatan", "Indeks kepuasan masyarakat", "103,05"),
        ("2", "", "Persentase pelayanan administrasi yang selesai tepat waktu", "94,74"),
        ("3", "Meningkatnya ketenteraman dan ketertiban umum", "Persentase gangguan trantibum yang tertangani",
         "102,22")]


def test_a_rows_value_cells_that_overlap_are_one_anchor():
    """Rows centred on their numbers whose values wrap around the number's line (pdftotext -layout
    of a Word table): a row's amounts "12" / "8" over the line with their units under it, its
    percentage "66,67" over it alone.  Cells whose lines overlap are one row's anchor, centred
    between their ends (before: two anchors sharing a line, for which no centred reading exists, so
    the whole page was read top-aligned and each such row cut in two)."""
    from lkj.extract.layout_text import _anchors, _VCell

    cells = [_VCell(3, 20, 22), _VCell(4, 20, 22), _VCell(5, 20, 20),        # "12"+"Laporan", "8"+..., "66,67"
             _VCell(3, 30, 32), _VCell(4, 31, 31), _VCell(5, 30, 30)]        # "30"+"Paket", "19", "63,33"
    assert [(a.lo, a.hi, a.pos) for a in _anchors(cells, centred=True)] == [(20, 22, 21.0), (30, 32, 31.0)]
    # cells that only follow one another stay two rows'
    assert len(_anchors([_VCell(3, 10, 11), _VCell(3, 12, 13)], centred=True)) == 2


def test_a_narrow_columns_label_broken_over_the_main_line(tmp_path):
    """A web printout's header whose narrow first column wraps its label a letter a line: "N" over
    the main line, "O" under it.  The two are the "NO" column's label, the header's, and the row
    numbers its cells (before: "O" was read as the first row and the numbers went into the sasaran)."""
    doc = _read(tmp_path, NARRATIVE + [
        "                               Tabel 2.1",
        "       N",
        "                  SASARA N                        INDIKATO R KINERJA                TARGE T",
        "       O",
        "        1   Meningkatnya kualitas pelayanan   Persentase pelayanan selesai tepat waktu      90%",
        "        2   Tersedianya dokumen perencanaan   Jumlah dokumen perencanaan yang disusun   4 Dokumen",
        "        3   Terpeliharanya sarana kantor      Jumlah unit sarana kantor yang dipelihara    6 Unit",
        ""])
    (t,) = _tables(doc)
    assert [(r.text("no"), r.text("sasaran"), r.text("target")) for r in t.rows] == [
        ("1", "Meningkatnya kualitas pelayanan", "90%"), ("2", "Tersedianya dokumen perencanaan", "4 Dokumen"),
        ("3", "Terpeliharanya sarana kantor", "6 Unit")]


def test_a_bare_row_number_one_space_before_its_text_after_a_blank_line(tmp_path):
    """After a blank line inside the body (under a "Sub Kegiatan" label), a row whose bare number
    stands one space before its text in the first column ("1 Penyediaan Komponen"): the number and
    the text are no sentence across the gutter, the rows go on (before: the body ended there and the
    rows below were lost or taken for the next table's title)."""
    doc = _read(tmp_path, NARRATIVE + [
        "      No          Sasaran / Program                     Indikator Kinerja            Pagu       Realisasi",
        "       1 Tersedianya Komponen                      Jumlah Paket Komponen          5.281.000      1.301.659",
        "         Instalasi Listrik                         Listrik yang Disediakan",
        "      Sub Kegiatan",
        "",
        "       1 Penyediaan Komponen                       Jumlah Paket Komponen          5.281.000      1.301.659",
        "         Instalasi Listrik                         Listrik yang Disediakan",
        "       2 Penyediaan Bahan Logistik                 Jumlah Paket Bahan            18.398.000      8.533.000",
        "         Kantor                                    Logistik yang Disediakan", ""])
    (t,) = _tables(doc)
    assert [(r.text("no"), r.text("pagu")) for r in t.rows] == [
        ("1", "5.281.000"), ("1", "5.281.000"), ("2", "18.398.000")]


def test_labels_broken_over_a_main_line_that_names_no_value_column(tmp_path):
    """The header of a Word table printed narrow: "N" / "O" and "TARGE" / "T" broken over the main
    line, which holds "SASARA N" and "INDIKATO R KINERJA" (words broken a letter before their end).
    The three lines are the header (before: the main line named no value column and no row number,
    so no table was found and the rows were read as running text)."""
    doc = _read(tmp_path, NARRATIVE + [
        "                           Tabel 2.1", "",
        " N                                                                                   TARGE",
        "               SASARA N                         INDIKATO R KINERJA",
        " O                                                                                     T",
        "     Tersedianya Komponen           Jumlah Paket Komponen Instalasi",
        " 1   Instalasi Listrik              Listrik Bangunan Kantor yang                    4 Paket",
        "     Bangunan Kantor                Disediakan",
        "     Tersedianya Bahan Logistik     Jumlah Paket Bahan Logistik Kantor yang",
        " 2                                                                                 12 Paket",
        "     Kantor                         Disediakan", ""])
    (t,) = _tables(doc)
    assert t.kind == "pk"
    assert [(r.text("no"), r.text("sasaran"), r.text("indikator"), r.text("target")) for r in t.rows] == [
        ("1", "Tersedianya Komponen Instalasi Listrik Bangunan Kantor",
         "Jumlah Paket Komponen Instalasi Listrik Bangunan Kantor yang Disediakan", "4 Paket"),
        ("2", "Tersedianya Bahan Logistik Kantor", "Jumlah Paket Bahan Logistik Kantor yang Disediakan", "12 Paket")]


def test_a_section_label_alone_in_the_first_column_of_rows_without_numbers(tmp_path):
    """A cost-per-outcome page whose rows have no numbers (indicator rows carried over a page, then
    the programmes): "Program" alone in the first column is the section label over the rows below it,
    a row of its own (before: it was joined to the indicator row above and the first programme)."""
    doc = _read(tmp_path, NARRATIVE + [
        "      NO   SASARAN / KEGIATAN    INDIKATOR KINERJA           T        R        %          PAGU      REALISASI",
        "                                 Persentase Desa yang       89%   100,00%  112,36%",
        "                                 menetapkan LPPDes",
        "      Program",
        "",
        "           Program Penunjang     Persentase                                         2.308.782.850 1.086.626.025",
        "           Urusan Pemerintahan   Pemenuhan fasilitasi",
        "           Program               Persentase fasilitasi                                 13.319.147     5.554.188",
        "           Penyelenggaraan       Pelayanan Administrasi", ""])
    (t,) = _tables(doc)
    assert [(r.section, r.text("name") or r.text("sasaran"), r.text("indikator"), r.text("target"), r.text("pagu"))
            for r in t.rows] == [
        (None, "", "Persentase Desa yang menetapkan LPPDes", "89%", ""),
        ("program", "Program Penunjang Urusan Pemerintahan", "Persentase Pemenuhan fasilitasi", "", "2.308.782.850"),
        ("program", "Program Penyelenggaraan", "Persentase fasilitasi Pelayanan Administrasi", "", "13.319.147")]


def test_a_header_right_under_a_paragraph_that_opens_with_no(tmp_path):
    """A PK table whose header line follows the paragraph that announces it with no blank line
    between ("... sebagaimana berikut :" / "No   Sasaran Strategis   Indikator Kinerja   Target"): a
    header that opens with "No" alone is no justified paragraph line (before: skipped as one, and the
    table was not read)."""
    doc = _read(tmp_path, [
        "LAPORAN KINERJA", "TAHUN 2021", "",
        "Perjanjian kinerja kecamatan adalah rencana kinerja yang disusun sebagai acuan",
        "pelaksanaan kegiatan dalam kurun waktu tahun berjalan sebagaimana berikut :",
        " No           Sasaran Strategis                    Indikator Kinerja               Target",
        "       Meningkatnya penyelenggaraan    Persentase hasil Fasilitasi dan",
        " 1.                                                                                100 %",
        "       pelayanan publik di Kecamatan   Koordinasi yang ditindaklanjuti",
        "                                       Rata-rata persentase desa yang",
        "       Meningkatnya akuntabilitas",
        " 2.                                    menyusun dokumen administrasi                86 %",
        "       pemerintahan desa",
        "                                       pemerintahan desa tepat waktu", ""])
    (t,) = _tables(doc)
    assert t.kind == "pk"
    assert [(r.text("no"), r.text("sasaran"), r.text("target")) for r in t.rows] == [
        ("1.", "Meningkatnya penyelenggaraan pelayanan publik di Kecamatan", "100 %"),
        ("2.", "Meningkatnya akuntabilitas pemerintahan desa", "86 %")]


def test_a_cell_wrapped_at_a_hyphen_joins_without_a_space(tmp_path):
    """Space-aligned text: a name wrapped after a hyphen ("Kegiatan Kantor-" / "Alat Tulis Kantor")
    is one word again (before: "Kantor- Alat")."""
    doc = _read(tmp_path, NARRATIVE + [
        "Kode Rekening        Uraian                              Anggaran (Rp)   Realisasi (Rp)",
        "5.1.02.01.01.0024    Belanja Alat/Bahan untuk Kegiatan      12.500.000       11.250.000",
        "                     Kantor-",
        "                     Alat Tulis Kantor",
        "5.1.02.02.01.0063    Belanja Kursus/Pelatihan                5.000.000                0", ""])
    (t,) = _tables(doc)
    assert [r.text("name") for r in t.rows] == [
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor", "Belanja Kursus/Pelatihan"]


def test_an_amount_wrapped_around_its_rows_number_line(tmp_path):
    """A budget list whose first amount is wrapped in its narrow cell, centred on the row: "Rp" on
    the line under the header (under no label of it), the number's line, the digits under it.  The
    "Rp" is no header unit and the cell is one row's (before: "Rp" became a column of its own, every
    amount was cut off its prefix, and no table was read)."""
    doc = _read(tmp_path, NARRATIVE + [
        "No                      Program                                     Anggaran",
        "                                                                              Rp",
        " 1   Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "                                                                   2.081.350.099",
        " 2   Penyelenggaraan Pemerintahan dan Pelayanan Publik             Rp 21.339.588",
        " 3   Pemberdayaan Masyarakat Desa dan Kelurahan                    Rp 56.510.800", ""])
    (t,) = _tables(doc)
    assert [(r.text("no"), r.text("pagu")) for r in t.rows] == [
        ("1", "Rp 2.081.350.099"), ("2", "Rp 21.339.588"), ("3", "Rp 56.510.800")]


def test_letter_grades_left_aligned_beside_right_aligned_numbers(tmp_path):
    """A SAKIP grade as target and realisasi, each at its column's left edge while the numbers above
    are right-aligned: "BB" and "B" are two values of their columns (before: one target "BB   B"
    and an empty realisasi)."""
    doc = _read(tmp_path, NARRATIVE + [
        "Tabel 3.1",
        "Capaian Kinerja Berbagai Format",
        "",
        "No   Sasaran         Indikator Kinerja    Target    Realisasi   Capaian",
        "",
        "1    Meningkatnya    Indeks kepuasan        82,00        84,5   103,05 %",
        "     kualitas        masyarakat",
        "     pelayanan",
        "     publik",
        "",
        "2    Meningkatnya    Persentase dokumen     100 %   -                0 %",
        "     tertib          yang selesai",
        "     administrasi",
        "",
        "3    Meningkatnya    Jumlah musyawarah    12 Kali     12 Kali    100,00%",
        "     partisipasi     yang terlaksana",
        "     masyarakat",
        "",
        "4    Meningkatnya    Nilai SAKIP          BB        B                75%",
        "     akuntabilitas   kecamatan",
        "     kinerja",
    ])
    (t,) = _tables(doc)
    assert [(r.text("target"), r.text("realisasi"), r.text("capaian")) for r in t.rows] == [
        ("82,00", "84,5", "103,05 %"), ("100 %", "-", "0 %"), ("12 Kali", "12 Kali", "100,00%"), ("BB", "B", "75%")]


def test_a_label_opened_by_a_percent_sign_over_values_right_aligned_under_its_end(tmp_path):
    """"% Realisasi": the white under the "%" (the percentages stand under the label's end) does not
    cut the label in two (before: an empty "%" column and a "Realisasi" column)."""
    doc = _read(tmp_path, NARRATIVE + [
        "No   Program / Kegiatan                  Anggaran (Rp)   Realisasi (Rp)   Sisa Anggaran (Rp)   % Realisasi",
        "",
        "1    Program Penyelenggaraan               315.250.000      210.000.000          105.250.000         66,61",
        "     Pemerintahan dan Pelayanan Publik",
        "",
        "2    Program Penunjang Urusan              120.000.000       80.000.000           40.000.000         66,67",
        "     Pemerintahan Daerah",
        "",
    ])
    (t,) = _tables(doc)
    assert t.kind == "lra"
    assert [(r.text("sisa"), r.text("capaian_anggaran")) for r in t.rows] == [
        ("105.250.000", "66,61"), ("40.000.000", "66,67")]


# "Target" / "Realisasi" / "Capaian (%)" each centred over its two years, "No" and "Indikator Kinerja"
# on the years' line: a report of 2024 whose table compares 2023 with it
YEAR_GROUPS = NARRATIVE + [
    "Tabel 3.1",
    "Capaian Kinerja Tahun 2024",
    "",
    "                                        Target               Realisasi          Capaian (%)",
    " No  Indikator Kinerja              2023      2024       2023      2024       2023      2024",
    " 1   Indeks Kepuasan Masyarakat     80        82         81        83         101,25    101,22",
    " 2   Persentase desa yang           100%      100%       90%       95%        90,00     95,00",
    "     menyusun APBDes tepat waktu",
    "",
    "Capaian kinerja tahun 2024 dijelaskan pada uraian berikut.",
]


def test_groups_over_their_years_beside_text_columns_on_the_years_line(tmp_path):
    """Each group label stands over its own two years, not over "No" and "Indikator Kinerja" beside
    them on the years' line; the report's year (2024) decides the columns read (before: "Target"
    was written in the "No" column, and the table compared years with the row number as target)."""
    doc = _read(tmp_path, YEAR_GROUPS)
    header = [[c.text for c in ln.cells] for ln in _rows(doc)][:2]
    assert header[0][:4] == ["No", "Indikator Kinerja", "Target", ""] and header[1][2:4] == ["2023", "2024"]
    (table,) = _tables(doc)
    assert table.kind == "capaian" and table.years == [2023, 2024]
    assert [(r.text("no"), r.text("indikator"), r.text("target"), r.text("realisasi"), r.text("capaian"))
            for r in table.rows] == [
        ("1", "Indeks Kepuasan Masyarakat", "82", "83", "101,22"),
        ("2", "Persentase desa yang menyusun APBDes tepat waktu", "100%", "95%", "95,00")]
