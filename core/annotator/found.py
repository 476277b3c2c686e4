"""What the annotator's passes find, before it becomes model annotations with ids."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.model import AnnotationType, QuoteKind


@dataclass
class Found:
    """A span one pass found, with the evidence later passes and the pipeline need.

    ``reason`` records which rule fired, so ``iqtibas eval --errors`` and reviewers can see why.
    """

    type: AnnotationType
    start: int
    end: int
    confidence: float
    kind: QuoteKind | None = None
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    speaker_confidence: float | None = None  # quotes: how sure the speaker ranker was
    heading: Found | None = None
    duplicate_of: Found | None = None
    reason: str = ""
    extra: dict[str, object] = field(default_factory=dict)

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)
