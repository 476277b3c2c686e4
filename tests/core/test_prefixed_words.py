"""A ب/ل word is prefixed (a prepositional phrase, never a subject's start) only where news
writes its rest alone: ``بفوز``, ``لرويترز`` are; ``بوتين``, ``لندن``, ``بريطانيا`` are not."""

from __future__ import annotations

from core.annotator import wordstats
from core.annotator.speaker_words import PREFIX_STEM_MIN_COUNT, ArticleWords
from core.annotator.tokens import TokenizedText
from core.annotator.wordstats import WordProfile, WordStats


def _classes(text: str, stats: WordStats) -> dict[str, str]:
    tokenized = TokenizedText(text)
    words = ArticleWords(tokenized, stats)
    return {text[t.start : t.end]: words.word_class(k) for k, t in enumerate(tokenized.tokens) if t.is_word}


def test_the_shipped_statistics_tell_a_preposition_from_a_name_s_first_letter() -> None:
    classes = _classes("وأشادت بفوز كرمان وقال بوتين لرويترز في لندن إن بريطانيا بخطوات", wordstats.shipped())
    assert classes["بفوز"] == "bi" and classes["بخطوات"] == "bi" and classes["لرويترز"] == "lam"
    assert classes["بوتين"] == "word" and classes["لندن"] == "word" and classes["بريطانيا"] == "word"


def test_the_rest_must_be_a_word_news_writes_often_enough() -> None:
    profile = WordProfile(PREFIX_STEM_MIN_COUNT, (0,) * 8)
    rare = WordProfile(PREFIX_STEM_MIN_COUNT - 1, (0,) * 8)
    assert _classes("قال بسام", WordStats({"سام": profile}))["بسام"] == "bi"
    assert _classes("قال بسام", WordStats({"سام": rare}))["بسام"] == "word"
    assert _classes("قال بسام", WordStats({}))["بسام"] == "word"
    assert _classes("قال بفوزها", WordStats({}))["بفوزها"] == "suffixed"  # a pronoun decides first
