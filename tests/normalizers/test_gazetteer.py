"""The national gazetteer: every kecamatan of Indonesia, multi-word names whole, kabupaten and kota apart."""
from lkj.normalizers.calendar import QUARTER_PHRASE, quarter_number, quarter_of_range
from lkj.normalizers.gazetteer import national


def test_whole_country_is_there():
    g = national()
    assert len(g.kecamatan) == 7097 and len(g.regions) == 514
    provinces = {r.provinsi for r in g.regions}
    assert {"Aceh", "Papua", "Sumatra Utara", "Kalimantan Selatan", "Jawa Timur"} <= provinces


def test_multi_word_names_are_kept_whole():
    g = national()
    n, found = g.longest_kecamatan("Medan Amplas Kota Medan".split())
    assert n == 2 and [(k.name, k.region.label) for k in found] == [("Medan Amplas", "Kota Medan")]
    n, found = g.longest_kecamatan("SALAM BABARIS KABUPATEN TAPIN".split())
    assert n == 2 and [(k.name, k.region.name, k.region.provinsi) for k in found] == [
        ("Salam Babaris", "Tapin", "Kalimantan Selatan")]


def test_kabupaten_and_kota_of_one_name_are_two_regions():
    g = national()
    assert {(r.jenis, r.label) for r in g.regions_named("Malang")} == {("Kabupaten", "Malang"), ("Kota", "Kota Malang")}
    assert [r.label for r in g.regions_named("Malang", "Kota")] == ["Kota Malang"]


def test_a_name_shared_by_several_kabupaten_is_resolved_by_the_kabupaten():
    g = national()
    wonosari = g.kecamatan_named("Wonosari")
    assert len({k.region for k in wonosari}) >= 3
    gunungkidul = g.regions_named("Gunungkidul")[0]
    assert g.match_kecamatan("Wonosari", gunungkidul).region == gunungkidul


def test_spelling_slips_are_forgiven_inside_the_kabupaten_only_when_close():
    g = national()
    tapin = g.regions_named("Tapin")[0]
    assert g.match_kecamatan("Salam Babris", tapin).name == "Salam Babaris"
    assert g.match_kecamatan("KEDUNG JAJANG").name == "Kedungjajang"          # spacing and case only
    assert g.match_kecamatan("Kota Bandung", tapin) is None                   # nothing like it in Tapin
    # nationally only long names, and only very close ones
    assert g.match_kecamatan("Dau") is not None and g.match_kecamatan("Dao") is None


def test_bracketed_alternatives_of_the_source_are_aliases():
    g = national()
    (k,) = g.kecamatan_named("Berastagi")
    assert k.name == "Brastagi" and k.region.name == "Karo"


def test_quarter_in_any_phrasing_and_never_a_semester():
    import re
    rx = re.compile(QUARTER_PHRASE, re.I)

    def q(text):
        m = rx.search(text)
        return quarter_number(m.group(1) or m.group(2)) if m else None

    assert [q(t) for t in ("Triwulan II Tahun 2023", "TW. III", "Trw 4", "Kuartal 2", "Triwulan ke-2",
                           "Triwulan Kedua", "tribulan I", "TRIWULAN IV")] == [2, 3, 4, 2, 2, 2, 1, 4]
    assert q("Semester I Tahun 2023") is None
    assert q("realisasi terbagi di TW II, III dan IV") is None     # a list of quarters names none
    assert quarter_of_range(7, 9) == 3 and quarter_of_range(1, 6) == 2 and quarter_of_range(2, 6) is None
