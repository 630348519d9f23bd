"""Tables in flat text from a PDF text layer: cells broken over lines and interleaved.

Written by hand (no library reconstructs rows from a text dump).  The header's words give the
column order; each row is anchored by its row number and by its group of numeric values; the
text lines between anchors are split into sasaran / indikator (or name / indikator) at the first
line that starts like an indicator ("Persentase ...", "Jumlah ...", "Rata-rata ...").  A row whose
values sit on its first line ("1 Mengoptimalka Persentase hasil 89% 27% 30%") takes the blocks
that follow as the continuations of its cells; a unit broken over lines ("12 / Dokum / en") is
joined back to its number; text after the last value goes to Keterangan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lkj.model.parsed import RawCell, RawRow, RawTable
from lkj.normalizers.text import clean, fold

from .headers import HEADER_WORDS
from .table_rows import budget_level, find_title, is_total_text

IND_KW = re.compile(r"^(persentase|persentasi|prosentase|presentase|jumlah|rata\s*-?\s*rata|indeks|nilai|tingkat|"
                    r"cakupan|rasio|angka)\b", re.I)
SAS_KW = re.compile(r"^(meningkatnya|mengoptimalkan|terlaksananya|terselenggaranya|tersedianya|tercapainya|"
                    r"terpenuhinya|tepenuhinya|optimalnya|terwujudnya|menurunnya|terfasilitasinya)\b", re.I)
# the header words of a flat table (the words that open a row are not among them) and the
# fragments a PDF text layer breaks them into
HEADER_TOKENS = ({w for w in HEADER_WORDS if w not in ("satuan", "uraian", "persentase", "sisa", "jumlah")}
                 | {"no", "n", "o", "targe", "realiasasi", "capai", "an", "ket", "efisien", "si", "t", "r", "%",
                    "(%)", "5=4/5", "sasaran/"})
_UNIT_WORDS = ("dokumen", "laporan", "paket", "desa", "unit", "bulan", "jenis", "kegiatan", "orang")
_MONEY = r"(?:Rp\.?\s*)?(?:\d{1,3}(?:\.\d{3})+(?:,\d+|,-+)?|\d{1,3}(?:,\d{3}){2,})(?:,-+)?"
_TOKEN = re.compile(
    r"(?P<money>" + _MONEY + r")"
    r"|(?P<rpdash>Rp\.?\s*-+|Rp\.?\s*0\b)"
    r"|(?P<pct>-?\d+(?:[.,]\d+)?\s*%)"
    r"|(?P<qty>\d+(?:[.,]\d+)?\s+(?:" + "|".join(_UNIT_WORDS) + r")\w*)"
    r"|(?P<num>-?\d+(?:[.,]\d+)?)", re.I)

NEED = {"pk": 1, "capaian": 3, "cost_per_outcome": 3, "pk_budget": 1}   # values that complete a row
COLUMNS = {
    "pk": ["target"],
    "capaian": ["target", "realisasi", "capaian"],
    "cost_per_outcome": ["pagu", "realisasi_anggaran", "capaian_anggaran", "target", "realisasi", "capaian",
                         "efisiensi"],
    "pk_budget": ["pagu"],
}


def _words(t: str) -> list[str]:
    return [w for w in re.split(r"\s+", t.strip().lower()) if w]


_LONG_HEADER = ("efisiensi", "capaian", "realisasi", "realiasasi", "indikator", "kegiatan", "sasaran", "target",
                "anggaran", "keterangan", "strategis")


def _hword(w: str) -> bool:
    """A header word, or a fragment of one broken by the PDF layout ("Efisie" / "nsi", "Capaia" / "n")."""
    if w in HEADER_TOKENS or re.fullmatch(r"\d", w):
        return True
    return len(w) >= 3 and any(h.startswith(w) or h.endswith(w) for h in _LONG_HEADER)


def _header_line(t: str) -> bool:
    ws = _words(t)
    return bool(ws) and all(_hword(w) for w in ws) and not all(re.fullmatch(r"\d", w) for w in ws)


def _body_header_line(t: str) -> bool:
    """Inside a table body only a clear header line (sub-header, repeated header) is skipped."""
    ws = _words(t)
    return _header_line(t) and (len(ws) >= 2 or len(ws[0]) >= 4)


def _kind_of(header: str, title: str) -> str | None:
    f = fold(header)
    if "anggaran" in f and ("efisien" in f or "kinerja" in f) and ("pagu" in f or "tr" in f):
        return "cost_per_outcome"
    if ("realisasi" in f or "realiasasi" in f) and "target" in f:
        return "capaian"
    if "indikator" in f and "target" in f:
        return "pk"
    if ("program" in f or "kegiatan" in f) and "anggaran" in f and "indikator" not in f:
        return "pk_budget"
    return None


def _split_values(t: str) -> tuple[str, list[str], str]:
    """(text before the values, value tokens, text after the values) of one line."""
    s = t.strip()
    toks = list(_TOKEN.finditer(s))
    if not toks:
        return s, [], ""
    # the value run: consecutive tokens separated by spaces only
    runs: list[list[re.Match]] = []
    for m in toks:
        if runs and not s[runs[-1][-1].end():m.start()].strip():
            runs[-1].append(m)
        else:
            runs.append([m])
    for run in runs:
        before = s[:run[0].start()].strip()
        after = s[run[-1].end():].strip()
        # a value run ends the line, or starts it (then text may follow: "100% Ktp,kk,A");
        # a bare number before text is a row number, not a value
        if not before and after and all(m.lastgroup == "num" for m in run):
            continue
        if not after or not before:
            if before and re.search(r"[A-Za-z]$", before) and len(run) == 1 and run[0].lastgroup == "num" \
                    and after == "":
                pass
            return before, [m.group(0).strip() for m in run], after
    return s, [], ""


@dataclass
class _Row:
    line: int
    no: str = ""
    text: list[tuple[int, str]] = field(default_factory=list)     # (block index, text)
    values: list[str] = field(default_factory=list)
    ket: list[str] = field(default_factory=list)
    inline: bool = False
    inline_parts: tuple[str, str] | None = None
    ket_mode: bool = False
    section: str | None = None


def _split_inline(text: str) -> tuple[str, str]:
    m = re.search(r"\s(" + IND_KW.pattern[1:].replace("\\b", "") + r")\b", " " + text, re.I)
    if m:
        i = m.start() - 1 if m.start() > 0 else 0
        i = max(0, i)
        return text[:i].strip(), text[i:].strip()
    return text.strip(), ""


def _assign(kind: str, r: _Row, section: str | None) -> dict[str, str]:
    out: dict[str, str] = {"no": r.no}
    budget_row = kind == "pk_budget" or (kind == "cost_per_outcome" and (section or _looks_budget(r)))
    first_col = "name" if budget_row else "sasaran"
    a: list[str] = []
    b: list[str] = []
    if r.inline_parts is not None:
        s0, i0 = r.inline_parts
        a.append(s0)
        if i0:
            b.append(i0)
        blocks = sorted({bi for bi, _ in r.text})
        for bi, t in r.text:
            (a if blocks and bi == blocks[0] and len(blocks) > 1 else b).append(t)
    else:
        target = a
        for idx, (_, t) in enumerate(r.text):
            if target is a and idx > 0 and IND_KW.match(t) and kind != "pk_budget":
                target = b
            elif target is a and idx == 0 and IND_KW.match(t) and not budget_row:
                target = b
            target.append(t)
    out[first_col] = clean(" ".join(a))
    if kind != "pk_budget":
        out["indikator"] = clean(" ".join(b))
    cols = COLUMNS[kind]
    vals = list(r.values)
    if kind == "cost_per_outcome":
        if budget_row:
            cols = ["pagu", "realisasi_anggaran", "capaian_anggaran", "efisiensi"]
        else:
            cols = ["target", "realisasi", "capaian", "efisiensi"]
    for c, v in zip(cols, vals):
        out[c] = v
    if len(vals) > len(cols):      # two lines of values in one cell ("0" / "0"): keep them together
        out[cols[-1]] = " ".join(vals[len(cols) - 1:])
    if r.ket:
        out["keterangan"] = clean(" ".join(r.ket))
    return out


def _looks_budget(r: _Row) -> bool:
    return any(re.search(r"\d{1,3}(\.\d{3})+", v) for v in r.values)


def read_flat_tables(lines, lo: int, hi: int) -> list[RawTable]:
    raws = [l.text for l in lines[lo:hi]]
    texts = [clean(t) for t in raws]
    n = len(raws)
    tables: list[RawTable] = []
    i = 0
    while i < n:
        if not texts[i] or not _header_line(texts[i]) or not re.match(r"^(no|n|program|kegiatan)\b", texts[i], re.I):
            i += 1
            continue
        # the header: consecutive header-word lines (blank lines allowed), then an optional numbering line
        j, hdr = i, []
        while j < n and (not texts[j] or _header_line(texts[j])) and j - i < 20:
            if texts[j]:
                hdr.append(texts[j])
            j += 1
        if j < n and re.fullmatch(r"(\d\s*)+", texts[j] or "x"):
            j += 1
        header = " ".join(hdr)
        title = find_title(texts, [l.cells is not None for l in lines[lo:hi]], i, max(0, i - 40))
        kind = _kind_of(header, title)
        if kind is None:
            i = j
            continue
        table, j = _read_body(kind, lines, lo, texts, j, n)
        table.title, table.line_start, table.header_text = title, lines[lo + i].no, header
        if table.rows:
            tables.append(table)
        i = j
    return tables


def _is_prose(t: str) -> bool:
    if re.match(r"^(tabel\b|\d\.\d\.?\s|bab\b|dari gambaran|ada sisa|tidak ada sisa|hal-hal|terkait|untuk mewujudkan|"
                r"dalam kurun|berdasarkan)", t, re.I):
        return True
    before, vals, after = _split_values(t)
    return len(t) >= 58 and not vals


def _read_body(kind: str, lines, lo: int, texts: list[str], j: int, n: int) -> tuple[RawTable, int]:
    fields = {"pk": ["no", "sasaran", "indikator", "target"],
              "capaian": ["no", "sasaran", "indikator", "target", "realisasi", "capaian", "keterangan"],
              "cost_per_outcome": ["no", "sasaran", "name", "indikator", "pagu", "realisasi_anggaran",
                                   "capaian_anggaran", "target", "realisasi", "capaian", "efisiensi"],
              "pk_budget": ["no", "name", "pagu"]}[kind]
    table = RawTable(kind, "", None, None, fields)
    rows: list[tuple[_Row, str | None]] = []
    cur: _Row | None = None
    section: str | None = None
    block = 0
    k = j
    while k < n:
        t = texts[k]
        if not t:
            block += 1
            k += 1
            continue
        if _is_prose(t):
            break
        if _body_header_line(t):
            w = _words(t)
            if len(w) == 1 and w[0] in ("program", "kegiatan"):
                nxt = next((texts[m] for m in range(k + 1, min(n, k + 4)) if texts[m]), "")
                if cur is None or re.match(r"^\d+\.?(\s|$)", nxt) or nxt.lower().startswith(w[0]):
                    if cur is not None:
                        rows.append((cur, section))
                        cur = None
                    section = w[0]
                    k += 1
                    continue
            elif "anggaran" in w and kind != "cost_per_outcome" and kind != "pk_budget":
                break
            elif "anggaran" in w and kind == "pk_budget":
                break
            else:
                k += 1
                continue
        rowno, rest = "", t
        b0, v0, _ = _split_values(t)
        if re.fullmatch(r"\d{1,2}\.", t):
            rowno, rest = t[:-0 or None], ""
        elif v0 and not b0:
            if re.fullmatch(r"\d{1,2}", t) and (cur is None or len(cur.values) >= NEED[kind]):
                rowno, rest = t, ""
        else:
            m = re.match(r"^(\d{1,2}\.?)\s+(\S.*)$", t)
            if m:
                rowno, rest = m.group(1), m.group(2)
        before, vals, after = _split_values(rest)
        starts_row = bool(rowno)
        if not starts_row and cur is not None and before:
            if cur.ket_mode:
                starts_row = bool(IND_KW.match(before) or SAS_KW.match(before))
            elif cur.inline:
                starts_row = IND_KW.match(before) is not None and len({b for b, _ in cur.text}) >= 2
            elif cur.values:
                starts_row = not _unit_fragment(cur, before) and (
                    len(cur.values) >= NEED[kind] or bool(IND_KW.match(before) or SAS_KW.match(before)))
        if not starts_row and cur is not None and not before and vals and kind == "pk_budget" and cur.values:
            starts_row = True
        if starts_row or cur is None:
            if cur is not None:
                rows.append((cur, section))
            cur = _Row(lines[lo + k].no, rowno)
            block = 0
            if before and vals:
                cur.inline = True
                cur.inline_parts = _split_inline(before) if kind != "pk_budget" else (before, "")
            elif before:
                cur.text.append((block, before))
        else:
            if before:
                if cur.ket_mode:
                    cur.ket.append(before)
                elif _unit_fragment(cur, before) and not vals:
                    cur.values[-1] = f"{cur.values[-1]} {before}"
                    k += 1
                    continue
                else:
                    cur.text.append((block, before))
        if vals:
            cur.values.extend(vals)
        if after:
            cur.ket.append(after)
            cur.ket_mode = True
        k += 1
    if cur is not None:
        rows.append((cur, section))
    for r, sec in rows:
        vals = _assign(kind, r, sec)
        rr = RawRow({f: RawCell(vals.get(f, ""), r.line) for f in fields}, line=r.line)
        rr.section = sec
        if kind == "pk_budget":
            rr.level = "total" if not vals.get("name") or is_total_text(vals.get("name", "")) else \
                budget_level(vals.get("name", ""), None, "kegiatan" if "kegiatan" in fold(table.header_text) else "program")
        elif kind == "cost_per_outcome":
            if sec or _looks_budget(r):
                rr.level = sec or budget_level(vals.get("name", ""), None, None)
                rr.cells["sasaran"] = RawCell("", r.line)
            else:
                rr.level = "indicator"
                rr.cells["name"] = RawCell("", r.line)
        if not any(rr.cells[f].text for f in fields if f != "no"):
            continue
        table.rows.append(rr)
    return table, k


def _unit_fragment(cur: _Row, t: str) -> bool:
    """'Dokum' / 'en' / 'dokumen' after a number without unit: the rest of that number's unit."""
    if not cur.values or len(t) > 9 or " " in t.strip():
        return False
    last = cur.values[-1]
    m = re.match(r"^(\d+)((?:\s+\S+)*)$", last)
    if not m:
        return False
    so_far = re.sub(r"\s+", "", m.group(2)).lower() + t.strip().lower()
    return len(so_far) >= 2 and any(u.startswith(so_far) or (so_far.startswith(u) and len(so_far) - len(u) <= 2)
                                    for u in _UNIT_WORDS)
