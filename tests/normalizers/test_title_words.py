"""Cover titles read with lost strokes (normalizers/title_words.py) and the report kind they give."""
from lkj.model.document import Line
from lkj.model.parsed import RawReport
from lkj.normalizers.title_words import repair_title


def test_title_words_with_lost_strokes_are_restored():
    assert repair_title("LAPOFAN KINEFJA TEIWULAN II") == "LAPORAN KINERJA TRIWULAN II"
    assert repair_title("Lapoian Kinerja Tnwulan III") == "Laporan Kinerja Triwulan III"


def test_other_words_stay_as_they_are():
    # place names, years, and words of the vocabulary's own family are not pulled to it
    for t in ("KECAMATAN KEDUNGKANDANG", "SUMBERPUCUNG", "TAHUN 2021", "LAPORAN KINERJA TAHUNAN",
              "KINERJA INDIVIDUAL", "KEWENANGAN"):
        assert repair_title(t) == t
