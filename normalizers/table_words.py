"""The vocabulary table headers of SAKIP reports are written in (general Indonesian reporting words,
not taken from any one report): what a reader needs to tell a header line from a body line before
any column has a meaning, and what the header parser heals OCR slips towards.

A header may hold words that are not here ("Satuan", "Pejabat", "Utama", a year); callers count
known words, they never require every word to be known.
"""
from __future__ import annotations

import re
from functools import lru_cache

# the words header cells are made of (an OCR slip in one of them is healed, see parsers.headers)
HEADER_WORDS = ("anggaran", "kinerja", "realisasi", "capaian", "target", "sasaran", "indikator", "program",
                "kegiatan", "pagu", "efisiensi", "keterangan", "satuan", "uraian", "persentase", "sisa",
                "jumlah", "strategis")

# further words of table headers: column names, their qualifiers and the words of two-level headers
_MORE = ("no", "nomor", "urut", "kode", "rekening", "rek", "sub", "subkegiatan", "tujuan", "strategi",
         "setelah", "sebelum", "perubahan", "murni", "alokasi", "dana", "nilai", "ket", "tahun", "triwulan",
         "tw", "semester", "bulan", "sd", "s/d", "kumulatif", "lalu", "ini", "rp", "k", "t", "r", "kondisi",
         "awal", "akhir", "renstra", "rpjmd", "renja", "pk", "prosentase", "presentase", "persen", "tingkat",
         "keuangan", "fisik", "rencana", "aksi", "penanggung", "jawab", "pelaksana", "nama", "sumber",
         "outcome", "output", "cost", "per", "unit", "total", "jml", "pejabat", "utama", "kerja", "misi",
         "visi", "formulasi", "perhitungan", "rumus", "target/", "sasaran/", "program/", "kegiatan/",
         "dan", "atau", "yang", "dari", "standar", "serapan", "penyerapan", "daya", "serap")
LABEL_WORDS = frozenset(HEADER_WORDS + _MORE)

_YEAR = re.compile(r"^\(?(19|20)\d\d\)?[.,:]?$")
_FORMULA = re.compile(r"^\(?\d{1,2}\s*=\s*[\d()/x*+\-]+\)?$|^\(?[A-Za-z0-9%]{1,3}(\s*[-/x*:]\s*\(?[A-Za-z0-9%]{1,3}\)?)+\)?$")
_SYMBOL = re.compile(r"^[(\[]?(%|rp\.?|[ktr])[)\]]?[.,:]?$", re.I)
_PUNCT = re.compile(r"^[/\-–|()&.,:]+$")


@lru_cache(maxsize=50_000)
def is_label_word(word: str) -> bool:
    """A word a table header is written in: a known header word (or its first letters, as a cut
    column edge leaves them: "Efisiens", "Capaia"), a year, a column formula ("6=5/4"), "%" / "(Rp)"
    / "T" / "R" / "K", or bare punctuation ("/")."""
    w = word.strip()
    if not w:
        return False
    if _YEAR.match(w) or _FORMULA.match(w) or _SYMBOL.match(w) or _PUNCT.match(w):
        return True
    core = re.sub(r"[^a-z/]", "", w.lower()).strip("/")
    if not core:
        return False
    if core in LABEL_WORDS or any(p in LABEL_WORDS for p in core.split("/") if p):
        return True
    return len(core) >= 5 and any(h.startswith(core) for h in HEADER_WORDS)


_VALUE_LABELS = ("target", "realisasi", "realiasasi", "capaian", "anggaran", "pagu", "efisiensi", "sisa", "alokasi")


@lru_cache(maxsize=50_000)
def is_value_label(word: str) -> bool:
    """The name of a value column (Target, Realisasi, Capaian, Anggaran, Pagu, Efisiensi, Sisa),
    or its first letters where a column edge cut it ("Targe", "Efisiens")."""
    core = re.sub(r"[^a-z]", "", word.lower())
    return len(core) >= 4 and any(h.startswith(core) for h in _VALUE_LABELS) or core in _VALUE_LABELS


@lru_cache(maxsize=50_000)
def is_header_word(word: str) -> bool:
    """One of the main column words (target, realisasi, indikator ...) or "No" / "Kode": a line
    with two runs holding such words may be a table header."""
    core = re.sub(r"[^a-z]", "", word.lower())
    if core in ("no", "nomor", "kode", "uraian"):
        return True
    if len(core) < 4:
        return False
    return core in HEADER_WORDS or (len(core) >= 5 and any(h.startswith(core) for h in HEADER_WORDS))


# a row that names the sasaran of the indicator rows under it, across the table ("Sasaran 1:
# Meningkatnya kualitas pelayanan publik", "SASARAN STRATEGIS II. Terwujudnya ...")
_SASARAN_SECTION = re.compile(r"(?i)^\s*sasaran(?:\s+(?:strategis|program|kegiatan))?\s*(?:ke[-\s]?)?"
                              r"(?:\d{1,2}|[ivx]{1,4})?\s*[:.]\s*(\S.{8,})$")


def sasaran_section(text: str) -> str | None:
    """The sasaran a section row names ("Sasaran 1: Meningkatnya ..." -> "Meningkatnya ..."), or None."""
    m = _SASARAN_SECTION.match(" ".join(text.split()))
    return m.group(1).strip() if m else None
