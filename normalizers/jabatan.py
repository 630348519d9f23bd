"""Canonical jabatan (unit) names: Kasubbag / Kasubag / Kepala Sub Bagian, Kasi / Kepala Seksi, Plt."""
from __future__ import annotations

import re
from functools import lru_cache

CANONICAL_UNITS = (
    "Camat", "Sekretaris Kecamatan", "Kasubbag Umum dan Kepegawaian", "Kasubbag Keuangan",
    "Kasubbag Perencanaan", "Kasi Pemerintahan", "Kasi Pemberdayaan Masyarakat", "Kasi Pelayanan Umum",
    "Kasi Ketentraman dan Ketertiban", "Bendahara", "Staf", "Other",
)

_STAFF = re.compile(r"\b(pengadministrasi\w*|peng[eo]l[oa]la?h?|pengolah data|operator|pelaksana|staf|staff|analis|"
                    r"petugas|verifikator|pranata|penyusun|fungsional|jfu|juru|pengemudi|caraka|arsiparis|"
                    r"pengawas|pengelola)\b")


def _fold(s: str) -> str:
    s = s.lower().replace("\u00a0", " ")
    s = re.sub(r"[*_<>/\\]", " ", s)
    s = re.sub(r"\bplt\.?\s*", "", s)
    s = re.sub(r"\bplh\.?\s*", "", s)
    s = re.sub(r"\bkepala\s+sub\s*bag(ian)?\b", "kasubbag", s)
    s = re.sub(r"\bka\.?\s*sub\s*bag(ian)?\b", "kasubbag", s)
    s = re.sub(r"\bkasubb?ag\b|\bkasub\b", "kasubbag", s)
    s = re.sub(r"\bsub\s*bag(ian)?\b|\bsubb?ag\b", "subbag", s)
    s = re.sub(r"\bkepala\s+seksi\b|\bka\.?\s*si\b", "kasi", s)
    s = re.sub(r"\bseksi\b", "seksi", s)
    s = re.sub(r"\bsekcam\b", "sekretaris kecamatan", s)
    s = re.sub(r"\s+", " ", s).strip()
    return s


@lru_cache(maxsize=65536)
def canonical_unit(raw: str | None) -> str:
    """Map a jabatan as written to one of CANONICAL_UNITS ("Other" when it is no jabatan)."""
    if not raw:
        return "Other"
    s = _fold(raw)
    if not s:
        return "Other"
    if _STAFF.search(s):
        return "Staf"
    if "bendahara" in s:
        return "Bendahara"
    if "kasubbag" in s or "kepala subbag" in s:
        if "keuangan" in s:
            return "Kasubbag Keuangan"
        if "perencanaan" in s or "program" in s:
            return "Kasubbag Perencanaan"
        if "umum" in s or "kepegawaian" in s:
            return "Kasubbag Umum dan Kepegawaian"
        return "Other"
    if re.search(r"\bkasi\b", s) or s.startswith("seksi"):
        if "pemerintahan" in s:
            return "Kasi Pemerintahan"
        if "pemberdayaan" in s or "pmd" in s:
            return "Kasi Pemberdayaan Masyarakat"
        if "pelayanan" in s or "yanmum" in s:
            return "Kasi Pelayanan Umum"
        if "ketentraman" in s or "ketenteraman" in s or "trantib" in s or "ketertiban" in s:
            return "Kasi Ketentraman dan Ketertiban"
        return "Other"
    if "sekretaris kecamatan" in s or re.search(r"\bsekretaris\b", s):
        return "Sekretaris Kecamatan"
    if re.search(r"\b(camat|panewu|kepala distrik|mantri pamong praja)\b", s):
        return "Camat"               # (the head of a kapanewon in DIY, of a distrik in Papua, of a kemantren)
    return "Other"
