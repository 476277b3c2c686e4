"""The article: a read-only, right-to-left ``QPlainTextEdit`` with annotations highlighted.

Design (measured in the project's notes): ``QPlainTextEdit`` lays out only what is visible, the
``AnnotationHighlighter`` draws the annotations of the paragraphs being painted from a per-block
span index, and
``ExtraSelection``s are used only for the few transient marks (the selected annotation, compare
marks). The whole document is right-to-left and right-aligned through its default ``QTextOption``
(``QPlainTextEdit`` ignores per-block direction). All positions leaving this widget are code
points, converted by the document's ``OffsetMap``.

The view follows the workspace by itself: another document replaces the text and its span index,
each edit redraws only the paragraphs it touched, the selected annotation is marked and scrolled
to, and moving the caret selects the innermost annotation under it (``Initiator.CURSOR``).

When the annotated version of the text already shown arrives (an article is shown at once and
annotated in the background), the text stays as it is, scrolled where the user left it; only the
highlights are drawn.

Signals:
    cursorOffsetChanged(int): the text cursor moved (code-point offset of its position).
    zoomChanged(int): the article font's point size changed.
    painted(): the view painted a document's text (after the paint).
    firstPainted(): the view painted for the first time, with or without text (once).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
    QWheelEvent,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from core.model import Annotation, ModelEvent
from gui.document.session import DocumentSession
from gui.document.workspace import KEEPS_CARET, Initiator, Workspace
from gui.settings import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE
from gui.views.highlighter import AnnotationHighlighter
from gui.views.offsets import OffsetMap, view_text
from gui.views.span_index import SpanIndex
from gui.views.theme import SELECTION_BORDER, SELECTION_COLOUR, CompareMark, article_font


class ArticleView(QPlainTextEdit):
    """Shows one document's text; knows nothing about editing annotations."""

    cursorOffsetChanged = Signal(int)
    zoomChanged = Signal(int)
    painted = Signal()
    firstPainted = Signal()

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._workspace = workspace
        # Kept, never read: while this wrapper lives, viewport() returns it (see _wrapped_viewport).
        self._viewport = self._wrapped_viewport()
        self.setObjectName("articleView")
        self.setReadOnly(True)
        # Read-only, but the caret moves with the keyboard so a selection can be made without a mouse.
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setCenterOnScroll(False)
        self.document().setUndoRedoEnabled(False)
        self.document().setDocumentMargin(18)
        self._point_size = DEFAULT_POINT_SIZE
        self.setFont(article_font(self._point_size))
        self._offsets = OffsetMap("")
        self._text = ""  # the stored text shown (before ``view_text``)
        self._painted_once = False
        self._index: SpanIndex | None = None
        self._highlighter = AnnotationHighlighter(self.document())
        self._current: tuple[int, int] | None = None
        self._marks: list[tuple[int, int, CompareMark]] = []
        self._context_actions: list[QAction | None] = []
        self._set_direction("rtl")
        self.cursorPositionChanged.connect(self._on_cursor_moved)
        self.setPlaceholderText(self.tr("Open an article (Ctrl+O) or drop a file here."))
        workspace.sessionChanged.connect(self._on_session)
        workspace.documentChanged.connect(self._on_document_changed)
        workspace.selectionChanged.connect(self._on_selection)
        if workspace.session is not None:
            self._on_session(workspace.session)

    def _wrapped_viewport(self) -> QWidget:
        """The viewport, wrapped for Python as the plain ``QWidget`` it is, and kept.

        Handed a widget it has not wrapped yet, PySide looks for its most derived class among
        every widget class of QtWidgets, loading each (``viewport()`` the first time: ~10 ms, paid
        during the first paint). Found by class and name, the viewport is wrapped as a
        ``QWidget`` at once; ``viewport()`` then returns the same wrapper while it lives.
        """
        found = self.findChild(QWidget, "qt_scrollarea_viewport", Qt.FindChildOption.FindDirectChildrenOnly)
        return found if found is not None else self.viewport()

    # Following the workspace ------------------------------------------------------------------
    def _on_session(self, session: DocumentSession | None) -> None:
        if session is None:
            self.clear_content()
        else:
            document = session.document
            index = SpanIndex(document) if session.ready else None  # text only: nothing to draw yet
            self.set_content(document.text, index, document.direction)

    def _on_document_changed(self, events: list[ModelEvent]) -> None:
        if self._index is not None:
            self.refresh_blocks(self._index.apply(events))

    def _on_selection(self, annotation: Annotation | None, initiator: Initiator) -> None:
        if annotation is None:
            self.clear_current()
        else:
            self.show_span(annotation.start, annotation.end, move_cursor=initiator not in KEEPS_CARET)

    @property
    def span_index(self) -> SpanIndex | None:
        """Which annotations lie where, for the document shown (None without one)."""
        return self._index

    # Content ----------------------------------------------------------------------------------
    def set_content(self, text: str, index: SpanIndex | None, direction: str = "rtl") -> None:
        """Show ``text`` with the annotations of ``index`` (whose offsets belong to ``text``)."""
        self._current = None
        self._marks = []
        self.setExtraSelections([])
        self._index = index
        if text == self._text and text:
            # The same text with its annotations: keep the laid-out text and the scroll position.
            self._highlighter.set_index(index)
            self.viewport().update()
            return
        self._offsets = index.offsets if index is not None else OffsetMap(text)
        self._text = text
        self.blockSignals(True)
        self.setPlainText(view_text(text))  # new blocks, without formats: drawn as they are painted
        self.blockSignals(False)
        self._set_direction(direction)
        self._highlighter.set_document(self.document())
        self._highlighter.set_index(index)

    def clear_content(self) -> None:
        self.set_content("", None)

    @property
    def offsets(self) -> OffsetMap:
        return self._offsets

    def paintEvent(self, event: QPaintEvent) -> None:
        self.draw_visible_blocks()
        super().paintEvent(event)
        if not self._painted_once:
            self._painted_once = True
            self.firstPainted.emit()
        if self._text:
            self.painted.emit()

    def draw_visible_blocks(self) -> None:
        """Let the highlighter draw the blocks in the viewport that it has not drawn yet."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return
        first = last = block.blockNumber()
        offset = self.contentOffset()
        bottom = self.viewport().height()
        while block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= bottom:
            last = block.blockNumber()
            block = block.next()
        self._highlighter.draw_blocks(first, last)

    def refresh_blocks(self, blocks: Iterable[int]) -> None:
        """Re-highlight only the given blocks (after an edit)."""
        self._highlighter.rehighlight_blocks(set(blocks))
        self._apply_extra_selections()

    def _set_direction(self, direction: str) -> None:
        option = self.document().defaultTextOption()
        if direction == "ltr":
            option.setTextDirection(Qt.LayoutDirection.LeftToRight)
            option.setAlignment(Qt.AlignmentFlag.AlignLeft)
        else:
            option.setTextDirection(Qt.LayoutDirection.RightToLeft)
            option.setAlignment(Qt.AlignmentFlag.AlignRight)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)

    def is_right_to_left(self) -> bool:
        return self.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft

    # Positions (code points in, code points out) ----------------------------------------------
    def cursor_offset(self) -> int:
        return self._offsets.to_codepoint(self.textCursor().position())

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text as a code-point span, or ``None`` when nothing is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.span_to_codepoints(cursor.selectionStart(), cursor.selectionEnd())

    def select_span(self, start: int, end: int) -> None:
        """Select ``start..end`` (code points) as text, e.g. to create an annotation from it."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def selected_text(self) -> str:
        return self.textCursor().selectedText().replace("\u2029", "\n")

    def show_span(self, start: int, end: int, *, move_cursor: bool = True) -> None:
        """Mark ``start..end`` as the current annotation and scroll it into view."""
        self._current = (start, end)
        if move_cursor:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._offsets.to_utf16(min(end, start)))
            self.blockSignals(True)
            self.setTextCursor(cursor)
            self.blockSignals(False)
            # Make the whole span visible when it fits: first its end, then its start.
            end_cursor = QTextCursor(self.document())
            end_cursor.setPosition(self._offsets.to_utf16(end))
            if not self.viewport().rect().contains(self.cursorRect(end_cursor)):
                self.centerCursor()
            self.ensureCursorVisible()
        self._apply_extra_selections()

    def clear_current(self) -> None:
        self._current = None
        self._apply_extra_selections()

    def set_marks(self, marks: Sequence[tuple[int, int, CompareMark]]) -> None:
        """Transient marks ``(start, end, mark)`` drawn over the text (comparison differences),
        in the order given."""
        self._marks = list(marks)
        self._apply_extra_selections()

    def _apply_extra_selections(self) -> None:
        selections = []
        for start, end, mark in self._marks:
            selections.append(self._extra(start, end, mark.background, underline=mark.underline))
        if self._current is not None:
            selections.append(self._extra(*self._current, SELECTION_COLOUR, border=True))
        self.setExtraSelections(selections)

    def _extra(
        self, start: int, end: int, colour: str | None, *, underline: str | None = None, border: bool = False
    ) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        fmt = QTextCharFormat()
        if underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(underline))
        if colour:
            fmt.setBackground(QColor(colour))
        if border:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(SELECTION_BORDER))
        selection.format = fmt
        return selection

    def current_span(self) -> tuple[int, int] | None:
        return self._current

    def _on_cursor_moved(self) -> None:
        offset = self.cursor_offset()
        self.cursorOffsetChanged.emit(offset)
        if self._index is not None and self._workspace.session is not None:
            innermost = self._index.innermost_at(offset)
            self._workspace.select(innermost.id if innermost else None, Initiator.CURSOR)

    # Zoom -------------------------------------------------------------------------------------
    @property
    def point_size(self) -> int:
        return self._point_size

    def set_point_size(self, size: int) -> None:
        size = max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, int(size)))
        if size == self._point_size and self.font().pointSize() == size:
            return
        self._point_size = size
        self.setFont(article_font(size))
        self.zoomChanged.emit(size)

    def zoom_in_step(self) -> None:
        self.set_point_size(self._point_size + 1)

    def zoom_out_step(self) -> None:
        self.set_point_size(self._point_size - 1)

    def zoom_reset(self) -> None:
        self.set_point_size(DEFAULT_POINT_SIZE)

    # Context menu and wheel -------------------------------------------------------------------
    def set_context_actions(self, actions: Sequence[QAction | None]) -> None:
        """Actions added under the standard context menu (None: a separator)."""
        self._context_actions = list(actions)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self._context_actions:
            menu.addSeparator()
            for action in self._context_actions:
                if action is None:
                    menu.addSeparator()
                else:
                    menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta > 0:
                self.zoom_in_step()
            elif delta < 0:
                self.zoom_out_step()
            event.accept()
            return
        super().wheelEvent(event)
