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
from collections.abc import Callable, Iterator, Sequence
from itertools import islice
from typing import Any

# Everything an ASCII letter in a pattern can match, with or without IGNORECASE.
LATIN_RE = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")
_LETTERS = frozenset(map(ord, string.ascii_letters))


def needs_latin_letter(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` contains a character ``LATIN_RE`` finds."""
    return _parsed_holds(pattern, _sequence_needs)


def _parsed_holds(pattern: re.Pattern[str], test: Callable[[Any, Any], bool]) -> bool:
    """``test`` of the parser module and ``pattern`` parsed; false for a pattern the reading
    does not understand (it is then simply scanned)."""
    try:
        parser: Any = importlib.import_module("re._parser")
        return test(parser, parser.parse(pattern.pattern, pattern.flags))
    except Exception:
        return False


def _sequence_needs(parser: Any, items: Any) -> bool:
    """A sequence needs a letter when one of its items must consume one."""
    return any(_item_needs(parser, op, arg) for op, arg in items)


def _item_needs(parser: Any, op: Any, arg: Any) -> bool:
    """Must an item consume a letter somewhere (in a group, every alternative, a repeat)?"""
    held = _compound_holds(parser, op, arg, _sequence_needs)
    return held if held is not None else _letter_item(parser, op, arg)


def _compound_holds(parser: Any, op: Any, arg: Any, sequence_test: Callable[[Any, Any], bool]) -> bool | None:
    """``sequence_test`` of a group (its body), an alternation (every alternative) or a repeat
    (its body, if it must occur); ``None`` for any other item."""
    if op is parser.SUBPATTERN:
        return sequence_test(parser, arg[-1])
    if op is parser.BRANCH:
        return all(sequence_test(parser, alternative) for alternative in arg[1])
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT, parser.POSSESSIVE_REPEAT):
        low, _high, body = arg
        return low >= 1 and sequence_test(parser, body)
    return None


def _letter_item(parser: Any, op: Any, arg: Any) -> bool:
    """Does a single item consume a letter: an ASCII letter, or a set of letters only?"""
    if op is parser.LITERAL:
        return arg in _LETTERS
    if op is parser.IN:
        # A set of letters only (no negation, no categories such as \w).
        return bool(arg) and all(
            (kind is parser.LITERAL and value in _LETTERS)
            or (kind is parser.RANGE and all(c in _LETTERS for c in range(value[0], value[1] + 1)))
            for kind, value in arg
        )
    return False  # anchors, look-arounds, categories, back-references, any character


def starts_with_latin_letter(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` begins with a character ``LATIN_RE`` finds (after
    anchors and look-arounds, which consume nothing): ``latin_finditer`` then tries it only
    there."""
    return _parsed_holds(pattern, _sequence_starts)


def _sequence_starts(parser: Any, items: Any) -> bool:
    """A sequence starts with a letter when its first item that consumes must consume one."""
    for op, arg in items:
        if op in (parser.AT, parser.ASSERT, parser.ASSERT_NOT):
            continue  # \b, ^, look-arounds: nothing consumed
        held = _compound_holds(parser, op, arg, _sequence_starts)
        return held if held is not None else _letter_item(parser, op, arg)
    return False


# Beyond this many Latin letters in a text, one scan of it costs less than a try at each.
_LATIN_TRIES_MAX = 2000


def latin_positions(text: str) -> list[int]:
    """Where ``LATIN_RE`` finds a letter in ``text``, in order; past ``_LATIN_TRIES_MAX`` of
    them, only one more (enough for ``latin_finditer`` to scan instead)."""
    return [match.start() for match in islice(LATIN_RE.finditer(text), _LATIN_TRIES_MAX + 1)]


def latin_finditer(pattern: re.Pattern[str], text: str, latin_positions: Sequence[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that ``starts_with_latin_letter``, tried only at
    ``latin_positions`` (where ``LATIN_RE`` finds a letter, in order): an Arabic article with a
    few Latin words is not scanned character by character for each Latin pattern. The same
    matches: each begins at a Latin letter, and a try at a position sees the whole text around
    it (look-behinds, ``\\b``), as the scan does."""
    if len(latin_positions) > _LATIN_TRIES_MAX:
        yield from pattern.finditer(text)
        return
    end = 0
    for position in latin_positions:
        if position < end:
            continue
        match = pattern.match(text, position)
        if match is not None:
            yield match
            end = match.end()

