"""Text saved with the habits of the tools that hand it on (benchmarks/bench_habits.py measures them
on the development set): each reads as the text it was before."""
import os
import re

from conftest import SEEDS, seed


def _doc(tmp_path, data: bytes, name="t.txt"):
    from lkj.extract import read
    from lkj.model.settings import DEFAULT

    p = tmp_path / name
    p.write_bytes(data)
    return read(str(p), DEFAULT)


def _tables(doc):
    """Each table's kind and its rows' cell texts, as the parsers read them."""
    from lkj.parsers.report_parser import parse_document

    return [(t.kind, [{f: c.text for f, c in r.cells.items() if c.text} for r in t.rows])
            for rep in parse_document(doc).reports for t in rep.tables]


def _seed_bytes(prefix: str) -> bytes:
    with open(os.path.join(SEEDS, seed(prefix)), "rb") as fh:
        return fh.read()


def _unexpand(text: str) -> str:
    """As `unexpand -a`: a run of two spaces or more that reaches a tab stop (every 8) becomes tabs."""
    out = []
    for line in text.split("\n"):
        res, col = [], 0
        for m in re.finditer(r" +|[^ ]+", line):
            s = m.group()
            end = col + len(s)
            if s[0] == " " and len(s) >= 2 and end // 8 > col // 8:
                res.append("\t" * (end // 8 - col // 8) + " " * (end % 8))
            else:
                res.append(s)
            col = end
        out.append("".join(res))
    return "\n".join(out)


def _layout_report(pages: int = 1) -> str:
    """A small report laid out with spaces (as pdftotext -layout writes one): a paragraph, then a
    capaian table of sixteen rows, on one page or over two (its header repeated, a page number
    under each page)."""
    things = ["surat keluar", "dokumen arsip", "desa tertib", "laporan keuangan", "kepuasan warga", "arsip tertata",
              "forum koordinasi", "konflik selesai"]
    inds = [f"{lead} {thing}" for lead in ("Persentase", "Jumlah") for thing in things]
    sas = [f"Meningkatnya {word} {thing.split()[0]}" for word in ("layanan", "mutu") for thing in things]
    head = (f"{'No':<5}{'Sasaran':<30}{'Indikator Kinerja':<30}{'Target':>10}{'Realisasi':>12}{'Capaian':>10}")
    rows = [f"{k + 1:<5}{sas[k]:<30}{ind:<30}{f'{80 + k}%':>10}"
            f"{f'{60 + k},50%':>12}{f'{(60 + k + .5) / (80 + k) * 100:.2f}%'.replace('.', ','):>10}"
            for k, ind in enumerate(inds)]
    prose = ["Capaian kinerja triwulan ini diukur dengan membandingkan target dan realisasi setiap",
             "indikator kinerja yang tertuang dalam perjanjian kinerja, sehingga dapat diketahui",
             "sejauh mana sasaran yang telah ditetapkan dapat dicapai oleh kecamatan pada triwulan",
             "berjalan. Hasil pengukuran tersebut disajikan pada tabel berikut ini, disertai dengan",
             "uraian singkat atas capaian masing-masing indikator dan kendala yang dihadapi dalam",
             "pelaksanaan kegiatan selama triwulan pertama tahun anggaran berjalan."]
    top = ["LAPORAN KINERJA TRIWULAN I TAHUN 2024", "KECAMATAN CONTOH", "", *prose, "", "Tabel 2.2 Capaian Kinerja",
           "", head]
    if pages == 1:
        return "\n".join(top + rows + ["", "", "BAB III", ""])
    first = top + rows[:8] + ["", "", f"{'1':>50}"]
    second = [head] + rows[8:] + ["", "", "BAB III", "", f"{'2':>50}"]
    return "\n".join(first) + "\n\f" + "\n".join(second) + "\n"


def test_a_report_saved_as_utf16_reads_as_its_utf8_text(tmp_path):
    # Windows' "Unicode" text (Notepad, Word's "Unicode Text"): with its byte-order mark, or without
    # one. Before: "binary file of an unsupported type", nothing read
    text = _seed_bytes("004").decode("utf-8")
    want = _tables(_doc(tmp_path, text.encode("utf-8")))
    assert want and sum(len(rows) for _, rows in want) > 20
    for codec in ("utf-16", "utf-16-le", "utf-16-be"):
        assert _tables(_doc(tmp_path, text.encode(codec))) == want, codec


def test_binary_data_with_zero_bytes_is_still_refused(tmp_path):
    import pytest

    from lkj.model.errors import InputError

    for data in (b"\x00" * 5000, b"a\x00\x01\x00" * 3000, bytes(range(256)) * 20):
        with pytest.raises(InputError, match="binary file"):
            _doc(tmp_path, data)


def test_tabs_that_stand_for_spaces_are_read_as_the_spaces(tmp_path):
    # the text laid out with spaces, then its runs of spaces compressed to tabs at 8-column stops:
    # read as tab-delimited cells before, no table came out of it
    text = _layout_report()
    want = _tables(_doc(tmp_path, text.encode()))
    assert want == [("capaian", want[0][1])] and len(want[0][1]) == 16
    assert want[0][1][0]["indikator"] == "Persentase surat keluar" and want[0][1][0]["capaian"] == "75,62%"
    packed = _unexpand(text)
    assert "\t" in packed and packed.expandtabs(8) == text
    doc = _doc(tmp_path, packed.encode())
    assert any("tabs stand for spaces" in w for w in doc.warnings)
    assert _tables(doc) == want
    # a flat text layer whose trailing and inner runs of spaces were compressed so (seed 000)
    flat = _seed_bytes("000").decode("utf-8")
    assert _tables(_doc(tmp_path, _unexpand(flat).encode())) == _tables(_doc(tmp_path, flat.encode()))


def test_a_tab_delimited_export_keeps_its_tabs_as_cells(tmp_path):
    doc = _doc(tmp_path, _seed_bytes("003"))
    assert not any("tabs stand for spaces" in w for w in doc.warnings)
    assert sum(1 for ln in doc.lines if ln.cells is not None) > 1000


def test_a_form_feed_at_the_end_of_a_pages_last_line_opens_the_next_page(tmp_path):
    text = _layout_report(pages=2)
    want_doc = _doc(tmp_path, text.encode())
    want = _tables(want_doc)
    assert want_doc.n_pages == 2 and [len(rows) for _, rows in want] == [16]     # one table over the break
    moved = text.replace("\n\f", "\f\n")
    assert "\n\f" not in moved
    doc = _doc(tmp_path, moved.encode())
    assert doc.n_pages == 2 and _tables(doc) == want


def test_a_double_spaced_text_reads_as_its_single_spaced_text(tmp_path):
    # each line's end doubled (a viewer's copy writing each line as a paragraph): a lone blank line is
    # a line break, three blank lines were one; each line keeps its number in the file given
    for name, text in (("seed 000", _seed_bytes("000").decode("utf-8")), ("laid out", _layout_report(pages=2))):
        want = _tables(_doc(tmp_path, text.encode()))
        doubled = "\n\n".join(text.split("\n"))
        doc = _doc(tmp_path, doubled.encode())
        assert any("double-spaced" in w for w in doc.warnings), name
        assert _tables(doc) == want, name
        src = doubled.split("\n")
        for ln in doc.lines:
            if ln.cells is None:
                assert src[ln.no - 1].replace("\f", "") == ln.text.replace("\f", ""), name
            else:
                assert all(c.text in src[ln.no - 1] for c in ln.cells), name
    # a text whose lines run on without blank lines between them is no double-spaced one
    assert not any("double-spaced" in w for w in _doc(tmp_path, _seed_bytes("003")).warnings)


def test_a_tab_row_that_lost_its_empty_cells_stays_in_its_table(tmp_path):
    # "trim trailing whitespace": the section row "Program\t\t\t\t\t" became "Program", a line of text
    # that ended the table; the programme rows under it were lost
    rows = ["No\tSasaran / Program\tIndikator Kinerja\tPagu Anggaran\tRealisasi\t%\tTarget\tR\t%",
            "1\tMeningkatnya layanan warga\tIndeks layanan warga\t\t\t\t80\t84,00\t105%",
            "2\tTertibnya arsip desa\tPersentase arsip tertata\t\t\t\t90%\t45%\t50%",
            "Program\t\t\t\t\t\t\t\t", "",
            "1\tProgram Layanan Warga\tIndeks layanan warga\t1.000.000\t250.000\t25,00%\t\t\t",
            "2\tProgram Arsip Desa\tPersentase arsip tertata\t2.000.000\t1.500.000\t75,00%\t\t\t"]
    text = "\n".join(["LAPORAN KINERJA TRIWULAN I TAHUN 2024", "KECAMATAN CONTOH", "",
                      "Tabel 2.3 Cost per outcome Camat", "", *rows, "", "Demikian laporan ini."]) + "\n"
    want = _tables(_doc(tmp_path, text.encode()))
    assert [k for k, _ in want] == ["cost_per_outcome"] and len(want[0][1]) == 4
    stripped = "\n".join(x.rstrip() for x in text.split("\n"))
    assert "Program\n" in stripped
    got = _tables(_doc(tmp_path, stripped.encode()))
    assert got == want
    assert got[0][1][2]["name"] == "Program Layanan Warga" and got[0][1][2]["pagu"] == "1.000.000"


def test_trailing_white_on_every_line_says_nothing_of_a_flat_rows_empty_cells(tmp_path):
    # three spaces after every line with text: before, every one-word line read as a section row of
    # empty cells ("Kegiatan   "), and rows of seed 000 split there
    text = _seed_bytes("000").decode("utf-8")
    want = _tables(_doc(tmp_path, text.encode()))
    padded = "\n".join(x + "   " if x.strip() else x for x in text.split("\n"))
    assert _tables(_doc(tmp_path, padded.encode())) == want
