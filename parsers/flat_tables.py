"""Tables in flat text from a PDF text layer: headers found and read by meaning, rows rebuilt.

Written by hand (no library reconstructs rows from a text dump).  The pieces:
  flat_values  the pieces of a line: row number, kode rekening, text, value tokens by shape;
  flat_header  where a header starts and ends, what kind of table it heads, its columns in order;
  flat_rows    which lines make a row, how a row's words divide among its cells, which value is which;
  flat_interleave, flat_centred  a text read line by line at each height of the page: the lines of
               a row's cells side by side below its numbers, or centred on them.
Here the tables of one report are found, their rows read, and the rows' cells divided using what
the report's other tables say unambiguously (the same sasaran read whole elsewhere, the column
widths told by wrapped cells).  Every cell keeps the line it was read from.
"""
from __future__ import annotations

import re
from dataclasses import replace

from lkj.model.names import KINERJA
from lkj.model.parsed import RawCell, RawRow, RawTable
from lkj.normalizers.kode import level_of_kode
from lkj.normalizers.text import clean, fold

from .flat_header import (FlatHeader, by_year, is_header_line, middle_label, opens_header, opens_header_at,
                          value_labels_only)
from .flat_centred import Centred, centred_rows
from .flat_interleave import cell_texts, divide, possible_texts, reread, table_lines, texts_of
from .flat_rows import (_INDICATOR_OPENING, TABLE_LABEL, CellResolver, FlatRow, RowReader, _header_span, _norm,
                        assign_values, continuation_cells, header_from_above, placed_values, unambiguous_cells,
                        values_line_unit)
from .flat_values import NUM, QTY, Piece
from .flat_widths import Measure, cell_band, choose_measure, column_band
from .table_rows import budget_level, find_title, is_total_text, named_level

_TEXT_FIELDS = {"pk": ["no", "sasaran", "indikator"], "capaian": ["no", "sasaran", "indikator"],
                "efisiensi": ["no", "sasaran", "indikator"], "cost_per_outcome": ["no", "sasaran", "name", "indikator"],
                "pk_budget": ["no", "name"], "lra": ["kode", "name"]}
_ROW_START = re.compile(r"\s(1[.)]?)\s+(?=[A-Z])")


def _split_inline_headers(texts: list[str], nos: list[int], raws: list[str]):
    """A header and the first row on one line ("No Program Anggaran 1 Penunjang ... Rp 1.000.000 2 ..."):
    the header words become a line of their own, the rows another with the same line number."""
    out_t: list[str] = []
    out_n: list[int] = []
    out_r: list[str] = []
    for t, no, raw in zip(texts, nos, raws):
        m = _ROW_START.search(t) if t and len(t) > 12 and "1" in t and not is_header_line(t) else None
        if m and opens_header(t[:m.start()]) and len(t[:m.start()].split()) >= 2:
            out_t += [t[:m.start()].strip(), t[m.start():].strip()]
            out_n += [no, no]
            out_r += [t[:m.start()].strip(), t[m.start():].strip()]
        else:
            out_t.append(t)
            out_n.append(no)
            out_r.append(raw)
    return out_t, out_n, out_r


def _without_uniform_padding(raws: list[str]) -> list[str]:
    """The lines without the trailing white that nine lines in ten or more carry alike, beyond one
    space (a converter's or an editor's habit, which says nothing of a line's cells): the spaces
    after a label that stand for a row's empty cells ("Kegiatan" and its padding) are those beyond
    it.  One trailing space on every line is a text layer's word separator and stays."""
    pads = sorted(len(t) - len(t.rstrip(" ")) for t in raws if t.strip())
    slack = pads[len(pads) // 10] - 1 if pads else 0
    if slack <= 0:
        return raws
    return [t[:len(t) - slack] if len(t) - len(t.rstrip(" ")) >= slack else t for t in raws]


def read_flat_tables(lines, lo: int, hi: int, year: int | None = None) -> list[RawTable]:
    """The tables of lines[lo:hi] read from a text without layout; `year`, the report's, says whose
    columns of a header repeated per year are the report's own (the latest when None)."""
    part = lines[lo:hi]
    raws = _without_uniform_padding([l.text if l.cells is None else "" for l in part])
    texts = [clean(t) for t in raws]
    nos = [l.no for l in part]
    texts, nos, raws = _split_inline_headers(texts, nos, raws)
    n = len(texts)
    found: list[tuple[FlatHeader, str, int, list[FlatRow]]] = []
    i = 0
    floor = 0
    while i < n:
        t = texts[i]
        if not t or not opens_header_at(texts, i):
            i += 1
            continue
        nxt = next((m for m in range(i + 1, min(n, i + 3)) if texts[m]), None)
        if i > 0 and TABLE_LABEL.match(texts[i - 1]) and nxt is not None and opens_header_at(texts, nxt):
            i = nxt         # the caption under "Tabel 3.1" ("INDIKATOR KINERJA TRIWULAN IV", "Program dan
            continue        # Anggaran"), the header below it (a blank line between or not)
        end, hdr = _header_span(texts, i)
        if hdr.kind is None or hdr.has_no:
            # (a main line that names no kind, named by the label lines above it; or the "No" line
            # under the tops of taller cells, "Kinerja" over "Target Realisasi": they are the header's)
            above = header_from_above(texts, i, floor, end)
            if above is not None and (hdr.kind is None or above[2].kind == hdr.kind and above[1] == end
                                      and value_labels_only(texts[above[0]:i])
                                      and not (above[0] > 0 and TABLE_LABEL.match(texts[above[0] - 1]))):
                i, end, hdr = above
        if hdr.kind is None:
            i += 1
            continue
        hdr = by_year(hdr, year)
        reader = RowReader(hdr)
        k = reader.read(texts, nos, end, raws)
        if hdr.kind != "comparison":
            title = find_title(texts, [False] * n, i, floor)
            # (a comparison of years by its title: its header names the years, or they stand in the
            # group labels above it, taken for the title's last line, and its targets and realisasi repeat)
            if not ((hdr.years or _repeated_kinerja(hdr)) and "perbandingan" in fold(title)):
                found.append((hdr, title, nos[i], reader.rows))
        floor = max(k, i + 1)
        i = floor
    # text -> the rows that read it unambiguously (a row's own reading is no evidence for itself)
    known: dict[str, dict[str, set[int]]] = {}
    for hdr, _, _, rows in found:
        for r in rows:
            budget = _is_budget_row(hdr, r)
            for col, ls in unambiguous_cells(hdr, r):
                role = ("name" if budget else "sasaran") if col == "first" else col
                known.setdefault(role, {}).setdefault(_norm(" ".join(ls)), set()).add(id(r))
    # the measure of line widths that the report's certain cells follow (characters or a font's glyphs)
    measure = choose_measure([[ls for ls, _ in cells] for hdr, _, _, rows in found
                              for cells in _certain_cells(hdr, rows).values()])
    sides = _side_by_side_tables(found, known)
    return [t for t in (_table(hdr, title, line, rows, known, measure, side)
                        for (hdr, title, line, rows), side in zip(found, sides)) if t.rows]


def _side_by_side_tables(found, known: dict[str, dict[str, set[int]]]) -> list:
    """Per table, its rows' two text cells when its lines hold both side by side (see
    flat_interleave), else None.  Each table's divisions are read again against the texts the
    report's other tables read (the same sasaran in the PK and capaian tables, a programme's name in
    the budget list): of the divisions the widths allow, the one that reads as they do."""
    solved = []
    firsts = set(known.get("sasaran", {})) | set(known.get("name", {}))
    seconds = set(known.get("indikator", {}))
    for hdr, _, _, rows in found:
        got = None
        if len(hdr.text_cols) == 1:
            # a table of one text column in the same form (the budget list): its cells are whole
            lines = table_lines(rows)
            if lines is not None:
                firsts |= {_norm(t) for t in texts_of(lines[0], [len(ln.words) for ln in lines[0]])[0].values()}
        if len([c for c in hdr.text_cols if c != "satuan"]) == 2 and "other" not in hdr.text_cols:
            lines = table_lines(rows, unit_col="satuan" in hdr.text_cols)
            if lines is not None:
                div = divide(lines[0], _opens_indicator)
                got = (div, lines[1], lines[2]) if div is not None else None
            elif "satuan" not in hdr.text_cols:
                # (or cells centred on their row's number and values)
                got = centred_rows(rows, _opens_indicator, hdr.text, hdr.has_no or "no" in hdr.words)
        solved.append(got)
    read = []
    for got in solved:
        if got is None:
            read.append(None)
            continue
        a, b = got.possible_texts() if isinstance(got, Centred) else possible_texts(got[0])
        read.append(({_norm(t) for t in a}, {_norm(t) for t in b}))
    out = []
    for ti, got in enumerate(solved):
        if got is None:
            out.append(None)
            continue
        others = [r for tj, r in enumerate(read) if r is not None and tj != ti]

        def elsewhere(col: int, text: str, others=others) -> bool:
            t = _norm(text)
            return t in (firsts if col == 0 else seconds) or any(t in r[col] for r in others)

        if isinstance(got, Centred):
            got.reread(elsewhere)
            out.append(got.cells())
            continue
        reread(got[0], elsewhere)
        out.append((cell_texts(got[0]), got[1], {ri: r.no for ri, r in enumerate(found[ti][3])}, got[2]))
    return out


def _opens_indicator(word: str) -> bool:
    return bool(_INDICATOR_OPENING.match(word))


def _repeated_kinerja(hdr: FlatHeader) -> bool:
    """Two targets and two realisasi in a header ("Target Realisasi Target Realisasi"): one pair a period."""
    return hdr.words.count("target") >= 2 and hdr.words.count("realisasi") >= 2


def _certain_cells(hdr: FlatHeader, rows: list[FlatRow]) -> dict[str, list[tuple[list[str], bool]]]:
    """Per text column, the lines of the table's cells whose division is certain, each with whether
    it is the wrapped rest of a cell (whose single line still shows the column's least width)."""
    out: dict[str, list[tuple[list[str], bool]]] = {}
    for r in rows:
        for c, ls in unambiguous_cells(hdr, r):
            out.setdefault(c, []).append((ls, False))
        for c, ls in continuation_cells(hdr, r):
            out.setdefault(c, []).append((ls, True))
    return out


def _bands(hdr: FlatHeader, rows: list[FlatRow], m: Measure) -> dict[str, tuple[float, float]]:
    """Per text column, the wrap widths the table's certain cells tell."""
    out = {}
    for c, cells in _certain_cells(hdr, rows).items():
        # a single line says only that the column is at least that wide
        bands = [b for b in (cell_band(ls, m) or (rest and (max(m.width(x) for x in ls), float(10 ** 6)) or None)
                             for ls, rest in cells) if b is not None]
        band = column_band(bands)
        if band is not None:
            out[c] = band
    return out


def _is_budget_row(hdr: FlatHeader, r: FlatRow, vals: dict | None = None) -> bool:
    if hdr.kind in ("pk_budget", "lra"):
        return True
    if hdr.kind != "cost_per_outcome":
        return False
    if r.section:
        return True
    vals = vals if vals is not None else assign_values(hdr.value_cols, r.vals)
    return bool(set(vals) & {"pagu", "realisasi_anggaran"}) and not set(vals) & {"target", "realisasi", "capaian"}


# how a table's value columns follow from each other: (a, b, c) with c = a / b x 100 ("ratio") or
# c = a - b ("difference").  Capaian = realisasi / target, the budget's capaian = realisasi / pagu,
# sisa = pagu - realisasi; efisiensi is the kinerja's capaian against the budget's, written by
# templates as their quotient (0,66 or 66%) or their difference ("10=6-9").
_RELATIONS = (("ratio", "realisasi", "target", "capaian"),
              ("ratio", "realisasi_anggaran", "pagu", "capaian_anggaran"),
              ("difference", "pagu", "realisasi_anggaran", "sisa"),
              ("efisiensi", "capaian", "capaian_anggaran", "efisiensi"))


_DECIMALS = re.compile(r"[.,](\d{1,2})(?!\d)\s*%?\s*$")


def _last_place(text: str) -> float:
    """One unit of a written percentage's last digit: "19%" 1, "23,65%" 0.01 (what it was rounded to)."""
    m = _DECIMALS.search(text)
    return 10.0 ** -len(m.group(1)) if m else 1.0


_MAY_BE_NEGATIVE = ("efisiensi", "sisa")


def _holds(kind: str, a, b, c, c_place: float = 1.0) -> bool:
    """a, b, c: parsed numbers; c_place: one unit of c's last written digit.  A ratio is a
    percentage of two values in one unit, as exact as c is written (a tiny quotient is no "0,95")."""
    if kind == "ratio":
        if c.unit not in ("%", None) or (a.unit != b.unit and None not in (a.unit, b.unit)):
            return False
        return b.value > 0 and abs(a.value / b.value * 100.0 - c.value) <= max(c_place, abs(c.value) * 0.01)
    if kind == "efisiensi":
        # the quotients only where the figure cannot be near zero by chance (any two columns' tiny
        # quotient "holds" a small figure); the difference holds with b and c either way round, and
        # _value_order tells them apart by their signs
        x = abs(c.value)
        if b.value > 0 and x >= 0.05 and abs(a.value / b.value - c.value) <= max(0.011, x * 0.01):
            return True
        if b.value > 0 and x >= 5 and abs(a.value / b.value * 100.0 - c.value) <= max(1.0, x * 0.01):
            return True
        return a.unit in ("%", None) and b.unit in ("%", None) and abs(a.value - b.value - c.value) <= max(0.5, x * 0.01)
    return abs(a.value - b.value - c.value) <= max(1.0, abs(c.value) * 1e-6)


def _value_order(value_cols: list[str], rows: list[FlatRow]) -> list[str]:
    """The order of a table's value columns that its rows' numbers follow (see _RELATIONS).  A header
    written a label line at a time gives its labels out of order: "ANGGARAN (RP)" / "KODE ... PAGU
    SETELAH SISA ANGGARAN PERSENTASE" / "REALISASI (RP)", or "Kinerja" / "No Sasaran Indikator
    Capaian" / "Target Realisasi" / "(%)", where the sub-labels under the group come after the main
    line's last label in the text but stand before it on the page.  The columns that take part in a
    relation are put in the order that most rows' numbers satisfy, when it is another than the
    words' and at least half the checks hold."""
    from itertools import permutations

    from lkj.normalizers.numbers import parse_number

    relations = [r for r in _RELATIONS if all(c in value_cols for c in r[1:])]
    moving = sorted({c for r in relations for c in r[1:]}, key=value_cols.index)
    if not relations or len(moving) > 7:
        return value_cols
    nums = []
    for r in rows:
        if len(r.vals) == len(value_cols):
            nums.append([(parse_number(v.text), _last_place(v.text)) for v in r.vals])
    if len(nums) < 2:
        return value_cols
    slots = [value_cols.index(c) for c in moving]

    tally: dict[tuple, tuple[int, int]] = {}

    def held_in(kind: str, i: int, j: int, k: int) -> tuple[int, int]:
        """How many rows hold the relation with its values in slots i, j, k, of how many checked."""
        key = (kind, i, j, k)
        if key not in tally:
            held = checked = 0
            for vs in nums:
                (x, _), (y, _), (z, place) = vs[i], vs[j], vs[k]
                if x.value is not None and y.value is not None and z.value is not None:
                    checked += 1
                    held += _holds(kind, x, y, z, place)
            tally[key] = held, checked
        return tally[key]

    def fits(order) -> tuple[int, int]:
        at = dict(zip(order, slots))
        counts = [held_in(kind, at[a], at[b], at[c]) for kind, a, b, c in relations]
        return sum(h for h, _ in counts), sum(c for _, c in counts)

    # values below zero per slot: only an efisiensi or a sisa may be (a difference, 37,45% - 48,38%,
    # holds with its two last columns either way round; the negative one is the efisiensi)
    negative = {k: sum(1 for vs in nums if (vs[k][0].value or 0) < 0) for k in slots}

    now, checked = fits(moving)
    if now == checked == len(nums) * len(relations):
        return value_cols          # every row holds every relation in the words' order: none holds more
    at = dict(zip(moving, slots))
    others = [r for r in relations if r[0] != "efisiensi"]
    if others and all(held_in(kind, at[a], at[b], at[c])[0] == len(nums) for kind, a, b, c in others):
        return value_cols          # (the others all hold: an efisiensi by a formula of its own stays where it is)
    # the most checks held; of orders that hold as many, the one with the fewest negative values
    # where none can be, then the one nearest the words'.  Each relation's counts are looked up by
    # the slots a permutation of the slots gives its columns (no order built per permutation)
    pos = {c: i for i, c in enumerate(moving)}
    rel_at = [(kind, pos[a], pos[b], pos[c]) for kind, a, b, c in relations]
    signed = [i for i, c in enumerate(moving) if c not in _MAY_BE_NEGATIVE]
    best_key, best_perm, held, checked = None, None, 0, 0
    for perm in permutations(slots):
        h = n = 0
        for kind, i, j, k in rel_at:
            a, b = held_in(kind, perm[i], perm[j], perm[k])
            h += a
            n += b
        if best_key is not None and h < best_key[0]:
            continue
        key = (h, -sum(negative[perm[i]] for i in signed), _capaian_last(moving, perm),
               -sum(p != q for p, q in zip(perm, slots)))
        if best_key is None or key > best_key:
            best_key, best_perm, held, checked = key, perm, h, n
    best = [None] * len(moving)
    for c, slot in zip(moving, best_perm):
        best[slots.index(slot)] = c
    # (a target and a capaian swapped hold capaian = realisasi / target alike: then the capaian is the
    # one after the target and the realisasi, as kinerja tables set it, the words' order notwithstanding)
    swapped = held == now and held * 2 >= checked and held and \
        not _capaian_last(moving, slots) and _capaian_last(moving, best_perm)
    if (held > now or swapped) and held * 2 >= checked:
        out = list(value_cols)
        for c, slot in zip(best, slots):
            out[slot] = c
        return out
    return value_cols


def _capaian_last(cols: list[str], slots) -> bool:
    """The capaian's slot after the target's and the realisasi's (True when a column is missing)."""
    at = dict(zip(cols, slots))
    return not all(c in at for c in ("target", "realisasi", "capaian")) or \
        at["capaian"] > max(at["target"], at["realisasi"])


def _table(hdr: FlatHeader, title: str, line: int, rows: list[FlatRow], known: dict[str, dict[str, set[int]]],
           measure: Measure, side_by_side=None) -> RawTable:
    kind = hdr.kind
    hdr.value_cols = _value_order(hdr.value_cols, rows)
    fields = list(_TEXT_FIELDS[kind])
    if kind == "lra" and hdr.has_no:
        fields.insert(0, "no")
    if kind == "pk_budget" and hdr.kode:
        fields.insert(fields.index("name"), "kode")      # "No | Kode | Program / Kegiatan | Anggaran"
    fields += hdr.value_cols
    if hdr.keterangan:
        fields.append("keterangan")
    # the columns no field takes: another year's ("realisasi@2022"), the pagu before the change
    # ("pagu@murni"), a text column after the values ("Sumber Dana" read where a remark stands): kept
    # as raw text under their label
    other_cols = [c for c in fields if "@" in c or c in hdr.other_labels]
    fields = [c for c in fields if c not in other_cols]
    unused = {i: hdr.other_labels[c] for i, c in enumerate(other_cols)}
    if "satuan" in hdr.text_cols:
        unused[len(unused)] = "Satuan"          # a unit column: kept as raw text, the units read from it
    if "other" in hdr.text_cols:
        unused[len(unused)] = middle_label(hdr.words)      # a text column no field takes, kept raw
    table = RawTable(kind, title, line, None, fields, dict(hdr.formulas), header_text=hdr.text,
                     unused=unused, years=list(hdr.years))
    resolver = CellResolver(hdr, known, _bands(hdr, rows, measure), measure)
    # rows after the last row that has numbers or a number of its own are text below the table
    while rows and not rows[-1].vals and rows[-1].no is None and rows[-1].kode is None:
        rows = rows[:-1]
    budget_cols = [c for c in hdr.value_cols if c not in ("target", "realisasi", "capaian")]
    for ri, r in enumerate(rows):
        # under a "Program" / "Kegiatan" sub-header a row's numbers are its budget's
        cols = budget_cols if kind == "cost_per_outcome" and r.section else hdr.value_cols
        vals = (placed_values(cols, r) if cols == hdr.value_cols else None) or _average_values(cols, r) or \
            assign_values(cols, r.vals)
        budget = _is_budget_row(hdr, r, vals)
        if side_by_side is None or side_by_side[0].get(ri, "") is None:
            texts, ket = resolver.resolve(r, budget)
        elif ri not in side_by_side[0]:
            continue                              # text only: its lines went on with the rows around it
        else:
            a, b, ln = side_by_side[0][ri]
            if len(side_by_side) == 4:
                # (centred cells: a merged sasaran's number is its first row's; units wrapped under
                # the numbers join them, one a number without its unit; either form)
                taken = {id(p) for p in side_by_side[2].values()}    # (numbers read among the values)
                r = replace(r, no=side_by_side[2].get(ri),
                            vals=_with_units([v for v in r.vals if id(v) not in taken], side_by_side[3].get(ri)))
                vals = (placed_values(cols, r) if cols == hdr.value_cols else None) or _average_values(cols, r) or \
                    assign_values(cols, r.vals)
            c1, c2 = [c for c in hdr.text_cols if c != "satuan"]
            texts = {c: (t, ln) for c, t in ((c1, a), (c2, b)) if t}
            unit = values_line_unit(r) if "satuan" in hdr.text_cols else None
            if unit is not None:
                texts["satuan"] = (unit.text, unit.line)
            ket = side_by_side[1].get(ri, [])
        cells: dict[str, RawCell] = {f: RawCell("", r.line) for f in fields}
        if r.no is not None and "no" in cells:
            cells["no"] = RawCell(r.no.text, r.no.line)
        if r.kode is not None and "kode" in cells:
            cells["kode"] = RawCell(r.kode.text, r.kode.line)
        for col, (txt, ln) in texts.items():
            f = ("name" if budget else "sasaran") if col == "first" else col
            if f in cells:
                cells[f] = RawCell(clean(txt), ln)
        for col, toks in vals.items():
            cells[col] = RawCell(" ".join(p.text for p in toks), toks[0].line)
        if ket and hdr.keterangan:
            cells["keterangan"] = RawCell(clean(" ".join(t.text for t in ket)), ket[0].line)
        extra = [cells.pop(c).text if c in cells else "" for c in other_cols]
        if "satuan" in hdr.text_cols:
            extra.append(clean(texts["satuan"][0]) if "satuan" in texts else "")
        if "other" in hdr.text_cols:
            extra.append(clean(texts["other"][0]) if "other" in texts else "")
        if r.sasaran is not None and "sasaran" in cells and not cells["sasaran"].text:
            cells["sasaran"] = RawCell(r.sasaran.text, r.sasaran.line)
        if not any(c.text for f, c in cells.items() if f != "no"):
            continue
        rr = RawRow(cells, line=r.line, extra=extra)
        rr.section = r.section
        rr.level = _level(kind, hdr, rr, budget)
        table.rows.append(rr)
    return table


def _with_units(vals: list[Piece], units: tuple[list[str], int] | None) -> list[Piece]:
    """The row's numbers without a unit, each joined with its unit wrapped under it, in order (the
    value keeps its number's line)."""
    if not units:
        return vals
    words = iter(units[0])
    return [Piece(v.kind, f"{v.text} {next(words, '')}".strip(), v.line, QTY) if v.shape == NUM else v
            for v in vals]


_AVERAGE = re.compile(r"(?i)^\s*(rata\s*-?\s*rata|rerata)\b")


def _average_values(cols: list[str], r: FlatRow) -> dict | None:
    """A kinerja table's "Rata-rata" row short of numbers: its one number is the mean capaian, the
    last column's ("Rata-rata 100,78" under Target | Realisasi | Capaian)."""
    if len(r.vals) != 1 or len(cols) < 2 or cols[-1] != "capaian" or not all(c in KINERJA for c in cols) \
            or not r.texts or not _AVERAGE.match(r.texts[0].text) or r.no is not None:
        return None
    return {"capaian": list(r.vals)}


def _level(kind: str, hdr: FlatHeader, rr: RawRow, budget: bool) -> str | None:
    name = rr.text("name")
    if kind == "lra":
        kode = rr.text("kode")
        if kode and level_of_kode(kode):
            return level_of_kode(kode)
        if not name or is_total_text(name):
            return "total"
        return named_level(name, rr.section) if not kode else None
    if kind == "pk_budget":
        if not name or is_total_text(name):
            return "total"
        return budget_level(name, rr.section, hdr.name_word)
    if kind == "cost_per_outcome":
        if not budget:
            return "indicator"
        if is_total_text(name):
            return "total"
        return rr.section or budget_level(name, None, None)
    return None
