"""The one code point <-> UTF-16 converter, checked against its definition and against Qt itself."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gui.views.offsets import OffsetMap, view_text
from tests.gui.helpers import ASTRAL_TEXT


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(st.text(alphabet=st.sampled_from(list("قال ن«»\n😀𞸀a\u064e")), max_size=60))
@settings(max_examples=200, deadline=None)
def test_round_trip_matches_the_definition(text: str) -> None:
    offsets = OffsetMap(text)
    assert offsets.u16_length == utf16_len(text)
    for cp in range(len(text) + 1):
        u16 = offsets.to_utf16(cp)
        assert u16 == utf16_len(text[:cp])
        assert offsets.to_codepoint(u16) == cp


def test_position_inside_a_surrogate_pair_rounds_down() -> None:
    text = "a😀b"
    offsets = OffsetMap(text)
    assert offsets.to_utf16(1) == 1 and offsets.to_utf16(2) == 3
    assert offsets.to_codepoint(2) == 1  # between the two halves of 😀
    assert offsets.span_to_codepoints(1, 2) == (1, 2)  # an end inside the pair keeps the char


def test_identity_without_astral_characters() -> None:
    offsets = OffsetMap("قال الوزير")
    assert offsets.identity
    assert offsets.to_utf16(5) == 5 and offsets.to_codepoint(5) == 5


def test_view_text_keeps_length_and_turns_breaks_into_newlines() -> None:
    text = "سطر\r\nثان\rثالث\u2029رابع\u2028خامس"
    shown = view_text(text)
    assert len(shown) == len(text)
    assert "\r" not in shown and "\u2029" not in shown


@pytest.mark.gui
def test_qt_cursor_selects_the_model_span(qapp: object) -> None:
    from PySide6.QtGui import QTextCursor, QTextDocument

    text = ASTRAL_TEXT
    start = text.index("«السلام")
    end = text.index("»", start) + 1
    qt_document = QTextDocument()
    qt_document.setPlainText(view_text(text))
    offsets = OffsetMap(text)
    cursor = QTextCursor(qt_document)
    cursor.setPosition(offsets.to_utf16(start))
    cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == text[start:end]
    # Python offsets used directly would be off by the emoji and the U+1EE00 letter before it.
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() != text[start:end]
    assert offsets.span_to_codepoints(cursor.selectionStart(), cursor.selectionEnd()) != (start, end)
