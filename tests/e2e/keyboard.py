"""Keys and mouse for end-to-end tests: keys go where the focus is, as on a keyboard, and are
counted; text is typed through key events carrying each character (Arabic too); the mouse
clicks and drags over offsets of the article."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

M = Qt.KeyboardModifier


@dataclass
class Keyboard:
    """Presses keys where the focus is, counting them; types text without counting it."""

    qtbot: Any
    pressed: list[str] = field(default_factory=list)

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = M.NoModifier, name: str = "") -> None:
        target = QApplication.focusWidget()
        assert target is not None, "no widget has the keys"
        self.qtbot.keyClick(target, key, modifiers)
        self.pressed.append(name or key.name.removeprefix("Key_"))

    def type(self, text: str) -> None:
        """Type ``text`` as a keyboard layout for its script does: a key event carrying each
        character (QTest's own keyClicks knows Latin letters only)."""
        target = QApplication.focusWidget()
        assert target is not None
        for char in text:
            key = Qt.Key.Key_Space if char == " " else Qt.Key(ord(char))
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, key, M.NoModifier, char))


def point_of(window: Any, offset: int) -> QPoint:
    """Where the code point ``offset`` is drawn in the article's viewport (middle of the line)."""
    view = window.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_utf16(offset))
    rect = view.cursorRect(cursor)
    if not view.viewport().rect().contains(rect.center()):  # scrolled away: bring it into view
        view.setTextCursor(cursor)
        view.centerCursor()
        rect = view.cursorRect(cursor)
    return QPoint(rect.center().x(), rect.center().y())


def click(window: Any, offset: int) -> None:
    """Click into the article at ``offset`` (the annotation there becomes the current one)."""
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, M.NoModifier, point_of(window, offset))


def drag(window: Any, start: int, end: int) -> None:
    """Select ``start..end`` of the article with the mouse, as a person drags over it."""
    viewport = window.view.viewport()
    first = point_of(window, start)
    last = point_of(window, end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, M.NoModifier, first)
    QTest.mouseMove(viewport, QPoint((first.x() + last.x()) // 2, (first.y() + last.y()) // 2))
    QTest.mouseMove(viewport, last)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, M.NoModifier, last)


def double_click(window: Any, offset: int) -> None:
    """Double-click the word at ``offset`` (selects it, as in any text view)."""
    QTest.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, M.NoModifier, point_of(window, offset))
