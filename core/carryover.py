"""When an article's text changed after it was annotated: re-annotate it, keeping reviewed work.

An annotation file stores the text it annotates. If the article ``.txt`` beside it was edited
since (a typo fixed, a paragraph added), the saved annotations no longer describe the file; the
program says so and offers this instead of silently showing the old text.

``carry_over`` aligns the two texts line by line (``difflib``: lines that did not change keep
their annotations, shifted to their new place) and builds a document of the new text holding
every piece of human work (``core.corrections.is_human_work``: manual annotations and automatic
ones a person accepted, rejected, corrected or wrote a note on, with the pending annotations they
refer to) whose span lies within unchanged lines. The
automatic annotator then adds fresh suggestions around them (``core.annotator.reannotate``: no
suggestion repeats a kept decision, sections are derived again). Human work that touched a
changed line cannot be placed with certainty and is returned as ``lost``, for the caller to
name.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from core.annotator import reannotate
from core.annotator.trained import AnnotatorModel, model_from
from core.corrections import DERIVED_TYPES, is_human_work
from core.model import REFERENCE_FIELDS, Annotation, Document

__all__ = ["CarriedOver", "carry_over", "is_human_work"]


@dataclass
class CarriedOver:
    """The new document, and the human work that could not follow the text."""

    document: Document
    kept: list[Annotation] = field(default_factory=list)
    lost: list[Annotation] = field(default_factory=list)


def carry_over(
    saved: Document, text: str, *, source: str | None = None, model: AnnotatorModel | None = None, model_path: str | None = None
) -> CarriedOver:
    """A document of ``text`` with ``saved``'s human work in unchanged lines, freshly annotated
    (with ``model``, or the model in the file ``model_path``, or the bundled one).

    ``saved`` is not changed. The new document keeps ``saved``'s id, metadata and unknown fields;
    its ``source`` is ``source`` when given.
    """
    shift = _LineShift(saved.text, text)
    human = [a for a in saved if is_human_work(a)]
    wanted = {a.id for a in human}
    wanted |= {value for a in human for name in REFERENCE_FIELDS if (value := getattr(a, name)) is not None}
    moved: dict[str, Annotation] = {}
    lost: list[Annotation] = []
    for annotation in saved:
        if annotation.id not in wanted or annotation.type in DERIVED_TYPES:
            continue
        bounds = shift.span(annotation.start, annotation.end)
        if bounds is None:
            if is_human_work(annotation):
                lost.append(annotation)
            continue
        moved[annotation.id] = annotation.with_changes(start=bounds[0], end=bounds[1])
    carried = [_without_dangling_links(a, moved) for a in moved.values()]
    document = Document(
        text,
        id=saved.id,
        source=source if source is not None else saved.source,
        meta=dict(saved.meta),
        extra=dict(saved.extra),
        document_extra=dict(saved.document_extra),
        annotations=carried,
        last_ids=saved.last_ids(),  # ids the saved file gave are not given to others
    )
    reannotate(document, model if model is not None else model_from(model_path))
    kept = [a for a in carried if is_human_work(a)]
    return CarriedOver(document, kept, lost)


def _without_dangling_links(annotation: Annotation, moved: dict[str, Annotation]) -> Annotation:
    """Links to annotations that did not follow the text are dropped (names are kept)."""
    changes = {
        name: None
        for name in REFERENCE_FIELDS
        if (target := getattr(annotation, name)) is not None and target not in moved
    }
    return annotation.with_changes(**changes) if changes else annotation


class _LineShift:
    """Where offsets of the old text are in the new one, for runs of lines both texts share."""

    def __init__(self, old: str, new: str) -> None:
        old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
        old_starts, new_starts = _starts(old_lines), _starts(new_lines)
        matcher = SequenceMatcher(None, old_lines, new_lines, autojunk=False)
        # (old start, old end, shift) of every run of equal lines, in order.
        self._runs = [
            (old_starts[i], old_starts[i + size], new_starts[j] - old_starts[i])
            for i, j, size in matcher.get_matching_blocks()
            if size
        ]
        self._run_starts = [start for start, _, _ in self._runs]

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The new bounds of ``[start, end)``, if it lies within one run of unchanged lines."""
        index = bisect_right(self._run_starts, start) - 1
        if index < 0:
            return None
        run_start, run_end, shift = self._runs[index]
        if not run_start <= start <= end <= run_end:
            return None
        return start + shift, end + shift


def _starts(lines: list[str]) -> list[int]:
    """Offset of each line, plus the end of the text."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts
