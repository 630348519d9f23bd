"""OCR: a number read from a scan with low confidence, for a person to check against the page."""
from __future__ import annotations

from ..registry import Anomaly, ReportContext, fmt, rule, where

LOW_CONFIDENCE = 60.0        # tesseract word confidence (0-100) below which a read number is doubtful
NUMERIC = ("target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "sisa", "capaian_anggaran", "efisiensi")


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


@rule("ocr_low_confidence", "info", "a number read by OCR with low confidence (check it on the scan)")
def ocr_low_confidence(ctx: ReportContext):
    for t, r in ctx.rows():
        for f in NUMERIC:
            conf = r.conf.get(f)
            if conf is None:
                continue
            ctx.checked["ocr_low_confidence"] += 1
            if conf >= LOW_CONFIDENCE:
                continue
            exp = _implied(r, f)
            hint = f"; the row's own arithmetic gives {fmt(exp)}" if exp is not None else ""
            yield Anomaly("ocr_low_confidence", "info",
                          f"{f} '{r.raw.get(f)}' was read from the scan with low OCR confidence ({conf:.0f}/100){hint} "
                          f"({where(t, r)}).",
                          t.seq, r.row_index, f, r.raw.get(f), fmt(exp) if exp is not None else None, r.line, r.page)
