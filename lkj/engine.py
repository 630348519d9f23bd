"""The local engine: files read in worker processes (lkj/worker.py), each file under a time and a
memory limit.

Each worker is a process of its own session, fed one file at a time through a socket pair.  The
workers are forked by a worker template, a process that loads the pipeline once (Template): a
worker then starts in milliseconds, not in the half second of a core that loading takes, so the
second worker of a run and every worker that replaces one start at once; if the template cannot
start, workers load the pipeline themselves.  The parent watches them: a file that takes longer
than `limits.file_timeout`, or a worker (with its OCR processes) whose resident memory goes over
`limits.worker_memory_mb`, ends that worker's process group; the file ends in failures with that
reason, a new worker takes the next file, the batch goes on.  A worker that dies on its own (a
native library's crash) is replaced the same way.  Stopping (Ctrl-C, SIGTERM, the end of the run)
ends every worker's group: no OCR process outlives the run.

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


class Template:
    """The worker template (lkj/worker.py `template`): one process that loads the pipeline once and
    forks the workers.  `fork` asks for a worker and gives the parent's end of its socket pair at
    once (the worker says ready on it when forked); the template's records (its pid for each fork,
    in order; each worker's wait status when it ends) are read as they come."""

    def __init__(self, cwd: str | None = None):
        from .template_records import RECORD

        self.record = RECORD
        parent, child = socket.socketpair()
        self.proc = subprocess.Popen(
            [sys.executable, "-P", "-m", "lkj.worker", "--template", str(child.fileno()), str(os.getpid())],
            pass_fds=(child.fileno(),), start_new_session=True, cwd=cwd, env={**WORKER_ENV, **os.environ},
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        child.close()
        self.sock = parent
        self.sock.setblocking(False)
        self.buf = b""
        self.waiting: deque[ForkedProcess] = deque()   # forks asked for, their pid not yet known
        self.by_pid: dict[int, ForkedProcess] = {}
        self.alive = True

    def fork(self) -> tuple[Connection, "ForkedProcess"]:
        """A new worker: the parent's end of its socket and its process (raises OSError when the
        template is gone)."""
        if not self.alive:
            raise OSError("the worker template is gone")
        mine, theirs = socket.socketpair()
        try:
            self.sock.setblocking(True)
            socket.send_fds(self.sock, [b"F"], [theirs.fileno()])
        except OSError:
            mine.close()
            self.alive = False
            raise
        finally:
            theirs.close()
            if self.alive:
                self.sock.setblocking(False)
        p = ForkedProcess(self)
        self.waiting.append(p)
        return Connection(mine.detach()), p

    def pump(self, timeout: float = 0.0) -> None:
        """Read the template's records that have come (waiting up to `timeout` s for one)."""
        from multiprocessing.connection import wait as wait_for

        if not self.alive:
            return
        if timeout > 0 and not wait_for([self.sock], timeout):
            return
        while True:
            try:
                data = self.sock.recv(4096)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                data = b""
            if not data:
                self._gone()
                return
            self.buf += data
        size = self.record.size
        while len(self.buf) >= size:
            kind, pid, status = self.record.unpack(self.buf[:size])
            self.buf = self.buf[size:]
            if kind == b"F" and self.waiting:
                p = self.waiting.popleft()
                p.pid = pid
                self.by_pid[pid] = p
            elif kind == b"X" and pid in self.by_pid:
                self.by_pid.pop(pid).returncode = os.waitstatus_to_exitcode(status)

    def _gone(self) -> None:
        self.alive = False
        for p in list(self.waiting) + list(self.by_pid.values()):
            if p.returncode is None:
                p.returncode = -signal.SIGKILL      # its end is no longer known: the template ended it
        self.waiting.clear()
        self.by_pid.clear()

    def close(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.sock.close()
        self._gone()


class ForkedProcess:
    """A worker forked by the template, seen as subprocess.Popen sees its process: pid (known once
    the template has forked it), poll, wait, returncode (as Popen's: minus the signal that ended it)."""

    def __init__(self, template: Template):
        self.template = template
        self._pid: int | None = None
        self.returncode: int | None = None

    @property
    def pid(self) -> int | None:
        """The worker's pid; None while the template has not forked it (it may still be loading)."""
        if self._pid is None and self.returncode is None:
            self.template.pump()
        return self._pid

    def wait_pid(self, timeout: float) -> int | None:
        deadline = time.monotonic() + timeout
        while self.pid is None and self.returncode is None and time.monotonic() < deadline:
            self.template.pump(min(0.05, max(0.0, deadline - time.monotonic())))
        return self._pid

    @pid.setter
    def pid(self, value: int) -> None:
        self._pid = value

    def poll(self) -> int | None:
        if self.returncode is None:
            self.template.pump()
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = time.monotonic() + (timeout if timeout is not None else 1e9)
        while self.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise subprocess.TimeoutExpired("lkj worker", timeout or 0)
            self.template.pump(min(left, 0.05))
        return self.returncode


class Worker:
    """One worker process and the file it is reading: forked by the template when there is one
    (and it is alive), else a process of its own that loads the pipeline itself."""

    def __init__(self, cwd: str | None = None, template: Template | None = None):
        self.proc: subprocess.Popen | ForkedProcess
        forked = False
        if template is not None and template.alive:
            try:
                self.conn, self.proc = template.fork()
                forked = True
            except OSError:
                pass
        if not forked:
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
        self.ready = False                  # it said ready
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
                pid = self.proc.pid
                if pid is None:
                    return 0.0                  # not forked yet
                self._ps = psutil.Process(pid)
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
        proc = self.proc
        # a forked worker that said ready has its pid on the way; one still waiting for the template
        # to load has none yet, and ends with the template (LocalEngine.close)
        pid = proc.wait_pid(1.0 if self.ready else 0.0) if isinstance(proc, ForkedProcess) else proc.pid
        if pid is not None:
            try:
                os.killpg(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            try:
                proc.wait(timeout=5)
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
        self.template: Template | None = None
        self.template_starts = 0

    def _worker(self) -> Worker:
        """A new worker, forked by the template (started with the first worker; a template that
        is gone is started again once, then workers load the pipeline themselves)."""
        if (self.template is None or not self.template.alive) and self.template_starts < 2:
            if self.template is not None:
                self.template.close()
            self.template = Template()
            self.template_starts += 1
        w = Worker(template=self.template)
        self.pool.append(w)
        return w

    def prestart(self, n: int) -> None:
        """Start up to n workers now, before the tasks are known: they load the pipeline while the
        run still plans (the run's store and its listing take about as long as a worker's start)."""
        for _ in range(min(self.n, n) - len(self.pool)):
            w = self._worker()
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
                    w = self._worker()
                    starting[w.conn] = w
                for conn in wait(list(starting), timeout=0 if idle or busy else POLL) if starting else ():
                    w = starting.pop(conn)
                    try:
                        ok = conn.recv() == ("ready",)
                    except (EOFError, OSError):
                        ok = False
                    if ok:
                        w.ready = True
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
        if self.template is not None:         # last: it reports the ends of the workers it forked
            self.template.close()
            self.template, self.template_starts = None, 0
