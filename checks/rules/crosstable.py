"""Rules across the tables of a report and across the reports of a bundle (one source file):
the same indikator or the same program written with different values in two places."""
from __future__ import annotations

from ..registry import ReportContext, show_number, where
from .common import (PLAIN_UNITS, differ, indicator_key, indicator_rows, percent_like, pk_row, program_key,
                     same_peer, value_text)


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


def _across_reports(ctx: ReportContext) -> None:
    """An earlier report of the bundle (same kecamatan, year) gives the same indikator another target,
    or (same quarter) another realisasi: flagged once, on the later report."""
    earlier = [o for o in ctx.bundle if o.seq < ctx.seq and same_peer(ctx, o, same_quarter=False)]
    if not earlier:
        return
    ref: dict[str, list] = {}
    for o in earlier:
        for t, r in indicator_rows(o, "pk", "capaian", "cost_per_outcome"):
            if r.indikator_id:
                ref.setdefault(r.indikator_id, []).append((o, t, r))
    for t, r in indicator_rows(ctx, "pk", "capaian", "cost_per_outcome"):
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
                ctx.tick()
                verdicts[f].append((differ(a, b, f == "realisasi" and percent_like(orow, r, f)), o, ot, orow))
        for f, vs in verdicts.items():
            if vs and all(d for d, *_ in vs):
                _, o, ot, orow = vs[0]
                ctx.flag(f"'{r.text.get('indikator')}' has {f} '{value_text(r, f)}' here ({where(t, r)}) but "
                         f"'{value_text(orow, f)}' in the {o.meta.unit} report (report {o.seq}, "
                         f"{ot.title[:40] or ot.kind}).", t, r, f, value_text(r, f), value_text(orow, f))
                ref.pop(k)      # one finding per indikator
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
    # across the bundle: same program, same pagu, same quarter, another realisasi
    peers = [o for o in ctx.bundle if o.seq < ctx.seq and same_peer(ctx, o, same_quarter=True)]
    if not peers:
        return
    ref: dict[tuple, tuple] = {}
    for o in peers:
        for t, r in o.rows("cost_per_outcome", "lra", "pk_budget"):
            k = program_key(r)
            if k and r.num.get("pagu") is not None and r.num.get("realisasi_anggaran") is not None:
                ref.setdefault((k, r.num["pagu"]), (o, t, r))
    for t, r in ctx.rows("cost_per_outcome", "lra", "pk_budget"):
        k = program_key(r)
        if not k or r.num.get("pagu") is None or r.num.get("realisasi_anggaran") is None:
            continue
        hit = ref.get((k, r.num["pagu"]))
        if hit is None:
            continue
        o, ot, orow = hit
        ctx.tick()
        if differ(orow.num["realisasi_anggaran"], r.num["realisasi_anggaran"]):
            ctx.flag(f"'{r.text.get('name')}' (pagu {show_number(r.num['pagu'])}) has realisasi "
                     f"{show_number(r.num['realisasi_anggaran'])} here ({where(t, r)}) but "
                     f"{show_number(orow.num['realisasi_anggaran'])} in the {o.meta.unit} report (report {o.seq}).",
                     t, r, "realisasi_anggaran", value_text(r, "realisasi_anggaran"),
                     show_number(orow.num["realisasi_anggaran"]))
