"""Indonesian number formats as they occur in the seed reports."""
import pytest

from lkj.normalizers.numbers import MONEY, parse_money, parse_number, parse_percent
from lkj.normalizers.units import normalise_unit


@pytest.mark.parametrize("text,value", [
    ("1.390.110.590,00", 1390110590.0),
    ("Rp. 2.400.000,-", 2400000.0),
    ("Rp. 2.400.000,--", 2400000.0),
    ("Rp1.574.491.892", 1574491892.0),
    ("Rp 4.790.000", 4790000.0),
    ("925.196.713", 925196713.0),
    ("1,706,504,410", 1706504410.0),
    ("-", 0.0),
    ("Rp. -", 0.0),
    ("-870.031.489,00", -870031489.0),
])
def test_money(text, value):
    assert parse_money(text).value == value


def test_comma_thousands_is_flagged_for_the_format_check():
    assert "comma_thousands" in parse_money("1,706,504,410").flags
    assert parse_money("925.196.713").flags == []


@pytest.mark.parametrize("text,value", [
    ("27,08 %", 27.08), ("76.44%", 76.44), ("0,41", 0.41), ("24,42", 24.42), ("104,94 %", 104.94),
    ("-29,17%", -29.17), ("100", 100.0), ("17.3", 17.3),
])
def test_percent(text, value):
    assert parse_percent(text).value == pytest.approx(value)


def test_a_date_in_a_percent_column_is_not_a_number():
    assert parse_percent("1 Jan s/d Juni 2023").value is None


@pytest.mark.parametrize("text,value,unit", [
    ("12 Dokumen", 12.0, "dokumen"), ("12 Dokum en", 12.0, "dokumen"), ("6 doku men", 6.0, "dokumen"),
    ("7 desa", 7.0, "desa"), ("35 paket", 35.0, "paket"), ("12 bulan", 12.0, "bulan"), ("6 Desa", 6.0, "desa"),
    ("3 Dok", 3.0, "dokumen"), ("12 Lapora n", 12.0, "laporan"), ("89%", 89.0, "%"), ("69,58", 69.58, None),
    ("87.30", 87.3, None), ("100%Fasilitasi yang telah dilakukan", 100.0, "%"),
    ("lembaga 6 masyarakat", 6.0, "lembaga masyarakat"),
])
def test_quantities_with_units(text, value, unit):
    p = parse_number(text)
    assert p.value == pytest.approx(value)
    assert p.unit == unit


def test_index_values_are_not_thousands():
    # an index such as 69.58 or 87.30 keeps its decimals
    assert parse_number("69.58").value == pytest.approx(69.58)


def test_unit_spelling_variants():
    assert normalise_unit("Dokumenn") == "dokumen"
    assert normalise_unit("org/bln") == "org/bln"


def test_decimal_written_like_thousands_separator():
    # an LRA cell "2.135.000.00" (",00" typed or OCRed as ".00") is 2,135,000.00, and is flagged
    p = parse_number("2.135.000.00", MONEY)
    assert p.value == 2135000.0 and "decimal_same_as_thousands" in p.flags
    # clean: a real thousands-only amount
    q = parse_number("1.362.345.565", MONEY)
    assert q.value == 1362345565.0 and "decimal_same_as_thousands" not in q.flags


def test_a_parsed_number_is_the_callers_own():
    # parse_number is memoised on the text: the normaliser adds flags to what it is given, which must
    # not reach the next cell with the same text ("1,706,504,410" is in many rows of one report)
    first = parse_money("1,706,504,410")
    first.flags.append("settled")
    first.value = 0.0
    again = parse_money("1,706,504,410")
    assert again.value == 1706504410.0 and again.flags == ["comma_thousands"]


def test_an_amount_in_brackets_is_negative():
    """The accountant's negative: an overspent sisa "(2.500.000)" is -2,500,000 (before: +2,500,000,
    and sisa = pagu - realisasi was flagged on a row that holds it).  A bracketed small number is no
    amount and stays as it was."""
    from lkj.normalizers.numbers import parse_money

    assert parse_money("(2.500.000)").value == -2500000.0
    assert parse_money("(1,250,000.00)").value == -1250000.0
    assert parse_money("(Rp 75.000,00)").value == -75000.0
    assert parse_money("-1.000.000").value == -1000000.0
    assert parse_money("(12)").value == 12.0


def test_a_negative_amount_in_flat_text_is_one_of_the_rows_values():
    from lkj.parsers.flat_values import split_line

    for line, sisa in (("Penyelenggaraan Urusan Umum 50.000.000 52.500.000 (2.500.000) 105,00", "(2.500.000)"),
                       ("Koordinasi Pemberdayaan Desa 40.000.000 41.000.000 -1.000.000 102,50", "-1.000.000")):
        pieces = split_line(line, 1)
        assert [p.kind for p in pieces] == ["text", "val", "val", "val", "val"]
        assert pieces[3].text == sisa and pieces[0].text.endswith(("Umum", "Desa"))


def test_rupiah_grouped_by_spaces_and_written_idr():
    """Some exports group an amount by spaces ("1 706 504 410", "2 400 000,00") or write "IDR": the
    amount whole (before: 1.0 and None); a short number beside another ("12 3") stays its first."""
    from lkj.normalizers.numbers import parse_money

    assert parse_money("1 706 504 410").value == 1706504410.0
    p = parse_money("Rp 2 400 000,00")
    assert (p.value, p.decimal_sep, p.thousands_sep) == (2400000.0, ",", " ")
    assert parse_money("IDR 1.706.504.410").value == 1706504410.0
    assert parse_money("12 3").value == 12.0
