"""The main window: puts the views and controllers together around one workspace.

It owns no logic beyond composition: the ``Workspace`` holds the open document and the current
selection and every view follows it by itself; files (``FileController``), corrections
(``EditController``), review (``ReviewController``), corpus mode (``CorpusController``) and
comparison (``CompareController``) each get, in their constructor, the workspace and the views
they need; the last two, and their docks' panels, are made when first used (``LazyDock``). The
window adds the window's own commands (preferences, help, focus, drag and drop)
and saves its geometry.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QMainWindow, QMessageBox, QScrollArea, QSplitter, QVBoxLayout, QWidget

from core import __version__
from core.corrections import DOUBT, ReviewOrder
from gui.application.actions import Actions, Targets, build_menus, build_toolbar, shortcut_rows
from gui.application.docks import LazyDock
from gui.controllers.editing import EditController
from gui.controllers.files import FileController
from gui.controllers.review import ReviewController
from gui.document.recovery import RecoveryStore
from gui.document.session import DocumentSession
from gui.document.workspace import Workspace
from gui.settings import settings
from gui.views.article_view import ArticleView
from gui.views.details_panel import DetailsPanel
from gui.views.icons import icon
from gui.views.legend import Legend
from gui.views.outline_model import OutlineModel
from gui.views.outline_panel import OutlinePanel
from gui.views.status_bar import StatusBar

if TYPE_CHECKING:  # made, and imported, on first use (``gui.application.docks``)
    from gui.controllers.compare import CompareController
    from gui.controllers.corpus import CorpusController

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
        self._closing_for_rebuild = False
        store = settings()
        self.workspace = workspace = Workspace(self)
        # Views: each follows the workspace itself.
        self.view = ArticleView(workspace, self)
        self.view.set_point_size(store.point_size)
        self.legend = Legend(self)
        self.outline_model = OutlineModel(self)
        self.outline = OutlinePanel(workspace, self.outline_model, self)
        self.details = DetailsPanel(workspace, self.outline_model, self)
        self.status = StatusBar(workspace, self)
        self.setStatusBar(self.status)
        # Controllers: each gets the workspace and the views it needs (corpus mode and comparison
        # when first used: ``corpus``, ``compare``).
        self.files = FileController(workspace, self.view, self.status, recovery, self)
        self.edit = EditController(workspace, self.view, self.outline, self.details, self.status, self)
        self.review = ReviewController(workspace, self.edit, self.status, store.review_order, self)
        self._build_layout()
        self.window_actions = Actions(self, Targets(self, workspace, self.files, self._corpus.get, self._compare.get, self.edit, self.review, self.view, self.outline, self.details))
        self.recent_menu = build_menus(self, self.window_actions, [self.corpus_dock, self.compare_dock])
        self.toolbar = build_toolbar(self, self.window_actions)
        actions = self.window_actions
        (actions.order_doubt if self.review.order == DOUBT else actions.order_reading).setChecked(True)
        self.view.set_context_actions([*actions.mark.values(), None, actions.delete, actions.accept, actions.reject])
        # The Arabic-layout keys' application-wide filter slows every event: it starts once the
        # window is on screen (``ArabicLayoutKeys``).
        self.view.firstPainted.connect(actions.arabic_layout.install)
        self._connect()
        self.setAcceptDrops(True)
        self.refresh_recent_menu()
        self._on_session(workspace.session)
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
        self._corpus = LazyDock(self, "corpusDock", self.tr("Corpus"), Qt.DockWidgetArea.LeftDockWidgetArea, self._make_corpus)
        self._compare = LazyDock(self, "compareDock", self.tr("Comparison"), Qt.DockWidgetArea.BottomDockWidgetArea, self._make_compare)
        self.corpus_dock = self._corpus.dock
        self.compare_dock = self._compare.dock

    @property
    def corpus(self) -> CorpusController:
        """Corpus mode (made on first use, with its dock's panel)."""
        return self._corpus.get()

    @property
    def compare(self) -> CompareController:
        """Comparison (made on first use, with its dock's panel)."""
        return self._compare.get()

    def _make_corpus(self) -> CorpusController:
        from gui.controllers.corpus import CorpusController

        corpus = CorpusController(self.workspace, self.files, self)
        corpus.activeChanged.connect(self.corpus_dock.setVisible)
        return corpus

    def _make_compare(self) -> CompareController:
        from gui.controllers.compare import CompareController

        compare = CompareController(self.workspace, self.view, self.status, self)
        compare.activeChanged.connect(self._show_comparison)
        return compare

    def _connect(self) -> None:
        self.workspace.sessionChanged.connect(self._on_session)
        self.workspace.modifiedChanged.connect(self._update_title)
        self.view.zoomChanged.connect(self._on_zoom)
        self.files.recentFilesChanged.connect(self.refresh_recent_menu)
        self.details.editingDone.connect(self.view.setFocus)

    # Following the workspace ------------------------------------------------------------------
    def _on_session(self, session: DocumentSession | None) -> None:
        actions = self.window_actions
        for action in actions.editing():
            action.setEnabled(session is not None and session.ready)  # nothing to edit before
        stack = session.undo_stack if session is not None else None
        actions.undo.setEnabled(bool(stack and stack.canUndo()))
        actions.redo.setEnabled(bool(stack and stack.canRedo()))
        if stack is not None:
            stack.canUndoChanged.connect(actions.undo.setEnabled)
            stack.canRedoChanged.connect(actions.redo.setEnabled)
            self.view.setFocus()
        self._update_title()

    def _update_title(self, *_args: object) -> None:
        session = self.workspace.session
        name = session.display_name if session is not None else self.tr("No article")
        if session is not None and not session.ready:
            name = self.tr("%1 (annotating…)").replace("%1", name)
        self.setWindowTitle(f"{name}[*] — {APP_NAME}")
        self.setWindowModified(self.workspace.is_modified)

    def refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in settings().recent_files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _checked=False, p=path: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(settings().recent_files))

    # Commands ---------------------------------------------------------------------------------
    def open_path(self, path: Path, *, ask: bool = True) -> bool:
        """Open an article or annotation file, or a folder as a corpus; False if cancelled."""
        if path.is_dir():
            return self.corpus.open_folder(path)
        return self.files.open_path(path, ask=ask)

    def set_review_order(self, order: ReviewOrder) -> None:
        self.review.set_order(order)
        settings().review_order = order
        (self.window_actions.order_doubt if order == DOUBT else self.window_actions.order_reading).setChecked(True)

    def _show_comparison(self, active: bool) -> None:
        """The comparison strip under the article: about a fifth of the window's height."""
        was_visible = self.compare_dock.isVisible()
        self.compare_dock.setVisible(active)
        if active and not was_visible:
            height = max(self.compare.panel.minimumSizeHint().height(), self.height() // 5)
            self.resizeDocks([self.compare_dock], [height], Qt.Orientation.Vertical)

    def _on_zoom(self, size: int) -> None:
        settings().point_size = size

    def cycle_focus(self) -> None:
        order = [self.view, self.outline.tree, self.details.type_combo]
        current = next((i for i, w in enumerate(order) if w.hasFocus()), -1)
        order[(current + 1) % len(order)].setFocus()

    def show_preferences(self) -> None:
        from gui.dialogs.preferences import PreferencesDialog

        store = settings()
        dialog = PreferencesDialog(store, self)
        if not dialog.exec():
            return
        values = dialog.values()
        store.annotator = values.annotator
        store.model_path = values.model_path
        self.set_review_order(values.review_order)
        self.view.set_point_size(values.point_size)
        if values.language != store.language:
            store.language = values.language
            self.languageChangeRequested.emit(store.language)

    def show_shortcuts(self) -> None:
        from gui.dialogs.shortcuts import ShortcutsDialog

        ShortcutsDialog(shortcut_rows(self.window_actions.all, arabic_layout=True), self).exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Iqtibas"),
            self.tr("Iqtibas %1 — annotate quotations, speakers and structure in Arabic news articles.").replace("%1", __version__),
        )

    # Window events ----------------------------------------------------------------------------
    def take_over(self, old: MainWindow) -> None:
        """Continue ``old``'s work in this (rebuilt) window: same document, undo history, corpus."""
        old_corpus = old._corpus.made
        if old_corpus is not None and old_corpus.active:
            self.corpus.continue_from(old_corpus)
        current_id = old.workspace.current_id
        session = old.workspace.take_session()
        if session is not None:
            self.workspace.set_session(session)
            self.workspace.select(current_id)
        old._closing_for_rebuild = True
        old.close()

    def close_without_asking(self) -> None:
        """Close at once (the program was told to stop): unsaved work stays in the recovery
        folder, offered back at the next start."""
        self._closing_for_rebuild = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing_for_rebuild and not self.files.maybe_close():
            event.ignore()
            return
        settings().save_window(self.saveGeometry(), self.saveState(), self.splitter.saveState())
        settings().sync()
        self.files.worker.wait(5000)
        corpus = self._corpus.made
        if corpus is not None:
            corpus.worker.wait(5000)
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

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.open_path(paths[0])
