"""The run folder as a store: every input accounted for, a second run does no work, interrupted and
killed runs resume to the same bytes, files that hang or balloon end in failures, the exports are
whole snapshots that the Frictionless validator accepts."""
import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SEEDS, read_csv, seed
from oddfiles import cyclic_length_pdf

from lkj.snapshot import exported_bytes


def lkj(*args, **kw):
    return subprocess.run([sys.executable, "-m", "lkj.cli", *args], cwd=ROOT, capture_output=True, text=True, **kw)


def valid_package(out) -> None:
    from frictionless import validate

    report = validate(os.path.join(str(out), "datapackage.json"))
    errors = [(t.name, e.type, e.note[:120]) for t in report.tasks for e in t.errors]
    assert report.valid, errors[:5]


def edited(name: str, k: int) -> bytes:
    """A seed with one number of its narrative changed: other bytes, the same kind of report."""
    data = open(os.path.join(SEEDS, seed(name)), "rb").read()
    return data + f"\nCatatan arsip nomor {k}.\n".encode()


@pytest.fixture
def batch(tmp_path):
    """A small folder as archives hold them: two reports, an exact copy, an edited copy, a report
    exported as .md, files that are no report (.json, .csv), a hidden file and a hidden folder."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / ".git").mkdir()
    (src / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    shutil.copy(os.path.join(SEEDS, seed("001")), src / "a.txt")
    shutil.copy(os.path.join(SEEDS, seed("002")), src / "b.txt")
    shutil.copy(os.path.join(SEEDS, seed("002")), src / "sub" / "b_copy.txt")
    (src / "sub" / "a_edit.md").write_bytes(edited("001", 1))
    (src / "notes.json").write_text('{"catatan": "bukan laporan"}\n')
    (src / "table.csv").write_text("a,b\n1,2\n")
    (src / ".DS_Store").write_bytes(b"\x00\x01binary")
    return src


def test_every_input_is_listed_and_ids_are_unique(batch, tmp_path):
    from lkj.pipeline import run
    from lkj.settings import resolve

    out = tmp_path / "out"
    s = run([str(batch)], str(out), resolve(2))
    files = {os.path.relpath(f["path"], batch): f for f in read_csv(out / "files.csv")}
    assert {k: v["status"] for k, v in files.items()} == {
        ".DS_Store": "skipped", ".git": "skipped", "a.txt": "done", "b.txt": "done", "notes.json": "failed",
        "table.csv": "failed", "sub/a_edit.md": "done", "sub/b_copy.txt": "duplicate"}
    assert files["sub/b_copy.txt"]["duplicate_of"] == str(batch / "b.txt")
    assert files[".git"]["reason"] == "hidden folder (name starts with '.'): not read"
    assert files[".DS_Store"]["reason"] == "hidden file (name starts with '.'): not read"
    assert files["notes.json"]["reason"].startswith("JSON data, not a report")
    assert "not an LKj report" in files["table.csv"]["reason"]
    reports = read_csv(out / "reports.csv")
    assert sorted(r["source_file"] for r in reports) == ["a.txt", "a_edit.md", "b.txt"]   # the copy is read once
    for name, key in (("reports", "report_id"), ("rows", "row_id"), ("anomalies", "anomaly_id")):
        ids = [r[key] for r in read_csv(out / f"{name}.csv")]
        assert len(ids) == len(set(ids)) > 0
    assert {f["source_file"] for f in read_csv(out / "failures.csv")} == {"notes.json", "table.csv"}
    assert s.failed == 2 and s.duplicates == 1 and s.skipped == 2 and s.done_now == 3
    valid_package(out)


def test_second_run_does_no_work_and_force_gives_the_same_bytes(batch, tmp_path):
    out = tmp_path / "out"
    first = lkj("extract", str(batch), "--out", str(out), "--workers", "2", "--json")
    assert first.returncode == 1, first.stderr                 # notes.json and table.csv failed
    before = exported_bytes(out)
    t0 = time.monotonic()
    again = lkj("extract", str(batch), "--out", str(out), "--json")
    took = time.monotonic() - t0
    import json

    s = json.loads(again.stdout)
    assert s["done_now"] == 0 and s["already_done"] == 3 and s["already_failed"] == 2
    assert took < 10                                         # no worker started, no export rewritten
    assert exported_bytes(out) == before
    forced = json.loads(lkj("extract", str(batch), "--out", str(out), "--force", "--workers", "1", "--json").stdout)
    assert forced["done_now"] == 3
    assert exported_bytes(out) == before
    retried = json.loads(lkj("extract", str(batch), "--out", str(out), "--retry-failed", "--json").stdout)
    assert retried["done_now"] == 0 and retried["already_done"] == 3 and retried["already_failed"] == 0
    assert exported_bytes(out) == before
    status = lkj("status", str(out))
    assert "done=3 failed=2 pending=0 skipped=2 duplicate=1" in status.stdout.splitlines(), status.stdout


def test_a_changed_file_is_read_again_and_its_old_records_go(batch, tmp_path):
    from lkj.pipeline import run
    from lkj.settings import resolve

    out = tmp_path / "out"
    run([str(batch)], str(out), resolve(1))
    old = {r["report_id"] for r in read_csv(out / "reports.csv") if r["source_file"] == "a.txt"}
    (batch / "a.txt").write_bytes(edited("001", 2))
    s = run([str(batch)], str(out), resolve(1))
    assert s.done_now == 1
    new = {r["report_id"] for r in read_csv(out / "reports.csv") if r["source_file"] == "a.txt"}
    assert new and not new & old
    rows = read_csv(out / "rows.csv")
    assert not any(r["report_id"] in old for r in rows)
    valid_package(out)


def test_a_file_that_hangs_ends_in_failures_and_the_batch_finishes(tmp_path):
    from lkj.pipeline import run
    from lkj.settings import resolve

    src = tmp_path / "in"
    src.mkdir()
    (src / "cycle.pdf").write_bytes(cyclic_length_pdf())      # pdfminer resolves the /Length for ever
    shutil.copy(os.path.join(SEEDS, seed("002")), src / "good.txt")
    t0 = time.monotonic()
    s = run([str(src)], str(tmp_path / "out"), resolve(2, file_timeout=4))
    assert time.monotonic() - t0 < 60
    fails = {f["source_file"]: f for f in s.failures}
    assert fails["cycle.pdf"]["stage"] == "limit"
    assert fails["cycle.pdf"]["error"] == "time limit: not read within 4 s"
    assert s.done_now == 1 and s.reports == 1


def test_a_worker_over_its_memory_limit_is_replaced(tmp_path):
    from lkj.pipeline import run
    from lkj.settings import resolve

    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(os.path.join(SEEDS, seed("002")), src / "b.txt")
    # a worker with the whole pipeline loaded is well over 16 MB (a worker forked by the template
    # counts only the pages it has touched since; about 50 MB): the limit ends it on its first file
    s = run([str(src)], str(tmp_path / "out"), resolve(1, worker_memory_mb=16))
    assert len(s.failures) == 1 and s.failures[0]["stage"] == "limit"
    assert s.failures[0]["error"].startswith("memory limit: the worker used ")
    assert s.failures[0]["error"].endswith(" MB (limit 16 MB)")


def test_out_that_cannot_be_a_folder_is_a_usage_error_before_any_work(tmp_path):
    afile = tmp_path / "taken.csv"
    afile.write_text("x\n")
    res = lkj("extract", os.path.join(SEEDS, seed("002")), "--out", str(afile))
    assert res.returncode == 2 and res.stderr.strip() == f"lkj: --out {afile} is a file, not a folder"
    res = lkj("extract", os.path.join(SEEDS, seed("002")), "--out", str(afile / "sub"))
    assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
    assert res.stderr.startswith(f"lkj: cannot create the output folder {afile / 'sub'}: ")
    assert "Traceback" not in res.stderr


def _archive(tmp_path, n: int):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(n):
        (src / f"r{k:02d}.txt").write_bytes(edited(("001", "002")[k % 2], k))
    shutil.copy(src / "r00.txt", src / "r00_copy.txt")
    return src


def _wait_for(out, pred, timeout=60):
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if pred():
            return True
        time.sleep(0.1)
    return False


def test_kill_9_at_random_moments_keeps_finished_files_and_resumes_to_the_same_bytes(tmp_path):
    from lkj.snapshot import verify
    from lkj.store import Store

    src = _archive(tmp_path, 6)
    whole = tmp_path / "whole"
    t0 = time.monotonic()
    assert lkj("extract", str(src), "--out", str(whole), "--quiet", "--workers", "2").returncode == 0
    took = time.monotonic() - t0           # the kills fall inside a run however fast this machine is
    out = tmp_path / "out"
    rng = random.Random(13)
    kills = 0
    for attempt in range(6):
        p = subprocess.Popen([sys.executable, "-m", "lkj.cli", "extract", str(src), "--out", str(out), "--quiet",
                              "--workers", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _wait_for(out, lambda: os.path.exists(out / "lkj.duckdb") or p.poll() is not None)
        time.sleep(rng.uniform(0.0, 0.7 * took))
        if p.poll() is None:
            p.kill()
            kills += 1
        p.wait()
        store = Store(str(out), read_only=True)
        try:
            assert store.consistency() == []
            done = store.con.execute("SELECT count(*) FROM files WHERE status = 'done'").fetchone()[0]
        finally:
            store.close()
        if os.path.exists(out / "datapackage.json"):
            assert verify(str(out)) == []              # the last export whole, never half written
        if done == 6 and p.returncode == 0:
            break
    assert kills >= 2
    res = lkj("extract", str(src), "--out", str(out), "--quiet")
    assert res.returncode == 0, res.stderr
    assert exported_bytes(out) == exported_bytes(whole)
    valid_package(out)


def test_sigterm_and_ctrl_c_stop_within_seconds_leave_no_process_and_say_how_to_resume(tmp_path):
    import psutil

    src = _archive(tmp_path, 4)
    (src / "cycle.pdf").write_bytes(cyclic_length_pdf())      # keeps a worker busy until it is stopped
    out = tmp_path / "out"
    for sig, code in ((signal.SIGTERM, 143), (signal.SIGINT, 130)):
        p = subprocess.Popen([sys.executable, "-m", "lkj.cli", "extract", str(src), "--out", str(out), "--workers", "2"],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        me = psutil.Process(p.pid)
        assert _wait_for(out, lambda: len(me.children(recursive=True)) >= 2)
        time.sleep(1.0)
        workers = me.children(recursive=True)
        t0 = time.monotonic()
        p.send_signal(sig)
        _, err = p.communicate(timeout=30)
        assert time.monotonic() - t0 < 10
        assert p.returncode == code, err
        assert "Traceback" not in err
        assert "Run the same command again to go on" in err
        gone, alive = psutil.wait_procs(workers, timeout=5)
        assert not alive
    from lkj.store import Store

    store = Store(str(out), read_only=True)
    try:
        assert store.consistency() == []
    finally:
        store.close()


def test_dask_cluster_gives_the_local_run_s_bytes(batch, tmp_path):
    import dask
    from distributed import LocalCluster

    from lkj.pipeline import run
    from lkj.settings import resolve

    local = tmp_path / "local"
    run([str(batch)], str(local), resolve(2))
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
            s = run([str(batch)], str(tmp_path / "cluster"), resolve(1), scheduler=cluster.scheduler_address)
    assert s.done_now == 3 and s.failed == 2
    assert exported_bytes(tmp_path / "cluster") == exported_bytes(local)


def test_kill_9_of_the_run_ends_its_workers_and_their_ocr_processes(tmp_path):
    """A batch of one scan with two workers allowed: the worker reads its pages in a pool of OCR
    processes.  kill -9 of the run (no handler can run) must leave none of them behind."""
    import psutil

    scan = os.path.join(ROOT, "corpus", "pdf", "002_9775546dd054ce8e.scanned.pdf")
    p = subprocess.Popen([sys.executable, "-m", "lkj.cli", "extract", scan, "--out", str(tmp_path / "out"),
                          "--quiet", "--workers", "2"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    me = psutil.Process(p.pid)
    seen: dict = {}

    def ocr_running() -> bool:
        try:
            for q in me.children(recursive=True):
                seen.setdefault(q.pid, q)
                # the run's children: the worker template (and any worker that loads the pipeline
                # itself); the template's: the workers; a worker's: its OCR processes
                if q.ppid() != p.pid and psutil.Process(q.ppid()).ppid() != p.pid:
                    return True
        except psutil.Error:
            pass
        return False

    try:
        assert _wait_for(tmp_path, ocr_running, timeout=60), "no OCR process started"
    finally:
        p.kill()
        p.wait()
    _, alive = psutil.wait_procs(list(seen.values()), timeout=5)
    for q in alive:
        q.kill()
    assert not alive, [q.cmdline()[:3] for q in alive]

