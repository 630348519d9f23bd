"""Rows of a table in flat text: which lines make one row, and which words go to which cell.

Written by hand (no library rebuilds table rows from a text layer).  A PDF text layer without
layout writes a row as its cells one after the other: the row number with the first cell's first
line, each text cell as a block of lines (blank lines between cells), the row's numbers on one
line.  Some converters put the first line of every cell on the row's first line, numbers included,
and the rest of each wrapped cell below ("1 Tersedianya Jumlah Paket 1 Paket 0 Paket 0 %" /
"Pakaian Dinas ..." / "Pakaian Dinas ..."); some put the numbers first; a short table may stand on
one line; a Word document's text (docx2txt) writes every cell as a paragraph of its own, the
header's labels too, each followed by a blank line.  So a row is opened by its row number (or kode
rekening, or a total label), or by text that follows a row already complete: one whose numbers came after its text, or whose wrapped
cells have all been continued.

The words of a row's first line are divided among its cells by what the rest of each cell says:
a cell wrapped at a column width W keeps every line within W and breaks a line only where the
next word would not fit, and the column's width is the same in every row of the table.  Texts read
unambiguously elsewhere in the same report (the same sasaran in the PK table), the capital that
opens a cell, and the words that commonly open an indicator's name are the tie-breakers.
The numbers are matched to the header's value columns by their shapes (rupiah amounts, percentages,
quantities with units) in the header's order.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import combinations, combinations_with_replacement

from lkj.normalizers.grades import is_grade
from lkj.normalizers.sign_off import is_sign_off
from lkj.normalizers.table_words import sasaran_section
from lkj.normalizers.text import clean, collapse, fold, join_lines
from lkj.normalizers.units import is_unit_start, is_unit_word

from .flat_header import (FlatHeader, header_words, is_header_line, label_roles, opens_header_at, read_header,
                          split_header_labels)
from .flat_values import DASH, GRADE, MONEY, NUM, PCT, QTY, Piece, is_numbering_line, split_line
from .flat_widths import CHARS, Measure, width_violation
from .table_rows import is_total_text

# the words an indicator's name commonly opens with (Indonesian performance vocabulary); a weak cue only
_INDICATOR_OPENING = re.compile(r"^(persentase|persentasi|prosentase|presentase|jumlah|rata\s*-?\s*rata|indeks|"
                                r"nilai|tingkat|cakupan|rasio|angka|proporsi|banyaknya|capaian|skor|predikat)\b", re.I)
_SECTION = {"program": "program", "kegiatan": "kegiatan", "subkegiatan": "sub_kegiatan"}
_HEADING = re.compile(r"^(bab\s+[ivx]+\b|tabel\s+\d|sumber\s*:|\d\.\d\.?\s+[A-Z]|\d\.\d\d?\.\s+[A-Z])", re.I)
_KODE_START = re.compile(r"^\d{1,2}\.\d{2}")


@dataclass
class TextLine:
    text: str
    line: int
    block: int
    phase: str          # "pre": before the row's numbers; "post": on a later line; "same": after them on their line
    col: int | None = None   # the text column the empty cells before it put it in (a paragraph a cell), if known


@dataclass
class FlatRow:
    line: int
    first_line: int
    no: Piece | None = None
    kode: Piece | None = None
    texts: list[TextLine] = field(default_factory=list)
    vals: list[Piece] = field(default_factory=list)
    section: str | None = None
    vals_block: int | None = None
    values_first: bool = False       # the numbers came on the row's first line, or before any text
    value_tails: bool = False        # a value's unit was wrapped below the row's text: its text cells are done
    skips: list[int] = field(default_factory=list)   # per value, the empty cells right before it (-1: unknown)
    lead_gap: int = 0                # blank lines before the row's first text (empty cells before it: docx2txt)
    paragraphs: bool = False         # read from a text with a blank line after every line: each line a cell's
    sasaran: TextLine | None = None  # the sasaran a "Sasaran 1: ..." line above the row names

    def post_blocks(self) -> int:
        return len({t.block for t in self.texts if t.phase == "post"})


def _lone_grade(text: str) -> bool:
    """A grade of one letter alone on its line ("B"): a row's value or the end of a broken word."""
    t = text.strip()
    return len(t) == 1 and is_grade(t)


def _closing_sentence(texts: list[TextLine]) -> bool:
    """Lines that read as a sentence of their own: three words or more, the first capitalised, the
    last ending in a full stop."""
    words = " ".join(t.text for t in texts).split()
    return len(words) >= 3 and words[0][:1].isupper() and words[-1].endswith(".") and not words[-1][-2:-1].isdigit()


class RowReader:
    """Reads the body of one table, line by line, into FlatRows; stops where the table ends."""

    def __init__(self, header: FlatHeader):
        self.h = header
        self.kind = header.kind
        self.rows: list[FlatRow] = []
        self.cur: FlatRow | None = None
        self.block = 0
        self.section: str | None = None
        self.last_no = 0
        self.resumed = -1                # the index of the first row after a header repeated in the body
        self.centred = False             # rows centred on their numbers (see _centred_head)
        self.n_core = len(header.text_cols)
        self.n_vals = len(header.value_cols)
        self.widest = 0                  # the longest text line of the table's rows so far
        self.gap = 0                     # blank lines right above the line being read
        self.skip = -1                   # the empty cells they stand for (one paragraph per cell), -1: unknown
        self.dense = self.double = False  # a body without blank lines; with one after every line
        self.raws: list[str] | None = None
        self.sasaran: TextLine | None = None     # a "Sasaran 1: ..." line's sasaran, for the next row

    # -- rows --------------------------------------------------------------------------------
    def _new(self, line: int, no: Piece | None = None, kode: Piece | None = None) -> FlatRow:
        head: list[TextLine] = []
        if no is not None or kode is not None:
            self._absorb_leftover()
            if self.dense:
                head = self._centred_head()
        self.cur = FlatRow(line, line, no, kode, section=self.section, paragraphs=self.double,
                           sasaran=self.sasaran)
        self.sasaran = None
        self.cur.texts = [TextLine(t.text, t.line, t.block, "pre") for t in head]
        self.rows.append(self.cur)
        if no is not None and re.match(r"\d+", no.text):
            self.last_no = int(re.match(r"\d+", no.text).group(0))
        return self.cur

    def _centred_head(self) -> list[TextLine]:
        """Rows centred on their numbers, the text lines side by side (pdfplumber's extract_text of a
        Word table: a cell's lines above and below the line of the row's number and values): the text
        before a table's first numbered row is that row's; once that is seen, of the lines after a
        row's numbers it keeps as many as stand above them, and the rest open the next row."""
        c = self.cur
        if c is None:
            return []
        if c.no is None and c.kode is None and not c.vals and c.texts and len(self.rows) == 1:
            self.rows.pop()
            self.cur = None
            self.centred = True
            return c.texts
        if not self.centred or (c.no is None and c.kode is None) or not c.vals:
            return []
        post = [t for t in c.texts if t.phase == "post"]
        above = sum(1 for t in c.texts if t.phase == "pre" and t.line < c.vals[0].line)
        moved = post[above:]
        if moved:
            c.texts = [t for t in c.texts if all(t is not m for m in moved)]
        return moved

    def _absorb_leftover(self) -> None:
        """Text alone (no number, no values) after a row whose cells already went on below its numbers,
        or right after the header repeated on the next page, before the next numbered row or the
        table's end, is more of those cells, not a row."""
        c = self.cur
        if c is None or c.vals or c.no is not None or c.kode is not None or not c.texts or len(self.rows) < 2:
            return
        prev = self.rows[-2]
        # (or the first text after the header repeated over a page: the rest of the row before it)
        over_page = self.resumed == len(self.rows) - 1
        # (or a later cell's rest after empty cells: a Word row broken over a page, docx2txt)
        later_cell = self.double and c.lead_gap > 4
        if self.rows[-1] is not c or prev.values_first and not over_page or not prev.vals \
                or prev.section != c.section \
                or not (over_page or later_cell or any(t.phase != "pre" for t in prev.texts)):
            return
        if not (over_page or later_cell) and all(t.phase != "post" for t in prev.texts) \
                and (c.texts[0].block != prev.texts[-1].block or self.double) and _closing_sentence(c.texts):
            # the row's last cell written after its numbers, on their line ("... 80% Belum tercapai"),
            # then a blank line (with a blank line after every line, blank lines part no blocks) and a
            # sentence: the paragraph under the table, not more of that cell
            return
        # (a paragraph a cell: the empty cells before the text, two blank lines each after the one that
        # ends the row's last cell, say which text column it continues)
        col = (c.lead_gap - 1) // 2 - (1 if self.h.has_no else 0) if later_cell and not over_page else None
        col = col if col is not None and 0 <= col < self.n_core else None
        prev.texts += [TextLine(t.text, t.line, t.block, "post", col) for t in c.texts]
        self.rows.pop()
        self.cur = prev

    def _expected(self, no: str) -> bool:
        m = re.match(r"\d+", no)
        return bool(m) and int(m.group(0)) in (self.last_no + 1, 1)

    def _complete(self, r: FlatRow) -> bool:
        """A row that text at the start of a block no longer continues."""
        if not r.vals:
            return False
        if not r.values_first or r.value_tails:
            return True
        return r.post_blocks() >= max(1, self.n_core)

    # -- lines -------------------------------------------------------------------------------
    def read(self, texts: list[str], lines: list[int], j: int, raws: list[str] | None = None) -> int:
        """Read from index j; return the index where the table ends (raws: the lines as written,
        whose trailing blanks tell an empty row of cells from a line of text)."""
        self.raws = raws
        n = len(texts)
        double = _double_spaced(texts, j)
        self.dense = _dense(texts, j)
        self.double = double
        at_block = True
        k = j
        while k < n:
            t = texts[k]
            if not t:
                if not double:
                    self.block += 1
                at_block = True
                k += 1
                continue
            # blank lines right above: more than four are empty cells skipped (a Word table's text,
            # docx2txt: each cell a paragraph and a blank line), the row's own cells done
            self.gap = 0
            while self.gap < k - j and not texts[k - 1 - self.gap]:
                self.gap += 1
            # with a blank line after every paragraph, an empty cell is two blank lines of its own
            self.skip = (self.gap - 1) // 2 if self.double and self.gap >= 1 else -1
            kode_table = self.h.kode or self.kind == "lra"     # (a kode opens an LRA row even in its name column)
            if _HEADING.match(t) and not (kode_table and _KODE_START.match(t)) or is_sign_off(t):
                break
            if (at_block or self.dense) and self._section(t, texts, k):
                k += 1
                continue
            sas = sasaran_section(t) if self.kind in ("pk", "capaian", "cost_per_outcome", "efisiensi") else None
            if sas is not None:
                # "Sasaran 1: Meningkatnya ...", across the table: the sasaran of the rows below it
                self._absorb_leftover()
                self.cur = None
                self.sasaran = TextLine(sas, lines[k], self.block, "pre")
                at_block = True
                k += 1
                continue
            if self._page_number_above_header(texts, k):
                k += 1           # a page's number above the header repeated at the top of the next page
                continue
            opens = (at_block or self.dense) and opens_header_at(texts, k)
            labels = split_header_labels(texts, k) if not at_block or opens else []
            # a header inside the body opens a block, or stands as labels one per line (a text layer
            # with no blank lines: the row above ends where the next table's labels begin)
            if (opens or labels) and (
                    self._is_body_header(t) or self._is_body_header(" ".join(labels)) or _numbered_labels(labels)
                    or opens and self._own_header_again(texts, k)):
                end, hdr = _header_span(texts, k)
                up = self._labels_above(texts, lines, k, j, end) if hdr.kind is None else None
                if up is not None:
                    k = up                 # another table whose upper label lines were read as text
                    break
                if hdr.kind is not None and hdr.kind != self.kind and not (
                        self.kind == "cost_per_outcome" and hdr.kind in ("pk", "capaian")):
                    break
                self._absorb_leftover()    # (a row's rest over the page, before this header)
                self.cur = None
                self.resumed = len(self.rows)
                k = end
                at_block = True
                continue
            pieces = split_line(t, lines[k], kode_col=kode_table)
            wide_row = False          # a row's line as wide as a paragraph's: no measure of the cells
            if self._is_prose(t, pieces, _unit_below(pieces, texts, k)) and \
                    not _values_below(texts, lines, k, reach=12 if double else 4, remark=self.h.keterangan,
                                      n_vals=self.n_vals, satuan="satuan" in self.h.text_cols) \
                    and not (self.dense and _values_below(texts, lines, k, ahead=4, remark=self.h.keterangan)) \
                    and not (self.dense and self._next_row_below(texts, lines, k)):
                wide_row = pieces[0].kind == "no" and self._expected(pieces[0].text) and \
                    _values_end_a_line_below(texts, lines, k, self.n_vals) or self._next_indicator(t, texts, lines, k)
                if not wide_row:
                    break
            if not any(p.kind == "val" for p in pieces) and not wide_row:
                self.widest = max(self.widest, len(t))
            elif not self.widest:
                # no text line yet: the text of the first row's line, its numbers left out, is the
                # measure (a converter that writes each cell's first line on the row's line and the
                # rest of the cells below has no line of text alone before the second row)
                self.widest = len(" ".join(p.text for p in pieces if p.kind == "text"))
            if self.dense and len(pieces) == 1 and pieces[0].kind == "bare" and self.cur is not None \
                    and self.cur.vals and _quantity_below(texts, k):
                pieces = [Piece("val", pieces[0].text, pieces[0].line, NUM)]    # "2" / "Laporan" / "1" / ...
            elif (self.dense or self.double) and len(pieces) == 1 and pieces[0].kind == "bare" \
                    and _ROW_NUMBER.fullmatch(pieces[0].text) and self.cur is not None \
                    and (self.cur.vals or self.cur.no is None and self.cur.kode is None) \
                    and self._expected(pieces[0].text) and _text_below(texts, k):
                # the row's numbers one per line ("4" / "3,85" / "96,25%"), or the rest of a row's
                # cells over a page, then the expected number with a row's text after it: the next
                # row, not one more number (also a paragraph a cell, docx2txt, when the row's empty
                # cells leave it short of its numbers)
                pieces = [Piece("no", pieces[0].text, pieces[0].line)]
            if at_block and not self.dense and len(pieces) == 1 and pieces[0].kind == "text" \
                    and _lone_grade(t) and self.cur is not None and not self.cur.vals \
                    and (self.cur.no is not None or not self.h.has_no) \
                    and (len({x.block for x in self.cur.texts}) >= self.n_core
                         or self.double and len(self.cur.texts) >= self.n_core):     # (a paragraph a cell)
                # a letter alone in a block of its own after the row's text cells: a grade ("B"), not
                # the end of a word broken at a column edge (that stays inside its cell's block)
                pieces = [Piece("val", t.strip(), lines[k], GRADE)]
            elif self.double and len(pieces) == 1 and pieces[0].kind == "text" and _lone_grade(t) \
                    and self.cur is not None and self.cur.vals and len(self.cur.vals) < self.n_vals \
                    and self.cur.vals[-1].shape == GRADE:
                # a paragraph a cell: the realisasi's grade after the target's ("BB" / "B" / "75%")
                pieces = [Piece("val", t.strip(), lines[k], GRADE)]
            elif not at_block and len(pieces) == 1 and pieces[0].kind == "text" and _lone_grade(t) \
                    and self.cur is not None and not self.cur.vals and self.cur.no is not None \
                    and self.n_vals == 1 and self._row_or_end_below(texts, k):
                # no blank line before it: a letter alone as a row's last line, the next row's number (or the
                # table's end) after it, is the row's one value, a grade
                pieces = [Piece("val", t.strip(), lines[k], GRADE)]
            elif len(pieces) == 1 and pieces[0].kind == "text" and _lone_grade(t) and self.cur is not None \
                    and self.cur.texts and (self.cur.no is not None or not self.h.has_no) \
                    and len(self.cur.vals) < self.n_vals and all(v.shape == GRADE for v in self.cur.vals) \
                    and _grade_or_values_below(texts, lines, k):
                # a cell a line, no blank lines: a letter alone after the row's text, the rest of its
                # values (another grade, "87,50 %") below it, is the target's grade ("B" / "B" / "100 %")
                pieces = [Piece("val", t.strip(), lines[k], GRADE)]
            else:
                pieces = self._unit_before_values(self._grades_before_values(pieces))
            pieces = self._number_not_kode(self._quantity_not_row(pieces))
            self._line(pieces, at_block)
            at_block = False
            k += 1
        self._absorb_leftover()
        return k

    def _number_not_kode(self, pieces: list[Piece]) -> list[Piece]:
        """"88.00" alone under a row still short of its numbers: its last number (a percentage written
        with a decimal point), not the kode of a row (a kode has no two-digit first part and one dot)."""
        if len(pieces) != 1 or pieces[0].kind != "kode" or not re.fullmatch(r"\d{2,3}\.\d{1,2}", pieces[0].text):
            return pieces
        c = self.cur
        if c is None or not c.vals or len(c.vals) >= self.n_vals:
            return pieces
        return [Piece("val", pieces[0].text, pieces[0].line, NUM)]

    def _quantity_not_row(self, pieces: list[Piece]) -> list[Piece]:
        """A number and words under a row still short of its numbers, the number not the one expected
        next: the row's quantity, not a row so numbered.  "4 Dokumen Sekretaris", in a table with a
        text column after its values: the quantity and that column's text; "10 Forum" alone, a
        paragraph a cell: a quantity whose unit no list knows."""
        if not (len(pieces) == 2 and pieces[0].kind == "no" and pieces[1].kind == "text"):
            return pieces
        c = self.cur
        if c is None or not c.texts or self._expected(pieces[0].text):
            return pieces
        no, line = pieces[0].text, pieces[0].line
        unit, _, rest = pieces[1].text.partition(" ")
        if not rest:
            if self.double and unit[:1].isupper() and unit.isalpha() and len(c.vals) < self.n_vals \
                    and re.fullmatch(r"\d{1,4}", no):
                return [Piece("val", f"{no} {unit}", line, QTY)]
            return pieces
        if self.h.keterangan and not c.vals and is_unit_word(re.sub(r"[^A-Za-z]", "", unit)):
            return [Piece("val", f"{no} {unit}", line, QTY), Piece("text", rest, line)]
        return pieces

    def _unit_before_values(self, pieces: list[Piece]) -> list[Piece]:
        """Under a header with a Satuan column, the unit ending the text right before a line's values
        ("... Indeks Kepuasan Masyarakat Indeks 82 84,10 102,56", "... yang % 100 100 100,00") is that
        column's cell, a text of its own (the resolver gives it the column)."""
        if "satuan" not in self.h.text_cols:
            return pieces
        for i, p in enumerate(pieces[:-1]):
            if p.kind != "text" or pieces[i + 1].kind != "val":
                continue
            words = p.text.split()
            if len(words) >= 2 and _unit_cell(words[-1]):
                return pieces[:i] + [Piece("text", " ".join(words[:-1]), p.line), Piece("text", words[-1], p.line)] + \
                    pieces[i + 1:]
            break
        return pieces

    def _grades_before_values(self, pieces: list[Piece]) -> list[Piece]:
        """Grades written inside a row's line of values ("2. Meningkatnya ... Nilai SAKIP BB B 87,50 %",
        "... Nilai SAKIP BB"): the grade words ending the text right before the line's values (or
        ending the row's opening line) are values when with them the line holds exactly the row's
        values; a letter in a name ("Paket C 25 Orang 20 Orang 80%") leaves the row one value too many."""
        for i, p in enumerate(pieces):
            if p.kind != "text":
                continue
            words = p.text.split()
            g = 0
            while g < len(words) - 1 and is_grade(words[len(words) - 1 - g]):
                g += 1
            if not g:
                continue
            after = pieces[i + 1:]
            k = next((m for m, q in enumerate(after) if q.kind != "val"), len(after))
            vals = after[:k]
            if any(q.kind == "val" for q in after[k:]) or any(q.kind == "val" for q in pieces[:i]):
                continue
            if len(vals) + g != self.n_vals or (self.cur is not None and self.cur.vals and
                                                pieces[0].kind != "no"):
                continue
            grades = words[len(words) - g:]
            if not vals and not (len(grades) >= 2 or len(grades[0]) == 2 or pieces[0].kind == "no"):
                continue            # (a letter ending a line of text: a word broken at a column edge)
            text = " ".join(words[:len(words) - g])
            return pieces[:i] + [Piece("text", text, p.line)] + \
                [Piece("val", w, p.line, GRADE) for w in grades] + after
        return pieces

    def _row_or_end_below(self, texts: list[str], k: int) -> bool:
        """The next line opens the next row (its expected number first) or the table has ended."""
        nxt = next((texts[m] for m in range(k + 1, min(len(texts), k + 3)) if texts[m]), None)
        if nxt is None or _HEADING.match(nxt) or is_sign_off(nxt):
            return True
        m = re.match(r"(\d{1,3})[.)]?\s+[A-Za-z]", nxt)
        return m is not None and int(m.group(1)) == self.last_no + 1

    def _next_row_below(self, texts: list[str], lines: list[int], k: int) -> bool:
        """The next line opens the next row, its expected number and its numbers on it ("2. Pelaksanaan
        ... Rp 2.383.000"): a long line between two rows is the row's cell, not a paragraph; so is a
        long line right under the header above row 1 (cells centred on their row's numbers)."""
        first = all(r.no is None and r.kode is None and not r.vals for r in self.rows)    # (text alone so far)
        if not first and (self.cur is None or not self.cur.vals) or self._sentence(texts[k]):
            return False
        nxt = next((m for m in range(k + 1, min(len(texts), k + 3)) if texts[m]), None)
        if first:
            # (above row 1, the first cell may take more lines before the number: the first line
            # that opens with one, within six, no sentence ending before it)
            nxt = next((m for m in range(k + 1, min(len(texts), k + 7)) if texts[m] and (
                _ROW_NUMBER.match(texts[m]) or self._sentence(texts[m]))), None)
        if nxt is None:
            return False
        if self._sentence(texts[nxt]):
            return False
        pieces = split_line(texts[nxt], lines[nxt], kode_col=self.h.kode)
        m = re.match(r"\d+", pieces[0].text) if pieces and pieces[0].kind in ("no", "bare") else None
        if m is None or int(m.group(0)) != self.last_no + 1:
            return False
        if first and any(p.kind == "val" for m in range(k + 1, nxt) for p in split_line(texts[m], lines[m])):
            return True         # (row 1's numbers above its number: a short cell centred higher)
        # (or the expected number alone, cells centred on it, a row's numbers within the next lines)
        return any(p.kind == "val" for p in pieces[1:]) or len(pieces) == 1 and pieces[0].kind == "bare" \
            and _values_below(texts, lines, nxt, ahead=4, wide=120)

    @staticmethod
    def _sentence(t: str) -> bool:
        return _sentence_with_numbers(split_line(t, 0)) or t.rstrip().endswith((".", ":"))

    def _labels_above(self, texts: list[str], lines: list[int], k: int, start: int, end: int) -> int | None:
        """A header inside the body whose main line names no kind may be another table's whose upper
        label lines ("ANGGARAN" over "NO SUB KEGIATAN" / "(Rp)") were read as the last row's text: the
        index its header starts at when, read from there, it is a table of another kind (those lines
        are taken back from the row); else None."""
        found = header_from_above(texts, k, start + 1, end)
        if found is None:
            return None
        j, _, h2 = found
        if h2.kind == self.kind or self.kind == "cost_per_outcome" and h2.kind in ("pk", "capaian"):
            return None
        if self.rows:
            self.rows[-1].texts = [t for t in self.rows[-1].texts if t.line < lines[j]]
        return j

    def _is_prose(self, t: str, pieces: list[Piece], unit_below: bool = False) -> bool:
        """A paragraph line below the table: long, without the numbers of a row, wider than its cells
        (a line that ends in a number whose unit is wrapped onto the next line holds a row's quantity)."""
        vals = [p for p in pieces if p.kind == "val"]
        if _sentence_with_numbers(pieces):
            return True
        if self.cur is None and self.rows and self.resumed == len(self.rows) and not t.rstrip().endswith((".", ":")):
            return False        # right under the header repeated over a page: the table goes on (a row's rest)
        if len(vals) >= 2 or any(p.shape in (MONEY, PCT, QTY) for p in vals) or unit_below:
            return False
        c = self.cur
        if c is not None and (c.no is not None or c.kode is not None) and not c.vals \
                and (self.dense or len({x.block for x in c.texts}) < self.n_core):
            # a numbered (or coded) row still short of its text cells, no numbers yet: the line is
            # one of its cells, however long (a converter that writes each cell as a paragraph of
            # its own, docx2txt: "1" / "" / the whole sasaran / "" / the whole indikator / "" / "90%");
            # with no blank lines (a text layer with a line per run of text) until its numbers come
            return False
        wide = bool(self.rows) and len(t) > 1.25 * max(self.widest, 1)
        if pieces and pieces[0].kind == "kode" and (self.h.kode or self.kind == "lra") and \
                pieces[0].text.strip(".").count(".") >= 2:
            return False        # a row's kode rekening opens the line: a row of the table, however long
        if pieces and pieces[0].kind in ("no", "kode"):
            return len(t) >= 56 and wide and self.widest > 0
        if self.rows and t.rstrip().endswith(":") and not vals:
            return True
        if self.dense and c is not None and c.values_first and c.vals and (self.widest and (
                len(t) <= self.widest + 4 or t[:1].islower() and len(t) <= 2 * self.widest)
                or _unit_wrapped_here(c, t)):
            # no blank lines: the rest of a row's cells below its first line, side by side ("pelayanan
            # publik di Kecamatan Koordinasi yang ditindaklanjuti"), no wider than that line's text, or
            # wider (the first line's cells were short) but going on in lower case: a paragraph under
            # the table opens with a capital
            return False
        return len(t) >= 56 or (len(t) >= 40 and wide)

    def _next_indicator(self, t: str, texts: list[str], lines: list[int], k: int) -> bool:
        """No blank lines: a line that opens an indicator's name ("Jumlah ...", "Persentase ...") after
        a row's cells (with its numbers: the next indicator under the merged sasaran; without: the
        row's own indicator), its numbers within the next lines: a cell, however much wider than the
        sasaran's lines (a cell a line, PDFium)."""
        c = self.cur
        if not (self.dense and "indikator" in self.h.text_cols and c is not None and (c.vals or c.texts)
                and _INDICATOR_OPENING.match(t)) or self._sentence(t):
            return False
        for m in range(k + 1, min(len(texts), k + 4)):
            if not texts[m] or self._sentence(texts[m]):
                return False
            pieces = split_line(texts[m], lines[m])
            if pieces and pieces[0].kind in ("no", "kode"):
                return False
            if any(p.kind == "val" for p in pieces) or len(pieces) == 1 and pieces[0].kind == "bare":
                return True
        return False

    def _page_number_above_header(self, texts: list[str], k: int) -> bool:
        """A number alone on line k, the table's own header again on the next line that is not blank."""
        if not re.fullmatch(r"\d{1,3}", texts[k].strip()):
            return False
        nxt = next((m for m in range(k + 1, len(texts)) if texts[m]), None)
        return nxt is not None and opens_header_at(texts, nxt) and self._own_header_again(texts, nxt)

    def _own_header_again(self, texts: list[str], k: int) -> bool:
        """The table's own header from k, its first line a label alone ("Kode" / "Rekening Program /
        Kegiatan ..." at the top of the next page), after a row that is complete."""
        c = self.cur
        if not (c is None or self._complete(c) or self.dense and bool(c.vals)):
            return False
        return _header_span(texts, k)[1].kind == self.kind

    def _is_body_header(self, t: str) -> bool:
        from .flat_header import _line_stats
        st = _line_stats(t)
        # (with no blank lines, a row whose numbers are read may still take its cells' rest below them,
        # but not a header line: no cell holds one)
        # (or, with no blank lines, a header line that opens with "No": cells centred on their row's
        # numbers leave the last row's numbers on a line above its number)
        return st is not None and len(st[2]) >= 2 and st[0] / max(st[1], 1) >= 0.8 and (
            self.cur is None or self._complete(self.cur) or not self.cur.texts or self.dense and bool(self.cur.vals)
            or self.dense and t.split()[0].lower() in ("no", "no."))

    def _section(self, t: str, texts: list[str], k: int) -> bool:
        sec = _SECTION.get(fold(t))
        if not sec or split_header_labels(texts, k):
            return False                 # (or the first label of a header: "Program" / "Anggaran")
        nxt = next((texts[m] for m in range(k + 1, min(len(texts), k + 4)) if texts[m]), "")
        raw = self.raws[k] if self.raws is not None else t
        padded = len(raw) - len(raw.rstrip()) >= 3          # a row of empty cells after the label
        alone = k + 1 >= len(texts) or not texts[k + 1]     # a block of its own
        # (with no blank lines, the two-word label "Sub Kegiatan" alone on its line after a whole row
        # is no cell's first words)
        whole_label = self.dense and sec == "sub_kegiatan" and len(t.split()) == 2
        if not (padded or alone or whole_label or re.match(r"^\d+[.)]?(\s|$)", nxt) or _KODE_START.match(nxt)
                or fold(nxt).startswith(fold(t))):
            return False          # the first word of a cell ("Program" / "Penyelenggaraan ...")
        if self.cur is not None and not self._complete(self.cur) and not padded:
            return False
        self.cur = None
        self.section = sec
        return True

    def _line(self, pieces: list[Piece], at_block: bool) -> None:
        seen_val = False
        prefix = ""
        for i, p in enumerate(pieces):
            first = i == 0
            if p.kind == "no":
                if p.mid and not self._expected(p.text):
                    prefix = p.text + " "
                    continue
                self._new(p.line, no=p)
                seen_val = False                 # a row opened inside the line starts afresh
                continue
            if p.kind == "kode":
                c = self.cur
                if c is not None and c.no is not None and c.kode is None and not c.texts and not c.vals \
                        and (c.first_line == p.line or self.double):       # (a paragraph a cell: "1" / "7.01.01")
                    c.kode = p
                else:
                    self._new(p.line, kode=p)
                continue
            if p.kind == "bare":
                rest_vals = sum(1 for q in pieces[i + 1:] if q.kind == "val")
                if self._bare_is_no(p, rest_vals, len(pieces) == 1):
                    no, _, word = p.text.partition(" ")
                    self._new(p.line, no=Piece("no", no, p.line))
                    if not word:
                        continue
                    p = Piece("text", word.strip(), p.line)
                else:
                    p = Piece("val", p.text, p.line, p.shape or NUM)
            if p.kind == "text":
                text = prefix + p.text
                prefix = ""
                c = self.cur
                # (the unit alone on its line, or with the row's next numbers after it: "dokumen 100%")
                # (and a remark after them, "Laporan 66,67 % Belum", when the header has a remark column)
                rest = pieces[1:-1] if self.h.keterangan and pieces[-1].kind == "text" else pieces[1:]
                tail_line = len(pieces) == 1 or self.dense and bool(rest) and all(q.kind == "val" for q in rest)
                vi = self._unit_tail(c, text, at_block) if first and tail_line and c is not None else None
                if vi is not None:
                    v = c.vals[vi]
                    shape = PCT if text.strip() == "%" else QTY
                    c.vals[vi] = Piece("val", f"{v.text} {text.strip()}", v.line, shape, unit_of=shape == QTY)
                    c.value_tails = c.value_tails or vi < len(c.vals) - 1 or any(t.phase != "pre" for t in c.texts)
                    continue
                full = c is not None and first and (self.dense or self.double) and self._full(c)
                if full and self.h.keterangan and _remark(text) and sum(t.phase == "same" for t in c.texts) < 2:
                    c.texts.append(TextLine(text, p.line, self.block, "same"))    # the row's remark, below its numbers
                    continue
                opens = c is None or (first and (at_block or full) and self._complete(c)) or (
                    _total_label(text) and (first or seen_val) and c is not None and bool(c.vals))
                if opens:
                    c = self._new(p.line)
                    c.lead_gap = self.gap
                    seen_val = False
                if seen_val:
                    phase = "same"
                elif c.vals:
                    phase = "post"
                else:
                    phase = "pre"
                c.texts.append(TextLine(text, p.line, self.block, phase))
                continue
            # a value
            c = self.cur
            if c is None:
                c = self._new(p.line)
            elif c.vals and not seen_val:
                after = [t for t in c.texts if t.phase != "pre"]
                if (self.double and self.gap > 4 or self.dense) and len(c.vals) >= self.n_vals:
                    # past empty cells, or with no blank lines at all, a full row's next number: a row of its own
                    c = self._new(p.line)
                elif not after and (c.vals_block == self.block or len(c.vals) + sum(
                        1 for q in pieces if q.kind == "val") <= self.n_vals):
                    pass                                   # the numbers go on over the next line
                elif not c.values_first and after and self._rest_of_values(c, pieces):
                    pass                                   # a cell wrapped between the row's numbers ("6 Laporan" / text / "0")
                elif c.values_first and after:
                    # the last block was not a continuation: it opens a row whose numbers are these
                    last = after[-1].block
                    moved = [t for t in c.texts if t.phase != "pre" and t.block == last]
                    c.texts = [t for t in c.texts if not (t.phase != "pre" and t.block == last)]
                    c = self._new(moved[0].line)
                    for t in moved:
                        c.texts.append(TextLine(t.text, t.line, t.block, "pre"))
                else:
                    c = self._new(p.line)
            if not c.vals:
                c.values_first = p.line == c.first_line or not c.texts
                c.vals_block = self.block
            c.skips.append(0 if seen_val else self.skip)
            c.vals.append(p)
            seen_val = True

    @staticmethod
    def _unit_tail(c: FlatRow, text: str, at_block: bool) -> int | None:
        """The index of the value whose unit (or percent sign) is wrapped below it: "12" / "Dokumen",
        "12 Dokum" / "en", "0,14" / "%"; in a row whose numbers came first, the units of its bare
        numbers may follow the wrapped text cells, each in a block of its own ("12 3 25%" / ... /
        "lapora" "n" / "Lapora" "n"), the first number still without its unit taking the next."""
        t = text.strip()
        if not c.vals or " " in t or len(t) > 12:
            return None
        last = len(c.vals) - 1
        if t == "%":
            return last if _bare_number(c.vals[last]) else None
        cands = [last]
        if c.values_first and at_block:
            cands = [i for i, v in enumerate(c.vals) if _bare_number(v) or _unit_open(v)][:1] or cands
        i = cands[0]
        v = c.vals[i]
        if _bare_number(v):
            return i if is_unit_word(t) or is_unit_start(t) else None
        if _unit_open(v):
            so_far = re.sub(r"^[\d.,]+\s*", "", v.text).replace(" ", "") + t
            return i if is_unit_word(so_far) or is_unit_start(so_far) else None
        # a unit being completed in an earlier value ("12 lapora" / "n" after the first number took "lapora")
        if c.values_first:
            for j, w in enumerate(c.vals):
                if _unit_open(w):
                    so_far = re.sub(r"^[\d.,]+\s*", "", w.text).replace(" ", "") + t
                    return j if is_unit_word(so_far) or is_unit_start(so_far) else None
        return None

    def _full(self, c: FlatRow) -> bool:
        """The row's text, then its values: with no blank lines (a text layer with a line per run of
        text, which writes a row's cells in column order) the row is done at its values, and text
        that follows opens the next row; with a blank line after every line, once every value cell
        is read."""
        if self.dense:
            return bool(c.vals) and not c.values_first and bool(c.texts)
        return len(c.vals) >= self.n_vals and not c.values_first and bool(c.texts)

    def _rest_of_values(self, c: FlatRow, pieces: list[Piece]) -> bool:
        """A line of numbers only that completes a row whose numbers stand one per line."""
        new = sum(1 for q in pieces if q.kind in ("val", "bare"))
        lines = [v.line for v in c.vals]
        return all(q.kind in ("val", "bare") for q in pieces) and len(set(lines)) == len(lines) and \
            len(c.vals) + new <= self.n_vals

    def _one_per_line(self, c: FlatRow) -> bool:
        """The row's numbers so far stand one per line, fewer than the header's, no text after them."""
        lines = [v.line for v in c.vals]
        return bool(lines) and len(lines) < self.n_vals and len(set(lines)) == len(lines) and \
            not any(t.phase != "pre" for t in c.texts)

    def _bare_is_no(self, p: Piece, rest_vals: int, alone: bool) -> bool:
        if re.search(r"[.)]$", p.text):
            return True
        if p.shape == QTY:
            c = self.cur
            if c is not None and c.texts and not c.vals:
                return False
            if c is not None and self._one_per_line(c):
                return False                 # "8 Unit" / "2 unit": the row's numbers written one per line
            if alone and c is not None and c.vals and len(c.vals) < self.n_vals:
                return False                 # "2 Laporan" alone under the row's first numbers: one more
            return self._expected(p.text.split()[0]) and (c is None or self._complete(c))
        c = self.cur
        open_row = c is not None and (c.texts or c.no is not None) and not c.vals
        if alone:
            if open_row and c.texts and not (c.no is None and c.kode is None and self.gap > 4 and self._expected(p.text)):
                return False             # (after a row's rest with no number, past empty cells: the next row's)
            if c is not None and c.vals and len(c.vals) < self.n_vals and not any(t.phase != "pre" for t in c.texts) \
                    and not (self.dense and len(c.vals) > 1 and not self._one_per_line(c) and self._expected(p.text)) \
                    and not (self.gap > 4 and self._expected(p.text)) \
                    and not (_last_place(c) == self.n_vals - 1 and self._expected(p.text)):
                return False                 # the row's numbers written one per line (not: a line of them)
            return self._expected(p.text) or c is None
        if open_row and c.texts:
            return rest_vals >= self.n_vals
        return self._expected(p.text)


def _bare_number(v: Piece) -> bool:
    return v.shape == NUM and bool(re.fullmatch(r"\d+(?:[.,]\d+)?", v.text))


def _unit_open(v: Piece) -> bool:
    """A quantity whose unit word is still incomplete ("12 lapora")."""
    if not (v.shape == QTY and v.unit_of):
        return False
    return not is_unit_word(re.sub(r"^[\d.,]+\s*", "", v.text).replace(" ", ""))


def _unit_below(pieces: list[Piece], texts: list[str], k: int) -> bool:
    """The line ends in a bare number and the next line is a unit word alone ("... diterbitkan 1" / "dokumen")."""
    if not pieces or pieces[-1].kind != "val" or pieces[-1].shape != NUM:
        return False
    nxt = next((texts[m] for m in range(k + 1, min(len(texts), k + 3)) if texts[m]), "")
    word = nxt.strip()
    return bool(word) and " " not in word and is_unit_word(word)


def _numbered_labels(labels: list[str]) -> bool:
    """Three labels or more, one per paragraph or line, opening with the row number's ("NO" / "SUB
    KEGIATAN" / "ANGGARAN (Rp)"): a header, whatever the row above still lacks."""
    return len(labels) >= 3 and re.fullmatch(r"(?i)(no|nomor)\.?", labels[0].strip()) is not None


def _quantity_below(texts: list[str], k: int) -> bool:
    """A bare number whose unit is the next line and a value the line after ("2" / "Laporan" / "1"):
    a row's quantity written a word per line, not the next row's number."""
    if k + 2 >= len(texts):
        return False
    unit, after = texts[k + 1].strip(), texts[k + 2].strip()
    return " " not in unit and is_unit_word(unit) and bool(after) and \
        all(p.kind in ("val", "bare") for p in split_line(after, 0))


_ROW_NUMBER = re.compile(r"\d{1,3}[.)]?")


def _sentence_with_numbers(pieces: list[Piece]) -> bool:
    """A sentence that cites numbers ("Realisasi anggaran sampai dengan ... sebesar Rp 2.651.047.354,00
    dari pagu anggaran Rp 2.766.392.052,00 atau 95,83%.", "... dari 5 Indikator ... mencapai 100%, hal
    ini ..."): its opening words, then numbers each followed by three words or more of text.  A row's
    numbers stand together after its text."""
    # (a sentence's next line, opening with a number it cites: "100% dan yang belum ... 1 Indikator.")
    words = sum(len(p.text.split()) for p in pieces if p.kind == "text")
    if len(pieces) >= 3 and pieces[0].kind in ("val", "bare") and pieces[-1].kind == "text" and words >= 6 \
            and pieces[-1].text.rstrip().endswith(".") and any(
                a.kind in ("val", "bare") and b.kind == "text" and len(b.text.split()) >= 3
                for a, b in zip(pieces, pieces[1:])):
        return True
    if len(pieces) < 3 or pieces[0].kind != "text" or len(pieces[0].text.split()) < 5:
        return False
    cited = 0
    for a, b in zip(pieces, pieces[1:]):
        if a.kind in ("val", "bare") and b.kind == "text" and len(b.text.split()) >= 3:
            cited += 1
    # (or one number inside a whole sentence: ten words before it, eight after, a full stop at the end)
    return cited >= 2 or cited == 1 and len(pieces) == 3 and len(pieces[0].text.split()) >= 10 and \
        len(pieces[2].text.split()) >= 8 and pieces[2].text.rstrip().endswith(".")


def _grade_or_values_below(texts: list[str], lines: list[int], k: int) -> bool:
    """The next line is a grade alone or a line of values alone."""
    nxt = next((m for m in range(k + 1, min(len(texts), k + 3)) if texts[m]), None)
    if nxt is None:
        return False
    if all(is_grade(w) for w in texts[nxt].split()):
        return True
    pieces = split_line(texts[nxt], lines[nxt])
    return bool(pieces) and all(p.kind == "val" for p in pieces)


def _text_below(texts: list[str], k: int) -> bool:
    """The next line is a row's text: two words or more, or the opening word of a sasaran or an
    indikator ("Meningkatnya Pemberdayaan ...", "Meningkatnya"; not a unit, "Laporan", nor a remark,
    "Belum tercapai")."""
    nxt = next((texts[m] for m in range(k + 1, min(len(texts), k + 3)) if texts[m]), "")
    words = nxt.split()
    if not words or not words[0][:1].isalpha() or is_unit_word(words[0]) and len(words) <= 2:
        return False        # (a unit word may open a name of more words: "Fasilitasi Pengelolaan Keuangan ...")
    if len(words) == 1 or _remark(nxt):     # (a cell a word per line: "Meningkatnya" / "Kualitas" / ...)
        if not (_SASARAN_OPENING.match(nxt) or _INDICATOR_OPENING.match(nxt)):
            return False
    return all(p.kind == "text" for p in split_line(nxt, 0))


def _values_end_a_line_below(texts: list[str], lines: list[int], k: int, n_vals: int = 2, ahead: int = 3) -> bool:
    """One of the next lines (before another row's number or a sentence's end) ends with two numbers
    or more after its text (a table of one value column: a quantity, a percentage or an amount): the
    row that line k opens goes on to its numbers ("2. Meningkatnya ... Rata-rata persentase desa yang
    menyusun dokumen" / "administrasi ... tepat waktu 100% 73,81% 73,81%")."""
    seen = 0
    for m in range(k + 1, len(texts)):
        if not texts[m]:
            continue
        pieces = split_line(texts[m], lines[m])
        if not pieces or pieces[0].kind in ("no", "kode") or _sentence_with_numbers(pieces) \
                or texts[m].rstrip().endswith((".", ":")):
            return False
        tail = 0
        for p in reversed(pieces):
            if p.kind != "val":
                break
            tail += 1
        if tail >= 2 or tail == 1 and n_vals == 1 and pieces[-1].shape in (QTY, PCT, MONEY):
            return True
        seen += 1
        if seen >= ahead:
            return False
    return False


def _unit_wrapped_here(r: FlatRow, t: str) -> bool:
    """The line ends with the unit of a number of the row above that has none ("12" / "... Laporan")
    while its other quantities have theirs ("6 Laporan"): the row's cells go on here, side by side."""
    word = re.sub(r"[^A-Za-z]", "", t.split()[-1]) if t.split() else ""
    return any(v.shape == NUM for v in r.vals) and any(v.shape == QTY for v in r.vals) and is_unit_word(word)


def _values_below(texts: list[str], lines: list[int], k: int, ahead: int = 1, reach: int = 4,
                  remark: bool = False, n_vals: int = 0, satuan: bool = False, wide: int = 60) -> bool:
    """The next line (blank lines between allowed) holds a row's numbers alone, one of them a
    percentage, an amount or a quantity with its unit ("100%", "Rp 4.693.000", "4 dokumen"): the
    line above is a row's text, however long (a converter that writes each cell as a paragraph of
    its own, docx2txt), not a paragraph below the table.  ahead > 1: one of the next so many lines
    does, the lines between short (a cell's wrapped lines, a line per run of text).  `reach`: the
    lines looked at beyond those, blank ones (empty cells, docx2txt: two blank lines each).  `remark`:
    the header has a text column after its values, whose text may end the line ("315.250.000 APBD").
    `n_vals` (two or more): bare numbers also do when the lines below hold that many of them alone,
    a line each (a cell a line: "95" / "97" / "102,11").  `satuan`: the header has a unit column,
    whose cell ("%", "Predikat") may stand between the text and the numbers.  `wide`: a line longer
    is a paragraph's, where the search ends."""
    seen = 0
    for m in range(k + 1, min(len(texts), k + reach + ahead)):
        if not texts[m] or satuan and m == k + 1 and _unit_cell(texts[m]):
            continue
        pieces = split_line(texts[m], lines[m], kode_col=True)
        if remark and len(pieces) >= 2 and pieces[-1].kind == "text" and pieces[-2].kind == "val":
            pieces = pieces[:-1]
        if pieces and all(p.kind in ("val", "bare") or i == 0 and (p.kind == "kode" or ahead > 1 and p.kind == "no")
                          for i, p in enumerate(pieces)):
            # (a kode rekening may open the line of its values, "7.01.01.2.01.06 2.247.000,00 ...", and
            # further down a row's number, "1. 100% 36,11% 36,11%": the row centred on that line)
            if any(p.shape in (MONEY, PCT, QTY) for p in pieces) or (
                    n_vals >= 2 and _lone_values(texts, lines, m) >= n_vals):
                return True
            if not (ahead > 1 and len(pieces) == 1 and pieces[0].kind == "bare"):
                return False
            # (a row's number alone on its line, cells centred on it: the numbers may come below)
        seen += 1
        if seen >= ahead or len(texts[m]) > wide:
            return False
    return False


def _lone_values(texts: list[str], lines: list[int], m: int) -> int:
    """How many lines from m on hold one number or grade alone, with no blank line between."""
    n = 0
    while m + n < len(texts) and texts[m + n]:
        t = texts[m + n]
        pieces = split_line(t, lines[m + n])
        if not (len(pieces) == 1 and pieces[0].kind in ("val", "bare") or _lone_grade(t)):
            break
        n += 1
    return n


def _dense(texts: list[str], j: int, window: int = 40) -> bool:
    """A table body with no blank lines (a PDF's text as its pages draw it, one line per run of
    text): blank lines then separate no cells, line breaks do."""
    if len(texts) - j < 8:
        return False
    run = texts[j:j + window]
    if all(run):
        return True
    # a short table, a blank line only after it: eight lines or more without one, holding the numbers
    # of two rows at least (with a blank line between cells, numbers stand in blocks of their own)
    end = run.index("")
    return end >= 8 and sum(1 for t in run[:end] if sum(p.kind == "val" for p in split_line(t, 0)) >= 2) >= 2


_SASARAN_OPENING = re.compile(r"^\w+nya\b")


def _remark(text: str) -> bool:
    """A short remark ("Tercapai", "Belum" / "tercapai"), not the opening of a row's indikator or
    sasaran ("Persentase ...", "Meningkatnya ...")."""
    return len(text.split()) <= 3 and not _INDICATOR_OPENING.match(text) and not _SASARAN_OPENING.match(text)


def _double_spaced(texts: list[str], j: int, window: int = 160) -> bool:
    """A text layer that puts a blank line after every line: blank lines then separate nothing."""
    after_blank = lines = 0
    run, in_run = 0, True             # (the lines from j on, each after a blank line)
    for k in range(j, min(len(texts), j + window)):
        if not texts[k]:
            continue
        if _HEADING.match(texts[k]):
            break
        lines += 1
        blank_before = k > 0 and not texts[k - 1]
        after_blank += blank_before
        in_run = in_run and blank_before
        run += in_run
    # (or a short table, the page's text after it no longer so: its first eight lines or more)
    return lines >= 6 and after_blank >= 0.85 * lines or run >= 8


def _total_label(t: str) -> bool:
    """A short total label that opens a row of its own ("Jumlah", "TOTAL", "Rata-rata")."""
    return is_total_text(t) and len(t.split()) <= 3


# how a column is computed, on a line of its own among the labels: "((K-A)/K)", "(R/T)"
_LETTER_FORMULA = re.compile(r"\(+[A-Z]{1,2}(?:\s*[-/x*+]\s*\(*[A-Z]{1,2}\)*)+\)*")
_NUMBER_CELL = re.compile(r"(\(?\d{1,2}(\s*=\s*[\d()/x*+\-\s]+)?\)?\s*){1,2}")


_YEAR_LABEL = re.compile(r"\(?(19|20)\d\d\)?$")     # a header's year under its label ("TARGET" / "2022")
TABLE_LABEL = re.compile(r"(?i)tabel\s+[\dIVX]+(\.\d+)*\.?$")      # "Tabel 3.1" alone on its line


def header_from_above(texts: list[str], k: int, floor: int, end: int) -> tuple[int, int, FlatHeader] | None:
    """A header whose main line at k names no kind may be named by its upper label lines ("Pagu
    Setelah" over "Kode Program/Kegiatan Realisasi Sisa Persentase", "ANGGARAN" over "NO SUB KEGIATAN"):
    (start, end, header) read from up to two header lines above k, not above `floor`, when that
    names a kind and reaches as far as the header from k (`end`); else None."""
    for up in (1, 2):
        j = k - up
        if j < floor or not texts[j] or not is_header_line(texts[j]) or TABLE_LABEL.match(texts[j]):
            return None
        e2, h2 = _header_span(texts, j)
        if h2.kind is not None and e2 >= end:
            return j, e2, h2
    return None


_LABEL_LIKE = re.compile(r"[A-Z][A-Za-z/()]*(?: [A-Za-z/()]+){0,2}")
_FIRST_ROW = re.compile(r"\(?(1|a|I)[.)]?|\(?1\)?(?:\s+\(?\d\)?)+")


def _unknown_label(texts: list[str], j: int) -> bool:
    """A column label no list knows, among labels written one per line or per paragraph
    ("Kategori", "Sumber Dana", "Formulasi Perhitungan"): a short capitalised line with no number,
    the next line another label or the first row's number (or the column numbers)."""
    t = texts[j].strip()
    if len(t) > 32 or not _LABEL_LIKE.fullmatch(t) or _INDICATOR_OPENING.match(t) or _SASARAN_OPENING.match(t):
        return False            # (a cell's first line: "Jumlah Dokumen", "Meningkatnya ...")
    nxt = next((texts[m].strip() for m in range(j + 1, min(len(texts), j + 4)) if texts[m]), "")
    if not nxt:
        return False
    if _FIRST_ROW.fullmatch(nxt) is not None or is_numbering_line(nxt):
        return True
    words = header_words(nxt) if is_header_line(nxt) else []
    return bool(words) and words[0] in label_roles()         # another label: "Target", "Indikator Kinerja"


def _header_span(texts: list[str], k: int) -> tuple[int, FlatHeader]:
    """The header lines from k (header words, blank lines between, the column numbers after)."""
    hdr: list[str] = []
    j = k
    words = 0
    most = 14        # header lines; labels one per line (a line per run of text) may be more
    while j < len(texts) and words < most and (not texts[j] or is_header_line(texts[j]) or (
            hdr and (_LETTER_FORMULA.fullmatch(texts[j].strip()) or _YEAR_LABEL.match(texts[j].strip())
                     or _unknown_label(texts, j)))):
        words += bool(texts[j])
        if words == 14 and all(len(t.split()) <= 3 for t in hdr + [texts[j]]):
            most = 30
        if texts[j]:
            hdr.append(texts[j])
        j += 1
    while j < len(texts) and not texts[j]:
        j += 1
    if j < len(texts) and is_numbering_line(texts[j]):
        hdr.append(texts[j])
        j += 1
    else:
        # the column numbers one per line ("(1)" / "(2)" / ... / "(6=5/4)": a text layer that writes
        # every run of text on a line of its own); the longest run that counts up, three at least
        # (one per paragraph too, blank lines between: docx2txt)
        run: list[str] = []
        ends: list[int] = []
        m = j
        while m < len(texts) and len(run) < 30:
            if not texts[m]:
                if not (run and m + 1 < len(texts) and texts[m + 1]):
                    break
                m += 1                   # one blank line between two number cells
                continue
            if not _NUMBER_CELL.fullmatch(texts[m].strip()):
                break
            run.append(texts[m])
            m += 1
            ends.append(m)
        n = max((n for n in range(3, len(run) + 1) if is_numbering_line(" ".join(run[:n]))), default=0)
        if n:
            hdr.append(" ".join(run[:n]))
            j = ends[n - 1]
    return j, read_header(hdr)




# -- cells ---------------------------------------------------------------------------------------

@dataclass
class Cells:
    """The texts of one row by column, with the line each starts on."""
    text: dict[str, tuple[str, int]] = field(default_factory=dict)


def _blocks(lines: list[TextLine]) -> list[list[TextLine]]:
    out: list[list[TextLine]] = []
    for t in lines:
        if out and out[-1][-1].block == t.block:
            out[-1].append(t)
        else:
            out.append([t])
    return out


def values_line_unit(r: FlatRow) -> TextLine | None:
    """The Satuan cell on a row's line of numbers: the last text before them there, a unit alone,
    another text before it ("... Indeks Kepuasan Masyarakat" "Indeks" 82 84,10 102,56)."""
    if not r.vals:
        return None
    at = r.vals[0].line
    pre = [t for t in r.texts if t.line == at and t.phase == "pre"]
    return pre[-1] if len(pre) >= 2 and _unit_cell(pre[-1].text) else None


def _unit_cell(text: str) -> bool:
    """A cell that holds a unit and nothing else: "%", "Persen", "Indeks", "Dokumen"; "Predikat" (of
    a grade)."""
    words = text.replace("(", " ").replace(")", " ").split()
    return 0 < len(words) <= 2 and all(w == "%" or is_unit_word(w) or w.lower() in _GRADE_UNITS for w in words)


_GRADE_UNITS = ("predikat", "kategori")


class CellResolver:
    """Divides the text of a table's rows among its text columns."""

    def __init__(self, header: FlatHeader, known: dict[str, dict[str, set[int]]],
                 bands: dict[str, tuple[float, float]], measure: Measure = CHARS):
        self.h = header
        self.measure = measure
        self.cols = list(header.text_cols)
        self.known = known
        self.bands = bands
        self._row = 0                    # id of the row being resolved
        self._unnumbered_split = False   # an unnumbered row may hold two cells in one block (see _blocks)

    def _known(self, role: str, text: str) -> bool:
        """The text was read unambiguously in another row of the report."""
        rows = self.known.get(role, {}).get(_norm(text), ())
        return any(r != self._row for r in rows)

    def _role(self, col: str, budget: bool) -> str:
        if col == "first":
            return "name" if budget else "sasaran"
        return col

    def _score_cells(self, cells: list[tuple[str, list[str]]], budget: bool, first_is_row_start: bool) -> float:
        """cells: (column, lines) of the candidate."""
        s = 0.0
        for idx, (col, lines) in enumerate(cells):
            if not lines:
                continue
            s -= 2.0 * width_violation(lines, self.bands.get(col), self.measure)
            text = " ".join(lines)
            role = self._role(col, budget)
            if self._known(role, text):
                s += 6.0
            head = text.lstrip("(\"'")
            opens_ind = bool(_INDICATOR_OPENING.match(head))
            if head[:1].islower() and not (idx == 0 and first_is_row_start) and not (role == "indikator" and opens_ind):
                s -= 1.5                 # (an indicator may open in lower case: "persentase desa ...")
            if role == "indikator" and opens_ind:
                s += 1.0
            elif role not in ("indikator", "other") and opens_ind:
                s -= 1.0
        return s

    def resolve(self, r: FlatRow, budget: bool) -> tuple[dict[str, tuple[str, int]], list[TextLine]]:
        """column -> (text, line); and the lines left for keterangan.  A unit column ("Satuan") is the
        row's last text line before its numbers when that line is a unit and nothing else ("Indeks",
        "%", "Dokumen") or the unit before the numbers on their line; the other columns share the rest."""
        if "satuan" not in self.cols:
            return self._resolve(r, budget)
        before = [t for t in r.texts if t.phase == "pre"] or [t for t in r.texts if t.phase == "post"]
        unit = before[-1] if before and _unit_cell(before[-1].text) and len(before) > 1 else None
        same = [t for t in r.texts if t.phase == "same"]
        if unit is None and same and _unit_cell(same[0].text):
            unit = same[0]                   # on the numbers' line: "Indeks 82 84,50 103,05"
        self.cols = [c for c in self.cols if c != "satuan"]
        try:
            if unit is None:
                return self._resolve(r, budget)
            texts = r.texts
            r.texts = [t for t in texts if t is not unit]
            try:
                out, ket = self._resolve(r, budget)
            finally:
                r.texts = texts
            out["satuan"] = (unit.text, unit.line)
            return out, ket
        finally:
            self.cols = list(self.h.text_cols)

    def _resolve(self, r: FlatRow, budget: bool) -> tuple[dict[str, tuple[str, int]], list[TextLine]]:
        self._row = id(r)
        self._unnumbered_split = r.paragraphs or r.section is not None
        pre = [t for t in r.texts if t.phase == "pre"]
        post = [t for t in r.texts if t.phase == "post"]
        same = [t for t in r.texts if t.phase == "same"]
        ket: list[TextLine] = []
        if same:
            if self.h.keterangan:
                # a remark that begins after the numbers on their line: the text below goes on with it
                ket = same
                if not r.values_first:
                    ket, post = sorted(same + post, key=lambda t: t.line), []
            else:
                post = post + same
        numbered = r.no is not None or r.kode is not None
        self._lines = {}
        if r.values_first and pre:
            out = self._first_line(pre, _blocks(post), numbered, budget)
        else:
            blocks = _blocks(pre if pre else post)
            tail = post if pre else []
            # a total row is labelled by its whole text ("Jumlah"), not by the opening of a longer cell,
            # and adds up no quantities of a unit ("4 Unit" is one indicator's target)
            total = bool(blocks) and _total_label(_joined([t for b in blocks for t in b])[0]) and \
                not any(v.shape == QTY for v in r.vals)
            out, ket = self._blocks(blocks, numbered, budget, total, ket)
            if tail:
                out, ket = self._tails(out, _blocks(tail), budget, numbered, ket)
        return out, ket

    def _tails(self, out: dict, tails: list[list[TextLine]], budget: bool, numbered: bool,
               ket: list[TextLine]) -> tuple[dict, list[TextLine]]:
        """Text below a row's numbers: the rest of its cells, wrapped past the numbers (or over a page
        break).  The converter writes what is left of each cell in column order, one block per cell,
        so the blocks go to the row's own cells in order; which cells is what reads best as wrapped
        cells (a line broken only where the next word would not fit, texts known elsewhere)."""
        lines = {c: list(self._lines.get(c, [])) for c in out}
        cols = [c for c in self.cols if c in out] or self.cols[:1]
        use_ket = self.h.keterangan and not ket
        if use_ket:
            cols = cols + ["keterangan"]
        k = len(tails)
        if k > 10:
            tails = tails[:9] + [[t for b in tails[9:] for t in b]]
            k = 10
        best, best_s = None, None
        hints = [next((t.col for t in b if t.col is not None), None) for b in tails]
        hints = [h if h is not None and h < len(self.cols) and self.cols[h] in cols else None for h in hints]
        fits = [a for a in combinations_with_replacement(range(len(cols)), k)
                if not any(h is not None and cols[ci] != self.cols[h] for h, ci in zip(hints, a))]
        # (a block whose column the empty cells before it tell goes there, when any order allows it)
        for assign in fits or combinations_with_replacement(range(len(cols)), k):
            cand = {c: [t.text for t in lines.get(c, [])] for c in cols}
            for b, ci in zip(tails, assign):
                cand[cols[ci]] = cand[cols[ci]] + [t.text for t in b]
            sc = self._score_cells([(c, ls) for c, ls in cand.items() if ls], budget, numbered)
            sc -= 0.8 * sum(1 for a, b in zip(assign, assign[1:]) if a == b)   # one block per cell
            if use_ket and cols.index("keterangan") in assign:
                sc -= 0.6
            if best_s is None or sc > best_s + 1e-9:
                best, best_s = assign, sc
        for b, ci in zip(tails, best):
            c = cols[ci]
            if c == "keterangan":
                ket = ket + b
                continue
            txt, line = out.get(c, ("", b[0].line))
            out[c] = (join_lines([txt] + [t.text for t in b]), line)
        return out, ket

    def _blocks(self, blocks: list[list[TextLine]], numbered: bool, budget: bool, total: bool,
                ket: list[TextLine]) -> tuple[dict, list[TextLine]]:
        """Whole blocks to cells: every block one cell, in column order; which cells they are is
        decided by what the blocks say (a row without number under a merged cell fills the last
        cells; a remark column takes a block only when the texts read so)."""
        cols = list(self.cols)
        use_ket = self.h.keterangan and not ket
        if use_ket:
            cols.append("keterangan")
        m, k = len(cols), len(blocks)
        if not blocks or not self.cols:
            return {}, ket
        if k > max(m, 6):
            # more blocks than cells: the division into consecutive groups that reads most like cells
            best, best_s = None, None
            for cuts in combinations(range(1, k), m - 1):
                groups = [blocks[a:b] for a, b in zip((0,) + cuts, cuts + (k,))]
                cand = [(c, [t.text for g in grp for t in g]) for c, grp in zip(cols, groups)]
                sc = self._score_cells(cand, budget, numbered)
                if best_s is None or sc > best_s:
                    best, best_s = groups, sc
            self._lines = {c: [t for g in grp for t in g] for c, grp in zip(cols, best)}
            out = {c: _joined(ls) for c, ls in self._lines.items()}
            return self._take_ket(out, ket)
        best, best_s = None, None
        for g in range(1, min(k, m) + 1):
            for cuts in combinations(range(1, k), g - 1):
                groups = [[t for b in blocks[a:b2] for t in b] for a, b2 in zip((0,) + cuts, cuts + (k,))]
                for which in combinations(range(m), g):
                    if (numbered or total) and which[0] != 0:
                        continue
                    cand = [(cols[ci], [t.text for t in grp]) for ci, grp in zip(which, groups)]
                    sc = self._score_cells(cand, budget, numbered) - 0.8 * (k - g)
                    core = [ci for ci in which if cols[ci] != "keterangan"]
                    if not (numbered or total):
                        # under a merged cell the row's cells are the last ones
                        sc -= 0.4 * sum(1 for ci in range(len(self.cols)) if ci not in which and ci > min(core or [0]))
                    else:
                        sc -= 0.4 * sum(1 for ci in range(len(self.cols)) if ci not in which)
                    if use_ket and (m - 1) in which:
                        sc -= 0.6
                    if best_s is None or sc > best_s + 1e-9:
                        best, best_s = (which, groups), sc
        which, groups = best
        self._lines = {cols[ci]: grp for ci, grp in zip(which, groups)}
        out = {cols[ci]: _joined(grp) for ci, grp in zip(which, groups)}
        if len(groups) == 1 and len(self.cols) >= 2 and not total and (
                numbered and which == (0,) or not self.h.has_no or self._unnumbered_split):
            # (a table with no number column, a text whose every line is a cell's paragraph, or a row
            # under a "Program" / "Sub Kegiatan" label, which has no number: an unnumbered row's one
            # block may hold two cells too)
            blocks = groups
            split = self._split_block(blocks[0], budget)
            if split is not None:
                out = split
        return self._take_ket(out, ket)

    @staticmethod
    def _take_ket(out: dict, ket: list[TextLine]) -> tuple[dict, list[TextLine]]:
        if "keterangan" in out:
            txt, line = out.pop("keterangan")
            ket = [TextLine(txt, line, 0, "pre")]
        return out, ket

    def _split_block(self, lines: list[TextLine], budget: bool) -> dict | None:
        """One block for two cells (a converter that leaves no blank line between them): the line
        where the second cell starts, if the texts say so."""
        cols = self.cols
        best_cut, best_s = None, self._score_cells([(cols[0], [t.text for t in lines])], budget, True) + 0.5
        for cut in range(1, len(lines)):
            cand = [(cols[0], [t.text for t in lines[:cut]]), (cols[1], [t.text for t in lines[cut:]])]
            sc = self._score_cells(cand, budget, True)
            if sc > best_s:
                best_cut, best_s = (cut,), sc
        cut_in = None
        if cols[1:2] == ["indikator"]:
            # (or inside a line, where an indicator's name opens: a converter that writes the
            # sasaran's last line and the indicator's first, on one baseline, as one line)
            for li, t in enumerate(lines):
                words = t.text.split()
                for wj in range(1, len(words)):
                    rest = " ".join(words[wj:])
                    if not _INDICATOR_OPENING.match(rest) or _INDICATOR_OPENING.match(" ".join(words[wj - 1:])):
                        continue            # (not inside the opening: "Rata-rata persentase")
                    first = [x.text for x in lines[:li]] + [" ".join(words[:wj])]
                    cand = [(cols[0], first), (cols[1], [rest] + [x.text for x in lines[li + 1:]])]
                    sc = self._score_cells(cand, budget, True)
                    if sc > best_s:
                        best_cut, best_s, cut_in = None, sc, (li, wj)
        if "other" in cols[2:3] and len(lines) >= 3:
            # three text cells, the last a column no field takes ("Formulasi Perhitungan"): the
            # indikator's text opens as an indicator's does (the formula's may too: "Jumlah ... dibagi")
            for a, b in combinations(range(1, len(lines)), 2):
                parts = [lines[:a], lines[a:b], lines[b:]]
                if not _INDICATOR_OPENING.match(parts[1][0].text):
                    continue
                sc = self._score_cells([(c, [t.text for t in p]) for c, p in zip(cols, parts)], budget, True) + 0.5
                if sc > best_s:
                    best_cut, best_s = (a, b), sc
        if best_cut is None and cut_in is not None:
            li, wj = cut_in
            at = lines[li]
            words = at.text.split()
            head = lines[:li] + [TextLine(" ".join(words[:wj]), at.line, at.block, at.phase)]
            second = [TextLine(" ".join(words[wj:]), at.line, at.block, at.phase)] + lines[li + 1:]
            self._lines = {cols[0]: head, cols[1]: second}
            return {cols[0]: _joined(head), cols[1]: _joined(second)}
        if best_cut is None:
            return None
        bounds = (0,) + best_cut + (len(lines),)
        self._lines = {c: lines[a:b] for c, a, b in zip(cols, bounds, bounds[1:])}
        return {c: _joined(lines[a:b]) for c, a, b in zip(cols, bounds, bounds[1:])}

    def _first_line(self, pre: list[TextLine], conts: list[list[TextLine]], numbered: bool, budget: bool) -> dict:
        """The first line holds the first line of several cells; the blocks below continue them."""
        cols = self.cols
        m = len(cols)
        words = " ".join(t.text for t in pre).split()
        line0 = pre[0].line
        if not cols:
            return {}
        words = words[:24]
        n = len(words)
        best, best_s = None, None
        starts = [0] if numbered else range(m)
        for s0 in starts:
            for c in range(1, m - s0 + 1):
                if c > n:
                    break
                if len(conts) > c:
                    continue
                for cuts in combinations(range(1, n), c - 1):
                    parts = [" ".join(words[a:b]) for a, b in zip((0,) + cuts, cuts + (n,))]
                    for which in combinations(range(c), len(conts)):
                        lines = [[p] for p in parts]
                        for blk, ci in zip(conts, which):
                            lines[ci] += [t.text for t in blk]
                        cand = [(cols[s0 + i], ls) for i, ls in enumerate(lines)]
                        sc = self._score_cells(cand, budget, numbered) + 0.3 * c - 0.2 * s0
                        if best_s is None or sc > best_s + 1e-9:
                            best, best_s = (s0, parts, which), sc
        if best is None:
            return {cols[0]: (" ".join(words), line0)}
        s0, parts, which = best
        out = {cols[s0 + i]: (p, line0) for i, p in enumerate(parts)}
        for blk, ci in zip(conts, which):
            col = cols[s0 + ci]
            txt, line = out[col]
            out[col] = (" ".join([txt] + [t.text for t in blk]), line)
        return out


def _joined(lines: list[TextLine]) -> tuple[str, int]:
    return clean(join_lines([t.text for t in lines])), lines[0].line


def _norm(t: str) -> str:
    return collapse(t).lower()          # (white space runs as one space, none at the ends)


def unambiguous_cells(h: FlatHeader, r: FlatRow) -> list[tuple[str, list[str]]]:
    """(column, lines) of the cells of a row whose division is certain: one block per text column,
    numbers after the text, and every block after the first opening as a cell does (a block that
    opens in lower case may be the rest of the cell above it, broken by a blank line)."""
    if r.values_first or not r.vals:
        return []
    pre = [t for t in r.texts if t.phase == "pre"]
    blocks = _blocks(pre)
    if len(blocks) != len(h.text_cols) or not (r.no is not None or r.kode is not None):
        return []
    if not all(_opens_cell(b[0].text) for b in blocks[1:]):
        return []
    return [(c, [t.text for t in b]) for c, b in zip(h.text_cols, blocks)]


def _opens_cell(text: str) -> bool:
    """Text that may open a cell: a capital, a digit, a bracket or quote, or an indicator's opening word."""
    head = text.lstrip()
    return bool(head) and (not head[0].islower() or bool(_INDICATOR_OPENING.match(head)))


def continuation_cells(h: FlatHeader, r: FlatRow) -> list[tuple[str, list[str]]]:
    """(column, lines) of the wrapped continuations of a first-line row, when every cell continues."""
    if not (r.values_first and r.vals):
        return []
    blocks = _blocks([t for t in r.texts if t.phase == "post"])
    if len(blocks) != len(h.text_cols):
        return []
    return [(c, [t.text for t in b]) for c, b in zip(h.text_cols, blocks) if b]


# -- values ------------------------------------------------------------------------------------

_MONEY_COLS = ("pagu", "realisasi_anggaran", "sisa")
_GROUP = {"target": "K", "realisasi": "K", "capaian": "K", "pagu": "A", "realisasi_anggaran": "A",
          "capaian_anggaran": "A", "sisa": "A", "efisiensi": "E"}


def _plain_number(t: str) -> float | None:
    m = re.fullmatch(r"[-−–]?\d+(?:[.,]\d+)?", t.strip())
    if not m:
        return None
    try:
        return float(t.strip().replace("−", "-").replace("–", "-").replace(",", "."))
    except ValueError:
        return None


def role_of(col: str) -> str:
    """The field a value column's cells take: another year's column ("realisasi@2022") has its
    label's shape without its field."""
    return col.split("@", 1)[0]


def _group(col: str) -> str | None:
    return _GROUP.get(role_of(col))


def _fit(p: Piece, role: str) -> float | None:
    role = role_of(role)
    sh = p.shape
    if role in _MONEY_COLS:
        if sh == MONEY:
            return 3.0
        if sh == DASH:
            return 2.0
        if sh == NUM:
            v = _plain_number(p.text)
            return 1.0 if v is not None and (v == 0 or v >= 1000) else None
        return None
    if role in ("target", "realisasi"):
        return {QTY: 3.0, PCT: 2.0, NUM: 2.0, GRADE: 2.0, DASH: 1.0, MONEY: 0.5}.get(sh)
    if role in ("capaian", "capaian_anggaran"):
        return {PCT: 2.5, NUM: 1.5, DASH: 1.0}.get(sh)
    if role == "efisiensi":
        return {PCT: 2.0, NUM: 2.0, DASH: 1.0}.get(sh)
    return None


def _places(r: FlatRow) -> list[int] | None:
    """The value columns (by index) the row's values stand in, told by the empty cells between
    them (see placed_values); None when the text does not tell."""
    if not r.vals or len(r.skips) != len(r.vals) or min(r.skips) < 0 or max(r.skips) == 0 or r.values_first:
        return None
    pos, p = [], -1
    for s in r.skips:
        p += 1 + s
        pos.append(p)
    return pos


def _last_place(r: FlatRow) -> int | None:
    pos = _places(r)
    return pos[-1] if pos else None


def placed_values(cols: list[str], r: FlatRow) -> dict[str, list[Piece]] | None:
    """Values to columns by the empty cells between them, when the text tells them (a Word table's
    text, docx2txt: each cell a paragraph, an empty one two blank lines): the first value after the
    row's text skips the empty value cells before it, each next one those between.  None when the
    text does not tell (no empty cell seen) or the places do not fit the header."""
    pos = _places(r)
    if pos is None or pos[-1] >= len(cols):
        return None
    return {cols[i]: [v] for i, v in zip(pos, r.vals)}


def assign_values(cols: list[str], vals: list[Piece]) -> dict[str, list[Piece]]:
    """Value tokens -> value columns, in order, by shape; a column's group used from its start."""
    n, p = len(cols), len(vals)
    if not vals or not cols:
        return {}
    all_vals = vals
    extra: list[Piece] = []
    if p > n:
        extra = vals[n:]
        vals = vals[:n]
        p = n
    best, best_s = None, None
    for combo in combinations(range(n), p):
        s = 0.0
        ok = True
        for v, ci in zip(vals, combo):
            f = _fit(v, cols[ci])
            if f is None:
                ok = False
                break
            s += f
        if not ok:
            continue
        used = set(combo)
        used_groups = {_group(cols[ci]) for ci in used}
        for ci in range(combo[0], combo[-1] + 1):
            if ci not in used:
                # a whole group left empty (a budget row's kinerja cells) is common; a hole inside one is not
                s -= 1.5 if _group(cols[ci]) in used_groups else 0.3
        for g in used_groups:
            idx = [i for i, c in enumerate(cols) if _group(c) == g]
            first_used = min(i for i in idx if i in used)
            s -= 0.6 * sum(1 for i in idx if i > first_used and i not in used and i > combo[-1])
        s -= 0.25 * (n - 1 - combo[-1]) + 0.3 * combo[0]
        for g, pen in (("K", 1.0), ("A", 2.0)):
            # a budget group is never without its pagu; a kinerja group may lack its target
            idx = [i for i, c in enumerate(cols) if _group(c) == g]
            if len(idx) >= 2 and any(i in used for i in idx) and idx[0] not in used:
                s -= pen
        got = {cols[ci]: v.shape for v, ci in zip(vals, combo)}
        if "target" in got and "realisasi" in got and got["target"] != got["realisasi"]:
            s -= 0.7 if DASH not in (got["target"], got["realisasi"]) else 0.0
        if best_s is None or s > best_s + 1e-9:
            best, best_s = combo, s
    if best is None:
        kinerja = [c for c in cols if _group(c) == "K"]
        if any(v.shape == QTY for v in all_vals) and 0 < len(kinerja) < n:
            # more numbers than fit: a quantity says they are the kinerja cells', the extra ones
            # staying in the last of them (a cell of two lines "0" / "0")
            return assign_values(kinerja, all_vals)
        best = tuple(range(p))
    out = {cols[ci]: [v] for v, ci in zip(vals, best)}
    if extra:
        out[cols[best[-1]]] += extra
    return out
