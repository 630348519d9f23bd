"""Rules across the tables of a report and across the reports of a bundle (one source file):
the same indikator or the same program written with different values in two places."""
from __future__ import annotations

from ..registry import ReportContext, show_number, where
from .common import (PLAIN_UNITS, differ, indicator_key, indicator_rows, percent_like, pk_row, program_key,
                     value_text)


def kinerja_pairs(ctx: ReportContext):
    """The comparisons of one indikator's kinerja inside a report, in reading order:
    ("pk", t, r, pk_table, pk_row, differs): a capaian / cost-per-outcome row against the Perjanjian
    Kinerja row of its indikator (differs: another target, or another unit that is no plain number
    against a percentage, which is unit_mismatch's case); ("pair", t, r, first_table, first_row): the
    row against the indikator's first row in a table of another kind (when the PK did not differ)."""
    pk = {}
    for t, r in indicator_rows(ctx, "pk"):
        if r.num.get("target") is not None:
            pk.setdefault(indicator_key(r), (t, r))
    seen: dict[str, tuple] = {}
    for t, r in indicator_rows(ctx, "capaian", "cost_per_outcome"):
        k = indicator_key(r)
        flagged = False
        hit = pk_row(pk, r) if r.num.get("target") is not None else None
        if hit is not None:
            pt, pr = hit
            a, b = pr.num["target"], r.num["target"]
            ua, ub = pr.unit.get("target"), r.unit.get("target")
            plain_vs_pct = {ua, ub} & {"%"} and ({ua, ub} - {"%"}) & PLAIN_UNITS
            flagged = bool(differ(a, b) or (ua != ub and ua and ub and not plain_vs_pct))
            yield "pk", t, r, pt, pr, flagged
        if k in seen and not flagged:
            st, sr = seen[k]
            if st.kind != t.kind:
                yield "pair", t, r, st, sr
        seen.setdefault(k, (t, r))


def differing_kinerja(sr, r) -> list[str]:
    """The kinerja fields (realisasi, capaian) in which two rows of one indikator differ."""
    return [f for f in ("realisasi", "capaian") if differ(sr.num.get(f), r.num.get(f), percent_like(sr, r, f))]


def quotes_realisasi(sr, r) -> bool:
    """A summary table with one number per indicator that quotes the realisasi as its capaian."""
    return differing_kinerja(sr, r)[:1] == ["capaian"] and r.num.get("realisasi") is None \
        and sr.num.get("realisasi") is not None and not differ(sr.num["realisasi"], r.num.get("capaian"))


def target_mismatch(ctx: ReportContext) -> None:
    for event in kinerja_pairs(ctx):
        if event[0] == "pk":
            _, t, r, pt, pr, differs = event
            ctx.tick()
            if differs:
                ctx.flag(f"Target of '{r.text.get('indikator')}' is '{value_text(pr, 'target')}' in the Perjanjian "
                         f"Kinerja ({pt.title[:50] or 'PK'}) but '{value_text(r, 'target')}' in {where(t, r)}.",
                         t, r, "target", value_text(r, "target"), value_text(pr, "target"))
            continue
        _, t, r, st, sr = event
        ctx.tick()
        diff = differing_kinerja(sr, r)
        if diff and not quotes_realisasi(sr, r):      # a quoted realisasi is narrative_mismatch's
            f = diff[0]
            ctx.flag(f"'{r.text.get('indikator')}' has {f} '{value_text(sr, f)}' in {st.title[:50] or st.kind} "
                     f"but '{value_text(r, f)}' in {where(t, r)}.", t, r, f, value_text(r, f), value_text(sr, f))
    _across_reports(ctx)


def _first_budget_rows(bundle) -> dict[tuple, dict[tuple, tuple]]:
    """(kecamatan, year, quarter) -> (program key, pagu) -> its first (report, table, row) in the
    bundle with a realisasi; once per bundle (reading every earlier report again for each report made
    a bundle's cost grow with the square of its reports)."""
    out: dict[tuple, dict[tuple, tuple]] = {}
    for o in sorted(bundle, key=lambda c: c.seq):
        m = o.meta
        if not m.kecamatan or m.quarter is None:
            continue
        ref = out.setdefault((m.kecamatan, m.year, m.quarter), {})
        for t, r in o.rows("cost_per_outcome", "lra", "pk_budget"):
            k = program_key(r)
            if k and r.num.get("pagu") is not None and r.num.get("realisasi_anggaran") is not None:
                ref.setdefault((k, r.num["pagu"]), (o, t, r))
    return out


def _indicator_values(bundle) -> dict[tuple, dict[str, dict[tuple, list]]]:
    """(kecamatan, year) -> indikator id -> field -> the distinct (quarter, in a PK, value, unit) the
    bundle's reports give it, each with [order of its first row, its first (report, table, row), the
    seqs of the reports that give it]: an earlier-reports comparison then looks at each distinct value
    once instead of at every earlier row (same verdicts, same counts of checks)."""
    out: dict[tuple, dict[str, dict[tuple, list]]] = {}
    order = 0
    for o in sorted(bundle, key=lambda c: c.seq):
        if not o.meta.kecamatan:
            continue
        by_id = out.setdefault((o.meta.kecamatan, o.meta.year), {})
        for t, r in indicator_rows(o, "pk", "capaian", "cost_per_outcome"):
            if not r.indikator_id:
                continue
            order += 1
            for f in ("target", "realisasi"):
                a = r.num.get(f)
                if a is None:
                    continue
                key = (o.meta.quarter, t.kind == "pk", a, r.unit.get(f))
                cls = by_id.setdefault(r.indikator_id, {}).setdefault(f, {}).setdefault(key, [order, (o, t, r), []])
                cls[2].append(o.seq)
    return out


def _across_reports(ctx: ReportContext) -> None:
    """An earlier report of the bundle (same kecamatan, year) gives the same indikator another target,
    or (same quarter) another realisasi: flagged once, on the later report."""
    from bisect import bisect_left

    if not ctx.meta.kecamatan:
        return
    ref = ctx.per_bundle(_indicator_values).get((ctx.meta.kecamatan, ctx.meta.year), {})
    done: set[str] = set()
    for t, r in indicator_rows(ctx, "pk", "capaian", "cost_per_outcome"):
        k = r.indikator_id
        if not k or k not in ref or k in done:
            continue
        verdicts: dict[str, list] = {"target": [], "realisasi": []}
        for f in ("target", "realisasi"):
            b = r.num.get(f)
            if b is None:
                continue
            for (quarter, in_pk, a, unit), (first, (o, ot, orow), seqs) in ref[k].get(f, {}).items():
                if f == "realisasi" and (quarter != ctx.meta.quarter or in_pk or t.kind == "pk"):
                    continue            # realisasi is compared within one quarter, between result tables
                if unit != r.unit.get(f):
                    continue
                n = bisect_left(seqs, ctx.seq)          # rows of earlier reports with this value
                if not n:
                    continue
                ctx.tick(n)
                verdicts[f].append((first, differ(a, b, f == "realisasi" and percent_like(orow, r, f)), o, ot, orow))
        for f, vs in verdicts.items():
            if vs and all(d for _, d, *_ in vs):
                _, _, o, ot, orow = min(vs, key=lambda v: v[0])
                ctx.flag(f"'{r.text.get('indikator')}' has {f} '{value_text(r, f)}' here ({where(t, r)}) but "
                         f"'{value_text(orow, f)}' in the {o.meta.unit} report (report {o.seq}, "
                         f"{ot.title[:40] or ot.kind}).", t, r, f, value_text(r, f), value_text(orow, f))
                done.add(k)     # one finding per indikator
                break


def budget_mismatch(ctx: ReportContext) -> None:
    first: dict[str, tuple] = {}
    for t, r in ctx.rows("pk_budget", "cost_per_outcome", "lra"):
        if t.duplicate_of is not None or r.level in ("indicator", "total") or r.num.get("pagu") is None:
            continue
        k = program_key(r)
        if not k:
            continue
        if k in first and first[k][0].kind != t.kind:
            ft, fr = first[k]
            ctx.tick()
            if differ(fr.num["pagu"], r.num["pagu"]):
                ctx.flag(f"Pagu of '{r.text.get('name')}' is {show_number(fr.num['pagu'])} in "
                         f"{ft.title[:50] or ft.kind} but {show_number(r.num['pagu'])} in {where(t, r)}.",
                         t, r, "pagu", value_text(r, "pagu"), show_number(fr.num["pagu"]))
        first.setdefault(k, (t, r))
    # across the bundle: same program, same pagu, same quarter, another realisasi (the first such
    # row of an earlier report of the same kecamatan, year and quarter)
    m = ctx.meta
    if not m.kecamatan or m.quarter is None:
        return
    ref = ctx.per_bundle(_first_budget_rows).get((m.kecamatan, m.year, m.quarter), {})
    for t, r in ctx.rows("cost_per_outcome", "lra", "pk_budget"):
        k = program_key(r)
        if not k or r.num.get("pagu") is None or r.num.get("realisasi_anggaran") is None:
            continue
        hit = ref.get((k, r.num["pagu"]))
        if hit is None or hit[0].seq >= ctx.seq:
            continue
        o, ot, orow = hit
        ctx.tick()
        if differ(orow.num["realisasi_anggaran"], r.num["realisasi_anggaran"]):
            ctx.flag(f"'{r.text.get('name')}' (pagu {show_number(r.num['pagu'])}) has realisasi "
                     f"{show_number(r.num['realisasi_anggaran'])} here ({where(t, r)}) but "
                     f"{show_number(orow.num['realisasi_anggaran'])} in the {o.meta.unit} report (report {o.seq}).",
                     t, r, "realisasi_anggaran", value_text(r, "realisasi_anggaran"),
                     show_number(orow.num["realisasi_anggaran"]))
