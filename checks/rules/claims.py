"""narrative_mismatch: a claim of the report (a sentence's count of indicators or of targets reached,
a stated percentage, a category, an eselon, a regulation number, a summary table quoting the
realisasi as the capaian) contradicts its tables or the rest of its bundle."""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from lkj.normalizers.calendar import SPELLED
from lkj.normalizers.catalogue import fold_indicator
from lkj.normalizers.jabatan import canonical_unit

from ..registry import ReportContext, place, show_number, where
from .common import short, value_text
from .crosstable import kinerja_pairs, quotes_realisasi


def _indicator_table(ctx: ReportContext):
    for kinds in (("capaian",), ("cost_per_outcome",), ("pk",)):
        for t in ctx.tables:
            if t.kind in kinds and t.duplicate_of is None:
                # indicator rows: an indikator with a number read (a caption read as a row has none)
                rows = [r for r in t.rows if r.level in (None, "indicator") and (r.text.get("indikator") or
                        r.has("target")) and any(r.has(f) for f in ("target", "realisasi", "capaian"))]
                if rows:
                    return t, rows
    return None, []


_NUM_WORD = {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "delapan": 8,
             "sembilan": 9, "sepuluh": 10}
_N = r"(\d{1,2}|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)"
_TOTAL = [re.compile(p, re.I) for p in (
    rf"\bdari\s+{_N}\s+(?:indikator|target)\b",
    rf"\bmemuat\s+\d+\s+sasaran\b[^.]*?\bdan\s+{_N}\s+indikator\b",
    rf"\bpencapaian\s+{_N}\s+target\b",
)]
_REACHED = [re.compile(p, re.I) for p in (
    rf"\b(?:masih|ada|yakni|hanya|baru)\s+{_N}\s+(?:indikator|target)(?:\s+kinerja)?\s*(?:yang\s+)?(?:sudah|telah)\s+"
    rf"(?:mencapai|mancapai|tercapai|berhasil)",
    rf"\b(?:sudah|telah)\s+tercapai\s*,?\s*(?:ada\s+|yakni\s+|sebanyak\s+)?{_N}\s+target\b",
    rf"\btercapai\s+ada\s+{_N}\s+target\b",
    rf",\s*{_N}\s+target(?:\s+kinerja)?\s+telah\s+berhasil\b",
)]
_NOT_REACHED = [re.compile(p, re.I) for p in (
    rf"\b{_N}\s+target\s+yang\s+(?:akan\s+)?belum\s+tercapai\b",
    rf"\bbelum\s+tercapai\s+100\s*%\s+masih\s+ada\s+{_N}\b",
)]
_NONE_REACHED = re.compile(r"\bbelum\s+ada\s+(?:indikator\s+)?yang\s+(?:sudah\s+)?(?:mencapai|mancapai|tercapai)\s+100",
                           re.I)
# "every target reached", in any order of its words: "semua target tercapai", "seluruhnya telah mencapai
# target", "tercapai seluruhnya", "semua target sasaran ... Sangat Baik", "telah memenuhi target"; not
# when negated, partial or wished for ("belum semua", "tidak seluruhnya", "hampir semua", "agar seluruh")
_ALL_WORD = r"(?:semua(?:nya)?|seluruh(?:nya)?|kesemuanya)"
_REACH_WORD = r"(?:tercapai|mencapai|mancapai|dicapai|memenuhi|terpenuhi|berhasil|sangat\s+baik)"
_ALL_REACHED = re.compile(rf"(?<!belum\s)(?<!tidak\s)(?<!hampir\s)(?<!agar\s)(?<!supaya\s)(?<!untuk\s)(?<!harus\s)\b{_ALL_WORD}\b"
                          rf"(?:(?!\b(?:belum|tidak|kecuali)\b)[^.;\d]){{0,160}}?"
                          rf"\b{_REACH_WORD}\b|\b{_REACH_WORD}\s+{_ALL_WORD}\b|\btelah\s+memenuhi\s+target", re.I)
_CLAIM_WORDS = ("indikator", "target", "sasaran", "tercapai", "semua", "seluruh", "rendah")
_DEFINITION = re.compile(r"\b(gradasi|kategori\s+(?:nilai|capaian)|skala|apabila|jika|bila)\b", re.I)
_STATED_PCT = re.compile(r"\b(?:indikator|target)\b[^.]*?\b(?:telah|sudah)\s+tercapai\s+(\d{1,3}(?:[.,]\d+)?)\s*%", re.I)
_SASARAN_COUNT = re.compile(r"\b(kedua|ketiga|keempat|kelima)\s+sasaran\b", re.I)
_ORDINAL = {"kedua": 2, "ketiga": 3, "keempat": 4, "kelima": 5}
_ESELON = re.compile(r"([A-Z][A-Za-z ]{3,60}?)\s*sebagai\s+salah\s+satu\s+kelas\s+jabatan\s+pada\s+eselon\s+(I{1,3}V?|IV)\b(?!\s*/)")
ESELON_OF = {"Camat": "III", "Sekretaris Kecamatan": "III", "Kasi Pemerintahan": "IV", "Kasi Pemberdayaan Masyarakat": "IV",
             "Kasi Pelayanan Umum": "IV", "Kasi Ketentraman dan Ketertiban": "IV", "Kasubbag Keuangan": "IV",
             "Kasubbag Umum dan Kepegawaian": "IV", "Kasubbag Perencanaan": "IV"}
_LOW = re.compile(r"\bsangat\s+rendah\b", re.I)
_REACHED_LIST = re.compile(r"\b(?:target|indikator)\s+yang\s+(?:sudah\s+|telah\s+)?(?:mencapai|mecapai|mancapai)\s+100\s*%",
                           re.I)
_REGULATION = re.compile(r"\bPeraturan\s+Bupati(?:\s+\w+)?\s+Nomor\s+(\d+)\s+Tahun\s+((?:19|20)\d\d)\s+tentang\s+(.{20,80})",
                         re.I)


def _num(s: str) -> int:
    s = s.lower()
    return _NUM_WORD[s] if s in _NUM_WORD else int(s)


# a word each pattern above needs (one of them, lower case): on ASCII text, where ignoring case is
# lower-casing, a pattern is searched only where one is present (same matches, fewer searches)
_NEEDS = {
    _TOTAL[0]: ("dari",), _TOTAL[1]: ("memuat",), _TOTAL[2]: ("pencapaian",),
    _REACHED[0]: ("sudah", "telah"), _REACHED[1]: ("tercapai",), _REACHED[2]: ("tercapai",),
    _REACHED[3]: ("berhasil",),
    _NOT_REACHED[0]: ("belum",), _NOT_REACHED[1]: ("belum",),
    _NONE_REACHED: ("belum",),
    _ALL_REACHED: ("semua", "seluruh", "memenuhi"),
    _DEFINITION: ("gradasi", "kategori", "skala", "bila", "jika"),
    _STATED_PCT: ("tercapai",),
    _REACHED_LIST: ("100",),
    _LOW: ("rendah",),
    _SASARAN_COUNT: ("sasaran",),
}
_SAID = re.compile(r"\b(\d{1,2})\s+(?:target|indikator)", re.I)


def _search(p, text: str, low: str | None):
    """p.search(text); `low`: text lower-cased when it is ASCII (None: search whatever the text)."""
    if low is not None:
        for w in _NEEDS[p]:
            if w in low:
                break
        else:
            return None
    return p.search(text)


def _find(pats, text: str, low: str | None = None) -> int | None:
    for p in pats:
        m = _search(p, text, low)
        if m:
            return _num(m.group(1))
    return None


def narrative_mismatch(ctx: ReportContext) -> None:
    t, rows = _indicator_table(ctx)
    sents = ctx.sentences()
    flagged_numbers: set[tuple[str, int]] = set()      # (claim kind, number) already reported
    _eselon_claims(ctx, sents)
    _regulation_claims(ctx, sents)
    _kegiatan_count_claims(ctx, sents)
    _stated_row_values(ctx, sents)
    _quoted_realisasi(ctx)
    if t is None:
        return
    n = len(rows)
    caps = [r.num.get("capaian") for r in rows if r.num.get("capaian") is not None]
    reached = sum(1 for c in caps if c >= 100)
    sasaran = {fold_indicator(r.text.get("sasaran") or "") for r in rows if r.text.get("sasaran")}
    mean = sum(caps) / len(caps) if caps else None
    where = f"{t.title or t.kind} (table {t.seq + 1})"
    # a table with fewer indicator rows than the report's Perjanjian Kinerja may not have been read whole:
    # a count compared with it is not sure
    pk_n = max((sum(1 for r in pt.rows if r.level in (None, "indicator") and r.text.get("indikator")
                    and any(r.has(f) for f in ("target", "realisasi", "capaian")))
                for pt in ctx.tables if pt.kind == "pk" and pt.duplicate_of is None), default=0)
    short_table = (f"{t.title[:50] or t.kind} holds {n} indicator rows where the Perjanjian Kinerja holds {pk_n}: "
                   f"it may not have been read completely") if t.kind != "pk" and pk_n > n else None
    if not t.complete:
        short_table = f"{t.title[:50] or t.kind} was not read completely"
    for i, s in enumerate(sents):
        text = s.text
        low = text.lower()
        for w in _CLAIM_WORDS:
            if w in low:
                break
        else:
            continue                # every claim read below names indicators, targets or sasaran
        asc = low if text.isascii() else None
        if _search(_DEFINITION, text, asc):
            continue
        ctx.tick()
        problems: list[tuple[str, str, str]] = []   # (what, reported, expected)
        counted = False                             # the first problem is a count of the table's rows
        total = _find(_TOTAL, text, asc)
        if total is not None and total != n and ("total", total) not in flagged_numbers:
            problems.append((f"it counts {total} indicators/targets but {where} has {n}", str(total), str(n)))
            flagged_numbers.add(("total", total))
            counted = True
        if caps:
            got = _find(_REACHED, text, asc)
            if got is not None and got != reached and ("reached", got) not in flagged_numbers:
                problems.append((f"it says {got} reached 100% but {reached} of {len(caps)} do in {where}",
                                 str(got), str(reached)))
                flagged_numbers.add(("reached", got))
                counted = counted or len(problems) == 1
            miss = _find(_NOT_REACHED, text, asc)
            if miss is not None and miss != len(caps) - reached and ("missed", miss) not in flagged_numbers:
                problems.append((f"it says {miss} are not reached but {len(caps) - reached} are not in {where}",
                                 str(miss), str(len(caps) - reached)))
                flagged_numbers.add(("missed", miss))
                counted = counted or len(problems) == 1
            if reached and _search(_NONE_REACHED, text, asc):
                best = max(caps)
                problems.append((f"it says none reached 100% but {reached} do in {where} (highest {show_number(best)}%)",
                                 "0", str(reached)))
            said = {int(x) for x in _SAID.findall(text)}
            repeat = any((k, x) in flagged_numbers for k in ("total", "reached") for x in said)
            if _search(_ALL_REACHED, text, asc) and min(caps) < 100 and not repeat:
                problems.append((f"it says every target is reached but capaian goes down to {show_number(min(caps))}% in {where}",
                                 "all", f"{reached} of {len(caps)}"))
            m = _search(_STATED_PCT, text, asc)
            if m and mean is not None and abs(float(m.group(1).replace(",", ".")) - mean) > 2.0:
                problems.append((f"it states {m.group(1)}% achieved but the mean capaian of {where} is {mean:.2f}%",
                                 m.group(1) + "%", f"{mean:.2f}%"))
            if _search(_REACHED_LIST, text, asc):
                problems += _listed_as_reached(sents[i:i + 4], rows, where)
            if _search(_LOW, text, asc):
                problems += _low_claim(sents[max(0, i - 2):i + 1], rows, where)
        m = _search(_SASARAN_COUNT, text, asc)
        if m and sasaran and _ORDINAL[m.group(1).lower()] != len(sasaran):
            problems.append((f"it speaks of '{m.group(0)}' but {where} has {len(sasaran)} sasaran",
                             m.group(0), str(len(sasaran))))
        if problems:
            what, rep, exp = problems[0]
            ctx.flag(f"{place(s.line, s.page).capitalize()}: {what} (\"{short(text)}\").", table=t, reported=rep,
                     expected=exp, line=s.line, page=s.page,
                     doubt=short_table if counted else None)


def _listed_as_reached(sents, rows, where):
    """"target yang mencapai 100% diantaranya: a. <indikator>": each listed indicator must be at 100%."""
    out = []
    for s in sents[1:] if len(sents) > 1 else []:
        body = re.sub(r"^\s*[a-z][.)]\s*", "", s.text)
        if not re.match(r"^\s*[a-z][.)]\s", s.text):
            break
        r = _best_row(body, rows)
        if r is not None and r.num.get("capaian") is not None and r.num["capaian"] < 100:
            out.append((f"{place(s.line, s.page)} lists '{short(r.text.get('indikator') or '', 60)}' among the targets at "
                        f"100% but its capaian is {show_number(r.num['capaian'])}% in {where}", "100%",
                        f"{show_number(r.num['capaian'])}%"))
    return out


def _best_row(text: str, rows, cutoff: float = 85.0):
    q = fold_indicator(text)
    best, score = None, cutoff
    for r in rows:
        for f in ("indikator", "sasaran"):
            v = r.text.get(f)
            if v:
                sc = fuzz.partial_ratio(fold_indicator(v), q) if len(q) >= 12 else 0
                if sc >= score:
                    best, score = r, sc
    return best


def _low_claim(sents, rows, where):
    """"<sasaran> Capaian sangat Rendah": 'sangat rendah' is capaian of 50% or less on the usual scale."""
    text = " ".join(s.text for s in sents[::-1][:1])
    r = _best_row(_LOW.split(text)[0], rows)
    if r is None and len(sents) > 1:
        r = _best_row(" ".join(s.text for s in sents[:-1]), rows)
    if r is not None and r.num.get("capaian") is not None and r.num["capaian"] > 50:
        return [(f"it calls '{short(r.text.get('sasaran') or r.text.get('indikator') or '', 60)}' 'sangat rendah' "
                 f"but its capaian is {show_number(r.num['capaian'])}% in {where}", "sangat rendah",
                 f"{show_number(r.num['capaian'])}%")]
    return []


_FILLER = {"kegiatan", "program", "sasaran", "sementara", "sedangkan", "serta", "dengan", "lain", "seperti",
           "beberapa", "yang", "untuk", "pada", "bagian"}
_KEGIATAN_COUNT = re.compile(rf"\bsisa\s+anggaran\s+pada\s+{_N}\s+kegiatan\b", re.I)
_STATED_ROW = re.compile(r"(?P<name>[A-Za-z][A-Za-z ,/-]{4,90}?)\s+(?:terealisasi|mencapai|realisasi)(?:\s+realisasi)?"
                         r"\s+(?:sebesar\s+)?(?P<x>\d{1,3}(?:[.,]\d{1,2})?)\s*%\s+dengan\s+efisiensi\s+"
                         r"(?:sebesar\s+)?(?P<y>-?\d{1,3}(?:[.,]\d{1,2})?)\s*%", re.I)

# a stretch every match of _STATED_ROW holds (searched first: the name's lazy stretch is slow to try)
_STATED_ROW_TAIL = re.compile(r"%\s+dengan\s+efisiensi\s+", re.I)


def _kegiatan_count_claims(ctx: ReportContext, sents):
    """"sisa anggaran pada 3 kegiatan ...": the report's budget tables must list at least that many kegiatan."""
    keg = [(t, r) for t, r in ctx.rows("cost_per_outcome", "pk_budget", "lra")
           if t.duplicate_of is None and r.level in ("kegiatan", "sub_kegiatan")]
    if not keg:
        return
    per_table: dict[int, int] = {}
    for t, _ in keg:
        per_table[t.seq] = per_table.get(t.seq, 0) + 1
    most = max(per_table.values())
    for s in sents:
        m = _KEGIATAN_COUNT.search(s.text) if not s.text.isascii() or "sisa" in s.text.lower() else None
        if m and _num(m.group(1)) > most:
            t = next(t for t, _ in keg if per_table[t.seq] == most)
            ctx.flag(f"{place(s.line, s.page).capitalize()}: it speaks of {_num(m.group(1))} kegiatan with unspent budget, but "
                          f"{t.title[:60] or t.kind} lists only {most} kegiatan (\"{short(s.text)}\").", table=t, reported=m.group(1), expected=str(most), line=s.line, page=s.page)


def _stated_row_values(ctx: ReportContext, sents):
    """"<kegiatan> mencapai realisasi 83,17% dengan efisiensi 28,85%": the named row's capaian (or
    realisasi) and efisiensi in the tables must be those numbers (rounding to a point allowed)."""
    rows = [(t, r) for t, r in ctx.rows("cost_per_outcome", "efisiensi")
            if t.duplicate_of is None and r.num.get("efisiensi") is not None]
    if not rows:
        return
    def words(text: str) -> set[str]:
        return {w for w in re.findall(r"[a-z]{4,}", (text or "").lower()) if w not in _FILLER}

    row_words = [(t, r, words(" ".join(r.text.get(f) or "" for f in ("sasaran", "indikator", "name"))))
                 for t, r in rows]
    for s in sents:
        if "%" not in s.text or "efisiensi" not in s.text.lower() or not _STATED_ROW_TAIL.search(s.text):
            continue                    # the phrase states a percentage and an efisiensi
        for m in _STATED_ROW.finditer(s.text):
            named = words(m.group("name"))
            # the rows the phrase names: every content word of the phrase is in the row's texts
            cands = [(t, r) for t, r, w in row_words if named and named <= w]
            if not cands:
                continue
            x = float(m.group("x").replace(",", "."))
            y = float(m.group("y").replace(",", "."))

            def agrees(r) -> bool:
                vals = [r.num.get(f) for f in ("capaian", "realisasi") if r.num.get(f) is not None]
                e = r.num["efisiensi"]
                e = e * 100 if abs(e) <= 1.5 and abs(y) > 1.5 else e
                return (not vals or any(abs(v - x) <= 0.5 for v in vals)) and abs(e - y) <= 0.02

            if any(agrees(r) for _, r in cands) or len({fold_indicator(r.text.get("indikator") or "") for _, r in cands}) > 2:
                continue
            t, r = cands[0]
            vals = [r.num.get(f) for f in ("capaian", "realisasi") if r.num.get(f) is not None]
            eff = r.num["efisiensi"]
            eff_pct = eff * 100 if abs(eff) <= 1.5 and abs(y) > 1.5 else eff
            x_ok = not vals or any(abs(v - x) <= 0.5 for v in vals)
            ctx.flag(f"{place(s.line, s.page).capitalize()}: it states {m.group('x')}% with efisiensi {m.group('y')}% for "
                          f"'{short(m.group('name').strip(), 50)}', but {where(t, r)} gives "
                          f"{'/'.join(show_number(v) + '%' for v in vals) or '-'} and efisiensi {show_number(eff_pct)}%.", table=t, row=r, field="efisiensi" if x_ok else "capaian", reported=f"{m.group('x')}% / {m.group('y')}%", expected=f"{show_number(vals[0]) if vals else ''}% / {show_number(eff_pct)}%", line=s.line, page=s.page)


def _eselon_claims(ctx: ReportContext, sents):
    for s in sents:
        m = _ESELON.search(s.text) if "eselon" in s.text else None      # (a fixed word of the pattern)
        if not m:
            continue
        unit = canonical_unit(m.group(1))
        exp = ESELON_OF.get(unit)
        if exp and m.group(2) != exp:
            ctx.flag(f"{place(s.line, s.page).capitalize()}: the text puts {unit} at eselon {m.group(2)}, but it is an eselon {exp} "
                          f"post (\"{short(s.text)}\").", reported=f"eselon {m.group(2)}", expected=f"eselon {exp}", line=s.line, page=s.page)


def _citations(c: ReportContext):
    """(sentence, number, year, title) of every Peraturan Bupati a report cites."""
    for s in c.sentences():
        if "bupati" not in s.text.lower():
            continue
        for m in _REGULATION.finditer(s.text):
            yield s, m.group(1), m.group(2), fold_indicator(m.group(3))[:25]


def _citation_votes(bundle: list[ReportContext]) -> dict[tuple, dict[str, int]]:
    """How often the bundle cites each (year, title) with each number."""
    votes: dict[tuple, dict[str, int]] = {}
    for c in bundle:
        for _, num, year, title in _citations(c):
            votes.setdefault((year, title), {}).setdefault(num, 0)
            votes[(year, title)][num] += 1
    return votes


def _regulation_claims(ctx: ReportContext, sents):
    """The same Peraturan Bupati (same year and title) cited with another number than in the rest of
    the bundle: the minority citation is the slip."""
    votes = ctx.per_bundle(_citation_votes)
    for s, num, year, title in _citations(ctx):
        v = votes.get((year, title), {})
        best = max(v, key=v.get) if v else num
        if best != num and v[best] >= 2 * v[num]:
            ctx.flag(f"{place(s.line, s.page).capitalize()}: cites Peraturan Bupati Nomor {num} Tahun {year} where the other "
                          f"{v[best]} citations of the same regulation say Nomor {best} (\"{short(s.text)}\").", reported=f"Nomor {num}", expected=f"Nomor {best}", line=s.line, page=s.page)


def _quoted_realisasi(ctx: ReportContext) -> None:
    """A summary table with one number per indicator quotes the realisasi as the capaian: the table's
    wording contradicts the measurement table, the numbers agree."""
    for event in kinerja_pairs(ctx):
        if event[0] != "pair":
            continue
        _, t, r, st, sr = event
        ctx.tick()
        if quotes_realisasi(sr, r):
            ctx.flag(f"'{r.text.get('indikator')}' is given capaian '{value_text(r, 'capaian')}' in {where(t, r)}, "
                     f"but that is its realisasi in {st.title[:50] or st.kind}, where the capaian is "
                     f"'{value_text(sr, 'capaian')}'.", t, r, "capaian", value_text(r, "capaian"),
                     value_text(sr, "capaian"))
