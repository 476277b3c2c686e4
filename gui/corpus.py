"""Corpus mode: a folder of articles with their review state, walked one article after another.

The list shows each article's state (not started, in progress, reviewed) from ``core.corpus``
and a progress bar for the whole corpus. Next/previous article saves the current one first.
Articles not annotated yet are auto-annotated ahead of time in a background worker, so moving
on is instant and the window never freezes; results come back to the GUI thread as values.

Signals:
    entriesChanged(): the list or a state changed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QListView, QProgressBar, QVBoxLayout, QWidget

from core.articles import OpenedArticle, open_article
from core.corpus import BROKEN, IN_PROGRESS, NOT_STARTED, REVIEWED, CorpusEntry, entry_for, list_corpus
from core.errors import IqtibasError
from gui import dialogs
from gui.workers import Worker

if TYPE_CHECKING:
    from gui.main_window import MainWindow

PREFETCH = 3
_STATE_COLOURS = {NOT_STARTED: "#757575", IN_PROGRESS: "#9a7b00", REVIEWED: "#2e7d32", BROKEN: "#c62828"}


def state_label(state: str) -> str:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate
    return {
        NOT_STARTED: translate("Corpus", "not started"),
        IN_PROGRESS: translate("Corpus", "in progress"),
        REVIEWED: translate("Corpus", "reviewed"),
        BROKEN: translate("Corpus", "unreadable"),
    }.get(state, state)


class CorpusModel(QAbstractListModel):
    """The corpus entries, one row per article."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: list[CorpusEntry] = []
        self.current = -1

    def set_entries(self, entries: list[CorpusEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.current = -1
        self.endResetModel()

    def update_entry(self, row: int, entry: CorpusEntry) -> None:
        self.entries[row] = entry
        index = self.index(row)
        self.dataChanged.emit(index, index)

    def set_current(self, row: int) -> None:
        previous, self.current = self.current, row
        for changed in (previous, row):
            if 0 <= changed < len(self.entries):
                self.dataChanged.emit(self.index(changed), self.index(changed))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            detail = f" · {entry.pending}/{entry.total}" if entry.state == IN_PROGRESS else ""
            return f"{entry.article.name} — {state_label(entry.state)}{detail}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(_STATE_COLOURS.get(entry.state, "#000000"))
        if role == Qt.ItemDataRole.FontRole and index.row() == self.current:
            from PySide6.QtGui import QFont

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


class CorpusController(QObject):
    entriesChanged = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.model = CorpusModel(self)
        self.panel = CorpusPanel(self.model)
        self.folder: Path | None = None
        self.worker = Worker(self)
        self._prefetched: dict[Path, OpenedArticle] = {}
        self._queued: set[Path] = set()
        self.panel.list.activated.connect(lambda index: self.go_to(index.row()))

    # Opening a folder -------------------------------------------------------------------------
    def open_folder(self, folder: Path) -> bool:
        if not self._window.files.maybe_close():
            return False
        try:
            entries = list_corpus(folder)
        except IqtibasError as error:
            dialogs.show_error(self._window, self.tr("Cannot open the folder"), str(error))
            return False
        if not entries:
            dialogs.show_error(self._window, self.tr("Cannot open the folder"), self.tr("%1: no .txt articles in this folder").replace("%1", str(folder)))
            return False
        self.folder = folder
        self._prefetched.clear()
        self.model.set_entries(entries)
        self.panel.folder_label.setText(str(folder))
        self.update_progress()
        self._window.show_corpus(True)
        start = next((i for i, e in enumerate(entries) if e.state != REVIEWED), 0)
        return self.go_to(start, ask=False)

    @property
    def active(self) -> bool:
        return self.folder is not None and bool(self.model.entries)

    # Navigation -------------------------------------------------------------------------------
    def go_to(self, row: int, *, ask: bool = True) -> bool:
        if not 0 <= row < len(self.model.entries):
            return False
        if ask and not self._save_current():
            return False
        entry = self.model.entries[row]
        self.model.set_current(row)
        self.panel.list.setCurrentIndex(self.model.index(row))
        prefetched = self._prefetched.pop(entry.article, None)
        self._window.files.open_path(entry.article, ask=False, prefetched=prefetched)
        self._prefetch_after(row)
        return True

    def next_article(self) -> bool:
        return self.active and self.go_to(self.model.current + 1)

    def previous_article(self) -> bool:
        return self.active and self.go_to(self.model.current - 1)

    def _save_current(self) -> bool:
        """Save the current article as we leave it (corpus work is saved as it goes)."""
        session = self._window.session
        if session is None or not session.is_modified:
            return True
        return self._window.files.save()

    def on_saved(self, path: Path) -> None:
        """Refresh the state of the saved article."""
        for row, entry in enumerate(self.model.entries):
            if entry.annotation == path:
                self.model.update_entry(row, entry_for(entry.article))
                self.update_progress()
                self.entriesChanged.emit()
                return

    def update_progress(self) -> None:
        entries = self.model.entries
        done = sum(1 for e in entries if e.state == REVIEWED)
        self.panel.progress.setRange(0, max(1, len(entries)))
        self.panel.progress.setValue(done)
        self.panel.progress.setFormat(self.tr("%1 of %2 articles reviewed").replace("%1", str(done)).replace("%2", str(len(entries))))

    # Background auto-annotation ---------------------------------------------------------------
    def _prefetch_after(self, row: int) -> None:
        for entry in self.model.entries[row + 1 : row + 1 + PREFETCH]:
            path = entry.article
            if entry.state != NOT_STARTED or path in self._prefetched or path in self._queued:
                continue
            self._queued.add(path)
            self.worker.submit(
                open_article,
                path,
                on_done=lambda opened, p=path: self._on_prefetched(p, opened),
                on_error=lambda _error, p=path: self._queued.discard(p),
            )

    def _on_prefetched(self, path: Path, opened: OpenedArticle) -> None:
        self._queued.discard(path)
        if self.folder is not None and any(e.article == path for e in self.model.entries):
            self._prefetched[path] = opened

    def is_prefetched(self, path: Path) -> bool:
        return path in self._prefetched
