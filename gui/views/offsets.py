"""The one converter between the model's code-point offsets and Qt's UTF-16 positions.

The core counts Unicode code points (Python ``str`` indices); ``QTextDocument``, ``QTextCursor``
and ``QTextLayout`` formats count UTF-16 code units. The two differ by the number of
astral characters (emoji, U+1EE00 Arabic mathematical letters …) before a position. Every
position that crosses the ``gui``/``core`` boundary goes through an ``OffsetMap``.

The view also needs the text laid out so that one stored character is one Qt position:
``QPlainTextEdit.setPlainText`` folds ``\\r\\n`` into one paragraph break and treats ``\\r`` and
U+2029 as breaks, so ``view_text`` turns those into ``\\n`` one for one (same length, no drift).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
def view_text(text: str) -> str:
    """``text`` as the article view shows it: same length, paragraph breaks only as ``\\n``."""
    if "\r" in text:
        text = text.replace("\r", "\n")
    if "\u2029" in text:
        text = text.replace("\u2029", "\n")
    return text


class OffsetMap:
    """Converts between code-point offsets of ``text`` and UTF-16 positions.

    Built once per document (a bisect list of the astral characters' offsets): O(log k) per
    conversion, exact for every offset from 0 to ``len(text)``.
    """

    __slots__ = ("_astral", "_u16_astral", "length", "u16_length")

    def __init__(self, text: str) -> None:
        self._astral = [match.start() for match in _ASTRAL.finditer(text)]
        # UTF-16 position of each astral character (its high surrogate).
        self._u16_astral = [offset + index for index, offset in enumerate(self._astral)]
        self.length = len(text)
        self.u16_length = len(text) + len(self._astral)

    @property
    def identity(self) -> bool:
        """True when the text has no astral character (both counts agree everywhere)."""
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of code-point ``offset``."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def to_codepoint(self, position: int) -> int:
        """Code-point offset of UTF-16 ``position``; a position inside a surrogate pair rounds down."""
        if not self._astral:
            return position
        # Astral characters whose two units both lie before ``position``.
        before = bisect_right(self._u16_astral, position - 2)
        # A position between the two halves of a pair belongs to that character's start.
        inside = before < len(self._u16_astral) and self._u16_astral[before] == position - 1
        return position - before - (1 if inside else 0)

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_codepoints(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 span as code points; an end inside a surrogate pair rounds up (keeps the char)."""
        first = self.to_codepoint(start)
        last = self.to_codepoint(end)
        if self.to_utf16(last) < end:
            last += 1
        return first, min(last, self.length)
