"""A small run folder made once by the pipeline (a Word-export PDF and the same report as text), copied
for each test that writes; the server and a headless Chromium (Debian's, through Playwright)."""
import shutil

import pytest
from serve.serving import PDF, TEXT, make_app


@pytest.fixture(scope="session")
def made_run(tmp_path_factory):
    from lkj.pipeline import run
    from lkj.settings import resolve

    out = str(tmp_path_factory.mktemp("run") / "run")
    run([PDF, TEXT], out, resolve(1))
    return out


@pytest.fixture
def run_dir(made_run, tmp_path):
    d = str(tmp_path / "run")
    shutil.copytree(made_run, d)
    return d


@pytest.fixture
def client(run_dir):
    from fastapi.testclient import TestClient

    with TestClient(make_app(run_dir)) as c:
        yield c


@pytest.fixture(scope="session")
def chromium():
    from lkj.serve.browser import browser, chromium_path

    if chromium_path() is None:
        pytest.fail("Debian's chromium is missing: `make system-deps` installs it")
    with browser() as ctx:
        yield ctx
