"""A phrase opening with a preposition is a topic or a circumstance, never a speaker: the
speaker of ``وحول مصير الموظفين أضاف: «…»`` is the one carried from the sentence before."""

from __future__ import annotations

import pytest

from core.annotator import annotate_text
from core.annotator.speaker_options import opens_no_speaker
from core.annotator.tokens import TokenizedText


def _speakers(text: str) -> list[str | None]:
    return [a.speaker for a in annotate_text(text) if a.kind in ("direct", "indirect")]


def test_a_topic_before_the_cue_is_not_the_speaker() -> None:
    text = "أكد الوزير أن المشروع سينتهي قريبا.\nوحول مصير الموظفين أضاف: «لن يفقد أحد عمله».\n"
    assert _speakers(text) == ["الوزير", "الوزير"]


@pytest.mark.parametrize(
    ("phrase", "opens"),
    [
        ("حول مصير الموظفين", True),
        ("وعن صعوبات العمل", True),
        ("في المقال", True),
        ("على الانتهاء", True),
        ("علي الحربي", False),  # the name, written with ي
        ("باسم التميمي", False),  # a given name as well as "in the name of"
        ("مصدر في الوزارة", False),
        ("ليس الغبي", True),
        ("وما يسمونه", True),
        ("كان المفاوضون", True),
        ("وبحسب ما", True),
        ("بالنسبة لمقاتلي «المجموعة الخراسانية»", True),
        ("هذه المنظمة غير الحكومية", False),  # a demonstrative opens a speaker
        ("لا ريبوبليكا", False),  # La Repubblica
    ],
)
def test_which_phrases_open_with_a_preposition(phrase: str, opens: bool) -> None:
    assert opens_no_speaker(TokenizedText(phrase).tokens[0]) is opens
