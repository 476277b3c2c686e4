"""Features of a speaker span's edges: its first and last words, their neighbours, the words inside.

The mention ranker describes every span of every slot (``speaker_options``) partly by its edges:
the first word and the one before it, the last word and the one after it (classes, frequent
words, statistics from unlabeled news, the article's echoes, the rules' stop tests), and the
occasion and time words inside. Spans share their edges, so each edge is described once per
token of the article; and what an edge word contributes by its folded form and class alone is
kept across articles (``_edge_names``), since the same words end spans in article after article.
"""

from __future__ import annotations

from functools import lru_cache

from core.annotator import lexicon
from core.annotator.feature_names import (
    ECHO_LAST_ENDS,
    ECHO_LAST_NEAR_CUE,
    ECHO_NEXT_NEAR_CUE,
    ECHO_PAIR,
    FIRST,
    FIRST_W,
    LAST,
    LAST_NEXT,
    LAST_REPEATS,
    LAST_W,
    NEXT,
    NEXT_W,
    PREV,
    prefixed,
)
from core.annotator.speaker_words import LEXICAL_MIN_COUNT, ArticleWords, lexical_name, stats_name
from core.annotator.tokens import TokenizedText
from core.annotator.word_classes import stops_word
from core.annotator.wordstats import WordStats

# What ``_edge_names`` gives for a word: its names as a span's last word (``last=``, ``last_w=``,
# the ``last.`` statistics), as the word after a span (``next=``, ``next_w=``, ``next.``), whether
# it stops a phrase, and whether it is an addressee (لرويترز).
_EdgeNames = tuple[str, str, tuple[str, ...], str, str, tuple[str, ...], bool, bool]


class SpanEdges:
    """The edge features of one article's spans, made once per token."""

    def __init__(self, tokenized: TokenizedText, words: ArticleWords, stats: WordStats) -> None:
        self.tk = tokenized
        self.tokens = tokenized.tokens
        self.text = tokenized.text
        self.words = words
        self.stats = stats
        self._start_cache: dict[int, tuple[str, ...]] = {}
        self._end_cache: dict[int, tuple[str, ...]] = {}
        self._inner_cache: dict[int, tuple[str, ...]] = {}

    def start_block(self, first: int) -> tuple[str, ...]:
        """Features of a span's first word and the token before it (cached per token)."""
        block = self._start_cache.get(first)
        if block is None:
            before = first - 1
            before_class = self.words.word_class(before) if before >= 0 else "start"
            block = self._start_cache[first] = (
                FIRST[self.words.word_class(first)],
                PREV[before_class],
                FIRST_W[self.words.lexical(first)],
            )
        return block

    def end_block(self, last: int) -> tuple[str, ...]:
        """Features of a span's last word and the token after it (cached per token): classes,
        frequent words, word statistics, the article's echoes and the rules' stop tests.

        Four spans in five end on a word no other span of the article ends on, so this runs
        for most spans: the names that depend on a word's folded form and class alone come
        from ``_edge_names`` in one call per word, not a dozen lookups and calls each."""
        block = self._end_cache.get(last)
        if block is not None:
            return block
        tokens = self.tokens
        words = self.words
        last_token = tokens[last]
        last_norm = last_token.norm
        last_class = words.word_class(last)
        last_name, last_w, last_stats, _, _, _, last_stops, _ = _edge_names(
            self.stats, last_norm, last_class, last_token.is_word, last_token.is_name_ali
        )
        nxt = last + 1
        if nxt < len(tokens):
            next_token = tokens[nxt]
            next_norm = next_token.norm
            next_class = words.word_class(nxt)
            _, _, _, next_name, next_w, next_stats, next_stops, addressee = _edge_names(
                self.stats, next_norm, next_class, next_token.is_word, next_token.is_name_ali
            )
            if "\n" in self.text[last_token.end : next_token.start]:
                next_class = "newline"
                next_name = NEXT[next_class]
            out = [last_name, next_name, LAST_NEXT[last_class, next_class], last_w, next_w]
            out += last_stats
            if next_token.is_word:
                out += next_stats
        else:
            next_token = None
            out = [last_name, NEXT["end"], LAST_NEXT[last_class, "end"], last_w]
            out += last_stats
        repeats = self.tk.word_count(last_norm)
        out.append(LAST_REPEATS[repeats if repeats < 4 else 4])
        # The article's evidence: a last word that elsewhere ends its phrase (الجعفري إن), or
        # stands near a cue; a pair of words that recurs (الهلال الأحمر).
        count = words.ends_before_boundary(last_norm)
        out.append(ECHO_LAST_ENDS[count if count < 3 else 3])
        count = words.near_cue(last_norm)
        out.append(ECHO_LAST_NEAR_CUE[count if count < 3 else 3])
        if next_token is not None:
            count = words.near_cue(next_norm)
            out.append(ECHO_NEXT_NEAR_CUE[count if count < 3 else 3])
            count = words.echo((last_norm, next_norm))
            out.append(ECHO_PAIR[count if count < 3 else 3])
            # The rules' own tests, as evidence.
            if next_stops:
                out.append("next_is_stop")
        if last_stops:
            out.append("last_is_stop")
        if next_token is not None and addressee:
            out.append("next_is_addressee")  # "قال مسؤول لرويترز إن"
        block = self._end_cache[last] = tuple(out)
        return block

    def inner_block(self, index: int) -> tuple[str, ...]:
        """An occasion noun or a time word inside a span (cached per token)."""
        block = self._inner_cache.get(index)
        if block is None:
            norm = self.tokens[index].norm
            bare = norm[1:] if norm[:1] in ("و", "ب", "ل", "ف") else norm
            occasion, times = lexicon.words("occasion_nouns"), lexicon.words("time_words")
            found = []
            if norm in occasion or bare in occasion:
                found.append("in_occasion_noun")
            if norm in times:
                found.append("in_time_word")
            block = self._inner_cache[index] = tuple(found)
        return block


@lru_cache(maxsize=16384)
def _edge_names(stats: WordStats, norm: str, word_class: str, is_word: bool, name_ali: bool) -> _EdgeNames:
    """A word's contribution to ``SpanEdges.end_block`` by its folded form and class alone (see
    ``_EdgeNames``), from the same functions as ``ArticleWords.lexical``, ``token_stats`` and
    ``is_stop``; ``name_ali``: the name علي, not the preposition على its folding matches. Kept
    for the most recent words: those that end spans recur from article to article."""
    frequent = stats.counted_at_least(LEXICAL_MIN_COUNT)
    lexical = lexical_name(norm, word_class, is_word, name_ali, frequent)
    binned = stats_name(stats, norm, name_ali)
    stops = stops_word(norm, is_word, name_ali)
    addressee = False
    if norm[:1] == "ل" and is_word:
        profile = stats.get(norm)
        addressee = profile is not None and profile.share("before_that") >= 15
    return (
        LAST[word_class],
        LAST_W[lexical],
        prefixed("last.", binned),
        NEXT[word_class],
        NEXT_W[lexical],
        prefixed("next.", binned),
        stops,
        addressee,
    )
