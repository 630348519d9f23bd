"""Anomaly rules as a registry: each rule is declared as data (name, severity, scope, description)
with one function that yields Anomaly records for a report (or a bundle of reports)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Iterable

from normalizers.rows import Row, Table


@dataclass
class Anomaly:
    rule: str
    severity: str
    message: str
    table_seq: int | None = None
    row_index: int | None = None
    field: str | None = None
    reported: str | None = None
    expected: str | None = None
    line: int | None = None
    page: int | None = None


@dataclass
class ReportContext:
    """What a rule sees: one report's metadata, normalised tables and text, and its bundle."""
    seq: int
    meta: object                     # parsers.records.ReportMeta
    doc_kind: str
    tables: list[Table]
    lines: list                      # extract.document.Line
    bundle: list["ReportContext"] = field(default_factory=list)
    checked: Counter = field(default_factory=Counter)   # rule -> number of checks performed
    wrapped: bool = False            # the source wraps paragraphs over lines (PDF text)
    shared: dict = field(default_factory=dict)          # computed once per bundle, shared by its reports
    _sentences: list | None = None

    def sentences(self) -> list:
        """The narrative as sentences with entities (checks.narrative), computed once."""
        if self._sentences is None:
            from .narrative import sentences
            self._sentences = sentences(self.lines, self.tables, self.wrapped)
        return self._sentences

    def rows(self, *kinds: str) -> Iterable[tuple[Table, Row]]:
        for t in self.tables:
            if not kinds or t.kind in kinds:
                for r in t.rows:
                    yield t, r


@dataclass
class Rule:
    name: str
    severity: str
    description: str
    funcs: list[Callable[[ReportContext], Iterable[Anomaly]]] = field(default_factory=list)


RULES: dict[str, Rule] = {}


def rule(name: str, severity: str, description: str | None = None):
    """Declare a rule (name, severity, description) and register the function that checks it; a rule
    checked in more than one place registers each function under the same name."""
    def deco(func: Callable[[ReportContext], Iterable[Anomaly]]):
        r = RULES.setdefault(name, Rule(name, severity, description or ""))
        if description and not r.description:
            r.description = description
        r.funcs.append(func)
        return func
    return deco


def fmt(v: float | None) -> str:
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


def run_checks(contexts: list[ReportContext]) -> list[tuple[ReportContext, Anomaly]]:
    from . import rules  # noqa: F401  (registers the rules)

    out: list[tuple[ReportContext, Anomaly]] = []
    shared: dict = {}
    for ctx in contexts:
        ctx.bundle = contexts
        ctx.shared = shared
        for r in RULES.values():
            for func in r.funcs:
                for a in func(ctx):
                    a.severity = a.severity or r.severity
                    out.append((ctx, a))
    return out


SEVERITY_WEIGHT = {"error": 3.0, "warning": 2.0, "info": 1.0}


def quality_score(ctx: ReportContext, anomalies: list[Anomaly]) -> float | None:
    """0-100: severity-weighted share of checks passed.

    score = 100 * (1 - sum(weight of each anomaly) / sum(weight of each check performed)),
    where a rule's weight is its severity weight (error 3, warning 2, info 1).
    """
    total = sum(SEVERITY_WEIGHT[RULES[k].severity] * n for k, n in ctx.checked.items() if k in RULES)
    if total <= 0:
        return None
    bad = sum(SEVERITY_WEIGHT.get(a.severity, 1.0) for a in anomalies)
    return round(max(0.0, 100.0 * (1.0 - bad / total)), 1)
