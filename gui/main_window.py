"""The main window: composes the article view, outline, details, corpus and compare panels.

It owns no logic of its own beyond wiring: files (``FileController``), corrections
(``EditController``), review (``ReviewController``), corpus mode (``CorpusController``) and
comparison (``CompareController``) do the work; the ``DocumentSession`` holds the document and
its undo stack. Selection is shared: the outline, the article cursor and the details panel all
follow ``select_annotation``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar, QScrollArea, QSplitter, QVBoxLayout, QWidget

from core import __version__
from core.model import Annotation, ModelEvent
from gui.actions import Actions, build_menus, build_toolbar
from gui.article_view import ArticleView
from gui.compare_panel import CompareController
from gui.corpus import CorpusController
from gui.details_panel import DetailsPanel
from gui.editing import EditController
from gui.files import FileController
from gui.icons import icon
from gui.legend import Legend
from gui.outline_model import OutlineModel
from gui.outline_panel import OutlinePanel
from gui.recovery import RecoveryStore
from gui.review import ReviewController
from gui.session import DocumentSession
from gui.settings import settings

APP_NAME = "Iqtibas"


class MainWindow(QMainWindow):
    """Signals:
        languageChangeRequested(str): the user chose another interface language.
    """

    languageChangeRequested = Signal(str)

    def __init__(self, recovery: RecoveryStore | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowIcon(icon("iqtibas"))
        self.session: DocumentSession | None = None
        self.current_id: str | None = None
        self._closing_for_rebuild = False
        store = settings()
        # Widgets.
        self.view = ArticleView(self)
        self.view.set_point_size(store.point_size)
        self.legend = Legend(self)
        self.outline_model = OutlineModel(self)
        self.outline = OutlinePanel(self)
        self.outline.set_source(self.outline_model)
        # Controllers (they need the widgets above).
        self.edit = EditController(self)
        self.review = ReviewController(self, store.review_order)
        self.files = FileController(self, recovery)
        self.corpus = CorpusController(self)
        self.compare = CompareController(self)
        self.details = DetailsPanel(self.edit, self.outline_model, self)
        self._build_layout()
        self.actions = Actions(self)
        self.recent_menu = build_menus(self, self.actions)
        self.toolbar = build_toolbar(self, self.actions)
        (self.actions.order_doubt if self.review.order == "doubt" else self.actions.order_reading).setChecked(True)
        self.view.set_context_actions([*self.actions.mark.values(), None, self.actions.delete, self.actions.accept, self.actions.reject])
        self._connect()
        self.setAcceptDrops(True)
        self.refresh_recent_menu()
        self._update_title()
        self._update_actions()
        self._restore_state()

    # Building ---------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        article = QWidget(self)
        column = QVBoxLayout(article)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view)
        column.addWidget(self.legend)
        details = QScrollArea(self)
        details.setWidget(self.details)
        details.setWidgetResizable(True)
        details.setFrameShape(QScrollArea.Shape.NoFrame)
        side = QSplitter(Qt.Orientation.Vertical, self)
        side.addWidget(self.outline)
        side.addWidget(details)
        side.setStretchFactor(0, 3)
        side.setStretchFactor(1, 2)
        self.side_splitter = side
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(article)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.corpus_dock = self._dock("corpusDock", self.tr("Corpus"), self.corpus.panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.compare_dock = self._dock("compareDock", self.tr("Comparison"), self.compare.panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.remaining_label = QLabel(self)
        self.remaining_label.setObjectName("remainingLabel")
        self.position_label = QLabel(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        status = self.statusBar()
        status.addPermanentWidget(self.busy)
        status.addPermanentWidget(self.position_label)
        status.addPermanentWidget(self.remaining_label)

    def _dock(self, name: str, title: str, content: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(content)
        self.addDockWidget(area, dock)
        dock.hide()
        return dock

    def _connect(self) -> None:
        self.view.cursorOffsetChanged.connect(self._on_cursor_offset)
        self.view.zoomChanged.connect(self._on_zoom)
        self.outline.annotationChosen.connect(lambda annotation_id: self.select_annotation(annotation_id, origin="outline"))
        self.review.remainingChanged.connect(self._on_remaining)
        self.files.saved.connect(self.corpus.on_saved)

    # Document ---------------------------------------------------------------------------------
    def set_session(self, session: DocumentSession) -> None:
        """Show ``session``'s document (the previous one is forgotten by the caller)."""
        if self.session is not None:
            self.session.changed.disconnect(self._on_document_changed)
            self.session.modifiedChanged.disconnect(self._update_title)
        self.session = session
        self.current_id = None
        session.changed.connect(self._on_document_changed)
        session.modifiedChanged.connect(self._update_title)
        stack = session.undo_stack
        stack.canUndoChanged.connect(self.actions.undo.setEnabled)
        stack.canRedoChanged.connect(self.actions.redo.setEnabled)
        self.view.set_content(session.document.text, session.index, session.document.direction)
        self.outline_model.set_document(session.document)
        self.details.show_annotation(session.document, None)
        self.review.reset()
        if self.compare.active:
            self.compare.stop()
        self._update_title()
        self._update_actions()
        self.view.setFocus()

    def current_annotation(self) -> Annotation | None:
        if self.session is None or self.current_id is None:
            return None
        return self.session.document.find(self.current_id)

    def select_annotation(self, annotation_id: str | None, origin: str = "program") -> None:
        """Make ``annotation_id`` current everywhere (``origin`` avoids echoing to its source)."""
        self.current_id = annotation_id
        annotation = self.current_annotation()
        if annotation is None:
            self.current_id = None
            self.view.clear_current()
            if origin != "outline":
                self.outline.select_annotation(None)
        else:
            self.view.show_span(annotation.start, annotation.end, move_cursor=origin != "cursor")
            if origin != "outline":
                self.outline.select_annotation(annotation)
        self.details.show_annotation(self.session.document if self.session else None, annotation)
        self._update_position()

    def refresh_current(self) -> None:
        """Redraw the current annotation's mark and details after it changed."""
        self.select_annotation(self.current_id, origin="cursor")

    def _on_document_changed(self, events: list[ModelEvent]) -> None:
        session = self.session
        if session is None:
            return
        dirty = session.index.apply(events)
        self.view.refresh_blocks(dirty)
        self.outline_model.apply(events)
        self.review.follow(events)
        if self.compare.active:
            self.compare.refresh()
        self.refresh_current()

    def _on_cursor_offset(self, offset: int) -> None:
        if self.session is None:
            return
        innermost = self.session.index.innermost_at(offset)
        self.select_annotation(innermost.id if innermost else None, origin="cursor")

    # Status -----------------------------------------------------------------------------------
    def _update_title(self, *_args: object) -> None:
        session = self.session
        name = session.display_name if session is not None else self.tr("No article")
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(session is not None and session.is_modified)

    def _update_actions(self) -> None:
        has_document = self.session is not None
        for action in self.actions.editing():
            action.setEnabled(has_document)
        stack = self.session.undo_stack if self.session else None
        self.actions.undo.setEnabled(bool(stack and stack.canUndo()))
        self.actions.redo.setEnabled(bool(stack and stack.canRedo()))

    def _on_remaining(self, count: int) -> None:
        self.remaining_label.setText(self.tr("To review: %1").replace("%1", str(count)))

    def _update_position(self) -> None:
        annotation = self.current_annotation()
        from gui.labels import type_label

        self.position_label.setText(f"{type_label(annotation.type, annotation.kind)} {annotation.start}–{annotation.end}" if annotation else "")

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.statusBar().showMessage(text, 8000 if error else 4000)

    def set_busy(self, text: str | None) -> None:
        self.busy.setVisible(text is not None)
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def show_corpus(self, visible: bool) -> None:
        self.corpus_dock.setVisible(visible)

    def show_compare(self, visible: bool) -> None:
        self.compare_dock.setVisible(visible)

    def refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings().recent_files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.files.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(settings().recent_files))

    # Commands ---------------------------------------------------------------------------------
    def undo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.undo()

    def redo(self) -> None:
        if self.session is not None:
            self.session.undo_stack.redo()

    def set_review_order(self, order: str) -> None:
        self.review.set_order(order)
        settings().review_order = order

    def _on_zoom(self, size: int) -> None:
        settings().point_size = size

    def cycle_focus(self) -> None:
        order = [self.view, self.outline.tree, self.details.type_combo]
        current = next((i for i, w in enumerate(order) if w.hasFocus()), -1)
        order[(current + 1) % len(order)].setFocus()

    def show_preferences(self) -> None:
        from gui.preferences import PreferencesDialog

        store = settings()
        dialog = PreferencesDialog(store, self)
        if not dialog.exec():
            return
        values = dialog.values()
        self.set_review_order(str(values["review_order"]))
        (self.actions.order_doubt if values["review_order"] == "doubt" else self.actions.order_reading).setChecked(True)
        self.view.set_point_size(int(values["point_size"]))  # type: ignore[call-overload]
        if values["language"] != store.language:
            store.language = str(values["language"])
            self.languageChangeRequested.emit(store.language)

    def show_shortcuts(self) -> None:
        from gui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.actions.all, self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Iqtibas"),
            self.tr("Iqtibas %1 — annotate quotations, speakers and structure in Arabic news articles.").replace("%1", __version__),
        )

    # Window events ----------------------------------------------------------------------------
    def take_over(self, old: MainWindow) -> None:
        """Continue ``old``'s work in this (rebuilt) window: same document, undo history, corpus."""
        if old.corpus.active and old.corpus.folder is not None:
            self.corpus.model.set_entries(old.corpus.model.entries)
            self.corpus.folder = old.corpus.folder
            self.corpus.model.set_current(old.corpus.model.current)
            self.corpus.panel.folder_label.setText(str(old.corpus.folder))
            self.corpus.update_progress()
            self.show_corpus(True)
        if old.session is not None:
            session, old.session = old.session, None
            session.changed.disconnect(old._on_document_changed)
            session.modifiedChanged.disconnect(old._update_title)
            session.modifiedChanged.connect(self.files._on_modified)
            self.set_session(session)
            self.select_annotation(old.current_id)
        old._closing_for_rebuild = True
        old.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt override)
        if not self._closing_for_rebuild and not self.files.maybe_close():
            event.ignore()
            return
        settings().save_window(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        settings().sync()
        self.files.worker.wait(5000)
        self.corpus.worker.wait(5000)
        event.accept()

    def _restore_state(self) -> None:
        store = settings()
        geometry = store.window_geometry()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1300, 820)
        state = store.window_state()
        if state is not None:
            self.restoreState(state)
            self.corpus_dock.hide()
            self.compare_dock.hide()
        splitter = store.splitter_state()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            QTimer.singleShot(0, self._default_splits)

    def _default_splits(self) -> None:
        self.splitter.setSizes([int(self.width() * 0.58), int(self.width() * 0.42)])
        self.side_splitter.setSizes([int(self.height() * 0.55), int(self.height() * 0.45)])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.open_path(paths[0])

