"""The narrative of a report as sentences with entities, for the narrative rules.

A blank Indonesian spaCy pipeline (tokenizer + sentencizer) with an EntityRuler whose patterns are
data: QUARTER ("Triwulan II", "TW II,III dan IV", "tribulan I"), DATE ("31 Maret 2021"),
DATE_RANGE ("1 Januari s.d 31 Maret 2023", "April s.d. Juni 2025"), KECAMATAN (a name of the
national gazetteer after "Kecamatan"/"Kec.", multi-word names whole: the ruler marks the keyword and
the capitalised word after it, and a small component after the ruler stretches the entity over the
longest gazetteer name there or drops it — one pattern instead of thousands of phrases), UNIT (jabatan heads: Kasi, Kasubag, Kepala Sub Bag, Bendahara,
Sekretaris Kecamatan, Camat). Claims (counts, percentages) are read by the rules from the
sentence text with regular expressions.

Narrative = the report's lines that are not table rows (table titles are kept: a title is text).
Every sentence keeps the source line (or page) of each of its tokens.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Span
from spacy.util import filter_spans

from lkj.normalizers.calendar import MONTHS, QUARTER_WORDS, ROMAN, SPELLED
from lkj.normalizers.gazetteer import national
from lkj.normalizers.text import clean

QUARTER_WORD = r"^(" + "|".join(QUARTER_WORDS) + r")\.?$"
UNIT_HEADS = ["kasi", "kasubag", "kasubbag", "bendahara", "sekretaris", "sekcam", "camat"]


@lru_cache(maxsize=1)
def nlp():
    """spaCy's Indonesian language (punctuation rules, Indonesian number words for LIKE_NUM) without its
    16,000 reduplication tokenizer exceptions ("abang-abang", ...): they cost 4-5 s to load per process
    and no rule here reads a reduplicated word."""
    from spacy.lang.id import Indonesian
    from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS

    class IndonesianLean(Indonesian):
        class Defaults(Indonesian.Defaults):
            tokenizer_exceptions = dict(BASE_EXCEPTIONS)

    pipe = IndonesianLean()
    pipe.add_pipe("sentencizer")
    ruler = pipe.add_pipe("entity_ruler", config={"overwrite_ents": True})
    pipe.add_pipe("lkj_kecamatan_names", after="entity_ruler")
    num = {"TEXT": {"REGEX": r"^(I{1,3}|IV|[1-4])$"}}
    year = {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}
    month = {"LOWER": {"IN": list(MONTHS)}}
    upto = {"LOWER": {"REGEX": r"^(s\.?d\.?|sd|sampai|hingga|-|–)$"}}
    patterns = [
        {"label": "QUARTER", "pattern": [{"LOWER": {"REGEX": QUARTER_WORD}}, num,
                                         {"TEXT": {"REGEX": r"^(I{1,3}|IV|[1-4]|,|dan|&)$"}, "OP": "*"}]},
        {"label": "DATE_RANGE", "pattern": [{"LIKE_NUM": True, "OP": "?"}, month, upto, {"LIKE_NUM": True, "OP": "?"},
                                            month, {**year, "OP": "?"}]},
        {"label": "DATE", "pattern": [{"TEXT": {"REGEX": r"^\d{1,2}$"}}, month, year]},
        {"label": "KECAMATAN", "pattern": [{"LOWER": {"IN": ["kecamatan", "kec"]}}, {"TEXT": ".", "OP": "?"},
                                           {"IS_ALPHA": True, "IS_LOWER": False}]},
        {"label": "UNIT", "pattern": [{"LOWER": "kepala"}, {"LOWER": "sub"}, {"LOWER": {"IN": ["bag", "bagian"]}},
                                      {"IS_TITLE": True, "OP": "+"}]},
        {"label": "UNIT", "pattern": [{"LOWER": {"IN": ["plt", "plt."]}, "OP": "?"}, {"TEXT": ".", "OP": "?"},
                                      {"LOWER": {"IN": UNIT_HEADS}}, {"IS_TITLE": True, "OP": "*"}]},
    ]
    ruler.add_patterns(patterns)
    return pipe


@Language.component("lkj_kecamatan_names")
def _kecamatan_names(doc):
    """A KECAMATAN entity covers the keyword and the longest gazetteer name after it, else none."""
    g = national()
    ents = []
    for e in doc.ents:
        if e.label_ != "KECAMATAN":
            ents.append(e)
            continue
        start = e.start + 1 + (doc[e.start + 1].text == ".")
        toks = []
        for t in doc[start:start + 2 * g.max_words]:
            if t.is_space or (t.is_punct and t.text not in "-'\u2019"):
                break
            toks.append(t)
        n, found = g.longest_kecamatan([t.text for t in toks])
        while n and not toks[n - 1].is_alpha:
            n -= 1
        if n:
            ents.append(Span(doc, e.start, toks[n - 1].i + 1, label="KECAMATAN"))
    doc.ents = filter_spans(ents)
    return doc


def kecamatan_name(ent: "Ent") -> str:
    """The place name of a KECAMATAN entity (the words after "Kecamatan"/"Kec")."""
    toks = ent.tokens[1:]
    if toks and toks[0] == ".":
        toks = toks[1:]
    return " ".join(toks)


@dataclass
class Ent:
    label: str
    text: str
    line: int | None
    page: int | None
    tokens: list[str]
    after: list[str]          # the next few tokens after the entity
    before: list[str]         # the few tokens before it


@dataclass
class Sentence:
    text: str
    line: int | None
    page: int | None
    ents: list[Ent] = field(default_factory=list)
    lines: tuple = ()           # every source line the sentence touches


def _normalise_line(s: str) -> str:
    s = clean(s)
    s = re.sub(r"\b([Ss])\s*/\s*([Dd])(?=TW|tw)", r"\1.\2 ", s)      # "S/DTW II" -> "S.D TW II"
    s = re.sub(r"\b([Ss])\s*/\s*([Dd])\b\.?", r"\1.\2", s)            # "s/d" -> "s.d"
    # abbreviations whose full stop would end a sentence (the tokenizer keeps no exception list)
    s = re.sub(r"\b(s\.d|Plt|Plh|Kec|No|Jl|Kab|Drs|Dra|Ir|Hj|H|Tgl)\.(?=\s)", r"\1", s, flags=re.I)
    return s


def narrative_lines(lines: list, tables: list) -> list:
    """The report's lines that are not table rows or cells."""
    skip: set[int] = set()
    for t in tables:
        nos = [r.line for r in t.rows if r.line is not None]
        if nos:
            skip.update(range(min(nos), max(nos) + 1))
    return [ln for ln in lines if ln.no not in skip and ln.cells is None and ln.text.strip()]


def sentences(lines: list, tables: list, wrapped: bool) -> list[Sentence]:
    """Sentences of the narrative. `wrapped`: the source wraps paragraphs over lines (PDF text);
    otherwise every line is a paragraph of its own and starts a sentence."""
    narr = narrative_lines(lines, tables)
    if not narr:
        return []
    parts: list[str] = []
    starts: list[int] = []
    joined: list[bool] = []       # the line continues a title broken after its quarter word
    pos = 0
    for ln in narr:
        t = _normalise_line(ln.text)
        # "... TRIWULAN" / "II TAHUN 2025": one title over two lines, read as one line
        joined.append(bool(parts) and re.search(r"\b(triwulan|tribulan|tw)\s*$", parts[-1], re.I) is not None)
        starts.append(pos)
        parts.append(t)
        pos += len(t) + 1
    text = "".join(p if i == 0 else (" " if joined[i] else "\n") + p for i, p in enumerate(parts))
    pipe = nlp()
    doc = pipe.make_doc(text)
    # paragraph starts: every line (paragraph-per-line sources), or a line after one that ends a sentence
    line_first_tok = set()
    for i, st in enumerate(starts):
        tok = doc.char_span(st, st + max(1, len(parts[i])), alignment_mode="expand")
        if tok is not None and len(tok):
            prev = parts[i - 1].rstrip() if i else ""
            if joined[i]:
                continue
            if not wrapped or not prev or prev[-1] in ".:;!?" or re.match(r"^([-•*]|\d+[.)]|[a-z][.)])\s", parts[i]):
                line_first_tok.add(tok[0].i)
    for name, proc in pipe.pipeline:
        if name == "sentencizer":
            doc = proc(doc)
            for tk in doc:
                if tk.i in line_first_tok:
                    tk.is_sent_start = True
        else:
            doc = proc(doc)

    def src(char: int):
        k = bisect.bisect_right(starts, char) - 1
        ln = narr[max(0, k)]
        return ln.no, ln.page

    out: list[Sentence] = []
    for s in doc.sents:
        if not s.text.strip():
            continue
        no, page = src(s.start_char)
        sent = Sentence(s.text.replace("\n", " "), no, page)
        sent.lines = tuple(sorted({src(t.idx)[0] for t in s if not t.is_space}))
        for e in s.ents:
            eno, epage = src(e.start_char)
            after = [t.text for t in doc[e.end:min(len(doc), e.end + 4)]]
            before = [t.text for t in doc[max(0, e.start - 3):e.start]]
            sent.ents.append(Ent(e.label_, e.text, eno, epage, [t.text for t in e], after, before))
        out.append(sent)
    return out


def quarters_of(ent: Ent) -> list[int]:
    """Quarter numbers a QUARTER entity names ("TW II,III dan IV" -> [2, 3, 4]; "Triwulan I II" -> [3],
    a numeral split by a stray space)."""
    nums = [t for t in ent.tokens[1:] if t.lower() in ROMAN]
    if len(nums) == 2 and all(set(n.upper()) == {"I"} for n in nums) and len("".join(nums)) <= 3 \
            and not any(t in (",", "dan", "&") for t in ent.tokens[1:]):
        nums = ["".join(nums)]
    return [ROMAN[n.lower()] for n in nums if n.lower() in ROMAN]


def spelled_quarter(ent: Ent) -> int | None:
    """"Triwulan III (Dua)": the quarter spelled out in brackets after the numeral, if any."""
    a = [t.lower() for t in ent.after]
    if len(a) >= 3 and a[0] == "(" and SPELLED.get(a[1], 9) <= 4 and a[2] == ")":
        return SPELLED[a[1]]
    return None


def date_range_end(ent: Ent) -> tuple[int | None, int | None]:
    """(end month, year) of a DATE_RANGE."""
    months = [MONTHS[t.lower()] for t in ent.tokens if t.lower() in MONTHS]
    years = [int(t) for t in ent.tokens if re.fullmatch(r"(19|20)\d\d", t)]
    return (months[-1] if months else None), (years[-1] if years else None)


def date_value(ent: Ent) -> tuple[int, int, int] | None:
    d = [t for t in ent.tokens]
    try:
        return int(d[0]), MONTHS[d[1].lower()], int(d[2])
    except (ValueError, KeyError, IndexError):
        return None
