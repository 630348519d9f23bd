"""Report metadata: kabupaten, kecamatan, unit, kind, year, quarter, signer.

Each value is decided by weighted evidence from the report itself: the cover/title block and
table titles weigh most; the body text weighs least, so that a slip such as "31 Maret 2021" in a
2022 report or "Triwulan I" in a TW II report does not decide the value (the checks flag it).
"""
from __future__ import annotations

import re
from collections import Counter

from lkj.model.names import DocKind, ReportPeriod
from lkj.normalizers.calendar import FULL_MONTHS, ROMAN
from lkj.normalizers.jabatan import canonical_unit
from lkj.normalizers.text import clean

from lkj.model.document import Line
from lkj.model.parsed import RawReport, ReportMeta
from .places import Mention, Place, decide, line_parts, mentions
from .signatures import find_signatures, name_directory, person_key, unit_of

MONTHS = FULL_MONTHS
_QUARTER = re.compile(r"\b(?:triwulan(?:an)?|tribulan(?:an)?|trw|tw)\.?\s*(IV|III|II|I|[1-4])\b(?!\s*[,/]\s*(?:III|II|IV|[2-4])\b)",
                      re.I)
_YEAR = re.compile(r"\b(?:tahun|th\.?)\s*(?:anggaran\s*)?(20\d\d)(?:\s*[/-]\s*(20\d\d))?\b", re.I)
_REG_YEAR = re.compile(r"\b(?:nomor|no\.?)\s*:?\s*[\d/.]+\s*tahun\s*20\d\d", re.I)
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(20\d\d)\b", re.I)


def _cover_end(texts: list[str]) -> int:
    for i, t in enumerate(texts):
        if re.match(r"^(BAB\s+I\b|KATA\s+PENGANTAR|DAFTAR\s+ISI|PENDAHULUAN|Dalam rangka|Pada hari ini)", t, re.I):
            return i
        if i > 60:
            break
    return min(len(texts), 12)


def _unit_candidates(rep: RawReport, texts: list[str], cover_end: int) -> list[tuple[str, str, int]]:
    """(unit, raw, weight) candidates."""
    cands: list[tuple[str, str, int]] = []
    # cover block: upper-case lines naming a jabatan (consecutive lines joined)
    block: list[str] = []
    for t in texts[:cover_end] + [""]:
        if t and len(t) < 70 and not re.match(r"^(LAPORAN|TAHUN|TRIWULAN|PEMERINTAH|LKJ|-)", t, re.I):
            block.append(t)
            continue
        if block:
            raw = " ".join(block)
            for cand in (raw, block[0]):
                u = canonical_unit(cand)
                if u != "Other":
                    cands.append((u, cand, 6))
                    break
            block = []
    for i, t in enumerate(texts[:cover_end]):
        m = re.match(r"^(?:LAPORAN\s+KINERJA|LKJ\w*)\s+(?:INDIVIDU\s+)?(.+)$", t, re.I)
        if m:
            u = canonical_unit(m.group(1))
            if u != "Other":
                cands.append((u, m.group(1).strip(), 6))
    body = " ".join(texts[cover_end:cover_end + 400])
    for rx, w in ((r"akuntabilitas\s+([A-Z][\w .]{2,45}?)\s+dalam\s+mengidentifikasi", 3),
                  (r"\.?\s*([A-Z][\w .]{2,45}?)\s*sebagai\s+salah\s+satu\s+kelas\s+jabatan", 3),
                  (r"ditandatangani\s+antara\s+([A-Z][\w .]{2,45}?)\s+dengan", 2),
                  (r"tugas\s+dan\s+fungsi\s+([A-Z][\w .]{2,45}?)\s+adalah", 1)):
        for m in re.finditer(rx, body):
            raw = m.group(1).strip()
            raw = re.sub(r"^(Dan|dan),?\s*", "", raw)
            u = canonical_unit(raw)
            if u != "Other":
                cands.append((u, raw, w))
    return cands


def _quarter_votes(texts, cover_end, table_titles, sig_dates) -> Counter:
    votes: Counter = Counter()
    for i, t in enumerate(texts):
        w = 6 if i < cover_end else 1
        for m in _QUARTER.finditer(t):
            q = m.group(1).upper()
            votes[ROMAN.get(q.lower(), 0)] += w
    for title in table_titles:
        for m in _QUARTER.finditer(title):
            q = m.group(1).upper()
            votes[ROMAN.get(q.lower(), 0)] += 3
    for d, mo in sig_dates:
        q = (mo - 1) // 3 + 1
        if d <= 20 and mo in (1, 4, 7, 10):
            q = q - 1 or 4
        votes[q] += 2
    votes.pop(0, None)
    return votes


def _place(cells: list[list[str]], cover_end: int, doc_places: list[Mention]) -> Place:
    """The report's own mentions (the cover block weighs three), the whole document's when the report
    names no place; each of kabupaten and kecamatan falls back to the document's on its own."""
    own = [(m, 3 if m.line < cover_end else 1) for m in mentions(cells)]
    doc = [(m, 1) for m in doc_places]
    place = decide(own) if own else decide(doc)
    if own and (place.kabupaten is None or place.kecamatan is None):
        whole = decide(own + doc)
        place = Place(place.kabupaten or whole.kabupaten, place.kecamatan or whole.kecamatan)
    return place


def extract_meta(rep: RawReport, doc_places: list[Mention], directory: dict[str, str]) -> ReportMeta:
    texts = [clean(l.text) for l in rep.lines]
    cover_end = _cover_end(texts)
    meta = ReportMeta()
    cells = [_parts(l) for l in rep.lines]
    place = _place(cells, cover_end, doc_places)
    meta.kabupaten, meta.kecamatan = place.kabupaten, place.kecamatan
    sigs = find_signatures(rep.lines)
    titles = [t.title for t in rep.tables]

    # unit
    if rep.doc_kind == "pk":
        jab = next((re.sub(r"^Jabatan\s*:\s*", "", t, flags=re.I) for t in texts if re.match(r"^Jabatan\s*:", t, re.I)), None)
        meta.unit_raw = jab
        meta.unit = canonical_unit(jab) if jab else "Other"
    elif rep.doc_kind == "lkj" or rep.doc_kind == "unknown":
        cands = _unit_candidates(rep, texts, cover_end)
        if cands:
            score: Counter = Counter()
            raws: dict[str, str] = {}
            for u, raw, w in cands:
                score[u] += w
                raws.setdefault(u, raw)
            meta.unit = score.most_common(1)[0][0]
            meta.unit_raw = raws[meta.unit]
    else:
        meta.unit = "Other"
        m = next((re.search(r"ORGANISASI\s*:\s*[\d.\s]*(.+)$", t, re.I) for t in texts
                  if re.search(r"ORGANISASI\s*:", t, re.I)), None)
        meta.unit_raw = m.group(1).strip() if m else (sigs[0].role if sigs and sigs[0].role else None)
        if rep.doc_kind == "renja_evaluation":
            meta.unit_raw = "Perangkat Daerah"

    # year
    yv: Counter = Counter()
    for i, t in enumerate(texts):
        tt = _REG_YEAR.sub(" ", t)
        w = 5 if i < cover_end else 1
        for m in _YEAR.finditer(tt):
            yv[int(m.group(2) or m.group(1))] += w
        for m in _DATE.finditer(tt):
            yv[int(m.group(3))] += 1 if rep.doc_kind in ("lkj", "unknown") else 2
    for title in titles:
        for m in re.finditer(r"\b(20\d\d)\b", title):
            yv[int(m.group(1))] += 3
    meta.year = yv.most_common(1)[0][0] if yv else None

    # quarter: only for periodic reports and for annexes that state a triwulan themselves
    sig_dates = []
    for s in sigs[-2:]:
        for k in range(max(0, _line_index(rep, s.line) - 12), _line_index(rep, s.line)):
            m = _DATE.search(texts[k])
            if m:
                sig_dates.append((int(m.group(1)), MONTHS[m.group(2).lower()]))
                break
    header_text = " ".join(t.header_text for t in rep.tables)
    if rep.doc_kind in ("lkj", "unknown"):
        qv = _quarter_votes(texts, cover_end, titles, sig_dates[-1:])
        meta.quarter = qv.most_common(1)[0][0] if qv else None
    elif rep.doc_kind == "renja_evaluation":
        m = re.search(r"\b(IV|III|II|I)\b", header_text) if re.search(r"triwulan", header_text, re.I) else None
        meta.quarter = ROMAN[m.group(1).lower()] if m else None

    # kind
    is_individual = any(re.search(r"\bINDIVIDU\b", t, re.I) for t in texts[:cover_end])
    if rep.doc_kind in ("lkj", "unknown"):
        if meta.quarter is None:
            meta.period = ReportPeriod.TAHUNAN if rep.tables else ReportPeriod.OTHER
        elif meta.unit == "Camat" and not is_individual:
            meta.period = ReportPeriod.TRIWULAN
        else:
            meta.period = ReportPeriod.INDIVIDU_TRIWULAN
    else:
        meta.period = ReportPeriod.OTHER

    # signer
    signer = None
    if rep.doc_kind == "pk":
        nama = next((re.sub(r"^Nama\s*:\s*", "", t, flags=re.I) for t in texts if re.match(r"^Nama\s*:", t, re.I)), None)
        if nama:
            key = person_key(nama)
            signer = next((s for s in sigs if person_key(s.name) == key), None)
            if signer is None:
                meta.signer_name = nama.strip()
    elif rep.doc_kind in ("berita_acara",):
        signer = sigs[0] if sigs else None
    elif rep.doc_kind in ("lkj", "unknown"):
        mine = [s for s in sigs if unit_of(s, directory) == meta.unit]
        signer = mine[-1] if mine else (sigs[-1] if sigs else None)
    elif rep.doc_kind == "lra":
        signer = sigs[-1] if sigs else None
    if signer:
        meta.signer_name = signer.name
        meta.signer_nip = signer.nip
    return meta


def _line_index(rep: RawReport, line_no: int) -> int:
    first = rep.lines[0].no if rep.lines else 0
    return max(0, min(len(rep.lines), line_no - first))


_parts = line_parts


def document_places(lines: list[Line]) -> list[Mention]:
    return mentions([line_parts(l) for l in lines])


def document_directory(lines) -> dict[str, str]:
    return name_directory(lines)
