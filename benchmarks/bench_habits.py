"""Benchmark: the text forms saved with the habits of the tools and editors that hand them on, read
and scored.

An archive's text files were converted once and then opened, saved and copied by whatever was at
hand.  Each habit below is applied to the development set's flat and md texts, to its `pdftotext
-layout` texts and to the seed reports, exactly as the tool writes it, and the result is scored
against the same truth (line spans dropped where a habit moves lines; then a seed whose truth covers
only part of its file is left out, as its reports can no longer be told apart from the rest's):
  crlf        Windows line ends (\\r\\n)
  bom         a UTF-8 byte-order mark (Notepad's "UTF-8 with BOM")
  utf16       UTF-16 with its byte-order mark (Windows' "Unicode" text, Word's "Unicode Text")
  cp1252      Windows-1252 (an ANSI code page)
  rstrip      trailing white removed from each line (an editor's "trim trailing whitespace"): a
              delimited row loses its empty last cells
  trailing    three spaces added at the end of each line with text
  unexpand    runs of spaces compressed to tabs at 8-column stops (`unexpand -a`, "spaces to tabs")
  ff_at_end   each page's form feed at the end of its last line instead of at the next page's start
  double      a blank line after every line (a viewer's copy that writes each line as a paragraph)
  indent      four spaces before each line with text (after a page's form feed)
Printed per habit and per set: score.py's headline, and the unchanged set's first for comparison.

    python benchmarks/bench_habits.py [--habits crlf,utf16,...] [--sets text,layout,seeds] [--out DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from bench_forms import _spanless          # (the truth without line and page spans, as bench_forms scores it)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def _indent(line: bytes) -> bytes:
    if not line.strip():
        return line
    k = len(line) - len(line.lstrip(b"\f"))
    return line[:k] + b"    " + line[k:]


def _unexpand(data: bytes) -> bytes:
    out = []
    for line in data.decode("utf-8").split("\n"):
        col, res = 0, []
        # (as `unexpand -a`: a run of two spaces or more that reaches a tab stop becomes tabs)
        i = 0
        while i < len(line):
            if line[i] == " ":
                j = i
                while j < len(line) and line[j] == " ":
                    j += 1
                start, end = col, col + (j - i)
                if j - i >= 2 and end // 8 > start // 8:
                    res.append("\t" * (end // 8 - start // 8) + " " * (end % 8))
                else:
                    res.append(line[i:j])
                col, i = end, j
            else:
                res.append(line[i])
                col, i = col + 1, i + 1
        out.append("".join(res))
    return "\n".join(out).encode("utf-8")


HABITS = {
    "crlf": (lambda b: b.replace(b"\n", b"\r\n"), False),
    "bom": (lambda b: b"\xef\xbb\xbf" + b, False),
    "utf16": (lambda b: b.decode("utf-8").encode("utf-16"), False),
    "cp1252": (lambda b: b.decode("utf-8").encode("cp1252", errors="replace"), False),
    "rstrip": (lambda b: b"\n".join(x.rstrip() for x in b.split(b"\n")), False),
    "trailing": (lambda b: b"\n".join(x + b"   " if x.strip() else x for x in b.split(b"\n")), False),
    "unexpand": (_unexpand, False),
    "ff_at_end": (lambda b: b.replace(b"\n\f", b"\f\n"), False),
    "double": (lambda b: b"\n\n".join(b.split(b"\n")), True),
    "indent": (lambda b: b"\n".join(_indent(x) for x in b.split(b"\n")), False),
}


def _corpus() -> str:
    for rel in ("../shared/corpus", "../../shared/corpus"):
        p = os.path.normpath(os.path.join(ROOT, rel))
        if os.path.exists(os.path.join(p, "synth", "manifest.json")):
            return p
    sys.exit("no shared corpus found beside the checkout")


def sets(corpus: str) -> dict[str, list[tuple[str, str]]]:
    """set -> [(text file, its truth file)]."""
    synth = os.path.join(corpus, "synth")
    out: dict[str, list[tuple[str, str]]] = {"text": [], "layout": [], "seeds": []}
    for f in sorted(os.listdir(synth)):
        m = re.fullmatch(r"(syn_\d+_\d+)(\.layout)?\.txt", f)
        if m:
            out["layout" if m.group(2) else "text"].append((os.path.join(synth, f), os.path.join(synth, f[:-4] + ".json")))
    gold = os.path.join(corpus, "gold")
    for g in sorted(os.listdir(gold)):
        if g.endswith(".json"):
            src = json.load(open(os.path.join(gold, g), encoding="utf-8"))["source"]
            out["seeds"].append((os.path.join(corpus, "seeds", src), os.path.join(gold, g)))
    return out


def _score(score: str, truth_dir: str, run: str) -> str:
    res = subprocess.run([sys.executable, score, "--gold", truth_dir, "--run", run], capture_output=True, text=True)
    return (res.stdout.strip().splitlines() or ["(no output) " + res.stderr.strip()[:200]])[-1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--habits", default="none," + ",".join(HABITS))
    ap.add_argument("--sets", default="text,layout,seeds")
    ap.add_argument("--out")
    a = ap.parse_args()
    corpus = _corpus()
    score = os.path.join(corpus, "..", "tools", "score.py")
    lkj = os.path.join(os.path.dirname(sys.executable), "lkj")
    work = a.out or tempfile.mkdtemp(prefix="lkj-habits-")
    files = sets(corpus)
    for habit in a.habits.split(","):
        change, moves_lines = HABITS.get(habit, (lambda b: b, False))
        for name in a.sets.split(","):
            src, truth, run = (os.path.join(work, habit, name, d) for d in ("in", "truth", "run"))
            shutil.rmtree(os.path.join(work, habit, name), ignore_errors=True)
            os.makedirs(src)
            os.makedirs(truth)
            chosen = [(p, t) for p, t in files[name] if not (moves_lines and ".part" in os.path.basename(t))]
            for path, tpath in chosen:
                with open(path, "rb") as fh:
                    data = change(fh.read())
                with open(os.path.join(src, os.path.basename(path)), "wb") as fh:
                    fh.write(data)
                t = json.load(open(tpath, encoding="utf-8"))
                with open(os.path.join(truth, os.path.basename(tpath)), "w", encoding="utf-8") as fh:
                    json.dump(_spanless(t) if moves_lines else t, fh)
            subprocess.run([lkj, "extract", src, "--out", run, "--quiet"], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            print(f"{habit:10s} {name:7s} files={len(chosen):2d}  {_score(score, truth, run)}", flush=True)
    if not a.out:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
