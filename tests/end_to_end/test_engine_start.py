"""Workers started before a run knows its files (a new run folder starts them while it stores its
plan): they take the files when they come, and are ended at once when none comes."""
import os
import time

from conftest import SEEDS

from lkj.engine import LocalEngine, Task
from lkj.model.settings import Settings


def _seed_text() -> str:
    return next(os.path.join(SEEDS, f) for f in sorted(os.listdir(SEEDS)) if f.endswith((".txt", ".md")))


def test_workers_started_early_read_the_files_given_later():
    settings = Settings(workers=1)
    engine = LocalEngine(1, settings)
    engine.prestart(1)
    assert len(engine.pool) == 1 and engine.starting
    path = _seed_text()
    done = [ev for ev in engine.run([Task(1, path, os.path.basename(path), "")]) if ev.kind == "done"]
    assert [ev.outcome["status"] for ev in done] == ["done"] and done[0].outcome["rows"] > 0
    assert engine.pool == []


def test_workers_still_starting_are_ended_at_once():
    engine = LocalEngine(2, Settings(workers=2))
    engine.prestart(5)                       # never more than the engine's workers
    procs = [w.proc for w in engine.pool]
    assert len(procs) == 2
    t0 = time.monotonic()
    engine.close()                           # nothing to read: no stop message waited for
    assert time.monotonic() - t0 < 0.9
    assert all(p.poll() is not None for p in procs)
