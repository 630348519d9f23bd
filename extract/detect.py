"""Decide what an input file is from its content (magic bytes, text decodability), not its name,
and whether it keeps the limits of its kind before a reader spends time on it."""
from __future__ import annotations

import codecs
import io
import json
from dataclasses import dataclass

from lkj.model.errors import InputError
from lkj.model.names import FileFormat
from lkj.model.settings import LimitSettings


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


def _json_data(data: bytes) -> bool:
    """A whole JSON document (an object or an array): data such as a sidecar of metadata or truth
    beside the reports of a folder, which holds report words and values but is no report."""
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] not in (b"{", b"["):
        return False
    try:
        json.loads(data.decode("utf-8-sig"))
    except ValueError:                       # (UnicodeDecodeError too): text that opens with a bracket
        return False
    return True


def _utf16(data: bytes) -> str | None:
    """The codec of text saved as UTF-16 (Windows' "Unicode" text, Notepad's and Word's "Unicode
    Text" export): a byte-order mark, or, without one, the zero byte of every ASCII character on one
    side of each pair.  None when the data is not such text (it does not decode, or decodes into
    control characters: binary data)."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        codec = "utf-16"
    else:
        sample = data[:4096]
        half = len(sample) // 2
        if half < 8:
            return None
        odd, even = sample[1::2].count(0), sample[0::2].count(0)
        if odd >= 0.7 * half and even <= 0.05 * half:
            codec = "utf-16-le"
        elif even >= 0.7 * half and odd <= 0.05 * half:
            codec = "utf-16-be"
        else:
            return None
    try:
        text = codecs.getincrementaldecoder(codec)().decode(data[:8192], final=len(data) <= 8192)
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text.encode("utf-8")) else codec


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
    if data[:4] in (b"II*\x00", b"MM\x00*") or data[:3] == b"\xff\xd8\xff" or data[:8] == b"\x89PNG\r\n\x1a\n":
        return Detected(FileFormat.IMAGE)          # a TIFF, JPEG or PNG page image: read like a scan
    wide = _utf16(data)
    if wide is not None:
        return Detected(FileFormat.TEXT, wide)
    if _looks_binary(data):
        raise InputError("detect", "binary file of an unsupported type (not text, PDF, DOCX or a page image)")
    if _json_data(data):
        raise InputError("detect", "JSON data, not a report (reports are PDF, Word, text, Markdown or HTML "
                                   "exports, or page images)")
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


def check_limits(det: Detected, data: bytes, limits: LimitSettings) -> None:
    """Refuse, with a one-line reason, an input a reader could not read in bounded time and memory:
    a text over `max_text_bytes` or with a line over `max_line_chars`, a DOCX whose parts unpack to
    more than `max_unpacked_bytes` or at a ratio above `max_zip_ratio` (a zip bomb)."""
    if det.format == FileFormat.TEXT:
        if len(data) > limits.max_text_bytes:
            raise InputError("limit", f"text of {len(data):,} bytes is over the limit of {limits.max_text_bytes:,} bytes")
        # line lengths in one pass (a regex for "a run of N non-newlines" retries at every position of
        # every line: seconds on a 10 MB text)
        n = limits.max_line_chars
        parts = data.split(b"\n")
        long = next((i for i, p in enumerate(parts) if len(p) > n and max(map(len, p.split(b"\r"))) > n), None)
        if long is not None:
            line = long + 1
            raise InputError("limit", f"line {line} is over {limits.max_line_chars:,} characters long: "
                                      "not a report text")
    elif det.format == FileFormat.DOCX:
        import zipfile

        try:
            members = zipfile.ZipFile(io.BytesIO(data)).infolist()
        except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
            raise InputError("extract", f"corrupt or unreadable DOCX ({type(exc).__name__})") from None
        if len(members) > limits.max_zip_members:
            raise InputError("limit", f"DOCX holds {len(members):,} parts (limit {limits.max_zip_members:,})")
        unpacked = sum(m.file_size for m in members)
        packed = max(1, sum(m.compress_size for m in members))
        if unpacked > limits.max_unpacked_bytes or unpacked > limits.max_zip_ratio * packed:
            raise InputError("limit", f"DOCX unpacks to {unpacked:,} bytes from {packed:,} "
                                      f"(limits {limits.max_unpacked_bytes:,} bytes, {limits.max_zip_ratio:g}x): "
                                      "a zip bomb or not a document")
