"""Finding quoted passages: quotation marks paired the way Arabic web text really uses them.

Shape alone does not tell an opening mark from a closing one here: sites typed right-to-left
write ``”…“`` and ``»…«``, WordPress turns ``لـ"`` into ``لـ”``, straight ``"`` has no direction
and mixed pairs (``«…”``) occur. We decide by *flanking*, as Markdown does for emphasis: a mark
followed by a word and preceded by a space, a bracket, a colon or an attached proclitic (``لـ``,
``بـ``, ``و``) opens; a mark preceded by a word or punctuation and followed by a space,
punctuation or the line end closes; a mark with spaces on both sides closes whatever is open.
Marks pair with a stack, which handles nesting (``“… موقع “غازيتا رو” لكننا …”``).

Long quotes: a paragraph that leaves a quote open continues into the next paragraphs when those
reopen at their start (``«… ⏎ «… ⏎ «…»``) or close it before opening anything. Otherwise the
quote ends with its paragraph, flagged as unclosed so the annotator lowers its confidence.
Qur'anic brackets ``﴿…﴾`` always pair with each other.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from core.annotator import lexicon
from core.annotator.layout import Block
from core.annotator.tokens import QUOTE_CHARS, Token, TokenizedText

_PROCLITICS = lexicon.words("proclitics")
_OPENING_CONTEXT = frozenset("([{«“„")
_TRANSPARENT = frozenset("\u0640\u200e\u200f\u061c")
_WORD_PUNCT = frozenset(".،,؛;!?؟)]…'") | frozenset("»”")
_FULL_STOPS = frozenset(".!؟?")
QURAN_OPEN, QURAN_CLOSE = "﴿", "﴾"


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
    quran: bool = False

    @property
    def outer_start(self) -> int:
        return self.open_mark.start

    @property
    def outer_end(self) -> int:
        return self.close_mark.end if self.close_mark is not None else self.end


def _char_before(text: str, offset: int) -> str:
    while offset > 0:
        offset -= 1
        if text[offset] not in _TRANSPARENT:
            return text[offset]
    return ""


def _char_after(text: str, offset: int) -> str:
    while offset < len(text):
        if text[offset] not in _TRANSPARENT:
            return text[offset]
        offset += 1
    return ""


def classify_marks(tokenized: TokenizedText, blocks: Sequence[Block]) -> list[Mark]:
    """Every quotation mark in the text with whether it can open and/or close."""
    text = tokenized.text
    block_starts = [b.start for b in blocks]
    tokens = tokenized.tokens
    marks = []
    for token in tokenized.tokens_among(QUOTE_CHARS):
        before = _char_before(text, token.start)
        after = _char_after(text, token.end)
        space_before = before == "" or before.isspace() or before in _OPENING_CONTEXT
        space_after = after == "" or after.isspace()
        word_after = after.isalnum() or after in "(«“\"'[\u0640"
        word_before = before.isalnum() or before in _WORD_PUNCT
        previous = tokens[token.index - 1] if token.index > 0 else None
        attached_proclitic = (
            previous is not None
            and not text[previous.end : token.start].strip(" \u0640")
            and " " not in text[previous.end : token.start]
            and previous.norm in _PROCLITICS
            and (previous.index == 0 or tokens[previous.index - 1].end < previous.start)
        )
        can_open = (space_before or attached_proclitic) and word_after
        can_close = word_before and not word_after
        if before == ":" and after != "" and (word_after or space_after):
            can_open, can_close = True, False  # "قال:» …": a colon introduces speech
        elif after in "،,.؛;:" and after != "":
            can_open, can_close = False, True  # a mark before punctuation closes: ' "، مطالبا'

        if not can_open and not can_close:
            can_open = can_close = True  # spaced on both sides: the stack decides
        block = bisect_right(block_starts, token.start) - 1
        marks.append(Mark(token, can_open, can_close, block))
    return marks


def pair_marks(tokenized: TokenizedText, blocks: Sequence[Block]) -> list[QuotedSpan]:
    """Pair marks into quoted spans, outer spans before the spans nested in them."""
    marks = classify_marks(tokenized, blocks)
    by_block: dict[int, list[Mark]] = {}
    for mark in marks:
        by_block.setdefault(mark.block, []).append(mark)
    spans: list[QuotedSpan] = []
    leftovers: list[tuple[str, Mark]] = []
    for block_index in sorted(by_block):
        stack: list[Mark] = []
        for mark in by_block[block_index]:
            if mark.can_close and stack and (not mark.can_open or _closes(stack, mark)):
                opener = stack.pop()
                spans.append(_span(opener, mark, depth=len(stack)))
            elif mark.can_open:
                stack.append(mark)
            else:
                leftovers.append(("close", mark))
        for mark in stack:
            leftovers.append(("open", mark))
    spans.extend(_quran_spans(tokenized, blocks))
    leftovers.sort(key=lambda item: item[1].token.start)
    spans = _join_paragraphs(spans, leftovers, blocks, tokenized)
    spans.sort(key=lambda s: (s.outer_start, -s.outer_end))
    _link_parents(spans)
    return spans


def _closes(stack: list[Mark], mark: Mark) -> bool:
    """Should a mark that could open or close close the innermost open quote?

    Only if it is not clearly an opener (space before, word after) starting a nested quote.
    """
    return not (mark.can_open and not mark.can_close)


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


def _quran_spans(tokenized: TokenizedText, blocks: Sequence[Block]) -> list[QuotedSpan]:
    if QURAN_CLOSE not in tokenized.shadow.folded:  # no token can close a verse (most articles)
        return []
    block_starts = [b.start for b in blocks]
    spans = []
    opener: Token | None = None
    for token in tokenized.tokens:
        if token.norm == QURAN_OPEN:
            opener = token
        elif token.norm == QURAN_CLOSE and opener is not None:
            first = bisect_right(block_starts, opener.start) - 1
            last = bisect_right(block_starts, token.start) - 1
            spans.append(QuotedSpan(opener.end, token.start, opener, token, first, last, quran=True))
            opener = None
    return spans


VERSE_MAX_LINES = 12  # lines a poem in one pair of marks may run over
VERSE_MAX_WORDS = 14  # words in one line of verse


def _verse_between(
    tokenized: TokenizedText,
    blocks: Sequence[Block],
    spans_by_block: dict[int, list[QuotedSpan]],
    first: int,
    last: int,
) -> bool:
    """Are the paragraphs strictly between ``first`` and ``last`` lines of a poem — short, on
    their own line, no full stop at the end, no quotation of their own — so that a quote opened
    in ``first`` may close in ``last`` («قفا ودعا نجداً … ⏎ … ⏎ …»)?"""
    if last - first > VERSE_MAX_LINES:
        return False
    text = tokenized.text
    for index in range(first + 1, last):
        block = blocks[index]
        line = text[block.start : block.end]
        if spans_by_block.get(index) or not block.whole_line or len(line.split()) > VERSE_MAX_WORDS:
            return False
        if line.rstrip().endswith((".", "؟", "?", "!")) or any(mark in line for mark in "«»“”\""):
            return False
    return True


def _same_block_after(leftovers: list[tuple[str, Mark]], position: int) -> list[Mark]:
    """Leftover marks after ``position`` in the same paragraph (leftovers are in text order, so
    the scan stops at the first mark of a later paragraph: linear overall)."""
    block = leftovers[position][1].block
    found = []
    for index in range(position + 1, len(leftovers)):
        later = leftovers[index][1]
        if later.block != block:
            break
        found.append(later)
    return found


def _join_paragraphs(
    spans: list[QuotedSpan],
    leftovers: list[tuple[str, Mark]],
    blocks: Sequence[Block],
    tokenized: TokenizedText,
) -> list[QuotedSpan]:
    """Resolve quotes left open at a paragraph end (see the module docstring)."""
    # Paragraphs that reopen a long quote start with a clear opening mark, glued to the next word
    # ("«ولن نتخذ …"); a mark spaced on both sides (" منذ …") starts a quotation of its own.
    text = tokenized.text
    opening_paragraph = {
        s.block_first: s
        for s in spans
        if s.open_mark.start == blocks[s.block_first].start
        and s.open_mark.end < len(text)
        and not text[s.open_mark.end].isspace()
    }
    used: set[int] = set()
    result = list(spans)
    removed: set[int] = set()  # ids of spans merged into a longer quote (no O(n) list.remove)
    spans_by_block: dict[int, list[QuotedSpan]] = {}
    for s in spans:
        spans_by_block.setdefault(s.block_first, []).append(s)
    boundaries = _attribution_boundaries(tokenized)
    for position, (role, mark) in enumerate(leftovers):
        if role != "open":
            continue
        # 1. Closed by the first unpaired closing mark in the next paragraph.
        closer = None
        for later_position in range(position + 1, len(leftovers)):
            later_role, later = leftovers[later_position]
            if later.block == mark.block:
                if later_role == "open":
                    break
                continue
            near = later.block == mark.block + 1 or _verse_between(tokenized, blocks, spans_by_block, mark.block, later.block)
            if (
                near
                and later_role == "close"
                and later_position not in used
                and not _opens_before(spans, later.block, later.token.start)
            ):
                closer = (later_position, later)
            break
        if closer is not None:
            used.add(closer[0])
            result.append(_span(mark, closer[1], depth=0))
            continue
        # 2. Continued by paragraphs that reopen at their start ("«… ⏎ «…»").
        block = mark.block + 1
        last: QuotedSpan | None = None
        chain: list[QuotedSpan] = []
        while block in opening_paragraph:
            continuation = opening_paragraph[block]
            chain.append(continuation)
            if continuation.close_mark is not None and continuation.close_mark.end >= blocks[block].end - 2:
                last = continuation
                break
            block += 1
        if last is not None:
            removed.update(id(continuation) for continuation in chain)
            result.append(
                QuotedSpan(mark.token.end, last.end, mark.token, last.close_mark, mark.block, last.block_last)
            )
            continue
        # 3. Unclosed: ends with its paragraph, before a new attribution sentence if any, or
        #    before the next quotation of the paragraph ("«… الممتلكات، مضيفًا: «…»").
        end = _unclosed_end(boundaries, mark, blocks[mark.block])
        later_openers = _same_block_after(leftovers, position) + [
            s.open_mark for s in spans_by_block.get(mark.block, ()) if s.outer_start > mark.token.start
        ]
        if later_openers:
            next_open = min(m.start if isinstance(m, Token) else m.token.start for m in later_openers)
            end = min(end, _before_attribution(tokenized, mark.token.end, next_open))
        result.append(
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
    return [s for s in result if id(s) not in removed] if removed else result


def _before_attribution(tokenized: TokenizedText, start: int, next_open: int) -> int:
    """End of an unclosed quote that another quotation follows: before the comma that starts
    the attribution of the next one (``، مضيفًا:``), or right before the next mark."""
    forms = lexicon.cue_forms()
    tokens = tokenized.tokens
    indices = list(tokenized.range(start, next_open))
    for position in range(len(indices) - 1, -1, -1):
        token = tokens[indices[position]]
        if token.norm in ("،", ","):
            tail = [tokens[i] for i in indices[position + 1 :]]
            if any(t.norm in forms for t in tail):
                return token.start
            break
    return next_open


def _opens_before(spans: list[QuotedSpan], block: int, offset: int) -> bool:
    return any(s.block_first == block and s.outer_start < offset for s in spans)


def _attribution_boundaries(tokenized: TokenizedText) -> list[int]:
    """Offsets just after a full stop that is followed by a reporting verb (``… . وكرر الوزير``)."""
    forms = lexicon.cue_forms()
    tokens = tokenized.tokens
    out = []
    last = len(tokens) - 1
    for index in [t.index for t in tokenized.tokens_among(_FULL_STOPS) if t.index < last]:  # the stops first
        form = forms.get(tokens[index + 1].norm)
        if form is not None and form.tense != "participle":
            out.append(tokens[index].end)
    return out


def _unclosed_end(boundaries: list[int], mark: Mark, block: Block) -> int:
    """End of an unclosed quote: its paragraph's end, or the end of the sentence before a new
    sentence that starts with a reporting verb."""
    k = bisect_right(boundaries, mark.token.end)
    if k < len(boundaries) and boundaries[k] < block.end:
        return boundaries[k]
    return block.end


def _link_parents(spans: list[QuotedSpan]) -> None:
    stack: list[QuotedSpan] = []
    for span in spans:
        while stack and stack[-1].outer_end <= span.outer_start:
            stack.pop()
        if stack and span.outer_end <= stack[-1].outer_end:
            span.parent = stack[-1]
            span.depth = len(stack)
        else:
            span.parent = None
            span.depth = 0
        stack.append(span)
