"""Every anomaly rule, declared as data: name, severity, scope, what it checks, and its one check.

The list is the registry: the pipeline runs these rules, the quality score weighs them, the summary
names their severities.  `fires` and `spares` say in a sentence what makes a rule fire and what must
not; tests/test_rules.py holds a firing and a clean case for each.
"""
from __future__ import annotations

from lkj.model.names import Severity

from ..registry import Rule, Scope
from .arithmetic import budget_arithmetic, capaian_arithmetic, efisiensi_arithmetic
from .claims import narrative_mismatch
from .crosstable import budget_mismatch, target_mismatch
from .entities import entity_mismatch
from .formats import number_format
from .missing import missing_value
from .ocr import ocr_low_confidence
from .periods import period_mismatch, year_mismatch
from .plausibility import implausible_value
from .quarters import cumulative_decrease, pk_target_change
from .totals import total_mismatch
from .units import unit_mismatch

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: tuple[Rule, ...] = (
    Rule("capaian_arithmetic", E, Scope.REPORT, capaian_arithmetic,
         "capaian kinerja is not realisasi / target x 100 (beyond one point of rounding)",
         fires="a capaian that differs from realisasi / target by more than the rounding allowance",
         spares="target and realisasi in different units when the capaian is the % realisasi; a target of 0"),
    Rule("budget_arithmetic", E, Scope.REPORT, budget_arithmetic,
         "capaian anggaran is not realisasi / pagu, or sisa is not pagu - realisasi",
         fires="a capaian anggaran or a sisa that does not follow from pagu and realisasi anggaran",
         spares="rows without realisasi anggaran; rounding to one point"),
    Rule("efisiensi_arithmetic", W, Scope.BUNDLE, efisiensi_arithmetic,
         "efisiensi does not follow the formula the table states (e.g. 10=6-9), or is given for a budget line "
         "with nothing to measure",
         fires="an efisiensi off the stated (or, when most rows follow it, the evident) formula",
         spares="tables without a formula that most rows follow"),
    Rule("total_mismatch", E, Scope.REPORT, total_mismatch,
         "a JUMLAH / parent row is not the sum of its children, or an average row not their mean",
         fires="a parent kode or JUMLAH row whose pagu / realisasi / sisa is not the sum of its rows",
         spares="a parent equal to the sum of its direct children or of its leaves"),
    Rule("unit_mismatch", W, Scope.REPORT, unit_mismatch,
         "target and realisasi (or the same target in two tables) are in different units",
         fires="'12 Dokumen' against '25%'", spares="a plain number (index) against a unit"),
    Rule("target_mismatch", W, Scope.BUNDLE, target_mismatch,
         "the same indikator has another target in the Perjanjian Kinerja than in the capaian / cost-per-outcome "
         "tables, or other kinerja values in two tables or two reports of the bundle",
         fires="a target or a realisasi of one indikator that differs between two places",
         spares="a percentage rounded to whole points in a summary table"),
    Rule("budget_mismatch", W, Scope.BUNDLE, budget_mismatch,
         "the same program / kegiatan has another pagu in two tables of the report, or another realisasi for "
         "the same pagu in two reports of the bundle",
         fires="a pagu or a realisasi anggaran of one program that differs between two places",
         spares="two programs with similar names but other kode"),
    Rule("period_mismatch", W, Scope.REPORT, period_mismatch,
         "the text names a quarter or a date range other than the report's quarter",
         fires="'Triwulan I' or 'Januari s.d. Maret' in a Triwulan II report",
         spares="comparisons with an earlier quarter ('dibandingkan triwulan sebelumnya')"),
    Rule("year_mismatch", W, Scope.REPORT, year_mismatch,
         "the text names a reporting period in a year other than the report's year",
         fires="'1 Januari s.d. 31 Maret 2021' in a 2022 report", spares="regulation years, comparisons"),
    Rule("entity_mismatch", W, Scope.BUNDLE, entity_mismatch,
         "the text names another kecamatan, or another unit as the reporting unit, or a unit's report holds "
         "another unit's Perjanjian Kinerja rows",
         fires="'Kecamatan X' in a report of Kecamatan Y", spares="addresses, comparisons, the report's own names"),
    Rule("narrative_mismatch", W, Scope.BUNDLE, narrative_mismatch,
         "a claim of the report (a count of indicators or of targets reached, a stated percentage, a category, "
         "an eselon, a regulation number, a summary table quoting realisasi as capaian) contradicts its tables",
         fires="'dari 7 indikator' beside a table of 9", spares="definitions and scales ('apabila', 'kategori')"),
    Rule("implausible_value", W, Scope.REPORT, implausible_value,
         "a value no report can have: realisasi anggaran above pagu, capaian above 150%, a negative amount",
         fires="realisasi anggaran above the pagu", spares="surplus / defisit rows"),
    Rule("missing_value", W, Scope.REPORT, missing_value,
         "a cell that must be filled is empty",
         fires="a capaian anggaran left empty beside pagu and realisasi", spares="total rows, comparison tables"),
    Rule("number_format", I, Scope.REPORT, number_format,
         "mixed or broken number formats (e.g. '1,706,504,410' beside '925.196.713')",
         fires="a number written otherwise than the rest of its table", spares="OCR slips on scans"),
    Rule("ocr_low_confidence", I, Scope.REPORT, ocr_low_confidence,
         "a number the OCR doubts and the row's own arithmetic could not settle (check it on the scan); "
         "goes to the review queue",
         fires="a scanned number whose readings disagree or whose confidence is below the cut-off",
         spares="text layers; a doubted number the row's arithmetic confirms or corrects", review=True),
    Rule("cumulative_decrease", W, Scope.RUN, cumulative_decrease,
         "a cumulative realisasi goes down from one quarter to the next (same kecamatan, unit, indikator, year)",
         fires="realisasi 50% in Triwulan III after 60% in Triwulan II", spares="another unit of measure"),
    Rule("pk_target_change", W, Scope.RUN, pk_target_change,
         "the Perjanjian Kinerja target of an indikator changes between two quarters without a Perubahan "
         "Perjanjian Kinerja",
         fires="PK target 80% in Triwulan I and 85% in Triwulan II", spares="a Perubahan Perjanjian Kinerja"),
)

BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}
assert len(BY_NAME) == len(RULES), "rule names must be unique"
