"""Fuzz the whole command: thousands of generated bad inputs through `lkj extract`, batch by batch.

Inputs: the shipped fixtures (seed texts, PDFs, a DOCX) mutated (truncated, bytes flipped, runs
deleted or repeated, garbage inserted, re-encoded), broken zips and DOCX bombs, PDFs whose objects
refer to each other in circles, image-only pages of huge size, one-line texts, empty files, exact
duplicates, files with odd names (not UTF-8, markup, control characters, very long), reports
under .md / .json / .csv names, hidden files, links (relative, absolute, broken, to /dev/zero and
/dev/urandom), FIFOs.  Each batch is one `lkj extract` call with an outer time limit; then:

    crashes     the call ended otherwise than 0 / 1, printed no summary, or left outputs that are
                incomplete or not the snapshot datapackage.json describes
    tracebacks  a Python traceback on its stderr
    missing     an input of the batch that is not in the files table, or whose status has no trace
                (failed but not in failures.csv, done but no report of its bytes)
    hangs       a call over the outer time limit
and one batch is run twice into two folders: its CSV and Parquet outputs must be byte-identical.
The last line is the headline:

    inputs= crashes= tracebacks= missing= hangs= byte_diffs=

    python benchmarks/fuzz.py [--inputs 2100] [--batch 300] [--seed 15] [--keep DIR]
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "tests"))

from oddfiles import (cyclic_length_pdf, cyclic_pages_pdf, image_page_pdf, mutate,  # noqa: E402
                      zip_bomb_docx)

from lkj.snapshot import exported_bytes  # noqa: E402

OUTER_LIMIT = 1800.0          # seconds one batch call may take


def fixtures() -> dict[str, bytes]:
    out = {}
    seeds = os.path.join(ROOT, "corpus", "seeds")
    for f in sorted(os.listdir(seeds)):
        if not f.startswith(("000", "003")):              # the long bundles would make a run of hours
            out[f] = open(os.path.join(seeds, f), "rb").read()
    pdf = os.path.join(ROOT, "corpus", "pdf")
    for f in sorted(os.listdir(pdf)):
        out[f] = open(os.path.join(pdf, f), "rb").read()
    import docx

    d = docx.Document()
    d.add_paragraph("LAPORAN KINERJA TRIWULAN II TAHUN 2023 KECAMATAN PASRUJAMBE")
    t = d.add_table(rows=2, cols=4)
    for j, v in enumerate(["NO", "INDIKATOR KINERJA", "TARGET", "REALISASI"]):
        t.cell(0, j).text = v
    for j, v in enumerate(["1", "Persentase desa yang menetapkan APBDes tepat waktu", "86%", "90%"]):
        t.cell(1, j).text = v
    buf = io.BytesIO()
    d.save(buf)
    out["report.docx"] = buf.getvalue()
    return out


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in entries.items():
            z.writestr(k, v)
    return buf.getvalue()


def make_inputs(folder: str, n: int, rng: random.Random, fx: dict[str, bytes]) -> int:
    """About n inputs of every kind in folder; returns how many entries were made."""
    os.makedirs(folder, exist_ok=True)
    texts = [k for k in fx if k.endswith(".txt")]
    pdfs = [k for k in fx if k.endswith(".pdf") and "scanned" not in k]
    made = 0

    def put(name: str | bytes, data: bytes) -> None:
        nonlocal made
        path = os.path.join(os.fsencode(folder), name if isinstance(name, bytes) else os.fsencode(name))
        with open(path, "wb") as fh:
            fh.write(data)
        made += 1

    for k in range(n):
        r = rng.random()
        tag = f"{k:05d}"
        if r < 0.54:
            src = rng.choice(texts)
            put(f"{tag}_mut.{rng.choice(['txt', 'txt', 'md', 'csv', 'json', 'TXT', 'dat'])}",
                mutate(fx[src], rng))
        elif r < 0.62:
            put(f"{tag}_mut.pdf", mutate(fx[rng.choice(pdfs)], rng, rng.choice(["truncate", "flip", "delete", "zero"])))
        elif r < 0.64:
            if rng.random() < 0.05:                          # a scanned page mutated: OCR on what is left
                put(f"{tag}_scan.pdf", mutate(fx["002_9775546dd054ce8e.scanned.pdf"], rng, "flip"))
            else:
                put(f"{tag}_mut.docx", mutate(fx["report.docx"], rng))
        elif r < 0.70:
            kind = rng.choice(["bomb", "garbage_zip", "pk_only", "docx_no_doc", "docx_bad_xml"])
            data = {"bomb": lambda: zip_bomb_docx(rng.choice([35, 60])),
                    "garbage_zip": lambda: b"PK\x03\x04" + os.urandom(rng.randrange(10, 5000)),
                    "pk_only": lambda: b"PK\x03\x04",
                    "docx_no_doc": lambda: _zip({"word/styles.xml": b"<x/>"}),
                    "docx_bad_xml": lambda: _zip({"word/document.xml": b"<w:document><w:body><w:p>",
                                                  "[Content_Types].xml": b"<Types/>"})}[kind]()
            put(f"{tag}_{kind}.docx", data)
        elif r < 0.74:
            kind = rng.choice(["cycle_len", "cycle_pages", "huge_page", "strip", "header_only"])
            data = {"cycle_len": cyclic_length_pdf, "cycle_pages": cyclic_pages_pdf,
                    "huge_page": lambda: image_page_pdf(rng.choice([5000, 14400, 20000]), rng.choice([5000, 14400])),
                    "strip": lambda: image_page_pdf(595, 200_000),
                    "header_only": lambda: b"%PDF-1.7\n" + os.urandom(rng.randrange(0, 3000))}[kind]()
            put(f"{tag}_{kind}.pdf", data)
        elif r < 0.78:
            kind = rng.choice(["empty", "blank", "oneline", "binary", "utf16", "nul"])
            data = {"empty": lambda: b"", "blank": lambda: b" \n\t\n" * rng.randrange(1, 100),
                    "oneline": lambda: b"LAPORAN KINERJA " + b"1.234,56 " * rng.randrange(120_000, 250_000),
                    "binary": lambda: os.urandom(rng.randrange(1, 20000)),
                    "utf16": lambda: fx[rng.choice(texts)].decode("utf-8", "replace").encode("utf-16"),
                    "nul": lambda: fx[rng.choice(texts)].replace(b"\n", b"\x00\n", 3)}[kind]()
            put(f"{tag}_{kind}.txt", data)
        elif r < 0.86:
            src = fx[rng.choice(texts)] + f"\ncatatan {k}\n".encode()
            name = rng.choice([
                f"{tag}_latin1_".encode() + "\xe9t\xe9".encode("latin-1") + b".txt",
                f"{tag}_[bold]markup[/bold]_[/'Im4'].txt".replace("/", "_"),
                f"{tag}_ctrl_\x1b[31m_\x07_\x08.txt",
                f"{tag}_" + "panjang_" * 28 + ".txt",
                f"{tag} spasi dan (kurung) & 'kutip'.txt",
                f"{tag}_\u202eevil.txt",
                f"{tag}_emoji_\U0001f4c4.txt",
            ])
            put(name, src)
        elif r < 0.92:
            kind = rng.choice(["rel", "abs", "broken", "zero", "urandom", "fifo", "hidden", "dup", "dir_link"])
            p = os.path.join(folder, f"{tag}_{kind}.txt")
            target = next((f for f in sorted(os.listdir(folder)) if f.endswith("_mut.txt")), None)
            if kind == "rel" and target:
                os.symlink(target, p)
            elif kind == "abs" and target:
                os.symlink(os.path.join(os.path.abspath(folder), target), p)
            elif kind == "broken":
                os.symlink(f"nowhere_{tag}.txt", p)
            elif kind == "zero":
                os.symlink("/dev/zero", p[:-4] + ".pdf")
            elif kind == "urandom":
                os.symlink("/dev/urandom", p)
            elif kind == "fifo":
                os.mkfifo(p)
            elif kind == "hidden":
                put(f".{tag}_hidden.txt", fx[rng.choice(texts)])
                continue
            elif kind == "dup" and target:
                shutil.copy(os.path.join(folder, target), p)
            elif kind == "dir_link":
                os.symlink("/", p[:-4])
            else:
                put(f"{tag}_plain.txt", fx[rng.choice(texts)])
                continue
            made += 1
        else:
            put(f"{tag}_ok.txt", fx[rng.choice(texts)] + f"\nsalinan {k}\n".encode())
    return made


def entries(folder: str) -> set[str]:
    """What a run over folder must list: every entry (a hidden or linked folder once, not its content)."""
    out = set()
    for root, dirs, files in os.walk(folder):
        for d in list(dirs):
            full = os.path.join(root, d)
            if d.startswith(".") or os.path.islink(full):
                out.add(full)
                dirs.remove(d)
        out.update(os.path.join(root, f) for f in files)
    from lkj.extract import display_name

    return {display_name(p) for p in out}


def read_csv(path: str) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def run_batch(folder: str, out: str) -> dict:
    t0 = time.monotonic()
    cmd = [sys.executable, "-m", "lkj.cli", "extract", folder, "--out", out, "--workers", "2",
           "--file-timeout", "20", "--json"]
    try:
        p = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=OUTER_LIMIT)
    except subprocess.TimeoutExpired as exc:
        return {"hang": True, "seconds": time.monotonic() - t0, "stderr": str(exc.stderr or "")}
    return {"hang": False, "code": p.returncode, "stdout": p.stdout, "stderr": p.stderr,
            "seconds": time.monotonic() - t0}


def check(folder: str, out: str, res: dict) -> dict:
    from lkj.snapshot import verify

    found = {"crash": 0, "traceback": 0, "missing": 0, "hang": int(res["hang"]), "notes": []}
    if res["hang"]:
        return found
    if "Traceback" in res["stderr"]:
        found["traceback"] = 1
        found["notes"].append(res["stderr"][-1500:])
    try:
        json.loads(res["stdout"].strip().splitlines()[-1])
        ok = res["code"] in (0, 1)
    except (ValueError, IndexError):
        ok = False
    problems = verify(out) if ok else ["no summary"]
    if not ok or problems:
        found["crash"] = 1
        found["notes"].append(f"exit {res.get('code')}: {problems[:3]} {res['stderr'][-500:]}")
        return found
    files = {f["path"]: f for f in read_csv(os.path.join(out, "files.csv"))}
    failures = {f["path"] for f in read_csv(os.path.join(out, "failures.csv"))}
    report_shas = {r["source_sha256"] for r in read_csv(os.path.join(out, "reports.csv"))}
    for e in entries(folder):
        f = files.get(e)
        if f is None:
            found["missing"] += 1
            found["notes"].append(f"not listed: {e!r}")
        elif f["status"] == "failed" and e not in failures:
            found["missing"] += 1
            found["notes"].append(f"failed but not in failures.csv: {e!r}")
        elif f["status"] == "done" and f["sha256"] not in report_shas:
            found["missing"] += 1
            found["notes"].append(f"done but no report: {e!r}")
        elif f["status"] not in ("done", "failed", "skipped", "duplicate"):
            found["missing"] += 1
            found["notes"].append(f"status {f['status']}: {e!r}")
    return found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--inputs", type=int, default=2100)
    ap.add_argument("--batch", type=int, default=350)
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--keep", help="work folder to keep")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    fx = fixtures()
    work = args.keep or tempfile.mkdtemp(prefix="lkj-fuzz-")
    total = {"inputs": 0, "crashes": 0, "tracebacks": 0, "missing": 0, "hangs": 0, "time_limited": 0}
    byte_diffs = 0
    k = 0
    while total["inputs"] < args.inputs:
        folder = os.path.join(work, f"batch{k:02d}")
        n = make_inputs(folder, min(args.batch, args.inputs - total["inputs"]), rng, fx)
        out = os.path.join(work, f"out{k:02d}")
        res = run_batch(folder, out)
        found = check(folder, out, res)
        total["inputs"] += n
        total["crashes"] += found["crash"]
        total["tracebacks"] += found["traceback"]
        total["missing"] += found["missing"]
        total["hangs"] += found["hang"]
        if not res["hang"] and os.path.exists(os.path.join(out, "failures.csv")):
            total["time_limited"] += sum(1 for f in read_csv(os.path.join(out, "failures.csv"))
                                         if f["error"].startswith("time limit"))
        if k == 0 and not found["crash"] and not res["hang"]:
            again = run_batch(folder, out + "_again")
            if not again["hang"]:
                a, b = exported_bytes(out), exported_bytes(out + "_again")
                byte_diffs = sum(1 for rel in a if a[rel] != b.get(rel))
        print(f"batch {k}: inputs={n} seconds={res['seconds']:.0f} crash={found['crash']} "
              f"traceback={found['traceback']} missing={found['missing']} hang={found['hang']}", flush=True)
        for note in found["notes"][:5]:
            print("   ", note.replace("\n", " | ")[:400], flush=True)
        k += 1
    print(f"time_limited_files={total['time_limited']} (files that ended in failures with a time-limit reason)")
    print(f"inputs={total['inputs']} crashes={total['crashes']} tracebacks={total['tracebacks']} "
          f"missing={total['missing']} hangs={total['hangs']} byte_diffs={byte_diffs}")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
