"""``ArticleWords``' running counts: words, sentence ends and titles between two tokens, each
one subtraction, answer as a scan of the tokens would."""

from __future__ import annotations

from core.annotator import lexicon
from core.annotator.speaker_words import ArticleWords
from core.annotator.tokens import SENTENCE_END, TokenizedText
from core.annotator.wordstats import WordStats

_TEXT = (
    "قال الوزير سعيد إن الاتفاق قريب. وأضاف المتحدث باسم الوزارة، الدكتور علي، أن الرئيس وافق!\n"
    "وقالت الوزيرة: «نعم». ثم قال مدير الشركة ورئيس مجلس الإدارة إن الأمر انتهى؟"
)


def test_counts_between_two_tokens_are_those_a_scan_finds() -> None:
    tokenized = TokenizedText(_TEXT)
    words = ArticleWords(tokenized, WordStats({}))
    tokens = tokenized.tokens
    titles = lexicon.titles()
    assert sum(t.norm in titles for t in tokens) >= 5
    for a in range(len(tokens) + 1):
        for b in range(len(tokens) + 1):
            span = tokens[a:b]
            assert words.titles_between(a, b) == sum(t.norm in titles for t in span)
            assert words.sentence_ends_between(a, b) == any(t.norm in SENTENCE_END for t in span)
            if a < len(tokens) and b < len(tokens):
                inside = tokens[min(a, b) + 1 : max(a, b) + 1]
                count = sum(t.is_word for t in inside)
                assert words.word_delta(a, b) == (count if b >= a else -count)
