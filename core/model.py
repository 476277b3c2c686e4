"""The document model: an article's stored text and the annotations over it.

Annotations are immutable values; a document changes only through its operation methods (add,
remove, retype, resize, set speaker, set cue, set status ...). Each operation validates its input,
returns what undo needs (the previous value), and tells listeners what changed, so the window's
undo stack and item models can follow without the model knowing about Qt.

Offsets are Unicode code points of the stored text, end-exclusive.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from core.annotation import (
    ANNOTATION_FIELDS,
    CORRECTABLE_FIELDS,
    DIRECTIONS,
    ID_PREFIX,
    KINDS,
    ORIGINS,
    REFERENCE_FIELDS,
    STATUSES,
    TYPE_FIELDS,
    TYPED_FIELDS,
    TYPES,
    Annotation,
    AnnotationType,
    Origin,
    QuoteKind,
    Status,
)
from core.errors import ModelError
from core.metadata import default_meta, detect_direction, detect_language, now_iso, text_sha256

# The annotation value and its vocabulary live in core.annotation; the document model re-exports
# them so ``from core.model import Annotation, Document`` stays the one import most code needs.
__all__ = [
    "ANNOTATION_FIELDS",
    "CORRECTABLE_FIELDS",
    "DIRECTIONS",
    "ID_PREFIX",
    "KINDS",
    "ORIGINS",
    "REFERENCE_FIELDS",
    "STATUSES",
    "TYPES",
    "TYPE_FIELDS",
    "Annotation",
    "AnnotationType",
    "Document",
    "IdAllocator",
    "Listener",
    "ModelEvent",
    "Origin",
    "QuoteKind",
    "SpeakerInfo",
    "Status",
    "default_meta",
    "detect_direction",
    "detect_language",
    "now_iso",
    "text_sha256",
]

@dataclass(frozen=True)
class ModelEvent:
    """What changed: ``added`` (new), ``removed`` (old), ``changed`` (old and new), ``reset``."""

    kind: str
    old: Annotation | None = None
    new: Annotation | None = None


@dataclass(frozen=True)
class SpeakerInfo:
    """A speaker of the article: canonical name, other written forms, and where it appears."""

    name: str
    aliases: tuple[str, ...]
    quote_ids: tuple[str, ...]
    mention_ids: tuple[str, ...]


Listener = Callable[[ModelEvent], None]


class IdAllocator:
    """Fresh annotation ids per prefix (``q1``, ``q2`` …) that avoid ids already taken."""

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self.taken = set(taken)
        self._counters: dict[str, int] = {}

    def new(self, prefix: str) -> str:
        counter = self._counters.get(prefix, 0)
        while True:
            counter += 1
            candidate = f"{prefix}{counter}"
            if candidate not in self.taken:
                self._counters[prefix] = counter
                self.taken.add(candidate)
                return candidate


class Document:
    """An article's text with its annotations.

    The text never changes after construction. Annotations are kept in reading order
    (``Annotation.sort_key``); every change goes through a method below.
    """

    def __init__(
        self,
        text: str,
        *,
        id: str,
        source: str | None = None,
        language: str | None = None,
        direction: str | None = None,
        meta: Mapping[str, Any] | None = None,
        extra: Mapping[str, Any] | None = None,
        document_extra: Mapping[str, Any] | None = None,
        annotations: Iterable[Annotation] = (),
        last_ids: Mapping[str, int] | None = None,
    ) -> None:
        if not isinstance(text, str):
            raise ModelError("document text must be a string")
        self._text = text
        self.id = id
        self.source = source
        self.language = language if language is not None else detect_language(text)
        self.direction = direction if direction is not None else detect_direction(text)
        if self.direction not in DIRECTIONS:
            raise ModelError(f"direction must be rtl or ltr, not {self.direction!r}")
        self.meta: dict[str, Any] = default_meta()
        self.meta.update(meta or {})
        self.extra: dict[str, Any] = dict(extra or {})
        self.document_extra: dict[str, Any] = dict(document_extra or {})
        self._sha256: str | None = None
        self._by_id: dict[str, Annotation] = {}
        self._order: list[tuple[tuple[int, int, int, str], str]] = []
        self._listeners: list[Listener] = []
        # The highest number each id prefix was given in this file (``meta.last_ids``): ids of
        # removed annotations are never given to others. ``_high`` adds the ids seen since; it
        # is computed on first need (a removal, a new id, a save), then kept up to date.
        self._id_floor: dict[str, int] = {
            prefix: number for prefix, number in (last_ids or {}).items()
            if isinstance(prefix, str) and isinstance(number, int) and not isinstance(number, bool)
        }
        self._high: dict[str, int] | None = None
        pending = list(annotations)
        for annotation in pending:
            self._check_span(annotation)
            if annotation.id in self._by_id:
                raise ModelError(f"duplicate annotation id {annotation.id!r}")
            self._by_id[annotation.id] = annotation
        for annotation in pending:
            self._check_references(annotation)
        self._order = sorted((a.sort_key(), a.id) for a in pending)

    @classmethod
    def _from_validated(
        cls, text: str, *, sha256: str, annotations: list[Annotation], **kwargs: Any
    ) -> Document:
        """Internal: a document from a schema-valid, consistency-checked file.

        Only ``core.jsonformat`` calls this (``document_from_checked``), after ``validate_data`` found no
        problem: ``consistency_problems`` has already refused duplicate ids, spans past the end
        of the text, references to unknown ids, to the wrong type or to the annotation itself,
        and checked ``sha256`` against the text, so the per-annotation checks of the constructor
        are skipped and the hash is not computed again.
        """
        document = cls(text, **kwargs)
        document._sha256 = sha256
        by_id = {a.id: a for a in annotations}
        if len(by_id) != len(annotations):  # cheap, and a broken caller must not lose annotations
            raise ModelError("duplicate annotation id")
        document._by_id = by_id
        document._order = sorted([(a.sort_key(), a.id) for a in annotations])
        return document

    # Read access ----------------------------------------------------------------------------
    @property
    def text(self) -> str:
        return self._text

    @property
    def sha256(self) -> str:
        if self._sha256 is None:
            self._sha256 = text_sha256(self._text)
        return self._sha256

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[Annotation]:
        by_id = self._by_id
        return (by_id[key[1]] for key in self._order)

    def keyed(self) -> Iterator[tuple[tuple[tuple[int, int, int, str], str], Annotation]]:
        """Every annotation with its reading-order entry ``(sort_key(), id)``, in reading order
        (indexes kept in that order take the entries as they are)."""
        by_id = self._by_id
        return ((entry, by_id[entry[1]]) for entry in self._order)

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._by_id

    @property
    def annotations(self) -> list[Annotation]:
        """All annotations in reading order (a new list)."""
        return list(self)

    def get(self, annotation_id: str) -> Annotation:
        try:
            return self._by_id[annotation_id]
        except KeyError:
            raise ModelError(f"no annotation with id {annotation_id!r}") from None

    def find(self, annotation_id: str | None) -> Annotation | None:
        return self._by_id.get(annotation_id) if annotation_id else None

    def of_type(self, type_name: str, *, active_only: bool = False) -> list[Annotation]:
        return [
            a for a in self if a.type == type_name and (a.is_active or not active_only)
        ]

    def span_text(self, annotation: Annotation) -> str:
        return self._text[annotation.start : annotation.end]

    def index_of(self, annotation_id: str) -> int:
        """Position of the annotation in reading order."""
        annotation = self.get(annotation_id)
        return bisect_left(self._order, (annotation.sort_key(), annotation_id))

    def annotations_at(self, offset: int) -> list[Annotation]:
        """Annotations whose span contains ``offset`` (or is empty at it), outermost first."""
        return [
            a
            for a in self
            if a.start <= offset < a.end or (a.start == a.end == offset)
        ]

    def speakers(self) -> list[SpeakerInfo]:
        """The article's speakers: each canonical name with its aliases, quotes and mentions.

        Built from active quotes' ``speaker`` and speaker mentions; rejected ones are ignored.
        """
        quotes: dict[str, list[str]] = {}
        mentions: dict[str, list[str]] = {}
        aliases: dict[str, dict[str, None]] = {}
        for annotation in self:
            if not annotation.is_active or not annotation.speaker:
                continue
            name = annotation.speaker
            aliases.setdefault(name, {})
            if annotation.type == "quote":
                quotes.setdefault(name, []).append(annotation.id)
            elif annotation.type == "speaker":
                mentions.setdefault(name, []).append(annotation.id)
                written = self.span_text(annotation).strip()
                if written and written != name:
                    aliases[name][written] = None
        return [
            SpeakerInfo(
                name=name,
                aliases=tuple(aliases[name]),
                quote_ids=tuple(quotes.get(name, ())),
                mention_ids=tuple(mentions.get(name, ())),
            )
            for name in sorted(aliases, key=lambda n: (-len(quotes.get(n, ())), n))
        ]

    # Listeners --------------------------------------------------------------------------------
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def _emit(self, event: ModelEvent) -> None:
        for listener in list(self._listeners):
            listener(event)

    # Validation -------------------------------------------------------------------------------
    def _check_span(self, annotation: Annotation) -> None:
        if annotation.end > len(self._text):
            raise ModelError(
                f"{annotation.id}: span {annotation.start}–{annotation.end} runs past the end "
                f"of the text ({len(self._text)} characters)"
            )

    def _check_references(self, annotation: Annotation) -> None:
        for name, target_type in REFERENCE_FIELDS.items():
            target_id = getattr(annotation, name)
            if target_id is None:
                continue
            target = self._by_id.get(target_id)
            if target is None:
                raise ModelError(f"{annotation.id}: {name} points at unknown id {target_id!r}")
            if target.type != target_type:
                raise ModelError(
                    f"{annotation.id}: {name} must point at a {target_type}, "
                    f"{target_id!r} is a {target.type}"
                )
            if target_id == annotation.id:
                raise ModelError(f"{annotation.id}: {name} points at itself")

    # Ids ------------------------------------------------------------------------------------
    def new_id(self, type_name: str) -> str:
        """A fresh id for an annotation of ``type_name`` (``q12``, ``sp3`` ...).

        Never one this file has used before, even for an annotation removed since: an id names
        one annotation for the life of the file (researchers and other tools refer to them).
        """
        prefix = ID_PREFIX[type_name]
        high = self._high_water()
        number = high.get(prefix, 0) + 1
        while f"{prefix}{number}" in self._by_id:  # only ids that do not follow the pattern
            number += 1
        high[prefix] = number
        return f"{prefix}{number}"

    def last_ids(self) -> dict[str, int]:
        """The highest number given to each id prefix so far (saved as ``meta.last_ids``)."""
        return dict(sorted(self._high_water().items()))

    def _high_water(self) -> dict[str, int]:
        if self._high is None:
            high = dict(self._id_floor)
            for annotation_id in self._by_id:
                _note_id(high, annotation_id)
            self._high = high
        return self._high

    # Operations -------------------------------------------------------------------------------
    def add(self, annotation: Annotation) -> Annotation:
        """Add a new annotation; returns it."""
        if annotation.id in self._by_id:
            raise ModelError(f"an annotation with id {annotation.id!r} already exists")
        self._check_span(annotation)
        self._check_references(annotation)
        self._by_id[annotation.id] = annotation
        insort(self._order, (annotation.sort_key(), annotation.id))
        if self._high is not None:
            _note_id(self._high, annotation.id)
        self._emit(ModelEvent("added", new=annotation))
        return annotation

    def add_all(self, annotations: Iterable[Annotation]) -> None:
        """Add many new annotations at once (one sort, one ``reset`` event): for the annotator,
        which adds thousands; interactive edits use ``add``."""
        new = list(annotations)
        seen = set(self._by_id)
        for annotation in new:
            if annotation.id in seen:
                raise ModelError(f"an annotation with id {annotation.id!r} already exists")
            seen.add(annotation.id)
            self._check_span(annotation)
        for annotation in new:
            self._by_id[annotation.id] = annotation
        try:
            for annotation in new:
                self._check_references(annotation)
        except ModelError:
            for annotation in new:
                del self._by_id[annotation.id]
            raise
        self._order = sorted(self._order + [(a.sort_key(), a.id) for a in new])
        if self._high is not None:
            for annotation in new:
                _note_id(self._high, annotation.id)
        self._emit(ModelEvent("reset"))

    def reset_annotations(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Replace every annotation at once (re-annotation, file reload); returns the old ones.

        Validated like the constructor; listeners get one ``reset`` event.
        """
        new = list(annotations)
        old = self.annotations
        high = self._high_water()  # the ids leaving now stay taken
        by_id: dict[str, Annotation] = {}
        for annotation in new:
            self._check_span(annotation)
            if annotation.id in by_id:
                raise ModelError(f"duplicate annotation id {annotation.id!r}")
            by_id[annotation.id] = annotation
        previous = self._by_id
        self._by_id = by_id
        try:
            for annotation in new:
                self._check_references(annotation)
        except ModelError:
            self._by_id = previous
            raise
        self._order = sorted((a.sort_key(), a.id) for a in new)
        for annotation in new:
            _note_id(high, annotation.id)
        self._emit(ModelEvent("reset"))
        return old

    def remove(self, annotation_id: str) -> tuple[Annotation, list[Annotation]]:
        """Remove an annotation, unlinking every reference to it.

        Returns the removed annotation and the previous versions of the annotations that pointed
        at it (undo re-adds the first, then restores the others with ``replace``).
        """
        annotation = self.get(annotation_id)
        self._high_water()  # computed while the id is still here: it is never given again
        unlinked: list[Annotation] = []
        for other in list(self):
            changes = {
                name: None
                for name in REFERENCE_FIELDS
                if getattr(other, name) == annotation_id
            }
            if changes:
                unlinked.append(other)
                self._store(other, other.with_changes(**changes))
        del self._by_id[annotation_id]
        self._order.pop(bisect_left(self._order, (annotation.sort_key(), annotation_id)))
        self._emit(ModelEvent("removed", old=annotation))
        return annotation, unlinked

    def replace(self, annotation: Annotation) -> Annotation:
        """Replace the annotation with the same id by ``annotation``; returns the old version."""
        old = self.get(annotation.id)
        self._check_span(annotation)
        self._check_references(annotation)
        self._store(old, annotation)
        return old

    def _store(self, old: Annotation, new: Annotation) -> None:
        if old == new:
            return
        if old.sort_key() != new.sort_key():
            self._order.pop(bisect_left(self._order, (old.sort_key(), old.id)))
            insort(self._order, (new.sort_key(), new.id))
        self._by_id[new.id] = new
        self._emit(ModelEvent("changed", old=old, new=new))

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        """Change fields of one annotation; returns the old version."""
        old = self.get(annotation_id)
        try:
            new = old.with_changes(**changes)
        except TypeError as error:
            raise ModelError(f"{annotation_id}: {error}") from None
        return self.replace(new)

    def retype(self, annotation_id: str, type_name: str, kind: str | None = None) -> Annotation:
        """Change an annotation's type, dropping fields the new type does not have.

        A new quote gets ``kind`` (default direct). Returns the old version.
        """
        if type_name not in TYPES:
            raise ModelError(f"unknown type {type_name!r}")
        old = self.get(annotation_id)
        changes: dict[str, Any] = dict.fromkeys(TYPED_FIELDS)
        for name in TYPE_FIELDS.get(type_name, ()):
            changes[name] = getattr(old, name) if old.type in _types_with(name) else None
        if type_name == "quote":
            changes["kind"] = kind or old.kind or "direct"
        elif kind is not None:
            raise ModelError("only quotes have a kind")
        changes["type"] = type_name
        if old.type != type_name and self._is_referenced(annotation_id):
            # References are typed (speaker_id -> speaker ...): a retyped target unlinks them.
            for other in list(self):
                link = {n: None for n in REFERENCE_FIELDS if getattr(other, n) == annotation_id}
                if link:
                    raise ModelError(
                        f"{annotation_id} is referenced by {other.id}; unlink it before retyping"
                    )
        return self.replace(old.with_changes(**changes))

    def _is_referenced(self, annotation_id: str) -> bool:
        return any(
            getattr(other, name) == annotation_id for other in self for name in REFERENCE_FIELDS
        )

    def resize(self, annotation_id: str, start: int, end: int) -> Annotation:
        """Move an annotation's boundaries; returns the old version."""
        return self.update(annotation_id, start=start, end=end)

    def set_kind(self, annotation_id: str, kind: str) -> Annotation:
        return self.update(annotation_id, kind=kind)

    def set_status(self, annotation_id: str, status: str) -> Annotation:
        return self.update(annotation_id, status=status)

    def set_speaker(
        self, annotation_id: str, speaker: str | None, speaker_id: str | None = None
    ) -> Annotation:
        """Set a quote's speaker (canonical name) and optionally the mention it links to."""
        old = self.get(annotation_id)
        if old.type not in ("quote", "speaker"):
            raise ModelError(f"{annotation_id} is a {old.type}; only quotes have a speaker")
        speaker = _clean_name(speaker)
        if old.type == "speaker":
            if speaker_id is not None:
                raise ModelError("a speaker mention does not link to another mention")
            return self.update(annotation_id, speaker=speaker)
        return self.update(annotation_id, speaker=speaker, speaker_id=speaker_id)

    def set_cue(self, annotation_id: str, cue: str | None, cue_id: str | None = None) -> Annotation:
        old = self.get(annotation_id)
        if old.type != "quote":
            raise ModelError(f"{annotation_id} is a {old.type}; only quotes have a cue")
        return self.update(annotation_id, cue=_clean_name(cue), cue_id=cue_id)

    def rename_speaker(self, old_name: str, new_name: str) -> list[Annotation]:
        """Give every quote and mention of ``old_name`` the speaker ``new_name`` (a merge).

        Returns the previous versions of the changed annotations.
        """
        new_name = _clean_name(new_name) or ""
        if not new_name:
            raise ModelError("a speaker name cannot be empty")
        changed = []
        for annotation in list(self):
            if annotation.speaker == old_name and annotation.type in ("quote", "speaker"):
                changed.append(self.update(annotation.id, speaker=new_name))
        return changed

    def replace_all(self, type_name: str, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Replace every annotation of a derived type (sections) at once; returns the old ones."""
        new = list(annotations)
        if any(a.type != type_name for a in new):
            raise ModelError(f"replace_all({type_name!r}) was given another type")
        old = self.of_type(type_name)
        for annotation in old:
            self.remove(annotation.id)
        for annotation in new:
            self.add(annotation)
        return old

    # Equality -------------------------------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Document):
            return NotImplemented
        return (
            self._text == other._text
            and self.id == other.id
            and self.source == other.source
            and self.language == other.language
            and self.direction == other.direction
            and self.meta == other.meta
            and self.extra == other.extra
            and self.document_extra == other.document_extra
            and self.annotations == other.annotations
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, {len(self._text)} chars, {len(self)} annotations)"


_ID_PATTERN = re.compile(r"([a-z]+)([0-9]{1,18})")


def _note_id(high: dict[str, int], annotation_id: str) -> None:
    """Raise ``high``'s number for the id's prefix to the id's number (``q12`` -> q: 12)."""
    match = _ID_PATTERN.fullmatch(annotation_id)
    if match is not None:
        prefix, number = match.group(1), int(match.group(2))
        if number > high.get(prefix, 0):
            high[prefix] = number


def _types_with(field_name: str) -> tuple[str, ...]:
    return tuple(t for t, names in TYPE_FIELDS.items() if field_name in names)


def _clean_name(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


