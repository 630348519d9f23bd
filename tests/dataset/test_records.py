"""Output records follow dataset/schema.py, the contract's one authority."""
import pytest


def test_a_column_the_schema_lacks_is_an_error():
    from lkj.dataset.records import record

    assert record("failures", source_file="a.txt", source_sha256="", stage="read", error="x")["stage"] == "read"
    with pytest.raises(KeyError, match="not in dataset/schema.py"):
        record("failures", source_file="a.txt", colour="red")


def test_every_cell_of_the_seed_rows_is_in_the_cells_table(seeds_run):
    cells = seeds_run["cells"]
    by_row = {}
    for c in cells:
        by_row.setdefault(c["row_id"], {})[c["field"]] = c
    r = next(x for x in seeds_run["rows"] if x["kode"] == "7.01.01.2.06" and x["table_kind"] == "lra")
    mine = by_row[r["row_id"]]
    assert mine["pagu"]["raw"] == r["pagu_raw"] and mine["pagu"]["line"] == r["line"]
    # a text cell knows where in its line it stands
    start, end = int(mine["pagu"]["char_start"]), int(mine["pagu"]["char_end"])
    assert end - start == len(mine["pagu"]["raw"]) or end > start
    assert all(c["raw"] for c in cells)
