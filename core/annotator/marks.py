"""Finding quoted passages: quotation marks paired the way Arabic web text really uses them.

Shape alone does not tell an opening mark from a closing one here: sites typed right-to-left
write ``”…“`` and ``»…«``, WordPress turns ``لـ"`` into ``لـ”``, straight ``"`` has no direction
and mixed pairs (``«…”``) occur. We decide by *flanking*, as Markdown does for emphasis: a mark
followed by a word and preceded by a space, a bracket or an attached proclitic (``لـ``, ``بـ``,
``و``) opens; a mark preceded by a word or punctuation and followed by a space, punctuation or the
line end closes. Marks pair with a stack, which handles nesting (``“… موقع “غازيتا رو” لكننا …”``).
A quote left open at a paragraph end continues when a later paragraph closes it before opening
anything else, or else ends with its paragraph, marked as doubtful.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from core.annotator.layout import Block
from core.annotator.tokens import Token, TokenizedText

_OPEN_SHAPES = frozenset("“«„‹")
_CLOSE_SHAPES = frozenset("”»›‟″")
_PROCLITICS = frozenset({"ل", "ب", "و", "ك", "ف", "وب", "ول", "فب", "فل", "لل", "بال", "وال", "ال"})
_BRACKETS_OPEN = frozenset("([{")


@dataclass(frozen=True)
class Mark:
    token: Token
    can_open: bool
    can_close: bool
    block: int


@dataclass
class QuotedSpan:
    """Text between a pair of marks (``start``/``end`` exclude the marks)."""

    start: int
    end: int
    open_mark: Token
    close_mark: Token | None
    block_first: int
    block_last: int
    depth: int = 0
    closed: bool = True
    parent: QuotedSpan | None = None

    @property
    def outer_start(self) -> int:
        return self.open_mark.start

    @property
    def outer_end(self) -> int:
        return self.close_mark.end if self.close_mark is not None else self.end


def _char_before(text: str, offset: int) -> str:
    while offset > 0:
        offset -= 1
        char = text[offset]
        if char not in "\u0640\u200e\u200f\u061c":  # tatweel and bidi marks are transparent
            return char
    return ""


def _char_after(text: str, offset: int) -> str:
    while offset < len(text):
        char = text[offset]
        if char not in "\u0640\u200e\u200f\u061c":
            return char
        offset += 1
    return ""


def classify_marks(tokenized: TokenizedText, blocks: Sequence[Block]) -> list[Mark]:
    """Every quotation mark in the text with whether it can open and/or close."""
    text = tokenized.text
    block_starts = [b.start for b in blocks]
    marks = []
    tokens = tokenized.tokens
    for token in tokens:
        if not token.is_quote_mark:
            continue
        before = _char_before(text, token.start)
        after = _char_after(text, token.end)
        space_before = before == "" or before.isspace() or before in _BRACKETS_OPEN or before in "«“„:"
        space_after = after == "" or after.isspace()
        word_after = after.isalnum() or after in "(«“\"'[" or after in "\u0640"
        word_before = before.isalnum() or before in ".،,؛;!?؟)]…'\u0640" or before in "»”"
        # An attached proclitic (لـ” , بـ«, و") makes a following mark an opener.
        prev = tokens[token.index - 1] if token.index > 0 else None
        attached_proclitic = (
            prev is not None
            and prev.end == token.start - _tatweel_gap(text, prev.end, token.start)
            and prev.norm in _PROCLITICS
            and (prev.index == 0 or tokens[prev.index - 1].end < prev.start)
        )
        can_open = (space_before or attached_proclitic) and not space_after and after != ""
        can_close = word_before and not word_after
        if not can_open and not can_close:
            # Both sides spaced (" نعتقد … "), or glued on both sides: decide by shape.
            if token.norm in _OPEN_SHAPES:
                can_open = True
            elif token.norm in _CLOSE_SHAPES:
                can_close = True
            else:
                can_open = can_close = True
        block = bisect_right(block_starts, token.start) - 1
        marks.append(Mark(token, can_open, can_close, block))
    return marks


def _tatweel_gap(text: str, start: int, end: int) -> int:
    gap = 0
    for char in text[start:end]:
        if char == "\u0640":
            gap += 1
    return gap


def pair_marks(tokenized: TokenizedText, blocks: Sequence[Block]) -> list[QuotedSpan]:
    """Pair marks into quoted spans, outer spans before the spans nested in them."""
    marks = classify_marks(tokenized, blocks)
    by_block: dict[int, list[Mark]] = {}
    for mark in marks:
        by_block.setdefault(mark.block, []).append(mark)
    spans: list[QuotedSpan] = []
    leftovers: list[tuple[str, Mark]] = []  # ("open"|"close", mark) unpaired, in order
    for block_index in sorted(by_block):
        stack: list[Mark] = []
        for mark in by_block[block_index]:
            if mark.can_close and stack and (not mark.can_open or _prefers_close(stack[-1], mark)):
                opener = stack.pop()
                spans.append(_span(opener, mark, depth=len(stack)))
            elif mark.can_open:
                stack.append(mark)
            else:
                leftovers.append(("close", mark))
        for mark in stack:
            leftovers.append(("open", mark))
    leftovers.sort(key=lambda item: item[1].token.start)
    spans.extend(_pair_across_paragraphs(leftovers, blocks))
    spans.sort(key=lambda s: (s.outer_start, -s.outer_end))
    _link_parents(spans)
    return spans


def _prefers_close(opener: Mark, mark: Mark) -> bool:
    """A mark that could open or close closes the open quote, unless shapes say it opens anew."""
    if mark.token.norm in _OPEN_SHAPES and opener.token.norm in _OPEN_SHAPES and mark.token.norm != opener.token.norm:
        return False
    return True


def _span(opener: Mark, closer: Mark, depth: int) -> QuotedSpan:
    return QuotedSpan(
        start=opener.token.end,
        end=closer.token.start,
        open_mark=opener.token,
        close_mark=closer.token,
        block_first=opener.block,
        block_last=closer.block,
        depth=depth,
    )


def _pair_across_paragraphs(leftovers: list[tuple[str, Mark]], blocks: Sequence[Block]) -> list[QuotedSpan]:
    """Unclosed openers: close them in a later paragraph, or at their own paragraph's end."""
    spans: list[QuotedSpan] = []
    used: set[int] = set()
    for position, (role, mark) in enumerate(leftovers):
        if role != "open" or position in used:
            continue
        closer = None
        for later_position in range(position + 1, len(leftovers)):
            later_role, later = leftovers[later_position]
            if later.block > mark.block + 6:
                break
            if later_role == "close" and later.block > mark.block:
                closer = (later_position, later)
                break
            if later_role == "open" and not _is_continuation_opener(later, blocks):
                break
        if closer is not None:
            used.add(closer[0])
            span = _span(mark, closer[1], depth=0)
            spans.append(span)
            continue
        block = blocks[mark.block]
        end = block.end
        # Stop before trailing punctuation of the paragraph.
        spans.append(
            QuotedSpan(
                start=mark.token.end,
                end=end,
                open_mark=mark.token,
                close_mark=None,
                block_first=mark.block,
                block_last=mark.block,
                closed=False,
            )
        )
    return spans


def _is_continuation_opener(mark: Mark, blocks: Sequence[Block]) -> bool:
    """Arabic and English style: each paragraph of a long quote reopens at its start."""
    return mark.token.start == blocks[mark.block].start


def _link_parents(spans: list[QuotedSpan]) -> None:
    stack: list[QuotedSpan] = []
    for span in spans:
        while stack and stack[-1].outer_end <= span.outer_start:
            stack.pop()
        if stack and span.outer_end <= stack[-1].outer_end:
            span.parent = stack[-1]
            span.depth = len(stack)
        stack.append(span)
