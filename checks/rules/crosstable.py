"""Rules across the tables of a report and across the reports of a bundle (one source file):
the same indikator or the same program written with different values in two places."""
from __future__ import annotations

import math
import re

from rapidfuzz import fuzz

from normalizers.catalogue import fold_name, nomenclature_kode
from normalizers.indicators import MEASURES, fold_indicator

from ..registry import Anomaly, ReportContext, fmt, rule, where
from .units import _PLAIN



def _key(r) -> str | None:
    if r.indikator_id:
        return r.indikator_id
    t = r.text.get("indikator")
    return fold_indicator(t) if t else None


def _differ(a: float | None, b: float | None, rounding: bool = False) -> bool:
    """Targets and pagu are set values: any difference counts. Measured percentages may be rounded or
    truncated to whole points in a summary table (27,08 -> 27, 28,57 -> 28): `rounding` allows that."""
    if a is None or b is None:
        return False
    if abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0):
        return False
    if rounding:
        for x, y in ((a, b), (b, a)):
            if abs(y - round(y)) < 1e-9 and (round(x) == y or math.floor(x) == y):
                return False
    return True


def _core(text: str) -> str:
    """The indicator text without its measure words ("Prosentase Jumlah Desa ..." -> "desa ...")."""
    words = fold_indicator(text).split()
    while words and words[0] in MEASURES:
        words.pop(0)
    return " ".join(words)


def _pk_row(pk: dict, r):
    """The Perjanjian Kinerja row of the same indikator: same catalogue id, else the same words once
    the measure words are set aside."""
    k = _key(r)
    if k in pk:
        return pk[k]
    core = _core(r.text.get("indikator") or "")
    for t, pr in pk.values():
        if core and fuzz.token_sort_ratio(core, _core(pr.text.get("indikator") or "")) >= 95:
            return t, pr
    return None


def _val(r, f: str) -> str:
    return r.raw.get(f) or fmt(r.num.get(f))


def _live(ctx: ReportContext, *kinds: str):
    """Rows that carry an indikator (indicator rows, and program rows of tables that give each program
    its outcome indicator)."""
    for t, r in ctx.rows(*kinds):
        if t.duplicate_of is None and _key(r) and (r.level in (None, "indicator") or r.num.get("target") is not None):
            yield t, r


def _same_peer(ctx: ReportContext, other: ReportContext, same_quarter: bool) -> bool:
    a, b = ctx.meta, other.meta
    if other is ctx or not a.kecamatan or a.kecamatan != b.kecamatan or a.year != b.year:
        return False
    return not same_quarter or (a.quarter is not None and a.quarter == b.quarter)


@rule("target_mismatch", "warning",
      "the same indikator has another target in the Perjanjian Kinerja than in the capaian / cost-per-outcome "
      "tables, or other kinerja values in two tables or two reports of the bundle")
def target_mismatch(ctx: ReportContext):
    pk = {}
    for t, r in _live(ctx, "pk"):
        if r.num.get("target") is not None:
            pk.setdefault(_key(r), (t, r))
    seen: dict[str, tuple] = {}
    for t, r in _live(ctx, "capaian", "cost_per_outcome"):
        k = _key(r)
        flagged = False
        hit = _pk_row(pk, r) if r.num.get("target") is not None else None
        if hit is not None:
            pt, pr = hit
            ctx.checked["target_mismatch"] += 1
            a, b = pr.num["target"], r.num["target"]
            ua, ub = pr.unit.get("target"), r.unit.get("target")
            plain_vs_pct = {ua, ub} & {"%"} and ({ua, ub} - {"%"}) & _PLAIN      # unit_mismatch's case
            if _differ(a, b) or (ua != ub and ua and ub and not plain_vs_pct):
                flagged = True
                yield Anomaly("target_mismatch", "warning",
                              f"Target of '{r.text.get('indikator')}' is '{_val(pr, 'target')}' in the Perjanjian "
                              f"Kinerja ({pt.title[:50] or 'PK'}) but '{_val(r, 'target')}' in {where(t, r)}.",
                              t.seq, r.row_index, "target", _val(r, "target"), _val(pr, "target"), r.line, r.page)
        if k in seen and not flagged:
            st, sr = seen[k]
            if st.kind != t.kind:
                ctx.checked["target_mismatch"] += 1
                diff = [f for f in ("realisasi", "capaian")
                        if _differ(sr.num.get(f), r.num.get(f), _pct(sr, r, f))]
                quoted_realisasi = diff[:1] == ["capaian"] and r.num.get("realisasi") is None \
                    and sr.num.get("realisasi") is not None and not _differ(sr.num["realisasi"], r.num.get("capaian"))
                if quoted_realisasi:
                    # a summary table with one number per indicator quotes the realisasi as the capaian:
                    # the table's wording contradicts the measurement table, the numbers agree
                    yield Anomaly("narrative_mismatch", "warning",
                                  f"'{r.text.get('indikator')}' is given capaian '{_val(r, 'capaian')}' in {where(t, r)}, "
                                  f"but that is its realisasi in {st.title[:50] or st.kind}, where the capaian is "
                                  f"'{_val(sr, 'capaian')}'.",
                                  t.seq, r.row_index, "capaian", _val(r, "capaian"), _val(sr, "capaian"), r.line, r.page)
                elif diff:
                    f = diff[0]
                    yield Anomaly("target_mismatch", "warning",
                                  f"'{r.text.get('indikator')}' has {f} '{_val(sr, f)}' in {st.title[:50] or st.kind} "
                                  f"but '{_val(r, f)}' in {where(t, r)}.",
                                  t.seq, r.row_index, f, _val(r, f), _val(sr, f), r.line, r.page)
        seen.setdefault(k, (t, r))
    yield from _across_reports(ctx)


def _across_reports(ctx: ReportContext):
    """An earlier report of the bundle (same kecamatan, year) gives the same indikator another target,
    or (same quarter) another realisasi: flagged once, on the later report."""
    earlier = [o for o in ctx.bundle if o.seq < ctx.seq and _same_peer(ctx, o, same_quarter=False)]
    if not earlier:
        return
    ref: dict[str, list] = {}
    for o in earlier:
        for t, r in _live(o, "pk", "capaian", "cost_per_outcome"):
            if r.indikator_id:
                ref.setdefault(r.indikator_id, []).append((o, t, r))
    for t, r in _live(ctx, "pk", "capaian", "cost_per_outcome"):
        k = r.indikator_id
        if not k or k not in ref:
            continue
        verdicts: dict[str, list] = {"target": [], "realisasi": []}
        for o, ot, orow in ref[k]:
            for f in ("target", "realisasi"):
                if f == "realisasi" and (o.meta.quarter != ctx.meta.quarter or "pk" in (t.kind, ot.kind)):
                    continue            # realisasi is compared within one quarter, between result tables
                a, b = orow.num.get(f), r.num.get(f)
                if a is None or b is None or orow.unit.get(f) != r.unit.get(f):
                    continue
                ctx.checked["target_mismatch"] += 1
                verdicts[f].append((_differ(a, b, f == "realisasi" and _pct(orow, r, f)), o, ot, orow))
        for f, vs in verdicts.items():
            if vs and all(d for d, *_ in vs):
                _, o, ot, orow = vs[0]
                yield Anomaly("target_mismatch", "warning",
                              f"'{r.text.get('indikator')}' has {f} '{_val(r, f)}' here ({where(t, r)}) but "
                              f"'{_val(orow, f)}' in the {o.meta.unit} report (report {o.seq}, "
                              f"{ot.title[:40] or ot.kind}).",
                              t.seq, r.row_index, f, _val(r, f), _val(orow, f), r.line, r.page)
                ref.pop(k)      # one finding per indikator
                break


def _pct(a, b, f: str) -> bool:
    return f == "capaian" or (a.unit.get(f) == "%" and b.unit.get(f) == "%")


def _program_key(r) -> str | None:
    """A program / kegiatan: its kode, else the Permendagri-90 kode of its name, else its folded name."""
    if r.text.get("kode"):
        return r.text["kode"]
    n = r.text.get("name") or (r.text.get("indikator") if r.level in ("program", "kegiatan", "sub_kegiatan") else None)
    if not n or len(n) <= 10:
        return None
    return nomenclature_kode(n) or fold_name(n)


@rule("budget_mismatch", "warning",
      "the same program / kegiatan has another pagu in two tables of the report, or another realisasi "
      "for the same pagu in two reports of the bundle")
def budget_mismatch(ctx: ReportContext):
    first: dict[str, tuple] = {}
    for t, r in ctx.rows("pk_budget", "cost_per_outcome", "lra"):
        if t.duplicate_of is not None or r.level in ("indicator", "total") or r.num.get("pagu") is None:
            continue
        k = _program_key(r)
        if not k:
            continue
        if k in first and first[k][0].kind != t.kind:
            ft, fr = first[k]
            ctx.checked["budget_mismatch"] += 1
            if _differ(fr.num["pagu"], r.num["pagu"]):
                yield Anomaly("budget_mismatch", "warning",
                              f"Pagu of '{r.text.get('name')}' is {fmt(fr.num['pagu'])} in {ft.title[:50] or ft.kind} "
                              f"but {fmt(r.num['pagu'])} in {where(t, r)}.",
                              t.seq, r.row_index, "pagu", _val(r, "pagu"), fmt(fr.num["pagu"]), r.line, r.page)
        first.setdefault(k, (t, r))
    # across the bundle: same program, same pagu, same quarter, another realisasi
    peers = [o for o in ctx.bundle if o.seq < ctx.seq and _same_peer(ctx, o, same_quarter=True)]
    if not peers:
        return
    ref: dict[str, tuple] = {}
    for o in peers:
        for t, r in o.rows("cost_per_outcome", "lra", "pk_budget"):
            k = _program_key(r)
            if k and r.num.get("pagu") is not None and r.num.get("realisasi_anggaran") is not None:
                ref.setdefault((k, r.num["pagu"]), (o, t, r))
    for t, r in ctx.rows("cost_per_outcome", "lra", "pk_budget"):
        k = _program_key(r)
        if not k or r.num.get("pagu") is None or r.num.get("realisasi_anggaran") is None:
            continue
        hit = ref.get((k, r.num["pagu"]))
        if hit is None:
            continue
        o, ot, orow = hit
        ctx.checked["budget_mismatch"] += 1
        if _differ(orow.num["realisasi_anggaran"], r.num["realisasi_anggaran"]):
            yield Anomaly("budget_mismatch", "warning",
                          f"'{r.text.get('name')}' (pagu {fmt(r.num['pagu'])}) has realisasi "
                          f"{fmt(r.num['realisasi_anggaran'])} here ({where(t, r)}) but "
                          f"{fmt(orow.num['realisasi_anggaran'])} in the {o.meta.unit} report (report {o.seq}).",
                          t.seq, r.row_index, "realisasi_anggaran", _val(r, "realisasi_anggaran"),
                          fmt(orow.num["realisasi_anggaran"]), r.line, r.page)


@rule("entity_mismatch", "warning")
def borrowed_rows(ctx: ReportContext):
    """A row of an individual (non-Camat) report whose sasaran or indikator is not the unit's own (not in
    its other tables) but is word for word the Perjanjian Kinerja of another unit in the bundle."""
    if ctx.meta.unit in ("Camat", "Other") or ctx.doc_kind not in ("lkj", "unknown"):
        return
    others: dict[str, str] = {}
    for o in ctx.bundle:
        if o is ctx or o.meta.unit in ("Camat", "Other", ctx.meta.unit):
            continue
        for t, r in o.rows("pk"):
            for f in ("sasaran", "indikator"):
                if r.text.get(f):
                    others.setdefault(fold_indicator(r.text[f]), o.meta.unit)
    if not others:
        return
    by_kind: dict[str, set[str]] = {}
    for t, r in ctx.rows("pk", "capaian", "cost_per_outcome"):
        for f in ("sasaran", "indikator"):
            if r.text.get(f):
                by_kind.setdefault(t.kind, set()).add(fold_indicator(r.text[f]))
    reported: set[tuple] = set()
    for t, r in ctx.rows("pk", "capaian", "cost_per_outcome"):
        if t.duplicate_of is not None:
            continue
        own = set().union(*(v for k, v in by_kind.items() if k != t.kind)) if len(by_kind) > 1 else set()
        for f in ("sasaran", "indikator"):
            v = r.text.get(f)
            if not v:
                continue
            fv = fold_indicator(v)
            ctx.checked["entity_mismatch"] += 1
            if fv in others and fv not in own and (t.seq, fv) not in reported:
                reported.add((t.seq, fv))
                yield Anomaly("entity_mismatch", "warning",
                              f"The {f} '{v}' ({where(t, r)}) is the {others[fv]}'s, and no other table of this "
                              f"{ctx.meta.unit} report has it.",
                              t.seq, r.row_index, f, v, f"a {f} of the {ctx.meta.unit}", r.line, r.page)
                break


@rule("implausible_value", "warning", "a value no report can have: realisasi anggaran above pagu, capaian above "
      "150%, a negative amount")
def implausible_value(ctx: ReportContext):
    for t, r in ctx.rows():
        if t.duplicate_of is not None or t.kind == "comparison":
            continue
        P, RA = r.num.get("pagu"), r.num.get("realisasi_anggaran")
        if P is not None and RA is not None and P > 0:
            ctx.checked["implausible_value"] += 1
            if RA > P * 1.0001:
                yield Anomaly("implausible_value", "warning",
                              f"Realisasi anggaran {fmt(RA)} is above the pagu {fmt(P)} ({where(t, r)}).",
                              t.seq, r.row_index, "realisasi_anggaran", _val(r, "realisasi_anggaran"),
                              f"<= {fmt(P)}", r.line, r.page)
                continue
        C = r.num.get("capaian")
        if C is not None:
            ctx.checked["implausible_value"] += 1
            if C > 150:
                yield Anomaly("implausible_value", "warning",
                              f"Capaian {fmt(C)}% is above 150% ({where(t, r)}): a target set far too low or a "
                              f"misread value.", t.seq, r.row_index, "capaian", _val(r, "capaian"), "<= 150", r.line,
                              r.page)
                continue
        if re.search(r"surplus|defisit|pembiayaan\s+netto|selisih", (r.text.get("name") or "").lower()):
            continue            # a balance row may be negative
        for f in ("pagu", "realisasi_anggaran", "target", "realisasi", "capaian_anggaran"):
            v = r.num.get(f)
            if v is not None and v < 0:
                yield Anomaly("implausible_value", "warning",
                              f"{f.replace('_', ' ').capitalize()} is negative ({_val(r, f)}) ({where(t, r)}).",
                              t.seq, r.row_index, f, _val(r, f), ">= 0", r.line, r.page)
                break
