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


def _tasks(paths):
    return [Task(k, p, os.path.basename(p), "") for k, p in enumerate(paths, 1)]


def test_workers_are_forked_by_the_template_and_end_with_it():
    import psutil

    engine = LocalEngine(2, Settings(workers=2))
    paths = [os.path.join(SEEDS, f) for f in sorted(os.listdir(SEEDS))[:3]]
    parents = set()
    done = []
    for ev in engine.run_keep(_tasks(paths)):
        if ev.kind == "start":
            parents.update(psutil.Process(w.proc.pid).ppid() for w in engine.pool if w.task is not None)
        if ev.kind == "done":
            done.append(ev.outcome["status"])
    template = engine.template.proc
    assert done == ["done"] * 3
    assert parents == {template.pid}                 # no worker loaded the pipeline itself
    workers = [w.proc for w in engine.pool]
    engine.close()
    assert template.poll() is not None
    assert all(p.poll() is not None for p in workers)    # each end reported by the template


def test_a_forked_worker_killed_while_reading_ends_its_file_with_the_signal(tmp_path):
    import signal

    from oddfiles import cyclic_length_pdf

    hang = tmp_path / "cycle.pdf"
    hang.write_bytes(cyclic_length_pdf())            # pdfminer resolves its /Length for ever
    engine = LocalEngine(1, Settings(workers=1))
    outcomes = []
    for ev in engine.run(_tasks([str(hang), _seed_text()])):
        if ev.kind == "start" and ev.task.name == "cycle.pdf":
            time.sleep(0.3)
            os.kill(engine.pool[0].proc.pid, signal.SIGKILL)
        if ev.kind == "done":
            outcomes.append((ev.task.name, ev.outcome["status"], ev.outcome.get("reason")))
    assert outcomes[0] == ("cycle.pdf", "failed", "the worker reading it died (killed by signal SIGKILL)")
    assert outcomes[1][1] == "done"                  # the next worker, forked again, read the seed


def test_a_template_that_dies_while_loading_is_started_again():
    engine = LocalEngine(1, Settings(workers=1))
    engine.prestart(1)
    engine.template.proc.kill()                      # before it could fork the first worker
    done = [ev.outcome["status"] for ev in engine.run(_tasks([_seed_text()])) if ev.kind == "done"]
    assert done == ["done"]
    assert engine.failed_starts == 1 and engine.template is None     # closed with the run
