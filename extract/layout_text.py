"""Space-aligned text -> lines and table grids: `pdftotext -layout` output, fixed-width exports,
OCR text with layout.

Hand-written, as no library reads tables out of text laid out with spaces.  The reasoning is that
of the rule-less PDF grid (extract/pdf_layout.py), and its functions do the work, fed with
character columns as coordinates: a word is a `Word` whose x is its column and whose y its line.

- Pages split at form feeds; running headers and footers (lines that repeat at the top or bottom
  of many pages, digits aside, and bare page numbers) are dropped.
- A table starts at a header line: two or more runs of header words, one of them naming a value
  column ("Target", "Realisasi", "Anggaran" ...) or "No" / "Kode"; words no list knows beside them
  do not matter.  The label lines right above and below it and the column-number row ("1 2 3",
  "(6=4-5)") are the rest of the header.  The body runs down to two blank lines, a "Tabel N"
  caption, a new header, a paragraph line across the columns, or the page end.
- Columns: `column_separators` of the PDF grid (the header labels say how many columns and
  roughly where, each separator sits in the widest white gutter of the body between two labels);
  a label written with one space before the next ("Target Realisasi") is split where the body has
  a gutter.  Values are shared out over the value columns line by line, nearest first; a column is
  a value column by its values, its label, or its group (an empty R beside T and % under
  "Kinerja"), and a column whose two-line cell ("2" / "Dokumen") runs through a line is taken there.  A header word over two or more labels of the lines below ("Kinerja" over T / R / %)
  is a group label; it is written in the first column of its group, as the PDF grid writes it, so
  `parsers.headers.build_header` reads a two-level header.
- Rows: pdftotext prints each line of a cell at its height on the page, so a wrapped cell either
  starts on its row's first line (cells aligned to the top) or is centred on its row (vertically
  centred cells, whose lines then interleave with those of the cells beside them).  Rows are
  anchored on their values (and row numbers); both readings are tried and the one whose cells fit
  best is kept.  For centred rows the boundary between two rows is put where every column's lines
  balance around its row's values (a small dynamic programme).  One reading holds for a page's
  table; where a page fits both equally (one row and the tail of the row before), a table continued
  from the page before keeps that page's reading.  A cell merged over several rows
  (a sasaran over its indicators under one row number) is written in the first of them.
- Lines above a page's first row that belong to no row there are the tail of the row the page
  break cut: they make a row of their own, which the parsers join to the row before, as they join
  a table continued on the next page under its repeated header.

Line numbers stay the source's: a row is the line it starts on; each cell keeps the line and the
character span (in the source line) of its first piece; a wrapped cell's pieces are joined with a
space.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add, attrgetter, le, sub, truediv
from dataclasses import dataclass, field

from lkj.model.document import Cell, Document, Grid, Line
from lkj.model.settings import LayoutSettings
from lkj.normalizers.grades import is_grade
from lkj.normalizers.sign_off import is_sign_off
from lkj.normalizers.table_words import is_header_word, is_label_word, is_value_label, sasaran_section
from lkj.normalizers.text import join_lines

from .page_words import group_lines
from .pdf_layout import VALUE, Word, column_separators, white_runs
from .running_lines import PAGE_NO, repeated_keys, running_key

# ---------------------------------------------------------------------------------------------
# is the text laid out with spaces?

_GAP = re.compile(r"\S {2,}(?=\S)")          # (its end: where a run of two spaces or more ends)


def _gap_edges(t: str) -> set[int]:
    """Where a line's runs of two spaces or more end (left-aligned columns) and, as negative
    numbers, where they begin (right-aligned numbers end there)."""
    out: set[int] = set()
    for m in _GAP.finditer(t):
        out.add(m.end())
        out.add(-m.start() - 1)
    return out


def is_space_aligned(lines: list[str], s: LayoutSettings) -> bool:
    """Many lines whose runs of two or more spaces end (or begin: numbers aligned right) at the same
    column as on a neighbouring line (columns aligned with spaces), or a few lines that align many
    such edges (a short wide table), not a few double spaces in running text.  (The lines are read
    in order and only as far as needed: once enough of them align, more cannot undo it.)"""
    n = len(lines)
    nonblank = max(1, sum(map(bool, map(str.strip, lines))))
    paged = any("\f" in t for t in lines)
    least = min(s.text_aligned_share, s.text_aligned_share_paged) if paged else s.text_aligned_share
    ends: list[set[int] | None] = [None] * n      # each line's gap ends, found when first needed

    def gap_ends(j: int) -> set[int]:
        st = ends[j]
        if st is None:
            t = lines[j]
            st = ends[j] = _gap_edges(t.lstrip("\f")) if "  " in t else set()
        return st

    aligned = matched = 0
    for i in range(n):
        st = gap_ends(i)
        if not st:
            continue
        # a gap end within a character of one on a line up to three away
        near = {q + d for q in st for d in (-1, 0, 1)}
        for j in range(max(0, i - 3), min(n, i + 4)):
            if j != i and not near.isdisjoint(gap_ends(j)):
                aligned += 1
                other = gap_ends(j)
                matched += sum(1 for q in st if q in other or q - 1 in other or q + 1 in other)
                # enough lines align, or fewer lines align many columns (a short table of six columns)
                if (aligned >= s.text_aligned_lines or aligned >= 2 and matched >= 2 * s.text_aligned_lines) \
                        and aligned / nonblank >= least:
                    return True
                break
    return False


# ---------------------------------------------------------------------------------------------
# pages, words, runs


@dataclass(slots=True)
class _Src:
    no: int                     # 1-based source line number
    text: str                   # the line without its form feeds
    off: int                    # form feeds removed at its start (source offset of column 0)
    y: int                      # its place on the page (its words' top)
    toks: list[str]             # its words' texts (a blank line has none)
    _words: list[Word] | None = None            # its words, made when first asked for
    _runs: list[list[str]] | None = None        # its words' texts in runs (worked out once)
    _wruns: list[list[Word]] | None = None      # its words in those runs (worked out once)
    core: bool | None = None    # is it a header line (worked out once)
    data: bool | None = None    # does it hold a value word (worked out once)

    @property
    def words(self) -> list[Word]:
        """The line's words (made on first use: most lines of running text never need them)."""
        ws = self._words
        if ws is None:
            ws = self._words = _line_words(self.text, self.toks, self.y)
        return ws


# A word's x is counted in half characters: a word over characters s..e-1 spans 2s..2(e-1), so the
# place between two characters is a slot of its own, which the PDF grid's white-run counting sees as
# white when no word covers it (one space between two columns, a row shifted by one character).


def _start(w: Word) -> int:
    """The character column a word starts at."""
    return int(w.x0) // 2


def _end(w: Word) -> int:
    """The character column after a word's last character."""
    return int(w.x1) // 2 + 1


_X0, _X1 = attrgetter("x0"), attrgetter("x1")


def _line_words(text: str, toks: list[str], k: int) -> list[Word]:
    """The words of line k, `toks` (text.split()) at their places: each is found from the end of the
    one before (only white lies between them), cheaper than matching them with a pattern."""
    top, bottom = float(k), k + 1.0
    find = text.find
    out = []
    pos = 0
    for t in toks:
        pos = find(t, pos)
        end = pos + len(t)
        out.append(Word(t, 2.0 * pos, top, 2.0 * (end - 1), bottom))
        pos = end
    return out


def _pages(lines: list[str], numbers: list[int] | None = None) -> list[list[_Src]]:
    pages: list[list[_Src]] = [[]]
    page = pages[0]
    for i, t in enumerate(lines):
        text = t
        off = 0
        if "\f" in t:
            text = t.lstrip("\f")
            off = len(t) - len(text)
            if off and i > 0:
                page = []
                pages.append(page)
            text = text.replace("\f", " ")
        page.append(_Src(numbers[i] if numbers is not None else i + 1, text, off, len(page), text.split()))
    return pages


_RUN_GAP = re.compile(r"\s{2,}")


def _text_runs(s: _Src) -> list[list[str]]:
    """The texts of `_runs(s.words)`: words one whitespace character apart are one run."""
    r = s._runs
    if r is None:
        r = s._runs = [run.split() for run in _RUN_GAP.split(s.text.strip())] if s.toks else []
    return r


def _word_runs(s: _Src) -> list[list[Word]]:
    """`_runs(s.words)`, worked out once per line (the lists are shared: not to be changed)."""
    r = s._wruns
    if r is None:
        ws = s.words
        r, i = [], 0
        for t in _text_runs(s):
            r.append(ws[i:i + len(t)])
            i += len(t)
        s._wruns = r
    return r


def _runs(words: list[Word], gap: int = 1) -> list[list[Word]]:
    """Words separated by at most `gap` spaces."""
    out: list[list[Word]] = []
    for w in words:
        if out and _start(w) - _end(out[-1][-1]) <= gap:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def _run_word(run: list[Word]) -> Word:
    """A run of words as one Word (its text, its extent)."""
    return Word(" ".join(w.text for w in run), run[0].x0, run[0].top, run[-1].x1, run[0].bottom)


# ---------------------------------------------------------------------------------------------
# word and line shapes

_DATA = re.compile(r"^(rp\.?)?[-–(]?\d[\d.,]*\)?\s*%$|^(rp\.?)?[-–]?\d{1,3}([.,]\d{3})+([.,]\d+)?(,-+)?$|"
                   r"^[-–]?\d+[.,]\d+$|^rp\.?\d", re.I)
_ROWNO = re.compile(r"^\(?(\d{1,3}|[a-zA-Z]|[IVXivx]{1,5})([.)]\d{0,2})?\)?\.?$")
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$|^\(?\d{1,2}\s*=\s*[\d()/x*+\-%]+\)?$|^\(?[IVX]{1,4}\)?$")
_NUMERIC_START = re.compile(r"^(rp\.?\s*)?[-–(]?\d|^[-–—]+$", re.I)
_TWO_LETTERS = re.compile(r"[A-Za-z]{2}")
_CAPTION = re.compile(r"^(tabel|table|gambar|grafik|lampiran)\s+[\dIVX]", re.I)
_HEADER_ONLY = re.compile(r"^[(\[]?(%|rp\.?|[ktr])[)\]]?$|^\(?\d{1,2}\s*=.*$|^\(?(19|20)\d\d\)?$|^\(?tw\.?$|"
                          r"^[(\[]*[A-Z0-9%]{1,3}[)\]]*(\s*[-/x*:]\s*[(\[]*[A-Z0-9%]{1,3}[)\]]*)+$|"
                          r"^(kinerja|anggaran|keuangan|perubahan|setelah|sebelum|murni|\(?rp\.?\)?|iv\)?|iii\)?|ii\)?|i\))$",
                          re.I)


def _remembered(test: Callable[[str], object]) -> Callable[[str], bool]:
    """A pattern's test of a word (its match or search), remembered: a match costs more than a
    look-up, and a table's words repeat and are tested several times over."""
    @lru_cache(maxsize=50_000)
    def remembered(t: str) -> bool:
        return test(t) is not None
    return remembered


_is_value = _remembered(VALUE.fullmatch)
_data_word = _remembered(_DATA.match)
_row_no = _remembered(_ROWNO.match)
_numeric_start = _remembered(_NUMERIC_START.match)
_two_letters = _remembered(_TWO_LETTERS.search)


@lru_cache(maxsize=50_000)
def _is_rp(t: str) -> bool:
    """A currency prefix ("Rp", "Rp."), remembered."""
    return t.lower().rstrip(".") == "rp"


def _has_data(s: _Src) -> bool:
    if s.data is None:
        s.data = any(map(_data_word, s.toks))
    return s.data


def _label_run(run: list[str]) -> bool:
    """A run (its words' texts) that reads as a header label: a few words, most of them header
    vocabulary (a word broken a letter or two before its end, "SASARA N", "INDIKATO R", read whole)."""
    if len(run) > 6:
        return False
    words = _joined_fragments(run) if any(len(t) <= 2 for t in run[1:]) else run
    return sum(map(is_label_word, words)) * 5 >= 3 * len(words)


def _joined_fragments(run: list[str]) -> list[str]:
    out: list[str] = []
    for t in run:
        if out and len(t) <= 2 and t.isalpha() and is_header_word((out[-1] + t).lower()):
            out[-1] += t
        else:
            out.append(t)
    return out


def _header_core(s: _Src) -> bool:
    """A header line: no values, two or more label runs with header words, one naming a value
    column or the row number / kode column."""
    if s.core is None:
        s.core = _is_header_core(s)
    return s.core


def _is_header_core(s: _Src) -> bool:
    toks = s.toks
    # (first what is cheapest to rule out: a line naming no value column, row number or kode)
    if len(toks) < 2 or not any(map(_names_column, toks)) or _has_data(s):
        return False
    every = _text_runs(s)
    label = [_label_run(r) for r in every]
    runs = [r for r, lab in zip(every, label) if lab and any(map(is_header_word, r))]
    if len(runs) < 2 or 3 * sum(label) < 2 * len(every):
        return False
    return any(is_value_label(t) or _NO_KODE.fullmatch(t) for r in runs for t in r)


_NO_KODE = re.compile(r"(?i)no\.?|nomor|kode")


@lru_cache(maxsize=50_000)
def _names_column(t: str) -> bool:
    """A word naming a value column, the row number or the kode column."""
    return is_value_label(t) or _NO_KODE.fullmatch(t) is not None


def _prose(s: _Src) -> bool:
    """A line of running text: a run of six words or more."""
    return any(len(r) >= 6 for r in _text_runs(s))


def _opens_with_no(s: _Src) -> bool:
    """A line whose first run is "No" (or "Kode") alone, the rest of its labels set apart: a header,
    even right under a paragraph (a justified paragraph line spaces its words as widely, but does not
    open with a lone "No")."""
    runs = _text_runs(s)
    return len(runs) >= 3 and len(runs[0]) == 1 and _NO_KODE.fullmatch(runs[0][0]) is not None


def _caption_above(above: _Src, line: _Src) -> bool:
    """The line above a header is its table's caption, not a paragraph's last line: it is set well to
    the right of where the header starts ("Lembar Dokumen Perjanjian Kinerja ..." centred over it)."""
    return _start(above.words[0]) >= _start(line.words[0]) + 12


def _header_runs(s: _Src) -> int:
    return sum(1 for r in _text_runs(s) if _label_run(r) and any(map(is_header_word, r)))


def _numbering_line(s: _Src) -> bool:
    """A row of column numbers under a header ("1 2 3 4", "(1) (2) (6=4-5)", "I II III")."""
    toks = s.toks
    return len(toks) >= 3 and all(_NUMBERING.match(t) for t in toks)


def _label_line(s: _Src, below: bool) -> bool:
    """A further line of a header: label runs only, no values; below the main line a lone run
    must be words that only headers hold ("(%)", "Kinerja", "6=5/4") or value columns' names
    ("Target Realisasi"), as a lone "Program" or "Persentase" there starts the body."""
    if not s.toks or _has_data(s) or _CAPTION.match(s.text.strip()):
        return False
    runs = _text_runs(s)
    if not all(_label_run(r) for r in runs):
        return False
    if below and len(runs) == 1:
        # (or two value columns' names one space apart: "Target Realisasi" under a group label)
        return all(_HEADER_ONLY.match(t) for t in s.toks) or len(s.toks) >= 2 and all(map(is_value_label, s.toks))
    return True


def _sasaran_line(s: _Src) -> bool:
    """A line across the table naming the sasaran of the rows under it ("Sasaran 1: Meningkatnya
    ..."): a row of the body, not a paragraph, though its words cross the columns' gutters."""
    t = s.toks
    return bool(t) and t[0][:1] in "Ss" and t[0][:7].lower() == "sasaran" and sasaran_section(s.text) is not None


def _sentence_across(s: _Src, span: float) -> bool:
    """A line of running text across most of a table's width: a run of eight words or more, single
    spaces between them, as wide as three fifths of the header (no cell of a table holds one; after a
    blank line it is the paragraph below the table, and its words would fill the gutters the table's
    columns are found by)."""
    return any(len(r) >= 8 and r[-1].x1 - r[0].x0 >= 0.6 * span for r in _word_runs(s))


def _amount_prefix(s: _Src, header: list[_Src]) -> bool:
    """A bare "Rp" alone on the line under the header, under no label of it: the first line of a
    row's amount wrapped in a narrow cell ("Rp" / "2.081.350.099"), not the header's unit (which
    stands under its label, or in brackets beside it)."""
    if len(s.words) != 1 or not _is_rp(s.words[0].text):
        return False
    w = s.words[0]
    return not any(u.x0 - 2 <= w.x1 and w.x0 <= u.x1 + 2 for x in header for u in x.words)


def _label_broken_over(above: _Src | None, below: _Src) -> bool:
    """Narrow columns' labels broken over the main line, their first letters on the line above it
    and the rest on the line below ("N" / "O", "TARGE" / "T"): fragments alone, one over the other
    (left-aligned or centred), each pair making a header word."""
    if above is None or not above.words or len(above.words) != len(below.words):
        return False
    for a, b in zip(above.words, below.words):
        word = (a.text + b.text).lower()
        if not (a.text.isalpha() and b.text.isalpha() and len(a.text) <= 8 and len(b.text) <= 4):
            return False
        if not (abs(a.x0 - b.x0) <= 2 or abs(a.cx - b.cx) <= 3) or not (word == "no" or is_header_word(word)):
            return False
    return True


def _stacked_tail(s: _Src, upper: list[_Src], core: list[_Src]) -> bool:
    """A lone label below a header's main line that ends a label begun above it: "Program/Kegiatan/
    Sub" over the main line and "Kegiatan" under it, or "Anggaran (Rp)" over it and "Realisasi (Rp)"
    under it; centred on the upper run (within a character and a half), with no label of the main
    lines in its place (the label stands in the middle of the header's height, the main line's
    labels beside it).  A row's first words under the header start at their column's edge."""
    if not upper or not _label_line(s, below=False):
        return False
    runs = _word_runs(s)
    if len(runs) != 1:
        return False
    w = _run_word(runs[0])
    for x in core:
        if any(_overlap(_run_word(r), w) >= 0 for r in _word_runs(x)):
            return False
    return any(abs(u.cx - w.cx) <= 3 for x in upper for u in map(_run_word, _word_runs(x)))


# ---------------------------------------------------------------------------------------------
# running headers and footers


def _running_lines(pages: list[list[_Src]], s: LayoutSettings) -> set[int]:
    """Line numbers of running headers / footers: margin lines repeated on many pages (digits
    aside; header lines of tables excepted), and a page number set apart at a page's top or end."""
    m = s.text_margin_lines
    margins = []
    for page in pages:
        nb = [x for x in page if x.toks]
        margins.append(nb if len(nb) <= 2 * m else nb[:m] + nb[-m:])
    key = {x.no: running_key(x.text) for mg in margins for x in mg}
    keys = [{key[x.no] for x in mg if not _header_core(x)} for mg in margins]
    running = repeated_keys(keys, s.running_share)
    out: set[int] = set()
    for page, mg in zip(pages, margins):
        for x in mg:
            if key[x.no] in running and not _header_core(x):
                out.add(x.no)
        nb = [k for k, x in enumerate(page) if x.toks]
        for k in nb[:1] + nb[-1:]:
            x = page[k]
            lonely = all(not y.toks for y in page[max(0, k - 1):k]) or all(not y.toks for y in page[k + 1:k + 2])
            if PAGE_NO.match(x.text.strip()) and (lonely or len(nb) == 1):
                out.add(x.no)
    return out


# ---------------------------------------------------------------------------------------------
# table regions


@dataclass
class _Region:
    header: list[_Src]                  # header lines (without the column-number row)
    numbering: _Src | None              # the column-number row
    body: list[_Src]                    # body lines (blank ones included)
    at_top: bool                        # the table starts the page (a continued table repeats its header)
    at_bottom: bool = False             # the table ends the page (its last row may go on over the page)
    end: int = 0                        # the page line past the table's last (set by _find_regions)
    mode: str | None = None             # the reading of its rows, "top" or "centre" (set by _region_rows)
    seps: list[float] = field(default_factory=list)
    groups: dict[int, tuple[Word, list[int]]] = field(default_factory=dict)   # first column -> (label, columns)
    labels: dict[int, str] = field(default_factory=dict)                      # column -> its label text
    label_words: dict[int, list[Word]] = field(default_factory=dict)


def _find_regions(page: list[_Src], s: LayoutSettings) -> list[_Region]:
    out: list[_Region] = []
    n = len(page)
    i = 0
    first_text = next((k for k, x in enumerate(page) if x.toks), n)
    while i < n:
        # (the labels naming the value columns and the row number may be those broken over the main line)
        broken = 0 < i < n - 1 and _label_broken_over(page[i - 1], page[i + 1]) and _label_line(page[i], below=False)
        if not (_header_core(page[i]) or broken) or (i > 0 and not broken and _prose(page[i - 1]) and not (
                _caption_above(page[i - 1], page[i]) or _opens_with_no(page[i]))):
            i += 1              # (a justified paragraph line with header words is no header)
            continue
        top = i
        while top - 1 >= 0 and page[top - 1].toks and _label_line(page[top - 1], below=False) \
                and not (out and top - 1 < out[-1].end):
            top -= 1
        hb = i + 1
        if top == i and hb < n and _label_broken_over(page[i - 1] if i > 0 else None, page[hb]):
            top, hb = i - 1, hb + 1         # "N" over the main line, "O" under it: the "NO" column's label
        numbering = None
        while hb < n and page[hb].toks:
            if _numbering_line(page[hb]):
                numbering = page[hb]
                hb += 1
                break
            if _amount_prefix(page[hb], page[top:hb]):
                break
            if _header_core(page[hb]) or _label_line(page[hb], below=True) or \
                    (_label_line(page[hb], below=False) and _header_follows(page, hb + 1)) or \
                    _stacked_tail(page[hb], page[top:i], page[i:hb]):
                hb += 1
                continue
            break
        header = [x for x in page[top:hb] if x.toks and x is not numbering]
        span = max(w.x1 for x in header for w in x.words) - min(w.x0 for x in header for w in x.words)
        j, blanks, last = hb, 0, hb - 1
        while j < n:
            x = page[j]
            if not x.toks:
                blanks += 1
                if blanks >= 2:
                    break
                j += 1
                continue
            if _CAPTION.match(x.text.strip()) or blanks and _sentence_across(x, span) and not _sasaran_line(x) \
                    or is_sign_off(x.text):
                break           # (a paragraph below the table, or where and when it was signed)
            if _header_core(x) and not _repeats_header(x, header):
                # another table: the label lines right above its header line are its own; a table
                # is set apart from the one before by a blank line (else it takes three labels:
                # two label-like runs of a wrapped row are no header)
                t = j
                while t - 1 >= hb and page[t - 1].toks and _label_line(page[t - 1], below=False):
                    t -= 1
                if not (t == hb or not page[t - 1].toks or _header_runs(x) >= 3):
                    blanks = 0
                    last = j
                    j += 1
                    continue
                last = t - 1
                while last >= hb and not page[last].toks:
                    last -= 1
                break
            blanks = 0
            last = j
            j += 1
        body = page[hb:last + 1]
        reg = _Region(header, numbering, body, at_top=top <= first_text)
        reg.end = last + 1
        _columns(reg, s)
        lines = sum(1 for x in reg.body if x.toks)
        _trim_body(reg)
        if sum(1 for x in reg.body if x.toks) < lines:
            # a paragraph after the table was cut off: the columns again, from the table's own lines
            # (a paragraph's words fill the gutters the table's columns are found by)
            reg.seps, reg.groups, reg.labels, reg.label_words = [], {}, {}, {}
            _columns(reg, s)
        reg.end = hb + len(reg.body)
        reg.at_bottom = not any(x.toks for x in page[reg.end:])
        out.append(reg)
        i = max(reg.end, hb)
    return out


def _header_follows(page: list[_Src], j: int, most: int = 3) -> bool:
    """Do label lines from j lead, within `most` lines, to a header line, the column-number row or
    a line of labels in three columns (so a lone label there is still the header, as "Sasaran /"
    above "No | Indikator ...", or "Program / Kegiatan" centred between "Kode" and "Rekening")?"""
    for k in range(j, min(len(page), j + most)):
        x = page[k]
        if not x.toks:
            return False
        if _header_core(x) or _numbering_line(x):
            return True
        if not _label_line(x, below=False):
            return False
        if len(_text_runs(x)) >= 3:
            return True          # the header's last line: labels in three columns or more ("Rekening ... (Rp) (%)")
    return False


def _repeats_header(x: _Src, header: list[_Src]) -> bool:
    """A header line inside a body that repeats labels of the table's header (a sub-header such as
    "No | Sasaran Program | Indikator Kinerja") rather than opening another table: two thirds of
    its runs start, end or centre where header labels do, or lie over half their width under a
    header label with a word of its own ("Sasaran Program" a few characters left of "Sasaran Kegiatan":
    pdftotext centres a sub-header's labels in their merged cells, not where the header's are)."""
    def words(r: list[Word]) -> set[str]:
        return {_letters(w.text) for w in r} - {""}

    marks = []
    for h in header:
        for r in _word_runs(h):
            marks.append((_start(r[0]), _end(r[-1]), (_start(r[0]) + _end(r[-1])) / 2, words(r)))
    hits = 0
    runs = _word_runs(x)
    for r in runs:
        a, b, ws = _start(r[0]), _end(r[-1]), words(r)
        if any((abs(a - m[0]) <= 3 or abs(b - m[1]) <= 3 or abs((a + b) / 2 - m[2]) <= 3
                or 2 * (min(b, m[1]) - max(a, m[0])) >= min(b - a, m[1] - m[0])) and ws & m[3]
               for m in marks):
            hits += 1
    return hits >= 2 and hits * 3 >= 2 * len(runs)


_NOT_LETTER = re.compile(r"[^a-z]")


@lru_cache(maxsize=50_000)
def _letters(text: str) -> str:
    """A word's letters a-z, lower-cased (remembered: body words are tested line by line)."""
    return _NOT_LETTER.sub("", text.lower())

_WORDLIKE = re.compile(r"[\w%]")
# words that go on the label before them ("Sisa Anggaran", "Pagu Setelah", "Sub Kegiatan")
_QUALIFIER = re.compile(r"(?i)(anggaran|kinerja|keuangan|setelah|sebelum|perubahan|murni|kegiatan)$")
_DASHES = re.compile(r"[-–—]+")
_INDIKATOR = re.compile(r"(?i)\s*indikator")


def _columns(reg: _Region, s: LayoutSettings) -> None:
    """Column separators, group labels and column labels of a region."""
    # (a "Sasaran 1: ..." line runs across the columns: its words fill no gutter)
    body = [x for x in reg.body if not _sasaran_line(x)]
    body_words = [w for x in body for w in x.words]
    head_words = [w for x in reg.header for w in x.words]
    allw = body_words + head_words + (reg.numbering.words if reg.numbering else [])
    if not allw:
        return
    x0 = min(map(_X0, allw))
    x1 = max(map(_X1, allw))
    # the body's words by line (what group_lines(body_words) gives: a line's words share their y
    # and stand left to right)
    body_lines = [list(x.words) for x in body if x.toks]
    cover = _cover(body_lines, x0, x1)         # (the gutters' and the separators' white)
    gutters = white_runs(body_words, x0, x1, min_gap=5, lines=body_lines, cover=cover) if body_words else []  # two characters or more
    # header label runs, split where a body gutter runs through a single space ("Target Realisasi")
    # and, in a two-line label ("Capaian Realisasi" over "Kinerja Anggaran"), a single space within a
    # character of a split made on another header line (the values under the left label reach past
    # the lower line's space, so no gutter runs through it)
    def over_nothing_split(b: Word) -> bool:
        # a word over no column (the gutter runs under all of it) goes on with the next word unless
        # that one names a value column of its own: "Kondisi Awal 2021", "Target 2023" over numbers
        # right-aligned under their end are one label, "... Capaian Efisiensi" two
        return _QUALIFIER.match(b.text) is None and is_value_label(b.text)

    def split_at(a: Word, b: Word) -> bool:
        # (never before a label's unit: "Kinerja (%)" over a value narrower than the label is one label;
        # nor after a word that stands in the gutter itself, over no column, when the next word
        # qualifies it: "Sisa Anggaran" centred over amounts right-aligned under "Anggaran", "Sub
        # Kegiatan" over a page's one line of totals.  Two value columns' names, "Target Realisasi",
        # are also split where a gutter runs under the second name: they drift a few characters left
        # of their values)
        return bool(_WORDLIKE.search(b.text) and _WORDLIKE.search(a.text)) and _UNIT_ONLY.match(b.text) is None and \
            a.text != "%" and (           # ("% Realisasi": the sign opens the label it qualifies)
            any(ga <= a.x1 + 1 and gb >= b.x0 and (a.x0 < ga or over_nothing_split(b)) for ga, gb in gutters)
            or is_value_label(a.text) and is_value_label(b.text) and _QUALIFIER.match(b.text) is None and
            any(a.x0 < ga <= b.x1 and gb >= a.x1 and gb - ga >= 5 for ga, gb in gutters))

    # (each cut with its run's extent: a two-line label pair set a few characters left of the line
    # above is cut where the line above is, shifted as much)
    cuts = [(x.no, b.x0, r[0].x0, r[-1].x1) for x in reg.header for r in _word_runs(x)
            for a, b in zip(r, r[1:]) if split_at(a, b)]

    def cut_above(no: int, r: list[Word], b: Word) -> bool:
        for n2, cx, r0, r1 in cuts:
            if n2 == no:
                continue
            if abs(cx - b.x0) <= 2:
                return True
            shift = r[0].x0 - r0
            if abs(shift) <= 12 and abs((r[-1].x1 - r[0].x0) - (r1 - r0)) <= 8 and abs(cx + shift - b.x0) <= 2:
                return True
        return False

    hline_runs: list[list[Word]] = []
    for x in reg.header:
        for r in _word_runs(x):
            part = [r[0]]
            for a, b in zip(r, r[1:]):
                if split_at(a, b) or (_WORDLIKE.search(b.text) and _WORDLIKE.search(a.text) and cut_above(x.no, r, b)):
                    hline_runs.append(part)
                    part = [b]
                else:
                    part.append(b)
            hline_runs.append(part)
    runs = [_run_word(r) for r in hline_runs]
    group_of = _group_labels(runs)
    labels = [w for k, w in enumerate(runs) if k not in group_of]
    gap = 2 * s.text_min_gutter - 1
    # the labels' extents a character in from each end: two-line labels side by side, staggered by a
    # character ("CAPAIAN REALISASI" over "KINERJA ANGGARAN"), overlap by that much and are no one
    # label stacked over its rest
    spans = [Word(w.text, w.x0 + 2, w.top, w.x1 - 2, w.bottom) if w.x1 - w.x0 > 8 else w for w in labels]
    reg.seps = column_separators(body_words, spans, x0, x1, label_gap=1.0, min_gap=gap,
                                 lines=body_lines, cover=cover) if labels else []
    if len(reg.seps) >= 2:
        # again on the values alone: a unit written under its number ("2" over "Dokumen") spreads
        # wider than the numbers and fills the gutter between two value columns
        seps = reg.seps
        col_of = _cols_of(seps, body_words)
        is_value = [_is_value(w.text) for w in body_words]         # (both by body word)
        words_in: Counter = Counter(col_of)
        values_in: Counter = Counter(c for c, v in zip(col_of, is_value) if v)
        value_cols = {c for c, n in words_in.items() if values_in[c] * 3 >= n}
        # the words kept, line by line: those of text columns, the values, and a unit on its number's
        # line one space after it ("4 Laporan": it is one cell with the number, and the gutter it
        # fills is no column's edge)
        lean_lines = []
        i = 0                   # (body_words are the body lines' words in order)
        for x in body:
            ln = []
            after_value, prev_end = False, 0
            for w in x.words:
                v = is_value[i]
                if col_of[i] not in value_cols or v or after_value and _start(w) - prev_end <= 1:
                    ln.append(w)
                after_value, prev_end = v, _end(w)
                i += 1
            if ln and x.toks:
                lean_lines.append(ln)
        lean = [w for ln in lean_lines for w in ln]
        reg.seps = column_separators(lean, spans, x0, x1, label_gap=1.0, min_gap=gap, values_to_labels=False,
                                     lines=lean_lines, cover=_cover(lean_lines, x0, x1))
    ncol = len(reg.seps) + 1
    for w in labels:
        reg.label_words.setdefault(_col_of(reg.seps, w.cx), []).append(w)
    for c, ws in reg.label_words.items():
        ws.sort(key=lambda w: (w.top, w.x0))
        reg.labels[c] = " ".join(w.text for w in ws)
    _place_groups(reg, [(runs[k], [runs[m] for m in subs]) for k, subs in group_of.items()], x0, x1)


def _cover(lines: list[list[Word]], x0: float, x1: float) -> list[int]:
    """`line_cover(lines, x0, x1)` for lines of a text's words, counted without merging spans: a
    line's words never touch (a space at least between two, three white slots) and all lie within
    x0..x1, so each word is a span of its own, int(x0)..int(x1)+1."""
    lo, hi = int(x0), int(x1) + 1
    diff = [0] * (hi - lo + 3)
    for ln in lines:
        for w in ln:
            diff[int(w.x0) - lo] += 1
            diff[int(w.x1) + 1 - lo] -= 1
    return list(accumulate(diff[:hi - lo + 2]))


def _overlap(a: Word, b: Word) -> float:
    return min(a.x1, b.x1) - max(a.x0, b.x0)


def _group_labels(runs: list[Word]) -> dict[int, list[int]]:
    """Group labels of a two-level header ("Kinerja" over T / R / %, "Anggaran" over Pagu /
    Realisasi / Capaian, "Tahun 2022" over Target / Realisasi): a label of the top level (no label
    above it), all of whose lines stand above two or more neighbouring labels that are no other
    label's lower lines, and centred over them.  Returns group run -> its sub-label runs."""
    out: dict[int, list[int]] = {}
    if not runs:
        return out
    # each label's stack (its lines one under the other) and the stack's middle line: sub-labels
    # stand below the middle of the header, where the full-height labels are centred
    tops = sorted({r.top for r in runs})
    middle = (tops[0] + tops[-1]) / 2
    below_of: dict[int, int] = {}
    for m, r in enumerate(runs):
        under = [q for q, u in enumerate(runs) if u.top > r.top and _overlap(u, r) >= 0 and q not in below_of
                 and (abs(u.cx - r.cx) <= 4 or r.x0 <= u.x0 and u.x1 <= r.x1)]
        if under:
            below_of[min(under, key=lambda q: runs[q].top)] = m
    centre: dict[int, float] = {}
    for m, r in enumerate(runs):
        if m in below_of:
            continue
        lines, q = [r.top], m
        while True:
            nxt = [u for u, up in below_of.items() if up == q]
            if not nxt:
                break
            q = nxt[0]
            lines.append(runs[q].top)
        centre[m] = (min(lines) + max(lines)) / 2
    # the labels standing above each label and overlapping it (its upper lines or another label's)
    above = [[q for q, u in enumerate(runs) if u.top < r.top and _overlap(u, r) >= 0] for r in runs]
    for k, g in enumerate(runs):
        if above[k]:
            continue
        # the label's own lower lines: centred under it, alone under it on their line
        own = [m for m, r in enumerate(runs) if r.top > g.top and _overlap(r, g) >= 0 and abs(r.cx - g.cx) <= 4
               and not any(q is not r and q.top == r.top and q.x1 >= g.x0 - 4 and q.x0 <= g.x1 + 4 for q in runs)]
        cands = []
        for m, r in enumerate(runs):
            if r.top <= g.top or m in own or centre.get(m, -1.0) <= middle + 0.25:
                continue
            if any(q != k for q in above[m]):
                continue                                # another label's lower line
            cands.append(m)
        cands.sort(key=lambda m: runs[m].cx)
        best: list[int] | None = None
        best_d: float | None = None
        for a in range(len(cands)):
            lo, hi = runs[cands[a]].x0, runs[cands[a]].x1
            for z in range(a + 1, len(cands)):
                r = runs[cands[z]]          # the extent of cands[a..z], grown one label at a time
                if r.x0 < lo:
                    lo = r.x0
                if r.x1 > hi:
                    hi = r.x1
                if lo > g.x0 + 2 or hi < g.x1 - 2:
                    continue
                d = abs((lo + hi) / 2 - g.cx)
                if d <= max(4.0, 0.15 * (hi - lo)) and (best_d is None or hi - lo < best_d):
                    best, best_d = cands[a:z + 1], hi - lo       # the narrowest such set
        # the label's own lower lines must stand above its sub-labels, or among them (a sub-label
        # right under the group label: "Anggaran" over "Pagu  Realisasi  Capaian")
        if best and all(runs[o].top <= min(runs[m].top for m in best) or any(runs[o].top == runs[m].top for m in best)
                        for o in own):
            out[k] = sorted(best + [o for o in own if any(runs[o].top == runs[m].top for m in best)],
                            key=lambda m: runs[m].cx)
    return out


def _cols_of(seps: list[float], words: list[Word]) -> list[int]:
    """[_col_of(seps, w.cx) for w in words], by binary search when the separators are in order."""
    if all(map(le, seps, seps[1:])):
        # (each word's (x0 + x1) / 2, and its place among the separators, mapped in C)
        centres = map(truediv, map(add, map(_X0, words), map(_X1, words)), repeat(2))
        return list(map(bisect_right, repeat(seps), centres))
    return [_col_of(seps, w.cx) for w in words]


def _col_of(seps: list[float], x: float) -> int:
    for c, sp in enumerate(seps):
        if x < sp:
            return c
    return len(seps)


def _place_groups(reg: _Region, groups: list[tuple[Word, list[Word]]], x0: float, x1: float) -> None:
    """The columns whose labels stand below the header's middle (sub-labels) are shared out among
    the group labels over them, in order, each group centred over its columns as well as can be; a
    group is written in the first of its columns."""
    if not groups:
        return
    from itertools import combinations

    tops = sorted({w.top for x in reg.header for w in x.words})
    middle = (tops[0] + tops[-1]) / 2
    bounds = [x0] + reg.seps + [x1]
    gtop = min(g.top for g, _ in groups)
    sub = sorted(c for c, ws in reg.label_words.items()
                 if (min(w.top for w in ws) + max(w.top for w in ws)) / 2 > middle + 0.25
                 and min(w.top for w in ws) > gtop)
    runs: list[list[int]] = []
    for c in sub:
        if runs and c == runs[-1][-1] + 1:
            runs[-1].append(c)
        else:
            runs.append([c])
    gs = sorted((g for g, _ in groups), key=lambda g: g.cx)

    def beside(c: int) -> bool:
        # a text column's label on the sub-labels' line ("No  Indikator Kinerja  2021  2022") with no
        # group label over it is no group's column, when the groups name value columns ("Target" over
        # its years; a title line read into the header, "... Tahun 2021", is no such group)
        ws = reg.label_words[c]
        if not all(is_value_label(g.text) for g in gs):
            return False
        return _TEXT_COLUMN_LABEL.match(" ".join(w.text for w in ws)) is not None and not any(
            g.x1 >= min(w.x0 for w in ws) and g.x0 <= max(w.x1 for w in ws) for g in gs)

    runs = [r for r in ([c for c in run if not beside(c)] for run in runs) if r]
    refs = _formula_refs(reg)
    for run in runs:
        lo, hi = bounds[run[0]], bounds[run[-1] + 1]
        over = [g for g in gs if lo <= g.cx <= hi]
        if not over:
            continue
        best: list[list[int]] | None = None
        best_cost: float | None = None
        for cuts in combinations(range(1, len(run)), len(over) - 1):
            parts = [run[a:z] for a, z in zip((0,) + cuts, cuts + (len(run),))]
            cost = sum(_group_fit(reg, p, g) for p, g in zip(parts, over))
            # a column's formula ("6=5/4") names columns of its own group: the group labels' centring
            # (a web page's, a few characters off) weighs less than that
            part_of = {c: k for k, p in enumerate(parts) for c in p}
            cost += 50.0 * sum(1 for c, rs in refs for r in rs if c in part_of and r in part_of and part_of[c] != part_of[r])
            if best_cost is None or cost < best_cost:
                best, best_cost = parts, cost
        for p, g in zip(best or [], over):
            if len(p) >= 2:
                reg.groups[p[0]] = (g, p)


_TEXT_COLUMN_LABEL = re.compile(r"(?i)(no|nomor|indikator|sasaran|kode|uraian|program|kegiatan|sub\s*kegiatan)\b\.?")
_FORMULA_CELL = re.compile(r"\(?(\d{1,2})\s*=\s*([\d()/x*+\-\s]+)\)?$")


def _formula_refs(reg: _Region) -> list[tuple[int, list[int]]]:
    """The columns each formula of the column-number row refers to: "(6=5/4)" over column 5 of the
    grid names the columns numbered 5 and 4 -> (5, [their columns])."""
    if reg.numbering is None:
        return []
    col_of_no: dict[int, int] = {}
    formulas: list[tuple[int, list[int]]] = []
    for w in reg.numbering.words:
        c = _col_of(reg.seps, w.cx)
        t = w.text.strip()
        m = _FORMULA_CELL.match(t)
        if m:
            col_of_no[int(m.group(1))] = c
            formulas.append((c, [int(x) for x in re.findall(r"\d+", m.group(2))]))
        elif re.fullmatch(r"\(?\d{1,2}\)?", t):
            col_of_no[int(t.strip("()"))] = c
    return [(c, [col_of_no[n] for n in ns if n in col_of_no]) for c, ns in formulas]


def _group_fit(reg: _Region, cols: list[int], g: Word) -> float:
    """How badly a group label sits over these columns: its distance from the middle of their
    labels, and much more when it reaches beyond them."""
    ws = [w for c in cols for w in reg.label_words.get(c, [])]
    lo, hi = min(w.x0 for w in ws), max(w.x1 for w in ws)
    return abs((lo + hi) / 2 - g.cx) + (0.0 if lo - 2 <= g.x0 and g.x1 <= hi + 2 else 100.0)


_ROW_NO_WORD = re.compile(r"\d{1,3}[.)]")


def _trim_body(reg: _Region) -> None:
    """End the body before a paragraph: a line with a run (single spaces) across two column
    gutters, or across one after a blank line."""
    if not reg.seps:
        return
    prev_blank = False
    for k, x in enumerate(reg.body):
        if not x.toks:
            prev_blank = True
            continue
        if _sasaran_line(x):
            prev_blank = False
            continue
        for j, t in enumerate(_text_runs(x)):
            if len(t) < 3 or sum(map(_two_letters, t)) * 3 < 2 * len(t):
                continue            # values packed one space apart cross gutters; prose does
            r = _word_runs(x)[j]    # (the words of that run)
            # (a row number set one space before its text, "1. Meningkatnya ...", or "1 Penyediaan ..."
            # with the number in the first column, crosses no gutter)
            lead = len(r) >= 2 and (_ROW_NO_WORD.fullmatch(r[0].text) is not None
                                    or r[0].text.isdigit() and len(r[0].text) <= 3 and r[0].x1 < reg.seps[0])
            first = r[1] if lead else r[0]
            crossed = sum(1 for sp in reg.seps if first.x0 < sp < r[-1].x1)
            if crossed >= 2 or (crossed >= 1 and prev_blank and len(r) >= 3):
                reg.body = reg.body[:k]
                while reg.body and not reg.body[-1].toks:
                    reg.body.pop()
                return
        prev_blank = False
    while reg.body and not reg.body[-1].toks:
        reg.body.pop()


# ---------------------------------------------------------------------------------------------
# rows


@dataclass
class _Row:
    lines: list[int]                    # body line indices (contiguous)
    kind: str = "row"                   # row / header / fragment
    take: dict[tuple[int, int], int] = field(default_factory=dict)   # (line, col) -> row id moved in or out


def _numeric_piece(t: str) -> bool:
    """A piece of a value column: it starts with a number or a dash, or is a dash and a number that
    drifted into one column ("-   0,00%": a nil realisasi beside its capaian)."""
    if _numeric_start(t):
        return True
    toks = t.split()
    return len(toks) >= 2 and bool(_DASHES.fullmatch(toks[0])) and _numeric_start(toks[1])


_UNIT_ONLY = re.compile(r"^[(\[](%|rp\.?)[)\]]$", re.I)


class _Body:
    """A region's body as pieces: pieces[k][c] = the words of body line k in column c."""

    def __init__(self, reg: _Region):
        self.reg = reg
        self.lines = reg.body
        self.n = len(self.lines)
        self.ncol = len(reg.seps) + 1
        self.pieces: list[dict[int, list[Word]]] = []
        self.cols: list[list[int]] = []         # cols[k]: the column of each word of line k
        for x in self.lines:
            p: dict[int, list[Word]] = {}
            cs = _cols_of(reg.seps, x.words) if x.toks else []
            for c, w in zip(cs, x.words if x.toks else ()):
                if c in p:
                    p[c].append(w)
                else:
                    p[c] = [w]
            self.pieces.append(p)
            self.cols.append(cs)
        self._classify()
        self._repair_drift()
        # worked out once for both readings of a segment (see _segment_rows)
        self.counts: _Counts | None = None
        self.segments: dict[tuple[int, int], tuple[list[_VCell], list[int], list[int]]] = {}
        # the indicator column: one cell per row, never merged over rows
        self.per_row_col = next((c for c, t in sorted(reg.labels.items())
                                 if _INDIKATOR.match(t)), None)

    def _repair_drift(self) -> None:
        """Values back into their columns.  pdftotext sets each line's words from the widths of the
        words before them, so a column's values drift a few characters from line to line and from
        their header label (more so to the right of long text), and a gutter between two value
        columns may not hold on every line.  On each line the value cells are in column order, one
        per column: they are shared out over the value columns in order, each as near its column
        as can be; a unit on a line of its own ("Dokumen" under "12") goes to the column of the
        number it stands under."""
        vcols = sorted(self.values)
        if len(vcols) < 2:
            return
        seps = self.reg.seps
        vset = set(vcols)
        lo_of = {c: (seps[c - 1] if c > 0 else -1e9) for c in vcols}
        hi_of = {c: (seps[c] if c < len(seps) else 1e9) for c in vcols}

        def dist(t: list[Word], c: int) -> float:
            x = (t[0].x0 + t[-1].x1) / 2
            return max(0.0, lo_of[c] - x, x - hi_of[c])

        units: list[tuple[int, list[Word]]] = []
        placed: list[list[tuple[list[Word], int]]] = [[] for _ in self.pieces]
        for k, p in enumerate(self.pieces):
            words = sorted((w for c in vcols for w in p.get(c, [])), key=_X0)
            if not words:
                continue
            tokens: list[list[Word]] = []
            for w in words:
                numeric = _is_value(w.text) and w.text not in ("%",) or _is_rp(w.text)
                prev = tokens[-1] if tokens else None
                joined = prev is not None and _start(w) - _end(prev[-1]) <= 1 and (
                    not numeric or _is_rp(prev[-1].text) or w.text == "%")
                if prev is not None and joined and (_is_value(prev[0].text) or _is_rp(prev[0].text)):
                    prev.append(w)
                else:
                    tokens.append([w])
            nums = []
            numeric_line = any(_is_value(t[0].text) and t[0].text != "%" for t in tokens)
            for t in tokens:
                if _is_value(t[0].text) or _is_rp(t[0].text) or (
                        numeric_line and len(t) == 1 and is_grade(t[0].text)):
                    nums.append(t)          # (a letter grade among the line's numbers: "BB   B   75%")
                else:
                    units.append((k, t))
            for c in vcols:
                p.pop(c, None)
            # a column whose cell runs through this line is taken: a number on the line above with
            # its unit on the line below ("2" / "Dokumen" centred in a tall row) and nothing of this
            # line under it, so this line's values (centred between them) go to the other columns
            taken = set()
            if k > 0 and placed[k - 1]:
                below = [w for w in self.lines[k + 1].words if not _is_value(w.text)] if k + 1 < self.n else []
                mine = [w for w, c in zip(self.lines[k].words, self.cols[k]) if c in vset] if self.lines[k].toks else []
                for t, c in placed[k - 1]:
                    t0, t1 = t[0].x0, t[-1].x1      # (the extent of the token's words)
                    if any(min(t1, u.x1) >= max(t0, u.x0) for u in below) \
                            and not any(min(t1, w.x1) >= max(t0, w.x0) for w in mine):
                        taken.add(c)
            cols = [c for c in vcols if c not in taken] if len(nums) <= len(vcols) - len(taken) else vcols
            # monotone assignment of the numbers to distinct value columns (a small DP)
            n, m = len(nums), len(cols)
            if n > m:
                for t in nums:
                    c = _col_of(seps, (t[0].x0 + t[-1].x1) / 2)
                    placed[k].append((t, c if c in self.values else vcols[0]))
                continue
            INF = float("inf")
            best = [[INF] * (m + 1) for _ in range(n + 1)]
            best[0] = [0.0] * (m + 1)
            for i in range(1, n + 1):
                for j in range(i, m + 1):
                    best[i][j] = min(best[i][j - 1] if j - 1 >= i else INF,
                                     best[i - 1][j - 1] + dist(nums[i - 1], cols[j - 1]))
            i, j = n, m
            while i > 0:
                if j - 1 >= i and best[i][j] == best[i][j - 1]:
                    j -= 1
                    continue
                placed[k].append((nums[i - 1], cols[j - 1]))
                i, j = i - 1, j - 1
        for k, t in units:
            x0, x1 = t[0].x0, t[-1].x1
            near = [(abs(j - k), -min(x1, u[-1].x1) + max(x0, u[0].x0), c) for j in range(k - 2, k + 3)
                    if 0 <= j < len(placed) and j != k for u, c in placed[j]
                    if min(x1, u[-1].x1) - max(x0, u[0].x0) >= 0]
            c = min(near)[2] if near else min(vcols, key=lambda c: dist(t, c))
            placed[k].append((t, c))
        for k, items in enumerate(placed):
            p = self.pieces[k]
            for t, c in items:
                p.setdefault(c, []).extend(t)
            for c in {c for _, c in items}:
                p[c].sort(key=_X0)

    def _classify(self) -> None:
        texts: dict[int, list[str]] = {}
        for p in self.pieces:
            for c, ws in p.items():
                texts.setdefault(c, []).append(" ".join(w.text for w in ws))
        col0 = texts.get(0, [])
        # the row-number column: numbers, beside the labels of rows of their own ("Program", "Sub")
        col0 = [t for t in col0 if _row_no(t) or not all(is_label_word(w) for w in t.split())]
        self.numbering = 0 if self.ncol >= 2 and col0 and \
            sum(1 for t in col0 if _row_no(t)) >= 0.6 * len(col0) else None
        self.values = {c for c, ts in texts.items() if c != self.numbering and ts
                       and sum(1 for t in ts if _numeric_piece(t)) >= 0.5 * len(ts)}
        # a value column no value landed in (they drifted into its neighbour) is known by its label
        self.values |= {c for c, t in self.reg.labels.items() if c not in texts and c != self.numbering
                        and any(is_value_label(w) or w in ("%", "(%)") for w in t.split())}
        # ... or by its group: an empty column under a group label ("Kinerja" over T / R / %) whose
        # other columns hold values is a value column too (its values drifted into a neighbour)
        for _label, cols in self.reg.groups.values():
            if any(c in self.values for c in cols):
                self.values |= {c for c in cols if c not in texts and c != self.numbering}

    def number_at(self, k: int) -> bool:
        if self.numbering is None:
            return False
        p = self.pieces[k].get(self.numbering)
        if not p:
            return False
        return _row_no(" ".join(w.text for w in p))

    def has(self, k: int, c: int) -> bool:
        return c in self.pieces[k]


_SECTION_WORDS = re.compile(r"(?i)(sub\s*)?(program|kegiatan)")


def _hard_lines(b: _Body) -> dict[int, str]:
    """Body lines that are rows of their own: a repeated header / sub-header block ("No | Sasaran
    Program | Indikator Kinerja", over one or several lines), a label in the row-number column
    ("Program", "Kegiatan" over the rows below) and a line naming the sasaran of the rows below."""
    reg = b.reg
    out: dict[int, str] = {}
    label_sets = {c: {_NOT_LETTER.sub("", t) for t in ws.lower().split()} - {""} for c, ws in reg.labels.items()}
    for k, x in enumerate(b.lines):
        if not x.toks or _has_data(x):
            continue
        hits = 0
        for c, ws in b.pieces[k].items():
            lab = label_sets.get(c)         # (no "" in it)
            if lab and any(_letters(w.text) in lab for w in ws) and all(is_label_word(w.text) for w in ws):
                hits += 1
        if hits >= 2:
            out[k] = "header"
    # extend sub-header blocks over adjacent label-only lines
    for k in sorted(out):
        for step in (-1, 1):
            j = k + step
            while 0 <= j < b.n and j not in out and b.lines[j].toks and not _has_data(b.lines[j]) \
                    and all(is_label_word(w.text) for w in b.lines[j].words) and not b.number_at(j):
                out[j] = "header"
                j += step
    if b.numbering is not None and reg.seps:
        edge = reg.seps[0]
        for k, x in enumerate(b.lines):
            if k in out or not x.toks or _has_data(x) or b.number_at(k):
                continue
            if x.words[0].x0 < edge and not any(c in b.values for c in b.pieces[k]):
                out[k] = "label"
    for k, x in enumerate(b.lines):
        if k in out or not x.toks:
            continue
        if _sasaran_line(x):
            out[k] = "label"            # "Sasaran 2: Meningkatnya ...", across the columns
        elif reg.seps and x.words[0].x0 < reg.seps[0] and _SECTION_WORDS.fullmatch(x.text.strip()):
            out[k] = "label"            # "Program" alone in the first column, on a page whose rows have no number
    return out


@dataclass
class _VCell:
    col: int
    top: int
    bottom: int
    prefix: bool = False                # only "Rp" so far


def _value_cells(b: _Body, lo: int, hi: int) -> list[_VCell]:
    """Value cells of lines lo..hi-1: a piece that starts with a number (or a dash) and the
    pieces of the same column right below it that do not ("Dokumen", "%")."""
    out: list[_VCell] = []
    for c in sorted(b.values):
        cur: _VCell | None = None
        for k in range(lo, hi):
            p = b.pieces[k].get(c)
            if not p:
                continue
            t = " ".join(w.text for w in p[:2]) if _is_rp(p[0].text) else p[0].text
            numeric = _numeric_start(t)
            rp = _is_rp(t)      # a currency prefix starts an amount, never follows one
            if cur is not None and k - cur.bottom <= 2 and (not numeric or cur.prefix) and not (rp and not cur.prefix):
                cur.bottom = k
                cur.prefix = cur.prefix and not numeric
                continue
            if numeric or _is_rp(t):
                cur = _VCell(c, k, k, prefix=not numeric)
                out.append(cur)
            else:
                cur = None
    return [v for v in out if not v.prefix]


@dataclass
class _Anchor:
    pos: float
    lo: int
    hi: int
    number: bool = False


def _anchors(cells: list[_VCell], centred: bool) -> list[_Anchor]:
    pts = sorted((((v.top + v.bottom) / 2 if centred else float(v.top), v) for v in cells), key=lambda t: t[0])
    out: list[_Anchor] = []
    for pos, v in pts:
        if out and pos - out[-1].pos <= (0.5 if centred else 0.0):
            a = out[-1]
            a.lo, a.hi = min(a.lo, v.top), max(a.hi, v.bottom)
            continue
        if centred and out and v.top <= out[-1].hi:
            # cells whose lines overlap are one row's ("100" over a row's line, "%" under it, a
            # quantity on it): centred between their ends, not two rows that would share a line
            a = out[-1]
            a.lo, a.hi = min(a.lo, v.top), max(a.hi, v.bottom)
            a.pos = (a.lo + a.hi) / 2
            continue
        out.append(_Anchor(pos, v.top if centred else v.top, v.bottom if centred else v.top))
    return out


class _Counts:
    """Prefix counts of lines with content, per column."""

    def __init__(self, b: _Body, cols: list[int]):
        self.cols = cols
        self.pre: dict[int, list[int]] = {}
        # for text columns: the next line with content, and whether a line's piece starts in lower
        # case (the rest of a cell, "dan Penilaian Kinerja", rarely the start of one)
        self.nxt: dict[int, list[int]] = {}
        self.low: dict[int, set[int]] = {}
        for c in cols:
            has = [c in p for p in b.pieces]        # (b.has(k, c) of every line)
            self.pre[c] = list(accumulate(has, initial=0))
            if c in b.values:
                continue
            nxt = [b.n] * (b.n + 1)
            for k in range(b.n - 1, -1, -1):
                nxt[k] = k if has[k] else nxt[k + 1]
            self.nxt[c] = nxt
            self.low[c] = {k for k in range(b.n) if has[k] and b.pieces[k][c][0].text[:1].islower()}

    def between(self, c: int, a: int, z: int) -> int:
        """Lines a..z-1 with content in column c."""
        if z <= a:
            return 0
        return self.pre[c][z] - self.pre[c][a]


_LOWER_START = 0.5     # a row whose cell begins with a lower-case word: probably a boundary one line off


def _centre_cost(cnt: _Counts, a: _Anchor, t: int, u: int, skip: set[int] | frozenset[int] = frozenset(), cut: bool = False,
                 only: int | None = None) -> float:
    """How far the columns' lines of rows t..u fail to balance around the anchor (`cut`: the row
    goes on over the page, so only lines above the anchor beyond those below count); a cell that
    begins in lower case adds a little (rows of equal height balance as well one line off)."""
    up = math.ceil(a.pos)
    down = math.floor(a.pos) + 1
    pre, nxts, low = cnt.pre, cnt.nxt, cnt.low
    z = u + 1
    cost = 0.0
    for c in (cnt.cols if only is None else (only,)):
        if c in skip:
            continue
        p = pre[c]                 # cnt.between, inlined (this runs for every candidate row)
        d = (p[up] - p[t] if up > t else 0) - (p[z] - p[down] if z > down else 0)
        cost += (d if d > 0 else 0) if cut else (d if d >= 0 else -d)
        nxt = nxts.get(c)
        if nxt is not None and t < len(nxt):
            k = nxt[t]
            if k <= u and k in low[c]:
                cost += _LOWER_START
    return cost


def _above(cnt: _Counts, a: _Anchor, t: int, cols: list[int]) -> tuple[list[int], list[int]]:
    """The half of `_centre_cost(cnt, a, t, u)` that does not depend on u: per column, its lines
    with content from t to the anchor; and, in order, the first line with content from t of each
    column where that line starts in lower case (each adds its price when u reaches it)."""
    up = math.ceil(a.pos)
    pre, nxts, low = cnt.pre, cnt.nxt, cnt.low
    above = [pre[c][up] - pre[c][t] for c in cols] if up > t else [0] * len(cols)
    lows = []
    for c in cols:
        nxt = nxts.get(c)
        if nxt is not None and t < len(nxt) and nxt[t] in low[c]:
            lows.append(nxt[t])
    lows.sort()
    return above, lows


def _below(cnt: _Counts, a: _Anchor, z: int, cols: list[int]) -> list[int]:
    """The other half: per column, its lines with content from below the anchor to z - 1."""
    down = math.floor(a.pos) + 1
    pre = cnt.pre
    return [pre[c][z] - pre[c][down] for c in cols] if z > down else [0] * len(cols)


def _centred_rows(b: _Body, cnt: _Counts, anchors: list[_Anchor], lo: int, hi: int, fragment: bool,
                  frag_cost: float, skips: list[set[int]] | None = None, cut: bool = False
                  ) -> tuple[float, list[tuple[int, int]], int]:
    """Row boundaries for rows centred on their anchors: (cost, [(first, last line)] per anchor,
    first line of the first row (lines before it are the fragment))."""
    m = len(anchors)
    skips = skips or [set() for _ in anchors]
    # candidate start lines of each row
    starts: list[list[int]] = []
    for k, a in enumerate(anchors):
        if k == 0:
            cand = list(range(lo, a.lo + 1)) if fragment else [lo]
        else:
            cand = list(range(anchors[k - 1].hi + 1, a.lo + 1))
        starts.append(cand or [a.lo])
    INF = float("inf")
    best: list[dict[int, tuple[float, int | None]]] = [dict() for _ in range(m)]
    for t in starts[0]:
        best[0][t] = ((frag_cost if t > lo and _any_content(b, lo, t) else 0.0), None)
    for k in range(1, m):
        # _centre_cost(cnt, a, tp, t - 1, skip) of every pair of starts, from its two halves: the
        # lines above the anchor from tp and those below it up to t, column by column
        a = anchors[k - 1]
        cols = [c for c in cnt.cols if c not in skips[k - 1]]
        prev = [(tp, cp) + _above(cnt, a, tp, cols) for tp, (cp, _) in best[k - 1].items() if tp <= a.lo]
        for t in starts[k]:
            if t <= a.hi:
                continue
            below = _below(cnt, a, t, cols)
            bc, bp = INF, None
            for tp, cp, above, lows in prev:
                c = cp + (sum(map(abs, map(sub, above, below))) + _LOWER_START * bisect_right(lows, t - 1))
                if c < bc:
                    bc, bp = c, tp
            if bp is not None:
                best[k][t] = (bc, bp)
    total, last_t = INF, None
    for t, (c, _) in best[m - 1].items():
        cc = c + _centre_cost(cnt, anchors[m - 1], t, hi - 1, skips[m - 1], cut)
        if cc < total:
            total, last_t = cc, t
    if last_t is None:
        return INF, [], lo
    ts = [last_t]
    for k in range(m - 1, 0, -1):
        before = best[k][ts[-1]][1]
        assert before is not None       # (only the first row has none before it)
        ts.append(before)
    ts.reverse()
    spans = [(ts[k], (ts[k + 1] - 1) if k + 1 < m else hi - 1) for k in range(m)]
    return total, spans, ts[0]


def _any_content(b: _Body, a: int, z: int) -> bool:
    return any(b.lines[k].toks for k in range(a, z))


def _segment_rows(b: _Body, lo: int, hi: int, fragment: bool, frag_cost: float, mode: str | None,
                  cut: bool = False) -> tuple[str, float, list[_Row]]:
    """Rows of body lines lo..hi-1 (no hard line among them), read top-aligned or centred
    (`mode` None: the reading that fits best)."""
    # the same for both readings of a segment (and the counts for the whole body)
    got = b.segments.get((lo, hi))
    if got is None:
        text_cols = [c for c in range(b.ncol) if c != b.numbering]
        if b.counts is None:
            b.counts = _Counts(b, text_cols)
        got = b.segments[(lo, hi)] = (_value_cells(b, lo, hi), [k for k in range(lo, hi) if b.number_at(k)], text_cols)
    cells, numbers, text_cols = got
    cnt = b.counts
    assert cnt is not None              # (set with the first segment)
    results = []
    if mode in (None, "top"):
        results.append(_top_rows(b, cells, numbers, lo, hi, text_cols, frag_cost))
    if mode in (None, "centre"):
        results.append(_centre_rows(b, cnt, cells, numbers, lo, hi, fragment, frag_cost, cut))
    results = [r for r in results if r is not None]
    if not results:         # no anchor for this reading (a large cost, so it is not preferred)
        return mode or "top", 1e6, ([_Row(list(range(lo, hi)), "fragment")] if _any_content(b, lo, hi) else [])
    return min(results, key=lambda r: r[1])


def _top_rows(b: _Body, cells: list[_VCell], numbers: list[int], lo: int, hi: int, text_cols: list[int],
              frag_cost: float):
    starts = sorted({v.top for v in cells} | set(numbers))
    if not starts:
        return None
    rows: list[_Row] = []
    cost = 0.0
    if starts[0] > lo and _any_content(b, lo, starts[0]):
        rows.append(_Row(list(range(lo, starts[0])), "fragment"))
        cost += frag_cost                   # priced as the centred reading prices it
    for k, s in enumerate(starts):
        e = starts[k + 1] if k + 1 < len(starts) else hi
        rows.append(_Row(list(range(s, e))))
        for c in text_cols:
            if c in b.values:
                continue
            if not b.has(s, c) and any(b.has(j, c) for j in range(s + 1, e)):
                cost += 1
    # a value cell cut by a row number's line ("Rp" over it, the amount under it): its lines are one row's
    cost += sum(1 for v in cells if v.bottom > v.top for n in numbers if v.top < n <= v.bottom and n not in
                {u.top for u in cells})
    _top_groups(b, rows)
    return ("top", cost, rows)


def _top_groups(b: _Body, rows: list[_Row]) -> None:
    """Rows without a row number under a numbered row (its indicators): a text column running on
    without a break from the numbered row into them is one merged cell, written in the first."""
    if b.numbering is None:
        return
    head = None
    for r in rows:
        if r.kind != "row":
            continue
        if b.number_at(r.lines[0]):
            head = r
            continue
        if head is None:
            continue
        first = r.lines[0]
        texts = [c for c in range(b.ncol) if c != b.numbering and c not in b.values]
        for c in texts:
            if b.per_row_col is not None and c >= b.per_row_col:
                continue                    # the indicators and what follows them are per row
            # a sub-row has a cell of its own beside the merged one (its indicator) on its first line
            if not any(b.has(first, o) for o in texts if o != c):
                continue
            if first - 1 >= 0 and b.has(first - 1, c) and b.has(first, c) and (first - 1) in head.lines + _moved(head, c):
                k = first
                while k in r.lines and b.has(k, c):
                    head.take[(k, c)] = 1
                    r.take[(k, c)] = -1
                    k += 1


def _moved(r: _Row, c: int) -> list[int]:
    return [k for (k, cc), v in r.take.items() if cc == c and v == 1]


def _centre_rows(b: _Body, cnt: _Counts, cells: list[_VCell], numbers: list[int], lo: int, hi: int,
                 fragment: bool, frag_cost: float, cut: bool = False):
    anchors = _anchors(cells, centred=True)
    # row numbers set apart from every value anchor and not between two unnumbered anchors are anchors too
    for k in numbers:
        if any(abs(a.pos - k) <= 0.5 for a in anchors):
            continue
        before = [a for a in anchors if a.pos < k]
        after = [a for a in anchors if a.pos > k]
        if before and after:
            continue
        anchors.append(_Anchor(float(k), k, k, number=True))
    anchors.sort(key=lambda a: a.pos)
    if not anchors:
        return None
    cost, spans, first = _centred_rows(b, cnt, anchors, lo, hi, fragment, frag_cost, cut=cut)
    if not spans:
        return None
    groups = _centre_groups(b, anchors, numbers)
    skips: list[set[int]] = [set() for _ in anchors]
    merged: dict[int, set[int]] = {}
    if groups:
        for g, (p, members) in enumerate(groups):
            if len(members) < 2:
                continue
            gs = set()
            g_lo, g_hi = spans[members[0]][0], spans[members[-1]][1]
            for c in cnt.cols:
                if c in b.values or b.per_row_col is not None and c >= b.per_row_col:
                    continue                # (the indicators and what follows them are per row)
                per_row = sum(_centre_cost(cnt, anchors[i], *spans[i], only=c) for i in members)
                whole = _centre_cost(cnt, _Anchor(float(p), p, p), g_lo, g_hi, only=c)
                # where both readings balance, a column left of the indicators (sasaran, programme)
                # is the merged one
                if whole < per_row or (whole <= per_row and b.per_row_col is not None and c < b.per_row_col):
                    gs.add(c)
            for i in members:
                skips[i] = gs
            merged[g] = gs
        if any(merged.values()):
            cost2, spans2, first2 = _centred_rows(b, cnt, anchors, lo, hi, fragment, frag_cost, skips, cut)
            if spans2:
                cost, spans, first = cost2, spans2, first2
    rows: list[_Row] = []
    if first > lo and _any_content(b, lo, first):
        rows.append(_Row(list(range(lo, first)), "fragment"))
    by_anchor = [_Row(list(range(t, u + 1))) for t, u in spans]
    # a merged cell and the row number go to the first row of their group
    every = rows + by_anchor
    centres = [p for p, _ in groups]
    for g, (p, members) in enumerate(groups):
        head = by_anchor[members[0]]
        cols = merged.get(g, set())
        if cols:
            # a merged cell is centred on its row number: its lines are those of the column nearer
            # that number than any other, a line or two beyond the group's rows included (the
            # lines of a page interleave the cells of neighbouring rows)
            g_lo, g_hi = by_anchor[members[0]].lines[0], by_anchor[members[-1]].lines[-1]
            reach = max(p - g_lo, g_hi - p) + 2
            for c in cols:
                for k in range(max(lo, p - reach), min(hi, p + reach + 1)):
                    if not b.has(k, c) or min(centres, key=lambda q: (abs(q - k), q)) != p:
                        continue
                    owner = next((r for r in every if k in r.lines), None)
                    if owner is head and head.take.get((k, c), 0) != -1:
                        continue
                    if owner is not None:
                        owner.take[(k, c)] = -1
                    head.take[(k, c)] = 1
        if b.numbering is not None and p not in head.lines:
            owner = next((r for r in rows + by_anchor if p in r.lines), None)
            if owner is not None:
                owner.take[(p, b.numbering)] = -1
            head.take[(p, b.numbering)] = 1
    rows += by_anchor
    return ("centre", cost, rows)


def _centre_groups(b: _Body, anchors: list[_Anchor], numbers: list[int]) -> list[tuple[int, list[int]]]:
    """Group the anchors under the row numbers: each number takes a run of the anchors around it
    whose middle is the number's line (a number centred on a merged cell over several rows);
    anchors left over before the first and after the last number stay rows of their own.
    Returns (number line, anchor indices) per number."""
    if b.numbering is None or not numbers:
        return []
    m = len(anchors)
    pos = [a.pos for a in anchors]
    nums = sorted(numbers)
    # the anchor each number sits on or the gap it sits in
    owned: list[list[int]] = []
    for p in nums:
        owned.append([i for i in range(m) if abs(pos[i] - p) <= 0.5])
    # free anchors between consecutive numbers are split between them; DP over the split points
    INF = float("inf")

    def span_cost(p: int, idxs: list[int]) -> float:
        if not idxs:
            return 10.0         # a row number over no row
        return abs((pos[idxs[0]] + pos[idxs[-1]]) / 2 - p)

    free_between: list[list[int]] = []
    bounds = [-1.0] + [float(p) for p in nums] + [float("inf")]
    for j in range(len(nums) + 1):
        a, z = bounds[j], bounds[j + 1]
        free_between.append([i for i in range(m) if a < pos[i] < z and not any(i in o for o in owned)])
    # state: number j takes the last `left` free anchors of gap j and the first `right` of gap j+1
    best: dict[int, tuple[float, list]] = {}
    lead = free_between[0]
    for left in range(len(lead) + 1):
        best[left] = ((len(lead) - left) * 1.0, [])
    for j, p in enumerate(nums):
        gap_after = free_between[j + 1]
        nbest: dict[int, tuple[float, list]] = {}
        gap_before = free_between[j]
        for left, (c0, path) in best.items():
            taken_left = gap_before[len(gap_before) - left:] if left else []
            for right in range(len(gap_after) + 1):
                idxs = sorted(taken_left + owned[j] + gap_after[:right])
                c = c0 + span_cost(p, idxs)
                nxt_left = len(gap_after) - right
                if j == len(nums) - 1:
                    c += nxt_left * 1.0
                    nxt_left = 0
                if c < nbest.get(nxt_left, (INF, None))[0]:
                    nbest[nxt_left] = (c, path + [(p, idxs)])
        best = nbest
    if not best:
        return []
    _, path = min(best.values(), key=lambda v: v[0])
    return [(p, idxs) for p, idxs in path if idxs]


# ---------------------------------------------------------------------------------------------
# the region's rows as document lines


def _region_rows(reg: _Region, s: LayoutSettings, prefer: str | None = None) -> list[tuple[int, list[Cell], str]]:
    """(line number, cells, kind) of every row of a region: header rows, then body rows.  `prefer`:
    the reading of the table this region continues (the last one of the page before), which decides
    when both readings fit this region's rows equally (a page holding one row and the tail of the
    row before fits both); the reading chosen is kept in `reg.mode`."""
    out: list[tuple[int, list[Cell], str]] = []
    ncol = len(reg.seps) + 1
    out += _header_rows(reg, ncol)
    if not reg.body:
        return out
    b = _Body(reg)
    hard = _hard_lines(b)
    segs: list[tuple[int, int]] = []
    k = 0
    while k < b.n:
        if k in hard:
            j = k
            while j + 1 < b.n and hard.get(j + 1) == hard[k] == "header":
                j += 1
            segs.append((k, -(j + 1)))      # a hard row k..j
            k = j + 1
            continue
        j = k
        while j < b.n and j not in hard:
            j += 1
        segs.append((k, j))
        k = j
    # one reading (top or centred) for the whole region: the one that fits its segments best
    read: dict[tuple[int, str], tuple[str, float, list[_Row]]] = {}
    for lo, hi in segs:
        if hi > 0:
            frag = reg.at_top and lo == segs[0][0]     # the lines above a page's first row
            cut = reg.at_bottom and hi == b.n          # the last row may go on over the page
            for mode in ("top", "centre"):
                read[(lo, mode)] = _segment_rows(b, lo, hi, frag, s.text_fragment_cost, mode, cut)
    totals = {mode: sum(r[1] for (lo, m), r in read.items() if m == mode) for mode in ("top", "centre")}
    mode = "top" if totals["top"] <= totals["centre"] else "centre"
    if prefer in totals and abs(totals["top"] - totals["centre"]) < 1e-9:
        mode = prefer
    reg.mode = mode
    for lo, hi in segs:
        rows = [_Row(list(range(lo, -hi)), hard[lo])] if hi < 0 else read[(lo, mode)][2]
        for r in rows:
            cells = _row_cells(b, r, rows)
            if cells is None:
                continue
            out.append((cells[1], cells[0], r.kind))
    return out


def _row_cells(b: _Body, r: _Row, rows: list[_Row]) -> tuple[list[Cell], int] | None:
    per_col: dict[int, list[tuple[int, list[Word]]]] = {}
    take = r.take
    if not take:            # (most rows: their own lines, all of them; r.lines are in order)
        for k in r.lines:
            for c, ws in b.pieces[k].items():
                if c in per_col:
                    per_col[c].append((k, ws))
                else:
                    per_col[c] = [(k, ws)]
    else:
        own = set(r.lines)
        for k in sorted(own.union(k for (k, c), v in take.items() if v == 1)):
            for c, ws in b.pieces[k].items():
                t = take.get((k, c), 0)
                if k in own and t == -1:
                    continue
                if k not in own and t != 1:
                    continue
                per_col.setdefault(c, []).append((k, ws))
    if not per_col:
        return None
    if r.kind == "label":
        # a row label runs across the columns ("Sub Kegiatan", "Program"): one cell, in the first
        first_col = min(per_col)
        joined = [(k, sorted((w for c in per_col for kk, ws in per_col[c] if kk == k for w in ws),
                             key=_X0)) for k in sorted({k for v in per_col.values() for k, _ in v})]
        per_col = {first_col: joined}
    cells = [_cell(b, per_col.get(c, [])) for c in range(b.ncol)]
    first = min(v[0][0] for v in per_col.values())     # (each column's pieces are in line order)
    return cells, b.lines[first].no


def _cell(b: _Body, pieces: list[tuple[int, list[Word]]]) -> Cell:
    if not pieces:
        return Cell("")
    lines = b.lines
    # (_start and _end inlined: a table has many cells)
    texts = [lines[k].text[int(ws[0].x0) // 2:int(ws[-1].x1) // 2 + 1] for k, ws in pieces]
    k0, ws0 = pieces[0]
    x0 = lines[k0]
    start = x0.off + int(ws0[0].x0) // 2
    return Cell(join_lines(texts), line=x0.no, span=(start, x0.off + int(ws0[-1].x1) // 2 + 1))


def _header_rows(reg: _Region, ncol: int) -> list[tuple[int, list[Cell], str]]:
    """The header as one row of labels (group labels in the first column of their group) and, with
    groups, a second row of their sub-labels; then the column-number row."""
    if not reg.header:
        return []
    in_group = {c: first for first, (_, cols) in reg.groups.items() for c in cols}

    def cell_of_words(ws: list[Word]) -> Cell:
        ws = sorted(ws, key=lambda w: (w.top, w.x0))
        src = _src_of(reg, ws[0])
        return Cell(" ".join(w.text for w in ws), line=src.no if src else None,
                    span=(src.off + _start(ws[0]), src.off + _end(ws[0])) if src else None)

    top_cells, sub_cells = [], []
    for c in range(ncol):
        ws = reg.label_words.get(c, [])
        if c in in_group:
            first = in_group[c]
            g = reg.groups[first][0]
            top_cells.append(cell_of_words([g]) if c == first else Cell(""))
            sub_cells.append(cell_of_words(ws) if ws else Cell(""))
        else:
            top_cells.append(cell_of_words(ws) if ws else Cell(""))
            sub_cells.append(Cell(""))
    out = []
    no0 = reg.header[0].no
    out.append((no0, top_cells, "header"))
    if reg.groups:
        nos = [c.line for c in sub_cells if c.line]
        out.append((min(nos) if nos else no0, sub_cells, "header"))
    if reg.numbering is not None:
        cells: list[list[Word]] = [[] for _ in range(ncol)]
        for w in reg.numbering.words:
            cells[_col_of(reg.seps, w.cx)].append(w)
        x = reg.numbering
        out.append((x.no, [Cell(" ".join(w.text for w in ws), line=x.no,
                                span=(x.off + _start(ws[0]), x.off + _end(ws[-1]))) if ws else Cell("")
                           for ws in cells], "header"))
    return out


def _src_of(reg: _Region, w: Word) -> _Src | None:
    for x in reg.header:
        if x.words and x.words[0].top == w.top:
            return x
    return None


# ---------------------------------------------------------------------------------------------
# the document


def read_layout(doc: Document, lines: list[str], s: LayoutSettings, numbers: list[int] | None = None) -> None:
    """Fill `doc` with the lines and grids of space-aligned text (`numbers`: each line's number in the
    source, when some of its lines were left out; else 1, 2, ...)."""
    pages = _pages(lines, numbers)
    drop = _running_lines(pages, s)
    doc.n_pages = len(pages)
    last: _Region | None = None         # the last region of the page before, when it ends its page
    for pno, page in enumerate(pages, start=1):
        kept = [x for x in page if x.no not in drop]
        rows_at: dict[int, list[tuple[list[Cell], Grid]]] = {}
        covered: set[int] = set()
        regions = _find_regions(kept, s)
        for k, reg in enumerate(regions):
            grid = Grid(len(doc.grids) + 1, pno, None, source="columns")
            doc.grids.append(grid)
            go_on = k == 0 and reg.at_top and last is not None and len(last.seps) == len(reg.seps)
            prefer = last.mode if go_on and last is not None else None
            for no, cells, _kind in _region_rows(reg, s, prefer):
                rows_at.setdefault(no, []).append((cells, grid))
            covered.update(x.no for x in reg.header + reg.body)
            if reg.numbering is not None:
                covered.add(reg.numbering.no)
        last = regions[-1] if regions and regions[-1].at_bottom else None
        for x in kept:
            if x.no in rows_at:
                for cells, grid in rows_at[x.no]:
                    doc.add_row(x.no, cells, grid=grid)
            elif x.no not in covered:
                doc.lines.append(Line(x.no, x.text))
