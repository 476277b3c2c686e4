"""The workspace, and controllers built from it and a few views, without any main window."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from gui.controllers.editing import EditController
from gui.controllers.review import ReviewController
from gui.document.session import DocumentSession
from gui.document.workspace import Initiator, Workspace
from gui.views.article_view import ArticleView
from gui.views.details_panel import DetailsPanel
from gui.views.outline_model import OutlineModel
from gui.views.outline_panel import OutlinePanel
from gui.views.status_bar import StatusBar
from tests.gui.helpers import sample_document

pytestmark = pytest.mark.gui


def record(workspace: Workspace) -> list[tuple[str, Any]]:
    log: list[tuple[str, Any]] = []
    workspace.sessionChanged.connect(lambda session: log.append(("session", session)))
    workspace.documentChanged.connect(lambda events: log.append(("document", len(events))))
    workspace.selectionChanged.connect(lambda annotation, initiator: log.append(("selection", (annotation.id if annotation else None, initiator))))
    workspace.modifiedChanged.connect(lambda modified: log.append(("modified", modified)))
    return log


def test_signals_of_a_session_edit_and_undo(qapp) -> None:  # type: ignore[no-untyped-def]
    workspace = Workspace()
    log = record(workspace)
    session = DocumentSession(sample_document())
    workspace.set_session(session)
    assert log == [("session", session), ("modified", False), ("selection", (None, Initiator.PROGRAM))]
    quote = session.document.of_type("quote")[0]
    workspace.select(quote.id, Initiator.OUTLINE)
    log.clear()
    session.set_status(quote.id, "rejected")
    # The edit (the quote with its mention and cue: one unit), then the selection announced
    # again as it now is, then the unsaved state.
    assert log[:2] == [("document", 3), ("selection", (quote.id, Initiator.DOCUMENT))]
    assert ("modified", True) in log and workspace.current_annotation().status == "rejected"
    workspace.undo()
    assert workspace.current_annotation() == quote and not workspace.is_modified
    session.delete(quote.id)
    assert workspace.current_id is None  # a deleted annotation is no longer selected
    workspace.select("no-such-id")
    assert workspace.current_id is None


def test_handing_a_session_over_is_silent(qapp) -> None:  # type: ignore[no-untyped-def]
    first, second = Workspace(), Workspace()
    session = DocumentSession(sample_document())
    first.set_session(session)
    log = record(first)
    assert first.take_session() is session and first.session is None
    second.set_session(session)
    session.set_status(session.document.of_type("quote")[0].id, "accepted")
    assert log == []  # the old workspace hears nothing any more
    assert second.is_modified


@pytest.fixture
def parts(qtbot):  # type: ignore[no-untyped-def]
    """A workspace with the views the editing and review controllers need, and those controllers."""
    host = QWidget()
    qtbot.addWidget(host)
    workspace = Workspace(host)
    view = ArticleView(workspace, host)
    model = OutlineModel(host)
    outline = OutlinePanel(workspace, model, host)
    details = DetailsPanel(workspace, model, host)
    status = StatusBar(workspace, host)
    editing = EditController(workspace, view, outline, details, status, host)
    review = ReviewController(workspace, editing, status, parent=host)
    session = DocumentSession(sample_document())
    workspace.set_session(session)
    return workspace, session, view, outline, details, status, editing, review


def test_review_controller_without_a_window(parts) -> None:  # type: ignore[no-untyped-def]
    workspace, session, view, _outline, details, status, _editing, review = parts
    remaining = review.remaining
    assert remaining > 0 and status.remaining_label.text().endswith(str(remaining))
    first = review.next_pending()
    assert workspace.current_id == first and view.current_span() is not None
    assert details.annotation() is not None and details.annotation().id == first
    review.accept()
    assert session.document.get(first).status == "accepted"
    assert review.remaining == remaining - 1 and status.remaining_label.text().endswith(str(remaining - 1))
    assert review.next_pending() != first


def test_details_panel_edits_go_through_the_edit_controller(parts) -> None:  # type: ignore[no-untyped-def]
    workspace, session, _view, _outline, details, _status, _editing, _review = parts
    quote = session.document.of_type("quote")[0]
    workspace.select(quote.id)
    details.speaker_edit.setText("متحدث جديد")
    QTest.keyClick(details.speaker_edit, Qt.Key.Key_Return)
    assert session.document.get(quote.id).speaker == "متحدث جديد"
    assert details.speaker_combo.currentText() == "متحدث جديد"  # the panel shows the edited quote
    details.reject_button.click()
    assert session.document.get(quote.id).status == "rejected"
    assert session.undo_stack.count() == 2


def test_selection_is_not_echoed_back_to_its_source(parts) -> None:  # type: ignore[no-untyped-def]
    workspace, session, view, outline, _details, _status, _editing, _review = parts
    quote = session.document.of_type("quote")[2]
    # Chosen in the outline: the outline keeps its own row, the article scrolls to the quote.
    index = outline.proxy.mapFromSource(outline.source().index_for_annotation(quote))
    outline.tree.setCurrentIndex(index)
    assert workspace.current_id == quote.id and view.current_span() == (quote.start, quote.end)
    # The caret moved by the user: the annotation under it is chosen, the caret stays put.
    inside = quote.start + 3
    view.select_span(inside, inside)
    assert view.cursor_offset() == inside
    assert workspace.current_annotation() is not None and view.cursor_offset() == inside
