"""``نقلت الوكالة عن فلان قوله``: the guideline gives the quote to فلان, the source the agency
cites, never to the agency that relays it."""

from __future__ import annotations

import pytest

from core.annotator import annotate_text


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
