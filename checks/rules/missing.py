"""Missing values: a cell that must be filled is empty.

(a) capaian anggaran left empty although pagu and realisasi anggaran are given;
(b) one value of a row's kinerja (target, realisasi, capaian) or budget (pagu, realisasi anggaran,
    capaian anggaran) left empty while the row gives the other two: a row that carries no budget at
    all (an outcome indicator above its programs) or no kinerja at all (a budget line) misses nothing;
(d) a row that gives its target alone while every other row of its level gives kinerja and budget;
(c) an Indikator Kinerja column empty in every indicator row (a unit word shifted into it is no indikator).
On a scan an empty cell may be one the OCR did not read: a finding there is a doubt.
"""
from __future__ import annotations

import re

from lkj.normalizers.units import is_count_unit

from ..registry import ReportContext, where

GROUPS = (("target", "realisasi", "capaian"), ("pagu", "realisasi_anggaran", "capaian_anggaran"))


def _only_units(text: str) -> bool:
    """A cell holding unit words only ("lapora n Lapora n": a satuan shifted into the Indikator column)."""
    s = re.sub(r"[^a-z]", "", text.lower())
    while s:
        n = next((k for k in range(len(s), 2, -1) if is_count_unit(s[:k])), 0)
        if not n:
            return False
        s = s[n:]
    return True


def _scanned(r) -> str | None:
    return "the row was read by OCR: the cell may be one the OCR missed" \
        if any(c.conf is not None for c in r.cells.values()) else None


def missing_value(ctx: ReportContext) -> None:
    for t in ctx.tables:
        if t.duplicate_of is not None or t.kind in ("comparison",):
            continue
        for r in t.rows:
            if r.level == "total":
                continue
            # (a) capaian anggaran left empty although pagu and realisasi are given
            if "capaian_anggaran" in t.fields and r.num.get("pagu") and r.raw.get("realisasi_anggaran") \
                    and not r.raw.get("capaian_anggaran"):
                ctx.tick()
                exp = (r.num.get("realisasi_anggaran") or 0) / r.num["pagu"] * 100
                ctx.flag(f"Capaian anggaran is empty although pagu and realisasi are given (would be {exp:.2f}%) "
                         f"({where(t, r)}).", table=t, row=r, field="capaian_anggaran", reported="",
                         expected=f"{exp:.2f}", doubt=_scanned(r))
                continue
            # (b) one value of a group left empty while the row gives the other two
            for group in GROUPS:
                if not all(f in t.fields for f in group):
                    continue
                empty = [f for f in group if not (r.raw.get(f) or "").strip()]
                if len(empty) != 1:
                    continue
                ctx.tick()
                f = empty[0]
                given = " and ".join(g.replace("_", " ") for g in group if g != f)
                ctx.flag(f"{f.replace('_', ' ').capitalize()} is empty although the row gives its {given} "
                         f"({where(t, r)}).", table=t, row=r, field=f, reported="", expected="",
                         doubt=_scanned(r))
        # (d) a row that gives its target alone while every other row of its level gives kinerja and budget
        full = [r for r in t.rows if all((r.raw.get(f) or "").strip() for g in GROUPS for f in g if f in t.fields)]
        if all(f in t.fields for g in GROUPS for f in g):
            for r in t.rows:
                given = [f for g in GROUPS for f in g if (r.raw.get(f) or "").strip()]
                peers = [x for x in full if x.level == r.level and x is not r]
                if given == ["target"] and len(peers) >= 4 and len(peers) == sum(1 for x in t.rows
                                                                                  if x.level == r.level) - 1:
                    ctx.tick()
                    ctx.flag(f"Realisasi, capaian and the budget are empty although the row gives its target and "
                             f"the other {len(peers)} rows of its level give them ({where(t, r)}).", table=t, row=r,
                             field="realisasi", reported="", expected="", doubt=_scanned(r))
        # (c) an indikator column that is empty in every row
        if "indikator" in t.fields and t.kind in ("capaian", "cost_per_outcome", "pk"):
            ind_rows = [r for r in t.rows if r.level in (None, "indicator")]
            if len(ind_rows) >= 2 and not any(r.raw.get("indikator") and not _only_units(r.raw["indikator"])
                                              for r in ind_rows):
                ctx.tick()
                r0 = ind_rows[0]
                ctx.flag(f"The Indikator Kinerja column of {t.title[:60] or t.kind} is empty in all "
                         f"{len(ind_rows)} indicator rows.", table=t, field="indikator", reported="", expected="",
                         line=r0.line, page=r0.page)
