"""Output records (one dict per CSV row) built from the typed records, with the columns of
dataset/schema.py: a record that names a column the schema lacks is an error, not a silent extra."""
from __future__ import annotations

from lkj.model.anomaly import Anomaly
from lkj.model.document import BBox, union_box
from lkj.model.parsed import RawReport
from lkj.model.tables import Row, Table

from .schema import TABLES, USER_TABLES

_COLUMNS = {name: frozenset(c.name for c in cols) for name, cols in {**TABLES, **USER_TABLES}.items()}


def record(table: str, **values) -> dict:
    """One record of `table`; every key must be a column of the schema."""
    return checked(table, values)


def checked(table: str, values: dict) -> dict:
    """`values` as a record of `table` (record() of a dict built already); every key must be a column of
    the schema."""
    cols = _COLUMNS[table]
    if not cols.issuperset(values):
        unknown = set(values) - cols
        raise KeyError(f"{table}: columns not in dataset/schema.py: {sorted(unknown)}")
    return values


def show_bbox(b: BBox | None) -> str | None:
    return ",".join(f"{x:.1f}" for x in b) if b else None


def report_id(sha256: str, seq: int) -> str:
    return f"{sha256[:16]}-{seq:03d}"


def report_record(rid: str, source_file: str, sha256: str, rep: RawReport, tables: list[Table],
                  quality: float | None, warnings: list[str]) -> dict:
    m = rep.meta
    return record(
        "reports", report_id=rid, source_file=source_file, source_sha256=sha256, report_seq=rep.seq,
        line_start=rep.line_start, line_end=rep.line_end, page_start=rep.page_start, page_end=rep.page_end,
        kabupaten=m.kabupaten, kecamatan=m.kecamatan, unit=m.unit, unit_raw=m.unit_raw, kind=str(m.period),
        year=m.year, quarter=m.quarter, signer_name=m.signer_name, signer_nip=m.signer_nip,
        doc_kind=str(rep.doc_kind), n_tables=len(tables), n_rows=sum(len(t.rows) for t in tables),
        quality_score=quality, warnings="; ".join(warnings))


def row_id(rid: str, r: Row) -> str:
    return f"{rid}-t{r.table_seq:02d}-r{r.row_index:03d}"


def row_record(rid: str, source_file: str, seq: int, r: Row, paged: bool) -> dict:
    unit = r.unit
    rec = {
        "row_id": row_id(rid, r), "report_id": rid, "source_file": source_file, "report_seq": seq,
        "table_seq": r.table_seq, "table_kind": str(r.table_kind), "table_title": r.table_title,
        "row_index": r.row_index, "level": str(r.level) if r.level else None, "page": r.page,
        "line": None if paged else r.line, "bbox": show_bbox(r.bbox), "indikator_id": r.indikator_id,
        "cells": r.cells_json, "target_unit": unit.get("target"), "realisasi_unit": unit.get("realisasi")}
    raw, num, text = r.raw, r.num, r.text
    for f in r.fields:
        rec[f"{f}_raw"] = raw.get(f, "")
        rec[f] = num[f] if f in num else text.get(f)
    return checked("rows", rec)


def cell_records(rid: str, source_file: str, r: Row, paged: bool, page_names: list[str] | None = None) -> list[dict]:
    """The cells of a row that hold text: each field's raw text with its own place, box and confidence
    (a field read from several reader cells, a wrapped cell, gives the box around them); `page_names`
    (an input made of page images) names each page's file."""
    out = []
    row: str | None = None
    cells, raws = r.cells, r.raw
    for f in r.fields:
        c = cells.get(f)
        raw = raws.get(f, "")
        if c is None or not raw:
            continue
        row = row or row_id(rid, r)
        # the cell's box, confidence, spans and doubt (RawCell.bbox, .conf, .doubt), read from its
        # source cells that hold text in one pass
        boxes, confs, spans, doubt = [], [], [], False
        for s in c.sources:
            if s.text:
                if s.bbox:
                    boxes.append(s.bbox)
                if s.conf is not None:
                    confs.append(s.conf)
                if s.span:
                    spans.append(s.span)
                doubt = doubt or s.doubt
        # ocr_doubt: 'settled' for a doubted reading the row's own arithmetic confirmed or corrected,
        # 'unsettled' for one the reader doubts that nothing settled (Row.in_doubt), None when the
        # reader did not doubt it
        state: str | None
        if f in r.settled:
            state = "settled"
        else:
            state = "unsettled" if f in r.doubt or doubt else None
        out.append({
            "row_id": row, "report_id": rid, "source_file": source_file, "field": f, "raw": raw,
            "page": c.page, "line": None if paged else c.line, "bbox": show_bbox(union_box(boxes)) if boxes else None,
            "page_file": page_names[c.page - 1] if page_names and c.page and 0 < c.page <= len(page_names) else None,
            "char_start": spans[0][0] if len(spans) == 1 else None, "char_end": spans[0][1] if len(spans) == 1 else None,
            "ocr_confidence": min(confs) if confs else None, "ocr_doubt": state})
    if out:
        checked("cells", out[0])        # (every record of the list has the same keys)
    return out


def review_record(rid: str, source_file: str, r: Row) -> dict:
    m = r.indikator_match
    assert m is not None                # (a row sent to review has its catalogue match)
    out = dict(row_id=row_id(rid, r), report_id=rid, source_file=source_file,
               page=r.page, line=r.line, indikator=r.text.get("indikator"), score=m.score)
    for k, (cid, name, score) in enumerate(m.candidates[:3], 1):
        out.update({f"candidate_{k}_id": cid, f"candidate_{k}_name": name, f"candidate_{k}_score": score})
    return record("review", **out)


def anomaly_record(aid: str, rid: str, source_file: str, seq: int, a: Anomaly) -> dict:
    return record(
        "anomalies", anomaly_id=aid, report_id=rid, source_file=source_file, report_seq=seq,
        table_seq=a.table_seq, row_index=a.row_index, rule=a.rule, severity=str(a.severity), field=a.field,
        reported=a.reported, expected=a.expected, message=a.message, page=a.page, line=a.line)


def doubt_record(did: str, rid: str, source_file: str, seq: int, a: Anomaly) -> dict:
    return record(
        "doubts", doubt_id=did, report_id=rid, source_file=source_file, report_seq=seq, table_seq=a.table_seq,
        row_index=a.row_index, rule=a.rule, field=a.field, reported=a.reported, expected=a.expected,
        message=a.message, doubt=a.doubt, page=a.page, line=a.line)


def failure_record(source_file: str, sha256: str, stage: str, error: str, path: str | None = None) -> dict:
    return record("failures", source_file=source_file, source_sha256=sha256, stage=stage, error=error, path=path)
