"""The pipeline: input files -> Documents -> reports and rows -> normalised -> checked -> dataset.

Every input ends in the dataset or in failures.csv, with a one-line reason; a failing file never
stops the batch.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from checks.across_quarters import check_quarters, facts_of
from checks.registry import ReportContext, quality_score, run_checks
from dataset.writers import write_all
from normalizers.rows import Row, Table, normalise_table
from normalizers.text import Vocabulary, clean
from parsers.report_parser import parse_document

from .detect import InputError, detect
from .document import Document
from .text_reader import read_text

SKIP_SUFFIXES = (".json", ".md", ".csv", ".parquet", ".duckdb", ".py", ".gitkeep")


def collect_inputs(paths: Iterable[str]) -> list[str]:
    """Files given, and files under folders given (recursively, hidden files skipped)."""
    out: list[str] = []
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for f in sorted(files):
                    if f.startswith(".") or f.lower().endswith(SKIP_SUFFIXES):
                        continue
                    out.append(os.path.join(root, f))
        else:
            out.append(p)
    return out


def read_document(path: str) -> Document:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError("read", f"cannot read file: {exc.strerror or exc}") from None
    det = detect(data)
    if det.fmt == "text":
        return read_text(path, data, det)
    if det.fmt == "pdf":
        from .pdf_reader import read_pdf
        return read_pdf(path, data)
    if det.fmt == "docx":
        from .docx_reader import read_docx
        return read_docx(path, data)
    raise InputError("detect", f"{det.fmt.upper()} input is not supported")


@dataclass
class FileResult:
    reports: list[dict] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    anomalies: list[dict] = field(default_factory=list)
    review: list[dict] = field(default_factory=list)
    facts: list = field(default_factory=list)        # checks.across_quarters.QuarterFact


def _mark_duplicates(tables: list[Table]) -> None:
    sigs: dict[tuple, int] = {}
    for t in tables:
        sig = (t.kind, tuple(tuple(sorted((k, v) for k, v in r.raw.items())) for r in t.rows))
        if t.rows and sig in sigs:
            t.duplicate_of = sigs[sig]
        else:
            sigs.setdefault(sig, t.seq)


def process_document(doc: Document) -> FileResult:
    raw_reports = parse_document(doc)
    if not any(r.tables or r.doc_kind != "unknown" for r in raw_reports):
        raise InputError("parse", "not an LKj report: no performance tables (Perjanjian Kinerja, capaian, anggaran) "
                                  "and no LKj/PK heading found")
    flat = sum(1 for l in doc.lines if "\t" in l.text) < max(5, len(doc.lines) // 200)
    vocab = Vocabulary(clean(l.text) for l in doc.lines) if flat or doc.is_paged else None
    contexts: list[ReportContext] = []
    for rep in raw_reports:
        tables = [normalise_table(t, i, vocab) for i, t in enumerate(rep.tables)]
        _mark_duplicates(tables)
        contexts.append(ReportContext(rep.seq, rep.meta, rep.doc_kind, tables, rep.lines,
                                       wrapped=flat or doc.is_paged))
    found = run_checks(contexts)
    res = FileResult()
    page_of = {l.no: l.page for l in doc.lines} if doc.is_paged else {}
    by_report: dict[int, list] = {}
    for ctx, a in found:
        by_report.setdefault(ctx.seq, []).append(a)
    for rep, ctx in zip(raw_reports, contexts):
        rid = f"{doc.sha256[:16]}-{rep.seq:03d}"
        anoms = by_report.get(rep.seq, [])
        m = rep.meta
        warnings = list(doc.warnings) + rep.warnings
        if not ctx.tables and rep.doc_kind in ("lkj", "unknown"):
            warnings.append("no performance tables found in this report")
        res.reports.append({
            "report_id": rid, "source_file": doc.source_file, "source_sha256": doc.sha256,
            "report_seq": rep.seq, "line_start": rep.line_start, "line_end": rep.line_end,
            "page_start": rep.page_start, "page_end": rep.page_end,
            "kabupaten": m.kabupaten, "kecamatan": m.kecamatan, "unit": m.unit, "unit_raw": m.unit_raw,
            "kind": m.kind, "year": m.year, "quarter": m.quarter,
            "signer_name": m.signer_name, "signer_nip": m.signer_nip,
            "doc_kind": rep.doc_kind, "n_tables": len(ctx.tables), "n_rows": sum(len(t.rows) for t in ctx.tables),
            "quality_score": quality_score(ctx, anoms), "warnings": "; ".join(warnings),
        })
        for t in ctx.tables:
            for r in t.rows:
                rec = _row_record(rid, doc, rep.seq, r)
                res.rows.append(rec)
                if r.indikator_match is not None and r.indikator_match.status == "review":
                    res.review.append(_review_record(rec, r))
        for k, a in enumerate(anoms):
            if doc.is_paged:
                # a paged input's running line numbers mean nothing to a reader: the page says where
                a.page = a.page or page_of.get(a.line)
                a.line = None
            res.anomalies.append(_anomaly_record(f"{rid}-a{k + 1:03d}", rid, doc.source_file, rep.seq, a))
        res.facts += facts_of(rid, ctx)
    return res


def _anomaly_record(aid: str, rid: str, source_file: str, seq: int, a) -> dict:
    return {"anomaly_id": aid, "report_id": rid, "source_file": source_file, "report_seq": seq,
            "table_seq": a.table_seq, "row_index": a.row_index, "rule": a.rule, "severity": a.severity,
            "field": a.field, "reported": a.reported, "expected": a.expected, "message": a.message,
            "page": a.page, "line": a.line}


def _row_record(rid: str, doc: Document, seq: int, r: Row) -> dict:
    rec = {
        "row_id": f"{rid}-t{r.table_seq:02d}-r{r.row_index:03d}", "report_id": rid, "source_file": doc.source_file,
        "report_seq": seq, "table_seq": r.table_seq, "table_kind": r.table_kind, "table_title": r.table_title,
        "row_index": r.row_index, "level": r.level, "page": r.page, "line": None if doc.is_paged else r.line,
        "bbox": ",".join(f"{x:.1f}" for x in r.bbox) if r.bbox else None,
        "indikator_id": r.indikator_id, "cells": r.cells_json,
        "target_unit": r.unit.get("target"), "realisasi_unit": r.unit.get("realisasi"),
    }
    for f in r.fields:
        rec[f"{f}_raw"] = r.raw.get(f, "")
        if f in r.num:
            rec[f] = r.num[f]
        else:
            rec[f] = r.text.get(f)
    return rec


def _review_record(rec: dict, r: Row) -> dict:
    m = r.indikator_match
    out = {"row_id": rec["row_id"], "report_id": rec["report_id"], "source_file": rec["source_file"],
           "page": r.page, "line": r.line, "indikator": r.text.get("indikator"), "score": m.score}
    for k, (cid, name, score) in enumerate(m.candidates[:3], 1):
        out.update({f"candidate_{k}_id": cid, f"candidate_{k}_name": name, f"candidate_{k}_score": score})
    return out


def summarise(reports: list[dict], anomalies: list[dict]) -> list[dict]:
    """Anomalies by kecamatan and rule: how many reports of the kecamatan, how many flagged, how many
    anomalies (the per-run table researchers start from)."""
    from checks import rules  # noqa: F401  (registers the rules: files may have been checked in workers)
    from checks.registry import RULES

    place = {r["report_id"]: (r.get("kabupaten") or "", r.get("kecamatan") or "") for r in reports}
    n_reports = Counter(place.values())
    count: Counter = Counter()
    flagged: dict[tuple, set] = {}
    for a in anomalies:
        key = (*place.get(a["report_id"], ("", "")), a["rule"])
        count[key] += 1
        flagged.setdefault(key, set()).add(a["report_id"])
    return [{"kabupaten": k[0], "kecamatan": k[1], "rule": k[2],
             "severity": RULES[k[2]].severity if k[2] in RULES else "",
             "reports": n_reports[(k[0], k[1])], "reports_flagged": len(flagged[k]), "anomalies": n}
            for k, n in sorted(count.items())]


@dataclass
class RunSummary:
    files: int = 0
    reports: int = 0
    rows_by_kind: Counter = field(default_factory=Counter)
    anomalies_by_rule: Counter = field(default_factory=Counter)
    failures: list[dict] = field(default_factory=list)
    review: int = 0
    by_kecamatan: list[dict] = field(default_factory=list)


def _sha(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return ""


def process_path(path: str) -> tuple[FileResult | None, dict | None]:
    """One input file -> its results, or its failure record (never an exception)."""
    name = os.path.basename(path)
    try:
        try:
            doc = read_document(path)
        except InputError:
            raise
        except Exception as exc:  # a reader bug must not lose the file either
            raise InputError("extract", f"{type(exc).__name__}: {exc}".splitlines()[0][:300]) from exc
        try:
            return process_document(doc), None
        except InputError:
            raise
        except Exception as exc:  # a parser bug must not lose the file: it goes to failures.csv
            raise InputError("parse", f"{type(exc).__name__}: {exc}".splitlines()[0][:300]) from exc
    except InputError as exc:
        return None, {"source_file": name, "source_sha256": _sha(path), "stage": exc.stage, "error": str(exc)}


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _worker_init() -> None:
    # files are spread over the cores already: a scanned file's pages are OCRed one after another
    os.environ["LKJ_OCR_WORKERS"] = "1"


def _results(files: list[str], workers: int):
    """(path, result, failure) for every file, in input order; files are read in parallel processes
    when there are several files and cores (LKJ_WORKERS sets how many, 1 = in this process)."""
    if workers <= 1 or len(files) <= 1:
        for path in files:
            yield (path, *process_path(path))
        return
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    # the largest files first, so that no core is left with one big file at the end; results are
    # handed on in input order as soon as the files before them are done
    order = sorted(range(len(files)), key=lambda i: -_size(files[i]))
    ready: dict[int, tuple] = {}
    nxt = 0
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=_worker_init) as ex:
            futures = {ex.submit(process_path, files[i]): i for i in order}
            from concurrent.futures import as_completed
            for fut in as_completed(futures):
                ready[futures[fut]] = fut.result()
                while nxt in ready:
                    yield (files[nxt], *ready.pop(nxt))
                    nxt += 1
    except BrokenProcessPool:
        # a worker died (a crash in a native library): the rest is read here, one by one
        for i in range(nxt, len(files)):
            yield (files[i], *(ready.pop(i) if i in ready else process_path(files[i])))


def run(inputs: list[str], out_dir: str, on_file: Callable[[str], None] | None = None,
        workers: int | None = None) -> RunSummary:
    files = collect_inputs(inputs)
    summary = RunSummary(files=len(files))
    reports: list[dict] = []
    rows: list[dict] = []
    anomalies: list[dict] = []
    review: list[dict] = []
    facts: list = []
    if workers is None:
        workers = int(os.environ.get("LKJ_WORKERS") or (os.cpu_count() or 1))
    for path, res, failure in _results(files, workers):
        if failure is not None:
            summary.failures.append(failure)
        else:
            reports += res.reports
            rows += res.rows
            anomalies += res.anomalies
            review += res.review
            facts += res.facts
            summary.reports += len(res.reports)
            for r in res.rows:
                summary.rows_by_kind[r["table_kind"]] += 1
            for a in res.anomalies:
                summary.anomalies_by_rule[a["rule"]] += 1
        if on_file:
            on_file(path)
    # rules across the whole run (the same kecamatan's unit in several quarters)
    by_id = {r["report_id"]: r for r in reports}
    for k, (rid, a) in enumerate(check_quarters(facts)):
        rep = by_id[rid]
        anomalies.append(_anomaly_record(f"{rid}-q{k + 1:03d}", rid, rep["source_file"], rep["report_seq"], a))
        summary.anomalies_by_rule[a.rule] += 1
    summary.review = len(review)
    summary.by_kecamatan = summarise(reports, anomalies)
    write_all(out_dir, {"reports": reports, "rows": rows, "anomalies": anomalies, "failures": summary.failures,
                        "review": review, "summary": summary.by_kecamatan})
    return summary
