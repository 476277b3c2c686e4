"""``نقلت الوكالة عن فلان قوله``: the guideline gives the quote to فلان, the source the agency
cites, never to the agency that relays it."""

from __future__ import annotations

import pytest

from core.annotator import annotate_text
from core.annotator.no_speaker import runs_into_relayed_source
from core.annotator.tokens import TokenizedText


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # "هو" is the researcher's family name here: the rankers alone gave the quote to رويترز.
        (
            'وقال فرانك هو، كبير الباحثين في الدراسة "لا شك أن الامتناع عن التدخين له الأولوية القصوى".\n'
            'ونقلت "رويترز" عن هو قوله "الامتناع عن التدخين يطيل العمر".\n',
            "فرانك هو",
        ),
        (
            "أعلن الجيش الإسرائيلي أنه استهدف مواقع في سوريا.\n"
            'ونقلت وكالة الأنباء السورية الرسمية (سانا) عن مصدر عسكري قوله إن "الدفاعات الجوية تصدت لصاروخين".\n',
            "مصدر عسكري",
        ),
    ],
)
def test_a_relayed_quote_is_its_sources(text: str, source: str) -> None:
    relayed = [a for a in annotate_text(text) if a.kind in ("direct", "indirect") and a.cue == "قوله"]
    assert relayed
    assert [a.speaker for a in relayed] == [source] * len(relayed)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "تراجعت البورصة الصينية للأسبوع الثالث.\n"
            "ونقلت وكالة الأنباء الصينية شينخوا عن الناطق باسم لجنة تنظيم الأسواق جانغ تشياوجون أن الهيئة ستواصل شراء الأسهم.\n",
            "جانغ تشياوجون",
        ),
        (
            "انسحبت القوات من النقاط الخاضعة لسيطرتها بريف حلب.\n"
            "ونقل «مكتب أخبار سوريا» عن الناشط الإعلامي فيصل الحلبي، أن القوات سلمت مواقعها للفصائل.\n",
            "فيصل الحلبي",
        ),
        ("ضرب زلزال قوي محافظة بوشهر.\nونقلت صحيفة \"إكسبريس\" البريطانية عن ستوكلي، بأن الزلزال لم يوقع ضحايا.\n", "ستوكلي"),
    ],
)
def test_a_source_relayed_with_that_is_the_speaker(text: str, source: str) -> None:
    """``نقلت الوكالة عن فلان أن …``: as with ``قوله``, the words are the source's."""
    relayed = [a for a in annotate_text(text) if a.kind == "indirect"]
    assert [a.speaker for a in relayed] == [source]


@pytest.mark.parametrize(
    ("phrase", "subject", "runs_into"),
    [
        ("كما نقلت سانا عن مصدر رسمي في وزارة الخارجية", (2, 5), True),
        ("وروى ابن بطة عن معاذ بن معاذ", (1, 5), True),
        ("كما نقلت سانا", (2, 2), False),  # the relay's own subject
        ("وقال الناشط في الدفاع عن حقوق الإنسان", (1, 6), False),  # عن inside a name
    ],
)
def test_a_relay_subject_does_not_run_on_into_its_source(phrase: str, subject: tuple[int, int], runs_into: bool) -> None:
    """After ``نقلت سانا عن مصدر رسمي … قوله``, ``وأضاف`` may carry the source or name a
    subject of the sentence before; ``سانا عن مصدر رسمي في وزارة الخارجية`` is no subject."""
    tokens = TokenizedText(phrase).tokens
    assert runs_into_relayed_source(tokens, *subject) is runs_into
