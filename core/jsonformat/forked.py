"""Checking a saved annotation file in a forked process while the window starts (POSIX).

Why: of the time a saved 1 MB article (22,000 annotations) takes from launch to usable, about
0.12 s goes to making sure the file is safe and valid — the guarded parse (``core.safejson``:
no NaN, no over-long numbers, no lone surrogates, bounded nesting; ~30 ms more than a plain
``json.loads``), the JSON Schema check (~35 ms) and the consistency checks (~20 ms), with the
decoding — while the same process spends about 0.15 s importing Qt and building the window
with the second core idle. The window's entry calls ``check_in_fork`` before Qt is imported
(forking a process that runs Qt's threads is unsafe). It reads the file's bytes once; a
forked child checks exactly those bytes and writes its verdict to a pipe — valid, or the
problem ``load_document`` would raise, word for word — and exits. The window's process goes on
importing Qt and building the window; ``ForkedCheck.load`` then parses the same bytes with plain
``json.loads`` (for any file the guarded parse accepts it returns the same data), builds the
document without checks (``document_from_checked``) and only then waits for the verdict: a
refused file raises the same ``AnnotationFileError`` as the sequential load, before anything of
it is shown or editable, and whatever the unchecked build made of it is dropped.

Sending the built document back instead was measured and left: unpickling it costs ~70 ms.

Anything unusual falls back to the sequential load of the same bytes, so the result is always
what ``load_document`` gives: no ``os.fork`` (Windows), a file that cannot be read or is too
large, a child that dies or answers nonsense, a build that fails on a file the child passed.

Measured on a saved 1 MB file (22,000 annotations), launch to usable, medians of 7: with both
cores free for the program (the benchmark run at real-time priority on a busy 2-core machine)
0.405 s instead of 0.490 s (3.2x instead of 3.8x a bare QPlainTextEdit's 0.128 s); the window's
process spends 0.42 s of CPU instead of 0.51 s. Where the cores are busy with other work the two
processes only take turns and the second parse costs: 0.57 s instead of 0.49 s. So the window
forks only when a core is idle (``gui.document.opening``).
"""

from __future__ import annotations

import contextlib
import json
import marshal
import os
import signal
from pathlib import Path
from typing import Any

from core.errors import AnnotationFileError, InputError
from core.jsonformat.codec import check_file_text, document_from_checked, load_document, loads_document
from core.loading import decode_utf8, read_regular_file
from core.model import Document

_VALID = "valid"
_REFUSED = "refused"
_UNEXPECTED = "unexpected"  # not the file's fault: the sequential load says what it is


def check_in_fork(path: str | Path, *, max_bytes: int) -> ForkedCheck | None:
    """Start checking the annotation file ``path`` in a child process; None where that is not
    possible or not worth it (no ``os.fork``, unreadable, larger than ``max_bytes``): the
    caller then loads it the usual way, which reports any problem itself."""
    fork = getattr(os, "fork", None)
    if fork is None or not _single_threaded():
        return None
    path = Path(path)
    try:
        raw = read_regular_file(path, AnnotationFileError, "not an annotation file", limit=max_bytes)
    except InputError:
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    try:
        pid = fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: check, answer, and leave without running anything of the parent's
        code = 1
        try:
            os.close(read_end)
            _write_all(write_end, marshal.dumps(_verdict(raw, str(path))))
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return ForkedCheck(path, raw, pid, read_end)


def _verdict(raw: bytes, path: str) -> tuple[str, str]:
    try:
        check_file_text(decode_utf8(raw, path, AnnotationFileError), path)
    except AnnotationFileError as refused:
        return _REFUSED, refused.reason
    except Exception:  # a bug, not the file: the parent's sequential load reports it
        return _UNEXPECTED, ""
    return _VALID, ""


def _write_all(fd: int, payload: bytes) -> None:
    while payload:
        payload = payload[os.write(fd, payload) :]


class ForkedCheck:
    """The child checking one file, and that file's bytes; ``load`` uses both, once."""

    def __init__(self, path: Path, raw: bytes, pid: int, verdict_fd: int) -> None:
        self.path = path
        self._raw: bytes | None = raw
        self._pid = pid
        self._fd = verdict_fd

    @property
    def pending(self) -> bool:
        """Whether ``load`` would still use the child's verdict."""
        return self._raw is not None

    def load(self, path: str | Path) -> Document:
        """``load_document(path)``, using the child's verdict when ``path`` is the checked file.

        Raises:
            AnnotationFileError: as ``load_document``, in the same words.
        """
        raw = self._raw
        if raw is None or Path(path) != self.path:
            self.discard()
            return load_document(path)
        self._raw = None
        name = str(self.path)
        built: Document | None
        try:
            built = document_from_checked(json.loads(decode_utf8(raw, name, AnnotationFileError)), name)
        except Exception:  # unchecked data may break anything; the verdict decides
            built = None
        kind, reason = self._receive()
        if kind == _REFUSED:
            raise AnnotationFileError(name, reason)
        if kind == _VALID and built is not None:
            return built
        return loads_document(decode_utf8(raw, name, AnnotationFileError), name)

    def discard(self) -> None:
        """Stop the child if it is still at work (its verdict is no longer wanted)."""
        if self._raw is None:
            return
        self._raw = None
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.kill(self._pid, signal.SIGKILL)
        self._receive()

    def _receive(self) -> tuple[str, str]:
        """The child's verdict (``_UNEXPECTED`` if it gave none), once it has exited."""
        chunks = []
        try:
            while chunk := os.read(self._fd, 65536):
                chunks.append(chunk)
        except OSError:
            chunks = []
        finally:
            os.close(self._fd)
            _reap(self._pid)
        try:
            verdict: Any = marshal.loads(b"".join(chunks))
        except (EOFError, ValueError, TypeError):
            return _UNEXPECTED, ""
        if isinstance(verdict, tuple) and len(verdict) == 2 and all(isinstance(part, str) for part in verdict):
            return verdict[0], verdict[1]
        return _UNEXPECTED, ""


def _reap(pid: int) -> None:
    with contextlib.suppress(ChildProcessError):  # already reaped
        os.waitpid(pid, 0)


def _single_threaded() -> bool:
    """Whether this process runs one thread (Qt's and others' included, where ``/proc`` tells):
    a fork copies only the calling thread, and a lock another thread held stays locked."""
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        import threading

        return threading.active_count() == 1
