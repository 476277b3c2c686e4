"""فان in Dutch names (``لويس فان غال``, ``فيرجيل فان دايك``): written without hamza it folds
like the complementiser فإن, which ended the name and hid the quote. Before a rare word and after
a word it is the name's particle."""

from __future__ import annotations

import pytest

from core.annotator import annotate_text
from core.annotator.tokens import NAME_PARTICLE_VAN, TokenizedText


def _norm_of_van(text: str) -> str:
    tokenized = TokenizedText(text)
    return next(t.norm for t in tokenized.tokens if text[t.start : t.end] in ("فان", "فإن"))


@pytest.mark.parametrize(
    ("text", "norm"),
    [
        ("وقال المدرب لويس فان غال إن الفريق جاهز.", NAME_PARTICLE_VAN),
        ("وسجل المدافع فيرجيل فان دايك هدفا.", NAME_PARTICLE_VAN),
        ("وبالتالي فان الجهة المختصة ستتولى الأمر.", "فان"),  # a definite word after it
        ("ومع ذلك فان تكلفة المشروع كبيرة.", "فان"),  # a frequent word after it
        ("وقال ويلباك: كما ترون، فان بوسعي أن ألعب.", "فان"),  # punctuation before it
        ("وقال المدرب لويس فإن غال إن الفريق جاهز.", "فان"),  # written with hamza: فإن
    ],
)
def test_van_before_a_rare_word_is_a_name_particle(text: str, norm: str) -> None:
    assert _norm_of_van(text) == norm


def test_a_quote_of_a_dutch_name_is_found_and_attributed() -> None:
    text = "خبر رياضي\n\nوقال المدرب الهولندي لويس فان غال إن الفريق جاهز للمباراة المقبلة.\n"
    quotes = [a for a in annotate_text(text) if a.type == "quote"]
    assert [(a.kind, text[a.start : a.end], a.speaker) for a in quotes] == [
        ("indirect", "الفريق جاهز للمباراة المقبلة", "لويس فان غال")
    ]
