"""The run report's charts: the bars and bins drawn are the counts given."""
import re

from lkj.dataset.svg_charts import bar_chart, histogram, line_chart


def _titles(svg: str) -> list[str]:
    return re.findall(r"<title>([^<]*)</title>", svg)


def test_bars_are_the_counts_longest_first_as_given():
    svg = bar_chart([("target_mismatch", 16), ("unit_mismatch", 2)], "anomalies")
    assert _titles(svg) == ["target_mismatch: 16", "unit_mismatch: 2"]
    widths = [float(w) for w in re.findall(r"<rect [^>]*width='([\d.]+)'", svg)]
    assert abs(widths[0] - 8 * widths[1]) < 1
    assert "anomalies" in svg and svg.startswith("<svg")


def test_histogram_bins_hold_their_edges_the_last_its_right_edge_too():
    svg = histogram([0.0, 4.9, 5.0, 99.4, 100.0, 100.0], [i * 5 for i in range(21)], "quality", "reports")
    got = dict(t.rsplit(": ", 1) for t in _titles(svg))
    assert got["0-5"] == "2" and got["5-10"] == "1" and got["95-100"] == "3"
    assert sum(int(v) for v in got.values()) == 6


def test_lines_follow_the_periods_in_order():
    svg = line_chart({"IND-005": [("2022 TW2", 50.0), ("2021 TW4", 100.0)]}, "capaian")
    path = re.search(r"<path d='M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)' fill='none' stroke='#1f77b4'", svg)
    x1, y1, x2, y2 = map(float, path.groups())
    assert x1 < x2 and y1 < y2            # 2021 TW4 (100) first and higher than 2022 TW2 (50)
