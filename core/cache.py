"""The per-user cache folder: things the program can always rebuild, kept to start faster.

Nothing in it is ever needed: a missing, unreadable or unwritable cache only costs the time to
rebuild what it held. ``IQTIBAS_CACHE_DIR`` overrides the place (tests, portable installs);
otherwise it follows the platform's convention for caches.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from core.atomic import atomic_write_bytes
from core.errors import SaveError


def cache_folder() -> Path:
    """Where this user's cache lives (it may not exist yet)."""
    override = os.environ.get("IQTIBAS_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base) / "Iqtibas" / "Cache" if base else Path.home() / "AppData" / "Local" / "Iqtibas" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "Iqtibas"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "iqtibas"


def read_cached(name: str) -> bytes | None:
    """The bytes cached under ``name``; None when there are none or they cannot be read."""
    try:
        return (cache_folder() / name).read_bytes()
    except OSError:
        return None


def write_cached(name: str, data: bytes) -> None:
    """Cache ``data`` under ``name``, atomically; a cache that cannot be written is skipped."""
    with contextlib.suppress(OSError, SaveError):
        folder = cache_folder()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(folder / name, data, keep_backup=False)
