"""A page image made ready for reading: background flattened, scanner borders cleared, upright,
deskewed; and the ruled lines found on it.

Hand-written here (OpenCV does the pixel work): the background estimate (a grey-level closing at
a quarter of the size, which wipes the print and keeps the paper's tone, so that uneven lighting
and shaded cells divide out), the border clearing (dark bands touching the image edge are the
scanner lid or the page edge, never print), the deskew estimate (the angle whose row profile is
sharpest: text lines and table rules both sharpen it; coarse to fine on a small copy), the
sideways test (rows against columns of the same profile) and the segment extraction from the
ruling masks.  Which of two opposite orientations is upright is decided by reading a strip of the
page both ways (extract/ocr.py), not here.
"""
from __future__ import annotations

from dataclasses import dataclass

from lkj.model.settings import OcrSettings

from .pdf_layout import HSeg, VSeg


@dataclass
class Rulings:
    hsegs: list[HSeg]                  # horizontal rule segments, PDF points
    vsegs: list[VSeg]                  # vertical rule segments, PDF points
    boxes: list[tuple[int, int, int, int]]   # pixel boxes of ruled tables (rules in both directions)
    ink: object                        # mask of the rules as drawn (to erase them before reading)


def flatten(gray):
    """The page divided by its own background: paper tone, uneven lighting and shaded cells become
    white, print stays dark."""
    import cv2
    import numpy as np

    h, w = gray.shape
    small = cv2.resize(gray, (max(1, w // 4), max(1, h // 4)), interpolation=cv2.INTER_AREA)
    k = max(5, (min(h, w) // 4) // 60) | 1
    bg = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (k, k)))
    bg = cv2.medianBlur(bg, 5)
    bg = cv2.resize(bg, (w, h), interpolation=cv2.INTER_LINEAR)
    out = cv2.divide(gray, np.maximum(bg, 1), scale=255)
    return out


def stretch_ink(gray, paper_level: int):
    """Paper white, print dark: grey lighter than `paper_level` (the paper's texture, show-through)
    becomes white and the print's own level black, so that light or faded print reads as print."""
    import numpy as np

    dark = gray[gray < paper_level]
    if dark.size < 50:
        return gray
    lo = float(np.percentile(dark, 10))
    if paper_level - lo < 20:
        return gray
    out = (gray.astype(np.float32) - lo) * (255.0 / (paper_level - lo))
    return out.clip(0, 255).astype(np.uint8)


def binarize(gray):
    """Ink mask (255 = ink) of a flattened page."""
    import cv2

    return cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)[1]


def clear_border(gray, bw):
    """Dark bands touching the image edge (the scanner lid, the page edge, a punched-hole shadow)
    whitened; print inside the page is kept.  Returns the page and its ink mask."""
    import cv2
    import numpy as np

    h, w = bw.shape
    n, labels, stats, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
    drop = []
    for i in range(1, n):
        x, y, ww, hh, area = stats[i]
        touches = x <= 1 or y <= 1 or x + ww >= w - 1 or y + hh >= h - 1
        if touches and (hh > 0.2 * h or ww > 0.2 * w or area > 0.002 * h * w):
            drop.append(i)
    if not drop:
        return gray, bw
    mask = np.isin(labels, drop)
    gray = gray.copy()
    bw = bw.copy()
    gray[mask] = 255
    bw[mask] = 0
    return gray, bw


def _sharpness(bw_small, angle: float) -> float:
    import cv2
    import numpy as np

    h, w = bw_small.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rot = cv2.warpAffine(bw_small, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    prof = rot.sum(axis=1, dtype=np.float64)
    return float(np.sum(np.diff(prof) ** 2))


def skew_angle(bw, max_angle: float = 5.0) -> float:
    """Skew in degrees (positive: counter-clockwise) from the sharpest row profile of a small copy."""
    import cv2
    import numpy as np

    h, w = bw.shape
    f = min(1.0, 700.0 / w)
    small = cv2.resize(bw, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA)
    if not small.any():
        return 0.0
    best = 0.0
    for step, span in ((0.5, max_angle), (0.1, 0.5), (0.025, 0.1)):
        cands = np.arange(best - span, best + span + 1e-9, step)
        best = float(max(cands, key=lambda a: _sharpness(small, a)))
    return best


def sideways(bw) -> bool:
    """Do the text lines run up the page (a page turned by 90 or 270 degrees)?  Lines of print make
    the row profile sharp and the column profile dull; turned, the other way round."""
    import cv2
    import numpy as np

    h, w = bw.shape
    f = min(1.0, 700.0 / max(h, w))
    small = cv2.resize(bw, (max(1, int(w * f)), max(1, int(h * f))), interpolation=cv2.INTER_AREA).astype(np.float64)
    rows = float(np.sum(np.diff(small.sum(axis=1)) ** 2)) / max(1, small.shape[1]) ** 2
    cols = float(np.sum(np.diff(small.sum(axis=0)) ** 2)) / max(1, small.shape[0]) ** 2
    return cols > 1.5 * rows


def rotate(gray, angle: float):
    """The page turned by `angle` degrees (counter-clockwise), white where nothing was."""
    import cv2

    if abs(angle) < 0.02:
        return gray
    h, w = gray.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(gray, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)


def turn(gray, quarter_turns: int):
    """The page turned by a multiple of 90 degrees clockwise."""
    import cv2

    q = quarter_turns % 4
    if q == 0:
        return gray
    return cv2.rotate(gray, {1: cv2.ROTATE_90_CLOCKWISE, 2: cv2.ROTATE_180, 3: cv2.ROTATE_90_COUNTERCLOCKWISE}[q])


def rulings(gray, scale: float, ocr: OcrSettings) -> Rulings:
    """Horizontal and vertical rule segments (PDF points), the boxes of tables ruled both ways
    (pixels), and the mask of the rules as drawn."""
    import cv2
    import numpy as np

    bw = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 25, 15)
    h, w = bw.shape
    dpi = scale * 72.0
    hk = cv2.getStructuringElement(cv2.MORPH_RECT, (max(30, int(ocr.min_hrule_inch * dpi)), 1))
    vk = cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(20, int(ocr.min_vrule_inch * dpi))))
    h_raw = cv2.morphologyEx(bw, cv2.MORPH_OPEN, hk)
    v_raw = cv2.morphologyEx(bw, cv2.MORPH_OPEN, vk)
    # a rule broken by the scan (a faint stretch, a skew left over) is joined again
    gap = max(3, int(dpi / 25))
    hm = cv2.dilate(h_raw, cv2.getStructuringElement(cv2.MORPH_RECT, (gap, 3)))
    vm = cv2.dilate(v_raw, cv2.getStructuringElement(cv2.MORPH_RECT, (3, gap)))
    thick = max(8, int(dpi / 10))
    fine = max(4, int(dpi / 40)) + 2     # a short vertical stroke is a rule only as thin as a pen line
    hs, vs = [], []
    kept = []
    for mask, out, horiz in ((hm, hs, True), (vm, vs, False)):
        n, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        keep = []
        for i, (x, y, ww, hh, _area) in enumerate(stats[1:], start=1):
            # a rule is long and thin: a letter's stem in a large title is neither (erasing it would
            # cut the letters apart)
            if horiz and ww >= 2 * hk.shape[1] and hh <= thick and ww >= ocr.rule_slenderness * hh:
                out.append(HSeg(x / scale, (x + ww) / scale, (y + hh / 2) / scale))
                keep.append(i)
            elif not horiz and hh >= vk.shape[0] and ww <= thick and hh >= ocr.rule_slenderness * ww \
                    and (hh >= 2 * vk.shape[0] or ww <= fine):
                out.append(VSeg(y / scale, (y + hh) / scale, (x + ww / 2) / scale))
                keep.append(i)
        kept.append(np.isin(labels, keep))
    hm = np.where(kept[0], hm, 0).astype(hm.dtype)
    vm = np.where(kept[1], vm, 0).astype(vm.dtype)
    h_raw = np.where(kept[0], h_raw, 0).astype(h_raw.dtype)
    v_raw = np.where(kept[1], v_raw, 0).astype(v_raw.dtype)
    grid = cv2.bitwise_and(cv2.dilate(hm, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))), vm)
    both = cv2.bitwise_or(hm, vm)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(both, connectivity=8)
    boxes = []
    for i in range(1, n):
        x, y, ww, hh, _a = stats[i]
        if ww < w * 0.2 or hh < 3 * thick:
            continue
        # a table is ruled both ways: its rules cross at several places
        crossings = cv2.countNonZero(grid[y:y + hh, x:x + ww] & (labels[y:y + hh, x:x + ww] == i).astype("uint8") * 255)
        if crossings < 4:
            continue
        boxes.append((x, y, x + ww, y + hh))
    boxes = _merge_boxes(boxes)
    ink = cv2.dilate(cv2.bitwise_or(h_raw, v_raw), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return Rulings(hs, vs, boxes, ink)


def _merge_boxes(boxes: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Overlapping table boxes (one table whose rules the scan broke in two) are one box."""
    out = [list(b) for b in sorted(boxes)]
    changed = True
    while changed:
        changed = False
        for i in range(len(out)):
            for j in range(i + 1, len(out)):
                a, b = out[i], out[j]
                if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
                    out[i] = [min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])]
                    del out[j]
                    changed = True
                    break
            if changed:
                break
    return [tuple(b) for b in sorted(out, key=lambda b: (b[1], b[0]))]
