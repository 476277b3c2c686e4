"""Turning spans read from another tool into an Iqtibas document.

Both importers reduce a file to ``Span`` records (type, kind, code-point bounds, optional names,
links and note) and hand them here, so naming, linking, ids and the origin/status policy are the
same whatever the source format.

Policy: imported annotations are people's work, so they get ``origin`` ``manual``; their
``status`` is ``accepted`` unless the caller asks for ``pending`` (to step through them again in the
window). Formats that carry a provenance record for each annotation (XMI, Label Studio) bring an
unchanged annotation back exactly as it was exported, and a changed one back as a correction
(``core.interchange.carried``). Names: a speaker mention without a given canonical name is named by its own text (spaces
collapsed); a quote without a given speaker takes its linked mention's name; a quote without a
given cue takes its linked cue's text. Paragraphs and sections, which no other tool exchanges,
are derived from the text and the imported headings (automatic, pending), so that the window's
outline groups the imported quotes by section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.annotator.pipeline import add_structure
from core.interchange.carried import Provenance, changed_fields, decide
from core.model import ID_PREFIX, STATUSES, Annotation, Document


@dataclass
class Imported:
    """Documents read from a file, with one line per thing that could not be imported."""

    documents: list[tuple[str, Document]] = field(default_factory=list)  # (suggested name, document)
    warnings: list[str] = field(default_factory=list)


@dataclass(eq=False)
class Span:
    """One span read from another tool, before it becomes an annotation."""

    type: str
    kind: str | None
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None
    note: str | None = None
    names_given: bool = False  # speaker/cue come from Iqtibas metadata (even when None)
    speaker_link: Span | None = None
    cue_link: Span | None = None
    provenance: Provenance | None = None  # what it was when Iqtibas exported it, if known
    status: str | None = None  # a status the other tool states for this span, if any


def _collapse(value: str) -> str | None:
    return " ".join(value.split()) or None


def build_document(
    text: str,
    spans: list[Span],
    *,
    doc_id: str,
    source: str | None,
    status: str = "accepted",
    annotator: str | None = None,
    imported_from: str | None = None,
) -> Document:
    """A document of ``text`` holding ``spans`` as annotations.

    A span that comes back with its provenance keeps its exported id (when its type is unchanged
    and no other span claimed it first); the others get fresh ids that avoid those.
    """
    if status not in STATUSES:
        raise ValueError(f"status is one of {STATUSES}")
    meta: dict[str, object] = {"annotator": annotator}
    if imported_from:
        meta["imported_from"] = imported_from
    document = Document(text, id=doc_id, source=source, meta=meta)
    ids: dict[int, str] = {}
    reserved = {item.provenance.id for item in spans if item.provenance is not None}

    def fresh_id(type_name: str) -> str:
        while True:
            candidate = document.new_id(type_name)
            if candidate not in reserved:
                return candidate

    ordered = sorted(spans, key=lambda s: (s.type == "quote", s.start, -s.end))
    for item in ordered:  # mentions and cues before the quotes that link to them
        fields: dict[str, object] = {}
        if item.type == "speaker":
            fields["speaker"] = item.speaker if item.names_given else _collapse(text[item.start : item.end])
        elif item.type == "quote":
            speaker_link = ids.get(id(item.speaker_link)) if item.speaker_link else None
            cue_link = ids.get(id(item.cue_link)) if item.cue_link else None
            speaker, cue = item.speaker, item.cue
            if not item.names_given:
                if item.speaker_link is not None:
                    linked = item.speaker_link
                    speaker = linked.speaker if linked.names_given else _collapse(text[linked.start : linked.end])
                if item.cue_link is not None:
                    cue = _collapse(text[item.cue_link.start : item.cue_link.end])
            fields.update(kind=item.kind, speaker=speaker, speaker_id=speaker_link, cue=cue, cue_id=cue_link)
        record = item.provenance
        changed: tuple[str, ...] = ()
        if record is not None:
            now = {
                "type": item.type, "kind": item.kind, "start": item.start, "end": item.end,
                "speaker": fields.get("speaker"), "cue": fields.get("cue"),
                "speaker_id": _exported_id(item.speaker_link), "cue_id": _exported_id(item.cue_link),
            }
            changed = changed_fields(record, now)
            for name in ("speaker", "cue"):  # unchanged names come back exactly as they were written
                if name in fields and name not in changed:
                    fields[name] = getattr(record, name)
        decision = decide(record, changed, explicit=item.status, default_status=status)
        fields.update(decision.fields(item.type))
        keep = (
            record is not None and record.type == item.type and record.id not in document
            and re.fullmatch(rf"{ID_PREFIX[item.type]}[0-9]{{1,9}}", record.id) is not None  # an id Iqtibas gives
        )
        annotation = Annotation(
            id=record.id if keep and record is not None else fresh_id(item.type),
            type=item.type,
            start=item.start,
            end=item.end,
            note=item.note,
            **fields,  # type: ignore[arg-type]
        )
        document.add(annotation)
        ids[id(item)] = annotation.id
    return add_structure(document)  # paragraphs and sections are not exchanged: derive them


def _exported_id(linked: Span | None) -> str | None:
    """The id Iqtibas exported a linked span under (None: no link, or a span made elsewhere)."""
    return linked.provenance.id if linked is not None and linked.provenance is not None else None
