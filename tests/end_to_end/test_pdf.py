"""PDF, scan and DOCX inputs on real fixtures (renderings of the seed reports) and real failure modes."""
import os

import pytest

from conftest import ROOT, read_csv
from pdfmake import make_pdf

PDF = os.path.join(ROOT, "corpus", "pdf")


def _run(tmp_path, *paths):
    from lkj.pipeline import run

    out = tmp_path / "out"
    summary = run([str(p) for p in paths], str(out))
    return summary, {n: read_csv(out / f"{n}.csv") for n in ("reports", "rows", "anomalies", "failures")}


@pytest.fixture(scope="module")
def word_and_borderless(tmp_path_factory):
    from lkj.pipeline import run

    out = tmp_path_factory.mktemp("pdf_run")
    run([os.path.join(PDF, "001_c564c03b0f034995.word.pdf"), os.path.join(PDF, "001_c564c03b0f034995.borderless.pdf")],
        str(out))
    return {n: read_csv(out / f"{n}.csv") for n in ("reports", "rows", "anomalies", "failures")}


def _table(res, style, kind):
    rows = [r for r in res["rows"] if r["source_file"].endswith(f".{style}.pdf") and r["table_kind"] == kind]
    return rows


def test_merged_sasaran_cell_is_written_once_and_carried_down(word_and_borderless):
    for style in ("word", "borderless"):
        pk = _table(word_and_borderless, style, "pk")
        apbdes = next(r for r in pk if "APBDes" in r["indikator"])
        assert apbdes["sasaran_raw"] == ""
        assert apbdes["sasaran"].startswith("Meningkatnya Kualitas Fasilitas Pembinaan dan Pengawasan")
        assert apbdes["target"] == "86.0" and apbdes["target_unit"] == "%"
        assert apbdes["page"] and apbdes["bbox"] and apbdes["line"] == ""
        assert len(pk) == 10


def test_table_over_two_pages_is_one_table(word_and_borderless):
    cap = _table(word_and_borderless, "borderless", "capaian")
    assert len(cap) == 10 and len({r["table_seq"] for r in cap}) == 1
    assert {r["page"] for r in cap} == {"2", "3"}          # the header repeated on page 3 is not a row
    lpp = next(r for r in cap if "LPPDes" in r["indikator"])
    assert (lpp["target"], lpp["realisasi"], lpp["capaian"]) == ("86.0", "100.0", "116.0")


def test_two_level_header_cost_per_outcome(word_and_borderless):
    for style in ("word", "borderless"):
        cpo = _table(word_and_borderless, style, "cost_per_outcome")
        first = cpo[0]
        assert (first["target"], first["realisasi"], first["capaian"]) == ("88.0", "57.0", "65.0")
        prog = [r for r in cpo if r["level"] == "program"]
        assert prog[0]["pagu_raw"] == "1,706,504,410" and prog[0]["pagu"] == "1706504410.0"
        assert prog[0]["realisasi_anggaran"] == "925196713.0"
        assert len(prog) == 6


def test_pdf_reports_carry_page_spans(word_and_borderless):
    spans = {r["source_file"].split(".")[1]: (r["page_start"], r["page_end"]) for r in word_and_borderless["reports"]}
    assert spans == {"word": ("1", "10"), "borderless": ("1", "7")}


def test_docx_tables_from_the_document_structure(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("LAPORAN KINERJA TRIWULAN II TAHUN 2023 KECAMATAN PASRUJAMBE")
    d.add_paragraph("Tabel 2.1. Lembar Dokumen Perjanjian Kinerja Camat")
    t = d.add_table(rows=4, cols=4)
    rows = [["NO", "SASARAN", "INDIKATOR KINERJA", "TARGET"],
            ["6", "Meningkatnya Kualitas Fasilitas Pembinaan dan Pengawasan Pemerintahan Desa",
             "Persentase desa yang menetapkan RKPDes Tepat waktu", "86%"],
            ["", "", "Persentase Desa yang menetapkan APBDes Tepat Waktu", "86%"],
            ["", "", "Persentase Desa yang menetapkan LPPDes Tepat Waktu", "86%"]]
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v:
                t.cell(i, j).text = v
    t.cell(1, 1).merge(t.cell(3, 1))           # the sasaran merged over three indikator rows
    t.cell(1, 1).text = rows[1][1]
    path = tmp_path / "lkj.docx"
    d.save(path)
    _, res = _run(tmp_path, path)
    pk = [r for r in res["rows"] if r["table_kind"] == "pk"]
    assert [r["target"] for r in pk] == ["86.0", "86.0", "86.0"]
    assert pk[1]["sasaran_raw"] == "" and pk[1]["sasaran"] == rows[1][1]


def test_bad_pdfs_end_in_failures_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = open(os.path.join(PDF, "001_c564c03b0f034995.word.pdf"), "rb").read()
    (src / "corrupt.pdf").write_bytes(good[: len(good) // 3])
    (src / "encrypted.pdf").write_bytes(make_pdf(["LAPORAN KINERJA"], encrypt=True))
    (src / "empty.pdf").write_bytes(make_pdf(None))
    (src / "belanja.pdf").write_bytes(make_pdf(["Daftar belanja minggu ini", "beras, telur, minyak goreng"]))
    (src / "good.pdf").write_bytes(good)
    summary, res = _run(tmp_path, src)
    fails = {f["source_file"]: f["error"] for f in res["failures"]}
    assert set(fails) == {"corrupt.pdf", "encrypted.pdf", "empty.pdf", "belanja.pdf"}
    assert "encrypted" in fails["encrypted.pdf"]
    assert "no text" in fails["empty.pdf"]
    assert "not an LKj" in fails["belanja.pdf"]
    assert all("\n" not in e and len(e) < 300 for e in fails.values())
    assert {r["source_file"] for r in res["reports"]} == {"good.pdf"}
