"""A folder of page images of one report: scanned pages saved one file a page (page_1.png,
page_2.png ... page_10.png; 001.jpg, 002.jpg; scan0001.tif ...) are one document, its pages in
the order of their numbers.

A folder is such a report when, hidden entries aside,
- it holds files only (no subfolder), at least two, each a page image by its first bytes (TIFF,
  JPEG, PNG), and
- their names follow one pattern: the same once their digits are taken out and case folded
  ("page_#", "scan#", "#"), so that only a page number tells them apart, and no two have the same
  numbers.
The pages go in the natural order of those numbers (page_2 before page_10).  Anything else, say a
folder of scans named after their kecamatan, or a page image beside a PDF, is a folder of separate
inputs, each read on its own.

The folder's content hash (what the run's store keys it by) is the hash of its pages' names and
hashes in page order, so that renaming, adding, removing or changing a page is a new content.

Hand-written: the decision above (no library decides what a folder of images is).
"""
from __future__ import annotations

import hashlib
import os
import re
import stat

_NUMBER = re.compile(r"\d+")
_IMAGE_HEADS = (b"II*\x00", b"MM\x00*", b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")


def _is_image(path: str) -> bool:
    """Does a regular file start like a TIFF, JPEG or PNG (read without blocking on it)?"""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        head = os.read(fd, 8)
    except OSError:
        return False
    finally:
        os.close(fd)
    return any(head.startswith(h) for h in _IMAGE_HEADS)


def _key(name: str) -> tuple[str, tuple[int, ...]]:
    """(pattern, numbers) of a file name: "Page_10.PNG" -> ("page_#", (10,))."""
    stem = os.path.splitext(name)[0]
    return _NUMBER.sub("#", stem).lower(), tuple(int(d) for d in _NUMBER.findall(stem))


def page_files(folder: str) -> list[str] | None:
    """The paths of a folder's page images in page order when the folder is one report of page
    images (see the module's note); None when it is not."""
    try:
        with os.scandir(folder) as it:
            entries = [e for e in it if not e.name.startswith(".")]
    except OSError:
        return None
    if len(entries) < 2:
        return None
    try:
        if any(e.is_dir(follow_symlinks=False) or not e.is_file() for e in entries):
            return None
    except OSError:
        return None
    keys = {e.name: _key(e.name) for e in entries}
    if len({k[0] for k in keys.values()}) != 1 or "#" not in next(iter(keys.values()))[0]:
        return None
    if len({k[1] for k in keys.values()}) != len(keys):
        return None
    if not all(_is_image(e.path) for e in entries):
        return None
    return [e.path for e in sorted(entries, key=lambda e: (keys[e.name][1], e.name))]


def folder_sha256(pages: list[tuple[str, str]]) -> str:
    """The content hash of a folder of page images from (file name, sha256 of its bytes) in page order."""
    h = hashlib.sha256(b"lkj page folder\n")
    for name, sha in pages:
        h.update(name.encode("utf-8", "surrogateescape") + b"\0" + sha.encode() + b"\n")
    return h.hexdigest()
