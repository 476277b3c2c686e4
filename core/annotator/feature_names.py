"""Names of the speaker rankers' features, made once per process and interned.

The features are strings (``last=def``, ``after&n=2``, ``carry1&same_kind``) looked up in the
rankers' weight tables for every span and option of every quote. Formatted anew each time, a
name costs its formatting, its hash and a comparison of its characters with the stored key;
taken from these tables, it is one object per process whose hash is kept and which the weight
tables (interned too, see ``Ranker``) find by identity.
"""

from __future__ import annotations

import sys
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any


class Names(dict[Any, str]):
    """Feature names by their parts (``Names("last={}")["def"]`` is ``"last=def"``), each made
    once per process and interned: the rankers' weight tables (interned too, see ``Ranker``)
    find them by identity and their hashes are kept, where a name formatted for every span is
    new each time. The parts are word classes, small numbers and frequent words, so the tables
    stay small."""

    __slots__ = ("_template",)

    def __init__(self, template: str) -> None:
        super().__init__()
        self._template = template

    def __missing__(self, key: Any) -> str:
        parts = key if isinstance(key, tuple) else (key,)
        name = self[key] = sys.intern(self._template.format(*parts))
        return name


N = Names("n={}")
SOURCE_N = Names("{}&n={}")
FIRST_LAST = Names("first&last={}&{}")
FIRST_N = Names("first&n={}&{}")
END_VS_RULE = Names("end_vs_rule={}")
PENULT_LAST = Names("penult&last={}&{}")
HAS = Names("has={}")
PP_W = Names("pp_w={}")
PAIR = Names("pair={}>{}")
ECHO_SPAN = Names("echo_span={}")
FIRST = Names("first={}")
PREV = Names("prev={}")
FIRST_W = Names("first_w={}")
LAST = Names("last={}")
NEXT = Names("next={}")
LAST_NEXT = Names("last&next={}&{}")
LAST_W = Names("last_w={}")
NEXT_W = Names("next_w={}")
LAST_REPEATS = Names("last_repeats={}")
ECHO_LAST_ENDS = Names("echo_last_ends={}")
ECHO_LAST_NEAR_CUE = Names("echo_last_near_cue={}")
ECHO_NEXT_NEAR_CUE = Names("echo_next_near_cue={}")
ECHO_PAIR = Names("echo_pair={}")
SOURCE_BEST = Names("{}&best")
SOURCE_NOCUE = Names("{}&nocue")
SOURCE_CONTEXT = Names("{}&{}")
SOURCE_SURE = Names("{}&sure={}")
SOURCE_FIRST = Names("{}&first={}")
SOURCE_FIRST_STATS = Names("{}&first.")  # a prefix for prefixed()
SOURCE_LAST = Names("{}&last={}")
SOURCE_HAS_RULE = Names("{}&has_rule")
SUBJECT_BACK = Names("subject_back={}")
SUBJECT_VERB = Names("subject_verb={}")
SOURCE_TITLES = Names("{}&titles={}")
SOURCE_KNOWN_NAME = Names("{}&known_name")
CARRY = Names("carry={}")
CARRY_PARAGRAPHS = Names("carry{}&paragraphs={}")
CARRY_CUE = Names("carry{}&cue={}")
CARRY_FLAG = Names("carry{}&{}")
CARRY_GENDER = Names("carry{}&gender={}")
CARRY_TITLES_BETWEEN = Names("carry{}&titles_between={}")


@lru_cache(maxsize=16384)
def class_names(classes: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A span's ``has=`` names (its words' distinct classes, in the order of the sorted names,
    whose prefix is common) and its sorted ``pair=`` names (the classes of neighbouring words),
    kept for the most recent sequences of classes: half the spans of the 1 MB benchmark have a
    sequence met before. Bounded, since the sequences are not."""
    return tuple([HAS[c] for c in sorted(set(classes))]), tuple(sorted({PAIR[pair] for pair in pairwise(classes)}))


@cache
def prefixed(prefix: str, names: tuple[str, ...]) -> tuple[str, ...]:
    """``prefix`` before each of a word's binned statistics, made once per tuple (three in four
    uses on the 1 MB benchmark find it made); the strings keep their hashes for the rankers and,
    interned like the rankers' weight names, are found in their tables by identity."""
    return tuple(sys.intern(f"{prefix}{name}") for name in names)
