"""The Latin-only reading of boilerplate fragments: it may skip a pattern only where it cannot match."""

from __future__ import annotations

import dataclasses
import re

import pytest

from core.annotator import lexicon
from core.annotator.latin_patterns import LATIN_RE, needs_latin_letter
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
