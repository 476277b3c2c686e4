"""The outline beside the article: a filter box and the tree, with quiet two-way selection.

The panel follows the workspace: another document rebuilds the outline model, each edit updates
just the rows it touched, the selected annotation's row becomes current without being announced
back, and a row the user picks becomes the workspace's selection (``Initiator.OUTLINE``).

Signals:
    annotationChosen(str): the user moved to a row that stands for an annotation (its id).
    speakerChosen(str): the user moved to a speaker of the speakers index (its name).
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from core.folding import fold
from core.model import Annotation, ModelEvent
from gui.document.session import DocumentSession
from gui.document.workspace import Initiator, Workspace
from gui.views.outline_model import NODE_KIND_ROLE, SEARCH_TEXT_ROLE, SPEAKER_ROLE, OutlineModel

EXPAND_LIMIT = 1500


class OutlineFilter(QSortFilterProxyModel):
    """Keeps rows whose text matches the query loosely (``core.folding.fold``), with their parents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._query = ""

    def set_query(self, text: str) -> None:
        query = fold(" ".join(text.split()))
        if query != self._query:
            self.beginFilterChange()
            self._query = query
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    @property
    def query(self) -> str:
        return self._query

    def hasChildren(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        """Without a query every row is kept, so the source knows. The tree asks this of every
        top row when it lays itself out; the proxy's own answer filters each row's children
        first (11,000 calls of ``filterAcceptsRow`` for the sections of a 1 MB article)."""
        if self._query:
            return super().hasChildren(parent)
        return self.sourceModel().hasChildren(self.mapToSource(parent))

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._query:
            return True
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        text = model.data(index, SEARCH_TEXT_ROLE) or ""
        return self._query in fold(str(text))


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction of ``text``'s first strong character (Unicode bidi): right to left for an
    Arabic row, left to right for a Latin one; left to right when there is none."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
    return Qt.LayoutDirection.LeftToRight


class RowDirectionDelegate(QStyledItemDelegate):
    """Lays each row out in its own text's direction, whatever the interface's: an Arabic quote
    reads right to left (its brackets on the right side, aligned right, its icon at its start)
    in the English window too, and an English label left to right in the Arabic one."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.direction = text_direction(option.text)


class OutlinePanel(QWidget):
    annotationChosen = Signal(str)
    speakerChosen = Signal(str)

    def __init__(self, workspace: Workspace, model: OutlineModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._quiet = False
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("outlineFilter")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setPlaceholderText(self.tr("Filter the outline (Ctrl+F): speaker, words…"))
        self.proxy = OutlineFilter(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("outlineTree")
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.setIndentation(14)
        self.tree.setItemDelegateForColumn(0, RowDirectionDelegate(self.tree))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(120)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.filter_edit.textChanged.connect(lambda _text: self._filter_timer.start())
        self.filter_edit.returnPressed.connect(self._apply_filter)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        self.set_source(model)
        workspace.sessionChanged.connect(self._on_session)
        workspace.documentChanged.connect(self._apply_quietly)
        workspace.selectionChanged.connect(self._on_selection)
        self.annotationChosen.connect(lambda annotation_id: workspace.select(annotation_id, Initiator.OUTLINE))
        if workspace.session is not None:
            self._on_session(workspace.session)

    # Following the workspace ------------------------------------------------------------------
    def _on_session(self, session: DocumentSession | None) -> None:
        self.source().set_document(session.document if session is not None else None)

    def _apply_quietly(self, events: list[ModelEvent]) -> None:
        """Follow an edit's rows without announcing where the tree's current row lands.

        Removing or moving the current row (a renamed speaker leaves the speakers index) makes
        the tree pick a neighbour as current; announced, it would move the workspace's selection
        to an unrelated annotation. The workspace reselects the edited annotation right after.
        """
        self._quiet = True
        try:
            self.source().apply(events)
        finally:
            self._quiet = False

    def _on_selection(self, annotation: Annotation | None, initiator: Initiator) -> None:
        if initiator is not Initiator.OUTLINE:
            self.select_annotation(annotation)

    # Model ------------------------------------------------------------------------------------
    def set_source(self, model: OutlineModel) -> None:
        self.proxy.setSourceModel(model)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed review column: sizing it to its contents would query every row on each edit.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, self.tree.fontMetrics().horizontalAdvance("• 0.00 ?") + 28)
        model.modelReset.connect(self._expand_new_tree)
        self.expand_defaults()

    def source(self) -> OutlineModel:
        model = self.proxy.sourceModel()
        assert isinstance(model, OutlineModel)
        return model

    def expand_defaults(self) -> None:
        """Sections open (their quotes visible), boilerplate closed, the speakers list open.

        In very long documents sections start closed: every expanded row costs the tree view
        work each time rows are removed, and the section of the selected quote opens anyway.
        """
        kinds = self._open_by_default()
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            self.tree.setExpanded(index, index.data(NODE_KIND_ROLE) in kinds)

    def _expand_new_tree(self) -> None:
        """``expand_defaults`` for a tree just built: none of its rows is expanded yet, so only the
        rows to open are visited (visiting all of a 1 MB article's 700 closed sections took ~10 ms
        of opening it)."""
        for source_index in self.source().top_rows(self._open_by_default()):
            index = self.proxy.mapFromSource(source_index)
            if index.isValid():
                self.tree.setExpanded(index, True)

    def _open_by_default(self) -> frozenset[str]:
        """The kinds of top rows ``expand_defaults`` opens."""
        return frozenset(("sgroup", "section")) if self.source().quote_count() <= EXPAND_LIMIT else frozenset(("sgroup",))

    # Filter -----------------------------------------------------------------------------------
    def focus_filter(self) -> None:
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        self._quiet = True  # rows filtered away move the current row: not a choice of the user
        try:
            self.proxy.set_query(self.filter_edit.text())
            if self.proxy.query:
                self.tree.expandAll()
            else:
                self.expand_defaults()
        finally:
            self._quiet = False

    # Selection --------------------------------------------------------------------------------
    def select_annotation(self, annotation: Annotation | None) -> None:
        """Show ``annotation``'s row as current without announcing it (no feedback loop)."""
        source_index = self.source().index_for_annotation(annotation) if annotation is not None else QModelIndex()
        index = self.proxy.mapFromSource(source_index)
        current = self.tree.currentIndex()
        if index.isValid() and current.isValid() and current.siblingAtColumn(0) == index and self.tree.selectionModel().isSelected(current):
            return  # already shown: no scrolling work after every edit
        self._quiet = True
        try:
            if index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
            else:
                self.tree.selectionModel().clearSelection()
        finally:
            self._quiet = False

    def select_speaker(self, name: str) -> None:
        index = self.proxy.mapFromSource(self.source().index_for_speaker(name))
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.setExpanded(index, True)
            self.tree.scrollTo(index)

    def current_speaker(self) -> str | None:
        index = self.tree.currentIndex()
        name = index.siblingAtColumn(0).data(SPEAKER_ROLE) if index.isValid() else None
        return name or None

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._quiet or not current.isValid():
            return
        source = self.proxy.mapToSource(current.siblingAtColumn(0))
        model = self.source()
        speaker = source.data(SPEAKER_ROLE)
        if speaker:
            self.tree.setExpanded(current.siblingAtColumn(0), True)
            self.speakerChosen.emit(speaker)
        annotation = model.annotation_for(source)
        if annotation is not None:
            self.annotationChosen.emit(annotation.id)
