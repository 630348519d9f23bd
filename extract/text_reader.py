"""Read a text submission (PDF text layer dumps, markdown/HTML conversions) into a Document."""
from __future__ import annotations

import hashlib
import os

from .detect import Detected
from .document import Document, Line


def read_text(path: str, data: bytes, detected: Detected) -> Document:
    text = data.decode(detected.encoding or "utf-8")
    # keep line numbering identical to the source: splitlines() would also split on \x0c, \x1c..
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    lines = [Line(no=i + 1, text=t.replace("\x0c", "")) for i, t in enumerate(raw_lines)]
    doc = Document(
        source_file=os.path.basename(path),
        source_path=path,
        sha256=hashlib.sha256(data).hexdigest(),
        fmt="text",
        lines=lines,
    )
    if detected.note:
        doc.warnings.append(detected.note)
    return doc
