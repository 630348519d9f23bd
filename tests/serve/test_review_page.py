"""The review page driven in a real headless Chromium: open an anomaly of a PDF, see the page drawn
with the cell's box, correct the value, see the anomaly cleared by the re-check, export, and find the
corrected value in the CSV and in the workbook; a text source shows its lines with the cell marked;
the keyboard judges an anomaly."""
import csv
import os

from serve.serving import TOKEN, make_app


def _anomaly(run_dir, source_suffix, rule="capaian_arithmetic"):
    from lkj.rundb import RunDB

    with RunDB(run_dir) as db:
        for a in db.records("anomalies", "rule = ?", [rule], order="anomaly_id"):
            if a["source_file"].endswith(source_suffix) and a["table_seq"] is not None:
                row_id = f"{a['report_id']}-t{a['table_seq']:02d}-r{a['row_index']:03d}"
                return a, db.records("rows", "row_id = ?", [row_id])[0]
    raise AssertionError(f"no {rule} anomaly in a {source_suffix} source")


def _open(page, url, item_id):
    page.goto(f"{url}/?token={TOKEN}#{item_id}")
    page.wait_for_selector(f'#queue li.sel[data-id="{item_id}"]', timeout=20_000)


def test_correct_a_pdf_value_clears_the_anomaly_and_reaches_the_exports(run_dir, chromium):
    from openpyxl import load_workbook

    from lkj.export import export
    from lkj.serve.browser import ServerThread

    a, row = _anomaly(run_dir, ".pdf")
    assert a["field"] == "capaian"
    right = f"{float(a['expected']):.2f}".replace(".", ",") + "%"       # what realisasi / target gives
    with ServerThread(make_app(run_dir)) as srv:
        page = chromium.new_page()
        _open(page, srv.url, f"anomaly:{a['anomaly_id']}")
        # the source page is drawn, with the flagged cell's box on it
        page.wait_for_function("() => { const i = document.querySelector('#page-img');"
                               " return i && i.complete && i.naturalWidth > 0; }", timeout=20_000)
        img, box = page.locator("#page-img").bounding_box(), page.locator(".box.focus").bounding_box()
        assert box["width"] > 5 and box["height"] > 5
        assert img["x"] <= box["x"] and box["x"] + box["width"] <= img["x"] + img["width"]
        assert img["y"] <= box["y"] and box["y"] + box["height"] <= img["y"] + img["height"]
        assert page.locator(".box.focus").get_attribute("data-field") == "capaian"
        assert a["message"] in page.locator("#sentence").inner_text()
        assert page.locator('#values tr[data-field="capaian"] td.raw').inner_text() == row["capaian_raw"]
        # correct the value: the re-check clears the finding
        page.fill("#who", "tester")
        page.fill('#values input[data-field="capaian"]', right)
        page.press('#values input[data-field="capaian"]', "Enter")
        page.wait_for_function("() => document.querySelector('#status').textContent.includes('cleared capaian_arithmetic')",
                               timeout=30_000)
        assert page.locator(f'#queue li[data-id="anomaly:{a["anomaly_id"]}"]').count() == 0     # no longer to do
        page.select_option("#f-status", "cleared")
        page.wait_for_selector(f'#queue li[data-id="anomaly:{a["anomaly_id"]}"] .st-cleared', timeout=20_000)
        page.close()
    out = os.path.join(run_dir, "out")
    export(run_dir, out, ("csv", "xlsx"))
    with open(os.path.join(out, "rows.csv"), newline="", encoding="utf-8") as fh:
        got = next(r for r in csv.DictReader(fh) if r["row_id"] == row["row_id"])
    assert abs(float(got["capaian"]) - float(a["expected"])) < 0.005
    assert got["capaian_raw"] == row["capaian_raw"]                   # the source text stays as written
    with open(os.path.join(out, "anomalies.csv"), newline="", encoding="utf-8") as fh:
        assert a["anomaly_id"] not in {r["anomaly_id"] for r in csv.DictReader(fh)}
    with open(os.path.join(out, "corrections.csv"), newline="", encoding="utf-8") as fh:
        (c,) = list(csv.DictReader(fh))
    assert (c["row_id"], c["field"], c["old"], c["new"], c["who"]) == (row["row_id"], "capaian", row["capaian_raw"],
                                                                        right, "tester")
    ws = load_workbook(os.path.join(out, "lkj.xlsx"))["capaian"]
    head = [x.value for x in ws[1]]
    line = next(r for r in ws.iter_rows(min_row=2) if r[head.index("row_id")].value == row["row_id"])
    cell = line[head.index("capaian")]
    assert abs(cell.value - float(a["expected"])) < 0.005
    assert cell.fill.fgColor.rgb == "FFC6EFCE" and "corrected from" in cell.comment.text


def test_text_source_marks_the_cell_and_the_keyboard_judges(run_dir, chromium):
    from lkj.rundb import RunDB
    from lkj.serve.browser import ServerThread

    a, row = _anomaly(run_dir, ".txt")
    with ServerThread(make_app(run_dir)) as srv:
        page = chromium.new_page()
        _open(page, srv.url, f"anomaly:{a['anomaly_id']}")
        page.wait_for_selector("pre.text mark:not(.other)", timeout=20_000)
        mark = page.locator("pre.text mark:not(.other)")
        assert mark.get_attribute("data-field") == "capaian"
        assert mark.inner_text() == row["capaian_raw"]
        line = page.locator("pre.text span.line:has(mark:not(.other))")
        assert int(line.get_attribute("data-line")) == row["line"]
        page.fill("#who", "tester")
        page.locator("body").click(position={"x": 5, "y": 5})      # leave the name field: keys are shortcuts
        page.keyboard.press("f")
        page.wait_for_function("() => document.querySelector('#status').textContent.includes('false alarm')",
                               timeout=20_000)
        page.keyboard.press("j")                                    # j moves on without an error line
        assert "error" not in (page.locator("#status").get_attribute("class") or "")
        page.close()
    with RunDB(run_dir) as db:
        (c,) = db.records("corrections")
    assert (c["what"], c["anomaly_id"], c["new"], c["rule"]) == ("verdict", a["anomaly_id"], "false_alarm", a["rule"])


def test_screenshot_command_writes_a_picture(run_dir, tmp_path):
    import subprocess
    import sys

    from serve.serving import CORPUS

    png = str(tmp_path / "review.png")
    res = subprocess.run([sys.executable, "-m", "lkj.cli", "serve", run_dir, "--sources", CORPUS, "--screenshot", png],
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    with open(png, "rb") as fh:
        assert fh.read(8) == b"\x89PNG\r\n\x1a\n"
    assert os.path.getsize(png) > 20_000
