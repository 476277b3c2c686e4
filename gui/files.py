"""Opening, saving, unsaved-changes prompts, recent files, autosave and crash recovery.

Articles open in the background (``core.articles.open_article`` may auto-annotate) so the window
never freezes; the previous document stays until the new one is ready, and a file that cannot
be opened gets a dialog naming it and the problem. Saving goes through the core's atomic writer.
While a document has unsaved corrections, a copy goes to the recovery folder every minute.

Signals:
    opened(object): a new ``DocumentSession`` is shown.
    saved(object): the path an annotation file was written to.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from core.articles import OpenedArticle, open_article
from core.carryover import CarriedOver, carry_over
from core.errors import IqtibasError, printable
from core.jsonformat import SUFFIX, annotation_path_for, save_document
from gui import dialogs
from gui.recovery import RecoveryEntry, RecoveryStore, restore_into
from gui.session import DocumentSession
from gui.settings import settings
from gui.workers import Worker

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class FileController(QObject):
    opened = Signal(object)
    saved = Signal(object)

    def __init__(self, window: MainWindow, recovery: RecoveryStore | None = None) -> None:
        super().__init__(window)
        self._window = window
        self.worker = Worker(self)
        self.recovery = recovery or RecoveryStore()
        self.loading: Path | None = None
        self._autosave = QTimer(self)
        self._autosave.setInterval(settings().autosave_seconds * 1000)
        self._autosave.timeout.connect(self.autosave_now)
        self._autosaved_index = -1

    # Opening ----------------------------------------------------------------------------------
    def open_dialog(self) -> None:
        path = dialogs.choose_open_path(self._window, str(self._last_folder()))
        if path:
            self.open_path(Path(path))

    def open_folder_dialog(self) -> None:
        path = dialogs.choose_folder(self._window, str(self._last_folder()))
        if path:
            self.open_path(Path(path))

    def _last_folder(self) -> Path:
        recent = settings().recent_files
        return Path(recent[0]).parent if recent else Path.home()

    def open_path(self, path: Path | str, *, ask: bool = True, prefetched: OpenedArticle | None = None) -> bool:
        """Open an article, annotation file or corpus folder; False if the user cancelled."""
        path = Path(path)
        if path.is_dir():
            return self._window.corpus.open_folder(path)
        if ask and not self.maybe_close():
            return False
        if prefetched is not None:
            self._on_loaded(path, prefetched)
            return True
        self.loading = path
        self._window.set_busy(self.tr("Opening %1…").replace("%1", path.name))
        self.worker.submit(
            open_article,
            path,
            on_done=lambda opened: self._on_loaded(path, opened),
            on_error=lambda error: self._on_failed(path, error),
        )
        return True

    def open_sample(self) -> None:
        from core.articles import document_from_text
        from core.resources import SAMPLE_ARTICLE, read_text

        document = document_from_text(read_text(SAMPLE_ARTICLE), doc_id="sample", source=SAMPLE_ARTICLE)
        session = DocumentSession(document, annotation_path=Path.home() / f"sample{SUFFIX}")
        self._show(session)

    def _on_loaded(self, path: Path, opened: OpenedArticle) -> None:
        self.loading = None
        self._window.set_busy(None)
        if opened.changed_text is not None and dialogs.ask_carry_over(self._window, opened.changed_message()):
            self.loading = path
            self._window.set_busy(self.tr("Re-annotating %1…").replace("%1", path.name))
            self.worker.submit(
                carry_over,
                opened.document,
                opened.changed_text,
                on_done=lambda carried: self._on_carried_over(path, opened, carried),
                on_error=lambda error: self._on_failed(path, error),
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
        self._window.refresh_recent_menu()

    def _on_carried_over(self, path: Path, opened: OpenedArticle, carried: CarriedOver) -> None:
        """Show the re-annotated article as unsaved work: the user reviews it, then saves."""
        self.loading = None
        self._window.set_busy(None)
        session = DocumentSession(
            carried.document, article_path=opened.article_path, annotation_path=opened.annotation_path, from_saved=True
        )
        self._show(session)
        session.apply(self.tr("Re-annotate the changed article"), lambda _document: None)
        session.undo_stack.resetClean()
        if carried.lost:
            self._window.show_message(
                self.tr("%1 reviewed annotations were in changed lines and were not kept").replace("%1", str(len(carried.lost))),
                error=True,
            )
        settings().add_recent_file(str(path))
        self._window.refresh_recent_menu()

    def _on_failed(self, path: Path, error: BaseException) -> None:
        self.loading = None
        self._window.set_busy(None)
        if isinstance(error, IqtibasError):
            message = str(error)
        else:  # a bug, not the file: no Python text in the dialog (it goes to the terminal)
            print(f"iqtibas: opening {path}: {error!r}", file=sys.stderr)
            message = self.tr("%1: this file could not be opened because of an unexpected problem in Iqtibas").replace("%1", printable(str(path)))
        dialogs.show_error(self._window, self.tr("Cannot open the file"), message)

    def _show(self, session: DocumentSession) -> None:
        old = self._window.session
        if old is not None:
            self.recovery.discard(old.document, old.annotation_path)
        self._autosave.stop()
        self._autosaved_index = -1
        session.modifiedChanged.connect(self._on_modified)
        self._window.set_session(session)
        if old is not None:
            old.deleteLater()
        self.opened.emit(session)

    # Saving -----------------------------------------------------------------------------------
    def save(self) -> bool:
        session = self._window.session
        if session is None:
            return False
        target = session.annotation_path
        if target is None:
            return self.save_as()
        return self._write(session, target)

    def save_as(self) -> bool:
        session = self._window.session
        if session is None:
            return False
        suggested = session.annotation_path or (annotation_path_for(session.article_path) if session.article_path else Path.home() / f"{session.document.id}{SUFFIX}")
        chosen = dialogs.choose_save_path(self._window, suggested)
        if not chosen:
            return False
        path = Path(chosen)
        if not path.name.endswith((SUFFIX, ".json")):
            path = path.with_name(path.name + SUFFIX)
        return self._write(session, path)

    def _write(self, session: DocumentSession, path: Path) -> bool:
        old_path = session.annotation_path
        try:
            save_document(session.document, path)
        except (IqtibasError, OSError) as error:
            dialogs.show_error(self._window, self.tr("Cannot save"), str(error))
            return False
        self.recovery.discard(session.document, old_path)
        self.recovery.discard(session.document, path)
        session.mark_saved(path)
        self._window.show_message(self.tr("Saved %1").replace("%1", str(path)))
        self.saved.emit(path)
        return True

    def maybe_close(self) -> bool:
        """Ask about unsaved corrections; True when it is fine to replace or close the document."""
        session = self._window.session
        if session is None or not session.is_modified:
            return True
        answer = dialogs.ask_unsaved(self._window, session.display_name)
        if answer == dialogs.SAVE:
            return self.save()
        if answer == dialogs.DISCARD:
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
        session = self._window.session
        if session is None or not session.is_modified:
            return False
        if session.undo_stack.index() == self._autosaved_index:
            return False
        try:
            self.recovery.write(session.document, session.annotation_path, session.article_path, session.display_name)
        except (IqtibasError, OSError) as error:
            self._window.show_message(self.tr("Autosave failed: %1").replace("%1", str(error)), error=True)
            return False
        self._autosaved_index = session.undo_stack.index()
        return True

    def offer_recovery(self) -> bool:
        """At start: offer the work a crash left behind; True if something was restored."""
        entries = self.recovery.entries()
        if not entries:
            return False
        if not dialogs.ask_restore(self._window, [e.name for e in entries]):
            for entry in entries:
                self.recovery.remove(entry.key)
            return False
        restored = False
        for entry in entries[-1:]:  # one window, one document: the most recent
            restored = self._restore(entry)
        for entry in entries[:-1]:
            self._window.show_message(self.tr("Older recovery copy kept: %1").replace("%1", str(entry.data_path)))
        return restored

    def _restore(self, entry: RecoveryEntry) -> bool:
        try:
            recovered = self.recovery.load(entry)
        except IqtibasError as error:
            dialogs.show_error(self._window, self.tr("Cannot restore"), str(error))
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
            session.apply(self.tr("Restore unsaved work"), lambda d: restore_into(d, recovered.annotations))
        else:
            session = DocumentSession(recovered, article_path=entry.article_path, annotation_path=entry.annotation_path)
            self._show(session)
            session.apply(self.tr("Restore unsaved work"), lambda d: None)
            session.undo_stack.resetClean()
        self.recovery.remove(entry.key)
        self.autosave_now()
        return True
