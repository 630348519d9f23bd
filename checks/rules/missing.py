"""Missing values: a cell that must be filled is empty."""
from __future__ import annotations

from lkj.model.names import ANGGARAN as BUDGET, KINERJA

from ..registry import ReportContext, where



def missing_value(ctx: ReportContext) -> None:
    for t in ctx.tables:
        if t.duplicate_of is not None or t.kind in ("comparison",):
            continue
        # (a) capaian anggaran left empty although pagu and realisasi are given
        for r in t.rows:
            if "capaian_anggaran" in t.fields and r.num.get("pagu") and r.raw.get("realisasi_anggaran") \
                    and not r.raw.get("capaian_anggaran"):
                ctx.tick()
                exp = (r.num.get("realisasi_anggaran") or 0) / r.num["pagu"] * 100
                ctx.flag(f"Capaian anggaran is empty although pagu and realisasi are given (would be {exp:.2f}%) "
                              f"({where(t, r)}).", table=t, row=r, field="capaian_anggaran", reported="", expected=f"{exp:.2f}")
        # (b) a value missing from a row while the rows of the same level have it
        by_level: dict = {}
        for r in t.rows:
            by_level.setdefault(r.level, []).append(r)
        for level, rows in by_level.items():
            if len(rows) < 4 or level == "total":
                continue
            for f in [x for x in BUDGET + KINERJA if x in t.fields]:
                filled = sum(1 for r in rows if r.raw.get(f))
                if filled < 0.75 * len(rows) or filled == len(rows):
                    continue
                for r in rows:
                    if r.raw.get(f):
                        continue
                    anchor = r.num.get("pagu") if f in BUDGET else r.num.get("target")
                    if f in ("pagu", "target"):
                        anchor = r.raw.get("kode") or r.text.get("name") or r.text.get("indikator")
                    if anchor in (None, ""):
                        continue
                    if f == "capaian_anggaran" and r.num.get("pagu") and r.raw.get("realisasi_anggaran"):
                        continue        # reported by (a)
                    ctx.tick()
                    ctx.flag(f"{f.replace('_', ' ').capitalize()} is empty while {filled} of {len(rows)} similar rows "
                                  f"give it ({where(t, r)}).", table=t, row=r, field=f, reported="", expected="")
        # (c) an indikator column that is empty in every row
        if "indikator" in t.fields and t.kind in ("capaian", "cost_per_outcome", "pk"):
            ind_rows = [r for r in t.rows if r.level in (None, "indicator")]
            if len(ind_rows) >= 2 and not any(r.raw.get("indikator") for r in ind_rows):
                ctx.tick()
                r0 = ind_rows[0]
                ctx.flag(f"The Indikator Kinerja column of {t.title[:60] or t.kind} is empty in all "
                              f"{len(ind_rows)} indicator rows.", table=t, field="indikator", reported="", expected="", line=r0.line, page=r0.page)
