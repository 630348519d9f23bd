"""The fast character path gives pdfplumber's own object dicts: same kinds, keys in the same order,
same values, on the shipped Word export and web printout (rules, rectangles and images still
through pdfplumber's own path)."""
import os

import pdfplumber
import pytest

from conftest import ROOT

PDF = os.path.join(ROOT, "corpus", "pdf")


@pytest.mark.parametrize("name", ["001_c564c03b0f034995.word.pdf", "001_c564c03b0f034995.borderless.pdf"])
def test_fast_chars_equal_pdfplumbers_own(name):
    from lkj.extract.pdf_chars import fast_chars

    path = os.path.join(PDF, name)
    chars = 0
    with pdfplumber.open(path) as own, pdfplumber.open(path) as fast:
        for po, pf in zip(own.pages[:6], fast.pages[:6]):
            fast_chars(pf)
            oo, of = po.objects, pf.objects
            assert list(oo) == list(of)
            for kind in oo:
                assert len(oo[kind]) == len(of[kind])
                for a, b in zip(oo[kind], of[kind]):
                    assert list(a) == list(b)
                    # streams of images are distinct objects in the two opened files: compare their text
                    assert (a == b) if kind == "char" else (repr(a) == repr(b))
            chars += len(of.get("char", []))
            # and the words built from them
            assert po.extract_words() == pf.extract_words()
    assert chars > 1000


def test_fast_chars_falls_back_for_other_attribute_types():
    """A character with an attribute pdfplumber must resolve (here a list) goes through its own path;
    plain characters do not."""
    from pdfminer.layout import LTChar, LTContainer

    from lkj.extract.pdf_chars import fast_chars

    def first_char(objs):
        for o in objs:
            if isinstance(o, LTChar):
                return o
            if isinstance(o, LTContainer):
                got = first_char(o._objs)
                if got is not None:
                    return got

    with pdfplumber.open(os.path.join(PDF, "001_c564c03b0f034995.word.pdf")) as pdf:
        page = pdf.pages[0]
        own, seen = page.process_object, []
        page.process_object = lambda obj: seen.append(obj) or own(obj)
        fast_chars(page)
        obj = first_char(page.layout._objs)
        plain = page.process_object(obj)
        assert seen == [] and plain == own(obj) and plain["object_type"] == "char"
        obj.tag = ["marked", "content"]
        got = page.process_object(obj)
        assert seen == [obj] and got == own(obj) and got["tag"] == ["marked", "content"]
