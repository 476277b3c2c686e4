"""Helpers shared by the subcommands: expanding inputs, progress, writing outputs."""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from core.errors import InputError
from core.jsonformat import SUFFIX

ARTICLE_PATTERNS = ("*.txt",)


def expand_inputs(items: Iterable[str], *, want: str = "articles") -> list[tuple[Path, Path | None]]:
    """Files, folders (recursively) and globs as ``(path, root folder or None)`` pairs.

    ``want`` is ``articles`` (``*.txt``) or ``annotations`` (``*.iqtibas.json``). The root lets
    outputs keep the folder structure below it.
    """
    found: list[tuple[Path, Path | None]] = []
    seen: set[Path] = set()

    def add(path: Path, root: Path | None) -> None:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            found.append((path, root))

    for item in items:
        path = Path(item)
        if path.is_dir():
            pattern = "*.txt" if want == "articles" else f"*{SUFFIX}"
            matches = sorted(p for p in path.rglob(pattern) if p.is_file())
            if want == "articles":
                matches = [p for p in matches if not p.name.endswith(SUFFIX)]
            for match in matches:
                add(match, path)
            continue
        if any(char in item for char in "*?["):
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True))
            if not matches:
                raise InputError(item, "no file matches this pattern")
            for match in matches:
                if match.is_file():
                    add(match, None)
            continue
        add(path, None)
    return found


class Progress:
    """A one-line progress bar on a terminal; silent when output is redirected."""

    def __init__(self, total: int, stream: TextIO | None = None, label: str = "articles") -> None:
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        self.label = label
        self.enabled = total > 1 and hasattr(self.stream, "isatty") and self.stream.isatty()

    def step(self, note: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / self.total)
        bar = "#" * filled + "-" * (width - filled)
        note = note[-40:]
        self.stream.write(f"\r[{bar}] {self.done}/{self.total} {self.label} {note:<40}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 100 + "\r")
            self.stream.flush()


def default_jobs() -> int:
    return max(1, min(8, os.cpu_count() or 1))
