"""The helper process that loads and annotates articles never outlives the program."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and /proc are POSIX")

SCRIPT = """
import os, sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from gui.document.workers import Worker
worker = Worker()
pids = []
worker.submit(os.getpid, on_done=pids.append)
worker.wait()
print(pids[0], flush=True)
sys.stdin.readline()  # stay alive until the test kills us
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "\nState:\tZ" in status.read_text())  # a zombie has ended


def test_the_helper_process_ends_when_the_program_is_killed() -> None:
    program = subprocess.Popen(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert program.stdout is not None
    helper = int(program.stdout.readline())
    assert helper != program.pid and _alive(helper)
    program.send_signal(signal.SIGKILL)  # no clean-up code runs in the program
    program.wait()
    program.stdout.close()
    assert program.stdin is not None
    program.stdin.close()
    deadline = time.monotonic() + 15
    while _alive(helper) and time.monotonic() < deadline:
        time.sleep(0.1)
    alive = _alive(helper)
    if alive:
        os.kill(helper, signal.SIGKILL)
    assert not alive, "the helper process outlived the killed program"
