"""Background work: run a function in a thread pool, get its result back in the GUI thread.

Workers never touch widgets: the function returns a value (a ``Document``, a list of corpus
entries …) and a signal carries it to the GUI thread, where the callback runs. Anki's rule:
calling UI routines from a worker may crash Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    """Lives in the GUI thread; its signals are emitted from the worker (queued delivery)."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, function: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._function = function
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._function()
        except BaseException as error:  # noqa: BLE001 - reported to the GUI thread, never lost
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


class Worker(QObject):
    """A small thread pool for loading and auto-annotating articles.

    Signals:
        busyChanged(bool): work started or the last task finished.
    """

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def submit(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        """Run ``function()`` in the pool; ``on_done(result)`` or ``on_error(exc)`` in the GUI thread."""
        relay = _Relay(self)
        was_busy = self.busy
        self._relays.add(relay)

        def finished(callback: Callable[[Any], None] | None, value: Any) -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            try:
                if callback is not None:
                    callback(value)
            finally:
                if not self._relays:
                    self.busyChanged.emit(False)

        relay.done.connect(lambda result: finished(on_done, result))
        relay.failed.connect(lambda error: finished(on_error, error))
        if not was_busy:
            self.busyChanged.emit(True)
        self._pool.start(_Task(function, relay))

    def wait(self, milliseconds: int = 30_000) -> bool:
        """Block until running tasks end (results are still delivered by the event loop)."""
        return self._pool.waitForDone(milliseconds)
