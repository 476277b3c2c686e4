from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from core.folding import Shadow, fold


def test_fold_unifies_spellings() -> None:
    assert fold("أكّد") == fold("اكد") == fold("أكَّدَ") == "اكد"
    assert fold("إلى") == "الي"
    assert fold("مدينة") == "مدينه"
    assert fold("قـــــال") == "قال"
    assert fold("٢٠١٥") == "2015"
    assert fold("\u200fوقال") == "وقال"


def test_presentation_forms_fold_and_map_back() -> None:
    text = "ﻗﺎﻝ ﻻ شيء"  # presentation forms, one lam-alef ligature
    shadow = Shadow(text)
    assert shadow.folded.startswith("قال لا")
    position = shadow.folded.index("لا")
    assert shadow.span(position, position + 2) == (4, 5)  # both letters come from the ligature


def test_match_on_shadow_maps_to_exact_stored_span() -> None:
    text = "ثم قالَ الرَّئِيسُ: «إنَّ الأمـــرَ مُهِمٌّ»"
    shadow = Shadow(text)
    match = re.search("الامر", shadow.folded)
    assert match is not None
    start, end = shadow.span(match.start(), match.end())
    assert text[start:end] == "الأمـــرَ"  # tatweel inside, fatha on the last letter kept
    match = re.search("الرييس", shadow.folded.replace("ئ", "ي"))
    assert match is not None
    assert text[slice(*shadow.span(match.start(), match.end()))] == "الرَّئِيسُ"


_chars = st.sampled_from(list("قال إنَّ الأمرَ ـ\u200f\u064b😀𞸀ﻻﻗab.\n«»“”\u00a0"))


@given(st.lists(_chars, max_size=80).map("".join))
@settings(max_examples=300, deadline=None)
def test_shadow_maps_every_position_monotonically(text: str) -> None:
    shadow = Shadow(text)
    previous = -1
    for position in range(len(shadow.folded)):
        original = shadow.to_original(position)
        assert 0 <= original < len(text)
        assert original >= previous
        previous = original
        start, end = shadow.span(position, position + 1)
        assert start < end <= len(text)
    for original in range(len(text) + 1):
        folded = shadow.to_folded(original)
        assert 0 <= folded <= len(shadow.folded)


def _reference_shadow(text: str) -> tuple[str, list[int]]:
    """The plain definition: fold every character on its own (NFKC for presentation forms), and
    map each shadow character to the stored character it came from."""
    import unicodedata

    from core.folding import _DROPPED_CHARS, _PRESENTATION_RE, _TABLE, DROPPED_RE

    folded: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        if _DROPPED_CHARS.match(char):
            continue
        if _PRESENTATION_RE.match(char):
            char = DROPPED_RE.sub("", unicodedata.normalize("NFKC", char))
        for folded_char in char.translate(_TABLE).lower():
            folded.append(folded_char)
            origins.append(index)
    return "".join(folded), origins


_MIXED = st.text(
    alphabet=st.sampled_from([*"قال الوزير إنّ «الوضع» صعبًا.\n", "\ufefb", "\ufe8d", "ﻷ", "ﷲ", "\u0640", "\u064b", "\u200f", "İ", "A"]),
    max_size=60,
)


@given(_MIXED)
@settings(max_examples=400, deadline=None)
def test_texts_with_presentation_forms_fold_as_character_by_character(text: str) -> None:
    """Runs between presentation forms are folded in one go; the result must be what folding
    each character on its own gives, with the same offsets."""
    shadow = Shadow(text)
    folded, origins = _reference_shadow(text)
    assert shadow.folded == folded
    assert [shadow.to_original(p) for p in range(len(folded))] == origins


@given(_MIXED)
@settings(max_examples=400, deadline=None)
def test_offsets_in_one_walk_are_span_of_each(text: str) -> None:
    """``Shadow.offsets`` maps an article's tokens in one walk; it must give what ``span`` gives
    token by token (diacritics, tatweel, ligatures and expanding letters included)."""
    from core.annotator.tokens import _TOKEN_RE

    shadow = Shadow(text)
    tokens = [match.span() for match in _TOKEN_RE.finditer(shadow.folded)]
    starts, ends = shadow.offsets([start for start, _ in tokens], [end for _, end in tokens])
    assert list(zip(starts, ends, strict=True)) == [shadow.span(start, end) for start, end in tokens]


@given(_MIXED)
@settings(max_examples=400, deadline=None)
def test_fold_is_the_shadows_text(text: str) -> None:
    """``fold`` skips the offset map on plain text; it must still give the shadow's text."""
    assert fold.__wrapped__(text) == Shadow(text).folded


@given(st.one_of(_MIXED, st.lists(_chars, max_size=60).map("".join)), st.data())
@settings(max_examples=400, deadline=None)
def test_a_part_of_the_shadow_is_that_part_folded(text: str, data: st.DataObject) -> None:
    """The structure passes slice paragraphs out of the shadow instead of folding them again:
    any span, cut anywhere (inside a ligature's neighbourhood, before a diacritic, around an
    astral character), must read as the span folded on its own."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert Shadow(text).folded_part(start, end) == fold.__wrapped__(text[start:end])


@given(st.one_of(_MIXED, st.lists(_chars, max_size=60).map("".join)), st.data())
@settings(max_examples=300, deadline=None)
def test_a_collapsed_part_is_that_part_folded_with_single_spaces(text: str, data: st.DataObject) -> None:
    """``collapsed_part``, asked twice (the second answer is kept from the first), reads as the
    span folded with its runs of white space made one space and none at either end."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    shadow = Shadow(text)
    expected = " ".join(fold.__wrapped__(text[start:end]).split())
    assert shadow.collapsed_part(start, end) == expected
    assert shadow.collapsed_part(start, end) == expected
    assert shadow.collapsed_part(0, len(text)) == " ".join(shadow.folded.split())


def test_a_paragraph_of_the_shadow_is_the_paragraph_folded() -> None:
    text = "ﻗﺎﻝ الوزيرُ 😀 إنّ\nالأمـــرَ ﻷ İstanbul مُهِمٌّ\n\u200fوقال"
    shadow = Shadow(text)
    for line in text.split("\n"):
        start = text.index(line)
        assert shadow.folded_part(start, start + len(line)) == fold(line)
    assert shadow.folded_part(0, len(text)) == shadow.folded
    assert shadow.folded_part(3, 3) == ""


def test_to_folded_points_at_the_first_character_of_a_letter_that_folds_to_two() -> None:
    # ﻷ (stored 3) folds to لا (shadow 3 and 4); İ (stored 4) to i and a combining dot.
    assert [Shadow("ab ﻷ cd").to_folded(k) for k in range(8)] == [0, 1, 2, 3, 5, 6, 7, 8]
    assert [Shadow("AAAAİ").to_folded(k) for k in range(6)] == [0, 1, 2, 3, 4, 6]


@given(_MIXED)
@settings(max_examples=400, deadline=None)
def test_to_folded_is_the_first_shadow_character_from_that_stored_one_on(text: str) -> None:
    """``to_folded(k)``: the first shadow character that comes from stored character ``k`` or
    a later one (the shadow's end when none does), checked against the plain definition."""
    shadow = Shadow(text)
    _, origins = _reference_shadow(text)
    for k in range(len(text) + 1):
        expected = next((p for p, origin in enumerate(origins) if origin >= k), len(origins))
        assert shadow.to_folded(k) == expected
