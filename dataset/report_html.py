"""The run report: one static HTML file (DIR/report.html) that opens in any browser without a server
or a network: counts, failures, anomalies by rule and by kecamatan, the quality score distribution,
the capaian of each indicator across quarters (when the run holds several), and a table per report
linking to its items on the review page.

Charts are SVG written into the page (dataset/svg_charts.py): no script, no web font, no CDN, so
the report renders offline, prints, and survives being mailed as an attachment (Altair/Vega-Lite
and Plotly need their JavaScript bundles inlined, megabytes per file, for the same; matplotlib
cost seconds per run).
"""
from __future__ import annotations

import html
from collections import Counter, defaultdict
from datetime import datetime, timezone

from . import svg_charts

MAX_BARS = 25
MAX_LINES = 10


def bar_chart(counts: list[tuple[str, int]], xlabel: str) -> str:
    return svg_charts.bar_chart(counts[:MAX_BARS], xlabel)


def histogram(values: list[float]) -> str:
    return svg_charts.histogram(values, [i * 5 for i in range(21)], "quality score (0-100)", "reports")


def trend_chart(series: dict[str, list[tuple[str, float]]]) -> str:
    return svg_charts.line_chart(series, "capaian (%), mean over the run's reports")


def _ranked(counts: Counter) -> list[tuple[str, int]]:
    """Most first, ties by name: the page does not depend on the order files were read in."""
    return sorted(counts.items(), key=lambda kn: (-kn[1], str(kn[0])))


def _e(v) -> str:
    return html.escape("" if v is None else str(v))


def write_report(path: str, tables: dict[str, list[dict]], title: str, review_url: str = "http://127.0.0.1:8000/") -> None:
    reports, rows, anomalies = tables.get("reports", []), tables.get("rows", []), tables.get("anomalies", [])
    failures = tables.get("failures", [])
    open_anomalies = [a for a in anomalies if a.get("status") != "false_alarm"]
    kec_of = {r["report_id"]: r.get("kecamatan") or "?" for r in reports}
    parts: list[str] = []
    counts = [("source files", len({r["source_sha256"] for r in reports}) + len(failures)), ("reports", len(reports)),
              ("table rows", len(rows)), ("anomalies", len(open_anomalies)), ("failures", len(failures)),
              ("corrections", len(tables.get("corrections", [])))]
    parts.append("<section><h2>Counts</h2><table class='counts'>" +
                 "".join(f"<tr><th>{_e(k)}</th><td>{v}</td></tr>" for k, v in counts) + "</table>")
    kinds = Counter(r["table_kind"] for r in rows)
    if kinds:
        parts.append("<p>Rows by table kind: " + ", ".join(f"{_e(k)} {n}" for k, n in _ranked(kinds)) + "</p>")
    parts.append("</section>")

    charts: list[tuple[str, str, str]] = []
    by_rule = _ranked(Counter(a["rule"] for a in open_anomalies))
    if by_rule:
        charts.append(("anomalies-by-rule", "Anomalies by rule", bar_chart(by_rule, "anomalies")))
    by_kec = _ranked(Counter(kec_of.get(a["report_id"], "?") for a in open_anomalies))
    if by_kec:
        charts.append(("anomalies-by-kecamatan", "Anomalies by kecamatan" +
                       (f" (the {MAX_BARS} with most)" if len(by_kec) > MAX_BARS else ""),
                       bar_chart(by_kec, "anomalies")))
    scores = [float(r["quality_score"]) for r in reports if r.get("quality_score") is not None]
    if scores:
        charts.append(("quality-scores", "Quality score of the reports", histogram(scores)))
    trend = _capaian_trend(reports, rows)
    for cid, ttl, svg in charts:
        parts.append(f"<section class='chart' id='{cid}'><h2>{_e(ttl)}</h2>{svg}</section>")
    if trend:
        parts.append(f"<section class='chart' id='capaian-trend'><h2>Capaian of each indicator across quarters</h2>"
                     f"{trend_chart(trend)}</section>")
    else:
        parts.append("<section id='capaian-trend'><h2>Capaian across quarters</h2><p>The run holds one quarter "
                     "only (or no catalogue indikator in two quarters): no trend to draw.</p></section>")

    if failures:
        parts.append("<section><h2>Failures</h2><table><tr><th>file</th><th>stage</th><th>reason</th></tr>" +
                     "".join(f"<tr><td>{_e(f['source_file'])}</td><td>{_e(f['stage'])}</td><td>{_e(f['error'])}</td></tr>"
                             for f in failures) + "</table></section>")
    n_of = Counter(a["report_id"] for a in open_anomalies)
    parts.append("<section><h2>Reports</h2><p>Each report's items open on the review page "
                 f"(<code>lkj serve DIR</code>, then the link).</p><table class='reports'><tr><th>kecamatan</th>"
                 "<th>unit</th><th>year</th><th>TW</th><th>file</th><th>rows</th><th>anomalies</th><th>quality</th>"
                 "<th></th></tr>" +
                 "".join(f"<tr><td>{_e(r.get('kecamatan'))}</td><td>{_e(r.get('unit'))}</td><td>{_e(r.get('year'))}</td>"
                         f"<td>{_e(r.get('quarter'))}</td><td>{_e(r['source_file'])} #{_e(r['report_seq'])}</td>"
                         f"<td>{_e(r.get('n_rows'))}</td><td>{n_of.get(r['report_id'], 0)}</td>"
                         f"<td>{_e(r.get('quality_score'))}</td>"
                         f"<td><a href='{_e(review_url)}?report_id={_e(r['report_id'])}'>review</a></td></tr>"
                         for r in sorted(reports, key=lambda r: (str(r.get('kecamatan')), str(r['source_file']),
                                                                 r['report_seq']))) +
                 "</table></section>")
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    page = f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; color: #1d2327; max-width: 1100px; margin: 1.5rem auto; padding: 0 1rem; }}
h1 {{ font-size: 1.4rem; }} h2 {{ font-size: 1.1rem; margin-top: 1.6rem; }}
table {{ border-collapse: collapse; }} th, td {{ border-bottom: 1px solid #dcdcde; padding: .25rem .5rem; text-align: left; }}
table.counts td {{ text-align: right; font-variant-numeric: tabular-nums; }}
section.chart svg {{ max-width: 100%; height: auto; }}
.muted {{ color: #646970; }}
</style></head><body>
<h1>{_e(title)}</h1><p class="muted">Made {made} by lkj. Anomalies judged false alarms on the review page are not counted.</p>
{''.join(parts)}
</body></html>
"""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(page)


def _capaian_trend(reports: list[dict], rows: list[dict]) -> dict[str, list[tuple[str, float]]]:
    """Mean capaian per catalogue indikator per (year, quarter), for indicators seen in two quarters
    or more (the most reported first)."""
    period = {r["report_id"]: (r.get("year"), r.get("quarter")) for r in reports}
    acc: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        y, q = period.get(r["report_id"], (None, None))
        if r.get("table_kind") != "capaian" or not r.get("indikator_id") or r.get("capaian") is None or not y or not q:
            continue
        acc[r["indikator_id"]][f"{y} TW{q}"].append(float(r["capaian"]))
    multi = {k: v for k, v in acc.items() if len(v) >= 2}
    top = sorted(multi, key=lambda k: (-sum(len(x) for x in multi[k].values()), k))[:MAX_LINES]
    return {k: [(p, sum(vs) / len(vs)) for p, vs in multi[k].items()] for k in top}
