"""A private Xvfb server for the tests that run the real program on X11.

The tests used to wrap each program in ``xvfb-run``. That script replaces the program's exit code
with its own (5) whenever removing its temporary authority folder fails, which happened on CI
after the program had exited correctly; a test of exit codes must not depend on it. Here Xvfb
is started directly: ``-displayfd`` makes the server choose a free display and write its number,
so parallel runs never collide, and no authority file is needed for a server only this user's
local programs reach.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def virtual_screen(width: int = 1400, height: int = 900) -> Iterator[str]:
    """Run Xvfb for the duration of the block and yield its display name (``":N"``)."""
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is needed (apt-get install xvfb)"
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
        pass_fds=(write_end,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as announced:
            number = announced.readline().strip()
        assert number.isdigit(), f"Xvfb did not start (exit code {server.poll()})"
        yield f":{number.decode()}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
