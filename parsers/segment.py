"""Split a Document into reports: one file may bundle many LKj, PK documents and annexes.

A report starts at a document title (LAPORAN KINERJA..., PERUBAHAN PERJANJIAN KINERJA followed by
its "Dalam rangka ..." opening, LAPORAN REALISASI ANGGARAN, BERITA ACARA, Formulir E.81), moved
back over the letterhead above it; or at a second "BAB I" inside the current report (bundles of
reports exported without cover pages).  A title inside a report that has no body yet (the cover
page repeats the title) does not start a new report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkj.normalizers.text import clean

_LKJ = re.compile(r"^(LAPORAN\s+KINERJA|LKJIP\b|LKJ\b|LAKIP\b|LAPORAN\s+AKUNTABILITAS\s+KINERJA)", re.I)
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


def _is_titleish(text: str) -> bool:
    """Short, mostly upper-case line (a heading), not a sentence."""
    if not text or len(text) > 110:
        return False
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    upper = sum(1 for c in letters if c.isupper()) / len(letters)
    return upper >= 0.6


def _anchor_kind(texts: list[str], is_row: list[bool], i: int) -> str | None:
    t = texts[i]
    if not t:
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
    if _LKJ.match(t) and _is_titleish(t):
        return "lkj"
    return None


def segment(lines) -> list[Segment]:
    is_row = [l.cells is not None for l in lines]
    texts = [l.text if row else clean(l.text) for l, row in zip(lines, is_row)]
    n = len(texts)
    starts: list[tuple[int, str]] = [(0, "unknown")]
    has_body = False
    seen_bab1 = False
    for i, t in enumerate(texts):
        if not t:
            continue
        kind = _anchor_kind(texts, is_row, i)
        if kind is not None:
            if kind == "lkj" and has_body:
                # a running page header repeats the title: only a title followed by an opening counts
                follows = any(_INTRO.match(texts[j]) for j in range(i + 1, min(n, i + 80)) if texts[j])
                if not follows:
                    kind = None
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
        if _BAB1.match(t) and len(t) < 60 and ":" not in t:
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
        if _BAB.match(t) or is_row[i] or len(t) > 140:
            has_body = True
    segs = []
    for k, (s, kind) in enumerate(starts):
        e = starts[k + 1][0] if k + 1 < len(starts) else n
        segs.append(Segment(s, e, kind))
    return segs
