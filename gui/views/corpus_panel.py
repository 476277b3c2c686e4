"""The corpus list: one row per article with its review state, and a progress bar for the corpus."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QListView, QProgressBar, QVBoxLayout, QWidget

from core.corpus import BROKEN, IN_PROGRESS, NOT_STARTED, REVIEWED, CorpusEntry

_STATE_COLOURS = {NOT_STARTED: "#757575", IN_PROGRESS: "#9a7b00", REVIEWED: "#2e7d32", BROKEN: "#c62828"}


def state_label(state: str) -> str:
    translate = QCoreApplication.translate
    return {
        NOT_STARTED: translate("Corpus", "not started"),
        IN_PROGRESS: translate("Corpus", "in progress"),
        REVIEWED: translate("Corpus", "reviewed"),
        BROKEN: translate("Corpus", "unreadable"),
    }.get(state, state)


@dataclass(frozen=True)
class LiveState:
    """The open article with unsaved corrections: what waits for review in it now."""

    pending: int
    total: int

    @property
    def state(self) -> str:
        return IN_PROGRESS if self.pending else REVIEWED


class CorpusModel(QAbstractListModel):
    """The corpus entries, one row per article (the open one as it is, unsaved work included)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[CorpusEntry] = []
        self.current = -1
        self._live: dict[int, LiveState] = {}

    def set_entries(self, entries: list[CorpusEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.current = -1
        self._live = {}
        self.endResetModel()

    def set_live(self, row: int, live: LiveState | None) -> None:
        """Show ``row`` with unsaved corrections (``live``), or as its file says (None)."""
        if self._live.get(row) == live:
            return
        if live is None:
            self._live.pop(row, None)
        else:
            self._live[row] = live
        self.dataChanged.emit(self.index(row), self.index(row))

    def state(self, row: int) -> str:
        """The state shown for ``row``: unsaved work counts."""
        live = self._live.get(row)
        return live.state if live is not None else self.entries[row].state

    def update_entry(self, row: int, entry: CorpusEntry) -> None:
        self.entries[row] = entry
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def set_current(self, row: int) -> None:
        previous, self.current = self.current, row
        for changed in (previous, row):
            if 0 <= changed < len(self.entries):
                self.dataChanged.emit(self.index(changed), self.index(changed))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        live = self._live.get(index.row())
        state = live.state if live is not None else entry.state
        if role == Qt.ItemDataRole.DisplayRole:
            pending, total = (live.pending, live.total) if live is not None else (entry.pending, entry.total)
            detail = f" · {pending}/{total}" if state == IN_PROGRESS else ""
            unsaved = " · " + QCoreApplication.translate("Corpus", "unsaved") if live is not None else ""
            return f"{entry.article.name} — {state_label(state)}{detail}{unsaved}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(_STATE_COLOURS.get(state, "#000000"))
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return entry.problem or str(entry.article)
        if role == Qt.ItemDataRole.UserRole:
            return str(entry.article)
        return None


class CorpusPanel(QWidget):
    """The corpus list with a progress bar (lives in a dock)."""

    def __init__(self, model: CorpusModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder_label = QLabel(self)
        self.folder_label.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setObjectName("corpusProgress")
        self.list = QListView(self)
        self.list.setObjectName("corpusList")
        self.list.setModel(model)
        self.list.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.list)
