"""Rules across the reports of a whole run: one kecamatan's unit reporting the same indikator in
several quarters of a year.

* cumulative_decrease: realisasi is cumulative within the year (s.d. triwulan); a later quarter's
  realisasi below an earlier quarter's, in the same unit of measure, is an error of one of them.
* pk_target_change: the Perjanjian Kinerja target of an indikator changes from one quarter to the next
  although the later report has no Perubahan Perjanjian Kinerja.

The pipeline keeps only these small facts per report (not the documents), so a batch of thousands of
files costs little memory.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..registry import ReportContext, RunContext, show_number


@dataclass(frozen=True)
class QuarterFact:
    report_id: str
    place: tuple                # (kabupaten, kecamatan, unit)
    year: int
    quarter: int
    indikator_id: str
    indikator: str
    field: str                  # "realisasi" (capaian tables) or "target" (PK)
    value: float
    unit: str | None
    raw: str
    table_seq: int
    row_index: int
    line: int | None
    page: int | None
    perubahan: bool             # the report's PK is a Perubahan Perjanjian Kinerja


def facts_of(report_id: str, ctx: ReportContext) -> list[QuarterFact]:
    """The small facts a run-scope rule needs of one report (the documents are not kept)."""
    m = ctx.meta
    if m.quarter is None or m.year is None or not m.kecamatan:
        return []
    perubahan = any("perubahan" in (t.title or "").lower() for t in ctx.tables if t.kind == "pk")
    out = []
    for t in ctx.tables:
        if t.duplicate_of is not None or t.kind not in ("pk", "capaian"):
            continue
        f = "target" if t.kind == "pk" else "realisasi"
        for r in t.rows:
            v = r.num.get(f)
            if r.indikator_id and v is not None:
                out.append(QuarterFact(report_id, (m.kabupaten, m.kecamatan, m.unit), m.year, m.quarter,
                                       r.indikator_id, r.text.get("indikator") or "", f, v, r.unit.get(f),
                                       r.raw.get(f, ""), t.seq, r.row_index, r.line, r.page, perubahan))
    return out


def _quarter_pairs(facts: list[QuarterFact], field: str):
    """(place, year, earlier fact, later fact) for consecutive quarters of one indikator."""
    groups: dict[tuple, dict[int, QuarterFact]] = {}
    for f in facts:
        if f.field == field:
            groups.setdefault((f.place, f.year, f.indikator_id), {}).setdefault(f.quarter, f)
    for (place, year, _), by_q in groups.items():
        qs = sorted(by_q)
        for a, b in zip(qs, qs[1:]):
            if by_q[a].unit == by_q[b].unit:
                yield place, year, by_q[a], by_q[b]


def cumulative_decrease(ctx: RunContext) -> None:
    for place, year, fa, fb in _quarter_pairs(ctx.facts, "realisasi"):
        ctx.tick(report_id=fb.report_id)
        if fb.value < fa.value - 1e-9:
            ctx.flag(fb.report_id,
                     f"Realisasi of '{fb.indikator}' ({place[2]}, Kecamatan {place[1]}) is {fb.raw} in Triwulan "
                     f"{fb.quarter} of {year} but was already {fa.raw} in Triwulan {fa.quarter}; a cumulative value "
                     f"cannot go down.", fb.table_seq, fb.row_index, "realisasi", fb.raw,
                     f">= {show_number(fa.value)}", fb.line, fb.page)


def pk_target_change(ctx: RunContext) -> None:
    for place, year, fa, fb in _quarter_pairs(ctx.facts, "target"):
        ctx.tick(report_id=fb.report_id)
        if abs(fb.value - fa.value) > 1e-9 and not fb.perubahan:
            ctx.flag(fb.report_id,
                     f"The Perjanjian Kinerja target of '{fb.indikator}' ({place[2]}, Kecamatan {place[1]}) is "
                     f"{fb.raw} in Triwulan {fb.quarter} of {year} but was {fa.raw} in Triwulan {fa.quarter}, with "
                     f"no Perubahan Perjanjian Kinerja.", fb.table_seq, fb.row_index, "target", fb.raw, fa.raw,
                     fb.line, fb.page)
