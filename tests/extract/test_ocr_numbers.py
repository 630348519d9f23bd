"""How the several readings of a scanned number are settled into one (extract/ocr.py:settle_number):
the sign is the print's to decide, and a letter that stands for no digit breaks an agreement."""
from lkj.extract.ocr import settle_number
from lkj.model.settings import OcrSettings

OCR = OcrSettings()


def test_a_speck_read_as_a_quote_before_the_digits_is_no_minus():
    # a column number "5" with a dust speck above-left of it: the free readings put a quote mark
    # before the digit, the digit-only reading and the print show no minus
    assert settle_number([("“5", 71.0), ('"5', 39.0)], "5", OCR, minus=False) == ("5", 71.0, False)


def test_a_minus_the_print_shows_is_kept_when_only_one_reading_saw_it():
    txt, conf, doubt = settle_number([("-1 Laporan", 58.0), ("1 Laporan", 53.0)], "1", OCR, minus=True)
    assert txt == "-1 Laporan" and not doubt
    txt, _conf, doubt = settle_number([("-1 Laporan", 58.0), ("1 Laporan", 53.0)], "1", OCR, minus=False)
    assert txt == "1 Laporan" and not doubt


def test_a_letter_for_an_unread_digit_does_not_agree_with_a_reading_that_lost_it():
    # "10 Desa": the digit-only reading lost the 0, one free reading put a "U" for it: no two
    # readings agree on "1", so the number stays in doubt (the row's arithmetic may settle it)
    _txt, _conf, doubt = settle_number([("IU Desa", 48.0), ("1D Desa", 69.0)], "1", OCR)
    assert doubt


def test_letters_that_look_like_digits_still_agree():
    txt, _conf, doubt = settle_number([("1OO%", 80.0)], "100%", OCR)
    assert txt == "100%" and not doubt
