"""Comparison: a second annotation of the same article beside the current one (issue 5).

``core.compare`` lists the differences (only in A, only in B, different boundary, kind, speaker,
cue); A is the document being edited, B the file opened for comparison. Differences are marked
in the article and listed here; taking either side's version is one undoable command that
applies ``core.compare.take``'s edits.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from core.compare import ONLY_A, ONLY_B, Difference, apply_edits, compare, summary, take
from core.errors import IqtibasError, ModelError
from core.jsonformat import load_document
from core.model import Document
from gui import dialogs
from gui.labels import type_label
from gui.theme import COMPARE_COLOURS

if TYPE_CHECKING:
    from gui.main_window import MainWindow


def category_label(category: str) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        "only_a": translate("Compare", "only in A (this document)"),
        "only_b": translate("Compare", "only in B (compared file)"),
        "boundary": translate("Compare", "different boundary"),
        "kind": translate("Compare", "different kind"),
        "speaker": translate("Compare", "different speaker"),
        "cue": translate("Compare", "different cue"),
    }.get(category, category)


class ComparePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("compareList")
        self.take_a = QPushButton(self.tr("Keep A (this document)"), self)
        self.take_b = QPushButton(self.tr("Take B's version"), self)
        self.close_button = QPushButton(self.tr("Stop comparing"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_a)
        buttons.addWidget(self.take_b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addLayout(buttons)


class CompareController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.panel = ComparePanel()
        self.other: Document | None = None
        self.other_path: Path | None = None
        self.differences: list[Difference] = []
        self.panel.list.currentRowChanged.connect(self._on_row)
        self.panel.take_a.clicked.connect(lambda: self.take_current("a"))
        self.panel.take_b.clicked.connect(lambda: self.take_current("b"))
        self.panel.close_button.clicked.connect(self.stop)

    def open_dialog(self) -> None:
        session = self._window.session
        if session is None:
            return
        folder = str((session.annotation_path or Path.home()).parent)
        path = dialogs.choose_comparison_path(self._window, folder)
        if path:
            self.open_path(Path(path))

    def open_path(self, path: Path) -> bool:
        session = self._window.session
        if session is None:
            return False
        try:
            other = load_document(path)
            if other.sha256 != session.document.sha256:
                raise ModelError(f"{path}: annotates a different text than {session.display_name}")
        except (IqtibasError, ModelError) as error:
            dialogs.show_error(self._window, self.tr("Cannot compare"), str(error))
            return False
        self.other, self.other_path = other, path
        self.refresh()
        self._window.show_compare(True)
        return True

    def stop(self) -> None:
        self.other = None
        self.other_path = None
        self.differences = []
        self.panel.list.clear()
        self.panel.summary.clear()
        self._window.view.set_marks([])
        self._window.show_compare(False)

    @property
    def active(self) -> bool:
        return self.other is not None

    def refresh(self) -> None:
        """Recompute the differences (after an edit, undo or redo)."""
        session = self._window.session
        if self.other is None or session is None:
            return
        if session.document.sha256 != self.other.sha256:
            self.stop()
            return
        row = self.panel.list.currentRow()
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
            item = QListWidgetItem(label)
            item.setToolTip(", ".join(category_label(a) for a in difference.aspects))
            side = "a" if difference.category == ONLY_A else "b" if difference.category == ONLY_B else "both"
            item.setData(Qt.ItemDataRole.UserRole, side)
            self.panel.list.addItem(item)
            marks.append((difference.start, difference.end, COMPARE_COLOURS[side]))
        self.panel.list.blockSignals(False)
        self._window.view.set_marks(marks)
        if self.differences:
            self.panel.list.setCurrentRow(min(max(row, 0), len(self.differences) - 1))

    def _on_row(self, row: int) -> None:
        if 0 <= row < len(self.differences):
            difference = self.differences[row]
            self._window.view.show_span(difference.start, difference.end)

    def take_current(self, side: str) -> bool:
        row = self.panel.list.currentRow()
        session = self._window.session
        if session is None or not 0 <= row < len(self.differences):
            return False
        difference = self.differences[row]
        label = self.tr("Take A's version") if side == "a" else self.tr("Take B's version")
        try:
            changed = session.apply(label, lambda d: apply_edits(d, take(d, difference, side)))
        except ModelError as error:
            self._window.show_message(str(error), error=True)
            return False
        self.refresh()
        return changed
