"""What every quote rule asks of an article: its quotation marks, sentences and blocks.

Computed once per article in linear time, so the rules can ask per token (which block, how
deep inside quotation marks, where the sentence starts and ends) without rescanning.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import accumulate

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
        """
        count = len(self.tokens)
        ends_here = [t.norm in SENTENCE_END and self._is_sentence_end(j) for j, t in enumerate(self.tokens)]
        excluded_here = self._excluded_tokens()
        block = self.block_of_token
        opens_block = [False] + [block[j] != block[j - 1] for j in range(1, count)]
        outside_ends = [end and not depth for end, depth in zip(ends_here, self.depth, strict=True)]
        starts: list[list[int]] = []
        ends: list[list[int]] = []
        for stops in (outside_ends, ends_here):  # layer 0, layer 1
            if stops is ends_here and ends_here == outside_ends:  # no sentence ends inside quotes
                starts.append(starts[0])
                ends.append(ends[0])
                break
            layer_starts = [0] * count
            start = 0
            for j in range(count):
                if opens_block[j]:
                    start = j
                layer_starts[j] = start
                if stops[j]:
                    start = j + 1
            layer_ends = [count] * count
            end = count
            for j in range(count - 1, -1, -1):
                if j + 1 < count and opens_block[j + 1]:
                    end = j + 1
                if stops[j] or excluded_here[j]:
                    end = j
                layer_ends[j] = end
            starts.append(layer_starts)
            ends.append(layer_ends)
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


def merge_ranges(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping ranges covering the same offsets (touching ones merged)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
