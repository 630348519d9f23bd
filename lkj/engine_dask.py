"""The cluster engine: one Dask task per file on a `dask.distributed` scheduler.

    lkj extract INPUT... --out DIR --scheduler tcp://HOST:8786

The run (this process) lists the inputs, keeps the store and writes the exports, as it does with
local workers; the cluster only reads files.  Each task reads its file in a worker process of
lkj's own (lkj/worker.py) beside the Dask worker, under the same time and memory limits as
locally: a file that hangs or balloons ends that process, not the Dask worker, and comes back as a
failure with its reason.  A Dask worker that dies (its machine lost, killed) makes the scheduler
run its tasks again elsewhere; a file whose task killed a worker twice comes back as a failure
("the worker reading it died"), the batch goes on.  Inputs must be on a path every worker reads
(a shared file system or a mounted object store): the task is given the absolute path.
"""
from __future__ import annotations

import os
import threading
import time
from typing import Iterator

from .engine import Event, Task, failed

RETRIES = 1                  # a file is tried again once when its worker dies


def _runner():
    """The lkj worker process of this Dask worker thread (one per thread, started on first use)."""
    from distributed import get_worker

    w = get_worker()
    runners = w.__dict__.setdefault("_lkj_runners", {})
    return runners, threading.get_ident()


def read_on_worker(path: str, sha256: str, settings) -> dict:
    """A Dask task: one file read in this worker's lkj process, under the time and memory limits."""
    from .engine import LocalEngine

    runners, key = _runner()
    eng = runners.get(key)
    if eng is None:
        eng = runners[key] = LocalEngine(1, settings)
    outcome = None
    for ev in eng.run_keep([Task(0, path, path, sha256)]):
        if ev.kind == "done":
            outcome = ev.outcome
    return outcome


class DaskEngine:
    """Files read as tasks on a Dask scheduler; results gathered as they come."""

    def __init__(self, address: str, settings, client=None):
        self.address = address
        self.settings = settings
        self.client = client
        self._own_client = client is None
        self.futures = []
        self.peak_worker_mb = 0.0

    def _connect(self):
        if self.client is None:
            from distributed import Client

            try:
                self.client = Client(self.address, timeout="20s", set_as_default=False)
            except OSError as exc:
                from lkj.model.errors import InputError

                raise InputError("store", f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        return self.client

    def run(self, tasks: list[Task]) -> Iterator[Event]:
        if not tasks:
            return
        from distributed import as_completed

        client = self._connect()
        by_key = {}
        for t in sorted(tasks, key=lambda t: -t.size):
            fut = client.submit(read_on_worker, os.path.abspath(t.path), t.sha256, self.settings,
                                key=f"lkj-read-{t.sha256 or t.id}-{t.id}", pure=False, retries=0)
            by_key[fut.key] = t
            self.futures.append(fut)
        for t in tasks:
            yield Event("start", t)
        t0 = time.monotonic()
        ac = as_completed(self.futures, loop=client.loop)
        while not ac.is_empty():
            done = ac.next_batch(block=False)
            if not done:
                time.sleep(0.25)
                yield Event("tick", None)
                continue
            for fut in done:
                t = by_key[fut.key]
                try:
                    outcome = fut.result()
                except Exception as exc:            # KilledWorker (died twice), or a task error
                    name = type(exc).__name__
                    reason = ("the worker reading it died" if name == "KilledWorker"
                              else f"{name}: {str(exc).splitlines()[0] if str(exc) else ''}"[:300])
                    outcome = failed(t, "worker", reason, round(time.monotonic() - t0, 3))
                if outcome is None:
                    outcome = failed(t, "worker", "no outcome from the worker")
                fut.release()
                self.peak_worker_mb = max(self.peak_worker_mb, outcome.get("worker_peak_mb") or 0.0)
                yield Event("done", t, outcome=outcome)
        self.futures = []

    def close(self) -> None:
        if self.client is not None:
            try:
                if self.futures:
                    self.client.cancel(self.futures, force=True)
            except Exception:
                pass
            self.futures = []
            if self._own_client:
                try:
                    self.client.close(timeout=5)
                except Exception:
                    pass
                self.client = None
