"""Hostile and odd inputs: each kind ends in the dataset, or in failures / the files table with its
one-line reason; none reads without bound, none stops the batch or the summary."""
import os
import subprocess
import sys

import pytest

from conftest import ROOT, SEEDS, SHARED, read_csv, seed
from oddfiles import cyclic_pages_pdf, image_page_pdf, zip_bomb_docx


@pytest.fixture(scope="module")
def odd_run(tmp_path_factory):
    """One CLI run over a folder holding one input of every odd kind, beside a good report."""
    base = tmp_path_factory.mktemp("odd")
    src = base / "in"
    src.mkdir()
    good = open(os.path.join(SEEDS, seed("002")), "rb").read()
    (src / "good.txt").write_bytes(good)
    os.symlink("/dev/urandom", src / "urandom.pdf")
    os.symlink("/dev/zero", src / "zero.txt")
    os.mkfifo(src / "pipe.txt")
    os.symlink("missing.txt", src / "broken_link.txt")
    os.symlink("good.txt", src / "relative_link.txt")          # a relative link to a report: read (a duplicate)
    (src / "oneline.txt").write_bytes(b"LAPORAN KINERJA " + b"9" * 2_000_000)
    # a truth file beside its PDF, as the shared corpus keeps them (report words and values, as JSON)
    (src / "001.word.truth.json").write_bytes(
        open(os.path.join(SHARED, "corpus", "pdf", "001_c564c03b0f034995.word.truth.json"), "rb").read())
    (src / "bomb.docx").write_bytes(zip_bomb_docx(40))
    (src / "strip.pdf").write_bytes(image_page_pdf(595, 200_000))
    (src / "pages_cycle.pdf").write_bytes(cyclic_pages_pdf())
    (src / "[bold]markup[red] x.txt").write_text("Daftar belanja: [/'Im4'] beras [red]telur[/]\n")
    (src / "ctrl_\x1b[31mred\x07.txt").write_text("catatan \x1b[2J biasa\n")
    latin1 = os.path.join(os.fsencode(src), "latin1_\xe9t\xe9.txt".encode("latin-1"))
    with open(latin1, "wb") as fh:
        fh.write(good + b"\n")                                  # other bytes than good.txt: read, not a duplicate
    out = base / "out"
    res = subprocess.run([sys.executable, "-m", "lkj.cli", "extract", str(src), "--out", str(out), "--workers", "2",
                          "--file-timeout", "60"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    files = {os.path.basename(f["path"]): f for f in read_csv(out / "files.csv")}
    return {"res": res, "files": files, "out": out, "src": src}


def test_the_batch_finishes_without_a_traceback(odd_run):
    res = odd_run["res"]
    assert res.returncode == 1, res.stderr
    assert "Traceback" not in res.stderr and "Error:" not in res.stderr.split("failed")[0]


def test_special_files_are_refused_without_reading(odd_run):
    f = odd_run["files"]
    assert (f["urandom.pdf"]["status"], f["urandom.pdf"]["reason"]) == ("failed", "not a regular file: a character device")
    assert f["zero.txt"]["reason"] == "not a regular file: a character device"
    assert (f["pipe.txt"]["stage"], f["pipe.txt"]["reason"]) == ("read", "not a regular file: a FIFO (named pipe)")
    assert f["broken_link.txt"]["reason"] == "broken link (its target does not exist)"


def test_a_relative_link_to_a_report_is_read(odd_run):
    f = odd_run["files"]
    assert f["good.txt"]["status"] == "done"
    assert f["relative_link.txt"]["status"] == "duplicate"
    assert f["relative_link.txt"]["duplicate_of"].endswith("good.txt")


def test_a_line_of_two_million_characters_is_no_report(odd_run):
    f = odd_run["files"]["oneline.txt"]
    assert (f["stage"], f["reason"]) == ("limit", "line 1 is over 1,000,000 characters long: not a report text")


def test_json_data_beside_the_reports_is_no_report(odd_run):
    f = odd_run["files"]["001.word.truth.json"]                 # it was read as a report of 4 rows
    assert (f["status"], f["stage"]) == ("failed", "detect")
    assert f["reason"].startswith("JSON data, not a report")


def test_text_opening_with_a_bracket_is_still_read_as_text():
    from lkj.extract.detect import detect
    from lkj.model.names import FileFormat

    good = open(os.path.join(SEEDS, seed("002")), "rb").read()
    assert detect(b"[Logo Kabupaten]\n" + good).format == FileFormat.TEXT
    assert detect(b'{"note": 1}\n' + good).format == FileFormat.TEXT     # JSON only in part


def test_a_zip_bomb_in_a_docx_is_not_unpacked(odd_run):
    f = odd_run["files"]["bomb.docx"]
    assert f["stage"] == "limit"
    assert f["reason"].startswith("DOCX unpacks to 41,9") and f["reason"].endswith("a zip bomb or not a document")


def test_a_page_too_large_to_render_is_not_rendered(odd_run):
    f = odd_run["files"]["strip.pdf"]
    assert f["status"] == "failed"
    assert f["reason"] == "no text on any of the 1 pages (no text layer, nothing read by OCR)"


def test_a_page_tree_that_is_its_own_parent_is_a_failure(odd_run):
    f = odd_run["files"]["pages_cycle.pdf"]
    assert f["status"] == "failed" and f["reason"] == "PDF has no pages"


def test_markup_and_control_characters_from_inputs_are_shown_not_obeyed(odd_run):
    res, f = odd_run["res"], odd_run["files"]
    assert "not an LKj report" in f["[bold]markup[red] x.txt"]["reason"]
    assert "[bold]markup[red] x.txt" in res.stderr              # printed as written, not as markup
    assert "\x1b" not in res.stderr and "\x07" not in res.stderr
    assert "ctrl_\\x1b[31mred\\x07.txt" in res.stderr
    assert "ctrl_\x1b[31mred\x07.txt" in f                       # the files table keeps the real name


def test_a_name_that_is_not_utf8_lands_written_safely(odd_run):
    f = odd_run["files"]
    assert f["latin1_\\xe9t\\xe9.txt"]["status"] == "done"
    reports = read_csv(odd_run["out"] / "reports.csv")
    assert "latin1_\\xe9t\\xe9.txt" in {r["source_file"] for r in reports}


def test_only_regular_files_are_read_by_the_reader(tmp_path):
    from lkj.extract import read_input
    from lkj.model.errors import InputError
    from lkj.model.settings import LimitSettings

    os.mkfifo(tmp_path / "fifo")
    with pytest.raises(InputError, match="^not a regular file: a FIFO"):
        read_input(str(tmp_path / "fifo"), LimitSettings())
    with pytest.raises(InputError, match="^not a regular file: a character device$"):
        read_input("/dev/urandom", LimitSettings())
    (tmp_path / "big.txt").write_bytes(b"x" * 2048)
    with pytest.raises(InputError, match="^file of 2,048 bytes is over the limit of 1,000 bytes$"):
        read_input(str(tmp_path / "big.txt"), LimitSettings(max_file_bytes=1000))


def test_a_text_over_the_text_limit_is_refused_before_decoding():
    from lkj.extract import read_bytes
    from lkj.model.errors import InputError
    from lkj.model.settings import LimitSettings, Settings

    s = Settings(limits=LimitSettings(max_text_bytes=1000))
    with pytest.raises(InputError, match="^text of 1,001 bytes is over the limit of 1,000 bytes$"):
        read_bytes("x.txt", b"a\n" * 500 + b"b", s)


def test_a_reason_holding_markup_is_printed_as_written():
    """A broken PDF's object dump in a reason ("[/'Im4', ...]") once crashed the end summary."""
    import io

    from rich.console import Console

    from lkj.cli import _print_summary
    from lkj.pipeline import RunSummary

    s = RunSummary(files=1, failures=[{"source_file": "x[/b].pdf", "source_sha256": "", "stage": "extract",
                                       "error": "corrupt or unreadable PDF ([/'Im4', /'Im5'] \x1b[2J)",
                                       "path": "in/x[/b].pdf"}])
    buf = io.StringIO()
    _print_summary(Console(file=buf, width=200), s, "out[/x]")
    text = buf.getvalue()
    assert "failed in/x[/b].pdf: corrupt or unreadable PDF ([/'Im4', /'Im5'] \\x1b[2J)" in text
    assert "\x1b[2J" not in text
