"""OCR: a number the reader doubts (read below the confidence cut-off, or two readings disagree) that
the row's own arithmetic could not settle (normalizers/settle.py), for a person to check against the
page.  Never a report anomaly: every finding is a doubt (doubts.csv), with what the row's own
arithmetic implies.  A doubted number the arithmetic confirmed or corrected is no finding."""
from __future__ import annotations

from lkj.model.names import NUMERIC_FIELDS as NUMERIC

from ..registry import ReportContext, show_number, where


def _implied(r, f: str) -> float | None:
    """What the row's own arithmetic says the field should be (capaian = R/T, sisa = pagu - R, ...)."""
    n = r.num
    if f == "capaian" and n.get("target") and n.get("realisasi") is not None:
        return 100.0 * n["realisasi"] / n["target"]
    if f == "capaian_anggaran" and n.get("pagu") and n.get("realisasi_anggaran") is not None:
        return 100.0 * n["realisasi_anggaran"] / n["pagu"]
    if f == "sisa" and n.get("pagu") is not None and n.get("realisasi_anggaran") is not None:
        return n["pagu"] - n["realisasi_anggaran"]
    if f == "realisasi_anggaran" and n.get("pagu") is not None and n.get("sisa") is not None:
        return n["pagu"] - n["sisa"]
    return None


def ocr_low_confidence(ctx: ReportContext) -> None:
    for t, r in ctx.rows():
        for f in NUMERIC:
            if not r.in_doubt(f):
                continue
            conf = r.conf(f)
            sure = f" (OCR confidence {conf:.0f}/100)" if conf is not None else ""
            exp = _implied(r, f)
            hint = f"; the row's own arithmetic gives {show_number(exp)}" if exp is not None else ""
            ctx.flag(f"{f} '{r.raw.get(f)}' was read from the scan with doubt{sure}{hint} ({where(t, r)}).",
                     table=t, row=r, field=f, reported=r.raw.get(f),
                     expected=show_number(exp) if exp is not None else None,
                     doubt=f"read by OCR with doubt{sure}")
