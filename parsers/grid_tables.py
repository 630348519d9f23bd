"""Tables whose cells the reader knows: tab-separated rows of markdown/HTML exports, character
columns of space-aligned text, PDF rulings and gutters, scans, DOCX.

Reads the header (possibly several rows), maps columns by meaning, then the rows: repeated
headers after a page break and sub-headers continue the same table, "Program"/"Kegiatan"
sub-header rows set the level of the rows below, wrapped cells that the converter put on a row
of their own are joined to the row above.  Every parsed cell keeps the reader's cells it was
read from.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lkj.model.document import Cell, Line
from lkj.model.names import KINERJA, NUMERIC_FIELDS
from lkj.model.parsed import RawCell, RawRow, RawTable
from lkj.normalizers.kode import level_of_kode
from lkj.normalizers.numbers import parse_number
from lkj.normalizers.table_words import sasaran_section
from lkj.normalizers.text import clean, fold

from .headers import (HeaderMap, build_header, is_data_value, is_header_continuation, is_header_row,
                      table_kind)
from .table_rows import budget_level, find_title, is_separator, is_total_text, merge_into, named_level, section_marker


_NUMBER_AND_TEXT = re.compile(r"(\d{1,3}[.)]?)\s+([A-Za-z(].*)")
_PERCENT_LEAD = re.compile(r"%\s*(.*)")
_ENDS_IN_DIGIT = re.compile(r"\d$")
_TWO_VALUES = re.compile(r"(-?\d[\d.,]*\s*%)\s+(-?\d[\d.,]*\s*%)")
_KODE_AND_NAME = re.compile(r"(\d{1,2}(?:\.\d{1,4}){1,6})\s+([A-Za-z(].*)")
_TEXT_ROLES = ("sasaran", "name", "indikator")
_NUMBER_INSIDE = re.compile(r"(\S.*?) (\d{1,2}[.)]) ([A-Za-z(].*)")
_LEADING_NUMBER = re.compile(r"\(?(\d{1,3})")


def _texts(cells: list[Cell]) -> list[str]:
    return [c.text for c in cells]


def _cell_values(cells: list[Cell], hm: HeaderMap) -> tuple[dict[str, tuple[str, list[Cell]]], dict[int, str], list[str]]:
    """role -> (text, its cell) (first non-empty column wins), index -> text for every non-empty cell,
    and every cell's cleaned text."""
    out: dict[str, tuple[str, list[Cell]]] = {}
    texts = [clean(c.text) for c in cells]
    allc: dict[int, str] = {i: t for i, t in enumerate(texts) if t}
    for col in hm.columns:
        if col.role and col.role != "comparison" and col.index < len(cells):
            t = allc.get(col.index, "")
            if t and not (out.get(col.role) or ("", []))[0]:
                out[col.role] = (t, [cells[col.index]])
            elif col.role not in out:
                out[col.role] = ("", [cells[col.index]])
    return out, allc, texts


_DIGIT_LOOKALIKE = str.maketrans({"l": "1", "I": "1", "|": "1", "i": "1", "O": "0", "o": "0"})
_COLUMN_NO = re.compile(r"\(?(\d{1,2})\s*(?:[=\s]*[\d\s/x*:+\-]+)?\)?")


def is_column_numbering(texts: list[str]) -> bool:
    """A row of column numbers ("(1) (2) (3) (4)", "(6=4-5)"): four or more small whole numbers,
    each one more than the one before, and nothing else (an OCR'd copy may lose a bracket or misread
    one number, so one step may be off)."""
    filled = [t.strip() for t in texts if t and t.strip()]
    if len(filled) < 4:
        return False
    nums = []
    for t in filled:
        # a scan's "1" read as "l", "I" or "|", a "0" as "O": a short cell's letters for digits
        m = _COLUMN_NO.fullmatch(t.translate(_DIGIT_LOOKALIKE) if len(t) <= 4 else t)
        if not m:
            return False
        nums.append(int(m.group(1)))
    steps = sum(1 for a, b in zip(nums, nums[1:]) if b == a + 1)
    return steps >= len(nums) - (2 if len(nums) >= 6 else 1)


def _header_word(hm: HeaderMap) -> str | None:
    for c in hm.columns:
        if c.role == "name":
            f = fold(c.label)
            if f.startswith("subkegiatan"):
                return "sub_kegiatan"
            if f.startswith("kegiatan"):
                return "kegiatan"
            if f.startswith("program"):
                return "program"
    return None


_DIGIT = re.compile(r"\d")


class _Builder:
    def __init__(self, hm: HeaderMap, kind: str | None, title: str, line_no: int):
        self.hm = hm
        self.kind = kind
        fields = hm.roles() - {"comparison"}
        # a realisasi table without a Kode column writes each kode at its name's start
        self.kode_in_name = kind == "lra" and "kode" not in fields and "name" in fields
        if self.kode_in_name:
            fields = fields | {"kode"}
        self.table = RawTable(kind or "", title, line_no, None, sorted(fields), dict(hm.formulas),
                              header_text=hm.text, years=list(hm.years))
        # columns the pipeline has no field for keep their label, so their text stays with the row
        self.table.unused = {c.index: (f"{c.group} {c.label}".strip() or f"column {c.index + 1}")
                             for c in hm.columns if c.role is None and (c.label or c.group)}
        self.section: str | None = None
        self.sasaran: tuple[str, list[Cell]] | None = None     # a "Sasaran 1: ..." row's, for the next row
        self.prev_all: dict[int, str] | None = None
        self.header_word = _header_word(hm)
        self.unit_cols = self._unit_columns()
        self._no_index = next((c.index for c in self.hm.columns if c.role == "no"), -1)

    def _unit_columns(self) -> dict[int, str]:
        """Header-less columns right after a numeric column: they may hold that value's unit."""
        out = {}
        for c in self.hm.columns:
            if c.role is None and not c.label and c.index > 0:
                left = self.hm.columns[c.index - 1]
                if left.role in KINERJA:
                    out[c.index] = left.role
        return out

    def add(self, cells: list[Cell], line: Line) -> None:
        texts = _texts(cells)
        if is_separator(texts):
            return
        realigned = self._percent_back(self._realign(cells))
        if realigned is not cells:
            cells, texts = realigned, _texts(realigned)
        sec = section_marker(texts)
        if sec:
            self.section = sec
            self.prev_all = None          # a section label ends the row above it: what follows is a new row
            return
        if is_column_numbering(texts):
            return                          # "(1) (2) (3) ..." under a header repeated after a page break
        if self._sasaran_row(cells, texts):
            return
        vals, allc, cleaned = _cell_values(cells, self.hm)
        if not allc:
            return
        self._split_number(vals)
        if self.kode_in_name:
            m = _KODE_AND_NAME.match(vals.get("name", ("", []))[0])
            if m is not None and level_of_kode(m.group(1)):
                src = vals["name"][1]
                vals["kode"], vals["name"] = (m.group(1), src), (m.group(2), src)
        if line.grid is not None and line.grid not in self.table.grids:
            self.table.grids.append(line.grid)
        rows = self.table.rows
        # a wrapped tail that landed alone in the first column ("Desa")
        if rows and len(allc) == 1 and 0 in allc and not _DIGIT.search(allc[0]) and "no" in self.hm.roles():
            prev = rows[-1]
            key = "name" if prev.text("name") else ("indikator" if prev.text("indikator") else "sasaran")
            merge_into(prev, {key: (allc[0], [cells[0]])})
            return
        if rows and self.prev_all is not None and self._is_continuation(vals, allc):
            merge_into(rows[-1], {k: v for k, v in vals.items() if v[0]})
            self.prev_all = {**(self.prev_all or {}), **allc}
            return
        kode = vals.get("kode", ("", []))[0]
        if kode and not _DIGIT.search(kode) and len(kode.split()) > 2 and not vals.get("name", ("",))[0]:
            vals["name"], vals["kode"] = vals["kode"], ("", [])   # a label ("d. Rata-rata ...") in the kode column
        if self.sasaran is not None:
            if not vals.get("sasaran", ("", []))[0]:
                # the first row under a "Sasaran 1: ..." row takes its sasaran (carried down to the rest)
                vals["sasaran"] = self.sasaran
            self.sasaran = None
        row = RawRow({k: RawCell.of(t, src, line.no, line.page) for k, (t, src) in vals.items()},
                     line=line.no, page=line.page, bbox=line.bbox)
        row.section = self.section
        for idx, role in self.unit_cols.items():
            t = allc.get(idx, "")
            if t and re.fullmatch(r"%|[A-Za-z]{2,12}", t) and role in vals:
                row.cells.setdefault(f"{role}__unit", RawCell.of(t, [cells[idx]], line.no, line.page))
        row.extra = cleaned
        row.source = list(cells)
        rows.append(row)
        self.prev_all = allc

    def _sasaran_row(self, cells: list[Cell], texts: list[str]) -> bool:
        """A row of one cell that names the sasaran of the indicator rows under it ("Sasaran 1:
        Meningkatnya kualitas pelayanan publik"): no row of its own; the next row takes the sasaran
        (the table gets the column when its header has none)."""
        if self.kind not in ("pk", "capaian", "cost_per_outcome", "efisiensi"):
            return False
        filled = [i for i, t in enumerate(texts) if clean(t)]
        # (a line of text across the columns of space-aligned text is cut at their edges: its pieces
        # read together, none of them a value)
        if not filled or any(is_data_value(texts[i]) for i in filled[1:]):
            return False
        sas = sasaran_section(" ".join(clean(texts[i]) for i in filled))
        if sas is None:
            return False
        self.sasaran = (sas, [cells[i] for i in filled])
        if "sasaran" not in self.table.fields:
            self.table.fields = sorted(set(self.table.fields) | {"sasaran"})
        self.prev_all = None
        return True

    def _split_number(self, vals: dict[str, tuple[str, list[Cell]]]) -> None:
        """A row number and the next column's text in one cell: a reader that found no gutter between
        the two columns (one space apart, or one row set a few characters off the others) put them in
        the number's cell ("1. Penunjang Urusan ...": the text goes to the text column right of it,
        when that is empty) or in the text's ("2.   Tertanganinya ..." beside an empty "No" cell: the
        number goes to the "No" column)."""
        if self._no_index < 0:
            return
        no = vals.get("no", ("", []))[0]
        nxt = next((c.role for c in self.hm.columns if c.index > self._no_index and c.role in _TEXT_ROLES), None)
        if nxt is None:
            return
        text = (vals.get(nxt) or ("", []))[0]
        if no and not text:
            m = _NUMBER_AND_TEXT.match(no)
            if m is not None:
                src = vals["no"][1]
                vals["no"] = (m.group(1), src)
                vals[nxt] = (m.group(2), src)
        elif text and not no:
            # the row's expected number (1 or the one after the last row's) at the text's start, or
            # inside it with its dot: the number on the middle line of a row centred on it
            # ("Meningkatnya kualitas" / "1.   fasilitasi dan koordinasi" / "kecamatan", or the number
            # alone on that line)
            expected = (1, self._next_no())
            m = _NUMBER_AND_TEXT.match(text)
            if m is not None and int(m.group(1).rstrip(".)")) in expected:
                vals["no"] = (m.group(1), vals[nxt][1])
                vals[nxt] = (m.group(2), vals[nxt][1])
            elif m is None:
                m = _NUMBER_INSIDE.match(text)
                if m is not None and int(m.group(2).rstrip(".)")) in expected:
                    vals["no"] = (m.group(2), vals[nxt][1])
                    vals[nxt] = (m.group(1) + " " + m.group(3), vals[nxt][1])

    def _next_no(self) -> int:
        """The number the next row of the table would have (1 when no row has a number yet)."""
        for r in reversed(self.table.rows):
            m = _LEADING_NUMBER.match(r.text("no"))
            if m:
                return int(m.group(1)) + 1
        return 1

    def _realign(self, cells: list[Cell]) -> list[Cell]:
        """Undo the converter's column drift.

        A row shifted right (its kode sits in a later column) is shifted back.  A row one cell short
        because a value cell swallowed its neighbour ("100%Fasilitasi yang telah ...") gets the missing
        cells back after the swallowing cell, so the cells to its right keep their columns.
        """
        ncol = len(self.hm.columns)
        if len(cells) < ncol:
            for c in self.hm.columns:
                if c.role in KINERJA and c.index < len(cells) and \
                        re.match(r"^-?\d[\d.,]*\s*%?\s*[A-Za-z]", clean(cells[c.index].text)) \
                        and len(clean(cells[c.index].text)) > 25:
                    ref = cells[c.index]
                    pad = [Cell("", ref.line, ref.page) for _ in range(ncol - len(cells))]
                    cells = cells[:c.index + 1] + pad + cells[c.index + 1:]
                    break
        kode_cols = [c.index for c in self.hm.columns if c.role == "kode"]
        if not kode_cols or clean(cells[kode_cols[0]].text if kode_cols[0] < len(cells) else ""):
            return cells
        first = next((i for i, c in enumerate(cells) if clean(c.text)), None)
        if first is not None and first > kode_cols[0] and re.fullmatch(r"\d+(\.\d+){2,}", clean(cells[first].text)):
            shift = first - kode_cols[0]
            return cells[shift:]
        return cells

    def _percent_back(self, cells: list[Cell]) -> list[Cell]:
        """A percentage sign cut off its number into the next value column ("100" | "% 76,47 %": two
        values one space apart, the column edge found between "100" and its "%"): it goes back to
        its number, and two percentages then left in one cell beside an empty value column are one
        each.  (The cells keep their places; their texts are what the reader lost.)"""
        out = cells
        cols = sorted((c.index for c in self.hm.columns if c.role in NUMERIC_FIELDS and c.index < len(cells)))
        for a, b in zip(cols, cols[1:]):
            if b != a + 1:
                continue
            left, right = clean(out[a].text), clean(out[b].text)
            m = _PERCENT_LEAD.match(right)
            if m and _ENDS_IN_DIGIT.search(left):
                if out is cells:
                    out = list(cells)
                out[a] = replace(out[a], text=f"{left} %")
                out[b] = replace(out[b], text=m.group(1))
        # (the values after it drifted a column left with it: two numbers in one cell, the next value
        # column empty, are that column's too)
        if out is cells:
            return out
        for k, a in enumerate(cols):
            m = _TWO_VALUES.fullmatch(clean(out[a].text))
            if m is None:
                continue
            # the run of value columns right of it up to the first empty one: each takes its left
            # neighbour's value, the empty one the last
            run = [a]
            for b in cols[k + 1:]:
                if b != run[-1] + 1:
                    break
                run.append(b)
                if not clean(out[b].text):
                    break
            if len(run) < 2 or clean(out[run[-1]].text):
                continue
            texts = [m.group(1), m.group(2)] + [clean(out[b].text) for b in run[1:-1]]
            for b, t in zip(run, texts):
                out[b] = replace(out[b], text=t)
        return out

    def _is_continuation(self, vals: dict[str, tuple[str, list[Cell]]], allc: dict[int, str]) -> bool:
        if vals.get("no", ("",))[0] or vals.get("kode", ("",))[0]:
            return False
        prev = self.prev_all or {}
        for i, t in allc.items():
            if i in prev and (is_data_value(t) or parse_number(t).value is not None and re.match(r"^-?\d", t)):
                return False
        numeric_here = [i for i, t in allc.items() if re.match(r"^(rp\.?\s*)?-?\d", t, re.I)]
        if any(i in prev for i in numeric_here):
            return False
        texts = [t for i, t in allc.items() if not re.match(r"^(rp\.?\s*)?-?\d", t, re.I)]
        return bool(texts) or bool(numeric_here)

    def finish(self) -> RawTable:
        _repair_drift(self.table, self.hm)
        for r in self.table.rows:
            r.level = _level(self.table.kind, r, self.header_word)
            if r.level in ("program", "kegiatan", "sub_kegiatan", "total") and self.table.kind == "cost_per_outcome":
                s = r.cells.get("sasaran")
                if s is not None and s.text and not (r.cells.get("name") and r.cells["name"].text):
                    r.cells["name"] = s
                    r.cells["sasaran"] = RawCell("", s.line, s.page)
        if self.table.kind == "cost_per_outcome" and "name" not in self.table.fields:
            self.table.fields.append("name")
        pages = [r.page for r in self.table.rows if r.page is not None]
        if pages:
            self.table.page_start, self.table.page_end = min(pages), max(pages)
        return self.table


def _level(kind: str, r: RawRow, header_word: str | None) -> str | None:
    kode = r.text("kode")
    first = r.text("name") or r.text("sasaran") or r.text("no") or kode
    if kind in ("lra", "pk_budget"):
        if kode and level_of_kode(kode):
            return level_of_kode(kode)
        if is_total_text(first) or is_total_text(kode):
            return "total"
        if kind == "lra":
            return named_level(r.text("name"), r.section) if r.text("name") and not kode else None
        return budget_level(r.text("name") or r.text("sasaran"), r.section, header_word)
    if kind == "cost_per_outcome":
        if kode and level_of_kode(kode):
            return level_of_kode(kode)
        if is_total_text(first):
            return "total"
        if r.section:
            return r.section
        has_kinerja = any(r.text(f) for f in KINERJA)
        has_budget = any(r.text(f) for f in ("pagu", "realisasi_anggaran"))
        if has_kinerja or r.text("indikator") or not has_budget:
            return "indicator"
        return budget_level(r.text("name") or r.text("sasaran"), None, header_word)
    return None


def _repair_drift(table: RawTable, hm: HeaderMap) -> None:
    """A role column empty in every row while an unlabelled neighbour holds its values: move them."""
    if not table.rows:
        return
    for col in hm.columns:
        if col.role not in ("realisasi", "target", "capaian"):
            continue
        if any(r.text(col.role) for r in table.rows):
            continue
        for nb in (col.index - 1, col.index + 1):
            if not 0 <= nb < len(hm.columns) or hm.columns[nb].role is not None:
                continue
            vals = [r.extra[nb] if nb < len(r.extra) else "" for r in table.rows]
            if sum(1 for v in vals if v and (parse_number(v).value is not None or v.strip() == "-")) >= max(1, len(vals) // 2):
                for r, v in zip(table.rows, vals):
                    src = [r.source[nb]] if nb < len(r.source) else []
                    r.cells[col.role] = RawCell.of(v, src, r.line, r.page)
                break


def _row_without_its_empty_cells(part: list[Line], is_row: list[bool], rows: list[list[Cell]], k: int,
                                 text: str) -> bool:
    """A line of a delimited text's table that lost its empty cells: a row with only its first cell
    filled ("Program", "Sasaran 1: ...", a name's wrapped tail) whose trailing tabs or delimiters were
    stripped with the line's trailing white (an editor's "trim trailing whitespace", a converter's
    strip()), so it reads as a line of text.  It stands between the table's rows, the next line
    with text a row of cells from the text (no header: that opens a table), and is a section or
    sasaran label, or a few words in lower case with no digit and no sentence's end."""
    m = k + 1
    while m < len(part) and not part[m].text.strip():
        m += 1
    if m >= len(part) or not is_row[m] or not rows[m] or rows[m][0].span is None or part[m].page is not None:
        return False
    if is_header_row(_texts(rows[m])):
        return False
    if section_marker([text]) or sasaran_section(text) is not None:
        return True
    # (a name's wrapped tail, "yang ditindaklanjuti"; a heading between two tables, "PENYAJIAN DATA",
    # is no row: the table under it may have a header the pipeline does not know)
    return text[0].islower() and len(text.split()) <= 6 and not _DIGIT.search(text) and text[-1] not in ".:;"


def read_grid_tables(lines: list[Line], lo: int, hi: int, year: int | None = None) -> list[RawTable]:
    """Tables among lines[lo:hi] (indices into the document's line list) made of rows with cells
    (`year`: the report's year, for headers that repeat their columns per year)."""
    part = lines[lo:hi]
    texts = [clean(l.text) if l.cells is None else "" for l in part]
    is_row = [l.cells is not None for l in part]
    rows = [l.cells or [] for l in part]
    tables: list[RawTable] = []
    i = 0
    n = len(part)
    while i < n:
        if not is_row[i] or not is_header_row(_texts(rows[i])):
            i += 1
            continue
        hdr_rows = [_texts(rows[i])]
        j = i + 1
        while j < n and is_row[j] and is_header_continuation(_texts(rows[j])) and not section_marker(_texts(rows[j])):
            hdr_rows.append(_texts(rows[j]))
            j += 1
        hm = build_header(hdr_rows, year)
        title = find_title(texts, is_row, i, 0)
        kind = table_kind(hm, title)
        b = _Builder(hm, kind, title, part[i].no)
        grid = part[i].grid
        if grid is not None:
            b.table.grids.append(grid)
        k = j
        while k < n:
            if not part[k].text.strip():
                k += 1
                continue
            if not is_row[k]:
                t = texts[k]
                if not b.table.rows and t and len(t) <= 60:
                    b.table.title = f"{b.table.title} - {t}".strip(" -")
                    k += 1
                    continue
                if t in ("..", "p", "-", "—") or not t:
                    k += 1
                    continue
                if b.table.rows and _row_without_its_empty_cells(part, is_row, rows, k, t):
                    raw = part[k].text.strip()
                    at = part[k].text.find(raw)        # (its span in the line as written)
                    b.add([Cell(raw, line=part[k].no, col=0, span=(at, at + len(raw)))], part[k])
                    k += 1
                    continue
                break
            cells = _texts(rows[k])
            if is_header_row(cells) and not section_marker(cells):
                hm2_rows = [cells]
                m = k + 1
                # a header repeated after a page break has the rows the first one had: the row after
                # it is data, even when short ("Kabupaten/Kota", the tail of a row split by the break)
                while m < n and m - k < len(hdr_rows) and is_row[m] and is_header_continuation(_texts(rows[m])):
                    hm2_rows.append(_texts(rows[m]))
                    m += 1
                hm2 = build_header(hm2_rows, year)
                kind2 = table_kind(hm2, "")
                same = kind2 == kind or kind2 is None or (kind in ("pk", "capaian", "cost_per_outcome")
                                                           and len(hm2.roles() - hm.roles()) == 0)
                if not same:
                    break
                k = m
                continue
            b.add(rows[k], part[k])
            k += 1
        if kind:
            tables.append(b.finish())
        i = k
    return tables
