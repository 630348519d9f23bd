"""An uploaded file extracted into the run: checked before anything is written (name, size, content),
saved under DIR/uploads/, read by the pipeline, its records added to the run's tables.

A file already in the run (same sha256) is not read again: its rows are returned."""
from __future__ import annotations

import hashlib
import os

from fastapi import HTTPException

from lkj.extract.detect import detect
from lkj.model.errors import InputError
from lkj.model.names import FileFormat

from ..pipeline import process_path

NAMED = {".pdf": FileFormat.PDF, ".docx": FileFormat.DOCX}
TEXT_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm", "")


def check_upload(name: str, data: bytes, limit: int) -> FileFormat:
    """The format of an acceptable upload, or the HTTP error refusing it (nothing is written before)."""
    if not name:
        raise HTTPException(400, "the upload has no file name")
    if "/" in name or "\\" in name or "\x00" in name or name in (".", "..") or name.startswith("."):
        raise HTTPException(400, f"the file name must be a plain name without folders, not {name!r}")
    if len(data) > limit:
        raise HTTPException(413, f"{name} is larger than the upload limit of {_size(limit)}")
    try:
        det = detect(data)
    except InputError as exc:
        raise HTTPException(415, f"{name} cannot be read: {exc}")
    suffix = os.path.splitext(name)[1].lower()
    claimed = NAMED.get(suffix)
    if claimed is not None and det.format != claimed:
        raise HTTPException(415, f"{name} is named {suffix} but is not a {claimed.value.upper()} "
                                 f"(its content is {det.format.value})")
    if claimed is None and not (det.format == FileFormat.TEXT and suffix in TEXT_SUFFIXES):
        raise HTTPException(415, f"{name}: only PDF, DOCX, text (.txt, .md) and HTML (.html) files are taken")
    return det.format


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB" if n >= 1024 * 1024 else f"{n / 1024:g} kB"


def _result(st, sha: str, already: bool) -> dict:
    db = st.db
    reports = db.records("reports", "source_sha256 = ?", [sha], order="report_seq")
    ids = [r["report_id"] for r in reports]
    q = ",".join("?" * len(ids)) or "NULL"
    return {"already_in_run": already, "source_sha256": sha, "reports": reports,
            "rows": db.records("rows", f"report_id IN ({q})", ids, order="row_id") if ids else [],
            "anomalies": db.records("anomalies", f"report_id IN ({q})", ids, order="anomaly_id") if ids else []}


def accept_upload(st, name: str, data: bytes) -> dict:
    check_upload(name, data, st.settings.serve.max_upload_bytes)
    sha = hashlib.sha256(data).hexdigest()
    if st.db.count("reports", "source_sha256 = ?", [sha]):
        return _result(st, sha, True)
    folder = st.db.uploads_dir()
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    if os.path.exists(path):
        with open(path, "rb") as fh:
            if hashlib.sha256(fh.read()).hexdigest() != sha:
                stem, ext = os.path.splitext(name)
                path = os.path.join(folder, f"{stem}-{sha[:8]}{ext}")
    with st.extract_lock:      # one extraction at a time: the machine's cores are shared
        if not os.path.exists(path):
            with open(path, "wb") as fh:
                fh.write(data)
        res, failure = process_path(path, st.settings)
        if failure is not None:
            if not st.db.count("failures", "source_sha256 = ?", [sha]):
                st.db.insert("failures", [failure])
            raise HTTPException(422, f"{name} could not be extracted ({failure['stage']}): {failure['error']}")
        for table in ("reports", "rows", "anomalies", "cells", "review"):
            st.db.insert(table, res.records[table])
    return _result(st, sha, False)
