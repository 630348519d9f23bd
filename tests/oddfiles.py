"""Odd and hostile inputs, made on the spot, for the tests and the fuzz script: PDFs whose objects
refer to each other in a circle, image-only pages of huge size, a DOCX that unpacks to far more than
its size, text of one enormous line, and the fixtures' bytes mutated."""
from __future__ import annotations

import io
import random
import zipfile


def pdf_of(objs: list[str | bytes], root: int = 1) -> bytes:
    """A PDF of the given objects (numbered from 1) with a correct cross-reference table."""
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        body = o if isinstance(o, bytes) else o.encode("latin-1")
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def cyclic_length_pdf() -> bytes:
    """A page whose content stream's /Length is a reference to a reference to itself."""
    return pdf_of([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 5 0 R >>\nstream\nBT /F1 11 Tf 72 770 Td (LAPORAN KINERJA) Tj ET\nendstream",
        "6 0 R",
        "5 0 R",
    ])


def cyclic_pages_pdf() -> bytes:
    """A page tree whose kid is its own parent."""
    return pdf_of([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 /Parent 2 0 R >>",
    ])


def image_page_pdf(width: float, height: float) -> bytes:
    """One image-only page (no text layer) of width x height points: a grey image stretched over it."""
    img = bytes([200]) * 64
    return pdf_of([
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width:g} {height:g}] "
        "/Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
        (lambda c: f"<< /Length {len(c)} >>\nstream\n{c}\nendstream")(f"q {width:g} 0 0 {height:g} 0 0 cm /Im1 Do Q"),
        b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Length 64 >>\nstream\n" + img + b"\nendstream",
    ])


def zip_bomb_docx(unpacked_mb: int = 40) -> bytes:
    """A DOCX-looking zip whose document.xml unpacks to `unpacked_mb` MB of one repeated byte."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        with z.open("word/document.xml", "w") as fh:
            chunk = b" " * (1 << 20)
            for _ in range(unpacked_mb):
                fh.write(chunk)
    return buf.getvalue()


def mutate(data: bytes, rng: random.Random, kind: str | None = None) -> bytes:
    """The bytes changed the way archives change them: truncated, bytes flipped, a run deleted or
    repeated, garbage inserted, re-encoded."""
    kind = kind or rng.choice(["truncate", "flip", "delete", "repeat", "insert", "encode", "zero"])
    n = len(data)
    if not n:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    a = rng.randrange(n)
    b = min(n, a + rng.randrange(1, max(2, n // 20)))
    if kind == "truncate":
        return data[:a]
    if kind == "flip":
        out = bytearray(data)
        for _ in range(rng.randrange(1, 40)):
            out[rng.randrange(n)] = rng.randrange(256)
        return bytes(out)
    if kind == "delete":
        return data[:a] + data[b:]
    if kind == "repeat":
        return data[:b] + data[a:b] * rng.randrange(2, 6) + data[b:]
    if kind == "insert":
        return data[:a] + bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))) + data[a:]
    if kind == "encode":
        try:
            return data.decode("utf-8").encode(rng.choice(["utf-16", "utf-32", "cp1252", "latin-1"]), "replace")
        except (UnicodeDecodeError, UnicodeEncodeError):
            return data[::-1]
    return data[:a] + b"\x00" * (b - a) + data[b:]
