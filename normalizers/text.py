"""Text cleaning: markup removal, whitespace, and repair of words split by PDF text extraction."""
from __future__ import annotations

import html
import re
import string
from collections import Counter
from functools import lru_cache

_TAG = re.compile(r"<[^>]+>")
_MD_EMPH = re.compile(r"(\*\*|\*|__|~~)")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_LATEX_TEXT = re.compile(r"\\text\{([^{}]*)\}")
_LATEX_CMD = re.compile(r"\\(frac|times|left|right|cdot)")


def strip_markup(s: str) -> str:
    """Remove HTML tags, markdown emphasis/headings and LaTeX wrappers; keep the words."""
    if not s:
        return ""
    # (each pattern is searched only in a text holding a character it needs: same text, fewer searches)
    if "#" in s:
        s = _HEADING.sub("", s)
    if "<" in s:
        s = _TAG.sub(" ", s)
    s = html.unescape(s)
    if "\\" in s or "$$" in s:
        s = _LATEX_TEXT.sub(r" \1 ", s)
        s = _LATEX_CMD.sub(" ", s).replace("$$", " ").replace("{", " ").replace("}", " ")
    if "*" in s or "_" in s or "~" in s:
        s = _MD_EMPH.sub("", s)
    return s


def collapse(s: str) -> str:
    """Runs of white space as one space, none at the ends (str.split() splits at exactly the
    characters \\s matches, the no-break space among them)."""
    return " ".join(s.split())


@lru_cache(maxsize=200_000)
def clean(s: str) -> str:
    """Cell/paragraph text for the dataset: markup removed, whitespace collapsed (memoised: every
    stage cleans the same lines)."""
    return collapse(strip_markup(s))


_NO_ASCII_LETTER = str.maketrans("", "", string.ascii_letters)
_NO_ASCII_UPPER = str.maketrans("", "", string.ascii_uppercase)


def letter_counts(s: str) -> tuple[int, int]:
    """(letters, upper-case letters) of a text: the counts of c.isalpha() and of c.isupper() among
    them, by deleting the ASCII letters (str.translate) when the text is ASCII."""
    if s.isascii():
        n = len(s)
        return n - len(s.translate(_NO_ASCII_LETTER)), n - len(s.translate(_NO_ASCII_UPPER))
    letters = [c for c in s if c.isalpha()]
    return len(letters), sum(1 for c in letters if c.isupper())


_NOT_FOLDED = re.compile(r"[^0-9a-z%]+")


@lru_cache(maxsize=100_000)
def fold(s: str) -> str:
    """Lower-case letters and digits only: for keyword tests on headers and titles."""
    return _NOT_FOLDED.sub("", strip_markup(s).lower())


_WORD = re.compile(r"[A-Za-z][A-Za-z/\-]*[A-Za-z]|[A-Za-z]")


_NOT_WORD_CHAR = re.compile(r"[^A-Za-z/\-]")
_NOT_ALPHA = re.compile(r"[^A-Za-z]")
_PUNCT_END = re.compile(r"[.,;:]$")


class Vocabulary:
    """Words seen whole in one document; used to re-join words that a PDF text layer split.

    "Mengoptimalka n" is repaired to "Mengoptimalkan" only when "mengoptimalkan" occurs as a
    whole word elsewhere in the same document and the trailing fragment is not a word of its own.
    """

    def __init__(self, texts):
        counts: Counter[str] = Counter()
        # the words of the texts joined by line breaks (no word spans one), lower-cased one by one
        # (Counter counts an iterable in C)
        counts.update(map(str.lower, _WORD.findall("\n".join(texts))))
        self.counts = counts
        self._repaired: dict[str, str] = {}        # text -> its repair (tables repeat their cells)

    def knows(self, w: str) -> bool:
        return self.counts.get(w.lower(), 0) > 0

    def repair(self, text: str) -> str:
        done = self._repaired.get(text)
        if done is None:
            done = self._repaired[text] = self._repair(text)
        return done

    def _repair(self, text: str) -> str:
        toks = text.split(" ")
        out: list[str] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if i + 1 < len(toks) and t and toks[i + 1]:
                nxt = toks[i + 1]
                joined = t + nxt
                core = _NOT_WORD_CHAR.sub("", joined)
                tail = _NOT_ALPHA.sub("", nxt)
                head = _NOT_WORD_CHAR.sub("", t)
                if (tail and head and len(tail) <= 4 and nxt[0].islower()
                        and self.counts.get(core.lower(), 0) > 0
                        and (self.counts.get(tail.lower(), 0) <= 1 or len(tail) == 1)
                        and not _PUNCT_END.search(t)):
                    out.append(joined)
                    i += 2
                    continue
            out.append(t)
            i += 1
        return " ".join(out)


def join_lines(lines) -> str:
    """A cell's lines as one text: joined by single spaces, but a word broken at its hyphen at a
    line's end goes on without one ("Perundang-" / "undangan" -> "Perundang-undangan")."""
    out = ""
    for t in lines:
        if not t:
            continue
        if out and len(out) >= 2 and out[-1] == "-" and out[-2].isalpha() and t[0].isalpha():
            out += t
        else:
            out = f"{out} {t}" if out else t
    return out
