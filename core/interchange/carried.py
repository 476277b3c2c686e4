"""The Iqtibas fields other tools carry, and what an import makes of them when they come back.

XMI, Label Studio and Parquet carry, beside each span and its label, the annotation's ``kind``,
``speaker``, ``cue``, ``status``, ``confidence``, ``origin``, ``speaker_confidence`` (automatic
quotes) and ``corrected`` (the fields a person changed). XMI and Label Studio also carry a
*provenance* record: what the annotation was when it was exported (id, type, kind, span, names,
links, origin, status, confidences, corrections, note). On import the record decides:

* **unchanged** (same type, kind, span, speaker, cue and links): the annotation comes back as it
  was exported — origin, status, confidences and corrections — so a round trip is exact; a status
  set in the other tool (XMI's ``status`` feature) is honoured;
* **changed** in the other tool: a person corrected it, and a correction is a review. An automatic
  annotation stays automatic, becomes ``accepted`` (or ``rejected`` where the tool says so) and lists
  what changed in ``corrected``, exactly as a correction made in the window would, so nothing
  automatic can ever refresh it away; a manual annotation changed there stays manual;
* **no record** (made in the other tool): ``manual``, with the importer's ``--status``.

Offsets in the record are code points of the article, as everywhere in Iqtibas.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from core.model import CORRECTABLE_FIELDS as CORRECTABLE
from core.model import ORIGINS, STATUSES, TYPES, Annotation


@dataclass(frozen=True)
class Provenance:
    """What an annotation was when it was exported (code-point offsets)."""

    id: str
    type: str
    start: int
    end: int
    origin: str
    status: str
    kind: str | None = None
    speaker: str | None = None
    cue: str | None = None
    speaker_id: str | None = None
    cue_id: str | None = None
    confidence: float | None = None
    speaker_confidence: float | None = None
    corrected: tuple[str, ...] = ()
    note: str | None = None

    @classmethod
    def of(cls, annotation: Annotation, exported_ids: set[str] | None = None) -> Provenance:
        """The record of ``annotation``; links to annotations not in ``exported_ids`` (when given)
        are left out, as they cannot travel (a link to a rejected mention, say)."""
        record = cls(
            id=annotation.id, type=annotation.type, start=annotation.start, end=annotation.end,
            origin=annotation.origin, status=annotation.status, kind=annotation.kind,
            speaker=annotation.speaker, cue=annotation.cue, speaker_id=annotation.speaker_id,
            cue_id=annotation.cue_id, confidence=annotation.confidence,
            speaker_confidence=annotation.speaker_confidence, corrected=annotation.corrected,
            note=annotation.note,
        )
        if exported_ids is None:
            return record
        return replace(
            record,
            speaker_id=record.speaker_id if record.speaker_id in exported_ids else None,
            cue_id=record.cue_id if record.cue_id in exported_ids else None,
        )

    def to_json(self) -> dict[str, Any]:
        """The record as a JSON object, leaving out empty fields."""
        out: dict[str, Any] = {}
        for item in fields(self):
            value = getattr(self, item.name)
            if value is None or value == ():
                continue
            out[item.name] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_json(cls, value: Any) -> Provenance | None:
        """The record read back, or None when ``value`` is not one (edited by hand, truncated …):
        an annotation without a usable record is treated as made in the other tool."""
        if not isinstance(value, dict):
            return None
        try:
            corrected = value.get("corrected", [])
            record = cls(
                id=_text(value["id"]), type=_text(value["type"]), start=_count(value["start"]),
                end=_count(value["end"]), origin=_text(value["origin"]), status=_text(value["status"]),
                kind=_optional_text(value.get("kind")), speaker=_optional_text(value.get("speaker")),
                cue=_optional_text(value.get("cue")), speaker_id=_optional_text(value.get("speaker_id")),
                cue_id=_optional_text(value.get("cue_id")), confidence=_share(value.get("confidence")),
                speaker_confidence=_share(value.get("speaker_confidence")),
                corrected=tuple(name for name in corrected if name in CORRECTABLE) if isinstance(corrected, list) else (),
                note=_optional_text(value.get("note")),
            )
        except (KeyError, TypeError, ValueError):
            return None
        if record.origin not in ORIGINS or record.status not in STATUSES or record.type not in TYPES:
            return None
        return record


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise TypeError("not a string")
    return value


def _optional_text(value: Any) -> str | None:
    if value is None or isinstance(value, str):  # names and notes may be empty strings
        return value
    raise TypeError("not a string")


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError("not an offset")
    return value


def _share(value: Any) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ValueError("not between 0 and 1")
    return float(value)


@dataclass(frozen=True)
class Decision:
    """The origin, status, confidences and corrections an imported annotation gets."""

    origin: str
    status: str
    confidence: float | None = None
    speaker_confidence: float | None = None
    corrected: tuple[str, ...] = ()

    def fields(self, type_name: str) -> dict[str, Any]:
        """As ``Annotation`` keyword arguments for an annotation of ``type_name``."""
        out: dict[str, Any] = {"origin": self.origin, "status": self.status, "confidence": self.confidence}
        if type_name == "quote":
            out["speaker_confidence"] = self.speaker_confidence
        out["corrected"] = self.corrected
        return out


def changed_fields(record: Provenance, now: dict[str, Any]) -> tuple[str, ...]:
    """The ``CORRECTABLE`` fields whose value in ``now`` differs from the record's, in order.

    ``now`` holds the imported annotation's ``type``, ``kind``, ``start``, ``end``, ``speaker``,
    ``cue`` and, for ``speaker_id``/``cue_id``, the exported id of the annotation it links to
    (None when the link is new or gone).
    """
    def same(name: str) -> bool:
        if name in ("speaker", "cue"):  # names compare as the model keeps them: spaces collapsed
            return _name(now.get(name)) == _name(getattr(record, name))
        return bool(now.get(name) == getattr(record, name))

    return tuple(name for name in CORRECTABLE if not same(name))


def _name(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def decide(record: Provenance | None, changed: tuple[str, ...], *, explicit: str | None, default_status: str) -> Decision:
    """What an imported annotation becomes (see the module docstring).

    ``explicit`` is a status the other tool states for this annotation (``None`` where it has none).
    """
    if explicit is not None and explicit not in STATUSES:
        explicit = None
    if record is None:
        return Decision("manual", explicit or default_status)
    if not changed:
        return Decision(
            record.origin, explicit or record.status, record.confidence,
            record.speaker_confidence if record.origin == "auto" else None, record.corrected,
        )
    reviewed = explicit if explicit in ("accepted", "rejected") else None
    if record.origin == "auto":
        union = set(record.corrected) | set(changed)
        return Decision(
            "auto", reviewed or "accepted", record.confidence, record.speaker_confidence,
            tuple(name for name in CORRECTABLE if name in union),
        )
    return Decision("manual", reviewed or default_status)

