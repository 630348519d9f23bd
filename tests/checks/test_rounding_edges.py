"""Rounding edges of the arithmetic rules: a value written as its exact rounding fits, whatever the
binary fractions make of the difference."""
from lkj.checks.rules.arithmetic import FORMULAS, _fits


def test_efisiensi_on_the_half_unit_edge_fits():
    # capaian kinerja 40%, capaian anggaran 19,40%: (K - A) / K = 0,515, written 0,52 (two decimals:
    # half a unit of the last digit, 0,005, is allowed); 0.52 - 0.515 is 0.005000000000000004 in floats
    exp = FORMULAS["(K - A) / K"](40.0, 19.4)
    assert _fits(0.52, exp, 1.0, 0.005)
    assert not _fits(0.53, exp, 1.0, 0.005)
