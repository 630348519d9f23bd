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
