"""The pipeline: input files -> Documents -> reports and rows -> normalised -> checked -> dataset.

`process_document` turns one Document into its records; `process_path` one file into its records
or its failure (never an exception).  A batch of files is `lkj.batch.run` (also importable from
here): the inputs listed, the store asked what is already done, the rest read by an engine and
committed file by file, then the run-scope rules and the exports.
"""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from lkj.checks.registry import ReportContext, quality_score, run_report_rules
from lkj.checks.rules import BY_NAME, RULES
from lkj.checks.rules.quarters import facts_of
from lkj.dataset import records as rec
from lkj.extract import display_name, read
from lkj.model.document import Document
from lkj.model.errors import InputError
from lkj.model.names import DocKind
from lkj.model.settings import Settings
from lkj.normalizers.normalise import normalise_tables
from lkj.normalizers.text import Vocabulary, clean
from lkj.parsers.report_parser import parse_document

OUTPUT_TABLES = ("reports", "rows", "anomalies", "review", "cells", "doubts")


def collect_inputs(paths: Iterable[str], settings: Settings | None = None) -> list[str]:
    """The files a run over these paths reads (files given, and files under folders given; what is
    listed but not read is in lkj.inputs.collect)."""
    from .listing import collect

    return [i.path for i in collect(list(paths), (settings or Settings()).limits) if not (i.skip or i.fail)]


@dataclass
class FileResult:
    """One file's records, and what the run-scope rules and the quality score still need of it."""
    records: dict[str, list[dict]] = field(default_factory=lambda: {t: [] for t in OUTPUT_TABLES})
    checked: dict[str, Counter] = field(default_factory=dict)     # report_id -> rule -> checks done
    facts: list = field(default_factory=list)                     # checks.rules.quarters.QuarterFact
    sha256: str = ""                                              # of the file's bytes
    pages: int | None = None


def process_document(doc: Document, settings: Settings) -> FileResult:
    parsed = parse_document(doc)
    if not any(r.tables or r.doc_kind != DocKind.UNKNOWN for r in parsed.reports):
        raise InputError("parse", "not an LKj report: no performance tables (Perjanjian Kinerja, capaian, anggaran) "
                                  "and no LKj/PK heading found")
    vocab = Vocabulary(clean(ln.text) for ln in doc.lines) if parsed.flat or doc.is_paged else None
    contexts = [ReportContext(rep.seq, rep.meta, rep.doc_kind, normalise_tables(rep.tables, vocab, settings.match),
                              rep.lines, settings.checks, wrapped=parsed.wrapped, spaced=parsed.spaced,
                              paged=doc.is_paged, elided=parsed.elided)
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
                out["cells"] += rec.cell_records(rid, doc.source_file, r, doc.is_paged, doc.page_names)
                if r.indikator_match is not None and r.indikator_match.status == "review":
                    out["review"].append(rec.review_record(rid, doc.source_file, r))
        for k, a in enumerate(ctx.found):
            out["anomalies"].append(rec.anomaly_record(f"{rid}-a{k + 1:03d}", rid, doc.source_file, rep.seq, a))
        for k, a in enumerate(ctx.doubts):
            out["doubts"].append(rec.doubt_record(f"{rid}-d{k + 1:03d}", rid, doc.source_file, rep.seq, a))
        res.facts += facts_of(rid, ctx)
    return res


def _one_line(exc: Exception) -> str:
    return (f"{type(exc).__name__}: {exc}".splitlines() or [type(exc).__name__])[0][:300]


def process_path(path: str, settings: Settings,
                 on_page: Callable[[int, int], None] | None = None) -> tuple[FileResult | None, dict | None]:
    """One input file -> its results, or its failure record (never an exception)."""
    name = display_name(os.path.basename(path))
    sha = ""
    try:
        try:
            doc = read(path, settings, on_page)
        except InputError:
            raise
        except Exception as exc:  # a reader bug must not lose the file either
            raise InputError("extract", _one_line(exc)) from exc
        sha = doc.sha256
        try:
            res = process_document(doc, settings)
        except InputError:
            raise
        except Exception as exc:  # a parser bug must not lose the file: it goes to failures.csv
            raise InputError("parse", _one_line(exc)) from exc
        res.sha256, res.pages = doc.sha256, doc.n_pages
        return res, None
    except InputError as exc:
        return None, rec.failure_record(name, sha, exc.stage, _one_line_text(str(exc)), display_name(path))


def _one_line_text(s: str) -> str:
    return (s.splitlines() or [""])[0][:300]


_BATCH_API = ("Plan", "RunSummary", "make_plan", "pipeline_version", "run")


def __getattr__(name: str):
    # the batch API (lkj/batch.py), here too; loaded when asked for (a worker imports this module
    # and needs none of it)
    if name in _BATCH_API:
        import lkj.batch

        return getattr(lkj.batch, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
