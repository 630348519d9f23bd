"""Rules on the narrative: the text says a quarter, a year, a place, a unit or a number that the
report itself (its title, metadata and tables) contradicts."""
from __future__ import annotations

import re
from dataclasses import replace

from rapidfuzz import fuzz

from normalizers.indicators import fold_indicator
from normalizers.jabatan import canonical_unit

from ..narrative import date_range_end, date_value, quarters_of, spelled_quarter
from ..registry import Anomaly, ReportContext, fmt, place, rule, where

QUARTERLY = ("triwulan", "individu_triwulan")
ROMAN_OUT = {1: "I", 2: "II", 3: "III", 4: "IV"}
_COMPARE = re.compile(r"\b(dibanding\w*|perbandingan|sebelumnya|yang lalu)\b", re.I)
_SIGN_DATE = re.compile(r"^[A-Z][A-Za-z ]{2,30},\s*\d{1,2}\s+[A-Za-z]+\s+(19|20)\d\d\s*$")


def _quarterly(ctx: ReportContext) -> bool:
    return ctx.meta.quarter is not None and ctx.doc_kind in ("lkj", "unknown")


def _short(s: str, n: int = 110) -> str:
    s = s.strip()
    return s if len(s) <= n else s[: n - 3] + "..."


def _is_pk_signature(ctx: ReportContext, line_no: int) -> bool:
    """A date line that belongs to a Perjanjian Kinerja signature block (PIHAK PERTAMA/KEDUA)."""
    near = [ln.text.lower() for ln in ctx.lines if line_no - 6 <= ln.no <= line_no + 6]
    return any("pihak" in t for t in near)


@rule("period_mismatch", "warning", "the text names a quarter or a date range other than the report's quarter")
def period_mismatch(ctx: ReportContext):
    if not _quarterly(ctx):
        return
    Q = ctx.meta.quarter
    last: dict[str, int] = {}
    for s in ctx.sentences():
        ctx.checked["period_mismatch"] += 1
        why = None
        for e in s.ents:
            if e.label == "QUARTER":
                qs = quarters_of(e)
                spelled = spelled_quarter(e)
                if spelled is not None and qs and spelled != qs[-1]:
                    e = replace(e, text=f"{e.text} ({e.after[1]})")
                    why = (e, f"'{e.text}' names quarter {qs[-1]} and quarter {spelled} at once")
                elif any(q < Q for q in qs) and not _COMPARE.search(s.text):
                    why = (e, f"'{e.text}' names an earlier quarter")
            elif e.label == "DATE_RANGE":
                m, _ = date_range_end(e)
                if m is not None and (m - 1) // 3 + 1 < Q and not _COMPARE.search(s.text):
                    why = (e, f"the period '{e.text}' ends in quarter {(m - 1) // 3 + 1}")
            if why:
                break
        if why is None and ctx.meta.kind in QUARTERLY and _SIGN_DATE.match(s.text.strip()):
            for e in s.ents:
                d = date_value(e) if e.label == "DATE" else None
                if d and d[2] == ctx.meta.year and d[1] < 3 * Q and not _is_pk_signature(ctx, s.line or 0):
                    why = (e, f"the report is dated '{e.text}', before the last month of quarter {Q}")
        if why:
            e, reason = why
            prev = last.get(e.text.lower())
            last[e.text.lower()] = e.line or 0
            if prev is not None and e.line is not None and e.line - prev <= 6:
                continue            # the same phrase repeated down a list: one finding
            yield Anomaly("period_mismatch", "warning",
                          f"{place(e.line, e.page).capitalize()}: {reason}, but this is a Triwulan {ROMAN_OUT[Q]} report "
                          f"(\"{_short(s.text)}\").",
                          field=None, reported=e.text, expected=f"Triwulan {ROMAN_OUT[Q]}", line=e.line, page=e.page)


_WITH_YEAR = re.compile(r"\bdengan\s+tahun\s+((?:19|20)\d\d)\b", re.I)


@rule("year_mismatch", "warning", "the text names a reporting period in a year other than the report's year")
def year_mismatch(ctx: ReportContext):
    Y = ctx.meta.year
    if Y is None or ctx.doc_kind not in ("lkj", "unknown"):
        return
    for s in ctx.sentences():
        ctx.checked["year_mismatch"] += 1
        hit = None
        for e in s.ents:
            if e.label == "DATE_RANGE":
                _, y = date_range_end(e)
                if y is not None and y != Y:
                    hit = (e.text, str(Y), e.line, e.page, f"the period '{e.text}' is in {y}")
                    break
        if hit is None and re.search(r"\bperbandingan\b|\bdibandingkan\b", s.text, re.I):
            m = _WITH_YEAR.search(s.text)
            if m and int(m.group(1)) not in (Y, Y - 1) and str(Y) in s.text:
                hit = (m.group(0), f"dengan tahun {Y - 1}", s.line, s.page,
                       f"the comparison is with {m.group(1)}, not with the year before {Y}")
        if hit:
            rep, exp, line, page, reason = hit
            yield Anomaly("year_mismatch", "warning",
                          f"{place(line, page).capitalize()}: {reason}, but the report is for {Y} (\"{_short(s.text)}\").",
                          reported=rep, expected=exp, line=line, page=page)


def _fold_place(s: str | None) -> str:
    return re.sub(r"[^a-z]", "", (s or "").lower())


_ADDRESS = re.compile(r"\b(jalan|jl\.|kelurahan|kode\s*pos|telp|telepon|email|alamat)\b|\bno(mor|\.)\s*\d", re.I)


def _title_sentence(ctx: ReportContext, text: str) -> int | None:
    for t in ctx.tables:
        if t.title and len(t.title) > 8 and (t.title in text or text in t.title):
            return t.seq
    return None


@rule("entity_mismatch", "warning", "the text names another kecamatan, or another unit as the reporting unit")
def entity_mismatch(ctx: ReportContext):
    own_place = _fold_place(ctx.meta.kecamatan)
    own_unit = ctx.meta.unit
    last_unit_flag: dict[str, int] = {}
    for s in ctx.sentences():
        if _ADDRESS.search(s.text) or _COMPARE.search(s.text):
            continue
        for e in s.ents:
            if e.label == "KECAMATAN" and own_place:
                ctx.checked["entity_mismatch"] += 1
                name = e.tokens[-1]
                if _fold_place(name) != own_place:
                    yield Anomaly("entity_mismatch", "warning",
                                  f"{place(e.line, e.page).capitalize()}: the text names Kecamatan {name} in a report of Kecamatan "
                                  f"{ctx.meta.kecamatan} (\"{_short(s.text)}\").",
                                  reported=e.text, expected=f"Kecamatan {ctx.meta.kecamatan}", line=e.line, page=e.page)
                    break  # one finding per sentence
            elif e.label == "UNIT" and own_unit not in ("Camat", "Other") and ctx.doc_kind in ("lkj", "unknown"):
                before = [b.lower() for b in e.before]
                if not before or before[-1] not in ("bagian", "kinerja", "outcome", "kinerjanya"):
                    continue
                ctx.checked["entity_mismatch"] += 1
                named = re.sub(r"\s+(tahun|triwulan|tw|pada|di)\b.*$", "", e.text, flags=re.I)
                other = canonical_unit(named)
                if other in ("Other", own_unit):
                    continue
                tseq = _title_sentence(ctx, s.text)
                if tseq is None:
                    prev = last_unit_flag.get(other)
                    if prev is not None and e.line is not None and 0 <= e.line - prev <= 8:
                        continue        # the same slip again in the same paragraph
                    last_unit_flag[other] = e.line or 0
                where = f"the title of table {tseq + 1}" if tseq is not None else place(e.line, e.page)
                yield Anomaly("entity_mismatch", "warning",
                              f"{where[0].upper() + where[1:]} names {named} ({other}) as the unit, but this is the "
                              f"report of the {own_unit} (\"{_short(s.text)}\").",
                              table_seq=tseq, reported=named, expected=own_unit, line=e.line, page=e.page)
                break


# ---------------------------------------------------------------- narrative claims vs the tables

def _indicator_table(ctx: ReportContext):
    for kinds in (("capaian",), ("cost_per_outcome",), ("pk",)):
        for t in ctx.tables:
            if t.kind in kinds and t.duplicate_of is None:
                rows = [r for r in t.rows if r.level in (None, "indicator") and (r.text.get("indikator") or
                        r.has("target"))]
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
_ALL_REACHED = re.compile(r"\b(tercapai\s+semua(nya)?|semua(nya)?\s+tercapai|semua\s+target\s+sasaran\b.*\b(dicapai|"
                          r"tercapai|sangat\s+baik)|telah\s+memenuhi\s+target)", re.I)
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


def _find(pats, text: str) -> int | None:
    for p in pats:
        m = p.search(text)
        if m:
            return _num(m.group(1))
    return None


@rule("narrative_mismatch", "warning",
      "a sentence's claim (number of indicators or of targets reached, a stated percentage, a category) "
      "contradicts the report's tables")
def narrative_mismatch(ctx: ReportContext):
    t, rows = _indicator_table(ctx)
    sents = ctx.sentences()
    flagged_numbers: set[tuple[str, int]] = set()      # (claim kind, number) already reported
    yield from _eselon_claims(ctx, sents)
    yield from _regulation_claims(ctx, sents)
    yield from _kegiatan_count_claims(ctx, sents)
    yield from _stated_row_values(ctx, sents)
    if t is None:
        return
    n = len(rows)
    caps = [r.num.get("capaian") for r in rows if r.num.get("capaian") is not None]
    reached = sum(1 for c in caps if c >= 100)
    sasaran = {fold_indicator(r.text.get("sasaran") or "") for r in rows if r.text.get("sasaran")}
    mean = sum(caps) / len(caps) if caps else None
    where = f"{t.title or t.kind} (table {t.seq + 1})"
    for i, s in enumerate(sents):
        text = s.text
        if _DEFINITION.search(text):
            continue
        ctx.checked["narrative_mismatch"] += 1
        problems: list[tuple[str, str, str]] = []   # (what, reported, expected)
        total = _find(_TOTAL, text)
        if total is not None and total != n and ("total", total) not in flagged_numbers:
            problems.append((f"it counts {total} indicators/targets but {where} has {n}", str(total), str(n)))
            flagged_numbers.add(("total", total))
        if caps:
            got = _find(_REACHED, text)
            if got is not None and got != reached and ("reached", got) not in flagged_numbers:
                problems.append((f"it says {got} reached 100% but {reached} of {len(caps)} do in {where}",
                                 str(got), str(reached)))
                flagged_numbers.add(("reached", got))
            miss = _find(_NOT_REACHED, text)
            if miss is not None and miss != len(caps) - reached and ("missed", miss) not in flagged_numbers:
                problems.append((f"it says {miss} are not reached but {len(caps) - reached} are not in {where}",
                                 str(miss), str(len(caps) - reached)))
                flagged_numbers.add(("missed", miss))
            if _NONE_REACHED.search(text) and reached:
                best = max(caps)
                problems.append((f"it says none reached 100% but {reached} do in {where} (highest {fmt(best)}%)",
                                 "0", str(reached)))
            said = {int(x) for x in re.findall(r"\b(\d{1,2})\s+(?:target|indikator)", text, re.I)}
            repeat = any((k, x) in flagged_numbers for k in ("total", "reached") for x in said)
            if _ALL_REACHED.search(text) and min(caps) < 100 and not repeat:
                problems.append((f"it says every target is reached but capaian goes down to {fmt(min(caps))}% in {where}",
                                 "all", f"{reached} of {len(caps)}"))
            m = _STATED_PCT.search(text)
            if m and mean is not None and abs(float(m.group(1).replace(",", ".")) - mean) > 2.0:
                problems.append((f"it states {m.group(1)}% achieved but the mean capaian of {where} is {mean:.2f}%",
                                 m.group(1) + "%", f"{mean:.2f}%"))
            if _REACHED_LIST.search(text):
                problems += _listed_as_reached(sents[i:i + 4], rows, where)
            if _LOW.search(text):
                problems += _low_claim(sents[max(0, i - 2):i + 1], rows, where)
        m = _SASARAN_COUNT.search(text)
        if m and sasaran and _ORDINAL[m.group(1).lower()] != len(sasaran):
            problems.append((f"it speaks of '{m.group(0)}' but {where} has {len(sasaran)} sasaran",
                             m.group(0), str(len(sasaran))))
        if problems:
            what, rep, exp = problems[0]
            yield Anomaly("narrative_mismatch", "warning",
                          f"{place(s.line, s.page).capitalize()}: {what} (\"{_short(text)}\").",
                          table_seq=t.seq, reported=rep, expected=exp, line=s.line, page=s.page)


def _listed_as_reached(sents, rows, where):
    """"target yang mencapai 100% diantaranya: a. <indikator>": each listed indicator must be at 100%."""
    out = []
    for s in sents[1:] if len(sents) > 1 else []:
        body = re.sub(r"^\s*[a-z][.)]\s*", "", s.text)
        if not re.match(r"^\s*[a-z][.)]\s", s.text):
            break
        r = _best_row(body, rows)
        if r is not None and r.num.get("capaian") is not None and r.num["capaian"] < 100:
            out.append((f"{place(s.line, s.page)} lists '{_short(r.text.get('indikator') or '', 60)}' among the targets at "
                        f"100% but its capaian is {fmt(r.num['capaian'])}% in {where}", "100%",
                        f"{fmt(r.num['capaian'])}%"))
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
        return [(f"it calls '{_short(r.text.get('sasaran') or r.text.get('indikator') or '', 60)}' 'sangat rendah' "
                 f"but its capaian is {fmt(r.num['capaian'])}% in {where}", "sangat rendah",
                 f"{fmt(r.num['capaian'])}%")]
    return []


_FILLER = {"kegiatan", "program", "sasaran", "sementara", "sedangkan", "serta", "dengan", "lain", "seperti",
           "beberapa", "yang", "untuk", "pada", "bagian"}
_KEGIATAN_COUNT = re.compile(rf"\bsisa\s+anggaran\s+pada\s+{_N}\s+kegiatan\b", re.I)
_STATED_ROW = re.compile(r"(?P<name>[A-Za-z][A-Za-z ,/-]{4,90}?)\s+(?:terealisasi|mencapai|realisasi)(?:\s+realisasi)?"
                         r"\s+(?:sebesar\s+)?(?P<x>\d{1,3}(?:[.,]\d{1,2})?)\s*%\s+dengan\s+efisiensi\s+"
                         r"(?:sebesar\s+)?(?P<y>-?\d{1,3}(?:[.,]\d{1,2})?)\s*%", re.I)


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
        m = _KEGIATAN_COUNT.search(s.text)
        if m and _num(m.group(1)) > most:
            t = next(t for t, _ in keg if per_table[t.seq] == most)
            yield Anomaly("narrative_mismatch", "warning",
                          f"{place(s.line, s.page).capitalize()}: it speaks of {_num(m.group(1))} kegiatan with unspent budget, but "
                          f"{t.title[:60] or t.kind} lists only {most} kegiatan (\"{_short(s.text)}\").",
                          table_seq=t.seq, reported=m.group(1), expected=str(most), line=s.line, page=s.page)


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
            yield Anomaly("narrative_mismatch", "warning",
                          f"{place(s.line, s.page).capitalize()}: it states {m.group('x')}% with efisiensi {m.group('y')}% for "
                          f"'{_short(m.group('name').strip(), 50)}', but {where(t, r)} gives "
                          f"{'/'.join(fmt(v) + '%' for v in vals) or '-'} and efisiensi {fmt(eff_pct)}%.",
                          t.seq, r.row_index, "efisiensi" if x_ok else "capaian",
                          f"{m.group('x')}% / {m.group('y')}%", f"{fmt(vals[0]) if vals else ''}% / {fmt(eff_pct)}%",
                          s.line, s.page)


def _eselon_claims(ctx: ReportContext, sents):
    for s in sents:
        m = _ESELON.search(s.text)
        if not m:
            continue
        unit = canonical_unit(m.group(1))
        exp = ESELON_OF.get(unit)
        if exp and m.group(2) != exp:
            yield Anomaly("narrative_mismatch", "warning",
                          f"{place(s.line, s.page).capitalize()}: the text puts {unit} at eselon {m.group(2)}, but it is an eselon {exp} "
                          f"post (\"{_short(s.text)}\").",
                          reported=f"eselon {m.group(2)}", expected=f"eselon {exp}", line=s.line, page=s.page)


def _regulation_claims(ctx: ReportContext, sents):
    """The same Peraturan Bupati (same year and title) cited with another number than in the rest of
    the bundle: the minority citation is the slip."""
    def cites(c: ReportContext):
        for s in c.sentences():
            for m in _REGULATION.finditer(s.text):
                yield s, m.group(1), m.group(2), fold_indicator(m.group(3))[:25]

    if "regulation_votes" not in ctx.shared:
        votes: dict[tuple, dict[str, int]] = {}
        for c in ctx.bundle or [ctx]:
            for _, num, year, title in cites(c):
                votes.setdefault((year, title), {}).setdefault(num, 0)
                votes[(year, title)][num] += 1
        ctx.shared["regulation_votes"] = votes
    votes = ctx.shared["regulation_votes"]
    for s, num, year, title in cites(ctx):
        v = votes.get((year, title), {})
        best = max(v, key=v.get) if v else num
        if best != num and v[best] >= 2 * v[num]:
            yield Anomaly("narrative_mismatch", "warning",
                          f"{place(s.line, s.page).capitalize()}: cites Peraturan Bupati Nomor {num} Tahun {year} where the other "
                          f"{v[best]} citations of the same regulation say Nomor {best} (\"{_short(s.text)}\").",
                          reported=f"Nomor {num}", expected=f"Nomor {best}", line=s.line, page=s.page)
