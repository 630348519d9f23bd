"""Units (satuan) of kinerja targets and realisations: "12 Dokumen", "7 desa", "35 paket"."""
from __future__ import annotations

import re

# abbreviations and misspellings -> canonical unit (letters only, lower case)
_ALIASES = {
    "dok": "dokumen", "doc": "dokumen", "dokumenn": "dokumen", "dokkumen": "dokumen",
    "lap": "laporan", "pkt": "paket", "bln": "bulan", "keg": "kegiatan",
    "persen": "%", "prosen": "%",
}
_KNOWN = {"dokumen", "desa", "kelurahan", "paket", "laporan", "bulan", "unit", "jenis", "kegiatan",
          "orang", "fasilitasi", "kali", "lembaga", "keluarga", "rekomendasi", "surat", "angka",
          "nilai", "indeks", "index", "rupiah", "hari", "tahun", "kelompok", "sekolah", "rt", "rw"}
_COUNT_UNITS = _KNOWN - {"angka", "nilai", "indeks", "index", "rupiah"}


def normalise_unit(text: str | None) -> str | None:
    """Lower-case canonical unit for the words next to a number; None when there are none.

    Words split by PDF extraction are re-joined ("Dokum en", "doku men" -> "dokumen").
    A number without any unit is an index or plain value: callers map that to "index".
    """
    if not text:
        return None
    t = re.sub(r"\s+", " ", text).strip()
    if not t:
        return None
    if t.startswith("%"):
        return "%"
    low = t.lower()
    compact = re.sub(r"[^a-z]", "", low)
    if not compact:
        return None
    if compact in _ALIASES:
        return _ALIASES[compact]
    if compact in _KNOWN:
        return compact
    first = re.sub(r"[^a-z]", "", low.split()[0])
    if first in _ALIASES:
        return _ALIASES[first]
    if first in _KNOWN and len(low.split()) == 1:
        return first
    return re.sub(r"[^a-z/ ]", "", low).strip() or None


def is_count_unit(unit: str | None) -> bool:
    return unit in _COUNT_UNITS


# words that stand for a unit after a number in a table cell (general Indonesian satuan)
_UNIT_WORDS = _KNOWN | set(_ALIASES) | {
    "buah", "berkas", "set", "eksemplar", "titik", "lokasi", "jiwa", "kk", "ha", "km", "meter", "ton", "liter",
    "minggu", "triwulan", "semester", "event", "peserta", "poin", "point", "skor", "sertifikat", "kasus",
    "perkara", "ruang", "gedung", "lembar", "naskah", "dokumentasi"}


def is_unit_word(word: str) -> bool:
    """A word that names a unit after a number ("12 Dokumen", "26 Desa", "4 Lap")."""
    w = re.sub(r"[^a-z]", "", word.lower())
    return w in _UNIT_WORDS


def is_unit_start(word: str) -> bool:
    """The first letters of a unit word broken at a column edge ("Dokum" of "Dokumen")."""
    w = re.sub(r"[^a-z]", "", word.lower())
    return len(w) >= 3 and any(u.startswith(w) for u in _UNIT_WORDS if len(u) > len(w))
