"""Benchmark: the development set converted into forms it does not hold, read and scored.

Each form is made from the development set's own files by the tool or rule that writes it:
  pipes       the md bundles' tab rows as Markdown pipe tables (as pandoc, docling, markitdown write them)
  html        the md bundles as web pages: tab rows as <tr> (bold cells <th>), empty cells under a filled
              one in the first two columns as rowspans, the body inside a layout table, all on one line
  docx        the md bundles as Word documents (python-docx), empty cells under a filled one merged
  docx2txt    those Word documents through docx2txt (if installed: `pip install docx2txt`)
  pdfplumber  the Word and landscape PDFs through pdfplumber's extract_text(), pages joined by "\\n\\f"
  pdftotext   the Word and landscape PDFs through poppler's pdftotext without -layout (if on the PATH)
  pdfminer    the Word and landscape PDFs through pdfminer.six's extract_text() (its default layout
              analysis: text boxes in reading order, pdf2txt.py's output)
  pdfium      the Word and landscape PDFs through PDFium's text page (pypdfium2 get_text_range(): what
              Chrome's PDF viewer copies)
  layout.word, layout.landscape, layout.borderless
              the Word, landscape and web-printout PDFs through poppler's pdftotext -layout (the set's own
              .layout.txt files were printed from other renderings of the same bundles)
  stream      the Word and landscape PDFs' characters in the order their pages draw them, one line per
              run of text (what a browser's PDF viewer or a flipbook page gives when its text is copied);
              stream.borderless the same of the web-printout PDFs
Each converted file keeps its bundle's name (the PDF's for pdfplumber); its truth is the bundle's
truth without line and page spans, so score.py aligns reports by order.  Printed per form and per
part of the set (bundles 1-18, 19-24): score.py's headline.  Nothing of a bundle is written here
but what its files hold.

    python benchmarks/bench_forms.py [--forms pipes,html,...] [--synth DIR] [--out DIR]
"""
from __future__ import annotations

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
FORMS = ("pipes", "html", "docx", "docx2txt", "pdfplumber", "pdftotext", "pdfminer", "pdfium", "stream",
         "stream.borderless", "layout.word", "layout.landscape", "layout.borderless")
PARTS = (("1-18", range(1, 19)), ("19-24", range(19, 25)))


def _synth(arg: str | None) -> str:
    for p in ([arg] if arg else []) + [os.path.join(ROOT, "..", "shared", "corpus", "synth"),
                                        os.path.join(ROOT, "..", "..", "shared", "corpus", "synth")]:
        if p and os.path.exists(os.path.join(p, "manifest.json")):
            return os.path.normpath(p)
    sys.exit("no development set found: give --synth DIR")


def _spanless(o):
    if isinstance(o, dict):
        return {k: _spanless(v) for k, v in o.items()
                if k not in ("page_start", "page_end", "line_start", "line_end", "page", "line", "bbox")}
    if isinstance(o, list):
        return [_spanless(x) for x in o]
    return o


def _truth(src: str, source: str, out: str) -> None:
    d = _spanless(json.load(open(src, encoding="utf-8")))
    d["source"] = source
    json.dump(d, open(out, "w", encoding="utf-8"))


def _tab_blocks(text: str):
    """The text's lines, runs of tab rows (blank lines inside a run kept out) as lists of rows."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            yield lines[i]
            i += 1
            continue
        block = []
        while i < len(lines) and ("\t" in lines[i] or (not lines[i].strip() and i + 1 < len(lines) and "\t" in lines[i + 1])):
            if "\t" in lines[i]:
                block.append(lines[i])
            i += 1
        yield block


def _cells(row: str) -> list[str]:
    return [c.replace("<b>", "").replace("</b>", "").strip() for c in row.split("\t")]


def _merged(block: list[str]) -> tuple[list[list[str]], list[list[int]], list[list[bool]]]:
    """Rows padded to one width; rowspans of a filled cell over the empty cells below it in the
    first two columns (while the row below has text further right); which cells they hide."""
    rows = [_cells(r) for r in block]
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    head = ["<b>" in r for r in block]
    span = [[1] * n for _ in rows]
    hidden = [[False] * n for _ in rows]
    for c in range(min(2, n)):
        top = None
        for k, r in enumerate(rows):
            if head[k]:
                top = None
            elif r[c]:
                top = k
            elif top is not None and any(r[c + 1:]):
                span[top][c] += 1
                hidden[k][c] = True
            else:
                top = None
    return rows, span, hidden


def to_pipes(text: str) -> str:
    out = []
    for item in _tab_blocks(text):
        if isinstance(item, str):
            out.append(item)
            continue
        for r in item:
            cells = [c.replace("|", "\\|") for c in _cells(r)]
            out.append("| " + " | ".join(cells) + " |")
            if "<b>" in r:
                out.append("|" + "|".join("---" for _ in cells) + "|")
    return "\n".join(out)


def to_html(text: str) -> str:
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>LKj</title><style>td{border:1px}</style>'
           '</head><body><table class="layout"><tr><td>Beranda</td><td>']
    for item in _tab_blocks(text):
        if isinstance(item, str):
            s = item.strip()
            if s.startswith("#"):
                out.append(f"<h3>{html.escape(s.lstrip('#').strip().strip('*'))}</h3>")
            elif s:
                out.append(f"<p>{html.escape(s.replace('**', ''))}</p>")
            continue
        rows, span, hidden = _merged(item)
        out.append('<table border="1">')
        for k, r in enumerate(rows):
            tag = "th" if "<b>" in item[k] else "td"
            out.append("<tr>" + "".join(f"<{tag}{' rowspan=%d' % span[k][c] if span[k][c] > 1 else ''}>"
                                        f"{html.escape(r[c])}</{tag}>" for c in range(len(r)) if not hidden[k][c]) + "</tr>")
        out.append("</table>")
    return "".join(out) + "</td></tr></table></body></html>"


def to_docx(text: str, path: str) -> None:
    import docx

    d = docx.Document()
    for item in _tab_blocks(text):
        if isinstance(item, str):
            s = item.strip().replace("**", "").lstrip("#").strip()
            if s:
                d.add_paragraph(s)
            continue
        rows, span, hidden = _merged(item)
        t = d.add_table(rows=len(rows), cols=len(rows[0]))
        for k, r in enumerate(rows):
            for c, v in enumerate(r):
                t.cell(k, c).text = v
        for k, r in enumerate(rows):
            for c in range(len(r)):
                if span[k][c] > 1:
                    t.cell(k, c).merge(t.cell(k + span[k][c] - 1, c))
    d.save(path)


def stream_text(pdf_path: str) -> str:
    """A PDF's text as its pages draw it: characters in content-stream order, a new line wherever the
    next character is not on the same baseline just right of the last (pages joined by "\\n\\f")."""
    import pdfplumber

    pages = []
    with pdfplumber.open(pdf_path) as pdf:
        for p in pdf.pages:
            lines: list[str] = []
            cur: list[str] = []
            last = None
            for c in p.chars:
                if last is not None:
                    if not (abs(c["top"] - last["top"]) < 1.5 and -1 < c["x0"] - last["x1"] < 12):
                        lines.append("".join(cur))
                        cur = []
                    elif c["x0"] - last["x1"] > 1.5 and cur and not cur[-1].endswith(" ") and c["text"] != " ":
                        cur.append(" ")
                cur.append(c["text"])
                last = c
            lines.append("".join(cur))
            pages.append("\n".join(x.strip() for x in lines if x.strip()))
    return "\n\f".join(pages) + "\n"


def build(form: str, synth: str, work: str) -> tuple[str, str] | None:
    """The folder of converted files and the folder of their truth files (None: form not made)."""
    m = json.load(open(os.path.join(synth, "manifest.json"), encoding="utf-8"))
    src, truth = os.path.join(work, form, "in"), os.path.join(work, form, "truth")
    os.makedirs(src)
    os.makedirs(truth)
    md = [b["name"] for b in m["bundles"] if b.get("text_style") == "md"]
    pdf_forms = ("pdfplumber", "pdftotext", "pdfminer", "pdfium", "stream", "stream.borderless")
    if form in pdf_forms or form.startswith("layout."):
        if (form == "pdftotext" or form.startswith("layout.")) and not shutil.which("pdftotext"):
            print(f"{form:13s} pdftotext not on the PATH (Debian: poppler-utils): skipped")
            return None
        looks = (form.split(".", 1)[1],) if "." in form else ("word", "landscape")
        for name in sorted(os.listdir(os.path.join(synth, "pdf"))):
            if not re.search(r"\.(%s)\.pdf$" % "|".join(looks), name):
                continue
            pdf_path = os.path.join(synth, "pdf", name)
            if form == "pdftotext" or form.startswith("layout."):
                args = ["-layout"] if form.startswith("layout.") else []
                text = subprocess.run(["pdftotext", *args, "-enc", "UTF-8", pdf_path, "-"], capture_output=True,
                                      text=True).stdout
            elif form.startswith("stream"):
                text = stream_text(pdf_path)
            elif form == "pdfminer":
                from pdfminer.high_level import extract_text

                text = extract_text(pdf_path)          # (pages end with a form feed)
            elif form == "pdfium":
                import pypdfium2

                doc = pypdfium2.PdfDocument(pdf_path)
                text = "\n\f".join(page.get_textpage().get_text_range() for page in doc) + "\n"
                doc.close()
            else:
                import pdfplumber

                with pdfplumber.open(pdf_path) as pdf:
                    text = "\n\f".join((p.extract_text() or "") for p in pdf.pages) + "\n"
            open(os.path.join(src, name), "w", encoding="utf-8").write(text)     # named as the PDF
            _truth(os.path.join(synth, "pdf", name[:-4] + ".truth.json"), name, os.path.join(truth, name[:-4] + ".json"))
        return src, truth
    if form == "docx2txt":
        try:
            import docx2txt
        except ImportError:
            print("docx2txt      not installed (pip install docx2txt): skipped")
            return None
    for name in md:
        text = open(os.path.join(synth, f"{name}.txt"), encoding="utf-8").read()
        if form == "pipes":
            file = f"{name}.md"
            open(os.path.join(src, file), "w", encoding="utf-8").write(to_pipes(text))
        elif form == "html":
            file = f"{name}.html"
            open(os.path.join(src, file), "w", encoding="utf-8").write(to_html(text))
        else:
            file = f"{name}.docx"
            to_docx(text, os.path.join(src, file))
            if form == "docx2txt":
                file = f"{name}.txt"
                open(os.path.join(src, file), "w", encoding="utf-8").write(docx2txt.process(os.path.join(src, f"{name}.docx")))
                os.remove(os.path.join(src, f"{name}.docx"))
        _truth(os.path.join(synth, f"{name}.json"), file, os.path.join(truth, f"{name}.json"))
    return src, truth


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--forms", default=",".join(FORMS))
    ap.add_argument("--synth")
    ap.add_argument("--out")
    a = ap.parse_args()
    synth = _synth(a.synth)
    work = a.out or tempfile.mkdtemp(prefix="lkj-forms-")
    score = os.path.join(os.path.dirname(os.path.dirname(synth)), "tools", "score.py")
    lkj = os.path.join(os.path.dirname(sys.executable), "lkj")
    for form in a.forms.split(","):
        shutil.rmtree(os.path.join(work, form), ignore_errors=True)
        made = build(form, synth, work)
        if made is None:
            continue
        src, truth = made
        run = os.path.join(work, form, "run")
        subprocess.run([lkj, "extract", src, "--out", run, "--quiet"], stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        for part, bundles in PARTS:
            golds = [os.path.join(truth, f) for f in sorted(os.listdir(truth))
                     if int(re.match(r"syn_11_(\d+)", f).group(1)) in bundles]
            if not golds:
                continue
            res = subprocess.run([sys.executable, score, "--gold", *golds, "--run", run],
                                 capture_output=True, text=True)
            head = (res.stdout.strip().splitlines() or ["(no output) " + res.stderr.strip()[:200]])[-1]
            print(f"{form:12s} bundles {part:5s} files={len(golds):2d}  {head}")
    if not a.out:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
