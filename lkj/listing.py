"""The listing of a run's inputs: every path given, and every entry found under a folder given, each with
what it is before anything reads it.

Nothing is dropped silently: a file is a candidate (read, whatever its name: the content decides
what it is), or it is listed with the reason it is not read: a hidden file or folder under a folder
given, a link to a folder (not followed), the run's own output folder, a FIFO, a device, a socket,
a file over the size limit, a broken link.  Only regular files are read, and a file is hashed with
a bounded read that cannot block (a FIFO is never opened for a blocking read).

A folder of page images of one report (lkj.extract.page_folder: page_1.png ... page_10.png) is one
input, the folder itself, read as one document; each of its page files is listed as read with it.
"""
from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass

from lkj.extract import display_name, not_regular
from lkj.extract.page_folder import folder_sha256, page_files
from lkj.model.settings import LimitSettings

STORE_MARK = "lkj.duckdb"


@dataclass
class Input:
    path: str                      # as on disk (a name that is not UTF-8 keeps its surrogate escapes)
    name: str                      # the path as written to the outputs
    size: int | None = None
    mtime_ns: int | None = None
    skip: str | None = None        # listed, not read: why
    fail: tuple[str, str] | None = None    # (stage, reason) known before reading
    pages: list[str] | None = None         # a folder of page images: its page files in order


def _file(path: str, limits: LimitSettings) -> Input:
    inp = Input(path, display_name(path))
    try:
        st = os.stat(path)
    except FileNotFoundError:
        inp.fail = ("read", "broken link (its target does not exist)" if os.path.islink(path) else "no such file")
        return inp
    except OSError as exc:
        inp.fail = ("read", f"cannot read file: {exc.strerror or exc}")
        return inp
    inp.size, inp.mtime_ns = st.st_size, st.st_mtime_ns
    what = not_regular(st.st_mode)
    if what:
        inp.fail, inp.size = ("read", f"not a regular file: {what}"), None
    elif st.st_size > limits.max_file_bytes:
        inp.fail = ("limit", f"file of {st.st_size:,} bytes is over the limit of {limits.max_file_bytes:,} bytes")
    return inp


def _page_folder(folder: str, pages: list[str], limits: LimitSettings) -> list[Input]:
    """The folder as one input (its size the pages' total, its time the latest of the folder's and
    the pages'), and each page file listed as read with it."""
    inp = Input(folder, display_name(folder), pages=pages)
    out = []
    sizes, times = [], []
    try:
        times.append(os.stat(folder).st_mtime_ns)
    except OSError:
        pass
    for k, p in enumerate(pages, start=1):
        f = _file(p, limits)
        if f.fail and inp.fail is None:
            inp.fail = (f.fail[0], f"page image {os.path.basename(p)}: {f.fail[1]}")
        sizes.append(f.size or 0)
        times.append(f.mtime_ns or 0)
        out.append(Input(p, display_name(p), f.size, f.mtime_ns,
                         skip=f"page {k} of {len(pages)} of the page images in {display_name(folder)}, "
                              f"read with them as one document"))
    inp.size, inp.mtime_ns = sum(sizes), max(times, default=None)
    return [inp] + out


def _same(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def collect(paths: list[str], limits: LimitSettings, out_dir: str | None = None) -> list[Input]:
    """Every input, in a fixed order: the paths as given, a folder's entries sorted by name."""
    out: list[Input] = []
    seen: set[str] = set()

    def add(inp: Input) -> None:
        if inp.path not in seen:
            seen.add(inp.path)
            out.append(inp)

    for top in paths:
        if not os.path.isdir(top):
            add(_file(top, limits))
            continue
        errors: list[OSError] = []
        for root, dirs, files in os.walk(top, onerror=errors.append):
            pages = page_files(root)
            if pages is not None:
                for inp in _page_folder(root, pages, limits):
                    add(inp)
                for f in sorted(files):
                    if f.startswith("."):
                        full = os.path.join(root, f)
                        add(Input(full, display_name(full), skip="hidden file (name starts with '.'): not read"))
                dirs[:] = []
                continue
            keep = []
            for d in sorted(dirs):
                full = os.path.join(root, d)
                n = display_name(full)
                if os.path.islink(full):
                    add(Input(full, n, skip="link to a folder (not followed)"))
                elif d.startswith("."):
                    add(Input(full, n, skip="hidden folder (name starts with '.'): not read"))
                elif (out_dir and _same(full, out_dir)) or os.path.exists(os.path.join(full, STORE_MARK)):
                    add(Input(full, n, skip="an lkj output folder: not read"))
                else:
                    keep.append(d)
            dirs[:] = keep
            for f in sorted(files):
                full = os.path.join(root, f)
                if f.startswith("."):
                    add(Input(full, display_name(full), skip="hidden file (name starts with '.'): not read"))
                else:
                    add(_file(full, limits))
        for e in errors:
            if e.filename and e.filename != top:
                add(Input(e.filename, display_name(e.filename), fail=("read", f"cannot list folder: {e.strerror}")))
            elif e.filename == top:
                add(Input(top, display_name(top), fail=("read", f"cannot list folder: {e.strerror}")))
    return out


def sha256_of(path: str, limits: LimitSettings, pages: list[str] | None = None) -> str:
    """sha256 of a regular file's bytes, read with a bound (OSError or ValueError when it cannot be);
    of a folder of page images (`pages`: its files in order), the hash of their names and hashes."""
    if pages is not None:
        return folder_sha256([(os.path.basename(p), sha256_of(p, limits)) for p in pages])
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ValueError(f"not a regular file: {not_regular(st.st_mode)}")
        h = hashlib.sha256()
        left = limits.max_file_bytes + 1
        while left > 0:
            b = os.read(fd, min(left, 1 << 20))
            if not b:
                break
            h.update(b)
            left -= len(b)
        if left <= 0:
            raise ValueError(f"file grew over the limit of {limits.max_file_bytes:,} bytes")
        return h.hexdigest()
    finally:
        os.close(fd)
