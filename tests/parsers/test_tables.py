"""Real values from the seeds' tables."""


def one(rows):
    assert len(rows) == 1, rows
    return rows[0]


def test_pk_with_second_header_block_is_one_table(rows_of):
    pk = rows_of("001", table_kind="pk")
    assert len(pk) == 10
    assert pk[0]["target"] == "88.0" and pk[0]["target_unit"] == "%"
    # the sasaran of a merged cell is carried down, its raw cell stays empty
    lpp = pk[-1]
    assert lpp["indikator"] == "Persentase Desa yang menetapkan LPPDes Tepat Waktu"
    assert lpp["sasaran_raw"] == ""
    assert lpp["sasaran"].startswith("Meningkatnya Kualitas Fasilitas Pembinaan")
    # a wrapped cell on a line of its own is joined to its row
    assert pk[5]["sasaran"] == "Meningkatnya Kualitas Fasilitasi Penyelenggaraan Urusan Pemerintahan Umum"


def test_cost_per_outcome_two_level_header_and_program_rows(rows_of):
    cpo = rows_of("001", table_kind="cost_per_outcome")
    assert len(cpo) == 16
    prog = [r for r in cpo if r["level"] == "program"]
    assert len(prog) == 6
    assert prog[0]["name"] == "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"
    assert prog[0]["pagu_raw"] == "1,706,504,410" and prog[0]["pagu"] == "1706504410.0"
    assert prog[0]["realisasi_anggaran"] == "925196713.0"
    # realisasi 39.650.000 sits on the wrapped line below the row
    assert prog[2]["name"] == "Program Pemberdayaan Masyarakat Desa Dan Kelurahan"
    assert prog[2]["realisasi_anggaran"] == "39650000.0"


def test_units_and_kegiatan_rows(rows_of):
    cap = rows_of("002", table_kind="capaian")
    assert cap[0]["target"] == "100.0" and cap[0]["realisasi_raw"] == "6 Desa"
    assert cap[0]["realisasi"] == "6.0" and cap[0]["realisasi_unit"] == "desa"
    cpo = rows_of("002", table_kind="cost_per_outcome")
    keg = [r for r in cpo if r["level"] == "kegiatan"]
    assert len(keg) == 6
    # "Desa" wrapped into the No column is the tail of the kegiatan name
    assert keg[-1]["name"] == "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa"
    # the Efisiensi column holds a date range on kegiatan rows: kept raw, not a number
    assert keg[0]["efisiensi_raw"] == "1 Jan s/d Juni 2023" and keg[0]["efisiensi"] == ""


def test_lra_across_four_page_fragments(rows_of):
    lra = rows_of("004", table_kind="lra")
    assert len(lra) == 70
    assert sum(r["level"] == "sub_kegiatan" for r in lra) == 50
    r = one([x for x in lra if x["kode"] == "7.01.01.2.06"])
    assert (r["pagu"], r["realisasi_anggaran"], r["sisa"]) == ("120021483.0", "55932125.0", "4089358.0")
    total = lra[-1]
    assert total["level"] == "total" and total["pagu"] == "2083652488.0"
    dash = one([x for x in lra if x["kode"] == "7.01.01.2.01.0001"])
    assert dash["realisasi_anggaran_raw"] == "-" and dash["realisasi_anggaran"] == "0.0"


def test_sipd_lra_kode_and_levels(rows_of):
    lra = rows_of("003", table_kind="lra")
    assert lra[0]["kode"] == "7.01.7.01.00.00.00.5" and lra[0]["level"] == "total"
    sub = one([x for x in lra if x["kode_raw"] == "7 01 7 01 00 01 2.01.0001 5 1"])
    assert sub["level"] == "sub_kegiatan"
    # pagu is the 'setelah perubahan' column, realisasi the 's/d bulan ini' column
    assert (sub["pagu"], sub["realisasi_anggaran"], sub["capaian_anggaran"]) == ("4790000.0", "3150000.0", "65.76")


def test_renja_evaluation_shifted_row_and_kode_levels(rows_of):
    e81 = [r for r in rows_of("003", table_kind="cost_per_outcome") if r["report_seq"] == "16"]
    shifted = one([r for r in e81 if r["kode"] == "7.01.01.203.05"])
    assert shifted["target_raw"] == "4 laporan" and shifted["pagu_raw"] == ""
    assert shifted["level"] == "sub_kegiatan"
    prog = one([r for r in e81 if r["kode"] == "7.01.03"])
    assert prog["level"] == "program" and prog["target"] == "95.0" and prog["capaian"] == "104.94"


def test_dot_decimal_report(rows_of):
    cpo = [r for r in rows_of("003", table_kind="cost_per_outcome") if r["report_seq"] == "1"]
    assert cpo[1]["realisasi"] == "69.58" and cpo[1]["realisasi_unit"] == "index"
    assert cpo[0]["efisiensi"] == "17.3" and cpo[0]["capaian_anggaran"] == "59.14"


def test_a_scanned_row_of_column_numbers_with_its_1_read_as_a_letter_is_no_data_row():
    # syn_11_10's scanned cost-per-outcome table: the row under the header reads
    # "l | 2 | 3 | ... | 10" (the "1" as an "l"); taken for data it became a row whose target 7,
    # realisasi 8 and capaian 9 raised four false arithmetic alarms
    from lkj.parsers.grid_tables import is_column_numbering

    assert is_column_numbering(["l", "2", "3", "4", "5", "6", "7", "8", "9", "10"])
    assert is_column_numbering(["(I)", "(2)", "(3)", "(4)"])
    assert not is_column_numbering(["No", "Sasaran", "Indikator", "Target"])
    assert not is_column_numbering(["1.", "Meningkatnya kualitas", "Persentase", "100%"])
