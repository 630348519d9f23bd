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


class _AsRead:
    """A reader that gives back the page's reading of each cell (check_numbers' own decisions are
    what is tested, not tesseract)."""

    def number(self, crop, page_reading, ocr):
        return page_reading[0], page_reading[1], False

    def cell(self, crop, ocr):
        return "", 0.0, False


def test_a_percentage_column_under_a_header_starting_with_No_is_repaired():
    # a scanned table whose header row begins "No" (numberish: letters for digits), then a
    # header row of labels, then the row of column numbers; the capaian anggaran column reads
    # "44.47% | 73.520 | 76.20% | 66H ROOD" (the "%" of 73,52% read as a "0"): judged on the data
    # rows it is a percentage column, and the "0" is the glyph
    import numpy as np

    from lkj.extract.ocr import check_numbers
    from lkj.model.document import Cell

    def c(t, x):
        return Cell(t, conf=95.0, bbox=(x, 0, x + 10, 10)) if t is not None else None

    texts = [["No", "Sasaran", "Capaian", None],
             [None, None, "Capaian (%)", "Efisiensi"],
             ["1", "2", "3", "4"],
             ["1", "Terlaksananya tugas", "44.47%", "5.53%"],
             ["2", "Terfasilitasinya penyusunan", "73.520", "-3.52%"],
             ["3", "Tertibnya administrasi", "76.20%", "9.53%"],
             ["4", "Tertibnya pengelolaan", "66H ROOD", "13.20%"]]
    grid = [[c(t, 20 * k) for k, t in enumerate(r)] for r in texts]
    clean = np.full((20, 100), 255, np.uint8)
    clean[3:8, :] = 0                       # print in every cell (the crops are not read here)
    check_numbers(_AsRead(), clean, grid, 1.0, OCR)
    cell = grid[4][2]
    assert cell.text == "73.52%" and cell.doubt
    assert grid[3][2].text == "44.47%" and not grid[3][2].doubt


def test_a_percent_read_as_a_digit_after_two_decimals_is_cut_where_the_separator_says():
    # syn_11_13's cost table: "83,33%" read "83.339"; the column's most common shape is a whole
    # percentage ("75%", "100%"), but the separator as read says the whole part is 83
    from lkj.extract.ocr import repair_percents
    from lkj.model.document import Cell

    col = [Cell(t) for t in ["93,36%", "86.32%", "88,89%", "83.339", "75%", "100%", "50%", "100%", "91,67%"]]
    repair_percents(col)
    assert (col[3].text, col[3].doubt) == ("83.33%", True)
    assert [c.text for c in col[:3]] == ["93,36%", "86.32%", "88,89%"]


def test_a_surer_free_reading_of_other_digits_leaves_the_number_in_doubt():
    # syn_11_10's scanned pagu "5.623.000": the English model read "2.623.000" at 88, the page and
    # the digit-only reading "9.623.000" at 64; two agree, but a surer reading disagrees
    txt, _conf, doubt = settle_number([("2.623.000", 88.0), ("9.623.000", 64.0)], "9.623.000", OCR)
    assert txt == "9.623.000" and doubt
    # a unit word or a "%" misread is no rival
    assert not settle_number([("12 Laporan", 96.0), ("12", 60.0)], "12", OCR)[2]


def test_a_speck_read_as_a_second_separator_is_dropped():
    # "3.803.650,00" read "3.803.650,.00" by every reading: the value was lost as unparseable
    txt, _conf, doubt = settle_number([("3.803.650,.00", 70.0)], "3.803.650,.00", OCR)
    assert txt == "3.803.650,00" and not doubt
    from lkj.extract.ocr import _one_separator
    assert _one_separator("21,.998.215") == "21.998.215"


def test_two_words_read_over_one_stretch_of_print_make_the_cell_read_again():
    # syn_11_13 page 12: "12 Laporan" in a cell came back from the page reading as the words
    # "12", "Laporar" and "ran", the last lying over the end of the one before
    from lkj.extract.ocr import read_twice
    from lkj.extract.page_words import Word

    assert read_twice([Word("12", 330, 640, 342, 648), Word("Laporar", 320, 652, 356, 662), Word("ran", 344, 652, 358, 662)])
    assert not read_twice([Word("12", 330, 640, 342, 648), Word("Laporan", 320, 652, 356, 662)])
    assert not read_twice([Word("Tertibnya", 100, 10, 140, 20), Word("administrasi", 143, 10, 190, 20)])


def test_an_unsure_word_beside_a_sure_one_on_its_line_is_print_not_a_speck():
    # 002's scanned cost table: its header cell "Sasaran / Kegiatan" came back as "Sasaran!" at
    # 33/100 and "Kegiatan" at 97; the speck rule (letters below 35) dropped the first word, and
    # the column of sasaran was taken for one of names
    from lkj.extract.ocr import beside_sure_word, speck
    from lkj.extract.page_words import Word

    sas, keg = Word("Sasaran!", 89, 384, 116, 389, 33.0), Word("Kegiatan", 118, 384, 145, 390, 97.0)
    assert speck(sas, OCR, 5.5) and beside_sure_word(sas, [sas, keg], OCR, 5.5)
    # strokes between two lines read as letters lie half a line off the words of print
    frag = Word("angand", 100, 392, 125, 397, 12.0)
    assert not beside_sure_word(frag, [frag, keg, Word("Pagu", 100, 398, 120, 404, 96.0)], OCR, 5.5)
