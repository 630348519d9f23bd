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
