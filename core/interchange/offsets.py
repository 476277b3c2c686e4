"""Converting offsets between code points (Iqtibas, Python, brat) and UTF-16 code units (doccano).

Iqtibas counts Unicode code points, like Python's ``str``. doccano's browser front end measures
JavaScript strings, which count UTF-16 code units: every character outside the Basic Multilingual
Plane (emoji, U+1EE00 Arabic mathematical letters ...) counts as two, so every offset after one
is shifted. We convert explicitly in both directions and refuse an offset that falls between the
two halves of a surrogate pair instead of guessing.
"""

from __future__ import annotations

from bisect import bisect_left


class OffsetMap:
    """Code point <-> UTF-16 offsets of one text (identity, and cheap, for BMP-only text)."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Code point indexes of astral characters, in order.
        self._astral = [index for index, char in enumerate(text) if ord(char) > 0xFFFF]
        self.utf16_length = len(text) + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of code point offset ``offset`` (0 ≤ offset ≤ len(text))."""
        if not 0 <= offset <= len(self.text):
            raise ValueError(f"offset {offset} is outside the text (0–{len(self.text)})")
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, offset: int) -> int:
        """Code point offset of UTF-16 offset ``offset``.

        Raises:
            ValueError: outside the text, or inside a surrogate pair (not a character boundary).
        """
        if not 0 <= offset <= self.utf16_length:
            raise ValueError(f"offset {offset} is outside the text (0–{self.utf16_length} UTF-16 units)")
        # Each astral character before the result adds one unit: find k astral characters with
        # position p_k such that the unit offset lands on a boundary.
        low, high = 0, len(self._astral)
        while low < high:  # number of astral characters strictly before the code point offset
            middle = (low + high) // 2
            if self._astral[middle] + middle + 1 < offset:  # its second unit ends before offset
                low = middle + 1
            else:
                high = middle
        code_point = offset - low
        if low < len(self._astral) and self._astral[low] + low + 1 == offset:
            raise ValueError(f"offset {offset} falls inside the surrogate pair of U+{ord(self.text[self._astral[low]]):04X}")
        return code_point


def normalise_newlines(text: str) -> tuple[str, list[int]]:
    r"""The text with ``\r\n`` and ``\r`` turned into ``\n``, and each old offset's new offset.

    Iqtibas stores articles with ``\n`` newlines; text from another tool may have ``\r\n``. The
    returned list has ``len(text) + 1`` entries so span ends map too.
    """
    if "\r" not in text:
        return text, list(range(len(text) + 1))
    out: list[str] = []
    mapping: list[int] = []
    index = 0
    while index < len(text):
        char = text[index]
        mapping.append(len(out))
        out.append("\n" if char == "\r" else char)
        if char == "\r" and text.startswith("\n", index + 1):
            # An offset between \r and \n ends a span that took the \r: it takes the newline.
            mapping.append(len(out))
            index += 1
        index += 1
    mapping.append(len(out))
    return "".join(out), mapping
