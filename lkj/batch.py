"""A batch run: `lkj extract` as a library call.

The inputs listed (lkj/inputs.py), the store of the run folder asked what is already done
(lkj/store.py), the rest read by an engine (local worker processes, lkj/engine.py, or a Dask
cluster, lkj/engine_dask.py) and committed file by file as they finish, then the run-scope rules
and the exports (lkj/export.py).  Every input ends in the dataset, in failures or in the files
table with the reason it was not read; a failing file never stops the batch.  Nothing here loads
the stages: a run that finds every file done starts no worker and loads no parser.
"""
from __future__ import annotations

import hashlib
import json
import os
import queue
import sys
import threading
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable

from lkj.dataset import records as rec
from lkj.dataset.schema import TABLES
from lkj.model.settings import Settings

from .settings import one_process_per_file, resolve


COMMIT_EVERY = 1.0           # seconds a finished file may wait for the transaction that commits it
COMMIT_FILES = 256           # ... or files (a transaction costs ~10 ms of the main process's CPU)
# While files are handed out, the thread committing them must not hold the interpreter for the 5 ms
# Python gives a thread by default: the loop that feeds the workers waits that long for each file
# (files of a few ms each leave the workers idle).  Set for the run, restored after it.
SWITCH_INTERVAL = 0.001


def _one_line_text(s: str) -> str:
    return (s.splitlines() or [""])[0][:300]



_VERSIONED = ("model", "normalizers", "extract", "parsers", "checks", "dataset")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """The package version and a digest of the code and data that read a file (the stages,
    lkj/pipeline.py and lkj/worker.py): a file done by another version is read again."""
    import importlib.util
    import re

    h = hashlib.sha256()
    roots = [os.path.dirname(importlib.util.find_spec(f"lkj.{p}").origin) for p in _VERSIONED]
    here = os.path.dirname(os.path.abspath(__file__))
    files = [os.path.join(here, "pipeline.py"), os.path.join(here, "worker.py")]
    for root in roots:
        for d, dirs, fs in os.walk(root):
            dirs[:] = sorted(x for x in dirs if x != "__pycache__")
            files += [os.path.join(d, f) for f in sorted(fs) if f.endswith((".py", ".csv", ".json", ".txt"))]
    for f in files:
        h.update(os.path.basename(f).encode())
        with open(f, "rb") as fh:
            h.update(fh.read())
    with open(os.path.join(here, "__init__.py"), encoding="utf-8") as fh:
        m = re.search(r'__version__ = "([^"]+)"', fh.read())
    return f"{m.group(1) if m else '0'}+{h.hexdigest()[:12]}"


@dataclass
class RunSummary:
    files: int = 0                    # inputs of this run (paths given or found)
    done_now: int = 0                 # read in this run
    already_done: int = 0             # done before, not read again
    already_failed: int = 0           # failed before, not tried again (--retry-failed does)
    failed: int = 0                   # of this run's inputs
    skipped: int = 0
    duplicates: int = 0
    pending: int = 0                  # not finished (an interrupted run)
    interrupted: bool = False
    reports: int = 0                  # in the dataset (the store)
    rows_by_kind: Counter = field(default_factory=Counter)
    anomalies_by_rule: Counter = field(default_factory=Counter)
    failures: list[dict] = field(default_factory=list)     # this run's failed inputs
    review: int = 0
    doubts: int = 0                          # findings on values read without confidence (doubts.csv)
    by_kecamatan: list[dict] = field(default_factory=list)
    seconds: float = 0.0
    peak_worker_mb: float = 0.0

    def as_dict(self) -> dict:
        d = {k: v for k, v in self.__dict__.items()}
        d["rows_by_kind"], d["anomalies_by_rule"] = dict(self.rows_by_kind), dict(self.anomalies_by_rule)
        return d


@dataclass
class Plan:
    rows: list[dict] = field(default_factory=list)          # files rows to write before reading
    tasks: list = field(default_factory=list)               # engine.Task
    already_done: int = 0
    already_failed: int = 0


def make_plan(store, found, version: str, limits, force: bool = False, retry_failed: bool = False) -> Plan:
    """What this run does with each input: skip it (listed with its reason), fail it before reading
    (not a regular file, too large), list it as a duplicate of the path that gives its content, leave
    it (already done, or failed, by this version), or read it."""
    from .engine import Task
    from .listing import sha256_of
    from .store import FileRow

    known = store.files()
    done = {} if force else store.done_contents(version)
    plan = Plan()
    first: dict[str, str] = {}            # sha256 -> the path of this run that gives it
    names = set()

    def put(row: dict) -> None:
        k = known.get(row["path"])
        full = {"size": None, "mtime_ns": None, "sha256": "", "stage": None, "reason": None, "duplicate_of": None,
                "pipeline_version": None, **row, "source_file": os.path.basename(row["path"])}
        if k is None or any(getattr(k, c) != full[c] for c in FileRow.KEYS) or full["status"] == "pending":
            plan.rows.append(full)

    for inp in found:
        if inp.name in names:              # two paths written alike (bytes shown as \xNN beside a real "\x")
            inp.name = f"{inp.name} [{len(names)}]"
        names.add(inp.name)
        base = {"path": inp.name, "size": inp.size, "mtime_ns": inp.mtime_ns}
        if inp.skip:
            put({**base, "status": "skipped", "reason": inp.skip})
            continue
        if inp.fail:
            put({**base, "status": "failed", "stage": inp.fail[0], "reason": inp.fail[1], "pipeline_version": version})
            continue
        k = known.get(inp.name)
        if k and k.sha256 and k.size == inp.size and k.mtime_ns == inp.mtime_ns:
            sha = k.sha256
        else:
            try:
                sha = sha256_of(inp.path, limits, inp.pages)
            except (OSError, ValueError) as exc:
                reason = f"cannot read file: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror else str(exc)
                put({**base, "status": "failed", "stage": "read", "reason": _one_line_text(reason),
                     "pipeline_version": version})
                continue
        base["sha256"] = sha
        canon = done.get(sha) or first.setdefault(sha, inp.name)
        if canon != inp.name:
            put({**base, "status": "duplicate", "duplicate_of": canon, "pipeline_version": version})
        elif k and not force and k.sha256 == sha and k.pipeline_version == version and (
                k.status == "done" or (k.status == "failed" and not retry_failed)):
            if k.status == "done":
                plan.already_done += 1
            else:
                plan.already_failed += 1
            put({**base, "status": k.status, "stage": k.stage, "reason": k.reason, "pipeline_version": version})
        else:
            put({**base, "status": "pending"})
            plan.tasks.append(Task(len(plan.tasks), inp.path, inp.name, sha, inp.size or 0))
    # a content read again here is no longer given by another path of the store: those become duplicates
    reread = {t.sha256: t.name for t in plan.tasks}
    for path, k in known.items():
        if path not in names and k.sha256 in reread and k.status in ("done", "pending", "failed"):
            put({"path": path, "size": k.size, "mtime_ns": k.mtime_ns, "sha256": k.sha256, "status": "duplicate",
                 "duplicate_of": reread[k.sha256], "pipeline_version": version})
    return plan


class LiveStatus:
    """DIR/.lkj-running.json while a run reads: what `lkj status DIR` shows while the store is held
    by the run (files to do, done, failed, being read), rewritten at most every two seconds."""

    def __init__(self, out_dir: str, todo: int):
        import time

        self.path = os.path.join(out_dir, ".lkj-running.json")
        self.todo, self.done, self.failed, self.reading = todo, 0, 0, {}
        self.t0 = self.last = time.monotonic()
        self.write(force=True)

    def event(self, ev) -> None:
        if ev.kind == "start":
            self.reading[ev.task.id] = ev.task.name
        elif ev.kind == "done":
            self.reading.pop(ev.task.id, None)
            self.done += 1
            self.failed += ev.outcome.get("status") == "failed"
        self.write()

    def write(self, force: bool = False) -> None:
        import time

        now = time.monotonic()
        if not force and now - self.last < 2.0:
            return
        self.last = now
        rate = self.done / (now - self.t0) * 60 if now > self.t0 else 0.0
        state = {"pid": os.getpid(), "todo": self.todo, "done": self.done, "failed": self.failed,
                 "files_per_min": round(rate, 1), "reading": sorted(self.reading.values())[:10]}
        tmp = f"{self.path}.tmp"
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(state, fh, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError:
            pass

    def close(self) -> None:
        try:
            os.remove(self.path)
        except OSError:
            pass


def _log_line(task, outcome: dict) -> str:
    return json.dumps({"path": task.name, "sha256": task.sha256, "status": outcome["status"],
                       "stage": outcome.get("stage"), "reason": outcome.get("reason"),
                       "seconds": outcome.get("seconds"), "pages": outcome.get("pages"),
                       "reports": outcome.get("reports"), "rows": outcome.get("rows"),
                       "anomalies": outcome.get("anomalies")}, ensure_ascii=False)



class StoreWriter:
    """Commits finished files to the store in a thread of its own, so that the loop handing files to
    the workers never waits for a transaction (a commit takes a tenth of a second; a worker that
    finished meanwhile would sit idle).  Batches are committed in the order given, each in one
    transaction; `committed(batch)` is called after each commit.  The first error stops the writer
    and is raised in the caller's thread (by `raise_failure` or `close`)."""

    def __init__(self, store, version: str, committed: Callable[[list], None]):
        self.store, self.version, self.committed = store, version, committed
        self.todo: queue.Queue = queue.Queue()
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._work, name="lkj-store-writer", daemon=True)
        self.thread.start()

    def _work(self) -> None:
        while True:
            batch = self.todo.get()
            if batch is None:
                return
            if self.error is not None:
                continue
            try:
                self.store.commit_files([(e.task.name, e.outcome) for e in batch], self.version)
                self.committed(batch)
            except BaseException as exc:          # noqa: BLE001 - handed to the caller's thread
                self.error = exc

    def put(self, batch: list) -> None:
        self.raise_failure()
        self.todo.put(batch)

    def raise_failure(self) -> None:
        if self.error is not None:
            exc, self.error = self.error, None
            raise exc

    def close(self) -> None:
        if self.thread.is_alive():
            self.todo.put(None)
            self.thread.join()
        self.raise_failure()

def _preload() -> None:
    from .snapshot import preload

    try:
        preload()
    except Exception:              # noqa: BLE001 - the export's own import says what is wrong
        pass


def run(inputs: list[str], out_dir: str, settings: Settings | None = None,
        on_file: Callable[[str], None] | None = None, *, force: bool = False, retry_failed: bool = False,
        scheduler: str | None = None, progress=None, log=None) -> RunSummary:
    """Extract `inputs` into the store of `out_dir` and export it.  `progress` hears of the run's
    events (lkj.progress.Progress), `log` (a text file) gets one JSON line per file read.  An
    interruption (KeyboardInterrupt) keeps every finished file; the summary says so."""
    import time

    from .engine import LocalEngine
    from .snapshot import export
    from .listing import collect
    from .store import STORE_FILE, Store

    t0 = time.monotonic()
    settings = settings or resolve()
    version = pipeline_version()
    os.makedirs(out_dir, exist_ok=True)
    fresh = not os.path.exists(os.path.join(out_dir, STORE_FILE))
    interrupted = False
    switch = sys.getswitchinterval()
    exported = False
    engine = None
    store = None
    try:
        found = collect(list(inputs), settings.limits, out_dir)
        to_read = sum(1 for i in found if not (i.skip or i.fail))
        if fresh and to_read and not scheduler:
            # a new run folder reads every file found: the workers start loading the pipeline now,
            # while this process opens the store (loading DuckDB) and stores the plan
            engine = LocalEngine(settings.workers, one_process_per_file(settings), settings)
            engine.prestart(to_read)
        store = Store(out_dir, threads=1)      # the workers have the cores while files are read
        plan = make_plan(store, found, version, settings.limits, force, retry_failed)
        if engine is None and plan.tasks and not scheduler:
            # a run folder that has a store: the workers start once it is known that some file is
            # to be read, while the plan is stored
            engine = LocalEngine(settings.workers, one_process_per_file(settings), settings)
            engine.prestart(len(plan.tasks))
        if plan.rows:
            store.plan(plan.rows)
        if progress:
            progress.begin(len(found), len(plan.tasks), plan.already_done + plan.already_failed)
        if scheduler:
            from .engine_dask import DaskEngine
            engine = DaskEngine(scheduler, one_process_per_file(settings))
        elif engine is None:
            engine = LocalEngine(settings.workers, one_process_per_file(settings), settings)
        read: Counter = Counter()
        live = LiveStatus(out_dir, len(plan.tasks))
        pending: list = []                 # finished files not yet committed (at most COMMIT_EVERY seconds)
        since = [0.0]

        def committed(batch: list) -> None:
            for e in batch:
                read[e.outcome["status"]] += 1
                if log is not None:
                    log.write(_log_line(e.task, e.outcome) + "\n")
                if on_file:
                    on_file(e.task.path)
            if log is not None:
                log.flush()

        writer = StoreWriter(store, version, committed)
        sys.setswitchinterval(SWITCH_INTERVAL)
        if plan.tasks:             # the export's modules load while the workers read
            threading.Thread(target=_preload, name="lkj-preload", daemon=True).start()

        def commit() -> None:
            if pending:
                writer.put(list(pending))
                pending.clear()

        try:
            for ev in engine.run(plan.tasks):
                now = time.monotonic()
                if ev.kind == "done":
                    if not pending:
                        since[0] = now
                    pending.append(ev)
                if pending and (now - since[0] >= COMMIT_EVERY or len(pending) >= COMMIT_FILES):
                    commit()
                writer.raise_failure()
                if ev.task is not None:
                    live.event(ev)
                    if progress:
                        progress.event(ev)
            commit()
        except KeyboardInterrupt:
            interrupted = True
            commit()                       # what is finished is kept
        finally:
            sys.setswitchinterval(switch)
            writer.close()                 # every batch handed over is committed (or its error raised)
            engine.close()
            live.close()
        if not interrupted:
            if progress:
                progress.exporting()
            store.set_threads(2)
            exported = export(store, out_dir, settings)
        summary = _summary(store, {i.name for i in found}, len(found), plan, interrupted)
        summary.done_now = read["done"]
        summary.peak_worker_mb = getattr(engine, "peak_worker_mb", 0.0)
        if not interrupted and (exported or not os.path.exists(os.path.join(out_dir, "report.html"))):
            from .export import write_run_report

            # DIR/report.html, with the corrections kept in the folder (read on the store's connection)
            write_run_report(out_dir, settings, con=store.con)
    finally:
        if engine is not None:
            engine.close()
        if store is not None:
            store.close()
    summary.seconds = round(time.monotonic() - t0, 3)
    return summary


def _summary(store, names: set[str], n: int, plan: Plan, interrupted: bool) -> RunSummary:
    c = store.con
    s = RunSummary(files=n, interrupted=interrupted, already_done=plan.already_done,
                   already_failed=plan.already_failed)
    statuses: Counter = Counter()
    for path, status, source_file, sha, stage, reason in c.execute(
            "SELECT path, status, source_file, sha256, stage, reason FROM files ORDER BY path").fetchall():
        if path not in names:
            continue
        statuses[status] += 1
        if status == "failed":
            s.failures.append(rec.failure_record(source_file, sha or "", stage or "", reason or "", path))
    s.failed, s.skipped, s.duplicates, s.pending = (statuses[k] for k in ("failed", "skipped", "duplicate", "pending"))
    s.reports = c.execute("SELECT count(*) FROM reports").fetchone()[0]
    s.rows_by_kind.update(dict(c.execute("SELECT table_kind, count(*) FROM rows GROUP BY 1").fetchall()))
    s.anomalies_by_rule.update(dict(c.execute("SELECT rule, count(*) FROM anomalies GROUP BY 1").fetchall()))
    s.review = c.execute("SELECT count(*) FROM review").fetchone()[0]
    s.doubts = c.execute("SELECT count(*) FROM doubts").fetchone()[0]
    cols = [col.name for col in TABLES["summary"]]
    s.by_kecamatan = [dict(zip(cols, r)) for r in
                      c.execute(f"SELECT {', '.join(cols)} FROM summary ORDER BY kabupaten, kecamatan, rule").fetchall()]
    return s
