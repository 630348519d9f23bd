"""Write the dataset's tables as the contract CSVs, Parquet files and datapackage.json.

Every file is written to a temporary name beside its place and renamed into place when complete
(a reader never sees a half-written CSV, a kill leaves the previous file whole);
datapackage.json is written last and names every resource's sha256 and size, so a set of files
that does not belong together is seen as such (the Frictionless validator checks the hashes).
Tables are written from record batches (Arrow), streamed: a run's size does not have to fit in
memory.  The same records give the same bytes (fixed row groups, no timestamps).
"""
from __future__ import annotations

import csv
import hashlib
import json
import os
from array import array
from itertools import accumulate, repeat
from operator import is_not
from typing import Callable, Iterable, Iterator

from .schema import CONTRACT_VERSION, FOREIGN_KEYS, PRIMARY_KEYS, TABLES, Col

ROW_GROUP = 64 * 1024          # rows per Parquet row group (fixed, so that the bytes do not depend on batching)


def cell_text(v) -> str:
    """A value as the contract's CSV writes it (numbers with a dot, None as an empty cell)."""
    if v is None:
        return ""
    if isinstance(v, float):
        if v != v:  # NaN
            return ""
        return repr(v)
    return str(v)


def arrow_schema(cols: tuple[Col, ...]):
    import pyarrow as pa

    kind = {"integer": pa.int64(), "number": pa.float64(), "string": pa.string()}
    return pa.schema([pa.field(c.name, kind[c.type]) for c in cols])


def _value(c: Col, v):
    if v is None or v == "":
        return None if c.type != "string" or v is None else v
    if c.type == "integer":
        return int(v)
    if c.type == "number":
        return float(v)
    return str(v)


_PLAIN = {"integer": int, "number": float, "string": str}
_AS_IS = {k: frozenset((t, type(None))) for k, t in _PLAIN.items()}


def _column(c: Col, records: list[dict]) -> list:
    """A column's values as Arrow takes them: a column of values of its own type (or None) as it
    is, any other through `_value` (a count written as text, an empty string, a str enum)."""
    name = c.name
    vals = [r.get(name) for r in records]
    if set(map(type, vals)) <= _AS_IS[c.type]:      # every value None or of the column's own type
        return vals
    return [_value(c, v) for v in vals]


def arrow_array(kind: str, values: list):
    """Values of one kind (each None or an int for "integer", a float for "number", a str for
    "string", bytes for "binary") as an Arrow array of that kind (int64, float64, string, binary).

    Built by Arrow's string builder or from the array's buffers rather than by pa.array: pa.array
    asks pandas whether the values are a pandas Series, and so imports pandas on its first call
    (0.3 s of a worker's start, more of a run's), which nothing here needs."""
    import pyarrow as pa

    if kind == "string":
        b = pa.lib.StringBuilder()
        b.append_values(values)
        return b.finish()
    n = len(values)
    nulls = values.count(None)
    mask = None
    if nulls:
        import numpy as np

        valid = np.fromiter(map(is_not, values, repeat(None)), dtype=bool, count=n)
        mask = pa.py_buffer(np.packbits(valid, bitorder="little"))
        values = [b"" if v is None else v for v in values] if kind == "binary" else \
            [0 if v is None else v for v in values] if kind == "integer" else np.array(values, dtype=np.float64)
    if kind == "binary":
        offsets = array("i", [0])
        offsets.extend(accumulate(map(len, values)))
        return pa.Array.from_buffers(pa.binary(), n, [mask, pa.py_buffer(offsets), pa.py_buffer(b"".join(values))],
                                     null_count=nulls)
    if kind == "integer":
        return pa.Array.from_buffers(pa.int64(), n, [mask, pa.py_buffer(array("q", values))], null_count=nulls)
    data = values if nulls else array("d", values)          # a null's slot holds NaN, under the mask
    return pa.Array.from_buffers(pa.float64(), n, [mask, pa.py_buffer(data)], null_count=nulls)


def records_table(cols: tuple[Col, ...], records: list[dict]):
    """Records (dicts named by the schema's columns) as an Arrow table of the schema's types."""
    import pyarrow as pa

    return pa.Table.from_arrays([arrow_array(c.type, _column(c, records)) for c in cols], schema=arrow_schema(cols))


def table_bytes(table) -> bytes:
    """An Arrow table as an Arrow IPC stream: how a worker hands its records to the run (decoding a
    stream is a few times cheaper than unpickling the table, and the run decodes every file's)."""
    import pyarrow as pa

    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as w:
        w.write_table(table)
    return sink.getvalue().to_pybytes()


def table_from_bytes(data: bytes):
    """table_bytes' stream back as an Arrow table."""
    import pyarrow as pa

    return pa.ipc.open_stream(data).read_all()


def _frame(cols: tuple[Col, ...], records: list[dict]):
    """Records as a pandas DataFrame of the schema's types (ids and codes as text)."""
    import pandas as pd

    data = {}
    for c in cols:
        vals = [r.get(c.name) for r in records]
        if c.type == "integer":
            data[c.name] = pd.array([None if v in (None, "") else int(v) for v in vals], dtype="Int64")
        elif c.type == "number":
            data[c.name] = pd.array([None if v in (None, "") else float(v) for v in vals], dtype="Float64")
        else:
            data[c.name] = pd.array([None if v is None else str(v) for v in vals], dtype="string")
    return pd.DataFrame(data)


def _tmp(path: str) -> str:
    return f"{path}.tmp-{os.getpid()}"


def _finish(tmp: str, path: str) -> dict:
    """fsync the temporary file, rename it into place; its sha256 and size."""
    h = hashlib.sha256()
    with open(tmp, "rb+") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
        os.fsync(fh.fileno())
        size = fh.tell()
    os.replace(tmp, path)
    return {"hash": f"sha256:{h.hexdigest()}", "bytes": size}


def _csv_rows(cols: tuple[Col, ...], batch):
    """A batch's rows (an Arrow record batch or a list of dicts) as the csv module takes them."""
    if isinstance(batch, list):
        return ([cell_text(r.get(c.name)) for c in cols] for r in batch)
    # the csv module writes None as an empty cell and other values with str(), as cell_text
    # does; only floating-point columns need cell_text (a NaN is an empty cell)
    import pyarrow.types as pa_types

    arrays = [batch.column(c.name) for c in cols]
    return zip(*[[cell_text(v) for v in a.to_pylist()] if pa_types.is_floating(a.type) else a.to_pylist()
                 for a in arrays])


def write_csv(path: str, cols: tuple[Col, ...], batches: Iterable) -> dict:
    """A CSV of the columns from Arrow record batches (or lists of dicts, or one list of records);
    returns its hash and size."""
    if isinstance(batches, list) and (not batches or isinstance(batches[0], dict)):
        batches = [batches]

    def write(tmp: str) -> None:
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow([c.name for c in cols])
            for b in batches:
                w.writerows(_csv_rows(cols, b))

    return write_file(path, write)


def write_file(path: str, write: Callable[[str], None]) -> dict:
    """A file written by `write(tmp)` to a temporary name beside `path`, then renamed into place as
    every file here is; returns its hash and size."""
    tmp = _tmp(path)
    try:
        write(tmp)
        return _finish(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def _fixed_groups(batches: Iterable, schema) -> Iterator:
    """The batches' rows (Arrow record batches or tables) as tables of exactly ROW_GROUP rows (the last
    one shorter), so that the file's bytes do not depend on how the rows were batched."""
    import pyarrow as pa

    pending: list = []
    n = 0
    for b in batches:
        t = b if isinstance(b, pa.Table) else pa.Table.from_batches([b])
        if t.num_rows == 0:
            continue
        # (a store's query gives the schema's types already: cast only what differs, since a cast
        # loads pyarrow.compute, a tenth of a second of the run's own process)
        pending.append(t if t.schema.equals(schema) else t.cast(schema))
        n += t.num_rows
        while n >= ROW_GROUP:
            t = pa.concat_tables(pending).combine_chunks()
            yield t.slice(0, ROW_GROUP)
            rest = t.slice(ROW_GROUP)
            pending, n = ([rest] if rest.num_rows else []), rest.num_rows
    if n:
        yield pa.concat_tables(pending).combine_chunks()


def write_parquet(path: str, cols: tuple[Col, ...], batches: Iterable) -> dict:
    """A Parquet file of the columns from Arrow record batches; returns its hash and size."""
    import pyarrow.parquet as pq

    schema = arrow_schema(cols)
    tmp = _tmp(path)
    try:
        with pq.ParquetWriter(tmp, schema, compression="zstd", write_statistics=True) as w:
            for t in _fixed_groups(batches, schema):
                w.write_table(t, row_group_size=ROW_GROUP)
        return _finish(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)


def datapackage(resources: dict[str, dict], tables: dict[str, tuple[Col, ...]] | None = None) -> dict:
    """datapackage.json of the CSV resources: every column typed and described, the primary and
    foreign keys of dataset/schema.py, each file's hash and size."""
    tables = tables or TABLES
    out = []
    for name, info in resources.items():
        cols = tables[name]
        schema: dict = {"fields": [{"name": c.name, "type": c.type, "description": c.description} for c in cols]}
        if name in PRIMARY_KEYS:
            schema["primaryKey"] = list(PRIMARY_KEYS[name])
        fks = [{"fields": list(f), "reference": {"resource": ref, "fields": list(rf)}}
               for f, ref, rf in FOREIGN_KEYS.get(name, ()) if ref in resources]
        if fks:
            schema["foreignKeys"] = fks
        out.append({"name": name, "path": f"{name}.csv", "format": "csv", "encoding": "utf-8",
                    "mediatype": "text/csv", **info, "schema": schema})
    return {"name": "lkj-dataset", "title": "SAKIP performance reports (LKj) extracted into data",
            "version": CONTRACT_VERSION, "resources": out}


def write_datapackage(out_dir: str, resources: dict[str, dict], tables: dict[str, tuple[Col, ...]] | None = None,
                      extra: dict | None = None) -> None:
    pkg = datapackage(resources, tables)
    if extra:
        pkg.update(extra)
    path = os.path.join(out_dir, "datapackage.json")
    tmp = _tmp(path)
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(pkg, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    _finish(tmp, path)


def read_datapackage(out_dir: str) -> dict | None:
    try:
        with open(os.path.join(out_dir, "datapackage.json"), encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, ValueError):
        return None
