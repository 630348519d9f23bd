"""Flat text (a PDF text layer without layout): rows rebuilt from the header's meaning, the shapes of
the numbers and the row numbers.  Each input is a small table in one of the shapes converters write."""
from lkj.model.document import Line
from lkj.parsers.flat_tables import read_flat_tables


def tables(text: str):
    lines = [Line(i + 1, t) for i, t in enumerate(text.split("\n"))]
    return read_flat_tables(lines, 0, len(lines))


def cells(row):
    return {k: c.text for k, c in row.cells.items() if c.text}


def test_two_rows_on_one_line():
    (t,) = tables("No Sasaran Indikator Kinerja Target\n"
                  "\n"
                  "1 Meningkatnya layanan Persentase surat selesai 90% 2 Terkelolanya arsip Jumlah arsip tertata 40 Dokumen\n"
                  "\n"
                  "Paragraf penutup yang panjang sekali sehingga bukan lagi bagian dari tabel di atas ini.")
    assert t.kind == "pk"
    assert [cells(r) for r in t.rows] == [
        {"no": "1", "sasaran": "Meningkatnya layanan", "indikator": "Persentase surat selesai", "target": "90%"},
        {"no": "2", "sasaran": "Terkelolanya arsip", "indikator": "Jumlah arsip tertata", "target": "40 Dokumen"}]
    assert t.rows[1].cells["target"].line == 3      # every cell keeps its source line


def test_cell_wrapped_one_word_per_line():
    (t,) = tables("No Sasaran Indikator Target Realisasi Capaian\n"
                  "\n"
                  "1 Tersedianya\nPakaian\nDinas\nPegawai\n"
                  "\n"
                  "Jumlah\nPaket\nPakaian\n"
                  "\n"
                  "4 Paket 3 Paket 75 %\n")
    assert t.kind == "capaian"
    (r,) = t.rows
    assert cells(r) == {"no": "1", "sasaran": "Tersedianya Pakaian Dinas Pegawai", "indikator": "Jumlah Paket Pakaian",
                        "target": "4 Paket", "realisasi": "3 Paket", "capaian": "75 %"}
    assert r.cells["indikator"].line == 8 and r.cells["realisasi"].line == 12


def test_values_before_text():
    (t,) = tables("No Sasaran Indikator Kinerja Target Realisasi Capaian\n"
                  "\n"
                  "1 100% 80% 80%\n"
                  "Meningkatnya tertib\nadministrasi desa\n"
                  "\n"
                  "Persentase desa\ntertib administrasi\n"
                  "\n"
                  "2 90% 45% 50%\n"
                  "Terwujudnya pelayanan\nprima\n"
                  "\n"
                  "Indeks kepuasan\nmasyarakat\n")
    got = [cells(r) for r in t.rows]
    assert got[0] == {"no": "1", "sasaran": "Meningkatnya tertib administrasi desa",
                      "indikator": "Persentase desa tertib administrasi",
                      "target": "100%", "realisasi": "80%", "capaian": "80%"}
    assert got[1]["sasaran"] == "Terwujudnya pelayanan prima" and got[1]["indikator"] == "Indeks kepuasan masyarakat"
    assert got[1]["capaian"] == "50%"


def test_header_in_unusual_column_order():
    # anggaran before kinerja, efisiensi last: the numbers follow the header's order
    (t,) = tables("No Sasaran / Program Indikator Kinerja\n"
                  "Anggaran Kinerja Efisiensi\n"
                  "Pagu Realisasi Capaian (%) Target Realisasi %\n"
                  "\n"
                  "1 Terselenggaranya\nrapat dinas\n"
                  "\n"
                  "Jumlah rapat\nterselenggara\n"
                  "\n"
                  "12.500.000 6.250.000 50 % 12 Kali 6 Kali 50 % 0,00\n")
    assert t.kind == "cost_per_outcome"
    (r,) = t.rows
    assert r.level == "indicator"
    assert cells(r) == {"no": "1", "sasaran": "Terselenggaranya rapat dinas", "indikator": "Jumlah rapat terselenggara",
                        "pagu": "12.500.000", "realisasi_anggaran": "6.250.000", "capaian_anggaran": "50 %",
                        "target": "12 Kali", "realisasi": "6 Kali", "capaian": "50 %", "efisiensi": "0,00"}


def test_unknown_header_words_do_not_stop_the_table():
    # "Utama", "Satuan" and "(Rp)" are words no list holds; "N0"-like breaks and a year are tolerated
    (t,) = tables("No Sub Kegiatan Utama Pagu Anggaran (Rp) 2024\n"
                  "\n"
                  "1 Penyediaan Jasa\nSurat Menyurat\n"
                  "\n"
                  "Rp 5.116.000,00\n"
                  "\n"
                  "Jumlah\n"
                  "\n"
                  "Rp 5.116.000,00\n")
    assert t.kind == "pk_budget"
    assert [cells(r) for r in t.rows] == [
        {"no": "1", "name": "Penyediaan Jasa Surat Menyurat", "pagu": "Rp 5.116.000,00"},
        {"name": "Jumlah", "pagu": "Rp 5.116.000,00"}]
    assert [r.level for r in t.rows] == ["sub_kegiatan", "total"]


def test_first_line_holds_every_cell_and_widths_divide_it():
    # the converter wrote the first line of each cell on the row's first line, numbers included
    (t,) = tables("No Sasaran Kegiatan Indikator Kinerja Target Realisasi Capaian\n"
                  "\n"
                  "1 Tersedianya Jumlah Paket 1 Paket 0 Paket 0 %\n"
                  "Pakaian Dinas\nbeserta Atribut\nKelengkapan\n"
                  "\n"
                  "Pakaian Dinas\nbeserta Atribut\nKelengkapan\n"
                  "\n"
                  "  Jumlah Dokumen\nPendataan Pegawai\n"
                  "\n"
                  "12 Dokumen 6 Dokumen 50 %\n")
    r1, r2 = t.rows
    assert cells(r1)["sasaran"] == "Tersedianya Pakaian Dinas beserta Atribut Kelengkapan"
    assert cells(r1)["indikator"] == "Jumlah Paket Pakaian Dinas beserta Atribut Kelengkapan"
    # a row without number under a merged sasaran: its text is the indicator
    assert cells(r2) == {"indikator": "Jumlah Dokumen Pendataan Pegawai", "target": "12 Dokumen",
                         "realisasi": "6 Dokumen", "capaian": "50 %"}


def test_small_table_on_one_line_with_kode_rekening():
    (t,) = tables("KODE REKENING URAIAN PAGU (Rp) REALISASI (Rp) SISA (Rp) %\n"
                  "\n"
                  "7.01.01 Program Penunjang\nUrusan Pemerintahan\n"
                  "\n"
                  "2.000.000 1.500.000 500.000 75,00%\n"
                  "\n"
                  "7.01.01.2.01 Perencanaan Kinerja\n"
                  "\n"
                  "1.000.000 - 1.000.000 0,00%\n")
    assert t.kind == "lra"
    got = [cells(r) for r in t.rows]
    assert got[0] == {"kode": "7.01.01", "name": "Program Penunjang Urusan Pemerintahan", "pagu": "2.000.000",
                      "realisasi_anggaran": "1.500.000", "sisa": "500.000", "capaian_anggaran": "75,00%"}
    assert got[1]["realisasi_anggaran"] == "-" and got[1]["sisa"] == "1.000.000"
    (t,) = tables("No Program Anggaran 1 Penunjang Urusan Rp 1.000.000 2 Pemberdayaan Desa Rp 2.000.000 Jumlah Rp 3.000.000")
    assert t.kind == "pk_budget"
    assert [(r.text("no"), r.text("name"), r.text("pagu")) for r in t.rows] == [
        ("1", "Penunjang Urusan", "Rp 1.000.000"), ("2", "Pemberdayaan Desa", "Rp 2.000.000"), ("", "Jumlah", "Rp 3.000.000")]


# -- cells wrapped past a row's numbers ------------------------------------------------------------

_CAPAIAN = "No Sasaran Indikator Kinerja Target Realisasi Capaian\n\n"
_CAPAIAN_KET = "No Sasaran Indikator Kinerja Target Realisasi Capaian Ket\n\n"
_CPO = ("No Sasaran/ Kegiatan Indikator Kinerja\nAnggaran Kinerja\n\nEfisiensi\nPagu Realisasi\n\n"
        "Capaian\n(%)\n\nT R %\n\n")


def test_tails_below_the_numbers_go_to_each_cell_in_order():
    # after a page break the converter writes what is left of each cell, in column order, below the numbers;
    # the second tail stands alone before the next numbered row
    (t,) = tables(_CAPAIAN +
                  "1. Meningkatnya\nkualitas rapat\nkoordinasi\n\n"
                  "Jumlah\nfasilitasi rapat\n\n"
                  "12 Laporan 3 Laporan 25%\n"
                  "dan konsultasi\ndinas\n\n"
                  "kedinasan\n\n"
                  "2. Meningkatnya\nmutu arsip\n\n"
                  "Jumlah arsip\ntertata\n\n"
                  "10 Dokumen 5 Dokumen 50%\n")
    r1, r2 = t.rows
    assert cells(r1) == {"no": "1.", "sasaran": "Meningkatnya kualitas rapat koordinasi dan konsultasi dinas",
                         "indikator": "Jumlah fasilitasi rapat kedinasan", "target": "12 Laporan",
                         "realisasi": "3 Laporan", "capaian": "25%"}
    assert cells(r2)["sasaran"] == "Meningkatnya mutu arsip"


def test_remark_begun_after_the_numbers_goes_on_below_them():
    # the remark's first line stands after the numbers, the rest of it below, in blocks of its own
    (t,) = tables(_CAPAIAN_KET +
                  "1. Meningkatnya\npelayanan\nkependudukan\n\n"
                  "Jumlah dokumen\nkependudukan\n\n"
                  "6 Dokumen 6 Dokumen 100% KTP,KK,\nakte\n\n"
                  "kelahiran,\n\n"
                  "kematian\n"
                  "2. Meningkatnya\nmutu perizinan\n\n"
                  "Jumlah izin\nterbit\n\n"
                  "7 Dokumen 2 Dokumen 28%\n")
    r1, r2 = t.rows
    assert cells(r1)["sasaran"] == "Meningkatnya pelayanan kependudukan"
    assert cells(r1)["keterangan"] == "KTP,KK, akte kelahiran, kematian"
    assert cells(r2)["no"] == "2." and cells(r2)["indikator"] == "Jumlah izin terbit"


def test_cell_wrapped_between_the_numbers_of_its_row():
    # under a merged sasaran: the indicator's first lines, its target, the indicator's rest, then the
    # other numbers one per line
    (t,) = tables(_CAPAIAN +
                  "1 Meningkatnya\nadministrasi\nkeuangan\n\n"
                  "Jumlah ASN\nterlayani gaji\n\n"
                  "12 bulan 3 bulan 25%\n\n"
                  "Jumlah laporan\nkeuangan akhir\n\n"
                  "6 Laporan\n"
                  "tahun dan laporan\nhasil koordinasi\n\n"
                  "0\n\n"
                  "0\n")
    r1, r2 = t.rows
    assert cells(r2) == {"indikator": "Jumlah laporan keuangan akhir tahun dan laporan hasil koordinasi",
                         "target": "6 Laporan", "realisasi": "0", "capaian": "0"}


def test_numbers_one_per_line_keep_their_row():
    # "2 unit" after "8 Unit" is the realisasi, not row 2 opening with a unit word
    (t,) = tables(_CAPAIAN +
                  "1 Meningkatnya\npemeliharaan\n\n"
                  "Jumlah kendaraan\ndipelihara\n\n"
                  "8 Unit\n\n \n2 unit\n\n \n25%\n\n"
                  "Jumlah peralatan\ndipelihara\n\n"
                  "4 Unit 2 unit 50%\n")
    r1, r2 = t.rows
    assert (cells(r1)["target"], cells(r1)["realisasi"], cells(r1)["capaian"]) == ("8 Unit", "2 unit", "25%")
    assert cells(r2)["indikator"] == "Jumlah peralatan dipelihara"


def test_units_wrapped_after_the_text_of_a_numbers_first_row():
    # "12 3 25%" on the row's first line, the sasaran's rest, then each number's unit broken over two lines;
    # the units end the row's text, so "Kegiatan" below is the sub-header of the budget rows
    (t,) = tables(_CPO +
                  "9 Meningkatnya     12 3 25%\n"
                  "kualitas layanan\numum kantor\n\n"
                  "lapora\nn\n\n"
                  "Lapora\nn\n\n"
                  " Kegiatan \n"
                  "1. Penyediaan jasa\nlayanan umum\n\n"
                  " 183.004.800 44.701.440 24,42%\n")
    r1, r2 = t.rows
    assert cells(r1) == {"no": "9", "sasaran": "Meningkatnya kualitas layanan umum kantor",
                         "target": "12 lapora n", "realisasi": "3 Lapora n", "capaian": "25%"}
    assert r2.level == "kegiatan" and cells(r2)["name"] == "Penyediaan jasa layanan umum"


def test_percent_sign_wrapped_below_its_number():
    (t,) = tables(_CPO +
                  " Kegiatan \n"
                  "1 Penyediaan gaji\n\ndan tunjangan ASN\n\n"
                  " 1.041.824.480 157.744.139 15,14%    0,14\n%\n\n"
                  "2. Penyediaan\nadministrasi\n\n"
                  " 7.986.000 2.662.000 33,33%    0,16\n%\n")
    r1, r2 = t.rows
    # a name broken by a blank line stays one name: its own division is no evidence for itself
    assert cells(r1)["name"] == "Penyediaan gaji dan tunjangan ASN" and "indikator" not in cells(r1)
    assert cells(r1)["efisiensi"] == "0,14 %" and cells(r2)["name"] == "Penyediaan administrasi"


def test_indicator_opening_with_a_total_word_is_no_total_row():
    # "Jumlah" opens an indicator's name here; a total row is labelled by its whole text
    (t,) = tables(_CPO +
                  "1.\n\nMeningkatnya koordinasi\nForum Kecamatan\n\nJumlah desa\nterfasilitasi\n\n"
                  "6 Desa 100% 100%\n\n"
                  "Jumlah kegiatan\n\npemberdayaan yang\n\nterfasilitasi\n\n"
                  "12 Laporan 25% 25%\n")
    r1, r2 = t.rows
    assert cells(r2) == {"indikator": "Jumlah kegiatan pemberdayaan yang terfasilitasi", "target": "12 Laporan",
                         "realisasi": "25%", "capaian": "25%"}


def test_line_ending_in_a_number_whose_unit_is_below_is_a_row():
    # long for a cell, but its "1" / "dokumen" is the row's target
    (t,) = tables("No Sasaran Indikator Kinerja Target\n\n"
                  "1. Meningkatnya\nkualitas layanan\n\nJumlah dokumen\nyang diterbitkan\n\n6\ndokumen\n\n"
                  "2. Meningkatnya\nperizinan\n\n"
                  "Jumlah rekomendasi izin yang diterbitkan  1\ndokumen\n")
    r1, r2 = t.rows
    assert cells(r2) == {"no": "2.", "sasaran": "Meningkatnya perizinan",
                         "indikator": "Jumlah rekomendasi izin yang diterbitkan", "target": "1 dokumen"}


# -- wrap widths -----------------------------------------------------------------------------------

def _wrap_on_page(text: str, width: float, font: str = "Helvetica") -> list[str]:
    """Greedy wrapping at a width on the page, in a proportional font (as a PDF's text layer is set)."""
    from pdfminer.fontmetrics import FONT_METRICS
    glyphs = FONT_METRICS[font][1]
    out: list[str] = []
    for w in text.split():
        cand = f"{out[-1]} {w}" if out else w
        if out and sum(glyphs.get(c, 556) for c in cand) <= width:
            out[-1] = cand
        else:
            out.append(w)
    return out


def test_wrap_width_measured_as_the_text_was_set():
    import textwrap
    from lkj.parsers.flat_widths import CHARS, choose_measure
    texts = ["Meningkatnya kualitas fasilitasi penyelenggaraan pemerintahan umum",
             "Persentase pemenuhan fasilitasi operasional perkantoran kecamatan",
             "Terwujudnya tertib administrasi pemerintahan desa dan kelurahan",
             "Rata-rata persentase desa yang menyusun dokumen tepat waktu"]
    on_page = [_wrap_on_page(t, 9500) for t in texts]
    in_chars = [textwrap.wrap(t, 20) for t in texts]
    assert choose_measure([on_page]).name in ("Helvetica", "Times-Roman")
    assert choose_measure([in_chars]) is CHARS


def test_cells_divided_by_widths_on_the_page():
    # Program rows of a cost-per-outcome table, name and indicator in blocks of their own, the indicator
    # opening in lower case; set in a proportional font, so their lines disagree in characters
    def cell(t, w=9500):
        return "\n".join(_wrap_on_page(t, w)) + "\n\n"
    rows = [("Program Penunjang Urusan Pemerintahan Daerah", "Persentase pemenuhan fasilitasi operasional perkantoran",
             "1.390.110.590 247.561.439 18% 0,41"),
            ("Program Pemberdayaan Masyarakat Desa dan Kelurahan", "persentase desa/kelurahan yang terfasilitasi pemberdayaan",
             "20.935.000 9.556.000 45% 0,50"),
            ("Program Penyelenggaraan Urusan Pemerintahan Umum", "persentase pemenuhan urusan pemerintahan umum",
             "2.400.000 600.000 25% 0,40"),
            ("Program Pembinaan Dan Pengawasan Pemerintahan Desa", "persentase desa tertib administrasi",
             "172.800.000 43.200.000 25% 0,23")]
    # the report's PK table, set in the same font, tells how its columns wrap
    pk = [("Meningkatnya kualitas fasilitasi penyelenggaraan pemerintahan", "Persentase hasil fasilitasi yang ditindaklanjuti"),
          ("Meningkatnya akuntabilitas pemerintahan desa", "Rata-rata persentase desa yang menyusun dokumen tepat waktu"),
          ("Meningkatnya kualitas pembinaan dan pengawasan desa", "Persentase desa yang menetapkan APBDes tepat waktu"),
          ("Meningkatnya kualitas pelayanan administrasi terpadu", "Persentase layanan administrasi yang diselesaikan")]
    text = "No Sasaran Indikator Kinerja Target\n\n" + "".join(
        f"{k + 1} " + cell(sa, 9000) + cell(ind, 8000) + "89%\n\n" for k, (sa, ind) in enumerate(pk))
    text += "Tabel 2.3\n" + _CPO + "".join(
        f"{k + 1} " + cell(sa, 9000) + cell(ind, 8000) + "89% 28% 31%\n\n" for k, (sa, ind) in enumerate(pk))
    text += " Program     \n" + "".join(cell(n, 9000) + cell(i, 8000) + v + "\n\n" for n, i, v in rows)
    _, t = tables(text)
    got = [(r.text("name"), r.text("indikator")) for r in t.rows if r.level == "program"]
    assert got == [(n, i) for n, i, _ in rows]


def test_rows_whose_cells_go_on_line_by_line_below_the_first_are_all_read():
    """pdfplumber's extract_text() of a ruled Word table: each printed line whole, so the rest of
    every cell comes line by line below the row's first line, with no line of text alone before the
    second row.  The table used to end at the first such line (taken for a paragraph)."""
    (t,) = tables("No Sasaran Program Indikator Kinerja Target\n"
                  "1 Meningkatnya Kualitas Fasilitasi Persentase Pemenuhan fasilitasi 100%\n"
                  "Penunjang Urusan Pemerintahan operasional Perkantoran\n"
                  "Daerah Kabupaten/Kota\n"
                  "2 Meningkatnya Kualitas Indeks Pelayanan Publik 3.75\n"
                  "Penyelenggaraan Pelayanan\n"
                  "publik Kecamatan\n"
                  "3 Meningkatnya tertib administrasi Persentase dokumen administrasi 100%\n"
                  "pemerintahan desa pemerintahan desa yang\n"
                  "ditetapkan tepat waktu\n"
                  "\n"
                  "BAB III")
    assert [(cells(r)["no"], cells(r)["target"]) for r in t.rows] == [("1", "100%"), ("2", "3.75"), ("3", "100%")]
    assert [r.cells["target"].line for r in t.rows] == [2, 5, 8]
    assert cells(t.rows[1])["indikator"] == "Indeks Pelayanan Publik"


def _paragraphs(*cells: str) -> str:
    """Text as docx2txt writes a Word document: every paragraph, each table cell's too, followed by
    a blank line (an empty cell: a blank line of its own)."""
    return "".join(c + "\n\n" for c in cells)


def test_cells_written_one_paragraph_each_are_read_as_rows():
    (pk, budget) = tables(_paragraphs(
        "No", "Sasaran Kegiatan", "Indikator Kinerja", "Target",
        "1", "Terkelolanya administrasi perkantoran dan kepegawaian perangkat daerah",
        "Jumlah laporan penatausahaan barang milik daerah yang disusun tepat waktu", "12 laporan",
        "", "", "Persentase pegawai yang mengikuti peningkatan kapasitas sumber daya aparatur", "80%",
        "No", "Sub Kegiatan", "Anggaran (Rp)",
        "1", "Penatausahaan barang milik daerah pada perangkat daerah", "Rp 4.250.000",
        "2", "Pendidikan dan pelatihan pegawai berdasarkan tugas dan fungsi", "Rp 12.600.000")
        + "BAB III\n")
    assert pk.kind == "pk" and budget.kind == "pk_budget"
    assert [cells(r) for r in pk.rows] == [
        {"no": "1", "sasaran": "Terkelolanya administrasi perkantoran dan kepegawaian perangkat daerah",
         "indikator": "Jumlah laporan penatausahaan barang milik daerah yang disusun tepat waktu",
         "target": "12 laporan"},
        {"indikator": "Persentase pegawai yang mengikuti peningkatan kapasitas sumber daya aparatur",
         "target": "80%"}]
    assert [(cells(r)["no"], cells(r)["name"], cells(r)["pagu"]) for r in budget.rows] == [
        ("1", "Penatausahaan barang milik daerah pada perangkat daerah", "Rp 4.250.000"),
        ("2", "Pendidikan dan pelatihan pegawai berdasarkan tugas dan fungsi", "Rp 12.600.000")]


def test_a_realisasi_table_with_its_labels_one_paragraph_each():
    (t,) = tables(_paragraphs(
        "KODE REKENING", "URAIAN", "PAGU ANGGARAN (Rp)", "REALISASI (Rp)", "SISA ANGGARAN (Rp)", "%",
        "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota",
        "1.200.000.000", "300.000.000", "900.000.000", "25 %",
        "7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah",
        "8.000.000", "2.000.000", "6.000.000", "25 %") + "BAB III\n")
    assert t.kind == "lra"
    assert [(cells(r)["kode"], cells(r)["pagu"], cells(r)["sisa"]) for r in t.rows] == [
        ("7.01.01", "1.200.000.000", "900.000.000"), ("7.01.01.2.01", "8.000.000", "6.000.000")]
    assert cells(t.rows[0])["name"] == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"


def test_cells_one_per_line_with_no_blank_lines():
    """A PDF's text as its page draws it (a browser's viewer, a flipbook): every run of text on a
    line of its own, no blank lines; the budget table's labels, one per line, end the PK table."""
    (pk, budget) = tables("\n".join([
        "No", "Sasaran", "Indikator", "Target",
        "1", "Terwujudnya tata kelola", "pemerintahan yang baik", "Nilai evaluasi SAKIP", "kecamatan", "BB",
        "2", "Tingginya kepuasan", "warga atas layanan", "Tingkat kepuasan", "masyarakat", "80",
        "No", "Program", "Anggaran", "Keterangan",
        "1", "Program Penunjang Urusan", "Pemerintahan Daerah", "Kabupaten/Kota", "Rp. 3.250.000.000,-", "APBD",
        "2", "Program Penyelenggaraan", "Pemerintahan dan", "Pelayanan Publik", "Rp. 420.500.000,-", "APBD",
        "JUMLAH", "Rp. 3.670.500.000,-", "BAB III"]))
    assert (pk.kind, budget.kind) == ("pk", "pk_budget")
    assert [cells(r) for r in pk.rows] == [
        {"no": "1", "sasaran": "Terwujudnya tata kelola pemerintahan yang baik",
         "indikator": "Nilai evaluasi SAKIP kecamatan", "target": "BB"},     # a letter grade is a target
        {"no": "2", "sasaran": "Tingginya kepuasan warga atas layanan", "indikator": "Tingkat kepuasan masyarakat",
         "target": "80"}]
    assert [(cells(r).get("no"), cells(r)["name"], cells(r)["pagu"]) for r in budget.rows] == [
        ("1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "Rp. 3.250.000.000,-"),
        ("2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Rp. 420.500.000,-"),
        (None, "JUMLAH", "Rp. 3.670.500.000,-")]


def test_a_label_with_slashes_broken_over_two_lines_one_per_line():
    """"Program/Kegiatan/ Sub" / "Kegiatan" (a cell's label wrapped, each run of text a line of its own,
    as a web printout's PDF draws its page): the slashes part the label's words, so its first line
    is a header line and the header opens at "Kode", with the kode column."""
    (t,) = tables("\n".join([
        "Tabel 2.4", "Realisasi Anggaran s.d. Triwulan II",
        "Kode", "Program/Kegiatan/ Sub", "Kegiatan", "Pagu", "Realisasi", "Sisa", "Persentase",
        "7.01.01", "PROGRAM PENUNJANG URUSAN", "PEMERINTAHAN DAERAH", "KABUPATEN/KOTA",
        "3.114.250.008", "811.402.075 2.302.847.933", "26,05%",
        "7.01.01.2.01", "Perencanaan, Penganggaran, dan", "Evaluasi Kinerja Perangkat Daerah",
        "17.612.000", "5.163.410", "12.448.590", "29,32%",
        "7.01.01.2.01.0001 Penyusunan Dokumen Perencanaan", "Perangkat Daerah",
        "6.351.000", "3.104.220", "3.246.780", "48,88%",
        "BAB III"]))
    assert t.kind == "lra"
    assert [(cells(r)["kode"], cells(r)["name"], cells(r)["sisa"]) for r in t.rows] == [
        ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "2.302.847.933"),
        ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "12.448.590"),
        ("7.01.01.2.01.0001", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "3.246.780")]


def test_the_expected_number_after_numbers_one_per_line_opens_the_next_row():
    """Each number on a line of its own ("4" / "3,85" / "96,25%", a PDF's text as its page draws it),
    fewer numbers than the header's columns: the next row's number after them, a row's text under
    it, is that row's number, not one more of the row's numbers."""
    (t,) = tables("\n".join([
        "No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Pagu", "Realisasi", "Capaian",
        "1", "Terselenggaranya fasilitasi kebutuhan", "operasional kantor",
        "Persentase pemenuhan fasilitasi kebutuhan", "operasional perkantoran", "100% 75,00% 75,00%",
        "2", "Meningkatnya Kualitas Penyelenggaraan", "Pelayanan publik Kecamatan", "Indeks Pelayanan Publik",
        "4", "3,60", "90,00%",
        "3", "Meningkatnya Pemberdayaan Masyarakat", "Desa dan Kelurahan",
        "Persentase lembaga kemasyarakatan desa/kelurahan", "dan ormas yang aktif", "90%", "81,00% 90,00%",
        "BAB III"]))
    assert [(cells(r).get("no"), cells(r).get("target"), cells(r).get("realisasi"), cells(r).get("capaian"))
            for r in t.rows] == [("1", "100%", "75,00%", "75,00%"), ("2", "4", "3,60", "90,00%"),
                                 ("3", "90%", "81,00%", "90,00%")]
    assert cells(t.rows[2])["sasaran"] == "Meningkatnya Pemberdayaan Masyarakat Desa dan Kelurahan"


def test_a_quantity_alone_under_a_rows_first_numbers_is_one_more_number():
    """"2 Laporan" on a line of its own after the row's budget numbers (a PDF's text as its page
    draws it): the row's next number, not row 2 with the text "Laporan"."""
    (t,) = tables("\n".join([
        "No", "Sasaran", "Indikator Kinerja", "Pagu", "Realisasi", "Capaian", "T", "R", "%", "Efisiensi",
        "1. Meningkatnya wawasan kebangsaan masyarakat",
        "Jumlah Laporan Hasil Pembinaan Wawasan Kebangsaan dan", "Ketahanan Nasional",
        "40.000.000 30.000.000", "75%", "2 Laporan", "1 Laporan", "50%", "-25%",
        "2. Tertanganinya konflik sosial di wilayah kecamatan", "Jumlah Laporan Penanganan Konflik Sosial",
        "2.000.000 1.500.000 75%", "4 Laporan", "3 Laporan", "75%", "0%",
        "BAB III"]))
    assert [(cells(r).get("no"), cells(r).get("target"), cells(r).get("realisasi"), cells(r).get("efisiensi"))
            for r in t.rows] == [("1.", "2 Laporan", "1 Laporan", "-25%"), ("2.", "4 Laporan", "3 Laporan", "0%")]


def test_a_table_without_a_number_column_its_labels_one_per_line():
    """A capaian table with no "No" column, its labels one per line with the year under "TARGET" and
    a header-like caption under "Tabel 3.1" (a PDF's text as its page draws it): the caption is the
    title, the year belongs to the header, and each row's one block of text is its sasaran and its
    indikator."""
    (t,) = tables("\n".join([
        "Tabel 3.1", "INDIKATOR KINERJA TRIWULAN IV",
        "SASARAN", "INDIKATOR SASARAN", "TARGET", "2023", "REALISASI CAPAIAN", "(1)", "(2)", "(3)", "(4)", "(5)",
        "Meningkatnya", "penyelenggaraan pelayanan", "publik di Kecamatan",
        "Persentase hasil Fasilitasi dan", "Koordinasi yang ditindaklanjuti", "85,00%", "93,50%", "110,00%",
        "Meningkatnya kualitas serta", "Akuntabilitas Keuangan dan", "Pemerintahan Desa",
        "Rata-rata persentase desa yang", "menyusun dokumen administrasi", "pemerintahan desa tepat waktu",
        "90,00%", "94,50%", "105,00%",
        "Penjelasan :", "a. Indikator : Persentase hasil Fasilitasi dan Koordinasi yang ditindaklanjuti",
        "BAB IV"]))
    assert t.kind == "capaian"
    assert t.title == "Tabel 3.1 INDIKATOR KINERJA TRIWULAN IV"
    assert [(cells(r)["sasaran"], cells(r)["indikator"], cells(r)["target"], cells(r)["capaian"]) for r in t.rows] == [
        ("Meningkatnya penyelenggaraan pelayanan publik di Kecamatan",
         "Persentase hasil Fasilitasi dan Koordinasi yang ditindaklanjuti", "85,00%", "110,00%"),
        ("Meningkatnya kualitas serta Akuntabilitas Keuangan dan Pemerintahan Desa",
         "Rata-rata persentase desa yang menyusun dokumen administrasi pemerintahan desa tepat waktu", "90,00%",
         "105,00%")]


def test_a_row_continued_under_the_header_repeated_on_the_next_page():
    """A PDF's text as its pages draw it, each cell a word or two per line: row 1 breaks over the page,
    the header is repeated, then the rest of row 1's sasaran and indikator, then row 2, its number
    alone on a line before its first word.  The rest goes to row 1's cells, and "2" opens row 2
    (before: a row of its own, and "2" its efisiensi)."""
    (t,) = tables("\n".join([
        "No", "Sasaran", "Indikator", "Kinerja", "Kinerja", "Anggaran", "Efisiensi", "((K-A)/K)", "T", "R", "%", "Pagu", "Realisasi", "Capaian", "(%)", "(1)", "(2)", "(3)", "(4)", "(5)", "(6=5/4)", "(7)", "(8)", "(9=8/7)", "(10=(6-9)/6)",
        "1 Terselenggaranya", "fasilitasi", "kebutuhan", "Prosentase", "pemenuhan", "fasilitasi",
        "95", "%", "30,00", "%", "32 %", "1.200.000.000 360.000.000", "30 %", "6,25",
        "No", "Sasaran", "Indikator", "Kinerja", "Kinerja", "Anggaran", "Efisiensi", "((K-A)/K)", "T", "R", "%", "Pagu", "Realisasi", "Capaian", "(%)", "(1)", "(2)", "(3)", "(4)", "(5)", "(6=5/4)", "(7)", "(8)", "(9=8/7)", "(10=(6-9)/6)",
        "operasional", "kantor", "kebutuhan", "operasional", "perkantoran",
        "2", "Meningkatnya", "Kualitas", "Pelayanan Publik", "Persentase layanan", "administrasi kecamatan",
        "95 %", "19,00 %", "20 %", "30.000.000 6.000.000", "20 %", "0,00",
        "BAB III"]))
    assert t.kind == "cost_per_outcome"
    assert [(cells(r).get("no"), cells(r).get("target"), cells(r).get("pagu"), cells(r).get("efisiensi"))
            for r in t.rows] == [("1", "95 %", "1.200.000.000", "6,25"), ("2", "95 %", "30.000.000", "0,00")]
    first = cells(t.rows[0])
    assert first["sasaran"].startswith("Terselenggaranya fasilitasi kebutuhan")
    assert first["indikator"].startswith("Prosentase pemenuhan fasilitasi")
    assert "operasional kantor kebutuhan operasional perkantoran" in first["sasaran"] + " " + first["indikator"]
    assert cells(t.rows[1])["sasaran"] == "Meningkatnya Kualitas Pelayanan Publik"


def _blank_led(*cells: tuple[int, str]) -> str:
    """Paragraphs each after so many blank lines, as docx2txt writes a Word table: a blank line after
    every paragraph, and a blank line of its own for every empty paragraph of an empty cell."""
    return "".join("\n" * blanks + text + "\n" for blanks, text in cells)


def test_the_rest_of_a_word_row_broken_over_a_page_after_empty_cells():
    """docx2txt of a Word table whose row broke over a page: the rest of the indikator ("Kinerja
    Pegawai") comes after the row's numbers and the empty cells before it, then the next row's number
    after more empty cells.  The rest is the indikator's, and "2" opens row 2 (before: a row of its
    own with the target "2")."""
    (t,) = tables(_blank_led(
        (0, "Cost per outcome Kasubbag Umum dan Kepegawaian"), (1, "No"), (3, "Sasaran / Program"),
        (3, "Indikator Kinerja"), (1, "Anggaran"), (5, "Kinerja"), (11, "Pagu"), (1, "Realisasi"), (1, "%"),
        (1, "T"), (1, "R"), (1, "%"),
        (1, "1"), (1, "Terpenuhinya Administrasi Kepegawaian Perangkat Daerah"),
        (1, "Jumlah Dokumen Pendataan dan Pengolahan Administrasi Kepegawaian"), (7, "12 Dok"), (1, "11 Dok"),
        (1, "91,67%"),
        (5, "Jumlah Dokumen Monitoring, Evaluasi, dan Penilaian"), (7, "4 Dok"), (1, "3 Dok"), (1, "75%"),
        (5, "Kinerja Pegawai"),
        (13, "2"), (1, "Terpenuhinya Administrasi Umum Perangkat Daerah"),
        (1, "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan"), (7, "4 paket"), (1, "2 paket"),
        (1, "50%"), (1, "BAB III")))
    assert t.kind == "cost_per_outcome"
    assert [(cells(r).get("no"), cells(r)["indikator"], cells(r)["target"]) for r in t.rows] == [
        ("1", "Jumlah Dokumen Pendataan dan Pengolahan Administrasi Kepegawaian", "12 Dok"),
        (None, "Jumlah Dokumen Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai", "4 Dok"),
        ("2", "Jumlah Paket Peralatan dan Perlengkapan Kantor yang Disediakan", "4 paket")]


def test_a_sub_kegiatan_section_written_a_paragraph_per_cell():
    """docx2txt of a cost-per-outcome table: under its "Sub Kegiatan" label, each row's sub-kegiatan
    and indikator (long paragraphs, no row number), then its budget after the empty kinerja cells
    (seven blank lines).  Each row is read, its two paragraphs its name and its indikator (before:
    the long indikator line was taken for a paragraph below the table, and the table ended)."""
    (t,) = tables(_blank_led(
        (0, "Cost per outcome Kasubag Keuangan"), (1, "No"), (3, "Sasaran/ Kegiatan"), (3, "Indikator Kinerja"),
        (1, "Kinerja"), (5, "Anggaran"), (5, "Efisiensi"), (7, "T"), (1, "Realisasi"), (1, "%"), (1, "Pagu"),
        (1, "Realisasi"), (1, "%"),
        (3, "1"), (3, "Tertibnya Administrasi Barang Milik Daerah pada Perangkat Daerah"),
        (3, "Jumlah Laporan Rekonsiliasi dan Penyusunan Laporan Barang Milik Daerah pada SKPD"),
        (1, "2 laporan"), (1, "1 laporan"), (1, "50%"),
        (9, "Sub Kegiatan"),
        (21, "Penyusunan Dokumen Perencanaan Perangkat Daerah"), (1, "Jumlah Dokumen Perencanaan Perangkat Daerah"),
        (7, "5.100.000,00"), (1, "-"), (1, "0%"),
        (5, "Koordinasi dan Penyusunan Dokumen RKA-SKPD"),
        (1, "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD"),
        (7, "1.600.000,00"), (1, "800.000,00"), (1, "50%"),
        (5, "Koordinasi dan Penyusunan DPA-SKPD"),
        (1, "Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen DPA-SKPD"),
        (7, "2.400.000,00"), (1, "2.400.000,00"), (1, "100%"),
        (3, "BAB III")))
    assert [(cells(r).get("name"), cells(r)["indikator"], cells(r).get("pagu")) for r in t.rows[1:]] == [
        ("Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah",
         "5.100.000,00"),
        ("Koordinasi dan Penyusunan Dokumen RKA-SKPD",
         "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD", "1.600.000,00"),
        ("Koordinasi dan Penyusunan DPA-SKPD",
         "Jumlah Dokumen DPA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen DPA-SKPD", "2.400.000,00")]


def test_a_total_with_empty_label_cells_after_a_full_row():
    """docx2txt of a budget table whose total row has empty "No" and label cells: the total's amount
    comes seven blank lines after the last row's, which has its one amount already.  It is a row of
    its own, not a second amount of the last row."""
    (t,) = tables(_blank_led(
        (0, "NO"), (1, "SUB KEGIATAN"), (1, "ANGGARAN (Rp)"),
        (3, "1."), (1, "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan"), (1, "Rp 7.100.000"),
        (3, "2."), (3, "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Non Perizinan"), (3, "Rp 2.900.000"),
        (7, "Rp 10.000.000"), (3, "BAB III")))
    assert [(cells(r).get("no"), cells(r)["pagu"]) for r in t.rows] == [
        ("1.", "Rp 7.100.000"), ("2.", "Rp 2.900.000"), (None, "Rp 10.000.000")]


def test_budget_rows_centred_on_their_kode_each_line_side_by_side():
    """pdfplumber's extract_text() of a Word realisasi table: "Pagu Setelah" over the header's main
    line (which alone names no pagu), each row centred on the line of its kode and amounts, the name's
    other lines above and below it.  The header is read from its upper line, and each row gets the
    lines above its kode line and as many below it (before: no table; then the lines went to the
    wrong rows)."""
    (t,) = tables("\n".join([
        "Tabel 2.5", "Realisasi Anggaran s.d. Triwulan III", "Tahun 2024",
        "Pagu Setelah", "Kode Program/Kegiatan/ Sub Kegiatan Realisasi Sisa Persentase", "Perubahan",
        "PROGRAM PENUNJANG URUSAN",
        "7.01.01 PEMERINTAHAN DAERAH 2.400.000.000,00 1.600.000.000,00 800.000.000,00 67%",
        "KABUPATEN/KOTA",
        "Perencanaan, Penganggaran, dan",
        "7.01.01.2.01 11.000.000,00 5.500.000,00 5.500.000,00 50%",
        "Evaluasi Kinerja Perangkat Daerah",
        "7.01.01.2.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah 1.500.000,00 750.000,00 750.000,00 50%",
        "7.01.01.2.01.04 Koordinasi dan Penyusunan DPA-SKPD 1.600.000,00 1.600.000,00 - 100%",
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi",
        "7.01.01.2.01.06 2.200.000,00 1.100.000,00 1.100.000,00 50%",
        "Kinerja SKPD",
        "BAB III"]))
    assert t.kind == "lra"
    assert [(cells(r)["kode"], cells(r)["name"], cells(r)["pagu"], cells(r)["sisa"]) for r in t.rows] == [
        ("7.01.01", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA", "2.400.000.000,00", "800.000.000,00"),
        ("7.01.01.2.01", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah", "11.000.000,00",
         "5.500.000,00"),
        ("7.01.01.2.01.01", "Penyusunan Dokumen Perencanaan Perangkat Daerah", "1.500.000,00", "750.000,00"),
        ("7.01.01.2.01.04", "Koordinasi dan Penyusunan DPA-SKPD", "1.600.000,00", "-"),
        ("7.01.01.2.01.06", "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
         "2.200.000,00", "1.100.000,00")]


def test_sentences_citing_numbers_after_a_table_are_no_rows():
    """docx2txt of a budget table and the paragraphs under it, each a line: a sentence with
    one percentage inside it ("... sudah mencapai 100%, hal ini akan ... ditentukan.") and one citing
    amounts ("... sebesar Rp 18.600.000 dari pagu anggaran Rp 75.000.000 atau 24,80%.").  They end
    the table (before: rows whose "realisasi" exceeded their "pagu", and false anomalies)."""
    (t,) = tables(_blank_led(
        (0, "No"), (1, "Sub Kegiatan"), (1, "Anggaran (Rp)"),
        (1, "1."), (1, "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa"), (1, "Rp 9.200.000"),
        (1, "2."), (1, "Fasilitasi Penyusunan Peraturan Desa dan Peraturan Kepala Desa"), (1, "Rp 8.100.000"),
        (1, "Dari gambaran tabel diatas dapat dilihat bahwa dari 5 Indikator Kinerja dalam triwulan I belum ada "
            "Indikator yang sudah mencapai 100%, hal ini akan dilakukan penyerapan pada triwulan berikutnya agar "
            "dapat mencapai kinerja sesuai dengan apa yang telah ditentukan."),
        (1, "Realisasi anggaran sampai dengan triwulan I tahun 2024 sebesar Rp 18.600.000 dari pagu anggaran "
            "Rp 75.000.000 atau 24,80%."),
        (1, "Tabel 2.4")))
    assert [(cells(r).get("no"), cells(r)["pagu"]) for r in t.rows] == [("1.", "Rp 9.200.000"), ("2.", "Rp 8.100.000")]


def test_a_sub_kegiatan_section_with_no_blank_lines():
    """A cost-per-outcome table as a PDF's pages draw it (a line per run of text, no blank lines):
    the label "Sub Kegiatan" alone on its line after a whole row opens the section, and each of its
    rows (no number) is read as its sub-kegiatan and its indikator (before: the label was the first
    row's text, and name and indikator one cell)."""
    (t,) = tables("\n".join([
        "No", "Sasaran/ Kegiatan", "Indikator Kinerja", "Kinerja", "Anggaran", "Efisiensi", "T", "Realisasi", "%",
        "Pagu", "Realisasi", "%",
        "1", "Tertibnya Administrasi Barang", "Milik Daerah pada Perangkat Daerah",
        "Jumlah Laporan Rekonsiliasi dan", "Penyusunan Laporan Barang Milik", "Daerah pada SKPD",
        "4 laporan", "2 laporan 50%",
        "Sub Kegiatan",
        "Penyusunan Dokumen", "Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat", "Daerah",
        "5.100.000,00", "-", "0%",
        "Koordinasi dan Penyusunan", "Dokumen RKA-SKPD", "Jumlah Dokumen RKA-SKPD dan Laporan",
        "Hasil Koordinasi Penyusunan Dokumen", "RKA-SKPD", "1.600.000,00", "800.000,00", "50%",
        "BAB III"]))
    assert [(cells(r).get("name"), cells(r).get("indikator"), cells(r).get("pagu")) for r in t.rows[1:]] == [
        ("Penyusunan Dokumen Perencanaan Perangkat Daerah", "Jumlah Dokumen Perencanaan Perangkat Daerah",
         "5.100.000,00"),
        ("Koordinasi dan Penyusunan Dokumen RKA-SKPD",
         "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD", "1.600.000,00")]


def test_a_realisasi_header_given_out_of_order_takes_the_order_its_numbers_follow():
    """pdfplumber's extract_text() of a two-level realisasi header: "ANGGARAN (RP)" / "KODE PROGRAM ...
    PAGU SETELAH SISA ANGGARAN PERSENTASE" / "REALISASI (RP)" / "PERUBAHAN (RP) (RP)", the realisasi's
    label a line below the others.  Word order puts realisasi last; the rows' numbers (sisa = pagu -
    realisasi, the percentage realisasi / pagu) put it second, and that is the order read."""
    (t,) = tables("\n".join([
        "Tabel 2.5", "Realisasi Anggaran s.d. Triwulan III Tahun 2024", "ANGGARAN (RP)",
        "KODE PROGRAM/KEGIATAN/ SUB KEGIATAN PAGU SETELAH SISA ANGGARAN PERSENTASE", "REALISASI (RP)",
        "PERUBAHAN (RP) (RP)",
        "7.01.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH 2.400.000.000,00 1.600.000.000,00 800.000.000,00 67%",
        "7.01.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja 11.000.000,00 5.500.000,00 5.500.000,00 50%",
        "7.01.01.2.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah 1.500.000,00 720.000,00 780.000,00 48%",
        "BAB III"]))
    assert t.kind == "lra"
    assert [(cells(r)["pagu"], cells(r)["realisasi_anggaran"], cells(r)["sisa"], cells(r)["capaian_anggaran"])
            for r in t.rows] == [("2.400.000.000,00", "1.600.000.000,00", "800.000.000,00", "67%"),
                                 ("11.000.000,00", "5.500.000,00", "5.500.000,00", "50%"),
                                 ("1.500.000,00", "720.000,00", "780.000,00", "48%")]


def test_a_capaian_header_given_out_of_order_takes_the_order_its_numbers_follow():
    """pdfplumber's extract_text() of a capaian header with "Kinerja" over Target and Realisasi:
    "Kinerja" / "No Sasaran Kegiatan Indikator Kinerja Capaian" / "Target Realisasi" / "(%)" /
    "1 2 3 4 5 6".  The words put Target and Realisasi after Capaian; the rows (capaian = realisasi /
    target, target and realisasi in one unit, capaian in %) put them before it.  Before: the target
    was read as the capaian and the capaian as the realisasi."""
    (t,) = tables("\n".join([
        "Tabel 2.2.", "Capaian Kinerja Kasi Pemerintahan", "Kinerja",
        "No Sasaran Kegiatan Indikator Kinerja Capaian", "Target Realisasi", "(%)", "1 2 3 4 5 6",
        "1. Tertanganinya konflik sosial di wilayah kecamatan Jumlah Laporan Konflik Sosial 4 Laporan 3 Laporan 75%",
        "2. Terlaksananya tugas forum pimpinan Jumlah Laporan Tugas Forum 12 Laporan 6 Laporan 50%",
        "3. Tertibnya administrasi desa Jumlah Dokumen Administrasi Desa 24 Dokumen 16 Dokumen 66,67%",
        "BAB III"]))
    assert t.kind == "capaian"
    assert [(cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"]) for r in t.rows] == [
        ("4 Laporan", "3 Laporan", "75%"), ("12 Laporan", "6 Laporan", "50%"), ("24 Dokumen", "16 Dokumen", "66,67%")]


def test_a_capaian_header_out_of_order_whose_numbers_hold_either_way():
    """The same header with percentages: capaian = realisasi / target holds as well with the target
    and the capaian swapped (100% / 36,11% / 36,11% either way; 87 / 87,65 / 100,75% too, the
    product is the same).  The capaian is the column after the target and the realisasi."""
    (t,) = tables("\n".join([
        "Tabel 2.2", "Capaian Kinerja Camat", "KINERJA",
        "NO SASARAN KEGIATAN INDIKATOR KINERJA CAPAIAN", "TARGET REALISASI", "(%)",
        "1. Meningkatnya mutu layanan kantor Persentase surat yang selesai tepat waktu 100% 36,11% 36,11%",
        "2. Meningkatnya kepuasan warga Indeks Kepuasan Masyarakat 87 87,65 100,75%",
        "BAB III"]))
    assert [(cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"]) for r in t.rows] == [
        ("100%", "36,11%", "36,11%"), ("87", "87,65", "100,75%")]


def test_a_cost_per_outcome_header_whose_capaian_and_efisiensi_stand_above_the_others():
    """pdfplumber's extract_text() of a cost-per-outcome header: the tall "Capaian (%)" and
    "Efisiensi" cells print on the line above "T R % Pagu Realisasi", so the words put efisiensi
    first and all seven value columns out of place.  The rows' numbers (capaian = R / T, the
    budget's capaian = realisasi / pagu, efisiensi their quotient) give the order.  Before: with
    seven columns to move none were moved, and the target was read as efisiensi."""
    (t,) = tables("\n".join([
        "Tabel 3.4", "Cost per outcome Kasi Ekonomi Pembangunan", "Kinerja Anggaran",
        "Sasaran / Indikator", "No Capaian Efisiensi", "Kegiatan Kinerja T R % Pagu Realisasi", "(%)",
        "1. Meningkatnya sarana desa Persentase desa terlayani 100% 40,00% 40,00% 2.000.000,00 1.000.000,00 50,00% 0,80",
        "2. Tertibnya laporan desa Persentase laporan tepat waktu 80% 60,00% 75,00% 5.000.000,00 4.000.000,00 80,00% 0,94",
        "3. Terbinanya lembaga desa Jumlah lembaga aktif 12 Lembaga 9 Lembaga 75,00% 3.000.000,00 2.700.000,00 90,00% 0,83",
        "BAB III"]))
    assert t.kind == "cost_per_outcome"
    assert [tuple(cells(r)[f] for f in ("target", "realisasi", "capaian", "pagu", "realisasi_anggaran",
                                        "capaian_anggaran", "efisiensi")) for r in t.rows] == [
        ("100%", "40,00%", "40,00%", "2.000.000,00", "1.000.000,00", "50,00%", "0,80"),
        ("80%", "60,00%", "75,00%", "5.000.000,00", "4.000.000,00", "80,00%", "0,94"),
        ("12 Lembaga", "9 Lembaga", "75,00%", "3.000.000,00", "2.700.000,00", "90,00%", "0,83")]


def test_an_efisiensi_header_out_of_order_puts_the_negative_difference_in_efisiensi():
    """pdfplumber's extract_text() of an efisiensi table: "Capaian Capaian" prints above "No Sasaran
    Indikator Kinerja Kinerja Anggaran Efisiensi", so the words put efisiensi first.  Efisiensi =
    capaian - the budget's capaian holds with the last two columns either way round; a budget's
    capaian below zero cannot be, so the negative column is the efisiensi.  Before: the budget's
    capaian was read as -10,93% and flagged as implausible."""
    (t,) = tables("\n".join([
        "Tabel 2.4", "Efisiensi Penggunaan Sumber Daya", "Capaian Capaian",
        "No Sasaran Indikator Kinerja Kinerja Anggaran Efisiensi", "(%) (%)",
        "1. Meningkatnya layanan surat Persentase surat selesai 37,45% 48,38% -10,93%",
        "2. Tertibnya laporan desa Persentase laporan tepat waktu 31,25% 19,58% 11,67%",
        "3. Terbinanya lembaga desa Persentase lembaga aktif 37,50% 39,90% -2,40%",
        "BAB III"]))
    assert t.kind == "efisiensi"
    assert [tuple(cells(r)[f] for f in ("capaian", "capaian_anggaran", "efisiensi")) for r in t.rows] == [
        ("37,45%", "48,38%", "-10,93%"), ("31,25%", "19,58%", "11,67%"), ("37,50%", "39,90%", "-2,40%")]


def test_a_tiny_quotient_is_no_written_percentage():
    """Columns in their words' order whose efisiensi no relation explains (1 - budget's capaian /
    capaian, "-0,24"): no order is better, and none is taken.  Before the check held a ratio as
    exactly as its figure is written, a realisasi divided by a pagu in the millions (about 0) was
    "0,95" within a whole percent, and the efisiensi column was read as the budget's capaian."""
    (t,) = tables("\n".join([
        "Tabel 2.3", "Cost per outcome Camat",
        "No Sasaran Indikator Kinerja Pagu Realisasi Capaian Target Realisasi Capaian Efisiensi",
        "1 Meningkatnya layanan Persentase surat selesai 2.226.708.730 526.669.818 23,65% 89% 16,67% 19% -0,24",
        "2 Tertibnya arsip Persentase arsip tertata 57.392.099 686.617 1,20% 89% 22,22% 25% 0,95",
        "3 Terbinanya desa Persentase desa terbina 15.909.050 1.952.000 12,27% 100% 42,86% 43% 0,71",
        "BAB III"]))
    assert [tuple(cells(r)[f] for f in ("pagu", "realisasi_anggaran", "capaian_anggaran", "efisiensi")) for r in t.rows] == [
        ("2.226.708.730", "526.669.818", "23,65%", "-0,24"), ("57.392.099", "686.617", "1,20%", "0,95"),
        ("15.909.050", "1.952.000", "12,27%", "0,71")]


def test_a_budget_table_whose_upper_label_follows_the_last_pk_row():
    """pdfplumber's extract_text() of a PK sheet: the PK table, then the budget table's header
    "ANGGARAN" / "NO SUB KEGIATAN" / "(Rp)" with no blank line, its main line naming no amount.  The
    budget table is a table of its own (before: "ANGGARAN" was the last PK row's text and the budget
    rows PK rows); a long line between two of its rows, the next row's number and amount under it,
    is its first row's name."""
    (pk, budget) = tables("\n".join([
        "Tabel 2.1", "Lembar Dokumen Perjanjian Kinerja",
        "No Sasaran Kegiatan Indikator Kinerja Target",
        "1. Meningkatnya koordinasi kegiatan Jumlah Laporan Koordinasi 12 laporan",
        "2. Terlaksananya urusan pemerintahan Jumlah Laporan Pelaksanaan Urusan 12 laporan",
        "ANGGARAN", "NO SUB KEGIATAN", "(Rp)",
        "1. Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Rp 7.700.000",
        "Pemerintahan dengan Perangkat Daerah dan Instansi Vertikal Terkait",
        "2. Pelaksanaan Urusan Pemerintahan yang Terkait dengan Non Perizinan Rp 2.300.000",
        "Rp 10.000.000",
        "2.2. CAPAIAN KINERJA",
        "Dalam kurun waktu bulan 1 Januari s.d 31 Maret 2024, maka dari 2 indikator",
        "kinerja tersebut belum ada indikator yang mencapai target 100%. Hal ini dapat dilihat",
        "dari tabel berikut:",
        "BAB III"]))
    assert (pk.kind, budget.kind) == ("pk", "pk_budget")
    assert [cells(r)["indikator"] for r in pk.rows] == ["Jumlah Laporan Koordinasi", "Jumlah Laporan Pelaksanaan Urusan"]
    assert [(cells(r).get("no"), cells(r).get("name"), cells(r)["pagu"]) for r in budget.rows] == [
        ("1.", "Koordinasi/Sinergi Perencanaan dan Pelaksanaan Kegiatan Pemerintahan dengan Perangkat Daerah dan "
               "Instansi Vertikal Terkait", "Rp 7.700.000"),
        ("2.", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Non Perizinan", "Rp 2.300.000"),
        (None, None, "Rp 10.000.000")]


def test_a_lone_capital_letter_is_no_grade():
    from lkj.parsers.flat_values import split_line

    assert [(p.kind, p.shape) for p in split_line("BB", 1)] == [("val", "grade")]
    assert [(p.kind, p.shape) for p in split_line("B BB 100%", 1)] == [("val", "grade"), ("val", "grade"), ("val", "pct")]
    assert [p.kind for p in split_line("A", 1)] == ["text"]        # "KI" / "A": a word broken at an edge


def test_a_two_level_realisasi_header_read_as_its_labels_come():
    """"ANGGARAN (Rp)" over Pagu / Realisasi / Sisa, "Persentase" beside it: a text layer gives the top
    labels first, then the sub labels; the amounts are the group's, the percentage comes last."""
    from lkj.parsers.flat_header import read_header

    hdr = read_header(["KODE", "REKENING", "PROGRAM / KEGIATAN", "ANGGARAN (RP)", "PERSENTASE", "(%)",
                       "PAGU SETELAH", "PERUBAHAN (RP)", "REALISASI", "(RP)", "SISA", "ANGGARAN", "(RP)"])
    assert hdr.kind == "lra"
    assert hdr.value_cols == ["pagu", "realisasi_anggaran", "sisa", "capaian_anggaran"]
    # one level: the order written
    assert read_header(["Kode Rekening Uraian Pagu Realisasi Persentase Sisa"]).value_cols == [
        "pagu", "realisasi_anggaran", "capaian_anggaran", "sisa"]


def test_a_remark_under_a_rows_numbers_with_no_blank_lines():
    (t,) = tables("\n".join([
        "No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Keterangan",
        "1", "Meningkatnya kualitas", "pembinaan desa", "Persentase desa yang", "menetapkan RKPDes tepat waktu",
        "89%", "58,82%", "66,09%", "Belum", "tercapai",
        "Persentase desa yang", "menetapkan APBDes tepat waktu", "89%", "100%", "112,36% Tercapai",
        "2", "Terwujudnya ketertiban", "umum", "Persentase penanganan", "pelanggaran perda", "100%", "92%", "92%",
        "BAB III"]))
    assert [(cells(r).get("no"), cells(r).get("indikator"), cells(r)["capaian"], cells(r).get("keterangan"))
            for r in t.rows] == [
        ("1", "Persentase desa yang menetapkan RKPDes tepat waktu", "66,09%", "Belum tercapai"),
        (None, "Persentase desa yang menetapkan APBDes tepat waktu", "112,36%", "Tercapai"),
        ("2", "Persentase penanganan pelanggaran perda", "92%", None)]
    assert cells(t.rows[0])["sasaran"] == "Meningkatnya kualitas pembinaan desa"


def test_column_numbers_and_long_cells_one_line_each():
    """No blank lines: the column numbers stand one per line under the labels, and a numbered row's
    cell runs over lines as long as a paragraph's until its amount comes."""
    (cap, budget) = tables("\n".join([
        "No", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "(1)", "(2)", "(3)", "(4)", "(5=4/3)",
        "1", "Jumlah laporan hasil pembinaan", "wawasan kebangsaan", "4 Laporan", "1 Laporan", "25%",
        "2", "Jumlah laporan penanganan", "konflik sosial", "4 Laporan", "2 Laporan", "50%",
        "NO", "SUB KEGIATAN", "PAGU", "ANGGARAN",
        "1.", "Pembinaan Wawasan Kebangsaan dan Ketahanan Nasional dalam rangka Memantapkan",
        "Pengamalan Pancasila, Pelaksanaan Undang-Undang Dasar Negara Republik Indonesia",
        "Tahun 1945", "Rp. 51.380.800",
        "2. Penanganan Konflik Sosial Sesuai Ketentuan Peraturan Perundang-Undangan", "Rp. 1.309.500",
        "TOTAL", "Rp. 52.690.300", "2.2. CAPAIAN KINERJA"]))
    assert cap.kind == "capaian" and cap.formulas == {"capaian": "5=4/3"}
    assert [(cells(r)["no"], cells(r)["indikator"], cells(r)["capaian"]) for r in cap.rows] == [
        ("1", "Jumlah laporan hasil pembinaan wawasan kebangsaan", "25%"),
        ("2", "Jumlah laporan penanganan konflik sosial", "50%")]
    assert budget.kind == "pk_budget"
    assert [(cells(r).get("no"), cells(r)["name"][-29:], cells(r)["pagu"]) for r in budget.rows] == [
        ("1.", "Republik Indonesia Tahun 1945", "Rp. 51.380.800"),
        ("2.", " Peraturan Perundang-Undangan", "Rp. 1.309.500"),
        (None, "TOTAL", "Rp. 52.690.300")]


def test_a_two_level_header_of_fifteen_labels_one_per_line():
    (t,) = tables("\n".join(
        ["No", "Sasaran /", "Kegiatan", "Indikator", "Kinerja", "Anggaran", "Kinerja", "Efisiensi", "Pagu",
         "Realisasi", "Capaian", "(%)", "T", "R", "%"] + [str(i) for i in range(1, 11)] +
        ["1", "Meningkatnya kualitas", "pelayanan publik", "Indeks Kepuasan", "Masyarakat (IKM)",
         "5.000.000", "4.000.000", "80 %", "82 79,40", "96,83", "%", "16,83", "BAB III"]))
    assert t.kind == "cost_per_outcome"
    assert t.fields[-7:] == ["pagu", "realisasi_anggaran", "capaian_anggaran", "target", "realisasi", "capaian",
                             "efisiensi"]
    (r,) = t.rows
    assert cells(r)["indikator"] == "Indeks Kepuasan Masyarakat (IKM)"
    assert [cells(r)[f] for f in t.fields[-7:]] == ["5.000.000", "4.000.000", "80 %", "82", "79,40", "96,83 %",
                                                    "16,83"]


def test_a_formula_among_the_labels_and_in_the_column_numbers():
    (t,) = tables("\n".join(
        ["No", "Sasaran", "Indikator", "Kinerja", "Kinerja", "Anggaran", "Efisiensi", "((K-A)/K)", "T", "R", "%",
         "Pagu", "Realisasi", "Capaian", "(%)", "(1)", "(2)", "(3)", "(4)", "(5)", "(6=5/4)", "(7)", "(8)", "(9=8/7)",
         "(10=(6-9)/6)",
         "1 Terselenggaranya", "fasilitasi kantor", "Persentase", "pemenuhan", "fasilitasi",
         "95", "%", "22,92", "%", "24 %", "1.336.917.056 318.214.046", "24 %", "0,00", "BAB III"]))
    assert t.kind == "cost_per_outcome"
    (r,) = t.rows
    assert (cells(r)["target"], cells(r)["realisasi"], cells(r)["pagu"], cells(r)["efisiensi"]) == (
        "95 %", "22,92 %", "1.336.917.056", "0,00")
    assert cells(r)["indikator"] == "Persentase pemenuhan fasilitasi"


def test_a_quantity_a_word_per_line_after_the_budget():
    """No blank lines, a row's quantities broken a word per line ("2" / "Laporan" / "1" / "Laporan"):
    the "2" before its unit is the target, not the next row's number."""
    (t,) = tables("\n".join(
        ["No", "Sasaran", "Indikator", "Pagu", "Realisasi", "Capaian", "Target", "Realisasi", "Capaian", "Efisiensi",
         "1. Meningkatnya", "wawasan", "masyarakat", "Jumlah Laporan", "Hasil Pembinaan",
         "40.000.000 40.000.000 100%", "2", "Laporan", "1", "Laporan", "50%", "-50%",
         "2. Tertanganinya", "konflik sosial", "Jumlah Laporan", "Penanganan Konflik",
         "1.700.000", "1.200.000 70,59%", "4", "Laporan", "3", "Laporan", "75%", "4,41%", "BAB III"]))
    assert t.kind == "cost_per_outcome"
    assert [(cells(r)["no"], cells(r)["target"], cells(r)["realisasi"], cells(r)["efisiensi"]) for r in t.rows] == [
        ("1.", "2 Laporan", "1 Laporan", "-50%"), ("2.", "4 Laporan", "3 Laporan", "4,41%")]


def test_docx2txt_budget_headers_after_an_empty_cell_and_after_a_continued_row():
    """docx2txt: the budget table's header whose "No" cell is empty ("" / "Program" / "Anggaran"),
    and a header of numbered labels right after a row continued over a page (its cell on a row of
    its own, no numbers): each opens the budget table."""
    (pk, budget) = tables(_paragraphs(
        "No", "Sasaran", "Indikator Kinerja", "Target",
        "1", "Meningkatnya tertib administrasi desa", "Persentase dokumen desa yang ditetapkan", "89%",
        "", "Program", "Anggaran",
        "1", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", "Rp 2.400.000.000,-",
        "2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Rp 9.300.000,-") + "BAB III\n")
    assert (pk.kind, budget.kind) == ("pk", "pk_budget") and len(pk.rows) == 1
    assert [(cells(r)["no"], cells(r)["pagu"]) for r in budget.rows] == [("1", "Rp 2.400.000.000,-"),
                                                                         ("2", "Rp 9.300.000,-")]
    (pk, budget) = tables(_paragraphs(
        "No.", "Sasaran", "Indikator Kinerja", "Target",
        "1.", "Terlaksananya urusan pemerintahan yang dilimpahkan", "Jumlah laporan pelaksanaan urusan", "12 laporan",
        "", "", "yang terkait dengan non perizinan", "",
        "NO", "SUB KEGIATAN", "ANGGARAN (Rp)",
        "1.", "Koordinasi pelaksanaan kegiatan pemerintahan", "Rp 7.700.000") + "BAB III\n")
    assert budget.kind == "pk_budget"
    assert [(cells(r)["no"], cells(r)["name"], cells(r)["pagu"]) for r in budget.rows] == [
        ("1.", "Koordinasi pelaksanaan kegiatan pemerintahan", "Rp 7.700.000")]


def test_docx2txt_column_numbers_one_per_paragraph():
    (t,) = tables(_paragraphs(
        "No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "(1)", "(2)", "(3)", "(4)", "(5=4/3)",
        "1", "Jumlah laporan pembinaan wawasan kebangsaan", "4 Laporan", "1 Laporan", "25%",
        "2", "Jumlah laporan penanganan konflik sosial", "4 Laporan", "2 Laporan", "50%") + "BAB III\n")
    assert t.kind == "capaian" and t.formulas == {"capaian": "5=4/3"}
    assert [(cells(r)["no"], cells(r)["target"], cells(r)["capaian"]) for r in t.rows] == [
        ("1", "4 Laporan", "25%"), ("2", "4 Laporan", "50%")]


def test_docx2txt_a_row_number_after_the_empty_cells_of_a_row():
    """A kinerja row of a cost-per-outcome table whose budget cells are empty (docx2txt: a blank
    paragraph each): the next row's number after them is a row number, not the row's efisiensi."""
    (t,) = tables(_paragraphs(
        "No", "Sasaran", "Indikator Kinerja", "Kinerja", "Anggaran", "Efisiensi", "T", "R", "%", "Pagu",
        "Realisasi", "%",
        "1", "Terlaksananya perencanaan perangkat daerah", "Jumlah dokumen perencanaan", "4 dokumen", "2 dokumen",
        "50%", "", "", "", "",
        "2", "Terpenuhinya administrasi keuangan", "Jumlah laporan keuangan", "12 laporan", "9 laporan", "75%",
        "", "", "", "") + "BAB III\n")
    assert t.kind == "cost_per_outcome"
    assert [(cells(r)["no"], cells(r)["capaian"], cells(r).get("efisiensi")) for r in t.rows] == [
        ("1", "50%", None), ("2", "75%", None)]


def test_docx2txt_a_remark_and_an_indicator_in_lower_case():
    (t,) = tables(_paragraphs(
        "No", "Sasaran", "Indikator Kinerja", "Target", "Realisasi", "Capaian", "Keterangan",
        "1", "Terlaksananya pendataan administrasi kepegawaian", "Jumlah dokumen pendataan kepegawaian",
        "12 Dokumen", "12 Dokumen", "100%", "Tercapai",
        "2", "Meningkatnya kualitas fasilitasi pemerintahan umum", "persentase fasilitasi urusan pemerintahan umum",
        "100%", "83,33%", "83,33%", "Belum tercapai") + "BAB III\n")
    assert [(cells(r)["no"], cells(r)["sasaran"], cells(r)["indikator"], cells(r)["keterangan"]) for r in t.rows] == [
        ("1", "Terlaksananya pendataan administrasi kepegawaian", "Jumlah dokumen pendataan kepegawaian", "Tercapai"),
        ("2", "Meningkatnya kualitas fasilitasi pemerintahan umum", "persentase fasilitasi urusan pemerintahan umum",
         "Belum tercapai")]


def test_no_blank_lines_a_row_is_done_at_its_values():
    """A line per run of text writes a row's cells in column order, its text before its values: a
    kinerja row of a cost-per-outcome table (its budget cells empty) is done at its values, and the
    indicator below it (under a merged sasaran) is a row of its own."""
    (t,) = tables("\n".join(
        ["No", "Sasaran", "Indikator Kinerja", "Kinerja", "Anggaran", "Efisiensi", "T", "R", "%", "Pagu",
         "Realisasi", "%",
         "6", "Meningkatnya pembinaan", "pemerintahan desa", "Persentase desa yang", "menetapkan RKPDes tepat waktu",
         "89%", "58,82%", "66,09%",
         "Persentase desa yang", "menetapkan APBDes tepat waktu", "89%", "100%", "112,36%",
         "Program", "1", "Program Pembinaan dan", "Pengawasan Pemerintahan Desa",
         "34.132.021", "25.900.345", "75,88%", "BAB III"]))
    assert [(cells(r).get("no"), cells(r).get("indikator"), cells(r).get("capaian")) for r in t.rows[:2]] == [
        ("6", "Persentase desa yang menetapkan RKPDes tepat waktu", "66,09%"),
        (None, "Persentase desa yang menetapkan APBDes tepat waktu", "112,36%")]
    assert cells(t.rows[0])["sasaran"] == "Meningkatnya pembinaan pemerintahan desa"


def test_first_lines_side_by_side_and_a_header_inside_with_no_blank_lines():
    """pdfplumber's extract_text() of a Word table: each row's first cell lines side by side with its
    numbers, the rest of its cells below (a line as long as a paragraph's), no blank lines; the next
    table's header line inside the body opens that table."""
    pk, budget = tables("\n".join([
        "No Sasaran Indikator Kinerja Target",
        "1 Meningkatnya penyelenggaraan Persentase hasil Fasilitasi dan 91,50%",
        "pelayanan publik di Kecamatan Koordinasi yang ditindaklanjuti",
        "2 Meningkatnya akuntabilitas Rata-rata persentase desa yang 89%",
        "pemerintahan desa menyusun dokumen administrasi desa",
        "No Program Anggaran",
        "1 Program Penunjang Urusan Pemerintahan Daerah Rp 2.648.039.800,00",
        "2 Program Penyelenggaraan Pemerintahan Umum Rp 9.374.000,00",
        "TOTAL Rp 2.657.413.800,00",
        "BAB III"]))
    assert (pk.kind, budget.kind) == ("pk", "pk_budget")
    assert [(cells(r)["no"], cells(r)["target"]) for r in pk.rows] == [("1", "91,50%"), ("2", "89%")]
    assert "ditindaklanjuti" in " ".join(cells(pk.rows[0]).values())
    assert [cells(r).get("pagu") for r in budget.rows] == ["Rp 2.648.039.800,00", "Rp 9.374.000,00",
                                                           "Rp 2.657.413.800,00"]


def test_no_blank_lines_a_long_indicator_line_before_its_values_is_a_row():
    """A line per run of text: an unnumbered indicator row's first line is longer than the table's
    lines so far (as long as a paragraph's would be); its values two lines below say it is a row."""
    (t,) = tables("\n".join([
        "NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", "TARGET",
        "1", "Terpenuhinya Administrasi Kepegawaian", "Perangkat Daerah",
        "Jumlah Dokumen Pendataan dan Pengolahan", "Administrasi Kepegawaian", "12 Dok",
        "Jumlah Dokumen Monitoring, Evaluasi, dan Penilaian", "Kinerja Pegawai", "4 Dok",
        "2", "Terpenuhinya Administrasi Umum", "Perangkat Daerah",
        "Jumlah Dokumen Dukungan Pelaksanaan Sistem", "Pemerintahan Berbasis Elektronik", "1 Dok",
        "Dari tabel di atas dapat dilihat bahwa seluruh indikator kinerja telah ditetapkan dengan target."]))
    assert [(cells(r).get("no"), cells(r)["indikator"], cells(r)["target"]) for r in t.rows] == [
        ("1", "Jumlah Dokumen Pendataan dan Pengolahan Administrasi Kepegawaian", "12 Dok"),
        (None, "Jumlah Dokumen Monitoring, Evaluasi, dan Penilaian Kinerja Pegawai", "4 Dok"),
        ("2", "Jumlah Dokumen Dukungan Pelaksanaan Sistem Pemerintahan Berbasis Elektronik", "1 Dok")]


def test_docx2txt_values_placed_by_the_empty_cells_before_them():
    """A cost-per-outcome header with the budget first: an indicator row's budget cells are empty
    (two blank lines each in docx2txt's text), so its three percentages are the kinerja's, not the
    budget's capaian and the first two kinerja cells; the next row's number is no value."""
    (t,) = tables(_paragraphs(
        "No", "Sasaran / Program", "Indikator Kinerja", "Anggaran", "Kinerja", "Pagu (Rp.)", "Realisasi",
        "Capaian", "Target", "Realisasi", "%",
        "1", "Meningkatnya penyelenggaraan pelayanan publik", "Persentase hasil fasilitasi yang ditindaklanjuti",
        "", "", "", "91,50%", "86,11%", "94,11%",
        "2", "Meningkatnya akuntabilitas pemerintahan desa", "Rata-rata persentase desa tepat waktu",
        "", "", "", "89%", "86,27%", "96,93%",
        "3", "Meningkatnya ketertiban umum", "Persentase penanganan gangguan ketertiban",
        "", "Rp 5.000.000", "50%", "", "", "") + "BAB III\n")
    assert t.kind == "cost_per_outcome"
    assert [(cells(r)["no"], cells(r).get("capaian_anggaran"), cells(r).get("target"), cells(r).get("capaian"))
            for r in t.rows] == [("1", None, "91,50%", "94,11%"), ("2", None, "89%", "96,93%"), ("3", "50%", None, None)]
    # an empty pagu cell: the amount is the realisasi (its shape alone would make it the pagu)
    assert (cells(t.rows[2]).get("pagu"), cells(t.rows[2])["realisasi_anggaran"]) == (None, "Rp 5.000.000")


def test_docx2txt_a_two_label_header_whose_text_label_has_a_qualifier():
    (pk, budget) = tables(_paragraphs(
        "No", "Sasaran", "Indikator Kinerja", "Target",
        "1", "Terfasilitasinya perencanaan pembangunan partisipatif", "Jumlah desa yang difasilitasi", "10 Desa",
        "", "Sub Kegiatan", "Anggaran",
        "1.", "Fasilitasi penyusunan perencanaan pembangunan partisipatif", "Rp 3.519.699") + "BAB III\n")
    assert (pk.kind, budget.kind, len(pk.rows)) == ("pk", "pk_budget", 1)
    assert [(cells(r)["no"], cells(r)["pagu"]) for r in budget.rows] == [("1.", "Rp 3.519.699")]


def test_no_blank_lines_rows_centred_on_their_numbers():
    """pdfplumber's text of a Word table whose cells are centred: a row's first text lines, then its
    number with its values, then the rest; the long first line is no paragraph that ends the table
    (a line of values with its row number follows)."""
    (t,) = tables("\n".join([
        "No Sasaran Kegiatan Indikator Kinerja Target Realisasi Capaian",
        "Meningkatnya kualitas fasilitasi Persentase hasil Fasilitasi dan",
        "1. 100% 36,11% 36,11%",
        "dan koordinasi kecamatan Koordinasi yang ditindaklanjuti",
        "Meningkatnya kualitas pelayanan Indeks Kepuasan Masyarakat",
        "2. 87 87,65 100,75%",
        "publik kecamatan (IKM)",
        "Meningkatnya akuntabilitas Rata-rata persentase desa yang",
        "3. 100% 73,81% 73,81%",
        "pemerintahan desa menyusun dokumen administrasi",
        "BAB III"]))
    assert t.kind == "capaian"
    # every numbered row is read with its values (which text lines above a number are its own is not
    # told yet: the first row's first line stands as a row of its own)
    assert [(cells(r)["no"], cells(r)["target"], cells(r)["capaian"]) for r in t.rows if "no" in cells(r)] == [
        ("1.", "100%", "36,11%"), ("2.", "87", "100,75%"), ("3.", "100%", "73,81%")]


def test_a_two_year_header_in_flat_text_reads_the_report_years_columns():
    """"Realisasi 2022 Target 2023 Realisasi 2023 Capaian 2023 (%)": the 2023 columns take target,
    realisasi and capaian, last year's realisasi stays a column of its own kept as raw text (before:
    the table was taken for a comparison of years and dropped).  With the report's year 2022, whose
    target the header does not give, or under a title that says it compares ("Perbandingan"), it is
    a comparison."""
    text = "\n".join([
        "Tabel 3.1", "Capaian Kinerja Kecamatan", "",
        "No Sasaran Indikator Kinerja Realisasi 2022 Target 2023 Realisasi 2023 Capaian 2023 (%)", "",
        "1 Terwujudnya pelayanan", "prima", "", "Nilai survei kepuasan", "masyarakat", "", "78,20 80 81,40 101,75", "",
        "2 Meningkatnya ketertiban", "umum", "", "Persentase gangguan ketertiban", "yang tertangani", "",
        "85% 90% 92% 102,22%", "", "BAB IV"])
    (t,) = tables(text)
    assert t.kind == "capaian" and t.years == [2022, 2023]
    assert [(cells(r)["indikator"], cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"], r.extra)
            for r in t.rows] == [("Nilai survei kepuasan masyarakat", "80", "81,40", "101,75", ["78,20"]),
                                 ("Persentase gangguan ketertiban yang tertangani", "90%", "92%", "102,22%", ["85%"])]
    assert t.unused == {0: "Realisasi 2022"}
    lines = [Line(i + 1, s) for i, s in enumerate(text.split("\n"))]
    assert read_flat_tables(lines, 0, len(lines), year=2022) == []
    # titled a comparison ("Perbandingan ..."), it is one whatever its columns
    assert tables(text.replace("Capaian Kinerja Kecamatan", "Perbandingan Capaian Kinerja")) == []


def test_a_comparison_whose_years_stand_in_group_labels_above_the_header_is_no_capaian_table():
    """pdfplumber's extract_text() of a comparison of two years: the group labels "Tahun 2023 (TW.
    IV)" and "Tahun 2024 (TW. IV)" break over two lines, the first taken for the title's last line,
    and the header below says only "Target Realisasi Target Realisasi".  Titled a comparison, with
    its target and realisasi repeated, it is one.  Before: a capaian table whose capaian was the
    second year's two values, flagged by capaian = realisasi / target row by row."""
    text = "\n".join([
        "Tabel 3.2", "Perbandingan Target dan Realisasi Kinerja Triwulan IV", "Tahun 2023 (TW. Tahun 2024 (TW.",
        "No. Indikator Kinerja IV) IV)", "Target Realisasi Target Realisasi",
        "1. Persentase surat selesai tepat waktu 85,60% 81,19% 83,60% 91,67%",
        "2. Persentase laporan desa yang tertib 90,83% 87,81% 93,33% 97,33%",
        "BAB IV"])
    assert tables(text) == []
    # the same header under a title that does not compare: a table whose rows are read
    assert [t.kind for t in tables(text.replace("Perbandingan Target dan", "Rekap Target dan"))] != []


def test_a_signature_block_right_under_the_last_row_ends_the_table():
    """A PK sheet: the table, then where and when it was signed, the signer, the NIP.  The date line
    and the NIP are no rows (before: "20 Januari 2024" gave a row whose target was 2024, and the NIP
    one whose values were its groups of digits)."""
    (t,) = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Target", "",
        "1 Meningkatnya kualitas", "pelayanan publik", "", "Indeks kepuasan masyarakat", "", "82", "",
        "2 Meningkatnya ketertiban", "umum", "", "Persentase gangguan", "yang tertangani", "", "95%", "", "",
        "Sukamaju, 20 Januari 2024", "CAMAT SUKAMAJU", "", "DEDI SUPRIATNA, S.Sos", "NIP. 19720315 199303 1 004"]))
    assert [(cells(r)["no"], cells(r)["target"]) for r in t.rows] == [("1", "82"), ("2", "95%")]


def test_a_satuan_column_in_flat_text_is_a_cell_of_its_own():
    """"No Sasaran Strategis Indikator Kinerja Utama Satuan Target Realisasi Capaian (%)": the unit
    is a short cell of its own, after the indikator's lines or before the numbers on their line.  It
    is kept as raw text under "Satuan" (the units of target and realisasi are read from it); before,
    it was taken for the indikator and the whole indikator joined the sasaran."""
    header = "No Sasaran Strategis Indikator Kinerja Utama Satuan Target Realisasi Capaian (%)"
    blanks = tables("\n".join([
        header, "", "1 Meningkatnya kualitas pelayanan", "administrasi terpadu", "", "Indeks kepuasan masyarakat",
        "terhadap layanan", "", "Indeks", "", "82 84,50 103,05", "",
        "2 Meningkatnya tertib administrasi", "kependudukan", "", "Persentase dokumen yang selesai", "tepat waktu",
        "", "%", "", "95 90 94,74", "", "BAB IV"]))
    dense = tables("\n".join([
        header, "1 Meningkatnya kualitas pelayanan", "administrasi terpadu", "Indeks kepuasan masyarakat",
        "terhadap layanan", "Indeks 82 84,50 103,05",
        "2 Meningkatnya tertib administrasi", "kependudukan", "Persentase dokumen yang selesai", "tepat waktu",
        "% 95 90 94,74", "BAB IV"]))
    for (t,) in (blanks, dense):
        assert t.unused == {0: "Satuan"}
        assert [(cells(r)["sasaran"], cells(r)["indikator"], r.extra, cells(r)["target"], cells(r)["capaian"])
                for r in t.rows] == [
            ("Meningkatnya kualitas pelayanan administrasi terpadu", "Indeks kepuasan masyarakat terhadap layanan",
             ["Indeks"], "82", "103,05"),
            ("Meningkatnya tertib administrasi kependudukan", "Persentase dokumen yang selesai tepat waktu", ["%"],
             "95", "94,74")]


def test_a_grade_alone_in_its_block_after_the_text_cells_is_the_target():
    """A PK target that is a grade ("B": the SAKIP evaluation's letter) in a block of its own after
    the row's sasaran and indikator is the target (before: it was read as the end of the indikator,
    as a letter broken off a word is).  A letter in the blocks of an unnumbered remark stays text."""
    (t,) = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Target", "",
        "1 Meningkatnya akuntabilitas", "kinerja perangkat", "", "Nilai evaluasi SAKIP", "kecamatan", "", "B", "",
        "2 Meningkatnya ketertiban", "umum", "", "Persentase gangguan", "yang tertangani", "", "95%", "", "BAB IV"]))
    assert [(cells(r)["indikator"], cells(r)["target"]) for r in t.rows] == [
        ("Nilai evaluasi SAKIP kecamatan", "B"), ("Persentase gangguan yang tertangani", "95%")]
    # with no blank lines: the letter alone as the row's last line, the next row's number after it
    (t,) = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Target",
        "1 Meningkatnya akuntabilitas", "kinerja perangkat", "Nilai evaluasi SAKIP", "kecamatan", "B",
        "2 Meningkatnya ketertiban", "umum", "Persentase gangguan", "yang tertangani", "95%", "BAB III"]))
    assert [cells(r)["target"] for r in t.rows] == ["B", "95%"]


def test_a_kinerja_only_row_of_a_cost_table_one_paragraph_a_cell():
    """docx2txt of a cost-per-outcome table whose budget columns come first: an outcome row fills
    only its kinerja cells, its budget cells empty paragraphs.  The next row's number alone, a
    sasaran under it, opens that row (before: it was read as the row's efisiensi, and the rest of
    the table was lost)."""
    (t,) = tables(_paragraphs(
        "No", "Sasaran/ Kegiatan", "Indikator Kinerja", "Pagu", "Realisasi", "Capaian", "T", "R", "%",
        "Efisiensi",
        "1", "Meningkatnya kepuasan masyarakat", "Indeks kepuasan masyarakat tingkat kecamatan", "", "", "",
        "82", "79,23", "96,62%", "",
        "2", "Meningkatnya penyelenggaraan pelayanan publik", "Persentase layanan yang ditindaklanjuti", "", "", "",
        "91,50%", "38,89%", "42,50%", "",
        "3", "Meningkatnya kualitas fasilitasi perkantoran", "Persentase pemenuhan operasional perkantoran",
        "2.081.350.099", "954.902.064", "45,88%", "95%", "45,83%", "48,24%", "1,05") + "BAB III\n")
    assert [(cells(r)["no"], cells(r).get("target"), cells(r).get("capaian"), cells(r).get("efisiensi"))
            for r in t.rows] == [("1", "82", "96,62%", None), ("2", "91,50%", "42,50%", None),
                                 ("3", "95%", "48,24%", "1,05")]


def test_a_cells_rest_after_empty_cells_goes_to_the_column_they_tell():
    """docx2txt of a Word row broken over a page: the next "row" holds the rest of the indikator
    alone, after an empty "No" and an empty sasaran cell.  The two empty cells say it is the
    indikator's rest (before: it went to the sasaran)."""
    (t,) = tables(_paragraphs(
        "No", "Sasaran", "Indikator Kinerja", "Capaian Kinerja", "Capaian Anggaran", "Efisiensi",
        "1.", "Terlaksananya tugas forum koordinasi pimpinan di kecamatan",
        "Jumlah laporan pelaksanaan tugas forum koordinasi", "25%", "26,52%", "-1,52",
        "", "", "pimpinan di kecamatan", "", "", "",
        "2.", "Tertibnya pengelolaan keuangan desa", "Jumlah desa yang difasilitasi", "18,18%", "20%", "-1,82")
        + "BAB III\n")
    assert [(cells(r)["sasaran"], cells(r)["indikator"]) for r in t.rows] == [
        ("Terlaksananya tugas forum koordinasi pimpinan di kecamatan",
         "Jumlah laporan pelaksanaan tugas forum koordinasi pimpinan di kecamatan"),
        ("Tertibnya pengelolaan keuangan desa", "Jumlah desa yang difasilitasi")]


def test_a_word_broken_at_its_hyphen_is_one_word_again():
    """A cell wrapped at a hyphen ("Peraturan Perundang-" / "undangan"): the lines join without a
    space, in flat text as in space-aligned text (before: "Perundang- undangan")."""
    (t,) = tables("\n".join([
        "No Sasaran Indikator Kinerja Target", "",
        "1 Tersedianya bahan bacaan", "dan peraturan perundang-", "undangan", "",
        "Jumlah dokumen bahan bacaan", "yang disediakan", "", "12 Dokumen", "", "BAB III"]))
    assert cells(t.rows[0])["sasaran"] == "Tersedianya bahan bacaan dan peraturan perundang-undangan"
    from lkj.normalizers.text import join_lines
    assert join_lines(["Kegiatan Kantor-", "Alat Tulis"]) == "Kegiatan Kantor-Alat Tulis"
    assert join_lines(["Capaian", "- 5,61"]) == "Capaian - 5,61"       # (a dash opening a line is no break)


def test_a_header_like_caption_under_the_table_label_with_a_blank_line_between():
    """"Tabel 3.1" / "Program dan Anggaran" / blank / "No Program/Kegiatan/Sub Kegiatan Anggaran
    (Rp) Keterangan": the caption reads like a header (programme, budget), yet it is the title
    (before: with the blank line between it was taken for the header's first line, the title lost)."""
    (t,) = tables("\n".join([
        "Tabel 3.1", "Program dan Anggaran", "",
        "No Program/Kegiatan/Sub Kegiatan Anggaran (Rp) Keterangan", "",
        "1 Program Penyelenggaraan Pemerintahan", "", "245.600.000 APBD", "",
        "2 Program Pemberdayaan Masyarakat Desa", "", "98.250.000 APBD", "", "BAB IV"]))
    assert t.kind == "pk_budget" and t.title == "Tabel 3.1 Program dan Anggaran"
    assert [cells(r)["pagu"] for r in t.rows] == ["245.600.000", "98.250.000"]


def test_a_short_sentence_under_a_table_whose_remark_follows_the_numbers():
    """The remark written after the row's numbers, on their line ("90% 72% 80% Belum tercapai"), then
    a blank line and a short sentence under the table: the sentence is no more of that remark
    (before: "Belum tercapai Tabel di atas menunjukkan capaian.")."""
    (t,) = tables("No Indikator Kinerja Target Realisasi % Capaian Keterangan\n\n"
                  "1 Persentase penanganan\npengaduan masyarakat\n\n100% 97,5% 97,50% Tercapai\n\n"
                  "2 Persentase rekomendasi izin\nyang terbit tepat waktu\n\n90% 72% 80% Belum tercapai\n\n"
                  "Tabel di atas menunjukkan capaian.\n")
    assert [(cells(r)["no"], cells(r)["capaian"], cells(r)["keterangan"]) for r in t.rows] == [
        ("1", "97,50%", "Tercapai"), ("2", "80%", "Belum tercapai")]
    assert cells(t.rows[1])["indikator"] == "Persentase rekomendasi izin yang terbit tepat waktu"


def test_a_short_table_with_no_blank_lines_and_a_second_indicator_of_one_sasaran():
    """No blank line inside a short table (one after it only): line breaks part its cells, so the
    text after a row's numbers opens the next row, here the second indikator of the same sasaran,
    without a number (before: it was read as more of the first row's sasaran, and the second row
    kept only its numbers)."""
    (t,) = tables("No Sasaran Indikator Kinerja Target Realisasi Capaian (%)\n"
                  "1 Meningkatnya kualitas\nlayanan administrasi\nIndeks kepuasan layanan\n80 82 102,50\n"
                  "Persentase pengaduan yang\ndiselesaikan\n90% 85% 94,44\n"
                  "2 Meningkatnya keamanan\nlingkungan\nJumlah pos kamling aktif\n20 Unit 18 Unit 90,00\n"
                  "\nTabel di atas menunjukkan capaian.\n")
    assert [(cells(r).get("sasaran"), cells(r)["indikator"], cells(r)["target"]) for r in t.rows] == [
        ("Meningkatnya kualitas layanan administrasi", "Indeks kepuasan layanan", "80"),
        (None, "Persentase pengaduan yang diselesaikan", "90%"),
        ("Meningkatnya keamanan lingkungan", "Jumlah pos kamling aktif", "20 Unit")]


def test_a_text_column_after_the_values_that_no_field_takes_is_kept_under_its_label():
    """"Penanggung Jawab", "Sumber Dana" after the last value label: the text after a row's numbers
    is that column's, kept as raw text under its label (before: it went into the sasaran or the
    programme's name, "4 Dokumen Sekretaris" opened a row numbered 4, and a long programme name
    whose numbers were followed by that text ended the table)."""
    pk, budget = tables(
        "No Sasaran Strategis Indikator Kinerja Utama Target Penanggung Jawab\n\n"
        "1 Meningkatnya kualitas pelayanan\n\nPersentase pelayanan selesai tepat waktu\n\n90% Kasi Pelayanan\n\n"
        "2 Meningkatnya tertib administrasi\n\nJumlah dokumen perencanaan\n\n4 Dokumen Sekretaris\n\n"
        "Tabel 2.2 Program dan Anggaran\nNo Program Anggaran (Rp) Sumber Dana\n\n"
        "1 Program Penunjang Urusan Pemerintahan Daerah\n\n1.450.000.000 APBD\n\n"
        "2 Program Penyelenggaraan Pemerintahan dan Pelayanan Publik\n\n315.250.000 APBD\n")
    assert pk.unused == {0: "Penanggung Jawab"} and "keterangan" not in pk.fields
    assert [(cells(r)["sasaran"], cells(r)["target"], r.extra) for r in pk.rows] == [
        ("Meningkatnya kualitas pelayanan", "90%", ["Kasi Pelayanan"]),
        ("Meningkatnya tertib administrasi", "4 Dokumen", ["Sekretaris"])]
    assert budget.unused == {0: "Sumber Dana"}
    assert [(cells(r)["name"], cells(r)["pagu"], r.extra) for r in budget.rows] == [
        ("Program Penunjang Urusan Pemerintahan Daerah", "1.450.000.000", ["APBD"]),
        ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "315.250.000", ["APBD"])]


def test_rows_lettered_a_b_c_under_an_indikator_kegiatan_header():
    """"Indikator Kegiatan" is one column, and "a. Jumlah laporan keuangan yang" opens a row (before:
    that line was read as a header line, the first row lost its number and text, and "Kegiatan" made
    a second text column)."""
    (t,) = tables("No Indikator Kegiatan Target Realisasi Capaian\n\n"
                  "a. Jumlah laporan keuangan yang\ndisusun\n\n12 Laporan 9 Laporan 75%\n\n"
                  "b. Jumlah dokumen perencanaan\nyang disusun\n\n4 Dokumen 4 Dokumen 100%\n\n"
                  "c. Persentase surat yang\ndiarsipkan\n\n100% 80% 80%\n")
    assert t.fields[:3] == ["no", "sasaran", "indikator"]
    assert [(cells(r)["no"], cells(r)["indikator"], cells(r)["target"], cells(r).get("sasaran")) for r in t.rows] == [
        ("a.", "Jumlah laporan keuangan yang disusun", "12 Laporan", None),
        ("b.", "Jumlah dokumen perencanaan yang disusun", "4 Dokumen", None),
        ("c.", "Persentase surat yang diarsipkan", "100%", None)]


def test_a_unit_no_list_knows_written_after_both_numbers_of_a_row():
    """"10 Forum 7 Forum 70,00": "Forum" after two numbers of the line is their unit (before: "10"
    opened a row numbered 10 and the second row lost its numbers)."""
    (t,) = tables("No Indikator Kinerja Target Realisasi Capaian (%)\n\n"
                  "1 Persentase desa dengan\nadministrasi tertib\n\n80% 85% 106,25\n\n"
                  "2 Jumlah forum warga yang aktif\n\n10 Forum 7 Forum 70,00\n")
    assert [(cells(r)["no"], cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"]) for r in t.rows] == [
        ("1", "80%", "85%", "106,25"), ("2", "10 Forum", "7 Forum", "70,00")]
    # two counts of one word in a sentence are no unit: the sentence under a table stays prose
    (t,) = tables("No Indikator Kinerja Target Realisasi Capaian (%)\n"
                  "1 Persentase desa dengan\nadministrasi tertib\n80% 85% 106,25\n"
                  "2 Jumlah forum warga yang aktif\n10 Forum 7 Forum 70,00\n"
                  "3 Persentase surat yang\ndiarsipkan\n90% 90% 100,00\n"
                  "Hasil pengukuran menunjukkan 3 Indikator diukur dan 1 Indikator\n"
                  "memenuhi targetnya (100%), sementara 2 Indikator lainnya belum memenuhinya.\n")
    assert [(cells(r)["no"], cells(r)["capaian"]) for r in t.rows] == [("1", "106,25"), ("2", "70,00"), ("3", "100,00")]


def test_a_short_sentence_under_a_table_with_a_blank_line_after_every_line():
    """The same with a blank line after every line (blank lines then part no cells): the sentence under
    the table is still no more of the last row's remark."""
    (t,) = tables("No Indikator Kinerja Utama Satuan Target Realisasi Capaian (%) Keterangan\n\n"
                  "1 Indeks Kepuasan Masyarakat\n\nIndeks\n\n3,50 3,62 103,43 Tercapai\n\n"
                  "2 Persentase pengaduan yang\n\nditindaklanjuti\n\nPersen\n\n100 95 95,00 Belum tercapai\n\n"
                  "\nTabel di atas menunjukkan capaian.\n\n\nTabel 3.3\n")
    assert [(cells(r)["indikator"], cells(r)["capaian"], cells(r)["keterangan"]) for r in t.rows] == [
        ("Indeks Kepuasan Masyarakat", "103,43", "Tercapai"),
        ("Persentase pengaduan yang ditindaklanjuti", "95,00", "Belum tercapai")]


def test_docx2txt_a_short_table_with_a_label_no_list_knows_and_lettered_rows():
    """docx2txt of a short Word table, each cell a paragraph: a label no list knows among the labels
    ("Sumber Dana") is the header's, not the first row's text, the table is read a paragraph a cell
    although the page's text after it is not so spaced, and a row lettered "a." alone in its
    paragraph opens its row (before: "Sumber Dana" opened a row, the rows ran into each other, and
    "a." was read as one more header label)."""
    budget, cap = tables(_paragraphs(
        "No", "Program", "Anggaran (Rp)", "Sumber Dana",
        "1", "Program Penunjang Urusan Pemerintahan Daerah", "1.450.000.000", "APBD",
        "2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "315.250.000", "APBD") +
        "\nSukamaju, 20 Januari 2024\nCAMAT SUKAMAJU\n\nTabel 3.2 Capaian Indikator Kegiatan\n\n" + _paragraphs(
        "No", "Indikator Kegiatan", "Target", "Realisasi", "Capaian",
        "a.", "Jumlah laporan keuangan yang disusun", "12 Laporan", "9 Laporan", "75%",
        "b.", "Jumlah dokumen perencanaan yang disusun", "4 Dokumen", "4 Dokumen", "100%"))
    assert budget.unused == {0: "Sumber Dana"}
    assert [(cells(r)["no"], cells(r)["name"], cells(r)["pagu"], r.extra) for r in budget.rows] == [
        ("1", "Program Penunjang Urusan Pemerintahan Daerah", "1.450.000.000", ["APBD"]),
        ("2", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "315.250.000", ["APBD"])]
    assert [(cells(r)["no"], cells(r)["indikator"], cells(r)["capaian"]) for r in cap.rows] == [
        ("a.", "Jumlah laporan keuangan yang disusun", "75%"), ("b.", "Jumlah dokumen perencanaan yang disusun", "100%")]


def test_docx2txt_grades_and_a_dot_decimal_percentage_a_paragraph_each():
    """A paragraph a cell: a grade alone is a row's target ("B"), the realisasi's grade after the
    target's ("BB" / "B") is the next value, and "88.00" under a row short of its last number is
    that number, not the kode of a new row (before: "B" joined the indikator and the next row's
    number became the target; "88.00" opened a row)."""
    pk, cap, lra = tables(_paragraphs(
        "No", "Sasaran", "Indikator Kinerja", "Target",
        "1", "Meningkatnya kualitas pelayanan publik", "Indeks kepuasan masyarakat", "82",
        "2", "Meningkatnya akuntabilitas kinerja", "Nilai evaluasi SAKIP kecamatan", "B",
        "3", "Meningkatnya ketertiban umum", "Persentase gangguan yang tertangani", "95%") +
        "Tabel 3.2\n\n" + _paragraphs(
        "No", "Indikator Kinerja", "Target", "Realisasi", "Capaian",
        "1", "Indeks kepuasan masyarakat", "82,00", "84,5", "103,05 %",
        "2", "Nilai SAKIP kecamatan", "BB", "B", "75%") +
        "Tabel 3.3\n\n" + _paragraphs(
        "Kode Rekening", "Uraian", "Anggaran", "Realisasi", "Sisa", "%",
        "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah", "1,250,000,000.00", "1,100,000,000.00",
        "150,000,000.00", "88.00",
        "7.01.01.2.06", "Administrasi Umum Perangkat Daerah", "50.000.000", "0", "50.000.000", "0%"))
    assert [(cells(r)["no"], cells(r)["indikator"], cells(r)["target"]) for r in pk.rows] == [
        ("1", "Indeks kepuasan masyarakat", "82"), ("2", "Nilai evaluasi SAKIP kecamatan", "B"),
        ("3", "Persentase gangguan yang tertangani", "95%")]
    assert [(cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"]) for r in cap.rows] == [
        ("82,00", "84,5", "103,05 %"), ("BB", "B", "75%")]
    assert [(cells(r)["kode"], cells(r)["capaian_anggaran"]) for r in lra.rows] == [
        ("7.01.01", "88.00"), ("7.01.01.2.06", "0%")]


def test_docx2txt_a_row_number_then_its_kode_a_paragraph_each():
    """"1" / "7.01.01" / "Program ..." / "1.450.000.000": the kode is the numbered row's (before: it
    opened a row of its own and the number was lost)."""
    (t,) = tables(_paragraphs(
        "No", "Kode", "Program / Kegiatan", "Anggaran (Rp)",
        "1", "7.01.01", "Program Penunjang Urusan Pemerintahan Daerah", "1.450.000.000",
        "2", "7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "315.250.000"))
    assert t.kind == "pk_budget"
    assert [(cells(r)["no"], cells(r)["kode"], cells(r)["pagu"]) for r in t.rows] == [
        ("1", "7.01.01", "1.450.000.000"), ("2", "7.01.02", "315.250.000")]


def test_a_text_column_no_field_takes_between_the_indikator_and_the_target():
    """"Indikator Kinerja Utama | Formulasi Perhitungan | Target": the formula's cell is a column of
    its own, kept raw under its label (before: it was read as more of the indikator)."""
    (t,) = tables("No Sasaran Strategis Indikator Kinerja Utama Formulasi Perhitungan Target\n\n"
                  "1 Meningkatnya kualitas\npelayanan publik\n\nIndeks kepuasan masyarakat\n\n"
                  "Hasil survei kepuasan\nmasyarakat\n\n82\n\n"
                  "2 Meningkatnya tertib\nadministrasi desa\n\nPersentase desa tertib\nadministrasi\n\n"
                  "Jumlah desa tertib dibagi\njumlah desa\n\n90%\n")
    assert t.unused == {0: "Formulasi Perhitungan"}
    assert [(cells(r)["sasaran"], cells(r)["indikator"], cells(r)["target"], r.extra) for r in t.rows] == [
        ("Meningkatnya kualitas pelayanan publik", "Indeks kepuasan masyarakat", "82",
         ["Hasil survei kepuasan masyarakat"]),
        ("Meningkatnya tertib administrasi desa", "Persentase desa tertib administrasi", "90%",
         ["Jumlah desa tertib dibagi jumlah desa"])]


def test_a_formula_column_in_text_without_blank_lines():
    """The same header with no blank line anywhere (line breaks part the cells): the lines after the
    indikator's, up to the target, are the formula's, also when the formula opens like an indicator
    ("Jumlah desa tertib dibagi ...")."""
    (t,) = tables("No Sasaran Strategis Indikator Kinerja Utama Formulasi Perhitungan Target\n"
                  "1 Meningkatnya kualitas\npelayanan publik\nIndeks kepuasan masyarakat\n"
                  "Hasil survei kepuasan\nmasyarakat\n82\n"
                  "2 Meningkatnya tertib\nadministrasi desa\nPersentase desa tertib\nadministrasi\n"
                  "Jumlah desa tertib dibagi\njumlah desa\n90%\n"
                  "3 Meningkatnya ketertiban\numum\nPersentase gangguan\nyang tertangani\n"
                  "Gangguan tertangani dibagi\ngangguan dilaporkan\n95%\n")
    assert [(cells(r)["sasaran"], cells(r)["indikator"], r.extra) for r in t.rows] == [
        ("Meningkatnya kualitas pelayanan publik", "Indeks kepuasan masyarakat", ["Hasil survei kepuasan masyarakat"]),
        ("Meningkatnya tertib administrasi desa", "Persentase desa tertib administrasi",
         ["Jumlah desa tertib dibagi jumlah desa"]),
        ("Meningkatnya ketertiban umum", "Persentase gangguan yang tertangani",
         ["Gangguan tertangani dibagi gangguan dilaporkan"])]


def test_docx2txt_quantities_with_a_unit_no_list_knows_a_paragraph_each():
    """A paragraph a cell: "10 Forum" / "7 Forum" under a row short of its numbers are its target and
    realisasi, with a unit the unit list does not know (before: "10" opened a row numbered 10), and a
    "Kategori" cell after the capaian is kept raw under its label."""
    (t,) = tables(_paragraphs(
        "No", "Indikator Kinerja", "Target", "Realisasi", "Capaian (%)", "Kategori",
        "1", "Persentase desa dengan administrasi tertib", "80%", "85%", "106,25", "Sangat Baik",
        "2", "Jumlah forum warga yang aktif", "10 Forum", "7 Forum", "70,00", "Cukup"))
    assert t.unused == {0: "Kategori"}
    assert [(cells(r)["no"], cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"], r.extra) for r in t.rows] == [
        ("1", "80%", "85%", "106,25", ["Sangat Baik"]), ("2", "10 Forum", "7 Forum", "70,00", ["Cukup"])]


# A text layer read line by line at each height (pdfplumber's extract_text, PyPDF): a row's number,
# the first line of each cell and its numbers on one line, then the next line of every cell still
# going on side by side.  The PK and capaian tables wrap the same cells at other widths.
_SIDE_BY_SIDE = """Tabel 2.1 Perjanjian Kinerja
No Sasaran Indikator Kinerja Target
1 Meningkatnya kualitas Persentase dokumen 95%
pelayanan administrasi kependudukan yang terbit tepat
kependudukan waktu
2 Terwujudnya ketenteraman Jumlah pelanggaran ketertiban 12 Kasus
dan ketertiban umum yang ditangani
Persentase laporan warga yang 80%
ditindaklanjuti
Capaian kinerja triwulan ini dapat dilihat pada tabel berikut ini dengan rinciannya.
Tabel 2.2 Capaian Kinerja
No Sasaran Indikator Kinerja Target Realisasi Capaian
1 Meningkatnya kualitas Persentase dokumen 95% 91% 95,79%
pelayanan administrasi kependudukan yang terbit
kependudukan tepat waktu
2 Terwujudnya ketenteraman dan Jumlah pelanggaran 12 Kasus 10 Kasus 83,33%
ketertiban umum ketertiban yang
ditangani
Persentase laporan warga 80% 76% 95%
yang ditindaklanjuti"""


def test_two_cells_side_by_side_on_every_line_of_a_row():
    pk, cap = tables(_SIDE_BY_SIDE)
    assert (pk.kind, cap.kind) == ("pk", "capaian")
    rows = [{"no": "1", "sasaran": "Meningkatnya kualitas pelayanan administrasi kependudukan",
             "indikator": "Persentase dokumen kependudukan yang terbit tepat waktu"},
            {"no": "2", "sasaran": "Terwujudnya ketenteraman dan ketertiban umum",
             "indikator": "Jumlah pelanggaran ketertiban yang ditangani"},
            # no number: a second indicator under the merged sasaran above
            {"indikator": "Persentase laporan warga yang ditindaklanjuti"}]
    assert [{k: v for k, v in cells(r).items() if k in ("no", "sasaran", "indikator")} for r in pk.rows] == rows
    assert [{k: v for k, v in cells(r).items() if k in ("no", "sasaran", "indikator")} for r in cap.rows] == rows
    assert [cells(r)["target"] for r in pk.rows] == ["95%", "12 Kasus", "80%"]
    assert [(cells(r)["realisasi"], cells(r)["capaian"]) for r in cap.rows] == [
        ("91%", "95,79%"), ("10 Kasus", "83,33%"), ("76%", "95%")]
    assert pk.rows[1].cells["sasaran"].line == 6 and cap.rows[2].cells["target"].line == 19


def test_side_by_side_cells_divided_by_their_widths_alone():
    # one table: the line below each first line divides where both cells' widths allow it
    (t,) = tables("No Sasaran Indikator Kinerja Target\n"
                  "1 Meningkatnya pelayanan Persentase surat masuk yang 90%\n"
                  "administrasi umum diselesaikan\n"
                  "2 Terkelolanya keuangan Persentase laporan keuangan 100%\n"
                  "kantor kecamatan diselesaikan tepat waktu\n")
    # (the sasaran's column is narrower than "Terkelolanya keuangan kantor": "kantor kecamatan
    # diselesaikan" cannot be one of its lines; the indicator's is wider than "Persentase surat masuk yang")
    assert [(cells(r)["sasaran"], cells(r)["indikator"]) for r in t.rows] == [
        ("Meningkatnya pelayanan administrasi umum", "Persentase surat masuk yang diselesaikan"),
        ("Terkelolanya keuangan kantor kecamatan", "Persentase laporan keuangan diselesaikan tepat waktu")]


def test_grades_inside_a_rows_line_of_values_and_a_cell_a_line():
    """The SAKIP grade as target and realisasi: written before the capaian on the row's line ("Nilai
    SAKIP BB B 87,50 %"), or a cell a line with no blank lines ("B" / "B" / "100 %"); a letter in a
    name ("Paket C") with the row's values complete after it stays text (before: "BB B" joined the
    indikator; a cell a line took the next row's number as the realisasi and lost the rows below)."""
    (t,) = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Target Realisasi Capaian", "",
        "1. Meningkatnya kualitas Indeks Kepuasan 80 82,5 103,13 %", "pelayanan publik Masyarakat",
        "2. Meningkatnya Nilai SAKIP BB B 87,50 %", "akuntabilitas kinerja Kecamatan",
        "3. Meningkatnya kesetaraan Peserta Paket C 25 Orang 20 Orang 80 %", "pendidikan", "", "BAB IV"]))
    assert [(cells(r).get("target"), cells(r).get("realisasi"), cells(r)["capaian"]) for r in t.rows] == [
        ("80", "82,5", "103,13 %"), ("BB", "B", "87,50 %"), ("25 Orang", "20 Orang", "80 %")]
    assert "BB" not in cells(t.rows[1])["indikator"] and cells(t.rows[2])["indikator"].endswith("Paket C")
    (t,) = tables("\n".join([
        "No", "Sasaran Strategis", "Indikator Kinerja", "Target", "Realisasi", "Capaian",
        "1", "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", "82", "84,15", "102,62 %",
        "2", "Meningkatnya akuntabilitas kinerja", "Nilai SAKIP Kecamatan", "B", "B", "100 %",
        "3", "Meningkatnya ketertiban umum", "Persentase pelanggaran perda yang ditindaklanjuti", "100", "95", "95 %",
        "", "Sumber: data diolah"]))
    assert [(r.text("no"), r.text("indikator"), r.text("target"), r.text("realisasi"), r.text("capaian"))
            for r in t.rows] == [
        ("1", "Indeks Kepuasan Masyarakat", "82", "84,15", "102,62 %"),
        ("2", "Nilai SAKIP Kecamatan", "B", "B", "100 %"),
        ("3", "Persentase pelanggaran perda yang ditindaklanjuti", "100", "95", "95 %")]


def test_a_cell_a_line_with_a_unit_column_and_an_indicator_under_a_merged_sasaran():
    """A web page's table copied a cell a line: a Satuan column ("Indeks", "%", "Predikat") between
    the indikator and the numbers, no % signs, and a second indikator under the first row's merged
    sasaran, a long line with no number of its own (before: that line read as a paragraph below the
    table and the three rows after it were lost)."""
    (t,) = tables("\n".join([
        "No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)",
        "1", "Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat (IKM)", "Indeks", "80", "83,52",
        "104,40",
        "Persentase pelayanan administrasi kependudukan tepat waktu", "%", "95", "97", "102,11",
        "2", "Meningkatnya partisipasi masyarakat dalam pembangunan",
        "Persentase kelurahan yang melaksanakan musrenbang tepat waktu", "%", "100", "100", "100,00",
        "3", "Terwujudnya akuntabilitas kinerja kecamatan", "Nilai SAKIP Kecamatan", "Predikat", "B", "BB", "110,00",
        "Bagikan ini:"]))
    assert [(r.text("no"), r.text("indikator"), r.text("target"), r.text("realisasi"), r.text("capaian"))
            for r in t.rows] == [
        ("1", "Indeks Kepuasan Masyarakat (IKM)", "80", "83,52", "104,40"),
        ("", "Persentase pelayanan administrasi kependudukan tepat waktu", "95", "97", "102,11"),
        ("2", "Persentase kelurahan yang melaksanakan musrenbang tepat waktu", "100", "100", "100,00"),
        ("3", "Nilai SAKIP Kecamatan", "B", "BB", "110,00")]
    assert [r.text("sasaran") for r in t.rows][:2] == ["Meningkatnya kualitas pelayanan publik", ""]  # (merged)


def test_a_unit_column_on_the_values_line_and_an_average_row_short_of_numbers():
    """A text layer under "... Indikator Kinerja Satuan Target Realisasi Capaian (%)": the unit ending
    the text before a row's numbers is the Satuan cell ("Indeks", "%", "Kasus"), not the indikator's
    last word; a "Rata-rata" row with one number holds the mean capaian, not a target."""
    (t,) = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Satuan Target Realisasi Capaian (%)",
        "1 Meningkatnya kualitas pelayanan Indeks Kepuasan Masyarakat Indeks 82 84,10 102,56",
        "publik kecamatan",
        "2 Meningkatnya ketentraman dan Jumlah pelanggaran perda yang Kasus 12 10 83,33",
        "ketertiban umum ditertibkan",
        "Rata-rata 92,95", "", "BAB IV"]))
    assert t.unused == {0: "Satuan"}           # (kept as raw text, the units read from it)
    assert [(r.extra[:1], r.text("target"), r.text("capaian")) for r in t.rows] == [
        (["Indeks"], "82", "102,56"), (["Kasus"], "12", "83,33"), ([""], "", "92,95")]
    assert t.rows[0].text("indikator") == "Indeks Kepuasan Masyarakat"


def test_side_by_side_cells_beside_a_unit_column():
    """A row's sasaran and indikator continued side by side on the lines under its numbers, with a
    Satuan cell before the numbers: the unit is no part of either cell, and the lines divide where
    the columns' widths do (before: a Satuan column kept the table from being read so, and the
    sasaran took the indikator's words)."""
    (t,) = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Satuan Target Realisasi Capaian (%)",
        "1 Meningkatnya kualitas Indeks Kepuasan Masyarakat Indeks 82 84,10 102,56",
        "pelayanan publik",
        "2 Meningkatnya partisipasi Persentase kelurahan yang % 100 100 100,00",
        "masyarakat dalam melaksanakan musrenbang", "pembangunan", "", "BAB IV"]))
    assert [(r.text("sasaran"), r.text("indikator"), r.extra[:1]) for r in t.rows] == [
        ("Meningkatnya kualitas pelayanan publik", "Indeks Kepuasan Masyarakat", ["Indeks"]),
        ("Meningkatnya partisipasi masyarakat dalam pembangunan", "Persentase kelurahan yang melaksanakan musrenbang",
         ["%"])]


# pdfplumber's extract_text() of a Word table whose cells are centred vertically: each cell's lines
# stand around the middle of its row, the number and values at the middle; cells whose heights differ
# by an odd count stand half a line apart (one cell's text a line), by an even count side by side; a
# sasaran merged over two indicators is centred on both rows, its number with it.
_CENTRED = """No Sasaran Strategis Indikator Kinerja Target
Terwujudnya tata kelola
Persentase laporan yang
1. pemerintahan kecamatan yang 95%
disampaikan tepat waktu
baik
Jumlah musyawarah desa
Meningkatnya partisipasi
2. yang difasilitasi 12 Kali
warga dalam musyawarah desa
kecamatan
Persentase arsip aktif
80%
Meningkatnya ketertiban yang tertata
3.
pengelolaan arsip kantor Jumlah arsip inaktif yang
150 Berkas
dipindahkan ke depo
Terselenggaranya pelayanan Indeks kepuasan masyarakat
4. 82,5
terpadu di kantor kecamatan atas layanan administrasi
Kondisi tersebut menunjukkan bahwa seluruh target telah disusun sesuai dengan rencana kerja tahunan."""


def test_cells_centred_on_their_rows_numbers():
    (t,) = tables(_CENTRED)
    assert t.kind == "pk"
    assert [cells(r) for r in t.rows] == [
        {"no": "1.", "sasaran": "Terwujudnya tata kelola pemerintahan kecamatan yang baik",
         "indikator": "Persentase laporan yang disampaikan tepat waktu", "target": "95%"},
        {"no": "2.", "sasaran": "Meningkatnya partisipasi warga dalam musyawarah desa",
         "indikator": "Jumlah musyawarah desa yang difasilitasi kecamatan", "target": "12 Kali"},
        {"no": "3.", "sasaran": "Meningkatnya ketertiban pengelolaan arsip kantor",
         "indikator": "Persentase arsip aktif yang tertata", "target": "80%"},
        {"indikator": "Jumlah arsip inaktif yang dipindahkan ke depo", "target": "150 Berkas"},
        {"no": "4.", "sasaran": "Terselenggaranya pelayanan terpadu di kantor kecamatan",
         "indikator": "Indeks kepuasan masyarakat atas layanan administrasi", "target": "82,5"}]
    # each cell keeps the line it opens on: the merged sasaran's first line is below its first indicator's
    assert [t.rows[2].cells[f].line for f in ("no", "sasaran", "target")] == [15, 14, 13]


def test_centred_cells_with_a_quantitys_unit_wrapped_under_its_number():
    """A narrow target column: "3" / "Dokumen" centred like the text cells, half a line above and
    below the row's middle (the number alone between them when the text cells share lines); the
    budget list's header after the last row, no blank line between, opens its own table."""
    pk, budget = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Target",
        "Meningkatnya kualitas Jumlah dokumen rencana",
        "3",
        "1. perencanaan pembangunan kerja kelurahan yang",
        "Dokumen",
        "kelurahan disusun",
        "Jumlah rapat koordinasi",
        "Terwujudnya koordinasi yang dilaksanakan 12",
        "2.",
        "lintas sektor bersama instansi Kali",
        "vertikal",
        "No Program Anggaran",
        "1. Program Penunjang Urusan Pemerintahan Rp 250.000.000,00",
        "Jumlah Rp 250.000.000,00"]))
    assert [cells(r) for r in pk.rows] == [
        {"no": "1.", "sasaran": "Meningkatnya kualitas perencanaan pembangunan kelurahan",
         "indikator": "Jumlah dokumen rencana kerja kelurahan yang disusun", "target": "3 Dokumen"},
        {"no": "2.", "sasaran": "Terwujudnya koordinasi lintas sektor",
         "indikator": "Jumlah rapat koordinasi yang dilaksanakan bersama instansi vertikal", "target": "12 Kali"}]
    assert [cells(r).get("pagu") for r in budget.rows] == ["Rp 250.000.000,00", "Rp 250.000.000,00"]


def test_centred_rows_whose_number_stands_alone_under_a_long_line():
    """A landscape page: the first indicator's target above the sasaran's first line, a line as long as
    a paragraph's (the sasaran beside the indicator's rest), then the row's number alone: still the
    table, its rows read to the paragraph after it."""
    (t,) = tables("\n".join([
        "NO SASARAN STRATEGIS INDIKATOR KINERJA TARGET",
        "Jumlah dokumen mutasi dan kenaikan pangkat",
        "12 Dok",
        "Terpenuhinya administrasi kepegawaian pegawai kecamatan",
        "1",
        "perangkat daerah kecamatan Jumlah laporan penilaian kinerja dan disiplin",
        "4 Dok",
        "aparatur sipil negara",
        "Jumlah unit kendaraan dinas yang dipelihara",
        "2 Terpeliharanya kendaraan dinas kecamatan 3 Unit",
        "sesuai jadwal servis",
        "Seluruh indikator tersebut menjadi dasar penilaian kinerja pada akhir tahun anggaran berjalan."]))
    assert [cells(r) for r in t.rows] == [
        {"no": "1", "sasaran": "Terpenuhinya administrasi kepegawaian perangkat daerah kecamatan",
         "indikator": "Jumlah dokumen mutasi dan kenaikan pangkat pegawai kecamatan", "target": "12 Dok"},
        {"indikator": "Jumlah laporan penilaian kinerja dan disiplin aparatur sipil negara", "target": "4 Dok"},
        {"no": "2", "sasaran": "Terpeliharanya kendaraan dinas kecamatan",
         "indikator": "Jumlah unit kendaraan dinas yang dipelihara sesuai jadwal servis", "target": "3 Unit"}]


def test_centred_rows_after_a_first_row_of_one_line():
    """A first row of one line (nothing above its numbers), then rows of two lines whose number and
    target stand alone between them: the numbers alone say the cells are centred."""
    (t,) = tables("\n".join([
        "No. Sasaran Indikator Kinerja Target",
        "1 Meningkatnya ketertiban arsip kantor Persentase arsip aktif yang tertata 90%",
        "Meningkatnya kualitas layanan administrasi Persentase surat keterangan yang diterbitkan",
        "2 95,5%",
        "kependudukan bagi seluruh warga kecamatan tepat waktu",
        "Terwujudnya ketenteraman dan ketertiban Jumlah laporan penanganan gangguan keamanan",
        "3 12 Laporan",
        "umum di seluruh wilayah desa dan kelurahan yang ditindaklanjuti",
        "Capaian atas seluruh indikator tersebut diuraikan pada bagian berikut dari laporan ini."]))
    assert [(cells(r)["no"], cells(r)["sasaran"], cells(r)["indikator"], cells(r)["target"]) for r in t.rows] == [
        ("1", "Meningkatnya ketertiban arsip kantor", "Persentase arsip aktif yang tertata", "90%"),
        ("2", "Meningkatnya kualitas layanan administrasi kependudukan bagi seluruh warga kecamatan",
         "Persentase surat keterangan yang diterbitkan tepat waktu", "95,5%"),
        ("3", "Terwujudnya ketenteraman dan ketertiban umum di seluruh wilayah desa dan kelurahan",
         "Jumlah laporan penanganan gangguan keamanan yang ditindaklanjuti", "12 Laporan")]


def test_the_paragraph_after_centred_rows_is_no_row_of_them():
    """The paragraph under the table cites numbers ("dari 5 indikator", "mencapai 100%"), which the row
    reader takes for one more row's: the centred rows end where the paragraph opens."""
    text = _CENTRED.rsplit("\n", 1)[0] + "\n" + "\n".join([
        "Dari tabel di atas dapat dilihat bahwa dari 5 indikator kinerja",
        "yang ditetapkan sebanyak 3 indikator telah", "mencapai 100%", "dan sisanya belum tercapai."])
    (t,) = tables(text)
    assert [cells(r).get("no") for r in t.rows] == ["1.", "2.", "3.", None, "4."]
    assert cells(t.rows[-1])["indikator"] == "Indeks kepuasan masyarakat atas layanan administrasi"


def test_centred_rows_whose_number_was_read_among_their_values():
    """A cost-per-outcome table's indicator rows: three numbers where the header has seven columns, so
    the row number before them ("1 100% 75% 75%") reads as one more value; the expected number first
    on a centred row's line of values is its number."""
    (t,) = tables("\n".join([
        "No Sasaran Indikator Kinerja Target Realisasi Capaian Pagu Realisasi Capaian Anggaran Efisiensi",
        "Meningkatnya ketertiban Persentase arsip aktif",
        "1 100% 75% 75%",
        "arsip kantor kecamatan yang tertata",
        "Meningkatnya kualitas Persentase surat yang",
        "2 90% 81% 90%",
        "layanan administrasi selesai tepat waktu",
        "Sebagaimana tampak pada tabel di atas seluruh indikator telah diukur dengan baik."]))
    assert t.kind == "cost_per_outcome"
    assert [cells(r) for r in t.rows] == [
        {"no": "1", "sasaran": "Meningkatnya ketertiban arsip kantor kecamatan",
         "indikator": "Persentase arsip aktif yang tertata", "target": "100%", "realisasi": "75%", "capaian": "75%"},
        {"no": "2", "sasaran": "Meningkatnya kualitas layanan administrasi",
         "indikator": "Persentase surat yang selesai tepat waktu", "target": "90%", "realisasi": "81%", "capaian": "90%"}]


def test_units_wrapped_under_the_numbers_of_a_row_set_at_the_top():
    """pdfplumber's extract_text() of a narrow Target / Realisasi column: "12 9 75 %" on the row's first
    line, "Laporan Laporan" ending the next (the units wrapped in their cells) joins the numbers, no
    word of the row's text cells."""
    (t,) = tables("\n".join([
        "Capaian", "No Sasaran Kegiatan Indikator Kinerja Target Realisasi", "(%)",
        "1. Meningkatnya ketertiban Jumlah laporan patroli 12 9 75 %",
        "umum di wilayah kecamatan wilayah yang disusun Laporan Laporan",
        "2. Meningkatnya kualitas Jumlah kegiatan sosialisasi 4 4 100 %",
        "pelayanan kecamatan peraturan daerah Kegiatan Kegiatan",
        "yang dilaksanakan",
        "3. Terwujudnya tertib Jumlah dokumen arsip 40 30 75 %",
        "administrasi kantor yang ditata Dokumen Dokumen",
        "Untuk mewujudkan pencapaian atas target kinerja tersebut dibutuhkan anggaran yang memadai."]))
    assert [(cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"]) for r in t.rows] == [
        ("12 Laporan", "9 Laporan", "75 %"), ("4 Kegiatan", "4 Kegiatan", "100 %"), ("40 Dokumen", "30 Dokumen", "75 %")]
    assert cells(t.rows[0])["indikator"] == "Jumlah laporan patroli wilayah yang disusun"
    assert not any(w in cells(r)[f] for r in t.rows for f in ("sasaran", "indikator")
                   for w in ("Laporan Laporan", "Kegiatan Kegiatan", "Dokumen Dokumen"))


def test_centred_rows_around_a_row_broken_over_a_page():
    """A row broken over a page (its first lines at the page's foot, the rest set at the top of the
    next, under the page number and the header repeated) follows no sequence of centred lines: it
    keeps the row reader's cells, the rows around it are read as centred, the page number is no row."""
    (t,) = tables("\n".join([
        "No Sasaran Indikator Kinerja Target",
        "Terwujudnya tata kelola", "Persentase laporan yang", "1. pemerintahan kecamatan yang 95%",
        "disampaikan tepat waktu", "baik",
        "2. Meningkatnya Rata-rata 89%", "kualitas serta persentase desa",
        "5",
        "No Sasaran Indikator Kinerja Target",
        "yang menyusun", "Akuntabilitas", "dokumen", "Keuangan Desa", "tepat waktu",
        "Jumlah musyawarah desa", "Meningkatnya partisipasi", "3. yang difasilitasi 12 Kali",
        "warga dalam musyawarah desa", "kecamatan",
        "Kondisi tersebut menunjukkan bahwa seluruh target telah disusun sesuai dengan rencana kerja tahunan."]))
    assert [(cells(r).get("no"), cells(r)["target"]) for r in t.rows] == [("1.", "95%"), ("2.", "89%"), ("3.", "12 Kali")]
    assert cells(t.rows[0])["sasaran"] == "Terwujudnya tata kelola pemerintahan kecamatan yang baik"
    assert cells(t.rows[2])["sasaran"] == "Meningkatnya partisipasi warga dalam musyawarah desa"
    assert cells(t.rows[2])["indikator"] == "Jumlah musyawarah desa yang difasilitasi kecamatan"


def test_a_header_whose_no_line_has_the_tops_of_taller_cells_above_it():
    """pdfplumber's text of a header centred on its tallest cells: the group "Kinerja" above the "No"
    line, its sub labels "Target Realisasi" under it, so "Capaian" comes first in the text though it
    stands last; the first row's cells start above its number, right under the header."""
    (t,) = tables("\n".join([
        "Kinerja",
        "No Sasaran Kegiatan Indikator Kinerja Capaian",
        "Target Realisasi",
        "(%)",
        "Meningkatnya tertib administrasi Jumlah surat keputusan kepala desa",
        "1. kependudukan di seluruh desa yang diverifikasi tepat waktu 8 Dokumen 6 Dokumen 75,00%",
        "wilayah kecamatan oleh kecamatan",
        "Terselenggaranya pembinaan Jumlah kelompok tani yang",
        "2. kelompok tani dibina 5 Kelompok 0,00%",
        "Pembinaan tersebut belum terlaksana karena jadwal penyuluh pertanian bergeser ke",
        "triwulan berikutnya, sehingga capaian indikator kedua masih nol pada triwulan ini dan",
        "akan dilaporkan kembali pada laporan triwulan berikutnya."]))
    assert t.kind == "capaian"
    rows = [cells(r) for r in t.rows]
    assert {k: rows[0][k] for k in ("no", "target", "realisasi", "capaian")} == {
        "no": "1.", "target": "8 Dokumen", "realisasi": "6 Dokumen", "capaian": "75,00%"}
    assert rows[0]["sasaran"].startswith("Meningkatnya tertib administrasi kependudukan")
    assert rows[0]["indikator"].startswith("Jumlah surat keputusan kepala desa")
    assert rows[1]["no"] == "2." and rows[1]["capaian"] == "0,00%"
    assert "5 Kelompok" in (rows[1].get("target"), rows[1].get("realisasi"))
    assert len(rows) == 2


def test_a_numbered_row_whose_first_value_is_an_amount_not_a_kode():
    """"1. 3.435.000 ..." under a cost-per-outcome header: a dotted amount after the row's number is
    the pagu (a kode rekening has no three-digit groups only), and the row is read."""
    (t,) = tables("\n".join([
        "Anggaran Kinerja",
        "No Sasaran / Kegiatan Indikator Kinerja Capaian Efisiensi",
        "Pagu Realisasi T R %",
        "(%)",
        "Meningkatnya layanan perizinan Jumlah izin usaha mikro yang",
        "1. 7.250.000 6.525.000 90% 40 Izin 36 Izin 90% 0",
        "di kantor kecamatan diterbitkan",
        "Terselenggaranya rapat Jumlah rapat koordinasi",
        "2. 2.000.000 1.500.000 75% 4 Kali 3 Kali 75% 0",
        "koordinasi camat bersama lurah",
        "Dari tabel di atas terlihat bahwa kedua kegiatan telah terlaksana sesuai dengan rencana",
        "anggaran yang ditetapkan dalam dokumen pelaksanaan anggaran kecamatan tahun berjalan,",
        "dengan sisa anggaran yang dikembalikan ke kas daerah."]))
    assert t.kind == "cost_per_outcome"
    assert [(cells(r)["no"], cells(r)["pagu"], cells(r)["realisasi_anggaran"], cells(r)["target"]) for r in t.rows] == [
        ("1.", "7.250.000", "6.525.000", "40 Izin"), ("2.", "2.000.000", "1.500.000", "4 Kali")]
    assert all("kode" not in cells(r) for r in t.rows)


def test_a_budget_list_whose_first_name_takes_lines_above_its_number():
    """A programme's name of four lines centred on its number and amount, right under the header (a
    landscape page, pdfplumber): the lines above "1. Rp ..." are its name, not a paragraph that ends
    the table before it begins."""
    (t,) = tables("\n".join([
        "No Program / Kegiatan Anggaran",
        "Penyelenggaraan Pembinaan Ideologi Negara dan Wawasan Kebangsaan bagi Tokoh Masyarakat,",
        "Pemuda, Organisasi Kemasyarakatan dan Aparatur Pemerintah Desa dalam rangka Pencegahan",
        "1. Rp. 12.750.000,-",
        "Konflik Sosial dan Penguatan Kerukunan Antarumat Beragama serta Persatuan Bangsa di",
        "Wilayah Kecamatan",
        "2. Koordinasi Penanggulangan Bencana Tingkat Kecamatan Rp. 3.100.000,-",
        "3. Fasilitasi Penyusunan Profil Desa dan Kelurahan Rp. 2.400.000,-",
        "TOTAL 18.250.000,-",
        "Anggaran tersebut bersumber dari Dokumen Pelaksanaan Anggaran Kecamatan tahun berjalan",
        "dan digunakan seluruhnya untuk mendukung pencapaian sasaran yang telah ditetapkan",
        "dalam perjanjian kinerja."]))
    assert t.kind == "pk_budget"
    rows = [cells(r) for r in t.rows]
    assert [(r.get("no"), r.get("pagu")) for r in rows[:3]] == [
        ("1.", "Rp. 12.750.000,-"), ("2.", "Rp. 3.100.000,-"), ("3.", "Rp. 2.400.000,-")]
    assert rows[0]["name"].startswith("Penyelenggaraan Pembinaan Ideologi Negara")
    assert rows[0]["name"].endswith("Wilayah Kecamatan")



def test_row_one_whose_target_stands_above_its_number():
    """A sasaran merged over two indicators, centred on both: the first indicator's first line alone,
    then the sasaran's first line beside the indicator and its target, then the row's number: the
    table's rows, not a paragraph that ends it before it begins."""
    pk, _ = tables("\n".join([
        "NO SASARAN STRATEGIS INDIKATOR KINERJA TARGET",
        "Jumlah Laporan Hasil Koordinasi Pengamanan Hari Besar Keagamaan",
        "Meningkatnya ketenteraman Nasional dan Kegiatan Kemasyarakatan di 6 Laporan",
        "1. dan ketertiban masyarakat Seluruh Desa",
        "kecamatan Jumlah Laporan Patroli Ketertiban Umum Bersama",
        "12 Laporan",
        "Aparat Desa",
        "NO PROGRAM / KEGIATAN ANGGARAN",
        "1. Koordinasi Pengamanan Wilayah Rp. 5.000.000,00",
        "Rp. 5.000.000,00",
        "Penjelasan atas capaian tersebut diuraikan pada bagian berikut dari laporan kinerja ini,",
        "termasuk kendala yang dihadapi dan langkah yang akan ditempuh pada triwulan berikutnya",
        "oleh seksi yang bersangkutan."]))
    assert pk.kind == "pk"
    assert [(cells(r).get("no"), cells(r)["target"]) for r in pk.rows] == [("1.", "6 Laporan"), (None, "12 Laporan")]


def test_a_caption_right_above_the_no_line_is_not_the_tops_of_taller_cells():
    """A label a line (a PDF's text in drawing order): the caption "Efisiensi Kinerja Triwulan II
    Tahun 2024" stands right above "NO" under "Tabel 2.4."; it is the title, and the efisiensi column
    stays where its label stands, after the two capaian."""
    (t,) = tables("\n".join([
        "Tabel 2.4.", "Efisiensi Kinerja Triwulan II Tahun 2024",
        "NO", "SASARAN", "INDIKATOR", "CAPAIAN REALISASI", "EFISIENSI", "(K/A)", "KINERJA ANGGARAN",
        "1", "Meningkatnya pelayanan administrasi", "kependudukan",
        "Persentase permohonan KTP-el yang diproses", "90%", "45,00%", "2,00",
        "2", "Terlaksananya pembinaan RT/RW", "Jumlah RT/RW yang dibina", "75%", "50,00%", "1,50",
        "Nilai efisiensi di atas satu menunjukkan kinerja yang lebih tinggi dari anggaran yang terserap",
        "selama triwulan berjalan, sebagaimana diuraikan pada bagian berikut laporan ini."]))
    assert t.kind == "efisiensi" and "Efisiensi Kinerja Triwulan II" in t.title
    assert [(cells(r)["capaian"], cells(r)["capaian_anggaran"], cells(r)["efisiensi"]) for r in t.rows] == [
        ("90%", "45,00%", "2,00"), ("75%", "50,00%", "1,50")]


def test_row_one_under_a_short_first_line_and_a_wider_second():
    """The sasaran's first line alone ("Meningkatnya pelayanan"), then the indicator's first line,
    wider, then the row's number with the target: still row 1's cells (the row of text alone read so
    far is no measure of the table's width)."""
    (pk,) = tables("\n".join([
        "NO SASARAN STRATEGIS INDIKATOR KINERJA TARGET",
        "Meningkatnya pelayanan",
        "Persentase permohonan surat keterangan yang diselesaikan",
        "1 administrasi terpadu di kantor 95%",
        "dalam satu hari kerja",
        "kecamatan",
        "2 Tertibnya arsip kecamatan Jumlah arsip yang ditata ulang 200 Berkas",
        "Penjelasan atas target tersebut diuraikan pada bagian berikut dari laporan kinerja ini,",
        "termasuk kendala yang dihadapi dan langkah yang akan ditempuh pada triwulan berikutnya",
        "oleh seksi yang bersangkutan."]))
    assert [(cells(r)["no"], cells(r)["target"]) for r in pk.rows] == [("1", "95%"), ("2", "200 Berkas")]
    assert cells(pk.rows[0])["sasaran"].startswith("Meningkatnya pelayanan administrasi")


def test_a_line_of_one_cell_goes_to_the_cell_whose_line_above_ends_in_a_joining_word():
    """Two cells side by side, top-aligned: the row's third line holds one cell's last words alone.
    The indicator's second line ends in "dan", so the indicator goes on there; the sasaran's
    ("wilayah perbatasan") may end where it does."""
    (cap,) = tables("\n".join([
        "No Sasaran Kegiatan Indikator Kinerja Target Realisasi Capaian",
        "1. Meningkatnya keamanan Jumlah Laporan Hasil Pemantauan 4 Laporan 3 Laporan 75%",
        "wilayah perbatasan Kegiatan Orang Asing dan",
        "Kemasyarakatan",
        "2. Terlaksananya ronda desa Jumlah Pos Ronda yang Aktif di 20 Pos 18 Pos 90%",
        "di seluruh kelurahan Kelurahan",
        "Dari tabel di atas terlihat bahwa kedua indikator telah dilaksanakan dengan baik pada",
        "triwulan ini walaupun capaian indikator pertama masih di bawah target yang ditetapkan",
        "dalam perjanjian kinerja."]))
    assert [(cells(r)["sasaran"], cells(r)["indikator"]) for r in cap.rows] == [
        ("Meningkatnya keamanan wilayah perbatasan",
         "Jumlah Laporan Hasil Pemantauan Kegiatan Orang Asing dan Kemasyarakatan"),
        ("Terlaksananya ronda desa di seluruh kelurahan", "Jumlah Pos Ronda yang Aktif di Kelurahan")]


def test_a_quantitys_unit_wrapped_to_the_end_of_the_rows_next_line():
    """Top-aligned cells side by side: row 2's target "12" has its unit "Laporan" wrapped under it,
    written at the end of the row's second line, a line wider than any before: the row goes on
    there, and the rows after it are read (before, the table ended at that line)."""
    (cap,) = tables("\n".join([
        "No Sasaran Kegiatan Indikator Kinerja Target Realisasi Capaian",
        "1. Meningkatnya tertib Jumlah Desa yang Dibina 10 Desa 9 Desa 90%",
        "administrasi desa Administrasi Desanya",
        "2. Terlaksananya rapat Forum Jumlah Laporan Rapat Forum 12 6 Laporan 50%",
        "Koordinasi Pimpinan Kecamatan Koordinasi Pimpinan Kecamatan Laporan",
        "di Wilayah Utara di Wilayah Utara",
        "3. Tertibnya arsip kantor Jumlah Arsip yang Ditata 200 Berkas 150 Berkas 75%",
        "Dari tabel di atas terlihat bahwa sebagian indikator telah mencapai target yang ditetapkan",
        "dalam perjanjian kinerja, sedangkan indikator lainnya masih memerlukan upaya tambahan",
        "pada triwulan berikutnya."]))
    assert [(cells(r)["no"], cells(r)["target"], cells(r)["realisasi"]) for r in cap.rows] == [
        ("1.", "10 Desa", "9 Desa"), ("2.", "12 Laporan", "6 Laporan"), ("3.", "200 Berkas", "150 Berkas")]


def test_an_lra_over_two_pages_its_header_again_with_a_label_alone_on_its_first_line():
    """PDFium's text of an LRA over a page: the page's number, then the header again, its first line
    "Kode" alone; a sub-kegiatan whose name wraps, its kode and first words on a line as long as a
    paragraph's, its numbers on the next: every row read, no row of the page number or the header."""
    header = ["Kode", "Rekening Program / Kegiatan / Sub Kegiatan Pagu Setelah",
              "Perubahan (Rp) Realisasi (Rp) Sisa Anggaran", "(Rp)", "Persentase", "(%)", "1 2 3 4 5 6"]
    (t,) = tables("\n".join(header + [
        "7.01.01 PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH",
        "KABUPATEN/KOTA 120.000.000,00 60.000.000,00 60.000.000,00 50,00%",
        "7.01.01.2.01 Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah 20.000.000,00 "
        "10.000.000,00 10.000.000,00 50,00%",
        "7.01.01.2.01.01 Penyusunan Dokumen Perencanaan Perangkat Daerah 8.000.000,00 4.000.000,00 4.000.000,00 50,00%",
        "9"] + header + [
        "7.01.01.2.01.06 Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar",
        "Realisasi Kinerja SKPD 12.000.000,00 6.000.000,00 6.000.000,00 50,00%",
        "7.01.01.2.02 Administrasi Keuangan Perangkat Daerah 100.000.000,00 50.000.000,00 50.000.000,00 50,00%",
        "Jumlah 120.000.000,00 60.000.000,00 60.000.000,00 50,00%",
        "Realisasi anggaran tersebut menunjukkan penyerapan yang masih rendah pada triwulan ini, terutama",
        "pada belanja barang dan jasa yang baru akan dilaksanakan pada triwulan berikutnya."]))
    assert t.kind == "lra"
    assert [(cells(r).get("kode"), cells(r)["pagu"]) for r in t.rows] == [
        ("7.01.01", "120.000.000,00"), ("7.01.01.2.01", "20.000.000,00"), ("7.01.01.2.01.01", "8.000.000,00"),
        ("7.01.01.2.01.06", "12.000.000,00"), ("7.01.01.2.02", "100.000.000,00"), (None, "120.000.000,00")]
    assert cells(t.rows[3])["name"] == \
        "Koordinasi dan Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD"


# a cell a line (PDFium's text page): row 2's sasaran and its indicator's first line share a baseline
_CELL_A_LINE_TWO_ROWS = [
        "No Sasaran Kegiatan Indikator Kinerja Target Realisasi Capaian",
        "1. Meningkatnya pelayanan",
        "administrasi",
        "Persentase surat selesai tepat",
        "waktu 100% 90% 90%",
        "2. Meningkatnya ketertiban umum di wilayah kecamatan Jumlah pelanggaran ketertiban umum",
        "yang ditangani oleh satuan tugas 12 Kasus 9 Kasus 75%",
]


def test_a_numbered_line_as_wide_as_a_paragraph_whose_numbers_end_the_next_line():
    """A cell a line (PDFium): row 2's sasaran and the indicator's first words on one line, much wider
    than row 1's lines, its numbers at the end of the next: the next row, not a numbered paragraph
    (the numbered paragraphs after the table, whose lines end in no numbers, stay out of it)."""
    (cap,) = tables("\n".join(_CELL_A_LINE_TWO_ROWS + [
        "3. Tertibnya arsip Jumlah arsip tertata 50 Berkas 50 Berkas 100%",
        "1. Persentase surat selesai tepat waktu: Menyusun jadwal pelayanan harian dan memantau",
        "penyelesaian surat setiap minggu bersama seluruh petugas pelayanan di kantor kecamatan.",
        "2. Jumlah pelanggaran ketertiban umum yang ditangani: Melaksanakan patroli bersama aparat",
        "desa secara berkala."]))
    assert [(cells(r)["no"], cells(r)["target"], cells(r)["capaian"]) for r in cap.rows] == [
        ("1.", "100%", "90%"), ("2.", "12 Kasus", "75%"), ("3.", "50 Berkas", "100%")]
    assert cells(cap.rows[1])["sasaran"].startswith("Meningkatnya ketertiban umum di wilayah kecamatan")


def test_the_sasaran_and_the_indicator_on_one_line_divide_where_the_indicator_opens():
    """A cell a line, but a one-line sasaran on the baseline of the indicator's first line, written as
    one line: the indicator begins at its measure word ("Jumlah", "Rata-rata persentase"), not
    inside it, and not at a line's start."""
    (cap,) = tables("\n".join(_CELL_A_LINE_TWO_ROWS + [
        "3. Meningkatnya akuntabilitas pemerintahan desa Rata-rata persentase desa yang menyusun",
        "laporan keuangan tepat waktu 80% 60% 75%",
        "Capaian tersebut dijelaskan lebih lanjut pada bagian analisis capaian kinerja di bawah ini,",
        "beserta kendala dan langkah perbaikan yang telah dilakukan oleh kecamatan."]))
    assert [(cells(r)["sasaran"], cells(r)["indikator"]) for r in cap.rows] == [
        ("Meningkatnya pelayanan administrasi", "Persentase surat selesai tepat waktu"),
        ("Meningkatnya ketertiban umum di wilayah kecamatan",
         "Jumlah pelanggaran ketertiban umum yang ditangani oleh satuan tugas"),
        ("Meningkatnya akuntabilitas pemerintahan desa",
         "Rata-rata persentase desa yang menyusun laporan keuangan tepat waktu")]


def test_a_second_indicator_wider_than_the_merged_sasaran_a_cell_a_line():
    """A cell a line, no blank lines (PDFium): a narrow sasaran column, then under the merged sasaran
    a second indicator whose first line is far wider than the sasaran's lines, its target "1" /
    "Dokumen" below it: the next row, not a paragraph that ends the table."""
    (pk,) = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Target",
        "1. Terlaksananya",
        "penatausahaan",
        "keuangan kecamatan",
        "Jumlah Dokumen Rencana Kerja dan Anggaran yang Disusun 2",
        "Dokumen",
        "Jumlah Laporan Pertanggungjawaban Bendahara Pengeluaran",
        "yang Disampaikan Tepat Waktu",
        "12",
        "Laporan",
        "2. Tertibnya aset kantor Jumlah Barang Milik Daerah yang Diinventarisasi 40 Unit",
        "Perjanjian kinerja tersebut menjadi dasar penilaian kinerja kepala sub bagian keuangan pada",
        "akhir tahun anggaran, sebagaimana diuraikan pada bagian berikut."]))
    assert [(cells(r).get("no"), cells(r)["indikator"], cells(r)["target"]) for r in pk.rows] == [
        ("1.", "Jumlah Dokumen Rencana Kerja dan Anggaran yang Disusun", "2 Dokumen"),
        (None, "Jumlah Laporan Pertanggungjawaban Bendahara Pengeluaran yang Disampaikan Tepat Waktu", "12 Laporan"),
        ("2.", "Jumlah Barang Milik Daerah yang Diinventarisasi", "40 Unit")]


def test_a_wrapped_unit_on_the_line_of_the_rows_next_number():
    """Narrow target and realisasi columns, a cell a line: "2" / "dokumen" / "2" / "dokumen 100%" -
    the realisasi's unit and the capaian share a line (one baseline); the unit joins its number, the
    capaian stays the row's, no row of its own."""
    (cap,) = tables("\n".join([
        "No Sasaran Kegiatan Indikator Kinerja Target Realisasi Capaian",
        "(%)",
        "1. Tersusunnya rencana kerja",
        "kecamatan",
        "Jumlah dokumen rencana kerja",
        "yang disusun",
        "2", "dokumen", "2", "dokumen 100%",
        "2. Terlaksananya evaluasi",
        "kinerja",
        "Jumlah laporan evaluasi kinerja",
        "4", "laporan", "3", "laporan 75%",
        "Capaian tersebut dijelaskan lebih lanjut pada bagian analisis capaian kinerja di bawah ini,",
        "beserta kendala dan langkah perbaikan yang telah dilakukan oleh kecamatan."]))
    assert [(cells(r)["no"], cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"]) for r in cap.rows] == [
        ("1.", "2 dokumen", "2 dokumen", "100%"), ("2.", "4 laporan", "3 laporan", "75%")]


def test_a_wide_numbered_pk_line_whose_one_target_ends_the_next_line():
    """A PK table (one value column), a cell a line: row 2's sasaran and the indicator's first words
    on one line as wide as a paragraph's, its one target, a quantity, ending the next line."""
    (pk,) = tables("\n".join([
        "No Sasaran Strategis Indikator Kinerja Target",
        "1 2 3 4",
        "1. Tersedianya Peralatan Kantor",
        "Jumlah Paket Peralatan Kantor yang",
        "Disediakan",
        "6 paket",
        "2. Tersedianya Bahan Logistik Kantor Jumlah Paket Bahan Logistik Kantor yang",
        "Disediakan 35 paket",
        "3. Terlaksananya Rapat Koordinasi Jumlah Laporan Rapat Koordinasi 12 laporan",
        "Perjanjian kinerja tersebut menjadi dasar penilaian kinerja kepala sub bagian umum pada",
        "akhir tahun anggaran, sebagaimana diuraikan pada bagian berikut."]))
    assert [(cells(r)["no"], cells(r)["target"]) for r in pk.rows] == [
        ("1.", "6 paket"), ("2.", "35 paket"), ("3.", "12 laporan")]


def test_a_table_with_no_number_column_whose_indicator_line_is_wider_than_the_sasarans():
    """No "No" column, a cell a line: the first row's sasaran on two short lines, then its indicator's
    first line, far wider: a cell of the row (its numbers end the next line), not the paragraph that
    ends the table; every row is read with its numbers."""
    (cap,) = tables("\n".join([
        "Tabel 3.1", "INDIKATOR KINERJA TRIWULAN II",
        "SASARAN KEGIATAN INDIKATOR KINERJA", "KINERJA", "TARGET REALISASI CAPAIAN", "(%)",
        "(1) (2) (3) (4) (5)",
        "Meningkatnya mutu",
        "pelayanan kecamatan",
        "Persentase permohonan izin yang diselesaikan sesuai",
        "standar pelayanan 90% 81% 90%",
        "Meningkatnya kerukunan",
        "warga",
        "Jumlah konflik sosial yang diselesaikan secara musyawarah",
        "4 Kasus 4 Kasus 100%",
        "Penjelasan :",
        "a. Indikator : Persentase permohonan izin yang diselesaikan sesuai standar pelayanan. Sampai",
        "dengan Triwulan II target 90% dengan realisasi 81%, sehingga diperoleh capaian sebesar 90%."]))
    assert [(cells(r)["target"], cells(r)["realisasi"], cells(r)["capaian"]) for r in cap.rows] == [
        ("90%", "81%", "90%"), ("4 Kasus", "4 Kasus", "100%")]


def test_a_paragraph_line_that_opens_with_the_percentage_it_cites_ends_the_table():
    """Under a table whose lines are two cells wide, the paragraph after it fits that width; its
    second line opens with a number it cites and ends with a full stop ("100% dan yang belum
    tercapai ... 1 Indikator."): a sentence, not a row's numbers."""
    tables_read = tables("\n".join([
        "No Sasaran Kegiatan Indikator Kinerja Target Realisasi Capaian",
        "1. Meningkatnya partisipasi masyarakat dalam Jumlah Desa yang Mengikuti Musyawarah 9 Desa 9 Desa 100%",
        "musyawarah perencanaan pembangunan desa Perencanaan Pembangunan",
        "2. Tersusunnya program pemberdayaan Jumlah Dokumen Program Pemberdayaan 2 Dokumen 1 Dokumen 50%",
        "masyarakat desa Masyarakat yang Disusun",
        "Dari gambaran tabel diatas dapat dilihat bahwa dari 2 Indikator Kinerja Kasi",
        "Pemberdayaan Masyarakat dalam triwulan ini, sudah ada 1 Indikator yang mencapai",
        "100% dan yang belum tercapai 100% masih ada 1 Indikator.",
        "Hal tersebut akan menjadi bahan evaluasi pada triwulan berikutnya."]))
    (cap,) = tables_read
    assert [(cells(r)["no"], cells(r)["capaian"]) for r in cap.rows] == [("1.", "100%"), ("2.", "50%")]


def test_a_budget_list_over_a_page_a_cell_a_line():
    """PDFium's text of a programme list over a page: row 3's name ends on the next page under the
    page number and the header repeated ("Desa"), then row 4's number alone, its name opening with a
    word that may be a unit ("Fasilitasi Pengelolaan ..."): row 3 whole, row 4 numbered, no row of
    the number as an amount."""
    (t,) = tables("\n".join([
        "No Program / Kegiatan Anggaran",
        "1 Koordinasi Penyelenggaraan Kegiatan Pemerintahan Rp 12.500.000",
        "2",
        "Penanganan Gangguan Ketenteraman dan Ketertiban",
        "Umum Rp 4.250.000",
        "3 Fasilitasi Penyusunan Profil dan Monografi Rp 3.000.000",
        "14",
        "No Program / Kegiatan Anggaran",
        "Desa",
        "4",
        "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan",
        "Aset Desa Rp 8.100.000",
        "Rp 27.850.000",
        "Anggaran tersebut bersumber dari Dokumen Pelaksanaan Anggaran kecamatan dan digunakan",
        "untuk mendukung pencapaian sasaran yang ditetapkan dalam perjanjian kinerja."]))
    assert [(cells(r).get("no"), cells(r).get("name"), cells(r)["pagu"]) for r in t.rows] == [
        ("1", "Koordinasi Penyelenggaraan Kegiatan Pemerintahan", "Rp 12.500.000"),
        ("2", "Penanganan Gangguan Ketenteraman dan Ketertiban Umum", "Rp 4.250.000"),
        ("3", "Fasilitasi Penyusunan Profil dan Monografi Desa", "Rp 3.000.000"),
        ("4", "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa", "Rp 8.100.000"),
        (None, None, "Rp 27.850.000")]


def test_a_rows_rest_under_the_header_repeated_over_a_page_then_a_section_header():
    """A cell a line: row 2 broken over a page, the header repeated, then the rest of both its cells on
    one line, wider than the cells' lines; then the header of the table's next part ("No Sasaran
    Program Indikator Kinerja"): the rest joins row 2, the table reads on."""
    header = ["No Sasaran Kegiatan Indikator Kinerja", "Kinerja", "Target Realisasi Capaian", "(%)"]
    (cap,) = tables("\n".join(header + [
        "1. Meningkatnya mutu layanan",
        "administrasi kecamatan",
        "Persentase layanan yang selesai",
        "tepat waktu 90% 81% 90%",
        "2. Meningkatnya tertib",
        "administrasi pemerintahan",
        "Persentase desa yang menyusun",
        "laporan keuangan",
        "80% 60% 75%"] + header + [
        "desa di seluruh wilayah tepat waktu setiap triwulan",
        "No Sasaran Program Indikator Kinerja",
        "1. Meningkatnya Kualitas Fasilitasi Persentase fasilitasi operasional kantor 100% 90% 90%",
        "Capaian tersebut dijelaskan lebih lanjut pada bagian analisis capaian kinerja di bawah ini,",
        "beserta kendala dan langkah perbaikan yang telah dilakukan oleh kecamatan."]))
    rows = [cells(r) for r in cap.rows]
    assert [(r.get("no"), r["capaian"]) for r in rows] == [("1.", "90%"), ("2.", "75%"), ("1.", "90%")]
    assert "tepat waktu setiap triwulan" in rows[1]["sasaran"] + " " + rows[1]["indikator"]


def test_a_wrapped_unit_on_the_line_of_the_rows_next_number_and_its_remark():
    """The same with a remark column: "8" / "Laporan 66,67 % Belum" / "tercapai" - the unit joins its
    number, the capaian and the remark stay the row's."""
    (cap,) = tables("\n".join([
        "No Sasaran Kegiatan Indikator Kinerja Target Realisasi Capaian Ket",
        "1 Tersedianya jasa komunikasi",
        "kantor kecamatan",
        "Jumlah laporan penyediaan jasa",
        "komunikasi kantor",
        "12", "Laporan", "8", "Laporan 66,67 % Belum", "tercapai",
        "2 Terpeliharanya gedung kantor Jumlah gedung yang dipelihara 2 Unit 2 Unit 100 % Tercapai",
        "Capaian tersebut dijelaskan lebih lanjut pada bagian analisis capaian kinerja di bawah ini,",
        "beserta kendala dan langkah perbaikan yang telah dilakukan oleh kecamatan."]))
    assert [(cells(r)["no"], cells(r)["realisasi"], cells(r)["capaian"], cells(r)["keterangan"]) for r in cap.rows] == [
        ("1", "8 Laporan", "66,67 %", "Belum tercapai"), ("2", "2 Unit", "100 %", "Tercapai")]
