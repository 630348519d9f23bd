"""The local engine: files read in worker processes (lkj/worker.py), each file under a time and a
memory limit.

Each worker is a process of its own session, fed one file at a time through a socket pair.  The
parent watches them: a file that takes longer than `limits.file_timeout`, or a worker (with its OCR
processes) whose resident memory goes over `limits.worker_memory_mb`, ends that worker's process
group; the file ends in failures with that reason, a new worker takes the next file, the batch goes
on.  A worker that dies on its own (a native library's crash) is replaced the same way.  Stopping
(Ctrl-C, SIGTERM, the end of the run) ends every worker's group: no OCR process outlives the run.

Hand-written because no pool of the standard library can end one task that hangs in C code
without losing the pool (concurrent.futures marks the whole pool broken).
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Iterator

POLL = 0.25                  # seconds between checks of the time and memory limits
# tesseract runs its recogniser on OpenMP threads (four by default); the parallelism here is one
# process per core, so more threads per process only fight over the cores (on 2 cores, a page took
# 2 to 3 times as long with them).  A value the user set is kept.
WORKER_ENV = {"OMP_THREAD_LIMIT": "1"}
START_TIMEOUT = 180.0        # seconds a worker may take to load the pipeline


@dataclass
class Task:
    id: int
    path: str                # as on disk (may hold surrogate escapes)
    name: str                # as shown and stored
    sha256: str
    size: int = 0
    attempts: int = 0


@dataclass
class Event:
    """What the engine tells the run: a file started, a page read, a file finished."""
    kind: str                # start, page, done; tick: nothing happened for a moment
    task: Task | None
    page: int = 0
    pages: int = 0
    outcome: dict = field(default_factory=dict)


def failed(task: Task, stage: str, reason: str, seconds: float | None = None) -> dict:
    return {"status": "failed", "stage": stage, "reason": reason, "sha256": task.sha256, "seconds": seconds}


class Worker:
    """One worker process and the file it is reading."""

    def __init__(self, cwd: str | None = None):
        parent, child = socket.socketpair()
        self.proc = subprocess.Popen(
            # -P: the working folder is not put on sys.path (a folder named lkj there, e.g. another
            # checkout, would otherwise be imported in place of the installed package)
            [sys.executable, "-P", "-m", "lkj.worker", str(child.fileno()), str(os.getpid())],
            pass_fds=(child.fileno(),), start_new_session=True, cwd=cwd, env={**WORKER_ENV, **os.environ},
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        child.close()
        self.conn = Connection(parent.detach())
        self.task: Task | None = None
        self.started = 0.0
        self.born = time.monotonic()
        self._ps = None                     # psutil.Process of the worker, made on first use
        self._own_mb, self._own_at = 0.0, -1.0    # the worker's own memory when last read
        self._sent = None                   # the settings the worker holds (sent again only when other)

    def send(self, task: Task, settings) -> None:
        self.task, self.started = task, time.monotonic()
        same = settings is self._sent
        self.conn.send(("file", task.id, task.path, task.sha256, None if same else settings))
        self._sent = settings

    def rss_mb(self, with_children: bool = True) -> float:
        """Resident memory of the worker and, with_children, of its children (OCR processes), MB.
        Finding the children scans every process of the machine (psutil reads /proc): the check
        before each file, when the worker's children of the last file have ended, reads the worker's
        own memory only, and takes the last reading if it is less than a second old (the watch of
        the busy workers reads it every second; small files come many a second)."""
        now = time.monotonic()
        if not with_children and now - self._own_at < 1.0:
            return self._own_mb
        try:
            import psutil

            if self._ps is None:
                self._ps = psutil.Process(self.proc.pid)
            total = self._ps.memory_info().rss
            self._own_mb, self._own_at = total / 2**20, now
            for q in self._ps.children(recursive=True) if with_children else ():
                try:
                    total += q.memory_info().rss
                except psutil.Error:
                    pass
            return total / 2**20
        except Exception:
            return 0.0

    def kill(self) -> None:
        """End the worker's whole process group (the worker and its OCR processes)."""
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(("stop",))
            self.proc.wait(timeout=2)
        except (OSError, ValueError, subprocess.TimeoutExpired):
            pass
        self.kill()


def _death(proc: subprocess.Popen) -> str:
    rc = proc.poll()
    if rc is not None and rc < 0:
        try:
            return f"killed by signal {signal.Signals(-rc).name}"
        except ValueError:
            return f"killed by signal {-rc}"
    return f"exit code {rc}"


class LocalEngine:
    """Files read side by side in `workers` processes."""

    def __init__(self, workers: int, settings, one_file_settings=None):
        self.n = max(1, workers)
        self.settings = settings                       # given to a worker reading one of several files
        self.one_file_settings = one_file_settings or settings     # ... and to the one reading a batch of one
        self.pool: list[Worker] = []
        self.idle: list[Worker] = []
        self.starting: dict[Connection, Worker] = {}
        self.failed_starts = 0
        self.peak_worker_mb = 0.0

    def prestart(self, n: int) -> None:
        """Start up to n workers now, before the tasks are known: they load the pipeline while the
        run still plans (the run's store and its listing take about as long as a worker's start)."""
        for _ in range(min(self.n, n) - len(self.pool)):
            w = Worker()
            self.pool.append(w)
            self.starting[w.conn] = w

    def run(self, tasks: list[Task]) -> Iterator[Event]:
        """Events of every task, as they happen; every task ends in exactly one `done` event.  The
        workers are stopped at the end."""
        try:
            yield from self.run_keep(tasks)
        finally:
            self.close()

    def run_keep(self, tasks: list[Task]) -> Iterator[Event]:
        """As `run`, the idle workers kept for the next call (a worker of a cluster task)."""
        limits = self.settings.limits
        queue = deque(sorted(tasks, key=lambda t: -t.size))      # the largest first: no core left with one big file
        settings = self.one_file_settings if len(tasks) == 1 else self.settings
        idle = self.idle
        busy: dict[Connection, Worker] = {}
        starting = self.starting
        last_mem = 0.0
        try:
            while queue or busy:
                while queue and len(busy) + len(idle) + len(starting) < self.n:
                    w = Worker()
                    self.pool.append(w)
                    starting[w.conn] = w
                for conn in wait(list(starting), timeout=0 if idle or busy else POLL) if starting else ():
                    w = starting.pop(conn)
                    try:
                        ok = conn.recv() == ("ready",)
                    except (EOFError, OSError):
                        ok = False
                    if ok:
                        idle.append(w)
                    else:
                        self._drop(w)
                        self.failed_starts += 1
                        if self.failed_starts > 3 * self.n:
                            raise RuntimeError("lkj worker processes cannot start (see `python -m lkj.worker`)")
                for conn, w in list(starting.items()):
                    if time.monotonic() - w.born > START_TIMEOUT:
                        del starting[conn]
                        self._drop(w)
                        self.failed_starts += 1
                if not idle and not busy:
                    continue
                while queue and idle:
                    w = idle.pop()
                    t = queue.popleft()
                    mb = w.rss_mb(with_children=False)   # a worker already over its limit takes no file
                    if mb > limits.worker_memory_mb:
                        w.started = time.monotonic()
                        self._drop(w)
                        yield Event("done", t, outcome=failed(
                            t, "limit", f"memory limit: the worker used {mb:.0f} MB (limit "
                                        f"{limits.worker_memory_mb} MB)", 0.0))
                        continue
                    try:
                        w.send(t, settings)
                    except OSError:                # the worker died before it got the file
                        self._drop(w)
                        queue.appendleft(t)
                        continue
                    busy[w.conn] = w
                    yield Event("start", t)
                ready = wait(list(busy), timeout=POLL)
                if not ready:
                    yield Event("tick", None)
                for conn in ready:
                    w = busy[conn]
                    try:
                        msg = conn.recv()
                    except (EOFError, OSError):
                        w.proc.wait(timeout=5) if w.proc.poll() is None else None
                        t = w.task
                        del busy[conn]
                        self._drop(w)
                        yield Event("done", t, outcome=failed(t, "worker", f"the worker reading it died "
                                                              f"({_death(w.proc)})", self._took(w)))
                        continue
                    if msg[0] == "page":
                        yield Event("page", w.task, page=msg[2], pages=msg[3])
                    elif msg[0] == "done":
                        t = w.task
                        del busy[conn]
                        w.task = None
                        idle.append(w)
                        self.peak_worker_mb = max(self.peak_worker_mb, msg[2].get("worker_peak_mb") or 0.0)
                        yield Event("done", t, outcome=msg[2])
                now = time.monotonic()
                for conn, w in list(busy.items()):
                    if now - w.started > limits.file_timeout:
                        del busy[conn]
                        self._drop(w)
                        yield Event("done", w.task, outcome=failed(
                            w.task, "limit", f"time limit: not read within {limits.file_timeout:g} s",
                            self._took(w)))
                if now - last_mem >= 1.0 and busy:
                    last_mem = now
                    for conn, w in list(busy.items()):
                        mb = w.rss_mb()
                        self.peak_worker_mb = max(self.peak_worker_mb, mb)
                        if mb > limits.worker_memory_mb:
                            del busy[conn]
                            self._drop(w)
                            yield Event("done", w.task, outcome=failed(
                                w.task, "limit", f"memory limit: the worker used {mb:.0f} MB (limit "
                                                 f"{limits.worker_memory_mb} MB)", self._took(w)))
        except BaseException:
            for w in busy.values():
                self._drop(w)
            raise

    @staticmethod
    def _took(w: Worker) -> float:
        return round(time.monotonic() - w.started, 3)

    def _drop(self, w: Worker) -> None:
        w.kill()
        if w in self.pool:
            self.pool.remove(w)
        if w in self.idle:
            self.idle.remove(w)
        self.starting.pop(w.conn, None)

    def close(self) -> None:
        """Stop every worker (and its OCR processes)."""
        pool, starting, self.pool, self.idle, self.starting = self.pool, self.starting, [], [], {}
        # a worker still starting (one started before its tasks were known) listens to nobody yet: ended at once
        for w in pool:
            if w.task is None and w.conn not in starting:
                try:
                    w.conn.send(("stop",))
                except (OSError, ValueError):
                    pass
        deadline = time.monotonic() + 1.0
        for w in pool:
            if w.task is None and w.conn not in starting:
                try:
                    w.proc.wait(timeout=max(0.0, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    pass
            w.kill()
