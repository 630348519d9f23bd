"""One page's words and rules -> its Blocks in reading order: fully ruled tables of a digital page
through pdfplumber's table finder, tables ruled with horizontal rules only (or not at all) through
the own grid (extract/pdf_layout.py), the rest as text lines.  Shared by digital pages
(extract/pdf_reader.py) and scanned ones (extract/ocr.py)."""
from __future__ import annotations

from lkj.model.document import Cell
from lkj.model.settings import LayoutSettings

from .pdf_layout import Block, HSeg, VSeg, Word, build_grid, cell_of, join_pieces, run_on_to_page_break, table_regions, text_blocks


def _inside(w: Word, box, pad: float = 1.0) -> bool:
    return box[0] - pad <= w.cx <= box[2] + pad and box[1] - pad <= w.cy <= box[3] + pad


def ruled_tables(page, words: list[Word], first_id: int) -> tuple[list[Block], list]:
    """Fully ruled tables with pdfplumber's finder (lines strategy); words go to cells by centre."""
    blocks: list[Block] = []
    boxes = []
    for k, t in enumerate(page.find_tables()):
        if len(t.rows) < 2 or max(len(r.cells) for r in t.rows) < 2:
            continue
        boxes.append(t.bbox)
        tw = [w for w in words if _inside(w, t.bbox, 2.0)]
        for row in t.rows:
            cells: list[Cell] = []
            boxes_in_row = [cb for cb in row.cells if cb is not None]
            if boxes_in_row:   # the words of the row's height first: each cell then looks at a few
                top, bottom = min(cb[1] for cb in boxes_in_row) - 0.5, max(cb[3] for cb in boxes_in_row) + 0.5
                rw = [w for w in tw if top <= w.cy <= bottom]
            for cb in row.cells:
                if cb is None:
                    cells.append(Cell(""))
                    continue
                cells.append(cell_of([w for w in rw if _inside(w, cb, 0.5)]))
            if not any(c.text for c in cells):
                continue
            bbox = row.bbox
            blocks.append(Block(bbox[1], bbox, "\t".join(c.text for c in cells), cells, first_id + k, source="ruled"))
    return blocks, boxes


def layout_page(words: list[Word], hsegs: list[HSeg], vsegs: list[VSeg], width: float, height: float,
                page=None, first_id: int = 0, layout: LayoutSettings = LayoutSettings(),
                source: str = "rules") -> list[Block]:
    """Blocks of one page in reading order."""
    blocks: list[Block] = []
    taken: list = []
    if page is not None and vsegs:
        b, taken = ruled_tables(page, words, first_id)
        blocks += b
    rest = [w for w in words if not any(_inside(w, box, 2.0) for box in taken)]
    free_h = [s for s in hsegs if not any(box[1] - 2 <= s.y <= box[3] + 2 and box[0] - 2 <= s.x0 <= box[2] for box in taken)]
    tid = first_id + len(taken)
    regions, closing = run_on_to_page_break(table_regions(join_pieces(free_h, dy=0.5), rest, width, layout, free_h),
                                            rest, height, layout)
    free_h = free_h + closing
    for region in regions:
        vin = [v for v in vsegs if region[0] - 3 <= v.x <= region[2] + 3 and
               min(v.y1, region[3]) - max(v.y0, region[1]) > 4] if vsegs else []
        grid = build_grid(region, free_h, vin or None, rest, tid, layout, source)
        if len(grid) < 2:
            continue
        blocks += grid
        tid += 1
        x0, top, x1, bottom = region
        rest = [w for w in rest if not (top - 1 <= w.cy <= bottom + 1 and x0 - 3 <= w.cx <= x1 + 3)]
    blocks += text_blocks(rest, layout.text_gap)
    blocks.sort(key=lambda b: (b.top, b.bbox[0]))
    return blocks
