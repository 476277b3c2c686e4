"""Issue 9, item 10: told to stop (SIGTERM, SIGHUP, Ctrl+C), the program keeps unsaved work in
the recovery folder and exits cleanly, its helper process with it: no ``resource_tracker …
leaked semaphore`` warning, nothing left running."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.gui.helpers import sample_text

pytestmark = pytest.mark.gui


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split() if (task / "children").exists() else []
        found.extend(int(child) for child in children)
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="reads child processes from /proc (Linux)")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT])
def test_a_terminating_signal_ends_the_program_and_its_helper_cleanly(tmp_path: Path, number: int) -> None:
    article = tmp_path / "wadi.txt"
    article.write_text(sample_text(), encoding="utf-8")
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    program = subprocess.Popen(
        [sys.executable, "-m", "gui", str(article), "--no-recovery"], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        helpers: list[int] = []
        while time.monotonic() < deadline and len(helpers) < 2:  # the resource tracker and the helper
            time.sleep(0.2)
            helpers = _children(program.pid)
        assert len(helpers) >= 2, "the helper process never started"
        time.sleep(1.0)
        program.send_signal(number)
        _out, err = program.communicate(timeout=60)
    finally:
        if program.poll() is None:
            program.kill()
    assert program.returncode == 0, err
    assert "leaked" not in err and "Traceback" not in err, err
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(helpers):
        time.sleep(0.2)
    assert not _alive(helpers), [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in _alive(helpers)]


def _alive(pids: list[int]) -> list[int]:
    """Those of ``pids`` still running (a zombie waiting to be reaped does not count)."""
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def test_terminating_keeps_unsaved_work_for_the_next_start(qapp: Any, tmp_path: Path, dialog_log: Any, qtbot: Any) -> None:
    from gui.application.app import Application, build_parser
    from tests.e2e.conftest import open_and_wait

    article = tmp_path / "wadi.txt"
    article.write_text(sample_text(), encoding="utf-8")
    application = Application(build_parser().parse_args(["--no-recovery"]))
    window = application.window
    qtbot.addWidget(window)
    window.show()
    open_and_wait(qtbot, window, article)
    session = window.workspace.session
    session.set_status(session.document.of_type("quote")[0].id, "rejected")
    assert window.workspace.is_modified
    application.terminate(signal.SIGTERM)
    assert not window.isVisible()
    assert ("unsaved", "wadi.txt") not in dialog_log  # nobody was asked
    entries = window.files.recovery.entries()
    assert [entry.name for entry in entries] == ["wadi.txt"]
    assert window.files.recovery.load(entries[0]).annotations == session.document.annotations
