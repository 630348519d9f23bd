"""A worker process: reads the files it is sent, one at a time, and answers with their outcomes.

    python -m lkj.worker FD PARENT                 a worker that loads the pipeline itself
    python -m lkj.worker --template FD PARENT       the template that forks workers (see `template`)

FD is one end of a socket pair; the parent sends ("file", task_id, path, sha256, settings) — settings None
when they are those of the last file — or ("stop",), the worker answers ("page", task_id, page, pages) while it reads a long PDF and
("done", task_id, outcome).  The worker runs in a session of its own (its OCR processes with it),
so that the parent can end a file that takes too long, or too much memory, by ending the whole
group; and it ends itself, with its group, as soon as its parent is gone (a parent killed with
kill -9 leaves no orphan OCR processes behind).

The outcome of a file is a plain dict: status (done / failed), stage and reason of a failure,
sha256, seconds, pages, the counts of its records and, when done, its records as Arrow tables of
dataset/schema.py's columns (Arrow IPC streams) and what the run-scope rules need of it (pickled).
"""
from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import time


def read_one(path: str, sha256: str, settings, on_page=None) -> dict:
    """One file -> its outcome (never an exception: a failure is an outcome)."""
    from lkj.dataset.schema import RECORD_TABLES, TABLES
    from lkj.dataset.writers import records_table, table_bytes

    from .pipeline import process_path

    t0 = time.perf_counter()
    res, failure = process_path(path, settings, on_page=on_page)
    out: dict = {"sha256": sha256, "seconds": None}
    if failure is not None:
        out.update(status="failed", stage=failure["stage"], reason=failure["error"])
    elif sha256 and res.sha256 != sha256:
        out.update(status="failed", stage="read", reason="the file changed while the run read it: run again")
    else:
        recs = res.records
        out.update(status="done", pages=res.pages, reports=len(recs["reports"]), rows=len(recs["rows"]),
                   anomalies=len(recs["anomalies"]),
                   tables={t: table_bytes(records_table(TABLES[t], recs[t])) for t in RECORD_TABLES},
                   state=pickle.dumps((res.checked, res.facts), protocol=pickle.HIGHEST_PROTOCOL))
    out["seconds"] = round(time.perf_counter() - t0, 3)
    try:
        import resource

        out["worker_peak_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    except (ImportError, OSError):
        pass
    return out


def warm_up() -> None:
    """Load what every file needs (the stages, the narrative's patterns and gazetteer) before the first
    file, so that a file's time limit counts the file and not the worker's start."""
    from lkj.checks.sentences import entities
    from lkj.extract import read_bytes
    from lkj.model.settings import DEFAULT

    from .pipeline import process_document

    entities("Kecamatan Contoh, 1 Januari s.d. 31 Maret 2024, Triwulan I")
    sample = ("LAPORAN KINERJA TRIWULAN I TAHUN 2024\nKECAMATAN CONTOH\n"
              "Tabel 1. Perjanjian Kinerja\nNO\tSASARAN\tINDIKATOR KINERJA\tTARGET\tREALISASI\tCAPAIAN\n"
              "1\tMeningkatnya pelayanan\tPersentase desa yang menetapkan APBDes tepat waktu\t86%\t90%\t104,65%\n"
              "Program Penyelenggaraan Pemerintahan\tRp 1.000.000\tRp 900.000\t90,00%\n"
              "Camat Contoh\nNIP. 197001011990031001\n")
    try:                                   # the lexicon, catalogue and rules load on their first use
        process_document(read_bytes("warm-up.txt", sample.encode(), DEFAULT), DEFAULT)
    except Exception:
        pass
    from lkj.dataset.schema import TABLES
    from lkj.dataset.writers import records_table

    records_table(TABLES["reports"], [])   # and Arrow


def settle_heap() -> None:
    """After the warm-up: what it loaded (the stages' modules, lexicon, gazetteer, catalogue, rules)
    lives as long as the worker, so the garbage collector is told to leave it out of its passes
    (gc.freeze); and it runs its youngest pass every 10,000 allocations rather than every 700.  A
    file's reading allocates millions of short-lived objects: with the defaults, the collector's
    full passes over the warm-up's objects took a sixth of a file's time.  The collector is turned
    on here if the start turned it off (`serve`: its passes over the modules being loaded took
    40-100 ms of a worker's start); the one pass here frees what the warm-up left."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    gc.enable()


def _die_with_parent(parent: int) -> None:
    """End this worker's whole process group (the worker and its OCR processes) when its parent is
    gone.  Linux tells the worker with a signal (PR_SET_PDEATHSIG); the signal is SIGTERM, not
    SIGKILL, because a SIGKILL would end the worker alone and leave its OCR processes running as
    orphans: the handler ends the group.  A watch thread covers a parent that died before prctl and
    systems without it."""
    def end_group(*_) -> None:
        os.killpg(os.getpgrp(), signal.SIGKILL)

    signal.signal(signal.SIGTERM, end_group)
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGTERM))     # PR_SET_PDEATHSIG
    except Exception:
        pass

    def watch() -> None:
        while True:
            if os.getppid() != parent:
                end_group()
            time.sleep(0.5)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def _quiet() -> None:
    """Nothing a library prints may reach the parent's terminal; no warnings either."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    import warnings

    warnings.simplefilter("ignore")


def _load() -> None:
    import gc

    gc.disable()                 # while the pipeline loads: settle_heap collects once and turns it on
    warm_up()
    settle_heap()


def _answer(conn) -> None:
    """Read the files the parent sends on `conn` until it says stop (or is gone)."""
    conn.send(("ready",))
    settings = None
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg[0] == "stop":
            return
        _, task_id, path, sha256, given = msg
        settings = given if given is not None else settings     # sent with the first file, then when other
        last = [0.0]

        def on_page(page: int, pages: int) -> None:
            now = time.monotonic()
            if now - last[0] >= 0.2 or page == pages:
                last[0] = now
                conn.send(("page", task_id, page, pages))

        try:
            out = read_one(path, sha256, settings, on_page)
        except MemoryError:
            out = {"status": "failed", "stage": "limit", "reason": "out of memory while reading", "sha256": sha256}
        conn.send(("done", task_id, out))


def serve(fd: int, parent: int) -> None:
    from multiprocessing.connection import Connection

    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)       # the parent decides when to stop
    conn = Connection(fd)
    _quiet()
    _load()
    _answer(conn)


def template(ctrl_fd: int, parent: int) -> None:
    """A worker template (python -m lkj.worker --template FD PARENT): it loads the pipeline once,
    then forks a worker for each socket the parent sends it (one byte with the socket's descriptor
    attached), so that every worker after the first starts in milliseconds instead of loading the
    pipeline again (half a second of a core each, at the start of a run, when the cores are busy).
    Each worker forked is a session of its own (the parent ends it with its OCR processes as one
    group) and ends itself when the template is gone; the template ends when the parent is gone,
    and reports each worker's end (its wait status) to the parent, which is not the worker's parent.

    Hand-written: multiprocessing's forkserver forks its children for multiprocessing's own
    processes only and keeps their exit status to itself."""
    import select
    import socket

    from .template_records import RECORD

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        # PR_SET_PDEATHSIG: SIGKILL, as the template has no OCR processes of its own to end
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))
    except Exception:
        pass
    ctrl = socket.socket(fileno=ctrl_fd)
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)                     # a worker's end wakes the loop at once
    signal.signal(signal.SIGCHLD, lambda *_: None)
    _quiet()
    _load()
    ctrl.sendall(RECORD.pack(b"R", 0, 0))
    me = os.getpid()
    while True:
        if os.getppid() != parent:
            os._exit(0)
        readable, _, _ = select.select([ctrl, wake_r], [], [], 0.5)
        if wake_r in readable:
            os.read(wake_r, 512)
        while True:                                  # every worker that ended, reported
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                break
            if pid == 0:
                break
            ctrl.sendall(RECORD.pack(b"X", pid, status))
        if ctrl not in readable:
            continue
        try:
            msg, fds, _, _ = socket.recv_fds(ctrl, 1, 1)
        except OSError:
            os._exit(0)
        if not msg:
            os._exit(0)                              # the parent is gone
        if not fds:
            continue
        pid = os.fork()
        if pid == 0:
            try:
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                os.close(wake_r)
                os.close(wake_w)
                ctrl.close()
                os.setsid()
                _die_with_parent(me)
                from multiprocessing.connection import Connection

                _answer(Connection(fds[0]))
            finally:
                os._exit(0)
        os.close(fds[0])
        ctrl.sendall(RECORD.pack(b"F", pid, 0))


if __name__ == "__main__":
    if sys.argv[1] == "--template":
        template(int(sys.argv[2]), int(sys.argv[3]))
    else:
        serve(int(sys.argv[1]), int(sys.argv[2]))
    # every answer is sent and nothing is left to write: end without the interpreter's teardown
    # (freeing the lexicon, gazetteer and caches took a third of a second, which the parent waited)
    os._exit(0)
