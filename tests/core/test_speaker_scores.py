"""The evaluation's two speaker scores: right by any checked name, and by the canonical one."""

from __future__ import annotations

from core.annotation import Annotation
from core.evaluate import GoldArticle, GoldSpan, format_table, score_article
from core.model import Document

TEXT = "قال دونالد ترامب إن الاتفاق قريب. وأضاف ترامب أن الموعد لم يحدد. وتابع أن الوفد سيصل."


def _quote(phrase: str) -> tuple[int, int]:
    start = TEXT.index(phrase)
    return start, start + len(phrase)


def test_an_alias_counts_for_the_speaker_score_but_not_for_the_canonical_one() -> None:
    spans = [_quote("الاتفاق قريب"), _quote("الموعد لم يحدد"), _quote("الوفد سيصل")]
    gold = GoldArticle(
        "a", TEXT, None, [], [],
        [GoldSpan(s, e, TEXT[s:e], kind="indirect", speaker="دونالد ترامب", aliases=("ترامب",)) for s, e in spans],
    )
    document = Document(TEXT, id="a")
    for k, ((start, end), speaker) in enumerate(zip(spans, ["دونالد ترامب", "ترامب", "الوفد"], strict=True)):
        document.add(Annotation(f"q{k}", "quote", start, end, kind="indirect", speaker=speaker))
    scores = score_article(gold, document)
    assert (scores.speaker.right, scores.speaker.total) == (2, 3)
    assert (scores.speaker_canonical.right, scores.speaker_canonical.total) == (1, 3)
    assert scores.as_dict()["speaker_canonical_accuracy"]["right"] == 1
    assert "by the canonical name alone       0.333  (1/3)" in format_table(scores)
