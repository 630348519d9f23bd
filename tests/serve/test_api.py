"""The JSON API: an uploaded PDF comes back as its rows; an oversize upload, a non-PDF named .pdf, a
path in the file name and a missing token are refused with one plain sentence, and change nothing."""
import os

import pytest
from serve.serving import PDF, TOKEN, make_app

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _snapshot(run_dir):
    """Every table's row count and every file of the run folder (with its size)."""
    from lkj.rundb import RunDB
    from lkj.dataset.schema import TABLES, USER_TABLES

    with RunDB(run_dir, read_only=True) as db:
        counts = {t: db.count(t) for t in {**TABLES, **USER_TABLES}}
    files = {}
    for root, _dirs, names in os.walk(run_dir):
        for n in names:
            if not n.endswith((".duckdb", ".wal")):
                p = os.path.join(root, n)
                files[os.path.relpath(p, run_dir)] = os.path.getsize(p)
    return counts, files


@pytest.fixture
def empty(tmp_path):
    """A server over an empty run folder (fed by uploads only)."""
    from fastapi.testclient import TestClient

    d = str(tmp_path / "fresh")
    with TestClient(make_app(d, sources=[])) as c:
        yield c, d


def test_upload_a_pdf_and_get_its_rows(empty):
    c, d = empty
    with open(PDF, "rb") as fh:
        res = c.post("/api/files", files={"file": ("kinerja.pdf", fh, "application/pdf")}, headers=AUTH)
    assert res.status_code == 201, res.text
    body = res.json()
    assert not body["already_in_run"] and len(body["reports"]) == 1
    assert body["reports"][0]["kecamatan"] == "Pasrujambe"
    capaian = [r for r in body["rows"] if r["table_kind"] == "capaian"]
    assert any(r["indikator"] and r["target"] is not None and r["capaian_raw"] for r in capaian)
    # the rows are in the run: the listing gives them, filtered and paged
    listed = c.get("/api/rows", params={"source_file": "kinerja.pdf", "table_kind": "capaian", "limit": 3}).json()
    assert listed["total"] == len(capaian) and len(listed["items"]) == 3
    assert os.path.exists(os.path.join(d, "uploads", "kinerja.pdf"))
    # the same file again is not read twice
    with open(PDF, "rb") as fh:
        again = c.post("/api/files", files={"file": ("other-name.pdf", fh, "application/pdf")}, headers=AUTH).json()
    assert again["already_in_run"] and len(again["rows"]) == len(body["rows"])
    assert c.get("/api/reports").json()["total"] == 1
    # and its page is drawn for the review page
    png = c.get(f"/api/page/{body['source_sha256']}/1.png")
    assert png.status_code == 200 and png.content[:4] == b"\x89PNG"


def _refused(c, run_dir, files, headers, status, words):
    before = _snapshot(run_dir)
    res = c.post("/api/files", files=files, headers=headers)
    assert res.status_code == status, res.text
    detail = res.json()["detail"]
    assert isinstance(detail, str) and "\n" not in detail
    for w in words:
        assert w in detail
    assert _snapshot(run_dir) == before
    return detail


def test_refused_uploads_change_nothing(run_dir, tmp_path):
    from dataclasses import replace

    from fastapi.testclient import TestClient

    from lkj.settings import resolve

    s = resolve(1)
    small = replace(s, serve=replace(s.serve, max_upload_bytes=50_000))
    with open(PDF, "rb") as fh:
        pdf = fh.read()
    assert len(pdf) > 50_000
    with TestClient(make_app(run_dir, settings=small)) as c:
        _refused(c, run_dir, {"file": ("big.pdf", pdf, "application/pdf")}, AUTH, 413, ["big.pdf", "limit"])
        _refused(c, run_dir, {"file": ("fake.pdf", b"Laporan Kinerja\nnot a pdf at all\n", "application/pdf")}, AUTH,
                 415, ["fake.pdf", "not a PDF"])
        _refused(c, run_dir, {"file": ("../../evil.pdf", pdf[:1000], "application/pdf")}, AUTH, 400,
                 ["without folders"])
        _refused(c, run_dir, {"file": ("sub\\evil.pdf", pdf[:1000], "application/pdf")}, AUTH, 400, ["without folders"])
        _refused(c, run_dir, {"file": ("ok.pdf", pdf[:1000], "application/pdf")}, {}, 401, ["token"])
        _refused(c, run_dir, {"file": ("ok.pdf", pdf[:1000], "application/pdf")}, {"Authorization": "Bearer nope"},
                 401, ["token"])
        assert not os.path.exists(os.path.join(run_dir, "uploads"))


def test_writes_need_the_token_and_errors_are_one_line(client, run_dir):
    from lkj.rundb import RunDB

    a = client.get("/api/anomalies", params={"rule": "capaian_arithmetic", "limit": 1}).json()["items"][0]
    res = client.post("/api/corrections", json={"anomaly_id": a["anomaly_id"], "verdict": "confirmed", "who": "x"})
    assert res.status_code == 401 and "token" in res.json()["detail"]
    res = client.post("/api/corrections", json={"anomaly_id": a["anomaly_id"], "verdict": "maybe", "who": "x"},
                      headers=AUTH)
    assert res.status_code == 422 and res.json()["detail"].startswith("verdict must be one of")
    row_id = f"{a['report_id']}-t{a['table_seq']:02d}-r{a['row_index']:03d}"
    res = client.post("/api/corrections", json={"row_id": row_id, "field": "capaian", "new": "sembilan", "who": "x"},
                      headers=AUTH)
    assert res.status_code == 422 and "is not a number" in res.json()["detail"]
    res = client.post("/api/corrections", json={"row_id": row_id, "field": "capaian", "new": "50%"}, headers=AUTH)
    assert res.status_code == 422 and "who you are" in res.json()["detail"]
    with RunDB(run_dir, read_only=True) as db:
        assert db.count("corrections") == 0
    assert client.get("/api/nothing").json()["detail"] == "nothing at /api/nothing"
    assert client.get("/api/rows", params={"limit": "many"}).json()["detail"].startswith("limit:")
    # with the token a verdict is kept and shows in the listing
    res = client.post("/api/corrections", json={"anomaly_id": a["anomaly_id"], "verdict": "confirmed", "who": "x",
                                                "note": "checked against the scan"}, headers=AUTH)
    assert res.status_code == 201
    got = client.get("/api/anomalies", params={"status": "confirmed"}).json()["items"]
    assert [(g["anomaly_id"], g["status_note"]) for g in got] == [(a["anomaly_id"], "checked against the scan")]


def test_reads_are_for_this_machine_only_unless_opened(run_dir):
    from fastapi.testclient import TestClient

    with TestClient(make_app(run_dir), client=("203.0.113.9", 5000)) as c:
        res = c.get("/api/reports")
        assert res.status_code == 401 and "this machine only" in res.json()["detail"]
        assert c.get("/api/reports", headers=AUTH).status_code == 200
    with TestClient(make_app(run_dir, open_reads=True), client=("203.0.113.9", 5000)) as c:
        assert c.get("/api/reports").status_code == 200


def test_openapi_page(client):
    spec = client.get("/openapi.json").json()
    assert {"/api/rows", "/api/anomalies", "/api/reports", "/api/failures", "/api/files", "/api/corrections"} \
        <= set(spec["paths"])
    assert client.get("/docs").status_code == 200


def test_upload_a_web_page_and_get_its_rows(empty):
    """A report saved from the web (seed 004's tab rows as an HTML table page) is taken and read."""
    import html

    from conftest import SEEDS, seed

    c, _ = empty
    parts = ["<!DOCTYPE html><html><body>"]
    for ln in open(os.path.join(SEEDS, seed("004")), encoding="utf-8").read().split("\n"):
        if "\t" in ln:
            parts.append("<table><tr>" + "".join(f"<td>{html.escape(x.strip())}</td>" for x in ln.split("\t"))
                         + "</tr></table>")
        elif ln.strip():
            parts.append(f"<p>{html.escape(ln.strip())}</p>")
    page = "".join(parts + ["</body></html>"]).replace("</table><table>", "")     # one table per run of rows
    res = c.post("/api/files", files={"file": ("laporan.html", page.encode(), "text/html")}, headers=AUTH)
    assert res.status_code == 201, res.text
    body = res.json()
    assert len(body["reports"]) == 1 and any(r["kode"] for r in body["rows"])
