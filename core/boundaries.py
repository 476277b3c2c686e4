"""Boundary arithmetic for corrections: snapping a selection to whole words, moving a boundary.

Pure functions over the stored text, in code points, used by ``core.corrections`` and the window's
boundary keys. A "word" is a run of letters, digits, Arabic diacritics and tatweel; a character
step never separates a diacritic from its letter.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_COMBINING = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")

START = "start"
END = "end"
EARLIER = -1
LATER = 1
WORD = "word"
CHAR = "char"


def is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and _WORD.match(text, index) is not None


def _is_combining(text: str, index: int) -> bool:
    return 0 <= index < len(text) and _COMBINING.match(text, index) is not None


# Separators a selection often takes along at its ends (``قال:``, ``الوزير،``): never part of a
# span. Sentence punctuation (``.`` ``؟`` ``!``) and quotation marks are kept: they can be.
EDGE_SEPARATORS = frozenset(":،,;؛")


def _trimmed(char: str) -> bool:
    return char.isspace() or char in EDGE_SEPARATORS


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start..end`` to whole words and trim white space and separators (``:`` ``،``
    ``,`` ``;`` ``؛``) at both ends.

    A selection that holds no word character is returned trimmed but otherwise unchanged.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start < end and _trimmed(text[start]):
        start += 1
    while end > start and _trimmed(text[end - 1]):
        end -= 1
    if start == end:
        return start, end
    while start > 0 and is_word_char(text, start) and is_word_char(text, start - 1):
        start -= 1
    while end < len(text) and is_word_char(text, end - 1) and is_word_char(text, end):
        end += 1
    return start, end


def move_boundary(text: str, start: int, end: int, edge: str, direction: int, unit: str) -> tuple[int, int]:
    """The span after moving its ``edge`` (START/END) one ``unit`` (WORD/CHAR) EARLIER or LATER.

    Starts land on word starts and ends on word ends. The span keeps at least one character;
    a move that would empty or invert it returns the span unchanged.
    """
    position = start if edge == START else end
    if unit == CHAR:
        moved = _char_step(text, position, direction)
    elif edge == START:
        moved = _next_word_start(text, position) if direction == LATER else _prev_word_start(text, position)
    else:
        moved = _next_word_end(text, position) if direction == LATER else _prev_word_end(text, position)
    new_start, new_end = (moved, end) if edge == START else (start, moved)
    if new_end <= new_start:
        return start, end
    return new_start, new_end


def _char_step(text: str, position: int, direction: int) -> int:
    i = position + direction
    while 0 < i < len(text) and _is_combining(text, i):
        i += direction
    return max(0, min(len(text), i))


def _next_word_start(text: str, i: int) -> int:
    n = len(text)
    while i < n and is_word_char(text, i):
        i += 1
    while i < n and not is_word_char(text, i):
        i += 1
    return i


def _prev_word_start(text: str, i: int) -> int:
    while i > 0 and not is_word_char(text, i - 1):
        i -= 1
    while i > 0 and is_word_char(text, i - 1):
        i -= 1
    return i


def _next_word_end(text: str, i: int) -> int:
    n = len(text)
    while i < n and not is_word_char(text, i):
        i += 1
    while i < n and is_word_char(text, i):
        i += 1
    return i


def _prev_word_end(text: str, i: int) -> int:
    while i > 0 and is_word_char(text, i - 1):
        i -= 1
    while i > 0 and not is_word_char(text, i - 1):
        i -= 1
    return i
