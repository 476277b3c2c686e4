"""Every kind of correction from the keyboard, each undoable and redoable exactly."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt

from gui.dialogs import prompts
from gui.document.workspace import Initiator
from tests.gui.helpers import sample_document

pytestmark = pytest.mark.gui

K = Qt.Key
M = Qt.KeyboardModifier


def key(qtbot, window, k, modifiers=M.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(window.view, k, modifiers)


def select(window, text: str, occurrence: int = 0) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    document_text = window.workspace.session.document.text
    start = -1
    for _ in range(occurrence + 1):
        start = document_text.index(text, start + 1)
    window.view.setFocus()
    window.view.select_span(start, start + len(text))
    return start, start + len(text)


def test_create_each_type_with_single_keys(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    before = len(document)
    expectations = [
        (K.Key_Q, "quote", "direct"),
        (K.Key_I, "quote", "indirect"),
        (K.Key_S, "speaker", None),
        (K.Key_C, "cue", None),
        (K.Key_H, "heading", None),
        (K.Key_B, "boilerplate", None),
        (K.Key_P, "paragraph", None),
        (K.Key_T, "title", None),
    ]
    for number, (k, type_name, kind) in enumerate(expectations):
        # Part of a word: snapping widens it to whole words.
        start, end = select(window, "ثلث الأراضي الزراعية")
        window.view.select_span(start + 1, end - 2)
        key(qtbot, window, k)
        created = window.workspace.current_annotation()
        assert created is not None and created.type == type_name and created.kind == kind
        assert (created.start, created.end) == (start, end)
        assert created.origin == "manual" and created.status == "accepted"
        assert len([a for a in document if a.type != "section"]) == len([a for a in sample_document() if a.type != "section"]) + number + 1
    assert len(document) >= before + len(expectations)
    assert window.isWindowModified()


def test_shift_keeps_the_exact_selection(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    start, end = select(window, "ثلث الأراضي")
    window.view.select_span(start + 1, end - 1)
    key(qtbot, window, K.Key_Q, M.ShiftModifier)
    created = window.workspace.current_annotation()
    assert (created.start, created.end) == (start + 1, end - 1)


def test_type_key_without_selection_changes_the_type(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    quote = next(q for q in document.of_type("quote") if q.kind == "direct")
    window.workspace.select(quote.id)
    key(qtbot, window, K.Key_I)
    assert document.get(quote.id).kind == "indirect"
    key(qtbot, window, K.Key_K)
    assert document.get(quote.id).kind == "direct"
    key(qtbot, window, K.Key_B)
    assert document.get(quote.id).type == "boilerplate"
    assert document.get(quote.id).speaker is None
    window.workspace.undo()
    # Back to a direct quote with its speaker, reviewed: a person changed its kind.
    assert document.get(quote.id) == quote.with_changes(status="accepted", corrected=("kind",))


def test_boundaries_move_by_word_and_character_in_screen_direction(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    start, end = select(window, "محصول القمح هذا العام")
    key(qtbot, window, K.Key_Q)
    quote_id = window.workspace.current_id
    # Right-to-left article: Alt+Left moves the end later (to the left on screen) by a word.
    key(qtbot, window, K.Key_Left, M.AltModifier)
    assert document.get(quote_id).end == document.text.index("هو الأسوأ") + 2
    key(qtbot, window, K.Key_Right, M.AltModifier)
    assert document.get(quote_id).end == end
    key(qtbot, window, K.Key_Right, M.AltModifier | M.ShiftModifier)  # start a word earlier
    assert document.get(quote_id).start == document.text.index("إن محصول")
    key(qtbot, window, K.Key_Left, M.AltModifier | M.ShiftModifier | M.ControlModifier)  # start a char later
    assert document.get(quote_id).start == document.text.index("إن محصول") + 1
    key(qtbot, window, K.Key_Right, M.AltModifier | M.ControlModifier)  # end a char earlier
    assert document.get(quote_id).end == end - 1
    # Set from a new selection (snapped), then undo everything step by step.
    window.workspace.select(quote_id)
    new_start, new_end = select(window, "القمح هذا")
    window.view.select_span(new_start + 2, new_end)
    window.workspace.select(quote_id, Initiator.CURSOR)  # keep the quote current and the selection as it is
    key(qtbot, window, K.Key_E, M.ControlModifier)
    assert (document.get(quote_id).start, document.get(quote_id).end) == (new_start, new_end)
    for _ in range(6):
        window.workspace.undo()
    assert (document.get(quote_id).start, document.get(quote_id).end) == (start, end)


def test_speaker_cue_mention_and_merge(window, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    quote = next(q for q in document.of_type("quote") if q.speaker == "سامي الخطيب")
    window.workspace.select(quote.id)
    # F2 focuses the speaker field; type a new name and press Enter.
    qtbot.keyClick(window.view, K.Key_F2)
    combo = window.details.speaker_combo
    assert combo.hasFocus() or combo.lineEdit().hasFocus()
    combo.lineEdit().setText("وزير الموارد المائية")
    qtbot.keyClick(combo.lineEdit(), K.Key_Return)
    assert document.get(quote.id).speaker == "وزير الموارد المائية"
    assert document.get(quote.id).speaker_id is None  # the text never names that speaker
    if quote.speaker_id is not None:  # the annotator's mention, used by no quote now: rejected
        assert document.get(quote.speaker_id).status == "rejected"
    assert window.view.hasFocus()  # Enter gave the keys back to the article
    # Link it back to a mention: the quote takes the mention's speaker.
    mention = next(m for m in document.of_type("speaker", active_only=True) if m.speaker == "سامي الخطيب")
    details = window.details
    details.mention_combo.setCurrentIndex(details.mention_combo.findData(mention.id))
    details.mention_combo.activated.emit(details.mention_combo.currentIndex())
    assert document.get(quote.id).speaker == "سامي الخطيب" and document.get(quote.id).speaker_id == mention.id
    # Cue.
    qtbot.keyClick(window.view, K.Key_F4)
    details.cue_edit.setText("صرّح")
    qtbot.keyClick(details.cue_edit, K.Key_Return)
    assert document.get(quote.id).cue == "صرّح"
    # Merge two speakers: all quotes of one follow.
    window.outline.select_speaker("الخطيب") if any(s.name == "الخطيب" for s in document.speakers()) else window.outline.select_speaker("سامي الخطيب")
    source = window.outline.current_speaker()
    source_quotes = [q.id for q in document.of_type("quote") if q.speaker == source]
    monkeypatch.setattr(prompts, "choose_speaker", lambda *args, **kwargs: "ليلى منصور")
    window.window_actions.merge_speakers.trigger()
    assert all(document.get(q).speaker == "ليلى منصور" for q in source_quotes)
    assert source not in [s.name for s in document.speakers()]
    window.workspace.undo()
    assert all(document.get(q).speaker == source for q in source_quotes)


def test_review_keys_and_remaining_count(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    remaining = window.review.remaining
    key(qtbot, window, K.Key_N)  # most doubtful first
    first = window.workspace.current_annotation()
    # The lower of a quote's own and its speaker's confidence decides (issue 8).
    from core.corrections import doubt, needs_review

    assert doubt(first) == min(doubt(a) for a in document if needs_review(a))
    key(qtbot, window, K.Key_A)
    assert document.get(first.id).status == "accepted"
    assert window.review.remaining == remaining - 1
    assert window.status.remaining_label.text().endswith(str(remaining - 1))
    key(qtbot, window, K.Key_N)
    second = window.workspace.current_annotation()
    assert second.id != first.id and second.status == "pending"
    key(qtbot, window, K.Key_R)
    assert document.get(second.id).status == "rejected"
    assert window.review.remaining == remaining - 2
    key(qtbot, window, K.Key_N, M.ShiftModifier)  # previous pending
    assert window.workspace.current_annotation().status == "pending"
    # Reading order.
    window.window_actions.order_reading.trigger()
    window.workspace.select(None)
    key(qtbot, window, K.Key_N)
    reading_first = min((a for a in document if a.status == "pending" and a.type not in ("section", "paragraph")), key=lambda a: a.sort_key())
    assert window.workspace.current_id == reading_first.id


def test_delete_and_exact_undo_redo_of_a_whole_session(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    original = copy.deepcopy(document.annotations)
    heading = document.of_type("heading")[0]
    window.workspace.select(heading.id)
    key(qtbot, window, K.Key_Delete)
    assert heading.id not in document
    select(window, "الحلول التقنية")
    key(qtbot, window, K.Key_Q)
    key(qtbot, window, K.Key_N)
    key(qtbot, window, K.Key_A)
    edited = copy.deepcopy(document.annotations)
    stack = window.workspace.session.undo_stack
    while stack.canUndo():
        window.workspace.undo()
    assert document.annotations == original
    assert not window.isWindowModified()
    while stack.canRedo():
        window.workspace.redo()
    assert document.annotations == edited
    assert window.isWindowModified()
    # The outline follows: no stale rows for the deleted heading.
    assert window.outline_model.index_for_annotation(heading).isValid() is False


def test_actions_and_toolbar_list_single_key_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    keys = {a.text().replace("&", ""): [s.toString() for s in a.shortcuts()] for a in window.window_actions.all}
    assert keys["Mark as direct quote"][0] == "Q"
    assert keys["Accept"] == ["A"] and keys["Reject"] == ["R"]
    assert QKeySequence(QKeySequence.StandardKey.Save).toString() in keys["Save"]
    assert keys["Next article"] == ["Ctrl+PgDown"]
