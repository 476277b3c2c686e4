"""One annotated span and the vocabulary of its fields (types, kinds, origins, statuses).

Kept apart from the document model (``core.model``) because everything else builds on it: the
annotator, the JSON codec and the interchange formats make annotations without needing a document.
Offsets are Unicode code points of the stored text, end-exclusive.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from typing import Any, Literal, get_args

from core.errors import ModelError

# The values annotation fields take, as types for code that produces them (the annotator);
# ``Annotation`` checks them at run time against the tuples below.
AnnotationType = Literal["title", "heading", "section", "paragraph", "boilerplate", "quote", "speaker", "cue"]
QuoteKind = Literal["direct", "indirect"]
Origin = Literal["auto", "manual"]
Status = Literal["pending", "accepted", "rejected"]
TYPES: tuple[AnnotationType, ...] = get_args(AnnotationType)
# Order of types starting at the same offset with the same end: containers first.
_TYPE_RANK: dict[str, int] = {name: rank for rank, name in enumerate(TYPES)}
KINDS: tuple[QuoteKind, ...] = get_args(QuoteKind)
ORIGINS: tuple[Origin, ...] = get_args(Origin)
STATUSES: tuple[Status, ...] = get_args(Status)
DIRECTIONS = ("rtl", "ltr")
# Fields a person's correction can change, in the order ``Annotation.corrected`` lists them.
CORRECTABLE_FIELDS = ("type", "kind", "start", "end", "speaker", "speaker_id", "cue", "cue_id")
ID_PREFIX = {
    "title": "t",
    "heading": "h",
    "section": "s",
    "paragraph": "p",
    "boilerplate": "b",
    "quote": "q",
    "speaker": "sp",
    "cue": "c",
}
# Fields that only make sense on some types; retyping drops the others.
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "quote": ("kind", "speaker", "speaker_id", "cue", "cue_id", "speaker_confidence"),
    "speaker": ("speaker",),
    "section": ("heading_id",),
    "paragraph": ("duplicate_of",),
}
TYPED_FIELDS = {name for names in TYPE_FIELDS.values() for name in names}
# Which annotation type each reference field must point at.
REFERENCE_FIELDS = {
    "speaker_id": "speaker",
    "cue_id": "cue",
    "heading_id": "heading",
    "duplicate_of": "paragraph",
}



@dataclass(frozen=True, eq=True)
class Annotation:
    """One annotated span. Immutable: operations replace it with an updated copy.

    ``confidence`` is set on automatic annotations only (how sure the annotator was, 0..1);
    ``corrected`` names the fields a person changed (``CORRECTABLE_FIELDS`` order), so a file
    tells a corrected suggestion from an untouched one; ``extra`` keeps fields written by newer
    versions so a round trip does not lose them.
    """

    id: str
    type: str
    start: int
    end: int
    origin: str = "manual"
    status: str = "accepted"
    confidence: float | None = None
    kind: str | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    cue: str | None = None
    cue_id: str | None = None
    heading_id: str | None = None
    duplicate_of: str | None = None
    note: str | None = None
    speaker_confidence: float | None = None
    corrected: tuple[str, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)

    __hash__ = None  # type: ignore[assignment]  # extra is a dict; annotations are not keys

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id:
            raise ModelError(f"annotation id must be a non-empty string, got {self.id!r}")
        if self.type not in TYPES:
            raise ModelError(f"{self.id}: unknown type {self.type!r} (one of {', '.join(TYPES)})")
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ModelError(f"{self.id}: {name} must be an integer ≥ 0, got {value!r}")
        if self.end < self.start:
            raise ModelError(f"{self.id}: end {self.end} is before start {self.start}")
        if self.origin not in ORIGINS:
            raise ModelError(f"{self.id}: origin must be auto or manual, got {self.origin!r}")
        if self.status not in STATUSES:
            raise ModelError(f"{self.id}: unknown status {self.status!r}")
        if self.confidence is not None and not (
            isinstance(self.confidence, (int, float)) and 0.0 <= self.confidence <= 1.0
        ):
            raise ModelError(f"{self.id}: confidence must be between 0 and 1")
        if self.speaker_confidence is not None and not (
            isinstance(self.speaker_confidence, (int, float)) and 0.0 <= self.speaker_confidence <= 1.0
        ):
            raise ModelError(f"{self.id}: speaker confidence must be between 0 and 1")
        if not isinstance(self.corrected, tuple) or any(name not in CORRECTABLE_FIELDS for name in self.corrected):
            raise ModelError(
                f"{self.id}: corrected lists the changed fields among {', '.join(CORRECTABLE_FIELDS)}, "
                f"got {self.corrected!r}"
            )
        if self.type == "quote":
            if self.kind not in KINDS:
                raise ModelError(f"{self.id}: a quote's kind is direct or indirect, not {self.kind!r}")
        elif self.kind is not None:
            raise ModelError(f"{self.id}: only quotes have a kind")
        allowed = TYPE_FIELDS.get(self.type, ())
        for name in TYPED_FIELDS - set(allowed):
            if getattr(self, name) is not None:
                raise ModelError(f"{self.id}: a {self.type} has no {name}")

    @property
    def length(self) -> int:
        return self.end - self.start

    @property
    def is_active(self) -> bool:
        """Counts in the outline: everything except rejected annotations."""
        return self.status != "rejected"

    def sort_key(self) -> tuple[int, int, int, str]:
        """Reading order: by start, longer (containing) spans first, containers before content."""
        return (self.start, -self.end, _TYPE_RANK[self.type], self.id)

    def with_changes(self, **changes: Any) -> Annotation:
        """A copy with ``changes`` applied (validated like a new annotation)."""
        return replace(self, **changes)

    @classmethod
    def _from_validated(cls, values: dict[str, Any], without: str | None = None) -> Annotation:
        """Internal: an annotation from a schema-valid, consistency-checked file, unchecked.

        Only ``core.jsonformat`` calls this (``document_from_checked``), after ``validate_data``
        found no problem. The constructor's checks would only repeat what those already proved: the schema
        requires a non-empty string ``id``, a ``type``, ``origin``, ``status`` and ``kind`` from
        the same lists as ``TYPES``/``ORIGINS``/``STATUSES``/``KINDS`` (a test compares them),
        non-negative integer offsets, a confidence in 0..1, a ``kind`` on every quote and on
        nothing else, and typed fields (``speaker``, ``heading_id`` …) only on their types;
        ``consistency_problems`` adds ``start ≤ end``, offsets that are Python ints (the schema
        takes ``5.0`` for an integer) and the span inside the text. Skipping ``__init__`` (one
        ``object.__setattr__`` per field on a frozen dataclass) and ``__post_init__`` halves the
        time to build the 22,000 annotations of a 1 MB article. ``values`` must hold only
        dataclass fields, and the key ``without`` (left out: a file item's ``text``, so the
        caller need not copy it); the other fields keep their defaults.
        """
        annotation = object.__new__(cls)
        state = {**_FIELDS_IN_ORDER, "extra": {}, **values}
        if without is not None:
            del state[without]
        object.__setattr__(annotation, "__dict__", state)
        return annotation

    @classmethod
    def _made(cls, values: dict[str, Any]) -> Annotation:
        """Internal: ``cls(**values)``, checked by ``__post_init__`` like any new annotation and
        holding the same fields in the same order, without the frozen dataclass's one
        ``object.__setattr__`` per field (the automatic annotator makes thousands per megabyte;
        this is a third of the time). ``values`` must name ``id``, ``type``, ``start`` and
        ``end``, and dataclass fields only."""
        if not values.keys() <= _FIELD_NAMES:
            raise TypeError(f"not annotation fields: {', '.join(sorted(values.keys() - _FIELD_NAMES))}")
        annotation = object.__new__(cls)
        state: dict[str, Any] = {**_FIELDS_IN_ORDER, "extra": {}}
        state.update(values)
        object.__setattr__(annotation, "__dict__", state)
        annotation.__post_init__()
        return annotation


ANNOTATION_FIELDS = tuple(f.name for f in fields(Annotation))
_FIELD_NAMES = frozenset(ANNOTATION_FIELDS)
# Every field but ``extra`` (a new dict per annotation) in declaration order, with its default, or
# None for the four required ones (``_made`` and ``_from_validated`` are always given those).
_FIELDS_IN_ORDER: dict[str, Any] = {f.name: None if f.default is MISSING else f.default for f in fields(Annotation) if f.name != "extra"}
