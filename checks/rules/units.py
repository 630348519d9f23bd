"""Units: a target in one unit and its realisasi in another ("12 Dokumen" vs "25%")."""
from __future__ import annotations

from ..registry import ReportContext, where
from .common import PLAIN_UNITS



def unit_mismatch(ctx: ReportContext) -> None:
    for t, r in ctx.rows("capaian", "cost_per_outcome", "pk"):
        if t.duplicate_of is not None:
            continue
        tu, ru = r.unit.get("target"), r.unit.get("realisasi")
        if tu and ru:
            ctx.tick()
            if tu != ru and tu not in PLAIN_UNITS and ru not in PLAIN_UNITS:
                ctx.flag(f"Target '{r.raw.get('target')}' ({tu}) and realisasi '{r.raw.get('realisasi')}' ({ru}) "
                              f"are in different units ({where(t, r)}).", table=t, row=r, field="realisasi", reported=r.raw.get("realisasi"), expected=tu)
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
                    and ({r.unit.get("target"), o.unit.get("target")} - {"%"}) & PLAIN_UNITS:
                ctx.tick()
                ctx.flag(f"Target '{r.raw.get('target')}' in the Perjanjian Kinerja is written as "
                              f"'{o.raw.get('target')}' in {o.table_title[:50] or 'another table'} ({where(t, r)}).", table=t, row=r, field="target", reported=r.raw.get("target"), expected=o.raw.get("target"))
                break
