"""The corrections a person makes to a document, and the rules that come with them.

These are the domain rules the window used to keep to itself, here so that any front end (the
window, the command line, a script) corrects a document the same way:

- which types a person creates (sections are derived, never drawn) and which wait for review;
- a new annotation is manual and accepted, its span snapped to whole words unless asked not to;
- changing an annotation's type first unlinks what pointed at it (references are typed);
- any change to the structure (title, heading, paragraph, boilerplate) re-derives the sections,
  keeping the sections that did not move;
- a quote keeps its speaker mention only while the mention names the same speaker, and its cue
  link only while the linked cue reads as the new cue.

Each correction is a function ``(document, …) -> None`` that runs the model's validated
operations; the window records the model events it causes as one undoable command. A refused
correction raises ``ModelError`` (the window rolls back what it had changed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Literal

from core.boundaries import snap_to_words
from core.model import REFERENCE_FIELDS, Annotation, Document

# Sections are derived from these (guideline): any change to one of them re-derives sections.
STRUCTURE_TYPES = frozenset(("title", "heading", "paragraph", "boilerplate"))
# Types a person creates (sections are derived, never drawn by hand), in menu order.
CREATABLE_TYPES = ("title", "heading", "paragraph", "boilerplate", "quote", "speaker", "cue")
# Types whose automatic suggestions wait for a person's review (paragraphs and sections follow
# from the layout and are not reviewed one by one).
REVIEWABLE_TYPES = frozenset(("title", "heading", "boilerplate", "quote", "speaker", "cue"))

ReviewOrder = Literal["doubt", "reading"]
DOUBT: ReviewOrder = "doubt"
READING: ReviewOrder = "reading"
REVIEW_ORDERS: tuple[ReviewOrder, ...] = (DOUBT, READING)


# Review ---------------------------------------------------------------------------------------
def needs_review(annotation: Annotation | None) -> bool:
    """An automatic suggestion of a reviewable type that nobody has accepted or rejected yet."""
    return annotation is not None and annotation.status == "pending" and annotation.type in REVIEWABLE_TYPES


def review_key(annotation: Annotation, order: ReviewOrder) -> tuple[Any, ...]:
    """Sort key of the review queue: most doubtful first (lowest confidence), or reading order."""
    if order == DOUBT:
        confidence = annotation.confidence if annotation.confidence is not None else 1.0
        return (confidence, *annotation.sort_key())
    return annotation.sort_key()


# Creating and deleting ------------------------------------------------------------------------
def new_annotation(
    document: Document, type_name: str, start: int, end: int, *, kind: str | None = None, snap: bool = True
) -> Annotation | None:
    """The annotation a person draws over ``start..end`` (not added yet); None if it is empty.

    Manual and accepted; snapped to whole words unless ``snap`` is False; a quote is direct unless
    told otherwise; a speaker mention is named after its text.
    """
    if snap:
        start, end = snap_to_words(document.text, start, end)
    if end <= start:
        return None
    fields: dict[str, Any] = {}
    if type_name == "quote":
        fields["kind"] = kind or "direct"
    if type_name == "speaker":
        fields["speaker"] = " ".join(document.text[start:end].split())
    return Annotation(document.new_id(type_name), type_name, start, end, origin="manual", status="accepted", **fields)


def add(document: Document, annotation: Annotation) -> None:
    document.add(annotation)
    rederive_sections(document, [annotation.type])


def delete(document: Document, annotation_id: str) -> None:
    type_name = document.get(annotation_id).type
    document.remove(annotation_id)
    rederive_sections(document, [type_name])


# Changing one annotation ----------------------------------------------------------------------
def retype(document: Document, annotation_id: str, type_name: str, kind: str | None = None) -> None:
    """Change the type; links to the annotation are dropped first, a new speaker mention is named."""
    old_type = document.get(annotation_id).type
    if old_type != type_name:
        unlink_references_to(document, annotation_id)
    document.retype(annotation_id, type_name, kind=kind)
    if type_name == "speaker" and not document.get(annotation_id).speaker:
        text = " ".join(document.span_text(document.get(annotation_id)).split())
        document.set_speaker(annotation_id, text or None)
    rederive_sections(document, [old_type, type_name])


def set_kind(document: Document, annotation_id: str, kind: str) -> None:
    document.set_kind(annotation_id, kind)


def set_status(document: Document, annotation_id: str, status: str) -> None:
    type_name = document.get(annotation_id).type
    document.set_status(annotation_id, status)
    rederive_sections(document, [type_name])


def resize(document: Document, annotation_id: str, start: int, end: int) -> None:
    type_name = document.get(annotation_id).type
    document.resize(annotation_id, start, end)
    rederive_sections(document, [type_name])


def set_speaker(document: Document, annotation_id: str, name: str | None, mention_id: str | None = None) -> None:
    """Name a quote's (or mention's) speaker; ``mention_id`` links a quote to a mention too.

    Without ``mention_id`` a quote keeps its current link only while that mention names the same
    speaker.
    """
    annotation = document.get(annotation_id)
    link = mention_id
    if link is None and annotation.type == "quote":
        current = document.find(annotation.speaker_id)
        if current is not None and current.speaker == name:
            link = current.id
    document.set_speaker(annotation_id, name, link if annotation.type == "quote" else None)


def link_mention(document: Document, quote_id: str, mention_id: str | None) -> None:
    """Link a quote to a speaker mention (it takes the mention's name), or unlink it (None)."""
    if mention_id is None:
        document.set_speaker(quote_id, document.get(quote_id).speaker, None)
        return
    mention = document.get(mention_id)
    name = mention.speaker or " ".join(document.span_text(mention).split())
    document.set_speaker(quote_id, name, mention_id)


def set_cue(document: Document, annotation_id: str, cue: str | None) -> None:
    """Set a quote's cue; its cue link stays only while the linked cue reads ``cue``."""
    annotation = document.get(annotation_id)
    current = document.find(annotation.cue_id)
    link = current.id if current is not None and cue and document.span_text(current) == cue else None
    document.set_cue(annotation_id, cue, link)


def merge_speakers(document: Document, old_name: str, new_name: str) -> None:
    """Every quote and mention of ``old_name`` becomes ``new_name``."""
    document.rename_speaker(old_name, new_name)


def unlink_references_to(document: Document, target_id: str) -> None:
    """Drop the links pointing at ``target_id`` (before it changes type); names are kept."""
    for other in list(document):
        changes = {name: None for name in REFERENCE_FIELDS if getattr(other, name) == target_id}
        if changes:
            document.update(other.id, **changes)


# Several annotations at once ------------------------------------------------------------------
def apply_with_sections(document: Document, operation: Callable[[Document], object]) -> None:
    """Run any operation (taking a compared version, restoring work), then re-derive sections."""
    operation(document)
    rederive_sections(document, STRUCTURE_TYPES)


def restore_annotations(document: Document, recovered: list[Annotation]) -> None:
    """Make ``document``'s annotations equal ``recovered`` (e.g. work kept by a crash).

    Links are restored in a second pass, so the order of additions never breaks a reference.
    """
    wanted = {a.id for a in recovered}
    for annotation in list(document):
        if annotation.id not in wanted and annotation.id in document:
            document.remove(annotation.id)
    for annotation in recovered:
        links = {name: None for name in REFERENCE_FIELDS if getattr(annotation, name) is not None}
        bare = annotation.with_changes(**links) if links else annotation
        if annotation.id in document:
            document.replace(bare)
        else:
            document.add(bare)
    for annotation in recovered:
        if document.get(annotation.id) != annotation:
            document.replace(annotation)


# Sections -------------------------------------------------------------------------------------
def rederive_sections(document: Document, changed_types: Iterable[str]) -> None:
    """Recompute sections after a structural change, keeping the sections that did not move."""
    if STRUCTURE_TYPES.isdisjoint(changed_types):
        return
    # Imported here: the annotator is large, and most corrections never reach this line.
    from core.annotator import derive_sections

    current = document.of_type("section")
    fresh = derive_sections(document)

    def key(section: Annotation) -> tuple[int, int, str | None]:
        return (section.start, section.end, section.heading_id)

    if sorted(map(key, current)) == sorted(map(key, fresh)):
        return
    kept = {key(a): a for a in current}
    document.replace_all("section", [kept.get(key(a), a) for a in fresh])
