"""Every rule against its reference (checks/rules/reference.csv): for each rule a report where it must
fire and one where it must not, from the seeds (against their hand labels) and from the development set
(read from ../shared at test time, against its complete labels; skipped where the set is absent).

A case with an `edit` changes one value of a real report the way a clerk's slip or a reader's doubt
would (a target cell emptied, a realisasi in another unit, spending above the pagu, a number read by
OCR with low confidence, a later quarter's report with a lower realisasi or another PK target) and
asks the rule to find exactly that."""
import csv
import dataclasses
import glob
import json
import os
import re

import pytest

from conftest import DEV, SEEDS, SHARED, Staged, seed

REFERENCE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                         "checks", "rules", "reference.csv")
CASES = list(csv.DictReader(open(REFERENCE, encoding="utf-8")))
GOLD = os.path.join(SHARED, "corpus", "gold")            # the seeds' hand labels (absent: checked without)


def _case_id(c):
    return f"{c['rule']}-{c['case']}-{c['set']}-{c['source']}-r{c['report']}{'-' + c['edit'] if c['edit'] else ''}"


@pytest.fixture(scope="session")
def source():
    """(folder, file name, truth, staged) of a reference source; the stages run once per source."""
    cache = {}

    def get(c):
        key = (c["set"], c["source"])
        if key not in cache:
            if c["set"] == "seed":
                name = seed(c["source"])
                golds = [json.load(open(f, encoding="utf-8")) for f in glob.glob(os.path.join(GOLD, "*.json"))]
                truth = next((g for g in golds if g["source"].startswith(c["source"])), None)
                cache[key] = (SEEDS, name, truth, Staged(name))
            else:
                path = os.path.join(DEV, c["source"] + ".txt")
                if not os.path.exists(path):
                    pytest.skip("the development set is not on this machine")
                truth = json.load(open(os.path.join(DEV, c["source"] + ".json"), encoding="utf-8"))
                cache[key] = (DEV, c["source"] + ".txt", truth, Staged(c["source"] + ".txt", DEV))
        return cache[key]
    return get


def _labels(truth, seq: int, rule: str):
    if truth is None:
        return None
    rep = next((r for r in truth["reports"] if r["seq"] == seq), None)
    return [a for a in rep["anomalies"] if a["type"] == rule] if rep else []


def _findings(staged, seq: int, rule: str, doubts: bool = False):
    ctx = next(c for c in staged.contexts if c.seq == seq)
    return [a for a in (ctx.doubts if doubts else ctx.found) if a.rule == rule]


@pytest.mark.parametrize("case", [c for c in CASES if not c["edit"]], ids=_case_id)
def test_reference_case(case, source):
    folder, name, truth, staged = source(case)
    seq, rule = int(case["report"]), case["rule"]
    found = _findings(staged, seq, rule)
    labels = _labels(truth, seq, rule)
    if case["case"] == "fires":
        if labels is not None:
            assert labels, f"the truth has no {rule} in report {seq}: the reference case is wrong"
        assert found, f"{rule} does not fire in {name} report {seq}"
        lines = {a.get("line") for a in labels or [] if a.get("line")}
        if lines and case["set"] == "dev":
            assert any(a.line is not None and any(abs(a.line - ln) <= 2 for ln in lines) for a in found), \
                f"{rule} fires in {name} report {seq} but not on a labelled line {sorted(lines)}"
    else:
        if labels is not None:
            assert not labels, f"the truth labels {rule} in report {seq}: the reference case is wrong"
        assert not found, [a.message for a in found]


# --- edited cases ---------------------------------------------------------------------------------

def _row_line(lines, span, *raws):
    """The source line inside the report holding these cell texts as whole tab-separated cells."""
    a, b = span
    for no in range(a, min(b, len(lines)) + 1):
        cells = [re.sub(r"<[^>]+>", "", c).strip() for c in lines[no - 1].split("\t")]
        if all(r in cells for r in raws):
            return no
    return None


def _styled(v: float, like: str) -> str:
    th = "." if re.search(r"\d\.\d{3}", like) else ","
    out = f"{int(v):,}".replace(",", th)
    return out + (like[-3:] if re.search(r"[.,]00$", like) else "")


def _edit_text(case, folder, name, truth, staged):
    """The report text with one cell changed; (text, line of the changed row, field)."""
    seq = int(case["report"])
    kind, field = case["edit"].split(":")
    text = open(os.path.join(folder, name), encoding="utf-8").read()
    lines = text.split("\n")
    ctx = next(c for c in staged.contexts if c.seq == seq)
    kinds = ("capaian", "cost_per_outcome") if kind != "above" else ("lra", "cost_per_outcome", "pk_budget")
    for t, r in ctx.rows(*kinds):
        label = r.raw.get("indikator") or r.raw.get("name") or r.raw.get("kode")
        if kind == "above":
            need = ("pagu", "realisasi_anggaran")
        else:
            need = ("target", "realisasi", "capaian")
        if not label or not all((r.raw.get(f) or "").strip() for f in need):
            continue
        if kind == "above" and not r.num.get("realisasi_anggaran"):
            continue
        no = r.line if r.line and _row_line(lines, (r.line, r.line), r.raw[field]) else None
        if no is None:
            continue
        cells = lines[no - 1].split("\t")
        k = next(i for i, c in enumerate(cells) if re.sub(r"<[^>]+>", "", c).strip() == r.raw[field])
        if kind == "blank":
            cells[k] = ""
        elif kind == "unit":
            cells[k] = "3 Dokumen" if r.unit.get("target") == "%" else "25%"
        elif kind == "above":
            cells[k] = _styled(r.num["pagu"] * 2, r.raw["pagu"])
        lines[no - 1] = "\t".join(cells)
        return "\n".join(lines), no, field
    pytest.skip(f"no row of {name} report {seq} to edit for {case['edit']}")


@pytest.mark.parametrize("case", [c for c in CASES if c["edit"].split(":")[0] in ("blank", "unit", "above")],
                         ids=_case_id)
def test_reference_edited_cell(case, source, tmp_path):
    folder, name, truth, staged = source(case)
    text, no, field = _edit_text(case, folder, name, truth, staged)
    (tmp_path / name).write_text(text, encoding="utf-8")
    edited = Staged(name, str(tmp_path))
    seq, rule = int(case["report"]), case["rule"]
    before = [a for a in _findings(staged, seq, rule) if a.line == no]
    after = [a for a in _findings(edited, seq, rule) if a.line == no]
    assert not before, "the unedited report already has this finding on the row"
    assert after and after[0].field == field, f"{rule} does not find the edited {field} on line {no}"


@pytest.mark.parametrize("case", [c for c in CASES if c["edit"].startswith("ocr:")], ids=_case_id)
def test_reference_low_ocr_confidence_is_a_doubt(case, source):
    """A number the OCR doubts (read with low confidence): a doubt for a person, never a report anomaly."""
    from lkj.checks.registry import run_report_rules
    from lkj.checks.rules import RULES

    folder, name, truth, staged = source(case)
    fresh = Staged(name, folder)                    # its own contexts: the cached ones stay as read
    seq, field = int(case["report"]), case["edit"].split(":")[1]
    ctx = next(c for c in fresh.contexts if c.seq == seq)
    t, r = next((t, r) for t, r in ctx.rows("capaian", "cost_per_outcome") if r.cells.get(field) and r.raw.get(field))
    cell = r.cells[field]
    r.cells[field] = dataclasses.replace(cell, sources=[dataclasses.replace(c, conf=40.0, doubt=True) for c in cell.sources])
    r.raw["capaian"] = r.raw[field]
    r.num["capaian"] = (r.num.get(field) or 0) + 37.0          # and misread: its arithmetic no longer holds
    for c in fresh.contexts:
        c.found, c.doubts, c.checked = [], [], type(c.checked)()
    run_report_rules(fresh.contexts, RULES)
    mine = [a for a in ctx.doubts if a.row_index == r.row_index and a.table_seq == t.seq]
    assert any(a.rule == "ocr_low_confidence" and a.field == field and "40/100" in a.doubt for a in mine)
    assert any(a.rule == "capaian_arithmetic" for a in mine)              # the misread digit: a doubt too
    assert not [a for a in ctx.found if a.row_index == r.row_index and a.table_seq == t.seq
                and a.rule in ("ocr_low_confidence", "capaian_arithmetic")]


@pytest.mark.parametrize("case", [c for c in CASES if c["edit"].startswith("facts:")], ids=_case_id)
def test_reference_across_quarters(case, source):
    """The same unit's report of the next quarter: a lower cumulative realisasi, another PK target."""
    from lkj.checks.registry import run_run_rules
    from lkj.checks.rules import RULES
    from lkj.checks.rules.quarters import facts_of
    from lkj.model.settings import DEFAULT

    folder, name, truth, staged = source(case)
    ctx = next(c for c in staged.contexts if c.seq == int(case["report"]))
    facts = facts_of("this", ctx)
    assert facts, "no facts to compare"
    how = case["edit"].split(":")[1]
    changed = next((i for i, f in enumerate(facts) if (how == "lower" and f.field == "realisasi" and f.value > 0)
                    or (how == "target" and f.field == "target")), None) if how != "same" else None
    if how != "same" and changed is None:
        pytest.skip(f"no {how} fact to change")
    nxt = []
    for i, f in enumerate(facts):
        v = f.value / 2 if i == changed and how == "lower" else f.value + 1 if i == changed else f.value
        nxt.append(dataclasses.replace(f, report_id="next", quarter=f.quarter + 1, value=v,
                                       raw=f"{v:g}" if i == changed else f.raw))
    ran = run_run_rules(facts + nxt, RULES, DEFAULT.checks)
    found = [a for rid, a in ran.found if a.rule == case["rule"]]
    if case["case"] == "fires":
        assert len(found) == 1 and [rid for rid, a in ran.found if a.rule == case["rule"]] == ["next"]
    else:
        assert not found


def test_reference_covers_every_rule():
    from lkj.checks.rules import RULES

    have = {(c["rule"], c["case"], c["set"]) for c in CASES}
    for r in RULES:
        for case in ("fires", "spares"):
            for s in ("seed", "dev"):
                assert (r.name, case, s) in have, f"reference.csv has no {s} case where {r.name} {case}"
    assert {c["rule"] for c in CASES} <= {r.name for r in RULES}
