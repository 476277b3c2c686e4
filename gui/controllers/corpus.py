"""Corpus mode: a folder of articles with their review state, walked one article after another.

The list shows each article's state (not started, in progress, reviewed) from ``core.corpus``
and a progress bar for the whole corpus. Next/previous article saves the current one first.
Articles not annotated yet are auto-annotated ahead of time in a background worker, so moving
on is instant and the window never freezes; results come back to the GUI thread as values.

Signals:
    entriesChanged(): the list or a state changed.
    activeChanged(bool): corpus mode started (show the corpus panel) or ended.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, Signal
from PySide6.QtWidgets import QWidget

from core.articles import OpenedArticle, open_article
from core.corpus import NOT_STARTED, REVIEWED, entry_for, list_corpus
from core.corrections import REVIEW_ITEM_TYPES, needs_review
from core.errors import IqtibasError
from core.loading import path_exists
from gui.controllers.files import FileController
from gui.dialogs import prompts
from gui.document.workers import Worker
from gui.document.workspace import Workspace
from gui.settings import settings
from gui.views.corpus_panel import CorpusModel, CorpusPanel, LiveState

PREFETCH = 3


class CorpusController(QObject):
    """Corpus mode; opens articles through ``files``, ``parent`` also parents its dialogs."""

    entriesChanged = Signal()
    activeChanged = Signal(bool)

    def __init__(self, workspace: Workspace, files: FileController, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._files = files
        self._dialog_parent = parent
        self.model = CorpusModel(self)
        self.panel = CorpusPanel(self.model)
        self.folder: Path | None = None
        self.worker = Worker(self)
        self._prefetched: dict[Path, OpenedArticle] = {}
        self._queued: set[Path] = set()
        # One click (or Enter) opens an article; a double click's second half is the same row.
        self.panel.list.clicked.connect(self._on_picked)
        self.panel.list.activated.connect(self._on_picked)
        files.saved.connect(self.on_saved)
        workspace.modifiedChanged.connect(self._follow_current)
        workspace.documentChanged.connect(self._follow_current)

    # Opening a folder -------------------------------------------------------------------------
    def open_folder_dialog(self) -> None:
        path = prompts.choose_folder(self._dialog_parent, str(self._files.last_folder()))
        if path:
            self.open_folder(Path(path))

    def open_folder(self, folder: Path) -> bool:
        if not self._files.maybe_close():
            return False
        try:
            entries = list_corpus(folder)
        except IqtibasError as error:
            prompts.show_error(self._dialog_parent, self.tr("Cannot open the folder"), str(error))
            return False
        if not entries:
            prompts.show_error(self._dialog_parent, self.tr("Cannot open the folder"), self.tr("%1: no .txt articles in this folder").replace("%1", str(folder)))
            return False
        self.folder = folder
        self._prefetched.clear()
        self.model.set_entries(entries)
        self.panel.folder_label.setText(str(folder))
        self.update_progress()
        self.activeChanged.emit(True)
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
        if prefetched is not None and path_exists(entry.annotation):
            prefetched = None  # annotated before its file was saved: the saved work wins
        self._files.open_path(entry.article, ask=False, prefetched=prefetched)
        self._prefetch_after(row)
        return True

    def _on_picked(self, index: QModelIndex) -> None:
        if index.isValid() and index.row() != self.model.current and not self.go_to(index.row()):
            self.panel.list.setCurrentIndex(self.model.index(self.model.current))  # cancelled

    def _follow_current(self, *_args: object) -> None:
        """The open article's state as it is being corrected, before it is saved: an article
        with unsaved corrections is "in progress" (or "reviewed") and says "unsaved"."""
        row = self.model.current
        session = self._workspace.session
        if not self.active or session is None or not session.ready or not 0 <= row < len(self.model.entries):
            return
        if session.article_path != self.model.entries[row].article:
            return
        if not session.is_modified:
            self.model.set_live(row, None)
            return
        items = [a for a in session.document if a.type in REVIEW_ITEM_TYPES]
        self.model.set_live(row, LiveState(sum(1 for a in items if needs_review(a)), len(items)))

    def next_article(self) -> bool:
        return self.active and self.go_to(self.model.current + 1)

    def previous_article(self) -> bool:
        return self.active and self.go_to(self.model.current - 1)

    def _save_current(self) -> bool:
        """Save the current article as we leave it (corpus work is saved as it goes)."""
        if not self._workspace.is_modified:
            return True
        return self._files.save()

    def on_saved(self, path: Path) -> None:
        """Refresh the state of the saved article."""
        for row, entry in enumerate(self.model.entries):
            if entry.annotation == path:
                self._prefetched.pop(entry.article, None)
                self.model.set_live(row, None)
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
                partial(open_article, model_path=settings().model_path or None),
                path,
                on_done=partial(self._on_prefetched, path),
                on_error=partial(self._on_prefetch_failed, path),
            )

    def _on_prefetch_failed(self, path: Path, _error: BaseException) -> None:
        self._queued.discard(path)  # opening it for real will report the problem

    def _on_prefetched(self, path: Path, opened: OpenedArticle) -> None:
        self._queued.discard(path)
        entry = next((e for e in self.model.entries if e.article == path), None)
        # Background annotation never stands in for saved work (the file may exist by now).
        if self.folder is not None and entry is not None and not path_exists(entry.annotation):
            self._prefetched[path] = opened

    def is_prefetched(self, path: Path) -> bool:
        return path in self._prefetched

    def continue_from(self, other: CorpusController) -> None:
        """Carry on ``other``'s corpus (a window rebuilt in another language)."""
        if not other.active or other.folder is None:
            return
        self.folder = other.folder
        self.model.set_entries(other.model.entries)
        self.model.set_current(other.model.current)
        self.panel.folder_label.setText(str(other.folder))
        self.update_progress()
        self.activeChanged.emit(True)
