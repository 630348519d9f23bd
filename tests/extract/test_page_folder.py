"""When a folder is one report of page images (extract/page_folder.py): files only, all page images,
one naming pattern told apart by a page number; pages in the natural order of that number."""
import io
import os

from PIL import Image

from lkj.extract.page_folder import folder_sha256, page_files


def _png() -> bytes:
    buf = io.BytesIO()
    Image.new("L", (40, 60), 255).save(buf, "PNG")
    return buf.getvalue()


def _jpeg() -> bytes:
    buf = io.BytesIO()
    Image.new("L", (40, 60), 255).save(buf, "JPEG")
    return buf.getvalue()


def _folder(tmp_path, files: dict[str, bytes]):
    d = tmp_path / "f"
    d.mkdir()
    for name, data in files.items():
        (d / name).write_bytes(data)
    return str(d)


def test_numbered_pages_in_natural_order(tmp_path):
    d = _folder(tmp_path, {f"page_{k}.png": _png() for k in (1, 2, 10, 9)} | {".DS_Store": b"\x00\x01"})
    assert [os.path.basename(p) for p in page_files(d)] == ["page_1.png", "page_2.png", "page_9.png", "page_10.png"]


def test_bare_numbers_and_mixed_case_and_extensions(tmp_path):
    d = _folder(tmp_path, {"001.JPG": _jpeg(), "002.jpeg": _jpeg(), "003.png": _png()})
    assert [os.path.basename(p) for p in page_files(d)] == ["001.JPG", "002.jpeg", "003.png"]


def test_separate_scans_are_not_one_report(tmp_path):
    """Scans named by what they are, not by a page number: each is read on its own."""
    assert page_files(_folder(tmp_path, {"kec_sukamaju_tw1.png": _png(), "kec_sukajadi_tw1.png": _png()})) is None


def test_not_only_page_images(tmp_path):
    assert page_files(_folder(tmp_path, {"page_1.png": _png(), "page_2.pdf": b"%PDF-1.4\n"})) is None
    one = tmp_path / "one"
    one.mkdir()
    (one / "page_1.png").write_bytes(_png())
    assert page_files(str(one)) is None            # a single image is read as a file


def test_a_subfolder_or_a_repeated_number_is_not_one_report(tmp_path):
    d = _folder(tmp_path, {"page_1.png": _png(), "page_2.png": _png()})
    os.mkdir(os.path.join(d, "more"))
    assert page_files(d) is None
    e = tmp_path / "e"
    e.mkdir()
    (e / "page_1.png").write_bytes(_png())
    (e / "page_01.png").write_bytes(_png())
    assert page_files(str(e)) is None


def test_folder_hash_follows_names_order_and_content():
    a = folder_sha256([("p1.png", "aa"), ("p2.png", "bb")])
    assert a != folder_sha256([("p2.png", "bb"), ("p1.png", "aa")])
    assert a != folder_sha256([("p1.png", "aa"), ("p3.png", "bb")])
    assert a != folder_sha256([("p1.png", "aa"), ("p2.png", "cc")])
    assert a == folder_sha256([("p1.png", "aa"), ("p2.png", "bb")])
