"""The header of a table in flat text, read by meaning: which kind of table, which text columns and
which value columns, in which order.

Written by hand.  A flat header is the header cells' words in reading order, wrapped over lines and
broken inside words ("N" / "o", "Targe t", "Capai an"); a two-level header comes as its top labels
and then its sub labels ("Kinerja Anggaran Efisiensi T R % Pagu Realisasi Capaian").  The words
are joined back where two fragments make a header word, each word is given its meaning (a role,
a group word such as "Kinerja" / "Anggaran", or filler such as "(Rp)", "Strategis", a year), and
unknown words are tolerated as long as most of the line is header words.  The order of the value
columns comes from the order in which their words (or their groups' words) first appear.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field

from .flat_values import is_numbering_line

# word -> role of the column it names
_ROLE = {
    "no": "no", "nomor": "no", "nourut": "no",
    "kode": "kode",
    "sasaran": "sasaran", "tujuan": "sasaran",
    "indikator": "indikator",
    "program": "name", "kegiatan": "name", "subkegiatan": "name", "uraian": "name", "nama": "name",
    "target": "target", "t": "target",
    "realisasi": "realisasi", "realiasasi": "realisasi", "r": "realisasi",
    "capaian": "capaian", "%": "capaian", "persentase": "capaian", "persen": "capaian", "prosentase": "capaian",
    "serapan": "capaian", "penyerapan": "capaian",
    "pagu": "pagu", "alokasi": "pagu", "anggaran": "anggaran",
    "sisa": "sisa",
    "efisiensi": "efisiensi",
    "ket": "keterangan", "keterangan": "keterangan",
    "satuan": "satuan",
}


def label_roles() -> dict[str, str]:
    """Header words that name a column, each with its role."""
    return _ROLE


# words of headers that name no column of their own
_FILLER = {"kinerja", "strategis", "rekening", "sub", "setelah", "sebelum", "perubahan", "murni", "rp", "tahun",
           "tw", "triwulan", "tribulan", "sd", "dan", "yang", "utama", "iku", "renstra", "ka", "bulan", "ini",
           "lalu", "kumulatif", "penanggung", "jawab", "pejabat", "data", "sumber", "formulasi", "keuangan", "fisik",
           "i", "ii", "iii", "iv", "k", "a", "dengan", "per", "akhir", "awal", "kondisi", "saat", "rencana",
           "aksi", "output", "outcome", "tingkat", "jenis", "rincian", "belanja", "mata", "anggaran"}
_ANCHOR = {"no", "nomor", "kode", "sasaran", "tujuan", "indikator", "program", "kegiatan", "subkegiatan", "sub",
           "uraian", "nama"}
_LONG = sorted({w for w in list(_ROLE) + list(_FILLER) if len(w) >= 6})
# every piece of three letters or more that begins or ends a long header word (indexed once)
_PIECES = frozenset(h[:k] for h in _LONG for k in range(3, len(h) + 1)) | frozenset(
    h[-k:] for h in _LONG for k in range(3, len(h) + 1))
_NOT_LETTER = re.compile(r"[^a-z]")
_SPLIT = re.compile(r"[\s/]+")
_DIGIT = re.compile(r"\d")
_SMALL_NUMBER = re.compile(r"\(\d{1,2}\)|\d{1,2}")
_VALUE_SHAPE = re.compile(r"\d[.,]\d|\d\s*%|^\d{1,2}[.)]?\s+[A-Za-z]|^[a-z][.)]\s+[A-Z]|^[a-z][.)]$")   # (a row, "a. Jumlah ...", "a.")
_LONE_N = re.compile(r"\s*[Nn]\s*")
_O_NEXT = re.compile(r"\s*[oO]\b")
_FORMULA = re.compile(r"\(?(\d+)\s*=\s*(\d+\s*[-/x*]\s*\d+(?:\s*[x*]\s*100\s*%?)?)\)?")
_YEAR = re.compile(r"^\(?(19|20)\d\d\)?$")

# words that qualify a value label ("Realisasi s/d TW III", "Target Tahun 2023 (Rp)"), never a column
_QUALIFIERS = {"rp", "tahun", "thn", "tw", "triwulan", "tribulan", "semester", "sd", "i", "ii", "iii", "iv", "k",
               "kumulatif", "ini", "lalu", "bulan", "akhir", "awal", "renstra", "setelah", "sebelum", "perubahan",
               "murni", "kinerja", "keuangan", "fisik", "dengan", "per", "saat", "kondisi", "dan", "yang", "a", "%",
               "rupiah", "persen", "total", "jumlah"}
_VALUE_ROLES = {"target", "realisasi", "capaian", "pagu", "anggaran", "sisa", "efisiensi"}

KINERJA = ("target", "realisasi", "capaian")
ANGGARAN = ("pagu", "realisasi_anggaran", "capaian_anggaran")


def _core(w: str) -> str:
    w = w.lower()
    if w in ("%", "(%)"):
        return "%"
    return _NOT_LETTER.sub("", w)


def _known(c: str) -> bool:
    return c in _ROLE or c in _FILLER


def _fragment(c: str) -> bool:
    """A piece of a header word broken by the layout ("Efisie", "nsi", "Capaia")."""
    return c in _PIECES


def header_words(text: str) -> list[str]:
    """The header words of a text, fragments joined back ("N o" -> "no", "Targe t" -> "target")."""
    raw = [_core(w) for w in _SPLIT.split(text) if w.strip()]
    raw = [w for w in raw if w]
    out: list[str] = []
    i = 0
    while i < len(raw):
        w = raw[i]
        if i + 1 < len(raw):
            j = w + raw[i + 1]
            if _known(j) and not (_known(w) and _known(raw[i + 1]) and len(raw[i + 1]) > 2):
                out.append(j)
                i += 2
                continue
        out.append(w)
        i += 1
    return out


def _allowed_number(t: str) -> bool:
    """Numbers a header may hold: a year, a column number "(4)", a formula "5=4/5", "(K-A)"."""
    return bool(_YEAR.match(t) or _FORMULA.search(t) or _SMALL_NUMBER.fullmatch(t))


def _line_stats(text: str) -> tuple[int, int, list[str]] | None:
    """(known, total, words) of one line; None when it holds a number no header holds."""
    toks = text.split()
    known = 0
    letters: list[str] = []
    for t in toks:
        if _DIGIT.search(t):
            if not _allowed_number(t.strip(".,;:")):
                return None
            known += 1
            continue
        for part in t.split("/") if "/" in t else (t,):     # "Program/Kegiatan/": two words
            c = _core(part)
            if c:
                letters.append(c)
    words = header_words(" ".join(letters))
    header = sum(1 for w in words if _known(w) or _fragment(w) or len(w) <= 2)
    return known + header, known + len(words), words


@lru_cache(maxsize=8192)
def is_header_line(text: str) -> bool:
    """Mostly header words, no values (a money amount, a percentage, a row number) and short."""
    t = text.strip()
    if not t or len(t) > 140 or _VALUE_SHAPE.search(t):
        return False
    st = _line_stats(t)
    if st is None:
        return False
    known, total, words = st
    if not words:
        return all(_FORMULA.search(x) for x in t.split())
    return known / max(total, 1) >= 0.6


@lru_cache(maxsize=8192)
def opens_header(text: str) -> bool:
    """A line that can start a table header: header words opening with a column such as No, Sasaran,
    Program, Kode, Uraian, with at least two header roles (or a lone "No"/"N" broken over lines)."""
    if not is_header_line(text):
        return False
    words = header_words(text)
    if not words:
        return False
    if words[0] not in _ANCHOR:
        return False
    roles = {_ROLE.get(w) for w in words} - {None}
    return len(roles) >= 2 or words[0] in ("no", "nomor") or len(words) == 1 and words[0] in _ANCHOR


def opens_header_at(texts: list[str], k: int) -> bool:
    """opens_header, "No" broken over two lines ("N" / "o"), and a header whose labels stand one
    per paragraph (split_header_labels)."""
    t = texts[k]
    if _LONE_N.fullmatch(t or ""):
        nxt = next((texts[m] for m in range(k + 1, min(len(texts), k + 3)) if texts[m]), "")
        return bool(_O_NEXT.match(nxt))
    return bool(t) and (opens_header(t) or bool(split_header_labels(texts, k)))


def split_header_labels(texts: list[str], k: int, most: int = 12) -> list[str]:
    """The labels of a header written one per paragraph, a blank line after each ("KODE REKENING" /
    "" / "URAIAN" / "" / "PAGU ANGGARAN (Rp)" ..., as docx2txt writes a Word table's cells), or one
    per line with no blank lines between (a PDF's text as its page draws it, one line per run of
    text: "NO" / "SASARAN" / "INDIKATOR KINERJA" / "TARGET"), when they open a header together (three
    labels at least); else []."""
    labels: list[str] = []
    j = k
    spaced = k + 1 < len(texts) and not texts[k + 1]
    while j < len(texts) and len(labels) < most:
        t = texts[j]
        if not t or len(t) > 40 or not is_header_line(t) or (spaced and labels and texts[j - 1]):
            break
        labels.append(t)
        j += 1
        while spaced and j < len(texts) and not texts[j]:
            j += 1
    if len(labels) == 2 and spaced and k >= 3 and not any(texts[k - 3:k]) and _value_after_text(labels):
        # two labels after an empty cell ("" / "Program" / "Anggaran": a Word header whose "No" cell
        # is empty, each cell a paragraph and a blank line)
        return labels if opens_header(" ".join(labels)) or _kind_of(labels) else []
    return labels if len(labels) >= 3 and opens_header(" ".join(labels)) else []


def _value_after_text(labels: list[str]) -> bool:
    """A text column's label, then a value column's ("Program" / "Anggaran", "Uraian" / "Pagu")."""
    first, second = ([_ROLE[w] for w in header_words(t) if w in _ROLE][:1] for t in labels)   # ("Sub Kegiatan")
    return first in (["name"], ["sasaran"], ["indikator"]) and second in (["pagu"], ["anggaran"], ["target"])


def _kind_of(labels: list[str]) -> bool:
    """The labels name a kind of table."""
    words = header_words(" ".join(labels))
    return _kind(words, {_ROLE.get(w) for w in words} - {None}, " ".join(labels)) is not None


@dataclass
class FlatHeader:
    kind: str | None
    words: list[str]
    text: str
    text_cols: list[str]                       # text columns in order ("first" = sasaran or programme name)
    value_cols: list[str]                      # value columns in order
    keterangan: bool = False
    kode: bool = False
    has_no: bool = False
    numbering: int = 0                         # column numbers under the header ("1 2 3 4": 4)
    formulas: dict[str, str] = field(default_factory=dict)
    name_word: str | None = None               # "program" / "kegiatan" / "sub_kegiatan" when the header names it
    years: list[int] = field(default_factory=list)   # a header repeated per year: its years (see by_year)
    other_labels: dict[str, str] = field(default_factory=dict)   # a column without a field -> its label


def _first(words: list[str], cands, not_after=()) -> int | None:
    for i, w in enumerate(words):
        if w in cands and not (i > 0 and words[i - 1] in not_after):
            return i
    return None


def _order(pos: dict[str, float | None], default: list[str]) -> list[str]:
    have = [r for r in default if pos.get(r) is not None]
    rest = [r for r in default if pos.get(r) is None]
    return sorted(have, key=lambda r: (pos[r], default.index(r))) + rest


def read_header(lines: list[str]) -> FlatHeader:
    text = " ".join(t.strip() for t in lines if t.strip())
    numbering = 0
    formulas: list[str] = []
    for t in lines:
        if is_numbering_line(t):
            numbering = len(t.split())
        formulas += [re.sub(r"\s+", "", m.group(0)).strip("()") for m in _FORMULA.finditer(t)]
    words = header_words(" ".join(t for t in lines if t.strip() and not is_numbering_line(t)))
    roles = {_ROLE.get(w) for w in words} - {None}
    kind = _kind(words, roles, text)
    below = _below_tall_cells(lines)
    h = FlatHeader(kind, words, text, [], [], keterangan="keterangan" in roles, kode="kode" in roles,
                   has_no=bool(words) and words[0] in _NO_WORDS or below, numbering=numbering)
    if kind is None:
        return h
    h.text_cols = _text_cols(kind, words)
    h.value_cols = _value_cols(kind, words)
    if kind == "capaian" and below:
        # the labels above the "No" line are the tops of taller cells ("Capaian" over "(%)", or the
        # group "Kinerja" over "Target Realisasi" written under the main line): where they stand
        # across is not in the text, and the columns take their usual order (the rows' numbers may
        # still reorder them, flat_tables._value_order)
        h.value_cols = list(KINERJA)
    if "pagu@murni" in h.value_cols:
        i = _pagu_before_change(words)[0]
        h.other_labels["pagu@murni"] = " ".join(w.capitalize() for w in words[i:i + 2])     # "Anggaran Murni"
    h.name_word = _name_word(words)
    if kind in ("pk", "capaian"):
        _period_target(h)
    tail = _tail_label(words) if not h.keterangan else None
    if tail:
        # a text column after the values that no field takes ("Sumber Dana", "Penanggung Jawab"): read
        # where a remark would stand, kept as raw text under its label
        h.keterangan = True
        h.other_labels["keterangan"] = tail
    for f in formulas:
        if "-" in f and "efisiensi" in h.value_cols:
            h.formulas.setdefault("efisiensi", f)
        elif "/" in f:
            role = "capaian" if "capaian" in h.value_cols else "capaian_anggaran"
            h.formulas.setdefault(role, f)
    return h


_PERIOD = {"triwulan", "tribulan", "tw", "semester", "sd"}


_NO_WORDS = ("no", "nomor", "n")


def _below_tall_cells(lines: list[str]) -> bool:
    """The header's line that opens with "No" is not its first: a text written a line at a time
    across the page (pdfplumber's extract_text of a table whose header cells are centred on its
    tallest) gives the upper lines of the taller cells first, then the line of the first column's
    label."""
    seen = False
    for t in lines:
        if not t.strip() or is_numbering_line(t):
            continue
        first = header_words(t)[:1]
        if seen and first and first[0] in _NO_WORDS:
            return True
        seen = True
    return False


def value_labels_only(lines: list[str]) -> bool:
    """Lines of value labels and group labels only ("Kinerja", "Capaian (%)", "ANGGARAN KINERJA"):
    the tops of taller cells above a header's "No" line, not a caption ("Capaian Kinerja Sasaran
    Strategis", "Efisiensi Kinerja Triwulan IV Tahun 2024") or a text column's label."""
    words = header_words(" ".join(lines))
    return bool(words) and all(_ROLE.get(w) in _VALUE_ROLES or w in _GROUP_WORDS for w in words)


# the words of a group label or a value label's unit; a period or a year belongs to a caption
_GROUP_WORDS = {"kinerja", "anggaran", "keuangan", "fisik", "rp", "%", "persen", "k", "a"}


def _period_target(h: FlatHeader) -> None:
    """Two targets, the year's and the period's ("Target Tahun 2024 Target Triwulan III Realisasi
    Triwulan III Capaian"): the period's is the target (the capaian is measured against it), the
    year's a column of its own, kept raw under its label."""
    words = h.words
    at = [i for i, w in enumerate(words) if _ROLE.get(w) == "target"]
    if len(at) != 2:
        return

    def label_words(i: int) -> list[str]:
        out = [words[i]]
        for w in words[i + 1:i + 5]:
            if w in _ROLE:
                break
            out.append(w)
        return out

    period = [i for i in at if _PERIOD & set(label_words(i)[1:])]
    if len(period) != 1:
        return
    other = next(i for i in at if i != period[0])
    cols: list[str] = []
    for i, w in enumerate(words):
        role = _ROLE.get(w)
        col = "target@tahun" if i == other else role
        if role in _KINERJA_ROLES and col not in cols:
            cols.append(col)
    if set(cols) >= {"target", "target@tahun"} and len(cols) == len(h.value_cols) + 1:
        h.value_cols = cols
        h.other_labels["target@tahun"] = " ".join(w.capitalize() for w in label_words(other))


def _tail_label(words: list[str]) -> str | None:
    """The label of a text column after the header's last value label, none of the words a field's
    or a qualifier of a value label ("Sumber Dana" after "Anggaran (Rp)"); None when there is none."""
    last = max((i for i, w in enumerate(words) if _ROLE.get(w) in _VALUE_ROLES), default=None)
    if last is None:
        return None
    tail = words[last + 1:]
    while tail and tail[0] in _QUALIFIERS:
        tail = tail[1:]                  # ("Anggaran (Rp) Sumber Dana": the unit is the budget's)
    if not tail or any(w in _QUALIFIERS or w in _ROLE or len(w) < 2 for w in tail):
        return None
    return " ".join(w.capitalize() for w in tail)


_KINERJA_ROLES = frozenset(KINERJA)
_TOKEN = re.compile(r"\(?((?:19|20)\d\d)\)?|[^\s/]+")


def _labels_with_years(text: str) -> list[tuple[str, int | str | None, str]]:
    """The kinerja value labels of a header in order, each with the year written right after it and
    its words ("Realisasi 2022 Target 2023 Realisasi 2023 Capaian 2023 (%)"); words that name no
    column ("Tahun", "TW", "Akhir Renstra") may stand between.  A label repeated without a new year
    ("Capaian (%)") is one.  A label whose words go on to "Renstra" ("Target Akhir Renstra",
    "Capaian s/d Tahun Ini terhadap Renstra") is the renstra's: its year is "renstra"."""
    out: list[list] = []                 # [role, year, start, end]
    after = ""                           # the token before: "label", its "year", or another word ("")
    for m in _TOKEN.finditer(text):
        if m.group(1):
            if out and out[-1][1] is None and after == "label":
                out[-1][1], out[-1][3] = int(m.group(1)), m.end()
            elif after == "renstra":
                out[-1][3] = m.end()             # ("Target Akhir Renstra 2026": the year is the label's)
            after = "year" if after else ""
            continue
        core = _core(m.group(0))
        if core == "renstra" and out and out[-1][1] is None:
            out[-1][1], out[-1][3] = "renstra", m.end()
            after = "renstra"
            continue
        role = "realisasi" if core == "kondisi" else _ROLE.get(core)   # "Kondisi Awal 2021": the baseline's
        if role in _KINERJA_ROLES:
            same = bool(out) and out[-1][0] == role
            # "Capaian (%)", "Capaian 2023 (%)": one label; "Target 2022 Target 2023": two
            if not (same and (after == "label" or (after == "year" and core == "%"))):
                out.append([role, None, m.start(), m.end()])
            after = "label"
        elif core not in _FILLER:
            after = ""                   # ("Target Akhir Renstra 2026", "Kondisi Awal 2021": one label)
    return [(role, y, text[a:b]) for role, y, a, b in out]


def by_year(h: FlatHeader, year: int | None) -> FlatHeader:
    """A kinerja header that repeats its labels per year ("Target 2022 | Target 2023 | Realisasi 2022
    | Realisasi 2023 | Capaian"): the columns of the report's year (when it is not known, the latest
    with a target and a realisasi) take their fields; another year's column stays a column of its
    own ("realisasi@2022"), its text kept as raw text under its label.  A header whose years are not
    the report's, or that is no kinerja table, is a comparison of years, returned as it came."""
    if h.kind != "comparison" or not h.text:
        return h
    labels = _labels_with_years(h.text)
    by_role: dict[str, set[int]] = {}
    for role, y, _ in labels:
        if isinstance(y, int):
            by_role.setdefault(role, set()).add(y)
    years = sorted({y for ys in by_role.values() for y in ys})
    renstra = any(y == "renstra" for _, y, _ in labels)
    own: int | None = None
    if len(years) >= 2 and any(len(ys) >= 2 for ys in by_role.values()):
        # without the report's year: the latest year with both a target and a realisasi column (a
        # renstra target of a later year stands beside the report's own columns)
        full = [y for y in years if y in by_role.get("target", ()) and y in by_role.get("realisasi", ())]
        own = year if year in years else ((full or years)[-1] if year is None else None)
        if own is None:
            return h
    elif not renstra or len(years) >= 2:
        return h
    # (or no year but the renstra's columns beside the report's own: "Target | Realisasi | Capaian |
    # Target Akhir Renstra | Capaian terhadap Renstra")
    cols: list[str] = []
    other: dict[str, str] = {}
    for role, y, label in labels:
        col = role if y is None or y == own else f"{role}@{y}"
        if col not in cols:
            cols.append(col)
            if col != role:
                other[col] = label
    if not {"target", "realisasi"} <= set(cols) or any(c in cols for c in ("pagu", "anggaran")):
        return h
    words = [w for w in h.words if not (w in _ROLE and _ROLE[w] in ("pagu", "anggaran", "sisa", "efisiensi"))]
    kind = "capaian" if "realisasi" in cols else "pk"
    out = FlatHeader(kind, words, h.text, _text_cols(kind, words), cols, keterangan=h.keterangan, kode=h.kode,
                     has_no=h.has_no, numbering=h.numbering, formulas=dict(h.formulas), name_word=h.name_word,
                     years=years, other_labels=other)
    return out


def _kind(words: list[str], roles: set[str], text: str) -> str | None:
    years = set(re.findall(r"\b(?:19|20)\d\d\b", text))
    has_pagu = "pagu" in roles or "anggaran" in roles
    if len(years) >= 2 or "renstra" in words:
        return "comparison"
    if ("kode" in roles or "sisa" in roles) and has_pagu and "realisasi" in roles and "target" not in roles:
        return "lra"
    if has_pagu and "realisasi" in roles and not roles & {"target", "indikator", "sasaran", "efisiensi"}:
        return "lra"            # (the budget's realisation by programme, no kode beside it)
    if "efisiensi" in roles:
        if "pagu" in roles or ("target" in roles and has_pagu):
            return "cost_per_outcome"
        if "capaian" in roles or "realisasi" in roles:
            return "efisiensi"
    if "target" in roles and has_pagu and "realisasi" in roles:
        return "cost_per_outcome"
    if "target" in roles and "realisasi" in roles:
        return "capaian"
    if "target" in roles and roles & {"sasaran", "indikator", "name"}:
        return "pk"
    if has_pagu and roles & {"name", "sasaran"} and "indikator" not in roles and "target" not in roles:
        return "pk_budget"
    return None


def _text_cols(kind: str, words: list[str]) -> list[str]:
    if kind == "pk_budget" or kind == "lra":
        return ["name"]
    pos: dict[str, int] = {}
    for i, w in enumerate(words):
        role = _ROLE.get(w)
        if role == "name" and i > 0 and words[i - 1] in ("sasaran", "tujuan"):
            continue                       # "Sasaran Program", "Sasaran / Kegiatan": one column
        if role == "name" and words[i + 1:i + 2] in (["indikator"], ["sasaran"]) and words[i] in ("uraian", "nama"):
            continue                       # "Uraian Indikator", "Nama Sasaran": one column
        if role in ("name", "sasaran") and "indikator" in words[max(0, i - 2):i] and "indikator" in pos and \
                all(w in ("indikator", "kinerja") for w in words[words.index("indikator", max(0, i - 2)):i]):
            continue                       # "Indikator Kegiatan", "Indikator Kinerja Sasaran": one column
        if role in ("sasaran", "name", "indikator") and role not in pos:
            pos[role] = i
    if kind in ("pk", "capaian") and "name" in pos and "sasaran" not in pos and "indikator" not in pos:
        pos = {"indikator": pos["name"]}   # a kinerja table whose one text column is "Uraian": indicators
    if kind == "cost_per_outcome":
        first = min((pos[r] for r in ("sasaran", "name") if r in pos), default=None)
        cols = {"first": first, "indikator": pos.get("indikator")}
    else:
        first = min((pos[r] for r in ("sasaran", "name") if r in pos), default=None)
        cols = {"sasaran": first, "indikator": pos.get("indikator")}
    if "satuan" in words and kind in ("pk", "capaian") and pos.get("indikator") is not None \
            and words.index("satuan") > pos["indikator"]:
        cols["satuan"] = words.index("satuan")      # a unit column beside the indikator: a short text cell
    mid = _middle_text_column(words, pos.get("indikator")) if kind in ("pk", "capaian") else None
    if mid is not None:
        cols["other"] = mid                         # ("Formulasi Perhitungan" between indikator and target)
    have = [c for c, p in sorted(cols.items(), key=lambda kv: (kv[1] is None, kv[1] or 0)) if p is not None]
    return have or (["first", "indikator"] if kind == "cost_per_outcome" else ["sasaran", "indikator"])


# words that open the label of a text column no field takes ("Formulasi Perhitungan", "Alasan", "Penjelasan")
_TEXT_COLUMN_OPENERS = {"formulasi", "alasan", "penjelasan", "definisi"}


def _middle_text_column(words: list[str], indikator: int | None) -> int | None:
    """The position of a text column's label between the indikator's and the first value label, a
    column no field takes ("Indikator Kinerja Utama | Formulasi Perhitungan | Target"); None if none."""
    if indikator is None:
        return None
    first_value = next((i for i, w in enumerate(words) if i > indikator and _ROLE.get(w) in _VALUE_ROLES), None)
    if first_value is None:
        return None
    return next((i for i in range(indikator + 1, first_value) if words[i] in _TEXT_COLUMN_OPENERS), None)


def middle_label(words: list[str]) -> str:
    """The label of that column: its opening word up to the next word that names a column."""
    at = next(i for i, w in enumerate(words) if w in _TEXT_COLUMN_OPENERS)
    out = [words[at]]
    for w in words[at + 1:at + 4]:
        if w in _ROLE:
            break
        out.append(w)
    return " ".join(w.capitalize() for w in out)


def _group_positions(words: list[str]) -> tuple[int | None, int | None, int | None, int | None]:
    """(kinerja group word, anggaran group word, kinerja leaf, anggaran leaf) positions."""
    g_k = _first(words, ("kinerja",), not_after=("indikator", "sasaran", "capaian", "realisasi", "target"))
    g_a = _first(words, ("anggaran", "keuangan"), not_after=("pagu", "realisasi", "capaian", "sisa", "realiasasi"))
    l_k = _first(words, ("target", "t"))
    l_a = _first(words, ("pagu", "alokasi"))
    return g_k, g_a, l_k, l_a


def _pagu_before_change(words: list[str]) -> tuple[int, int] | None:
    """(the position of the pagu before the budget change, of the one after) when a header names both
    ("Anggaran Murni ... Anggaran Setelah Perubahan", "Pagu Sebelum Perubahan ... Pagu Setelah
    Perubahan"); None otherwise."""
    starts = [i for i, w in enumerate(words) if w in ("pagu", "anggaran", "alokasi")
              and not (i > 0 and words[i - 1] in ("sisa", "realisasi", "realiasasi", "capaian"))]
    before = after = None
    for i in starts:
        nxt = words[i + 1:i + 3]
        if any(w in ("murni", "sebelum", "induk", "awal") for w in nxt) and before is None:
            before = i
        elif any(w in ("setelah", "perubahan", "pergeseran") for w in nxt) and after is None:
            after = i
    return (before, after) if before is not None and after is not None else None


def _value_cols(kind: str, words: list[str]) -> list[str]:
    if kind == "pk":
        return ["target"]
    if kind == "pk_budget":
        return ["pagu"]
    if kind == "capaian":
        pos = {"target": _first(words, ("target", "t")), "realisasi": _first(words, ("realisasi", "realiasasi", "r")),
               "capaian": _first(words, ("capaian", "%", "persentase", "persen", "prosentase"))}
        return _order(pos, list(KINERJA))
    if kind == "lra":
        pos: dict[str, float | None] = {"pagu": _first(words, ("pagu", "anggaran", "alokasi"), not_after=("sisa",)),
               "realisasi_anggaran": _first(words, ("realisasi", "realiasasi")),
               "sisa": _first(words, ("sisa",)),
               "capaian_anggaran": _first(words, ("%", "persentase", "persen", "capaian", "prosentase", "serapan",
                                                  "penyerapan"))}
        group = _first(words, ("anggaran",), not_after=("pagu", "realisasi", "realiasasi", "sisa"))
        leaf = _first(words, ("pagu", "alokasi"))
        pct = pos["capaian_anggaran"]
        if group is not None and leaf is not None and pct is not None and group < pct < leaf:
            # a two-level header: "ANGGARAN (Rp)" over Pagu / Realisasi / Sisa, then "Persentase", and
            # the sub labels after the top ones: the group's columns stand where the group stands
            for r in ("pagu", "realisasi_anggaran", "sisa"):
                p = pos[r]
                if p is not None and p >= group:
                    pos[r] = group + p / 1000
        order = ["pagu", "realisasi_anggaran", "sisa", "capaian_anggaran"]
        before = _pagu_before_change(words)
        if before is not None:
            # "Anggaran Murni (Rp) Anggaran Setelah Perubahan (Rp)": the pagu is the one after the
            # change, the other a column of its own
            pos["pagu"], pos["pagu@murni"] = before[1], before[0]
            order.insert(0, "pagu@murni")
        return _order(pos, order)
    g_k, g_a, l_k, l_a = _group_positions(words)
    e = _first(words, ("efisiensi",))
    if kind == "efisiensi":
        k = g_k if g_k is not None else 0
        a = g_a if g_a is not None else k + 1
        groups = [(k, ["capaian"]), (a, ["capaian_anggaran"])]
    else:
        if l_k is not None and l_a is not None:
            k, a = l_k, l_a
            gk = g_k if g_k is not None else l_k
            ga = g_a if g_a is not None else l_a
        else:
            k = g_k if g_k is not None else (l_k if l_k is not None else 0)
            a = g_a if g_a is not None else (l_a if l_a is not None else k + 1)
            gk, ga = k, a
        groups = [(k, list(KINERJA)), (a, list(ANGGARAN))]
    groups.sort(key=lambda g: g[0])
    cols = [c for _, g in groups for c in g]
    if e is not None or kind == "efisiensi":
        tops = [p for p in (g_k, g_a) if p is not None]
        if kind == "efisiensi":
            tops = [p for p in (_first(words, ("capaian", "realisasi", "%")),) if p is not None]
        if e is not None and tops and e < min(tops):
            cols = ["efisiensi"] + cols
        elif e is not None and len(tops) == 2 and min(tops) < e < max(tops) and kind != "efisiensi":
            first_group = groups[0][1]
            cols = first_group + ["efisiensi"] + groups[1][1]
        else:
            cols = cols + ["efisiensi"]
    return cols


def _name_word(words: list[str]) -> str | None:
    for i, w in enumerate(words):
        if i > 0 and words[i - 1] in ("sasaran", "tujuan"):
            continue
        if w == "subkegiatan" or (w == "kegiatan" and i > 0 and words[i - 1] == "sub"):
            return "sub_kegiatan"
        if w == "kegiatan":
            return "kegiatan"
        if w == "program":
            return "program"
    return None
