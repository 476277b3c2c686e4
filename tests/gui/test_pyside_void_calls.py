"""Regression: PySide6 6.12.0 on CPython 3.11 dropped a reference to None on every call of a
method returning nothing and aborted the interpreter after a few thousand calls. The dependency
declaration keeps 3.11 below 6.12; this test would crash the run if that ever regressed."""

from __future__ import annotations

import sys

import pytest

pytest.importorskip("PySide6")


def test_100000_void_calls_do_not_exhaust_none(qapp: object) -> None:
    from PySide6.QtGui import QTextCursor, QTextDocument

    document = QTextDocument("قال الوزير إن الأمر مهم " * 20)
    cursor = QTextCursor(document)
    before = sys.getrefcount(None)
    for position in range(100_000):
        cursor.setPosition(position % 400)  # returns nothing
        cursor.clearSelection()  # returns nothing
    after = sys.getrefcount(None)
    # On 3.12+ None is immortal (huge constant count); on 3.11 with a fixed PySide6 the count is
    # unchanged. The broken combination would have dropped it by 200,000 (and aborted first).
    assert after >= before - 1000
    assert cursor.position() == 99_999 % 400
