"""The pieces of one line of flat text: row number, kode rekening, text, and value tokens by shape.

Written by hand (no library knows the number shapes of SAKIP tables).  A value token is read from
its shape alone: rupiah amounts ("Rp. 1.390.110.590,00", "2.226.708.730", "1,706,504,410"),
percentages ("27,08 %", "-10,93%"), quantities with a unit ("12 Dokumen", "26 Desa"), bare
numbers ("87", "-0,24"), the dash of an empty amount and, on a line of values, a letter grade
("BB").  A run of value tokens that ends the line, opens it, or holds more than one token (or a
token no text would contain) is the row's values;
a lone bare number inside text stays text ("sesuai SP 2 dan SOP").  After a value run, a row
number followed by a capitalised word opens another row on the same line ("... 89% 2 Meningkatnya").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lkj.normalizers.grades import is_grade
from lkj.normalizers.units import is_unit_word

MONEY, PCT, QTY, NUM, DASH, GRADE = "money", "pct", "qty", "num", "dash", "grade"

_MONEY = (r"\((?:Rp\.?\s*)?\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?\)"         # (2.500.000): a negative amount
          r"|(?:Rp\.?\s*)?[-−–]?\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?(?:\s*,\s*-+)?"
          r"|(?:Rp\.?\s*)?[-−–]?\d{1,3}(?:,\d{3}){2,}(?:\.\d{1,2})?"
          r"|Rp\.?\s*\d+(?:[.,]\d+)?(?:\s*,\s*-+)?")
_VALUE = re.compile(
    r"(?P<money>" + _MONEY + r")"
    r"|(?P<rpdash>Rp\.?\s*[-–—]+)"
    r"|(?P<pct>[-−–]?\d+(?:[.,]\d+)?\s*%)"
    r"|(?P<qty>\d+(?:[.,]\d+)?\s+[A-Za-z]{2,14}\b\.?)"
    r"|(?P<num>[-−–]?\d+(?:[.,]\d+)?)"
    r"|(?P<dash>[-–—]+)")
_ROW_NO = re.compile(r"^(\d{1,2}[.)]?|[a-z][.)])(?=\s+\S)")
_BARE_NO = re.compile(r"^(\d{1,2}[.)]?|[a-z][.)])$")
_KODE = re.compile(r"^\d{1,2}(?:\.\d{1,4}){1,}\.?(?=\s|$)")
_YEAR = re.compile(r"^(19|20)\d\d$")


@dataclass
class Piece:
    kind: str            # "no", "kode", "text", "val"; "bare" for a lone short number (row number or value)
    text: str
    line: int            # the source line
    shape: str = ""      # value shape (MONEY, PCT, QTY, NUM, DASH)
    mid: bool = False    # a row number found after a value run inside the line
    unit_of: bool = False  # a number joined with its unit written on the next line


def _shape(m: re.Match) -> str | None:
    g = m.lastgroup
    if g == "rpdash":
        return DASH
    if g == "qty":
        word = re.sub(r"[^A-Za-z]", "", m.group(0).split()[-1])
        return QTY if is_unit_word(word) else None
    assert g is not None                # (every alternative of the pattern is a named group)
    return {"money": MONEY, "pct": PCT, "num": NUM, "dash": DASH}[g]


@lru_cache(maxsize=65_536)
def _tokens(s: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, shape) of the value tokens of s that stand as words of their own (memoised:
    the row reader splits the same lines again for each reading it tries)."""
    out = []
    pos = 0
    n = len(s)
    while pos < n:
        m = _VALUE.search(s, pos)
        if not m:
            break
        a, b = m.start(), m.end()
        shape = _shape(m)
        if shape is None and _repeated_unit(s, m.group(0).split()[-1]):
            shape = QTY             # "10 Forum 7 Forum": a word after two numbers of the line is their unit
        if shape is None:           # "4 Pengadaan": a number before a word that is no unit
            m2 = re.match(r"[-−–]?\d+(?:[.,]\d+)?", s[a:])
            assert m2 is not None       # (the token opens with that number)
            b, shape = a + m2.end(), NUM
        left_ok = a == 0 or s[a - 1] in " ("
        right_ok = b == n or s[b] in " ),;"
        if left_ok and right_ok:
            out.append((a, b, shape))
            pos = b
        else:
            # inside a word ("RKPDes2", "5=4/5", "A-B"): skip to the end of that word
            nxt = s.find(" ", a)
            pos = n if nxt < 0 else nxt + 1
    return tuple(out)


def _repeated_unit(s: str, word: str) -> bool:
    """The word stands after each of two numbers side by side in the line ("10 Forum 7 Forum 70%"):
    the unit of a target and its realisasi that the unit list does not know (not two counts apart in
    a sentence, "3 Indikator diukur dan 1 Indikator memenuhi target")."""
    w = word.rstrip(".")
    if not w[:1].isalpha() or len(w) < 3:
        return False
    q = r"\d+(?:[.,]\d+)?\s+" + re.escape(w)
    return re.search(r"(?<![\w.,])" + q + r"\s+" + q + r"\b", s) is not None


def _runs(s: str, toks):
    runs: list[list[tuple[int, int, str]]] = []
    for t in toks:
        if runs and not s[runs[-1][-1][1]:t[0]].strip():
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def _is_value_run(s: str, run, at_start: bool) -> bool:
    before = s[:run[0][0]].strip()
    after = s[run[-1][1]:].strip()
    shapes = {t[2] for t in run}
    if len(run) >= 2 and not shapes <= {NUM} | {DASH}:
        return True
    if len(run) >= 2:
        # bare numbers: a run of them is values when it ends the line or stands alone
        return not after or not before
    (a, b, sh) = run[0]
    tok = s[a:b]
    if sh == DASH:
        return not after and bool(before) or (not before and not after)
    if sh == NUM:
        if _YEAR.match(tok) and before and re.search(r"(tahun|thn|ta\.?)$", before, re.I):
            return False
        return not after
    # money / percentage / quantity: values wherever they stand, unless a word runs on after a
    # quantity inside text ("2 Laporan Penanganan ..." opening a cell keeps its words)
    if sh == QTY and before and after and re.match(r"[a-z]", after):
        return False
    return True


def split_line(text: str, line: int, kode_col: bool = False) -> list[Piece]:
    """The pieces of one cleaned line, in order."""
    s = text.strip()
    if not s:
        return []
    out: list[Piece] = []
    if _BARE_NO.match(s):
        return [Piece("bare", s, line, NUM)]
    words = s.split()
    if is_grade(words[0]) and len(words) <= 4:   # (a letter grade on a line of values)
        # "BB" or "B BB 100%": grades, the rest of the line values (a lone letter is no grade: the
        # end of a word broken at a column edge, "KI" / "A")
        k = next((i for i, w in enumerate(words) if not is_grade(w)), len(words))
        rest = split_line(" ".join(words[k:]), line) if k < len(words) else []
        if all(p.kind == "val" for p in rest) and (len(words) > 1 or len(s) == 2):
            return [Piece("val", w, line, GRADE) for w in words[:k]] + rest
    toks = _tokens(s)
    if len(toks) == 1 and toks[0][2] == QTY and toks[0][0] == 0 and toks[0][1] == len(s) and \
            re.match(r"\d{1,2}\s", s):
        # "3 Fasilitasi": a quantity, or row 3 whose first cell opens with a unit word; the row reader decides
        return [Piece("bare", s, line, QTY)]
    m = _KODE.match(s) if kode_col else None
    if m and not re.fullmatch(r"\d{1,3}(\.\d{3})+", m.group(0)):
        out.append(Piece("kode", m.group(0), line))
        s = s[m.end():].strip()
    else:
        m = _ROW_NO.match(s)
        after_no = s[m.end():].lstrip() if m else ""
        mk = _KODE.match(after_no) if m and kode_col else None
        if mk and mk.group(0).count(".") >= 2 and not re.fullmatch(r"\d{1,3}(\.\d{3})+", mk.group(0)) and \
                re.match(r"\s+[A-Za-z]", after_no[mk.end():]):
            # "1 7.01.01 Program Penunjang ...": the row's number, then its kode
            out += [Piece("no", m.group(1), line), Piece("kode", mk.group(0), line)]
            s = after_no[mk.end():].strip()
            m = None
        elif m and re.match(r"\d+$", m.group(1)) and re.match(r"\s+[-−–]?\d", s[m.end():]):
            # "1 89% 27% 30%" or "82 79,40 96,83 %": a row number or the first value; the row reader decides
            out.append(Piece("bare", m.group(1), line, NUM))
            s = s[m.end():].strip()
            m = None
        if m:
            rest = s[m.end():].strip()
            # "12 Dokumen", "26 Desa 24 Desa 92%": a quantity, not a row number
            toks = _tokens(s)
            first = _runs(s, toks)[0] if toks and toks[0][0] == 0 else []
            whole = bool(first) and first[0][2] in (QTY, PCT, MONEY) and (
                len(first) >= 2 or not s[first[-1][1]:].strip())
            if not whole and rest:
                out.append(Piece("no", m.group(1), line))
                s = rest
                if kode_col:
                    mk = _KODE.match(s)
                    if mk and not re.fullmatch(r"\d{1,3}(\.\d{3})+", mk.group(0)):     # ("1. 3.435.000": an amount)
                        out.append(Piece("kode", mk.group(0), line))
                        s = s[mk.end():].strip()
    if not s:
        return out
    toks = _tokens(s)
    runs = [r for r in _runs(s, toks) if _is_value_run(s, r, not out)]
    # a bare integer closing a value run before a capitalised word opens the next row ("30% 2 Meningkatnya")
    split_runs: list[tuple[list[tuple[int, int, str]], tuple[int, int] | None]] = []
    for run in runs:
        x, y, sh = run[-1]
        if len(run) >= 2 and sh == NUM and re.fullmatch(r"\d{1,2}", s[x:y]) and re.match(r"\s*[A-Z]", s[y:]):
            split_runs.append((run[:-1], (x, y)))
        else:
            split_runs.append((run, None))
    pos = 0
    for run, mid_no in split_runs:
        a = run[0][0]
        if s[pos:a].strip():
            out.extend(_text_pieces(s[pos:a].strip(), line, after_values=pos > 0))
        for (x, y, sh) in run:
            out.append(Piece("val", s[x:y].strip(), line, sh))
        pos = run[-1][1]
        if mid_no:
            out.append(Piece("no", s[mid_no[0]:mid_no[1]], line, mid=True))
            pos = mid_no[1]
    if s[pos:].strip():
        out.extend(_text_pieces(s[pos:].strip(), line, after_values=pos > 0))
    return out


def _text_pieces(t: str, line: int, after_values: bool) -> list[Piece]:
    """Text; after a value run, a row number and a capitalised word open the next row."""
    if after_values:
        m = re.match(r"^(\d{1,2}[.)]?)\s+(?=[A-Z])(\S+)", t)
        if m and not is_unit_word(re.sub(r"[^A-Za-z]", "", m.group(2))):
            rest = t[m.end(1):].strip()
            return [Piece("no", m.group(1), line, mid=True)] + _text_pieces(rest, line, False)
    return [Piece("text", t, line)]


def is_numbering_line(text: str) -> bool:
    """The column numbers under a header: "1 2 3 4", "(1) (2) (3) (4) (5) (6=4-5)"."""
    toks = text.split()
    if len(toks) < 2:
        return False
    return all(re.fullmatch(r"\(?\d{1,2}(?:\s*=\s*\(?\d+\s*[-/x*+]\s*\d+\)?(?:\s*[-/x*+]\s*\d+)?)?\)?|\(?[IVX]{1,4}\)?", t)
               for t in toks) \
        and _consecutive(toks)


def _consecutive(toks: list[str]) -> bool:
    nums = [int(m.group(1)) for t in toks if (m := re.match(r"\(?(\d+)", t))]
    return len(nums) >= 2 and all(b == a + 1 for a, b in zip(nums, nums[1:]))
