"""The Latin-only reading of boilerplate fragments: it may skip a pattern only where it cannot match."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.annotator import lexicon
from core.annotator.latin_patterns import (
    LATIN_RE,
    latin_finditer,
    latin_positions,
    needs_latin_letter,
    starts_with_latin_letter,
)
from core.annotator.layout import paragraphs
from core.annotator.structure import find_boilerplate
from core.folding import Shadow


def test_latin_re_finds_every_character_an_ascii_letter_matches_case_insensitively() -> None:
    letter = re.compile("(?i)[a-z]")
    matching = [chr(c) for c in range(0x110000) if letter.fullmatch(chr(c))]
    assert len(matching) == 56  # the 52 ASCII letters and İ ı ſ K
    assert all(LATIN_RE.fullmatch(ch) for ch in matching)


def test_patterns_that_need_a_latin_letter() -> None:
    for pattern in (r"(?i)\b(AFP|Reuters)\s*", r"Next Previous", r"(?i)https?://\S+", r"[a-z]{2,}", r"(x|y)+\d"):
        assert needs_latin_letter(re.compile(pattern)), pattern


def test_patterns_that_can_match_without_one() -> None:
    for pattern in (
        r"(AFP|رويترز)",  # an Arabic alternative
        r"[a-z0-9]+",  # digits only
        r"x?\d",  # the letter is optional
        r"(?=AFP)\d",  # a look-ahead consumes nothing
        r"\w+",
        r"[^a-z]",
        r"(?i)ſ",  # not an ASCII letter in the pattern
    ):
        assert not needs_latin_letter(re.compile(pattern)), pattern


def test_bundled_latin_fragments_are_marked_and_match_nothing_without_latin_letters() -> None:
    patterns = lexicon.boilerplate_patterns()
    marked = [p.pattern for p, latin in zip(patterns.fragments, patterns.latin_only, strict=True) if latin]
    assert any("Reuters" in p for p in marked) and any("www" in p for p in marked)
    assert not any("رويترز" in p for p in marked)
    arabic = "قال الوكيل\n" "شارك من خلال تويتر فيسبوك\n" "وكالة رويترز ١٢٣ ـ ٤٥٦ HANDOUT"
    for pattern, latin in zip(patterns.fragments, patterns.latin_only, strict=True):
        if latin:
            assert pattern.search(arabic.replace("HANDOUT", "")) is None


def test_skipping_changes_nothing_found(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "عنوان الخبر\nانطلقت المظاهرات في بغداد أمس وسط حضور كبير للشرطة والصحفيين.\nPhoto by John Smith\n",
        "عنوان الخبر\nانطلقت المظاهرات في بغداد (رويترز) - أمس وسط حضور كبير.\nالتفاصيل: مظاهرات في العاصمة\n",
    ]
    skipping = [find_boilerplate(t, Shadow(t), paragraphs(t), None) for t in texts]
    bundled = lexicon.boilerplate_patterns()
    every = dataclasses.replace(bundled, latin_only=tuple(False for _ in bundled.fragments))
    monkeypatch.setattr(lexicon, "boilerplate_patterns", lambda: every)
    running_all = [find_boilerplate(t, Shadow(t), paragraphs(t), None) for t in texts]
    assert skipping == running_all
    assert any(texts[0][f.start : f.end] == "Photo by John Smith" for f in skipping[0])


def test_patterns_whose_every_match_begins_with_a_latin_letter() -> None:
    for pattern in (r"(?i)\b(AFP|Reuters)\s*", r"(?i)(?<![\w.])(www\.\S+|https?://\S+)", r"Next Previous", r"[a-z]{2,}\d"):
        assert starts_with_latin_letter(re.compile(pattern)), pattern
    for pattern in (r"(AFP|رويترز)", r"\d+[a-z]", r".AFP", r"\w+", r"x?AFP", r"(?i)ſ"):
        assert not starts_with_latin_letter(re.compile(pattern)), pattern


_MIXED = st.lists(
    st.sampled_from(
        ["قال الوكيل ", "AFP ", "AP", " HANDOUT", " - ", "www.example.com", "https://x.co/a", "Photo by John Smith",
         "Next Previous", "_", ".", "\n", "(رويترز) - ", "ı", "K", "x", " "]
    ),
    max_size=40,
).map("".join)


@given(_MIXED)
@settings(max_examples=300, deadline=None)
def test_trying_latin_patterns_at_latin_letters_finds_what_a_scan_finds(text: str) -> None:
    """``latin_finditer`` gives ``finditer``'s matches for the bundled fragments it serves."""
    patterns = lexicon.boilerplate_patterns()
    places = latin_positions(text)
    for pattern, starts in zip(patterns.fragments, patterns.latin_start, strict=True):
        if starts:
            tried = [m.span() for m in latin_finditer(pattern, text, places)]
            assert tried == [m.span() for m in pattern.finditer(text)], pattern.pattern


def test_a_text_of_many_latin_letters_is_scanned_instead() -> None:
    text = "Photo by John Smith " * 300 + "قال الوكيل AFP - "
    places = latin_positions(text)
    assert len(places) == 2001  # counted no further
    pattern = re.compile(r"(?i)\bPhoto by [A-Z][a-z]+( [A-Z][a-z]+){0,3}")
    assert [m.span() for m in latin_finditer(pattern, text, places)] == [m.span() for m in pattern.finditer(text)]


def test_a_try_starts_after_the_match_before_it() -> None:
    """As a scan goes on from the end of each match, so do the tries: no match inside another."""
    pattern = re.compile("[a-z]+[0-9]?")
    text = "قال abc1 ثم de وانتهى"
    assert [m.group() for m in latin_finditer(pattern, text, latin_positions(text))] == ["abc1", "de"]
