"""Opening, saving, unsaved-changes prompts, recent files, autosave and crash recovery.

Opening is as quick as the file allows, and the window never waits for the annotator:

- An article still to annotate shows its text at once (reading and decoding it is quick); the
  automatic annotator runs in the helper process (``gui.document.workers``), and its result
  replaces the text-only session, filling in highlights, outline and review counts, while the
  status bar shows the work under way. Nothing can be edited before.
- A saved annotation file up to ``IN_PROCESS_LIMIT`` is loaded in the window's own process
  (``gui.document.opening``; the file named on the command line is checked in a process forked
  at start). A larger one loads in the helper process. Python's cycle collector waits until the
  loaded file is painted (``core.collector``).

A file that cannot be opened gets a dialog naming it and the problem, and the document shown
stays; a late result of an opening the user has since replaced is dropped. Saving goes through
the core's atomic writer. While a document has unsaved corrections, a copy goes to the recovery
folder every minute.

Signals:
    opened(object): a ``DocumentSession`` is shown (``ready`` is False while it is text only).
    saved(object): the path an annotation file was written to.
    recentFilesChanged(): the list of recent files changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from core.articles import OpenedArticle, article_id, is_annotation_path, open_article
from core.collector import CollectorPause
from core.errors import IqtibasError, printable
from core.jsonformat import SUFFIX, annotation_path_for, load_document, save_document
from core.loading import read_article
from core.model import Document
from gui.dialogs import prompts
from gui.document.opening import IN_PROCESS_LIMIT
from gui.document.recovery import RecoveryEntry, RecoveryStore
from gui.document.session import DocumentSession
from gui.document.workers import Worker
from gui.document.workspace import Workspace
from gui.settings import settings
from gui.views.article_view import ArticleView
from gui.views.status_bar import StatusBar

if TYPE_CHECKING:  # the annotator is imported when it is needed: opening a saved file never is
    from core.carryover import CarriedOver

Loader = Callable[[Path], Document]

# The helper starts once the text is painted, or after this long (a hidden window never paints).
START_AFTER_PAINT_MS = 250
# The cycle collector, held back while a file opens in-process, resumes once the text is painted,
# or after this long.
RESUME_COLLECTOR_MS = 1000


class FileController(QObject):
    """Files of the workspace's document; ``parent`` also parents the dialogs it opens."""

    opened = Signal(object)
    saved = Signal(object)
    recentFilesChanged = Signal()

    def __init__(self, workspace: Workspace, view: ArticleView, status: StatusBar, recovery: RecoveryStore | None, parent: QWidget) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view = view
        self._status = status
        self._dialog_parent = parent
        self.worker = Worker(self)
        self.recovery = recovery or RecoveryStore()
        self.loading: Path | None = None
        self._collector = CollectorPause()
        self._request = 0  # the latest opening; results of earlier ones are dropped
        self._submitted = False  # the latest opening's work was handed to the helper
        self._autosave = QTimer(self)
        self._autosave.setInterval(settings().autosave_seconds * 1000)
        self._autosave.timeout.connect(self.autosave_now)
        self._autosaved_index = -1
        workspace.modifiedChanged.connect(self._on_modified)

    # Opening ----------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path = prompts.choose_open_path(self._dialog_parent, str(self.last_folder()))
        if path:
            self.open_path(Path(path))

    def last_folder(self) -> Path:
        """Where open dialogs start: the folder of the most recent file."""
        recent = settings().recent_files
        return Path(recent[0]).parent if recent else Path.home()

    def open_path(
        self, path: Path | str, *, ask: bool = True, prefetched: OpenedArticle | None = None, load: Loader = load_document
    ) -> bool:
        """Open an article or annotation file; False if the user cancelled.

        ``load`` reads a saved annotation file loaded in this process (the window's entry passes
        ``ForkedCheck.load``: ``gui.document.opening``). Folders are the corpus controller's
        (``CorpusController.open_folder``).
        """
        path = Path(path)
        if ask and not self.maybe_close():
            return False
        self._request += 1
        request = self._request
        if prefetched is not None:
            self._on_loaded(path, request, prefetched)
            return True
        saved = path if is_annotation_path(path) else annotation_path_for(path)
        if saved.exists():
            if saved.stat().st_size <= IN_PROCESS_LIMIT:
                self._open_here(path, request, load)
            else:
                self._open_in_helper(path, request, self.tr("Opening %1…"))
            return True
        try:
            article = read_article(path)
        except (IqtibasError, OSError) as error:
            self._on_failed(path, request, error)
            return True
        text_only = Document(article.text, id=article_id(path), source=str(path))
        self._show(DocumentSession(text_only, article_path=path, annotation_path=saved, ready=False))
        message = self.tr("Annotating %1… (the text is shown; highlights and outline follow)")
        self._open_in_helper(path, request, message, after_paint=True)
        return True

    def _open_here(self, path: Path, request: int, load: Loader) -> None:
        # No search for reference cycles among the objects of the file until it is on screen
        # (core.collector says why).
        if not self._collector.paused:
            self._collector.pause()
            self._view.painted.connect(self._collector.resume, Qt.ConnectionType.SingleShotConnection)
            QTimer.singleShot(RESUME_COLLECTOR_MS, self._collector.resume)
        try:
            opened = open_article(path, load=load)
        except (IqtibasError, OSError) as error:
            self._collector.resume()
            self._on_failed(path, request, error)
            return
        self._on_loaded(path, request, opened)

    def _open_in_helper(self, path: Path, request: int, message: str, *, after_paint: bool = False) -> None:
        self.loading = path
        self._submitted = False
        self._status.set_busy(message.replace("%1", path.name))
        if not after_paint:
            self._submit(path, request)
            return
        # The text first: starting the helper process would delay its first paint by ~0.1 s.
        start = partial(self._submit, path, request)
        self._view.painted.connect(start, Qt.ConnectionType.SingleShotConnection)
        QTimer.singleShot(START_AFTER_PAINT_MS, start)

    def _submit(self, path: Path, request: int) -> None:
        if request == self._request and self.loading == path and not self._submitted:  # once, if not replaced
            self._submitted = True
            self.worker.submit(
                partial(open_article, model_path=settings().model_path or None),
                path,
                on_done=partial(self._on_loaded, path, request),
                on_error=partial(self._on_failed, path, request),
            )

    def open_sample(self) -> None:
        from core.annotator.trained import model_from
        from core.articles import document_from_text
        from core.resources import SAMPLE_ARTICLE, read_text

        self._request += 1
        try:
            model = model_from(settings().model_path or None)
        except IqtibasError as error:
            prompts.show_error(self._dialog_parent, self.tr("Cannot use this model"), str(error))
            model = None
        document = document_from_text(read_text(SAMPLE_ARTICLE), doc_id="sample", source=SAMPLE_ARTICLE, model=model)
        session = DocumentSession(document)  # no place of its own: saving asks where (Save As)
        self._show(session)

    def _on_loaded(self, path: Path, request: int, opened: OpenedArticle) -> None:
        if request != self._request:
            return  # the user has opened something else since
        self.loading = None
        self._status.set_busy(None)
        if opened.changed_text is not None and prompts.ask_carry_over(self._dialog_parent, opened.changed_message()):
            from core.carryover import carry_over

            self.loading = path
            self._status.set_busy(self.tr("Re-annotating %1…").replace("%1", path.name))
            self.worker.submit(
                partial(carry_over, model_path=settings().model_path or None),
                opened.document,
                opened.changed_text,
                on_done=partial(self._on_carried_over, path, request, opened),
                on_error=partial(self._on_failed, path, request),
            )
            return
        session = DocumentSession(
            opened.document,
            article_path=opened.article_path,
            annotation_path=opened.annotation_path,
            from_saved=opened.from_saved,
        )
        self._show(session)
        settings().add_recent_file(str(path))
        self.recentFilesChanged.emit()

    def _on_carried_over(self, path: Path, request: int, opened: OpenedArticle, carried: CarriedOver) -> None:
        """Show the re-annotated article as unsaved work: the user reviews it, then saves."""
        if request != self._request:
            return
        self.loading = None
        self._status.set_busy(None)
        session = DocumentSession(
            carried.document, article_path=opened.article_path, annotation_path=opened.annotation_path, from_saved=True
        )
        self._show(session)
        session.undo_stack.resetClean()  # modified: nothing is written until the user saves
        if carried.lost:
            self._status.show_message(
                self.tr("%1 reviewed annotations were in changed lines and were not kept").replace("%1", str(len(carried.lost))),
                error=True,
            )
        settings().add_recent_file(str(path))
        self.recentFilesChanged.emit()

    def _on_failed(self, path: Path, request: int, error: BaseException) -> None:
        if request != self._request:
            return
        self.loading = None
        self._status.set_busy(None)
        if isinstance(error, IqtibasError):
            message = str(error)
        else:  # a bug, not the file: no Python text in the dialog (it goes to the terminal)
            print(f"iqtibas: opening {path}: {error!r}", file=sys.stderr)
            message = self.tr("%1: this file could not be opened because of an unexpected problem in Iqtibas").replace(
                "%1", printable(str(path))
            )
        prompts.show_error(self._dialog_parent, self.tr("Cannot open the file"), message)

    def _show(self, session: DocumentSession) -> None:
        old = self._workspace.session
        if old is not None and old.ready:  # a text-only session never had work to keep
            self.recovery.discard(old.document, old.annotation_path)
        self._autosave.stop()
        self._autosaved_index = -1
        self._workspace.set_session(session)
        if old is not None:
            old.deleteLater()
        self.opened.emit(session)

    # Saving -----------------------------------------------------------------------------------
    def save(self) -> bool:
        session = self._workspace.session
        if session is None:
            return False
        target = session.annotation_path
        if target is None:
            return self.save_as()
        return self._write(session, target)

    def save_as(self) -> bool:
        session = self._workspace.session
        if session is None:
            return False
        suggested = session.annotation_path or (annotation_path_for(session.article_path) if session.article_path else Path.home() / f"{session.document.id}{SUFFIX}")
        chosen = prompts.choose_save_path(self._dialog_parent, suggested)
        if not chosen:
            return False
        path = Path(chosen)
        if not path.name.endswith((SUFFIX, ".json")):
            path = path.with_name(path.name + SUFFIX)
        return self._write(session, path)

    def _write(self, session: DocumentSession, path: Path) -> bool:
        old_path = session.annotation_path
        annotator = settings().annotator
        if annotator and (session.is_modified or not session.document.meta.get("annotator")):
            session.document.meta["annotator"] = annotator  # who corrected it (iqtibas agree compares them)
        try:
            save_document(session.document, path)
        except (IqtibasError, OSError) as error:
            prompts.show_error(self._dialog_parent, self.tr("Cannot save"), str(error))
            return False
        self.recovery.discard(session.document, old_path)
        self.recovery.discard(session.document, path)
        session.mark_saved(path)
        self._status.show_message(self.tr("Saved %1").replace("%1", str(path)))
        self.saved.emit(path)
        return True

    def maybe_close(self) -> bool:
        """Ask about unsaved corrections; True when it is fine to replace or close the document."""
        session = self._workspace.session
        if session is None or not session.is_modified:
            return True
        answer = prompts.ask_unsaved(self._dialog_parent, session.display_name)
        if answer == prompts.SAVE:
            return self.save()
        if answer == prompts.DISCARD:
            self.recovery.discard(session.document, session.annotation_path)
            session.undo_stack.setClean()  # the decision is made: nothing to ask again
            return True
        return False

    # Autosave and recovery --------------------------------------------------------------------
    def _on_modified(self, modified: bool) -> None:
        if modified:
            if not self._autosave.isActive():
                self._autosave.start()
        else:
            self._autosave.stop()

    def autosave_now(self) -> bool:
        """Copy unsaved work to the recovery folder (never to the user's file)."""
        session = self._workspace.session
        if session is None or not session.is_modified:
            return False
        if session.undo_stack.index() == self._autosaved_index:
            return False
        try:
            self.recovery.write(session.document, session.annotation_path, session.article_path, session.display_name)
        except (IqtibasError, OSError) as error:
            self._status.show_message(self.tr("Autosave failed: %1").replace("%1", str(error)), error=True)
            return False
        self._autosaved_index = session.undo_stack.index()
        return True

    def offer_recovery(self) -> bool:
        """At start: offer the work a crash left behind; True if something was restored."""
        entries = self.recovery.entries()
        if not entries:
            return False
        if not prompts.ask_restore(self._dialog_parent, [e.name for e in entries]):
            for entry in entries:
                self.recovery.remove(entry.key)
            return False
        restored = False
        for entry in entries[-1:]:  # one window, one document: the most recent
            restored = self._restore(entry)
        for entry in entries[:-1]:
            self._status.show_message(self.tr("Older recovery copy kept: %1").replace("%1", str(entry.data_path)))
        return restored

    def _restore(self, entry: RecoveryEntry) -> bool:
        try:
            recovered = self.recovery.load(entry)
        except IqtibasError as error:
            prompts.show_error(self._dialog_parent, self.tr("Cannot restore"), str(error))
            return False
        base: OpenedArticle | None = None
        source = entry.annotation_path if entry.annotation_path and entry.annotation_path.exists() else entry.article_path
        if source is not None and source.exists():
            try:
                base = open_article(source)
            except IqtibasError:
                base = None
        if base is not None and base.document.sha256 == recovered.sha256:
            session = DocumentSession(base.document, article_path=base.article_path, annotation_path=entry.annotation_path or base.annotation_path, from_saved=base.from_saved)
            self._show(session)
            session.restore(self.tr("Restore unsaved work"), recovered.annotations)
        else:
            session = DocumentSession(recovered, article_path=entry.article_path, annotation_path=entry.annotation_path)
            self._show(session)
            session.apply(self.tr("Restore unsaved work"), lambda d: None)
            session.undo_stack.resetClean()
        self.recovery.remove(entry.key)
        self.autosave_now()
        return True
