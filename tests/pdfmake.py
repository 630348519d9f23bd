"""Small hand-made PDFs for failure-mode tests (a text page, an encrypted file, a blank page)."""
from __future__ import annotations


def make_pdf(lines: list[str] | None, encrypt: bool = False) -> bytes:
    """A one-page PDF showing `lines` in Helvetica (None: a blank page); `encrypt` adds a standard
    security handler whose user password is not empty, so the file cannot be opened without it."""
    content = ""
    if lines:
        ops = ["BT", "/F1 11 Tf", "72 770 Td", "14 TL"]
        for ln in lines:
            ops.append("(" + ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ") Tj T*")
        ops.append("ET")
        content = "\n".join(ops)
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
    ]
    if encrypt:
        objs.append("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
                    "/O <" + "11" * 32 + "> /U <" + "22" * 32 + "> >>")
    out = b"%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{o}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objs) + 1} /Root 1 0 R"
    if encrypt:
        trailer += f" /Encrypt {len(objs)} 0 R /ID [<{'ab' * 16}> <{'ab' * 16}>]"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
