"""Scanned pages -> Blocks: the page made ready (extract/scan_prep.py), ruled tables read cell by
cell, everything else read once as words and laid out by the same code as a digital page.

Full-page OCR mangles ruled table cells (tesseract reads "50%" as "5096"), so a table ruled both
ways is read cell by cell: the grid comes from the scan's own rulings, every merged cell is cropped
and read on its own (Indonesian model), and a cell that reads as a number is read again with the
English model and with a digit whitelist; when those readings disagree on the digits, the cell
is marked in doubt.  The rest of the page (text, and tables ruled with horizontal rules only or not
at all) is read once as words with their boxes and confidences, and those words go through
`page_layout.layout_page`, the digital pages' own layout (rows between rules, columns in the white
gutters); a number found there is read again from its own crop the same way.  Coordinates are PDF
points of the upright page.  Pages are read in parallel when the settings allow more than one OCR
process; `workers=1` reads them in this process.

Library chatter (leptonica's "Error in boxClipToRectangle", tesseract's "Empty page!!") is
silenced at the source; a page that cannot be read becomes a warning of the document.

Orientation: a sideways page is told by its profile (scan_prep.sideways); the page is then read as
it stands, and only when its own words read unsurely is a strip of print read both ways to tell an
upside-down page, which is then read again turned (an upright page costs no extra reading).

Hand-written here: the cell reading policy and which reading to keep, the upright test (a strip of
print read both ways, the better confidence wins) and the re-reading of numbers; tesseract
(tesserocr), OpenCV and pypdfium2 do the image work.
"""
from __future__ import annotations

import glob
import os
import re
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from lkj.model.document import Cell
from lkj.model.errors import InputError
from lkj.model.settings import LayoutSettings, OcrSettings, Settings

from .scan_prep import binarize, clear_border, flatten, rotate, rulings, sideways, skew_angle, stretch_ink, turn
from .page_layout import layout_page
from .pdf_layout import Block, Word, cell_of, fill_grid, grid_layout

NUMERIC_CHARS = "0123456789.,%-()"
_NUMERICISH = re.compile(r"^(rp\.?\s*)?[-–—“\"(]?[\dOoIlSXY%.,\-() ]+$", re.I)
_DIGITS = re.compile(r"\d")


@dataclass
class PageRead:
    """What OCR made of one page."""
    index: int                              # 0-based page index
    blocks: list[Block]
    angle: float = 0.0                      # skew corrected (degrees)
    turns: int = 0                          # quarter turns (clockwise) that made the page upright
    width: float = 0.0                      # the upright page's size in PDF points
    height: float = 0.0
    warnings: list[str] = field(default_factory=list)


def tessdata_dir() -> str:
    """Where the tesseract language files are (TESSDATA_PREFIX, the Debian paths, or tesseract's own
    answer); the Indonesian model must be there."""
    cands = [os.environ.get("TESSDATA_PREFIX", "")]
    cands += ["/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
              "/usr/share/tessdata", "/usr/local/share/tessdata"]
    if shutil.which("tesseract"):
        try:
            out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=20).stdout
            m = re.search(r'"(.+?)"', out)
            if m:
                cands.insert(1, m.group(1))
        except (OSError, subprocess.SubprocessError):
            pass
    for d in cands:
        if d and os.path.exists(os.path.join(d, "ind.traineddata")):
            return d
    raise InputError("ocr", "scanned pages need OCR but the Indonesian tesseract model (tesseract-ocr-ind) "
                            "is not installed: run `make setup`")


def quiet_leptonica() -> None:
    """Leptonica prints its errors ("Error in boxClipToRectangle: box outside rectangle") straight to
    stderr; set its message severity to none in the copy tesserocr loaded."""
    import ctypes
    import ctypes.util

    import tesserocr

    here = os.path.dirname(os.path.abspath(tesserocr.__file__))
    paths = sorted(glob.glob(os.path.join(here, "..", "tesserocr.libs", "libleptonica*.so*")))
    paths += [p for p in (ctypes.util.find_library("leptonica"), ctypes.util.find_library("lept")) if p]
    for p in paths:
        try:
            lib = ctypes.CDLL(p)
            lib.setMsgSeverity(6)          # L_SEVERITY_NONE
        except (OSError, AttributeError):
            continue


# ---------------------------------------------------------------------------------------------
# reading


class Reader:
    """Tesseract engines: Indonesian for text (page and cell), English for what the Indonesian model
    reads badly (short labels, symbols and digits: it turns a scanned "%" into "Yo" or "96"), and
    English single-line with a digit whitelist for numbers."""

    def __init__(self, tessdata: str, languages: str = "ind"):
        import tesserocr

        quiet_leptonica()
        self.tess = tesserocr
        self.tessdata, self.languages = tessdata, languages
        has_eng = os.path.exists(os.path.join(tessdata, "eng.traineddata"))
        self.latin = "eng" if has_eng else languages

    # each engine loads its model on first use (a quarter of a second each): a page without a
    # ruled table or a lone glyph never needs the cell engines

    def _api(self, lang: str, psm):
        a = self.tess.PyTessBaseAPI(path=self.tessdata, lang=lang, psm=psm)
        a.SetVariable("debug_file", "/dev/null")      # "Empty page!!", "Invalid resolution" ...
        return a

    @cached_property
    def text(self):
        return self._api(self.languages, self.tess.PSM.SINGLE_BLOCK)

    @cached_property
    def alt(self):
        return self._api(self.latin, self.tess.PSM.SINGLE_BLOCK)

    @cached_property
    def page(self):
        return self._api(self.languages, self.tess.PSM.AUTO)

    @cached_property
    def line(self):
        return self._api(self.latin, self.tess.PSM.SINGLE_LINE)

    @cached_property
    def char(self):
        return self._api(self.latin, self.tess.PSM.SINGLE_CHAR)

    @cached_property
    def num(self):
        a = self._api(self.latin, self.tess.PSM.SINGLE_BLOCK)      # a "%" may wrap under its number
        a.SetVariable("tessedit_char_whitelist", NUMERIC_CHARS)
        return a

    @staticmethod
    def _read(api, img) -> tuple[str, float]:
        """Text and confidence of one image: its least sure word's, and for a number its least
        sure word with digits (a "%" or a unit read unsurely does not make the value unsure)."""
        api.SetImage(img)
        txt = " ".join(_text(api).split())
        if not txt:
            return "", 0.0
        words = txt.split()
        confs = [c for c in api.AllWordConfidences() if c is not None]
        if len(confs) == len(words) and any(_DIGITS.search(w) for w in words):
            confs = [c for w, c in zip(words, confs) if _DIGITS.search(w)]
        return txt, float(min(confs)) if confs else float(api.MeanTextConf())

    def strip_confidence(self, gray) -> float:
        """Mean confidence of a strip of print read as it stands (the upright test)."""
        from PIL import Image

        self.text.SetImage(Image.fromarray(gray))
        if not _text(self.text).strip():
            return 0.0
        return float(self.text.MeanTextConf())

    def cell(self, crop, ocr: OcrSettings) -> tuple[str, float, bool]:
        """Text, confidence and doubt of one cell image (already free of rules)."""
        import numpy as np
        from PIL import Image

        ys, xs = np.where(crop < 220)
        if len(ys) == 0:
            return "", 100.0, False
        m = 3
        ink = crop[max(0, ys.min() - m):ys.max() + 1 + m, max(0, xs.min() - m):xs.max() + 1 + m]
        # stretch the contrast: on a grey scan background tesseract drops whole lines of a cell
        lo, hi = int(ink.min()), int(np.percentile(ink, 90))
        if hi - lo > 20:
            ink = ((ink.astype(np.float32) - lo) * (255.0 / (hi - lo))).clip(0, 255).astype(np.uint8)
        small = ink.shape[0] < ocr.small_print_px
        glyph = small and ink.shape[1] <= 1.6 * ink.shape[0]     # one character ("T", "%", "1")
        if small:
            # one line of small print: tesseract reads it better at twice the size ("50%", not "0%")
            import cv2
            ink = cv2.resize(ink, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        img = Image.fromarray(_pad(ink, 12))
        readings = []
        txt, conf = self._read(self.text, img)
        readings.append((txt, conf))
        if len(txt) <= 14 or _DIGITS.search(txt) or conf < 70:
            # short labels and values: the English model reads symbols and digits better
            t2, c2 = self._read(self.alt, img)
            if not t2 and ink.shape[0] < 2.2 * min(ink.shape[1], 40):
                t2, c2 = self._read(self.line, img)      # a lone character ("R", "1") in a tall cell
            readings.append((t2, c2))
            if t2 and (re.search(r"[\d%]", t2) or len(t2.replace(" ", "")) <= 3 or c2 > conf or not txt):
                txt, conf = t2, c2
        if glyph:
            t3, c3 = self._read(self.char, img)
            if t3 and (not txt or (c3 > conf + 10 and "%" not in txt)):
                txt, conf = t3, c3
        if not any(numberish(t) for t, _ in readings) and not numberish(txt):
            return txt, conf, False
        tn, _cn = self._read(self.num, img)      # its confidence means nothing under a whitelist
        return settle_number(readings + [(txt, conf)], tn, ocr, minus_left(crop))

    def number(self, crop, page_reading: tuple[str, float] | None, ocr: OcrSettings) -> tuple[str, float, bool]:
        """A cell expected to hold a number: read by the English model and with the digit
        whitelist, the page's own reading as a third opinion."""
        img = self._cell_image(crop, ocr)
        if img is None:
            return "", 100.0, False
        tn, _cn = self._read(self.num, img)
        if page_reading and page_reading[1] >= ocr.sure_number and _CLEAN_NUMBER.fullmatch(page_reading[0].strip()):
            # a sure page reading: the constrained one only confirms its digits and sign
            got = _trim(tn)
            if _canon(got) == _canon(page_reading[0]) and (got[:1] in _DASHES) == (page_reading[0].strip()[:1] in _DASHES):
                return page_reading[0], page_reading[1], False
        readings = [self._read(self.alt, img)]
        if page_reading and page_reading[0]:
            readings.append(page_reading)
        if not any(numberish(t) for t, _ in readings) and not _DIGITS.search(tn):
            t, c = max(readings, key=lambda tc: tc[1])
            return t, c, c < ocr.doubt_below
        minus = minus_left(crop)
        txt, conf, doubt = settle_number(readings, tn, ocr, minus)
        if not doubt and not txt.lstrip().startswith("-") and minus:
            doubt = True            # a faint mark before the digits: a minus the readings lost?
        return txt, conf, doubt

    def _cell_image(self, crop, ocr: OcrSettings):
        """A cell crop as tesseract reads it best: cut to its print, contrast stretched, small
        print doubled, a white border around."""
        import numpy as np
        from PIL import Image

        ys, xs = np.where(crop < 220)
        if len(ys) == 0:
            return None
        m = 3
        ink = crop[max(0, ys.min() - m):ys.max() + 1 + m, max(0, xs.min() - m):xs.max() + 1 + m]
        lo, hi = int(ink.min()), int(np.percentile(ink, 90))
        if hi - lo > 20:
            ink = ((ink.astype(np.float32) - lo) * (255.0 / (hi - lo))).clip(0, 255).astype(np.uint8)
        if ink.shape[0] < ocr.small_print_px:
            import cv2
            ink = cv2.resize(ink, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        return Image.fromarray(_pad(ink, 12))

    def words(self, gray, scale: float) -> list[Word]:
        """Words of a page image with their boxes (PDF points) and confidences."""
        from PIL import Image

        tess = self.tess
        self.page.SetImage(Image.fromarray(gray))
        try:
            self.page.Recognize()
        except RuntimeError:
            return []
        out = []
        it = self.page.GetIterator()
        level = tess.RIL.WORD
        for w in tess.iterate_level(it, level):
            try:
                txt = w.GetUTF8Text(level)
            except RuntimeError:          # an empty word box
                continue
            if not txt or not txt.strip():
                continue
            box = w.BoundingBox(level)
            if box is None:
                continue
            x0, y0, x1, y1 = box
            out.append(Word(txt.strip(), x0 / scale, y0 / scale, x1 / scale, y1 / scale, float(w.Confidence(level))))
        return out


_AS_DIGIT = str.maketrans({"O": "0", "o": "0", "D": "0", "Q": "0", "I": "1", "l": "1", "L": "1", "|": "1", "i": "1",
                           "S": "5", "s": "5", "B": "8", "Z": "2", "z": "2", "g": "9"})
_DASHES = "-–—“”\"‘’~"
_UNIT_TAIL = re.compile(r"\s+([A-Za-z][A-Za-z.]{2,20})$")       # "Laporan", "Dok."; not "Yo" (a "%" misread)


def split_unit(t: str) -> tuple[str, str]:
    """"12 Laporan" -> ("12", "Laporan"); a reading without a unit word -> (t, "")."""
    t = t.strip()
    m = _UNIT_TAIL.search(t)
    if m and _DIGITS.search(t[:m.start()].translate(_AS_DIGIT)):
        return t[:m.start()].strip(), m.group(1)
    return t, ""


def _canon(t: str) -> str:
    """The digits a reading of a number stands for: letters tesseract puts for digits read as
    digits ("LOO" is 100), a "%" read as "96" after the number dropped, a unit word left aside."""
    t, unit = split_unit(t)
    t = re.sub(r"^(rp\.?\s*)", "", t, flags=re.I)
    if not unit:            # a number with a unit word has no "%" ("1D Desa" is "10 Desa")
        t = re.sub(r"(?<=[\d\s])\s*(?:[A-Za-z%][A-Za-z%]?|%\d)$", "", t.strip())    # "25 Yo", "16,42 So", "7,26%0": a "%"
    if not t.endswith("%") and re.search(r"\d\s*9[6o0]$", t) and not re.search(r"[.,]\d{3}$", t):
        t = re.sub(r"\s*9[6o0]$", "", t)
    t = t.translate(_AS_DIGIT)
    if re.search(r"[A-Za-z]", t):
        return "?"          # a letter no digit looks like ("IU" for "10"): a glyph was not read, no digits agree
    return re.sub(r"\D", "", t)


def minus_left(crop) -> bool:
    """Is there a short flat mark left of the first digit, at the digits' mid-height (a minus
    too faint for the readings at scan resolution)?

    The digits are the marks darker than 200; the minus is looked for among them and among the
    lighter ones as well (below 235): a thin stroke of a 150-dpi scan enlarged and flattened keeps only a grey
    trace of a few pixels, which the digits' threshold cuts to a dot.  A mark is a minus when it is
    flat (at least 1.2 times as wide as high), lower than 0.4 of the digits' height, wider than a
    fifth of it, at their mid-height and no further from the first digit than a digit's height."""
    import cv2
    import numpy as np

    def comps(thresh):
        n, _lab, stats, _c = cv2.connectedComponentsWithStats((crop < thresh).astype(np.uint8), connectivity=8)
        return [tuple(int(v) for v in st) for st in stats[1:] if st[4] >= 2]

    dark = comps(200)
    if len(dark) < 2:
        return False
    tall = max(st[3] for st in dark)
    digits = [st for st in dark if st[3] >= 0.6 * tall]
    if not digits:
        return False
    nxt = min(digits, key=lambda st: st[0])
    line = [st for st in digits if st[1] < nxt[1] + nxt[3] and nxt[1] < st[1] + st[3]]     # the first digit's line
    top = min(st[1] for st in line)
    bottom = max(st[1] + st[3] for st in line)
    for x, y, w, h, _a in dark + comps(235):
        if x + w > nxt[0] or h >= 0.4 * tall or w > 1.2 * tall or w < 0.2 * tall or w < 1.2 * h:
            continue
        mid = y + h / 2
        gap = nxt[0] - (x + w)
        if 0 <= gap <= tall and top + 0.25 * (bottom - top) <= mid <= top + 0.75 * (bottom - top):
            return True
    return False


def _trim(t: str) -> str:
    """A number's reading without the specks read after it ("2,63%,", "7,26% °")."""
    return re.sub(r"(?<=[\d%])[\s,.;:'`\"°*]+$", "", t.strip())


def numberish(t: str) -> bool:
    """Does a reading stand for a number (a unit word aside, letters for digits allowed)?"""
    core, _unit = split_unit(t)
    core = re.sub(r"^(rp\.?\s*)", "", core, flags=re.I).translate(_AS_DIGIT)
    return bool(core) and len(core) <= 24 and bool(_DIGITS.search(core)) and not re.search(r"[A-Za-z]{2,}", core)


def settle_number(readings: list[tuple[str, float]], constrained: str, ocr: OcrSettings,
                  minus: bool = False) -> tuple[str, float, bool]:
    """A number read several ways: free readings (the page's, the English model's) and one
    constrained to digits and signs.  The digits kept are the constrained reading's when a free
    reading agrees with them, with the agreeing reading's confidence and its unit word; a number
    no two readings agree on is in doubt.  A "%" read as "96" after the digits and letters put for
    digits ("LOO") count as agreeing; a letter that stands for no digit ("IU" for "10") does not.
    `minus`: whether the print shows a minus before the digits (`minus_left`), which decides when
    the readings disagree on the sign."""
    readings = [(_trim(t), c) for t, c in readings if t and t.strip()]
    constrained = _trim(constrained)
    c_digits = re.sub(r"\D", "", constrained)
    agree = [(t, c) for t, c in readings if c_digits and _canon(t) == c_digits]
    rp = next((True for t, _ in readings if re.match(r"^\s*rp\.?", t, re.I)), False)
    lead = "Rp. " if rp else ""
    unit = "" if constrained.rstrip().endswith("%") else \
        next((split_unit(t)[1] for t, _ in agree or readings if split_unit(t)[1]), "")
    tail = f" {unit}" if unit else ""
    if agree:
        conf = max(c for _, c in agree)
        text = _one_separator(constrained.strip())
        if text.endswith("%") and unit:
            text = text[:-1].strip()
        signs = {t.strip()[:1] in _DASHES for t, _ in agree} | {text[:1] in _DASHES}
        if len(signs) > 1:
            # the readings disagree on a minus: the print decides (a flat mark at the digits'
            # mid-height is one; a speck or a quote mark above them, a serif, is not)
            text = text.lstrip("".join(_DASHES) + " ")
            if minus:
                text = "-" + text
        # two independent readings that agree are believed unless both are very unsure
        # two independent readings that agree are believed unless both are very unsure, or the
        # digits they agree on are not shaped like a number ("3.803.650,.00")
        shaped = bool(_CLEAN_NUMBER.fullmatch((lead + text + tail).strip()))
        # a free reading of other digits, surer than those that agree, leaves the number in doubt
        # ("2.623.000" at 88 against "9.623.000" at 64): the row's arithmetic may settle it
        rival = max((c for t, c in readings if _canon(t) not in ("?", "", c_digits)), default=-1.0)
        return lead + text + tail, conf, conf < ocr.doubt_below / 2 or not shaped or rival > conf
    floor = min((c for _, c in readings), default=0.0)
    best = max(readings, key=lambda tc: tc[1])[0] if readings else ""
    if constrained.strip() and (not best or not numberish(best)):
        return lead + constrained.strip() + tail, floor, True
    return best, floor, True


def _one_separator(t: str) -> str:
    """A speck read as a second separator between digits ("3.803.650,.00", "21,.998.215") dropped:
    of the two, the one kept leaves the number's thousands separators all alike."""
    def alike(s: str) -> bool:
        seps = re.findall(r"[.,]", re.sub(r"[.,]\d{1,2}\D*$", "", s))
        return len(set(seps)) <= 1

    m = re.search(r"(?<=\d)([.,])([.,])(?=\d)", t)
    if not m:
        return t
    first, second = t[:m.start()] + m.group(1) + t[m.end():], t[:m.start()] + m.group(2) + t[m.end():]
    return first if alike(first) or not alike(second) else second


def _text(api) -> str:
    """Recognised text, or "" (tesserocr raises when nothing is recognised)."""
    try:
        return api.GetUTF8Text() or ""
    except RuntimeError:
        return ""


def _digits(t: str) -> str:
    return re.sub(r"\D", "", t)


def _looks_numeric(txt: str) -> bool:
    return bool(txt) and bool(_NUMERICISH.match(txt)) and bool(_DIGITS.search(txt)) and len(txt) <= 24


@lru_cache(maxsize=2)
def engines(tessdata: str, languages: str = "ind") -> Reader:
    """The tesseract engines of this process (creating them costs a fraction of a second, so each
    process creates them once per model folder)."""
    return Reader(tessdata, languages)


def _pad(crop, border: int = 10):
    import cv2

    return cv2.copyMakeBorder(crop, border, border, border, border, cv2.BORDER_CONSTANT, value=255)


# ---------------------------------------------------------------------------------------------
# the page


def upside_down(reader: Reader, g, b, ocr: OcrSettings) -> bool:
    """Is a page whose lines run across it upside down?  A strip of print read as it stands and
    turned half round: the better confidence wins."""
    import numpy as np

    h = g.shape[0]
    band = max(40, h // 14)
    best, best_ink = None, 0.0
    for y in range(h // 8, h - h // 8 - band, band // 2):
        ink = float(np.count_nonzero(b[y:y + band])) / b[y:y + band].size
        if 0.03 <= ink <= 0.25 and ink > best_ink:
            best, best_ink = y, ink
    if best is None:
        return False
    strip = g[best:best + band]
    import cv2
    if strip.shape[0] > 120:                    # a smaller copy reads as well and sooner
        f = 120.0 / strip.shape[0]
        strip = cv2.resize(strip, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    here = reader.strip_confidence(strip)
    flipped = reader.strip_confidence(turn(strip, 2))
    return flipped > here + ocr.upright_margin


def reads_upright(words: list[Word], ocr: OcrSettings) -> bool:
    """Do the page's own words say it was read upright?  Upright, the words of three letters or
    more read at a median confidence near 96 on the scans seen; upside down, below 35."""
    confs = sorted(w.conf for w in words if w.conf is not None and sum(ch.isalpha() for ch in w.text) >= 3)
    return len(confs) >= ocr.upright_words and confs[len(confs) // 2] >= ocr.upright_sure


def _read_turned(reader: Reader, gray, bw, turns: int, scale: float, index: int, ocr: OcrSettings):
    """The prepared page turned by `turns` quarter turns, deskewed, its rules found and erased and
    its words read: (PageRead without blocks, rulings, the page without its rules, words)."""
    if turns:
        gray, bw = turn(gray, turns), turn(bw, turns)
    angle = skew_angle(bw, ocr.max_skew)
    gray = rotate(gray, angle)
    h, w = gray.shape
    res = PageRead(index, [], angle, turns, w / scale, h / scale)
    rl = rulings(gray, scale, ocr)
    clean = gray.copy()
    clean[rl.ink > 0] = 255                 # the rules themselves would be read as "|" or "I"
    return res, rl, clean, reader.words(clean, scale)


def read_page(reader: Reader, gray, scale: float, index: int, first_id: int, settings: Settings) -> PageRead:
    """One page image (grey, `scale` pixels per PDF point) -> its Blocks."""
    ocr, layout = settings.ocr, settings.layout
    gray = stretch_ink(flatten(gray), ocr.paper_level)
    bw = binarize(gray)
    gray, bw = clear_border(gray, bw)
    turns = (1 if sideways(bw) else 0) if ocr.orientation else 0
    res, rl, clean, raw_words = _read_turned(reader, gray, bw, turns, scale, index, ocr)
    if ocr.orientation and not reads_upright(raw_words, ocr) and \
            upside_down(reader, turn(gray, turns), turn(bw, turns), ocr):
        # read once as it stands; only a page whose words read unsurely is tested for being upside
        # down (the test reads a strip twice), and read again turned half round when it is
        res, rl, clean, raw_words = _read_turned(reader, gray, bw, (turns + 2) % 4, scale, index, ocr)
    # nothing is printed within a few millimetres of the paper's edge: what is read there is the
    # scanner's edge shadow or the lid
    edge = ocr.edge_margin_inch * 72.0
    words = [wd for wd in raw_words
             if wd.x0 > edge and wd.top > edge and wd.x1 < res.width - edge and wd.bottom < res.height - edge]
    heights = sorted(wd.bottom - wd.top for wd in words)
    line_h = heights[len(heights) // 2] if heights else 0.0
    words = [wd for wd in words if not speck(wd, ocr, line_h) or beside_sure_word(wd, words, ocr, line_h)]
    taken = []
    for k, box in enumerate(rl.boxes):
        region = tuple(v / scale for v in box)
        inside = [wd for wd in words if region[0] - 2 <= wd.cx <= region[2] + 2 and region[1] - 2 <= wd.cy <= region[3] + 2]
        rows = read_ruled_table(reader, clean, region, rl, inside, scale, first_id + k, settings)
        if not rows:
            continue
        res.blocks += rows
        taken.append(region)
        ids = {id(wd) for wd in inside}
        words = [wd for wd in words if id(wd) not in ids]
    hs = [s for s in rl.hsegs if not any(b[1] - 2 <= s.y <= b[3] + 2 and b[0] - 2 <= (s.x0 + s.x1) / 2 <= b[2] + 2
                                          for b in taken)]
    rest = layout_page(words, hs, [], res.width, res.height, None, first_id + 500, layout, source="ocr")
    grids: dict[int, list[Block]] = {}
    for b in rest:
        if b.table_id is not None and b.cells:
            grids.setdefault(b.table_id, []).append(b)
    for rows in grids.values():
        # the page's words already carry boxes: only the numbers are read again
        check_numbers(reader, clean, [b.cells for b in rows], scale, ocr)
        for b in rows:
            b.text = "\t".join(c.text for c in b.cells)
    res.blocks += rest
    res.blocks.sort(key=lambda b: (b.top, b.bbox[0]))
    if not res.blocks:
        res.warnings.append(f"page {index + 1}: OCR read nothing on this page")
    return res


_PUNCT_ONLY = re.compile(r"[\"'“”‘’.,:;!|_~`°*«»^]+")


def speck(wd: Word, ocr: OcrSettings, line_h: float = 0.0) -> bool:
    """A word that is the page's noise, not print: punctuation standing alone (a dust speck read as
    '.' or '"'; a dash stays, it is a value), or letters read with very low confidence (tesseract
    reads the strokes between two text lines as a fragment: "angand", "aKsanas" at 0-30/100).
    Numbers stay, unless far smaller than the page's print (a speck read as "6"): they are read
    again from their cell."""
    t = wd.text.strip()
    if _PUNCT_ONLY.fullmatch(t):
        return True
    unsure = wd.conf is not None and wd.conf < ocr.speck_below
    if unsure and line_h and wd.bottom - wd.top < 0.5 * line_h:
        return True
    return not _DIGITS.search(t) and wd.conf is not None and wd.conf < ocr.speck_below


def beside_sure_word(wd: Word, words: list[Word], ocr: OcrSettings, line_h: float) -> bool:
    """Is an unsure word of letters on the line of a sure word, next to it (within a line's
    height)?  Then it is print read unsurely ("Sasaran!" at 33 before "Kegiatan" at 97), not the
    strokes between two lines, which lie half a line off every word of print."""
    t = wd.text.strip()
    if _PUNCT_ONLY.fullmatch(t) or _DIGITS.search(t) or sum(ch.isalpha() for ch in t) < 3 or not line_h:
        return False
    h = wd.bottom - wd.top
    if h < 0.5 * line_h:
        return False
    for o in words:
        if o is wd or o.conf is None or o.conf < ocr.doubt_below:
            continue
        dy = min(o.bottom, wd.bottom) - max(o.top, wd.top)
        gap = max(o.x0 - wd.x1, wd.x0 - o.x1)
        if dy > 0.6 * min(h, o.bottom - o.top) and gap < line_h:
            return True
    return False


def read_ruled_table(reader: Reader, clean, region, rl, words: list[Word], scale: float, table_id: int,
                     settings: Settings) -> list[Block]:
    """A table ruled both ways: the page's words go to the cells the rules make; numbers are read
    again from their cell's crop (`check_numbers`), and so is a cell with print but no word.  []
    when the box has no inner vertical rules (its columns are then found from the words' gutters
    like a printout's)."""
    layout: LayoutSettings = settings.layout
    rh = [s for s in rl.hsegs if region[1] - 3 <= s.y <= region[3] + 3 and min(s.x1, region[2]) - max(s.x0, region[0]) > 8]
    rv = [v for v in rl.vsegs if region[0] - 3 <= v.x <= region[2] + 3 and min(v.y1, region[3]) - max(v.y0, region[1]) > 4]
    if not any(region[0] + 6 < v.x < region[2] - 6 for v in rv):
        return []
    lay = grid_layout(region, rh, rv, [], layout)
    if lay is None:
        return []
    boxes = lay.cell_boxes()
    nrow, ncol = len(lay.ys) - 1, len(lay.bounds) - 1
    by_cell: dict[tuple[int, int], list[Word]] = {}
    for wd in words:
        r = next((i for i in range(nrow) if wd.cy < lay.ys[i + 1]), nrow - 1)
        c = next((i for i in range(ncol) if wd.cx < lay.bounds[i + 1]), ncol - 1)
        by_cell.setdefault(lay.owner[(r, c)], []).append(wd)
    cells: dict[tuple[int, int], Cell] = {}
    heights = sorted(wd.bottom - wd.top for wd in words)
    line_h = heights[len(heights) // 2] if heights else 0.0
    for o, box in boxes.items():
        ws = by_cell.get(o, [])
        cell = cell_of(ws) if ws else Cell("")
        cell.bbox = box
        if ws and line_h and numberish(cell.text) and unread_ink(clean, box, ws, scale, line_h):
            cell.conf = min(cell.conf or 0.0, settings.ocr.sure_number - 1)    # read again from its crop
        elif ws and read_twice(ws):
            # the page reading took one stretch of print for two words ("12 Laporar ran",
            # "Tertibnya ertibnya"): the cell is read again from its own crop
            crop = _crop(clean, box, scale)
            if crop is not None and crop.min() <= 160:
                txt, conf, doubt = reader.cell(crop, settings.ocr)
                if txt and conf >= settings.ocr.doubt_below:
                    cell.text, cell.conf, cell.doubt = txt, conf, doubt
        cells[o] = cell
    check_numbers(reader, clean, [[cells.get((r, c)) for c in range(ncol)] for r in range(nrow)], scale,
                  settings.ocr, empty_ink=True)
    probes = [Word(cell.text, x0 + 1, y0 + 1, min(x1, x0 + 3), min(y1, y0 + 3), cell.conf, cell.doubt)
              for o, cell in cells.items() if cell.text for (x0, y0, x1, y1) in [boxes[o]]]
    rows = fill_grid(lay, probes, table_id, source="ocr")
    for b in rows:
        for cell in b.cells or []:
            if cell.text:
                cell.bbox = _cell_box(boxes, cell.bbox) if cell.bbox else None
    return rows


def read_twice(words: list[Word]) -> bool:
    """Do two of a cell's words lie over each other on one line (the same print read twice, once
    in part: "Laporar" over "ran")?  Over a third of the narrower one's width, and half its height."""
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            dy = min(a.bottom, b.bottom) - max(a.top, b.top)
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            if dy > 0.5 * min(a.bottom - a.top, b.bottom - b.top) and dx > 0.33 * min(a.x1 - a.x0, b.x1 - b.x0):
                return True
    return False


def unread_ink(clean, box, words: list[Word], scale: float, line_h: float) -> bool:
    """Does a cell hold print the page reading left out (a unit word under its number that the
    page's layout analysis dropped)?  Asked of numbers only: a label cell read again from its crop
    as one block reads worse than its page words.  Marks of at least half a line's height outside every word's box."""
    import cv2
    import numpy as np

    crop = _crop(clean, box, scale)
    if crop is None:
        return False
    ink = (crop < 160).astype(np.uint8)
    ox, oy = int(box[0] * scale) + 1, int(box[1] * scale) + 1
    for wd in words:
        x0, y0 = max(0, int(wd.x0 * scale) - ox - 2), max(0, int(wd.top * scale) - oy - 2)
        x1, y1 = int(wd.x1 * scale) - ox + 3, int(wd.bottom * scale) - oy + 3
        ink[y0:max(y0, y1), x0:max(x0, x1)] = 0
    n, _lab, stats, _c = cv2.connectedComponentsWithStats(ink, connectivity=8)
    tall = 0.5 * line_h * scale
    return any(st[3] >= tall and st[2] >= 0.3 * tall for st in stats[1:])


_CLEAN_NUMBER = re.compile(r"(rp\.?\s?)?-?\d{1,3}([.,]\d{3})*([.,]\d{1,2})?\s?%?(\s[A-Za-z]{3,20})?", re.I)
_PCT_LIKE = re.compile(r"(%|(?<=[\d\s])[A-Za-z%][A-Za-z%]?)$")       # "25%", or "25 Yo": a "%" misread


def check_numbers(reader: Reader, clean, grid: list[list], scale: float, ocr: OcrSettings, empty_ink: bool = False) -> None:
    """The numbers of a table, read again where the page reading may have slipped.

    `grid` is the table's cells by row and column (None where a merged cell continues).  A column
    is numeric when most of its filled cells read as numbers; there a cell is read again from its
    own crop (`Reader.number`) when its page reading is unsure, or not shaped like a number, or
    lacks the "%" the rest of its column has (the page reading turns "50%" into "5096").  With
    `empty_ink`, a cell with print but no word is read from its crop as well."""
    h, w = clean.shape
    ncol = max((len(r) for r in grid), default=0)
    # the header: the rows above the first one holding a number as read (a digit in it: a
    # header's "No" reads as letters for digits), and above the row of column numbers when there
    # is one.  Its labels are read again when the page reading missed or doubted them, or read
    # them less than surely: then the reading from the cell's crop is kept when it has as many
    # letters and is surer or breaks fewer words apart (the page reading makes "Re i" of
    # "Realisasi"; a crop's reading may lose a line of the cell, "Kegiatan" for "Sasaran / Kegiatan")
    top = next((k + 1 for k, r in enumerate(grid[:8]) if _numbering_row(r)), 0)
    body = next((k for k, r in enumerate(grid) if k >= top and not _numbering_row(r) and any(
        x is not None and numberish(x.text) and _DIGITS.search(x.text) for x in r)), len(grid))
    for r in grid[:body]:
        for x in r:
            if x is None or not x.bbox or (x.text and (x.conf or 0) >= ocr.sure_number and len(x.text.strip()) > 2) \
                    or x.text.strip() in ("%", "(%)"):
                continue                # (a "%" read as such is one: its misreadings go the other way, "Yo", "96")
            missed = not x.text or (x.conf or 0) < ocr.doubt_below or len(x.text.strip()) <= 2
            crop = _crop(clean, x.bbox, scale)
            if crop is not None and crop.min() <= 160:
                txt, conf, _doubt = reader.cell(crop, ocr)
                if txt and (missed or _letters(txt) >= _letters(x.text) and (
                        conf > (x.conf or 0) or _fragments(txt) < _fragments(x.text))):
                    x.text, x.conf = txt, conf
    grid = grid[body:]
    for c in range(ncol):
        col = [r[c] for r in grid if c < len(r) and r[c] is not None]
        filled = [x for x in col if x.text]
        nums = [x for x in filled if numberish(x.text)]
        numeric = len(filled) > 0 and len(nums) >= 0.4 * len(filled)
        pct = numeric and sum(1 for x in nums if _PCT_LIKE.search(x.text.strip())) >= 0.6 * len(nums)
        for x in col:
            if not x.bbox:
                continue
            if not x.text:
                if not empty_ink:
                    continue
            elif not numeric:
                continue
            elif numberish(x.text):
                shaped = _CLEAN_NUMBER.fullmatch(x.text.strip()) and (not pct or x.text.rstrip().endswith("%"))
                if not shaped:
                    x.conf = min(x.conf or 0.0, ocr.sure_number - 1)     # not shaped as its column: read it again fully
            elif (x.conf or 0) >= ocr.sure_number:
                continue                           # a label in a numeric column ("Target", "-")
            crop = _crop(clean, x.bbox, scale)
            if crop is None or crop.min() > 160:
                continue
            if x.text and numberish(x.text) and x.text.strip()[:1] not in _DASHES and minus_left(crop):
                # the page reading drops a thin minus even when sure of the digits ("9.53%" for
                # "-9.53%"): the print shows a mark before them, so the cell is read again
                x.conf = min(x.conf or 0.0, ocr.sure_number - 1)
            if x.text and numberish(x.text):
                txt, conf, doubt = reader.number(crop, (x.text, x.conf or 0.0), ocr)
            else:
                txt, conf, doubt = reader.cell(crop, ocr)       # a label, or print the page reading missed
            if txt:
                x.text, x.conf, x.doubt = txt, conf, doubt
        if numeric:
            repair_percents(col)        # the readings decide now whether it is a percentage column


_SHAPED_PCT = re.compile(r"[-–]?\d{1,3}(?:([.,])(\d{1,2}))?\s?%")
_PCT_GLYPH = ("96", "90", "40", "10", "70", "60", "06", "00", "9", "6", "0")    # how a scanned "%" is misread


def repair_percents(col: list) -> None:
    """Cells of a percentage column read without their "%", the glyph read as digits instead
    ("361196" for "36,11%", "-2. 4010" for "-2,40%"): the digits before it, with the decimals the
    column's well-read cells have, make the value.  Such a cell stays in doubt (the row's own
    arithmetic may confirm it: normalizers/settle.py)."""
    from collections import Counter

    shapes = Counter()
    for x in col:
        m = _SHAPED_PCT.fullmatch(x.text.strip()) if x.text else None
        if m:
            shapes[(m.group(1) or "", len(m.group(2) or ""))] += 1
    nums = sum(1 for x in col if x.text and numberish(x.text))
    if not shapes or sum(shapes.values()) < max(2, 0.5 * nums):
        return                          # not a percentage column
    (sep, decimals), _n = shapes.most_common(1)[0]
    for x in col:
        t = re.sub(r"(?<=\d)\s+[A-Za-z]{1,2}$", "", (x.text or "").strip())    # "36.1196 ga": glyph parts
        if not t or "%" in t or not numberish(t):
            continue
        sign = "-" if t[:1] in _DASHES else ""
        core_text = split_unit(t)[0].translate(_AS_DIGIT)
        parts = re.split(r"[.,]", re.sub(r"[^\d.,]", "", core_text))
        whole, frac = (parts[0], "".join(parts[1:])) if len(parts) > 1 else (parts[0], "")
        if len(whole.lstrip("0") or "0") <= 3 and len(frac) <= max(decimals, 2):
            continue                    # a plausible percentage as read ("100", "48,38"): no glyph in it
        digits = _digits(core_text)
        read_whole = whole if len(parts) > 1 and 1 <= len(whole) <= 3 else None
        for tail in _PCT_GLYPH:
            core = digits[:-len(tail)] if digits.endswith(tail) else None
            # a separator as read tells the whole part ("83.339": 83, then "33" and the glyph);
            # without one the column's own shape does
            dec = len(core) - len(read_whole) if core and read_whole else decimals
            if core and 0 <= dec <= 2 and 1 <= len(core) - dec <= 3 and not (len(core) - dec > 1 and core[0] == "0"):
                whole, frac = core[:len(core) - dec], core[len(core) - dec:]
                mark = re.search(r"[.,]", core_text).group(0) if read_whole else (sep or ",")
                x.text = f"{sign}{whole}{mark}{frac}%" if dec else f"{sign}{whole}%"
                x.doubt = True
                break


def _fragments(t: str) -> int:
    """Words of one or two letters in a label's reading: the pieces of a word read apart."""
    return sum(1 for w in t.split() if w.isalpha() and len(w) <= 2)


def _letters(t: str) -> int:
    return sum(ch.isalpha() for ch in t)


def _numbering_row(r) -> bool:
    """Is a table row the row of column numbers ("1 | 2 | 3 ...", "(1) | (2) | (3)=(2)/(1)")?"""
    filled = [x for x in r if x is not None and x.text]
    return len(filled) >= 3 and all(_NUMBERING.fullmatch(x.text.strip()) for x in filled)


_NUMBERING = re.compile(r"\(?\d{1,2}\)?|\(?\d{1,2}\s*=\s*[\d()/x*+%-]+\)?|\(?[IVX]{1,4}\)?")


def _crop(img, bbox, scale: float):
    """The pixels of a box in PDF points, one pixel inside it; None when too small."""
    h, w = img.shape
    x0, y0, x1, y1 = bbox
    px0, py0 = max(0, int(x0 * scale) + 1), max(0, int(y0 * scale) + 1)
    px1, py1 = min(w, int(x1 * scale) - 1), min(h, int(y1 * scale) - 1)
    if px1 - px0 < 6 or py1 - py0 < 6:
        return None
    return img[py0:py1, px0:px1]


def _cell_box(cell_boxes, probe):
    """The merged cell's box for the probe word's corner box."""
    for box in cell_boxes.values():
        if box[0] <= probe[0] <= box[2] and box[1] <= probe[1] <= box[3]:
            return box
    return probe


# ---------------------------------------------------------------------------------------------
# PDF pages


def render(pdf, index: int, page_w: float, dpi: int, max_pixels: int):
    """A PDF page as a grey image at `dpi` (less when that would exceed `max_pixels`); returns the
    image and its pixels per PDF point."""
    import numpy as np

    page = pdf[index]
    pw, ph = page.get_size()
    scale = dpi / 72.0
    if pw * ph * scale * scale > max_pixels:
        scale = (max_pixels / (pw * ph)) ** 0.5
    img = page.render(scale=scale, grayscale=True).to_numpy()
    if img.ndim == 3:
        img = img[:, :, 0]
    return np.ascontiguousarray(img), img.shape[1] / page_w


def _read_pdf_page(args) -> PageRead:
    data, index, page_w, first_id, tessdata, settings = args
    from .pdfium_doc import pdfium_document

    with pdfium_document(data) as pdf:
        gray, scale = render(pdf, index, page_w, settings.ocr.dpi, settings.ocr.max_pixels)
    return _guarded(engines(tessdata, settings.ocr.languages), gray, scale, index, first_id, settings)


def _guarded(reader: Reader, gray, scale: float, index: int, first_id: int, settings: Settings) -> PageRead:
    """read_page, with a page that breaks the OCR turned into a warning."""
    try:
        return read_page(reader, gray, scale, index, first_id, settings)
    except (RuntimeError, ValueError, MemoryError) as exc:
        return PageRead(index, [], warnings=[f"page {index + 1}: OCR failed ({type(exc).__name__}: "
                                             f"{str(exc).splitlines()[0][:120] if str(exc) else ''})"])


def check_ocr() -> str:
    """The tesseract model folder; an InputError when OCR cannot run here."""
    try:
        import cv2  # noqa: F401
        import tesserocr  # noqa: F401
    except ImportError as exc:
        raise InputError("ocr", f"scanned pages need OCR but {exc.name} is not installed: run `make setup`") from None
    return tessdata_dir()


def map_pages(func, jobs: list, workers: int) -> list:
    """func over the jobs, in parallel processes when more than one worker is allowed."""
    workers = min(len(jobs), workers)
    if workers <= 1:
        return [func(j) for j in jobs]
    with ProcessPoolExecutor(max_workers=workers) as ex:
        return list(ex.map(func, jobs))


def ocr_pages(data: bytes, pages: list[int], sizes: list[tuple[float, float]], settings: Settings) -> dict[int, PageRead]:
    """OCR the given 1-based pages of a PDF; {page: PageRead}.  In parallel processes when the OCR
    settings allow more than one (the pipeline gives each file one process when it reads several
    files at once)."""
    tessdata = check_ocr()
    jobs = [(data, p - 1, sizes[p - 1][0], 10_000 + 1000 * p, tessdata, settings) for p in pages]
    workers = settings.ocr.workers or (os.cpu_count() or 1)
    return {r.index + 1: r for r in map_pages(_read_pdf_page, jobs, workers)}
