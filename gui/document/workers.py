"""Background work: run a function in a helper process, get its result back in the GUI thread.

Opening and auto-annotating an article is CPU-bound Python. In a thread it would share the
interpreter lock with the GUI thread, and the window would stall while it runs (measured: a 10 ms
timer fired twice in a second of annotation with the window open). A separate process keeps the
window fully responsive (the same timer fired every ~10 ms); the result — a ``Document`` or an
``OpenedArticle`` — comes back pickled. Functions must therefore be module-level (picklable),
and never touch widgets (Anki's rule: UI calls from workers crash Qt). Results and errors are
delivered to the GUI thread through a queued signal.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

if TYPE_CHECKING:  # imported when the first task starts: the window starts without them
    from concurrent.futures import Future, ProcessPoolExecutor

Callback = Callable[[Any], None]

# Where multiprocessing's resource tracker writes (``log_helpers_to``); None: the terminal.
_tracker_log: Path | None = None


def log_helpers_to(log_path: Path) -> None:
    """Send the messages of the helper processes' bookkeeping process to ``log_path``.

    That process (``multiprocessing``'s resource tracker) starts with the first helper process,
    not with the program: a window opening a saved file never needs it, and starting a Python
    process beside the window's first paint would slow it down.
    """
    global _tracker_log
    _tracker_log = log_path


def _start_resource_tracker() -> None:
    """Start ``multiprocessing``'s resource tracker now, its messages going to the log file.

    The tracker inherits the standard error it is started with; it is pointed at the log for the
    moment of its start only.
    """
    from multiprocessing import resource_tracker

    if _tracker_log is None:
        return
    with contextlib.suppress(OSError):
        _tracker_log.parent.mkdir(parents=True, exist_ok=True)
        log = os.open(_tracker_log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        saved = os.dup(2)
        try:
            os.dup2(log, 2)
            resource_tracker.ensure_running()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
            os.close(log)


def _exit_with_parent() -> None:
    """Make the helper process end when the window's process ends, however it ends.

    A pool worker waits on a queue whose both pipe ends it holds, so it never sees the parent
    go: after a crash or a kill -9 of the program it would stay alive, idle, for good. A daemon
    thread waits on the parent's sentinel (a pipe on POSIX, a process handle on Windows), which
    becomes ready when the parent process is gone, and exits at once.
    """
    import multiprocessing.connection

    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def _warm_up() -> bool:
    """Import the annotator in the helper process before the first real task needs it."""
    import core.articles  # noqa: F401

    return True


class Worker(QObject):
    """A helper process for loading and auto-annotating articles, one task at a time.

    Signals:
        busyChanged(bool): work started or the last task finished.
    """

    busyChanged = Signal(bool)
    _finished = Signal(int, object)  # emitted from the executor's thread, delivered queued

    def __init__(self, parent: QObject | None = None, processes: int = 1) -> None:
        super().__init__(parent)
        self._processes = processes
        self._executor: ProcessPoolExecutor | None = None
        self._pending: dict[int, tuple[Future[Any], Callback, Callback | None]] = {}
        self._tokens = itertools.count(1)
        self._finished.connect(self._deliver)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def _pool(self) -> ProcessPoolExecutor:
        if self._executor is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            _start_resource_tracker()  # before the pool's first semaphore would start it
            # "spawn": forking a process that runs Qt threads is unsafe.
            context = multiprocessing.get_context("spawn")
            self._executor = ProcessPoolExecutor(self._processes, mp_context=context, initializer=_exit_with_parent)
            self._executor.submit(_warm_up)
        return self._executor

    def submit(
        self,
        function: Callable[..., Any],
        *args: Any,
        on_done: Callback,
        on_error: Callback | None = None,
    ) -> None:
        """Run ``function(*args)`` in the helper process; then ``on_done(result)`` or
        ``on_error(exception)`` in the GUI thread. ``function`` must be importable by name (or a
        ``functools.partial`` of one, to pass keyword arguments)."""
        was_busy = self.busy
        token = next(self._tokens)
        future = self._pool().submit(function, *args)
        self._pending[token] = (future, on_done, on_error)
        future.add_done_callback(partial(self._announce, token))
        if not was_busy:
            self.busyChanged.emit(True)

    def _announce(self, token: int, _future: Future[Any]) -> None:
        """In the executor's thread: hand the result over to the GUI thread (queued signal)."""
        self._finished.emit(token, None)

    def _deliver(self, token: int, _unused: object) -> None:
        entry = self._pending.pop(token, None)
        if entry is None:
            return
        future, on_done, on_error = entry
        try:
            if future.cancelled():
                return
            error = future.exception()
            if error is None:
                on_done(future.result())
            elif on_error is not None:
                on_error(error)
        finally:
            if not self._pending:
                self.busyChanged.emit(False)

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until running tasks end, then deliver their results; False on timeout."""
        from concurrent.futures import wait as wait_for

        futures = [future for future, _, _ in self._pending.values()]
        done, not_done = wait_for(futures, timeout=milliseconds / 1000)
        QCoreApplication.processEvents()  # deliver the queued results
        for token, (future, _, _) in list(self._pending.items()):
            if future in done:
                self._deliver(token, None)
        return not not_done

    def shutdown(self) -> None:
        """Stop the helper process (pending tasks are cancelled)."""
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
