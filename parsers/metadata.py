"""Report metadata: kabupaten, kecamatan, unit, kind, year, quarter, signer.

Each value is decided by weighted evidence from the report itself: the cover/title block and
table titles weigh most; the body text weighs least, so that a slip such as "31 Maret 2021" in a
2022 report or "Triwulan I" in a TW II report does not decide the value (the checks flag it).

- place: parsers/places.py (national gazetteer).
- year: "Tahun Anggaran 2023" (the fiscal year) outweighs a plain "Tahun 2024" of a cover or a
  signature date (the publication); regulation years ("Nomor 21 Tahun 2019") and plan periods
  ("Tahun 2021-2026") are no report year.
- quarter: any phrasing of calendar.QUARTER_PHRASE, or a month range ("Juli s.d. September"); an
  annual report (LKjIP / LAKIP / LKIP / "Laporan Kinerja Instansi Pemerintah" / "Tahunan") whose
  cover names no quarter has none, nor has a "Semester" report.
- unit: the jabatan of the cover block or title, of the table titles ("Perjanjian Kinerja Kasi
  Pelayanan Umum", "Cost per outcome Plt. Kasi ..."), of stock phrases of the body and, failing
  all of those, of the signing official; a report of the kecamatan as a whole is the Camat's.
  A PK sheet is the unit of its PIHAK PERTAMA.
- signer: the official of the report's unit (not the superior who acknowledges); for a PK, the
  PIHAK PERTAMA, whose NIP is taken from their signature.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from lkj.model.names import ReportPeriod
from lkj.model.parsed import RawReport, ReportMeta
from lkj.normalizers.calendar import FULL_MONTHS, MONTHS as ALL_MONTHS, QUARTER_PHRASE, ROMAN, UPTO, \
    quarter_number, quarter_of_range
from lkj.normalizers.jabatan import canonical_unit
from lkj.normalizers.text import clean
from lkj.normalizers.title_words import repair_title

from .places import Mention, Place, decide, line_parts, mentions
from .signatures import Signature, find_signatures, is_superior, name_directory, same_person, unit_of

MONTHS = FULL_MONTHS
_QUARTER = re.compile(QUARTER_PHRASE, re.I)
_SEMESTER = re.compile(r"\bsemester(an)?\b", re.I)
_MONTH_RANGE = re.compile(r"\b(?:bulan\s+)?(" + "|".join(FULL_MONTHS) + r")\b(?:\s+20\d\d)?\s*" + UPTO +
                          r"\s*(?:bulan\s+)?(?:\d{1,2}\s+)?(" + "|".join(FULL_MONTHS) + r")\b", re.I)
_YEAR = re.compile(r"\b(?:tahun|th\.?|t\.?\s?a\.?)\s*(anggaran\s*)?(20\d\d)(?:\s*[/-]\s*(20\d\d))?\b", re.I)
_FISCAL = re.compile(r"\b(?:tahun\s+anggaran|t\.?\s?a\.?)\s*(20\d\d)\b(?!\s*[/-]\s*20\d\d)", re.I)
_REG_YEAR = re.compile(r"\b(?:nomor|no\.?)\s*:?\s*[\w/.\-]*\d[\w/.\-]*\s*tahun\s*20\d\d|"
                       r"\b(?:peraturan|undang|permendagri|permenpan\w*|perpres|perbup|perwali|perda|keputusan|"
                       r"instruksi|surat\s+edaran|PP|UU)\b[^.;:]{0,60}?\btahun\s*20\d\d", re.I)
_DATE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(20\d\d)\b", re.I)
_ANNUAL = re.compile(r"\b(LKjIP|L\s?Kj\s?I\s?P|LAKIP|LKIP|LAKIN|LPPD|tahunan|instansi\s+pemerintah(?:an)?)\b", re.I)
_LKJ_TITLE = re.compile(r"^(LAPORAN\s+KINERJA|LKJ\s*-?\s*IP\b|LKJ\b|LAKIP\b|LKIP\b|LAKIN\b|"
                        r"LAPORAN\s+AKUNTABILITAS\s+KINERJA|L\s?K\s?j\s?I\s?P\b)", re.I)
_INDIVIDUAL = re.compile(r"\bINDIVIDU(AL)?\b", re.I)
_UNIT_TITLE = re.compile(r"(?:perjanjian\s+kinerja|capaian\s+kinerja|cost\s+per\s+outcome|pengukuran\s+kinerja|"
                         r"kinerja\s+individu|laporan\s+kinerja|data\s+kinerja|realisasi\s+kinerja)\s*:?\s+"
                         r"(?:(?:triwulan|tahun)\s+\S+\s+)?(.{3,90})$", re.I)
_NAMA = re.compile(r"^Nama\s*:?\s+(.+)$", re.I)
_JABATAN = re.compile(r"^Jabatan\s*:?\s+(.+)$", re.I)
_NIP_FIELD = re.compile(r"^NIP\s*:?\s*([\d\s.\-]{9,})$", re.I)
_FIRST_PARTY = re.compile(r"pihak\s+(pertama|kesatu|ke-?1|I)\b", re.I)
_CALLED_FIRST = re.compile(r"(disebut|sebagai)\s+(sebagai\s+)?pihak\s+(pertama|kesatu|ke-?1|I)\b", re.I)
_SECOND_PARTY = re.compile(r"pihak\s+(kedua|ke-?2|II)\b", re.I)


# a word each stock phrase of _unit_candidates must contain (as written; lower case for the (ASN) one)
_BODY_WORD = {
    r"akuntabilitas\s+([A-Z][\w .]{2,45}?)\s+dalam\s+mengidentifikasi": "mengidentifikasi",
    r"\.?\s*([A-Z][\w .]{2,45}?)\s*sebagai\s+salah\s+satu\s+kelas\s+jabatan": "jabatan",
    r"ditandatangani\s+antara\s+([A-Z][\w .]{2,45}?)\s+dengan": "ditandatangani",
    r"\(ASN\)\s+bagian\s+([A-Z][\w .]{2,45}?)\s+(?:triwulan|tahun|pada|dapat)\b": "(asn)",
    r"tugas\s+dan\s+fungsi\s+([A-Z][\w .]{2,45}?)\s+adalah": "adalah",
}


# The "... sebagai salah satu kelas jabatan" phrase opens with a capitalised name of up to 45
# characters and no fixed word, so the regex tries a lazy 45-character stretch at every capital of
# the body.  A match holds word characters, white space and full stops only, so it lies inside one
# run of those (the text between two commas, brackets, colons ...): only the runs holding the fixed
# ending are searched, with the same regex (no anchors or lookarounds: same matches as the whole body).
_KELAS_JABATAN = re.compile(r"\.?\s*([A-Z][\w .]{2,45}?)\s*sebagai\s+salah\s+satu\s+kelas\s+jabatan")
_KELAS_JABATAN_END = re.compile(r"sebagai\s+salah\s+satu\s+kelas\s+jabatan")
_SEGMENTED = {_KELAS_JABATAN.pattern}
_NOT_PLAIN = re.compile(r"[^\w\s.]")


def _kelas_jabatan(body: str):
    """_KELAS_JABATAN.finditer over each run of the body holding its fixed ending, the runs found
    from where the ending stands (their edges: the nearest other characters, the one before found in
    the reversed body)."""
    rev: str | None = None
    done = -1
    for end in _KELAS_JABATAN_END.finditer(body):
        e = end.start()
        if e < done:
            continue                        # (in the run read already)
        if rev is None:
            rev = body[::-1]
        m = _NOT_PLAIN.search(rev, len(body) - e)
        a = len(body) - m.start() if m else 0
        m = _NOT_PLAIN.search(body, e)
        b = m.start() if m else len(body)
        yield from _KELAS_JABATAN.finditer(body, a, b)
        done = b


def _cover_end(texts: list[str]) -> int:
    for i, t in enumerate(texts):
        if re.match(r"^(BAB\s+I\b|KATA\s+PENGANTAR|DAFTAR\s+ISI|PENDAHULUAN|IKHTISAR|RINGKASAN\s+EKSEKUTIF|"
                    r"Dalam rangka|Pada hari ini)", t, re.I):
            return i
        if i > 60:
            break
    return min(len(texts), 12)


def _unit_of_text(raw: str) -> str:
    raw = re.sub(r"\s+(tahun|triwulan|tw|periode|pada|di)\b.*$", "", raw, flags=re.I)
    return canonical_unit(raw)


_UNIT_TITLE_LOWER = re.compile(_UNIT_TITLE.pattern)      # (its words are lower case)


def _title_unit(t: str) -> str | None:
    """_UNIT_TITLE.search(t).group(1), or None.  On ASCII text, where ignoring case is lower-casing,
    searched only when it holds a fixed word of each of the pattern's phrases ("kinerja", "outcome"),
    and case-sensitively in its lower case (the same span; a pattern ignoring case is not narrowed
    by its first letters, so it is slower)."""
    if not t.isascii():
        m = _UNIT_TITLE.search(t)
        return m.group(1) if m else None
    low = t.lower()
    if "kinerja" not in low and "outcome" not in low:
        return None
    m = _UNIT_TITLE_LOWER.search(low)
    return t[m.start(1):m.end(1)] if m else None


# ("Garut, 12 Januari 2024", or with the day left blank to be written by hand: "Garut,   Januari 2024")
_PLACE_DATE = re.compile(r",\s*(?:\d{1,2}\s+[A-Za-z]+|(?:" + "|".join(FULL_MONTHS) + r"))\s+\d{4}\s*$", re.I)


def _unit_candidates(rep: RawReport, texts: list[str], cover_end: int) -> list[tuple[str, str, int, str]]:
    """(unit, raw, weight, source) candidates; a source (the cover, the table titles, one stock phrase
    of the body, the signature) speaks once for a unit however often it repeats it (a title copied
    from another unit's report repeats its slip)."""
    cands: list[tuple[str, str, int, str]] = []
    # cover block: short lines naming a jabatan (consecutive lines joined)
    block: list[str] = []
    for t in texts[:cover_end] + [""]:
        if t and len(t) < 70 and not re.match(r"^(LAPORAN|TAHUN|TRIWULAN|PEMERINTAH|LKJ|LAKIP|LKIP|-)", t, re.I) \
                and not _PLACE_DATE.search(t):      # ("Jayapura, 10 Januari 2024" above a signer's jabatan)
            block.append(t)
            continue
        if block:
            raw = " ".join(block)
            for cand in (raw, block[0]):
                u = canonical_unit(cand)
                if u != "Other":
                    cands.append((u, cand, 6, "cover"))
                    break
            block = []
    for t in texts[:cover_end]:
        m = re.match(r"^(?:LAPORAN\s+KINERJA|LKJ\w*|LAKIP|LKIP)\s+(?:INDIVIDU\s+)?(.+)$", t, re.I)
        if m:
            u = _unit_of_text(m.group(1))
            if u != "Other":
                cands.append((u, m.group(1).strip(), 6, "cover"))
    # table titles and title lines naming the unit
    titles = [t.title for t in rep.tables if t.title] + [t for t in texts[cover_end:] if t and len(t) < 110]
    for title in titles:
        named = _title_unit(title)
        if named is not None:
            u = _unit_of_text(named)
            if u != "Other":
                cands.append((u, named.strip(), 2, "titles"))
    body = " ".join(texts[cover_end:cover_end + 400])
    for rx, w in ((r"akuntabilitas\s+([A-Z][\w .]{2,45}?)\s+dalam\s+mengidentifikasi", 3),
                  (r"\.?\s*([A-Z][\w .]{2,45}?)\s*sebagai\s+salah\s+satu\s+kelas\s+jabatan", 3),
                  (r"ditandatangani\s+antara\s+([A-Z][\w .]{2,45}?)\s+dengan", 2),
                  (r"\(ASN\)\s+bagian\s+([A-Z][\w .]{2,45}?)\s+(?:triwulan|tahun|pada|dapat)\b", 2),
                  (r"tugas\s+dan\s+fungsi\s+([A-Z][\w .]{2,45}?)\s+adalah", 1)):
        if not _BODY_WORD[rx] in (body.lower() if "ASN" in rx else body):
            continue                           # the pattern's fixed word is absent: no match
        for m in (_kelas_jabatan(body) if rx in _SEGMENTED else re.finditer(rx, body, re.I if "ASN" in rx else 0)):
            raw = m.group(1).strip()
            raw = re.sub(r"^(Dan|dan),?\s*", "", raw)
            u = canonical_unit(raw)
            if u != "Other":
                cands.append((u, raw, w, rx))
    return cands


# what _QUARTER needs on lower-cased text: the start of a quarter word ("tri wulan", "tribulan",
# "trw", "tw", "kuartal", "kwartal") or "q" and its number
_QUARTER_NEEDS = r"tri\s?[wb]u|trw|tw|kuartal|kwartal|q[1-4]"
_ANY_QUARTER_WORD = re.compile(_QUARTER_NEEDS)
_ANY_MONTH = re.compile("|".join(re.escape(mo) for mo in FULL_MONTHS))     # a month name anywhere
_EITHER = re.compile(_QUARTER_NEEDS + "|" + _ANY_MONTH.pattern)


def _may_name_quarter(t: str) -> tuple[bool, bool]:
    """Can _QUARTER, can _MONTH_RANGE match t?  On ASCII text (where ignoring case is lower-casing)
    only if it holds what they need (_QUARTER_NEEDS, a month name); other text is searched.
    (Most lines hold neither: one search for both first.)"""
    if not t.isascii():
        return True, True
    low = t.lower()
    if _EITHER.search(low) is None:
        return False, False
    return _ANY_QUARTER_WORD.search(low) is not None, _ANY_MONTH.search(low) is not None


# fixed words of _QUARTER_NEEDS or a month name: a text holding none names neither
_NAMING_WORDS = ("tri", "trw", "tw", "kuartal", "kwartal", "q") + tuple(FULL_MONTHS)


def _naming_lines(texts: list[str]) -> list[int]:
    """The indices of the texts for which _may_name_quarter is not (False, False), in order.  On
    ASCII texts without line breaks, the candidates are found by str.find over them all (most lines
    hold no quarter word and no month name)."""
    whole = "\n".join(texts)
    if not whole.isascii() or whole.count("\n") != len(texts) - 1:
        return [i for i, t in enumerate(texts) if _may_name_quarter(t) != (False, False)]
    low = whole.lower()
    starts = [0]
    for t in texts:
        starts.append(starts[-1] + len(t) + 1)
    cands: set[int] = set()
    for w in _NAMING_WORDS:
        p = low.find(w)
        while p >= 0:
            i = bisect_right(starts, p) - 1
            cands.add(i)
            p = low.find(w, starts[i + 1])
    return [i for i in sorted(cands) if _may_name_quarter(texts[i]) != (False, False)]


def _range_months(m: re.Match) -> tuple[int, int]:
    """The first and last month of a _MONTH_RANGE match ("Juli - September": 7, 9)."""
    return ALL_MONTHS[m.group(1).lower()], ALL_MONTHS[m.group(2).lower()]


def _quarter_votes(texts, cover_end, table_titles, sig_dates) -> Counter:
    votes: Counter = Counter()

    def add(t: str, w: int) -> None:
        named = False
        may_quarter, may_range = _may_name_quarter(t)
        for m in _QUARTER.finditer(t) if may_quarter else ():
            q = quarter_number(m.group(1) or m.group(2) or "")
            if q:
                votes[q] += w
                named = True
        if not named and may_range:        # a month range is the quarter's other name, counted once
            for m in _MONTH_RANGE.finditer(t):
                q = quarter_of_range(*_range_months(m))
                if q:
                    votes[q] += max(1, w // 2)

    for i in _naming_lines(texts):          # (the other lines add nothing)
        add(texts[i], 10 if i < cover_end else 1)
    for title in table_titles:
        add(title, 3)
    for d, mo in sig_dates:
        q = (mo - 1) // 3 + 1
        if d <= 20 and mo in (1, 4, 7, 10):
            q = q - 1 or 4
        votes[q] += 2
    return votes


def _year(texts: list[str], cover_end: int, titles: list[str], date_weight: int) -> int | None:
    yv: Counter = Counter()
    first_cover_year = None
    for i, t in enumerate(texts):
        if "20" not in t:
            continue                           # every pattern below needs a year 20xx
        # (every regulation year is written "... tahun 20xx": an ASCII line without "tahun" holds none)
        tt = t if t.isascii() and "tahun" not in t.lower() else _REG_YEAR.sub(" ", t)
        cover = i < cover_end
        if cover and first_cover_year is None:
            m = re.search(r"(?<![-/])(?<![-/]\s)\b(20\d\d)\b(?!\s*[/-]\s*20\d\d)", tt)
            if m:
                first_cover_year = int(m.group(1))
                yv[first_cover_year] += 3      # the title's year; a publication year stands below it
        for m in _YEAR.finditer(tt):
            y1, y2 = int(m.group(2)), int(m.group(3)) if m.group(3) else None
            if y2 is not None and not 0 < y2 - y1 <= 1:
                continue                       # a plan period ("Renstra Tahun 2021-2026")
            w = 5 if cover else 1
            if m.group(1):                     # "Tahun Anggaran 2023": the fiscal year
                w = 10 if cover else (6 if i < cover_end + 120 else 2)
            yv[y2 or y1] += w
        for m in _FISCAL.finditer(tt):
            if not re.match(r"tahun", m.group(0), re.I):      # "TA 2023", "T.A. 2023"
                yv[int(m.group(1))] += 6 if i < cover_end + 120 else 2
        for m in _DATE.finditer(tt):
            yv[int(m.group(3))] += date_weight
    for title in titles:
        for m in re.finditer(r"\b(20\d\d)\b", _REG_YEAR.sub(" ", title)):
            yv[int(m.group(1))] += 3
    return yv.most_common(1)[0][0] if yv else None


def _place(own_places: list[Mention], cover_end: int, doc_places: list[Mention]) -> Place:
    """The report's own mentions (the cover block weighs three), the whole document's when the report
    names no place; each of kabupaten and kecamatan falls back to the document's on its own."""
    own = [(m, 3 if m.line < cover_end else 1) for m in own_places]
    doc = [(m, 1) for m in doc_places]
    place = decide(own) if own else decide(doc)
    if own and (place.kabupaten is None or place.kecamatan is None):
        whole = decide(own + doc)
        place = Place(place.kabupaten or whole.kabupaten, place.kecamatan or whole.kecamatan)
    return place


def _first_party(texts: list[str]) -> tuple[str | None, str | None, str | None]:
    """(name, jabatan, NIP) of the PIHAK PERTAMA of a PK sheet: the "Nama :" / "Jabatan :" block
    followed by "... disebut pihak pertama" (else the first such block)."""
    blocks: list[tuple[int, str, str | None, str | None]] = []
    for i, t in enumerate(texts):
        m = _NAMA.match(t)
        if not m or ":" not in t[:12]:
            continue
        jab = nip = None
        for k in range(i + 1, min(len(texts), i + 8)):
            if _NAMA.match(texts[k]):
                break
            mj = _JABATAN.match(texts[k])
            mn = _NIP_FIELD.match(texts[k])
            if mj and jab is None:
                jab = mj.group(1).strip()
            if mn and nip is None:
                nip = re.sub(r"\D", "", mn.group(1))
        blocks.append((i, m.group(1).strip(), jab, nip))
    if not blocks:
        return None, None, None
    second = set()
    for n, (i, name, jab, nip) in enumerate(blocks):
        end = blocks[n + 1][0] if n + 1 < len(blocks) else min(len(texts), i + 14)
        following = " ".join(texts[i:end])
        if _CALLED_FIRST.search(following):
            return name, jab, nip
        if _SECOND_PARTY.search(following):
            second.add(n)
    rest = [b for n, b in enumerate(blocks) if n not in second] or blocks
    return rest[0][1], rest[0][2], rest[0][3]


def extract_meta(rep: RawReport, doc_places: list[Mention], directory: dict[str, str],
                 parts: list[list[str]] | None = None, own_places: list[Mention] | None = None) -> ReportMeta:
    """The report's metadata; `parts`: line_parts of its lines, `own_places`: the place mentions of
    its lines (places.mentions of those parts), when the caller has them already."""
    texts = [clean(l.text) for l in rep.lines]
    cover_end = _cover_end(texts)
    # a scanned bold title loses strokes ("LAPOFAN KINEFJA TEIWULAN II"): its report words restored
    texts[:cover_end] = [repair_title(t) for t in texts[:cover_end]]
    meta = ReportMeta()
    if own_places is None:
        own_places = mentions(parts if parts is not None else [line_parts(l) for l in rep.lines])
    place = _place(own_places, cover_end, doc_places)
    meta.kabupaten, meta.kecamatan = place.kabupaten, place.kecamatan
    sigs = find_signatures(rep.lines)
    titles = [t.title for t in rep.tables]
    periodic = rep.doc_kind in ("lkj", "unknown")

    # unit
    first_name = first_nip = None
    if rep.doc_kind == "pk":
        first_name, jab, first_nip = _first_party(texts)
        if jab is None:
            party = next((s for s in sigs if s.role and _FIRST_PARTY.search(s.role)), None)
            jab = party.role if party else None
            jab = re.sub(r"(?i)\bpihak\s+(pertama|kesatu)\b", "", jab).strip() if jab else None
        meta.unit_raw = jab
        meta.unit = canonical_unit(jab) if jab else "Other"
    elif periodic:
        cands = _unit_candidates(rep, texts, cover_end)
        # the official who signs last (the superior acknowledges first, or on the left)
        own = [s for s in sigs if not is_superior(s) and unit_of(s, directory) != "Other"]
        if own:
            cands.append((unit_of(own[-1], directory), own[-1].role or own[-1].name, 3, "signer"))
        if cands:
            score: Counter = Counter()
            raws: dict[str, str] = {}
            spoken: dict[tuple[str, str], int] = {}
            for u, raw, w, source in cands:
                spoken[(source, u)] = max(w, spoken.get((source, u), 0))
                raws.setdefault(u, raw)
            for (source, u), w in spoken.items():
                score[u] += w
            meta.unit = score.most_common(1)[0][0]
            meta.unit_raw = raws[meta.unit]
        elif any(re.search(r"\b(kecamatan|camat|distrik|kapanewon|panewu|kemantren)\b", t, re.I) for t in texts[:cover_end]):
            meta.unit = "Camat"           # the report of the kecamatan as a whole
    else:
        meta.unit = "Other"
        m = next((re.search(r"ORGANISASI\s*:\s*[\d.\s]*(.+)$", t, re.I) for t in texts
                  if re.search(r"ORGANISASI\s*:", t, re.I)), None)
        meta.unit_raw = m.group(1).strip() if m else (sigs[0].role if sigs and sigs[0].role else None)
        if rep.doc_kind == "renja_evaluation":
            meta.unit_raw = "Perangkat Daerah"

    meta.year = _year(texts, cover_end, titles, 1 if periodic else 2)

    # quarter: only for periodic reports and for annexes that state a triwulan themselves
    sig_dates = []
    for s in sigs[-2:]:
        for k in range(max(0, _line_index(rep, s.line) - 12), _line_index(rep, s.line)):
            m = _DATE.search(texts[k])
            if m:
                sig_dates.append((int(m.group(1)), MONTHS[m.group(2).lower()]))
                break
    header_text = " ".join(t.header_text for t in rep.tables)
    cover = " ".join(texts[:cover_end])
    # (or a month range that is a quarter's other name: "Juli - September 2024", "Januari s.d. Juni";
    # the whole year, "Januari s.d. Desember", is the annual report's)
    cover_quarter = bool(_QUARTER.search(cover)) or any(
        quarter_of_range(first, last) not in (None, 4) or first == 10
        for first, last in map(_range_months, _MONTH_RANGE.finditer(cover)))
    titled = any(_LKJ_TITLE.match(t) for t in texts[:cover_end])
    titles_quarter = any(_QUARTER.search(t) for t in titles if t)
    # an annual report: named so on its cover, or a titled cover (and table titles) naming no quarter
    annual = not cover_quarter and (bool(_ANNUAL.search(cover)) or (titled and not titles_quarter))
    semester = not cover_quarter and bool(_SEMESTER.search(cover))
    if periodic:
        if annual or semester:
            meta.quarter = None
        else:
            qv = _quarter_votes(texts, cover_end, titles, sig_dates[-1:])
            meta.quarter = qv.most_common(1)[0][0] if qv else None
    elif rep.doc_kind == "renja_evaluation":
        m = re.search(r"\b(IV|III|II|I)\b", header_text) if re.search(r"triwulan", header_text, re.I) else None
        meta.quarter = ROMAN[m.group(1).lower()] if m else None

    # kind
    is_individual = any(_INDIVIDUAL.search(t) for t in texts[:cover_end])
    if periodic:
        if meta.quarter is None:
            meta.period = ReportPeriod.OTHER if semester else (
                ReportPeriod.TAHUNAN if rep.tables or annual else ReportPeriod.OTHER)
        elif meta.unit == "Camat" and not is_individual:
            meta.period = ReportPeriod.TRIWULAN
        else:
            meta.period = ReportPeriod.INDIVIDU_TRIWULAN
    else:
        meta.period = ReportPeriod.OTHER

    # signer
    signer: Signature | None = None
    if rep.doc_kind == "pk":
        if first_name:
            signer = next((s for s in sigs if same_person(s.name, first_name)), None)
        if signer is None:
            signer = next((s for s in sigs if s.role and _FIRST_PARTY.search(s.role)), None)
            if signer is None and first_name:
                meta.signer_name, meta.signer_nip = first_name, first_nip
    elif rep.doc_kind in ("berita_acara",):
        signer = sigs[0] if sigs else None
    elif periodic:
        mine = [s for s in sigs if unit_of(s, directory) == meta.unit]
        others = [s for s in sigs if not is_superior(s)]
        signer = mine[-1] if mine else (others[-1] if others else (sigs[-1] if sigs else None))
    elif rep.doc_kind == "lra":
        signer = sigs[-1] if sigs else None
    if signer:
        meta.signer_name = signer.name
        meta.signer_nip = signer.nip
    return meta


def _line_index(rep: RawReport, line_no: int) -> int:
    first = rep.lines[0].no if rep.lines else 0
    return max(0, min(len(rep.lines), line_no - first))


def document_directory(lines) -> dict[str, str]:
    return name_directory(lines)
