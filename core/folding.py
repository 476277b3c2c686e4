"""Folded shadow text: Arabic spelled loosely, with a map back to the stored text.

Matching cue verbs, names, boilerplate and duplicates must not care whether a writer typed
``أكّد``, ``اكد`` or ``أكَّدَ``, used tatweel, or pasted bidi controls. We never rewrite the stored
text; instead we build a *shadow* in which diacritics, tatweel and invisible controls are
removed, alef/ya/ta-marbuta forms and presentation forms are unified, and keep, for every shadow
character, the offset of the stored character it came from. A match on the shadow maps back to
an exact span of the stored text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache

# Harakat, Quranic annotation marks, superscript alef, tatweel, bidi and zero-width controls,
# soft hyphen, BOM: dropped from the shadow.
_DROPPED = (
    "\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0640\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\u00ad\ufeff"
)
DROPPED_RE = re.compile(f"[{_DROPPED}]+")
_DROPPED_CHARS = re.compile(f"[{_DROPPED}]")
# Arabic presentation forms fold through NFKC and may expand (ﻻ -> لا).
_PRESENTATION_RE = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]")
# Characters that belong to the letter before them: a span ending on a letter takes them along.
_COMBINING_RE = re.compile("[\u064b-\u065f\u0670\u0610-\u061a\u06d6-\u06ed]")
# The same characters as a set, for the test after every token (a set lookup, not a regex call).
_COMBINING_CHARS = frozenset(c for c in map(chr, range(0x0600, 0x0700)) if _COMBINING_RE.match(c))

_ONE_TO_ONE = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ى": "ي",
    "ی": "ي",
    "ۍ": "ي",
    "ة": "ه",
    "ک": "ك",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    # The joins of a hashtag: "#تيريزا_ماي" is the name تيريزا ماي, linked (sites that link
    # names and places as hashtags write them so). Read as a space, it leaves the words to the
    # tokens; the "#" stays, a mark the speaker rules step over.
    "_": " ",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
}
_TABLE = str.maketrans(_ONE_TO_ONE)
# No replacement is itself replaced, so one ``str.replace`` per character gives what
# ``translate`` gives; it runs at memory speed, where ``translate`` looks every non-ASCII
# character up in a dict (40 times slower: a tenth of annotating an article).
assert not set(_ONE_TO_ONE.values()) & set(_ONE_TO_ONE)
_REPLACEMENTS = tuple(_ONE_TO_ONE.items())


def fold_char_table() -> dict[int, str]:
    """The one-to-one folding table (code point -> replacement), for callers that need it."""
    return dict(_TABLE)


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Fold a short string (a lexicon entry, a name, a query) the way shadows are folded.

    Only the shadow's text is wanted, not its offset map: the common case (no presentation
    forms, no letter that ``lower`` expands) is what ``Shadow._build_fast`` does, without the map.
    """
    if _PRESENTATION_RE.search(text) is None:
        kept = DROPPED_RE.sub("", text)
        folded = _unify(kept).lower()
        if len(folded) == len(kept):
            return folded
    return Shadow(text).folded


@lru_cache(maxsize=16384)
def name_key(name: str) -> str:
    """A name as names are compared (speakers with gold, cues, the naming ranker's options):
    folded, white space collapsed (cached: the naming ranker folds each name and part once)."""
    return " ".join(fold(name).split())


def _unify(text: str) -> str:
    """``text.translate(_TABLE)``, character by character with ``str.replace`` (see above)."""
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def strip_marks(text: str) -> str:
    """Remove only diacritics, tatweel and invisible controls (no letter unification)."""
    return _DROPPED_CHARS.sub("", text)


class Shadow:
    """The folded form of ``text`` with exact maps back to the stored text.

    Attributes:
        text: the stored text, untouched.
        folded: the shadow; Latin letters lower-cased, spaces kept, so ``\\s`` and ``\\w`` work.
    """

    __slots__ = ("_collapsed", "_identity", "_seg_folded", "_seg_orig", "folded", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._collapsed: dict[tuple[int, int], str] = {}
        if _PRESENTATION_RE.search(text) is None:
            self._build_fast(text)
        else:
            self._build_general(text)

    # Construction -----------------------------------------------------------------------------
    def _build_fast(self, text: str) -> None:
        """Deletions and one-to-one replacements only: ``_unify`` plus a run-length offset map."""
        seg_folded = [0]
        seg_orig = [0]
        pieces = []
        last = 0
        removed = 0
        for match in DROPPED_RE.finditer(text):
            pieces.append(text[last : match.start()])
            removed += match.end() - match.start()
            last = match.end()
            seg_folded.append(match.start() - (removed - (match.end() - match.start())))
            seg_orig.append(match.end())
        pieces.append(text[last:])
        kept = "".join(pieces) if removed else text
        self.folded = _unify(kept).lower()
        if len(self.folded) != len(kept):  # lower() can expand a few Latin letters (İ)
            self._build_general(text)
            return
        self._seg_folded = seg_folded
        self._seg_orig = seg_orig
        self._identity = removed == 0

    def _build_general(self, text: str) -> None:
        """For text holding presentation forms (or letters ``lower`` expands).

        Runs between presentation forms go through the fast replacement path; only the
        presentation forms themselves are expanded one by one (NFKC). One such character in 1 %
        of articles used to send the whole text through a per-character loop.
        """
        out: list[str] = []
        seg_folded = [0]
        seg_orig = [0]
        position = 0  # folded length so far
        last = 0
        for match in _PRESENTATION_RE.finditer(text):
            position = self._fold_run(text, last, match.start(), out, seg_folded, seg_orig, position)
            position = self._fold_chars(text, match.start(), match.end(), out, seg_folded, seg_orig, position)
            last = match.end()
        self._fold_run(text, last, len(text), out, seg_folded, seg_orig, position)
        self.folded = "".join(out)
        self._seg_folded = seg_folded
        self._seg_orig = seg_orig
        self._identity = False

    @staticmethod
    def _fold_run(
        text: str, start: int, end: int, out: list[str], seg_folded: list[int], seg_orig: list[int], position: int
    ) -> int:
        """Fold ``text[start:end]`` (no presentation forms) by deletion and translation, adding
        its segments; returns the folded length after it."""
        if start >= end:
            return position
        run = text[start:end]
        pieces = []
        segments = [(position, start)]
        kept_so_far = 0
        previous = 0
        for match in DROPPED_RE.finditer(run):
            pieces.append(run[previous : match.start()])
            kept_so_far += match.start() - previous
            previous = match.end()
            segments.append((position + kept_so_far, start + match.end()))
        pieces.append(run[previous:])
        kept = "".join(pieces)
        folded = _unify(kept).lower()
        if len(folded) != len(kept):  # lower() expanded a letter (İ): character by character
            return Shadow._fold_chars(text, start, end, out, seg_folded, seg_orig, position)
        for folded_start, original_start in segments:
            seg_folded.append(folded_start)
            seg_orig.append(original_start)
        out.append(folded)
        return position + len(folded)

    @staticmethod
    def _fold_chars(
        text: str, start: int, end: int, out: list[str], seg_folded: list[int], seg_orig: list[int], position: int
    ) -> int:
        """Fold ``text[start:end]`` character by character (presentation forms expand)."""
        for index in range(start, end):
            char = text[index]
            if _DROPPED_CHARS.match(char):
                replacement = ""
            else:
                if _PRESENTATION_RE.match(char):
                    char = unicodedata.normalize("NFKC", char)
                    char = DROPPED_RE.sub("", char)
                replacement = char.translate(_TABLE).lower()
            # Every shadow char maps to the stored char it came from: start a new segment
            # whenever the running delta changes.
            for offset, folded_char in enumerate(replacement):
                if position - seg_folded[-1] != index - seg_orig[-1] or offset:
                    seg_folded.append(position)
                    seg_orig.append(index)
                out.append(folded_char)
                position += 1
        return position

    # Mapping ----------------------------------------------------------------------------------
    def to_original(self, folded_pos: int) -> int:
        """Stored offset of the shadow character at ``folded_pos`` (a span start)."""
        if self._identity:
            return folded_pos
        if folded_pos >= len(self.folded):
            return len(self.text)
        k = bisect_right(self._seg_folded, folded_pos) - 1
        return self._seg_orig[k] + (folded_pos - self._seg_folded[k])

    def to_original_end(self, folded_end: int) -> int:
        """Stored end offset for a shadow span ending at ``folded_end`` (end-exclusive).

        The span keeps the diacritics written on its last letter.
        """
        if folded_end <= 0:
            return 0
        end = self.to_original(folded_end - 1) + 1
        text = self.text
        while end < len(text) and _COMBINING_RE.match(text, end):
            end += 1
        return end

    def span(self, folded_start: int, folded_end: int) -> tuple[int, int]:
        """Map a shadow span to the stored text."""
        if self._identity:
            return folded_start, max(folded_start, folded_end)  # nothing was dropped or expanded
        if folded_end <= folded_start:
            start = self.to_original(folded_start)
            return start, start
        return self.to_original(folded_start), self.to_original_end(folded_end)

    def offsets(self, folded_starts: list[int], folded_ends: list[int]) -> tuple[list[int], list[int]]:
        """``span`` of each shadow span ``folded_starts[k]..folded_ends[k]`` — non-empty, in text
        order, none overlapping (an article's tokens) — as two lists, the stored starts and
        ends, in one walk over the segments instead of two bisections each.

        Two lists of numbers, not a list of pairs: the tokenizer reads them side by side, and a
        pair per token was one more object to make and free for every word."""
        if self._identity:
            return folded_starts, folded_ends
        seg_folded, seg_orig, text = self._seg_folded, self._seg_orig, self.text
        last_segment = len(seg_folded) - 1
        size = len(text)
        k = 0
        starts: list[int] = []
        ends: list[int] = []
        for folded_start, folded_end in zip(folded_starts, folded_ends, strict=True):
            while k < last_segment and seg_folded[k + 1] <= folded_start:
                k += 1
            starts.append(seg_orig[k] + (folded_start - seg_folded[k]))
            last = folded_end - 1
            while k < last_segment and seg_folded[k + 1] <= last:
                k += 1
            end = seg_orig[k] + (last - seg_folded[k]) + 1
            while end < size and text[end] in _COMBINING_CHARS:
                end += 1
            ends.append(end)
        return starts, ends

    def folded_part(self, start: int, end: int) -> str:
        """``fold(text[start:end])`` for a span of the stored text, sliced from the shadow
        instead of folded again: the structure passes read every paragraph folded."""
        if self._identity:
            return self.folded[start:end]
        return self.folded[self.to_folded(start) : self.to_folded(end)]

    def collapsed_part(self, start: int, end: int) -> str:
        """``folded_part`` with its white space collapsed to single spaces and none at either
        end, kept for the span: the boilerplate patterns and the duplicate paragraphs both
        compare every paragraph so."""
        key = (start, end)
        collapsed = self._collapsed.get(key)
        if collapsed is None:
            collapsed = self._collapsed[key] = " ".join(self.folded_part(start, end).split())
        return collapsed

    def to_folded(self, original_pos: int) -> int:
        """Shadow offset of the first shadow character at or after stored ``original_pos``."""
        if self._identity:
            return original_pos
        # The last segment from a stored character before original_pos: it may reach it. Not
        # the last one starting at original_pos: a letter that folds to two (ﻷ → لا, İ) opens
        # a second segment on the same stored character, after the first shadow character.
        k = max(bisect_left(self._seg_orig, original_pos) - 1, 0)
        folded = self._seg_folded[k] + (original_pos - self._seg_orig[k])
        next_start = self._seg_folded[k + 1] if k + 1 < len(self._seg_folded) else len(self.folded)
        return min(folded, next_start, len(self.folded))
