"""The narrative of a report as sentences with entities, for the narrative rules.

Narrative = the report's lines that are not table rows (table titles are kept: a title is text).
Sentences: every line is a paragraph of its own unless the source wraps paragraphs over lines (PDF
text, flat text), where a line continues the paragraph above unless that one ended a sentence or the
line starts a list item; a paragraph is cut after '.', '!' or '?' followed by a space (not after a
single letter, "a." of a list or an initial, nor after the number of a list item that opens it).
Every sentence keeps the source line (or page) it starts on and every line it touches.

Entities, each with its place and its parsed value:
    QUARTER     "Triwulan II", "TW II,III dan IV", "tribulan I", "Triwulan ke-2", "triwulan kedua",
                "TW I s.d. TW III" (a range names its end)             -> the quarters (1-4)
    DATE        "31 Maret 2021", "31-03-2021", "31/03/2021"          -> (day, month, year)
    DATE_RANGE  "1 Januari s.d 31 Maret 2023", "April s.d. Juni 2025", "Januari - Juni",
                "bulan Januari sampai dengan bulan September 2022", "s.d. Juni 2023",
                "01/01/2023 - 31/03/2023"                              -> (first month, last month, year)
    KECAMATAN   a kecamatan of the gazetteer after "Kecamatan" / "Kec." (the longest name there,
                multi-word names whole)                                 -> the name as the gazetteer spells it
    UNIT        jabatan heads (Kasi, Kasubag, Kepala Sub Bag, Bendahara, Sekretaris, Camat) and the
                capitalised words after them                            -> the words as written

Hand-written on purpose: these are a handful of regular patterns over words, and Python's `re` finds
them in the whole narrative in milliseconds, where tokenising the narrative with spaCy (which the
stage used before) was most of the text pipeline's time; the sentence cut is the same punctuation
rule spaCy's sentencizer applies.  Claims (counts, percentages) are read by the rules from the
sentence text with regular expressions.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import cast

from lkj.normalizers.calendar import MONTHS, QUARTER_WORDS, ROMAN, SPELLED, ORDINAL
from lkj.normalizers.gazetteer import fold_place, gazetteer
from lkj.normalizers.text import clean


@dataclass
class Ent:
    label: str
    text: str
    line: int | None
    page: int | None
    start: int = 0              # character offsets in the sentence text
    end: int = 0
    value: object = None        # the parsed value (see the module docstring)
    before: str = ""            # the sentence text before the entity
    after: str = ""             # the sentence text after it

    @property
    def tokens(self) -> list[str]:
        return re.findall(r"\w+|[^\w\s]", self.text)


@dataclass
class Sentence:
    text: str
    line: int | None
    page: int | None
    ents: list[Ent] = field(default_factory=list)
    lines: tuple = ()           # every source line the sentence touches


# ---------------------------------------------------------------------------------------------
# patterns

def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_QW = rf"(?:{_alt(QUARTER_WORDS)})"
_QNUM_WORDS = {**{k: v for k, v in SPELLED.items() if v <= 4}, **{k: v for k, v in ORDINAL.items() if v <= 4}}
_QNUM = rf"(?:iv|iii|ii|i|[1-4]|{_alt(_QNUM_WORDS)})"
_QRANGE = r"(?:s\.?[ \t]?d\.?|sampai(?:[ \t]+dengan)?|hingga|-|–)"
_QSEP = rf"(?:[ \t]*(?:,|&|\bdan\b|{_QRANGE})[ \t]*|[ \t]+)"
QUARTER = re.compile(rf"\b{_QW}\.?[ \t]*(?:ke[ \t]*-?[ \t]*)?{_QNUM}\b(?:{_QSEP}(?:{_QW}\.?[ \t]*(?:ke[ \t]*-?[ \t]*)?)?{_QNUM}\b)*", re.I)
_QPART = re.compile(rf"({_QRANGE})|\b({_QNUM})\b", re.I)

_MONTH = rf"(?:{_alt(MONTHS)})\b\.?"
_DAY = r"(?:[0-3]?\d)"
_YEAR = r"(?:19|20)\d\d"
_UPTO = r"(?:s\.?[ \t]?d\.?|sd|sampai(?:[ \t]+dengan)?|hingga|-|–|—)"
_SIDE = rf"(?:(?P<{{d}}>{_DAY})[ \t]+)?(?:bulan[ \t]+)?(?P<{{m}}>{_MONTH})(?:[ \t]*(?P<{{y}}>{_YEAR})\b)?"
DATE_RANGE = re.compile(
    rf"(?<![\w/])(?:{_SIDE.format(d='d1', m='m1', y='y1')}[ \t]*{_UPTO}[ \t]*{_SIDE.format(d='d2', m='m2', y='y2')}"
    rf"|(?P<upto>\b(?:s\.?[ \t]?d\.?|sampai[ \t]+dengan|hingga)[ \t]+(?:(?:tanggal|tgl\.?)[ \t]+)?)(?:(?P<d3>{_DAY})[ \t]+)?(?:bulan[ \t]+)?(?P<m3>{_MONTH})"
    rf"(?:[ \t]*(?P<y3>{_YEAR})\b)?"
    rf"|(?P<nd1>{_DAY})[/.-](?P<nm1>[01]?\d)[/.-](?P<ny1>{_YEAR})[ \t]*{_UPTO}[ \t]*(?P<nd2>{_DAY})[/.-](?P<nm2>[01]?\d)"
    rf"[/.-](?P<ny2>{_YEAR}))", re.I)
DATE = re.compile(rf"(?<![\w/.-])(?:(?P<d>{_DAY})[ \t]+(?P<m>{_MONTH})[ \t]+(?P<y>{_YEAR})"
                  rf"|(?P<nd>{_DAY})(?P<sep>[/-])(?P<nm>[01]?\d)(?P=sep)(?P<ny>{_YEAR}))\b", re.I)
_MONTH_AT = re.compile(rf"(?:{_alt(MONTHS)})\b")
KEC_WORD = re.compile(r"\b(?:kecamatan|kec)\b\.?[ \t]*", re.I)
_PLACE_WORD = re.compile(r"([A-Za-z][A-Za-z'\u2019-]*)[ \t]*")
UNIT = re.compile(r"\b(?i:(?:plt|plh)\.?[ \t]+)?(?:(?i:kepala[ \t]+sub[ \t]*(?:bag|bagian))(?=[ \t]+[A-Z])|"
                  r"(?i:kasubbag|kasubag|kasi|bendahara|sekretaris|sekcam|camat))\b(?:[ \t]+[A-Z][\w/&-]*)*")
_UNIT_STOP = re.compile(rf"[ \t](?:Tahun|TAHUN|Periode|PERIODE|{_QW}|Bulan|BULAN|Kabupaten|KABUPATEN|Desa|DESA)\b", re.I)
_UNIT_HEAD = re.compile(r"^(?:(?:plt|plh)\.?[ \t]+)?(?:kepala[ \t]+sub[ \t]*(?:bag|bagian)|kasubbag|kasubag|kasi|bendahara|"
                        r"sekretaris|sekcam|camat)\b", re.I)


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], int]:
    """Folded kecamatan name -> its spelling, and the most words a name has."""
    out: dict[str, str] = {}
    most = 1
    for low, (_, name) in gazetteer().items():
        out.setdefault(fold_place(low), name)
        most = max(most, len(low.split()))
    return out, most


def _quarters(text: str) -> tuple[int, ...]:
    """The quarters a QUARTER match names; a range ("TW I s.d. TW III") names its end."""
    text = re.sub(r"\bke\s*-?\s*(?=\w)", " ", text, flags=re.I)
    nums: list[int] = []
    ranged = False
    parts = list(_QPART.finditer(text))
    words = [m.group(2).lower() for m in parts if m.group(2)]
    if len(words) == 2 and all(set(w) == {"i"} for w in words) and len("".join(words)) <= 3 \
            and not re.search(r",|&|\bdan\b|s\.?\s?d|sampai|hingga|-", text[text.lower().find(words[0]):], re.I):
        return (len("".join(words)),)           # "Triwulan I II": one numeral split by a stray space
    for m in parts:
        if m.group(1):
            ranged = True
            continue
        w = m.group(2).lower()
        q = ROMAN.get(w) or _QNUM_WORDS.get(w)
        if q is None:
            continue
        if ranged and nums:
            nums[-1:] = [q]                     # a range keeps its end
            ranged = False
        else:
            nums.append(q)
    return tuple(nums)


def _month(s: str | None) -> int | None:
    return MONTHS.get(s.lower().rstrip(".")) if s else None


def _range_value(m: re.Match) -> tuple | None:
    g = m.groupdict()
    if g.get("m2"):
        y = g.get("y2") or g.get("y1")
        return _month(g["m1"]), _month(g["m2"]), int(y) if y else None
    if g.get("m3"):
        return None, _month(g["m3"]), int(g["y3"]) if g.get("y3") else None
    if g.get("nm2"):
        a, b = int(g["nm1"]), int(g["nm2"])
        if 1 <= a <= 12 and 1 <= b <= 12:
            return a, b, int(g["ny2"])
    return None


def _date_value(m: re.Match) -> tuple | None:
    g = m.groupdict()
    if g.get("m"):
        d, mo, y = int(g["d"]), _month(g["m"]), int(g["y"])
    else:
        d, mo, y = int(g["nd"]), int(g["nm"]), int(g["ny"])
    return (d, mo, y) if 1 <= d <= 31 and mo and 1 <= mo <= 12 else None


def _kec_words(text: str, low: str):
    """KEC_WORD.finditer(text); on ASCII text (`low` its lower case, where ignoring case is
    lower-casing) tried only where "kec" stands."""
    if not text.isascii():
        yield from KEC_WORD.finditer(text)
        return
    end = 0
    i = low.find("kec")
    while i >= 0:
        m = KEC_WORD.match(text, i) if i >= end else None
        if m:
            yield m
            end = m.end()
        i = low.find("kec", i + 1)


def _kecamatan(text: str, low: str):
    """(start, end, name) of every gazetteer kecamatan named after "Kecamatan" / "Kec." (`low`: the
    text lower-cased)."""
    places, most = _places()
    for m in _kec_words(text, low):
        words: list[re.Match[str]] = []
        pos = m.end()
        for w in _PLACE_WORD.finditer(text, pos):
            if w.start() != pos or len(words) >= most:
                break
            words.append(w)
            pos = w.end()
        if not words or words[0].group(1).islower():
            continue
        for n in range(len(words), 0, -1):
            name = places.get(fold_place("".join(w.group(1) for w in words[:n])))
            if name:
                yield m.start(), words[n - 1].end(1), name
                break


_QUARTER_PREFIXES = tuple(sorted({w[:3] for w in QUARTER_WORDS}))
_MONTH_PREFIXES = tuple(sorted({m[:3] for m in MONTHS}))
_UNIT_PREFIXES = ("kasi", "kasub", "bendahara", "sekretaris", "sekcam", "camat", "kepala", "plt", "plh")
_LEAD = re.compile(r"(?:(?<![\d.,])\d{1,2}[ \t]+)?(?:bulan[ \t]+)?$", re.I)
_LEAD_UPTO = re.compile(r"(?:s\.?[ \t]?d\.?|sampai[ \t]+dengan|hingga)[ \t]+(?:(?:tanggal|tgl\.?)[ \t]+)?(?:\d{1,2}[ \t]+)?"
                        r"(?:bulan[ \t]+)?$", re.I)
_NUMERIC_YEAR = ("/19", "/20", "-19", "-20")


def _word_starts(low: str, prefixes) -> list[int]:
    """Where a word starting with one of the prefixes starts (str.find over the lower-cased text: the
    patterns are then tried only there)."""
    out = set()
    for p in prefixes:
        i = low.find(p)
        while i >= 0:
            if i == 0 or not low[i - 1].isalnum():
                out.add(i)
            i = low.find(p, i + 1)
    return sorted(out)


def entities(text: str) -> list[tuple[str, int, int, object]]:
    """(label, start, end, value) of the entities of a text, in reading order, without overlaps
    (the longer one wins: a date inside a date range is the range's)."""
    found: list[tuple[str, int, int, object]] = []
    low = text.lower()
    end = -1
    for i in _word_starts(low, _QUARTER_PREFIXES):
        m = QUARTER.match(text, i) if i >= end else None
        if m:
            q = _quarters(m.group(0))
            if q:
                found.append(("QUARTER", m.start(), m.end(), q))
                end = m.end()
    end = -1
    for i in _word_starts(low, _MONTH_PREFIXES):
        if i < end or not _MONTH_AT.match(low, i):
            continue
        lead = _LEAD.search(text, max(0, i - 12), i)
        assert lead is not None         # (_LEAD matches the empty string)
        s = i - len(lead.group(0))
        m = DATE_RANGE.match(text, s)
        if m is None:
            up = _LEAD_UPTO.search(text, max(0, i - 30), i)
            m = DATE_RANGE.match(text, up.start()) if up else None
        if m is not None:
            v = _range_value(m)
            if v is not None:
                found.append(("DATE_RANGE", m.start(), m.end(), v))
                end = m.end()
                continue
        m = DATE.match(text, s)
        if m is not None:
            v = _date_value(m)
            if v is not None:
                found.append(("DATE", m.start(), m.end(), v))
    for y in _NUMERIC_YEAR:
        i = low.find(y)
        while i >= 0:
            a = max(0, i - 5)
            for s in range(a, i):
                m = DATE_RANGE.match(text, s) or DATE.match(text, s)
                if m and m.end() > i:
                    v = _range_value(m) if m.re is DATE_RANGE else _date_value(m)
                    if v is not None:
                        found.append(("DATE_RANGE" if m.re is DATE_RANGE else "DATE", m.start(), m.end(), v))
                    break
            i = low.find(y, i + 1)
    if "kec" in low:
        for s, e, name in _kecamatan(text, low):
            found.append(("KECAMATAN", s, e, name))
    # a unit's words end where another entity or a period word begins ("Kasi Pemerintahan Triwulan
    # III", "Sekretaris Kecamatan <name>": the unit is "Sekretaris Kecamatan")
    others = sorted(f[1] for f in found)
    end = -1
    for i in _word_starts(low, _UNIT_PREFIXES):
        m = UNIT.match(text, i) if i >= end else None
        if not m:
            continue
        end = m.end()
        k = bisect.bisect_right(others, m.start())
        if k < len(others) and others[k] < end:
            end = others[k]
        w = _UNIT_STOP.search(text, m.start(), end)
        if w:
            end = w.start()
        name = text[m.start():end].rstrip(" ,")
        if name:
            found.append(("UNIT", m.start(), m.start() + len(name), name))
        end = m.end()
    found.sort(key=lambda x: (x[1], -(x[2] - x[1])))
    out: list[tuple[str, int, int, object]] = []
    for f in found:
        if out and f[1] < out[-1][2]:
            if f[2] - f[1] > out[-1][2] - out[-1][1]:
                out[-1] = f
            continue
        out.append(f)
    return out


# ---------------------------------------------------------------------------------------------
# sentences

_SD_TW = re.compile(r"\b([Ss])\s*/\s*([Dd])(?=TW|tw)")
_SD = re.compile(r"\b([Ss])\s*/\s*([Dd])\b\.?")
# abbreviations whose full stop would end a sentence
_ABBREVIATIONS = {"s.d", "plt", "plh", "kec", "no", "jl", "kab", "drs", "dra", "ir", "hj", "h", "tgl", "rp", "dll",
                  "dsb", "dkk", "th", "prov", "kel", "ds"}
_STOP = re.compile(r"\.(?=\s)")
_WORD_BEFORE = re.compile(r"(?<![A-Za-z.])[A-Za-z][A-Za-z.]{0,3}$")


@lru_cache(maxsize=65536)
def _normalise_line(s: str) -> str:
    s = clean(s)
    if "/" in s:
        s = _SD.sub(r"\1.\2", _SD_TW.sub(r"\1.\2 ", s))          # "S/DTW II" -> "S.D TW II", "s/d" -> "s.d"
    if ". " in s:
        drop = [m.start() for m in _STOP.finditer(s)
                if (w := _WORD_BEFORE.search(s, max(0, m.start() - 5), m.start())) and w.group(0).lower() in _ABBREVIATIONS]
        for i in reversed(drop):
            s = s[:i] + s[i + 1:]
    return s


def narrative_lines(lines: list, tables: list) -> list:
    """The report's lines that are not table rows or cells."""
    return _narrative(lines, _table_lines(tables))


def _narrative(lines: list, rows: set[int]) -> list:
    return [ln for ln in lines if ln.no not in rows and ln.cells is None and ln.text.strip()]


def _table_lines(tables: list) -> set[int]:
    skip: set[int] = set()
    for t in tables:
        nos = [r.line for r in t.rows if r.line is not None]
        if nos:
            skip.update(range(min(nos), max(nos) + 1))
    return skip


_LIST_ITEM = re.compile(r"^([-•*]|\d+[.)]|[a-z][.)])\s")
_END = re.compile(r"[.!?]+[)\"'\]\u201d\u2019]*(?=\s)")
_QUARTER_AT_END = re.compile(rf"\b{_QW}\s*$", re.I)
_QW_LONGEST = max(map(len, QUARTER_WORDS))      # it can only start this far before the line's last letter
_QW_LAST = frozenset(c for w in QUARTER_WORDS for c in (w[-1], w[-1].upper()))   # and it ends in one of these


def _cuts(text: str, start: int, end: int) -> list[int]:
    """Sentence starts inside one paragraph text[start:end]."""
    out = [start]
    lead = _LIST_ITEM.match(text, start)
    for m in _END.finditer(text, start, end):
        i = m.start()
        if lead and i < lead.end():
            continue                            # "1. Pendahuluan": the item's number opens the sentence
        if i >= 1 and text[i] == "." and text[i - 1].isalpha() and (i < 2 or not text[i - 2].isalnum()):
            continue                            # "a." of a list, an initial
        nxt = m.end()
        while nxt < end and text[nxt].isspace():
            nxt += 1
        if nxt < end:
            out.append(nxt)
    return out


def sentences(lines: list, tables: list, wrapped: bool, spaced: bool = False,
              elided: frozenset[int] = frozenset()) -> list[Sentence]:
    """Sentences of the narrative. `wrapped`: the source wraps paragraphs over lines (PDF text);
    otherwise every line is a paragraph of its own and starts a sentence.  A table's rows between
    two lines end the paragraph above them; so does a blank line when `spaced` (text laid out with
    spaces sets its paragraphs apart so; a text layer without layout breaks lines inside one).  The
    source lines in `elided` (left out by the reader as no text's) make no gap."""
    rows = _table_lines(tables)
    narr = _narrative(lines, rows)
    if not narr:
        return []
    chunks: list[str] = []
    starts: list[int] = []
    paragraph_starts: list[int] = []
    pos = 0
    prev = ""
    prev_no = None
    for ln in narr:
        t = _normalise_line(ln.text)
        # "... TRIWULAN" / "II TAHUN 2025": one title over two lines, read as one line
        tail = prev.rstrip()
        joined = bool(chunks) and tail[-1:] in _QW_LAST and \
            _QUARTER_AT_END.search(prev, max(0, len(tail) - _QW_LONGEST)) is not None
        apart = prev_no is not None and ln.no - prev_no > 1 and (
            spaced or any(k in rows for k in range(prev_no + 1, ln.no))) and (
            not elided or any(k not in elided for k in range(prev_no + 1, ln.no)))
        new_paragraph = not joined and (not wrapped or not prev or tail[-1:] in ".:;!?" or apart
                                        or _LIST_ITEM.match(t) is not None)
        prev_no = ln.no
        if chunks:
            pos += 1
            chunks.append("\n" if new_paragraph else " ")
        starts.append(pos)
        if new_paragraph:
            paragraph_starts.append(pos)
        chunks.append(t)
        pos += len(t)
        prev = t
    text = "".join(chunks)
    nos = [ln.no for ln in narr]
    pages = [ln.page for ln in narr]
    bisect_right = bisect.bisect_right       # the source line of a character: bisect_right(starts, char) - 1

    out: list[Sentence] = []
    bounds = paragraph_starts + [len(text)]
    # entities over the whole narrative at once (their patterns do not cross a paragraph's end)
    ents = entities(text)
    n_ents = len(ents)
    k = 0
    for a, b in zip(bounds, bounds[1:]):
        cuts = _cuts(text, a, b)
        cuts.append(b)
        for s, e in zip(cuts, cuts[1:]):
            lead = text[s:e].lstrip()
            body = lead.rstrip()
            if not body:
                continue
            s0 = e - len(lead)
            end = s0 + len(body)
            if "\n" in body:
                body = body.replace("\n", " ")
            i0 = bisect_right(starts, s0) - 1
            sent = Sentence(body, nos[i0], pages[i0], [], tuple(nos[i0:bisect_right(starts, end - 1)]))
            while k < n_ents and ents[k][1] < s0:
                k += 1
            while k < n_ents and ents[k][1] < end:
                label, es, ee, value = ents[k]
                ee = min(ee, end)
                li = bisect_right(starts, es) - 1
                rs, re_ = es - s0, ee - s0
                sent.ents.append(Ent(label, body[rs:re_], nos[li], pages[li], rs, re_, value, body[:rs], body[re_:]))
                k += 1
            out.append(sent)
    return out


# ---------------------------------------------------------------------------------------------
# reading an entity's value

def quarters_of(ent: Ent) -> list[int]:
    """Quarter numbers a QUARTER entity names ("TW II,III dan IV" -> [2, 3, 4])."""
    return list(cast("Iterable[int]", ent.value or ()))


def spelled_quarter(ent: Ent) -> int | None:
    """"Triwulan III (Dua)": the quarter spelled out in brackets after the numeral, if any."""
    m = re.match(r"\s*\(\s*([A-Za-z]+)\s*\)", ent.after)
    if m and SPELLED.get(m.group(1).lower(), 9) <= 4:
        return SPELLED[m.group(1).lower()]
    return None


def date_range_end(ent: Ent) -> tuple[int | None, int | None]:
    """(end month, year) of a DATE_RANGE."""
    _, end, year = cast("tuple[int | None, int | None, int | None]", ent.value)
    return end, year


def date_value(ent: Ent) -> tuple[int, int, int] | None:
    return cast("tuple[int, int, int]", ent.value) if ent.label == "DATE" else None


def unit_head(text: str) -> bool:
    return _UNIT_HEAD.match(text) is not None
