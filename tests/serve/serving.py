"""What the serve tests share: the fixture files, the token, the app over a run folder."""
import os

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CORPUS = os.path.join(ROOT, "corpus")
PDF = os.path.join(CORPUS, "pdf", "001_c564c03b0f034995.word.pdf")
TEXT = os.path.join(CORPUS, "seeds", "001_c564c03b0f034995.txt")
TOKEN = "test-token-5f2c"


def make_app(run_dir, **kw):
    from lkj.serve.app import create_app
    from lkj.settings import resolve

    return create_app(run_dir, kw.pop("token", TOKEN), kw.pop("sources", [CORPUS]), settings=kw.pop("settings", None)
                      or resolve(1), **kw)
