"""The records the worker template (lkj/worker.py `template`) sends the run (lkj/engine.py
`Template`) on its control socket: a kind (R: ready, F: forked, X: exited), a pid and a wait
status, packed in nine bytes.  A module of its own, so that neither side imports the other."""
from __future__ import annotations

import struct

RECORD = struct.Struct("<cii")
