"""The workbook opens in openpyxl with the flagged cells filled and commented; report.html renders
its charts in headless Chromium with every network request refused."""
import os


def test_xlsx_flagged_cells_filled_and_commented(run_dir):
    from openpyxl import load_workbook

    from lkj.export import export
    from lkj.rundb import RunDB

    (path,) = export(run_dir, os.path.join(run_dir, "x"), ("xlsx",))
    wb = load_workbook(path)
    assert {"reports", "pk", "capaian", "anomalies", "failures", "corrections"} <= set(wb.sheetnames)
    with RunDB(run_dir, read_only=True) as db:
        flagged = [a for a in db.records("anomalies") if a["table_seq"] is not None and a["field"]]
        kinds = {r["row_id"]: r["table_kind"] for r in db.records("rows")}
        nips = {r["signer_nip"] for r in db.records("reports") if r["signer_nip"]}
    assert flagged
    for a in flagged:
        row_id = f"{a['report_id']}-t{a['table_seq']:02d}-r{a['row_index']:03d}"
        ws = wb[kinds[row_id]]
        head = [c.value for c in ws[1]]
        line = next(r for r in ws.iter_rows(min_row=2) if r[0].value == row_id)
        cell = line[head.index(a["field"])]
        assert cell.fill.fill_type == "solid", (a["rule"], row_id, a["field"])
        assert cell.fill.fgColor.rgb == {"error": "FFF4C7C3", "warning": "FFFFE599", "info": "FFDDEBF7"}[
            max((x for x in flagged if x is a or (x["report_id"], x["table_seq"], x["row_index"], x["field"]) ==
                 (a["report_id"], a["table_seq"], a["row_index"], a["field"])),
                key=lambda x: {"error": 3, "warning": 2, "info": 1}[x["severity"]])["severity"]]
        assert a["message"] in cell.comment.text
    ws = wb["capaian"]
    assert ws.freeze_panes == "B2" and ws.auto_filter.ref.startswith("A1:")
    pct = [c for c in ws[1] if c.value == "capaian"][0].column
    assert any(ws.cell(r, pct).number_format == '0.00"%"' for r in range(2, ws.max_row + 1))
    # ids and codes are text: a NIP keeps its 18 digits
    rws = wb["reports"]
    col = [c.value for c in rws[1]].index("signer_nip")
    got = {r[col].value for r in rws.iter_rows(min_row=2) if r[col].value}
    assert got == nips and all(isinstance(v, str) and len(v) == 18 for v in got)


def test_report_html_renders_its_charts_offline(run_dir, chromium):
    from lkj.export import write_run_report

    path = write_run_report(run_dir)
    asked = []
    page = chromium.new_page()

    def refuse(route):
        asked.append(route.request.url)
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    page.route("**/*", refuse)
    page.goto("file://" + os.path.abspath(path))
    page.wait_for_load_state("load")
    assert [u for u in asked if not u.startswith("file://")] == []
    for cid in ("anomalies-by-rule", "anomalies-by-kecamatan", "quality-scores"):
        svg = page.locator(f"#{cid} svg")
        box = svg.bounding_box()
        assert box and box["width"] > 300 and box["height"] > 100, cid
        marks = page.locator(f"#{cid} svg path, #{cid} svg rect").count()
        assert marks > 5, cid
    # the bars are labelled with the rules found
    text = page.locator("#anomalies-by-rule").inner_text()
    assert "capaian_arithmetic" in text and "missing_value" in text
    # one quarter only in this run: the trend says so instead of drawing nothing
    assert "one quarter" in page.locator("#capaian-trend").inner_text()
    assert page.locator("table.reports a").count() == 2
    page.close()
