"""Drives the running program by keys on a real X server, as a person would (issue 9).

Run on a private Xvfb screen by ``test_xvfb_window.py``: starts ``python -m gui ARTICLE``, waits for
the window to finish annotating, then with ``xdotool`` (X11 key events through XTEST, Arabic
typed through the keymap as an Arabic layout would): Ctrl+F, the filter words, Tab into the
outline, Down to the first quote, F2, the speaker's name, Enter, Ctrl+S, Ctrl+Q. Prints the
program's exit code; the test then reads the saved file.

    python x11_driver.py ARTICLE FILTER NAME
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def xdotool(*args: str) -> str:
    return subprocess.run(["xdotool", *args], capture_output=True, text=True, check=False).stdout


def wait(what: str, predicate: Callable[[], T | None], timeout: float = 90.0) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    raise SystemExit(f"timed out waiting for {what}")


def main(article: Path, words: str, name: str) -> int:
    log = article.with_name("program.log").open("w", encoding="utf-8")
    saved = article.with_name(article.stem + ".iqtibas.json")
    before = saved.stat().st_mtime_ns if saved.exists() else None
    program = subprocess.Popen(
        [sys.executable, "-m", "gui", str(article), "--annotator", "mona", "--no-recovery", "--size", "1300x850"],
        stdout=log, stderr=log,
    )

    def annotated_window() -> str | None:
        found = xdotool("search", "--name", f"^{article.name}.*Iqtibas$").split()
        if not found:
            return None
        return found[0] if "annotating" not in xdotool("getwindowname", found[0]) else None

    window = wait("the annotated window", annotated_window)
    time.sleep(1.0)  # let the outline and the highlights settle
    xdotool("windowfocus", "--sync", window)
    time.sleep(0.5)

    def keys(*names: str) -> None:
        for key in names:
            xdotool("key", "--clearmodifiers", key)
            time.sleep(0.3)

    def typed(text: str) -> None:
        xdotool("type", "--delay", "120", text)
        time.sleep(0.6)

    keys("ctrl+f")
    typed(words)
    time.sleep(0.5)  # the filter applies after a short pause
    keys("Tab", "Down", "F2")
    typed(name)
    keys("Return", "ctrl+s")
    wait("the saved file", lambda: saved.exists() and saved.stat().st_mtime_ns != before, 30)
    time.sleep(0.5)
    keys("ctrl+q")
    code = program.wait(60)
    print(f"exit {code}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2], sys.argv[3]))
