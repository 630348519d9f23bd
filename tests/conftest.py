"""Shared fixtures: the seed reports taken through the stages one by one (reader, parsers,
normaliser, checks) without the pipeline, and once through the whole pipeline."""
import csv
import faulthandler
import os
import signal
import sys

import pytest

# a native library's trap (PDFium and Chromium stop the process with SIGTRAP when they find their
# memory corrupted) prints every thread's Python stack, as pytest already does for a segfault
faulthandler.register(signal.SIGTRAP, all_threads=True, chain=True)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "corpus", "seeds")
# the shared data: beside the checkout (../shared), or beside the folder of worktrees (../../shared)
SHARED = next((p for p in (os.path.join(os.path.dirname(ROOT), "shared"),
                           os.path.join(os.path.dirname(os.path.dirname(ROOT)), "shared")) if os.path.isdir(p)),
              os.path.join(os.path.dirname(ROOT), "shared"))
DEV = os.path.join(SHARED, "corpus", "synth")          # the development set, when this machine has it
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))        # tests/pdfmake.py


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def seed(prefix):
    for f in sorted(os.listdir(SEEDS)):
        if f.startswith(prefix):
            return f
    raise FileNotFoundError(prefix)


def as_csv(record: dict) -> dict:
    """A record as rows.csv / reports.csv / anomalies.csv would hold it (every value a string)."""
    from lkj.dataset.writers import cell_text
    return {k: cell_text(v) for k, v in record.items()}


class Staged:
    """One seed file taken through the stages: its Document, its parse, its checked report contexts."""

    def __init__(self, name: str, folder: str = SEEDS):
        from lkj.checks.registry import ReportContext, run_report_rules
        from lkj.checks.rules import RULES
        from lkj.extract import read
        from lkj.model.settings import DEFAULT
        from lkj.normalizers.normalise import normalise_tables
        from lkj.normalizers.text import Vocabulary, clean
        from lkj.parsers.report_parser import parse_document

        self.name = name
        self.doc = read(os.path.join(folder, name), DEFAULT)
        self.parsed = parse_document(self.doc)
        vocab = Vocabulary(clean(ln.text) for ln in self.doc.lines) if self.parsed.flat else None
        self.contexts = [ReportContext(r.seq, r.meta, r.doc_kind, normalise_tables(r.tables, vocab, DEFAULT.match),
                                       r.lines, DEFAULT.checks, wrapped=self.parsed.wrapped,
                                       spaced=self.parsed.spaced)
                         for r in self.parsed.reports]
        run_report_rules(self.contexts, RULES)

    def report_records(self):
        from lkj.dataset import records as rec
        return [as_csv(rec.report_record(rec.report_id(self.doc.sha256, r.seq), self.name, self.doc.sha256, r,
                                         c.tables, None, []))
                for r, c in zip(self.parsed.reports, self.contexts)]

    def row_records(self):
        from lkj.dataset import records as rec
        return [as_csv(rec.row_record(rec.report_id(self.doc.sha256, c.seq), self.name, c.seq, r, False))
                for c in self.contexts for t in c.tables for r in t.rows]

    def anomaly_records(self):
        from lkj.dataset import records as rec
        return [as_csv(rec.anomaly_record("", rec.report_id(self.doc.sha256, c.seq), self.name, c.seq, a))
                for c in self.contexts for a in c.found]


@pytest.fixture(scope="session")
def staged():
    """prefix -> the seed taken through the stages (computed once per seed)."""
    cache = {}

    def get(prefix):
        name = seed(prefix)
        if name not in cache:
            cache[name] = Staged(name)
        return cache[name]
    return get


def _where(recs, **where):
    for k, v in where.items():
        recs = [r for r in recs if r.get(k) == str(v)]
    return recs


@pytest.fixture
def rows_of(staged):
    """Rows of a seed as rows.csv would hold them, from the parsers and the normaliser."""
    return lambda prefix, **where: _where(staged(prefix).row_records(), **where)


@pytest.fixture
def reports_of(staged):
    """Reports of a seed as reports.csv would hold them, from the parsers."""
    return lambda prefix, **where: _where(staged(prefix).report_records(), **where)


@pytest.fixture
def anomalies_of(staged):
    """Findings of the report and bundle rules on a seed, as anomalies.csv would hold them."""
    def get(prefix, rule=None, report_seq=None):
        out = staged(prefix).anomaly_records()
        if rule:
            out = [a for a in out if a["rule"] == rule]
        if report_seq is not None:
            out = [a for a in out if a["report_seq"] == str(report_seq)]
        return out
    return get


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    """The whole pipeline run once over the shipped seed reports."""
    from lkj.model.settings import Settings
    from lkj.pipeline import run

    out = tmp_path_factory.mktemp("seeds_run")
    summary = run([SEEDS], str(out), Settings(workers=2))
    return {
        "dir": str(out),
        "summary": summary,
        **{n: read_csv(os.path.join(out, f"{n}.csv")) for n in ("reports", "rows", "anomalies", "failures", "cells")},
    }
