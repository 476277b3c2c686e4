"""What every quote rule asks of an article: its quotation marks, sentences and blocks.

Computed once per article in linear time, so the rules can ask per token (which block, how
deep inside quotation marks, where the sentence starts and ends) without rescanning.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate, compress, pairwise

from core.annotator.layout import Block
from core.annotator.marks import QuotedSpan, pair_marks
from core.annotator.tokens import SENTENCE_END, TokenizedText


class ArticleContext:
    """One article's tokens with its paired quotation marks, blocks and sentence bounds.

    Quotation marks inside the title, headings or boilerplate (``excluded``) are left out: no
    quote starts there, and such a span also ends a sentence.
    """

    def __init__(self, tokenized: TokenizedText, blocks: Sequence[Block], excluded: Sequence[tuple[int, int]]) -> None:
        self.tk = tokenized
        self.tokens = tokenized.tokens
        self.text = tokenized.text
        self.blocks = blocks
        self.excluded = merge_ranges(excluded)
        self._excluded_starts = [s for s, _ in self.excluded]
        self.spans = [s for s in pair_marks(tokenized, blocks) if not self.is_excluded(s.outer_start, s.outer_end)]
        self.block_of_token = self._token_blocks()
        self.depth = self._quote_depths()
        self._starts_at, self._ends_at = self._sentence_tables()
        self.span_by_open = {s.open_mark.index: s for s in self.spans}
        self.span_by_close = {s.close_mark.index: s for s in self.spans if s.close_mark is not None}

    def is_excluded(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` overlap the title, a heading or boilerplate? (bisect, O(log n))"""
        k = bisect_right(self._excluded_starts, max(start, end - 1)) - 1
        if k < 0:
            return False
        s, e = self.excluded[k]
        return s < max(end, start + 1) and start < e

    def _token_blocks(self) -> list[int]:
        """The paragraph of each token (the last one starting at or before it; 0 before the
        first): one bisection per paragraph, not a comparison per token."""
        out: list[int] = []
        done = 0
        for number in range(1, len(self.blocks)):
            first = self.tk.index_at_or_after(self.blocks[number].start)
            out.extend([number - 1] * (first - done))
            done = max(done, first)
        out.extend([max(len(self.blocks) - 1, 0)] * (len(self.tokens) - done))
        return out

    def _quote_depths(self) -> list[int]:
        """How many quotation spans enclose each token (0 outside any)."""
        delta = [0] * (len(self.tokens) + 1)
        for span in self.spans:
            rng = self.tk.range(span.start, span.end)
            if len(rng):
                delta[rng.start] += 1
                delta[rng.stop] -= 1
        return list(accumulate(delta[: len(self.tokens)]))

    # Quotation spans ---------------------------------------------------------------------------
    def words_in(self, span: QuotedSpan) -> int:
        return sum(1 for i in self.tk.range(span.start, span.end) if self.tokens[i].is_word)

    def words_between(self, first: int, last: int) -> int:
        """Words strictly between tokens ``first`` and ``last``."""
        return sum(1 for t in self.tokens[first + 1 : last] if t.is_word)

    def span_closed_by(self, index: int) -> QuotedSpan | None:
        return self.span_by_close.get(index)

    def trim_inner(self, start: int, end: int) -> tuple[int, int]:
        """``[start, end)`` without surrounding spaces and direction marks."""
        text = self.text
        while start < end and (text[start].isspace() or text[start] in "\u200e\u200f"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "\u200e\u200f"):
            end -= 1
        return start, end

    # Sentence bounds ---------------------------------------------------------------------------
    def _is_sentence_end(self, index: int) -> bool:
        token = self.tokens[index]
        if not token.is_sentence_end:
            return False
        if token.norm == ".":
            before = self.tokens[index - 1] if index > 0 else None
            after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
            if before is not None and after is not None and before.is_digit and after.is_digit and after.start == token.end:
                return False  # 19.6
            if before is not None and before.is_word and not before.is_digit and len(before.norm) == 1 and before.end == token.start:
                return False  # د. and initials
            if after is not None and after.norm == ".":
                return False  # ".." and "..." continue the sentence
        return True

    def _sentence_tables(self) -> tuple[list[list[int]], list[list[int]]]:
        """Sentence starts and ends per token, computed once (linear time).

        Index 0 of each table counts only sentence ends outside quotation marks (for tokens
        outside them); index 1 counts every sentence end (for tokens inside a quotation).
        Boilerplate inside a line (a tag list, a link) also ends a sentence.

        A token's sentence starts at the last paragraph opening or token after a stop at or
        before it, and ends at the first stop (or excluded token) at or after it or before the
        next paragraph opening after it: both tables are filled run by run between those few
        places (``sentence_table_starts``, ``sentence_table_ends``) instead of token by token.
        """
        tokens = self.tokens
        count = len(tokens)
        ends_here = [t.index for t in self.tk.tokens_among(SENTENCE_END) if self._is_sentence_end(t.index)]
        depth = self.depth
        outside_ends = [j for j in ends_here if not depth[j]]
        excluded_here = list(compress(range(count), self._excluded_tokens()))
        # Where ``block_of_token`` changes: the first token of a paragraph after the first (tokens
        # before it start before the paragraph does), found by bisection as that table was.
        index_at = self.tk.index_at_or_after
        openings = sorted({first for block in self.blocks[1:] if 0 < (first := index_at(block.start)) < count})
        starts: list[list[int]] = []
        ends: list[list[int]] = []
        for stops in (outside_ends, ends_here):  # layer 0, layer 1
            if stops is ends_here and ends_here == outside_ends:  # no sentence ends inside quotes
                starts.append(starts[0])
                ends.append(ends[0])
                break
            starts.append(sentence_table_starts(count, openings, stops))
            ends.append(sentence_table_ends(count, openings, [*stops, *excluded_here]))
        return starts, ends

    def _excluded_tokens(self) -> list[bool]:
        """``is_excluded`` of every token: the tokens each excluded range overlaps, found by
        bisection per range (a few per article) rather than per token."""
        tokens = self.tokens
        flags = [False] * len(tokens)
        for start, end in self.excluded:
            first = bisect_right(tokens, start, key=lambda t: t.end)  # first token ending after start
            stop = bisect_left(tokens, end, key=lambda t: t.start)  # first token starting at or after end
            flags[first:stop] = [True] * max(0, stop - first)
        return flags

    def sentence_start(self, index: int) -> int:
        """First token of the sentence containing token ``index``."""
        if index >= len(self.tokens):
            return len(self.tokens)
        return self._starts_at[1 if self.depth[index] else 0][index]

    def sentence_end(self, index: int) -> int:
        """Index of the sentence-end token at or after ``index`` (or one past the block's end)."""
        if index >= len(self.tokens):
            return len(self.tokens)
        return self._ends_at[1 if self.depth[index] else 0][index]


def sentence_table_starts(count: int, openings: Sequence[int], stops: Sequence[int]) -> list[int]:
    """For each of ``count`` tokens, the first token of its sentence: the last paragraph
    opening (a token index in ``openings``) or token after a stop (in ``stops``) at or before
    it, 0 if none."""
    restarts = sorted({0, *openings, *(k + 1 for k in stops if k + 1 < count)})
    table: list[int] = []
    for first, following in pairwise([*restarts, count]):
        table += [first] * (following - first)
    return table


def sentence_table_ends(count: int, openings: Sequence[int], stops: Sequence[int]) -> list[int]:
    """For each of ``count`` tokens, the end of its sentence: the first stop (in ``stops``) at
    or after it, or the next paragraph opening (in ``openings``) after it, ``count`` if none.

    Each place covers the tokens up to itself (a stop) or up to the one before it (an
    opening); the tokens up to the nearest place take its value, the smaller at a tie."""
    places = sorted({(k, k) for k in stops} | {(m - 1, m) for m in openings})
    table: list[int] = []
    done = 0
    for last, value in places:
        if last >= done:
            table += [value] * (last + 1 - done)
            done = last + 1
    table += [count] * (count - done)
    return table


def merge_ranges(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges covering the same offsets (touching ones merged)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
