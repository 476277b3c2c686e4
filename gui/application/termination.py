"""Being told to stop (``kill``, logging out, Ctrl+C in the terminal) without losing work.

A terminating signal is turned into an event of the Qt event loop (Python runs signal handlers
only between bytecodes, which a window idling in ``exec`` never reaches; ``signal.set_wakeup_fd``
writes the signal to a pipe a ``QSocketNotifier`` watches — a socket pair on Windows, where only a
socket will do: importing ``socket`` took ~3 ms of every start of the window elsewhere). The window then copies any unsaved
corrections to the recovery folder (the next start offers them back), closes without asking
(nobody may be there to answer) and the program exits normally, stopping its helper process: no
work is lost and nothing is left behind.

The helper process's bookkeeping process (``multiprocessing``'s resource tracker) writes to the
program's log rather than the terminal (``gui.document.workers.log_helpers_to``): its only
message, after a ``kill -9`` that no program can answer, reports the semaphores it then cleans up.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name))


class TerminationWatcher(QObject):
    """Calls ``on_signal`` in the GUI thread when the program receives SIGTERM, SIGHUP or SIGINT."""

    def __init__(self, on_signal: Callable[[int], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_signal = on_signal
        self._channel = _WakeupChannel()
        self._previous_fd = signal.set_wakeup_fd(self._channel.write_fd, warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, _note) for number in SIGNALS}
        self._notifier = QSocketNotifier(self._channel.read_fd, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_ready)

    def _on_ready(self) -> None:
        try:
            received = self._channel.read()
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
        self._channel.close()


class _WakeupChannel:
    """Two connected non-blocking ends: ``set_wakeup_fd`` writes to one, the window reads the other."""

    def __init__(self) -> None:
        if sys.platform == "win32":  # set_wakeup_fd takes only a socket there
            import socket

            self._sockets = socket.socketpair()
            for end in self._sockets:
                end.setblocking(False)
            self.read_fd, self.write_fd = (end.fileno() for end in self._sockets)
        else:
            self.read_fd, self.write_fd = os.pipe()
            os.set_blocking(self.read_fd, False)
            os.set_blocking(self.write_fd, False)

    def read(self) -> bytes:
        """What was written since the last read (raises ``BlockingIOError`` if nothing)."""
        if sys.platform == "win32":
            return self._sockets[0].recv(64)
        return os.read(self.read_fd, 64)

    def close(self) -> None:
        if sys.platform == "win32":
            for end in self._sockets:
                end.close()
        else:
            os.close(self.read_fd)
            os.close(self.write_fd)


def _note(_number: int, _frame: object) -> None:
    """A Python-level handler: the wakeup fd does the work, in the event loop."""
