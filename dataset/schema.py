"""The dataset contract (../shared/CONTRACT.md v1): every column of every output table, typed and described.

This is the one place that says what the outputs look like; the CSV, Parquet, DuckDB and
datapackage.json writers all read it.
"""
from __future__ import annotations

from dataclasses import dataclass

from lkj.model.names import NUMERIC_FIELDS as NUMERIC
from lkj.model.names import ROW_VALUE_FIELDS

CONTRACT_VERSION = "1"


@dataclass(frozen=True)
class Col:
    name: str
    type: str          # frictionless types: string, integer, number
    description: str


REPORTS = (
    Col("report_id", "string", "stable id: sha256 of the source file + report sequence"),
    Col("source_file", "string", "file name of the input, as given"),
    Col("source_sha256", "string", "sha256 of the input file's bytes"),
    Col("report_seq", "integer", "1-based order of the report inside its source file"),
    Col("line_start", "integer", "first line of the report in a text source"),
    Col("line_end", "integer", "last line of the report in a text source"),
    Col("page_start", "integer", "first page of the report in a PDF/DOCX source"),
    Col("page_end", "integer", "last page of the report in a PDF/DOCX source"),
    Col("kabupaten", "string", "kabupaten the report is about, canonical spelling"),
    Col("kecamatan", "string", "kecamatan the report is about, canonical spelling"),
    Col("unit", "string", "canonical jabatan of the reporting unit"),
    Col("unit_raw", "string", "the jabatan as written"),
    Col("kind", "string", "triwulan, tahunan, individu_triwulan or other"),
    Col("year", "integer", "tahun anggaran"),
    Col("quarter", "integer", "1..4, empty when not quarterly"),
    Col("signer_name", "string", "signatory as written"),
    Col("signer_nip", "string", "signatory NIP, digits only"),
    # beyond the contract
    Col("doc_kind", "string", "lkj, pk (Perjanjian Kinerja document), lra, berita_acara, renja_evaluation, unknown"),
    Col("n_tables", "integer", "number of tables extracted from the report"),
    Col("n_rows", "integer", "number of table rows extracted from the report"),
    Col("quality_score", "number", "0-100: share of checks passed, weighted by severity (see README)"),
    Col("warnings", "string", "problems met while reading the report, '; '-separated"),
)


ROWS = (
    Col("row_id", "string", "report_id + table_seq + row_index"),
    Col("report_id", "string", "the report the row belongs to"),
    Col("source_file", "string", "file name of the input"),
    Col("report_seq", "integer", "1-based order of the report inside its source file"),
    Col("table_seq", "integer", "0-based order of the table inside its report (all kinds counted)"),
    Col("table_kind", "string", "pk, pk_budget, capaian, cost_per_outcome, lra, efisiensi, comparison"),
    Col("table_title", "string", "the table's title as written"),
    Col("row_index", "integer", "0-based order of the row inside its table (header rows are not rows)"),
    Col("level", "string", "indicator, program, kegiatan, sub_kegiatan, total; empty if not applicable"),
    Col("page", "integer", "page where the row starts (PDF/DOCX)"),
    Col("line", "integer", "line where the row starts (text)"),
    Col("bbox", "string", "x0,top,x1,bottom of the row in PDF points"),
    Col("no", "string", "row number as written"),
    Col("sasaran", "string", "sasaran text, cleaned; carried down to rows under a merged sasaran cell"),
    Col("indikator", "string", "indikator kinerja text, cleaned"),
    Col("name", "string", "program / kegiatan / sub kegiatan name"),
    Col("keterangan", "string", "remarks"),
    Col("indikator_id", "string", "canonical indicator id from the catalogue"),
    Col("kode", "string", "kode rekening, segments joined by dots"),
    Col("target", "number", "kinerja target"),
    Col("realisasi", "number", "kinerja realisasi"),
    Col("target_unit", "string", "unit of the target, lower case ('%', 'dokumen', 'index' for a plain number)"),
    Col("realisasi_unit", "string", "unit of the realisasi"),
    Col("capaian", "number", "capaian kinerja in percent"),
    Col("pagu", "number", "budget ceiling in rupiah"),
    Col("realisasi_anggaran", "number", "budget spent in rupiah"),
    Col("sisa", "number", "remaining budget in rupiah"),
    Col("capaian_anggaran", "number", "budget absorption in percent"),
    Col("efisiensi", "number", "efisiensi as the report states it"),
) + tuple(Col(f"{f}_raw", "string", f"the {f} cell exactly as in the source") for f in ROW_VALUE_FIELDS) + (
    Col("cells", "string", "comparison tables: every raw cell of the row, as a JSON list; other tables: the "
                           "text of the columns without a field (a 'Satuan' or another year's column), "
                           "as a JSON object by header label"),
)

ANOMALIES = (
    Col("anomaly_id", "string", "report_id + running number"),
    Col("report_id", "string", "the report concerned"),
    Col("source_file", "string", "file name of the input"),
    Col("report_seq", "integer", "1-based order of the report inside its source file"),
    Col("table_seq", "integer", "table concerned (empty for report-level findings)"),
    Col("row_index", "integer", "row concerned (empty for table- or report-level findings)"),
    Col("rule", "string", "the rule that fired (see checks/)"),
    Col("severity", "string", "error, warning or info"),
    Col("field", "string", "the field concerned, if one"),
    Col("reported", "string", "the value as the report states it"),
    Col("expected", "string", "what the data implies"),
    Col("message", "string", "one plain sentence saying what is wrong and where"),
    Col("page", "integer", "page where it is"),
    Col("line", "integer", "line where it is"),
)

FAILURES = (
    Col("source_file", "string", "file name of the input"),
    Col("source_sha256", "string", "sha256 of the input file's bytes (empty when unreadable)"),
    Col("stage", "string", "where it failed: read, limit, detect, decode, extract, ocr, parse, check, worker"),
    Col("error", "string", "one-line reason"),
    # beyond the contract
    Col("path", "string", "the input's path as given or found (two inputs may share a file name)"),
)

FILES = (
    Col("path", "string", "the input's path as given or found under a folder given (bytes that are not UTF-8 as \\xNN)"),
    Col("source_file", "string", "its file name"),
    Col("size", "integer", "bytes"),
    Col("sha256", "string", "sha256 of its bytes (empty when it could not be read)"),
    Col("status", "string", "done, failed, skipped (not read, see reason) or duplicate (same bytes as duplicate_of)"),
    Col("stage", "string", "failed: where (read, limit, detect, decode, extract, ocr, parse, check, worker)"),
    Col("reason", "string", "failed or skipped: the one-line reason"),
    Col("duplicate_of", "string", "duplicate: the path whose reading gave the records of these bytes"),
    Col("pages", "integer", "pages of a paged input"),
    Col("reports", "integer", "reports found"),
    Col("rows", "integer", "table rows extracted"),
    Col("anomalies", "integer", "anomalies of the file's own reports (run-scope ones not counted)"),
    Col("pipeline_version", "string", "version of the code that read it: a later version reads it again"),
    # in the store only (they change from run to run, so the exports leave them out)
    Col("mtime_ns", "integer", "modification time when hashed (a file whose size and time are unchanged is not hashed again)"),
    Col("seconds", "number", "time the file took"),
    Col("finished_at", "string", "when it was finished (UTC, ISO 8601)"),
)
STORE_ONLY = {"files": ("mtime_ns", "seconds", "finished_at")}

REVIEW = (
    Col("row_id", "string", "the row whose indikator needs a person's decision"),
    Col("report_id", "string", "the report"),
    Col("source_file", "string", "file name of the input"),
    Col("page", "integer", "page of the row"),
    Col("line", "integer", "line of the row"),
    Col("indikator", "string", "the indikator text as cleaned"),
    Col("score", "number", "best candidate's score (0-100)"),
    *(c for k in (1, 2, 3) for c in (
        Col(f"candidate_{k}_id", "string", f"catalogue id of candidate {k}"),
        Col(f"candidate_{k}_name", "string", f"catalogue name of candidate {k}"),
        Col(f"candidate_{k}_score", "number", f"score of candidate {k}"),
    )),
)

DOUBTS = (
    Col("doubt_id", "string", "report_id + running number"),
    Col("report_id", "string", "the report concerned"),
    Col("source_file", "string", "file name of the input"),
    Col("report_seq", "integer", "1-based order of the report inside its source file"),
    Col("table_seq", "integer", "table concerned (empty for report-level findings)"),
    Col("row_index", "integer", "row concerned (empty for table- or report-level findings)"),
    Col("rule", "string", "the rule whose check could not be settled"),
    Col("field", "string", "the field concerned, if one"),
    Col("reported", "string", "the value as it was read"),
    Col("expected", "string", "what the rest of the data implies"),
    Col("message", "string", "one plain sentence saying what was found and where"),
    Col("doubt", "string", "why it is not sure: a value read by OCR with low confidence, a table read incompletely"),
    Col("page", "integer", "page where it is"),
    Col("line", "integer", "line where it is"),
)

SUMMARY = (
    Col("kabupaten", "string", "kabupaten of the reports"),
    Col("kecamatan", "string", "kecamatan of the reports"),
    Col("rule", "string", "anomaly rule"),
    Col("severity", "string", "the rule's severity"),
    Col("reports", "integer", "reports of this kecamatan in the run"),
    Col("reports_flagged", "integer", "reports with at least one anomaly of this rule"),
    Col("anomalies", "integer", "anomalies of this rule"),
)

CELLS = (
    Col("row_id", "string", "the row the cell belongs to"),
    Col("report_id", "string", "the report"),
    Col("source_file", "string", "file name of the input"),
    Col("field", "string", "the row field the cell gives (target, pagu, indikator ...)"),
    Col("raw", "string", "the cell text exactly as in the source"),
    Col("page", "integer", "page of the cell (PDF/DOCX)"),
    Col("page_file", "string", "an input made of page images (a folder of one report's pages): the file of the "
                               "cell's page"),
    Col("line", "integer", "line of the cell (text)"),
    Col("bbox", "string", "x0,top,x1,bottom of the cell in PDF points"),
    Col("char_start", "integer", "first character of the cell in its line (text)"),
    Col("char_end", "integer", "character after the cell in its line (text)"),
    Col("ocr_confidence", "number", "OCR confidence of the cell's least sure word (0-100), empty for a text layer"),
    Col("ocr_doubt", "string", "unsettled: a number the OCR doubts (read below the confidence cut-off, or read "
                               "two ways) that the row's own arithmetic could not settle (it is in doubts.csv "
                               "and the review queue); settled: one the arithmetic confirmed or corrected (the "
                               "rows table holds the settled value, raw the reading); empty: not doubted"),
)

# Tables people write (the review page, `lkj sample`): kept in DIR/lkj.duckdb when a batch is run again,
# never rewritten by a run.  Their ids are the run's stable ids (sha256 of the source + position), so a
# correction keeps meaning the same cell after a re-run.
CORRECTIONS = (
    Col("correction_id", "string", "random id of the correction"),
    Col("what", "string", "value (a row's field given another value), indikator (a catalogue id picked), "
                          "verdict (an anomaly marked confirmed or false_alarm), or checked (a sampled report "
                          "checked in full)"),
    Col("report_id", "string", "the report concerned"),
    Col("row_id", "string", "the row corrected (value, indikator)"),
    Col("anomaly_id", "string", "the anomaly judged (verdict)"),
    Col("rule", "string", "the judged anomaly's rule, so the verdict finds it again when ids move"),
    Col("field", "string", "the row field corrected (value, indikator)"),
    Col("old", "string", "the value before (as the run read it, or as an earlier correction left it)"),
    Col("new", "string", "the value after: a number or text as a person typed it, a catalogue id, "
                         "confirmed / false_alarm"),
    Col("who", "string", "the person, as they named themselves"),
    Col("made_at", "string", "when: UTC, ISO 8601"),
    Col("note", "string", "the person's note"),
)

SAMPLES = (
    Col("sample_id", "string", "the draw: UTC time it was drawn and its seed"),
    Col("report_id", "string", "a report drawn for a person to check in full"),
    Col("drawn_at", "string", "UTC, ISO 8601"),
    Col("seed", "integer", "random seed of the draw"),
)

USER_TABLES = {"corrections": CORRECTIONS, "samples": SAMPLES}

# Columns the exports add to the anomalies: what people and the re-check made of each finding.
ANOMALY_REVIEW = (
    Col("status", "string", "open, confirmed, false_alarm, or raised (found by the re-check of corrected values)"),
    Col("status_note", "string", "the note given with the verdict"),
)

TABLES = {"reports": REPORTS, "rows": ROWS, "anomalies": ANOMALIES, "failures": FAILURES,
          "review": REVIEW, "summary": SUMMARY, "cells": CELLS, "files": FILES,
          "doubts": DOUBTS}

# the records a file's reading gives (kept per file in the store; failures, summary and files are the run's)
RECORD_TABLES = ("reports", "rows", "anomalies", "review", "cells", "doubts")

# unique per table (datapackage.json primaryKey); ids come from the content (sha256) and the position
PRIMARY_KEYS = {"reports": ("report_id",), "rows": ("row_id",), "anomalies": ("anomaly_id",),
                "review": ("row_id",), "cells": ("row_id", "field"), "failures": ("path",), "files": ("path",),
                "doubts": ("doubt_id",)}
# (table, columns) -> (table, columns) it refers to (datapackage.json foreignKeys)
FOREIGN_KEYS = {
    "rows": ((("report_id",), "reports", ("report_id",)),),
    "anomalies": ((("report_id",), "reports", ("report_id",)),),
    "review": ((("row_id",), "rows", ("row_id",)), (("report_id",), "reports", ("report_id",))),
    "cells": ((("row_id",), "rows", ("row_id",)), (("report_id",), "reports", ("report_id",))),
    "failures": ((("path",), "files", ("path",)),),
    "doubts": ((("report_id",), "reports", ("report_id",)),),
}


def column_names(table: str) -> tuple[str, ...]:
    return tuple(c.name for c in {**TABLES, **USER_TABLES}[table])


def export_columns(table: str) -> tuple[Col, ...]:
    """The columns of a table as the CSV / Parquet exports write them (what changes from run to run
    stays in the store)."""
    drop = STORE_ONLY.get(table, ())
    return tuple(c for c in TABLES[table] if c.name not in drop)
