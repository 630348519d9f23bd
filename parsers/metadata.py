"""Report metadata: kabupaten, kecamatan, unit, kind, year, quarter, signer.

Each value is decided by weighted evidence from the report itself: the cover/title block and
table titles weigh most; the body text weighs least, so that a slip such as "31 Maret 2021" in a
2022 report or "Triwulan I" in a TW II report does not decide the value (the checks flag it).
"""
from __future__ import annotations

import re
from collections import Counter
from rapidfuzz import fuzz

from lkj.model.names import DocKind, ReportPeriod
from lkj.normalizers.calendar import FULL_MONTHS, ROMAN
from lkj.normalizers.jabatan import canonical_unit
from lkj.normalizers.text import clean

from lkj.model.document import Line
from lkj.model.parsed import RawReport, ReportMeta
from .signatures import find_signatures, name_directory, person_key, unit_of

MONTHS = FULL_MONTHS
_QUARTER = re.compile(r"\b(?:triwulan(?:an)?|tribulan(?:an)?|trw|tw)\.?\s*(IV|III|II|I|[1-4])\b(?!\s*[,/]\s*(?:III|II|IV|[2-4])\b)",
                      re.I)
_YEAR = re.compile(r"\b(?:tahun|th\.?)\s*(?:anggaran\s*)?(20\d\d)(?:\s*[/-]\s*(20\d\d))?\b", re.I)
_REG_YEAR = re.compile(r"\b(?:nomor|no\.?)\s*:?\s*[\d/.]+\s*tahun\s*20\d\d", re.I)
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(20\d\d)\b", re.I)
_KEC = re.compile(r"\b(?:Kecamatan|KECAMATAN|Kec\.|CAMAT|Camat)\s*([A-Z][A-Za-z]{3,})")
# "Peraturan Bupati Nomor ..." names no place: function words after Bupati are not a kabupaten
_KAB = re.compile(r"\b(?:Kabupaten|KABUPATEN|Kab\.|Bupati|BUPATI)\s+"
                  r"(?!(?:Nomor|NOMOR|Tentang|TENTANG|Dan|Yang|Melalui|Kepada|Sebagai|Selaku|Untuk)\b)([A-Z][A-Za-z]{3,})")
_NOT_PLACE = {"dan", "yang", "kabupaten", "kota", "sesuai", "setda", "tingkat", "dengan", "selaku", "dalam",
              "sebagai", "merupakan", "tahun", "pada", "untuk", "kecamatan", "kelurahan", "desa", "mempunyai",
              "berdasarkan", "telah", "terhadap", "wilayah", "secara", "melalui", "beserta", "adalah",
              "perangkat", "memiliki", "dipimpin", "berkewajiban", "bertanggungjawab", "jumlah", "persentase",
              "sebagaimana", "bahwa", "maka", "atas", "juga", "lain", "tersebut", "kepada", "oleh", "serta"}
_ADDRESS = re.compile(r"\b(Jl\.|Jalan|Telp|Telepon|Faks|Laman|Pos-el|e-mail|email|Kelurahan\s+\w+,)", re.I)


def _cover_end(texts: list[str]) -> int:
    for i, t in enumerate(texts):
        if re.match(r"^(BAB\s+I\b|KATA\s+PENGANTAR|DAFTAR\s+ISI|PENDAHULUAN|Dalam rangka|Pada hari ini)", t, re.I):
            return i
        if i > 60:
            break
    return min(len(texts), 12)


def _canon_place(name: str, doc_spellings: Counter) -> str:
    """The most frequent spelling in the document among names similar to this one."""
    best, best_n = name, 0
    for s, n in doc_spellings.items():
        if fuzz.ratio(s.lower(), name.lower()) >= 80 and n > best_n:
            best, best_n = s, n
    return best.title()


def _mentions(parts: list[list[str]], rx: re.Pattern):
    """(line index, place word) for every mention outside address lines; mentions are looked for
    inside one table cell at a time (never across two cells)."""
    for i, t in ((i, p) for i, ps in enumerate(parts) for p in ps):
        if _ADDRESS.search(t):
            continue
        for m in rx.finditer(t):
            if m.group(1).lower() not in _NOT_PLACE:
                yield i, m.group(1)


def place_mentions(parts: list[list[str]], rx: re.Pattern) -> Counter:
    return Counter(w.title() for _, w in _mentions(parts, rx))


def _vote_place(parts, cover_end, rx, doc_spellings) -> str | None:
    votes: Counter = Counter()
    for i, w in _mentions(parts, rx):
        votes[_canon_place(w, doc_spellings)] += 3 if i < cover_end else 1
    return votes.most_common(1)[0][0] if votes else None


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


def extract_meta(rep: RawReport, doc_places: dict[str, Counter], directory: dict[str, str]) -> ReportMeta:
    texts = [clean(l.text) for l in rep.lines]
    cover_end = _cover_end(texts)
    meta = ReportMeta()
    cells = [_parts(l) for l in rep.lines]
    meta.kabupaten = _vote_place(cells, cover_end, _KAB, doc_places["kab"]) or _top(doc_places["kab"])
    meta.kecamatan = _vote_place(cells, cover_end, _KEC, doc_places["kec"]) or _top(doc_places["kec"])
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


def _top(c: Counter) -> str | None:
    return c.most_common(1)[0][0] if c else None


def _parts(line: Line) -> list[str]:
    """A line's texts: its cells for a table row, else the line."""
    return [clean(c.text) for c in line.cells] if line.cells is not None else [clean(line.text)]


def document_places(lines: list[Line]) -> dict[str, Counter]:
    parts = [_parts(l) for l in lines]
    return {"kec": place_mentions(parts, _KEC), "kab": place_mentions(parts, _KAB)}


def document_directory(lines) -> dict[str, str]:
    return name_directory(lines)
