"""Rules across the reports of a whole run: one kecamatan's unit reporting the same indikator in
several quarters of a year.

* cumulative_decrease: realisasi is cumulative within the year (s.d. triwulan); a later quarter's
  realisasi below an earlier quarter's, in the same unit of measure, is an error of one of them.
* target_mismatch: the Perjanjian Kinerja target of an indikator changes from one quarter to the next
  although the later report has no Perubahan Perjanjian Kinerja.

The pipeline keeps only these small facts per report (not the documents), so a batch of thousands of
files costs little memory.
"""
from __future__ import annotations

from dataclasses import dataclass

from .registry import Anomaly, fmt, rule


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


# declared here so the registry lists them; they run once per run, not per report
rule("cumulative_decrease", "warning",
     "a cumulative realisasi goes down from one quarter to the next (same kecamatan, unit, indikator, year)")(
    lambda ctx: ())


def facts_of(report_id: str, ctx) -> list[QuarterFact]:
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


def check_quarters(facts: list[QuarterFact]) -> list[tuple[str, Anomaly]]:
    groups: dict[tuple, dict[int, QuarterFact]] = {}
    for f in facts:
        key = (f.place, f.year, f.indikator_id, f.field)
        groups.setdefault(key, {}).setdefault(f.quarter, f)
    out: list[tuple[str, Anomaly]] = []
    for (place, year, _, field), by_q in groups.items():
        qs = sorted(by_q)
        for a, b in zip(qs, qs[1:]):
            fa, fb = by_q[a], by_q[b]
            if fa.unit != fb.unit:
                continue
            if field == "realisasi" and fb.value < fa.value - 1e-9:
                out.append((fb.report_id, Anomaly(
                    "cumulative_decrease", "warning",
                    f"Realisasi of '{fb.indikator}' ({place[2]}, Kecamatan {place[1]}) is {fb.raw} in Triwulan {b} "
                    f"of {year} but was already {fa.raw} in Triwulan {a}; a cumulative value cannot go down.",
                    fb.table_seq, fb.row_index, "realisasi", fb.raw, f">= {fmt(fa.value)}", fb.line, fb.page)))
            elif field == "target" and abs(fb.value - fa.value) > 1e-9 and not fb.perubahan:
                out.append((fb.report_id, Anomaly(
                    "target_mismatch", "warning",
                    f"The Perjanjian Kinerja target of '{fb.indikator}' ({place[2]}, Kecamatan {place[1]}) is "
                    f"{fb.raw} in Triwulan {b} of {year} but was {fa.raw} in Triwulan {a}, with no Perubahan "
                    f"Perjanjian Kinerja.",
                    fb.table_seq, fb.row_index, "target", fb.raw, fa.raw, fb.line, fb.page)))
    return out
