"""Signature blocks: the jabatan line(s), the name, and the NIP under it.

Blocks may stand side by side ("Mengetahui / Camat X" on the left, the reporting official on the
right): every line is read as its columns (table cells, or runs of text separated by three or more
spaces, each with its character span), and a name is looked for above its NIP in the same column,
the jabatan above the name likewise.  A NIP may be written with spaces, dots or dashes between its
groups; a name may wrap its degrees onto the next line ("Hj. SITI AMINAH," / "S.Sos"); a rank line
("Pembina Tk. I", "Penata (III/c)") may stand between name and NIP.  Hand-written: no library reads
Indonesian signature blocks.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

from lkj.normalizers.calendar import FULL_MONTHS
from lkj.normalizers.jabatan import canonical_unit
from lkj.normalizers.text import clean, letter_counts

_NIP = re.compile(r"^(?:NIP|N\.I\.P)\.?\s*[:.]?\s*([\d\s\-.]*\d[\d\s\-.]*|-)?\s*$", re.I)
_BARE_NIP = re.compile(r"^\d{8}[\s.\-]*\d{6}[\s.\-]*\d[\s.\-]*\d{3}$")
_ROLEWORDS = re.compile(r"\b(CAMAT|SEKRETARIS|KASUBB?AG|KASI|KEPALA|BUPATI|WALI\s*KOTA|WALIKOTA|BENDAHARA|PIHAK|"
                        r"PETUGAS|PENGADMINISTRAS\w*|PENGOLAH|PENGELOLA\w*|OPERATOR|PELAKSANA|EVALUATOR|SUB\s*BAG\w*|"
                        r"SEKSI|KECAMATAN|ATASAN|MENGETAHUI|KABUPATEN|SUBB?AG|EVALUASI|MONITORING|KEPEGAWAIAN|"
                        r"KEUANGAN|PEMERINTAHAN|PELAYANAN|PEMBERDAYAAN|SEKCAM|PLT|PLH|DIEVALUASI|YANG|STAF\w*|"
                        r"ANALIS|PENYUSUN|PRANATA|LURAH|KETENTRAMAN|KETERTIBAN|UMUM|MASYARAKAT|DESA|PERENCANAAN|"
                        r"MENYETUJUI|DISAHKAN|DIBUAT)\b", re.I)
# civil-service ranks written between a name and its NIP
_RANK = re.compile(r"^(Pembina|Penata|Pengatur|Juru|Pangkat|Gol(ongan)?\.?)\b|\((?:I{1,3}|IV)\s*/\s*[a-e]\)|"
                   r"^(?:I{1,3}|IV)\s*/\s*[a-e]$", re.I)
# a line of academic degrees only ("S.Sos", "S.Pd, M.Si", "SE, MM", "A.Md.Kep")
_DEGREE = (r"(?:[A-Z][a-z]?\.\s?[A-Za-z]{1,5}\.?(?:[A-Z][a-z]{1,3}\.?)?|"
           r"(?:SE|SH|SP|ST|SIP|SAP|SKM|SPd|SSos|SKom|STP|SSTP|MM|MT|MH|MSi|MAP|MPd|MKes|AMd)\.?)")
_DEGREE_LINE = re.compile(r"^,?\s*" + _DEGREE + r"(?:\s*,?\s*" + _DEGREE + r")*\s*,?$")
# a table's header words are no names
_TABLE_WORD = re.compile(r"^(TARGET|REALISASI|CAPAIAN|INDIKATOR|SASARAN|KINERJA|PROGRAM|KEGIATAN|ANGGARAN|URAIAN|"
                         r"JUMLAH|TOTAL|KETERANGAN|SATUAN|PAGU|SISA|EFISIENSI|TUJUAN|STRATEGI|KODE|NO|PERSENTASE|"
                         r"RATA|TABEL|LAMPIRAN|BAB|PENDAHULUAN|PENGANTAR|KATA|DAFTAR|PENUTUP|LATAR|RINGKASAN|"
                         r"IKHTISAR|AKUNTABILITAS|PERENCANAAN|PENGUKURAN|ANALISIS|KESIMPULAN|DOKUMENTASI|TINDAK|HASIL|"
                         r"REKOMENDASI|CATATAN)\b", re.I)
_PAGE_FURNITURE = re.compile(r"^(?:[-–]?\s*\d{1,3}\s*[-–]?|(?:page|hal(?:aman)?|hlm)\.?\s*\d+(?:\s*(?:of|dari)\s*\d+)?)$", re.I)
# ("Garut, 12 Januari 2024", or the day left blank to be written by hand: "Garut,   Januari 2024")
_DATE_LINE = re.compile(r"(?:\d{1,2}\s+[A-Za-z]+|\b(?:" + "|".join(FULL_MONTHS) + r"))\s+\d{4}$", re.I)


@dataclass
class Signature:
    name: str
    nip: str | None
    role: str | None
    line: int
    col: tuple[int, int] = (0, 0)       # character span (or cell column) of the block


Segment = tuple[float, float, str]      # start, end (characters or points), cleaned text
_RUN = re.compile(r"\S+(?:(?: {1,2}|\t)\S+)*")     # words apart by one or two spaces: one column


def line_segments(line) -> list[Segment]:
    """A line's columns with their horizontal extent: a table row's cells (their boxes on a page,
    their character spans in text, else their column numbers), a page's line (its box), or runs of
    text separated by three or more spaces."""
    if line.cells is not None:
        out = []
        for k, c in enumerate(line.cells):
            t = clean(c.text)
            if not t:
                continue
            if c.bbox is not None:
                lo, hi = c.bbox[0], c.bbox[2]
            else:
                lo, hi = c.span if c.span else (k * 1000, k * 1000 + 999)
            out.append((lo, hi, t))
        return out
    if line.bbox is not None:                   # a page's line: its box in points
        t = clean(line.text)
        return [(line.bbox[0], line.bbox[2], t)] if t else []
    text = line.text
    if "   " not in text and text.isprintable():
        # no tab, no other white space than the space, no three spaces: at most one run, the text
        # between its first and last non-space characters
        t = clean(text)
        if not t:
            return []
        start = len(text) - len(text.lstrip(" "))
        return [(start, len(text.rstrip(" ")), t)]
    if "\t" in text:
        text = text.expandtabs(8)
    runs = [(m.start(), m.end(), clean(m.group())) for m in _RUN.finditer(text)]
    return [r for r in runs if r[2]]


def _overlaps(a: tuple[int, int], b: tuple[int, int], slack: int = 4) -> bool:
    return a[0] - slack < b[1] and b[0] - slack < a[1]


@lru_cache(maxsize=65536)
def _unbracketed(name: str) -> str:
    """A signer's name without the brackets a signature line draws around it ("( ASEP SUNANDAR, S.IP )")."""
    m = re.fullmatch(r"\(\s*(.+?)\s*\)", name)
    return m.group(1) if m else name


@lru_cache(maxsize=65536)
def _name_like(t: str) -> bool:
    """A line that reads as a person's name (memoised: every segment of a report's lines is asked)."""
    if t[:1] == "(":
        t = _unbracketed(t)
    if not t or len(t) > 60 or re.search(r"\d", t) or t.endswith(":"):
        return False
    if re.match(r"^(NIP|Nama|Jabatan|Pangkat|Mengetahui|Menyetujui)\b", t, re.I) or _RANK.search(t) \
            or _TABLE_WORD.match(t):
        return False
    core = re.sub(r",.*$", "", t)                     # drop academic degrees after the comma
    core = re.sub(r"\b(Dra?|Drs|Ir|Hj|H|Dr|Prof|R|Rr|K\.?H)\.", "", core).strip()
    words = [w for w in re.split(r"\s+", core) if w]
    if not 1 <= len(words) <= 6:
        return False
    if _ROLEWORDS.search(core):
        return False
    letters, upper_letters = letter_counts(core)
    if letters < 3:
        return False
    upper = upper_letters / letters
    return upper >= 0.7 or ("," in t and words[0][0].isupper())


def _column(segs: list[list[Segment]], j: int, span: tuple[int, int]) -> Segment | None:
    """The segment of line j under/over the given horizontal extent (the nearest when several)."""
    best = None
    for s in segs[j]:
        if _overlaps((s[0], s[1]), span):
            mid = (s[0] + s[1]) / 2 - (span[0] + span[1]) / 2
            if best is None or abs(mid) < best[0]:
                best = (abs(mid), s)
    return best[1] if best else None


def _role_above(segs, i: int, span, floor: int) -> str | None:
    """Consecutive jabatan-like lines above line i in the same column (skipping blanks), joined."""
    parts: list[str] = []
    j = i - 1
    gap = 0
    while j >= floor and len(parts) < 3:
        s = _column(segs, j, span)
        t = s[2] if s else ""
        if not t:
            gap += 1
            if (parts and gap > 1) or gap > 4:
                break
            j -= 1
            continue
        gap = 0
        if _NIP.match(t) or _BARE_NIP.match(t) or _name_like(t) or _DATE_LINE.search(t) or len(t) > 70:
            break
        if not _ROLEWORDS.search(t) and not parts:
            break
        parts.insert(0, t)
        j -= 1
    return " ".join(parts) if parts else None


_NIP_START = re.compile(r"^N\.?I\.?P", re.I)


@lru_cache(maxsize=65536)
def _nip_of(t: str) -> tuple[bool, str | None]:
    m = _NIP.match(t) if _NIP_START.match(t) else None
    if m is None and not _BARE_NIP.match(t):
        return False, None
    raw = (m.group(1) if m else t) or ""
    digits = re.sub(r"\D", "", raw)
    return True, (digits if len(digits) >= 9 else None)


def _name_at(segs, j: int, span) -> tuple[str, tuple[int, int]] | None:
    """The name written at line j of the column (its degrees wrapped onto line j+1 joined)."""
    s = _column(segs, j, span)
    if s is None:
        return None
    t = s[2]
    if _DEGREE_LINE.match(t) and j > 0:          # the degrees line of a wrapped name
        above = _column(segs, j - 1, span)
        if above and above[2].rstrip().endswith(",") and _name_like(above[2]):
            return f"{above[2].rstrip()} {t}", (min(above[0], s[0]), max(above[1], s[1]))
        return None
    if not _name_like(t):
        return None
    if t.rstrip().endswith(",") and j + 1 < len(segs):
        below = _column(segs, j + 1, span)
        if below and _DEGREE_LINE.match(below[2]):
            t = f"{t.rstrip()} {below[2]}"
    return t, (s[0], s[1])


_NIP_IN = re.compile(r"\bN\.?I\.?P\b\.?\s*[:.]?\s*(?:\d[\d\s.\-]*\d|-)", re.I)
# (a title before the next name, "Ir. HANIK", is not one more degree of the name before it)
_TITLE_THEN_NAME = r"(?:Dra?|Drs|Ir|Hj|H|Dr|Prof)\.\s*[A-Z]{2,}"
_NAME_BOUNDARY = re.compile(r",\s*" + _DEGREE + r"(?:\s*,?\s*(?!" + _TITLE_THEN_NAME + r")" + _DEGREE +
                            r")*(?=\s+(?:(?:Dra?|Drs|Ir|Hj|H|Dr|Prof)\.\s*)?[A-Z]{2,})")


def _split_side_by_side(segs: list[list[Segment]]) -> None:
    """Two signature blocks flattened onto the same lines (a text layer without layout):
    "NIP. 1970... NIP. 1985..." under "ANDI, S.Sos Ir. BUDI, M.Si" become two columns, the lines
    above them spanning both."""
    base = 1_000_000
    for i, row in enumerate(segs):
        if len(row) != 1:
            continue
        t = row[0][2]
        if not _NIP_IN.match(t):
            continue                # (the first NIP must open the line)
        nips = list(_NIP_IN.finditer(t))
        if len(nips) == 1 and _staggered(segs, i, nips[0].end(), base):
            base += 10_000
            continue
        if len(nips) < 2 or nips[0].start() != 0:
            continue
        cuts = [m.start() for m in nips] + [len(t)]
        pieces = [t[a:b].strip() for a, b in zip(cuts, cuts[1:])]
        for j in range(i - 1, max(-1, i - 5), -1):
            if not segs[j]:
                continue
            if len(segs[j]) != 1:
                break
            name_line = segs[j][0][2]
            ends = [m.end() for m in _NAME_BOUNDARY.finditer(name_line)][:len(pieces) - 1]
            cuts = [0] + ends + [len(name_line)]
            names = [name_line[a:b].strip() for a, b in zip(cuts, cuts[1:])]
            if len(names) != len(pieces) or not all(_name_like(n) for n in names):
                break
            span = lambda k: (base + k * 1000, base + k * 1000 + 999)   # noqa: E731
            segs[i] = [(*span(k), p) for k, p in enumerate(pieces)]
            segs[j] = [(*span(k), n) for k, n in enumerate(names)]
            whole = (base, base + len(pieces) * 1000)
            for k in range(j - 1, max(-1, j - 12), -1):
                if len(segs[k]) == 1:
                    segs[k] = [(*whole, segs[k][0][2])]
            base += 10_000
            break


def _staggered(segs: list[list[Segment]], i: int, cut: int, base: int) -> bool:
    """Two blocks side by side flattened a line apart (pdfplumber's extract_text): the left name
    alone on its line, then the left NIP and the right name on one line, then the right NIP alone
    ("FERRY ..., S.Pd" / "NIP. 1969... SUNARTO ..., SE" / "NIP. 1990..."): the middle line is cut
    after its NIP, the name above goes left and the NIP below right, the lines above span both."""
    t = segs[i][0][2]
    rest = t[cut:].strip()
    if not rest or not _name_like(rest) or i + 1 >= len(segs) or i == 0:
        return False
    below = next((k for k in range(i + 1, min(len(segs), i + 3)) if segs[k]), None)
    above = next((k for k in range(i - 1, max(-1, i - 3), -1) if segs[k]), None)
    if below is None or above is None or len(segs[below]) != 1 or len(segs[above]) != 1:
        return False
    if not (_NIP_IN.match(segs[below][0][2]) and _name_like(segs[above][0][2])):
        return False
    left, right = (base, base + 899), (base + 1100, base + 1999)     # (apart by more than _overlaps's slack)
    segs[i] = [(*left, t[:cut].strip()), (*right, rest)]
    segs[above] = [(*left, segs[above][0][2])]
    segs[below] = [(*right, segs[below][0][2])]
    for k in range(above - 1, max(-1, above - 12), -1):
        if len(segs[k]) == 1:
            m = _ACKNOWLEDGE.match(segs[k][0][2])
            if m and segs[k][0][2][m.end():].strip():
                # "Mengetahui, Kunir, 01 April 2025": the left block's word, the right's place and date
                segs[k] = [(*left, m.group(0).strip()), (*right, segs[k][0][2][m.end():].strip())]
            else:
                segs[k] = [(base, base + 1999, segs[k][0][2])]
    return True


_ACKNOWLEDGE = re.compile(r"(mengetahui|menyetujui)\s*[,:]?\s*", re.I)


def find_signatures(lines) -> list[Signature]:
    segs = [line_segments(ln) for ln in lines]
    _split_side_by_side(segs)
    sigs: list[Signature] = []
    used: set[tuple[int, int]] = set()
    for i, row in enumerate(segs):
        for lo, hi, t in row:
            if t[0] not in "Nn" and not t[0].isdigit():
                continue                      # (a NIP opens with "N" or a digit: _nip_of is false)
            is_nip, nip = _nip_of(t)
            if not is_nip:
                continue
            found = None
            seen = 0
            for j in range(i - 1, max(-1, i - 14), -1):
                col = _column(segs, j, (lo, hi))
                if col is None or _PAGE_FURNITURE.match(col[2]):
                    continue                  # blank, or a page number between the name and its NIP
                seen += 1
                if seen > 4 or _nip_of(col[2])[0]:
                    break                     # another block's NIP above: its name is not this one's
                found = _name_at(segs, j, (lo, hi))
                if found and (j, found[1][0]) not in used:
                    break
                found = None
            if found is None:
                # a page that moved the NIP out of its column: the unpaired name just above, any column
                for j in range(i - 1, max(-1, i - 4), -1):
                    cand = [s for s in segs[j] if (j, s[0]) not in used and _name_like(s[2])]
                    if cand:
                        found = (cand[-1][2], (cand[-1][0], cand[-1][1]))
                        break
                    if any(_nip_of(s[2])[0] for s in segs[j]):
                        break
            if found:
                name, span = found
                name = _unbracketed(name.rstrip(", "))
                col = _column(segs, j, span)
                role_from = j - 1 if col and _DEGREE_LINE.match(col[2]) else j
                sigs.append(Signature(name, nip, _role_above(segs, role_from, span, max(0, j - 12)),
                                      lines[j].no, span))
                used.add((j, span[0]))
    # names under a jabatan line without any NIP (e.g. the Bupati signing an LRA); not inside a table
    for i, row in enumerate(segs):
        if lines[i].cells is not None and len(lines[i].cells) > 3:
            continue
        for lo, hi, t in row:
            if len(t) > 60 or (i, lo) in used or not _name_like(t):
                continue
            role = _role_above(segs, i, (lo, hi), max(0, i - 10))
            nxt = ""
            for k in range(i + 1, min(len(segs), i + 4)):
                s = _column(segs, k, (lo, hi))
                if s:
                    nxt = s[2]
                    break
            if role and (not nxt or _ROLEWORDS.search(nxt)) and not (nxt and _nip_of(nxt)[0]):
                if re.search(r"\b(BUPATI|WALI\s*KOTA|WALIKOTA|CAMAT|PIHAK|SEKRETARIS|KEPALA|KASUBB?AG|KASI|BENDAHARA|"
                             r"PETUGAS|PENGADMINISTRAS\w*)\b", role, re.I):
                    sigs.append(Signature(_unbracketed(t), None, role, lines[i].no, (lo, hi)))
    sigs.sort(key=lambda s: (s.line, s.col[0]))
    return sigs


_NAMA = re.compile(r"^Nama\s*:\s*(.+)$", re.I)
_JABATAN = re.compile(r"^Jabatan\s*:\s*(.+)$", re.I)


def name_directory(lines) -> dict[str, str]:
    """'Nama : X' followed by 'Jabatan : Y' pairs anywhere in a document: person -> jabatan."""
    texts = [clean(l.text) for l in lines]
    out: dict[str, str] = {}
    for i, t in enumerate(texts):
        m = _NAMA.match(t) if t[:1] in ("N", "n") else None      # ("Nama", ignoring case)
        if not m:
            continue
        for k in range(i + 1, min(len(texts), i + 6)):
            mj = _JABATAN.match(texts[k])
            if mj:
                out.setdefault(person_key(m.group(1)), mj.group(1).strip())
                break
    return out


def person_key(name: str) -> str:
    core = re.sub(r",.*$", "", name)
    core = re.sub(r"\b(Dra?|Drs|Ir|Hj|H|Dr|Prof)\.", "", core)
    words = core.split()
    while len(words) > 1 and re.fullmatch(_DEGREE, words[-1]):     # "LUQMAN HADI S.H" (no comma)
        words.pop()
    return re.sub(r"[^A-Z]", "", " ".join(words).upper())


def same_person(a: str, b: str) -> bool:
    ka, kb = person_key(a), person_key(b)
    if not ka or not kb:
        return False
    return ka == kb or (min(len(ka), len(kb)) >= 8 and (ka.startswith(kb) or kb.startswith(ka)))


def is_superior(sig: Signature) -> bool:
    """The block of the one who acknowledges ("Mengetahui", "Atasan langsung", "PIHAK KEDUA")."""
    return bool(sig.role and re.search(r"\b(mengetahui|menyetujui|atasan|pihak\s+kedua)\b", sig.role, re.I))


def unit_of(sig: Signature, directory: dict[str, str]) -> str:
    if sig.role:
        u = canonical_unit(sig.role)
        if u != "Other":
            return u
    j = directory.get(person_key(sig.name))
    return canonical_unit(j) if j else "Other"
