"""The pipeline: input files -> Documents -> reports and rows -> normalised -> checked -> dataset.

`process_document` turns one Document into its records; `process_path` one file into its records
or its failure (never an exception); `run` many files, in parallel processes, then the run-scope
rules, then the outputs.  Every input ends in the dataset or in failures.csv, with a one-line
reason; a failing file never stops the batch.
"""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from lkj.checks.registry import ReportContext, quality_score, run_report_rules, run_run_rules
from lkj.checks.rules import BY_NAME, RULES
from lkj.checks.rules.quarters import facts_of
from lkj.dataset import records as rec
from lkj.dataset.summary import summarise
from lkj.dataset.writers import write_all
from lkj.extract import read
from lkj.model.document import Document
from lkj.model.errors import InputError
from lkj.model.names import DocKind
from lkj.model.settings import Settings
from lkj.normalizers.normalise import normalise_tables
from lkj.normalizers.text import Vocabulary, clean
from lkj.parsers.report_parser import parse_document

from .settings import one_process_per_file, resolve

SKIP_SUFFIXES = (".json", ".md", ".csv", ".parquet", ".duckdb", ".py", ".gitkeep")
OUTPUT_TABLES = ("reports", "rows", "anomalies", "review", "cells")


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


@dataclass
class FileResult:
    """One file's records, and what the run-scope rules and the quality score still need of it."""
    records: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in OUTPUT_TABLES})
    checked: dict[str, Counter] = field(default_factory=dict)     # report_id -> rule -> checks done
    facts: list = field(default_factory=list)                     # checks.rules.quarters.QuarterFact


def process_document(doc: Document, settings: Settings) -> FileResult:
    parsed = parse_document(doc)
    if not any(r.tables or r.doc_kind != DocKind.UNKNOWN for r in parsed.reports):
        raise InputError("parse", "not an LKj report: no performance tables (Perjanjian Kinerja, capaian, anggaran) "
                                  "and no LKj/PK heading found")
    vocab = Vocabulary(clean(ln.text) for ln in doc.lines) if parsed.flat or doc.is_paged else None
    contexts = [ReportContext(rep.seq, rep.meta, rep.doc_kind, normalise_tables(rep.tables, vocab, settings.match),
                              rep.lines, settings.checks, wrapped=parsed.wrapped, paged=doc.is_paged)
                for rep in parsed.reports]
    run_report_rules(contexts, RULES)
    res = FileResult()
    out = res.records
    for rep, ctx in zip(parsed.reports, contexts):
        rid = rec.report_id(doc.sha256, rep.seq)
        warnings = list(doc.warnings) + rep.warnings
        if not ctx.tables and rep.doc_kind in (DocKind.LKJ, DocKind.UNKNOWN):
            warnings.append("no performance tables found in this report")
        quality = quality_score(ctx.checked, [a.severity for a in ctx.found], BY_NAME)
        out["reports"].append(rec.report_record(rid, doc.source_file, doc.sha256, rep, ctx.tables, quality, warnings))
        res.checked[rid] = ctx.checked
        for t in ctx.tables:
            for r in t.rows:
                out["rows"].append(rec.row_record(rid, doc.source_file, rep.seq, r, doc.is_paged))
                out["cells"] += rec.cell_records(rid, doc.source_file, r, doc.is_paged)
                if r.indikator_match is not None and r.indikator_match.status == "review":
                    out["review"].append(rec.review_record(rid, doc.source_file, r))
        for k, a in enumerate(ctx.found):
            out["anomalies"].append(rec.anomaly_record(f"{rid}-a{k + 1:03d}", rid, doc.source_file, rep.seq, a))
        res.facts += facts_of(rid, ctx)
    return res


def _sha(path: str) -> str:
    try:
        with open(path, "rb") as fh:
            return hashlib.sha256(fh.read()).hexdigest()
    except OSError:
        return ""


def _one_line(exc: Exception) -> str:
    return (f"{type(exc).__name__}: {exc}".splitlines() or [type(exc).__name__])[0][:300]


def process_path(path: str, settings: Settings) -> tuple[FileResult | None, dict | None]:
    """One input file -> its results, or its failure record (never an exception)."""
    name = os.path.basename(path)
    try:
        try:
            doc = read(path, settings)
        except InputError:
            raise
        except Exception as exc:  # a reader bug must not lose the file either
            raise InputError("extract", _one_line(exc)) from exc
        try:
            return process_document(doc, settings), None
        except InputError:
            raise
        except Exception as exc:  # a parser bug must not lose the file: it goes to failures.csv
            raise InputError("parse", _one_line(exc)) from exc
    except InputError as exc:
        return None, rec.failure_record(name, _sha(path), exc.stage, str(exc))


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _results(files: list[str], settings: Settings):
    """(path, result, failure) for every file, in input order; files are read in parallel processes
    when there are several files and workers."""
    if settings.workers <= 1 or len(files) <= 1:
        for path in files:
            yield (path, *process_path(path, settings))
        return
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    each = one_process_per_file(settings)
    # the largest files first, so that no core is left with one big file at the end; results are
    # handed on in input order as soon as the files before them are done
    order = sorted(range(len(files)), key=lambda i: -_size(files[i]))
    ready: dict[int, tuple] = {}
    nxt = 0
    try:
        with ProcessPoolExecutor(max_workers=settings.workers) as ex:
            futures = {ex.submit(process_path, files[i], each): i for i in order}
            for fut in as_completed(futures):
                ready[futures[fut]] = fut.result()
                while nxt in ready:
                    yield (files[nxt], *ready.pop(nxt))
                    nxt += 1
    except BrokenProcessPool:
        # a worker died (a crash in a native library): the rest is read here, one by one
        for i in range(nxt, len(files)):
            yield (files[i], *(ready.pop(i) if i in ready else process_path(files[i], each)))


@dataclass
class RunSummary:
    files: int = 0
    reports: int = 0
    rows_by_kind: Counter = field(default_factory=Counter)
    anomalies_by_rule: Counter = field(default_factory=Counter)
    failures: list[dict] = field(default_factory=list)
    review: int = 0
    by_kecamatan: list[dict] = field(default_factory=list)


def run(inputs: list[str], out_dir: str, settings: Settings | None = None,
        on_file: Callable[[str], None] | None = None) -> RunSummary:
    settings = settings or resolve()
    files = collect_inputs(inputs)
    summary = RunSummary(files=len(files))
    tables: dict[str, list[dict]] = {t: [] for t in OUTPUT_TABLES}
    checked: dict[str, Counter] = {}
    facts: list = []
    for path, res, failure in _results(files, settings):
        if failure is not None:
            summary.failures.append(failure)
        else:
            for t, recs in res.records.items():
                tables[t] += recs
            checked.update(res.checked)
            facts += res.facts
        if on_file:
            on_file(path)
    _run_scope(tables, checked, facts, settings)
    reports, anomalies = tables["reports"], tables["anomalies"]
    summary.reports = len(reports)
    summary.rows_by_kind.update(r["table_kind"] for r in tables["rows"])
    summary.anomalies_by_rule.update(a["rule"] for a in anomalies)
    summary.review = len(tables["review"])
    summary.by_kecamatan = summarise(reports, anomalies)
    write_all(out_dir, {**tables, "failures": summary.failures, "summary": summary.by_kecamatan})
    from .export import write_run_report
    write_run_report(out_dir, settings)      # DIR/report.html, with the corrections kept in the folder
    return summary


def _run_scope(tables: dict[str, list[dict]], checked: dict[str, Counter], facts: list, settings: Settings) -> None:
    """The rules across the whole run (the same unit in several quarters); the quality score of a
    report they looked at is computed again with their checks and findings."""
    ctx = run_run_rules(facts, RULES, settings.checks)
    if not ctx.found and not ctx.checked:
        return
    by_id = {r["report_id"]: r for r in tables["reports"]}
    n: Counter = Counter()
    for rid, a in ctx.found:
        rep = by_id[rid]
        n[rid] += 1
        tables["anomalies"].append(rec.anomaly_record(f"{rid}-q{n[rid]:03d}", rid, rep["source_file"],
                                                      rep["report_seq"], a))
    for rid in set(ctx.checked) | set(n):
        if rid not in by_id:
            continue
        total = checked.get(rid, Counter()) + ctx.checked.get(rid, Counter())
        severities = [a["severity"] for a in tables["anomalies"] if a["report_id"] == rid]
        by_id[rid]["quality_score"] = quality_score(total, severities, BY_NAME)
