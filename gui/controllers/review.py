"""Review: accept or reject the current annotation, walk the pending ones, count what remains.

Order is "most doubtful first" (the lower of a quote's confidence and its speaker confidence,
then reading order) or plain reading order, a preference. What needs review (a quote stands for
its speaker mention and cue; structure items) and the order are ``core.corrections``' rules; the
count follows every edit incrementally. Accepting or rejecting a quote decides its parts too.

Signals:
    remainingChanged(int): how many suggestions still wait for review.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from typing import Any

from PySide6.QtCore import QObject, Signal

from core.corrections import DOUBT, ReviewOrder, needs_review, review_key
from core.model import ModelEvent
from gui.controllers.editing import EditController
from gui.document.session import DocumentSession
from gui.document.workspace import Initiator, Workspace
from gui.views.status_bar import StatusBar

QueueEntry = tuple[tuple[Any, ...], str]


class ReviewController(QObject):
    remainingChanged = Signal(int)

    def __init__(
        self,
        workspace: Workspace,
        editing: EditController,
        status: StatusBar,
        order: ReviewOrder = DOUBT,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._editing = editing
        self._status = status
        self.order: ReviewOrder = order
        self._remaining = 0
        self._queue: list[QueueEntry] | None = None
        workspace.sessionChanged.connect(self._on_session)
        workspace.documentChanged.connect(self._on_document_changed)
        self.remainingChanged.connect(status.set_remaining)
        self._on_session(workspace.session)

    @property
    def remaining(self) -> int:
        return self._remaining

    def _on_session(self, session: DocumentSession | None) -> None:
        self._remaining = sum(1 for a in session.document if needs_review(a)) if session is not None else 0
        self._queue = None
        self.remainingChanged.emit(self._remaining)

    def _on_document_changed(self, events: list[ModelEvent]) -> None:
        change = 0
        for event in events:
            change -= needs_review(event.old)
            change += needs_review(event.new)
        self._queue = None
        if change:
            self._remaining += change
            self.remainingChanged.emit(self._remaining)

    def set_order(self, order: ReviewOrder) -> None:
        self.order = order
        self._queue = None

    # Decisions --------------------------------------------------------------------------------
    def accept(self) -> None:
        self._editing.set_status("accepted")

    def reject(self) -> None:
        self._editing.set_status("rejected")

    # Walking ----------------------------------------------------------------------------------
    def _pending_queue(self) -> list[QueueEntry]:
        if self._queue is None:
            document = self._workspace.document
            items = [a for a in document if needs_review(a)] if document is not None else []
            self._queue = sorted((review_key(a, self.order), a.id) for a in items)
        return self._queue

    def next_pending(self) -> str | None:
        return self._step(forward=True)

    def previous_pending(self) -> str | None:
        return self._step(forward=False)

    def _step(self, *, forward: bool) -> str | None:
        queue = self._pending_queue()
        if not queue:
            self._status.show_message(self.tr("Nothing left to review."))
            return None
        current = self._workspace.current_annotation()
        if current is None:
            index = 0 if forward else len(queue) - 1
        else:
            probe = (review_key(current, self.order), current.id)
            index = bisect_right(queue, probe) if forward else bisect_left(queue, probe) - 1
        chosen = queue[index % len(queue)][1]
        self._workspace.select(chosen, Initiator.REVIEW)
        return chosen
