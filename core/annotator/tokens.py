"""Tokens of an article: words and punctuation over the folded shadow, with stored offsets.

The annotator reasons over tokens (is this word a cue verb? a title? a stop word?) while every
annotation it emits needs exact offsets in the stored text; each token carries both.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Set as AbstractSet
from itertools import accumulate, compress
from operator import itemgetter

from core.annotator import lexicon, wordstats
from core.folding import Shadow

# An HTML entity left raw by a scraper is one token (it may be a quotation mark).
_TOKEN_RE = re.compile(r"&#?[a-z0-9]{2,8};|[^\W_]+|\S", re.IGNORECASE)
# A word of the folded text, as the tokens' words are matched (``TokenizedText.folded_words``).
_WORD_RE = re.compile(r"[^\W_]+")
# The same matches, captured by a split: the text comes back as gap, token, gap, ..., gap.
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})", re.IGNORECASE)

QUOTE_CHARS = frozenset("“”«»\"„‟″‹›")
ENTITY_MARKS = {
    "&quot;": '"',
    "&#34;": '"',
    "&#x22;": '"',
    "&ldquo;": "“",
    "&rdquo;": "”",
    "&#8220;": "“",
    "&#8221;": "”",
    "&#x201c;": "“",
    "&#x201d;": "”",
    "&laquo;": "«",
    "&raquo;": "»",
    "&#171;": "«",
    "&#187;": "»",
    "&#xab;": "«",
    "&#xbb;": "»",
    "&bdquo;": "„",
    "&#8222;": "„",
}
SENTENCE_END = frozenset(".!?؟")
CLAUSE_PUNCT = frozenset("،,؛;:")


class Token:
    """A word or punctuation mark.

    Attributes:
        index: position in the token list.
        start, end: stored-text offsets (code points, end-exclusive); the folded shadow's
            are ``TokenizedText.folded_starts`` and ``folded_ends`` (nothing reads them per token).
        norm: folded form (lower-case, no diacritics, unified letters); entity marks resolved.
        maqsura: the stored word ends in ى (على the preposition, not the name علي).
        is_word: a word (letters or digits), not punctuation.

    A plain ``__slots__`` class, not a frozen dataclass: an article has one token per word and
    building frozen dataclasses cost five times as much (a tenth of annotating). Treat tokens as
    read-only; they compare by identity, one object per position.
    """

    __slots__ = ("end", "index", "is_word", "maqsura", "norm", "start")

    def __init__(self, index: int, start: int, end: int, norm: str, maqsura: bool = False, is_word: bool = False) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.norm = norm
        self.maqsura = maqsura
        self.is_word = is_word

    def __repr__(self) -> str:
        return f"Token({self.index}, {self.start}-{self.end}, {self.norm!r})"

    @property
    def is_name_ali(self) -> bool:
        """The name علي, not the preposition على that folds like it (the stored word ends in ي):
        the name continues a speaker's name and stops nothing (``علي لاريجاني``)."""
        return self.norm == "علي" and not self.maqsura

    @property
    def is_quote_mark(self) -> bool:
        return self.norm in QUOTE_CHARS

    @property
    def is_sentence_end(self) -> bool:
        return self.norm in SENTENCE_END

    @property
    def is_digit(self) -> bool:
        return self.norm.isdigit()


_MARKS = frozenset(chr(c) for c in range(0x064B, 0x0660)) | {"\u0670", "\u0640"}


def _ends_with_maqsura(text: str, start: int, end: int) -> bool:
    """Does the stored word end in ى (after any diacritics or tatweel)?"""
    index = end - 1
    while index > start and text[index] in _MARKS:
        index -= 1
    return text[index] == "ى"


def _maqsura_flags(text: str, norms: list[str], starts: list[int], stops: list[int]) -> list[bool]:
    """``Token.maqsura`` of every token: its folded form ends in ي and the stored word in ى.

    Found from the places of ى in the text (a few dozen an article) rather than by a test of
    every token: only a token holding one can end in one."""
    flags = [False] * len(norms)
    place = text.find("ى")
    while place >= 0:
        k = bisect_right(stops, place)  # the first token ending after it, if it holds it
        if k < len(norms) and starts[k] <= place and norms[k][-1] == "ي":
            flags[k] = _ends_with_maqsura(text, starts[k], stops[k])
        place = text.find("ى", place + 1)
    return flags


NAME_PARTICLE_VAN = "ڤان"  # the norm of فان read as the particle of a foreign name (فان غال)
_NAME_PARTICLE_MAX_COUNT = 20  # a word news uses more often than this is no foreign surname


def _mark_name_particles(text: str, norms: list[str], starts: list[int], stops: list[int]) -> bool:
    """``لويس فان غال``, ``فيرجيل فان دايك``: فان written without hamza before a rare word is
    the particle of a Dutch name, not the complementiser فإن its folding matches (which opens no
    reported speech after a verb, and would end the name and hide the quote). Its norm becomes
    ``NAME_PARTICLE_VAN``, which no word list holds. ``وبالتالي فان الجهة``, ``فان ذلك``: a definite
    or frequent word after it, or punctuation before it, keeps فإن. Returns whether one was
    marked."""
    stats = wordstats.shipped()
    marked = False
    for k, norm in enumerate(norms[:-1]):
        if norm != "فان" or k == 0 or text[starts[k] : stops[k]] != "فان" or not norms[k - 1].isalnum():
            continue  # after a comma (``كما ترون، فان بوسعي``) it opens a clause
        following = norms[k + 1]
        if not following.isalnum() or following.startswith("ال") or following.isdigit():
            continue
        profile = stats.get(following)
        if profile is None or profile.count < _NAME_PARTICLE_MAX_COUNT:
            norms[k] = NAME_PARTICLE_VAN
            marked = True
    return marked


class TokenizedText:
    """Tokens of a text plus lookups by stored offset."""

    def __init__(self, text: str, shadow: Shadow | None = None) -> None:
        self.text = text
        self.shadow = shadow or Shadow(text)
        folded = self.shadow.folded
        # One split gives the tokens and the gaps between them; the tokens' offsets are running
        # sums of the parts' lengths (a match object per token cost a fifth of tokenising).
        parts = _TOKEN_SPLIT_RE.split(folded)
        norms = parts[1::2]
        ends = list(accumulate(map(len, parts)))  # ends[2k] is token k's start, ends[2k + 1] its end
        folded_starts, folded_ends = ends[0:-1:2], ends[1::2]  # the last gap has no token
        starts, stops = self.shadow.offsets(folded_starts, folded_ends)
        # Are the word tokens' norms the text's folded words as written? Not where an entity
        # (``&quot;``: a token of more than one character opening with &) is one token or a
        # name particle's norm was changed (``folded_words``).
        self._norms_as_written = True
        if "&" in folded:
            self._norms_as_written = not any(n[0] == "&" and len(n) > 1 for n in norms)
            norms = [ENTITY_MARKS.get(n, n) if n[0] == "&" and n[-1] == ";" else n for n in norms]
        if " فان " in folded and _mark_name_particles(text, norms, starts, stops):
            self._norms_as_written = False
        # A token is a word when its first character is a letter or digit. A word matched
        # [^\W_]+, which is isalnum() throughout; any other token is one other character or an
        # entity (&...;). So ``norm.isalnum()`` tells, without taking the first character out.
        # ``map`` calls the class with each token's fields straight from the lists, without a
        # tuple unpacked per token in Python (a fifth of making the tokens).
        word_flags = list(map(str.isalnum, norms))
        self.tokens = list(
            map(Token, range(len(norms)), starts, stops, norms, _maqsura_flags(text, norms, starts, stops), word_flags)
        )
        self._starts = starts
        self.folded_starts, self.folded_ends = folded_starts, folded_ends  # the tokens' shadow spans
        self.norms = norms  # every token's ``norm``, in order (for scans that read only those)
        self.word_flags = word_flags  # every token's ``is_word``, in order
        # Short quoted names, opening mark index <-> closing mark index, set by the quote finder
        # so that speaker phrases can run through them (شركة «سيفاكس إيرلاينز»).
        self.name_spans: dict[int, int] = {}
        self._positions: dict[str, list[int]] | None = None
        self._cues: list[tuple[int, lexicon.CueForm]] | None = None

    def positions(self) -> dict[str, list[int]]:
        """Where each folded token occurs in the text, in order (built once, on first use): the
        word counts and the speaker features' echoes and boundary counts all read it."""
        if self._positions is None:
            index: dict[str, list[int]] = {}
            for k, norm in enumerate(self.norms):
                places = index.get(norm)
                if places is None:
                    index[norm] = [k]
                else:
                    places.append(k)
            self._positions = index
        return self._positions

    def folded_words(self, start: int, end: int) -> list[str]:
        """The words of the stored span ``[start, end)``, folded: what ``[^\\W_]+`` finds in
        its shadow (the boilerplate classifier's words), read from the word tokens starting in
        it rather than found again. Where an entity or a name particle makes a token's norm
        differ from its letters (``&quot;`` is one token, its letters the word ``quot``) the
        shadow is read again, so that both give the same words on every text."""
        if not self._norms_as_written:
            return _WORD_RE.findall(self.shadow.folded_part(start, end))
        first, stop = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return list(compress(self.norms[first:stop], self.word_flags[first:stop]))

    def tokens_among(self, norms: AbstractSet[str]) -> list[Token]:
        """The tokens whose folded form is one of ``norms``, in order.

        Read from ``positions``: the quotation marks, the sentence ends and the titles of an
        article are each a few dictionary lookups away, where a test of every token cost a
        fortieth of annotating for the half-dozen passes that ask."""
        positions = self.positions()
        found: list[int] = []
        if len(norms) <= len(positions):
            for norm in norms:
                places = positions.get(norm)
                if places is not None:
                    found += places
        else:  # a short text and a long list (the titles): look the text's forms up instead
            for norm, places in positions.items():
                if norm in norms:
                    found += places
        found.sort()
        tokens = self.tokens
        return [tokens[k] for k in found]

    def cue_tokens(self) -> list[tuple[int, lexicon.CueForm]]:
        """Every token that is a form of a reporting verb or noun, with its form, in order.

        Found once, on first use, for the scans that each looked at every token for them (the
        attributor's finite verbs, the speaker features' verb list)."""
        if self._cues is None:
            forms = lexicon.cue_forms()
            # Each of the text's forms looked up once (from the positions index), not each token.
            found = [(k, form) for norm, places in self.positions().items() if (form := forms.get(norm)) is not None for k in places]
            found.sort(key=itemgetter(0))
            self._cues = found
        return self._cues

    def word_count(self, norm: str) -> int:
        """How often a folded word occurs in the text (0 for punctuation: a token is a word
        exactly when its folded form is letters and digits)."""
        if not norm.isalnum():
            return 0
        places = self.positions().get(norm)
        return 0 if places is None else len(places)

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, index: int) -> Token:
        return self.tokens[index]

    def opens_hashtag(self, index: int) -> bool:
        """Is token ``index`` a hashtag's ``#``, glued to the token after it (``#عباس``)? Sites
        that link names as hashtags write them so; the name is the words, not the mark."""
        tokens = self.tokens
        return tokens[index].norm == "#" and index + 1 < len(tokens) and tokens[index + 1].start == tokens[index].end

    def closes_abbreviation(self, index: int) -> bool:
        """Is token ``index`` the full stop of an abbreviation glued to it (``د.``, ``م.``, the
        initial in ``ستيفن ج. هينتغس``): a word of one or two letters, then the stop?"""
        tokens = self.tokens
        if index == 0 or tokens[index].norm != ".":
            return False
        before = tokens[index - 1]
        return before.is_word and len(before.norm) <= 2 and before.end == tokens[index].start

    def index_at_or_after(self, offset: int) -> int:
        """Index of the first token starting at or after stored ``offset``."""
        return bisect_left(self._starts, offset)

    def index_before(self, offset: int) -> int:
        """Index of the last token starting before stored ``offset`` (-1 if none)."""
        return bisect_left(self._starts, offset) - 1

    def range(self, start: int, end: int) -> range:
        """Indices of tokens that start inside the stored span ``[start, end)``."""
        return range(bisect_left(self._starts, start), bisect_left(self._starts, end))

    def index_containing(self, offset: int) -> int:
        """Index of the token containing ``offset``, or of the last one starting before it."""
        return bisect_right(self._starts, offset) - 1
