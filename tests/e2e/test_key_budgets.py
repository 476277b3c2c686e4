"""Issue 9's key budgets, pressed for real: every key goes to the widget that has the focus, as
on a keyboard, and is counted; typing a name or a cue is not counted, nor the mouse (a click on
the quote to fix, a drag over a missed quote). The README's keyboard table quotes these counts.

- A wrong speaker fixed to a new or an existing name: F2, Enter (2 keys; budget 4), the quote
  then accepted and linked to a mention of that speaker where the text has one.
- A quote end moved by a word and accepted: Alt+Right or Alt+Left (1 key; budget 3).
- A missed quote added with its speaker and cue, linked: Q, F2, Enter, F4, Enter (5 keys;
  budget 6).
- A false quote rejected: N, R (2 keys; budget 2).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from core import corrections, linking
from core.model import Annotation
from tests.e2e.keyboard import Keyboard, click, drag

pytestmark = pytest.mark.gui

K = Qt.Key
M = Qt.KeyboardModifier


def quote_by_cue(window: Any, cue: str, occurrence: int = 0) -> Annotation:
    return [q for q in window.workspace.session.document.of_type("quote") if q.cue == cue][occurrence]


@pytest.fixture
def ready(annotated_window: Any) -> Any:
    annotated_window.view.setFocus()
    return annotated_window


def test_a_wrong_speaker_fixed_to_a_new_name_takes_two_keys(ready: Any, qtbot: Any) -> None:
    window, keys = ready, Keyboard(qtbot)
    document = window.workspace.session.document
    quote = quote_by_cue(window, "قال", 1)  # “الحلول التقنية …”، قال الخبير البيئي د. رامي ناصر
    assert quote.speaker == "الخبير البيئي د"
    click(window, quote.start + 4)
    assert window.workspace.current_id == quote.id
    keys.press(K.Key_F2)
    keys.type("رامي ناصر")
    keys.press(K.Key_Return)
    assert keys.pressed == ["F2", "Return"]
    fixed = document.get(quote.id)
    assert (fixed.speaker, fixed.status, fixed.origin, fixed.corrected) == ("رامي ناصر", "accepted", "auto", ("speaker", "speaker_id"))
    mention = document.get(fixed.speaker_id)  # the name right after the quote, annotated now
    assert document.span_text(mention) == "رامي ناصر" and mention.speaker == "رامي ناصر"
    assert window.view.hasFocus()  # the keys are back with the review: A, R, N, K work again
    assert linking.link_problems(document) == []


def test_a_wrong_speaker_fixed_to_an_existing_name_takes_two_keys(ready: Any, qtbot: Any) -> None:
    window, keys = ready, Keyboard(qtbot)
    document = window.workspace.session.document
    session = window.workspace.session
    first = quote_by_cue(window, "قال", 1)
    session.set_speaker(first.id, "رامي ناصر")  # earlier work: the speaker exists in the article
    quote = quote_by_cue(window, "وأردف")  # وأردف: »المياه الجوفية …« — same speaker, named wrong
    assert quote.speaker == "الخبير البيئي د"
    click(window, quote.start + 4)
    assert window.workspace.current_id == quote.id
    remaining = window.review.remaining
    keys.press(K.Key_F2)
    keys.type("رام")  # the field completes the known name as it is typed
    assert window.details.speaker_combo.currentText() == "رامي ناصر"
    keys.press(K.Key_Return)
    assert keys.pressed == ["F2", "Return"]
    fixed = document.get(quote.id)
    assert (fixed.speaker, fixed.status, fixed.corrected) == ("رامي ناصر", "accepted", ("speaker", "speaker_id"))
    assert fixed.speaker_id == document.get(first.id).speaker_id  # the mention the text has
    assert window.review.remaining == remaining - 1
    assert window.view.hasFocus()


def test_a_quote_end_moved_by_a_word_and_accepted_takes_one_key(ready: Any, qtbot: Any) -> None:
    window, keys = ready, Keyboard(qtbot)
    document = window.workspace.session.document
    quote = quote_by_cue(window, "قال")  # قال المزارع محمود العلي إن محصول القمح … منذ عقد
    click(window, quote.start + 2)
    assert window.workspace.current_id == quote.id
    keys.press(K.Key_Right, M.AltModifier, "Alt+Right")  # right to left: the end a word earlier
    assert keys.pressed == ["Alt+Right"]
    moved = document.get(quote.id)
    assert moved.start == quote.start and document.text[moved.end : quote.end].split() == ["عقد"]
    assert (moved.status, moved.origin, moved.corrected) == ("accepted", "auto", ("end",))
    keys.press(K.Key_Left, M.AltModifier, "Alt+Left")  # and back: a word later
    assert document.get(quote.id).end == quote.end


def test_a_missed_quote_with_speaker_and_cue_linked_takes_five_keys(ready: Any, qtbot: Any) -> None:
    window, keys = ready, Keyboard(qtbot)
    document = window.workspace.session.document
    missed = quote_by_cue(window, "قال")  # the annotator's quote, removed to stand for a missed one
    window.workspace.session.execute("setup", lambda d: corrections.delete(d, missed.id))
    assert missed.id not in document and missed.speaker_id not in document and missed.cue_id not in document
    drag(window, missed.start, missed.end)
    selected = window.view.selection_span()
    assert selected is not None and abs(selected[0] - missed.start) <= 1 and abs(selected[1] - missed.end) <= 1
    keys.press(K.Key_Q)  # the selection snaps to whole words
    keys.press(K.Key_F2)
    keys.type("محمود العل")  # completed to the article's speaker "محمود العلي"
    keys.press(K.Key_Return)
    keys.press(K.Key_F4)
    keys.type("قال")
    keys.press(K.Key_Return)
    assert keys.pressed == ["Q", "F2", "Return", "F4", "Return"]
    quote = window.workspace.current_annotation()
    assert quote is not None and (quote.type, quote.kind, quote.origin, quote.status) == ("quote", "direct", "manual", "accepted")
    assert (quote.start, quote.end) == (missed.start, missed.end)
    assert quote.speaker == "محمود العلي" and quote.cue == "قال"
    mention, cue = document.get(quote.speaker_id), document.get(quote.cue_id)
    assert document.span_text(mention) == "محمود العلي" and mention.end <= quote.start  # in its sentence
    assert document.span_text(cue) == "قال" and cue.end <= mention.start
    assert linking.link_problems(document) == []


def test_a_false_quote_rejected_takes_two_keys(ready: Any, qtbot: Any) -> None:
    window, keys = ready, Keyboard(qtbot)
    document = window.workspace.session.document
    remaining = window.review.remaining
    keys.press(K.Key_N)  # the most doubtful first: a two-word "quote" whose speaker is a guess
    quote = window.workspace.current_annotation()
    assert quote is not None and quote.type == "quote"
    assert corrections.doubt(quote) == min(corrections.doubt(a) for a in document if corrections.needs_review(a))
    keys.press(K.Key_R)
    assert keys.pressed == ["N", "R"]
    rejected = document.get(quote.id)
    assert rejected.status == "rejected"
    assert all(document.get(part).status == "rejected" for part in (quote.speaker_id, quote.cue_id) if part)
    assert window.review.remaining == remaining - 1  # one quote, one review item
