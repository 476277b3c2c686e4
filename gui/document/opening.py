"""Where the window loads a saved annotation file, and the check it starts before Qt is imported.

The window's entry calls ``check_early`` with its command-line argument before it imports Qt
(so this module imports none): for a saved annotation file the window will load in its own
process, the file's checks run in a forked child meanwhile (``core.jsonformat.forked`` says why
and what it gains), and ``FileController`` loads it with ``ForkedCheck.load``.
"""

from __future__ import annotations

import os
from pathlib import Path

from core.articles import is_annotation_path
from core.jsonformat import annotation_path_for
from core.jsonformat.forked import ForkedCheck, check_in_fork
from core.loading import path_exists

# Annotation files up to this size (about a 1.5 MB article) load in the window's own process:
# starting the helper and sending the document back would cost more than loading it (measured
# with ``benchmarks/bench_gui.py``). A larger one loads in the helper process.
IN_PROCESS_LIMIT = 12_000_000


FORK_ENV = "IQTIBAS_CHECK_IN_FORK"
"""``1`` always checks in a forked process, ``0`` never; unset: when a core is to spare."""


def check_early(argument: str | None) -> ForkedCheck | None:
    """The forked check of the annotation file that opening ``argument`` will load in-process
    (the file itself, or the one saved beside an article); None if there is none to start or a
    second process would not run beside this one."""
    if not argument or not _worth_forking():
        return None
    path = Path(argument)
    saved = path if is_annotation_path(path) else annotation_path_for(path)
    if not path_exists(saved):
        return None
    return check_in_fork(saved, max_bytes=IN_PROCESS_LIMIT)


def _worth_forking() -> bool:
    """Whether a core is idle for the check: otherwise the two processes take turns on the busy
    cores and the check's own cost (it parses the file a second time) only adds to the wait —
    measured: +0.08 s on a 2-core machine running other work (``core.jsonformat.forked``)."""
    chosen = os.environ.get(FORK_ENV, "").strip()
    if chosen in ("0", "1"):
        return chosen == "1"
    try:
        cores = len(os.sched_getaffinity(0))
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):
        return False  # no way to tell (Windows has no fork either)
    return cores >= 2 and busy <= cores - 1
