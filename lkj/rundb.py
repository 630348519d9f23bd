"""The one door to a run folder's database (DIR/lkj.duckdb) for the people-facing tools: the review
page and API (lkj.serve), corrections, samples, exports, the Python API.

Everything they read of a run, and everything people write (the `corrections` and `samples` tables of
dataset/schema.py USER_TABLES), goes through `RunDB`.  The extraction itself writes through
lkj/store.py (`Store`: files committed as they finish, resumable); both open the same file (DuckDB
lets one process at a time write it).  One process holds one read-write connection; a lock serialises
its use by the server's threads.
"""
from __future__ import annotations

import hashlib
import os
import threading
from contextlib import contextmanager
from typing import Iterable

from lkj.dataset.schema import TABLES, USER_TABLES, Col
from lkj.model.errors import InputError

DB_NAME = "lkj.duckdb"
UPLOADS = "uploads"
_SQL_TYPE = {"string": "VARCHAR", "integer": "BIGINT", "number": "DOUBLE"}


def _ddl(name: str, cols: Iterable[Col]) -> str:
    return f"CREATE TABLE IF NOT EXISTS {name} (" + ", ".join(f'"{c.name}" {_SQL_TYPE[c.type]}' for c in cols) + ")"


class RunDB:
    """A run folder's database.  `create=True` makes an empty one (every table, no rows) when the
    folder has none, for a server that is fed by uploads only.  `con`: a read-write connection to it
    that this process has open already (the run's store, lkj/store.py), used rather than a second
    one; it stays open when the RunDB is closed."""

    def __init__(self, run_dir: str, create: bool = False, read_only: bool = False, con=None):
        self.dir = run_dir
        self.path = os.path.join(run_dir, DB_NAME)
        self._own = con is None
        if con is not None:
            self._lock = threading.RLock()
            self.con, self.read_only = con, False
            self._create()
            return
        if not os.path.exists(self.path):
            if not create:
                raise InputError("read", f"{run_dir} is no run folder (no {DB_NAME}): run `lkj extract ... -o {run_dir}` first")
            os.makedirs(run_dir, exist_ok=True)
        import duckdb

        self._lock = threading.RLock()
        self.read_only = read_only
        try:
            try:
                self.con = duckdb.connect(self.path, read_only=read_only)
            except duckdb.ConnectionException:
                # this process already has the file open for writing (a server in a notebook): share that
                self.con = duckdb.connect(self.path)
                self.read_only = read_only = False
        except duckdb.IOException as exc:
            busy = "lock" in str(exc).lower()
            raise InputError("read", f"{self.path} is in use by another lkj process (lkj serve?); stop it or ask "
                                     f"that process" if busy else f"cannot open {self.path}: {exc}") from None
        if not read_only:
            self._create()

    def _create(self) -> None:
        with self._lock:
            for name, cols in {**TABLES, **USER_TABLES}.items():
                self.con.execute(_ddl(name, cols))

    def close(self) -> None:
        if self._own:
            self.con.close()

    def __enter__(self) -> "RunDB":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def cursor(self):
        with self._lock:
            cur = self.con.cursor()
            try:
                yield cur
            finally:
                cur.close()

    # --- reading ---------------------------------------------------------------------------------
    def tables(self) -> set[str]:
        with self.cursor() as cur:
            return {r[0] for r in cur.execute("SELECT table_name FROM information_schema.tables").fetchall()}

    def frame(self, table: str, where: str = "", params: list | tuple = (), order: str = "", limit: int | None = None,
              offset: int = 0):
        """A table (or the rows of it matching `where`) as a DataFrame with the schema's types:
        ids and codes as text, never as numbers."""
        if table not in TABLES and table not in USER_TABLES:
            raise KeyError(table)
        sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "") + (f" ORDER BY {order}" if order else "")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        with self.cursor() as cur:
            if table not in self.tables():
                from lkj.dataset.writers import _frame
                return _frame({**TABLES, **USER_TABLES}[table], [])
            return _typed(cur.execute(sql, list(params)).df(), {**TABLES, **USER_TABLES}[table])

    def count(self, table: str, where: str = "", params: list | tuple = ()) -> int:
        with self.cursor() as cur:
            return cur.execute(f"SELECT count(*) FROM {table}" + (f" WHERE {where}" if where else ""),
                               list(params)).fetchone()[0]

    def records(self, table: str, where: str = "", params: list | tuple = (), order: str = "",
                limit: int | None = None, offset: int = 0) -> list[dict]:
        """Rows as plain dicts (None for empty cells), for JSON."""
        cols = {**TABLES, **USER_TABLES}[table]
        sql = f"SELECT * FROM {table}" + (f" WHERE {where}" if where else "") + (f" ORDER BY {order}" if order else "")
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        import duckdb

        with self.cursor() as cur:
            try:
                res = cur.execute(sql, list(params))
            except duckdb.CatalogException:
                if table not in self.tables():          # a folder written before the table was
                    return []
                raise
            names = [d[0] for d in res.description]
            out = [dict(zip(names, r)) for r in res.fetchall()]
        known = {c.name for c in cols}
        if any(n not in known for n in names):
            out = [{k: v for k, v in r.items() if k in known} for r in out]
        return out

    def distinct(self, table: str, column: str) -> list:
        with self.cursor() as cur:
            return [r[0] for r in cur.execute(
                f'SELECT DISTINCT "{column}" FROM {table} WHERE "{column}" IS NOT NULL ORDER BY 1').fetchall()]

    # --- what people write --------------------------------------------------------------------------
    def insert(self, table: str, records: list[dict]) -> None:
        """Append records to a table (a user table, or the run's tables for an uploaded file)."""
        if not records:
            return
        from lkj.dataset.writers import _frame

        cols = {**TABLES, **USER_TABLES}[table]
        df = _frame(cols, records)
        with self.cursor() as cur:
            cur.register("incoming", df)
            names = ", ".join(f'"{c.name}"' for c in cols)
            cur.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming")
            cur.unregister("incoming")

    def delete(self, table: str, where: str, params: list | tuple = ()) -> None:
        with self.cursor() as cur:
            cur.execute(f"DELETE FROM {table} WHERE {where}", list(params))

    # --- sources ------------------------------------------------------------------------------------
    def uploads_dir(self) -> str:
        return os.path.join(self.dir, UPLOADS)

    def source_path(self, source_file: str, sha256: str, folders: Iterable[str] = ()) -> str | None:
        """Where the source file of a report is on disk: the store's files table when it has one,
        else the uploads folder, else the folders given (matched by name, then by content)."""
        if "files" in self.tables():
            with self.cursor() as cur:
                cols = {r[0] for r in cur.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = 'files'").fetchall()}
                path_col = next((c for c in ("path", "source_path") if c in cols), None)
                sha_col = next((c for c in ("sha256", "source_sha256") if c in cols), None)
                if path_col and sha_col:
                    hit = cur.execute(f'SELECT "{path_col}" FROM files WHERE "{sha_col}" = ?', [sha256]).fetchone()
                    if hit and hit[0] and os.path.exists(hit[0]):
                        return hit[0]
        candidates = [os.path.join(self.uploads_dir(), source_file)]
        for folder in folders:
            if os.path.isfile(folder):
                candidates.append(folder)
                continue
            for root, _dirs, files in os.walk(folder):
                if source_file in files:
                    candidates.append(os.path.join(root, source_file))
        for c in candidates:
            if os.path.isfile(c) and file_sha256(c) == sha256:
                return c
        return None


def file_sha256(path: str) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _typed(df, cols: tuple[Col, ...]):
    """A frame read from DuckDB with the schema's pandas types (string columns stay text)."""
    import pandas as pd

    for c in cols:
        if c.name not in df.columns:
            continue
        if c.type == "string":
            df[c.name] = df[c.name].astype("string")
        elif c.type == "integer":
            df[c.name] = pd.array(df[c.name], dtype="Int64")
        else:
            df[c.name] = pd.array(df[c.name], dtype="Float64")
    return df

