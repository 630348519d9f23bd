"""Indicator catalogue and matcher: every indikator text gets a stable id and a score.

The catalogue is data (data/indicators.csv: id, name, measure); it is grown from the corpus with
`python -m lkj.normalizers.grow_catalogue RUN_DIR` which proposes entries for the review queue's texts.

Matching (rapidfuzz on folded text):
  * fold: lower case, markup and punctuation out, the spelling variants of the reports made one
    (Persentasi / Prosentase / Presentase -> persentase, Fasilitas -> fasilitasi, RKP Desa / RKPDesa ->
    rkpdes, penerangn -> penerangan ...), filler words ("yang", "di", "dalam") dropped;
  * two guards no string similarity can give: the measure word (jumlah / persentase / indeks /
    rata-rata) and the set of document acronyms (RKPDes, APBDes, LPPDes, PATEN, BMD, DPA, RKA ...)
    must agree, so "... menetapkan RKPDes tepat waktu" never takes the APBDes id;
  * score = rapidfuzz token_sort_ratio; >= ACCEPT gives the id, REVIEW..ACCEPT sends the row to the
    review queue (review.csv with the top candidates), below REVIEW no id.
The cut-offs were chosen on the labelled set tests/data/indicator_labels.csv (see README): ACCEPT is
the lowest score with no wrong id on that set, REVIEW the score under which no right id was found.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from lkj.model.values import IndicatorMatch

from .text import strip_markup

_DATA = os.path.join(os.path.dirname(__file__), "data", "indicators.csv")

ACCEPT = 88.0
REVIEW = 70.0

_SPELLING = [
    (r"\b(persentasi|prosentase|presentase|persentase|prosentasi|presentasi)\b", "persentase"),
    (r"\bfasilitas\b", "fasilitasi"),
    (r"\brata\s*-?\s*rata\b", "ratarata"),
    (r"\b(rkp\s*des(a)?|rkpdesa)\b", "rkpdes"),
    (r"\b(apb\s*des(a)?|apbdesa)\b", "apbdes"),
    (r"\b(lppd\s*es(a)?|lppdesa|lpp\s*desa)\b", "lppdes"),
    (r"\bsikronisasi\b", "sinkronisasi"),
    (r"\bpenerangn\b", "penerangan"),
    (r"\bkunjunagan\b", "kunjungan"),
    (r"\bliistrik\b", "listrik"),
    (r"\bsumberdaya\b", "sumber daya"),
    (r"\befektifitas\b", "efektivitas"),
    (r"\bketentraman\b", "ketenteraman"),
    (r"\bdi\s*sediakan\b", "disediakan"),
    (r"\bbarang milik daerah\b", "bmd"),
    (r"\bperangkat daerah\b", "pd"),
    (r"\bpenyelenggaraa n\b", "penyelenggaraan"),
    (r"\bcetakan\b", "cetak"),
    (r"\bjml\.?", "jumlah"),
    (r"\bpers\.(?=\s)", "persentase"),
    (r"\bkec\.?(?=\s|$)", "kecamatan"),
    (r"\bpemdes\b", "pemerintahan desa"),
    (r"\bops\.?(?=\s|$)", "operasional"),
    (r"\btepat\s*waktu\b", "tepat waktu"),
    (r"\bdi(wilayah|tingkat|bidang)\b", r"\1"),
]
_SPELLING_RE = [(re.compile(a), b) for a, b in _SPELLING]
_FILLER = {"yang", "di", "dalam", "dan", "pada", "oleh", "tingkat", "rangka", "untuk", "serta"}
MEASURES = ("jumlah", "persentase", "ratarata", "indeks")
# document acronyms (and "perubahan") that tell near-identical indicators apart
ACRONYMS = {"rkpdes", "apbdes", "lppdes", "paten", "bmd", "dpa", "rka", "skpd", "asn", "lkj", "sakip",
            "musrenbangcam", "forkompimca", "pkk", "bumdes", "perdes", "sp", "sop", "perubahan"}


@lru_cache(maxsize=65536)
def fold_indicator(text: str) -> str:
    s = strip_markup(text or "").lower().replace("\u2013", "-")
    s = re.sub(r"^\s*(\d+[.)]?|[a-z][.)])\s+", "", s)
    for pat, rep in _SPELLING_RE:
        s = pat.sub(rep, s)
    s = re.sub(r"[^a-z0-9 ]+", " ", s)
    return " ".join(w for w in s.split() if w not in _FILLER)


def measure_of(folded: str) -> str | None:
    first = folded.split(" ", 1)[0] if folded else ""
    return first if first in MEASURES else None


def acronyms_of(folded: str) -> frozenset[str]:
    return frozenset(w for w in folded.split() if w in ACRONYMS)


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    measure: str


@lru_cache(maxsize=1)
def catalogue() -> tuple[Indicator, ...]:
    with open(_DATA, newline="", encoding="utf-8") as fh:
        return tuple(Indicator(r["id"], r["name"], r["measure"]) for r in csv.DictReader(fh))


@lru_cache(maxsize=1)
def _index() -> tuple[list[str], list[str], list[frozenset[str]]]:
    folded = [fold_indicator(e.name) for e in catalogue()]
    return folded, [measure_of(f) for f in folded], [acronyms_of(f) for f in folded]


# a sasaran's opening word: such a text is a sasaran, or a sasaran run together with its indikator
SASARAN_LEAD = re.compile(r"^(meningkatnya|terlaksananya|terselenggaranya|tersedianya|terwujudnya)\b")


@lru_cache(maxsize=8192)
def match_indicator(text: str, accept: float = ACCEPT, review: float = REVIEW) -> IndicatorMatch:
    q = fold_indicator(text)
    if SASARAN_LEAD.match(q):
        # a sasaran and its indikator run together in one cell: match from the indicator's measure word
        cut = [q.find(f" {m} ") for m in MEASURES if f" {m} " in q]
        if cut:
            q = q[min(cut) + 1:]
    if len(q) < 8:
        return IndicatorMatch(text, None, 0.0, "none")
    folded, measures, acrs = _index()
    qm, qa = measure_of(q), acronyms_of(q)
    hits = process.extract(q, folded, scorer=fuzz.token_sort_ratio, limit=8, score_cutoff=review * 0.8)
    cands: list[tuple[str, str, float]] = []
    for _, score, i in hits:
        if measures[i] != qm or acrs[i] != qa:
            continue                       # another measure or another document: never the same indicator
        e = catalogue()[i]
        cands.append((e.id, e.name, round(float(score), 1)))
    cands.sort(key=lambda c: -c[2])
    cands = cands[:3]
    if not cands:
        return IndicatorMatch(text, None, 0.0, "none")
    best = cands[0][2]
    if best >= accept:
        return IndicatorMatch(text, cands[0][0], best, "accepted", cands)
    if best >= review:
        return IndicatorMatch(text, None, best, "review", cands)
    return IndicatorMatch(text, None, best, "none", cands)
