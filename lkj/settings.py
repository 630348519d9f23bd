"""Settings resolved once, from the command line's flags and the environment, into the frozen
`model.settings.Settings` that every stage is given.  Nothing below this module reads the
environment."""
from __future__ import annotations

import os
from dataclasses import replace
from typing import Mapping

from lkj.model.errors import InputError
from lkj.model.settings import Settings

ENV_WORKERS = "LKJ_WORKERS"


def resolve(workers: int | None = None, environ: Mapping[str, str] | None = None, *,
            file_timeout: float | None = None, worker_memory_mb: int | None = None, **overrides) -> Settings:
    """The run's settings: `workers` from the flag, else LKJ_WORKERS, else one per core.  One worker
    means one process, OCR included; with more, a file read alone may spread its scanned pages over
    that many processes (the pipeline gives files read side by side one process each).
    `file_timeout` (seconds) and `worker_memory_mb` override the limits' defaults."""
    env = os.environ if environ is None else environ
    if workers is None:
        raw = env.get(ENV_WORKERS)
        if raw:
            try:
                workers = int(raw)
            except ValueError:
                raise InputError("settings", f"{ENV_WORKERS} must be a whole number, not {raw!r}") from None
        else:
            workers = os.cpu_count() or 1
    workers = max(1, workers)
    base = Settings(workers=workers, **overrides)
    limits = base.limits
    if file_timeout is not None:
        limits = replace(limits, file_timeout=float(file_timeout))
    if worker_memory_mb is not None:
        limits = replace(limits, worker_memory_mb=int(worker_memory_mb))
    return replace(base, ocr=replace(base.ocr, workers=workers), limits=limits)


def one_process_per_file(settings: Settings) -> Settings:
    """The settings a worker reading one of several files side by side is given: no processes of its own."""
    return replace(settings, workers=1, ocr=replace(settings.ocr, workers=1))
