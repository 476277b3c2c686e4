"""Undoable corrections: one ``QUndoCommand`` per user action, replaying core model operations.

A command runs its core operation once (``Document.retype``, ``set_speaker``, ``rename_speaker``
…) while recording the model's events. Those events describe exactly what changed, so redo
replays them with ``Document.add/remove/replace`` and undo applies their inverses in reverse
order: undo and redo restore the annotations exactly, and no command needs its own bookkeeping.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand

from core.model import Document, ModelEvent

Operation = Callable[[Document], Any]


def record(document: Document, operation: Operation) -> tuple[Any, list[ModelEvent]]:
    """Run ``operation`` on ``document`` and return its result and the events it caused.

    If the operation raises, the changes it made so far are rolled back before re-raising, so a
    refused edit leaves the document as it was.
    """
    events: list[ModelEvent] = []
    document.add_listener(events.append)
    try:
        result = operation(document)
    except BaseException:
        document.remove_listener(events.append)
        rollback = _Recorder(document, events)
        rollback.undo_events()
        raise
    document.remove_listener(events.append)
    return result, events


class _Recorder:
    def __init__(self, document: Document, events: Sequence[ModelEvent]) -> None:
        self.document = document
        self.events = list(events)

    def redo_events(self) -> None:
        document = self.document
        for event in self.events:
            if event.kind == "added" and event.new is not None:
                document.add(event.new)
            elif event.kind == "removed" and event.old is not None:
                document.remove(event.old.id)
            elif event.kind == "changed" and event.new is not None:
                document.replace(event.new)

    def undo_events(self) -> None:
        document = self.document
        for event in reversed(self.events):
            if event.kind == "added" and event.new is not None:
                document.remove(event.new.id)
            elif event.kind == "removed" and event.old is not None:
                document.add(event.old)
            elif event.kind == "changed" and event.old is not None:
                document.replace(event.old)


class ModelCommand(QUndoCommand):
    """One correction. Created after its operation ran (see ``DocumentSession.execute``).

    ``notify`` is called after every redo and undo with the events that were replayed, so the
    views update incrementally.
    """

    def __init__(
        self,
        text: str,
        document: Document,
        events: Sequence[ModelEvent],
        notify: Callable[[list[ModelEvent]], None],
    ) -> None:
        super().__init__(text)
        self._recorder = _Recorder(document, events)
        self._notify = notify
        self._applied = True  # the operation already ran once when the command was made

    @property
    def events(self) -> list[ModelEvent]:
        return list(self._recorder.events)

    def redo(self) -> None:
        if self._applied:  # first push: the change is already in the document
            self._applied = False
            self._notify(self.events)
            return
        events = self._capture(self._recorder.redo_events)
        self._notify(events)

    def undo(self) -> None:
        events = self._capture(self._recorder.undo_events)
        self._notify(events)

    def _capture(self, action: Callable[[], None]) -> list[ModelEvent]:
        document = self._recorder.document
        events: list[ModelEvent] = []
        document.add_listener(events.append)
        try:
            action()
        finally:
            document.remove_listener(events.append)
        return events
