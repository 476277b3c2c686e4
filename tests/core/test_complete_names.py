"""A speaker known only by a role takes the name the article introduces after that role, when
what follows the role is a name and not the rest of the sentence."""

from __future__ import annotations

from core.annotator.speakers import Entity, SpeakerResolver, complete_names
from core.annotator.tokens import TokenizedText
from core.folding import fold


def _fuller_name(text: str, role: str) -> str:
    """The name ``complete_names`` gives a speaker mentioned only as ``role`` in ``text``."""
    tokenized = TokenizedText(text)
    resolver = SpeakerResolver(tokenized)
    entity = Entity(role_tokens=fold(role).split(), mention_texts=[role])
    resolver.entities.append(entity)
    complete_names(tokenized, resolver)
    return entity.fuller_name


def test_a_role_takes_the_name_it_introduced() -> None:
    text = "وصل الرئيس الأمريكي دونالد ترامب إلى كندا أمس.\nوكتب الرئيس الأمريكي في بيان إنه لن يتراجع.\n"
    assert _fuller_name(text, "الرئيس الأمريكي") == "دونالد ترامب"


def test_no_name_with_a_possessive_noun_before_its_last_word() -> None:
    # "نظيره الأمريكي" is the verb's object, run on after the name.
    text = "وهنأ الرئيس الفرنسي إيمانويل ماكرون نظيره الأمريكي بالفوز.\nوقال الرئيس الفرنسي إن العلاقات متينة.\n"
    assert _fuller_name(text, "الرئيس الفرنسي") == ""


def test_a_role_takes_its_fullest_mention_unless_that_runs_on_into_a_relative_clause() -> None:
    kept = "وأكدت الجهات التنظيمية بالمالية الإسلامية في بيان أن القواعد واضحة.\nوقالت الجهات التنظيمية إن القواعد واضحة.\n"
    assert _fuller_name(kept, "الجهات التنظيمية") == "الجهات التنظيمية بالمالية الإسلامية"
    run_on = "وشاركت الممثلة الأمريكية التي زارت المخيم في الحملة.\nوقالت الممثلة الأمريكية إن اللاجئين بحاجة إلى المساعدة.\n"
    assert _fuller_name(run_on, "الممثلة الأمريكية") == ""


def test_names_that_end_like_a_pronoun_are_still_names() -> None:
    text = "وأكد الناشط العمالي جعفر عظيم زاده أن الإضراب مستمر.\nوقال الناشط العمالي إن العمال لم يتلقوا أجورهم.\n"
    assert _fuller_name(text, "الناشط العمالي") == "جعفر عظيم زاده"
    text = "وأعلن المدرب الفرنسي ديدييه ديشان أن التشكيلة جاهزة.\nوقال المدرب الفرنسي إن الفريق جاهز.\n"
    assert _fuller_name(text, "المدرب الفرنسي") == "ديدييه ديشان"


def test_no_name_holds_a_prepositional_phrase() -> None:
    # "باستغلال الأزمة" is what the president was accused of, run on after his name.
    text = "واتهم الرئيس التركي رجب طيب أردوغان باستغلال الأزمة.\nوقال الرئيس التركي إن بلاده لن تتراجع.\n"
    assert _fuller_name(text, "الرئيس التركي") == ""
    # A name that begins with ب or ل is still a name.
    text = "وأكد الكاتب السوري برهان غليون أن الحل سياسي.\nوقال الكاتب السوري إن الوقت ينفد.\n"
    assert _fuller_name(text, "الكاتب السوري") == "برهان غليون"
