"""Differences between two annotations of the same article, and taking one side's version.

A researcher (or the window's comparison view) puts two documents of the same text side by side:
``compare(a, b)`` lists where they disagree, each item carrying the annotation of A and/or of B
so a caller can mark it in the article and offer "take A's version" / "take B's version".
``take(document, difference, side)`` turns that choice into plain model edits, and
``apply_edits`` applies them and returns the edits that undo them, so the window can wrap each
choice in one undoable command without re-implementing the bookkeeping.

What is compared (active annotations only: a rejected annotation is "not there", as everywhere
in Iqtibas). Types compared by default: title, heading, boilerplate, quote, speaker, cue
(sections and paragraphs are derived from the text and headings, so they are left out).

Matching, per annotation type, in three passes, each one-to-one:

1. same span (for quotes, whatever the kind);
2. spans that overlap by at least ``min_share`` (default ½, the guideline's quote rule) of the
   longer one, same type and, for quotes, same kind — largest overlaps first;
3. for quotes still unmatched: the same overlap rule across kinds.

Categories (``Difference.category``, the most important aspect first):

* ``only_a`` / ``only_b`` — an annotation with no counterpart on the other side;
* ``boundary`` — matched, same type (and kind), different start or end;
* ``kind`` — matched quotes of different kind (direct / indirect);
* ``speaker`` — matched quotes, or speaker mentions, whose canonical speaker names differ after
  ``core.folding.fold`` (diacritics, tatweel, alef/ya/ta-marbuta forms do not count);
* ``cue`` — matched quotes whose cues differ after folding.

A matched pair that differs in several aspects is one item; ``aspects`` lists all of them (e.g.
``("boundary", "speaker")``) and ``category`` is the first. Identical pairs are not listed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.errors import ModelError
from core.evaluate import QUOTE_OVERLAP, cues_match, match_spans, names_match
from core.model import REFERENCE_FIELDS, Annotation, Document

ONLY_A = "only_a"
ONLY_B = "only_b"
BOUNDARY = "boundary"
KIND = "kind"
SPEAKER = "speaker"
CUE = "cue"
CATEGORIES = (ONLY_A, ONLY_B, BOUNDARY, KIND, SPEAKER, CUE)
CATEGORY_LABELS = {
    ONLY_A: "only in A",
    ONLY_B: "only in B",
    BOUNDARY: "different boundary",
    KIND: "different kind",
    SPEAKER: "different speaker",
    CUE: "different cue",
}
COMPARED_TYPES = ("title", "heading", "boilerplate", "quote", "speaker", "cue")


@dataclass(frozen=True)
class Difference:
    """One disagreement: A's annotation, B's annotation (either may be None for only_a/only_b)."""

    category: str
    aspects: tuple[str, ...]
    type: str
    a: Annotation | None
    b: Annotation | None
    # What each side's links (speaker_id, cue_id ...) point at in its own document, so that a
    # side's version can be copied into the other document with its links re-targeted.
    links_a: Mapping[str, Annotation] = field(default_factory=dict)
    links_b: Mapping[str, Annotation] = field(default_factory=dict)

    __hash__ = None  # type: ignore[assignment]  # annotations are not hashable

    @property
    def start(self) -> int:
        """Start of the stretch of text to mark: the union of both sides' spans."""
        return min(x.start for x in (self.a, self.b) if x is not None)

    @property
    def end(self) -> int:
        return max(x.end for x in (self.a, self.b) if x is not None)

    @property
    def label(self) -> str:
        """Human-readable category, e.g. ``different boundary, different speaker``."""
        return ", ".join(CATEGORY_LABELS[aspect] for aspect in self.aspects)

    def side(self, which: str) -> Annotation | None:
        """The annotation of side ``"a"`` or ``"b"``."""
        if which == "a":
            return self.a
        if which == "b":
            return self.b
        raise ValueError(f"side is 'a' or 'b', not {which!r}")

    def links(self, which: str) -> Mapping[str, Annotation]:
        """The annotations side ``which``'s links point at, by field name."""
        self.side(which)  # validates ``which``
        return self.links_a if which == "a" else self.links_b

    def as_dict(self, text: str | None = None) -> dict[str, Any]:
        """A JSON-ready summary (span and text of each side, when ``text`` is given)."""

        def brief(annotation: Annotation | None) -> dict[str, Any] | None:
            if annotation is None:
                return None
            out: dict[str, Any] = {"id": annotation.id, "start": annotation.start, "end": annotation.end}
            if text is not None:
                out["text"] = text[annotation.start : annotation.end]
            if annotation.type == "quote":
                out.update(kind=annotation.kind, speaker=annotation.speaker, cue=annotation.cue)
            elif annotation.type == "speaker":
                out["speaker"] = annotation.speaker
            return out

        return {
            "category": self.category,
            "aspects": list(self.aspects),
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "a": brief(self.a),
            "b": brief(self.b),
        }


def check_same_text(a: Document, b: Document) -> None:
    """Refuse to compare annotations of different texts (they would not line up)."""
    if a.sha256 != b.sha256:
        raise ModelError(
            f"the documents {a.id!r} and {b.id!r} annotate different texts "
            f"(SHA-256 {a.sha256[:12]}… and {b.sha256[:12]}…)"
        )


def compare(
    a: Document,
    b: Document,
    *,
    types: Sequence[str] = COMPARED_TYPES,
    min_share: float = QUOTE_OVERLAP,
) -> list[Difference]:
    """Every disagreement between ``a`` and ``b``, in reading order (by start, then type).

    Raises:
        ModelError: the documents are not annotations of the same text.
    """
    check_same_text(a, b)
    differences: list[Difference] = []
    for type_name in types:
        side_a = [x for x in a if x.type == type_name and x.is_active]
        side_b = [x for x in b if x.type == type_name and x.is_active]
        for difference in _compare_type(type_name, side_a, side_b, min_share):
            differences.append(
                Difference(
                    difference.category, difference.aspects, difference.type, difference.a, difference.b,
                    links_a=_links(a, difference.a), links_b=_links(b, difference.b),
                )
            )
    order = {name: rank for rank, name in enumerate(COMPARED_TYPES)}
    differences.sort(key=lambda d: (d.start, d.end, order.get(d.type, 99), d.category))
    return differences


def _compare_type(
    type_name: str, side_a: list[Annotation], side_b: list[Annotation], min_share: float
) -> list[Difference]:
    pairs: list[tuple[Annotation, Annotation]] = []
    left_a, left_b = list(side_a), list(side_b)

    def match_pass(share: float, same_kind: bool) -> None:
        nonlocal left_a, left_b
        groups = sorted({x.kind for x in left_a + left_b}, key=str) if same_kind else [None]
        matched_a: set[int] = set()
        matched_b: set[int] = set()
        for kind in groups:
            index_a = [i for i, x in enumerate(left_a) if not same_kind or x.kind == kind]
            index_b = [j for j, x in enumerate(left_b) if not same_kind or x.kind == kind]
            found = match_spans(
                [(left_a[i].start, left_a[i].end) for i in index_a],
                [(left_b[j].start, left_b[j].end) for j in index_b],
                share,
            )
            for i, j in found:
                matched_a.add(index_a[i])
                matched_b.add(index_b[j])
                pairs.append((left_a[index_a[i]], left_b[index_b[j]]))
        left_a = [x for i, x in enumerate(left_a) if i not in matched_a]
        left_b = [x for j, x in enumerate(left_b) if j not in matched_b]

    match_pass(1.0, same_kind=False)  # identical spans
    match_pass(min_share, same_kind=True)
    if type_name == "quote":
        match_pass(min_share, same_kind=False)

    out = [Difference(ONLY_A, (ONLY_A,), type_name, x, None) for x in left_a]
    out += [Difference(ONLY_B, (ONLY_B,), type_name, None, x) for x in left_b]
    for x, y in pairs:
        aspects = pair_aspects(x, y)
        if aspects:
            out.append(Difference(aspects[0], aspects, type_name, x, y))
    return out


def _links(document: Document, annotation: Annotation | None) -> dict[str, Annotation]:
    if annotation is None:
        return {}
    out = {}
    for name in REFERENCE_FIELDS:
        target = document.find(getattr(annotation, name))
        if target is not None:
            out[name] = target
    return out


def pair_aspects(x: Annotation, y: Annotation) -> tuple[str, ...]:
    """How two matched annotations differ (empty when they agree)."""
    aspects = []
    if (x.start, x.end) != (y.start, y.end):
        aspects.append(BOUNDARY)
    if x.type == "quote" and x.kind != y.kind:
        aspects.append(KIND)
    if x.type in ("quote", "speaker") and not names_match(x.speaker, y.speaker):
        aspects.append(SPEAKER)
    if x.type == "quote" and not cues_match(x.cue, y.cue):
        aspects.append(CUE)
    return tuple(aspects)


def summary(differences: Iterable[Difference]) -> dict[str, int]:
    """How many differences of each category (every category present, zero when none)."""
    counts = dict.fromkeys(CATEGORIES, 0)
    for difference in differences:
        counts[difference.category] += 1
    return counts


# Taking one side's version ---------------------------------------------------------------------
@dataclass(frozen=True)
class Edit:
    """One model operation: ``add`` an annotation, ``remove`` one (by its id), or ``replace`` one."""

    op: str
    annotation: Annotation

    __hash__ = None  # type: ignore[assignment]


def take(document: Document, difference: Difference, side: str) -> list[Edit]:
    """The edits that make ``document`` hold ``side``'s version of ``difference``.

    ``document`` is one of the two compared documents (the one being edited); its own annotation
    in ``difference`` is recognised by id and content. Cases:

    * the chosen side has no annotation (taking "only in the other" as absent): remove ours;
    * the chosen side's annotation is already ours: nothing to do;
    * we have a counterpart: replace it in place, keeping our id so that links to it survive;
    * we have none: add a copy with a fresh id.

    A copied annotation's links (``speaker_id``, ``cue_id``, ``heading_id``, ``duplicate_of``)
    name annotations of the *other* document; each is pointed at our annotation of the same type
    and span when there is one, and dropped otherwise (the canonical ``speaker`` and ``cue``
    names are kept, so no information a reader sees is lost). Everything else is copied as is.
    """
    chosen = difference.side(side)
    other = difference.side("b" if side == "a" else "a")
    ours = _ours(document, difference)
    if chosen is not None and _owned(document, chosen):
        return []
    if chosen is None:
        return [Edit("remove", ours)] if ours is not None else []
    if ours is None and other is not None and not _owned(document, other):
        raise ModelError("neither side of this difference belongs to the document being edited")
    targets = difference.links(side)
    links = {name: _counterpart_id(document, targets.get(name)) for name in REFERENCE_FIELDS}
    if ours is not None:
        return [Edit("replace", chosen.with_changes(id=ours.id, **links))]
    return [Edit("add", chosen.with_changes(id=document.new_id(chosen.type), **links))]


def _owned(document: Document, annotation: Annotation) -> bool:
    return document.find(annotation.id) == annotation


def _ours(document: Document, difference: Difference) -> Annotation | None:
    for annotation in (difference.a, difference.b):
        if annotation is not None and _owned(document, annotation):
            return annotation
    return None


def _counterpart_id(document: Document, target: Annotation | None) -> str | None:
    """Our annotation of the same type and span as the other document's ``target`` (active first)."""
    if target is None:
        return None
    same = [
        candidate
        for candidate in document
        if candidate.type == target.type and (candidate.start, candidate.end) == (target.start, target.end)
    ]
    same.sort(key=lambda candidate: not candidate.is_active)
    return same[0].id if same else None


def apply_edits(document: Document, edits: Sequence[Edit]) -> list[Edit]:
    """Apply ``edits`` in order; returns the edits that undo them (apply those to undo).

    Removing an annotation unlinks the annotations pointing at it; the undo edits restore those
    links too, so ``apply_edits(doc, apply_edits(doc, edits))`` gives back the same document.
    """
    undo: list[Edit] = []
    for edit in edits:
        if edit.op == "add":
            document.add(edit.annotation)
            undo.append(Edit("remove", edit.annotation))
        elif edit.op == "remove":
            removed, unlinked = document.remove(edit.annotation.id)
            undo.extend(Edit("replace", old) for old in reversed(unlinked))
            undo.append(Edit("add", removed))
        elif edit.op == "replace":
            old = document.replace(edit.annotation)
            undo.append(Edit("replace", old))
        else:
            raise ModelError(f"unknown edit {edit.op!r}")
    undo.reverse()
    return undo
