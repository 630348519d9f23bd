"""Grow the indicator catalogue from a run: `python -m lkj.normalizers.grow_catalogue RUN_DIR [--write]`.

Reads RUN_DIR/rows.csv, takes the indikator texts that got no id (review queue and unmatched),
groups spelling variants of one indicator (the matcher's own fold, guards and ACCEPT cut-off) and
proposes one catalogue entry per group, named by its most frequent spelling. Without --write it
prints the proposals for a person to check; with --write it appends them to data/indicators.csv.
"""
from __future__ import annotations

import argparse
import csv
from collections import Counter

from rapidfuzz import fuzz

from .catalogue import (ACCEPT, _DATA, SASARAN_LEAD, acronyms_of, catalogue, fold_indicator, match_indicator,
                         measure_of)


def propose(texts: Counter) -> list[tuple[str, str, int, list[str]]]:
    groups: list[dict] = []
    for text, n in texts.most_common():
        f = fold_indicator(text)
        m = measure_of(f)
        if not m or SASARAN_LEAD.match(f) or match_indicator(text).status == "accepted":
            continue
        for g in groups:
            if g["measure"] == m and g["acr"] == acronyms_of(f) and fuzz.token_sort_ratio(f, g["fold"]) >= ACCEPT:
                g["texts"][text] += n
                break
        else:
            groups.append({"fold": f, "measure": m, "acr": acronyms_of(f), "texts": Counter({text: n})})
    used = {int(e.id.split("-")[1]) for e in catalogue()}
    nxt = max(used, default=0) + 1
    out = []
    for g in groups:
        name = g["texts"].most_common(1)[0][0]
        out.append((f"IND-{nxt:03d}", name, sum(g["texts"].values()), sorted(g["texts"])))
        nxt += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run_dir")
    ap.add_argument("--write", action="store_true", help="append the proposals to the catalogue")
    a = ap.parse_args(argv)
    texts: Counter = Counter()
    with open(f"{a.run_dir}/rows.csv", newline="", encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            if r.get("indikator") and not r.get("indikator_id"):
                texts[r["indikator"].strip()] += 1
    props = propose(texts)
    for pid, name, n, variants in props:
        print(f"{pid}\t{n}\t{name}")
        for v in variants:
            if v != name:
                print(f"\t\t  ~ {v}")
    if a.write and props:
        with open(_DATA, "a", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            for pid, name, _, _ in props:
                w.writerow([pid, name, measure_of(fold_indicator(name))])
        print(f"appended {len(props)} entries to {_DATA}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
