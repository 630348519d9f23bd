"""Anomaly rules as data, and the machinery that runs them.

A `Rule` declares its name, severity, scope and one check function.  The scope says what the check
looks at:
    report   one report's tables and text
    bundle   one report against the other reports of its source file (a bundle)
    run      the facts kept of every report of the run (the same unit in several quarters)
A check reports what it finds through its context: `ctx.flag(...)` fills in the rule's name and
severity and the location (table, row, line or page), and `ctx.tick()` counts one check done; the
counts are kept per rule by the context, for the quality score.  A check only ever flags its own
rule.  The rules are listed in checks/rules/__init__.py, not registered by importing them.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum
from typing import Callable, Iterable

from lkj.model.anomaly import Anomaly
from lkj.model.document import Line
from lkj.model.names import MONEY, NUMERIC_FIELDS, PERCENT, Severity
from lkj.model.parsed import ReportMeta
from lkj.model.settings import CheckSettings
from lkj.model.tables import Row, Table


_GROUPED = re.compile(r"\d[.,]\d{3}(?:[.,]\d{3})*(?![\d])")


_VALUE_TOKEN = re.compile(r"(?i)(rp\.?)?[-–(]?\d[\d.,]*\)?%?|[-–—]")


def two_values(raw: str) -> bool:
    """A cell holding two values set apart ("91,50% 86,11%", "- 0%", "12 Laporan 9 Laporan"): the
    reader put two columns' values in one cell.  The cell must be values only, or each value followed
    by the same unit word: a number grouped with spaces ("2 648 039") is one value, and a cell of
    words with numbers in them ("1 Jan s/d Juni 2023", "1 Januari 2023") is text, not two values."""
    toks = raw.split()
    if len(toks) < 2:
        return False
    if all(_VALUE_TOKEN.fullmatch(t) for t in toks):
        return not all(re.fullmatch(r"\d{3}%?", t) for t in toks[1:])
    vals, words = toks[0::2], toks[1::2]
    return (len(toks) % 2 == 0 and len(vals) >= 2 and all(_VALUE_TOKEN.fullmatch(t) for t in vals)
            and all(w.isalpha() for w in words) and len({w.casefold() for w in words}) == 1)


def misfits(r: Row) -> list[str]:
    """Values of a row written in the shape of another column: a rupiah amount with a '%' or far below the
    row's other amounts and written without thousands, a percentage written like a rupiah amount; a
    cell holding two values (the row was read across its columns)."""
    out = []
    # two values in one cell beside an empty value cell of the same row: a neighbour's value moved in
    # (a stray mark read beside a value, with every column filled, shifts nothing)
    empty = [f for f in NUMERIC_FIELDS if f in r.raw and not (r.raw.get(f) or "").strip()]
    for f in NUMERIC_FIELDS:
        raw = (r.raw.get(f) or "").strip()
        if raw and empty and two_values(raw):
            out.append(f"{f} '{raw}' holds two values beside an empty {empty[0]}: the row may have been "
                       f"read across columns")
    money = [r.num[f] for f in MONEY if r.num.get(f) and _GROUPED.search(r.raw.get(f) or "")]
    for f in MONEY:
        raw, v = (r.raw.get(f) or "").strip(), r.num.get(f)
        if not raw or not v:
            continue
        if "%" in raw or (money and not _GROUPED.search(raw) and abs(v) * 1000 < max(money)):
            out.append(f"{f} '{raw}' has the shape of another column: the row may have been read across columns")
    for f in PERCENT:
        raw, v = (r.raw.get(f) or "").strip(), r.num.get(f)
        if raw and v is not None and (abs(v) >= 1000 or (_GROUPED.search(raw) and "%" not in raw and abs(v) >= 100)):
            out.append(f"{f} '{raw}' has the shape of a rupiah amount: the row may have been read across columns")
    return out


_LABELS = ("indikator", "name", "sasaran", "kode")
# the values a row gives together: its kinerja, its budget
_VALUE_GROUPS = (("target", "realisasi", "capaian"), ("pagu", "realisasi_anggaran", "capaian_anggaran"))
_DASHES = {"-", "\u2013", "\u2014"}


def _split_rows(t: Table, rows: list[Row]) -> int:
    """Rows that give part of a group of values the table's other rows give whole (a target and
    realisasi without their capaian, a capaian alone): one such row is a cell left empty, several in
    one table are a row's values read on separate lines (text whose cells print at different heights)."""
    def given(r: Row, f: str) -> bool:
        # a value, or a dash for none: a stray mark the OCR read in an empty cell (".", "°") is neither
        return r.num.get(f) is not None or (r.raw.get(f) or "").strip() in _DASHES

    groups = [g for g in _VALUE_GROUPS if all(f in t.fields for f in g) and any(all(given(r, f) for f in g) for r in rows)]
    return sum(1 for r in rows if any(0 < sum(1 for f in g if given(r, f)) < 3 for g in groups))


def table_doubt(t: Table) -> str | None:
    """Why a table as read is not to be trusted: its reader says it is incomplete, or a quarter of its
    rows carry numbers but no label, or values in the shape of another column (read across columns),
    or (two rows at least) part of a group of values the others give whole."""
    if not t.complete:
        return f"{t.title[:50] or t.kind} was not read completely"
    rows = [r for r in t.rows if r.level != "total" and any(r.num.get(f) is not None for f in NUMERIC_FIELDS)]
    if len(rows) < 2:
        return None
    name = t.title[:50] or t.kind
    bare = sum(1 for r in rows if not any((r.text.get(f) or "").strip() for f in _LABELS))
    crossed = sum(1 for r in rows if misfits(r))
    if 4 * max(bare, crossed) >= len(rows):
        what = "carry numbers but no label" if bare >= crossed else "hold values in the shape of another column"
        return f"{max(bare, crossed)} of the {len(rows)} rows of {name} {what}: the table was likely not read as printed"
    split = _split_rows(t, rows)
    if split >= 2 and 4 * split >= len(rows):
        return (f"{split} of the {len(rows)} rows of {name} give part of a group of values the other rows give "
                f"whole: a row's values were likely read apart")
    return None


class Scope(str, Enum):
    REPORT = "report"
    BUNDLE = "bundle"
    RUN = "run"


@dataclass(frozen=True)
class Rule:
    name: str
    severity: Severity
    scope: Scope
    check: Callable
    description: str                 # what the rule checks, in general terms
    fires: str = ""                  # what makes it fire
    spares: str = ""                 # what must not make it fire


class _Flagging:
    """What every context gives a check: flag() and tick() for the rule being checked."""
    rule: Rule | None = None

    def _begin(self, rule: Rule) -> None:
        self.rule = rule

    def tick(self, n: int = 1) -> None:
        """Count n checks done by the current rule (the quality score's denominator)."""
        assert self.rule is not None
        self.checked[self.rule.name] += n


@dataclass
class ReportContext(_Flagging):
    """What a report- or bundle-scope check sees: one report's metadata, normalised tables and text,
    and the other reports of its source file."""
    seq: int
    meta: ReportMeta
    doc_kind: str
    tables: list[Table]
    lines: list[Line]
    settings: CheckSettings = field(default_factory=CheckSettings)
    wrapped: bool = False            # the source wraps paragraphs over lines (PDF text, flat text)
    spaced: bool = False             # a blank line ends a paragraph (space-aligned text)
    elided: frozenset[int] = frozenset()   # source lines the reader left out: no gap between the lines around them
    paged: bool = False              # a PDF / DOCX: locations are pages, not lines
    bundle: list["ReportContext"] = field(default_factory=list)
    bundle_memo: dict = field(default_factory=dict)     # function -> its value for the bundle (shared by its reports)
    checked: Counter = field(default_factory=Counter)   # rule -> number of checks performed
    found: list[Anomaly] = field(default_factory=list)
    doubts: list[Anomaly] = field(default_factory=list)  # findings on values not read with confidence
    _sentences: list | None = None
    _page_of: dict | None = None
    _table_doubts: dict | None = None

    def sentences(self) -> list:
        """The narrative as sentences with entities (checks.sentences), computed once."""
        if self._sentences is None:
            from .sentences import sentences
            self._sentences = sentences(self.lines, self.tables, self.wrapped, self.spaced, self.elided)
        return self._sentences

    def per_bundle(self, func: Callable[[list["ReportContext"]], object]):
        """func(bundle), computed once for all the reports of this report's bundle."""
        if func not in self.bundle_memo:
            self.bundle_memo[func] = func(self.bundle or [self])
        return self.bundle_memo[func]

    def rows(self, *kinds: str) -> Iterable[tuple[Table, Row]]:
        for t in self.tables:
            if not kinds or t.kind in kinds:
                for r in t.rows:
                    yield t, r

    def unsure(self, *rows: Row, fields: Iterable[str] | None = None) -> str | None:
        """Why a finding on these rows is not sure: a value of theirs (of `fields`, default every number)
        the reader doubts and the row's own arithmetic did not settle (an OCR reading below the
        confidence cut-off or read two ways: normalizers/settle.py), or one with the shape of another
        column (a percentage or a small count in a rupiah column, a rupiah amount in a percentage
        column: the row was likely read across its columns).  None when every value is sure."""
        low = []
        for r in rows:
            if r is None:
                continue
            for f in (fields if fields is not None else NUMERIC_FIELDS):
                if r.in_doubt(f):
                    c = r.conf(f)
                    low.append(f"{f} '{r.raw.get(f)}' read by OCR with doubt"
                               + (f" (confidence {c:.0f}/100)" if c is not None else ""))
            low += misfits(r)
        return "; ".join(low) or None

    def table_doubt(self, t: Table) -> str | None:
        """table_doubt(t), computed once per table."""
        if self._table_doubts is None:
            self._table_doubts = {}
        if id(t) not in self._table_doubts:
            self._table_doubts[id(t)] = table_doubt(t)
        return self._table_doubts[id(t)]

    def flag(self, message: str, table: Table | None = None, row: Row | None = None, field: str | None = None,
             reported: str | None = None, expected: str | None = None, line: int | None = None,
             page: int | None = None, table_seq: int | None = None, also: Iterable[Row] = (),
             doubt: str | None = None) -> None:
        """Record a finding of the current rule; the location defaults to the row's.  A finding on a row
        (or on the `also` rows it was compared with) holding a number read by OCR with low confidence, or
        one the rule calls doubtful (`doubt`: a table read incompletely), is a doubt, not a report anomaly."""
        assert self.rule is not None
        doubt = doubt or self.unsure(row, *also) or (self.table_doubt(table) if table is not None else None)
        if row is not None:
            line = line if line is not None else row.line
            page = page if page is not None else row.page
        if self.paged:
            if page is None and line is not None:
                if self._page_of is None:
                    self._page_of = {ln.no: ln.page for ln in self.lines}
                page = self._page_of.get(line)
            line = None          # a paged input's running line numbers mean nothing to a reader
        if table_seq is None and table is not None:
            table_seq = table.seq
        a = Anomaly(self.rule.name, self.rule.severity, message, table_seq, row.row_index if row is not None else None,
                    field, reported, expected, line, page, doubt)
        (self.doubts if doubt else self.found).append(a)


@dataclass
class RunContext(_Flagging):
    """What a run-scope check sees: the facts kept of every report of the run."""
    facts: list
    settings: CheckSettings = field(default_factory=CheckSettings)
    checked: dict = field(default_factory=dict)         # report_id -> Counter(rule -> checks)
    found: list[tuple[str, Anomaly]] = field(default_factory=list)

    def tick(self, n: int = 1, report_id: str | None = None) -> None:
        assert self.rule is not None
        self.checked.setdefault(report_id, Counter())[self.rule.name] += n

    def flag(self, report_id: str, message: str, table_seq: int | None = None, row_index: int | None = None,
             field: str | None = None, reported: str | None = None, expected: str | None = None,
             line: int | None = None, page: int | None = None) -> None:
        assert self.rule is not None
        self.found.append((report_id, Anomaly(self.rule.name, self.rule.severity, message, table_seq, row_index,
                                              field, reported, expected, None if page else line, page)))


def run_report_rules(contexts: list[ReportContext], rules: Iterable[Rule]) -> None:
    """Run the report- and bundle-scope rules over the reports of one source file; each context
    collects its findings in `found` and its check counts in `checked`."""
    rules = [r for r in rules if r.scope in (Scope.REPORT, Scope.BUNDLE)]
    memo: dict = {}
    for ctx in contexts:
        ctx.bundle = contexts
        ctx.bundle_memo = memo
        for r in rules:
            ctx._begin(r)
            r.check(ctx)
        ctx.rule = None


def run_run_rules(facts: list, rules: Iterable[Rule], settings: CheckSettings) -> RunContext:
    ctx = RunContext(facts, settings)
    for r in rules:
        if r.scope == Scope.RUN:
            ctx._begin(r)
            r.check(ctx)
    ctx.rule = None
    return ctx


def quality_score(checked: Counter, severities: Iterable[str], rules: dict[str, Rule]) -> float | None:
    """0-100: severity-weighted share of checks passed (`severities`: of the report's anomalies).

    score = 100 * (1 - sum(weight of each anomaly) / sum(weight of each check performed)),
    where a rule's weight is its severity weight (error 3, warning 2, info 1).
    """
    total = sum(Severity(rules[k].severity).weight * n for k, n in checked.items() if k in rules)
    if total <= 0:
        return None
    bad = sum(Severity(s).weight for s in severities)
    return round(max(0.0, 100.0 * (1.0 - bad / total)), 1)


def show_number(v: float | None) -> str:
    """A number as a message shows it: whole numbers without decimals, thousands with dots."""
    if v is None:
        return ""
    if abs(v - round(v)) < 1e-9:
        return f"{int(round(v)):,}".replace(",", ".") if abs(v) >= 1000 else str(int(round(v)))
    return f"{v:.2f}"


def place(line: int | None, page: int | None) -> str:
    """Where a finding is, as a reader finds it: "page P" in a paged input, else "line L"."""
    return f"page {page}" if page else (f"line {line}" if line else "")


def where(t: Table, r: Row) -> str:
    name = r.text.get("indikator") or r.text.get("name") or r.text.get("sasaran") or r.raw.get("kode") or ""
    name = (name[:70] + "...") if len(name) > 73 else name
    title = t.title[:60] if t.title else t.kind
    loc = place(r.line, r.page)
    return f"{title}, row {r.row_index + 1}{' (' + name + ')' if name else ''}{', ' + loc if loc else ''}"
