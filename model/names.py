"""Closed vocabularies, each defined once.

The enums are `str` enums: a value compares equal to its text ("pk" == TableKind.PK), so records
written to CSV carry the contract's plain words.
"""
from __future__ import annotations

from enum import Enum


class TableKind(str, Enum):
    """The contract's table kinds (rows.csv table_kind)."""
    PK = "pk"
    PK_BUDGET = "pk_budget"
    CAPAIAN = "capaian"
    COST_PER_OUTCOME = "cost_per_outcome"
    LRA = "lra"
    EFISIENSI = "efisiensi"
    COMPARISON = "comparison"

    def __str__(self) -> str:
        return self.value


class DocKind(str, Enum):
    """What kind of document a report is (reports.csv doc_kind)."""
    LKJ = "lkj"
    PK = "pk"                      # a Perjanjian Kinerja document
    LRA = "lra"                    # Laporan Realisasi Anggaran
    BERITA_ACARA = "berita_acara"
    RENJA_EVALUATION = "renja_evaluation"
    UNKNOWN = "unknown"

    def __str__(self) -> str:
        return self.value


class ReportPeriod(str, Enum):
    """The contract's report kind (reports.csv kind): which period the report covers and for whom."""
    TRIWULAN = "triwulan"
    TAHUNAN = "tahunan"
    INDIVIDU_TRIWULAN = "individu_triwulan"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class Level(str, Enum):
    """Level of a row in a budget or cost-per-outcome table (rows.csv level)."""
    INDICATOR = "indicator"
    PROGRAM = "program"
    KEGIATAN = "kegiatan"
    SUB_KEGIATAN = "sub_kegiatan"
    TOTAL = "total"

    def __str__(self) -> str:
        return self.value


BUDGET_LEVELS = (Level.PROGRAM, Level.KEGIATAN, Level.SUB_KEGIATAN)


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    def __str__(self) -> str:
        return self.value

    @property
    def weight(self) -> float:
        """Weight in the quality score (error 3, warning 2, info 1)."""
        return {"error": 3.0, "warning": 2.0, "info": 1.0}[self.value]


class FileFormat(str, Enum):
    """The format of an input file, decided from its content."""
    TEXT = "text"
    PDF = "pdf"
    DOCX = "docx"
    IMAGE = "image"

    def __str__(self) -> str:
        return self.value


# ---- field groups: the row fields of the contract ------------------------------------------------

TEXT_FIELDS = ("no", "sasaran", "indikator", "name", "kode", "keterangan")
KINERJA = ("target", "realisasi", "capaian")
MONEY = ("pagu", "realisasi_anggaran", "sisa")
ANGGARAN = ("pagu", "realisasi_anggaran", "capaian_anggaran", "sisa")
PERCENT = ("capaian", "capaian_anggaran", "efisiensi")
NUMERIC_FIELDS = ("target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "sisa", "capaian_anggaran",
                  "efisiensi")
# every value field of rows.csv, in the contract's order (each has a `<field>_raw` beside it)
ROW_VALUE_FIELDS = ("no", "sasaran", "indikator", "name", "keterangan", "kode") + NUMERIC_FIELDS
# the fields whose unit is kept (rows.csv target_unit, realisasi_unit)
UNIT_FIELDS = ("target", "realisasi")
