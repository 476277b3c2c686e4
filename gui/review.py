"""Review: accept or reject the current annotation, walk the pending ones, count what remains.

Order is "most doubtful first" (lowest confidence, then reading order) or plain reading order,
a preference. The count of pending reviewable annotations follows every edit incrementally.

Signals:
    remainingChanged(int): how many suggestions still wait for review.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from core.model import Annotation, ModelEvent
from gui.session import REVIEWABLE_TYPES

if TYPE_CHECKING:
    from gui.main_window import MainWindow

DOUBT = "doubt"
READING = "reading"


def is_pending(annotation: Annotation | None) -> bool:
    return annotation is not None and annotation.status == "pending" and annotation.type in REVIEWABLE_TYPES


def order_key(annotation: Annotation, order: str) -> tuple[Any, ...]:
    if order == DOUBT:
        confidence = annotation.confidence if annotation.confidence is not None else 1.0
        return (confidence, *annotation.sort_key())
    return annotation.sort_key()


class ReviewController(QObject):
    remainingChanged = Signal(int)

    def __init__(self, window: MainWindow, order: str = DOUBT) -> None:
        super().__init__(window)
        self._window = window
        self.order = order
        self._remaining = 0
        self._queue: list[tuple[tuple[Any, ...], str]] | None = None

    @property
    def remaining(self) -> int:
        return self._remaining

    def reset(self) -> None:
        session = self._window.session
        self._remaining = sum(1 for a in session.document if is_pending(a)) if session is not None else 0
        self._queue = None
        self.remainingChanged.emit(self._remaining)

    def follow(self, events: list[ModelEvent]) -> None:
        change = 0
        for event in events:
            change -= is_pending(event.old)
            change += is_pending(event.new)
        self._queue = None
        if change:
            self._remaining += change
            self.remainingChanged.emit(self._remaining)

    def set_order(self, order: str) -> None:
        self.order = order
        self._queue = None

    # Decisions --------------------------------------------------------------------------------
    def accept(self) -> None:
        self._window.edit.set_status("accepted")

    def reject(self) -> None:
        self._window.edit.set_status("rejected")

    # Walking ----------------------------------------------------------------------------------
    def _pending_queue(self) -> list[tuple[tuple[Any, ...], str]]:
        if self._queue is None:
            session = self._window.session
            items = [a for a in session.document if is_pending(a)] if session is not None else []
            self._queue = sorted((order_key(a, self.order), a.id) for a in items)
        return self._queue

    def next_pending(self) -> str | None:
        return self._step(forward=True)

    def previous_pending(self) -> str | None:
        return self._step(forward=False)

    def _step(self, *, forward: bool) -> str | None:
        queue = self._pending_queue()
        if not queue:
            self._window.show_message(self.tr("Nothing left to review."))
            return None
        current = self._window.current_annotation()
        if current is None:
            position = -1 if forward else len(queue)
            probe = None
        else:
            probe = (order_key(current, self.order), current.id)
            position = None
        if forward:
            index = position + 1 if probe is None else bisect_right(queue, probe)  # type: ignore[operator]
            chosen = queue[index % len(queue)]
        else:
            index = (position if probe is None else bisect_left(queue, probe)) - 1  # type: ignore[operator]
            chosen = queue[index % len(queue)]
        self._window.select_annotation(chosen[1], origin="review")
        return chosen[1]
