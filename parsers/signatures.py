"""Signature blocks: the jabatan line(s), the name, and the NIP under it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from lkj.normalizers.jabatan import canonical_unit
from lkj.normalizers.text import clean

_NIP = re.compile(r"^(?:NIP\.?\s*[:.]?\s*)([\d\s\-.]*\d[\d\s\-.]*|-)?\s*$", re.I)
_BARE_NIP = re.compile(r"^\d{8}\s*\d{6}\s*\d\s*\d{3}$")
_ROLEWORDS = re.compile(r"\b(CAMAT|SEKRETARIS|KASUBB?AG|KASI|KEPALA|BUPATI|BENDAHARA|PIHAK|PETUGAS|"
                        r"PENGADMINISTRAS\w*|PENGOLAH|OPERATOR|PELAKSANA|EVALUATOR|SUB\s*BAG\w*|SEKSI|"
                        r"KECAMATAN|ATASAN|MENGETAHUI|KABUPATEN|SUBB?AG|EVALUASI|MONITORING|KEPEGAWAIAN|"
                        r"KEUANGAN|PEMERINTAHAN|PELAYANAN|PEMBERDAYAAN|SEKCAM|PLT|DIEVALUASI|YANG)\b", re.I)
_DATE_LINE = re.compile(r"\d{1,2}\s+[A-Za-z]+\s+\d{4}$")


@dataclass
class Signature:
    name: str
    nip: str | None
    role: str | None
    line: int


def _name_like(t: str) -> bool:
    if not t or len(t) > 60 or re.search(r"\d", t) or t.endswith(":"):
        return False
    if re.match(r"^(NIP|Nama|Jabatan|Pangkat|Lumajang|Mengetahui)\b", t, re.I):
        return False
    core = re.sub(r",.*$", "", t)                     # drop academic degrees after the comma
    core = re.sub(r"\b(Drs?|Ir|Hj|H|Dr|Prof)\.", "", core).strip()
    words = [w for w in re.split(r"\s+", core) if w]
    if not 1 <= len(words) <= 6:
        return False
    if _ROLEWORDS.search(core):
        return False
    letters = [c for c in core if c.isalpha()]
    if len(letters) < 3:
        return False
    upper = sum(c.isupper() for c in letters) / len(letters)
    return upper >= 0.7 or ("," in t and words[0][0].isupper())


def _role_above(texts: list[str], i: int, floor: int) -> str | None:
    """Consecutive jabatan-like lines above index i (skipping blanks), joined."""
    parts: list[str] = []
    j = i - 1
    gap = 0
    while j >= floor and len(parts) < 3:
        t = texts[j]
        if not t:
            gap += 1
            if parts and gap > 1:
                break
            if gap > 4:
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


def find_signatures(lines) -> list[Signature]:
    texts = [clean(l.text) for l in lines]
    sigs: list[Signature] = []
    used: set[int] = set()
    for i, t in enumerate(texts):
        m = _NIP.match(t) if t.upper().startswith("NIP") else None
        bare = _BARE_NIP.match(t)
        if not m and not bare:
            continue
        raw_nip = (m.group(1) if m else t) or ""
        digits = re.sub(r"\D", "", raw_nip)
        nip = digits if len(digits) >= 9 else None
        for j in range(i - 1, max(-1, i - 5), -1):
            if texts[j] and _name_like(texts[j]):
                floor = max(0, j - 12)
                sigs.append(Signature(texts[j], nip, _role_above(texts, j, floor), lines[j].no))
                used.add(j)
                break
    # names under a jabatan line without any NIP (e.g. the Bupati signing an LRA)
    for i, t in enumerate(texts):
        if i in used or not _name_like(t):
            continue
        role = _role_above(texts, i, max(0, i - 10))
        nxt = next((texts[k] for k in range(i + 1, min(len(texts), i + 4)) if texts[k]), "")
        if role and (not nxt or _ROLEWORDS.search(nxt) or _NIP.match(nxt)) and not (nxt and _NIP.match(nxt)):
            if re.search(r"\b(BUPATI|CAMAT|PIHAK|SEKRETARIS|KEPALA|KASUBB?AG|KASI|BENDAHARA|PETUGAS|"
                         r"PENGADMINISTRAS\w*)\b", role, re.I):
                sigs.append(Signature(t, None, role, lines[i].no))
    sigs.sort(key=lambda s: s.line)
    return sigs


_NAMA = re.compile(r"^Nama\s*:\s*(.+)$", re.I)
_JABATAN = re.compile(r"^Jabatan\s*:\s*(.+)$", re.I)


def name_directory(lines) -> dict[str, str]:
    """'Nama : X' followed by 'Jabatan : Y' pairs anywhere in a document: person -> jabatan."""
    texts = [clean(l.text) for l in lines]
    out: dict[str, str] = {}
    for i, t in enumerate(texts):
        m = _NAMA.match(t)
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
    core = re.sub(r"\b(Drs?|Ir|Hj|H|Dr|Prof)\.", "", core)
    return re.sub(r"[^A-Z]", "", core.upper())


def unit_of(sig: Signature, directory: dict[str, str]) -> str:
    if sig.role:
        u = canonical_unit(sig.role)
        if u != "Other":
            return u
    j = directory.get(person_key(sig.name))
    return canonical_unit(j) if j else "Other"
