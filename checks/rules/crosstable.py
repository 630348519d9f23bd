"""Rules across the tables of a report and across the reports of a bundle (one source file):
the same indikator or the same program written with different values in two places."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from lkj.normalizers.nomenclature import fold_name, nomenclature_kode

from ..registry import ReportContext, show_number, where
from .common import (PLAIN_UNITS, differ, indicator_key, indicator_rows, percent_like, pk_row, same_peer, short,
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
                         t, r, "target", value_text(r, "target"), value_text(pr, "target"), also=[pr])
            continue
        _, t, r, st, sr = event
        ctx.tick()
        diff = differing_kinerja(sr, r)
        if diff and not quotes_realisasi(sr, r):      # a quoted realisasi is narrative_mismatch's
            f = diff[0]
            ctx.flag(f"'{r.text.get('indikator')}' has {f} '{value_text(sr, f)}' in {st.title[:50] or st.kind} "
                     f"but '{value_text(r, f)}' in {where(t, r)}.", t, r, f, value_text(r, f), value_text(sr, f),
                     also=[sr])
    _across_reports(ctx)


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
                         f"{ot.title[:40] or ot.kind}).", t, r, f, value_text(r, f), value_text(orow, f),
                         also=[orow])
                done.add(k)     # one finding per indikator
                break


# ---------------------------------------------------------------------------------------------
# budget_mismatch: one program / kegiatan / sub kegiatan, every place of the bundle that shows it

_AUTHORITY = {"pk_budget": 0, "lra": 1}        # who is right when two places disagree one against one
_NEAR = 92.0              # two names of one item (rapidfuzz ratio)
_NEAR_IN = 95.0           # an item's name inside an indikator (partial ratio)
_LEVEL_WORD = re.compile(r"^(sub\s*kegiatan|kegiatan|program)\s+")
_TOTAL_NAME = re.compile(r"^\s*(sub\s*)?(jumlah|total)(\s+(keseluruhan|belanja|anggaran|total|program|kegiatan))?\s*[:\d.,]*\s*$", re.I)


@dataclass
class _Budget:
    ctx: ReportContext
    table: object
    row: object
    keys: set
    texts: list


_NUMBER = re.compile(r"\d+")


def _kode_key(k: str | None) -> tuple | None:
    """A kode as numbers: "7.01.01.2.05.05" and "7.01.01.2.05.0005" are one sub kegiatan."""
    segs = _NUMBER.findall(k or "")
    return tuple(int(x) for x in segs) if len(segs) >= 2 else None


def _budget_rows(ctx: ReportContext) -> list[_Budget]:
    out = []
    names_in = Counter((t.seq, fold_name(r.text["name"])) for t, r in ctx.rows("pk_budget", "cost_per_outcome", "lra")
                       if r.text.get("name"))
    sasaran_in = Counter((t.seq, fold_name(r.text["sasaran"])) for t, r in ctx.rows("cost_per_outcome")
                         if r.text.get("sasaran"))
    for t, r in ctx.rows("pk_budget", "cost_per_outcome", "lra"):
        if t.duplicate_of is not None or r.level == "total" or r.num.get("pagu") is None:
            continue
        name = r.text.get("name") or ""
        if _TOTAL_NAME.match(name) or _TOTAL_NAME.match(r.text.get("indikator") or r.text.get("sasaran") or ""):
            continue
        keys = set()
        k = _kode_key(r.text.get("kode"))
        if k:
            keys.add(("kode", k))
        if len(name) > 10 and names_in[(t.seq, fold_name(name))] == 1:      # a name written once in its table
            keys.add(("name", _LEVEL_WORD.sub("", fold_name(name))))
            nk = _kode_key(nomenclature_kode(name)) if not k else None
            if nk:
                keys.add(("kode", nk))
        if not name and r.text.get("sasaran") and len(r.text["sasaran"]) > 10 \
                and sasaran_in[(t.seq, fold_name(r.text["sasaran"]))] == 1:
            keys.add(("name", fold_name(r.text["sasaran"])))         # a sasaran column that names the item
        texts = [fold_name(r.text["indikator"])] if r.text.get("indikator") else []
        if keys or texts:
            out.append(_Budget(ctx, t, r, keys, texts))
    return out


def _budget_groups(bundle: list[ReportContext]) -> dict[int, list[list[_Budget]]]:
    """The bundle's budget rows grouped by item: the same kode, the same name (written once in its table;
    a sasaran column may name the item), or (a cost-per-outcome row that names no program) an indikator
    that contains exactly one item's name ("Jumlah Laporan <sub kegiatan>"); by report (id), the groups it
    has a place in."""
    rows = [b for c in bundle for b in _budget_rows(c)]
    parent = list(range(len(rows)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict = {}
    for i, b in enumerate(rows):
        for k in b.keys:
            if k in seen:
                parent[find(i)] = find(seen[k])
            else:
                seen[k] = i
    # names that identify an item inside other text: long enough not to be a fragment of one
    names = {k[1]: i for k, i in seen.items() if k[0] == "name" and len(k[1]) >= 15 and len(k[1].split()) >= 3}
    # one item's name written with a slip in one place ("Penyelenggaran" / "Penyelenggaraan"): the names
    # of two rows of different tables nearly equal, and each nearest to the other
    keys = list(names)
    if len(keys) > 1:
        sim = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=_NEAR)
        for a in range(len(keys)):
            row = sim[a]
            row[a] = 0
            b = int(row.argmax())
            if row[b] and int(sim[b].argmax()) == a and rows[names[keys[a]]].table is not rows[names[keys[b]]].table:
                parent[find(names[keys[a]])] = find(names[keys[b]])
    name_list, name_rows = list(names), list(names.values())
    for i, b in enumerate(rows):
        if any(k[0] == "kode" for k in b.keys) or b.row.text.get("name"):
            continue
        hits = {find(j) for text in b.texts for n, j in names.items() if n in text and j != i}
        if not hits and names and b.texts:
            # every name against the row's texts in one call (the same scorer, exact at the cutoff)
            near = process.cdist(name_list, b.texts, scorer=fuzz.partial_ratio, score_cutoff=_NEAR_IN,
                                 dtype=np.float64)
            hits = {find(name_rows[a]) for a in range(len(name_list)) for t in range(len(b.texts))
                    if name_rows[a] != i and near[a, t] >= _NEAR_IN}
        if len(hits) == 1:
            parent[find(i)] = hits.pop()
    _pair_in_order(rows, find, parent)
    groups: dict[int, list[_Budget]] = {}
    for i, b in enumerate(rows):
        groups.setdefault(find(i), []).append(b)
    by_report: dict[int, list[list[_Budget]]] = {}
    for g in groups.values():
        if len(g) > 1:
            for rid in {id(b.ctx) for b in g}:
                by_report.setdefault(rid, []).append(g)
    return by_report


def _pair_in_order(rows: list[_Budget], find, parent) -> None:
    """A report's cost-per-outcome rows that name their item only in words of their own (an indikator
    "Jumlah <output>" for a sub kegiatan "Penyediaan <output>") list the items of its Perjanjian Kinerja budget in
    the same order.  The rows of each side not yet joined to the other side are aligned on their pagu
    (difflib's longest matching blocks): between two runs of agreeing pagu, one row left on each side is
    the same item written with another pagu; a gap of several rows on either side stays unpaired (other
    levels, items only one table lists).  Rows with one pagu are joined too (they agree)."""
    from difflib import SequenceMatcher

    by_ctx: dict[int, list[int]] = {}
    for i, b in enumerate(rows):
        by_ctx.setdefault(id(b.ctx), []).append(i)
    for idx in by_ctx.values():
        kinds: dict[int, set] = {}
        for i in idx:
            kinds.setdefault(find(i), set()).add(rows[i].table.kind)
        order = lambda i: (rows[i].table.seq, rows[i].row.row_index)
        pk = sorted((i for i in idx if rows[i].table.kind == "pk_budget"
                     and "cost_per_outcome" not in kinds[find(i)]), key=order)
        cpo = sorted((i for i in idx if rows[i].table.kind == "cost_per_outcome"
                      and not rows[i].row.text.get("name") and not any(k[0] == "kode" for k in rows[i].keys)
                      and "pk_budget" not in kinds[find(i)]), key=order)
        if not pk or not cpo:
            continue
        a = [round(rows[i].row.num["pagu"], 2) for i in pk]
        b = [round(rows[i].row.num["pagu"], 2) for i in cpo]
        for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == 1 and j2 - j1 == 1):
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    parent[find(cpo[j])] = find(pk[i])


def _no_conflict(a: ReportContext, b: ReportContext) -> bool:
    """Two reports of one bundle speak of the same budget unless their kecamatan, year or quarter, where
    both were read, differ."""
    return all(x is None or y is None or x == y for x, y in (
        (a.meta.kecamatan, b.meta.kecamatan), (a.meta.year, b.meta.year), (a.meta.quarter, b.meta.quarter)))


def _adds_up(b: _Budget, f: str) -> int:
    """1 when the row's table has a total that its rows add up to (the row's value agrees with its own
    table), -1 when they do not, 0 when the table has no total to tell."""
    rows = b.table.rows
    totals = [r for r in rows if r.level == "total" or _TOTAL_NAME.match(r.text.get("name") or r.text.get("sasaran") or "")]
    last = rows[-1] if rows else None
    if not totals and last is not None and last.num.get(f) is not None and not any(
            (last.raw.get(x) or "").strip() for x in ("name", "kode", "indikator", "sasaran", "no")):
        totals = [last]
    if len(totals) != 1 or any(_kode_key(r.text.get("kode")) for r in rows):
        return 0                    # no single total, or a kode hierarchy (total_mismatch's to judge)
    items = [r for r in rows if r is not totals[0] and r.num.get(f) is not None]
    return 1 if abs(sum(r.num[f] for r in items) - (totals[0].num.get(f) or 0)) <= 1.0 else -1


def _reference(occ: list[_Budget], f: str):
    """The value most places give; one against one, the one its own table's total agrees with, else the
    Perjanjian Kinerja's (pagu) or the LRA's, else the earlier report's."""
    votes: dict[float, list[_Budget]] = {}
    for b in occ:
        votes.setdefault(round(b.row.num[f], 2), []).append(b)

    def rank(kv):
        bs = kv[1]
        return (-len(bs), -max(_adds_up(b, f) for b in bs), min(_AUTHORITY.get(b.table.kind, 9) for b in bs),
                min(b.ctx.seq for b in bs))

    ranked = sorted(votes.items(), key=lambda kv: rank(kv) + (min(b.table.seq for b in kv[1]),))
    if len(ranked) > 1 and rank(ranked[0]) == rank(ranked[1]):
        return None, None           # two places of one kind in one report disagree: no telling which
    value, by = ranked[0]
    return value, by[0]


def budget_mismatch(ctx: ReportContext) -> None:
    peers = {id(o) for o in ctx.bundle if o is ctx or _no_conflict(ctx, o)}
    for group in ctx.per_bundle(_budget_groups).get(id(ctx), ()):
        occ = [b for b in group if id(b.ctx) in peers]
        mine = [b for b in occ if b.ctx is ctx]
        if not mine or len(occ) < 2:
            continue
        for f in ("pagu", "realisasi_anggaran"):
            have = [b for b in occ if b.row.num.get(f) is not None and (b.row.raw.get(f) or "").strip()]
            if f == "realisasi_anggaran":
                # realisasi is compared between places that agree on the pagu (else the pagu is the finding)
                pagus = {}
                for b in have:
                    pagus.setdefault(round(b.row.num["pagu"], 2), []).append(b)
                have = max(pagus.values(), key=len) if pagus else []
            if len(have) < 2 or not any(b.ctx is ctx for b in have):
                continue
            ctx.tick()
            if len({round(b.row.num[f], 2) for b in have}) == 1:
                continue
            ref, by = _reference(have, f)
            if ref is None:
                continue
            for b in have:
                if b.ctx is not ctx or not differ(b.row.num[f], ref):
                    continue
                other = "this report" if by.ctx is ctx else f"the {by.ctx.meta.unit} report (report {by.ctx.seq})"
                label = "Pagu" if f == "pagu" else "Realisasi anggaran"
                item = b.row.text.get("name") or by.row.text.get("name") or b.row.text.get("indikator") or ""
                ctx.flag(f"{label} of '{short(item, 70)}' is {show_number(b.row.num[f])} in {where(b.table, b.row)} but "
                         f"{show_number(ref)} in {by.table.title[:50] or by.table.kind} of {other}.",
                         b.table, b.row, f, value_text(b.row, f), show_number(ref), also=[by.row])
                break
