"""How words behave in Arabic news, learned from unlabeled articles.

Whether a word after a reporting verb is still part of the speaker's name (``حسين أمير عبد
اللهيان``) or already the verb's object (``المسؤول لرويترز``, ``أوباما الدفاع``) is a question
about the word's class, and a few thousand articles answer it without a tagger: a common noun
takes the article ``ال`` and possessive pronouns, a given name follows titles, a subject stands
after reporting verbs, the end of a subject stands before ``أن``/``إن``. Each word gets the
share of its occurrences in each such context; the speaker finder turns them into features.

The table is built from ``../shared/corpus/unlabeled`` by ``iqtibas train --word-stats`` and
ships as ``resources/models/word_stats.tsv.gz``: words and numbers, no article text.
"""

from __future__ import annotations

import gzip
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from core.annotator import lexicon
from core.atomic import atomic_write_bytes
from core.folding import Shadow
from core.resources import resource

WORD_STATS = "models/word_stats.tsv.gz"
# A word's contexts, each a share (in percent) of its occurrences.
FIELDS = (
    "definite",  # the same stem with the article ال (common nouns, adjectives)
    "suffixed",  # the same stem with a possessive pronoun (common nouns)
    "after_title",  # right after a definite title (الرئيس، الدكتور): given names, adjectives
    "after_cue",  # right after a reporting verb (subjects' first words)
    "before_cue",  # right before a reporting verb (name-first subjects' last words)
    "before_that",  # right before a complementiser (a subject's last word: قال X إن)
    "before_definite",  # before a definite word (construct heads: وزير الخارجية)
    "before_prep",  # before a preposition (the end of a noun phrase)
)
MIN_COUNT = 3
_TOKEN_RE = re.compile(r"[^\W_]+|\S", re.UNICODE)
_PREPOSITIONS = lexicon.words("prepositions")
_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")


@dataclass(frozen=True, slots=True)
class WordProfile:
    """A word's frequency and the share of its occurrences in each context of ``FIELDS``."""

    count: int
    shares: tuple[int, ...]

    def share(self, field: str) -> int:
        return self.shares[FIELDS.index(field)]


class WordStats:
    """Folded word -> ``WordProfile``; unknown words (rare ones) answer ``None``."""

    def __init__(self, profiles: dict[str, WordProfile]) -> None:
        self._profiles = profiles
        # ``get`` is the dictionary's own: the annotator asks it about every word of every
        # paragraph, and a method around it cost a twentieth of annotating.
        self.get: Callable[[str], WordProfile | None] = profiles.get
        self._counted: dict[int, frozenset[str]] = {}

    def counted_at_least(self, count: int) -> frozenset[str]:
        """The words counted ``count`` times or more (made once per threshold).

        A threshold test on every word of an article is then a lookup in a set of a few
        thousand words, which stays in the processor's cache, instead of one in the table of
        tens of thousands, which does not (that lookup was a twentieth of annotating)."""
        words = self._counted.get(count)
        if words is None:
            words = self._counted[count] = frozenset(w for w, p in self._profiles.items() if p.count >= count)
        return words

    def __len__(self) -> int:
        return len(self._profiles)

    def to_tsv(self) -> str:
        lines = ["word\tcount\t" + "\t".join(FIELDS)]
        for word in sorted(self._profiles):
            profile = self._profiles[word]
            lines.append("\t".join([word, str(profile.count), *map(str, profile.shares)]))
        return "\n".join(lines) + "\n"

    @classmethod
    def from_tsv(cls, text: str) -> WordStats:
        rows = text.splitlines()
        header = rows[0].split("\t")
        if tuple(header[2:]) != FIELDS:
            raise ValueError(f"word statistics: unexpected columns {header!r}")
        profiles = {}
        for row in rows[1:]:
            word, count, *shares = row.split("\t")
            profiles[word] = WordProfile(int(count), tuple(int(s) for s in shares))
        return cls(profiles)


def _stem(norm: str) -> str:
    return norm[2:] if norm.startswith("ال") and len(norm) > 3 else norm


def _suffixed_forms(stem: str) -> list[str]:
    base = stem[:-1] + "ت" if stem.endswith("ه") else stem
    return [base + suffix for suffix in _SUFFIXES]


def build(texts: Iterable[str]) -> WordStats:
    """Count every folded word's contexts over ``texts`` and keep words seen ``MIN_COUNT`` times."""
    titles = frozenset(t for t in lexicon.titles() if t.startswith("ال"))
    cues = {form for form, cue in lexicon.cue_forms().items() if cue.tense in ("past", "imperfect")}
    complementizers = lexicon.complementizers() | {"انه", "انها", "انهم", "بانه", "بانها"}
    count: Counter[str] = Counter()
    contexts = {name: Counter[str]() for name in ("after_title", "after_cue", "before_cue", "before_that", "before_definite", "before_prep")}
    for text in texts:
        tokens = _TOKEN_RE.findall(Shadow(text).folded)
        previous = ""
        for index, token in enumerate(tokens):
            nxt = tokens[index + 1] if index + 1 < len(tokens) else ""
            if not token[:1].isalpha():
                previous = token
                continue
            count[token] += 1
            if previous in titles:
                contexts["after_title"][token] += 1
            if previous in cues:
                contexts["after_cue"][token] += 1
            if nxt in cues:
                contexts["before_cue"][token] += 1
            if nxt in complementizers:
                contexts["before_that"][token] += 1
            if nxt.startswith("ال"):
                contexts["before_definite"][token] += 1
            if nxt in _PREPOSITIONS:
                contexts["before_prep"][token] += 1
            previous = token
    profiles: dict[str, WordProfile] = {}
    for word, n in count.items():
        if n < MIN_COUNT:
            continue
        stem = _stem(word)
        bare, definite = count.get(stem, 0), count.get("ال" + stem, 0)
        suffixed = sum(count.get(form, 0) for form in _suffixed_forms(stem))
        shares = [
            _percent(definite, bare + definite),
            _percent(suffixed, bare + definite + suffixed),
            *(_percent(contexts[name][word], n) for name in FIELDS[2:]),
        ]
        profiles[word] = WordProfile(n, tuple(shares))
    return WordStats(profiles)


def _percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


def save(stats: WordStats, path: str) -> None:
    """Write ``stats`` gzipped with a fixed timestamp (so a rebuild is byte-identical), atomically."""
    atomic_write_bytes(path, gzip.compress(stats.to_tsv().encode("utf-8"), mtime=0), keep_backup=False)


@cache
def shipped() -> WordStats:
    """The statistics bundled with the program (empty if the file is missing)."""
    node = resource(WORD_STATS)
    if not node.is_file():
        return WordStats({})
    with node.open("rb") as raw, gzip.GzipFile(fileobj=raw) as unzipped:
        return WordStats.from_tsv(io.TextIOWrapper(unzipped, encoding="utf-8").read())
