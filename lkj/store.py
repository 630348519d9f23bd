"""The run folder's store, DIR/lkj.duckdb: the source of truth of a run (DuckDB, embedded).

It holds the contract tables (reports, rows, anomalies, review, cells; failures is a view of the
files that failed; summary is rebuilt at export) and `files`: every path given or found, with its
size, sha256, status (pending, done, failed, skipped, duplicate), the stage and reason of a failure
or a skip, seconds, pages, the pipeline version that read it and when.  What the run-scope rules
need of a file (the checks done and the quarter facts of its reports) is kept beside, in `_state`.

A file's records go in with its `files` row in one transaction (files finished together share
one), so a kill loses at most the files being read or just finished and never leaves one half written; DuckDB's write-ahead log makes the committed ones
survive.  Records are keyed by content: the same bytes under two paths are one set of records
(the second path is a duplicate of the first), and a file's report ids come from its sha256 and
the report's position in it.
"""
from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from datetime import datetime, timezone

from lkj.dataset.schema import RECORD_TABLES, TABLES, Col
from lkj.dataset.writers import table_from_bytes
from lkj.model.errors import InputError

STORE_FILE = "lkj.duckdb"
_SQL_TYPE = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE"}
RUN_ANOMALY = "-q"                  # run-scope anomaly ids: <report_id>-qNNN (a file's own: -aNNN)


def _ddl(name: str, cols: tuple[Col, ...], key: str | None = None) -> str:
    body = ", ".join(f"{c.name} {_SQL_TYPE[c.type]}{' PRIMARY KEY' if c.name == key else ''}" for c in cols)
    return f"CREATE TABLE IF NOT EXISTS {name} ({body})"


PLAN_COLUMNS = ("path", "source_file", "size", "mtime_ns", "sha256", "status", "stage", "reason", "duplicate_of",
                "pipeline_version")
STAT_COLUMNS = ("seconds", "pages", "reports", "rows", "anomalies", "finished_at")


@dataclass
class FileRow:
    path: str
    size: int | None
    mtime_ns: int | None
    sha256: str
    status: str
    stage: str | None
    reason: str | None
    duplicate_of: str | None
    pipeline_version: str | None

    KEYS = ("size", "mtime_ns", "sha256", "status", "stage", "reason", "duplicate_of", "pipeline_version")


def store_path(out_dir: str) -> str:
    return os.path.join(out_dir, STORE_FILE)


class Store:
    """One open store; a single writer (a second `lkj extract` on the same folder is refused)."""

    def __init__(self, out_dir: str, read_only: bool = False, memory_limit: str = "256MB", threads: int = 2):
        import duckdb

        self.path = store_path(out_dir)
        if read_only and not os.path.exists(self.path):
            raise InputError("store", f"no store in {out_dir} (no {STORE_FILE}): nothing extracted there yet")
        try:
            self.con = duckdb.connect(self.path, read_only=read_only,
                                      config={"memory_limit": memory_limit, "threads": str(threads)})
        except duckdb.IOException as exc:
            msg = str(exc).splitlines()[0]
            if "lock" in msg.lower():
                raise InputError("store", f"{self.path} is in use by another lkj run") from None
            raise InputError("store", f"cannot open {self.path}: {msg}") from None
        except duckdb.Error as exc:
            raise InputError("store", f"cannot open {self.path}: {str(exc).splitlines()[0]}") from None
        if not read_only:
            self._create()

    def _create(self) -> None:
        c = self.con
        for name in RECORD_TABLES:
            c.execute(_ddl(name, TABLES[name]))
        kinds = dict(c.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall())
        if kinds.get("failures") == "BASE TABLE":      # a folder written before the store (or by lkj serve)
            c.execute("DROP TABLE failures")
        if "files" in kinds and not c.execute("SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'files' "
                                              "AND constraint_type = 'PRIMARY KEY'").fetchone()[0]:
            c.execute("DROP TABLE files")                 # made without its key (nothing to keep: no store yet)
        c.execute(_ddl("files", TABLES["files"], key="path"))
        c.execute(_ddl("summary", TABLES["summary"]))
        c.execute("CREATE TABLE IF NOT EXISTS _state (sha256 VARCHAR PRIMARY KEY, state BLOB)")
        c.execute("CREATE TABLE IF NOT EXISTS _meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        fail_cols = ", ".join(
            {"source_file": "source_file", "source_sha256": "sha256 AS source_sha256", "stage": "stage",
             "error": "reason AS error", "path": "path"}[col.name] for col in TABLES["failures"])
        c.execute(f"CREATE OR REPLACE VIEW failures AS SELECT {fail_cols} FROM files WHERE status = 'failed'")

    def close(self) -> None:
        try:
            self.con.close()
        except Exception:
            pass

    # ---- reading ---------------------------------------------------------------------------

    def files(self) -> dict[str, FileRow]:
        rows = self.con.execute("SELECT path, size, mtime_ns, sha256, status, stage, reason, duplicate_of, "
                                "pipeline_version FROM files").fetchall()
        return {r[0]: FileRow(*r) for r in rows}

    def done_contents(self, version: str) -> dict[str, str]:
        """sha256 -> the path whose reading gave its records, for contents done by this version."""
        rows = self.con.execute("SELECT sha256, min(path) FROM files WHERE status = 'done' AND pipeline_version = ? "
                                "GROUP BY sha256", [version]).fetchall()
        return dict(rows)

    def meta(self, key: str) -> str | None:
        r = self.con.execute("SELECT value FROM _meta WHERE key = ?", [key]).fetchone()
        return r[0] if r else None

    def generation(self) -> int:
        return int(self.meta("generation") or 0)

    def counts(self) -> dict:
        """Files by status; failures and skips by stage and reason; records by table."""
        c = self.con
        by_status = dict(c.execute("SELECT status, count(*) FROM files GROUP BY status").fetchall())
        reasons = c.execute("SELECT status, coalesce(stage, ''), reason, count(*) n FROM files "
                            "WHERE status IN ('failed', 'skipped') GROUP BY ALL ORDER BY n DESC, 1, 2, 3").fetchall()
        records = {t: c.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in RECORD_TABLES}
        return {"files": by_status, "reasons": reasons, "records": records}

    def consistency(self) -> list[str]:
        """What is inconsistent in the store (empty when every done file has exactly its records and
        no other file has any): checked after a kill."""
        c = self.con
        problems = []
        bad = c.execute("SELECT f.path, f.reports, count(r.report_id) FROM files f LEFT JOIN reports r "
                        "ON r.source_sha256 = f.sha256 WHERE f.status = 'done' GROUP BY f.path, f.reports "
                        "HAVING f.reports IS DISTINCT FROM count(r.report_id)").fetchall()
        problems += [f"{p}: {n} reports in the files table, {m} in reports" for p, n, m in bad]
        orphans = c.execute("SELECT count(*) FROM reports WHERE source_sha256 NOT IN "
                            "(SELECT sha256 FROM files WHERE status = 'done')").fetchone()[0]
        if orphans:
            problems.append(f"{orphans} reports of no done file")
        for t in ("rows", "anomalies", "review", "cells", "doubts"):
            n = c.execute(f"SELECT count(*) FROM {t} WHERE report_id NOT IN (SELECT report_id FROM reports)").fetchone()[0]
            if n:
                problems.append(f"{n} {t} of no report")
        bad = c.execute("SELECT f.path FROM files f JOIN (SELECT substr(report_id, 1, 16) p, count(*) n FROM rows "
                        "GROUP BY 1) w ON substr(f.sha256, 1, 16) = w.p WHERE f.status = 'done' "
                        "AND f.rows IS DISTINCT FROM w.n").fetchall()
        problems += [f"{p}: rows in the files table differ from the rows table" for (p,) in bad]
        return problems

    # ---- writing ---------------------------------------------------------------------------

    def _bump(self) -> None:
        self.con.execute("INSERT INTO _meta VALUES ('generation', '1') ON CONFLICT (key) DO UPDATE "
                         "SET value = CAST(CAST(_meta.value AS BIGINT) + 1 AS VARCHAR)")

    def plan(self, rows: list[dict]) -> None:
        """Write the run's view of its inputs in one transaction (each dict a `files` row: pending,
        failed or skipped before reading, duplicate), then drop the records of contents that are no
        longer done (read again, changed, or gone)."""
        from lkj.dataset.writers import records_table

        c = self.con
        cols = tuple(col for col in TABLES["files"] if col.name in PLAN_COLUMNS)
        c.execute("BEGIN TRANSACTION")
        try:
            if rows:
                c.register("_in", records_table(cols, rows))
                names = ", ".join(PLAN_COLUMNS)
                # a file's figures stay while its status and content do (an unchanged file touched)
                keep = ", ".join(f"{k} = CASE WHEN files.status = excluded.status AND files.sha256 = excluded.sha256 "
                                 f"THEN files.{k} ELSE NULL END" for k in STAT_COLUMNS)
                sets = ", ".join(f"{k} = excluded.{k}" for k in PLAN_COLUMNS if k != "path")
                c.execute(f"INSERT INTO files ({names}) SELECT {names} FROM _in "
                          f"ON CONFLICT (path) DO UPDATE SET {keep}, {sets}")
                c.unregister("_in")
            self._drop_orphans()
            self._bump()
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def _drop_orphans(self) -> None:
        c = self.con
        c.execute("CREATE OR REPLACE TEMP TABLE _done AS SELECT DISTINCT sha256, substr(sha256, 1, 16) AS prefix "
                  "FROM files WHERE status = 'done'")
        c.execute("DELETE FROM reports WHERE source_sha256 NOT IN (SELECT sha256 FROM _done)")
        for t in ("rows", "anomalies", "review", "cells", "doubts"):
            c.execute(f"DELETE FROM {t} WHERE substr(report_id, 1, 16) NOT IN (SELECT prefix FROM _done)")
        c.execute("DELETE FROM _state WHERE sha256 NOT IN (SELECT sha256 FROM _done)")
        c.execute("DROP TABLE _done")

    def set_threads(self, n: int) -> None:
        """DuckDB's threads for the statements from now on (the run commits with one: the workers
        have the cores; the export after it takes more)."""
        self.con.execute(f"SET threads = {int(n)}")

    def commit_files(self, items: list[tuple[str, dict]], version: str) -> None:
        """Finished files' outcomes (records and `files` rows) in one transaction: each file is in the
        store whole or not at all.  Several files in one transaction cost a few statements, not a few
        per file (a DuckDB statement costs milliseconds: per file, the store was the bottleneck)."""
        import pyarrow as pa

        from lkj.dataset.writers import arrow_array

        if not items:
            return
        c = self.con
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        done = [o for _, o in items if o["status"] == "done"]
        upd = pa.table({
            "path": arrow_array("string", [p for p, _ in items]),
            "status": arrow_array("string", [o["status"] for _, o in items]),
            "stage": arrow_array("string", [o.get("stage") for _, o in items]),
            "reason": arrow_array("string", [o.get("reason") for _, o in items]),
            "seconds": arrow_array("number", [o.get("seconds") for _, o in items]),
            **{k: arrow_array("integer", [o.get(k) for _, o in items]) for k in ("pages", "reports", "rows", "anomalies")},
            "sha256": arrow_array("string", [o.get("sha256") or "" for _, o in items]),
        })
        c.execute("BEGIN TRANSACTION")
        try:
            for name in RECORD_TABLES:
                parts = [t for t in (table_from_bytes(o["tables"][name]) for o in done) if t.num_rows]
                if parts:                  # one chunk: DuckDB scans many small chunks several times slower
                    c.register("_in", pa.concat_tables(parts).combine_chunks())
                    c.execute(f"INSERT INTO {name} SELECT * FROM _in")
                    c.unregister("_in")
            if done:
                c.register("_st", pa.table({"sha256": arrow_array("string", [o.get("sha256") or "" for o in done]),
                                            "state": arrow_array("binary", [o["state"] for o in done])}))
                c.execute("INSERT OR REPLACE INTO _state SELECT sha256, state FROM _st")
                c.unregister("_st")
            c.register("_u", upd)
            c.execute("UPDATE files SET status = _u.status, stage = _u.stage, reason = _u.reason, seconds = _u.seconds, "
                      "pages = _u.pages, reports = _u.reports, rows = _u.rows, anomalies = _u.anomalies, "
                      "sha256 = _u.sha256, pipeline_version = ?, finished_at = ? FROM _u WHERE files.path = _u.path",
                      [version, now])
            c.unregister("_u")
            self._bump()
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    # ---- the run as a whole ----------------------------------------------------------------

    def states(self):
        """(sha256, checked, facts) of every done content, in the order of the paths that gave them."""
        rows = self.con.execute(
            "SELECT s.sha256, s.state FROM _state s JOIN (SELECT sha256, min(path) p FROM files WHERE status = 'done' "
            "GROUP BY sha256) f USING (sha256) ORDER BY f.p").fetchall()
        for sha, blob in rows:
            checked, facts = pickle.loads(blob)
            yield sha, checked, facts

    def replace_run_scope(self, anomalies: list[dict], quality: dict[str, float | None]) -> None:
        """The run-scope anomalies and the quality scores that take them into account, in one transaction."""
        import pyarrow as pa

        from lkj.dataset.writers import arrow_array, records_table

        c = self.con
        c.execute("BEGIN TRANSACTION")
        try:
            c.execute(f"DELETE FROM anomalies WHERE contains(anomaly_id, '{RUN_ANOMALY}')")
            if anomalies:
                c.register("_in", records_table(TABLES["anomalies"], anomalies))
                c.execute("INSERT INTO anomalies SELECT * FROM _in")
                c.unregister("_in")
            if quality:
                q = pa.table({"report_id": arrow_array("string", list(quality)),
                              "q": arrow_array("number", list(quality.values()))})
                c.register("_q", q)
                c.execute("UPDATE reports SET quality_score = _q.q FROM _q WHERE reports.report_id = _q.report_id "
                          "AND reports.quality_score IS DISTINCT FROM _q.q")
                c.unregister("_q")
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def replace_summary(self, records: list[dict]) -> None:
        from lkj.dataset.writers import records_table

        c = self.con
        c.execute("BEGIN TRANSACTION")
        try:
            c.execute("DELETE FROM summary")
            if records:
                c.register("_in", records_table(TABLES["summary"], records))
                c.execute("INSERT INTO summary SELECT * FROM _in")
                c.unregister("_in")
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO _meta VALUES (?, ?)", [key, value])
