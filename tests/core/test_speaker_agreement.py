"""Verb-subject agreement as the attribution ranker sees it: the cue's gender and number beside
whether a candidate span's first word is written with ة (``وأضافت الوزارة``, ``وقال الوزير``)."""

from __future__ import annotations

import pytest

from core.annotator import wordstats
from core.annotator.pipeline import structure_and_quotes
from core.annotator.ranker import Ranker
from core.annotator.speaker_choice import decide
from core.annotator.speaker_options import SlotBuilder


def _agreement_of(text: str, span_text: str) -> set[str]:
    """The agreement features of every option of the article's last quote whose span is ``span_text``."""
    _, stage = structure_and_quotes(text)
    assert stage.candidates, "the text must hold a quote"
    builder = SlotBuilder(stage.finder, wordstats.shipped())
    decision = decide(builder, Ranker(), stage.candidates, len(stage.candidates) - 1)
    found = [
        {name.split("&", 1)[1] for name in features if "&agree=" in name}
        for span, features in zip(decision.spans, decision.features, strict=True)
        if span is not None and text[span.start : span.end] == span_text
    ]
    assert found, f"no option spans {span_text!r}"
    return set().union(*found)


@pytest.mark.parametrize(
    ("text", "span", "agreement"),
    [
        ("وأضافت الوزارة في بيانها أن الخطة ستنفذ خلال العام المقبل.", "الوزارة", "agree=ft"),
        ("وقال الوزير في بيانه إن الخطة ستنفذ خلال العام المقبل.", "الوزير", "agree=m"),
        ("وقالت الوزيرة سلمى محمد إن الخطة ستنفذ خلال العام المقبل.", "الوزيرة سلمى محمد", "agree=ft"),
        ("وقال مدير الشركة إن الخطة ستنفذ خلال العام المقبل.", "مدير الشركة", "agree=m"),
        # A verb before its subject is singular whatever the subject's number.
        ("وأكد المسؤولون أن الخطة ستنفذ خلال العام المقبل.", "المسؤولون", "agree=m"),
        # A feminine verb whose candidate does not agree: no ة on its first word.
        ("وأشادت بفوز كرمان، مؤكدة أن الفوز يشرف المرأة العربية كلها.", "بفوز كرمان", "agree=f"),
    ],
)
def test_each_span_option_carries_its_agreement_with_the_cue(text: str, span: str, agreement: str) -> None:
    assert _agreement_of(text, span) == {agreement}
