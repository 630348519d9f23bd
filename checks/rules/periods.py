"""The text names a quarter, a date range or a year other than the report's own."""
from __future__ import annotations

import re
from dataclasses import replace

from lkj.normalizers.calendar import ROMAN_OF

from ..registry import ReportContext, place
from ..sentences import date_range_end, date_value, quarters_of, spelled_quarter
from .common import COMPARE, QUARTERLY, short

_SIGN_DATE = re.compile(r"^[A-Z][A-Za-z ]{2,30},\s*\d{1,2}\s+[A-Za-z]+\s+(19|20)\d\d\s*$")


def _quarterly(ctx: ReportContext) -> bool:
    return ctx.meta.quarter is not None and ctx.doc_kind in ("lkj", "unknown")


def _is_pk_signature(ctx: ReportContext, line_no: int) -> bool:
    """A date line that belongs to a Perjanjian Kinerja signature block (PIHAK PERTAMA/KEDUA)."""
    near = [ln.text.lower() for ln in ctx.lines if line_no - 6 <= ln.no <= line_no + 6]
    return any("pihak" in t for t in near)


def period_mismatch(ctx: ReportContext) -> None:
    if not _quarterly(ctx):
        return
    Q = ctx.meta.quarter
    last: dict[str, int] = {}
    for s in ctx.sentences():
        ctx.tick()
        why = None
        for e in s.ents:
            if e.label == "QUARTER":
                qs = quarters_of(e)
                spelled = spelled_quarter(e)
                if spelled is not None and qs and spelled != qs[-1]:
                    e = replace(e, text=f"{e.text} ({e.after[1]})")
                    why = (e, f"'{e.text}' names quarter {qs[-1]} and quarter {spelled} at once")
                elif any(q < Q for q in qs) and not COMPARE.search(s.text):
                    why = (e, f"'{e.text}' names an earlier quarter")
            elif e.label == "DATE_RANGE":
                m, _ = date_range_end(e)
                if m is not None and (m - 1) // 3 + 1 < Q and not COMPARE.search(s.text):
                    why = (e, f"the period '{e.text}' ends in quarter {(m - 1) // 3 + 1}")
            if why:
                break
        if why is None and ctx.meta.period in QUARTERLY and _SIGN_DATE.match(s.text.strip()):
            for e in s.ents:
                d = date_value(e) if e.label == "DATE" else None
                if d and d[2] == ctx.meta.year and d[1] < 3 * Q and not _is_pk_signature(ctx, s.line or 0):
                    why = (e, f"the report is dated '{e.text}', before the last month of quarter {Q}")
        if why:
            e, reason = why
            prev = last.get(e.text.lower())
            last[e.text.lower()] = e.line or 0
            if prev is not None and e.line is not None and e.line - prev <= 6:
                continue            # the same phrase repeated down a list: one finding
            ctx.flag(f"{place(e.line, e.page).capitalize()}: {reason}, but this is a Triwulan {ROMAN_OF[Q]} report "
                          f"(\"{short(s.text)}\").", reported=e.text, expected=f"Triwulan {ROMAN_OF[Q]}", line=e.line, page=e.page)


_WITH_YEAR = re.compile(r"\bdengan\s+tahun\s+((?:19|20)\d\d)\b", re.I)


def year_mismatch(ctx: ReportContext) -> None:
    Y = ctx.meta.year
    if Y is None or ctx.doc_kind not in ("lkj", "unknown"):
        return
    for s in ctx.sentences():
        ctx.tick()
        hit = None
        for e in s.ents:
            if e.label == "DATE_RANGE":
                _, y = date_range_end(e)
                if y is not None and y != Y:
                    hit = (e.text, str(Y), e.line, e.page, f"the period '{e.text}' is in {y}")
                    break
        if hit is None and re.search(r"\bperbandingan\b|\bdibandingkan\b", s.text, re.I):
            m = _WITH_YEAR.search(s.text)
            if m and int(m.group(1)) not in (Y, Y - 1) and str(Y) in s.text:
                hit = (m.group(0), f"dengan tahun {Y - 1}", s.line, s.page,
                       f"the comparison is with {m.group(1)}, not with the year before {Y}")
        if hit:
            rep, exp, line, page, reason = hit
            ctx.flag(f"{place(line, page).capitalize()}: {reason}, but the report is for {Y} (\"{short(s.text)}\").", reported=rep, expected=exp, line=line, page=page)
