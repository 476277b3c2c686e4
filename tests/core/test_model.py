from __future__ import annotations

import pytest

from core.errors import ModelError
from core.model import Annotation, Document, ModelEvent

TEXT = "وقال دميتري بيسكوف: «سندرس الأمر». وأضاف بيسكوف أن القرار لم يتخذ بعد."


def make_document() -> Document:
    return Document(TEXT, id="doc")


def test_defaults_detect_language_direction_and_hash() -> None:
    document = make_document()
    assert document.language == "ar"
    assert document.direction == "rtl"
    assert len(document.sha256) == 64
    assert Document("Hello world", id="en").direction == "ltr"


def test_add_keeps_reading_order_and_emits_events() -> None:
    document = make_document()
    events: list[ModelEvent] = []
    document.add_listener(events.append)
    quote = document.add(Annotation("q1", "quote", 21, 32, kind="direct"))
    speaker = document.add(Annotation("sp1", "speaker", 5, 18, speaker="دميتري بيسكوف"))
    section = document.add(Annotation("s1", "section", 0, len(TEXT), heading_id=None))
    assert [a.id for a in document] == ["s1", "sp1", "q1"]
    assert [e.kind for e in events] == ["added", "added", "added"]
    assert events[0].new is quote and events[1].new is speaker and events[2].new is section
    assert document.span_text(quote) == "سندرس الأمر"
    assert [(entry, a.id) for entry, a in document.keyed()] == [((a.sort_key(), a.id), a.id) for a in document]
    document.resize("q1", 19, 33)  # moves in reading order: the entries follow
    assert [entry for entry, _a in document.keyed()] == sorted((a.sort_key(), a.id) for a in document)


@pytest.mark.parametrize(
    ("annotation", "message"),
    [
        (Annotation("x", "quote", 0, 4, kind="direct").with_changes(end=10_000), "runs past the end"),
    ],
)
def test_add_refuses_spans_past_the_end(annotation: Annotation, message: str) -> None:
    with pytest.raises(ModelError, match=message):
        make_document().add(annotation)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"type": "nonsense"}, "unknown type"),
        ({"start": -1}, "start must be an integer"),
        ({"start": 5, "end": 2}, "before start"),
        ({"status": "maybe"}, "unknown status"),
        ({"origin": "robot"}, "origin must be"),
        ({"confidence": 1.5}, "confidence"),
        ({"type": "quote", "kind": "sideways"}, "kind is direct or indirect"),
        ({"type": "heading", "kind": "direct"}, "only quotes have a kind"),
        ({"type": "heading", "speaker": "x"}, "has no speaker"),
    ],
)
def test_annotations_validate_their_fields(fields: dict[str, object], message: str) -> None:
    base: dict[str, object] = {"id": "a", "type": "heading", "start": 0, "end": 3}
    base.update(fields)
    with pytest.raises(ModelError, match=message):
        Annotation(**base)  # type: ignore[arg-type]


def test_duplicate_ids_and_bad_references_are_refused() -> None:
    document = make_document()
    document.add(Annotation("q1", "quote", 21, 32, kind="direct"))
    with pytest.raises(ModelError, match="already exists"):
        document.add(Annotation("q1", "heading", 0, 3))
    with pytest.raises(ModelError, match="unknown id"):
        document.add(Annotation("q2", "quote", 40, 60, kind="indirect", speaker_id="nope"))
    with pytest.raises(ModelError, match="must point at a speaker"):
        document.add(Annotation("q2", "quote", 40, 60, kind="indirect", speaker_id="q1"))


def test_remove_unlinks_references_and_returns_what_undo_needs() -> None:
    document = make_document()
    document.add(Annotation("sp1", "speaker", 5, 18, speaker="دميتري بيسكوف"))
    document.add(Annotation("q1", "quote", 21, 32, kind="direct", speaker="دميتري بيسكوف", speaker_id="sp1"))
    removed, unlinked = document.remove("sp1")
    assert removed.id == "sp1"
    assert [a.speaker_id for a in unlinked] == ["sp1"]
    assert document.get("q1").speaker_id is None
    # Undo: add back, then restore the previous versions.
    document.add(removed)
    for previous in unlinked:
        document.replace(previous)
    assert document.get("q1").speaker_id == "sp1"


def test_retype_drops_fields_and_resize_reorders() -> None:
    document = make_document()
    document.add(Annotation("q1", "quote", 21, 32, kind="direct", speaker="بيسكوف", cue="وقال"))
    old = document.retype("q1", "heading")
    assert old.kind == "direct"
    heading = document.get("q1")
    assert heading.type == "heading" and heading.kind is None and heading.speaker is None
    document.retype("q1", "quote", kind="indirect")
    assert document.get("q1").kind == "indirect"
    document.add(Annotation("h1", "heading", 0, 4))
    assert [a.id for a in document] == ["h1", "q1"]
    document.resize("q1", 0, 2)
    assert [a.id for a in document] == ["h1", "q1"]
    document.resize("q1", 0, 10)
    assert [a.id for a in document] == ["q1", "h1"]
    with pytest.raises(ModelError):
        document.resize("q1", 10, 2)


def test_speaker_operations_and_index() -> None:
    document = make_document()
    document.add(Annotation("sp1", "speaker", 5, 18, speaker="دميتري بيسكوف"))
    document.add(Annotation("sp2", "speaker", 41, 47, speaker="دميتري بيسكوف"))
    document.add(Annotation("q1", "quote", 21, 32, kind="direct", speaker="دميتري بيسكوف", speaker_id="sp1"))
    document.add(Annotation("q2", "quote", 51, 70, kind="indirect", speaker="بيسكوف"))
    document.set_speaker("q2", "  دميتري   بيسكوف ", "sp2")
    assert document.get("q2").speaker == "دميتري بيسكوف"
    [info] = document.speakers()
    assert info.name == "دميتري بيسكوف"
    assert info.quote_ids == ("q1", "q2")
    assert info.aliases == ("بيسكوف",)
    changed = document.rename_speaker("دميتري بيسكوف", "د. بيسكوف")
    assert {a.id for a in changed} == {"sp1", "sp2", "q1", "q2"}
    assert {a.speaker for a in document} == {"د. بيسكوف"}
    with pytest.raises(ModelError, match="only quotes have a cue"):
        document.set_cue("sp1", "قال")
    document.set_status("q1", "rejected")
    assert [s.quote_ids for s in document.speakers()] == [("q2",)]


def test_equality_covers_text_annotations_and_meta() -> None:
    a, b = make_document(), make_document()
    assert a == b
    a.add(Annotation("h1", "heading", 0, 4))
    assert a != b
    b.add(Annotation("h1", "heading", 0, 4))
    assert a == b
    b.meta["annotator"] = "x"
    assert a != b
