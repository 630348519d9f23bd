"""The review queue: what needs a person, item by item.

    anomaly    a finding of the checks (its sentence, the row and cell it points at)
    ocr        a number the OCR doubts that the row's own arithmetic did not settle (cells.csv ocr_doubt),
               and that no finding already points at
    indikator  an indikator whose catalogue match is in the review band (review.csv)
    row        a row of a report drawn for checking in full (`lkj sample`)

Each item has a stable id built from the run's ids, so the page can link to it."""
from __future__ import annotations

from lkj.model.settings import Settings

from ..corrections import Corrected


def _row_id(report_id: str, table_seq, row_index) -> str | None:
    if table_seq is None or row_index is None:
        return None
    return f"{report_id}-t{int(table_seq):02d}-r{int(row_index):03d}"


def build_queue(view: Corrected, reports: dict[str, dict], samples: list[dict], checked: set[str],
                settings: Settings) -> list[dict]:
    items: list[dict] = []

    def place(rid: str) -> dict:
        rep = reports.get(rid, {})
        return {"report_id": rid, "source_file": rep.get("source_file"), "kecamatan": rep.get("kecamatan"),
                "unit": rep.get("unit"), "year": rep.get("year"), "quarter": rep.get("quarter")}

    flagged_cells = set()
    for a in view.tables["anomalies"]:
        row_id = _row_id(a["report_id"], a.get("table_seq"), a.get("row_index"))
        if a["rule"] == "ocr_low_confidence":
            flagged_cells.add((row_id, a.get("field")))
        items.append({"id": f"anomaly:{a['anomaly_id']}", "kind": "anomaly", "anomaly_id": a["anomaly_id"],
                      "row_id": row_id, "field": a.get("field"), "rule": a["rule"], "severity": a["severity"],
                      "message": a["message"], "status": a.get("status", "open"), "page": a.get("page"),
                      "line": a.get("line"), **place(a["report_id"])})
    for aid, a in view.cleared.items():
        items.append({"id": f"anomaly:{aid}", "kind": "anomaly", "anomaly_id": aid,
                      "row_id": _row_id(a["report_id"], a.get("table_seq"), a.get("row_index")),
                      "field": a.get("field"), "rule": a["rule"], "severity": a["severity"], "message": a["message"],
                      "status": "cleared", "page": a.get("page"), "line": a.get("line"), **place(a["report_id"])})
    for c in view.tables["cells"]:
        conf = c.get("ocr_confidence")
        if c.get("ocr_doubt") != "unsettled" or (c["row_id"], c["field"]) in flagged_cells:
            continue
        done = (c["row_id"], c["field"]) in view.changed_cells
        items.append({"id": f"ocr:{c['row_id']}:{c['field']}", "kind": "ocr", "row_id": c["row_id"],
                      "field": c["field"], "rule": "ocr", "severity": "info",
                      "message": f"OCR read '{c['raw']}' with doubt"
                                 + (f" (confidence {conf:.0f})" if conf is not None else "") + ": is it right?",
                      "status": "corrected" if done else "open", "page": c.get("page"), "line": c.get("line"),
                      **place(c["report_id"])})
    for r in view.tables["review"]:
        cands = [f"{r.get(f'candidate_{k}_id')} {r.get(f'candidate_{k}_name')} ({r.get(f'candidate_{k}_score'):.0f})"
                 for k in (1, 2, 3) if r.get(f"candidate_{k}_id")]
        items.append({"id": f"indikator:{r['row_id']}", "kind": "indikator", "row_id": r["row_id"],
                      "field": "indikator_id", "rule": "indikator", "severity": "info",
                      "message": f"Which catalogue indikator is '{r.get('indikator')}'? Best: " + "; ".join(cands),
                      "status": "open", "page": r.get("page"), "line": r.get("line"), **place(r["report_id"])})
    sampled = {s["report_id"] for s in samples}
    for r in view.tables["rows"]:
        if r["report_id"] not in sampled:
            continue
        label = r.get("indikator") or r.get("name") or r.get("sasaran") or r.get("no") or ""
        items.append({"id": f"row:{r['row_id']}", "kind": "row", "row_id": r["row_id"], "field": None,
                      "rule": "sample", "severity": "info",
                      "message": f"Check every value of {r['table_kind']} row {int(r['row_index']) + 1}: {label}"[:300],
                      "status": "checked" if r["report_id"] in checked else "open", "page": r.get("page"),
                      "line": r.get("line"), **place(r["report_id"])})
    return items
