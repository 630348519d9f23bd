"""The per-run table researchers start from: anomalies by kabupaten, kecamatan and rule."""
from __future__ import annotations

from collections import Counter

from .records import record


def summarise(reports: list[dict], anomalies: list[dict]) -> list[dict]:
    """For every (kabupaten, kecamatan, rule): how many reports of the kecamatan, how many of them
    flagged by the rule, how many anomalies (report anomalies only: every rule's findings are)."""
    place = {r["report_id"]: (r.get("kabupaten") or "", r.get("kecamatan") or "") for r in reports}
    n_reports = Counter(place.values())
    count: Counter = Counter()
    flagged: dict[tuple, set] = {}
    severity: dict[str, str] = {}
    for a in anomalies:
        key = (*place.get(a["report_id"], ("", "")), a["rule"])
        count[key] += 1
        flagged.setdefault(key, set()).add(a["report_id"])
        severity.setdefault(a["rule"], a["severity"])
    return [record("summary", kabupaten=k[0], kecamatan=k[1], rule=k[2], severity=severity[k[2]],
                   reports=n_reports[(k[0], k[1])], reports_flagged=len(flagged[k]), anomalies=n)
            for k, n in sorted(count.items())]
