"""PDF text layer -> Document lines with page and bounding box (pdfplumber).

Words are grouped into lines by their baseline; a wide horizontal gap between words becomes a tab,
so a table row printed on one baseline reaches the parsers as cells.
"""
from __future__ import annotations

import hashlib
import io
import os

from .detect import InputError
from .document import Document, Line

GAP = 14.0   # points of empty space between two words that separates two cells


def _line_groups(words, tol: float = 2.5):
    words = sorted(words, key=lambda w: (round(w["top"]), w["x0"]))
    lines: list[list[dict]] = []
    for w in words:
        if lines and abs(lines[-1][0]["top"] - w["top"]) <= tol:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [sorted(l, key=lambda w: w["x0"]) for l in lines]


def read_pdf(path: str, data: bytes) -> Document:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    doc = Document(os.path.basename(path), path, hashlib.sha256(data).hexdigest(), "pdf", [])
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect:
        raise InputError("extract", "encrypted PDF (a password is needed to open it)") from None
    except (PDFSyntaxError, Exception) as exc:  # pdfminer raises many kinds on broken files
        msg = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        raise InputError("extract", f"corrupt or unreadable PDF ({msg})") from None
    no = 0
    empty_pages = 0
    with pdf:
        doc.n_pages = len(pdf.pages)
        for pno, page in enumerate(pdf.pages, start=1):
            words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
            if not words:
                empty_pages += 1
                continue
            for group in _line_groups(words):
                parts = [group[0]["text"]]
                for a, b in zip(group, group[1:]):
                    parts.append("\t" if b["x0"] - a["x1"] > GAP else " ")
                    parts.append(b["text"])
                no += 1
                bbox = (min(w["x0"] for w in group), min(w["top"] for w in group),
                        max(w["x1"] for w in group), max(w["bottom"] for w in group))
                doc.lines.append(Line(no, "".join(parts), pno, bbox))
    if doc.n_pages == 0:
        raise InputError("extract", "PDF has no pages")
    if not doc.lines:
        raise InputError("extract", f"no text layer on any of the {doc.n_pages} pages (scanned PDF: OCR needed)")
    if empty_pages:
        doc.warnings.append(f"{empty_pages} of {doc.n_pages} pages have no text layer (not OCRed)")
    return doc
