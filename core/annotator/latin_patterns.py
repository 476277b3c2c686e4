"""Which regular expressions cannot match text without a Latin letter.

Most articles are written in Arabic script only, yet a few boilerplate fragments (photo credits,
wire-service names, URLs) are Latin. Scanning every article with them cost about 3% of
annotating; one search for a Latin letter tells when they cannot match at all. The test is
exact, not a guess: a pattern counts as Latin-only when, read from its parsed form, every match
must consume a character of ``LATIN_RE`` — an ASCII letter, or one of the four other letters
that match ASCII letters case-insensitively (``İ ı ſ K``, see the ``re`` documentation). A
pattern this reading does not understand is simply always run.
"""

from __future__ import annotations

import importlib
import re
import string
from typing import Any

# Everything an ASCII letter in a pattern can match, with or without IGNORECASE.
LATIN_RE = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")
_LETTERS = frozenset(map(ord, string.ascii_letters))


def needs_latin_letter(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` contains a character ``LATIN_RE`` finds."""
    try:
        parser: Any = importlib.import_module("re._parser")
        return _sequence_needs(parser, parser.parse(pattern.pattern, pattern.flags))
    except Exception:
        return False


def _sequence_needs(parser: Any, items: Any) -> bool:
    """A sequence needs a letter when one of its items must consume one."""
    return any(_item_needs(parser, op, arg) for op, arg in items)


def _item_needs(parser: Any, op: Any, arg: Any) -> bool:
    if op is parser.LITERAL:
        return arg in _LETTERS
    if op is parser.IN:
        # A set of letters only (no negation, no categories such as \w).
        return bool(arg) and all(
            (kind is parser.LITERAL and value in _LETTERS)
            or (kind is parser.RANGE and all(c in _LETTERS for c in range(value[0], value[1] + 1)))
            for kind, value in arg
        )
    if op is parser.SUBPATTERN:
        return _sequence_needs(parser, arg[-1])
    if op is parser.BRANCH:
        return all(_sequence_needs(parser, alternative) for alternative in arg[1])
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT):
        low, _high, body = arg
        return low >= 1 and _sequence_needs(parser, body)
    return False  # anchors, look-arounds, categories, back-references, any character
