"""The workspace: the open document's session and the current selection, shared by every view and
controller of a window.

Views subscribe to its signals and update themselves; controllers change the selection through
``select`` and the document through the session. Nobody needs the main window to reach anybody
else.

Signals:
    sessionChanged(object): another document is shown (a ``DocumentSession``, or None).
    documentChanged(list): the model events of one edit, undo or redo of the shown document.
    selectionChanged(object, object): the current annotation (an ``Annotation`` or None) and the
        ``Initiator`` that chose it. It is announced again, by ``Initiator.DOCUMENT``, after every
        ``documentChanged``, so views redraw the selected annotation as it now is.
    modifiedChanged(bool): the shown document's unsaved state flipped (or another one is shown).
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal

from core.model import Annotation, Document, ModelEvent
from gui.document.session import DocumentSession


class Initiator(Enum):
    """Who chose the current annotation. Views use it not to echo a selection back to its source
    (the outline does not reselect its own row) and not to move the caret under the user's hand."""

    PROGRAM = "program"  # the program: opening a document, a controller showing a result
    CURSOR = "cursor"  # the caret moved in the article
    OUTLINE = "outline"  # a row of the outline was chosen
    EDIT = "edit"  # a correction created or changed the annotation
    REVIEW = "review"  # next/previous pending
    DOCUMENT = "document"  # the document changed under the selection (edit, undo, redo)


# Initiators after which the article view leaves the caret where it is.
KEEPS_CARET = frozenset((Initiator.CURSOR, Initiator.DOCUMENT))


class Workspace(QObject):
    sessionChanged = Signal(object)
    documentChanged = Signal(list)
    selectionChanged = Signal(object, object)
    modifiedChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session: DocumentSession | None = None
        self._current_id: str | None = None

    # The document -----------------------------------------------------------------------------
    @property
    def session(self) -> DocumentSession | None:
        return self._session

    @property
    def document(self) -> Document | None:
        return self._session.document if self._session is not None else None

    @property
    def is_modified(self) -> bool:
        return self._session is not None and self._session.is_modified

    def set_session(self, session: DocumentSession | None) -> None:
        """Show ``session``'s document (the caller disposes of the previous session)."""
        self._detach()
        self._session = session
        self._current_id = None
        if session is not None:
            session.changed.connect(self._on_changed)
            session.modifiedChanged.connect(self.modifiedChanged)
        self.sessionChanged.emit(session)
        self.modifiedChanged.emit(self.is_modified)
        self.selectionChanged.emit(None, Initiator.PROGRAM)

    def take_session(self) -> DocumentSession | None:
        """Hand the session over (to a rebuilt window's workspace) without announcing anything."""
        session = self._session
        self._detach()
        self._session = None
        self._current_id = None
        return session

    def _detach(self) -> None:
        if self._session is not None:
            self._session.changed.disconnect(self._on_changed)
            self._session.modifiedChanged.disconnect(self.modifiedChanged)

    def _on_changed(self, events: list[ModelEvent]) -> None:
        self.documentChanged.emit(events)
        self.select(self._current_id, Initiator.DOCUMENT)

    def undo(self) -> None:
        if self._session is not None:
            self._session.undo_stack.undo()

    def redo(self) -> None:
        if self._session is not None:
            self._session.undo_stack.redo()

    # The selection ----------------------------------------------------------------------------
    @property
    def current_id(self) -> str | None:
        return self._current_id

    def current_annotation(self) -> Annotation | None:
        document = self.document
        return document.find(self._current_id) if document is not None else None

    def select(self, annotation_id: str | None, initiator: Initiator = Initiator.PROGRAM) -> None:
        """Make ``annotation_id`` current everywhere (None, or an id no longer in the document,
        clears the selection)."""
        document = self.document
        annotation = document.find(annotation_id) if document is not None else None
        self._current_id = annotation.id if annotation is not None else None
        self.selectionChanged.emit(annotation, initiator)
