"""One open document: its core model, where it came from and saves to, and its undo stack.

Every correction goes through ``execute``: the core operation runs once (recording the model's
events), becomes a ``ModelCommand`` on this document's ``QUndoStack``, and the views are told
what changed through ``changed``. The document is modified exactly when the stack is not clean.

Signals:
    changed(list): model events of one edit, undo or redo (views update incrementally).
    modifiedChanged(bool): the document's unsaved state flipped.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.annotator import derive_sections
from core.model import REFERENCE_FIELDS, Annotation, Document, ModelEvent
from gui.commands import ModelCommand, Operation, record
from gui.labels import type_label
from gui.offsets import OffsetMap
from gui.span_index import SpanIndex
from gui.spans import snap_to_words

# Sections are derived from these (guideline): any change to one of them re-derives sections.
STRUCTURE_TYPES = frozenset(("title", "heading", "paragraph", "boilerplate"))
# Types a person creates and reviews (sections are derived, never drawn by hand).
CREATABLE_TYPES = ("title", "heading", "paragraph", "boilerplate", "quote", "speaker", "cue")
REVIEWABLE_TYPES = frozenset(("title", "heading", "boilerplate", "quote", "speaker", "cue"))


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
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.article_path = article_path
        self.annotation_path = annotation_path
        self.from_saved = from_saved
        self.offsets = OffsetMap(document.text)
        self.index = SpanIndex(document, self.offsets)
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

    # Corrections ------------------------------------------------------------------------------
    def create(self, type_name: str, start: int, end: int, *, kind: str | None = None, snap: bool = True) -> str | None:
        """Add a manual, accepted annotation of ``type_name`` over ``start..end``; returns its id."""
        if snap:
            start, end = snap_to_words(self.document.text, start, end)
        if end <= start:
            return None
        new_id = self.document.new_id(type_name)
        fields: dict[str, Any] = {}
        if type_name == "quote":
            fields["kind"] = kind or "direct"
        if type_name == "speaker":
            fields["speaker"] = " ".join(self.document.text[start:end].split())
        annotation = Annotation(new_id, type_name, start, end, origin="manual", status="accepted", **fields)

        def operation(document: Document) -> None:
            document.add(annotation)
            self._rederive_if_structural(document, [type_name])

        self.execute(self.tr("Create %1").replace("%1", type_label(type_name, fields.get("kind"))), operation)
        return new_id

    def delete(self, annotation_id: str) -> bool:
        type_name = self.document.get(annotation_id).type

        def operation(document: Document) -> None:
            document.remove(annotation_id)
            self._rederive_if_structural(document, [type_name])

        return self.execute(self.tr("Delete annotation"), operation)

    def retype(self, annotation_id: str, type_name: str, kind: str | None = None) -> bool:
        old_type = self.document.get(annotation_id).type

        def operation(document: Document) -> None:
            if old_type != type_name:
                _unlink_references_to(document, annotation_id)
            document.retype(annotation_id, type_name, kind=kind)
            if type_name == "speaker" and not document.get(annotation_id).speaker:
                text = " ".join(document.span_text(document.get(annotation_id)).split())
                document.set_speaker(annotation_id, text or None)
            self._rederive_if_structural(document, [old_type, type_name])

        return self.execute(self.tr("Change type"), operation)

    def set_kind(self, annotation_id: str, kind: str) -> bool:
        return self.execute(self.tr("Change kind"), lambda d: d.set_kind(annotation_id, kind))

    def set_status(self, annotation_id: str, status: str) -> bool:
        type_name = self.document.get(annotation_id).type

        def operation(document: Document) -> None:
            document.set_status(annotation_id, status)
            self._rederive_if_structural(document, [type_name])

        label = {"accepted": self.tr("Accept"), "rejected": self.tr("Reject")}.get(status, self.tr("Mark pending"))
        return self.execute(label, operation)

    def resize(self, annotation_id: str, start: int, end: int) -> bool:
        type_name = self.document.get(annotation_id).type

        def operation(document: Document) -> None:
            document.resize(annotation_id, start, end)
            self._rederive_if_structural(document, [type_name])

        return self.execute(self.tr("Move boundary"), operation)

    def set_speaker(self, annotation_id: str, name: str | None, mention_id: str | None = None) -> bool:
        """Set a quote's speaker name; ``mention_id`` links it to a speaker mention too."""
        def operation(document: Document) -> None:
            annotation = document.get(annotation_id)
            link = mention_id
            if link is None and annotation.type == "quote":
                # Keep an existing link only while it still names the same speaker.
                current = document.find(annotation.speaker_id)
                if current is not None and current.speaker == name:
                    link = current.id
            document.set_speaker(annotation_id, name, link if annotation.type == "quote" else None)

        return self.execute(self.tr("Set speaker"), operation)

    def link_mention(self, quote_id: str, mention_id: str | None) -> bool:
        """Link a quote to a speaker mention; the quote takes the mention's speaker name."""
        if mention_id is None:
            quote = self.document.get(quote_id)
            return self.execute(self.tr("Unlink speaker mention"), lambda d: d.set_speaker(quote_id, quote.speaker, None))
        mention = self.document.get(mention_id)
        name = mention.speaker or " ".join(self.document.span_text(mention).split())
        return self.execute(self.tr("Link speaker mention"), lambda d: d.set_speaker(quote_id, name, mention_id))

    def set_cue(self, annotation_id: str, cue: str | None) -> bool:
        def operation(document: Document) -> None:
            annotation = document.get(annotation_id)
            current = document.find(annotation.cue_id)
            link = current.id if current is not None and cue and document.span_text(current) == cue else None
            document.set_cue(annotation_id, cue, link)

        return self.execute(self.tr("Set cue"), operation)

    def merge_speakers(self, old_name: str, new_name: str) -> bool:
        """Every quote and mention of ``old_name`` becomes ``new_name`` (their quotes follow)."""
        return self.execute(self.tr("Merge speakers"), lambda d: d.rename_speaker(old_name, new_name))

    def apply(self, text: str, operation: Callable[[Document], Any]) -> bool:
        """Run any core operation (e.g. taking a compared version) as one correction."""
        def wrapped(document: Document) -> None:
            before = {a.type for a in document if a.type in STRUCTURE_TYPES}
            operation(document)
            self._rederive_if_structural(document, list(before | STRUCTURE_TYPES))

        return self.execute(text, wrapped)

    # Sections ---------------------------------------------------------------------------------
    @staticmethod
    def _rederive_if_structural(document: Document, types: list[str]) -> None:
        """Recompute sections after a structural edit, keeping sections that did not move."""
        if not STRUCTURE_TYPES.intersection(types):
            return
        current = document.of_type("section")
        fresh = derive_sections(document)
        key = lambda a: (a.start, a.end, a.heading_id)  # noqa: E731
        if sorted(map(key, current)) == sorted(map(key, fresh)):
            return
        kept = {key(a): a for a in current}
        result = [kept.get(key(a), a) for a in fresh]
        document.replace_all("section", result)


def _unlink_references_to(document: Document, target_id: str) -> None:
    """Drop links pointing at ``target_id`` (before it changes type); names are kept."""
    for other in list(document):
        changes = {name: None for name in REFERENCE_FIELDS if getattr(other, name) == target_id}
        if changes:
            document.update(other.id, **changes)
