"""Benchmark: web-application printouts of other looks, re-printed from the development set's truth.

Each development bundle's web-printout truth (``syn_11_N.borderless.truth.json``) carries, per
table, the data it was drawn from (``render``: header rows, numbering row, decoration rows, merged
groups; the rows' raw cells).  Every report is drawn again as an HTML page in each look declared in
LOOKS below (font, sizes, padding, row rules, zebra stripes, vertical alignment, column widths,
caption form) and printed to PDF with headless Chromium, one PDF and one truth file per report.
The PDFs of a look go through ``lkj extract`` and are scored against their truth with score.py;
printed per look is score.py's headline (its last line) and, with --detail N, its N lines above.

Only development bundles (1..18) are drawn; nothing of a bundle is written here but what its truth
file holds.

    python benchmarks/bench_looks.py [--looks a,b] [--bundles 3,5,7] [--out DIR] [--detail N]
                                     [--synth DIR]

Without chromium on the PATH the benchmark says so and stops (exit 0).
"""
from __future__ import annotations

import argparse
import html
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

# The looks: one dict each.  page: CSS page size; font: font family; body/tsize: text and table font
# size (pt); pad: cell padding (pt); header_bg: header shading (or ""); upper: header in capitals;
# valign: cells' vertical alignment; row_rules: a thin rule under every body row; zebra: shaded
# even rows; num_align: alignment of number cells; caption: "caption" (<caption>) or "p" (a
# paragraph above); numbering: draw the numbering row (1 2 3 ...) if the table has one; widths:
# random column widths (text columns wider) instead of the browser's own.
LOOKS = {
    "serif_small": dict(page="A4", font="DejaVu Serif", body=10, tsize=7, pad=1, header_bg="", upper=False,
                        valign="top", row_rules=False, zebra=False, num_align="right", caption="p",
                        numbering=True, widths=False),
    "zebra_mid": dict(page="A4", font="Liberation Sans", body=10, tsize=9, pad=4, header_bg="#DDE3EA", upper=True,
                      valign="middle", row_rules=False, zebra=True, num_align="center", caption="caption",
                      numbering=True, widths=True),
    "narrow_big": dict(page="A4", font="Liberation Sans Narrow", body=11, tsize=10, pad=6, header_bg="",
                       upper=False, valign="middle", row_rules=False, zebra=False, num_align="right", caption="p",
                       numbering=False, widths=True),
    "land_mono": dict(page="A4 landscape", font="DejaVu Sans Mono", body=9, tsize=7.5, pad=2, header_bg="#F3F4F6",
                      upper=True, valign="top", row_rules=True, zebra=False, num_align="right", caption="caption",
                      numbering=True, widths=False),
}
BUNDLES = (3, 5, 7, 11, 15, 16)
DEV = range(1, 19)
NUMERIC = ("target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "capaian_anggaran", "efisiensi", "sisa")
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def _shared(*parts: str) -> str | None:
    for up in (os.path.dirname(ROOT), os.path.dirname(os.path.dirname(ROOT))):
        p = os.path.join(up, "shared", *parts)
        if os.path.exists(p):
            return p
    return None


def _cell(role: str | None, row: dict) -> str:
    if role in ("sasaran", "name"):
        return row.get("sasaran_raw") or row.get("name_raw") or ""
    return (row.get(f"{role}_raw") or "") if role else ""


def _spans(top: list[str], sub: list[str]) -> list[tuple[int, int]]:
    """A two-level header's top cells as column spans: a top cell followed by empty ones over sub cells."""
    out, j, n = [], 0, len(top)
    while j < n:
        k = j + 1
        while k < n and not top[k] and sub[k]:
            k += 1
        out.append((j, k))
        j = k
    return out


def table_html(t: dict, look: dict, rnd: random.Random) -> str:
    from lkj.parsers.headers import build_header

    rd = t["render"]
    hdr = rd["header_rows"]
    roles = [c.role for c in build_header([list(r) for r in hdr]).columns]
    ncol = len(roles)
    title = rd.get("title_lines") or [t["title"]]
    esc = html.escape
    out = []
    if look["caption"] == "caption":
        out.append(f"<table><caption>{esc(' '.join(title))}</caption>")
    else:
        out.append(f"<p class='cap'>{'<br>'.join(esc(x) for x in title)}</p><table>")
    if look["widths"]:
        ws = [rnd.uniform(0.5, 2.0) * (3 if r in ("sasaran", "name", "indikator") else 1) for r in roles]
        out.append("<colgroup>" + "".join(f"<col style='width:{100 * w / sum(ws):.1f}%'>" for w in ws) + "</colgroup>")
    out.append("<thead>")
    if len(hdr) == 2:
        top, sub = hdr
        spans = _spans(top, sub)
        out.append("<tr>" + "".join(f"<th colspan='{k - j}'>{esc(top[j])}</th>" if k - j > 1
                                    else f"<th rowspan='2'>{esc(top[j] or sub[j])}</th>" for j, k in spans) + "</tr>")
        out.append("<tr>" + "".join(f"<th>{esc(sub[x])}</th>" for j, k in spans if k - j > 1
                                    for x in range(j, k)) + "</tr>")
    else:
        for r in hdr:
            out.append("<tr>" + "".join(f"<th>{esc(c)}</th>" for c in r) + "</tr>")
    if rd.get("numbering_row") and look["numbering"]:
        out.append("<tr class='num'>" + "".join(f"<th>{esc(c)}</th>" for c in rd["numbering_row"]) + "</tr>")
    out.append("</thead><tbody>")
    deco = {d["before_row"]: d for d in rd.get("decoration_rows", [])}
    merged: dict[int, int] = {}
    for a, b in rd.get("merged_sasaran_groups", []):
        merged[a] = b - a + 1
        for x in range(a + 1, b + 1):
            merged[x] = 0
    for i, row in enumerate(t["rows"]):
        if i in deco:
            d = deco[i]
            if d.get("kind") == "label":
                out.append(f"<tr class='deco'><td colspan='{ncol}'>{esc(' '.join(c for c in d['cells'] if c))}</td></tr>")
            else:
                out.append("<tr class='deco'>" + "".join(f"<td>{esc(c)}</td>" for c in d["cells"]) + "</tr>")
        tds = []
        for role in roles:
            v = _cell(role, row)
            if role in ("sasaran", "no") and i in merged:
                if merged[i]:
                    tds.append(f"<td rowspan='{merged[i]}' class='t'>{esc(v)}</td>")
                continue
            cls = "c" if role == "no" else "n" if role in NUMERIC else "t"
            tds.append(f"<td class='{cls}'>{esc(v)}</td>")
        out.append("<tr>" + "".join(tds) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def css(look: dict) -> str:
    bg = f"background:{look['header_bg']};" if look["header_bg"] else ""
    up = "text-transform: uppercase;" if look["upper"] else ""
    rule = "border-bottom: 0.5px solid #bbb;" if look["row_rules"] else ""
    zebra = "tbody tr:nth-child(even) td { background: #EEF2F7; }" if look["zebra"] else ""
    return f"""
@page {{ size: {look['page']}; margin: 18mm 15mm; }}
body {{ font-family: '{look['font']}'; font-size: {look['body']}pt; }}
table {{ border-collapse: collapse; width: 100%; font-size: {look['tsize']}pt; margin: 6pt 0 14pt 0; }}
caption, p.cap {{ text-align: center; font-weight: bold; margin: 4pt 0; }}
th {{ font-weight: bold; padding: {look['pad']}pt 3pt; border-top: 1px solid #333; border-bottom: 1px solid #333; {bg} {up} }}
td {{ padding: {look['pad']}pt 3pt; vertical-align: {look['valign']}; {rule} }}
tbody tr:last-child td {{ border-bottom: 1px solid #333; }}
{zebra}
td.n {{ text-align: {look['num_align']}; white-space: nowrap; }}
td.c {{ text-align: center; }}
tr.deco td {{ font-weight: bold; }}
"""


def report_html(rep: dict, look: dict, rnd: random.Random) -> str:
    esc = html.escape
    body = [f"<h2 style='text-align:center'>LAPORAN KINERJA TRIWULAN {ROMAN.get(rep['quarter'], '')}<br>"
            f"TAHUN {rep['year']}</h2>",
            f"<h3 style='text-align:center'>{esc(rep['unit_raw'].upper())}<br>KECAMATAN "
            f"{esc(rep['kecamatan'].upper())}<br>KABUPATEN {esc(rep['kabupaten'].upper())}</h3>",
            "<p>BAB II</p><p>AKUNTABILITAS KINERJA</p>"]
    for t in rep["tables"]:
        if t["kind"] == "comparison" or "render" not in t:
            continue
        body.append("<p>Tabel berikut memuat data kinerja dan anggaran pada periode laporan ini.</p>")
        body.append(table_html(t, look, rnd))
    return f"<html><head><meta charset='utf-8'><style>{css(look)}</style></head><body>{''.join(body)}</body></html>"


def report_truth(rep: dict, source: str) -> dict:
    r = {k: v for k, v in rep.items() if k not in ("tables", "anomalies", "page_start", "page_end")}
    r["seq"] = 1
    r["tables"] = [{k: v for k, v in t.items() if k not in ("pages", "render", "seed_line_start")}
                   for t in rep["tables"] if t["kind"] != "comparison"]
    r["anomalies"] = []
    return {"source": source, "reports": [r]}


def render_look(name: str, look: dict, bundles: list[int], synth_pdf: str, out: str, chromium: str) -> list[str]:
    """Print every report of the bundles in one look; returns the truth files written."""
    rnd = random.Random(zlib.crc32(name.encode()))
    pdfs, truths = os.path.join(out, name, "pdf"), os.path.join(out, name, "truth")
    os.makedirs(pdfs, exist_ok=True)
    os.makedirs(truths, exist_ok=True)
    written = []
    for i in bundles:
        with open(os.path.join(synth_pdf, f"syn_11_{i}.borderless.truth.json"), encoding="utf-8") as fh:
            bundle = json.load(fh)
        for rep in bundle["reports"]:
            stem = f"syn_11_{i}r{rep['seq']}.{name}"
            page = os.path.join(out, name, stem + ".html")
            with open(page, "w", encoding="utf-8") as fh:
                fh.write(report_html(rep, look, rnd))
            subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                            f"--print-to-pdf={os.path.join(pdfs, stem + '.pdf')}", "file://" + os.path.abspath(page)],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180, check=False)
            tp = os.path.join(truths, stem + ".json")
            with open(tp, "w", encoding="utf-8") as fh:
                json.dump(report_truth(rep, stem + ".pdf"), fh)
            written.append(tp)
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--looks", default=",".join(LOOKS))
    ap.add_argument("--bundles", default=",".join(map(str, BUNDLES)))
    ap.add_argument("--out", help="folder to keep the pages, PDFs, truth and runs in (default: a temporary one)")
    ap.add_argument("--detail", type=int, default=0, help="score.py lines to print above the headline")
    ap.add_argument("--synth", help="the development set's pdf folder (default ../shared/corpus/synth/pdf)")
    ap.add_argument("--reuse", action="store_true", help="read the PDFs already in --out instead of printing again")
    a = ap.parse_args()
    chromium = next((shutil.which(c) for c in ("chromium", "chromium-browser", "google-chrome") if shutil.which(c)), None)
    if not chromium and not a.reuse:
        print("bench_looks: no chromium on the PATH; nothing measured")
        return
    synth_pdf = a.synth or _shared("corpus", "synth", "pdf")
    score = _shared("tools", "score.py")
    if not synth_pdf or not score:
        sys.exit("bench_looks: the shared corpus (synth/pdf, tools/score.py) was not found")
    bundles = [int(x) for x in a.bundles.split(",") if x]
    if any(b not in DEV for b in bundles):
        sys.exit("bench_looks: only development bundles (1..18) are drawn")
    looks = a.looks.split(",")
    for ln in looks:
        if ln not in LOOKS:
            sys.exit(f"bench_looks: unknown look {ln!r} (known: {', '.join(LOOKS)})")
    out = a.out or tempfile.mkdtemp(prefix="bench_looks_")
    print(f"bench_looks: bundles {bundles} -> {out}")
    for ln in looks:
        if a.reuse:
            td = os.path.join(out, ln, "truth")
            truths = sorted(os.path.join(td, f) for f in os.listdir(td))
        else:
            truths = render_look(ln, LOOKS[ln], bundles, synth_pdf, out, chromium)
        run = os.path.join(out, ln, "run")
        shutil.rmtree(run, ignore_errors=True)
        subprocess.run([sys.executable, "-m", "lkj.cli", "extract", os.path.join(out, ln, "pdf"), "--out", run],
                       cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        res = subprocess.run([sys.executable, score, "--gold", *truths, "--run", run],
                             capture_output=True, text=True, check=False)
        lines = [x for x in res.stdout.splitlines() if x.strip()]
        for x in lines[-(a.detail + 1):]:
            print(f"{ln:12s} {x}")
    if not a.out:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
