"""Totals: JUMLAH rows and parent kode rows against their children; 'Rata-rata' indicators
against the mean of the indicators they average."""
from __future__ import annotations

import re

from lkj.normalizers.kode import kode_key
from lkj.normalizers.text import fold

from ..registry import ReportContext, show_number, where

SUMMED = ("pagu", "realisasi_anggaran", "sisa")
_STOP = {"persentase", "prosentase", "presentase", "persentasi", "rata", "yang", "dan", "di", "ke", "dalam",
         "jumlah", "tingkat", "indeks", "nilai", "rata-rata"}


def _close(a: float, b: float, tolerance: float = 1.0) -> bool:
    return abs(a - b) <= tolerance


def total_mismatch(ctx: ReportContext) -> None:
    for t in ctx.tables:
        if t.duplicate_of is not None:
            continue
        if t.kind in ("lra", "pk_budget", "cost_per_outcome"):
            _hierarchy(ctx, t)
        if t.kind in ("capaian", "cost_per_outcome"):
            _averages(ctx, t)


def _hierarchy(ctx: ReportContext, t) -> None:
    rows = t.rows
    keyed = [(r, kode_key(r.raw.get("kode"))) for r in rows]
    dotted = [(r, k) for r, k in keyed if k and "." in (r.raw.get("kode") or "") and " " not in (r.raw.get("kode") or "")]
    by_key = {k: r for r, k in dotted}

    # the kode keys that are a proper prefix of another row's key (the rows that have sub-rows)
    parents = {k3[:j] for k3 in by_key for j in range(1, len(k3))}

    def children(k):
        """The rows under k with no row between (no prefix of theirs longer than k is a row's key)."""
        n = len(k)
        return [r for r, kk in dotted if len(kk) > n and kk[:n] == k
                and not any(kk[:j] in by_key for j in range(n + 1, len(kk)))]

    leaves_of: dict[tuple, list] = {}

    def leaves(k):
        """The rows under k that have no sub-rows."""
        if k not in leaves_of:
            n = len(k)
            leaves_of[k] = [r for r, kk in dotted if len(kk) > n and kk[:n] == k and kk not in parents]
        return leaves_of[k]

    for r, k in dotted:
        kids = children(k)
        if not kids:
            continue
        wrong = []
        for f in SUMMED:
            v = r.num.get(f)
            if v is None or r.raw.get(f, "") == "":
                continue
            if any(not (c.raw.get(f) or "").strip() for c in kids):
                continue            # a sub-row without the value: the sum cannot be known (missing_value's)
            ctx.tick()
            direct = sum(c.num.get(f) or 0.0 for c in kids)
            leaf = sum(c.num.get(f) or 0.0 for c in leaves(k))
            if _close(v, direct) or _close(v, leaf) or _close(-v, direct):
                continue
            if f == "sisa":
                # a child with a wrong sisa of its own is flagged there; judge the parent by pagu - realisasi
                own = sum((c.num.get("pagu") or 0.0) - (c.num.get("realisasi_anggaran") or 0.0) for c in kids)
                if _close(v, own):
                    continue
            wrong.append((f, v, direct))
        if wrong:
            f, v, direct = wrong[0]
            also = "; ".join(f"{g.replace('_', ' ')} {show_number(x)} vs {show_number(y)}" for g, x, y in wrong[1:])
            ctx.flag(f"{f.replace('_', ' ').capitalize()} {show_number(v)} of {r.raw.get('kode')} is not the sum of its "
                          f"{len(kids)} sub-rows ({show_number(direct)}){' (also ' + also + ')' if also else ''} "
                          f"({where(t, r)}).", table=t, row=r, field=f, reported=r.raw.get(f), expected=show_number(direct))
    # JUMLAH rows (no kode) against the top-level rows above them
    shortest = min((len(kk) for _, kk in dotted), default=0)
    tops = [r for r, k in dotted if len(k) == shortest]
    for r in rows:
        if kode_key(r.raw.get("kode")) and " " in (r.raw.get("kode") or ""):
            continue
        # a total row: labelled as one, or the table's last row carrying amounts and no label at all (its
        # "JUMLAH" cell not read)
        unlabelled_last = r is rows[-1] and len(rows) > 2 and r.num.get("pagu") is not None and not any(
            (r.raw.get(f) or "").strip() for f in ("name", "kode", "indikator", "sasaran", "no"))
        if r.level != "total" and not unlabelled_last:
            continue
        if not re.match(r"^\s*(jumlah|total)", (r.raw.get("name") or r.raw.get("kode") or r.raw.get("sasaran") or ""), re.I) \
                and t.kind != "pk_budget" and not unlabelled_last:
            continue
        if t.kind == "pk_budget":
            members = [x for x in rows if x is not r and x.level != "total"]
        else:
            members = tops or [x for x in rows if x is not r and x.level == "program"]
        if not members:
            continue
        for f in SUMMED:
            v = r.num.get(f)
            if v is None or r.raw.get(f, "") == "":
                continue
            if any(not (x.raw.get(f) or "").strip() for x in members):
                continue
            ctx.tick()
            s = sum(x.num.get(f) or 0.0 for x in members)
            if not _close(v, s) and not _close(-v, s):       # a total written as a deduction ("-870.031.489")
                ctx.flag(f"Total {f.replace('_', ' ')} {show_number(v)} is not the sum of the {len(members)} rows it "
                              f"totals ({show_number(s)}) ({where(t, r)}).", table=t, row=r, field=f, reported=r.raw.get(f), expected=show_number(s))


def _words(s: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]+", (s or "").lower()) if len(w) > 2 and w not in _STOP}


def _averages(ctx: ReportContext, t) -> None:
    rows = t.rows
    for i, r in enumerate(rows):
        ind = r.text.get("indikator") or ""
        if not re.match(r"^\s*rata\s*-?\s*rata", ind, re.I) or r.num.get("realisasi") is None:
            continue
        mine = _words(ind)
        comps = []
        for j, c in enumerate(rows):
            if j == i or c.num.get("realisasi") is None:
                continue
            cw = _words(c.text.get("indikator"))
            if len(mine & cw) >= 2 and not re.match(r"^\s*rata", c.text.get("indikator") or "", re.I) \
                    and c.unit.get("realisasi") == r.unit.get("realisasi"):
                comps.append(c)
        # the components are a group sharing one sasaran (a merged cell)
        groups: dict[str, list] = {}
        for c in comps:
            groups.setdefault(fold(c.text.get("sasaran") or ""), []).append(c)
        best = max(groups.values(), key=len, default=[])
        if len(best) < 2:
            continue
        ctx.tick()
        mean = sum(c.num["realisasi"] for c in best) / len(best)
        if abs(mean - r.num["realisasi"]) > 1.0:
            parts = ", ".join(show_number(c.num["realisasi"]) for c in best)
            ctx.flag(f"Average indicator realisasi {r.raw.get('realisasi')} is not the mean of its {len(best)} "
                          f"component indicators ({parts}: {mean:.2f}) ({where(t, r)}).", table=t, row=r, field="realisasi", reported=r.raw.get("realisasi"), expected=f"{mean:.2f}")
