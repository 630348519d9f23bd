"""The export's CSVs are written by DuckDB (lkj/snapshot.py _csv_copy): the bytes the csv module
writes from the same rows (write_csv), for texts that need quoting or not and doubles of every size."""
import random
import struct

from lkj.dataset.schema import TABLES, export_columns
from lkj.dataset.writers import records_table, write_csv
from lkj.snapshot import BATCH, _csv_copy, _query
from lkj.store import Store


def _texts(rng):
    out = ["", " ", " a", "a ", "a,b", 'q"uote', '"', ",", "line\nbreak", "cr\rx", "a\r\nb", "tab\tx", "#", "#a", "a#",
           "NULL", "\\", "\x00", "ü ñ 中文 — Şişli", "\u2028", "\ufeff", "emoji \U0001f600"]
    chars = [chr(c) for c in range(1, 128)] + ["é", "\u2028", "\x85", "中"]
    return out + ["".join(rng.choice(chars) for _ in range(rng.randint(0, 6))) for _ in range(3000)]


def _numbers(rng):
    out = [None, 0.0, -0.0, 1.0, 100.0, 27.08, 1390110590.0, 1e15, 1e16, 1e17, 9999999999999998.0, 1e-4, 1e-5, 5e-324,
           1.7976931348623157e308, 0.1 + 0.2, 1 / 3, 1e21, 1e22, float("nan"), float("inf"), -float("inf")]
    for _ in range(5000):
        r = rng.random()
        if r < 0.4:
            out.append(struct.unpack("d", struct.pack("Q", rng.getrandbits(64)))[0])
        elif r < 0.7:
            out.append(round(rng.uniform(-1e6, 1e9), rng.randint(0, 6)))
        else:
            out.append(rng.random() * 10 ** rng.randint(-30, 30))
    return out


def test_duckdb_csv_is_the_csv_module_s(tmp_path):
    rng = random.Random(7)
    texts, numbers = _texts(rng), _numbers(rng)
    n = max(len(texts), len(numbers))
    store = Store(str(tmp_path), threads=2)
    c = store.con
    c.execute("INSERT INTO files (path, source_file, sha256, status) VALUES ('a.txt', 'a.txt', 'f' , 'done')")
    recs = [{"report_id": f"r{i:05d}", "source_file": texts[i % len(texts)], "source_sha256": "f", "report_seq": i,
             "kecamatan": texts[(i * 7) % len(texts)], "year": rng.choice([None, 2024, -1]),
             "quality_score": numbers[i % len(numbers)], "warnings": texts[(i * 3) % len(texts)]} for i in range(n)]
    c.register("_in", records_table(TABLES["reports"], recs))
    c.execute("INSERT INTO reports SELECT * FROM _in")
    for name in ("reports", "files"):
        want = tmp_path / f"{name}.want.csv"
        write_csv(str(want), export_columns(name), c.sql(_query(name)).to_arrow_reader(BATCH))
        got = tmp_path / f"{name}.got.csv"
        c.execute(_csv_copy(name, str(got)))
        assert got.read_bytes() == want.read_bytes()
    store.close()
