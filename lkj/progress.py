"""What a person watching a run sees: the files being read now (a long PDF's page), files done of
the total, files per minute, the time left, failures so far; and the way any text that comes from
an input (a file name, a failure reason) is shown.

Text from an input is never markup nor a terminal command: it is handed to Rich as plain `Text`
(a reason holding "[/...]" is shown as written), and control characters are shown escaped
(`safe`), never sent to the terminal.
"""
from __future__ import annotations

import re
import time

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def safe(s) -> str:
    """Text to show in a terminal: control characters (and bidirectional overrides) escaped."""
    s = "" if s is None else str(s)
    return _CONTROL.sub(lambda m: m.group(0).encode("unicode_escape").decode("ascii"), s)


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    h, rest = divmod(seconds, 3600)
    return f"{h}:{rest // 60:02d}:{rest % 60:02d}" if h else f"{rest // 60}:{rest % 60:02d}"


class Progress:
    """A one-line live view of a run on the console (Rich), fed the engine's events."""

    def __init__(self, console, enabled: bool = True):
        self.console = console
        self.enabled = enabled
        self.live = None
        self.total = self.todo = self.done = self.failed = 0
        self.reading: dict[int, tuple[str, int, int]] = {}
        self.t0 = time.monotonic()

    def begin(self, inputs: int, todo: int, already: int) -> None:
        self.total, self.todo, self.t0 = inputs, todo, time.monotonic()
        if not self.enabled:
            return
        if todo == 0:
            return
        from rich.live import Live

        self.live = Live(self._render(), console=self.console, transient=True, refresh_per_second=4)
        self.live.start()

    def line(self) -> str:
        el = time.monotonic() - self.t0
        rate = self.done / el * 60 if el > 0 and self.done else 0.0
        eta = (self.todo - self.done) / (rate / 60) if rate else None
        now = ", ".join(f"{safe(n)}" + (f" (page {p}/{k})" if k else "") for n, p, k in list(self.reading.values())[:3])
        parts = [f"{self.done}/{self.todo} files", f"{rate:.1f} files/min", f"ETA {_clock(eta) if eta is not None else '?'}",
                 f"{self.failed} failed"]
        return " · ".join(parts) + (f" · reading {now}" if now else "")

    def _render(self):
        from rich.progress_bar import ProgressBar
        from rich.table import Table
        from rich.text import Text

        g = Table.grid(padding=(0, 1))
        g.add_row(Text("lkj extract", style="bold"), ProgressBar(total=max(1, self.todo), completed=self.done, width=30),
                  Text(self.line(), no_wrap=True, overflow="ellipsis"))
        return g

    def event(self, ev) -> None:
        if ev.kind == "start":
            self.reading[ev.task.id] = (ev.task.name.rsplit("/", 1)[-1], 0, 0)
        elif ev.kind == "page":
            name = self.reading.get(ev.task.id, (ev.task.name, 0, 0))[0]
            self.reading[ev.task.id] = (name, ev.page, ev.pages)
        elif ev.kind == "done":
            self.reading.pop(ev.task.id, None)
            self.done += 1
            self.failed += ev.outcome.get("status") == "failed"
        if self.live is not None:
            self.live.update(self._render())

    def exporting(self) -> None:
        self.close()

    def close(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live = None
