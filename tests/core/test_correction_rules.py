"""The correction rules shared by every front end (``core.corrections``, ``core.boundaries``)."""

from __future__ import annotations

import pytest

from core import corrections
from core.boundaries import CHAR, EARLIER, END, LATER, START, WORD, move_boundary, snap_to_words
from core.errors import ModelError
from core.model import Annotation, Document

TITLE = "خطة الوزارة"
LINE = "قال الوزير: «الخطة جاهزة»."
HEADING = "ردود الفعل"
LAST = "وأضاف الوزير أن العمل مستمر."
TEXT = "\n".join([TITLE, LINE, HEADING, LAST]) + "\n"


def at(text: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def make_document() -> Document:
    minister, cue, quote, heading = at("الوزير"), at("قال"), at("الخطة جاهزة"), at(HEADING)
    document = Document(
        TEXT,
        id="doc",
        annotations=[
            Annotation("t1", "title", 0, len(TITLE), origin="auto", status="pending", confidence=0.9),
            Annotation("sp1", "speaker", *minister, origin="auto", status="pending", confidence=0.8, speaker="الوزير"),
            Annotation("c1", "cue", *cue, origin="auto", status="pending", confidence=0.9),
            Annotation("q1", "quote", *quote, origin="auto", status="pending", confidence=0.4, kind="direct", speaker="الوزير", speaker_id="sp1", cue="قال", cue_id="c1"),
            Annotation("h1", "heading", *heading, origin="auto", status="pending", confidence=0.7),
            *(Annotation(f"p{n}", "paragraph", *at(line), origin="auto", status="pending", confidence=0.95) for n, line in enumerate((LINE, LAST))),
        ],
    )
    corrections.rederive_sections(document, corrections.STRUCTURE_TYPES)
    return document


def sections(document: Document) -> list[tuple[int, int, str | None]]:
    return [(s.start, s.end, s.heading_id) for s in document.of_type("section")]


def test_the_type_sets() -> None:
    assert "section" not in corrections.CREATABLE_TYPES and "quote" in corrections.CREATABLE_TYPES
    assert "paragraph" not in corrections.REVIEWABLE_TYPES and "section" not in corrections.REVIEWABLE_TYPES
    assert set(corrections.CREATABLE_TYPES) >= corrections.STRUCTURE_TYPES


def test_what_needs_review_and_in_which_order() -> None:
    document = make_document()
    pending = [a for a in document if corrections.needs_review(a)]
    assert {a.id for a in pending} == {"t1", "q1", "h1"}  # a quote stands for its mention and cue
    assert not corrections.needs_review(None)
    document.set_status("q1", "accepted")
    assert not corrections.needs_review(document.get("q1"))
    doubt = sorted(pending, key=lambda a: corrections.review_key(a, corrections.DOUBT))
    reading = sorted(pending, key=lambda a: corrections.review_key(a, corrections.READING))
    assert [a.id for a in doubt] == ["q1", "h1", "t1"]  # least confident first
    assert [a.id for a in reading] == ["t1", "q1", "h1"]


def test_most_doubtful_first_takes_the_lower_of_quote_and_speaker_confidence() -> None:
    document = make_document()
    document.update("q1", confidence=0.95, speaker_confidence=0.3)
    document.update("h1", confidence=0.5)
    assert corrections.doubt(document.get("q1")) == 0.3
    queue = sorted((a for a in document if corrections.needs_review(a)), key=lambda a: corrections.review_key(a, corrections.DOUBT))
    assert [a.id for a in queue] == ["q1", "h1", "t1"]  # the doubtful speaker puts the quote first
    document.update("q1", speaker_confidence=0.99)
    queue = sorted((a for a in document if corrections.needs_review(a)), key=lambda a: corrections.review_key(a, corrections.DOUBT))
    assert [a.id for a in queue] == ["h1", "t1", "q1"]


def test_a_new_annotation_is_manual_accepted_and_snapped_to_words() -> None:
    document = make_document()
    start, end = at("العمل مستمر")
    quote = corrections.new_annotation(document, "quote", start + 2, end - 1)
    assert quote is not None and (quote.start, quote.end) == (start, end)
    assert (quote.origin, quote.status, quote.kind) == ("manual", "accepted", "direct")
    exact = corrections.new_annotation(document, "quote", start + 2, end - 1, kind="indirect", snap=False)
    assert exact is not None and (exact.start, exact.end, exact.kind) == (start + 2, end - 1, "indirect")
    mention = corrections.new_annotation(document, "speaker", *at("الوزير", 1))
    assert mention is not None and mention.speaker == "الوزير"
    assert corrections.new_annotation(document, "cue", start, start) is None
    spaces = TEXT.index(" ")
    assert corrections.new_annotation(document, "cue", spaces, spaces + 1) is None  # white space only
    corrections.add(document, quote)
    assert document.get(quote.id) == quote


def test_retyping_unlinks_what_pointed_at_it_and_names_a_new_mention() -> None:
    document = make_document()
    corrections.retype(document, "sp1", "cue")
    quote = document.get("q1")
    assert quote.speaker_id is None and quote.speaker == "الوزير"  # the name stays, the link goes
    corrections.retype(document, "c1", "speaker")
    assert document.get("c1").speaker == "قال"
    assert document.get("q1").cue_id is None and document.get("q1").cue == "قال"


def test_structural_changes_rederive_sections_and_keep_the_unmoved_ones() -> None:
    document = make_document()
    before = document.of_type("section")
    assert [s[2] for s in sections(document)] == [None, "h1"]
    corrections.set_status(document, "q1", "rejected")  # not structural: nothing re-derived
    assert document.of_type("section") == before
    corrections.delete(document, "h1")
    assert [s[2] for s in sections(document)] == [None]
    corrections.add(document, Annotation("h9", "heading", *at(HEADING), origin="manual", status="accepted"))
    assert [s[2] for s in sections(document)] == [None, "h9"]
    lead = document.of_type("section")[0]
    corrections.resize(document, "t1", 0, 3)  # the title moved, the lead section did not
    assert document.of_type("section")[0] is lead


def test_speaker_links_follow_the_name() -> None:
    document = make_document()
    corrections.set_speaker(document, "q1", "الوزير")
    assert document.get("q1").speaker_id == "sp1"  # same name: the link stays
    corrections.set_speaker(document, "q1", "مصدر آخر")  # not in the text: nothing to link
    assert document.get("q1").speaker_id is None
    assert document.get("sp1").status == "rejected"  # the annotator's mention no quote uses
    assert document.get("q1").corrected == ("speaker", "speaker_id")
    corrections.link_mention(document, "q1", "sp1")
    assert (document.get("q1").speaker, document.get("q1").speaker_id) == ("الوزير", "sp1")
    corrections.link_mention(document, "q1", None)
    assert (document.get("q1").speaker, document.get("q1").speaker_id) == ("الوزير", None)
    corrections.set_speaker(document, "sp1", "وزير الزراعة")
    assert document.get("sp1").speaker == "وزير الزراعة"


def test_a_cue_link_stays_only_while_it_reads_the_same() -> None:
    document = make_document()
    corrections.set_cue(document, "q1", "قال")
    assert document.get("q1").cue_id == "c1"
    corrections.set_cue(document, "q1", "صرّح")
    assert (document.get("q1").cue, document.get("q1").cue_id) == ("صرّح", None)
    assert document.get("c1").status == "rejected"
    with pytest.raises(ModelError):
        corrections.set_cue(document, "h1", "قال")  # only quotes have a cue


def test_merging_speakers_moves_quotes_and_mentions() -> None:
    document = make_document()
    corrections.merge_speakers(document, "الوزير", "وزير الزراعة")
    assert document.get("q1").speaker == document.get("sp1").speaker == "وزير الزراعة"
    assert [s.name for s in document.speakers()] == ["وزير الزراعة"]


def test_restoring_annotations_gives_them_back_exactly() -> None:
    document = make_document()
    edited = make_document()
    corrections.set_speaker(edited, "q1", "مصدر")
    corrections.delete(edited, "h1")
    corrections.add(edited, Annotation("sp9", "speaker", *at("الوزير", 1), speaker="الوزير"))
    edited.set_speaker("q1", "الوزير", "sp9")
    corrections.apply_with_sections(document, lambda d: corrections.restore_annotations(d, edited.annotations))
    assert document.annotations == edited.annotations


def test_snapping_to_words_keeps_diacritics_and_trims_space() -> None:
    text = "قالَ الوزيرُ   إنّ"
    assert snap_to_words(text, 1, 3) == (0, 4)  # the fatha belongs to the word
    assert snap_to_words(text, 4, 8) == (5, 12)
    assert snap_to_words(text, 12, 15) == (15, 15)  # white space only: empty
    assert snap_to_words(text, 9, 2) == (0, 12)  # reversed bounds are ordered
    said = "وقال الوزير: «الخطة جاهزة»، ثم غادر."
    colon = said.index(":")
    assert snap_to_words(said, 0, colon + 1) == (0, colon)  # issue 9: Ctrl+E kept a trailing ':'
    assert snap_to_words(said, said.index("«") + 1, said.index("،") + 2) == (said.index("«") + 1, said.index("»") + 1)
    assert snap_to_words(said, said.index("ثم"), len(said)) == (said.index("ثم"), len(said))  # the full stop stays


def test_moving_boundaries_by_word_and_character() -> None:
    text = "قال الوزير إنّ الخطة جاهزة"
    start, end = text.index("الوزير"), text.index("الوزير") + len("الوزير")
    assert move_boundary(text, start, end, END, LATER, WORD) == (start, text.index("إنّ") + 3)
    assert move_boundary(text, start, end, START, EARLIER, WORD) == (0, end)
    assert move_boundary(text, start, end, START, LATER, WORD) == (start, end)  # never empties the span
    shadda_end = text.index("إنّ") + 2
    assert move_boundary(text, start, shadda_end, END, LATER, CHAR)[1] == shadda_end + 1
    assert move_boundary(text, start, text.index("إنّ") + 3, END, EARLIER, CHAR)[1] == text.index("إنّ") + 1  # over the shadda
