"""How the speaker features describe one article's words: classes, frequent words, statistics
from unlabeled news, and the article's own echoes.

A word is described by its class (title, definite, particle, preposition …), by how it behaves
in unlabeled news (``wordstats``: after titles, before cues …) or, when it is frequent there, by
itself; and by what the article itself shows: how often a sequence recurs, whether the word
ends a phrase elsewhere or stands near a cue. Everything is computed once per token or word.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import accumulate
from typing import Any
from weakref import WeakKeyDictionary

from core.annotator import lexicon
from core.annotator.tokens import QUOTE_CHARS, SENTENCE_END, Token, TokenizedText
from core.annotator.word_classes import (
    NAME_PARTICLES,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    complementizer_forms,
    has_pronoun_suffix,
    is_adjective,
)
from core.annotator.wordstats import FIELDS, WordStats

LEXICAL_MIN_COUNT = 30  # words this frequent in unlabeled news are features by themselves
ECHO_MAX = 4  # longest token sequence whose repetitions in the article are counted
PREFIX_STEM_MIN_COUNT = 5  # a ب/ل word whose rest news writes this often alone is prefixed
_ECHO_SCAN_MAX = 16  # a first word met at most this often is followed up place by place
# The binned statistics as feature names, made once ("after_cue=2"), not per word.
_STAT_NAMES = tuple(tuple(f"{name}={b}" for b in range(5)) for name in FIELDS)
_FREQUENCY_NAMES = tuple(f"freq={b}" for b in range(4))
_RARE = ("rare",)
_BINNED_STATS: WeakKeyDictionary[WordStats, dict[str, tuple[str, ...]]] = WeakKeyDictionary()


class ArticleWords:
    """The words of one article as the speaker features see them (cached per token and word)."""

    def __init__(self, tokenized: TokenizedText, stats: WordStats) -> None:
        self.tk = tokenized
        self.tokens = tokenized.tokens
        self.text = tokenized.text
        self.stats = stats
        self._frequent = stats.counted_at_least(LEXICAL_MIN_COUNT)  # the words ``lexical`` names
        self._class_cache: dict[int, str] = {}
        # A word's binned statistics depend on the table only: kept for the whole process.
        self._stat_cache = _BINNED_STATS.setdefault(stats, {})
        self._echoes: dict[tuple[str, ...], int] = {}
        self._norms: list[str] = []
        self._norm_positions: dict[str, list[int]] | None = None
        self._following: dict[tuple[str, int], Counter[Any]] = {}
        self._before_boundary: dict[str, int] = {}
        self._near_cue: Counter[str] | None = None
        self._verbs: list[int] | None = None
        self._verb_set: frozenset[int] = frozenset()
        self._words_before: list[int] | None = None
        self._stops_before: list[int] | None = None
        self._titles_before: list[int] | None = None

    # The article's echoes ------------------------------------------------------------------------
    def echo(self, norms: tuple[str, ...]) -> int:
        """How often a sequence of one to ``ECHO_MAX`` tokens occurs in the article.

        Counted on first use from the places its first token occurs (indexed once, in linear
        time): far fewer sequences are asked about than an article has, so counting every
        n-gram up front cost more than the questions."""
        count = self._echoes.get(norms)
        if count is None:
            count = self._echoes[norms] = self._count_sequence(norms)
        return count

    def _count_sequence(self, norms: tuple[str, ...]) -> int:
        size = len(norms)
        if not 1 <= size <= ECHO_MAX:
            return 0
        positions = self._positions().get(norms[0])
        if positions is None:
            return 0
        if size == 1:
            return len(positions)
        every = self._norms
        if len(positions) <= _ECHO_SCAN_MAX:
            if size == 2:  # most questions (a span's last word and the next): no slice per place
                last, second = len(every) - 1, norms[1]
                return [every[k + 1] for k in positions if k < last].count(second)
            return sum(1 for k in positions if tuple(every[k : k + size]) == norms)
        # A frequent first word (in a long text, thousands of places): every sequence of this
        # length after it is counted once, so that the questions about it stay linear in the
        # text's length. Most are pairs, counted by their second word alone (no slice per place).
        key = (norms[0], size)
        following = self._following.get(key)
        end = len(every)
        if following is None:
            if size == 2:
                following = Counter([every[k + 1] for k in positions if k + 1 < end])
            else:
                following = Counter([tuple(every[k : k + size]) for k in positions if k + size <= end])
            self._following[key] = following
        return following.get(norms[1] if size == 2 else norms, 0)

    def _positions(self) -> dict[str, list[int]]:
        """Where each folded token occurs in the article (``TokenizedText.positions``)."""
        if self._norm_positions is None:
            self._norms = self.tk.norms
            self._norm_positions = self.tk.positions()
        return self._norm_positions

    def ends_before_boundary(self, norm: str) -> int:
        """How often ``norm`` stands right before punctuation or a complementiser in the article.

        Counted on first use from the places the word occurs (``_positions``): the question is
        asked about the last words of spans, a few dozen an article, so a count over every
        token pair up front was mostly wasted."""
        count = self._before_boundary.get(norm)
        if count is None:
            tokens = self.tokens
            forms = complementizer_forms()
            last = len(tokens) - 1
            count = 0
            for k in self._positions().get(norm, ()):
                if k < last and tokens[k].is_word:
                    following = tokens[k + 1]
                    if not following.is_word or following.norm in forms:
                        count += 1
            self._before_boundary[norm] = count
        return count

    def near_cue(self, norm: str) -> int:
        """How often ``norm`` stands among the four words after a reporting verb in the article."""
        if self._near_cue is None:
            near: Counter[str] = Counter()
            tokens = self.tokens
            for k in self.verbs():
                for j in range(k + 1, min(k + 5, len(tokens))):
                    if not tokens[j].is_word:
                        break
                    near[tokens[j].norm] += 1
            self._near_cue = near
        return self._near_cue.get(norm, 0)

    def verbs(self) -> list[int]:
        """Indices of the article's finite reporting verbs (a cue form in the past or imperfect),
        in order: found in one pass over the tokens, for the scans that would otherwise test
        token after token."""
        if self._verbs is None:
            self._verbs = [k for k, form in self.tk.cue_tokens() if form.tense in ("past", "imperfect")]
            self._verb_set = frozenset(self._verbs)
        return self._verbs

    def is_verb_at(self, index: int) -> bool:
        """Is token ``index`` a finite reporting verb (from the article's list of verbs)?"""
        if self._verbs is None:
            self.verbs()
        return index in self._verb_set

    def sentence_ends_between(self, a: int, b: int) -> bool:
        """Is a token of ``a <= k < b`` a sentence end (``.!?؟``)? One subtraction of running
        counts, not a scan: asked for every span before a cue, up to 80 tokens back."""
        if self._stops_before is None:
            self._stops_before = self._counts_before(SENTENCE_END)
        return b > a and self._stops_before[b] > self._stops_before[a]

    def titles_between(self, a: int, b: int) -> int:
        """How many tokens of ``a <= k < b`` are titles (``lexicon.titles``): a subtraction of
        running counts, asked for every carry-over option."""
        if self._titles_before is None:
            self._titles_before = self._counts_before(lexicon.titles())
        return self._titles_before[b] - self._titles_before[a] if b > a else 0

    def _counts_before(self, forms: AbstractSet[str]) -> list[int]:
        """How many tokens of each of ``forms`` come before each token (and after the last):
        found from the positions index, not by a test of every token."""
        flags = [False] * len(self.tokens)
        for token in self.tk.tokens_among(forms):
            flags[token.index] = True
        return list(accumulate(flags, initial=0))

    def word_delta(self, a: int, b: int) -> int:
        """Words from token ``a`` to token ``b`` (negative when ``b`` comes first)."""
        if self._words_before is None:
            # Words before each token, so a distance is one subtraction, not a scan.
            self._words_before = list(accumulate(self.tk.word_flags, initial=0))
        lo, hi = min(a, b), max(a, b)
        count = self._words_before[hi + 1] - self._words_before[lo + 1]
        return count if b >= a else -count

    # Classes and statistics ------------------------------------------------------------------------
    def word_class(self, index: int) -> str:
        """The class of token ``index``: punctuation kinds, verb, particle, preposition, title,
        organisation, anonymous source, definite, ل/ب-prefixed, suffixed, adjective or word."""
        cached = self._class_cache.get(index)
        if cached is None:
            cached = self._class_cache[index] = self._word_class(self.tokens[index])
        return cached

    def _word_class(self, token: Token) -> str:
        norm = token.norm
        name, by_suffix = _class_of_folded(norm, token.is_word, token.is_name_ali)
        if by_suffix and has_pronoun_suffix(self.text[token.start : token.end]):
            return "suffixed"
        if name in ("bi", "lam") and not self._prefix_is_preposition(norm):
            return "word"
        return name

    def _prefix_is_preposition(self, norm: str) -> bool:
        """Is the first letter of a ب/ل word the preposition (``بفوز``, ``لرويترز``) rather than
        part of the word (``بوتين``, ``لندن``, ``بريطانيا``)? Only when news writes the rest
        on its own: a name's tail (``وتين``, ``ندن``) it hardly ever does, so a ب/ل name no
        longer looks like a prepositional phrase to the rankers."""
        stem = self.stats.get(norm[1:])
        return stem is not None and stem.count >= PREFIX_STEM_MIN_COUNT

    def token_stats(self, index: int) -> tuple[str, ...]:
        """``word_stats`` of a token; the name علي is not the preposition على its folding matches."""
        token = self.tokens[index]
        if token.is_name_ali:
            return _RARE
        return self.word_stats(token.norm)

    def lexical(self, index: int) -> str:
        """A frequent word as itself (``لرويترز``, ``الصحفيين``), a rarer one by its class."""
        token = self.tokens[index]
        return lexical_name(token.norm, self.word_class(index), token.is_word, token.is_name_ali, self._frequent)

    def word_stats(self, norm: str) -> tuple[str, ...]:
        """How ``norm`` behaves in unlabeled news, in bins (``rare`` when it was not counted)."""
        return self._stat_cache.get(norm) or binned_stats(self.stats, norm)


def lexical_name(norm: str, word_class: str, is_word: bool, name_ali: bool, frequent: frozenset[str]) -> str:
    """``ArticleWords.lexical`` of a token given by its folded form and class: a frequent word
    (in ``frequent``) or a mark as itself, a rarer word by its class, the name علي (not the
    preposition على its folding matches) as a word."""
    if name_ali:
        return "~word"
    if not is_word or norm in frequent:
        return norm
    return "~" + word_class


def stats_name(stats: WordStats, norm: str, name_ali: bool) -> tuple[str, ...]:
    """``ArticleWords.token_stats`` of a token given by its folded form: the name علي has no
    statistics of its own (those counted are the preposition's)."""
    return _RARE if name_ali else binned_stats(stats, norm)


def binned_stats(stats: WordStats, norm: str) -> tuple[str, ...]:
    """How ``norm`` behaves in unlabeled news, in bins (``rare`` when it was not counted);
    kept for the process with the table, since a word's bins depend on the table only."""
    cache = _BINNED_STATS.setdefault(stats, {})
    cached = cache.get(norm)
    if cached is None:
        profile = stats.get(norm)
        if profile is None:
            # Not cached: the process-wide cache stays bounded by the table's words, however
            # many articles (each with rare words of its own) one process annotates.
            return _RARE
        cached = tuple(names[_bin(share)] for names, share in zip(_STAT_NAMES, profile.shares, strict=True))
        cached += (_FREQUENCY_NAMES[_frequency_bin(profile.count)],)
        cache[norm] = cached
    return cached


@lru_cache(maxsize=8192)
def _class_of_folded(norm: str, is_word: bool, name_ali: bool) -> tuple[str, bool]:
    """A token's class by its folded form (see ``ArticleWords.word_class``), and whether a
    possessive suffix on its written form makes it "suffixed" instead; ``name_ali``: the name
    علي, not the preposition على its folding matches.

    Every test but the suffix's reads the folded word only, so the answers are kept for the
    most recent words: an article's words recur in the next (a dozen lexicon lookups each,
    a hundredth of annotating)."""
    if not is_word:
        if norm in QUOTE_CHARS:
            return "quote", False
        if norm in ("،", ","):
            return "comma", False
        if norm in (":", "؛", ";"):
            return "colon", False
        if norm in SENTENCE_END:
            return "stop", False
        return "punct", False
    if norm.isdigit() or norm[:1].isdigit():
        return "digit", False
    if norm in complementizer_forms():
        return "that", False
    form = lexicon.cue_forms().get(norm)
    if form is not None and form.tense in ("past", "imperfect"):
        return "verb", False
    if form is not None and form.tense == "participle":
        return "participle", False
    if norm in NAME_PARTICLES:
        return "particle", False
    if norm in RELATIVE_PRONOUNS:
        return "relative", False
    if name_ali:
        return "word", False  # the name علي, not the preposition على (folding merges them)
    if norm in PREPOSITIONS:
        return "prep", False
    titles = lexicon.titles()
    plain = norm[1:] if norm.startswith("و") and len(norm) > 3 else norm
    if norm in lexicon.anonymous_heads():
        return "anon", False
    if norm in lexicon.organisation_heads():
        return "org", False
    if norm in titles:
        return ("deftitle" if norm.startswith("ال") else "title"), False
    if plain in titles and plain != norm:
        return "wtitle", False
    if norm in lexicon.speaker_stops():
        return "stopword", False
    if norm.startswith("ال"):
        return ("defadj" if is_adjective(norm) else "def"), False
    if norm.startswith("وال"):
        return "wdef", False
    if norm.startswith(("لل", "بال")):
        return "lamdef", False
    # Here the written form decides first: a possessive suffix makes the word "suffixed".
    if norm.startswith("ل") and len(norm) > 3:
        return "lam", True
    if norm.startswith("ب") and len(norm) > 3:
        return "bi", True
    if is_adjective(norm):
        return "adj", True
    return "word", True


def _bin(share: int) -> int:
    if share == 0:
        return 0
    if share <= 5:
        return 1
    if share <= 20:
        return 2
    if share <= 50:
        return 3
    return 4


def _frequency_bin(count: int) -> int:
    if count < 10:
        return 0
    if count < 50:
        return 1
    if count < 300:
        return 2
    return 3
