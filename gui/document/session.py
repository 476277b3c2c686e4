"""One open document: its core model, where it came from and saves to, and its undo stack.

Every correction a person makes goes through ``execute``, the one place where "a person changed
this document" happens: the core operation (from ``core.corrections``) runs once while the
model's events are recorded, becomes a ``ModelCommand`` on this document's ``QUndoStack``, and
``changed`` tells the views. The document is modified exactly when the stack is not clean.

Signals:
    changed(list): model events of one edit, undo or redo (views update incrementally).
    modifiedChanged(bool): the document's unsaved state flipped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core import corrections
from core.model import Annotation, Document, ModelEvent
from gui.document.commands import ModelCommand, Operation, record
from gui.document.labels import type_label


class DocumentSession(QObject):
    """The state of one open article (no widgets)."""

    changed = Signal(list)
    modifiedChanged = Signal(bool)

    def __init__(
        self,
        document: Document,
        *,
        article_path: Path | None = None,
        annotation_path: Path | None = None,
        from_saved: bool = False,
        ready: bool = True,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.article_path = article_path
        self.annotation_path = annotation_path
        self.from_saved = from_saved
        # False while the article's text is shown and its automatic annotations are still being
        # computed: the session is then replaced by the annotated one, nothing is edited before.
        self.ready = ready
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    def _on_clean_changed(self, clean: bool) -> None:
        self.modifiedChanged.emit(not clean)

    # State ------------------------------------------------------------------------------------
    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: Path) -> None:
        self.annotation_path = path
        self.from_saved = True
        self.undo_stack.setClean()

    @property
    def display_name(self) -> str:
        path = self.article_path or self.annotation_path
        return path.name if path is not None else self.document.id

    # Executing edits --------------------------------------------------------------------------
    def execute(self, text: str, operation: Operation) -> bool:
        """Run ``operation`` as one undoable correction named ``text``.

        Returns False (and changes nothing) when the operation changed nothing. Model errors
        propagate after the document was rolled back.
        """
        _result, events = record(self.document, operation)
        if not events:
            return False
        self.undo_stack.push(ModelCommand(text, self.document, events, self._notify))
        return True

    def _notify(self, events: list[ModelEvent]) -> None:
        self.changed.emit(events)

    # Corrections (each one command; the rules are core.corrections') --------------------------
    def create(self, type_name: str, start: int, end: int, *, kind: str | None = None, snap: bool = True) -> str | None:
        """Add a manual, accepted annotation of ``type_name`` over ``start..end``; returns its id."""
        annotation = corrections.new_annotation(self.document, type_name, start, end, kind=kind, snap=snap)
        if annotation is None:
            return None
        label = self.tr("Create %1").replace("%1", type_label(type_name, annotation.kind))
        self.execute(label, lambda d: corrections.add(d, annotation))
        return annotation.id

    def delete(self, annotation_id: str) -> bool:
        return self.execute(self.tr("Delete annotation"), lambda d: corrections.delete(d, annotation_id))

    def retype(self, annotation_id: str, type_name: str, kind: str | None = None) -> bool:
        return self.execute(self.tr("Change type"), lambda d: corrections.retype(d, annotation_id, type_name, kind))

    def set_kind(self, annotation_id: str, kind: str) -> bool:
        return self.execute(self.tr("Change kind"), lambda d: corrections.set_kind(d, annotation_id, kind))

    def set_status(self, annotation_id: str, status: str) -> bool:
        label = {"accepted": self.tr("Accept"), "rejected": self.tr("Reject")}.get(status, self.tr("Mark pending"))
        return self.execute(label, lambda d: corrections.set_status(d, annotation_id, status))

    def resize(self, annotation_id: str, start: int, end: int) -> bool:
        return self.execute(self.tr("Move boundary"), lambda d: corrections.resize(d, annotation_id, start, end))

    def set_speaker(self, annotation_id: str, name: str | None, mention_id: str | None = None) -> bool:
        """Set a quote's speaker name; ``mention_id`` links it to a speaker mention too."""
        return self.execute(self.tr("Set speaker"), lambda d: corrections.set_speaker(d, annotation_id, name, mention_id))

    def link_mention(self, quote_id: str, mention_id: str | None) -> bool:
        """Link a quote to a speaker mention; the quote takes the mention's speaker name."""
        label = self.tr("Link speaker mention") if mention_id is not None else self.tr("Unlink speaker mention")
        return self.execute(label, lambda d: corrections.link_mention(d, quote_id, mention_id))

    def set_cue(self, annotation_id: str, cue: str | None) -> bool:
        return self.execute(self.tr("Set cue"), lambda d: corrections.set_cue(d, annotation_id, cue))

    def merge_speakers(self, old_name: str, new_name: str) -> bool:
        """Every quote and mention of ``old_name`` becomes ``new_name`` (their quotes follow)."""
        return self.execute(self.tr("Merge speakers"), lambda d: corrections.merge_speakers(d, old_name, new_name))

    def apply(self, text: str, operation: Operation) -> bool:
        """Run any core operation (e.g. taking a compared version) as one correction."""
        return self.execute(text, lambda d: corrections.apply_with_sections(d, operation))

    def restore(self, text: str, recovered: list[Annotation]) -> bool:
        """Bring back recovered annotations (work kept by a crash) as one correction."""
        return self.apply(text, lambda d: corrections.restore_annotations(d, recovered))
