"""Table headers: what each column means, read from what the header says.

Handles two-level headers ("Anggaran" over Pagu / Realisasi / Capaian, "Kinerja" over T / R / %,
"ANGGARAN" over SEBELUM / SETELAH PERUBAHAN, "Target ... Renja" over K / Rp), headers broken by
wrapping ("Targe t", "Realiasas i", "N o", "Capaian n 5=4/5"), numbered column rows ("1 2 3 4")
and stated formulas ("10=6-9", "6 = 5/4").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lkj.normalizers.table_words import HEADER_WORDS, is_label_word, sasaran_section
from lkj.normalizers.text import clean, fold


@dataclass
class Column:
    index: int
    label: str            # the column's own header text
    group: str            # the spanning header above it ("" when none)
    role: str | None      # contract field, or None for columns without one
    formula: str | None = None
    year: int | None = None   # the year its label or group names ("Target 2020", "Tahun 2022" over T / R)


@dataclass
class HeaderMap:
    columns: list[Column]
    rows_used: int
    text: str
    formulas: dict[str, str] = field(default_factory=dict)
    years: list[int] = field(default_factory=list)   # the years of a header that repeats columns per year
    own_year: int | None = None     # the year whose columns are the report's own (None: several, a comparison)

    def roles(self) -> set[str]:
        return {c.role for c in self.columns if c.role}

    def labels_text(self) -> str:
        return " | ".join(f"{c.group}/{c.label}" if c.group else c.label for c in self.columns)


_YEAR = re.compile(r"\b(19|20)\d\d\b")
_FORMULA = re.compile(r"\(?\s*(\d+\s*=\s*\d+\s*[-/x*]\s*\d+(?:\s*[x*]\s*100\s*%?)?)\s*\)?")


_STACKED_GROUP = re.compile(r"(?i)^((?:anggaran|kinerja|keuangan)(?:\s*\(rp\.?\))?|(?:capaian|realisasi)\s*\((?:rp\.?|%)\))"
                            r"\s+(\S.*)$")

# a lone "%" as header, and the forms OCR gives it ("Yo", "%o", "o/o": the Indonesian model's readings)
_PERCENT_SIGN = {"%", "yo", "%o", "o/o", "0/0"}


@lru_cache(maxsize=65536)
def label_role(text: str) -> str | None:
    """Role of a header cell read on its own (no spanning group).

    Length caps keep data cells that merely start with a header word ("Persentase pemenuhan ...",
    "PROGRAM PENUNJANG ...", "Realisasi Kinerja belum tercapai karena ...") from reading as headers.
    """
    f0 = fold(text)
    raw = clean(text).lower()
    if not f0 or sasaran_section(text):
        return None                      # ("Sasaran 1: Meningkatnya ...": a row naming its rows' sasaran)
    if f0 == "%" or raw.strip("() ") in _PERCENT_SIGN:
        return "capaian"
    if f0.startswith("%") and re.match(r"^(realisasi|capaian|serapan)", f0[1:]) and len(f0) <= 24:
        return "capaian"                 # "% Realisasi", "% Capaian": the share, not the amount
    f = f0.replace("%", "")
    n = len(f)
    if f in ("no", "nomor", "nourut", "n0", "nmr"):
        return "no"
    if f.startswith("kode") and n <= 40:
        return "kode"
    if f.startswith("indikator") and n <= 95:
        return "indikator"
    if re.match(r"^(uraian|nama)(indikator|sasaran)", f) and n <= 60:
        return "indikator" if "indikator" in f[:16] else "sasaran"      # "Uraian Indikator": the indikator
    if (f.startswith("sasaran") or f.startswith("tujuan")) and n <= 60:
        return "sasaran"
    if re.match(r"^(program|kegiatan|subkegiatan|uraian|namaprogram|namakegiatan)", f) and n <= 35:
        return "name"
    if re.match(r"^target(akhir)?(renstra|rpjmd|periode)", f) and n <= 36:
        return "target_renstra"          # ("Target Akhir Renstra", "Target Akhir Periode RPJMD")
    if (f.startswith("targe") and n <= 60) or f == "t":
        return "target"
    if re.match(r"^(capaian|realisasi)(anggaran|keuangan)", f) and n <= 30:
        return "capaian_anggaran" if f.startswith("capaian") else "realisasi_anggaran"
    if (re.match(r"^(realis|realias)", f) and n <= 45) or f == "r" or f.startswith("kondisisaatini"):
        return "realisasi"
    if re.match(r"^capaian(realisasi)?(anggaran|keuangan)", f) and n <= 30:
        return "capaian_anggaran"       # "Capaian Anggaran (%)" beside "Capaian Kinerja (%)"
    if (f.startswith("capaian") or f.startswith("capai")) and n <= 30:
        return "capaian"
    if (f.startswith("pagu") or f.startswith("anggaran") or f.startswith("alokasi")) and n <= 30:
        return "pagu"
    if f.startswith("sisa") and n <= 20:
        return "sisa"
    if (f.startswith("persentase") or f.startswith("prosentase")) and n <= 14:
        return "capaian_anggaran"
    if re.match(r"^(serapan|penyerapan|dayaserap)", f) and n <= 24:
        return "capaian_anggaran"       # "Serapan (%)", "Daya Serap": the share of the pagu spent
    if f.startswith("efisien") and n <= 30:
        return "efisiensi"
    if f in ("ket", "kt") or (f.startswith("keterangan") and n <= 15):
        return "keterangan"
    if f == "k":
        return "k"
    if f == "rp":
        return "rp"
    return None


def grouped_role(group: str, label: str) -> str | None:
    """Role of a column under a spanning group header."""
    g, l = fold(group), fold(label)
    lr = label_role(label)
    if re.match(r"^(tahun\d{4}|\d{4})", g) and lr in ("target", "realisasi", "capaian", "pagu", "sisa",
                                                       "realisasi_anggaran", "capaian_anggaran"):
        return lr            # "Tahun 2022" over Target / Realisasi: the year is the column's (see resolve_years)
    if re.fullmatch(r"(tahun)?\d{4}", l):
        gr = label_role(group)
        if gr in ("target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "capaian_anggaran"):
            return gr        # "Target" over "2021 | 2022": the group's, the year the column's
    if re.match(r"^(tahun\d{4}|\d{4})", g) or re.match(r"^\d{4}", l):
        return "comparison"
    if g.startswith("tingkatcapaian") or g.startswith("capaianrealisasi") or g.startswith("capaiankinerja"):
        if l in ("k", "kinerja"):
            return "capaian"
        if l in ("rp", "anggaran", "keuangan"):
            return "capaian_anggaran"
    if g.startswith("kinerja") or g.startswith("capaiankinerja"):
        return {"target": "target", "realisasi": "realisasi", "capaian": "capaian"}.get(lr or "", lr)
    if g.startswith("anggaran") or g.startswith("keuangan") or g.startswith("pagu"):
        if "setelah" in l or "perubahan" == l:
            return "pagu"
        if "sebelum" in l or l == "murni":
            return None
        return {"pagu": "pagu", "realisasi": "realisasi_anggaran", "capaian": "capaian_anggaran",
                "sisa": "sisa"}.get(lr or "", lr)
    if g.startswith("target"):
        return {"k": "target", "rp": "pagu"}.get(l, lr)
    if g.startswith("realisasi") or g.startswith("realias"):
        if l in ("k", "kinerja"):
            return "realisasi"
        if l in ("rp", "anggaran", "keuangan"):
            return "realisasi_anggaran"
        if "sdbulanini" in l or "sdtriwulan" in l or l.startswith("sd") or l.startswith("kumulatif"):
            return "realisasi_anggaran"
        if "bulan" in l or "triwulan" in l or "lalu" in l:
            return None
        return lr
    return lr


_NUMBERING = re.compile(r"\(?\d{1,2}\)?|\(?[IVX]{1,4}\)?|[a-e]\.?")


# the header tests below are pure functions of a cell's text, memoised (tables repeat their cells)
@lru_cache(maxsize=65536)
def is_numbering_cell(t: str) -> bool:
    """Column numbers and formulas under a header: "1", "(4)", "III", "6=5/4", "(10=6-9)"."""
    t = clean(t)
    if not t:
        return True
    if _FORMULA.search(t):
        return True
    return bool(_NUMBERING.fullmatch(t))


_DATA_VALUE = re.compile(r"^(rp\.?\s*)?-?\d[\d.,]*\s*(%|[a-z]+)?$|^\d+\s*[a-z]+\s*[a-z]*$", re.I)


@lru_cache(maxsize=65536)
def is_data_value(t: str) -> bool:
    t = clean(t)
    if not t or is_numbering_cell(t):
        return False
    return bool(_DATA_VALUE.match(t)) or bool(re.search(r"\d{1,3}([.,]\d{3}){1,}", t))


_LETTER = re.compile(r"[A-Za-z]")


def is_header_row(cells: list[str]) -> bool:
    filled = [(c, t) for c in cells if (t := clean(c))]      # (each cell and its cleaned text)
    if len(filled) < 2:
        return False
    if any(is_data_value(c) for c, _ in filled):
        return False
    long_text = any(len(t) > 40 and label_role(c) is None for c, t in filled)
    # beside a long text that is no label, a bare "%" is a unit wrapped out of a value cell (a row
    # split over a page), not a header
    roles = [label_role(c) for c, t in filled if len(t) <= 120 and not (long_text and not _LETTER.search(c))]
    recog = sum(1 for r in roles if r is not None)
    if recog >= 2 and recog >= 0.4 * len(filled):
        return True
    # words no list knows ("Satuan", "Pejabat", "Penanggung Jawab") do not matter when the row
    # names what a table needs: what is measured and a value column
    named = {r for r in roles if r}
    return recog >= 3 and bool(named & {"indikator", "sasaran", "name", "kode"}) \
        and bool(named & {"target", "realisasi", "capaian", "pagu", "efisiensi", "sisa"})


_ROMAN = re.compile(r"[IVX]{1,4}")
_PERIOD_LABEL = re.compile(r"(?i)\(\s*(?:s\.?\s?/?d\.?\s*)?(?:tw|triwulan|tribulan|semester)\.?\s*(?:[IV]{1,3}|[1-4])\s*\)")


def is_header_continuation(cells: list[str]) -> bool:
    filled = [(c, t) for c in cells if (t := clean(c))]      # (each cell and its cleaned text)
    if not filled:
        return False
    vals = [c for c, _ in filled]
    if len(filled) >= 2 and all(_YEAR.fullmatch(t) for _, t in filled):
        return True                 # the years under their groups ("Target" over "2021 | 2022")
    if len(filled) == 1 and _PERIOD_LABEL.fullmatch(filled[0][1]):
        return True                 # a year's label's period under it ("2022" / "(TW. IV)")
    if any(_FORMULA.search(t) or _ROMAN.fullmatch(t) for _, t in filled):
        # a row of column numbers with formulas ("III", "11,00", "14 = 13/8 x 100%")
        return all(len(t) <= 40 for _, t in filled)
    if len(vals) == 1 and not (is_numbering_cell(vals[0]) or label_role(vals[0]) is not None
                               or all(is_label_word(w) for w in filled[0][1].split())):
        # one short text under a repeated header is the tail of a row the page break cut
        # ("satu minggu"), not a header line
        return False
    if all(is_numbering_cell(c) or label_role(c) is not None or len(t) <= 25 and not is_data_value(c)
           for c, t in filled):
        return all(len(t) <= 40 or label_role(c) for c, t in filled)
    return False


# the words header cells are made of (normalizers/table_words.py); an OCR slip in one of them
# ("Kineria", "Anaaaran") is healed


@lru_cache(maxsize=65536)
def heal_header_word(word: str) -> str:
    """A header word within one or two letters of a known header word becomes that word."""
    from rapidfuzz import fuzz, process

    core = re.sub(r"[^A-Za-z]", "", word)
    if len(core) < 5 or core.lower() in HEADER_WORDS:
        return word
    hit = process.extractOne(core.lower(), HEADER_WORDS, scorer=fuzz.ratio, score_cutoff=75)
    if hit is None:
        return word
    fixed = hit[0].upper() if core.isupper() else (hit[0].capitalize() if core[0].isupper() else hit[0])
    return word.replace(core, fixed)


def heal_header(text: str) -> str:
    return " ".join(heal_header_word(w) for w in text.split()) if text else text


_TRAILING_NUMBER = re.compile(r"^(.*?[A-Za-z%].*?)\s+(\(\d{1,2}(?:\s*=.*)?\))$")


def build_header(rows: list[list[str]], year: int | None = None) -> HeaderMap:
    """Combine one or more header rows into columns with roles (`year`: the report's year, which
    decides which columns of a header repeated per year are the report's own).  Memoised (a header is
    repeated after every page break, and read again with the report's year): the map is shared, its
    readers do not change it."""
    return _build_header(tuple(map(tuple, rows)), year)


@lru_cache(maxsize=4096)
def _build_header(header_rows: tuple[tuple[str, ...], ...], year: int | None) -> HeaderMap:
    rows = [[heal_header(c) for c in r] for r in header_rows]
    ncol = max(len(r) for r in rows)
    rows = [r + [""] * (ncol - len(r)) for r in rows]
    # a column number printed in its label's cell ("T (4)", "CAPAIAN (%) (9=8/7)"): the label and,
    # apart, the number with its formula, as if on a numbering row of its own
    numbers = [""] * ncol
    for r in rows:
        for j, c in enumerate(r):
            m = _TRAILING_NUMBER.match(clean(c))
            if m:
                r[j], numbers[j] = m.group(1), m.group(2)
    top = rows[0]
    # spanning groups: a top cell followed by empty top cells whose columns have sub labels
    group_of = [""] * ncol
    sub_rows = rows[1:]

    def sub_label(j: int) -> str:
        for r in sub_rows:
            t = clean(r[j])
            if t and not is_numbering_cell(t) and (re.search(r"[A-Za-z]", t) or t in ("%", "(%)")
                                                    or _YEAR.fullmatch(t)):
                return t            # (a year under its group: "Target" over "2021 | 2022")
        return ""

    j = 0
    while j < ncol:
        t = clean(top[j])
        if t:
            k = j + 1
            while k < ncol and not clean(top[k]) and sub_label(k):
                k += 1
            if k - j > 1 or (sub_label(j) and k - j >= 1 and label_role(t) in (None, "pagu", "realisasi", "capaian")
                             and sub_label(j) and label_role(sub_label(j))):
                for x in range(j, k):
                    group_of[x] = t
            j = k
        else:
            j += 1
    cols: list[Column] = []
    formulas: dict[str, str] = {}
    for j in range(ncol):
        top_t = clean(top[j])
        sub = sub_label(j)
        group = group_of[j]
        if group:
            label = sub or top_t
            role = grouped_role(group, label) if sub else label_role(top_t)
        else:
            label = top_t or sub
            role = label_role(label) if label else None
            stacked = _STACKED_GROUP.match(label)
            if stacked and label_role(stacked.group(2)) not in (None, "k", "rp"):
                # a group label centred over its columns, read into one of them ("ANGGARAN (Rp)" over
                # "REALISASI (Rp)" in one cell): the column is the group's
                group, label = stacked.group(1).strip(), stacked.group(2).strip()
                role = grouped_role(group, label)
        formula = None
        for r in rows + [numbers]:
            m = _FORMULA.search(clean(r[j]))
            if m:
                formula = re.sub(r"\s+", "", m.group(1))
        if role in ("k", "rp"):
            role = None
        ym = _YEAR.search(label) or _YEAR.search(group)
        cols.append(Column(j, label, group, role, formula, int(ym.group(0)) if ym else None))
        if role and formula:
            formulas.setdefault(role, formula)
    text = " ".join(clean(c) for r in rows for c in r if clean(c))
    hm = HeaderMap(cols, len(rows), text, formulas)
    _contextualise(hm)
    resolve_years(hm, year)
    return hm


def resolve_years(hm: HeaderMap, year: int | None) -> None:
    """A header that repeats its value columns per year ("Target 2019 | Target 2020 | Realisasi 2019 |
    Realisasi 2020"): the columns of the report's year keep their roles, the others are kept as
    columns without a role (their text stays in the row's raw cells).  Without the report's year
    the latest year is taken; when the report's year is none of them the table compares years."""
    by_role: dict[str, list[Column]] = {}
    for c in hm.columns:
        if c.role and c.role != "comparison":
            by_role.setdefault(c.role, []).append(c)
    years = sorted({c.year for cols in by_role.values() if len({x.year for x in cols if x.year}) >= 2
                    for c in cols if c.year})
    if len(years) < 2:
        return
    hm.years = years
    own = year if year in years else (years[-1] if year is None else None)
    hm.own_year = own
    if own is None:
        return
    for cols in by_role.values():
        if len({x.year for x in cols if x.year}) >= 2:
            for c in cols:
                if c.year != own:
                    c.role = None


# a label's words naming the report's period, not its year ("Target Triwulan III", "Target s/d TW III")
_PERIOD_WORD = re.compile(r"(?i)\b(triwulan|tribulan|tw\.?|semester|s\.?\s?/?\s?d\.?)(\s|$|[IV\d])")


def _contextualise(hm: HeaderMap) -> None:
    """Resolve labels whose meaning depends on the rest of the header."""
    roles = hm.roles()
    budget_table = ("kode" in roles or "sisa" in roles) and "target" not in roles
    for c in hm.columns:
        if budget_table:
            if c.role == "realisasi":
                c.role = "realisasi_anggaran"
            elif c.role == "capaian":
                c.role = "capaian_anggaran"
    # a realisasi in rupiah, or right after the pagu while the kinerja has its own realisasi (or no
    # target), is the budget's: "Capaian Kinerja (%) | Pagu (Rp) | Realisasi (Rp) | Capaian Anggaran (%)"
    if "pagu" in roles:
        cols = hm.columns
        reals = [c for c in cols if c.role == "realisasi"]
        for i, c in enumerate(cols):
            if c.role != "realisasi":
                continue
            rupiah = re.search(r"\brp\b|rupiah", f"{c.group} {c.label}".lower()) is not None
            after_pagu = i > 0 and cols[i - 1].role == "pagu" and (len(reals) >= 2 or "target" not in roles)
            if rupiah or after_pagu:
                c.role = "realisasi_anggaran"
    # a budget table of names alone (no target, no indikator): the share after its pagu is the
    # budget's, "Program | Pagu (Rp) | Realisasi (Rp) | %"
    roles = hm.roles()
    if "pagu" in roles and not roles & {"target", "indikator", "sasaran", "capaian_anggaran"}:
        shares = [i for i, c in enumerate(hm.columns) if c.role == "capaian"]
        first_pagu = next(i for i, c in enumerate(hm.columns) if c.role == "pagu")
        if len(shares) == 1 and shares[0] > first_pagu:
            hm.columns[shares[0]].role = "capaian_anggaran"
    # in an efisiensi table (no pagu), the budget column beside capaian kinerja is a percentage:
    # "Capaian Realisasi" over "Kinerja | Anggaran"
    roles = hm.roles()
    if "efisiensi" in roles and "capaian" in roles and "pagu" not in roles and "capaian_anggaran" not in roles:
        for c in hm.columns:
            if c.role == "realisasi_anggaran":
                c.role = "capaian_anggaran"
    # two targets, the year's and the period's ("Target Tahun 2024 | Target Triwulan III | Realisasi
    # Triwulan III | Capaian"): the capaian is measured against the period's, the other is kept raw
    targets = [c for c in hm.columns if c.role == "target"]
    if len(targets) == 2:
        period = [c for c in targets if _PERIOD_WORD.search(f"{c.group} {c.label}")]
        if len(period) == 1:
            for c in targets:
                if c is not period[0]:
                    c.role = None
    # two pagu columns, one before the budget change and one after ("Anggaran Murni | Anggaran Setelah
    # Perubahan"): the pagu is the one after, the other a column of its own (its text kept raw)
    pagus = [c for c in hm.columns if c.role == "pagu"]
    if len(pagus) >= 2:
        after = [c for c in pagus if re.search(r"setelah|perubahan|pergeseran", fold(f"{c.group} {c.label}"))]
        before = [c for c in pagus if re.search(r"murni|sebelum|induk|awal", fold(f"{c.group} {c.label}"))
                  and c not in after]
        if after and before:
            for c in before:
                c.role = None
    # a kinerja table whose one text column is named "Uraian" (or "Kegiatan"): its rows are indicators
    roles = hm.roles()
    if "target" in roles and "name" in roles and not roles & {
            "indikator", "sasaran", "pagu", "realisasi_anggaran", "capaian_anggaran", "sisa", "kode"}:
        names = [c for c in hm.columns if c.role == "name"]
        if len(names) == 1:
            names[0].role = "indikator"
    # a renstra target beside the report's own target and realisasi ("Target | Realisasi | Capaian |
    # Target Akhir Renstra"): a column of its own, kept raw; without them the table compares periods
    roles = hm.roles()
    if "target_renstra" in roles or "comparison" in roles:
        own = {"target", "realisasi"} <= roles and not hm.years and "comparison" not in roles
        for c in hm.columns:
            if c.role in ("target_renstra",):
                c.role = None if own else "comparison"


def table_kind(hm: HeaderMap, title: str) -> str | None:
    """The contract kind of a table, from its header roles and title (None: not a data table)."""
    roles = hm.roles()
    t = fold(title)
    # (the year of a column kept raw beside the report's own columns, "Kondisi Awal 2021", "Target
    # Akhir Renstra 2026", compares nothing)
    text = hm.text
    for c in hm.columns:
        if c.role is None and c.year and not c.group:
            text = text.replace(c.label, " ")
    years = re.findall(r"\b20\d\d\b", text)
    multi_year = (hm.years and hm.own_year is None) or (not hm.years and len(set(years)) >= 2 and "target" in roles
                                                        and "pagu" not in roles)
    # a header repeated per year whose report-year columns give target and realisasi is the report's
    # capaian, a renstra target beside them one more column ("Kondisi Awal 2021 | Target 2023 |
    # Realisasi 2023 | Capaian | Target Akhir Renstra 2026")
    own_kinerja = (hm.own_year is not None or not hm.years) and {"target", "realisasi"} <= roles
    if "comparison" in roles or ("perbandingan" in t) or multi_year or ("renstra" in fold(hm.text) and not own_kinerja):
        return "comparison"
    kinerja = roles & {"target", "realisasi", "capaian"}
    anggaran = roles & {"pagu", "realisasi_anggaran", "capaian_anggaran", "sisa"}
    if "efisiensi" in roles and "capaian" in roles and "capaian_anggaran" in roles and "pagu" not in roles:
        return "efisiensi"
    if kinerja and anggaran and ({"pagu", "realisasi_anggaran"} & roles):
        return "cost_per_outcome"
    if anggaran and not kinerja and {"pagu", "realisasi_anggaran"} <= roles:
        return "lra"                     # (the budget's realisation by programme, no kode beside it)
    if anggaran and ("kode" in roles or "sisa" in roles) and (
            anggaran != {"pagu"} or re.search(r"realis|sisa|serapan", fold(hm.text))):
        return "lra"                     # (a list of pagu alone, kode beside it, is the PK's programme list)
    if kinerja and ("indikator" in roles or "sasaran" in roles):
        if roles & {"realisasi", "capaian"}:
            return "capaian"
        return "pk"
    if "pagu" in roles and ("name" in roles or "sasaran" in roles) and not kinerja:
        return "pk_budget"
    return None
