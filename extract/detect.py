"""Decide what an input file is from its content (magic bytes, text decodability), not its name."""
from __future__ import annotations

from dataclasses import dataclass

from lkj.model.errors import InputError
from lkj.model.names import FileFormat


@dataclass(frozen=True)
class Detected:
    format: FileFormat
    encoding: str | None = None
    note: str | None = None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl > max(8, len(sample) // 50)


def detect(data: bytes) -> Detected:
    if not data or not data.strip():
        raise InputError("detect", "empty file (no content)")
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return Detected(FileFormat.PDF)
    if data[:4] == b"PK\x03\x04":
        if b"word/document.xml" in data[:200_000] or b"word/" in data[:200_000]:
            return Detected(FileFormat.DOCX)
        raise InputError("detect", "ZIP archive that is not a Word document (no word/document.xml)")
    if _looks_binary(data):
        raise InputError("detect", "binary file of an unsupported type (not text, PDF or DOCX)")
    if data.startswith(b"\xef\xbb\xbf"):
        return Detected(FileFormat.TEXT, "utf-8-sig")
    try:
        data.decode("utf-8")
        return Detected(FileFormat.TEXT, "utf-8")
    except UnicodeDecodeError as exc:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError("decode", f"text is neither UTF-8 nor Windows-1252 (byte {exc.start})") from None
        return Detected(FileFormat.TEXT, "cp1252",
                        note=f"not UTF-8 (invalid byte at offset {exc.start}); decoded as Windows-1252")
