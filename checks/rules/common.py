"""Helpers the rules share: comparing values, naming values, finding the same indikator or program."""
from __future__ import annotations

import math
import re

from rapidfuzz import fuzz

from lkj.normalizers.catalogue import MEASURES, fold_indicator
from lkj.normalizers.nomenclature import fold_name, nomenclature_kode

from ..registry import ReportContext, show_number

QUARTERLY = ("triwulan", "individu_triwulan")
COMPARE = re.compile(r"\b(dibanding\w*|perbandingan|sebelumnya|yang lalu)\b", re.I)
PLAIN_UNITS = {"index", "angka", "nilai", "indeks"}


def short(s: str, n: int = 110) -> str:
    s = s.strip()
    return s if len(s) <= n else s[: n - 3] + "..."


def indicator_key(r) -> str | None:
    if r.indikator_id:
        return r.indikator_id
    t = r.text.get("indikator")
    return fold_indicator(t) if t else None


def differ(a: float | None, b: float | None, rounding: bool = False) -> bool:
    """Targets and pagu are set values: any difference counts. Measured percentages may be rounded or
    truncated to whole points in a summary table (27,08 -> 27, 28,57 -> 28): `rounding` allows that."""
    if a is None or b is None:
        return False
    if abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1.0):
        return False
    if rounding:
        for x, y in ((a, b), (b, a)):
            if abs(y - round(y)) < 1e-9 and (round(x) == y or math.floor(x) == y):
                return False
    return True


def core(text: str) -> str:
    """The indicator text without its measure words ("Prosentase Jumlah Desa ..." -> "desa ...")."""
    words = fold_indicator(text).split()
    while words and words[0] in MEASURES:
        words.pop(0)
    return " ".join(words)


def pk_row(pk: dict, r):
    """The Perjanjian Kinerja row of the same indikator: same catalogue id, else the same words once
    the measure words are set aside."""
    k = indicator_key(r)
    if k in pk:
        return pk[k]
    mine = core(r.text.get("indikator") or "")
    for t, pr in pk.values():
        if mine and fuzz.token_sort_ratio(mine, core(pr.text.get("indikator") or "")) >= 95:
            return t, pr
    return None


def value_text(r, f: str) -> str:
    return r.raw.get(f) or show_number(r.num.get(f))


def indicator_rows(ctx: ReportContext, *kinds: str):
    """Rows that carry an indikator (indicator rows, and program rows of tables that give each program
    its outcome indicator)."""
    for t, r in ctx.rows(*kinds):
        if t.duplicate_of is None and indicator_key(r) and (r.level in (None, "indicator")
                                                            or r.num.get("target") is not None):
            yield t, r


def same_peer(ctx: ReportContext, other: ReportContext, same_quarter: bool) -> bool:
    a, b = ctx.meta, other.meta
    if other is ctx or not a.kecamatan or a.kecamatan != b.kecamatan or a.year != b.year:
        return False
    return not same_quarter or (a.quarter is not None and a.quarter == b.quarter)


def percent_like(a, b, f: str) -> bool:
    return f == "capaian" or (a.unit.get(f) == "%" and b.unit.get(f) == "%")


def program_key(r) -> str | None:
    """A program / kegiatan: its kode, else the Permendagri-90 kode of its name, else its folded name."""
    if r.text.get("kode"):
        return r.text["kode"]
    n = r.text.get("name") or (r.text.get("indikator") if r.level in ("program", "kegiatan", "sub_kegiatan") else None)
    if not n or len(n) <= 10:
        return None
    return nomenclature_kode(n) or fold_name(n)
