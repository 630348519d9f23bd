"""entity_mismatch: another kecamatan's or another unit's name, sasaran or indikator pasted into a
report: in its text (a kecamatan of the gazetteer other than the report's, a unit named as the
reporting unit) and in its tables (another unit's Perjanjian Kinerja rows in an individual report)."""
from __future__ import annotations

import re

from lkj.normalizers.catalogue import fold_indicator
from lkj.normalizers.gazetteer import fold_place as _fold_place, national
from lkj.normalizers.jabatan import canonical_unit

from ..registry import ReportContext, place, where
from .common import COMPARE, short

# a postal address just before the name ("Jl. Raya No. 5, Kecamatan X", "Alamat: ...")
_ADDRESS = re.compile(r"\b(jalan|jl|alamat|kode\s*pos|telp|telepon|email|rt|rw)\b\.?", re.I)


def entity_mismatch(ctx: ReportContext) -> None:
    _text_slips(ctx)
    _borrowed_rows(ctx)


_TOTAL_WORDS = re.compile(r"^\s*(sub\s*)?(jumlah|total)\b[\s:]*\w{0,12}\s*$", re.I)
_NIP = re.compile(r"\bNIP\b", re.I)
_JABATAN_BEFORE = re.compile(r"\b(sekretaris|camat|plt|plh|kepala|kasi|kasubb?ag)\.?\s*$", re.I)
_NEXT_NAME = re.compile(r"^\s*(?!(?:kabupaten|kab|kota|provinsi|tahun|triwulan\w*)\b)[A-Z][A-Za-z.']+", re.I)


def _signer(e) -> bool:
    """"SEKRETARIS KECAMATAN BAMBANG MUJIB, NIP ...": a jabatan and its holder's name, not a place."""
    return bool(_JABATAN_BEFORE.search(e.before) and (_NIP.search(e.after) or
                (_NEXT_NAME.match(e.after) and e.after.lstrip()[:1].isupper())))


_CAMAT = re.compile(r"^camat\s+(?!(?:kecamatan|kec)\b)", re.I)


def _camat_of(unit_text: str, kabupaten: str | None) -> str | None:
    """"Camat Medan Denai": the kecamatan of the report's own kabupaten whose camat the text names
    (a name of another region, or a person's, "Camat Bambang ...", is none)."""
    m = _CAMAT.match(unit_text)
    if not m or not kabupaten:
        return None
    words = unit_text[m.end():].split()
    n, found = national().longest_kecamatan(words)
    own = [k for k in found if k.region.label == kabupaten]
    return own[0].name if n and own else None


def _title_sentence(ctx: ReportContext, text: str) -> int | None:
    for t in ctx.tables:
        if t.title and len(t.title) > 8 and (t.title in text or text in t.title):
            return t.seq
    return None


def _text_slips(ctx: ReportContext) -> None:
    """The text names another kecamatan, or another unit as the reporting unit."""
    own_place = _fold_place(ctx.meta.kecamatan)
    own_unit = ctx.meta.unit
    last_unit_flag: dict[str, int] = {}
    for s in ctx.sentences():
        if not s.ents or not any(e.label in ("KECAMATAN", "UNIT") for e in s.ents) or COMPARE.search(s.text):
            continue                # (only those entities are read below)
        for e in s.ents:
            if e.label == "KECAMATAN" and own_place:
                if _ADDRESS.search(e.before[-60:]) or _ADDRESS.match(e.after.strip(" ,")) or _signer(e):
                    continue
                ctx.tick()
                name = e.value
                if _fold_place(name) != own_place:
                    ctx.flag(f"{place(e.line, e.page).capitalize()}: the text names Kecamatan {name} in a report of Kecamatan "
                                  f"{ctx.meta.kecamatan} (\"{short(s.text)}\").", reported=e.text, expected=f"Kecamatan {ctx.meta.kecamatan}", line=e.line, page=e.page)
                    break  # one finding per sentence
            elif e.label == "UNIT" and own_place and (other_place := _camat_of(e.text, ctx.meta.kabupaten)):
                ctx.tick()
                if _fold_place(other_place) != own_place:
                    ctx.flag(f"{place(e.line, e.page).capitalize()}: the text names the Camat of {other_place} in a report of "
                             f"Kecamatan {ctx.meta.kecamatan} (\"{short(s.text)}\").", reported=e.text,
                             expected=f"Camat {ctx.meta.kecamatan}", line=e.line, page=e.page)
                    break
            elif e.label == "UNIT" and own_unit not in ("Camat", "Other") and ctx.doc_kind in ("lkj", "unknown"):
                before = e.before.lower().split()
                if not before or before[-1] not in ("bagian", "kinerja", "outcome", "kinerjanya"):
                    continue
                ctx.tick()
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
                ctx.flag(f"{where[0].upper() + where[1:]} names {named} ({other}) as the unit, but this is the "
                              f"report of the {own_unit} (\"{short(s.text)}\").", table_seq=tseq, reported=named, expected=own_unit, line=e.line, page=e.page)
                break


def _pk_texts(bundle) -> tuple[dict[str, list[str]], set[str]]:
    """The bundle's PK sasaran/indikator texts, folded, each with the units (no Camat) whose PK has
    it in bundle order, and the units that have any: computed once per bundle, so that a bundle of
    many reports is not read again for each of them (a 1,000-report bundle took minutes)."""
    units_of: dict[str, list[str]] = {}
    with_pk: set[str] = set()
    for o in bundle:
        if o.meta.unit in ("Camat", "Other"):
            continue
        for t, r in o.rows("pk"):
            for f in ("sasaran", "indikator"):
                if r.text.get(f):
                    us = units_of.setdefault(fold_indicator(r.text[f]), [])
                    if o.meta.unit not in us:
                        us.append(o.meta.unit)
                    with_pk.add(o.meta.unit)
    return units_of, with_pk


class _OtherUnit:
    """folded text -> the first unit other than `own` whose PK has it (a read-only mapping)."""

    def __init__(self, units_of: dict[str, list[str]], own: str):
        self.units_of, self.own = units_of, own

    def get(self, fv: str) -> str | None:
        return next((u for u in self.units_of.get(fv, ()) if u != self.own), None)

    def __contains__(self, fv: str) -> bool:
        return self.get(fv) is not None

    def __getitem__(self, fv: str) -> str:
        return self.get(fv)


def _borrowed_rows(ctx: ReportContext) -> None:
    """A row of an individual (non-Camat) report whose sasaran or indikator is not the unit's own (not in
    its other tables) but is word for word the Perjanjian Kinerja of another unit in the bundle."""
    if ctx.meta.unit in ("Camat", "Other") or ctx.doc_kind not in ("lkj", "unknown"):
        return
    units_of, with_pk = ctx.per_bundle(_pk_texts)
    own_unit = ctx.meta.unit
    if not with_pk - {own_unit}:
        return
    # the first other unit (in bundle order) whose PK has the text
    others = _OtherUnit(units_of, own_unit)
    by_kind: dict[str, set[str]] = {}
    for t, r in ctx.rows("pk", "capaian", "cost_per_outcome"):
        for f in ("sasaran", "indikator"):
            if r.text.get(f):
                by_kind.setdefault(t.kind, set()).add(fold_indicator(r.text[f]))
    reported: set[tuple] = set()
    own_of: dict[str, set[str]] = {}        # table kind -> the texts of the other kinds' tables
    for t, r in ctx.rows("pk", "capaian", "cost_per_outcome"):
        if t.duplicate_of is not None:
            continue
        own = own_of.get(t.kind)
        if own is None:
            own = own_of[t.kind] = set().union(*(v for k, v in by_kind.items() if k != t.kind)) \
                if len(by_kind) > 1 else set()
        for f in ("sasaran", "indikator"):
            v = r.text.get(f)
            if not v or r.level == "total" or _TOTAL_WORDS.match(v):
                continue
            fv = fold_indicator(v)
            ctx.tick()
            if fv in others and fv not in own and (t.seq, fv) not in reported:
                reported.add((t.seq, fv))
                ctx.flag(f"The {f} '{v}' ({where(t, r)}) is the {others[fv]}'s, and no other table of this "
                              f"{ctx.meta.unit} report has it.", table=t, row=r, field=f, reported=v, expected=f"a {f} of the {ctx.meta.unit}")
                break
