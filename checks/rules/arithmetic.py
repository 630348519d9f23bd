"""Arithmetic inside a row: capaian = realisasi / target, capaian anggaran = realisasi / pagu,
sisa = pagu - realisasi, efisiensi by the formula the table states."""
from __future__ import annotations

import re

from normalizers.catalogue import fold_name

from ..registry import Anomaly, ReportContext, fmt, rule, where

ROUNDING = 1.0        # reports round percentages to whole points (or truncate): allow one point
EFF_TOLERANCE = 0.25  # efisiensi is a difference of two rounded percentages


@rule("capaian_arithmetic", "error", "capaian kinerja is not realisasi / target x 100 (beyond one point of rounding)")
def capaian_arithmetic(ctx: ReportContext):
    for t, r in ctx.rows("capaian", "cost_per_outcome"):
        if t.duplicate_of is not None:
            continue
        T, R, C = r.num.get("target"), r.num.get("realisasi"), r.num.get("capaian")
        if T is None or R is None or C is None or T == 0:
            continue
        ctx.checked["capaian_arithmetic"] += 1
        exp = R / T * 100.0
        if abs(C - exp) <= ROUNDING:
            continue
        tu, ru = r.unit.get("target"), r.unit.get("realisasi")
        if tu != ru and ru == "%" and abs(C - R) <= ROUNDING:
            continue          # target in another unit, capaian taken as the % realisasi: consistent reading
        yield Anomaly("capaian_arithmetic", "error",
                      f"Capaian {fmt(C)}% does not follow from realisasi {r.raw.get('realisasi')} / target "
                      f"{r.raw.get('target')} = {exp:.2f}% ({where(t, r)}).",
                      t.seq, r.row_index, "capaian", r.raw.get("capaian"), f"{exp:.2f}", r.line, r.page)


@rule("budget_arithmetic", "error", "capaian anggaran is not realisasi / pagu, or sisa is not pagu - realisasi")
def budget_arithmetic(ctx: ReportContext):
    for t, r in ctx.rows("cost_per_outcome", "lra", "pk_budget"):
        if t.duplicate_of is not None:
            continue
        P, RA = r.num.get("pagu"), r.num.get("realisasi_anggaran")
        if P is None or RA is None or r.raw.get("realisasi_anggaran", "") == "":
            continue
        CA = r.num.get("capaian_anggaran")
        if CA is not None and P > 0:
            ctx.checked["budget_arithmetic"] += 1
            exp = RA / P * 100.0
            if abs(CA - exp) > ROUNDING:
                yield Anomaly("budget_arithmetic", "error",
                              f"Capaian anggaran {r.raw.get('capaian_anggaran')} does not follow from realisasi "
                              f"{fmt(RA)} / pagu {fmt(P)} = {exp:.2f}% ({where(t, r)}).",
                              t.seq, r.row_index, "capaian_anggaran", r.raw.get("capaian_anggaran"), f"{exp:.2f}",
                              r.line, r.page)
        S = r.num.get("sisa")
        if S is not None and r.raw.get("sisa", "") != "" and P >= 0:
            ctx.checked["budget_arithmetic"] += 1
            exp = P - RA
            if abs(S - exp) > 1.0:
                yield Anomaly("budget_arithmetic", "error",
                              f"Sisa {fmt(S)} is not pagu {fmt(P)} - realisasi {fmt(RA)} = {fmt(exp)} ({where(t, r)}).",
                              t.seq, r.row_index, "sisa", r.raw.get("sisa"), fmt(exp), r.line, r.page)


def _formula_kind(t) -> str | None:
    f = (t.formulas.get("efisiensi") or "").replace(" ", "")
    if re.search(r"=\d+-\d+", f):
        return "difference"
    if re.search(r"=\d+/\d+", f):
        return "ratio"
    return None


def _infer_formula(t) -> str | None:
    """No formula stated: use the difference when most rows with both capaian follow it."""
    fit = n = 0
    for r in t.rows:
        K, A, E = r.num.get("capaian"), r.num.get("capaian_anggaran"), r.num.get("efisiensi")
        if None in (K, A, E):
            continue
        n += 1
        fit += abs((K - A) - E) <= EFF_TOLERANCE
    return "difference" if n >= 2 and fit * 2 > n else None


def _bundle_capaian(ctx: ReportContext) -> dict[str, float]:
    """Capaian kinerja of programs / kegiatan / sub kegiatan anywhere in the bundle, by folded name."""
    out: dict[str, float] = {}
    for other in ctx.bundle:
        for t, r in other.rows("cost_per_outcome", "capaian"):
            name = r.text.get("name")
            C = r.num.get("capaian")
            if name and C is not None and r.level in ("program", "kegiatan", "sub_kegiatan"):
                out.setdefault(fold_name(name), C)
    return out


@rule("efisiensi_arithmetic", "warning", "efisiensi does not follow the formula the table states (e.g. 10=6-9)")
def efisiensi_arithmetic(ctx: ReportContext):
    lookup = None
    for t in ctx.tables:
        if t.kind not in ("cost_per_outcome", "efisiensi") or t.duplicate_of is not None:
            continue
        form = _formula_kind(t) or _infer_formula(t)
        for r in t.rows:
            E = r.num.get("efisiensi")
            if E is None:
                continue
            P, RA, A = r.num.get("pagu"), r.num.get("realisasi_anggaran"), r.num.get("capaian_anggaran")
            if P == 0 and (RA or 0) == 0 and (A or 0) == 0 and E != 0:
                ctx.checked["efisiensi_arithmetic"] += 1
                yield Anomaly("efisiensi_arithmetic", "warning",
                              f"Efisiensi {r.raw.get('efisiensi')} is written for a budget line with pagu 0 and no "
                              f"spending; no efisiensi can be derived ({where(t, r)}).",
                              t.seq, r.row_index, "efisiensi", r.raw.get("efisiensi"), "", r.line, r.page)
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
                    lookup = _bundle_capaian(ctx)
                K = lookup.get(fold_name(r.text["name"]))
                source = "the capaian kinerja reported for it elsewhere in the bundle"
            if K is None:
                continue
            ctx.checked["efisiensi_arithmetic"] += 1
            exp = K - A if form == "difference" else (K / A * 100.0 if A else None)
            if exp is None or abs(E - exp) <= EFF_TOLERANCE:
                continue
            yield Anomaly("efisiensi_arithmetic", "warning",
                          f"Efisiensi {r.raw.get('efisiensi')} does not follow the table's formula: {source} "
                          f"{K:.2f}% {'-' if form == 'difference' else '/'} capaian anggaran {A:.2f}% = {exp:.2f} "
                          f"({where(t, r)}).",
                          t.seq, r.row_index, "efisiensi", r.raw.get("efisiensi"), f"{exp:.2f}", r.line, r.page)
