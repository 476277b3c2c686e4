"""The automatic annotator: from an article's text to its outline.

Passes run in order, each on the stored text (matching on its folded shadow): layout
(paragraphs), title, boilerplate, headings, duplicates, quotes with cues, speakers, sections. The
result is a list of ``auto``/``pending`` annotations with confidences, ready to be reviewed.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from core.annotator import structure, wordstats
from core.annotator.found import Found
from core.annotator.furniture import find_learned_boilerplate
from core.annotator.layout import paragraphs
from core.annotator.quotes import Candidate, QuoteFinder
from core.annotator.sections import derive_sections
from core.annotator.speaker_choice import choose_speakers, resolve_speakers
from core.annotator.speakers import Entity
from core.annotator.tokens import TokenizedText
from core.annotator.trained import AnnotatorModel, default_model
from core.collector import collector_paused
from core.corrections import is_human_work
from core.folding import Shadow
from core.model import REFERENCE_FIELDS, Annotation, Document, IdAllocator


@dataclass
class QuoteStage:
    """What the quote and speaker passes work on: the finder with its tables, and the quotes."""

    finder: QuoteFinder
    candidates: list[Candidate]


def structure_and_quotes(text: str, model: AnnotatorModel | None = None) -> tuple[list[Found], QuoteStage]:
    """Structure (title, boilerplate, headings, paragraphs) and quote candidates of ``text``.

    Boilerplate comes from the patterns and, with a trained ``model``, from its paragraph
    classifier as well.
    """
    shadow = Shadow(text)
    tokenized = TokenizedText(text, shadow)
    blocks = paragraphs(text)
    title = structure.find_title(text, blocks)
    boilerplate = structure.find_boilerplate(text, shadow, blocks, title)
    if model is not None and model.boilerplate.weights:
        learned = find_learned_boilerplate(
            tokenized, blocks, title, [(b.start, b.end) for b in boilerplate], model.boilerplate, wordstats.shipped()
        )
        if learned:
            boilerplate = structure.merge_boilerplate(boilerplate + learned)
    title = structure.trim_title(text, title, boilerplate)
    headings = structure.find_headings(text, blocks, title, boilerplate)
    found: list[Found] = []
    if title is not None:
        found.append(title)
    found.extend(boilerplate)
    found.extend(headings)
    duplicates = structure.find_duplicates(shadow, blocks)
    paragraph_found: dict[int, Found] = {}
    taken = [(f.start, f.end) for f in ([title] if title else []) + headings]
    for block in blocks:
        if (block.start, block.end) in taken:
            continue
        item = Found("paragraph", block.start, block.end, 0.95, reason="paragraph break")
        paragraph_found[block.index] = item
        found.append(item)
    for duplicate, first in duplicates.items():
        if duplicate in paragraph_found and first in paragraph_found:
            paragraph_found[duplicate].duplicate_of = paragraph_found[first]
            paragraph_found[duplicate].reason = "repeats an earlier paragraph word for word"
    excluded = [(f.start, f.end) for f in found if f.type in ("title", "heading", "boilerplate")]
    finder = QuoteFinder(tokenized, blocks, excluded)
    return found, QuoteStage(finder, finder.find_all())


def analyse(text: str, model: AnnotatorModel | None = None) -> list[Found]:
    """Everything the annotator finds in ``text``, as ``Found`` records (structure and quotes).

    ``model`` holds the trained parts (the bundled one by default).
    """
    model = model or default_model()
    found, stage = structure_and_quotes(text, model)
    candidates = stage.candidates
    if model.is_trained:
        resolutions = choose_speakers(
            stage.finder, candidates, model.mention, model.speaker, wordstats.shipped(), naming=model.naming
        )
    else:
        resolutions = resolve_speakers(stage.finder.tk, candidates)
    for resolution in resolutions:
        candidate = resolution.candidate
        entity = resolution.entity
        quote = Found(
            "quote",
            candidate.start,
            candidate.end,
            candidate.confidence,
            kind=candidate.kind,
            reason=candidate.reason,
        )
        quote.extra["entity"] = entity
        if resolution.confidence is not None:
            quote.speaker_confidence = model.calibration(resolution.confidence)
        if candidate.cue is not None:
            quote.cue_span = (candidate.cue.text_start, candidate.cue.text_end)
            quote.cue = text[candidate.cue.text_start : candidate.cue.text_end]
        if resolution.mention is not None:
            quote.speaker_span = resolution.mention
        found.append(quote)
    # Canonical names are final only once every mention has been seen.
    for item in found:
        if item.type == "quote":
            owner = item.extra.pop("entity", None)
            item.speaker = owner.canonical if isinstance(owner, Entity) and owner.canonical else None
    return found


def annotate_text(text: str, *, taken_ids: Iterable[str] = (), model: AnnotatorModel | None = None) -> list[Annotation]:
    """The automatic outline of ``text`` as model annotations (origin auto, status pending)."""
    # The collector waits while the article's objects are made (core.collector says why).
    with collector_paused():
        return _annotations(text, taken_ids, model)


def _annotations(text: str, taken_ids: Iterable[str], model: AnnotatorModel | None) -> list[Annotation]:
    """``annotate_text``'s work, done with the collector paused."""
    found = analyse(text, model)
    ids = IdAllocator(taken_ids)
    annotations: list[Annotation] = []
    assigned: dict[int, str] = {}
    speakers: dict[tuple[int, int], str] = {}
    cues: dict[tuple[int, int], str] = {}

    def emit(item: Found, **fields: object) -> Annotation:
        prefix = {"title": "t", "heading": "h", "paragraph": "p", "boilerplate": "b", "quote": "q"}[item.type]
        annotation = Annotation._made(  # Annotation(...), checked the same way, made faster
            {
                "id": ids.new(prefix),
                "type": item.type,
                "start": item.start,
                "end": item.end,
                "origin": "auto",
                "status": "pending",
                "confidence": round(float(item.confidence), 2),
                **fields,
            }
        )
        assigned[id(item)] = annotation.id
        annotations.append(annotation)
        return annotation

    for item in found:
        if item.type in ("title", "heading", "boilerplate"):
            emit(item)
    for item in found:
        if item.type == "paragraph" and item.duplicate_of is None:
            emit(item)
    for item in found:
        if item.type == "paragraph" and item.duplicate_of is not None:
            emit(item, duplicate_of=assigned[id(item.duplicate_of)])
    for item in found:
        if item.type != "quote":
            continue
        speaker_id = None
        cue_id = None
        if item.speaker_span is not None:
            key = item.speaker_span
            if key not in speakers:
                mention = Annotation._made(
                    {
                        "id": ids.new("sp"), "type": "speaker", "start": key[0], "end": key[1], "origin": "auto",
                        "status": "pending", "confidence": round(min(0.9, item.confidence), 2), "speaker": item.speaker,
                    }
                )
                speakers[key] = mention.id
                annotations.append(mention)
            speaker_id = speakers[key]
        if item.cue_span is not None:
            key = item.cue_span
            if key not in cues:
                cue = Annotation._made(
                    {
                        "id": ids.new("c"), "type": "cue", "start": key[0], "end": key[1], "origin": "auto",
                        "status": "pending", "confidence": round(min(0.9, item.confidence), 2),
                    }
                )
                cues[key] = cue.id
                annotations.append(cue)
            cue_id = cues[key]
        speaker_confidence = None if item.speaker_confidence is None else round(float(item.speaker_confidence), 2)
        emit(
            item, kind=item.kind, speaker=item.speaker, speaker_id=speaker_id, cue=item.cue, cue_id=cue_id,
            speaker_confidence=speaker_confidence,
        )
    return annotations


def annotate_document(document: Document, model: AnnotatorModel | None = None) -> Document:
    """Fill a document that has no annotations yet with the automatic outline and its sections."""
    document.add_all(annotate_text(document.text, taken_ids=[a.id for a in document], model=model))
    document.add_all(derive_sections(document))
    return document


def add_structure(document: Document) -> Document:
    """Give a document whose annotations came from elsewhere (an import) its paragraphs and
    sections, in place, so the outline can group its quotes by section.

    Only what other tools do not exchange is added: paragraphs (automatic, pending, duplicates
    flagged) for the text blocks that are not its title or headings, unless it has paragraphs
    already, then sections derived from its own headings. Its other annotations are untouched.
    """
    if not any(a.type == "paragraph" for a in document):
        text = document.text
        blocks = paragraphs(text)
        taken = {(a.start, a.end) for a in document if a.type in ("title", "heading") and a.is_active}
        ids = IdAllocator(a.id for a in document)
        by_block: dict[int, Annotation] = {}
        for block in blocks:
            if (block.start, block.end) in taken:
                continue
            by_block[block.index] = Annotation(
                id=ids.new("p"), type="paragraph", start=block.start, end=block.end,
                origin="auto", status="pending", confidence=0.95,
            )
        for duplicate, first in structure.find_duplicates(Shadow(text), blocks).items():
            if duplicate in by_block and first in by_block:
                by_block[duplicate] = by_block[duplicate].with_changes(duplicate_of=by_block[first].id)
        document.add_all(by_block.values())
    if not any(a.type == "section" for a in document):
        document.add_all(derive_sections(document))
    return document


def reannotate(document: Document, model: AnnotatorModel | None = None) -> Document:
    """Refresh the automatic suggestions nobody has touched, in place.

    Human work (``core.corrections.is_human_work``: manual, accepted, rejected, corrected or
    carrying a note) stays exactly as it is, and so do the pending annotations it refers to. A
    fresh suggestion is added only where it overlaps no kept annotation of its type: a rejected
    one keeps a re-run from bringing the same suggestion back, an accepted one whose boundaries
    a person moved is not doubled. A fresh quote dropped so takes its fresh speaker mention and
    cue along; a fresh quote whose mention or cue gave way to a kept one links to that one and
    takes its name. A refreshed suggestion of the same type and span as the one it replaces keeps
    that one's id; other new annotations get ids the file never used (``Document.new_id``).
    Sections are derived again.
    """
    current = document.annotations
    human = {a.id for a in current if is_human_work(a)}
    referenced = {
        value for a in current if a.id in human for name in REFERENCE_FIELDS if (value := getattr(a, name)) is not None
    }
    kept = [a for a in current if a.type != "section" and (a.id in human or a.id in referenced)]
    kept_ids = {a.id for a in kept}
    refreshed = {(a.type, a.start, a.end): a.id for a in current if a.type != "section" and a.id not in kept_ids}
    old_sections = {(a.start, a.end, a.heading_id): a.id for a in current if a.type == "section"}
    spans = _KeptSpans(kept)
    fresh = annotate_text(document.text, taken_ids=[a.id for a in current], model=model)
    # Fresh annotations that give way to a kept one, and the kept one they point to instead.
    gave_way: dict[str, Annotation | None] = {}
    for annotation in fresh:
        blocking = spans.blocking(annotation)
        if blocking is not None:
            gave_way[annotation.id] = blocking if blocking.is_active else None
    quotes_added = [a for a in fresh if a.type == "quote" and a.id not in gave_way]
    parts_used = {getattr(q, name) for q in quotes_added for name in ("speaker_id", "cue_id")}
    for annotation in fresh:
        if annotation.type in ("speaker", "cue") and annotation.id not in parts_used:
            gave_way.setdefault(annotation.id, None)  # a part of a quote that was not added
    renamed: dict[str, str] = {}
    for annotation in fresh:
        if annotation.id in gave_way:
            continue
        same = refreshed.pop((annotation.type, annotation.start, annotation.end), None)
        renamed[annotation.id] = same if same is not None else document.new_id(annotation.type)
    result = list(kept)
    for annotation in fresh:
        if annotation.id in gave_way:
            continue
        changes: dict[str, object] = {"id": renamed[annotation.id]}
        for name in ("speaker_id", "cue_id", "duplicate_of"):
            target = getattr(annotation, name)
            if target is None:
                continue
            if target in renamed:
                changes[name] = renamed[target]
                continue
            instead = gave_way.get(target)
            changes[name] = instead.id if instead is not None else None
            if instead is not None and name == "speaker_id":
                changes["speaker"] = instead.speaker
            elif instead is not None and name == "cue_id":
                changes["cue"] = " ".join(document.span_text(instead).split()) or None
        result.append(annotation.with_changes(**changes))
    document.reset_annotations(result)
    sections = [
        section.with_changes(id=old_sections.get((section.start, section.end, section.heading_id)) or document.new_id("section"))
        for section in derive_sections(document)
    ]
    document.add_all(sections)
    return document


def _same_span(a: Annotation, b: Annotation) -> bool:
    return (a.start, a.end) == (b.start, b.end)


class _KeptSpans:
    """The kept annotations of each type, to find the one a fresh suggestion overlaps."""

    def __init__(self, kept: Iterable[Annotation]) -> None:
        by_type: dict[str, list[Annotation]] = {}
        for annotation in kept:
            by_type.setdefault(annotation.type, []).append(annotation)
        self._starts: dict[str, list[int]] = {}
        self._reach: dict[str, list[int]] = {}  # the furthest end among the first i spans
        self._sorted: dict[str, list[Annotation]] = {}
        for type_name, of_type in by_type.items():
            of_type.sort(key=lambda a: (a.start, a.end))
            self._sorted[type_name] = of_type
            self._starts[type_name] = [a.start for a in of_type]
            reach, furthest = [], -1
            for annotation in of_type:
                furthest = max(furthest, annotation.end)
                reach.append(furthest)
            self._reach[type_name] = reach

    def blocking(self, fresh: Annotation) -> Annotation | None:
        """The kept annotation of ``fresh``'s type it overlaps (the one with its exact span, an
        active one, first), or None."""
        of_type = self._sorted.get(fresh.type)
        if not of_type:
            return None
        starts, reach = self._starts[fresh.type], self._reach[fresh.type]
        index = bisect_left(starts, max(fresh.end, fresh.start + 1)) - 1
        found: list[Annotation] = []
        while index >= 0 and reach[index] > fresh.start:
            candidate = of_type[index]
            if candidate.end > fresh.start and candidate.start < max(fresh.end, fresh.start + 1):
                found.append(candidate)
            index -= 1
        if not found:
            return None
        return min(found, key=lambda a: (not _same_span(a, fresh), not a.is_active, a.start))
