"""``layout.trim``: the span without the white space and invisible controls around it."""

from __future__ import annotations

import re

from core.annotator.layout import _EDGE, trim


def test_trim_drops_spaces_no_break_spaces_and_bidi_controls_on_both_sides() -> None:
    text = "\u200f \u00a0قال الوزير\u200e\u2069 \t"
    start, end = trim(text, 0, len(text))
    assert text[start:end] == "قال الوزير"


def test_trim_keeps_what_is_not_white_space_or_a_control() -> None:
    text = "x\r"  # a carriage return is not among the edge characters
    assert trim(text, 0, len(text)) == (0, 2)
    assert trim("  ", 0, 2) == (2, 2)  # nothing left: an empty span at the end


def test_trailing_run_before_a_final_newline_goes_with_it() -> None:
    # As the regex "[…]+$" it replaced: "$" also matches before a final newline.
    text = "abc  \n"
    assert trim(text, 0, len(text)) == (0, 3)
    assert trim("abc\n", 0, 4) == (0, 4)  # no run before the newline: nothing is cut


def test_trim_agrees_with_the_regexes_it_replaced() -> None:
    leading, trailing = re.compile(f"^[{_EDGE}]+"), re.compile(f"[{_EDGE}]+$")

    def by_regex(text: str, start: int, end: int) -> tuple[int, int]:
        piece = text[start:end]
        lead = leading.match(piece)
        if lead:
            start += lead.end()
            piece = piece[lead.end() :]
        tail = trailing.search(piece)
        if tail:
            end -= len(piece) - tail.start()
        return start, max(start, end)

    pieces = [" ", "\t", "\n", "\r", "\u00a0", "\u200b", "\u200f", "\u2028", "\u2066", "\u3000", "\ufeff", "\u061c", "ق", "x", "."]
    texts = [a + b + c + d for a in pieces for b in pieces for c in pieces for d in pieces[::3]]
    for text in texts:
        for start in range(len(text) + 1):
            for end in range(len(text) + 1):
                assert trim(text, start, end) == by_regex(text, start, end), (text, start, end)
