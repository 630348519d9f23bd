import csv
import os

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "corpus", "seeds")
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory):
    """The pipeline run once over the shipped seed reports."""
    from lkj.pipeline import run

    out = tmp_path_factory.mktemp("seeds_run")
    summary = run([SEEDS], str(out))
    return {
        "dir": str(out),
        "summary": summary,
        "reports": read_csv(os.path.join(out, "reports.csv")),
        "rows": read_csv(os.path.join(out, "rows.csv")),
        "anomalies": read_csv(os.path.join(out, "anomalies.csv")),
        "failures": read_csv(os.path.join(out, "failures.csv")),
    }


def seed(prefix):
    for f in sorted(os.listdir(SEEDS)):
        if f.startswith(prefix):
            return f
    raise FileNotFoundError(prefix)


@pytest.fixture
def rows_of(seeds_run):
    def get(prefix, **where):
        src = seed(prefix)
        out = [r for r in seeds_run["rows"] if r["source_file"] == src]
        for k, v in where.items():
            out = [r for r in out if r.get(k) == str(v)]
        return out
    return get


@pytest.fixture
def anomalies_of(seeds_run):
    def get(prefix, rule=None, report_seq=None):
        src = seed(prefix)
        out = [a for a in seeds_run["anomalies"] if a["source_file"] == src]
        if rule:
            out = [a for a in out if a["rule"] == rule]
        if report_seq is not None:
            out = [a for a in out if a["report_seq"] == str(report_seq)]
        return out
    return get
