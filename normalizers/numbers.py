"""Indonesian number formats, with the real-world exceptions found in SAKIP reports.

Written by hand: no library parses "Rp. 2.400.000,-", "27,08 %", "1,706,504,410" beside
"925.196.713" and "76.44%" in one document, deciding ambiguous separators from the column's
meaning (a percentage or index is not 7644; rupiah come in 3-digit groups).
"""
from __future__ import annotations

import re
from functools import lru_cache

from lkj.model.values import Parsed

# kinds of column, which decide how an ambiguous separator is read
MONEY = "money"          # pagu, realisasi anggaran, sisa: thousands separators, ",00" decimals
PERCENT = "percent"      # capaian, capaian anggaran, efisiensi: decimals
QUANTITY = "quantity"    # kinerja target / realisasi: a number with a unit


_DASH_ONLY = re.compile(r"^[\-–—−]+$")
_NUM = re.compile(r"[-−–]?\s?\d[\d.,]*")


_RP = re.compile(r"(?i)\b(?:rp|idr)\.?\s*")
# an amount grouped by spaces, as some exports write it ("1 706 504 410", "2 400 000,00")
_SPACE_GROUPED = re.compile(r"^-?\d{1,3}(?: \d{3})+(?:,\d{1,2})?$")
_DASH_TAIL = re.compile(r",\s*[-–]+\s*$")
_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"[A-Za-z]")
# an amount in brackets, the accountant's negative ("(2.500.000)": a sisa overspent)
_BRACKETED_AMOUNT = re.compile(r"^\(\s*((?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?)\s*\)$")


def _strip_money_decor(s: str) -> str:
    s = _RP.sub("", s)
    s = _DASH_TAIL.sub("", s)      # "2.400.000,-" / ",--"
    return s.strip()


def _read_digits(num: str, kind: str, flags: list[str]) -> tuple[float | None, str | None, str | None]:
    """Interpret one numeric token like '1.390.110.590,00', '27,08', '76.44', '1,706,504,410'."""
    neg = num.startswith(("-", "−", "–"))
    num = num.lstrip("-−– ").rstrip(".,")
    if not num:
        return None, None, None
    dots, commas = num.count("."), num.count(",")
    dec = th = None
    if dots and commas:
        # the separator that comes last is the decimal one
        if num.rfind(",") > num.rfind("."):
            th, dec = ".", ","
        else:
            th, dec = ",", "."
            flags.append("dot_decimal_with_comma_thousands")
        intpart, _, frac = num.rpartition(dec)
        intpart = intpart.replace(th, "")
    elif dots or commas:
        sep = "." if dots else ","
        groups = num.split(sep)
        three = all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3
        if len(groups) > 2 and len(groups[-1]) == 2 and all(len(g) == 3 for g in groups[1:-1]) \
                and 1 <= len(groups[0]) <= 3:
            # "2.135.000.00": the decimal mark written (or OCRed) like the thousands separator
            th = dec = sep
            intpart, frac = "".join(groups[:-1]), groups[-1]
            flags.append("decimal_same_as_thousands")
        elif len(groups) > 2:
            # several separators: only a thousands separator repeats
            th = sep
            intpart, frac = num.replace(sep, ""), ""
            if sep == ",":
                flags.append("comma_thousands")
        elif kind == MONEY and three:
            th = sep
            intpart, frac = num.replace(sep, ""), ""
            if sep == ",":
                flags.append("comma_thousands")
        elif kind == QUANTITY and three and sep == "." and len(groups[1]) == 3 and int(groups[0] or 0) > 0 \
                and flags.count("count_unit"):
            th = sep
            intpart, frac = num.replace(sep, ""), ""
        else:
            dec = sep
            intpart, frac = groups[0], groups[1]
            if sep == "." and kind != MONEY:
                flags.append("dot_decimal")
    else:
        intpart, frac = num, ""
    if not intpart.isdigit() and intpart != "":
        return None, None, None
    try:
        value = float(f"{intpart or '0'}.{frac}" if frac else intpart)
    except ValueError:
        return None, None, None
    return (-value if neg else value), dec, th


def parse_number(text: str | None, kind: str = QUANTITY) -> Parsed:
    """Parse the leading number of a cell; the rest of the cell may carry a unit ("12 Dokumen")."""
    if text is None:
        return Parsed(None)
    p = _parsed(text if type(text) is str else str(text), kind)
    return Parsed(p.value, p.unit, list(p.flags), p.decimal_sep, p.thousands_sep)     # a copy of its own


@lru_cache(maxsize=65536)
def _parsed(text: str, kind: str) -> Parsed:
    """parse_number, memoised on the text (a report repeats its values from table to table); the
    result is never handed out, only copied."""
    from .units import normalise_unit, is_count_unit

    s = _SPACES.sub(" ", text.replace("\u00a0", " ")).strip()
    if not s:
        return Parsed(None)
    flags: list[str] = []
    bracketed = _BRACKETED_AMOUNT.match(s)
    if bracketed:
        p = _parsed(bracketed.group(1), kind)
        if p.value is not None:
            return Parsed(-p.value, p.unit, list(p.flags) + ["bracketed_negative"], p.decimal_sep, p.thousands_sep)
    if kind == MONEY:
        s = _strip_money_decor(s)
        if _DASH_ONLY.match(s) or s == "":
            return Parsed(0.0, None, ["dash_zero"])
        if " " in s and _SPACE_GROUPED.match(s):
            p = _parsed(s.replace(" ", "."), kind)
            return Parsed(p.value, p.unit, list(p.flags) + ["space_thousands"], p.decimal_sep, " ")
    elif _DASH_ONLY.match(s):
        return Parsed(None, None, ["dash"])
    m = _NUM.search(s)
    if not m or m.start() > 0 and _LETTER.search(s[: m.start()]) and kind != QUANTITY:
        return Parsed(None)
    before = s[: m.start()].strip()
    token = m.group(0).replace(" ", "")
    rest = s[m.end():].strip()
    # "12 Dokum en": a unit may follow; "lembaga 6 masyarakat": a unit may surround the number
    unit_text = rest
    if before and kind == QUANTITY:
        unit_text = (before + " " + rest).strip()
    pct = rest.startswith("%") or unit_text.startswith("%")
    unit = "%" if pct else normalise_unit(unit_text)
    if unit and is_count_unit(unit):
        flags.append("count_unit")
    value, dec, th = _read_digits(token, PERCENT if pct else kind, flags)
    flags = [f for f in flags if f != "count_unit"]
    if value is None:
        return Parsed(None)
    return Parsed(value, unit, flags, dec, th)


def parse_money(text: str | None) -> Parsed:
    return parse_number(text, MONEY)


def parse_percent(text: str | None) -> Parsed:
    p = parse_number(text, PERCENT)
    if p.value is not None and p.unit not in (None, "%"):
        # a percentage column holding "1 Jan s/d Juni 2023" is not a percentage
        return Parsed(None, None, ["not_a_percent"])
    return p
