"""Arithmetic inside a row: capaian = realisasi / target, capaian anggaran = realisasi / pagu,
sisa = pagu - realisasi, efisiensi by the formula the table states."""
from __future__ import annotations

import re

from lkj.normalizers.nomenclature import fold_name

from ..registry import ReportContext, show_number, where
from .common import indicator_key



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


def _swapped_tables(ctx: ReportContext) -> set[int]:
    """Tables whose pagu and realisasi columns were read the wrong way round: on four rows or more,
    and more than half of them, the realisasi is above the pagu by exactly the sisa (sisa = realisasi
    - pagu, a positive remainder: a report that overspent writes its sisa negative).  That is a
    reading's signature, not a report's error; their rows are not flagged."""
    seen: dict[int, list[int]] = {}
    for t, r in ctx.rows("cost_per_outcome", "lra", "pk_budget"):
        P, RA, S = r.num.get("pagu"), r.num.get("realisasi_anggaran"), r.num.get("sisa")
        if P is None or RA is None or S is None:
            continue
        n = seen.setdefault(id(t), [0, 0])
        n[0] += 1
        if RA > P and abs(S - (RA - P)) <= ctx.settings.rupiah_tolerance:
            n[1] += 1
    return {k for k, (rows, swapped) in seen.items() if rows >= 4 and swapped * 2 > rows}


def budget_arithmetic(ctx: ReportContext) -> None:
    swapped = _swapped_tables(ctx)
    for t, r in ctx.rows("cost_per_outcome", "lra", "pk_budget"):
        if t.duplicate_of is not None or id(t) in swapped:
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


# ---------------------------------------------------------------------------------------------
# efisiensi: from capaian kinerja K and capaian anggaran A, by the formula the table states

FORMULAS = {
    "K - A": lambda K, A: K - A,
    "(K - A) / K": lambda K, A: (K - A) / K if K else None,
    "K / A": lambda K, A: K / A if A else None,
}
_RATIO = ("(K - A) / K", "K / A")          # written as a ratio (1,19) or as a percentage (119%)


def _letters(text: str) -> str | None:
    """The formula a header names in letters: "Efisiensi (K-A)", "((K-A)/K)", "(K/A)"."""
    f = re.sub(r"\s+", "", text or "").upper()
    if re.search(r"\(K-A\)/K|\(K-A\):K", f):
        return "(K - A) / K"
    if re.search(r"\(K/A\)|\bK/A\b|\(K:A\)", f):
        return "K / A"
    if re.search(r"\(K-A\)|\bK-A\b", f):
        return "K - A"
    return None


def _numbered(t) -> str | None:
    """The formula of a numbered header ("10=6-9", "10=6/9", "10=(6-9)/6"), its column numbers read
    through the other columns' formulas (capaian "6=5/4" is column 6, capaian anggaran "9=8/7" column 9)."""
    f = (t.formulas.get("efisiensi") or "").replace(" ", "")
    m = re.match(r"^\(?\d+=(.+?)\)?$", f)
    if not m:
        return None
    col = {}
    for role, g in t.formulas.items():
        n = re.match(r"^\(?(\d+)=", g.replace(" ", ""))
        if n and role in ("capaian", "capaian_anggaran"):
            col[n.group(1)] = "K" if role == "capaian" else "A"
    expr = m.group(1).replace("x100%", "").replace("x100", "").replace("%", "")
    nums = re.findall(r"\d+", expr)
    if len(set(nums)) != 2:
        return None
    if not all(n in col for n in nums):
        col = {nums[0]: "K", [n for n in nums if n != nums[0]][0]: "A"}     # first column named is the kinerja
    letters = re.sub(r"\d+", lambda x: col[x.group(0)], expr)
    return _letters(f"({letters})") if letters.count("(") == 0 else _letters(letters)


_DIGITS = re.compile(r"\d*")


def _decimals(r, f: str) -> int:
    p, raw = r.parsed.get(f), (r.raw.get(f) or "").strip()
    if p is None or not p.decimal_sep or p.decimal_sep not in raw:
        return 0
    return len(_DIGITS.match(raw.rsplit(p.decimal_sep, 1)[1]).group(0))


def _fits(E: float, exp: float | None, scale: float, tol: float) -> bool:
    """E is exp (times scale) within tol; a value on the rounding edge (0,515 written 0,52, half a
    unit of its last digit off) fits, whatever the binary fractions make of the difference."""
    return exp is not None and abs(E - exp * scale) <= tol * (1 + 1e-9) + 1e-12


def _tolerance(ctx, r, ratio: bool) -> float:
    """What rounding allows: the rule's tolerance (in points; a hundredth of it for an efisiensi written as
    a ratio) or half a unit of the last digit the efisiensi is written with, whichever is larger."""
    return max(ctx.settings.efisiensi_tolerance / (100.0 if ratio else 1.0), 0.5 * 10 ** -_decimals(r, "efisiensi"))


def _capaians(r, fallback: float | None = None) -> list[float]:
    """The row's capaian kinerja as written and unrounded (R / T in one unit)."""
    out = []
    if r.num.get("capaian") is not None:
        out.append(r.num["capaian"])
    T, R = r.num.get("target"), r.num.get("realisasi")
    if T and R is not None and r.unit.get("target") == r.unit.get("realisasi"):
        out.append(R / T * 100.0)
    if not out and fallback is not None:
        out.append(fallback)
    return out


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


def _report_kinerja(ctx: ReportContext) -> dict[str, object]:
    """Indicator rows with target and realisasi in the report's capaian / cost-per-outcome tables, by
    indikator: where an efisiensi table (K, A, E only) finds the unrounded capaian."""
    out: dict[str, object] = {}
    for t, r in ctx.rows("capaian", "cost_per_outcome"):
        k = indicator_key(r)
        if k and r.num.get("target") and r.num.get("realisasi") is not None:
            out.setdefault(k, r)
    return out


def _efisiensi_rows(ctx: ReportContext, t, lookup):
    """(row, E, A, [K...], where K comes from) for the rows of a table that can be checked."""
    own = None
    for r in t.rows:
        E, A = r.num.get("efisiensi"), r.num.get("capaian_anggaran")
        if E is None or A is None:
            continue
        ks = _capaians(r)
        source = "its capaian kinerja"
        if not ks and t.kind == "efisiensi":
            if own is None:
                own = _report_kinerja(ctx)
            kr = own.get(indicator_key(r))
            ks = _capaians(kr) if kr is not None else []
        elif len(ks) == 1 and t.kind == "efisiensi" and r.num.get("capaian") is not None:
            if own is None:
                own = _report_kinerja(ctx)
            kr = own.get(indicator_key(r))
            if kr is not None:
                ks += [k for k in _capaians(kr)[1:] if abs(k - ks[0]) <= 1.0]
        if not ks and r.level in ("program", "kegiatan", "sub_kegiatan") and r.text.get("name"):
            K = lookup().get(fold_name(r.text["name"]))
            if K is not None:
                ks = [K]
                source = "the capaian kinerja reported for it elsewhere in the bundle"
        if ks:
            yield r, E, A, ks, source


def _inferred(rows, ctx) -> tuple[str, float] | None:
    """The (formula, scale) most checkable rows follow: at least two rows and more than half."""
    best, best_n = None, 0
    for name, f in FORMULAS.items():
        for scale in ((1.0, 100.0) if name in _RATIO else (1.0,)):
            n = sum(1 for r, E, A, ks, _ in rows if any(_fits(E, f(K, A), scale, _tolerance(ctx, r, name in _RATIO and scale == 1.0)) for K in ks))
            if n > best_n:
                best, best_n = (name, scale), n
    return best if best_n >= 2 and best_n * 2 > len(rows) else None


def _scale(name: str, rows, ctx) -> float:
    if name not in _RATIO:
        return 1.0
    fit = {s: sum(1 for r, E, A, ks, _ in rows if any(_fits(E, FORMULAS[name](K, A), s, _tolerance(ctx, r, name in _RATIO and s == 1.0)) for K in ks))
           for s in (1.0, 100.0)}
    if fit[1.0] != fit[100.0]:
        return max(fit, key=fit.get)
    es = sorted(abs(E) for _, E, *_ in rows)
    return 1.0 if es and es[len(es) // 2] < 5 else 100.0


def _table_formulas(ctx: ReportContext, lookup) -> list[tuple]:
    """(table, rows, formula, scale, how it is known) for the report's efisiensi-bearing tables; a table
    that states no formula and whose rows follow none takes the formula the report's other tables state."""
    out = []
    for t in ctx.tables:
        if t.kind not in ("cost_per_outcome", "efisiensi") or t.duplicate_of is not None or "efisiensi" not in t.fields:
            continue
        rows = list(_efisiensi_rows(ctx, t, lookup))
        stated = _numbered(t) or _letters(t.header_text)
        if stated:
            out.append((t, rows, stated, _scale(stated, rows, ctx), "stated"))
            continue
        inf = _inferred(rows, ctx)
        out.append((t, rows, inf[0] if inf else None, inf[1] if inf else None, "followed by most rows"))
    said = {(f, s) for _, _, f, s, how in out if f and how == "stated"}
    if len(said) == 1:
        f, s = next(iter(said))
        out = [(t, rows, f, s, "stated in the report's other table") if form is None else (t, rows, form, sc, how)
               for t, rows, form, sc, how in out]
    return out


def _show_formula(name: str, scale: float) -> str:
    return name if scale == 1.0 or name not in _RATIO else f"{name} x 100"


def efisiensi_arithmetic(ctx: ReportContext) -> None:
    memo: dict = {}

    def lookup():
        if "b" not in memo:
            memo["b"] = ctx.per_bundle(_bundle_capaian)
        return memo["b"]

    for t in ctx.tables:
        if t.kind not in ("cost_per_outcome", "efisiensi") or t.duplicate_of is not None:
            continue
        for r in t.rows:
            E = r.num.get("efisiensi")
            P, RA, A = r.num.get("pagu"), r.num.get("realisasi_anggaran"), r.num.get("capaian_anggaran")
            if E is not None and P == 0 and (RA or 0) == 0 and (A or 0) == 0 and E != 0:
                ctx.tick()
                ctx.flag(f"Efisiensi {r.raw.get('efisiensi')} is written for a budget line with pagu 0 and no "
                         f"spending; no efisiensi can be derived ({where(t, r)}).", table=t, row=r, field="efisiensi",
                         reported=r.raw.get("efisiensi"), expected="")
    rounded_only = []
    for t, rows, name, scale, how in _table_formulas(ctx, lookup):
        if name is None:
            continue
        f = FORMULAS[name]
        for r, E, A, ks, source in rows:
            if r.num.get("pagu") == 0:
                continue                    # the zero-budget case above
            ctx.tick()
            tol = _tolerance(ctx, r, name in _RATIO and scale == 1.0)
            fits = [_fits(E, f(K, A), scale, tol) for K in ks]
            if fits[-1]:
                continue
            if any(fits):
                rounded_only.append((t, r, E, A, ks[-1], name, scale))
                continue
            exp = f(ks[-1], A)
            if exp is None:
                continue
            ctx.flag(f"Efisiensi {r.raw.get('efisiensi')} does not follow the formula {_show_formula(name, scale)} "
                     f"({how}): with {source} {ks[-1]:.2f}% and capaian anggaran {A:.2f}% it is "
                     f"{exp * scale:.2f} ({where(t, r)}).", table=t, row=r, field="efisiensi",
                     reported=r.raw.get("efisiensi"), expected=f"{exp * scale:.2f}")
    if rounded_only:
        _rounded_against_bundle(ctx, rounded_only)


def _efisiensi_rows_by_indikator(bundle: list[ReportContext]) -> dict[str, list[tuple]]:
    """indikator -> (report, table, row) of every row of the bundle with capaian anggaran and efisiensi."""
    out: dict[str, list[tuple]] = {}
    for o in bundle:
        for ot, orow in o.rows("cost_per_outcome", "efisiensi"):
            if ot.duplicate_of is None and orow.num.get("capaian_anggaran") is not None \
                    and orow.num.get("efisiensi") is not None and indicator_key(orow):
                out.setdefault(indicator_key(orow), []).append((o, ot, orow))
    return out


def _rounded_against_bundle(ctx: ReportContext, rows) -> None:
    """An efisiensi that follows the formula only with the capaian rounded as written, while another
    table of the bundle gives the same indikator, at the same capaian anggaran, the efisiensi of the
    unrounded capaian: the bundle's own reckoning says this one is off."""
    index = ctx.per_bundle(_efisiensi_rows_by_indikator)
    for t, r, E, A, K, name, scale in rows:
        exp = FORMULAS[name](K, A) * scale
        tol = _tolerance(ctx, r, name in _RATIO and scale == 1.0)
        for o, ot, orow in index.get(indicator_key(r), ()):
            if orow is r or abs(orow.num["capaian_anggaran"] - A) >= 0.01:
                continue
            if abs(orow.num["efisiensi"] - exp) <= tol < abs(E - orow.num["efisiensi"]):
                hit = ot
                ctx.flag(f"Efisiensi {r.raw.get('efisiensi')} follows {_show_formula(name, scale)} only with the capaian "
                         f"rounded as written; with the unrounded capaian {K:.2f}% it is {exp:.2f}, as "
                         f"{'the ' + o.meta.unit + ' report' if o is not ctx else 'this report'} writes it "
                         f"({hit.title[:40] or hit.kind}) ({where(t, r)}).", table=t, row=r, field="efisiensi",
                         reported=r.raw.get("efisiensi"), expected=f"{exp:.2f}")
                break
