"""One slip, one finding: a period named wrong in a table's caption is reported once, whether the
caption was read as a line of the text or as the table's title (or both)."""


def _period_anomalies(text: str) -> list[dict]:
    from lkj.extract import read_bytes
    from lkj.model.settings import DEFAULT
    from lkj.pipeline import process_document

    res = process_document(read_bytes("report.txt", text.encode(), DEFAULT), DEFAULT)
    return [a for a in res.records["anomalies"] if a["rule"] == "period_mismatch"]


def test_a_wrong_quarter_in_a_caption_read_as_a_line_and_as_a_title_is_one_finding():
    # the caption's line runs on into the next heading ("... Tahun 2024 2.3."), and the table's title
    # carries its "Tabel 2.4." number: neither text holds the other whole, yet they are one caption
    text = "\n".join([
        "LAPORAN KINERJA TRIWULAN III TAHUN 2024", "KECAMATAN CONTOH", "", "KATA PENGANTAR",
        "Laporan Kinerja Triwulan III ini memuat capaian kinerja periode 1 Juli s.d. 30 September 2024.", "",
        "Adapun realisasi anggaran Camat sampai dengan triwulan III tahun 2024 adalah sebagai berikut:", "",
        "Tabel 2.4.", "Realisasi Anggaran Camat s.d. Triwulan IV Tahun 2024", "",
        "KODE\tURAIAN\tPAGU (Rp)\tREALISASI (Rp)\tSISA (Rp)\tPERSENTASE",
        "7.01.01\tProgram Penunjang Urusan Pemerintahan Daerah\t2.400.000\t1.600.000\t800.000\t66,67%",
        "", "Realisasi Anggaran Camat s.d Triwulan IV Tahun 2024 2.3.", "", "BAB III"])
    found = _period_anomalies(text)
    assert [(a["reported"], a["expected"]) for a in found] == [("Triwulan IV", "Triwulan III")]
