"""Being told to stop (``kill``, logging out, Ctrl+C in the terminal) without losing work.

A terminating signal is turned into an event of the Qt event loop (Python runs signal handlers
only between bytecodes, which a window idling in ``exec`` never reaches; ``signal.set_wakeup_fd``
writes the signal to a socket a ``QSocketNotifier`` watches). The window then copies any unsaved
corrections to the recovery folder (the next start offers them back), closes without asking
(nobody may be there to answer) and the program exits normally, stopping its helper process: no
work is lost and nothing is left behind.

The helper process's bookkeeping process (``multiprocessing``'s resource tracker) writes to the
program's log rather than the terminal (``gui.document.workers.log_helpers_to``): its only
message, after a ``kill -9`` that no program can answer, reports the semaphores it then cleans up.
"""

from __future__ import annotations

import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class TerminationWatcher(QObject):
    """Calls ``on_signal`` in the GUI thread when the program receives SIGTERM, SIGHUP or SIGINT."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, _note) for number in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_ready)

    def _on_ready(self) -> None:
        try:
            received = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in received:
            if number in SIGNALS:
                self._on_signal(number)
                return

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def _note(_number: int, _frame: object) -> None:
    """A Python-level handler: the wakeup fd does the work, in the event loop."""
