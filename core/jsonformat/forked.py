"""Checking a saved annotation file in a forked process while the window starts (POSIX).

Why: of the time a saved 1 MB article (22,000 annotations) takes from launch to usable, about
0.12 s goes to making sure the file is safe and valid — the guarded parse (``core.safejson``:
no NaN, no over-long numbers, no lone surrogates, bounded nesting; ~30 ms more than a plain
``json.loads``), the JSON Schema check (~35 ms) and the consistency checks (~20 ms), with the
decoding — while the same process spends about 0.15 s importing Qt and building the window
with the second core idle. The window's entry calls ``check_in_fork`` before Qt is imported
(forking a process that runs Qt's threads is unsafe). A forked child reads the file, parses
its bytes as ``load_document`` does, hands the parsed data to the window's process (below),
checks it and writes its verdict to a pipe — valid, or the problem ``load_document`` would raise,
word for word — and exits. The window's process goes on importing Qt and building the window
without reading the file at all; ``ForkedCheck.load`` then takes the parsed data, builds the
document without checks (``document_from_checked``) and only then waits for the verdict: a
refused file raises the same ``AnnotationFileError`` as the sequential load, before anything of
it is shown or editable, and whatever the unchecked build made of it is dropped. The verdict
and the data are always about the same bytes: those the child read.

The parsed data travels through memory the two processes share (an anonymous ``mmap`` made
before the fork), marshalled by the child before it checks: loading it costs the window's
process ~28 ms where decoding and parsing the 1 MB article's 7.7 MB file with ``json.loads``
cost ~51 ms. Measured from launch on a quiet 2-core machine: the child has handed the data over
at ~0.15 s and answers at ~0.23 s; the window asks for the data at ~0.19 s and has built the
document at ~0.26 s, so it never waits for either. Sending the built document back instead was
measured and left: unpickling it costs ~70 ms.

Anything unusual falls back to the sequential load (``load_document``, which reads the file
itself), so the result is always what ``load_document`` gives: no ``os.fork`` (Windows), a file
that is not a regular file or is too large, a child that cannot read it, dies or answers
nonsense, data that does not fit the shared memory (``marshal`` can take three times the JSON's
bytes: ``0,`` is 2 bytes of text, 5 marshalled), a build that fails on a file the child passed.

Measured on a saved 1 MB file (22,000 annotations), launch to usable, medians of 7: with both
cores free for the program (the benchmark run at real-time priority on a busy 2-core machine)
0.405 s instead of 0.490 s (3.2x instead of 3.8x a bare QPlainTextEdit's 0.128 s); the window's
process spends 0.42 s of CPU instead of 0.51 s. Where the cores are busy with other work the two
processes only take turns and the second parse costs: 0.57 s instead of 0.49 s. So the window
forks only when a core is idle (``gui.document.opening``).
"""

from __future__ import annotations

import contextlib
import marshal
import mmap
import os
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from core.errors import AnnotationFileError, InputError
from core.jsonformat.codec import check_file_data, document_from_checked, load_document, parse_file_text
from core.loading import decode_utf8, read_regular_file
from core.model import Document

_VALID = "valid"
_REFUSED = "refused"
_UNEXPECTED = "unexpected"  # not the file's fault: the sequential load says what it is
# Room for the marshalled data, per byte of the file (see the module's docstring).
PARSED_ROOM = 3
_LENGTH_BYTES = 8


def check_in_fork(path: str | Path, *, max_bytes: int) -> ForkedCheck | None:
    """Start checking the annotation file ``path`` in a child process; None where that is not
    possible or not worth it (no ``os.fork``, not a regular file, larger than ``max_bytes``):
    the caller then loads it the usual way, which reports any problem itself."""
    fork = getattr(os, "fork", None)
    if fork is None or not _single_threaded():
        return None
    path = Path(path)
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > max_bytes:
        return None
    try:
        shared = mmap.mmap(-1, max(1, PARSED_ROOM * info.st_size))
    except (OSError, ValueError):
        return None
    try:
        read_end, write_end = os.pipe()
    except OSError:
        shared.close()
        return None
    try:
        pid = fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        shared.close()
        return None
    if pid == 0:  # the child: read, parse, hand over, check, answer, and leave without running anything of the parent's
        code = 1
        try:
            os.close(read_end)
            for message in _answers(path, max_bytes, shared):
                _write_all(write_end, message)
            code = 0
        finally:
            os._exit(code)
    os.close(write_end)
    return ForkedCheck(path, pid, read_end, shared)


def _answers(path: Path, max_bytes: int, shared: mmap.mmap) -> Iterator[bytes]:
    """The child's two messages: the length of the parsed data it put in ``shared`` (0: none),
    then its verdict."""
    name = str(path)
    try:
        raw = read_regular_file(path, AnnotationFileError, "not an annotation file", limit=max_bytes)
    except InputError:  # changed since it was looked at: the sequential load says what it is now
        yield _length(0)
        yield marshal.dumps((_UNEXPECTED, ""))
        return
    try:
        data = parse_file_text(decode_utf8(raw, name, AnnotationFileError), name)
    except AnnotationFileError as refused:
        yield _length(0)
        yield marshal.dumps((_REFUSED, refused.reason))
        return
    except Exception:  # a bug, not the file: the parent's sequential load reports it
        yield _length(0)
        yield marshal.dumps((_UNEXPECTED, ""))
        return
    yield _length(_hand_over(data, shared))
    try:
        check_file_data(data, name)
    except AnnotationFileError as refused:
        yield marshal.dumps((_REFUSED, refused.reason))
        return
    except Exception:
        yield marshal.dumps((_UNEXPECTED, ""))
        return
    yield marshal.dumps((_VALID, ""))


def _hand_over(data: Any, shared: mmap.mmap) -> int:
    """Put ``data``, marshalled, at the start of ``shared``; its length, or 0 if it does not fit."""
    try:
        blob = marshal.dumps(data)
    except ValueError:  # not marshallable (parsed JSON always is): the parent parses it itself
        return 0
    if not blob or len(blob) > len(shared):
        return 0
    shared[: len(blob)] = blob
    return len(blob)


def _length(length: int) -> bytes:
    return length.to_bytes(_LENGTH_BYTES, "little")


def _write_all(fd: int, payload: bytes) -> None:
    while payload:
        payload = payload[os.write(fd, payload) :]


class ForkedCheck:
    """The child checking one file; ``load`` uses its data and verdict, once."""

    def __init__(self, path: Path, pid: int, answer_fd: int, shared: mmap.mmap) -> None:
        self.path = path
        self._pending = True
        self._pid = pid
        self._fd = answer_fd
        self._shared = shared

    @property
    def pending(self) -> bool:
        """Whether ``load`` would still use the child's verdict."""
        return self._pending

    def load(self, path: str | Path) -> Document:
        """``load_document(path)``, using the child's verdict when ``path`` is the checked file.

        Raises:
            AnnotationFileError: as ``load_document``, in the same words.
        """
        if not self._pending or Path(path) != self.path:
            self.discard()
            return load_document(path)
        self._pending = False
        name = str(self.path)
        built: Document | None = None
        try:
            data = self._parsed()
            if data is not None:
                built = document_from_checked(data, name)
        except Exception:  # unchecked data may break anything; the verdict decides
            built = None
        kind, reason = self._receive()
        if kind == _REFUSED:
            raise AnnotationFileError(name, reason)
        if kind == _VALID and built is not None:
            return built
        return load_document(self.path)

    def discard(self) -> None:
        """Stop the child if it is still at work (its verdict is no longer wanted)."""
        if not self._pending:
            return
        self._pending = False
        with contextlib.suppress(ProcessLookupError):  # already gone
            os.kill(self._pid, signal.SIGKILL)
        self._receive()

    def _parsed(self) -> Any:
        """The parsed data the child handed over (waiting for it), or None if it gave none."""
        try:
            head = _read_exactly(self._fd, _LENGTH_BYTES)
            length = int.from_bytes(head, "little") if len(head) == _LENGTH_BYTES else 0
            if not 0 < length <= len(self._shared):
                return None
            with memoryview(self._shared) as view, view[:length] as blob:
                return marshal.loads(blob)
        finally:
            self._shared.close()

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
            self._shared.close()
            _reap(self._pid)
        try:
            verdict: Any = marshal.loads(b"".join(chunks))
        except (EOFError, ValueError, TypeError):
            return _UNEXPECTED, ""
        if isinstance(verdict, tuple) and len(verdict) == 2 and all(isinstance(part, str) for part in verdict):
            return verdict[0], verdict[1]
        return _UNEXPECTED, ""


def _read_exactly(fd: int, count: int) -> bytes:
    """``count`` bytes from ``fd``, fewer if it ends first."""
    chunks: list[bytes] = []
    while count > 0 and (chunk := os.read(fd, count)):
        chunks.append(chunk)
        count -= len(chunk)
    return b"".join(chunks)


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
