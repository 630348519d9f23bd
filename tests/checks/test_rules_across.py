"""Rules across tables, reports and the narrative: a real case from the seeds that must fire, and a
clean case beside it that must not."""
import os

from conftest import SEEDS, read_csv, seed


def at(anoms, **kw):
    return [a for a in anoms if all(a.get(k) == str(v) for k, v in kw.items())]


def lines(anoms):
    return sorted(int(a["line"]) for a in anoms if a["line"])


def test_period_mismatch(anomalies_of):
    # a TW II report that still says "triwulan I" and "1 Januari s.d 31 Maret" in five places
    assert lines(anomalies_of("002", "period_mismatch")) == [7, 59, 100, 106, 138]
    tw3 = anomalies_of("003", "period_mismatch", report_seq=1)
    assert {"Triwulan III (Dua)", "01 Juli 2025", "April s.d Juni 2025"} <= {a["reported"] for a in tw3}
    assert 367 in lines(tw3)          # a title broken over two lines: "... TRIWULAN" / "II TAHUN 2025"
    # "TW II,III dan IV" repeated down a list of four items is one finding
    assert len(anomalies_of("003", "period_mismatch", report_seq=3)) == 1
    # clean: a TW I report naming TW I; "Triwulan I II" (a split III) in the TW III report
    assert not anomalies_of("004", "period_mismatch")
    assert 443 not in lines(tw3)


def test_year_mismatch(anomalies_of):
    a = anomalies_of("000", "year_mismatch")
    assert [(x["report_seq"], x["reported"]) for x in a] == [("6", "1 Januari s.d 31 Maret 2021"),
                                                             ("7", "1 Januari s.d 31 Maret 2021")]
    b = anomalies_of("004", "year_mismatch")
    assert [(x["line"], x["reported"]) for x in b] == [("226", "dengan tahun 2022")]
    # clean: line 224 compares 2024 with 2023, the year before; 2023 ranges in 2023 reports
    assert not anomalies_of("001", "year_mismatch") and not anomalies_of("002", "year_mismatch")


def test_entity_mismatch_places(anomalies_of):
    a = anomalies_of("002", "entity_mismatch")
    assert [(x["line"], x["reported"]) for x in a] == [("104", "Kecamatan Pasrujambe")]
    b = anomalies_of("003", "entity_mismatch", report_seq=1)
    assert lines(b) == [84, 453]
    # clean: the kantor address "Kelurahan Rogotrunan, Kecamatan Lumajang" in a letter of the bundle
    assert not anomalies_of("003", "entity_mismatch", report_seq=14)


def test_entity_mismatch_units(anomalies_of):
    # the Pengadministrasi report titled "Capaian Kinerja Bendahara Keuangan", text of the Kasubag Keuangan
    staf = anomalies_of("003", "entity_mismatch", report_seq=7)
    assert {x["reported"] for x in staf} == {"Bendahara Keuangan", "Kepala Sub Bag Keuangan"}
    sek = anomalies_of("003", "entity_mismatch", report_seq=3)
    assert [x["reported"] for x in sek] == ["Plt Kasi Pemerintahan"]
    # clean: the Kasubbag Keuangan's own report says "bagian Kepala Sub Bag Keuangan"
    assert not anomalies_of("003", "entity_mismatch", report_seq=5)


def test_entity_mismatch_borrowed_rows(anomalies_of):
    kasi = anomalies_of("000", "entity_mismatch", report_seq=3)
    assert [(x["table_seq"], x["field"]) for x in kasi] == [("0", "indikator")]
    assert "Operasional Perkantoran" in kasi[0]["reported"]
    pm = anomalies_of("000", "entity_mismatch", report_seq=4)
    assert [x["reported"] for x in pm] == ["Meningkatnya Kualitas koordinasi Forkompimca"]
    # clean: the Camat's PK carries its units' indicators by design
    assert not anomalies_of("000", "entity_mismatch", report_seq=1)


def test_narrative_counts(anomalies_of):
    a = anomalies_of("001", "narrative_mismatch")
    assert [(x["line"], x["reported"], x["expected"]) for x in a] == [
        ("65", "0", "1"), ("117", "0", "1"), ("210", "10", "9")]
    camat = anomalies_of("000", "narrative_mismatch", report_seq=1)
    # "dari 7 indikator" (9 rows) once although repeated three times; "1 reached" (none is); LPPDes listed at 100%
    assert [(x["reported"], x["expected"]) for x in camat] == [("7", "9"), ("1", "0"), ("100%", "37%")]


def test_narrative_percentages_and_categories(anomalies_of):
    kasi = [x for x in anomalies_of("000", "narrative_mismatch", report_seq=3) if "%" in x["reported"]]
    assert [(x["reported"], x["expected"]) for x in kasi] == [("64%", "32.00%")]
    # clean: "tercapai 25%" where the mean capaian is 25%
    assert not [x for x in anomalies_of("000", "narrative_mismatch", report_seq=7) if x["reported"] == "25%"]
    sek = anomalies_of("003", "narrative_mismatch", report_seq=3)
    assert [x["reported"] for x in sek] == ["all", "kedua sasaran", "sangat rendah", "sangat rendah", "sangat rendah"]
    # clean: "kedua sasaran" in a report with two sasaran; the scale text "telah memenuhi target"
    assert [x["reported"] for x in anomalies_of("003", "narrative_mismatch", report_seq=5)] == ["all"]
    assert 326 not in lines(anomalies_of("003", "narrative_mismatch", report_seq=1))


def test_narrative_eselon_and_regulation(anomalies_of):
    assert [x["reported"] for x in anomalies_of("000", "narrative_mismatch", report_seq=4)
            if "eselon" in x["reported"]] == ["eselon III"]
    reg = [x for x in anomalies_of("000", "narrative_mismatch", report_seq=7) if x["reported"].startswith("Nomor")]
    assert [(x["reported"], x["expected"]) for x in reg] == [("Nomor 66", "Nomor 96")]
    # clean: the Sekretaris Kecamatan is an eselon III post; "eselon II/Camat" lists posts
    assert not [x for x in anomalies_of("000", "narrative_mismatch", report_seq=2) if "eselon" in x["reported"]]
    assert not [x for x in anomalies_of("001", "narrative_mismatch") if "eselon" in x["reported"]]


def test_target_mismatch(anomalies_of):
    a = anomalies_of("002", "target_mismatch")
    assert len(at(a, table_seq=1)) == 6 and {x["expected"] for x in a} == {"12 Desa", "12 bulan"}
    kasub = anomalies_of("000", "target_mismatch", report_seq=6)
    assert [(x["reported"], x["expected"]) for x in kasub] == [("2 paket", "2 jenis")]
    # across the bundle: the E.81 form writes 95 % where the PK says 95,29%
    e81 = anomalies_of("003", "target_mismatch", report_seq=16)
    assert [(x["reported"], x["expected"]) for x in e81] == [("95 %", "95.29%")]
    # clean: the Sekcam's 27,08 % against the Camat's rounded 27% is the same number
    assert not anomalies_of("000", "target_mismatch", report_seq=2)


def test_budget_mismatch(anomalies_of):
    a = anomalies_of("000", "budget_mismatch")
    assert [(x["report_seq"], x["reported"], x["expected"]) for x in a] == [("2", "247.361.439", "247.561.439")]
    assert not anomalies_of("004", "budget_mismatch")


def _derived_run(tmp_path, name, edit):
    """A seed with one value changed: the same document with a real slip of another kind."""
    src = os.path.join(SEEDS, seed(name))
    d = tmp_path / "in"
    d.mkdir(parents=True)
    text = open(src, encoding="utf-8").read()
    (d / os.path.basename(src)).write_text(text, encoding="utf-8")
    if edit:
        edit(d, text, os.path.basename(src))
    from lkj.pipeline import run
    out = tmp_path / "out"
    run([str(d)], str(out))
    return read_csv(out / "anomalies.csv")


def test_implausible_value(tmp_path):
    # the LRA row 7.01.01.2.06 of 004 with its realisasi raised above its pagu
    def edit(d, text, fname):
        line = next(ln for ln in text.splitlines() if ln.startswith("7.01.01.2.06\t"))
        cells = line.split("\t")
        cells[3] = "2" + cells[2][1:]          # 120.021.483,00 spent 220.021.483,00
        (d / fname).write_text(text.replace(line, "\t".join(cells)), encoding="utf-8")
    a = [x for x in _derived_run(tmp_path, "004", edit) if x["rule"] == "implausible_value"]
    assert len(a) == 1 and a[0]["field"] == "realisasi_anggaran"


def test_implausible_value_clean(anomalies_of):
    # 116% capaian (001 LPPDes) and a negative Surplus/Defisit row (003 LRA) are plausible
    for p in ("000", "001", "002", "003", "004"):
        assert not anomalies_of(p, "implausible_value")


def test_across_quarters(tmp_path):
    # 002 (TW II) beside the same report re-filed as TW III with a lower cumulative realisasi
    def edit(d, text, fname):
        t3 = text.replace("Triwulanan II", "Triwulanan III").replace("TRIWULAN II", "TRIWULAN III")
        t3 = t3.replace("triwulanan II", "triwulanan III").replace("30 Juni 2023", "30 September 2023")
        row = next(ln for ln in t3.splitlines() if ln.startswith("1\tTerlaksananya Fasilitasi dan Koordinasi"))
        t3 = t3.replace(row, row.replace("6 Desa", "3 Desa"), 1)
        (d / ("tw3_" + fname)).write_text(t3, encoding="utf-8")
    anoms = _derived_run(tmp_path, "002", edit)
    dec = [x for x in anoms if x["rule"] == "cumulative_decrease"]
    assert len(dec) == 1 and dec[0]["reported"] == "3 Desa" and dec[0]["source_file"].startswith("tw3_")
    # clean: one quarter alone never fires
    assert not [x for x in _derived_run(tmp_path / "b", "002", None) if x["rule"] == "cumulative_decrease"]


def test_every_anomaly_says_what_and_where(seeds_run):
    for a in seeds_run["anomalies"]:
        assert a["message"].endswith(".") or a["message"].endswith(").")
        assert a["line"] or a["page"], a
        assert a["rule"] and a["severity"] in ("error", "warning", "info")


def test_summary_by_kecamatan(seeds_run):
    s = read_csv(os.path.join(seeds_run["dir"], "summary.csv"))
    row = [r for r in s if r["kecamatan"] == "Senduro" and r["rule"] == "period_mismatch"]
    assert row == [{"kabupaten": "Lumajang", "kecamatan": "Senduro", "rule": "period_mismatch",
                    "severity": "warning", "reports": "1", "reports_flagged": "1", "anomalies": "5"}]


def test_narrative_stated_row_values(anomalies_of):
    # "kegiatan pemeliharaan mencapai realisasi 83,17% dengan efisiensi 28,85%": the table says 85,71% / 28,88%
    a = [x for x in anomalies_of("003", "narrative_mismatch", report_seq=19) if "efisiensi" in x["message"]]
    assert [(x["line"], x["reported"]) for x in a] == [("2556", "83,17% / 28,85%")]
    assert "28.88" in a[0]["expected"]
    # clean: the three other kegiatan of the same sentence are stated as the table gives them


def test_narrative_kegiatan_count(anomalies_of):
    # "Ada Sisa anggaran pada 3 kegiatan yang target kinerjanya belum tercapai" but Tabel 2.3 lists 2 kegiatan
    a = [x for x in anomalies_of("000", "narrative_mismatch", report_seq=3) if "kegiatan with unspent" in x["message"]]
    assert [(x["reported"], x["expected"]) for x in a] == [("3", "2")]
    # clean: "sisa anggaran pada 1 kegiatan" in the 002 report, whose Tabel 2.3 has six kegiatan
    assert not [x for x in anomalies_of("002", "narrative_mismatch") if "kegiatan with unspent" in x["message"]]


def test_summary_table_quoting_realisasi_as_capaian(anomalies_of):
    # "5. ANALISIS PROGRAM" gives CAPAIAN 69.58% / 100%, the realisasi of Tabel 3.3 (capaian 110% / 105%)
    a = [x for x in anomalies_of("003", "narrative_mismatch", report_seq=1) if "that is its realisasi" in x["message"]]
    assert sorted(x["reported"] for x in a) == ["100%", "69.58%"]
    # and it is not also reported as a target_mismatch of the same rows
    tm = anomalies_of("003", "target_mismatch", report_seq=1)
    assert not [x for x in tm if x["table_seq"] == a[0]["table_seq"] and x["row_index"] in {y["row_index"] for y in a}]


def test_budget_mismatch_row_naming_its_item_in_its_own_words(tmp_path):
    # 003's Tabel 3.3 names its programs only by indikator ("Indeks Pelayanan Publik" for the Program
    # Penyelenggaraan Pemerintahan dan Pelayanan Publik of the PK budget, in the same order): its pagu
    # written 7.625.000 against the PK's 7.025.000 is that program's pagu in another value
    def edit(d, text, fname):
        lines = text.split("\n")
        row = lines[358]
        assert row.startswith("2\t") and "Indeks Pelayanan Publik" in row and "\t7.025.000\t" in row
        lines[358] = row.replace("\t7.025.000\t", "\t7.625.000\t")
        (d / fname).write_text("\n".join(lines), encoding="utf-8")
    anoms = _derived_run(tmp_path, "003", edit)
    a = [x for x in anoms if x["rule"] == "budget_mismatch" and x["report_seq"] == "1"]
    assert [(x["report_seq"], x["line"], x["field"], x["reported"], x["expected"]) for x in a] == [
        ("1", "359", "pagu", "7.625.000", "7.025.000")]


SPACED_REPORT = """                        LAPORAN KINERJA TRIWULAN II
                         KECAMATAN SUKAMAJU
                             TAHUN 2022

BAB III
AKUNTABILITAS KINERJA

Tabel 3.1
Perbandingan Capaian Kinerja Tahun 2021 dan 2022

 No   Indikator Kinerja                 Target      Realisasi      Capaian (%)
 1    Indeks Kepuasan Masyarakat        80          81             101,25
 2    Persentase desa yang menyusun     100%        90%            90,00
      APBDes tepat waktu

Laporan ini disusun berdasarkan data sampai dengan tanggal {date}.

Capaian kinerja triwulan II tahun 2022 sebesar 95,63 persen.

                                                       Sukamaju, 5 Juli 2022
                                                       CAMAT SUKAMAJU,



                                                       BUDI SANTOSO, S.Sos
                                                       NIP. 19750505 199803 1 007
"""


def test_a_cut_off_date_of_another_period_in_space_aligned_text(tmp_path):
    """Text laid out with spaces sets its paragraphs apart by blank lines: a title that compares
    years ("Perbandingan ... Tahun 2021 dan 2022") is no part of the sentence below the table, whose
    cut-off date "sampai dengan tanggal 31 Maret 2021" is a year slip (and a quarter's), "... 31 Maret 2022" a period
    slip in a TW II report, "... 30 Juni 2022" none (before: the page was read as one sentence that
    compares, and a date after "tanggal" was no period)."""
    from conftest import Staged

    def found(date):
        (tmp_path / "r.txt").write_text(SPACED_REPORT.format(date=date), encoding="utf-8")
        st = Staged("r.txt", str(tmp_path))
        assert st.parsed.spaced
        (ctx,) = st.contexts
        return sorted((a.rule, a.reported) for a in ctx.found if a.rule in ("year_mismatch", "period_mismatch"))

    assert ("year_mismatch", "sampai dengan tanggal 31 Maret 2021") in found("31 Maret 2021")
    assert found("31 Maret 2022") == [("period_mismatch", "sampai dengan tanggal 31 Maret 2022")]
    assert found("30 Juni 2022") == []


CAMAT_SLIP = """LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)
KECAMATAN MEDAN AMPLAS
TAHUN 2023

BAB I PENDAHULUAN
Kecamatan Medan Amplas merupakan perangkat daerah Pemerintah Kota Medan yang dipimpin oleh Camat.
Laporan kinerja ini disusun sebagai pertanggungjawaban kinerja {camat} selama tahun 2023.

BAB II
Tabel 2.1 Perjanjian Kinerja Tahun 2023
No\tSasaran Strategis\tIndikator Kinerja\tTarget
1\tMeningkatnya kualitas pelayanan publik\tIndeks Kepuasan Masyarakat\t82
"""


def test_the_camat_of_another_kecamatan_of_the_same_city_is_an_entity_slip(tmp_path):
    """"Camat Medan Denai" in a report of Kecamatan Medan Amplas (both of Kota Medan): another
    kecamatan's camat pasted in; "Camat Medan Amplas" is the report's own, and "Camat Bambang
    Sutrisno" a person ("Bambang" is a kecamatan of Mamasa, not of Kota Medan)."""
    from conftest import Staged

    def found(camat):
        (tmp_path / "r.txt").write_text(CAMAT_SLIP.format(camat=camat), encoding="utf-8")
        (ctx,) = Staged("r.txt", str(tmp_path)).contexts
        assert (ctx.meta.kabupaten, ctx.meta.kecamatan) == ("Kota Medan", "Medan Amplas")
        return [(a.reported, a.expected) for a in ctx.found if a.rule == "entity_mismatch"]

    assert found("Camat Medan Denai") == [("Camat Medan Denai", "Camat Medan Amplas")]
    assert found("Camat Medan Amplas") == []
    assert found("Camat Bambang Sutrisno") == []
