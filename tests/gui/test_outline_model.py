"""The outline item model: Qt's model tester, agreement with core.outline after every edit."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.model import Annotation, Document
from gui.document.session import DocumentSession
from gui.views.outline_model import ANNOTATION_ID_ROLE, OutlineModel
from tests.gui.helpers import outline_snapshot, sample_document

pytestmark = pytest.mark.gui


def make(document: Document, qtmodeltester) -> tuple[DocumentSession, OutlineModel]:  # type: ignore[no-untyped-def]
    session = DocumentSession(document)
    model = OutlineModel()
    model.set_document(document)
    session.changed.connect(model.apply)
    qtmodeltester.check(model, force_py=True)
    return session, model


def test_tree_matches_core_outline(qapp, qtmodeltester, document) -> None:  # type: ignore[no-untyped-def]
    _session, model = make(document, qtmodeltester)
    assert model.snapshot() == outline_snapshot(document)
    top = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert top[0] == document.span_text(document.of_type("title")[0])
    assert any("سامي الخطيب" in model.index(r, 0, model.index(model.rowCount() - 1, 0)).data() for r in range(3))


def test_incremental_edits_keep_the_tree_right(qapp, qtmodeltester, document) -> None:  # type: ignore[no-untyped-def]
    session, model = make(document, qtmodeltester)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    quote = document.of_type("quote")[0]
    heading = document.of_type("heading")[0]
    session.set_speaker(quote.id, "متحدث جديد")
    assert model.snapshot() == outline_snapshot(document)
    session.set_status(quote.id, "rejected")
    assert model.snapshot() == outline_snapshot(document)
    session.delete(heading.id)  # sections are re-derived inside the same command
    assert model.snapshot() == outline_snapshot(document)
    text = document.text
    start = text.index("جدل حول")
    session.create("heading", start, start + 5)
    assert model.snapshot() == outline_snapshot(document)
    session.merge_speakers("الخطيب" if any(s.name == "الخطيب" for s in document.speakers()) else document.speakers()[0].name, "ليلى منصور")
    assert model.snapshot() == outline_snapshot(document)
    for _ in range(session.undo_stack.count()):
        session.undo_stack.undo()
        assert model.snapshot() == outline_snapshot(document)
    assert document == sample_document() or model.snapshot() == outline_snapshot(document)
    assert resets == []


OPS = st.lists(
    st.tuples(st.sampled_from(["status", "speaker", "delete", "retype", "resize", "create", "undo", "redo"]), st.integers(0, 10_000)),
    min_size=1,
    max_size=12,
)


def apply_edit(session: DocumentSession, document: Document, op: str, n: int) -> None:
    """One of ``OPS``'s edits, through the session as the window makes it."""
    annotations = [a for a in document if a.type != "section"]
    target: Annotation = annotations[n % len(annotations)]
    if op == "status":
        session.set_status(target.id, ("accepted", "rejected", "pending")[n % 3])
    elif op == "speaker":
        quotes = document.of_type("quote")
        if quotes:
            session.set_speaker(quotes[n % len(quotes)].id, ("سامي الخطيب", "ليلى منصور", "جديد")[n % 3])
    elif op == "delete":
        session.delete(target.id)
    elif op == "retype":
        session.retype(target.id, ("heading", "quote", "boilerplate", "cue")[n % 4], kind=None)
    elif op == "resize":
        session.resize(target.id, max(0, target.start - 3), target.end)
    elif op == "create":
        start = n % (len(document.text) - 20)
        session.create(("quote", "heading", "speaker")[n % 3], start, start + 12)
    elif op == "undo":
        session.undo_stack.undo()
    elif op == "redo":
        session.undo_stack.redo()


@given(ops=OPS)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_edit_sequences(qapp, qtmodeltester, ops) -> None:  # type: ignore[no-untyped-def]
    document = sample_document()
    session, model = make(document, qtmodeltester)
    original = sample_document()
    for op, n in ops:
        apply_edit(session, document, op, n)
        assert model.snapshot() == outline_snapshot(document)
    while session.undo_stack.canUndo():
        session.undo_stack.undo()
    assert document.annotations == original.annotations
    assert model.snapshot() == outline_snapshot(document)


def test_roles(qapp, qtmodeltester, document) -> None:  # type: ignore[no-untyped-def]
    _session, model = make(document, qtmodeltester)
    title = model.index(0, 0)
    assert title.data(ANNOTATION_ID_ROLE) == document.of_type("title")[0].id
    assert model.index(0, 1).data() is not None  # review column
    assert model.annotation_for(title) == document.of_type("title")[0]


def test_every_row_is_enabled_and_selectable_not_editable(qapp, document) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex, Qt

    model = OutlineModel()
    model.set_document(document)
    rows = [model.index(row, column) for row in range(model.rowCount()) for column in (0, 1)]
    rows += [model.index(0, 0, model.index(row, 0)) for row in range(model.rowCount()) if model.hasChildren(model.index(row, 0))]
    assert len(rows) > 2 * model.rowCount()
    assert {model.flags(index) for index in rows} == {Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable}
    assert model.flags(QModelIndex()) == Qt.ItemFlag.NoItemFlags


def quote_rows_made(model: OutlineModel) -> int:
    """How many quote rows exist so far (sections' and speakers' quote rows are made lazily)."""
    return sum(1 for nodes in model._nodes.values() for node in nodes if node.kind in ("quote", "squote"))


@given(ops=OPS, peeks=st.lists(st.integers(0, 10_000), max_size=3))
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_quote_rows_made_late_follow_the_edits_made_before(qapp, qtmodeltester, ops, peeks) -> None:  # type: ignore[no-untyped-def]
    """Nothing has asked for a section's or speaker's quotes: none are made; edits then leave
    them unmade (no view knows them) or reconcile the few made, and the tree ends up right."""
    document = sample_document()
    session = DocumentSession(document)
    model = OutlineModel()
    model.set_document(document)
    session.changed.connect(model.apply)
    assert quote_rows_made(model) == 0
    top = [model.index(row, 0) for row in range(model.rowCount())]
    assert all(model.hasChildren(index) == (model._row_count(model.node(index)) > 0) for index in top)
    assert quote_rows_made(model) == 0  # hasChildren answers without making them
    for peek in peeks:  # a view opens a section, or the selection goes to a quote
        quotes = document.of_type("quote")
        if peek % 2 and quotes:
            quote = quotes[peek % len(quotes)]
            assert model.index_for_annotation(quote).data(ANNOTATION_ID_ROLE) == quote.id
        else:
            model.rowCount(top[peek % len(top)])
    for op, n in ops:
        apply_edit(session, document, op, n)
    for quote in document.of_type("quote"):
        if quote.is_active:
            assert model.index_for_annotation(quote).data(ANNOTATION_ID_ROLE) == quote.id
    assert model.snapshot() == outline_snapshot(document)
    qtmodeltester.check(model, force_py=True)


def test_a_section_row_not_made_answers_while_its_section_goes(qapp) -> None:  # type: ignore[no-untyped-def]
    """Within an edit that removes a section, views (Qt's model tester among them) may ask about
    its row between the index update and the row's removal: an unmade row counts no quotes
    instead of failing on the section that is gone (found by the random edit sequences)."""
    document = sample_document()
    model = OutlineModel()
    model.set_document(document)
    section = document.of_type("section")[1]
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(ANNOTATION_ID_ROLE) == section.id)
    document.remove(section.id)  # the model has not heard of it yet, as in the middle of apply
    model._idx.remove(section)
    index = model.index(row, 0)
    assert not model.hasChildren(index) and model.rowCount(index) == 0
