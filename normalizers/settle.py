"""Numbers the reader doubts (OCR of a scan) settled by the row's own arithmetic, where it can be.

A reader marks a cell in doubt when two readings of it disagree, its confidence is low, or a faint
mark before its digits may be a lost minus (extract/ocr.py).  Here each such value meets the
row's own relations, computed from the row's other values that are not in doubt:

    capaian = realisasi / target x 100          capaian anggaran = realisasi anggaran / pagu x 100
    sisa = pagu - realisasi anggaran            efisiensi = capaian - capaian anggaran (when the
                                                table's sure rows follow that formula)
and the same relations solved for each of their terms.  A value that agrees with one of them is
settled as read.  A value whose digits are those of the implied value with one slip (a lost minus,
a dropped or misread digit: "& 58%" for 8,58%) is settled to the implied value, with the unit the relation gives it (a target takes its realisasi's).
Anything else stays
in doubt: the row's `doubt` names it, the checks do not treat it as the report's own number, and
it goes to the review queue.

Hand-written: which relations hold is the reports' arithmetic, no library has it.
"""
from __future__ import annotations

import re

from lkj.model.names import NUMERIC_FIELDS
from lkj.model.tables import Row

_PCT_TOL = 1.0          # percentage points a report's rounding may take
_EFF_TOL = 0.3


def _relations(n: dict, f: str, efisiensi_holds: bool) -> list[tuple[float, float, tuple[str, ...]]]:
    """(implied value, tolerance, fields used) for field f from the row's numbers n."""
    out = []

    def have(*fs):
        return all(n.get(x) is not None for x in fs)

    if f == "capaian" and have("realisasi", "target") and n["target"]:
        out.append((100.0 * n["realisasi"] / n["target"], _PCT_TOL, ("realisasi", "target")))
    if f == "realisasi" and have("capaian", "target"):
        out.append((n["capaian"] * n["target"] / 100.0, max(0.5, 0.01 * abs(n["target"])), ("capaian", "target")))
    if f == "target" and have("capaian", "realisasi") and n["capaian"]:
        out.append((100.0 * n["realisasi"] / n["capaian"], max(0.5, 0.01 * abs(n["realisasi"])), ("capaian", "realisasi")))
    if f == "capaian_anggaran" and have("realisasi_anggaran", "pagu") and n["pagu"]:
        out.append((100.0 * n["realisasi_anggaran"] / n["pagu"], _PCT_TOL, ("realisasi_anggaran", "pagu")))
    if f == "sisa" and have("pagu", "realisasi_anggaran"):
        out.append((n["pagu"] - n["realisasi_anggaran"], 1.0, ("pagu", "realisasi_anggaran")))
    if f == "realisasi_anggaran":
        if have("pagu", "sisa"):
            out.append((n["pagu"] - n["sisa"], 1.0, ("pagu", "sisa")))
        if have("pagu", "capaian_anggaran"):
            out.append((n["pagu"] * n["capaian_anggaran"] / 100.0, 0.006 * abs(n["pagu"]) + 1, ("pagu", "capaian_anggaran")))
    if f == "pagu":
        if have("realisasi_anggaran", "sisa"):
            out.append((n["realisasi_anggaran"] + n["sisa"], 1.0, ("realisasi_anggaran", "sisa")))
        if have("realisasi_anggaran", "capaian_anggaran") and n["capaian_anggaran"]:
            out.append((100.0 * n["realisasi_anggaran"] / n["capaian_anggaran"],
                        0.006 * abs(n["realisasi_anggaran"]) * 100 / max(1.0, abs(n["capaian_anggaran"])) + 1,
                        ("realisasi_anggaran", "capaian_anggaran")))
    if efisiensi_holds:
        if f == "efisiensi" and have("capaian", "capaian_anggaran"):
            out.append((n["capaian"] - n["capaian_anggaran"], _EFF_TOL, ("capaian", "capaian_anggaran")))
        if f == "capaian" and have("efisiensi", "capaian_anggaran"):
            out.append((n["efisiensi"] + n["capaian_anggaran"], _EFF_TOL, ("efisiensi", "capaian_anggaran")))
        if f == "capaian_anggaran" and have("capaian", "efisiensi"):
            out.append((n["capaian"] - n["efisiensi"], _EFF_TOL, ("capaian", "efisiensi")))
    return out


def _efisiensi_holds(rows: list[Row]) -> bool:
    """Do the table's sure rows follow efisiensi = capaian - capaian anggaran?"""
    seen = ok = 0
    for r in rows:
        n = r.num
        if any(n.get(f) is None or f in r.doubt for f in ("efisiensi", "capaian", "capaian_anggaran")):
            continue
        seen += 1
        ok += abs(n["efisiensi"] - (n["capaian"] - n["capaian_anggaran"])) <= _EFF_TOL
    return seen >= 2 and ok >= 0.6 * seen


def _digit_forms(v: float) -> set[str]:
    """The digit strings a value may be printed with (no sign; 0, 1 or 2 decimals)."""
    out = set()
    for nd in (0, 1, 2):
        s = f"{abs(v):.{nd}f}"
        out.add(s.replace(".", "").lstrip("0") or "0")
    return out


def _one_slip(a: str, b: str) -> bool:
    """Are two digit strings equal but for one inserted, dropped or changed digit?"""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < 2:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) < len(b):
        a, b = b, a
    return any(a[:i] + a[i + 1:] == b for i in range(len(a)))


def compatible(raw: str, implied: float) -> bool:
    """Could the cell's text be a misreading of the implied value?"""
    digits = re.sub(r"\D", "", re.sub(r"\s*%.*$", "", raw)).lstrip("0") or "0"
    return any(_one_slip(digits, form) for form in _digit_forms(implied))


def settle_doubts(rows: list[Row]) -> None:
    """Mark each row's doubted values, and settle those its own arithmetic pins down."""
    for r in rows:
        r.doubt = {f for f in NUMERIC_FIELDS if f in r.fields and r.raw.get(f)
                   and r.cells.get(f) is not None and r.cells[f].doubt}
    if not any(r.doubt for r in rows):
        return
    holds = _efisiensi_holds(rows)
    for r in rows:
        for f in sorted(r.doubt):
            sure = {k: v for k, v in r.num.items() if k not in r.doubt}
            read = r.num.get(f)
            for implied, tol, _used in _relations(sure, f, holds):
                if read is not None and abs(read - implied) <= tol:
                    r.settled[f] = read
                    r.doubt.discard(f)
                    break
                if compatible(r.raw[f], implied):
                    decimals = 2 if abs(implied - round(implied)) > 1e-9 else 0
                    r.num[f] = round(implied, decimals)
                    r.settled[f] = r.num[f]
                    r.doubt.discard(f)
                    _settle_unit(r, f)
                    break


_SAME_UNIT = {"target": "realisasi", "realisasi": "target"}


def _settle_unit(r: Row, f: str) -> None:
    """A value corrected from a misreading takes the unit its relation gives it, not the one read
    from the misread text ("1000" for "100%" is not a plain number): a target or realisasi that of
    its counterpart, a percentage field "%"."""
    if f in _SAME_UNIT and f in r.unit:
        other = r.unit.get(_SAME_UNIT[f])
        if other and r.num.get(_SAME_UNIT[f]) is not None:
            r.unit[f] = other
    elif f in ("capaian", "capaian_anggaran", "efisiensi") and f in r.unit:
        r.unit[f] = "%"
