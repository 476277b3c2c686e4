"""Where a candidate speaker stands relative to the cue: the features the attribution ranker gets."""

from __future__ import annotations

from core.annotator import wordstats
from core.annotator.attribution import Cue
from core.annotator.cue_distance import cue_distance
from core.annotator.layout import paragraphs
from core.annotator.quotes import QuoteFinder
from core.annotator.speaker_words import ArticleWords
from core.annotator.tokens import TokenizedText


def _features(text: str, span: str, cue: str) -> list[str]:
    tokenized = TokenizedText(text)
    finder = QuoteFinder(tokenized, paragraphs(text), [])
    written = [text[t.start : t.end] for t in tokenized.tokens]
    words = span.split()
    first = written.index(words[0])
    last = written.index(words[-1], first)
    at = written.index(cue)
    found = Cue(at, at, None, tokenized.tokens[at].start, tokenized.tokens[at].end)
    return cue_distance(ArticleWords(tokenized, wordstats.shipped()), finder, "subject", first, last, found)


def test_a_subject_in_the_same_sentence_is_near() -> None:
    features = _features("وأشاد الوزير بالاتفاق مؤكدا أنه خطوة مهمة.", "الوزير", "مؤكدا")
    assert features == ["subject&before_cue=1", "subject&far=0"]


def test_a_subject_two_sentences_back_is_far_and_in_another_sentence() -> None:
    text = "وصل الرئيس إلى المدينة صباح اليوم بعد رحلة طويلة. واستقبله عدد كبير من المسؤولين والمواطنين في المطار. مؤكدا أن الزيارة مهمة."
    features = _features(text, "الرئيس", "مؤكدا")
    assert "subject&other_sentence" in features and "subject&far=2" in features  # 16 words between
    assert "subject&other_paragraph" not in features


def test_a_paragraph_break_between_is_a_feature_of_its_own() -> None:
    features = _features("قال الوزير شيئا.\n\nمضيفا أن الأمر انتهى.", "الوزير", "مضيفا")
    assert "subject&other_paragraph" in features and "subject&other_sentence" in features


def test_a_span_after_the_cue_counts_the_words_between() -> None:
    features = _features("وقال مساء أمس في مؤتمر صحفي الوزير إن الأمر انتهى.", "الوزير", "وقال")
    assert features == ["subject&after_cue=3", "subject&far_after=1"]
    assert _features("وقال الوزير إن الأمر انتهى.", "الوزير", "الوزير") == []  # overlapping: nothing
