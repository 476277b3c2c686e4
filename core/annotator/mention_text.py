"""How a speaker mention is written as a name: without the marks of a hashtag, and without a
preposition glued onto its first word.

A mention is a span of the stored text (``لرئيس الوزراء``, ``#تيريزا_ماي``); its name, shown
and saved as the quote's speaker, is what a reader would write for it.
"""

from __future__ import annotations

import re

from core.annotator import wordstats
from core.folding import fold

_GLUED = ("لل", "ل", "ب")

_HASHTAG_MARK = re.compile(r"(?<!\w)#(?=\w)")


def readable_mention(text: str) -> str:
    """A name as it is read, without the marks of a hashtag: ``#تيريزا_ماي`` → ``تيريزا ماي``,
    ``محمود #عباس`` → ``محمود عباس``. Sites that link names as hashtags write them so; the
    folding reads ``_`` as a space, and the speaker rules step over a ``#`` glued to a word."""
    if "#" not in text and "_" not in text:
        return text
    return " ".join(_HASHTAG_MARK.sub("", text).replace("_", " ").split())


def written_mostly_without(word: str, bare: str) -> bool:
    """Does news write folded ``word`` without its first letters (``bare``) more than three times
    as often as with them? Then they are a preposition glued onto it (``لعبد`` → ``عبد``,
    ``بجازان`` → ``جازان``), not part of the word (``بلدية``, ``بحسب``)."""
    stats = wordstats.shipped()
    whole, without = stats.get(word), stats.get(bare)
    return without is not None and (whole is None or without.count > 3 * whole.count)


def without_glued_preposition(text: str) -> str:
    """``للمتحدث الرسمي`` → ``المتحدث الرسمي``, ``لعبد الله`` → ``عبد الله``: a preposition
    written onto a mention's first word, when news writes that word more often without it."""
    first, _, rest = text.partition(" ")
    key = fold(first)
    for prefix in _GLUED:
        if not key.startswith(prefix) or len(key) <= len(prefix) + 2:
            continue
        bare = ("ال" + key[2:]) if prefix == "لل" else key[len(prefix):]
        if written_mostly_without(key, bare):
            written = ("ال" + first[2:]) if prefix == "لل" else first[len(prefix):]
            return f"{written} {rest}".strip()
        break
    return text
