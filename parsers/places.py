"""Where a report is from: the kecamatan and the kabupaten/kota it names, decided with the national
gazetteer.

A mention is a place word after its keyword ("Kecamatan Medan Amplas", "Kec. Dau", "CAMAT TEMPEH",
"Kabupaten Lumajang", "Bupati Tapin", "Kota Medan", "Walikota Medan"), read inside one table cell
or one space-separated column of a line at a time.  The name is the longest run of the words after
the keyword that the gazetteer knows (multi-word names whole); a name it does not know is kept as
written (capitalised words up to a function word) and matched tolerantly later.  The report's pair
is decided by weighted votes: the kabupaten/kota first, then its kecamatan among the mentions (a
kecamatan must belong to the kabupaten when both are known; a slip in the spelling is matched to
the kabupaten's kecamatan), the canonical spelling from the gazetteer.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz

from lkj.normalizers.gazetteer import Kecamatan, Region, fold_place, national
from lkj.normalizers.text import clean

# (a kecamatan is a distrik in Papua, a kapanewon or kemantren in Yogyakarta, its head a panewu there)
_KEC_KEY = re.compile(r"\b(?:Kecamatan|Kec\.?|Camat|Distrik|Kapanewon|Kemantren|Panewu)(?=[\s.:]|$)[\s.:]*", re.I)
_KAB_KEY = re.compile(r"\b(?:Kabupaten|Kab\.|Kab(?=\s)|Bupati)[\s.:]+", re.I)
_KOTA_KEY = re.compile(r"\b(?:Wali\s*kota|Kota)[\s.:]+", re.I)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
# words that follow a keyword without being a place ("Peraturan Bupati Nomor ...", "Camat selaku ...")
_NOT_PLACE = {"dan", "yang", "kabupaten", "kota", "sesuai", "setda", "tingkat", "dengan", "selaku", "dalam",
              "sebagai", "merupakan", "tahun", "pada", "untuk", "kecamatan", "kelurahan", "desa", "mempunyai",
              "berdasarkan", "telah", "terhadap", "wilayah", "secara", "melalui", "beserta", "adalah",
              "perangkat", "memiliki", "dipimpin", "berkewajiban", "bertanggungjawab", "jumlah", "persentase",
              "sebagaimana", "bahwa", "maka", "atas", "juga", "lain", "tersebut", "kepada", "oleh", "serta",
              "nomor", "tentang", "provinsi", "triwulan", "se", "yth", "di", "ke", "dari", "atau", "selaku",
              "adm", "administrasi", "madya", "besar", "menjadi", "agar", "akan", "dapat", "tidak",
              "wakil", "sekretaris", "kepala", "seksi", "laporan", "kinerja", "perjanjian", "periode"}
_ADDRESS = re.compile(r"\b(Jl\.|Jalan|Telp|Telepon|Faks|Fax|Faksimile|Laman|Pos-el|e-mail|email|Website|Kode\s*Pos|"
                      r"Kelurahan\s+\w+,)|\b[1-9]\d{4},?\s*$", re.I)
_COLUMNS = re.compile(r"\s{3,}|\t")
# any keyword of the three patterns above: a text without one names no place (tested once per text)
_ANY_KEY = re.compile(r"kec|camat|kab|bupati|kota|distrik|kapanewon|kemantren|panewu", re.I)
_KEYS = ("kec", "camat", "kab", "bupati", "kota", "distrik", "kapanewon", "kemantren", "panewu")


def _has_key(text: str) -> bool:
    """_ANY_KEY.search(text), as substring tests on ASCII text (where ignoring case is lower-casing)."""
    if text.isascii():
        low = text.lower()
        return "kec" in low or "camat" in low or "kab" in low or "bupati" in low or "kota" in low or \
            "distrik" in low or "kapanewon" in low or "kemantren" in low or "panewu" in low      # _KEYS, inline
    return bool(_ANY_KEY.search(text))


_KEC_BEFORE = re.compile(r"\b(kecamatan|kec\.?|distrik|kapanewon|kemantren)\s*$", re.I)


@dataclass
class Mention:
    line: int                        # index of the line in the lines read
    kind: str                        # "kec" | "region"
    raw: str                         # the name as written
    kecamatan: list[Kecamatan] = field(default_factory=list)   # gazetteer entries of that name
    regions: list[Region] = field(default_factory=list)


def line_parts(line) -> list[str]:
    """A line's texts: its cells for a table row, else its space-separated columns."""
    if line.cells is not None:
        return [clean(c.text) for c in line.cells]
    text = line.text
    if "   " not in text and text.isprintable():
        return [clean(text)] if text.strip(" ") else []     # (no tab, no three white spaces: one part)
    return [clean(p) for p in _COLUMNS.split(text) if p.strip()]


def _words_after(text: str, pos: int, most: int = 8) -> list[str]:
    """Words after a keyword, up to punctuation that ends a name (comma, full stop, bracket)."""
    out: list[str] = []
    for m in _WORD.finditer(text, pos):
        gap = text[pos:m.start()]
        if gap.strip(" -") or (out and "  " in gap):
            break
        out.append(m.group(0).strip("-'\u2019"))
        pos = m.end()
        if len(out) >= most:
            break
    return out


def _written_name(words: list[str]) -> str | None:
    """A name the gazetteer does not know: capitalised words up to a function word (at most three)."""
    out = []
    for w in words[:3]:
        if w.lower() in _NOT_PLACE or not w[0].isupper():
            break
        out.append(w)
    if not out or len(fold_place(out[0])) < 3:
        return None
    return " ".join(out)


class LineMentions:
    """The place mentions of a document's lines, read once for all its reports: each line's own
    mentions, and what the letterhead-address rule needs to skip a line in a given run of lines."""

    def __init__(self, parts_per_line: list[list[str]]):
        self.parts = parts_per_line
        self.found: dict[int, list[Mention]] = {}      # line with a keyword -> its mentions (line: its index)
        self.comma: dict[int, bool] = {}               # line with a keyword -> a part ends with a comma
        self._addr: dict[int, bool] = {}
        g = national()
        for i, parts in enumerate(parts_per_line):
            if not _has_key("\n".join(parts)):      # no keyword in any part (none spans a line break)
                continue
            self.comma[i] = any(t.rstrip().endswith(",") for t in parts)
            self.found[i] = _line_mentions(i, parts, g)
        self.keyed = list(self.found)                  # those lines, in order

    def addr(self, k: int) -> bool:
        """Line k names part of an address (tested once per line, on lines beside a keyword only)."""
        a = self._addr.get(k)
        if a is None:
            a = self._addr[k] = any(_ADDRESS.search(t) for t in self.parts[k])
        return a

    def mentions(self, lo: int = 0, hi: int | None = None) -> list[Mention]:
        """mentions(parts_per_line[lo:hi]): the mentions of those lines, numbered from lo."""
        hi = len(self.parts) if hi is None else min(hi, len(self.parts))
        out: list[Mention] = []
        keyed = self.keyed
        for i in keyed[bisect_left(keyed, lo):bisect_left(keyed, hi)]:
            # a letterhead address wrapped over lines ("Rogotrunan, Kecamatan Lumajang," between two)
            if i > lo and self.addr(i - 1) or i + 1 < hi and self.addr(i + 1):
                if self.comma[i]:
                    continue
            out += [Mention(i - lo, m.kind, m.raw, m.kecamatan, m.regions) for m in self.found[i]]
        return out


def mentions(parts_per_line: list[list[str]]) -> list[Mention]:
    return LineMentions(parts_per_line).mentions()


def _line_mentions(i: int, parts: list[str], g) -> list[Mention]:
    """The mentions of one line's parts (each part read on its own)."""
    return [Mention(i, kind, raw, list(kec), list(regs)) for t in parts if t and _has_key(t)
            for kind, raw, kec, regs in _part_mentions(t, g)]


@lru_cache(maxsize=65536)
def _part_mentions(t: str, g) -> tuple[tuple[str, str, tuple, tuple], ...]:
    """(kind, name as written, its kecamatan, its regions) of every mention in one part holding a
    keyword (memoised: running headers and signature blocks repeat their parts)."""
    out: list[tuple[str, str, tuple, tuple]] = []
    if _ADDRESS.search(t):
        return ()
    for m in _KEC_KEY.finditer(t):
        words = _words_after(t, m.end())
        if words and words[0].lower() in ("kecamatan", "kec", "distrik", "kapanewon", "kemantren"):   # "Camat Kecamatan X"
            continue
        if not words or not words[0][0].isupper():
            continue
        n, found = g.longest_kecamatan(words)
        if words[0].lower() in _NOT_PLACE and n < 2:
            continue                # (a name may open with such a word: "Kecamatan Kota Juang")
        if n:
            out.append(("kec", " ".join(words[:n]), tuple(found), ()))
        else:
            name = _written_name(words)
            if name:
                out.append(("kec", name, (), ()))
    for rx, jenis in ((_KAB_KEY, "Kabupaten"), (_KOTA_KEY, "Kota")):
        for m in rx.finditer(t):
            if jenis == "Kota" and _KEC_BEFORE.search(t[:m.start()]):
                continue                       # "Kecamatan Kota Baru" is a kecamatan
            words = _words_after(t, m.end())
            if not words or words[0].lower() in _NOT_PLACE or not words[0][0].isupper():
                continue
            n, found = g.longest_region(words)
            found = [r for r in found if r.jenis == jenis]
            if n and found:
                out.append(("region", " ".join(words[:n]), (), tuple(found)))
            elif jenis == "Kabupaten":
                name = _written_name(words)
                if name:
                    out.append(("region", name, (), ()))
    return tuple(out)


@dataclass
class Place:
    kabupaten: str | None
    kecamatan: str | None


def _region_votes(ms: list[tuple[Mention, int]]) -> tuple[Counter, dict]:
    votes: Counter = Counter()
    written: dict[str, int] = Counter()
    g = national()
    for m, w in ms:
        if m.kind != "region":
            continue
        regs = m.regions
        if not regs:
            r = g.match_region(m.raw, "Kabupaten")
            regs = [r] if r else []
        if regs:
            for r in regs:
                votes[r] += w / len(regs)
        else:
            written[m.raw.title()] += w
    return votes, written


def decide(weighted: list[tuple[Mention, int]]) -> Place:
    """The report's kabupaten/kota and kecamatan from its weighted mentions."""
    g = national()
    rvotes, rwritten = _region_votes(weighted)
    kec_ms = [(m, w) for m, w in weighted if m.kind == "kec"]
    region: Region | None = rvotes.most_common(1)[0][0] if rvotes else None
    if region is None and not rwritten:
        # no kabupaten written: the one the named kecamatan belong to, when that is one region
        rv: Counter = Counter()
        for m, w in kec_ms:
            regs = {k.region for k in m.kecamatan}
            for r in regs:
                rv[r] += w / len(regs)
        if rv:
            top = rv.most_common(2)
            if len(top) == 1 or top[0][1] > top[1][1]:
                region = top[0][0]
    # kecamatan votes (canonical names), in the region when it is known
    votes: Counter = Counter()
    known: set[str] = set()
    unknown: Counter = Counter()
    for m, w in kec_ms:
        if region is not None:
            k = next((k for k in m.kecamatan if k.region == region), None) or g.match_kecamatan(m.raw, region)
        else:
            k = m.kecamatan[0] if m.kecamatan else None
        if k is not None:
            votes[k.name] += w
            known.add(k.name)
        else:
            unknown[m.raw] += w
    if unknown:
        name = _canonical_written(unknown)
        if region is None and len(fold_place(name)) >= 6:
            k = g.match_kecamatan(name)
            name = k.name if k is not None else name
        votes[name] += sum(n for s, n in unknown.items() if fuzz.ratio(fold_place(s), fold_place(name)) >= 80)
    kec_name = max(votes, key=lambda n: (votes[n], n in known)) if votes else None
    if region is not None:
        kab = region.label
    elif rwritten:
        kab = rwritten.most_common(1)[0][0]
    else:
        kab = None
    return Place(kab, kec_name)


def _canonical_written(votes: Counter) -> str:
    """Among names the gazetteer does not know, the most voted, spelled as its most frequent similar
    spelling."""
    best = votes.most_common(1)[0][0]
    group = [(s, n) for s, n in votes.items() if fuzz.ratio(fold_place(s), fold_place(best)) >= 80]
    return max(group, key=lambda sn: sn[1])[0].title()
