"""Corrections as data: a corrected realisasi raises capaian_arithmetic and a corrected capaian clears
it, corrections survive the batch run again, a sample checked in full gives a measured accuracy, the
Python API reads ids as text, and the command line follows the usual habits."""
import os
import shutil

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TEXT = os.path.join(ROOT, "corpus", "seeds", "001_c564c03b0f034995.txt")


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    from lkj.pipeline import run
    from lkj.settings import resolve

    out = str(tmp_path_factory.mktemp("c") / "run")
    run([TEXT], out, resolve(1))
    return out


@pytest.fixture
def run_dir(made, tmp_path):
    d = str(tmp_path / "run")
    shutil.copytree(made, d)
    return d


def _clean_capaian_row(db):
    """A capaian row with target, realisasi and capaian that no finding points at."""
    flagged = {(a["report_id"], a["table_seq"], a["row_index"]) for a in db.records("anomalies")}
    for r in db.records("rows", "table_kind = 'capaian'", order="row_id"):
        if None not in (r["target"], r["realisasi"], r["capaian"]) and r["target"] > 0 \
                and (r["report_id"], r["table_seq"], r["row_index"]) not in flagged:
            return r
    raise AssertionError("no clean capaian row")


def test_a_corrected_realisasi_raises_capaian_arithmetic_and_taking_it_back_clears_it(run_dir):
    from lkj import corrections as corr
    from lkj.rundb import RunDB

    with RunDB(run_dir) as db:
        r = _clean_capaian_row(db)
        wrong = r["realisasi"] * 0.5
        corr.correct_value(db, r["row_id"], "realisasi", f"{wrong:g}".replace(".", ","), "ana")
        view = corr.corrected(db)
        raised = [a for a in view.tables["anomalies"] if a.get("status") == "raised"]
        assert [(a["rule"], a["table_seq"], a["row_index"]) for a in raised if a["rule"] == "capaian_arithmetic"] \
            == [("capaian_arithmetic", r["table_seq"], r["row_index"])]
        row = next(x for x in view.tables["rows"] if x["row_id"] == r["row_id"])
        assert row["realisasi"] == pytest.approx(wrong) and row["realisasi_raw"] == r["realisasi_raw"]
        # the latest correction wins: back to the report's value, nothing raised
        corr.correct_value(db, r["row_id"], "realisasi", r["realisasi_raw"], "ana", "misread")
        view = corr.corrected(db)
        assert not [a for a in view.tables["anomalies"] if a.get("status") == "raised"]
        assert db.count("corrections") == 2           # both kept: the audit trail


def test_a_corrected_capaian_clears_the_finding(run_dir):
    from lkj import corrections as corr
    from lkj.rundb import RunDB

    with RunDB(run_dir) as db:
        a = db.records("anomalies", "rule = 'capaian_arithmetic'", order="anomaly_id")[0]
        row_id = f"{a['report_id']}-t{a['table_seq']:02d}-r{a['row_index']:03d}"
        corr.correct_value(db, row_id, "capaian", a["expected"].replace(".", ",") + "%", "ana")
        view = corr.corrected(db)
    assert a["anomaly_id"] in view.cleared
    assert a["anomaly_id"] not in {x["anomaly_id"] for x in view.tables["anomalies"]}


def test_corrections_survive_the_batch_run_again(run_dir):
    from lkj import corrections as corr
    from lkj.pipeline import run
    from lkj.rundb import RunDB
    from lkj.settings import resolve

    with RunDB(run_dir) as db:
        r = _clean_capaian_row(db)
        a = db.records("anomalies", "rule = 'capaian_arithmetic'", order="anomaly_id")[0]
        corr.correct_value(db, r["row_id"], "indikator", "Persentase yang diperbaiki", "ana")
        corr.judge_anomaly(db, a["anomaly_id"], "false_alarm", "ana", "rounded in the report")
    run([TEXT], run_dir, resolve(1))
    with RunDB(run_dir) as db:
        assert db.count("corrections") == 2
        view = corr.corrected(db)
    row = next(x for x in view.tables["rows"] if x["row_id"] == r["row_id"])
    assert row["indikator"] == "Persentase yang diperbaiki"
    got = next(x for x in view.tables["anomalies"] if x["anomaly_id"] == a["anomaly_id"])
    assert (got["status"], got["status_note"]) == ("false_alarm", "rounded in the report")


def test_sample_checked_in_full_gives_accuracy_with_an_interval(run_dir, capsys):
    from lkj import corrections as corr
    from lkj.cli import main
    from lkj.rundb import RunDB

    assert main(["sample", run_dir, "--reports", "1", "--seed", "7"]) == 0
    assert main(["status", run_dir]) == 0
    assert "none checked in full" in capsys.readouterr().out
    with RunDB(run_dir) as db:
        (s,) = db.records("samples")
        rid = s["report_id"]
        fields = db.count("cells", "report_id = ?", [rid])
        r = db.records("rows", "report_id = ? AND capaian IS NOT NULL", [rid], order="row_id")[0]
        corr.correct_value(db, r["row_id"], "capaian", "12,5%", "ana")
        corr.mark_checked(db, rid, "ana")
        from lkj.sample import accuracy
        acc = accuracy(db)
    assert (acc.fields_checked, acc.fields_wrong, acc.reports_checked) == (fields, 1, 1)
    assert acc.accuracy == pytest.approx(1 - 1 / fields)
    assert acc.low < acc.accuracy < acc.high <= 1.0
    assert main(["status", run_dir]) == 0
    out = capsys.readouterr().out
    assert f"1 of {fields} fields corrected" in out and "95% CI" in out
    assert main(["sample", run_dir, "--reports", "1"]) == 1          # the only report is already drawn


def test_python_api_keeps_ids_as_text(made, tmp_path):
    import pandas as pd

    import lkj

    ds = lkj.open(made)
    nips = ds.reports["signer_nip"].dropna()
    assert len(nips) and all(len(v) == 18 and v.isdigit() for v in nips)
    assert str(ds.reports["signer_nip"].dtype) == "string" and str(ds.rows["kode"].dtype) == "string"
    assert str(ds.reports["year"].dtype) == "Int64"
    plain = pd.read_csv(os.path.join(made, "reports.csv"))["signer_nip"].dropna()
    assert plain.dtype != object        # what plain pandas does to an 18-digit id: a number, digits lost
    assert lkj.read_csv(os.path.join(made, "reports.csv"))["signer_nip"].dropna().tolist() == nips.tolist()
    cap = ds.rows_of("capaian")
    assert {"kecamatan", "indikator", "capaian"} <= set(cap.columns) and len(cap)
    ds2 = lkj.extract([TEXT], str(tmp_path / "x"))
    assert len(ds2.rows) == len(ds.rows)


def test_command_line_habits(tmp_path, capsys, monkeypatch):
    import io
    import sys

    from lkj.cli import main

    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0 and capsys.readouterr().out.startswith("lkj ")
    with pytest.raises(SystemExit) as e:
        main(["extract", "x", "-o", str(tmp_path), "--bogus"])
    err = capsys.readouterr().err
    assert e.value.code == 2 and err.startswith("usage: lkj extract") and "--bogus" in err
    assert main(["extract", "nope-1.txt", "nope-*.pdf", "-o", str(tmp_path / "o")]) == 2
    assert "nope-1.txt, nope-*.pdf" in capsys.readouterr().err
    # a quoted glob is expanded; '-' reads standard input
    pattern = os.path.join(os.path.dirname(TEXT), "001_*.txt")
    assert main(["extract", pattern, "-o", str(tmp_path / "g"), "-q"]) == 0
    with open(TEXT, "rb") as fh:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(fh.read())))
    assert main(["extract", "-", "-o", str(tmp_path / "s"), "-q"]) == 0
    import lkj
    assert lkj.open(str(tmp_path / "s")).reports["source_file"].tolist() == ["stdin"]
    assert len(lkj.open(str(tmp_path / "s")).rows) == len(lkj.open(str(tmp_path / "g")).rows)
