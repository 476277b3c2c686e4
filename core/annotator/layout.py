"""Lines and paragraphs of an article, as the guideline defines them.

A paragraph break is an empty line, a line of white space (no-break spaces included) or — in
articles written one paragraph per line, as scraped news nearly always is — a newline. Articles
scraped onto a single line use runs of no-break spaces, or one after a full stop, as breaks.
Spans exclude surrounding white space and invisible bidi controls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# White space plus bidi and zero-width controls that scrapers leave at line starts.
_EDGE = " \t\f\v\u00a0\u2000-\u200f\u2028-\u202f\u205f\u2060\u2066-\u2069\u3000\ufeff\u061c"
_LEADING_RE = re.compile(f"^[{_EDGE}]+")
_TRAILING_RE = re.compile(f"[{_EDGE}]+$")


def _expand(chars: str) -> str:
    """A character class's members (``a-z`` ranges spelled out), for ``str.strip``."""
    out: list[str] = []
    k = 0
    while k < len(chars):
        if k + 2 < len(chars) and chars[k + 1] == "-":
            out.extend(map(chr, range(ord(chars[k]), ord(chars[k + 2]) + 1)))
            k += 3
        else:
            out.append(chars[k])
            k += 1
    return "".join(out)


_EDGE_CHARS = _expand(_EDGE)
# In-line paragraph breaks: two or more no-break spaces, or one after a sentence end.
_INLINE_BREAK_RE = re.compile(r"(?:\u00a0[ \t]*){2,}|(?<=[.!؟?])[ \t]*\u00a0[ \t\u00a0]*")


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph: its trimmed span, and the span of the line it sits on."""

    index: int
    start: int
    end: int
    line_start: int
    line_end: int
    whole_line: bool = True

    def __len__(self) -> int:
        return self.end - self.start


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding white space and invisible controls."""
    # What ``_LEADING_RE`` and ``_TRAILING_RE`` would cut, by ``str.strip`` (a regex search for
    # the trailing run tried every space of a paragraph). Like the regex's ``$``, the trailing
    # run may stand before a final newline, which then goes with it.
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip(_EDGE_CHARS))
    if lead:
        start += lead
        piece = piece[lead:]
    body = piece[:-1] if piece.endswith("\n") else piece
    kept = len(body.rstrip(_EDGE_CHARS))
    if kept < len(body):
        end -= len(piece) - kept
    return start, max(start, end)


def lines(text: str) -> list[tuple[int, int]]:
    """Every line as ``(start, end)`` without its newline."""
    out = []
    position = 0
    for piece in text.split("\n"):
        out.append((position, position + len(piece)))
        position += len(piece) + 1
    return out


def paragraphs(text: str) -> list[Block]:
    """The article's paragraphs in order (empty and blank lines produce none)."""
    blocks: list[Block] = []
    for line_start, line_end in lines(text):
        start, end = trim(text, line_start, line_end)
        if start >= end:
            continue
        pieces = _split_inline(text, start, end)
        for piece_start, piece_end in pieces:
            blocks.append(
                Block(len(blocks), piece_start, piece_end, line_start, line_end, len(pieces) == 1)
            )
    return blocks


def _split_inline(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one long line at in-line breaks; short lines are never split."""
    if end - start < 400 or text.find("\u00a0", start, end) < 0:
        return [(start, end)]  # every in-line break holds a no-break space: none, no break
    out = []
    position = start
    for match in _INLINE_BREAK_RE.finditer(text, start, end):
        piece = trim(text, position, match.start())
        if piece[0] < piece[1]:
            out.append(piece)
        position = match.end()
    piece = trim(text, position, end)
    if piece[0] < piece[1]:
        out.append(piece)
    return out or [(start, end)]
