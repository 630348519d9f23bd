"""A finding on a row read with doubt is a doubt (doubts.csv), not a report anomaly."""
from lkj.checks.registry import misfits, two_values
from lkj.model.tables import Row


def _row(**raw):
    return Row(table_seq=3, table_kind="cost_per_outcome", table_title="Tabel 2.3", row_index=0, level="indicator",
               line=192, page=None, bbox=None, fields=list(raw), raw=raw,
               num={f: None for f in raw})


def test_a_cell_holding_two_values_makes_the_row_doubtful():
    # the shapes of the layout-text reading errors: a target beside its realisasi in one cell, a nil
    # realisasi "-" beside its capaian anggaran
    assert two_values("91,50% 86,11%") and two_values("- 0%")
    assert misfits(_row(target="91,50% 86,11%", realisasi="", capaian="94,11%"))
    # one value with its unit, its currency, a space before '%', a number grouped with spaces: sure
    assert two_values("12 Laporan 9 Laporan")
    # a period written in a value column (seed 002's cost-per-outcome table) is text, not two values
    for raw in ("12 Laporan", "Rp. 6.035.000", "35,47 %", "2 648 039", "Rp. -", "1 Jan s/d Juni 2023",
                "1 Januari 2023"):
        assert not two_values(raw), raw
    assert not misfits(_row(target="4 Laporan", realisasi="1 Laporan", capaian="25 %"))
    # a stray mark OCR'd beside a value (a dev scan's capaian "98.77% 4") with every column filled
    # shifts nothing: the row's other findings stay report anomalies
    assert not misfits(_row(target="89%", realisasi="87,9%", capaian="98.77% 4"))
