"""The letter keys with the Arabic keyboard layout: ى means N, ض means Q … in the window, never in
a text field. Keys go through Qt's real path (ShortcutOverride, the shortcut map, then the key
press), as a platform without a Latin fallback delivers them (see ``gui.application.layout_keys``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from gui.application.layout_keys import ARABIC_PC_LAYOUT, arabic_sequence, latin_sequence

pytestmark = pytest.mark.gui

SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def press(widget: QWidget, text: str, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """What the Arabic layout sends for one key: Qt's key code is the character's code point."""
    QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key(ord(text)), text, modifiers)


@pytest.fixture
def window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from gui.application.main_window import MainWindow
    from gui.dialogs import prompts

    monkeypatch.setattr(prompts, "ask_unsaved", lambda *_: prompts.DISCARD)  # closing must not wait for an answer
    from gui.document.recovery import RecoveryStore

    window = MainWindow(recovery=RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.files.open_sample()
    focus(qtbot, window.view)
    yield window


def focus(qtbot, widget: QWidget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def select(window, text: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    start = window.workspace.session.document.text.index(text)
    window.view.select_span(start, start + len(text))
    return start, start + len(text)


def test_the_table_is_the_qwerty_alphabet_with_distinct_arabic_letters() -> None:
    assert sorted(ARABIC_PC_LAYOUT) == [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    plain = [keys[0] for keys in ARABIC_PC_LAYOUT.values()]
    assert len(set(plain)) == 26 and not any(c.isascii() for c in plain)
    assert [ARABIC_PC_LAYOUT[k][0] for k in "THPBQISCKARN"] == list("فاحﻻضهسؤنشقى")


@pytest.mark.parametrize(
    ("text", "modifiers", "latin"),
    [("ى", NONE, "N"), ("آ", SHIFT, "Shift+N"), ("ف", NONE, "T"), ("\ufef9", SHIFT, "Shift+T"), ("\ufefb", NONE, "B"), ("ؤ", NONE, "C")],
)
def test_a_key_event_stands_for_its_latin_key(text: str, modifiers: Qt.KeyboardModifier, latin: str) -> None:
    event = QKeyEvent(QEvent.Type.KeyPress, ord(text), modifiers, text)
    assert latin_sequence(event) == QKeySequence(latin)


@pytest.mark.parametrize(
    ("text", "modifiers"),
    [
        ("n", NONE),  # a Latin layout: Qt's own shortcut matching handles it
        ("ى", SHIFT),  # not what the layout types with Shift
        ("آ", NONE),
        ("}", SHIFT),  # Shift+C on the Arabic layout, but also Shift+] on US: left out
        ("ى", Qt.KeyboardModifier.ControlModifier),
        ("ى", Qt.KeyboardModifier.AltModifier),
    ],
)
def test_other_key_events_stand_for_nothing(text: str, modifiers: Qt.KeyboardModifier) -> None:
    assert latin_sequence(QKeyEvent(QEvent.Type.KeyPress, ord(text), modifiers, text)) is None


def test_the_arabic_letters_are_not_registered_as_shortcuts(window) -> None:  # type: ignore[no-untyped-def]
    """With a Latin layout configured too, Qt matches both N and ى for one key press and, when
    both are shortcuts, reports an ambiguity and triggers nothing (seen under Xvfb with
    ``setxkbmap ara,us``). The Arabic letters must stay a fallback, not second shortcuts."""
    for action in window.window_actions.all:
        for sequence in action.shortcuts():
            assert sequence.toString(QKeySequence.SequenceFormat.PortableText).isascii(), action.text()


def test_every_letter_shortcut_has_its_arabic_key(window) -> None:  # type: ignore[no-untyped-def]
    layout = window.window_actions.arabic_layout
    letters = []
    for action in window.window_actions.all:
        for sequence in action.shortcuts():
            arabic = arabic_sequence(sequence)
            if arabic is None:
                continue
            letters.append(sequence.toString())
            text = arabic.toString(QKeySequence.SequenceFormat.PortableText).removeprefix("Shift+")
            shifted = sequence.toString().startswith("Shift+")
            typed = ARABIC_PC_LAYOUT[sequence.toString().removeprefix("Shift+")][1] if shifted else text
            event = QKeyEvent(QEvent.Type.KeyPress, ord(typed), SHIFT if shifted else NONE, typed)
            assert layout.action_for(latin_sequence(event)) is action, sequence.toString()
    assert sorted(letters) == sorted(
        ["T", "H", "P", "B", "Q", "I", "S", "C", "K", "A", "R", "N", "Shift+N"]
        + [f"Shift+{k}" for k in "THPBQIS"]  # Shift+C types "}" on the Arabic layout
    )


def test_arabic_keys_in_the_article_step_through_pending_like_n(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace.current_id is None
    press(window.view, "ى")
    first = window.workspace.current_id
    assert first is not None and window.workspace.current_annotation().status == "pending"
    press(window.view, "ى")
    second = window.workspace.current_id
    assert second not in (None, first)
    press(window.view, "آ", SHIFT)  # Shift+N: previous pending
    assert window.workspace.current_id == first
    qtbot.keyClick(window.view, Qt.Key.Key_N)  # the Latin key goes to the same place
    assert window.workspace.current_id == second


def test_arabic_keys_accept_and_reject(window) -> None:  # type: ignore[no-untyped-def]
    press(window.view, "ى")
    document = window.workspace.session.document
    annotation_id = window.workspace.current_id
    press(window.view, "ش")  # A
    assert document.get(annotation_id).status == "accepted"
    window.workspace.select(annotation_id)
    press(window.view, "ق")  # R
    assert document.get(annotation_id).status == "rejected"


def test_arabic_keys_mark_the_selection(window) -> None:  # type: ignore[no-untyped-def]
    start, end = select(window, "ثلث الأراضي الزراعية")
    window.view.select_span(start + 1, end - 2)
    press(window.view, "ض")  # Q: direct quote, snapped to whole words
    created = window.workspace.current_annotation()
    assert (created.type, created.kind, created.start, created.end) == ("quote", "direct", start, end)
    window.view.select_span(start + 1, end - 2)
    press(window.view, "\u064d", SHIFT)  # Shift+S types kasratan: speaker, the exact selection
    created = window.workspace.current_annotation()
    assert (created.type, created.start, created.end) == ("speaker", start + 1, end - 2)
    quote = window.workspace.session.document.of_type("quote")[0]
    window.workspace.select(quote.id)
    kind = quote.kind
    press(window.view, "ن")  # K: toggle direct/indirect
    assert window.workspace.session.document.get(quote.id).kind != kind


def test_arabic_keys_in_the_outline_tree_act_like_latin_keys(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    focus(qtbot, window.outline.tree)
    press(window.outline.tree, "ى")
    assert window.workspace.current_id is not None and window.workspace.current_annotation().status == "pending"


@pytest.mark.parametrize("field", ["filter", "cue", "speaker"])
def test_arabic_text_in_a_text_field_is_typed_not_a_command(window, qtbot, field: str) -> None:  # type: ignore[no-untyped-def]
    press(window.view, "ى")  # a pending annotation is current
    if field != "filter":
        window.workspace.select(window.workspace.session.document.of_type("quote")[0].id)
    current = window.workspace.current_id
    status = window.workspace.current_annotation().status
    count = len(window.workspace.session.document)
    edit = {"filter": window.outline.filter_edit, "cue": window.details.cue_edit, "speaker": window.details.speaker_combo.lineEdit()}[field]
    assert edit.isEnabled()
    focus(qtbot, edit)
    edit.clear()
    for text in "ىشقنض":  # N, A, R, K, Q
        press(edit, text)
    press(edit, "آ", SHIFT)  # Shift+N
    assert edit.text() == "ىشقنضآ"
    assert window.workspace.current_id == current
    assert window.workspace.current_annotation().status == status
    assert len(window.workspace.session.document) == count


def test_without_a_document_the_keys_do_nothing(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from gui.application.main_window import MainWindow
    from gui.document.recovery import RecoveryStore

    window = MainWindow(recovery=RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    focus(qtbot, window.view)
    assert not window.window_actions.next_pending.isEnabled()
    press(window.view, "ى")
    assert window.workspace.session is None and window.workspace.current_id is None


def test_the_sheet_shows_the_arabic_keys_after_the_latin_ones(window) -> None:  # type: ignore[no-untyped-def]
    from gui.application.actions import shortcut_rows

    rows = dict(shortcut_rows(window.window_actions.all, arabic_layout=True))
    assert rows["Next pending"] == "N / ى"
    assert rows["Previous pending"] == "Shift+N / Shift+ى"
    assert rows["Mark as direct quote"] == "Q / Shift+Q / ض / Shift+ض"
    assert rows["Mark as cue"] == "C / Shift+C / ؤ"
    assert rows["Accept"] == "A / ش"
    assert rows["Save"].startswith("Ctrl+S") and rows["Save"].isascii()  # no letter key: no Arabic twin
    assert dict(shortcut_rows(window.window_actions.all))["Next pending"] == "N"
    menu_keys = window.window_actions.next_pending.shortcut().toString()
    assert menu_keys == "N"


def test_the_arabic_keys_start_with_the_first_paint_of_the_window(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The application-wide filter costs every event a call into Python: none before the window
    is on screen, and the keys work as soon as it is."""
    from gui.application.main_window import MainWindow
    from gui.dialogs import prompts
    from gui.document.recovery import RecoveryStore

    monkeypatch.setattr(prompts, "ask_unsaved", lambda *_: prompts.DISCARD)
    window = MainWindow(recovery=RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(window)
    layout = window.window_actions.arabic_layout
    assert not layout.installed
    window.files.open_sample()
    assert not layout.installed
    window.resize(1200, 800)
    window.show()
    qtbot.waitUntil(lambda: layout.installed)
    layout.install()  # a second call changes nothing
    focus(qtbot, window.view)
    press(window.view, "ى")
    assert window.workspace.current_id is not None
