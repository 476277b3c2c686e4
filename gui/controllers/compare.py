"""Comparison: a second annotation of the same article beside the current one (issue 5).

``core.compare`` lists the differences (only in A, only in B, different boundary, kind, speaker,
cue); A is the document being edited, B the file opened for comparison. Differences are marked
in the article and listed here; taking either side's version is one undoable command that
applies ``core.compare.take``'s edits.

Signals:
    activeChanged(bool): a comparison started (show the panel) or stopped.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QListWidgetItem, QWidget

from core import corrections
from core.errors import IqtibasError, ModelError
from core.jsonformat import load_document
from core.model import Document, ModelEvent
from gui.dialogs import prompts
from gui.document.labels import type_label
from gui.document.session import DocumentSession
from gui.document.workspace import Initiator, Workspace
from gui.views.article_view import ArticleView
from gui.views.compare_panel import ComparePanel, category_label
from gui.views.status_bar import StatusBar
from gui.views.theme import COMPARE_MARKS, COMPARE_ORDER

if TYPE_CHECKING:  # core.compare (with core.evaluate) is imported when a comparison starts
    from core.compare import Difference


class CompareController(QObject):
    """Compares the workspace's document with another file; ``parent`` also parents its dialogs."""

    activeChanged = Signal(bool)

    def __init__(self, workspace: Workspace, view: ArticleView, status: StatusBar, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view = view
        self._status = status
        self._dialog_parent = parent
        self.panel = ComparePanel()
        self.other: Document | None = None
        self.other_path: Path | None = None
        self.differences: list[Difference] = []
        self.panel.list.currentRowChanged.connect(self._on_row)
        self.panel.take_a.clicked.connect(lambda: self.take_current("a"))
        self.panel.take_b.clicked.connect(lambda: self.take_current("b"))
        self.panel.close_button.clicked.connect(self.stop)
        workspace.sessionChanged.connect(self._on_session)
        workspace.documentChanged.connect(self._on_document_changed)

    def _on_session(self, _session: DocumentSession | None) -> None:
        if self.active:
            self.stop()

    def _on_document_changed(self, _events: list[ModelEvent]) -> None:
        if self.active:
            self.refresh()

    def open_dialog(self) -> None:
        session = self._workspace.session
        if session is None:
            return
        folder = str((session.annotation_path or Path.home()).parent)
        path = prompts.choose_comparison_path(self._dialog_parent, folder)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        session = self._workspace.session
        if session is None:
            return False
        try:
            other = load_document(path)
            if other.sha256 != session.document.sha256:
                raise ModelError(f"{path}: annotates a different text than {session.display_name}")
        except (IqtibasError, ModelError) as error:
            prompts.show_error(self._dialog_parent, self.tr("Cannot compare"), str(error))
            return False
        self.other, self.other_path = other, path
        self.refresh()
        self.activeChanged.emit(True)
        return True

    def stop(self) -> None:
        self.other = None
        self.other_path = None
        self.differences = []
        self.panel.list.clear()
        self.panel.summary.clear()
        self._view.set_marks([])
        self.activeChanged.emit(False)

    @property
    def active(self) -> bool:
        return self.other is not None

    def refresh(self) -> None:
        """Recompute the differences (after an edit, undo or redo)."""
        session = self._workspace.session
        if self.other is None or session is None:
            return
        if session.document.sha256 != self.other.sha256:
            self.stop()
            return
        row = self.panel.list.currentRow()
        from core.compare import ONLY_A, ONLY_B, compare, summary

        self.differences = compare(session.document, self.other)
        counts = summary(self.differences)
        parts = [f"{category_label(name)}: {count}" for name, count in counts.items() if count]
        name = self.other_path.name if self.other_path else "B"
        self.panel.summary.setText(
            self.tr("A = this document, B = %1. %2").replace("%1", name).replace("%2", " · ".join(parts) or self.tr("No differences."))
        )
        text = session.document.text
        self.panel.list.blockSignals(True)
        self.panel.list.clear()
        marks = []
        for difference in self.differences:
            snippet = " ".join(text[difference.start : difference.end].split()[:8])
            label = f"{category_label(difference.category)} · {type_label(difference.type)} · {snippet}"
            side = "a" if difference.category == ONLY_A else "b" if difference.category == ONLY_B else "both"
            item = QListWidgetItem(self.panel.icons[side], label)
            item.setToolTip(", ".join(category_label(a) for a in difference.aspects))
            item.setData(Qt.ItemDataRole.UserRole, side)
            self.panel.list.addItem(item)
            marks.append((difference.start, difference.end, side))
        if self.differences and row >= 0:  # the row kept across an edit, without moving the selection
            self.panel.list.setCurrentRow(min(row, len(self.differences) - 1))
        self.panel.list.blockSignals(False)
        marks.sort(key=lambda mark: COMPARE_ORDER.index(mark[2]))
        self._view.set_marks([(start, end, COMPARE_MARKS[side]) for start, end, side in marks])

    def _on_row(self, row: int) -> None:
        """A difference picked: its annotation in this document becomes the current one (the
        details panel shows it); a difference only B has shows its stretch of text."""
        if not 0 <= row < len(self.differences):
            return
        difference = self.differences[row]
        document = self._workspace.document
        ours = difference.a if difference.a is not None and document is not None and document.find(difference.a.id) == difference.a else None
        self._workspace.select(ours.id if ours is not None else None, Initiator.PROGRAM)
        self._view.show_span(difference.start, difference.end)

    def take_current(self, side: str) -> bool:
        row = self.panel.list.currentRow()
        session = self._workspace.session
        if session is None or not 0 <= row < len(self.differences):
            return False
        difference = self.differences[row]
        label = self.tr("Take A's version") if side == "a" else self.tr("Take B's version")
        try:
            from core.compare import take

            changed = session.apply(label, lambda d: corrections.take_version(d, take(d, difference, side)))
        except ModelError as error:
            self._status.show_message(str(error), error=True)
            return False
        return changed  # the panel follows the edit (documentChanged)
