"""A quote the rules found, before its speaker is resolved, and a fast test of quote coverage."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.annotator.attribution import Cue, SpeakerPhrase
from core.annotator.marks import QuotedSpan
from core.model import QuoteKind


@dataclass
class Candidate:
    """A quote before speakers are resolved.

    ``phrase`` is the speaker phrase the rules read at the cue; ``subject_hint`` a speaker named
    earlier that a pro-drop cue may continue; ``continues_previous`` says the quote has neither
    and goes on with the previous quote's speaker. ``reason`` names the rule that found it.
    """

    kind: QuoteKind
    start: int
    end: int
    confidence: float
    cue: Cue | None
    phrase: SpeakerPhrase | None
    reason: str
    passive: bool = False
    continues_previous: bool = False
    subject_hint: SpeakerPhrase | None = None
    quoted: QuotedSpan | None = None
    extra: dict[str, object] = field(default_factory=dict)


class Coverage:
    """Is an offset inside one of some quotes? Sorted starts and running furthest ends answer in
    O(log n), so checks against every quote of a long article stay linear overall."""

    def __init__(self, quotes: Sequence[Candidate]) -> None:
        spans = sorted((q.start, q.end) for q in quotes)
        self._starts = [start for start, _ in spans]
        self._reach: list[int] = []  # the furthest end of the quotes starting at or before each
        for _, end in spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def covers(self, offset: int) -> bool:
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and self._reach[k] > offset
