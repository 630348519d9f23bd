"""lkj: SAKIP performance reports (LKj) into data.

The stages, in the order data flows (each imports only those before it):
    lkj.model        typed records handed between the stages
    lkj.normalizers  the lexicon (numbers, units, text, jabatan, kode, calendar, gazetteer, catalogue)
                     and the normalising step
    lkj.extract      the readers: file -> Document
    lkj.parsers      Document -> reports, tables, rows
    lkj.checks       the anomaly rules
    lkj.dataset      the contract's schema, records and writers
    lkj.cli, lkj.pipeline, lkj.settings   the command, the run, the settings
"""
__version__ = "0.2.0"


import types as _types

from . import extract as _readers   # the readers stage (light: detect and the model)


class _ExtractStage(_types.ModuleType):
    """`lkj.extract` is the readers' package and, called, the Python API's extract:
    lkj.extract(paths, out) runs the pipeline into a run folder and returns its Dataset."""

    def __call__(self, paths, out, workers=1):
        from .api import extract
        return extract(paths, out, workers)


_readers.__class__ = _ExtractStage


def __getattr__(name):
    # the Python API (lkj/api.py), loaded on first use so that `import lkj` stays light
    if name in ("open", "read_csv", "dtypes", "Dataset"):
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'lkj' has no attribute {name!r}")
