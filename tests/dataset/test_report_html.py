"""report.html does not depend on the order the files were read in (workers finish in any order)."""
import re

from lkj.dataset.report_html import write_report


def _page(tmp_path, tables, name):
    p = tmp_path / name
    write_report(str(p), tables, "seeds")
    return re.sub(r"Made [^<]* by lkj", "Made by lkj", p.read_text(encoding="utf-8"))


def test_same_page_whatever_the_order_of_the_records(seeds_run, tmp_path):
    from lkj.export import corrected_tables
    from lkj.rundb import RunDB

    with RunDB(seeds_run["dir"], read_only=True) as db:      # the records as the run's report reads them
        run, _changed = corrected_tables(db, with_cells=False)
    anomalies = run["anomalies"]
    # the seeds' total_mismatch findings and as many number_format ones: two rules found equally often
    totals = [a for a in anomalies if a["rule"] == "total_mismatch"]
    formats = [a for a in anomalies if a["rule"] == "number_format"][:len(totals)]
    assert len(totals) == len(formats) == 6
    tables = {"reports": run["reports"], "rows": run["rows"], "failures": run["failures"],
              "anomalies": totals + formats}
    backwards = {k: list(reversed(v)) for k, v in tables.items()}
    page = _page(tmp_path, tables, "a.html")
    assert page == _page(tmp_path, backwards, "b.html")
    # the tie broken by name, in the chart of anomalies by rule
    chart = page[page.index("Anomalies by rule"):]
    assert chart.index("number_format") < chart.index("total_mismatch")
