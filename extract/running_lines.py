"""Running headers and footers: lines in a page's margins that repeat on many pages (digits aside,
so "Halaman 3" and "Halaman 4" are one line), and bare page numbers.  Shared by the PDF reader
(margins by position on the page) and the space-aligned text reader (margins by line)."""
from __future__ import annotations

import re
from collections import Counter

PAGE_NO = re.compile(r"^(hal(aman)?\.?\s*|page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(\s*(/|dari|of)\s*\d{1,4})?$", re.I)


def running_key(text: str) -> str:
    """A margin line as it repeats from page to page: digits as '#', spacing and case folded."""
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text)).strip().lower()


def repeated_keys(margin_keys: list[set[str]], share: float) -> set[str]:
    """Keys of margin lines found on at least `share` of the pages (and on two pages at least)."""
    counts: Counter = Counter()
    for keys in margin_keys:
        counts.update(keys)
    need = max(2, int(share * len(margin_keys)))
    return {k for k, n in counts.items() if n >= need}


_BARE = re.compile(r"\d{1,4}")
_WORD = re.compile(r"[^\W\d_]{2}")
_TABLE_LABEL = re.compile(r"^(no|nomor|kode)\b|\b(target|realisasi|capaian|anggaran|pagu|sisa|efisiensi|indikator)\b",
                          re.I)


def page_furniture(lines: list[str], margin: int, share: float) -> set[int]:
    """Indexes of the running headers and footers of a text whose pages are divided by form feeds
    (a text layer dumped without layout): lines among the first or last `margin` non-blank lines of
    a page that repeat on `share` of the pages, digits aside ("Halaman 3"; a line without a word
    only as written, so that a value ending many pages is none), and a page number at a page's top
    or end ("Halaman 3", "- 3 -"; a bare number only where it counts on from the page before or to
    the page after: else it may be a table's value).  A table's header repeated at the top of each
    page it runs over is kept (its labels open the table on its first page).  Fewer than three
    pages: nothing."""
    pages: list[list[int]] = [[]]
    for k, t in enumerate(lines):
        if "\f" in t:
            pages.append([])
        if t.replace("\f", "").strip():
            pages[-1].append(k)
    pages = [p for p in pages if p]
    if len(pages) < 3:
        return set()
    margins = [p if len(p) <= 2 * margin else p[:margin] + p[-margin:] for p in pages]

    def text(k: int) -> str:
        return lines[k].replace("\f", "").strip()

    def key(k: int) -> str | None:
        t = text(k)
        if _TABLE_LABEL.search(t):
            return None                   # a table's labels
        # a line without a word repeats only as written ("03/07/21 10.50", a browser's print date):
        # a page's last row may end in a value ("96,93%") on many pages, each another
        return running_key(t) if _WORD.search(t) else "=" + t

    running = repeated_keys([{key(k) for k in mg} - {None} for mg in margins], share)
    out = {k for mg in margins for k in mg if key(k) in running}
    for edge in (0, -1):
        found = [p[edge] for p in pages if PAGE_NO.match(text(p[edge]))]
        out |= {k for k in found if not _BARE.fullmatch(text(k))}
        # a bare number: where it counts on from the page before or to the page after (a bundle's
        # documents each number their own pages)
        nos = [int(text(p[edge])) if _BARE.fullmatch(text(p[edge])) else None for p in pages]
        for i, n in enumerate(nos):
            if n is not None and ((i > 0 and nos[i - 1] == n - 1) or (i + 1 < len(nos) and nos[i + 1] == n + 1)):
                out.add(pages[i][edge])
    return out

