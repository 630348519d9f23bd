"""The text or a table title names a reporting period (a quarter, a month range, a date, a year)
other than the report's own.

period_mismatch, in a quarterly report of quarter Q:
  * a quarter or a month range that ends before Q, unless the sentence compares with it
    ("dibandingkan triwulan sebelumnya");
  * a quarter or a month range that ends after Q, when the sentence states it as the period reported
    on (a table title or heading, "laporan / capaian / realisasi / kurun waktu / periode / s.d."), not
    as a plan, a deadline, a schedule or a cause ("akan", "paling lambat", "target", "dikarenakan"),
    nor as the year of a Perjanjian Kinerja;
  * a numeral that contradicts its spelled form ("Triwulan III (Dua)");
  * the report dated before its quarter's last month (Perjanjian Kinerja signatures excepted).
year_mismatch, in any LKj report of year Y:
  * a month range, a quarter or a reporting document ("Perjanjian Kinerja", "Laporan Kinerja", "LKj",
    "tahun anggaran", "periode") given a year other than Y, unless the sentence compares, evaluates an
    earlier report or (for Y + 1) plans;
  * "perbandingan ... dengan tahun B" where B is neither Y nor Y - 1;
  * the report signed in another year than Y (or the first quarter of Y + 1).
A regulation's year ("Peraturan Bupati Nomor 6 Tahun 2018"), a multi-year period ("Renstra 2024-2026")
and a comparison are not reporting periods.  The same phrase repeated down a list is one finding.
"""
from __future__ import annotations

import re

from lkj.normalizers.calendar import ROMAN_OF, quarter_of_month
from lkj.normalizers.text import fold, letter_counts

from ..registry import ReportContext, place
from ..sentences import Ent, entities, spelled_quarter
from .common import COMPARE, QUARTERLY, short

_SIGN_DATE = re.compile(r"^[A-Z][A-Za-z ]{2,30},\s*(\d{1,2}\s+[A-Za-z]+|\d{1,2}[-/]\d{1,2}[-/])\s*(19|20)\d\d\s*$")
# the sentence states the period as the one reported on
REPORTING = re.compile(r"\b(laporan|melaporkan|pelaporan|kurun\s+waktu|periode|selama|capaian|realisasi|terealisasi|"
                       r"tercapai|mencapai|dicapai|pencapaian|kinerja|lkj\w*|lakip|s\.?d|sampai\s+dengan|hingga)\b", re.I)
# ... or as a plan, a deadline, a schedule, a cause, the year of an agreement
PLANNED = re.compile(r"\b(akan|rencana\w*|direncanakan|dijadwalkan|jadwal\w*|mendatang|berikutnya|selanjutnya|"
                     r"menyusul|paling\s+lambat|batas|target\w*|dikarenakan|karena|disebabkan|diharapkan|harus|"
                     r"perjanjian\s+kinerja|tahunan|setahun|satu\s+tahun)\b", re.I)
EVALUATES = re.compile(r"\b(evaluasi|rekomendasi|lhe|tindak\s+lanjut|hasil\s+penilaian|sejak)\b", re.I)
PLANS_AHEAD = re.compile(r"\b(akan|rencana\w*|renja|rka|dpa|rkp\s*des\w*|rkp|usulan|musrenbang\w*|penyusunan|"
                         r"mendatang|berikutnya|depan)\b", re.I)
_YEAR = r"(?:19|20)\d\d"
_NOT_RANGE = r"(?!\s*[-/–]\s*(?:19|20)?\d\d)"
# a reporting document or period given a year: "Perjanjian Kinerja Tahun 2021", "tahun anggaran 2024",
# "Laporan Kinerja Triwulan II Kecamatan X Tahun 2025", "LKjIP 2023", "TA. 2022"
PERIOD_YEAR = re.compile(
    rf"\b(?:(?:perjanjian\s+kinerja|laporan\s+kinerja|lkj\w*|lakip|pk|periode|kurun\s+waktu)\b"
    rf"(?P<mid>(?:\s+(?!nomor\b|no\b)[\w.,-]+){{0,5}}?)\s+(?:tahun\s+(?:anggaran\s+)?|th\.?\s*|t\.?\s?a\.?\s*)?"
    rf"|(?:tahun\s+anggaran|t\.?\s?a\.)\s*)(?P<y>{_YEAR})\b{_NOT_RANGE}", re.I)
_PERIOD_HEAD = re.compile(r"\b(perjanjian\s+kinerja|laporan\s+kinerja|lkj\w*|lakip|pk|periode|kurun\s+waktu)\b", re.I)
_AFTER_QUARTER_YEAR = re.compile(rf"^\s*(?:(?:kecamatan|kec)\.?\s+[A-Za-z]+\s+)?(?:tahun|th\.?|t\.?\s?a\.?)\s*"
                                 rf"(?:anggaran\s+)?(?P<y>{_YEAR})\b{_NOT_RANGE}", re.I)
_WITH_YEAR = re.compile(rf"\bdengan\s+tahun\s+({_YEAR})\b", re.I)


def _quarterly(ctx: ReportContext) -> bool:
    return ctx.meta.quarter is not None and ctx.doc_kind in ("lkj", "unknown")


def _is_pk_signature(ctx: ReportContext, line_no: int) -> bool:
    """A date line that belongs to a Perjanjian Kinerja signature block (PIHAK PERTAMA/KEDUA)."""
    near = [ln.text.lower() for ln in ctx.lines if line_no - 6 <= ln.no <= line_no + 6]
    return any("pihak" in t for t in near)


def _titles(ctx: ReportContext) -> list[str]:
    return [fold(t.title) for t in ctx.tables if t.title and len(fold(t.title)) > 8]


def _is_title(text: str, titles: list[str]) -> bool:
    """A table title or a heading: the sentence is (part of) a table's title, or a line in capitals."""
    f = fold(text)
    if len(f) > 8 and any(f in t or t in f for t in titles):
        return True
    letters, upper = letter_counts(text)
    return letters >= 8 and upper >= 0.8 * letters


def _compares(text: str) -> bool:
    """The text compares with another period."""
    return COMPARE.search(text) is not None


def _reports_period(text: str) -> bool:
    """The text states its period as the one reported on, not as a plan."""
    return REPORTING.search(text) is not None and PLANNED.search(text) is None


def _period_slip(e, text: str, Q: int, titled: bool) -> tuple[str, str] | None:
    """(why, the phrase) when a QUARTER / DATE_RANGE entity names another period than quarter Q
    (whether the text compares, states its period, is read only when the entity needs it)."""
    if e.label == "QUARTER":
        qs = list(e.value)
        spelled = spelled_quarter(e)
        if spelled is not None and qs and spelled != qs[-1]:
            phrase = e.text + " " + e.after[:e.after.index(")") + 1].strip()
            return f"'{phrase}' names quarter {qs[-1]} and quarter {spelled} at once", phrase
        if any(q < Q for q in qs) and not _compares(text):
            return f"'{e.text}' names an earlier quarter", e.text
        if max(qs) > Q and set(qs) != {1, 2, 3, 4} and (titled or _reports_period(text)) and not _compares(text):
            return f"'{e.text}' names a later quarter", e.text
    elif e.label == "DATE_RANGE":
        end = e.value[1]
        if end is None:
            return None
        qe = quarter_of_month(end)
        if qe < Q and not _compares(text):
            return f"the period '{e.text}' ends in quarter {qe}", e.text
        if qe > Q and (titled or _reports_period(text)) and not _compares(text):
            return f"the period '{e.text}' ends in quarter {qe}", e.text
    return None


def period_mismatch(ctx: ReportContext) -> None:
    if not _quarterly(ctx):
        return
    Q = ctx.meta.quarter
    titles = _titles(ctx)
    last: dict[str, int] = {}
    seen_titles: set[str] = set()

    def report(text: str, why: tuple[str, str], e: Ent, key: str, table_seq: int | None = None) -> None:
        reason, phrase = why
        prev = last.get(key)
        last[key] = e.line or 0
        if prev is not None and e.line is not None and e.line - prev <= 6:
            return              # the same phrase repeated down a list: one finding
        where = place(e.line, e.page) if table_seq is None else f"the title of table {table_seq + 1}"
        ctx.flag(f"{where[:1].upper() + where[1:]}: {reason}, but this is a Triwulan {ROMAN_OF[Q]} report "
                 f"(\"{short(text)}\").", reported=phrase, expected=f"Triwulan {ROMAN_OF[Q]}", line=e.line,
                 page=e.page, table_seq=table_seq)

    sents = ctx.sentences()
    if sents:
        ctx.tick(len(sents))            # (one check per sentence)
    for s in sents:
        titled = None
        why = None
        for e in s.ents:
            if e.label in ("QUARTER", "DATE_RANGE"):
                if titled is None:
                    titled = _is_title(s.text, titles)
                    if titled:
                        seen_titles.add(fold(s.text))
                reason = _period_slip(e, s.text, Q, titled)
                if reason:
                    why = (e, reason)
                    break
        if why is None and ctx.meta.period in QUARTERLY and "," in s.text and _SIGN_DATE.match(s.text.strip()):
            for e in s.ents:
                d = e.value if e.label == "DATE" else None
                if d and d[2] == ctx.meta.year and d[1] < 3 * Q and not _is_pk_signature(ctx, s.line or 0):
                    why = (e, (f"the report is dated '{e.text}', before the last month of quarter {Q}", e.text))
        if why:
            e, reason = why
            report(s.text, reason, e, e.text.lower())
            seen_titles.add(fold(s.text))   # (a table's caption found as a line: the title says it again)
    # titles the narrative does not hold (a title read as a table's caption or header)
    for t in ctx.tables:
        ft = fold(t.title or "")
        core = fold(_TABLE_NUMBER.sub("", t.title or ""))      # (the caption without "Tabel 2.4.")
        if len(ft) <= 8 or t.duplicate_of is not None or any(
                ft in x or x in ft or len(core) > 8 and core in x for x in seen_titles if len(x) > 8):
            continue
        ctx.tick()
        for label, a, b, value in entities(t.title):
            if label in ("QUARTER", "DATE_RANGE"):
                e = Ent(label, t.title[a:b], t.line_start, t.page_start, a, b, value, t.title[:a], t.title[b:])
                reason = _period_slip(e, t.title, Q, True)
                if reason:
                    report(t.title, reason, e, f"{e.text.lower()}#{t.seq}", table_seq=t.seq)
                    break


_TABLE_NUMBER = re.compile(r"(?i)^\s*tabel\s*[\dIVX]+(?:\.\d+)*\.?\s*")
_REGULATION_WORD = re.compile(r"\b(nomor|no|peraturan|perbup|undang|permen\w*)\b", re.I)
_COMPARING = re.compile(r"\bperbandingan\b|\bdibandingkan\b", re.I)


def _year_hits(s, Y: int):
    """(reported, expected, line, page, reason) of the first year slip of a sentence, or None."""
    text = s.text
    said: list[bool] = []           # does it compare, evaluate, plan ahead (searched at the first year read)

    def wrong(y: int) -> bool:
        if y == Y:
            return False
        if not said:
            said.extend(rx.search(text) is not None for rx in (COMPARE, EVALUATES, PLANS_AHEAD))
        compares, evaluates, plans = said
        if y < Y and (compares or evaluates):
            return False
        if y == Y + 1 and plans:
            return False
        return True

    for e in s.ents:
        if e.label == "DATE_RANGE":
            y = e.value[2]
            if y is not None and wrong(y):
                return e.text, str(Y), e.line, e.page, f"the period '{e.text}' is in {y}"
        elif e.label == "QUARTER":
            m = _AFTER_QUARTER_YEAR.match(e.after)
            if m and wrong(int(m.group("y"))):
                phrase = e.text + e.after[:m.end()]
                return phrase, f"{e.text} tahun {Y}", e.line, e.page, f"'{phrase}' is in {m.group('y')}"
    if "19" not in text and "20" not in text:
        return None                 # what follows needs a year (19xx / 20xx) in the text
    for m in PERIOD_YEAR.finditer(text):
        y = int(m.group("y"))
        mid = m.group("mid") or ""
        if _REGULATION_WORD.search(mid):
            continue
        if wrong(y):
            phrase = m.group(0)
            heads = list(_PERIOD_HEAD.finditer(phrase))
            if len(heads) > 1:
                phrase = phrase[heads[-1].start():]       # "PERJANJIAN KINERJA Perjanjian Kinerja Tahun 2021"
            return phrase, str(Y), s.line, s.page, f"'{phrase}' is in {y}"
    if _COMPARING.search(text):
        m = _WITH_YEAR.search(text)
        if m and int(m.group(1)) not in (Y, Y - 1) and str(Y) in text:
            return (m.group(0), f"dengan tahun {Y - 1}", s.line, s.page,
                    f"the comparison is with {m.group(1)}, not with the year before {Y}")
    return None


def year_mismatch(ctx: ReportContext) -> None:
    Y = ctx.meta.year
    if Y is None or ctx.doc_kind not in ("lkj", "unknown"):
        return
    last: dict[str, int] = {}
    sents = ctx.sentences()
    if sents:
        ctx.tick(len(sents))            # (one check per sentence)
    for s in sents:
        hit = _year_hits(s, Y)
        if hit is None and "," in s.text and _SIGN_DATE.match(s.text.strip()):      # (a date line has its comma)
            for e in s.ents:
                if e.label == "DATE" and e.value[2] != Y and not (e.value[2] == Y + 1 and e.value[1] <= 3) \
                        and not _is_pk_signature(ctx, s.line or 0):
                    hit = (e.text, str(Y), e.line, e.page, f"the report is dated '{e.text}'")
                    break
        if hit:
            rep, exp, line, page, reason = hit
            prev = last.get(rep.lower())
            last[rep.lower()] = line or 0
            if prev is not None and line is not None and line - prev <= 6:
                continue
            ctx.flag(f"{place(line, page).capitalize()}: {reason}, but the report is for {Y} (\"{short(s.text)}\").",
                     reported=rep, expected=exp, line=line, page=page)
