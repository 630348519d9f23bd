"""Measured accuracy of a batch: reports drawn at random (`lkj sample DIR --reports N`) are checked in
full by a person on the review page (every value looked at, the wrong ones corrected, then "report
checked in full"); the batch's field accuracy is measured from them.

    fields checked   every value field of the rows of the checked reports (the cells the run read,
                     and any field a person filled in)
    fields wrong     the fields a person corrected to another value (value and indikator corrections)
    accuracy         1 - wrong / checked, with a 95% Wilson interval

Fields are drawn in clusters (whole reports), and the errors of one report go together, so the
interval is widened by the design effect of the cluster sample (Kish: deff = 1 + (m - 1) * icc,
estimated here directly as the ratio of the between-report variance of the error count to the
binomial variance), i.e. the Wilson interval is taken on n / deff fields.  Written here because no
installed library gives a cluster-sample Wilson interval; the formulas are the textbook ones.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timezone
from statistics import NormalDist

from lkj.dataset import records as rec
from lkj.model.errors import InputError

from . import corrections as corr
from .rundb import RunDB


def draw(db: RunDB, n: int, seed: int | None = None) -> list[dict]:
    """Draw n reports not drawn before (reports with rows), at random; they join the sample."""
    if n < 1:
        raise InputError("sample", "--reports must be at least 1")
    drawn = {s["report_id"] for s in db.records("samples")}
    with_rows = {r["report_id"] for r in db.records("rows")}
    pool = sorted(r["report_id"] for r in db.records("reports") if r["report_id"] in with_rows - drawn)
    if not pool:
        raise InputError("sample", "every report with rows is already in the sample" if drawn
                         else "the run has no report with rows to sample")
    seed = seed if seed is not None else random.SystemRandom().randrange(1 << 31)
    picked = random.Random(seed).sample(pool, min(n, len(pool)))
    at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    recs = [rec.record("samples", sample_id=f"{at}/{seed}", report_id=rid, drawn_at=at, seed=seed) for rid in picked]
    db.insert("samples", recs)
    return recs


@dataclass
class Accuracy:
    reports_sampled: int
    reports_checked: int
    fields_checked: int
    fields_wrong: int
    accuracy: float | None
    low: float | None
    high: float | None
    design_effect: float

    def sentence(self) -> str:
        if not self.reports_sampled:
            return "accuracy: not measured (draw reports with `lkj sample DIR --reports N` and check them on the review page)"
        if not self.fields_checked:
            return (f"accuracy: not measured yet ({self.reports_sampled} reports drawn, none checked in full on the "
                    f"review page)")
        return (f"field accuracy {100 * self.accuracy:.2f}% (95% CI {100 * self.low:.2f}–{100 * self.high:.2f}%): "
                f"{self.fields_wrong} of {self.fields_checked} fields corrected in {self.reports_checked} of "
                f"{self.reports_sampled} sampled reports checked in full")


def wilson(errors: float, n: float, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of the share right (1 - errors / n)."""
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    p = 1.0 - errors / n
    den = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / den
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / den
    return max(0.0, mid - half), min(1.0, mid + half)


def accuracy(db: RunDB) -> Accuracy:
    sampled = {s["report_id"] for s in db.records("samples")}
    force = corr.in_force(db)
    checked = {c["report_id"] for c in force if c["what"] == "checked"} & sampled
    per_report_fields: dict[str, set] = {r: set() for r in checked}
    for c in db.records("cells"):
        if c["report_id"] in checked:
            per_report_fields[c["report_id"]].add((c["row_id"], c["field"]))
    wrong: dict[str, set] = {r: set() for r in checked}
    for c in force:
        if c["report_id"] in checked and c["what"] in ("value", "indikator") and (c.get("new") or "") != (c.get("old") or ""):
            key = (c["row_id"], c["field"])
            wrong[c["report_id"]].add(key)
            per_report_fields[c["report_id"]].add(key)
    m = [len(per_report_fields[r]) for r in sorted(checked)]
    e = [len(wrong[r]) for r in sorted(checked)]
    n, k = sum(m), sum(e)
    if not n:
        return Accuracy(len(sampled), len(checked), 0, 0, None, None, None, 1.0)
    deff = _design_effect(m, e)
    low, high = wilson(k / deff, n / deff)
    return Accuracy(len(sampled), len(checked), n, k, 1 - k / n, low, high, deff)


def _design_effect(m: list[int], e: list[int]) -> float:
    """Variance of the error share under the cluster sample over its binomial variance (at least 1)."""
    n, k, c = sum(m), sum(e), len(m)
    p = k / n
    if c < 2 or p in (0.0, 1.0):
        return 1.0
    # ratio estimator's variance across clusters (reports)
    var_cluster = c / (c - 1) * sum((ei - p * mi) ** 2 for mi, ei in zip(m, e)) / (n * n)
    var_binomial = p * (1 - p) / n
    return max(1.0, var_cluster / var_binomial)
