"""The quote pass over one article: indirect quotes first, then the direct ones they may hold."""

from __future__ import annotations

from collections.abc import Sequence

from core.annotator.layout import Block
from core.annotator.quotes.attributor import Attributor
from core.annotator.quotes.candidate import Candidate
from core.annotator.quotes.context import ArticleContext
from core.annotator.quotes.cue_search import CueSearch
from core.annotator.quotes.direct import DirectFinder
from core.annotator.quotes.indirect import IndirectFinder
from core.annotator.quotes.names import TERM_MAX_WORDS, ArticleNames
from core.annotator.tokens import TokenizedText


class QuoteFinder:
    """Runs the quote rules over one article and keeps what the speaker passes reuse.

    The speaker passes (``speaker_options``, ``speaker_choice``) read the article's tokens,
    sentence bounds, blocks and known names from here.
    """

    def __init__(self, tokenized: TokenizedText, blocks: Sequence[Block], excluded: Sequence[tuple[int, int]]) -> None:
        self.context = ArticleContext(tokenized, blocks, excluded)
        self.names = ArticleNames(self.context)
        self.cues = CueSearch(self.context)
        self.attributor = Attributor(self.context, self.names)
        self.tk = tokenized
        self.tokens = tokenized.tokens
        self.text = tokenized.text
        # Short quotations are names to the speaker-phrase rules: «عكاظ» is one word there.
        for span in self.context.spans:
            if span.close_mark is not None and self.context.words_in(span) <= TERM_MAX_WORDS:
                tokenized.name_spans[span.open_mark.index] = span.close_mark.index
                tokenized.name_spans[span.close_mark.index] = span.open_mark.index

    @property
    def block_of_token(self) -> list[int]:
        """The index of the block (paragraph) of each token."""
        return self.context.block_of_token

    @property
    def known_names(self) -> set[str]:
        """Folded words of names met after a title anywhere in the article."""
        return self.names.known_names

    def sentence_start(self, index: int) -> int:
        return self.context.sentence_start(index)

    def sentence_end(self, index: int) -> int:
        return self.context.sentence_end(index)

    def find_all(self) -> list[Candidate]:
        """All quote candidates of the article, in text order (longer first at one start)."""
        indirect = IndirectFinder(self.context, self.cues, self.attributor, self.names).find()
        direct = DirectFinder(self.context, self.cues, self.attributor, self.names, indirect).find()
        candidates = indirect + direct
        candidates.sort(key=lambda c: (c.start, -c.end))
        return candidates


def find_quotes(tokenized: TokenizedText, blocks: Sequence[Block], excluded: Sequence[tuple[int, int]]) -> list[Candidate]:
    """All quote candidates of an article, in text order."""
    return QuoteFinder(tokenized, blocks, excluded).find_all()
