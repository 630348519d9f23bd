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
