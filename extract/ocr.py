"""Scanned pages -> Blocks: deskew, rulings, tables read cell by cell, the rest as text lines.

Full-page OCR mangles table cells (tesseract reads "50%" as "5096"), so tables are read cell by
cell: the grid comes from the scan's own rulings (OpenCV morphology), every merged cell is cropped
and read on its own (tesseract through tesserocr, Indonesian model), and a cell that reads as a
number is read again as a single line with a character whitelist.  The text around the tables is
read once per page with the tables blanked out.  Coordinates are converted to PDF points so that
scanned rows carry the same kind of bbox as digital ones.  Pages are read in parallel when the
settings allow more than one OCR process.

Hand-written here: the deskew estimate, the segment extraction from the ruling masks and the
cell reading policy; OpenCV, pypdfium2 and tesseract do the image work.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor

from functools import lru_cache

from lkj.model.errors import InputError
from lkj.model.settings import OcrSettings, Settings

from .pdf_layout import Block, HSeg, VSeg, Word, fill_grid, grid_layout, text_blocks

NUMERIC_CHARS = "0123456789.,%-()"
_NUMERICISH = re.compile(r"^(rp\.?\s*)?[\dOoIlSXY%.,\-() ]+$", re.I)


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


# ---------------------------------------------------------------------------------------------
# image geometry


def render(pdf, index: int, page_w: float, dpi: int, max_pixels: int = 0):
    """The page as a grey image at `dpi`, or smaller when that would exceed `max_pixels`."""
    import numpy as np

    page = pdf[index]
    scale = dpi / 72.0
    w, h = page.get_size()
    if max_pixels and w * h * scale * scale > max_pixels:
        scale = (max_pixels / (w * h)) ** 0.5
    img = page.render(scale=scale, grayscale=True).to_numpy()
    if img.ndim == 3:
        img = img[:, :, 0]
    return np.ascontiguousarray(img), img.shape[1] / page_w


def skew_angle(gray) -> float:
    """Skew in degrees from the long near-horizontal strokes (table rules, text lines)."""
    import cv2
    import numpy as np

    bw = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]
    h, w = bw.shape
    lines = cv2.HoughLinesP(bw, 1, np.pi / 1800, threshold=200, minLineLength=w // 4, maxLineGap=8)
    angles = []
    if lines is not None:
        for x1, y1, x2, y2 in lines.reshape(-1, 4):
            a = np.degrees(np.arctan2(y2 - y1, x2 - x1))
            if abs(a) < 8:
                angles.append(a)
    if len(angles) >= 3:
        return float(np.median(angles))
    # no long rules: the angle whose row profile is sharpest
    small = cv2.resize(bw, (w // 4, h // 4))
    best, best_score = 0.0, -1.0
    for a in np.arange(-4, 4.01, 0.25):
        m = cv2.getRotationMatrix2D((small.shape[1] / 2, small.shape[0] / 2), a, 1.0)
        rot = cv2.warpAffine(small, m, (small.shape[1], small.shape[0]))
        score = float(np.var(rot.sum(axis=1)))
        if score > best_score:
            best, best_score = a, score
    return float(best)


def deskew(gray):
    import cv2

    a = skew_angle(gray)
    if abs(a) < 0.05:
        return gray, 0.0
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), a, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255), a


def rulings(gray, scale: float):
    """Horizontal and vertical rule segments (PDF points) and the table boxes they frame (pixels)."""
    import cv2

    bw = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    h, w = bw.shape
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(30, w // 40), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(20, h // 80)))
    h_raw = cv2.morphologyEx(bw, cv2.MORPH_OPEN, hk)
    v_raw = cv2.morphologyEx(bw, cv2.MORPH_OPEN, vk)
    hm = cv2.dilate(h_raw, cv2.getStructuringElement(cv2.MORPH_RECT, (9, 3)))
    vm = cv2.dilate(v_raw, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 9)))
    hs, vs = [], []
    for mask, out, horiz in ((hm, hs, True), (vm, vs, False)):
        n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for x, y, ww, hh, _area in stats[1:]:
            if horiz and ww >= 40 and hh <= 20:
                out.append(HSeg(x / scale, (x + ww) / scale, (y + hh / 2) / scale))
            elif not horiz and hh >= 15 and ww <= 20:
                out.append(VSeg(y / scale, (y + hh) / scale, (x + ww / 2) / scale))
    grid = cv2.bitwise_or(hm, vm)
    n, _, stats, _ = cv2.connectedComponentsWithStats(grid, connectivity=8)
    boxes = [(x, y, x + ww, y + hh) for x, y, ww, hh, _a in stats[1:] if ww > w * 0.3 and hh > 25]
    # what to erase before reading cells: the rules as drawn (1 px wider), not the dilated masks,
    # which would also take the descenders of "g" and "y" that touch a rule
    ink_rules = cv2.dilate(cv2.bitwise_or(h_raw, v_raw), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return hs, vs, boxes, ink_rules


# ---------------------------------------------------------------------------------------------
# reading


class Reader:
    """Tesseract engines: Indonesian for text (page and cell), English for what the Indonesian model
    reads badly (short labels, symbols and digits: it turns a scanned "%" into "Yo" or "96"), and
    English single-line with a digit whitelist for numbers."""

    def __init__(self, tessdata: str):
        import tesserocr

        self.tess = tesserocr
        has_eng = os.path.exists(os.path.join(tessdata, "eng.traineddata"))
        latin = "eng" if has_eng else "ind"
        self.text = tesserocr.PyTessBaseAPI(path=tessdata, lang="ind", psm=tesserocr.PSM.SINGLE_BLOCK)
        self.alt = tesserocr.PyTessBaseAPI(path=tessdata, lang=latin, psm=tesserocr.PSM.SINGLE_BLOCK)
        self.page = tesserocr.PyTessBaseAPI(path=tessdata, lang="ind", psm=tesserocr.PSM.AUTO)
        self.line = tesserocr.PyTessBaseAPI(path=tessdata, lang=latin, psm=tesserocr.PSM.SINGLE_LINE)
        self.char = tesserocr.PyTessBaseAPI(path=tessdata, lang=latin, psm=tesserocr.PSM.SINGLE_CHAR)
        self.num = tesserocr.PyTessBaseAPI(path=tessdata, lang=latin, psm=tesserocr.PSM.SINGLE_LINE)
        self.num.SetVariable("tessedit_char_whitelist", NUMERIC_CHARS)

    @staticmethod
    def _read(api, img) -> tuple[str, float]:
        api.SetImage(img)
        return " ".join(_text(api).split()), float(api.MeanTextConf())

    def cell(self, crop) -> tuple[str, float]:
        """Text and confidence of one cell image (already free of rules)."""
        import numpy as np
        from PIL import Image

        ys, xs = np.where(crop < 160)
        if len(ys) == 0:
            return "", 100.0
        ink = crop[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
        # stretch the contrast: on a grey scan background tesseract drops whole lines of a cell
        lo, hi = int(ink.min()), int(np.percentile(ink, 90))
        if hi - lo > 20:
            ink = ((ink.astype(np.float32) - lo) * (255.0 / (hi - lo))).clip(0, 255).astype(np.uint8)
        glyph = ink.shape[0] < 45 and ink.shape[1] <= 1.6 * ink.shape[0]     # one character ("T", "%", "1")
        if ink.shape[0] < 45:
            # one line of small print: tesseract reads it better at twice the size ("50%", not "0%")
            import cv2
            ink = cv2.resize(ink, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        img = Image.fromarray(_pad(ink, 12))
        txt, conf = self._read(self.text, img)
        if len(txt) <= 14 or re.search(r"\d", txt) or conf < 70:
            # short labels and values: the English model reads symbols and digits better
            t2, c2 = self._read(self.alt, img)
            if not t2 and ink.shape[0] < 2.2 * min(ink.shape[1], 40):
                t2, c2 = self._read(self.line, img)      # a lone character ("R", "1") in a tall cell
            if t2 and (re.search(r"[\d%]", t2) or len(t2.replace(" ", "")) <= 3 or c2 > conf or not txt):
                txt, conf = t2, c2
        if glyph:
            t3, c3 = self._read(self.char, img)
            if t3 and (c3 > conf or not txt):
                txt, conf = t3, c3
        looks_numeric = bool(txt) and bool(_NUMERICISH.match(txt)) and bool(re.search(r"\d", txt)) and len(txt) <= 24
        if looks_numeric:
            t2, c2 = self._read(self.num, img)
            if t2 and re.search(r"\d", t2):
                rp = re.match(r"^\s*rp\.?\s*", txt, re.I)
                txt, conf = ((rp.group(0).strip() + " ") if rp else "") + t2, c2
        return txt, conf

    def words(self, gray, scale: float) -> list[Word]:
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


def _text(api) -> str:
    """Recognised text, or "" (tesserocr raises when nothing is recognised)."""
    try:
        return api.GetUTF8Text() or ""
    except RuntimeError:
        return ""


@lru_cache(maxsize=2)
def engines(tessdata: str) -> Reader:
    """The tesseract engines of this process (creating them costs a fraction of a second, so each
    process creates them once per model folder)."""
    return Reader(tessdata)


def _read_page(args) -> tuple[int, list[Block], float]:
    data, index, page_w, first_id, tessdata, ocr = args
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        gray, scale = render(pdf, index, page_w, ocr.dpi, ocr.max_pixels)
    finally:
        pdf.close()
    return read_image(engines(tessdata), gray, scale, first_id, index)


def read_image(reader: Reader, gray, scale: float, first_id: int = 0, index: int = 0) -> tuple[int, list[Block], float]:
    """One page image -> Blocks (tables cell by cell, text around them); returns the skew found."""
    gray, angle = deskew(gray)
    hs, vs, boxes, grid = rulings(gray, scale)
    blocks: list[Block] = []
    blank = gray.copy()
    clean = gray.copy()
    clean[grid > 0] = 255                 # the rules themselves would be read as "|" or "I"
    for k, (bx0, by0, bx1, by1) in enumerate(boxes):
        region = (bx0 / scale, by0 / scale, bx1 / scale, by1 / scale)
        rh = [s for s in hs if region[1] - 3 <= s.y <= region[3] + 3 and min(s.x1, region[2]) - max(s.x0, region[0]) > 8]
        rv = [v for v in vs if region[0] - 3 <= v.x <= region[2] + 3 and min(v.y1, region[3]) - max(v.y0, region[1]) > 4]
        lay = grid_layout(region, rh, rv, [])
        if lay is None:
            continue
        words = []
        for (r, c), (x0, y0, x1, y1) in lay.cell_boxes().items():
            # the rules are erased already: crop to the rules, so that a line touching one keeps its top
            px0, py0, px1, py1 = (int(x0 * scale) + 1, int(y0 * scale) + 1, int(x1 * scale) - 1, int(y1 * scale) - 1)
            if px1 - px0 < 6 or py1 - py0 < 6:
                continue
            crop = clean[py0:py1, px0:px1]
            if crop.min() > 160:          # nothing printed in the cell
                continue
            txt, conf = reader.cell(crop)
            if txt:
                # one word per cell, placed inside the cell's first row and column
                words.append(Word(txt, x0 + 1, y0 + 1, min(x1, x0 + 3), min(y1, y0 + 3), conf))
        rows = fill_grid(lay, words, first_id + k, source="ocr")
        cell_boxes = lay.cell_boxes()
        for b in rows:
            for cell in b.cells or []:
                if cell.text:
                    cell.bbox = cell.bbox and _cell_box(cell_boxes, cell.bbox)
        blocks += rows
        blank[by0:by1 + 1, bx0:bx1 + 1] = 255
    blocks += text_blocks(reader.words(blank, scale))
    blocks.sort(key=lambda b: (b.top, b.bbox[0]))
    return index, blocks, angle


def _cell_box(cell_boxes, probe):
    """The merged cell's box for the probe word's corner box."""
    for box in cell_boxes.values():
        if box[0] <= probe[0] <= box[2] and box[1] <= probe[1] <= box[3]:
            return box
    return probe


def _pad(crop, border: int = 10):
    import cv2

    return cv2.copyMakeBorder(crop, border, border, border, border, cv2.BORDER_CONSTANT, value=255)


def ocr_pages(data: bytes, pages: list[int], sizes: list[tuple[float, float]],
              settings: Settings) -> dict[int, list[Block]]:
    """OCR the given 1-based pages of a PDF; {page: blocks}.  In parallel processes when the OCR
    settings allow more than one (the pipeline gives each file one process when it reads several
    files at once)."""
    try:
        import cv2  # noqa: F401
        import tesserocr  # noqa: F401
    except ImportError as exc:
        raise InputError("ocr", f"scanned pages need OCR but {exc.name} is not installed: run `make setup`") from None
    tessdata = tessdata_dir()
    ocr: OcrSettings = settings.ocr
    jobs = [(data, p - 1, sizes[p - 1][0], 10_000 + 1000 * p, tessdata, ocr) for p in pages]
    workers = min(len(jobs), ocr.workers or (os.cpu_count() or 1))
    out: dict[int, list[Block]] = {}
    if workers <= 1:
        for j in jobs:
            idx, blocks, _ = _read_page(j)
            out[idx + 1] = blocks
        return out
    with ProcessPoolExecutor(max_workers=workers) as ex:
        for idx, blocks, _ in ex.map(_read_page, jobs):
            out[idx + 1] = blocks
    return out
