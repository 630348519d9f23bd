"""Headless Chromium for the screenshot command and the browser tests: Debian's chromium
(/usr/bin/chromium, installed by `make system-deps`) driven by Playwright, which never downloads a
browser of its own here.  The flags keep Chromium off the network (no background requests, no
component updates, no sync) and let it run as root in a container."""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from contextlib import contextmanager

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--disable-default-apps", "--disable-extensions"]


def chromium_path() -> str | None:
    env = os.environ.get("LKJ_CHROMIUM")
    for p in ((env,) if env else ()) + CHROMIUM_CANDIDATES:
        if p and os.path.exists(p):
            return p
    return shutil.which("chromium")


@contextmanager
def browser():
    """A Playwright browser on Debian's chromium (a fresh empty profile each time)."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("no chromium found: run `make system-deps` (installs Debian's chromium)")
    profile = tempfile.mkdtemp(prefix="lkj-chromium-")
    try:
        with sync_playwright() as pw:
            ctx = pw.chromium.launch_persistent_context(profile, executable_path=exe, headless=True, args=FLAGS,
                                                        viewport={"width": 1500, "height": 900})
            try:
                yield ctx
            finally:
                ctx.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


class ServerThread:
    """`lkj serve` in a thread on a free loopback port (for the screenshot and the tests)."""

    def __init__(self, app):
        import socket

        import uvicorn

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> "ServerThread":
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline or not self.thread.is_alive():
                raise RuntimeError("lkj serve did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)
