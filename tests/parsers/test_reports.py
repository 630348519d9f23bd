"""Reports and their metadata, from the real seed files (the parsers' reading)."""
import pytest


@pytest.fixture
def seeds_run(reports_of):
    """The parsers' reports of every seed, in the shape reports.csv holds them."""
    return {"reports": [r for p in ("000", "001", "002", "003", "004") for r in reports_of(p)]}


def reports(run, prefix):
    from conftest import seed
    return [r for r in run["reports"] if r["source_file"] == seed(prefix)]


def test_bundle_of_seven_reports_without_cover_pages(seeds_run):
    reps = reports(seeds_run, "000")
    assert [r["unit"] for r in reps] == ["Camat", "Sekretaris Kecamatan", "Kasi Pemerintahan",
                                         "Kasi Pemberdayaan Masyarakat", "Kasi Pelayanan Umum",
                                         "Kasubbag Umum dan Kepegawaian", "Kasubbag Keuangan"]
    assert [r["line_start"] for r in reps] == ["1", "1045", "1373", "1927", "2361", "2873", "3796"]
    assert {(r["kecamatan"], r["year"], r["quarter"]) for r in reps} == {("Tempursari", "2022", "1")}
    assert [r["kind"] for r in reps] == ["triwulan"] + ["individu_triwulan"] * 6


def test_quarter_from_title_and_tables_not_from_slips(seeds_run):
    # 002 says "triwulanan I" three times in its text, but its table title, conclusion and date say TW II
    (r,) = reports(seeds_run, "002")
    assert (r["unit"], r["kecamatan"], r["year"], r["quarter"]) == ("Kasi Pemerintahan", "Senduro", "2023", "2")
    assert r["signer_name"] == "MOCH JEMMY, S.Pd" and r["signer_nip"] == "196512301987031012"
    # 003's Camat report: cover says TRIWULAN III, its Kata Pengantar still says Triwulan II
    camat = reports(seeds_run, "003")[0]
    assert (camat["unit"], camat["quarter"], camat["year"]) == ("Camat", "3", "2025")


def test_bundle_with_perubahan_pk_and_annexes(seeds_run):
    reps = reports(seeds_run, "003")
    starts = [int(r["line_start"]) for r in reps if int(r["line_start"]) <= 2772]
    assert starts == [1, 498, 558, 828, 906, 1080, 1227, 1364, 1525, 1598, 1662, 1723, 1786, 2144, 2185, 2259,
                      2358, 2418, 2456]
    by_start = {int(r["line_start"]): r for r in reps}
    assert by_start[498]["kind"] == "other" and by_start[498]["doc_kind"] == "pk"
    assert by_start[1786]["doc_kind"] == "lra" and by_start[1786]["quarter"] == ""
    assert by_start[2259]["doc_kind"] == "renja_evaluation" and by_start[2259]["quarter"] == "3"
    # Sekcam report: two signatures in two columns; the Sekcam is known from the PK's "Nama/Jabatan"
    assert by_start[558]["signer_name"] == "BAMBANG YULIANTO, SP"
    assert by_start[558]["signer_nip"] == "197007141994031004"
    # a pengadministrasi (staff) report under the Kasubag Keuangan
    assert by_start[1227]["unit"] == "Staf" and by_start[1227]["signer_name"] == "INDAH KURNIA"
    assert by_start[1227]["signer_nip"] == ""
    # the misspelt "KEDUNGGAJANG" of some covers is read as the bundle's canonical spelling
    assert {r["kecamatan"] for r in reps if int(r["line_start"]) <= 2772} == {"Kedungjajang"}


def test_plt_camat_signer(seeds_run):
    (r,) = reports(seeds_run, "004")
    assert (r["unit"], r["kind"], r["year"], r["quarter"]) == ("Camat", "triwulan", "2024", "1")
    assert r["signer_name"] == "AKHMAD KHARIRI, SH" and r["signer_nip"] == "197208181994031009"


def test_a_word_documents_paragraphs_are_whole_sentences_apart(tmp_path):
    """A DOCX paragraph is a whole paragraph (a PDF's lines are wrapped ones): a heading that ends
    without a full stop is no start of the next paragraph's sentence."""
    import docx

    from lkj.checks.sentences import sentences
    from lkj.extract import read
    from lkj.model.settings import DEFAULT
    from lkj.parsers.report_parser import parse_document

    d = docx.Document()
    for text in ("LAPORAN KINERJA TRIWULAN III TAHUN 2025", "KECAMATAN CONTOH", "BAB II",
                 "Realisasi Anggaran Camat s.d Triwulan III Tahun 2025", "2.3. Capaian Kinerja"):
        d.add_paragraph(text)
    t = d.add_table(rows=2, cols=4)
    for c, v in enumerate(("No", "Indikator Kinerja", "Target", "Realisasi")):
        t.cell(0, c).text = v
    for c, v in enumerate(("1", "Persentase surat selesai", "90%", "85%")):
        t.cell(1, c).text = v
    d.save(tmp_path / "r.docx")
    doc = read(str(tmp_path / "r.docx"), DEFAULT)
    parsed = parse_document(doc)
    assert parsed.wrapped is False
    rep = parsed.reports[0]
    said = [s.text for s in sentences(rep.lines, rep.tables, parsed.wrapped)]
    assert "Realisasi Anggaran Camat s.d Triwulan III Tahun 2025" in said      # not "... 2025 2.3."
    assert "Capaian Kinerja" in said
