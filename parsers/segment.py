"""Split a Document into reports: one file may bundle many LKj, PK documents and annexes.

A report starts at a document title (LAPORAN KINERJA..., PERUBAHAN PERJANJIAN KINERJA followed by
its "Dalam rangka ..." opening, LAPORAN REALISASI ANGGARAN, BERITA ACARA, Formulir E.81), moved
back over the letterhead above it; or at a second "BAB I" inside the current report (bundles of
reports exported without cover pages).  A title inside a report that has no body yet (the cover
page repeats the title) does not start a new report.

A title is a heading, in capitals or in mixed case ("Laporan Kinerja Triwulan II Tahun 2023",
"LKjIP Kecamatan Medan Amplas Tahun 2022"): short, its words capitalised but for a few connectors,
no sentence inside it, not the continuation of a paragraph.  A running page header or footer
("LAKIP Kecamatan X Tahun 2020 Page 10", repeated on every page) is no title: a line that carries a
page number, or whose text recurs through the document without an opening (Kata Pengantar, BAB I)
close under it, does not start a report.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lkj.normalizers.text import clean, letter_counts

_LKJ = re.compile(r"^(LAPORAN\s+KINERJA|LKJ\s*-?\s*IP\b|LKJ\b|LAKIP\b|LKIP\b|LAKIN\b|"
                  r"LAPORAN\s+AKUNTABILITAS\s+KINERJA|L\s?K\s?j\s?I\s?P\b)", re.I)
_PK = re.compile(r"^(LAMPIRAN\s+)?(PERUBAHAN\s+)?PERJANJIAN\s+KINERJA\b", re.I)
_PK_OPENING = re.compile(r"^(Dalam rangka|Pada hari ini)|bertanda\s*tangan", re.I)
_LRA = re.compile(r"^LAPORAN\s+REALISASI\s+ANGGARAN\b", re.I)
_BA = re.compile(r"^BERITA\s+ACARA\b", re.I)
_FORM = re.compile(r"^Formulir\s+E[.\s-]?\d+", re.I)
_BAB1 = re.compile(r"^BAB\s+I\b(?!I|V)", re.I)
_BAB = re.compile(r"^BAB\s+(I|II|III|IV|V|VI|\d)\b", re.I)
_INTRO = re.compile(r"^(BAB\s+I\b(?!I|V)|KATA\s+PENGANTAR|PENDAHULUAN|DAFTAR\s+ISI)", re.I)
_LETTERHEAD = re.compile(r"^(PEMERINTAH\s+(KABUPATEN|KOTA|PROVINSI))", re.I)


@dataclass
class Segment:
    start: int          # index into doc.lines
    end: int            # exclusive
    doc_kind: str


_CONNECTORS = {"dan", "di", "ke", "dari", "pada", "tahun", "dalam", "atas", "serta", "untuk", "bagi", "s.d", "s/d",
               "sampai", "dengan", "periode", "bulan", "semester", "triwulan", "tw"}
_PAGE_MARK = re.compile(r"\b(page|hal(aman)?|hlm)\.?\s*\d+\b|(\||–|-)\s*\d{1,3}\s*(\||–|-)?\s*$|\s{2,}\d{1,3}\s*$|"
                        r"\b(19|20)\d\d\s+\d{1,3}\s*$", re.I)


def _is_titleish(text: str) -> bool:
    """Short, mostly upper-case line (a heading), not a sentence."""
    if not text or len(text) > 110:
        return False
    letters, upper = letter_counts(text)
    if not letters:
        return False
    return upper / letters >= 0.6 or _is_mixed_case_title(text)


def _is_upper(text: str) -> bool:
    letters, upper = letter_counts(text)
    return bool(letters) and upper / letters >= 0.6


def _is_mixed_case_title(text: str) -> bool:
    """"Laporan Kinerja Instansi Pemerintah (LKjIP) Kecamatan X Tahun 2022": every word capitalised
    (or a number, or a connector), no sentence inside, not ending in a comma."""
    if len(text) > 110 or re.search(r"[.;!?]\s+\S", text) or text.rstrip().endswith((",", ";")):
        return False
    words = re.findall(r"[A-Za-z][\w.'/-]*", text)
    if len(words) < 2:
        return False
    low = [w for w in words if w[0].islower() and w.lower() not in _CONNECTORS]
    return not low


def running_key(text: str) -> str:
    """A line's text without its page number, to recognise a running header."""
    t = re.sub(r"\b(page|hal(aman)?|hlm)\.?\s*\d+\b", " ", text, flags=re.I)
    t = re.sub(r"[\s|\-–]*\d{1,3}[\s|\-–]*$", " ", t)
    return re.sub(r"\s+", " ", t).strip().lower()


def _continues_paragraph(texts: list[str], i: int) -> bool:
    """The line before i (if any, within three lines) is running text that does not end a sentence."""
    for j in range(i - 1, max(-1, i - 4), -1):
        p = texts[j]
        if p:
            return len(p) > 60 and not p.rstrip().endswith((".", ":", ";", "!", "?", ")")) \
                and not _is_titleish(p)
    return False


# the letters the anchors below (_LRA, _BA, _FORM, _PK, _LKJ) open with; no other character matches
# them ignoring case
_ANCHOR_FIRST = frozenset("LlPpBbFf")


def _anchor_kind(texts: list[str], is_row: list[bool], i: int) -> str | None:
    t = texts[i]
    if not t or t[0] not in _ANCHOR_FIRST:
        return None
    if _LRA.match(t) and _is_titleish(t):
        return "lra"
    if _BA.match(t) and _is_titleish(t):
        return "berita_acara"
    if _FORM.match(t):
        return "renja_evaluation"
    if _PK.match(t) and _is_titleish(t):
        # a PK document opens with "Dalam rangka ... kami yang bertanda tangan"; its lampiran title does not
        for j in range(i + 1, min(len(texts), i + 12)):
            if texts[j]:
                if _PK_OPENING.search(texts[j]):
                    return "pk"
                if is_row[j]:
                    break
        return None
    if _LKJ.match(t) and _is_titleish(t) and not _continues_paragraph(texts, i):
        return "lkj"
    return None


def segment(lines) -> list[Segment]:
    is_row = [l.cells is not None for l in lines]
    texts = [l.text if row else clean(l.text) for l, row in zip(lines, is_row)]
    n = len(texts)
    starts: list[tuple[int, str]] = [(0, "unknown")]
    seen = Counter(running_key(t) for t in texts if t and t[0] in "Ll" and len(t) <= 110 and _LKJ.match(t))
    has_body = False
    seen_bab1 = False
    for i, t in enumerate(texts):
        if not t:
            continue
        kind = _anchor_kind(texts, is_row, i) if t[0] in _ANCHOR_FIRST else None
        if kind is not None:
            if kind == "lkj" and has_body:
                # a running page header repeats the title: only a title followed by an opening counts,
                # close under it when the title recurs through the document; never one with a page number
                window = 80 if seen[running_key(t)] < 3 else 25
                intro = next((j for j in range(i + 1, min(n, i + window)) if texts[j] and _INTRO.match(texts[j])), None)
                if intro is None or _PAGE_MARK.search(t):
                    kind = None
                elif not _is_upper(t) and any(_is_upper(texts[j]) and _anchor_kind(texts, is_row, j) == "lkj"
                                              for j in range(i + 1, intro)):
                    kind = None           # a mixed-case line of running text; the title in capitals follows
            if kind is not None and has_body:
                s = i
                for j in range(i - 1, max(-1, i - 13), -1):
                    if texts[j] and len(texts[j]) > 140:
                        break
                    if texts[j] and _LETTERHEAD.match(texts[j]):
                        s = j
                starts.append((s, kind))
                has_body = False
                seen_bab1 = False
                continue
            if kind is not None and starts[-1][1] == "unknown":
                starts[-1] = (starts[-1][0], kind)
        bab = t[0] in "Bb"                 # (what _BAB1 and _BAB open with, ignoring case)
        if bab and _BAB1.match(t) and len(t) < 60 and ":" not in t:
            if seen_bab1 or (has_body and starts[-1][1] not in ("lkj", "unknown")):
                starts.append((i, "lkj"))
                has_body = True
                seen_bab1 = True
                continue
            seen_bab1 = True
            has_body = True
            if starts[-1][1] == "unknown":
                starts[-1] = (starts[-1][0], "lkj")
            continue
        if bab and _BAB.match(t) or is_row[i] or len(t) > 140:
            has_body = True
    segs = []
    for k, (s, kind) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else n
        segs.append(Segment(s, e, kind))
    return segs
