"""Bad inputs: one clear line in failures.csv, never a traceback; the batch goes on."""
import os
import subprocess
import sys

from conftest import ROOT, read_csv


def lkj(*args):
    return subprocess.run([sys.executable, "-m", "lkj.cli", *args], cwd=ROOT, capture_output=True, text=True)


def test_bad_inputs_end_in_failures_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.txt").write_bytes(b"")
    (src / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (src / "fake.pdf").write_bytes(b"%PDF-1.4\nthis is not really a pdf")
    (src / "cp1252.txt").write_bytes("LAPORAN KINERJA\nKecamatan Caf\xe9\n".encode("cp1252"))
    (src / "notes.txt").write_text("Daftar belanja minggu ini: beras, telur, minyak.\n")
    with open(os.path.join(ROOT, "corpus", "seeds", sorted(os.listdir(os.path.join(ROOT, "corpus", "seeds")))[1]),
              "rb") as fh:
        (src / "good.txt").write_bytes(fh.read())
    out = tmp_path / "out"
    res = lkj("extract", str(src), "--out", str(out), "--quiet")
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr
    fails = {f["source_file"]: f for f in read_csv(out / "failures.csv")}
    assert set(fails) == {"empty.txt", "binary.bin", "fake.pdf", "notes.txt"}
    assert fails["empty.txt"]["error"] == "empty file (no content)"
    assert "\n" not in fails["fake.pdf"]["error"] and fails["fake.pdf"]["error"]
    reports = {r["source_file"]: r for r in read_csv(out / "reports.csv")}
    # cp1252 text is read (with a warning); a text that is no LKj is a failure with its reason
    assert "not an LKj" in fails["notes.txt"]["error"]
    assert "Windows-1252" in reports["cp1252.txt"]["warnings"]
    assert reports["good.txt"]["n_rows"] != "0"


def test_usage_errors_exit_2(tmp_path):
    assert lkj("extract", str(tmp_path / "missing"), "--out", str(tmp_path / "o")).returncode == 2
    assert lkj("extract").returncode == 2


def test_outputs_follow_the_contract(seeds_run):
    import duckdb

    from lkj.dataset.schema import TABLES, export_columns
    for name in TABLES:
        with open(os.path.join(seeds_run["dir"], f"{name}.csv"), encoding="utf-8") as fh:
            assert fh.readline().strip().split(",") == [c.name for c in export_columns(name)]
    con = duckdb.connect(os.path.join(seeds_run["dir"], "lkj.duckdb"), read_only=True)
    n = con.execute("select count(*) from rows").fetchone()[0]
    assert n == len(seeds_run["rows"])
    assert os.path.exists(os.path.join(seeds_run["dir"], "datapackage.json"))
