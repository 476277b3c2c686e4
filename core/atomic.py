"""Crash-safe file writing.

A save must never leave the user's file half-written: we write a temporary file in the same
folder (same file system, so the final rename is atomic), flush and fsync it, keep the previous
version as a backup, then ``os.replace`` the temporary file over the target and fsync the folder.
Killing the process at any instant leaves either the old file or the new one, never a mix.

A kill does leave the temporary file behind (``.NAME.x1y2z3w4.tmp``). Each writer holds an
exclusive ``flock`` on its temporary file while it writes, and the kernel drops the lock when the
process ends however it ends; so the next save of the same target removes the temporaries of
that target nobody holds any more — those of a writer that died — and never one another process
is still writing. (Where ``flock`` does not exist, only temporaries more than an hour old go.)

``atomic_write_files`` replaces several files together (brat's ``.txt`` and ``.ann``): every
temporary file is written first, then they are renamed; if a rename fails, the files already
replaced get their previous content back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from core.errors import SaveError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BACKUP_SUFFIX = ".bak"
TEMPORARY_SUFFIX = ".tmp"
# File systems allow 255 bytes per name; a temporary adds a dot, 8 random characters and
# ".tmp" to the name it stands for, so names longer than this are shortened (with a hash).
_MAX_TEMPORARY_STEM_BYTES = 200
_UNLOCKED_STALE_SECONDS = 3600.0


def backup_path(path: str | Path) -> Path:
    """Where the previous version of ``path`` is kept."""
    path = Path(path)
    return path.with_name(path.name + BACKUP_SUFFIX)


def _temporary_stem(name: str) -> str:
    """``.NAME``, shortened to a prefix plus a hash when ``NAME`` is long, always the same for a name."""
    encoded = os.fsencode(name)
    if len(encoded) <= _MAX_TEMPORARY_STEM_BYTES:
        return "." + name
    import hashlib  # here: it loads OpenSSL, needed for over-long names only

    digest = hashlib.sha256(encoded).hexdigest()[:10]
    cut = encoded[: _MAX_TEMPORARY_STEM_BYTES - 20].decode("utf-8", "ignore")
    return f".{cut}~{digest}"


def temporary_pattern(path: str | Path) -> re.Pattern[str]:
    """The names of the temporary files of ``path`` and of its backup."""
    name = Path(path).name
    stems = {_temporary_stem(name), _temporary_stem(name + BACKUP_SUFFIX)}
    alternatives = "|".join(re.escape(stem) for stem in sorted(stems))
    return re.compile(rf"(?:{alternatives})\.[A-Za-z0-9_]{{8}}{re.escape(TEMPORARY_SUFFIX)}")


def _create_temporary(target: Path) -> tuple[int, str]:
    """A new temporary file beside ``target``, locked for as long as its descriptor is open."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(
        prefix=_temporary_stem(target.name) + ".", suffix=TEMPORARY_SUFFIX, dir=folder
    )
    if fcntl is not None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return fd, temporary


def remove_stale_temporaries(path: str | Path) -> list[Path]:
    """Remove the temporary files a dead writer left for ``path`` (and its backup); returns them.

    A temporary is stale when no process holds its lock. One that is still empty is left for an
    hour: its writer may have created it an instant ago and not locked it yet.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    pattern = temporary_pattern(path)
    removed: list[Path] = []
    try:
        names = [name for name in os.listdir(folder) if pattern.fullmatch(name)]
    except OSError:
        return removed
    now = time.time()
    for name in names:
        candidate = folder / name
        try:
            fd = os.open(candidate, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except OSError:
            continue
        try:
            info = os.fstat(fd)
            old = now - info.st_mtime > _UNLOCKED_STALE_SECONDS
            if fcntl is None:
                stale = old
            else:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # a living writer holds it
                stale = info.st_size > 0 or old
            if stale:
                with contextlib.suppress(OSError):
                    os.unlink(candidate)
                    removed.append(candidate)
        finally:
            os.close(fd)
    return removed


def atomic_write_bytes(path: str | Path, data: bytes, *, keep_backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; the old version becomes ``path.bak``.

    Raises:
        SaveError: nothing was changed on disk (a stray temporary file is removed).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    temporary: str | None = None
    try:
        if path.is_dir():
            raise SaveError(path, "cannot save: is a folder")
        remove_stale_temporaries(path)
        temporary = _write_temporary(path, data)
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(temporary, path.stat().st_mode & 0o7777)
            if keep_backup:
                _write_backup(path)
        else:
            # mkstemp creates 0600 files; a new file gets the usual permissions (umask applied).
            with contextlib.suppress(OSError):
                os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, path)
        temporary = None
        _fsync_folder(folder)
    except OSError as error:
        raise SaveError(path, f"cannot save: {describe_os_error(error)}") from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _write_temporary(path: Path, data: bytes) -> str:
    """A flushed, fsynced temporary file beside ``path`` holding ``data``; removed on failure."""
    fd, temporary = _create_temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def encode_text(path: str | Path, text: str) -> bytes:
    """``text`` as UTF-8, or ``SaveError`` when it holds a lone surrogate (which is not text)."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        code = ord(text[error.start])
        raise SaveError(
            path, f"cannot save: the text holds a lone surrogate (\\u{code:04x}), which is not valid Unicode"
        ) from None


def atomic_write_text(path: str | Path, text: str, *, keep_backup: bool = True) -> None:
    """``atomic_write_bytes`` for UTF-8 text."""
    atomic_write_bytes(path, encode_text(path, text), keep_backup=keep_backup)


def atomic_write_files(files: Sequence[tuple[Path, bytes]]) -> None:
    """Replace every ``(path, data)`` of ``files`` together, or none of them (no backups).

    Raises:
        SaveError: naming the file that could not be written; every file is as it was.
    """
    prepared: list[tuple[Path, str]] = []
    current: Path | None = None
    try:
        for path, data in files:
            current = path
            if path.is_dir():
                raise SaveError(path, "cannot save: is a folder")
            remove_stale_temporaries(path)
            prepared.append((path, _write_temporary(path, data)))
    except OSError as error:
        for _, temporary in prepared:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise SaveError(current or "?", f"cannot save: {describe_os_error(error)}") from error
    except BaseException:
        for _, temporary in prepared:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    replaced: list[tuple[Path, bytes | None]] = []
    for index, (path, temporary) in enumerate(prepared):
        try:
            previous = path.read_bytes() if path.exists() else None
            if not path.exists():
                with contextlib.suppress(OSError):
                    os.chmod(temporary, 0o666 & ~_umask())
            os.replace(temporary, path)
        except OSError as error:
            for _, left in prepared[index:]:
                with contextlib.suppress(OSError):
                    os.unlink(left)
            _roll_back(replaced)
            raise SaveError(path, f"cannot save: {describe_os_error(error)}") from error
        replaced.append((path, previous))
    for folder in {path.parent for path, _ in prepared}:
        _fsync_folder(folder if str(folder) else Path("."))


def _roll_back(replaced: list[tuple[Path, bytes | None]]) -> None:
    """Give files replaced by an unfinished ``atomic_write_files`` their previous content."""
    for path, previous in reversed(replaced):
        with contextlib.suppress(OSError, SaveError):
            if previous is None:
                os.unlink(path)
            else:
                atomic_write_bytes(path, previous, keep_backup=False)


def describe_os_error(error: OSError) -> str:
    """An operating-system error in a few words, without Python's wrapping."""
    if error.errno == errno.ENAMETOOLONG:
        return "the file name is too long for this file system"
    return str(error.strerror or error)


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def _write_backup(path: Path) -> None:
    """Copy the current file to ``.bak`` atomically too, so the backup is never half-written."""
    target = backup_path(path)
    if len(os.fsencode(target.name)) > 255:
        raise SaveError(
            path, "cannot save: the name is too long to keep the previous version beside it as .bak; "
            "save under a shorter name"
        )
    fd, temporary = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as handle, open(path, "rb") as source:
            shutil.copyfileobj(source, handle)
            handle.flush()
            os.fsync(handle.fileno())
            # The backup is the file as it was, permissions too (mkstemp made it 0600).
            with contextlib.suppress(OSError):
                os.chmod(temporary, os.fstat(source.fileno()).st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
