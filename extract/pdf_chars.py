"""pdfminer's characters as pdfplumber's char dicts, without pdfplumber's generic per-attribute path.

pdfplumber turns every layout object of a page into a dict in one generic way: the object's kind
from a regex on its class name, then every attribute resolved recursively for PDF references
(`resolve_all`), the colour space's name resolved and decoded again for each character.  On a text
page nearly all objects are characters whose attributes are plain numbers, strings and tuples of
numbers, so that path does no work but costs about a third of reading a digital PDF.
`fast_chars(page)` gives the page a `process_object` that builds the very same dict (same keys in
the same order, same values) directly for such characters and hands every other object (rules,
rectangles, images, curves), and any character with an attribute of another type, to pdfplumber's
own.  Hand-written because pdfplumber has no switch for it; tests/extract/test_pdf_chars.py compares
it with pdfplumber's own dicts on real pages.
"""
from __future__ import annotations

import types
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar
from pdfplumber.page import ALL_ATTRS
from pdfplumber.utils import resolve_and_decode

_PLAIN = frozenset({float, int, str, bool, type(None)})


def fast_chars(page) -> None:
    """Give this pdfplumber page the fast character path (an attribute of the page object only)."""
    generic = page.process_object
    pno, height, doctop = page.page_number, page.height, page.initial_doctop
    mb_x0, mb_top = page.mediabox[:2]
    norm = page.pdf.unicode_norm
    names: dict = {}

    def colour_space(cs) -> str:
        name = cs.name
        if type(name) is not str:
            return resolve_and_decode(name)
        got = names.get(name)
        if got is None:
            got = names[name] = resolve_and_decode(name)
        return got

    def process_object(self, obj):
        if type(obj) is not LTChar:
            return generic(obj)
        attr = {}
        for k, v in obj.__dict__.items():
            if k in ALL_ATTRS:
                t = type(v)
                if t not in _PLAIN and not (t is tuple and _PLAIN.issuperset(map(type, v))):
                    return generic(obj)
                attr[k] = v
        if type(attr.get("fontname")) is not str:
            return generic(obj)
        attr["object_type"] = "char"
        attr["page_number"] = pno
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = colour_space(getattr(obj, cs))
        text = obj.get_text()
        attr["text"] = normalize_unicode(norm, text) if norm is not None else text
        gs = obj.graphicstate
        attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
        attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
        if "y0" in attr:
            attr["top"] = (height - attr["y1"]) + mb_top
            attr["bottom"] = (height - attr["y0"]) + mb_top
            attr["doctop"] = doctop + attr["top"]
        if "x0" in attr and mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    page.process_object = types.MethodType(process_object, page)
