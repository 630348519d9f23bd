"""Report metadata on forms the seeds do not show: mixed-case titles, running headers, kecamatan of
other provinces (multi-word names, a Kota), the fiscal year against the publication year, PK
sheets signed by their PIHAK PERTAMA, staff reports, signatures side by side.  Each input is built
here in the shape real submissions take, with invented people in real places of the gazetteer."""
import pytest


@pytest.fixture
def parse(tmp_path):
    from lkj.extract import read
    from lkj.model.settings import DEFAULT
    from lkj.parsers.report_parser import parse_document

    def run(text: str, name: str = "report.txt"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return parse_document(read(str(path), DEFAULT)).reports
    return run


LONG = ("Pengukuran kinerja digunakan untuk menilai keberhasilan dan kegagalan pelaksanaan kegiatan sesuai dengan "
        "program dan sasaran yang telah ditetapkan dalam rangka mewujudkan visi dan misi instansi pemerintah.")


def test_mixed_case_title_running_header_and_a_kecamatan_of_another_province(parse):
    page_header = "LAKIP Kecamatan Medan Amplas Tahun 2024 Page {}"
    text = "\n".join([
        "Pemerintah Kota Medan",
        "Laporan Kinerja Triwulan III Tahun 2024",
        "Kecamatan Medan Amplas",
        "",
        "Kata Pengantar",
        "Puji syukur kami panjatkan atas tersusunnya Laporan Kinerja Kecamatan Medan Amplas periode "
        "Juli s.d. September 2024. " + LONG,
        "",
        page_header.format(2),
        "BAB I",
        "PENDAHULUAN",
        LONG,
        "Camat Medan Amplas berkedudukan di bawah dan bertanggung jawab kepada Wali Kota Medan melalui Sekretaris Daerah.",
        "",
        page_header.format(3),
        "BAB II",
        "Tabel 2.1 Perjanjian Kinerja Camat Medan Amplas Tahun 2024",
        "No\tSasaran\tIndikator Kinerja\tTarget",
        "1\tMeningkatnya kualitas pelayanan publik\tIndeks Kepuasan Masyarakat\t85",
        "Tabel 3.1 Capaian Kinerja Triwulan III Tahun 2024",
        "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian",
        "1\tMeningkatnya kualitas pelayanan publik\tIndeks Kepuasan Masyarakat\t85\t80\t94,12%",
        "",
        page_header.format(4),
        LONG,
        "",
        "Medan, 7 Oktober 2024",
        "Camat Medan Amplas",
        "",
        "",
        "RAHMAT HIDAYAT SIREGAR, S.STP, M.Si",
        "Pembina Tk. I (IV/b)",
        "NIP. 19760512 199803 1 004",
    ])
    reps = parse(text)
    assert len(reps) == 1, [r.line_start for r in reps]       # the running header starts no report
    m = reps[0].meta
    assert (m.kabupaten, m.kecamatan) == ("Kota Medan", "Medan Amplas")
    assert (m.unit, str(m.period), m.year, m.quarter) == ("Camat", "triwulan", 2024, 3)
    assert (m.signer_name, m.signer_nip) == ("RAHMAT HIDAYAT SIREGAR, S.STP, M.Si", "197605121998031004")


def test_fiscal_year_over_the_publication_year_of_an_annual_lkip(parse):
    text = "\n".join([
        "PEMERINTAH KABUPATEN TAPIN",
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        "( LKIP )",
        "TAHUN ANGGARAN 2023",
        "KECAMATAN SALAM BABARIS",
        "TAHUN 2024",
        "",
        "KATA PENGANTAR",
        "Laporan Kinerja Instansi Pemerintah Kecamatan Salam Babris ini menyajikan capaian kinerja selama "
        "tahun 2023 sebagaimana diatur dalam Peraturan Menteri PANRB Nomor 53 Tahun 2014. " + LONG,
        "Capaian triwulan IV menutup tahun anggaran dengan baik. " + LONG,
        "BAB I",
        "PENDAHULUAN",
        "Kecamatan Salam Babaris Kabupaten Tapin dipimpin oleh seorang Camat. " + LONG,
        "Tabel 3.1 Capaian Kinerja Kecamatan Salam Babaris Tahun 2023",
        "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian",
        "1\tMeningkatnya kualitas pelayanan publik\tIndeks Kepuasan Masyarakat\t80\t82\t102,50%",
        "",
        "Salam Babaris, 15 Januari 2024",
        "CAMAT SALAM BABARIS",
        "",
        "MUHAMMAD RIDHANI, S.Sos",
        "NIP. 19781110 200501 1 006",
    ])
    (rep,) = parse(text)
    m = rep.meta
    assert (m.kabupaten, m.kecamatan) == ("Tapin", "Salam Babaris")       # the slip "Salam Babris" too
    assert (m.year, m.quarter, str(m.period), m.unit) == (2023, None, "tahunan", "Camat")
    assert m.signer_nip == "197811102005011006"


def test_pk_sheet_is_signed_by_its_pihak_pertama_in_two_columns(parse):
    text = "\n".join([
        "PERJANJIAN KINERJA TAHUN 2023",
        "",
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta "
        "berorientasi pada hasil, kami yang bertanda tangan di bawah ini :",
        "Nama      : SITI AMINAH, S.Sos",
        "Jabatan   : Pengadministrasi Umum Seksi Pelayanan Umum",
        "Selanjutnya disebut pihak pertama",
        "Nama      : BUDI SANTOSO, S.STP",
        "Jabatan   : Kepala Seksi Pelayanan Umum",
        "Selaku atasan pihak pertama, selanjutnya disebut pihak kedua",
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini.",
        "",
        "                                                  Tapin Utara, 2 Januari 2023",
        "          PIHAK KEDUA                                    PIHAK PERTAMA",
        "   Kepala Seksi Pelayanan Umum                    Pengadministrasi Umum",
        "",
        "",
        "      BUDI SANTOSO, S.STP                           SITI AMINAH, S.Sos",
        "  NIP. 19800202.200501.1.003                     NIP. 19850303.201001.2.004",
        "",
        "Kecamatan Tapin Utara Kabupaten Tapin",
        "No\tSasaran\tIndikator Kinerja\tTarget",
        "1\tTerlaksananya pelayanan administrasi\tJumlah dokumen pelayanan\t12 dokumen",
    ])
    (rep,) = parse(text)
    m = rep.meta
    assert rep.doc_kind == "pk" and str(m.period) == "other" and m.quarter is None
    assert (m.unit, m.signer_name, m.signer_nip) == ("Staf", "SITI AMINAH, S.Sos", "198503032010012004")
    assert (m.kabupaten, m.kecamatan, m.year) == ("Tapin", "Tapin Utara", 2023)


def test_bundle_of_a_kasi_report_and_a_staff_report_with_side_by_side_signatures(parse):
    def report(title_lines, unit_phrase, left, right, date):
        return [*title_lines, "", "BAB I", "PENDAHULUAN", LONG,
                f"Hasil pengukuran capaian kinerja Aparatur Sipil Negara (ASN) bagian {unit_phrase} Triwulan II "
                "Tahun 2023 dapat dilihat pada tabel berikut :",
                "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian",
                "1\tTerlaksananya administrasi pemerintahan\tJumlah laporan\t4 laporan\t2 laporan\t50%",
                "", f"{'':46}Wonosari, {date}",
                f"{'Mengetahui,':^40}      {right[0]:^40}", f"{left[0]:^40}      {'':^40}", "", "",
                f"{left[1]:^40}      {right[1]:^40}", f"{left[2]:^40}      {right[2]:^40}", ""]

    kasi = report(["Laporan Kinerja Individu", "Kepala Seksi Pemerintahan", "Kecamatan Wonosari",
                   "Kabupaten Gunungkidul", "Triwulan II Tahun 2023"], "Kasi Pemerintahan",
                  ("Camat Wonosari", "Drs. ANDRI PRASETYO, M.Si", "NIP. 19700303 199503 1 002"),
                  ("KEPALA SEKSI PEMERINTAHAN", "YULI ASTUTI, S.IP", "NIP. 19820404 200801 2 011"), "5 Juli 2023")
    # the Kasi report closes with a paragraph whose wrapped line begins like a title
    kasi += ["Demikian", "Laporan Kinerja Triwulan II Kecamatan Wonosari", "ini kami sampaikan.", ""]
    staf = report(["LAPORAN KINERJA INDIVIDU", "PENGOLAH DATA SEKSI PEMERINTAHAN", "Kecamatan Wonosari",
                   "Kabupaten Gunungkidul", "Triwulan II Tahun 2023"], "Pengolah Data",
                  ("Kepala Seksi Pemerintahan", "YULI ASTUTI, S.IP", "NIP. 19820404 200801 2 011"),
                  ("PENGOLAH DATA", "DWI NUGROHO", "NIP. 19900505 201503 1 007"), "5 Juli 2023")
    reps = parse("\n".join(kasi + staf))
    assert [r.line_start for r in reps] == [1, len(kasi) + 1]
    got = [(r.meta.unit, str(r.meta.period), r.meta.quarter, r.meta.signer_name, r.meta.signer_nip) for r in reps]
    assert got == [("Kasi Pemerintahan", "individu_triwulan", 2, "YULI ASTUTI, S.IP", "198204042008012011"),
                   ("Staf", "individu_triwulan", 2, "DWI NUGROHO", "199005052015031007")]
    # Wonosari is a kecamatan of five kabupaten: the one named decides
    assert {(r.meta.kabupaten, r.meta.kecamatan) for r in reps} == {("Gunung Kidul", "Wonosari")}


# a Kasi's quarterly report up to its signatures
KASI_REPORT = [
    "LAPORAN KINERJA INDIVIDU", "KEPALA SEKSI PEMERINTAHAN", "KECAMATAN PLAYEN", "KABUPATEN GUNUNGKIDUL",
    "TRIWULAN I TAHUN 2024", "", "BAB I", "PENDAHULUAN", LONG,
    "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian",
    "1\tTerlaksananya administrasi pemerintahan\tJumlah laporan\t4 laporan\t1 laporan\t25%",
]


def test_side_by_side_signatures_flattened_by_a_text_layer(parse):
    # a PDF text layer without layout puts the two blocks on the same lines
    text = "\n".join(KASI_REPORT + [
        "Mengetahui, Playen, 3 April 2024",
        "Camat Playen Kepala Seksi Pemerintahan",
        "",
        "Drs. HARTONO WIBOWO, M.Si SRI LESTARI, S.IP",
        "NIP. 19700303 199503 1 002 NIP. 19820404 200801 2 011",
    ])
    (rep,) = parse(text)
    m = rep.meta
    assert (m.unit, m.quarter, m.kecamatan) == ("Kasi Pemerintahan", 1, "Playen")
    assert (m.signer_name, m.signer_nip) == ("SRI LESTARI, S.IP", "198204042008012011")


def test_side_by_side_signatures_the_second_name_opening_with_a_title(parse):
    # "..., S.E., M.AP Ir. WULAN ...": the title "Ir." opens the right name; it is no degree of the left
    text = "\n".join(KASI_REPORT + [
        "Mengetahui, Playen, 3 April 2024",
        "Camat Playen Kepala Seksi Pemerintahan",
        "",
        "BAMBANG SUTRISNO, S.E., M.AP Ir. WULAN PERMATASARI, M.AP",
        "NIP. 19700303 199503 1 002 NIP. 19820404 200801 2 011",
    ])
    (rep,) = parse(text)
    assert (rep.meta.signer_name, rep.meta.signer_nip) == ("Ir. WULAN PERMATASARI, M.AP", "198204042008012011")


def test_side_by_side_signatures_flattened_a_line_apart(parse):
    # pdfplumber's extract_text() of two blocks whose names sit at different heights: the left name
    # alone, then the left NIP and the right name on one line, then the right NIP alone
    text = "\n".join(KASI_REPORT + [
        "Mengetahui, Playen, 3 April 2024",
        "Camat Playen KEPALA SEKSI",
        "PEMERINTAHAN",
        "Drs. HARTONO WIBOWO, M.Si",
        "NIP. 19700303 199503 1 002 SRI LESTARI, S.IP",
        "NIP. 19820404 200801 2 011",
    ])
    (rep,) = parse(text)
    m = rep.meta
    assert m.unit == "Kasi Pemerintahan"
    assert (m.signer_name, m.signer_nip) == ("SRI LESTARI, S.IP", "198204042008012011")


def test_a_scanned_cover_title_with_lost_strokes_still_gives_its_quarter(parse):
    # a bold title on a scan read with wrong letters; the cover also carries the LKjIP acronym, so
    # without the title's "TRIWULAN" the report would be taken for an annual one
    text = "\n".join([
        "LKJIP",
        "LAPOFAN KINEFJA TEIWULAN II",
        "TAHUN 2024",
        "KECAMATAN MEDAN AMPLAS",
        "",
        "BAB I",
        "PENDAHULUAN",
        LONG,
        "Camat Medan Amplas berkedudukan di bawah dan bertanggung jawab kepada Wali Kota Medan melalui Sekretaris Daerah.",
        "Tabel 2.1 Perjanjian Kinerja Camat Medan Amplas Tahun 2024",
        "No\tSasaran\tIndikator Kinerja\tTarget",
        "1\tMeningkatnya kualitas pelayanan publik\tIndeks Kepuasan Masyarakat\t85",
        "Tabel 2.2 Capaian Kinerja Camat",
        "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian",
        "1\tMeningkatnya kualitas pelayanan publik\tIndeks Kepuasan Masyarakat\t85\t80\t94,12%",
        LONG,
    ])
    m = parse(text)[0].meta
    assert (str(m.period), m.year, m.quarter) == ("triwulan", 2024, 2)


@pytest.mark.parametrize("area, head, kab, kec", [
    ("Distrik Abepura", "Kepala Distrik Abepura", "Kota Jayapura", "Abepura"),      # Papua: a kecamatan is a distrik
    ("Kapanewon Mlati", "Panewu Mlati", "Sleman", "Mlati"),                         # DIY: a kapanewon, its panewu
])
def test_a_kecamatan_by_its_regional_name_and_its_head(parse, area, head, kab, kec):
    text = "\n".join([
        f"LAPORAN KINERJA INSTANSI PEMERINTAH {area.upper()}",
        "TAHUN 2023",
        "",
        f"Tabel 3.1 Capaian Kinerja {area} Tahun 2023",
        "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian",
        "1\tMeningkatnya kualitas pelayanan publik\tIndeks Kepuasan Masyarakat\t82\t84,5\t103,05%",
        "",
        "Jayapura, 10 Januari 2024" if "Distrik" in area else "Sleman, 10 Januari 2024",
        head.upper(),
        "",
        "YOHANES WANDIKBO, S.Sos" if "Distrik" in area else "Drs. SUHARTO, M.Si",
        "NIP. 19750101 200003 1 004",
    ])
    (rep,) = parse(text)
    m = rep.meta
    assert (m.kabupaten, m.kecamatan, m.unit) == (kab, kec, "Camat")
    assert m.unit_raw == head.upper()          # the jabatan as written, without the place and date above it


def test_a_signature_dated_without_its_day_and_a_name_in_brackets(parse):
    """"Banjarmasin,      Januari 2024": the day left blank to be written by hand, as official letters
    leave it.  The date still opens the signature block, so the signer's jabatan is the line under it
    (before: the lines above were taken for the jabatan, a table row's text with them), and a name
    drawn in brackets, "( ASEP SUNANDAR, S.IP )", is the name without them."""
    text = "\n".join([
        "LAPORAN KINERJA INSTANSI PEMERINTAH",
        "KECAMATAN BANJARMASIN UTARA",
        "TAHUN 2023",
        "",
        "BAB I",
        "PENDAHULUAN",
        "Kecamatan Banjarmasin Utara dipimpin oleh seorang Camat. " + LONG,
        "Tabel 2.1 Capaian Kinerja",
        "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)",
        "1\tMeningkatnya kualitas pelayanan\tIndeks kepuasan masyarakat\t80\t82\t102,50",
        "",
        "Banjarmasin,      Januari 2024",
        "Camat Banjarmasin Utara",
        "",
        "",
        "( MUHAMMAD RIZKY, S.STP., M.AP )",
        "NIP. 19881212 201001 1 001",
    ])
    (rep,) = parse(text)
    m = rep.meta
    assert (m.kabupaten, m.kecamatan, m.unit, m.unit_raw) == (
        "Kota Banjarmasin", "Banjarmasin Utara", "Camat", "Camat Banjarmasin Utara")
    assert (m.signer_name, m.signer_nip) == ("MUHAMMAD RIZKY, S.STP., M.AP", "198812122010011001")
    assert rep.tables[0].rows[-1].text("capaian") == "102,50"


@pytest.mark.parametrize("title, kind, quarter", [
    ("LAPORAN KINERJA PERIODE JULI - SEPTEMBER 2024", "triwulan", 3),
    ("LAPORAN KINERJA BULAN JANUARI S.D. JUNI 2024", "triwulan", 2),
    ("LAPORAN KINERJA PERIODE OKTOBER - DESEMBER 2024", "triwulan", 4),
    ("LAPORAN KINERJA PERIODE JANUARI - DESEMBER 2024", "tahunan", None),
])
def test_a_cover_naming_its_quarter_by_its_months(parse, title, kind, quarter):
    """A quarter named by its months on the cover ("Periode Juli - September 2024", the year so far
    "Januari s.d. Juni") is a quarterly report of that quarter (before: the cover named no quarter,
    so the report was taken for an annual one); the whole year stays annual."""
    text = "\n".join([
        title, "KECAMATAN TAROGONG KIDUL", "KABUPATEN GARUT", "",
        "BAB I", "PENDAHULUAN",
        "Laporan kinerja ini disusun sebagai pertanggungjawaban kinerja Camat Tarogong Kidul. " + LONG,
        "Tabel 2.1 Capaian Kinerja",
        "No\tSasaran\tIndikator Kinerja\tTarget\tRealisasi\tCapaian (%)",
        "1\tMeningkatnya kualitas pelayanan publik\tIndeks kepuasan masyarakat\t80\t41\t51,25",
        "", "Tarogong Kidul,      2024", "CAMAT TAROGONG KIDUL", "", "", "DEDI SUPRIATNA, S.Sos",
        "NIP. 19720315 199303 1 004"])
    (rep,) = parse(text)
    assert (str(rep.meta.period), rep.meta.quarter, rep.meta.year) == (kind, quarter, 2024)


def test_a_kecamatan_whose_name_opens_with_a_word_that_names_no_place(parse):
    """"Kecamatan Kota Juang" (Bireuen, Aceh): "Kota" opens the kecamatan's own name, which the
    gazetteer knows whole (before: the word stopped the mention and the report had no place)."""
    text = "\n".join([
        "LAPORAN KINERJA INSTANSI PEMERINTAH", "KECAMATAN KOTA JUANG", "TAHUN 2022", "",
        "No\tSasaran\tIndikator Kinerja\tTarget", "1\tMeningkatnya kualitas pelayanan\tIndeks Kepuasan Masyarakat\t80"])
    (rep,) = parse(text)
    assert (rep.meta.kabupaten, rep.meta.kecamatan) == ("Bireuen", "Kota Juang")
