"""Number formats: ',' thousands beside '.' thousands, a lone percentage without its % sign."""
from __future__ import annotations

from lkj.model.names import MONEY, PERCENT

from ..registry import ReportContext, where



def number_format(ctx: ReportContext) -> None:
    for t in ctx.tables:
        if t.duplicate_of is not None:
            continue
        dot_thousands = any(r.parsed.get(f) and r.parsed[f].thousands_sep == "." for r in t.rows for f in MONEY)
        for r in t.rows:
            for f in MONEY:
                p = r.parsed.get(f)
                if p is None or p.value is None:
                    continue
                ctx.tick()
                # on a scan, ',' read as '.' is the OCR's slip, not the report's
                if "decimal_same_as_thousands" in p.flags and r.conf(f) is None:
                    ctx.flag(f"{f.replace('_', ' ').capitalize()} '{r.raw.get(f)}' writes its decimals with the "
                                  f"thousands separator; read as {p.value:,.2f} ({where(t, r)}).".replace(",", " "), table=t, row=r, field=f, reported=r.raw.get(f), expected=f"{p.value:.2f}")
                    break
                if "comma_thousands" in p.flags and dot_thousands:
                    ctx.flag(f"{f.replace('_', ' ').capitalize()} '{r.raw.get(f)}' uses ',' as thousands separator "
                                  f"while the table uses '.' ({where(t, r)}).", table=t, row=r, field=f, reported=r.raw.get(f), expected=f"{p.value:.0f}")
                    break
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
            if len(with_pct) >= 2 and len(without) == 1:
                r = without[0]
                ctx.tick()
                ctx.flag(f"{f.replace('_', ' ').capitalize()} '{r.raw.get(f)}' is written without '%' while the "
                              f"other {len(with_pct)} values of the column carry it ({where(t, r)}).", table=t, row=r, field=f, reported=r.raw.get(f), expected=r.raw.get(f) + "%")
