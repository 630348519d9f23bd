"""The dataset's Arrow tables are built without pa.array (which imports pandas): the same arrays."""
import subprocess
import sys

import pytest


@pytest.mark.parametrize("kind, values", [
    ("string", ["a", None, "", "Kecamatan Şişli — ü", None, "x" * 10_000]),
    ("string", []),
    ("string", [None, None]),
    ("integer", [1, None, -2**63, 2**63 - 1, 0, None, 7]),
    ("integer", [3, 4, 5]),
    ("integer", [None] * 17),
    ("number", [1.5, None, float("nan"), -0.0, 1e308, None]),
    ("number", [0.1, 0.2]),
    ("number", []),
    ("binary", [b"\x00\xff", None, b"", b"abc"]),
    ("binary", [b"abc"]),
])
def test_arrow_array_is_pa_array(kind, values):
    import pyarrow as pa

    from lkj.dataset.writers import arrow_array

    t = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "binary": pa.binary()}[kind]
    got, want = arrow_array(kind, values), pa.array(values, t)
    got.validate(full=True)
    assert got.type == want.type and got.null_count == want.null_count
    assert got.to_pylist().__repr__() == want.to_pylist().__repr__()      # NaN and -0.0 as they were


def test_records_table_imports_no_pandas():
    code = ("import sys\nfrom lkj.dataset.schema import TABLES\nfrom lkj.dataset.writers import records_table, table_bytes\n"
            "t = records_table(TABLES['reports'], [{'report_id': 'r', 'report_seq': 1, 'quality_score': None}])\n"
            "table_bytes(t)\nassert t.num_rows == 1\nprint('pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"
