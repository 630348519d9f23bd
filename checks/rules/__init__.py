"""Every anomaly rule, declared as data: name, severity, scope, what it checks, and its one check.

The list is the registry: the pipeline runs these rules, the quality score weighs them, the summary
names their severities.  `fires` and `spares` say in a sentence what makes a rule fire and what must
not; reference.csv beside this file names, for each rule, real reports of the seeds and of the
development set where it must fire and where it must not (tests/checks/test_reference.py runs them).

A finding on a value the pipeline did not read with confidence (OCR below the cut-off, a table its
reader marks incomplete) is a doubt (doubts.csv), never a report anomaly: see registry.ReportContext.flag.
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
         "capaian kinerja is not realisasi / target x 100 (beyond one point of rounding), in every table that "
         "carries target, realisasi and capaian",
         fires="a capaian that differs from realisasi / target by more than the rounding allowance",
         spares="target and realisasi in different units when the capaian is the % realisasi; a target of 0"),
    Rule("budget_arithmetic", E, Scope.REPORT, budget_arithmetic,
         "capaian anggaran is not realisasi / pagu, or sisa is not pagu - realisasi, in every table that carries "
         "them (cost per outcome, LRA, PK budget)",
         fires="a capaian anggaran or a sisa that does not follow from pagu and realisasi anggaran",
         spares="rows without realisasi anggaran; rounding to one point"),
    Rule("efisiensi_arithmetic", W, Scope.BUNDLE, efisiensi_arithmetic,
         "efisiensi does not follow the formula its table states (column numbers '10=6-9' or letters K-A, "
         "(K-A)/K, K/A; else the formula most rows follow, else the one the report's other table states), "
         "or is given for a budget line with nothing to measure",
         fires="an efisiensi off its formula with the capaian as written and unrounded; an efisiensi of the rounded "
               "capaian where the bundle writes the unrounded one; an efisiensi for pagu 0",
         spares="a ratio or a percentage scale as the rows write it; rounding to the written decimals; tables "
                "with no formula that rows follow"),
    Rule("total_mismatch", E, Scope.REPORT, total_mismatch,
         "a JUMLAH / parent row is not the sum of its children, or an average row not their mean, within one table",
         fires="a parent kode or JUMLAH row (labelled, or the last row of amounts with no label) whose pagu / "
               "realisasi / sisa is not the sum of its rows",
         spares="a parent equal to the sum of its direct children or of its leaves; a child without the value; "
                "a total written as a deduction"),
    Rule("unit_mismatch", W, Scope.REPORT, unit_mismatch,
         "target and realisasi (or the same target in two tables) are in different units",
         fires="'12 Dokumen' against '25%'", spares="a plain number (index) against a unit"),
    Rule("target_mismatch", W, Scope.BUNDLE, target_mismatch,
         "the same indikator has another target in the Perjanjian Kinerja than in the capaian / cost-per-outcome "
         "tables, or other kinerja values in two tables or two reports of the bundle",
         fires="a target or a realisasi of one indikator that differs between two places",
         spares="a percentage rounded to whole points in a summary table"),
    Rule("budget_mismatch", W, Scope.BUNDLE, budget_mismatch,
         "the same program / kegiatan / sub kegiatan has another pagu or realisasi in two places of the bundle "
         "(any pair of tables and reports of one quarter), flagged on the deviating place",
         fires="a pagu or a realisasi anggaran of one item (same kode, same name, or its name in an indikator) that "
               "differs from the value most places give (one against one: the PK's or LRA's, or the one its "
               "table's total agrees with)",
         spares="items with similar names but other kode; one account name repeated under several kegiatan"),
    Rule("period_mismatch", W, Scope.REPORT, period_mismatch,
         "the text or a table title names a reporting period other than the report's quarter",
         fires="an earlier quarter or month range; a later one stated as the period reported on (a title, "
               "'laporan/capaian/kurun waktu/s.d.'); 'Triwulan III (Dua)'; a report dated before its quarter ends",
         spares="comparisons ('dibandingkan triwulan sebelumnya'); plans, deadlines, schedules, causes ('akan', "
                "'paling lambat', 'dikarenakan'); a PK signature date"),
    Rule("year_mismatch", W, Scope.REPORT, year_mismatch,
         "the text names a reporting period or document in a year other than the report's year",
         fires="a date range, a quarter, a 'Perjanjian Kinerja / Laporan Kinerja / tahun anggaran' of another year; "
               "a comparison with a year neither the report's nor the one before; a signature in another year",
         spares="regulation years, multi-year periods (Renstra 2024-2026), comparisons and evaluations of earlier "
                "years, plans for the next year"),
    Rule("entity_mismatch", W, Scope.BUNDLE, entity_mismatch,
         "the text names another kecamatan (gazetteer) or another unit of the bundle as the reporting unit, or a "
         "unit's report holds another unit's Perjanjian Kinerja rows",
         fires="'Kecamatan X' in a report of Kecamatan Y",
         spares="addresses around the name, comparisons, a jabatan's holder after 'Kecamatan', the report's own names"),
    Rule("narrative_mismatch", W, Scope.BUNDLE, narrative_mismatch,
         "a claim of the report (a count of indicators or of targets reached, a stated percentage, a category, "
         "an eselon, a regulation number, a summary table quoting realisasi as capaian) contradicts its tables",
         fires="'dari 7 indikator' beside a table of 9; 'seluruhnya telah mencapai target' beside a capaian below 100%",
         spares="definitions and scales ('apabila', 'kategori'); wishes ('agar seluruh'); a count against a table "
                "holding fewer rows than the PK (a doubt)"),
    Rule("implausible_value", W, Scope.REPORT, implausible_value,
         "a value no report can have: realisasi anggaran above pagu, capaian above 150%, a negative amount",
         fires="realisasi anggaran above the pagu", spares="surplus / defisit rows"),
    Rule("missing_value", W, Scope.REPORT, missing_value,
         "a cell that must be filled is empty: one of a row's kinerja (target, realisasi, capaian) or budget values "
         "while the row gives the others, a capaian anggaran beside pagu and realisasi, an empty Indikator column",
         fires="a target left empty beside its realisasi and capaian",
         spares="rows that carry no budget (or no kinerja) at all; total rows; comparison tables"),
    Rule("number_format", I, Scope.REPORT, number_format,
         "a number written otherwise than the report's own house style (decimal mark, thousands separator, a "
         "missing '%'), the style decided from the report's own numbers",
         fires="'1,706,504,410' in a report writing rupiah with '.'; '33.33 %' in a report writing decimals with ','",
         spares="ambiguous '2.135'; OCR slips on scans (doubts)"),
    Rule("ocr_low_confidence", I, Scope.REPORT, ocr_low_confidence,
         "a number the OCR doubts and the row's own arithmetic could not settle (check it on the scan): a doubt, "
         "never a report anomaly",
         fires="a scanned number read below the confidence cut-off or read two ways",
         spares="text layers; a doubted number the row's arithmetic confirms or corrects"),
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
