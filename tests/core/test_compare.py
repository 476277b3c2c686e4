from __future__ import annotations

import pytest

from core.compare import (
    BOUNDARY,
    CUE,
    KIND,
    ONLY_A,
    ONLY_B,
    SPEAKER,
    Edit,
    apply_edits,
    compare,
    summary,
    take,
)
from core.errors import ModelError
from core.jsonformat import dumps_document
from core.model import Annotation, Document

# Astral characters (an emoji and U+1EE00 ARABIC MATHEMATICAL ALEF) before the spans: offsets are
# code points, so every span below must still select the right words.
TEXT = (
    "عنوان 😀 الخبر\n"
    "قال الوزير 𞸀 سامي: «سنبني السد هذا العام». وأضاف الوزير أن التمويل متوفر.\n"
    "وأكدت الوكالة أن العمل بدأ."
)


def find(fragment: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(fragment, start + 1)
    return start, start + len(fragment)


def base_document(doc_id: str) -> Document:
    document = Document(TEXT, id=doc_id)
    t = find("عنوان 😀 الخبر")
    document.add(Annotation("t1", "title", *t))
    sp = find("الوزير 𞸀 سامي")
    document.add(Annotation("sp1", "speaker", *sp, speaker="سامي الوزير"))
    c = find("قال")
    document.add(Annotation("c1", "cue", *c))
    q = find("سنبني السد هذا العام")
    document.add(Annotation("q1", "quote", *q, kind="direct", speaker="سامي الوزير", speaker_id="sp1", cue="قال", cue_id="c1"))
    q2 = find("التمويل متوفر")
    document.add(Annotation("q2", "quote", *q2, kind="indirect", speaker="سامي الوزير", cue="وأضاف"))
    return document


def test_identical_documents_have_no_differences() -> None:
    a, b = base_document("a"), base_document("b")
    assert compare(a, b) == []
    assert summary([]) == {ONLY_A: 0, ONLY_B: 0, BOUNDARY: 0, KIND: 0, SPEAKER: 0, CUE: 0}


def test_documents_of_different_texts_are_refused() -> None:
    a = base_document("a")
    b = Document(TEXT + " ", id="b")
    with pytest.raises(ModelError, match="different texts"):
        compare(a, b)


def test_only_in_a_and_only_in_b() -> None:
    a, b = base_document("a"), base_document("b")
    extra = find("العمل بدأ")
    b.add(Annotation("q9", "quote", *extra, kind="indirect", speaker="الوكالة"))
    a.remove("t1")
    differences = compare(a, b)
    assert [(d.category, d.type) for d in differences] == [(ONLY_B, "title"), (ONLY_B, "quote")]
    title, quote = differences
    assert title.a is None and title.b is not None and title.b.id == "t1"
    assert TEXT[quote.start:quote.end] == "العمل بدأ"
    assert quote.label == "only in B"
    swapped = compare(b, a)
    assert [d.category for d in swapped] == [ONLY_A, ONLY_A]


def test_boundary_speaker_and_cue_differences_on_one_pair() -> None:
    a, b = base_document("a"), base_document("b")
    wider = find("«سنبني السد هذا العام»")
    b.update("q1", start=wider[0], end=wider[1], speaker="الوزير", speaker_id=None)
    differences = compare(a, b)
    assert len(differences) == 1
    difference = differences[0]
    assert difference.category == BOUNDARY
    assert difference.aspects == (BOUNDARY, SPEAKER)
    assert difference.label == "different boundary, different speaker"
    assert difference.a is a.get("q1") and difference.b is b.get("q1")
    assert (difference.start, difference.end) == wider
    b.update("q1", start=difference.a.start, end=difference.a.end, speaker="سامي الوزير", cue="قالَ")
    assert compare(a, b) == []  # cues compared folded: a diacritic is not a difference
    b.update("q1", cue="ذكر")
    assert [d.aspects for d in compare(a, b)] == [(CUE,)]


def test_speaker_names_are_compared_folded() -> None:
    a, b = base_document("a"), base_document("b")
    b.update("q2", speaker="سامى الوزيـــر")  # alef maqsura for ya, tatweel
    assert compare(a, b) == []
    b.update("q2", speaker="خالد")
    assert [(d.category, d.type, d.b.speaker) for d in compare(a, b)] == [(SPEAKER, "quote", "خالد")]
    b.update("sp1", speaker="سامي")
    assert [(d.category, d.type) for d in compare(a, b)] == [(SPEAKER, "speaker"), (SPEAKER, "quote")]


def test_kind_difference_and_small_overlaps() -> None:
    a, b = base_document("a"), base_document("b")
    b.retype("q2", "quote", kind="direct")
    assert [d.aspects for d in compare(a, b)] == [(KIND,)]
    # A quote overlapping less than half of the longer span is a different quote.
    b2 = base_document("b2")
    start, end = find("التمويل متوفر")
    b2.update("q2", start=start + 9, end=end + 10)
    categories = sorted(d.category for d in compare(a, b2))
    assert categories == [ONLY_A, ONLY_B]
    # ... while one overlapping at least half is the same quote with a different boundary.
    b3 = base_document("b3")
    b3.update("q2", start=start, end=end + 2)
    assert [d.aspects for d in compare(a, b3)] == [(BOUNDARY,)]


def test_rejected_annotations_do_not_count() -> None:
    a, b = base_document("a"), base_document("b")
    b.set_status("q2", "rejected")
    assert [(d.category, d.a.id) for d in compare(a, b)] == [(ONLY_A, "q2")]
    a.set_status("q2", "rejected")
    assert compare(a, b) == []


def test_sections_and_paragraphs_are_not_compared_by_default() -> None:
    a, b = base_document("a"), base_document("b")
    b.add(Annotation("p1", "paragraph", 0, 5))
    assert compare(a, b) == []
    assert [d.type for d in compare(a, b, types=("paragraph",))] == ["paragraph"]


def test_as_dict_is_json_ready() -> None:
    a, b = base_document("a"), base_document("b")
    b.update("q2", speaker="خالد")
    data = compare(a, b)[0].as_dict(TEXT)
    assert data["category"] == SPEAKER and data["type"] == "quote"
    assert data["a"]["text"] == "التمويل متوفر" and data["b"]["speaker"] == "خالد"


def snapshot(document: Document) -> str:
    return dumps_document(document)


def test_take_other_version_replaces_in_place_and_undoes() -> None:
    a, b = base_document("a"), base_document("b")
    wider = find("«سنبني السد هذا العام»")
    b.update("q1", start=wider[0], end=wider[1], speaker="الوزير")
    before = snapshot(a)
    (difference,) = compare(a, b)
    edits = take(a, difference, "b")
    assert [e.op for e in edits] == ["replace"]
    undo = apply_edits(a, edits)
    taken = a.get("q1")
    assert (taken.start, taken.end, taken.speaker) == (wider[0], wider[1], "الوزير")
    # The link to the speaker mention is re-targeted at A's mention of the same span.
    assert taken.speaker_id == "sp1" and taken.cue_id == "c1"
    assert compare(a, b) == []
    apply_edits(a, undo)
    assert snapshot(a) == before
    # Taking our own side changes nothing.
    assert take(a, difference, "a") == []


def test_take_adds_with_fresh_id_and_drops_links_without_counterpart() -> None:
    a, b = base_document("a"), base_document("b")
    mention = find("الوكالة")
    b.add(Annotation("sp7", "speaker", *mention, speaker="الوكالة"))
    extra = find("العمل بدأ")
    b.add(Annotation("q1x", "quote", *extra, kind="indirect", speaker="الوكالة", speaker_id="sp7"))
    differences = compare(a, b)
    quote_difference = next(d for d in differences if d.type == "quote")
    assert quote_difference.links_b["speaker_id"].id == "sp7"
    edits = take(a, quote_difference, "b")
    (edit,) = edits
    assert edit.op == "add" and edit.annotation.id == "q3"  # q1 and q2 are taken in A
    assert edit.annotation.speaker_id is None and edit.annotation.speaker == "الوكالة"
    before = snapshot(a)
    undo = apply_edits(a, edits)
    assert a.span_text(a.get("q3")) == "العمل بدأ"
    # Once A has the mention too, the link is kept.
    apply_edits(a, undo)
    assert snapshot(a) == before
    mention_difference = next(d for d in differences if d.type == "speaker")
    apply_edits(a, take(a, mention_difference, "b"))
    new_mention = next(x for x in a if x.type == "speaker" and (x.start, x.end) == mention)
    edits = take(a, quote_difference, "b")
    assert edits[0].annotation.speaker_id == new_mention.id


def test_take_absence_removes_and_undo_restores_links() -> None:
    a, b = base_document("a"), base_document("b")
    b.remove("sp1")  # B has no mention; A's quote q1 links to A's mention sp1
    (difference,) = [d for d in compare(a, b) if d.type == "speaker"]
    assert difference.category == ONLY_A
    before = snapshot(a)
    edits = take(a, difference, "b")
    assert edits == [Edit("remove", a.get("sp1"))]
    undo = apply_edits(a, edits)
    assert "sp1" not in a and a.get("q1").speaker_id is None
    apply_edits(a, undo)
    assert snapshot(a) == before
    assert a.get("q1").speaker_id == "sp1"
    # Editing B instead: keeping A's version of an only-in-A annotation adds it to B.
    (edit,) = take(b, difference, "a")
    assert edit.op == "add" and edit.annotation.type == "speaker"
    assert take(b, difference, "b") == []


def test_take_refuses_a_document_that_is_neither_side() -> None:
    a, b = base_document("a"), base_document("b")
    b.update("q2", speaker="خالد")
    (difference,) = compare(a, b)
    stranger = Document(TEXT, id="c")
    with pytest.raises(ModelError, match="neither side"):
        take(stranger, difference, "b")
    with pytest.raises(ValueError):
        difference.side("c")
