"""Names written as hashtags (``#تيريزا_ماي``, ``محمود #عباس``): some sites link the names and
places of an article so. The folding reads a hashtag's ``_`` as a space, the speaker rules and
slots step over its ``#``, and the speaker's name is written without either."""

from __future__ import annotations

import pytest

from core.annotator import annotate_text
from core.annotator.mention_text import readable_mention
from core.annotator.tokens import TokenizedText
from core.folding import Shadow, fold, name_key


def test_folding_reads_a_hashtag_join_as_a_space_and_keeps_offsets() -> None:
    text = "وأعلنت #تيريزا_ماي، أن"
    shadow = Shadow(text)
    assert len(shadow.folded) == len(text)
    assert fold("#تيريزا_ماي") == "#تيريزا ماي"
    assert name_key("تيريزا_ماي") == name_key("تيريزا ماي")
    tokens = TokenizedText(text).tokens
    words = [text[t.start : t.end] for t in tokens if t.is_word]
    assert words == ["وأعلنت", "تيريزا", "ماي", "أن"]


@pytest.mark.parametrize(
    ("written", "read"),
    [
        ("#تيريزا_ماي", "تيريزا ماي"),
        ("الرئيس محمود #عباس", "الرئيس محمود عباس"),
        ("السفير الأميركي في إسرائيل، #ديفيد_فريدمان", "السفير الأميركي في إسرائيل، ديفيد فريدمان"),
        ("البنك_المركزي _التركي", "البنك المركزي التركي"),
        ("وزارة الخارجية", "وزارة الخارجية"),
        ("مجموعة C#", "مجموعة C#"),  # no word after it: not a hashtag's mark
    ],
)
def test_readable_mention_drops_the_hashtag_marks(written: str, read: str) -> None:
    assert readable_mention(written) == read


def _speakers(text: str) -> list[tuple[str | None, str | None]]:
    """(speaker name, speaker mention as stored) of each quote, in order."""
    annotations = annotate_text(text)
    mentions = {a.speaker: text[a.start : a.end] for a in annotations if a.type == "speaker"}
    return [(a.speaker, mentions.get(a.speaker)) for a in annotations if a.type == "quote"]


@pytest.mark.parametrize(
    ("sentence", "speaker", "mention"),
    [
        # The hashtag right after the cue: the mention starts at its word, and runs over its "_".
        ("أكد #البيت_الأبيض أن الرسوم الجديدة ستفرض على الواردات قريبا.", "البيت الأبيض", "البيت_الأبيض"),
        ("وأبلغ #ألكسندر_بيسونيه، محكمة المدينة بأنه يريد تغيير إقراره السابق.", "ألكسندر بيسونيه", "ألكسندر_بيسونيه"),
        ("وأعلنت #تيريزا_ماي، رئيسة الحكومة البريطانية، أن بلادها ستطرد 23 دبلوماسيا.", "تيريزا ماي", "تيريزا_ماي"),
        # Inside a name, the "#" stays in the stored mention and leaves the name.
        ("وقال الرئيس محمود #عباس إن القرار الأخير مرفوض تماما.", "محمود عباس", "الرئيس محمود #عباس"),
    ],
)
def test_a_hashtag_name_is_the_speaker(sentence: str, speaker: str, mention: str) -> None:
    assert _speakers(f"خبر عاجل\n\n{sentence}\n") == [(speaker, mention)]
