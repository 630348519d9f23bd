"""Values no report can have: realisasi anggaran above pagu, capaian above 150%, a negative amount."""
from __future__ import annotations

import re

from ..registry import ReportContext, show_number, where
from .common import value_text


_BALANCE = re.compile(r"surplus|defisit|pembiayaan\s+netto|selisih")


def implausible_value(ctx: ReportContext) -> None:
    for t, r in ctx.rows():
        if t.duplicate_of is not None or t.kind == "comparison":
            continue
        P, RA = r.num.get("pagu"), r.num.get("realisasi_anggaran")
        if P is not None and RA is not None and P > 0:
            ctx.tick()
            if RA > P * 1.0001:
                ctx.flag(f"Realisasi anggaran {show_number(RA)} is above the pagu {show_number(P)} ({where(t, r)}).", table=t, row=r, field="realisasi_anggaran", reported=value_text(r, "realisasi_anggaran"), expected=f"<= {show_number(P)}")
                continue
        C = r.num.get("capaian")
        if C is not None:
            ctx.tick()
            if C > 150:
                ctx.flag(f"Capaian {show_number(C)}% is above 150% ({where(t, r)}): a target set far too low or a "
                              f"misread value.", table=t, row=r, field="capaian", reported=value_text(r, "capaian"), expected="<= 150")
                continue
        if _BALANCE.search((r.text.get("name") or "").lower()):
            continue            # a balance row may be negative
        for f in ("pagu", "realisasi_anggaran", "target", "realisasi", "capaian_anggaran"):
            v = r.num.get(f)
            if v is not None and v < 0:
                ctx.flag(f"{f.replace('_', ' ').capitalize()} is negative ({value_text(r, f)}) ({where(t, r)}).", table=t, row=r, field=f, reported=value_text(r, f), expected=">= 0")
                break
