"""``TokenizedText``: tokens over the folded shadow, with stored offsets and the lists scans read."""

from __future__ import annotations

import re
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from core.annotator.layout import paragraphs
from core.annotator.tokens import TokenizedText

# Arabic with diacritics, tatweel, ligatures, a bidi mark, entities, digits, Latin and an
# astral character: the shadow drops, expands and keeps characters.
_TEXT = st.lists(
    st.sampled_from(
        [*"قال الوزير إنّ «الوضع» صعبًا على: (علي) ٣ 3_.\n", "\ufefb", "ﷲ", "\u0640", "\u064b", "\u200f", "İ", "A",
         "&quot;", "&amp;", "😀", " فان "]
    ),
    max_size=60,
).map("".join)


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_tokens_norms_offsets_and_words_agree(text: str) -> None:
    """The norms and word flags lists are the tokens' own; each token's stored span is the shadow's span of its
    folded one; a token is a word exactly when its norm starts with a letter or digit; the
    stored starts never go back, and ``index_at_or_after`` finds the first token at a start
    (a letter that lower-cases to two, İ, gives two tokens of one stored character)."""
    tokenized = TokenizedText(text)
    tokens = tokenized.tokens
    assert tokenized.norms == [t.norm for t in tokens]
    assert tokenized.word_flags == [t.is_word for t in tokens]
    assert all(a.start <= b.start for a, b in pairwise(tokens))
    for k, token in enumerate(tokens):
        assert token.index == k
        assert (token.start, token.end) == tokenized.shadow.span(tokenized.folded_starts[k], tokenized.folded_ends[k])
        assert token.is_word == token.norm[0].isalnum()
        first = tokenized.index_at_or_after(token.start)
        assert first <= k and tokens[first].start == token.start


@given(_TEXT, st.sets(st.sampled_from(["«", "»", ".", "الوزير", "قال", "علي", '"', "3", "لا", "absent"])))
@settings(max_examples=300, deadline=None)
def test_tokens_among_are_the_tokens_with_those_norms_in_order(text: str, norms: set[str]) -> None:
    """``tokens_among`` answers from the positions index what a scan of every token would."""
    tokenized = TokenizedText(text)
    assert tokenized.tokens_among(norms) == [t for t in tokenized.tokens if t.norm in norms]


def test_tokens_among_reads_entity_marks_as_the_marks_they_stand_for() -> None:
    tokenized = TokenizedText("قال &quot;نعم&quot; ثم «لا».")
    assert [t.norm for t in tokenized.tokens_among({'"', "«", "»"})] == ['"', '"', "«", "»"]


@given(_TEXT)
@settings(max_examples=300, deadline=None)
def test_folded_words_of_a_paragraph_are_the_words_of_its_folded_form(text: str) -> None:
    """``folded_words`` reads the word tokens; entities and name particles (whose token norms are
    not their letters) send it back to the shadow: the same words either way."""
    tokenized = TokenizedText(text)
    for block in paragraphs(text):
        expected = re.findall(r"[^\W_]+", tokenized.shadow.folded_part(block.start, block.end))
        assert tokenized.folded_words(block.start, block.end) == expected


def test_folded_words_keep_the_letters_of_entities_and_name_particles() -> None:
    text = "قال لويس فان غال: &quot;نعم&quot;\nقال المدرب فان دايك كلاما"
    tokenized = TokenizedText(text)
    assert tokenized.folded_words(0, text.index("\n")) == ["قال", "لويس", "فان", "غال", "quot", "نعم", "quot"]
    assert tokenized.folded_words(text.index("\n") + 1, len(text)) == ["قال", "المدرب", "فان", "دايك", "كلاما"]


def test_cue_tokens_are_every_reporting_form_with_its_form_in_order() -> None:
    text = "وقال الوزير إن الاتفاق «قريب»، وأضافت الوزارة: قائلا. ويقولون &quot;لا&quot; قالت"
    tokenized = TokenizedText(text)
    found = [(tokenized.tokens[k].norm, form.tense) for k, form in tokenized.cue_tokens()]
    assert found == [("وقال", "past"), ("واضافت", "past"), ("قائلا", "participle"), ("ويقولون", "imperfect"), ("قالت", "past")]
    assert all(tokenized.tokens[k].is_word for k, _ in tokenized.cue_tokens())
    assert tokenized.cue_tokens() is tokenized.cue_tokens()  # found once


def test_the_name_ali_is_told_from_the_preposition_ala_it_folds_like() -> None:
    # Both fold to علي; the stored word's last letter (after any diacritics) tells them apart.
    text = "وقال علي لاريجاني، ردا على سؤال عن عليّ وعلى الدرب ، إن «عَلِي» جاء عَلَى عجل"
    flags = {(t.norm, text[t.start : t.end]): t.is_name_ali for t in TokenizedText(text).tokens if t.norm.endswith("علي")}
    assert flags == {
        ("علي", "علي"): True,
        ("علي", "على"): False,
        ("علي", "عليّ"): True,
        ("وعلي", "وعلى"): False,
        ("علي", "عَلِي"): True,
        ("علي", "عَلَى"): False,
    }


def test_a_hashtag_mark_opens_the_word_glued_to_it() -> None:
    text = "وقال محمود #عباس إن العدد # 5"
    tokenized = TokenizedText(text)
    marks = [k for k, token in enumerate(tokenized.tokens) if token.norm == "#"]
    assert [tokenized.opens_hashtag(k) for k in marks] == [True, False]
    assert not tokenized.opens_hashtag(len(tokenized.tokens) - 1)


def test_an_abbreviation_is_a_short_word_glued_to_its_full_stop() -> None:
    text = "قال د. رامي ناصر إن ج . سمير أكد. ثم"
    tokenized = TokenizedText(text)
    stops = [k for k, token in enumerate(tokenized.tokens) if token.norm == "."]
    # "د." yes; "ج ." has a space before the stop; "أكد." ends a sentence on a longer word.
    assert [tokenized.closes_abbreviation(k) for k in stops] == [True, False, False]
    assert not tokenized.closes_abbreviation(0)
