"""Arithmetic inside a row: capaian = realisasi / target, capaian anggaran = realisasi / pagu,
sisa = pagu - realisasi, efisiensi by the formula the table states."""
from __future__ import annotations

import re

from lkj.normalizers.nomenclature import fold_name

from ..registry import ReportContext, show_number, where



def capaian_arithmetic(ctx: ReportContext) -> None:
    for t, r in ctx.rows("capaian", "cost_per_outcome"):
        if t.duplicate_of is not None:
            continue
        T, R, C = r.num.get("target"), r.num.get("realisasi"), r.num.get("capaian")
        if T is None or R is None or C is None or T == 0:
            continue
        ctx.tick()
        exp = R / T * 100.0
        if abs(C - exp) <= ctx.settings.rounding:
            continue
        tu, ru = r.unit.get("target"), r.unit.get("realisasi")
        if tu != ru and ru == "%" and abs(C - R) <= ctx.settings.rounding:
            continue          # target in another unit, capaian taken as the % realisasi: consistent reading
        ctx.flag(f"Capaian {show_number(C)}% does not follow from realisasi {r.raw.get('realisasi')} / target "
                      f"{r.raw.get('target')} = {exp:.2f}% ({where(t, r)}).", table=t, row=r, field="capaian", reported=r.raw.get("capaian"), expected=f"{exp:.2f}")


def budget_arithmetic(ctx: ReportContext) -> None:
    for t, r in ctx.rows("cost_per_outcome", "lra", "pk_budget"):
        if t.duplicate_of is not None:
            continue
        P, RA = r.num.get("pagu"), r.num.get("realisasi_anggaran")
        if P is None or RA is None or r.raw.get("realisasi_anggaran", "") == "":
            continue
        CA = r.num.get("capaian_anggaran")
        if CA is not None and P > 0:
            ctx.tick()
            exp = RA / P * 100.0
            if abs(CA - exp) > ctx.settings.rounding:
                ctx.flag(f"Capaian anggaran {r.raw.get('capaian_anggaran')} does not follow from realisasi "
                              f"{show_number(RA)} / pagu {show_number(P)} = {exp:.2f}% ({where(t, r)}).", table=t, row=r, field="capaian_anggaran", reported=r.raw.get("capaian_anggaran"), expected=f"{exp:.2f}")
        S = r.num.get("sisa")
        if S is not None and r.raw.get("sisa", "") != "" and P >= 0:
            ctx.tick()
            exp = P - RA
            if abs(S - exp) > ctx.settings.rupiah_tolerance:
                ctx.flag(f"Sisa {show_number(S)} is not pagu {show_number(P)} - realisasi {show_number(RA)} = {show_number(exp)} ({where(t, r)}).", table=t, row=r, field="sisa", reported=r.raw.get("sisa"), expected=show_number(exp))


def _formula_kind(t) -> str | None:
    f = (t.formulas.get("efisiensi") or "").replace(" ", "")
    if re.search(r"=\d+-\d+", f):
        return "difference"
    if re.search(r"=\d+/\d+", f):
        return "ratio"
    return None


def _infer_formula(t, tolerance: float) -> str | None:
    """No formula stated: use the difference when most rows with both capaian follow it."""
    fit = n = 0
    for r in t.rows:
        K, A, E = r.num.get("capaian"), r.num.get("capaian_anggaran"), r.num.get("efisiensi")
        if None in (K, A, E):
            continue
        n += 1
        fit += abs((K - A) - E) <= tolerance
    return "difference" if n >= 2 and fit * 2 > n else None


def _bundle_capaian(bundle: list[ReportContext]) -> dict[str, float]:
    """Capaian kinerja of programs / kegiatan / sub kegiatan anywhere in the bundle, by folded name."""
    out: dict[str, float] = {}
    for other in bundle:
        for t, r in other.rows("cost_per_outcome", "capaian"):
            name = r.text.get("name")
            C = r.num.get("capaian")
            if name and C is not None and r.level in ("program", "kegiatan", "sub_kegiatan"):
                out.setdefault(fold_name(name), C)
    return out


def efisiensi_arithmetic(ctx: ReportContext) -> None:
    lookup = None
    for t in ctx.tables:
        if t.kind not in ("cost_per_outcome", "efisiensi") or t.duplicate_of is not None:
            continue
        form = _formula_kind(t) or _infer_formula(t, ctx.settings.efisiensi_tolerance)
        for r in t.rows:
            E = r.num.get("efisiensi")
            if E is None:
                continue
            P, RA, A = r.num.get("pagu"), r.num.get("realisasi_anggaran"), r.num.get("capaian_anggaran")
            if P == 0 and (RA or 0) == 0 and (A or 0) == 0 and E != 0:
                ctx.tick()
                ctx.flag(f"Efisiensi {r.raw.get('efisiensi')} is written for a budget line with pagu 0 and no "
                              f"spending; no efisiensi can be derived ({where(t, r)}).", table=t, row=r, field="efisiensi", reported=r.raw.get("efisiensi"), expected="")
                continue
            if form is None or A is None:
                continue
            K = r.num.get("capaian")
            T, R = r.num.get("target"), r.num.get("realisasi")
            if T and R is not None and r.unit.get("target") == r.unit.get("realisasi"):
                K = R / T * 100.0            # the unrounded capaian, not the rounded one written
            source = "its capaian kinerja"
            if K is None and r.level in ("program", "kegiatan", "sub_kegiatan") and r.text.get("name"):
                if lookup is None:
                    lookup = ctx.per_bundle(_bundle_capaian)
                K = lookup.get(fold_name(r.text["name"]))
                source = "the capaian kinerja reported for it elsewhere in the bundle"
            if K is None:
                continue
            ctx.tick()
            exp = K - A if form == "difference" else (K / A * 100.0 if A else None)
            if exp is None or abs(E - exp) <= ctx.settings.efisiensi_tolerance:
                continue
            ctx.flag(f"Efisiensi {r.raw.get('efisiensi')} does not follow the table's formula: {source} "
                          f"{K:.2f}% {'-' if form == 'difference' else '/'} capaian anggaran {A:.2f}% = {exp:.2f} "
                          f"({where(t, r)}).", table=t, row=r, field="efisiensi", reported=r.raw.get("efisiensi"), expected=f"{exp:.2f}")
