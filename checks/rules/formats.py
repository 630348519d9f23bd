"""number_format: a number written otherwise than the report's own house style.

The style is decided per report, from its own numbers: the decimal mark (',' or '.') most of its
decimals use, the thousands separator most of its rupiah use (a style needs at least four numbers and
four in five of them; a report that mixes both without such a majority is held to the Indonesian
convention, thousands '.' and decimals ','); a number written the other way is flagged, as is a decimal written with the
thousands separator ("2.135.000.00") and a percentage written without its '%' in a column whose other
values carry it.  A number whose separator is ambiguous ("2.135": thousands or decimals?) sets no style
and breaks none.  On a scan a separator may be the OCR's slip: a finding there is a doubt.
"""
from __future__ import annotations

from collections import Counter

from lkj.model.names import MONEY, NUMERIC_FIELDS, PERCENT

from ..registry import ReportContext, where

_SHARE = 0.8
_LEAST = 4


def _cells(ctx: ReportContext):
    for t in ctx.tables:
        if t.duplicate_of is not None or t.kind == "comparison":
            continue
        for r in t.rows:
            for f in NUMERIC_FIELDS:
                p = r.parsed.get(f)
                if p is not None and p.value is not None and (r.raw.get(f) or "").strip():
                    yield t, r, f, p


def _decimal_mark(r, f: str, p) -> str | None:
    """The decimal mark a number is written with, when it is unambiguous."""
    if p.decimal_sep is None or "decimal_same_as_thousands" in p.flags:
        return None
    frac = (r.raw.get(f) or "").rsplit(p.decimal_sep, 1)[-1]
    digits = len(frac) - len(frac.lstrip("0123456789"))
    if p.thousands_sep is None and digits == 3:
        return None                       # "2.135": could be thousands
    return p.decimal_sep


def _style(counts: Counter, convention: str) -> str | None:
    """The report's style: the mark four in five of its numbers use; when it mixes both without such a
    majority, the Indonesian convention (thousands '.', decimals ',') is the yardstick."""
    total = sum(counts.values())
    if not total:
        return None
    mark, n = counts.most_common(1)[0]
    if n >= _LEAST and n >= _SHARE * total:
        return mark
    return convention if len(counts) > 1 else None


def _scan(r, f: str) -> str | None:
    c = r.conf(f)
    return f"read by OCR (confidence {c:.0f}/100): the separator may be the OCR's" if c is not None else None


def number_format(ctx: ReportContext) -> None:
    cells = list(_cells(ctx))
    decimals = Counter(m for t, r, f, p in cells if (m := _decimal_mark(r, f, p)))
    thousands = Counter(p.thousands_sep for t, r, f, p in cells if f in MONEY and p.thousands_sep
                        and "decimal_same_as_thousands" not in p.flags)
    dec_style, th_style = _style(decimals, ","), _style(thousands, ".")
    flagged: set[tuple] = set()
    for t, r, f, p in cells:
        ctx.tick()
        label = f.replace("_", " ").capitalize()
        raw = r.raw.get(f)
        why = None
        if "decimal_same_as_thousands" in p.flags:
            if r.conf(f) is not None:
                continue                  # on a scan, ',' read as '.' is the OCR's slip, not the report's
            why = f"writes its decimals with the thousands separator; read as {p.value:.2f}", f"{p.value:.2f}"
        elif f in MONEY and th_style and p.thousands_sep and p.thousands_sep != th_style:
            why = (f"uses '{p.thousands_sep}' as thousands separator while the report writes rupiah with "
                   f"'{th_style}' ({thousands[th_style]} of {sum(thousands.values())})", f"{p.value:.0f}")
        elif dec_style and (m := _decimal_mark(r, f, p)) and m != dec_style:
            why = (f"writes its decimals with '{m}' while the report writes them with '{dec_style}' "
                   f"({decimals[dec_style]} of {sum(decimals.values())})", f"{p.value:g}")
        if why:
            flagged.add((t.seq, r.row_index, f))
            ctx.flag(f"{label} '{raw}' {why[0]} ({where(t, r)}).", table=t, row=r, field=f, reported=raw,
                     expected=why[1], doubt=_scan(r, f))
    # a percentage without its '%' in a column whose other values carry it
    for t in ctx.tables:
        if t.duplicate_of is not None or t.kind == "comparison":
            continue
        for f in PERCENT:
            if f not in t.fields:
                continue
            with_pct, without = [], []
            for r in t.rows:
                raw = (r.raw.get(f) or "").strip()
                p = r.parsed.get(f)
                if not raw or p is None or p.value is None or p.value == 0:
                    continue
                (with_pct if "%" in raw else without).append(r)
            if len(with_pct) >= 2 and len(without) == 1 and (t.seq, without[0].row_index, f) not in flagged:
                r = without[0]
                ctx.tick()
                ctx.flag(f"{f.replace('_', ' ').capitalize()} '{r.raw.get(f)}' is written without '%' while the "
                         f"other {len(with_pct)} values of the column carry it ({where(t, r)}).", table=t, row=r,
                         field=f, reported=r.raw.get(f), expected=r.raw.get(f) + "%", doubt=_scan(r, f))
