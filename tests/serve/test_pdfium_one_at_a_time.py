"""PDFium crashes the process when two threads call it at once (pypdfium2 has no lock of its own),
and the review server draws pages and reads page sizes in its request threads: its PDFium work waits
while another thread has a PDF open, and many requests at once all come back drawn."""
import threading

from serve.serving import PDF


def _pdf_report(client):
    return next(r for r in client.get("/api/reports").json()["items"] if r["source_file"].endswith(".pdf"))


def test_page_drawing_waits_while_another_thread_reads_a_pdf(client):
    from lkj.extract.pdfium_doc import pdfium_document

    sha = _pdf_report(client)["source_sha256"]
    got, done = [], threading.Event()

    def draw():
        got.append(client.get(f"/api/page/{sha}/2.png"))
        done.set()

    with pdfium_document(PDF) as pdf:
        worker = threading.Thread(target=draw)
        worker.start()
        assert not done.wait(1.5), "the page was drawn while another thread had PDFium"
        assert len(pdf) > 2
    assert done.wait(60)
    worker.join()
    assert got[0].status_code == 200 and got[0].content[:4] == b"\x89PNG"


def test_many_pages_and_row_sources_at_once(client):
    rep = _pdf_report(client)
    rows = client.get("/api/rows", params={"report_id": rep["report_id"], "limit": 6}).json()["items"]
    assert rows
    urls = [f"/api/page/{rep['source_sha256']}/{p}.png" for p in (1, 2, 3, 4)]
    urls += [f"/api/rows/{r['row_id']}/detail" for r in rows]
    got: dict = {}
    threads = [threading.Thread(target=lambda u=u: got.__setitem__(u, client.get(u))) for u in urls * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert sorted(got) == sorted(urls)
    for u, res in got.items():
        assert res.status_code == 200, (u, res.text)
    assert all(got[u].content[:4] == b"\x89PNG" for u in urls[:4])
    assert {got[u].json()["source"]["kind"] for u in urls[4:]} == {"pdf"}
