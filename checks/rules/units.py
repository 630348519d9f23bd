"""Units: a target in one unit and its realisasi in another ("12 Dokumen" vs "25%")."""
from __future__ import annotations

from ..registry import Anomaly, ReportContext, rule, where

_PLAIN = {"index", "angka", "nilai", "indeks"}


@rule("unit_mismatch", "warning", "target and realisasi (or the same target in two tables) are in different units")
def unit_mismatch(ctx: ReportContext):
    for t, r in ctx.rows("capaian", "cost_per_outcome", "pk"):
        if t.duplicate_of is not None:
            continue
        tu, ru = r.unit.get("target"), r.unit.get("realisasi")
        if tu and ru:
            ctx.checked["unit_mismatch"] += 1
            if tu != ru and tu not in _PLAIN and ru not in _PLAIN:
                yield Anomaly("unit_mismatch", "warning",
                              f"Target '{r.raw.get('target')}' ({tu}) and realisasi '{r.raw.get('realisasi')}' ({ru}) "
                              f"are in different units ({where(t, r)}).",
                              t.seq, r.row_index, "realisasi", r.raw.get("realisasi"), tu, r.line, r.page)
    # the same indikator's target written as a percentage in the PK and as a plain number elsewhere
    others = {}
    for t, r in ctx.rows("capaian", "cost_per_outcome"):
        if r.text.get("indikator") and r.num.get("target") is not None:
            others.setdefault(r.text["indikator"].lower(), []).append(r)
    for t, r in ctx.rows("pk"):
        ind = (r.text.get("indikator") or "").lower()
        if not ind or r.num.get("target") is None:
            continue
        for o in others.get(ind, []):
            if o.num["target"] == r.num["target"] and {r.unit.get("target"), o.unit.get("target")} & {"%"} \
                    and ({r.unit.get("target"), o.unit.get("target")} - {"%"}) & _PLAIN:
                ctx.checked["unit_mismatch"] += 1
                yield Anomaly("unit_mismatch", "warning",
                              f"Target '{r.raw.get('target')}' in the Perjanjian Kinerja is written as "
                              f"'{o.raw.get('target')}' in {o.table_title[:50] or 'another table'} ({where(t, r)}).",
                              t.seq, r.row_index, "target", r.raw.get("target"), o.raw.get("target"), r.line, r.page)
                break
