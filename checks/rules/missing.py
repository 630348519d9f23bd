"""Missing values: a cell that must be filled is empty."""
from __future__ import annotations

from ..registry import Anomaly, ReportContext, rule, where

BUDGET = ("pagu", "realisasi_anggaran", "capaian_anggaran", "sisa")
KINERJA = ("target", "realisasi", "capaian")


@rule("missing_value", "warning", "a cell that must be filled is empty")
def missing_value(ctx: ReportContext):
    for t in ctx.tables:
        if t.duplicate_of is not None or t.kind in ("comparison",):
            continue
        # (a) capaian anggaran left empty although pagu and realisasi are given
        for r in t.rows:
            if "capaian_anggaran" in t.fields and r.num.get("pagu") and r.raw.get("realisasi_anggaran") \
                    and not r.raw.get("capaian_anggaran"):
                ctx.checked["missing_value"] += 1
                exp = (r.num.get("realisasi_anggaran") or 0) / r.num["pagu"] * 100
                yield Anomaly("missing_value", "warning",
                              f"Capaian anggaran is empty although pagu and realisasi are given (would be {exp:.2f}%) "
                              f"({where(t, r)}).", t.seq, r.row_index, "capaian_anggaran", "", f"{exp:.2f}",
                              r.line, r.page)
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
                    ctx.checked["missing_value"] += 1
                    yield Anomaly("missing_value", "warning",
                                  f"{f.replace('_', ' ').capitalize()} is empty while {filled} of {len(rows)} similar rows "
                                  f"give it ({where(t, r)}).", t.seq, r.row_index, f, "", "", r.line, r.page)
        # (c) an indikator column that is empty in every row
        if "indikator" in t.fields and t.kind in ("capaian", "cost_per_outcome", "pk"):
            ind_rows = [r for r in t.rows if r.level in (None, "indicator")]
            if len(ind_rows) >= 2 and not any(r.raw.get("indikator") for r in ind_rows):
                ctx.checked["missing_value"] += 1
                r0 = ind_rows[0]
                yield Anomaly("missing_value", "warning",
                              f"The Indikator Kinerja column of {t.title[:60] or t.kind} is empty in all "
                              f"{len(ind_rows)} indicator rows.", t.seq, None, "indikator", "", "", r0.line, r0.page)
