"""A table the reader got wrong is no report's error: the arithmetic rules do not flag a table whose
numbers carry a misreading's signature, and still flag a report's own slip beside it."""


def _budget_anomalies(rows: list[str]) -> list[dict]:
    from lkj.extract import read_bytes
    from lkj.model.settings import DEFAULT
    from lkj.pipeline import process_document

    text = "\n".join(["LAPORAN KINERJA TRIWULAN II TAHUN 2024", "KECAMATAN CONTOH", "",
                      "Tabel 2.4 Realisasi Anggaran", "",
                      "KODE\tURAIAN\tREALISASI (Rp)\tPAGU (Rp)\tSISA (Rp)\tPERSENTASE", *rows, "", "BAB III"])
    res = process_document(read_bytes("lra.txt", text.encode(), DEFAULT), DEFAULT)
    return [a for a in res.records["anomalies"] if a["rule"] == "budget_arithmetic"]


def test_a_table_read_with_pagu_and_realisasi_swapped_is_not_flagged_row_by_row():
    # the header names realisasi first, the amounts stand pagu first: every row's "realisasi" is
    # above its "pagu" by exactly its sisa. That is the reading's signature, not four anomalies
    swapped = ["7.01.01\tProgram Penunjang Urusan Pemerintahan Daerah\t2.400.000\t1.600.000\t800.000\t66,67%",
               "7.01.01.2.01\tPerencanaan, Penganggaran, dan Evaluasi Kinerja\t110.000\t55.000\t55.000\t50,00%",
               "7.01.01.2.02\tAdministrasi Keuangan Perangkat Daerah\t1.900.000\t1.330.000\t570.000\t70,00%",
               "7.01.01.2.06\tAdministrasi Umum Perangkat Daerah\t390.000\t215.000\t175.000\t55,13%"]
    assert _budget_anomalies(swapped) == []
    # one row's realisasi above its pagu, the others in order: that row is flagged
    one = ["7.01.01\tProgram Penunjang Urusan Pemerintahan Daerah\t1.600.000\t2.400.000\t800.000\t66,67%",
           "7.01.01.2.01\tPerencanaan, Penganggaran, dan Evaluasi Kinerja\t55.000\t110.000\t55.000\t50,00%",
           "7.01.01.2.02\tAdministrasi Keuangan Perangkat Daerah\t1.900.000\t1.330.000\t570.000\t70,00%",
           "7.01.01.2.06\tAdministrasi Umum Perangkat Daerah\t215.000\t390.000\t175.000\t55,13%"]
    assert {a["row_index"] for a in _budget_anomalies(one)} == {2}


def _capaian_records(rows: list[str]) -> dict:
    from lkj.extract import read_bytes
    from lkj.model.settings import DEFAULT
    from lkj.pipeline import process_document

    text = "\n".join(["LAPORAN KINERJA TRIWULAN II TAHUN 2024", "KECAMATAN CONTOH", "",
                      "Tabel 2.2 Capaian Kinerja", "",
                      "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian", *rows, "", "BAB III"])
    return process_document(read_bytes("capaian.txt", text.encode(), DEFAULT), DEFAULT).records


def test_a_table_whose_rows_give_their_values_apart_is_a_doubt_not_missing_values():
    # text whose cells print at different heights (pdfplumber's extract_text of a table with
    # vertically centred cells): rows' values land on the lines of other rows, so three of four rows
    # give part of their kinerja, each another part. That is the reading's signature: doubts, not a
    # missing value row by row
    apart = ["1\tMeningkatnya layanan surat\tPersentase surat selesai\t100%\t40,00%\t",
             "2\tTertibnya laporan desa\tPersentase laporan tepat waktu\t\t60,00%\t75,00%",
             "3\tTerbinanya lembaga desa\tJumlah lembaga aktif\t12 Lembaga\t9 Lembaga\t75,00%",
             "4\tTertibnya arsip desa\tPersentase arsip tertata\t90%\t\t50,00%"]
    recs = _capaian_records(apart)
    assert [a for a in recs["anomalies"] if a["rule"] == "missing_value"] == []
    doubts = [d for d in recs["doubts"] if d["rule"] == "missing_value"]
    assert len(doubts) == 3 and all("read apart" in d["doubt"] for d in doubts)
    # one capaian left empty among whole rows: the report's own omission, flagged
    one = ["1\tMeningkatnya layanan surat\tPersentase surat selesai\t100%\t40,00%\t",
           "2\tTertibnya laporan desa\tPersentase laporan tepat waktu\t80%\t60,00%\t75,00%",
           "3\tTerbinanya lembaga desa\tJumlah lembaga aktif\t12 Lembaga\t9 Lembaga\t75,00%"]
    assert [a["row_index"] for a in _capaian_records(one)["anomalies"] if a["rule"] == "missing_value"] == [0]


def test_a_stray_mark_in_an_empty_cell_is_no_part_of_a_group():
    # OCR reads a mark (".") in an indicator row's empty budget cell: that row gives no budget, not
    # part of one, so the table is not in doubt and the programme row's empty capaian anggaran is
    # flagged (before: two "partial" rows of five, every finding a doubt)
    from lkj.extract import read_bytes
    from lkj.model.settings import DEFAULT
    from lkj.pipeline import process_document

    text = "\n".join(["LAPORAN KINERJA TRIWULAN II TAHUN 2024", "KECAMATAN CONTOH", "", "Tabel 2.3 Cost per outcome", "",
                      "No\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)\tPagu\tRealisasi Anggaran\tCapaian Anggaran (%)",
                      "1\tPersentase surat selesai\t100%\t40%\t40%\t\t\t",
                      "2\tPersentase laporan tepat waktu\t80%\t60%\t75%\t.\t\t",
                      "3\tPersentase arsip tertata\t90%\t45%\t50%\t\t\t",
                      "4\tProgram Penunjang Urusan Pemerintahan\t\t\t\t1.000.000\t500.000\t50%",
                      "5\tProgram Penyelenggaraan Pemerintahan\t\t\t\t2.000.000\t1.000.000\t", "", "BAB III"])
    recs = process_document(read_bytes("cpo.txt", text.encode(), DEFAULT), DEFAULT).records
    (row,) = [r for r in recs["rows"] if "Penyelenggaraan Pemerintahan" in (r["name"] or r["indikator"] or "")]
    assert [(a["field"], a["row_index"]) for a in recs["anomalies"] if a["rule"] == "missing_value"] == [
        ("capaian_anggaran", row["row_index"])]
