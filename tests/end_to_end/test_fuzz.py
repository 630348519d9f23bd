"""Property: whatever bytes a file holds, reading it ends in an outcome (done, or failed with a
one-line reason at a known stage) within the time limit; never an exception, a dead batch or a
hang.  Hypothesis draws mutations (truncations, byte flips, deletions, repeats, inserted garbage,
other encodings) of the shipped fixtures; the budget is small here (CI), the long run is
benchmarks/fuzz.py."""
import io
import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT, SEEDS, seed
from oddfiles import mutate
from lkj.dataset.writers import table_from_bytes

STAGES = {"read", "limit", "detect", "decode", "extract", "ocr", "parse", "check", "worker"}


def _docx() -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("LAPORAN KINERJA TRIWULAN II TAHUN 2023 KECAMATAN PASRUJAMBE")
    t = d.add_table(rows=2, cols=3)
    for j, v in enumerate(["NO", "INDIKATOR KINERJA", "TARGET"]):
        t.cell(0, j).text = v
    for j, v in enumerate(["1", "Persentase desa yang menetapkan APBDes tepat waktu", "86%"]):
        t.cell(1, j).text = v
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.fixture(scope="module")
def fixtures():
    out = {n: open(os.path.join(SEEDS, seed(n)), "rb").read() for n in ("001", "002", "004")}
    out["word.pdf"] = open(os.path.join(ROOT, "corpus", "pdf", "001_c564c03b0f034995.word.pdf"), "rb").read()
    out["doc.docx"] = _docx()
    return out


@pytest.fixture(scope="module")
def engine():
    from lkj.engine import LocalEngine
    from lkj.settings import one_process_per_file, resolve

    eng = LocalEngine(1, one_process_per_file(resolve(1, file_timeout=60)))
    yield eng
    eng.close()


@settings(max_examples=30, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(name=st.sampled_from(["001", "002", "004", "word.pdf", "doc.docx"]),
       kind=st.sampled_from(["truncate", "flip", "delete", "repeat", "insert", "encode", "zero"]),
       seed_=st.integers(0, 2**32 - 1), twice=st.booleans())
def test_any_mutation_of_a_fixture_ends_in_an_outcome(fixtures, engine, tmp_path_factory, name, kind, seed_, twice):
    from lkj.engine import Task

    rng = random.Random(seed_)
    data = mutate(fixtures[name], rng, kind)
    if twice:
        data = mutate(data, rng)
    path = tmp_path_factory.mktemp("fuzz") / f"mutant{os.path.splitext(name)[1] or '.txt'}"
    path.write_bytes(data)
    events = list(engine.run_keep([Task(0, str(path), str(path), "")]))
    done = [e for e in events if e.kind == "done"]
    assert len(done) == 1
    out = done[0].outcome
    assert out["status"] in ("done", "failed")
    if out["status"] == "failed":
        assert out["stage"] in STAGES, out
        assert out["reason"] and "\n" not in out["reason"] and len(out["reason"]) <= 300
        assert out["stage"] != "limit" or not out["reason"].startswith("time limit"), out
    else:
        assert out["reports"] >= 1 and table_from_bytes(out["tables"]["reports"]).num_rows == out["reports"]
