"""The command line's inputs as the ecosystem's tools take them: shell globs whether the shell
expanded them or not ('corpus/*.pdf' quoted is expanded here), `-` for standard input (read into a
temporary file named `stdin`), and every missing input named at once."""
from __future__ import annotations

import glob
import os
import shutil
import sys
import tempfile
from contextlib import contextmanager
from typing import BinaryIO, Iterator


def expand(inputs: list[str]) -> tuple[list[str], list[str]]:
    """(paths, missing): a path that does not exist but holds glob characters is expanded (recursively
    for '**'); what matches nothing is missing."""
    paths: list[str] = []
    missing: list[str] = []
    for p in inputs:
        if p == "-" or os.path.exists(p):
            paths.append(p)
        elif glob.has_magic(p):
            hits = sorted(glob.glob(p, recursive=True))
            if hits:
                paths += hits
            else:
                missing.append(p)
        else:
            missing.append(p)
    return paths, missing


@contextmanager
def stdin_as_file(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[list[str]]:
    """The paths with `-` replaced by a temporary file holding standard input (removed afterwards)."""
    if "-" not in paths:
        yield paths
        return
    tmp = tempfile.mkdtemp(prefix="lkj-stdin-")
    try:
        f = os.path.join(tmp, "stdin")
        with open(f, "wb") as fh:
            shutil.copyfileobj(stdin or sys.stdin.buffer, fh)
        yield [f if p == "-" else p for p in paths]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
