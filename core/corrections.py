"""The corrections a person makes to a document, and the rules that come with them.

These are the domain rules the window used to keep to itself, here so that any front end (the
window, the command line, a script) corrects a document the same way:

- a change a person makes to an annotation is its review: it becomes ``accepted``, keeps its
  ``origin``, and its ``corrected`` list gains the fields that changed (``speaker``, ``end`` …),
  so a file tells what the automatic annotator had to fix;
- a quote with its speaker mention and cue is one unit of review: accepting the quote accepts its
  pending parts, rejecting it rejects the automatic parts no other quote uses, deleting it takes
  its pending automatic parts along; what waits for review is counted in quotes and structure
  items (``needs_review``);
- links stay whole: a typed speaker links the quote to the nearest mention of that speaker,
  annotating it where the text names the speaker and nothing marks it yet; a typed cue links to
  the cue beside the quote the same way; a renamed mention takes its quotes along, a resized cue
  its quotes' cue; an automatic, pending mention or cue no quote uses any more is rejected
  (``core.linking`` finds the places and states the rule);
- which types a person creates (sections are derived, never drawn) and which wait for review;
- a new annotation is manual and accepted, its span snapped to whole words unless asked not to;
  a new speaker mention names the article's speaker it is a form of;
- changing an annotation's type first unlinks what pointed at it (references are typed);
- any change to the structure (title, heading, paragraph, boilerplate) re-derives the sections,
  keeping the sections that did not move.

Each correction is a function ``(document, …) -> None`` that runs the model's validated
operations; the window records the model events it causes as one undoable command. A refused
correction raises ``ModelError`` (the window rolls back what it had changed).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Literal

from core import linking
from core.boundaries import snap_to_words
from core.model import CORRECTABLE_FIELDS, REFERENCE_FIELDS, Annotation, Document

if TYPE_CHECKING:
    from core.compare import Edit

# Sections are derived from these (guideline): any change to one of them re-derives sections.
STRUCTURE_TYPES = frozenset(("title", "heading", "paragraph", "boilerplate"))
# Types a person creates (sections are derived, never drawn by hand), in menu order.
CREATABLE_TYPES = ("title", "heading", "paragraph", "boilerplate", "quote", "speaker", "cue")
# Types whose automatic suggestions wait for a person's review (paragraphs and sections follow
# from the layout and are not reviewed one by one).
REVIEWABLE_TYPES = frozenset(("title", "heading", "boilerplate", "quote", "speaker", "cue"))
# What the review walks and counts: a quote stands for its speaker mention and cue too.
REVIEW_ITEM_TYPES = frozenset(("title", "heading", "boilerplate", "quote"))
# Derived, never reviewed or corrected one by one.
DERIVED_TYPES = frozenset(("section",))
# The parts of a quote's review unit.
PART_FIELDS = ("speaker_id", "cue_id")

ReviewOrder = Literal["doubt", "reading"]
DOUBT: ReviewOrder = "doubt"
READING: ReviewOrder = "reading"
REVIEW_ORDERS: tuple[ReviewOrder, ...] = (DOUBT, READING)


# Review ---------------------------------------------------------------------------------------
def needs_review(annotation: Annotation | None) -> bool:
    """A pending suggestion the review walks: a quote (with its parts) or a structure item."""
    return annotation is not None and annotation.status == "pending" and annotation.type in REVIEW_ITEM_TYPES


def doubt(annotation: Annotation) -> float:
    """How sure the annotator was of the whole suggestion: the lower of the quote's confidence
    and, on quotes, the confidence in its speaker (1.0 when neither is known)."""
    values = [v for v in (annotation.confidence, annotation.speaker_confidence) if v is not None]
    return min(values) if values else 1.0


def review_key(annotation: Annotation, order: ReviewOrder) -> tuple[Any, ...]:
    """Sort key of the review queue: most doubtful first (``doubt``), or reading order."""
    if order == DOUBT:
        return (doubt(annotation), *annotation.sort_key())
    return annotation.sort_key()


def is_human_work(annotation: Annotation) -> bool:
    """Made or decided by a person: manual; accepted or rejected; corrected; or annotated with a
    note. Re-annotation keeps these exactly as they are."""
    return annotation.type not in DERIVED_TYPES and (
        annotation.origin == "manual"
        or annotation.status != "pending"
        or bool(annotation.corrected)
        or annotation.note is not None
    )


def changed_fields(before: Annotation, after: Annotation) -> list[str]:
    """The correctable fields that differ (a change of type counts as ``type`` alone: the fields
    it drops were not corrected one by one)."""
    if before.type != after.type:
        return ["type"]
    return [name for name in CORRECTABLE_FIELDS if getattr(before, name) != getattr(after, name)]


def mark_reviewed(document: Document, annotation_id: str, fields: Iterable[str]) -> None:
    """A person changed ``fields`` of the annotation: it is accepted and lists them as corrected."""
    annotation = document.get(annotation_id)
    if annotation.type in DERIVED_TYPES:
        return
    changed = set(fields) | set(annotation.corrected)
    corrected = tuple(name for name in CORRECTABLE_FIELDS if name in changed)
    if annotation.status != "accepted" or corrected != annotation.corrected:
        document.update(annotation_id, status="accepted", corrected=corrected)


def _review_change(document: Document, before: Annotation) -> None:
    after = document.find(before.id)
    if after is not None:
        fields = changed_fields(before, after)
        if fields:
            mark_reviewed(document, before.id, fields)


# Creating and deleting ------------------------------------------------------------------------
def new_annotation(
    document: Document, type_name: str, start: int, end: int, *, kind: str | None = None, snap: bool = True
) -> Annotation | None:
    """The annotation a person draws over ``start..end`` (not added yet); None if it is empty.

    Manual and accepted; snapped to whole words unless ``snap`` is False; a quote is direct unless
    told otherwise; a speaker mention names the speaker it is a form of (``linking.mention_name``).
    """
    if snap:
        start, end = snap_to_words(document.text, start, end)
    if end <= start:
        return None
    fields: dict[str, Any] = {}
    if type_name == "quote":
        fields["kind"] = kind or "direct"
    if type_name == "speaker":
        fields["speaker"] = linking.mention_name(document, start, end)
    return Annotation(document.new_id(type_name), type_name, start, end, origin="manual", status="accepted", **fields)


def add(document: Document, annotation: Annotation) -> None:
    document.add(annotation)
    rederive_sections(document, [annotation.type])


def delete(document: Document, annotation_id: str) -> None:
    """Remove an annotation; a quote takes along its automatic, pending parts no other quote uses."""
    annotation = document.get(annotation_id)
    document.remove(annotation_id)
    if annotation.type == "quote":
        for name in PART_FIELDS:
            part = document.find(getattr(annotation, name))
            if part is not None and part.origin == "auto" and part.status == "pending" and not _used_elsewhere(document, part.id, annotation.id):
                document.remove(part.id)
    rederive_sections(document, [annotation.type])


# Changing one annotation ----------------------------------------------------------------------
def retype(document: Document, annotation_id: str, type_name: str, kind: str | None = None) -> None:
    """Change the type; links to the annotation are dropped first, a new speaker mention is named."""
    before = document.get(annotation_id)
    if before.type != type_name:
        unlink_references_to(document, annotation_id)
    document.retype(annotation_id, type_name, kind=kind)
    if type_name == "speaker" and not document.get(annotation_id).speaker:
        document.set_speaker(annotation_id, linking.mention_name(document, before.start, before.end) or None)
    _review_change(document, before)
    if before.type == "quote":
        for name in PART_FIELDS:
            _release(document, getattr(before, name))
    rederive_sections(document, [before.type, type_name])


def set_kind(document: Document, annotation_id: str, kind: str) -> None:
    before = document.get(annotation_id)
    document.set_kind(annotation_id, kind)
    _review_change(document, before)


def set_status(document: Document, annotation_id: str, status: str) -> None:
    """Accept, reject or reset an annotation; a quote's decision covers its parts (see above)."""
    annotation = document.get(annotation_id)
    document.set_status(annotation_id, status)
    if annotation.type == "quote" and status in ("accepted", "rejected"):
        for name in PART_FIELDS:
            part = document.find(getattr(annotation, name))
            if part is None:
                continue
            if status == "accepted" and part.status == "pending":
                document.set_status(part.id, "accepted")
            elif status == "rejected" and part.origin == "auto" and part.is_active and not _used_elsewhere(document, part.id, annotation.id):
                document.set_status(part.id, "rejected")
    rederive_sections(document, [annotation.type])


def resize(document: Document, annotation_id: str, start: int, end: int) -> None:
    """Move the boundaries; a resized cue gives its quotes its new text."""
    before = document.get(annotation_id)
    document.resize(annotation_id, start, end)
    _review_change(document, before)
    if before.type == "cue":
        written = linking.clean(document.text[start:end]) or None
        for quote in _quotes_using(document, annotation_id):
            if quote.cue != written:
                document.set_cue(quote.id, written, annotation_id)
                _review_change(document, quote)
    rederive_sections(document, [before.type])


def set_speaker(document: Document, annotation_id: str, name: str | None, mention_id: str | None = None) -> None:
    """Name a quote's speaker, linked to a mention of that speaker; or rename a speaker mention.

    A quote keeps its current mention while it names ``name``; otherwise it links to
    ``mention_id`` when given, else to the nearest mention of ``name`` (``linking.speaker_place``),
    which is annotated (manual, accepted) where the text names the speaker and nothing marks it.
    A name the article writes a speaker in means that speaker (``linking.canonical_name``). A
    mention only this quote uses and whose words are part of the new name (``ناصر`` for
    ``رامي ناصر``) stays linked and is renamed. A renamed mention's quotes take the new name too.
    """
    before = document.get(annotation_id)
    if before.type == "speaker":
        name = linking.clean(name) or None
        document.set_speaker(annotation_id, name)
        _review_change(document, before)
        for quote in _quotes_using(document, annotation_id, field="speaker_id"):
            if quote.speaker != name:
                document.set_speaker(quote.id, name, annotation_id)
                _review_change(document, quote)
        return
    name = linking.canonical_name(document, name or "") or None
    link = mention_id
    current = document.find(before.speaker_id)
    if link is None and current is not None and current.is_active and name is not None:
        if linking.clean(current.speaker) == name:
            link = current.id
        elif linking.names_part_of(document.span_text(current), name) and not _used_elsewhere(document, current.id, before.id):
            # The mention writes part of the new name (``ناصر`` for ``رامي ناصر``): the annotator
            # found the right words and named the wrong speaker. The mention is renamed.
            document.set_speaker(current.id, name)
            _review_change(document, current)
            link = current.id
    if link is None and name is not None and before.type == "quote":
        place = linking.speaker_place(document, before, name)
        if place is not None:
            link = place.existing or _add_part(document, "speaker", place, speaker=name)
    document.set_speaker(annotation_id, name, link if before.type == "quote" else None)
    _review_change(document, before)
    _release(document, before.speaker_id)


def link_mention(document: Document, quote_id: str, mention_id: str | None) -> None:
    """Link a quote to a speaker mention (it takes the mention's name), or unlink it (None)."""
    before = document.get(quote_id)
    if mention_id is None:
        document.set_speaker(quote_id, before.speaker, None)
    else:
        mention = document.get(mention_id)
        name = mention.speaker or linking.clean(document.span_text(mention))
        document.set_speaker(quote_id, name, mention_id)
    _review_change(document, before)
    _release(document, before.speaker_id)


def set_cue(document: Document, annotation_id: str, cue: str | None) -> None:
    """Set a quote's cue, linked to the cue beside the quote that reads it (``linking.cue_place``),
    annotated where the text has it and nothing marks it; the cue is then stored as written."""
    before = document.get(annotation_id)
    written = linking.clean(cue) or None
    link: str | None = None
    if written is not None:
        place = linking.cue_place(document, before, written)
        if place is not None:
            link = place.existing or _add_part(document, "cue", place)
            written = linking.clean(document.text[place.start : place.end])
    document.set_cue(annotation_id, written, link)
    _review_change(document, before)
    _release(document, before.cue_id)


def merge_speakers(document: Document, old_name: str, new_name: str) -> None:
    """Every quote and mention of ``old_name`` becomes ``new_name`` (each a reviewed change)."""
    for before in document.rename_speaker(old_name, new_name):
        _review_change(document, before)


def unlink_references_to(document: Document, target_id: str) -> None:
    """Drop the links pointing at ``target_id`` (before it changes type); names are kept."""
    for other in list(document):
        changes = {name: None for name in REFERENCE_FIELDS if getattr(other, name) == target_id}
        if changes:
            document.update(other.id, **changes)


def take_version(document: Document, edits: Sequence[Edit]) -> None:
    """Apply the edits that take another annotator's version (``core.compare.take``): a person
    chose it, so what it adds or changes is their review (accepted, the changed fields listed),
    unless the chosen version is a rejection."""
    from core.compare import apply_edits  # imported here: comparison is rarely used

    before = {edit.annotation.id: document.find(edit.annotation.id) for edit in edits if edit.op != "remove"}
    apply_edits(document, edits)
    for annotation_id, old in before.items():
        new = document.find(annotation_id)
        if new is not None and new.is_active:
            mark_reviewed(document, annotation_id, changed_fields(old, new) if old is not None else ())


# Quote parts ----------------------------------------------------------------------------------
def _add_part(document: Document, type_name: str, place: linking.Place, **fields: Any) -> str:
    """Annotate a speaker mention or cue a person's typing pointed at; returns its id."""
    part = Annotation(document.new_id(type_name), type_name, place.start, place.end, origin="manual", status="accepted", **fields)
    document.add(part)
    return part.id


def _quotes_using(document: Document, part_id: str, *, field: str | None = None) -> list[Annotation]:
    names = (field,) if field else PART_FIELDS
    return [a for a in document if a.type == "quote" and any(getattr(a, n) == part_id for n in names)]


def _used_elsewhere(document: Document, part_id: str, quote_id: str | None = None) -> bool:
    """An active quote other than ``quote_id`` links to the part."""
    return any(q.id != quote_id and q.is_active for q in _quotes_using(document, part_id))


def _release(document: Document, part_id: str | None) -> None:
    """A quote let go of a mention or cue: an automatic, pending one no quote uses is rejected
    (the annotator's suggestion was wrong; rejected, it stays out of a re-run)."""
    part = document.find(part_id)
    if part is not None and part.origin == "auto" and part.status == "pending" and not _used_elsewhere(document, part.id):
        document.set_status(part.id, "rejected")


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
    # New sections get ids this file never used (derive_sections only avoids the present ones).
    document.replace_all(
        "section", [kept.get(key(a)) or a.with_changes(id=document.new_id("section")) for a in fresh]
    )
