"""Numbers a scan's reading doubts, settled by the row's own arithmetic (normalizers/settle.py), and the
column-numbering rows of a scanned table (parsers)."""
from lkj.model.document import Cell
from lkj.model.parsed import RawCell
from lkj.model.tables import Row
from lkj.normalizers.settle import compatible, settle_doubts


def _row(values: dict[str, tuple[str, float]], doubted=(), conf: float | None = 90.0) -> Row:
    r = Row(0, "capaian", "", 0, None, 1, 1, None, list(values))
    for f, (raw, v) in values.items():
        r.raw[f], r.num[f] = raw, v
        r.cells[f] = RawCell(raw, 1, 1, [Cell(raw, 1, 1, (0, 0, 1, 1), conf, doubt=f in doubted)])
    return r


def test_a_doubted_capaian_the_arithmetic_confirms_is_settled_as_read():
    r = _row({"target": ("100%", 100.0), "realisasi": ("36,11%", 36.11), "capaian": ("36,11%", 36.11)},
             doubted=("capaian",))
    settle_doubts([r])
    assert r.settled == {"capaian": 36.11} and not r.in_doubt("capaian")


def test_a_doubted_reading_one_digit_off_is_corrected_to_the_implied_value():
    r = _row({"target": ("89%", 89.0), "realisasi": ("73,810", 7381.0), "capaian": ("82,93%", 82.93)},
             doubted=("realisasi",))
    settle_doubts([r])
    assert r.num["realisasi"] == 73.81 and r.settled["realisasi"] == 73.81
    assert r.raw["realisasi"] == "73,810"           # the reading is kept as raw


def test_a_doubted_number_the_row_cannot_pin_down_stays_in_doubt():
    r = _row({"target": ("12 Laporan", 12.0), "realisasi": ("9 Laporan", 9.0)}, doubted=("realisasi",))
    settle_doubts([r])
    assert r.in_doubt("realisasi") and not r.settled


def test_text_layer_numbers_are_never_doubted():
    r = _row({"target": ("1 Desa", 1.0), "realisasi": ("7 Desa", 7.0), "capaian": ("70%", 70.0)}, conf=None)
    settle_doubts([r])
    assert not r.doubt and not any(r.in_doubt(f) for f in ("target", "realisasi", "capaian"))


def test_compatible_readings():
    assert compatible("8,58%", 8.58) and compatible("858", 8.58)
    assert compatible("7381", 73.81) and not compatible("5512", 73.81)


def test_column_numbering_rows():
    from lkj.parsers.grid_tables import is_column_numbering

    assert is_column_numbering(["(1)", "(2)", "(3)", "(4)", "(5)", "(64-5)"])      # "(6=4-5)" as OCR read it
    assert is_column_numbering(["1", "2", "3", "4", "5", "6", "7", "8", "9"])
    assert not is_column_numbering(["4", "7", "8", "9"])                            # a row of small counts
    assert not is_column_numbering(["1", "Meningkatnya", "100%", "90%"])


def test_a_target_corrected_from_a_misread_percent_takes_the_percent_unit():
    # "100%" read as "1000" (the "%" glyph read as a 0): the row's realisasi and capaian give 100, and
    # the corrected value is a percentage like its realisasi, not a plain number
    r = _row({"target": ("1000", 1000.0), "realisasi": ("73,81%", 73.81), "capaian": ("73,81%", 73.81)},
             doubted=("target",))
    r.unit.update({"target": "index", "realisasi": "%"})
    settle_doubts([r])
    assert r.num["target"] == 100.0 and r.unit["target"] == "%" and not r.in_doubt("target")


def test_a_value_confirmed_as_read_keeps_its_unit():
    r = _row({"target": ("10 Desa", 10.0), "realisasi": ("7 Desa", 7.0), "capaian": ("70%", 70.0)},
             doubted=("target",))
    r.unit.update({"target": "desa", "realisasi": "desa"})
    settle_doubts([r])
    assert r.settled == {"target": 10.0} and r.unit["target"] == "desa"
