"""Where a speaker mention's role ends and the person's name begins (``split_mention``), seen
through the name the speaker is given.

Local news writes an office with the place it is in (``مدير التعليم بمنطقة عسير``) and an
office with its charge (``المشرف على المعرض``) before the name; the name is what follows."""

from __future__ import annotations

import pytest

from core.annotator import annotate_text
from core.annotator.attribution import SpeakerPhrase
from core.annotator.speakers import SpeakerResolver
from core.annotator.tokens import TokenizedText


def _canonical(mention: str) -> str:
    """The name a speaker mentioned as ``mention`` (the whole text) is given."""
    tokenized = TokenizedText(mention)
    tokens = tokenized.tokens
    phrase = SpeakerPhrase(first=0, last=len(tokens) - 1, start=tokens[0].start, end=tokens[-1].end)
    return SpeakerResolver(tokenized).entity_for(phrase).canonical


@pytest.mark.parametrize(
    ("mention", "name"),
    [
        pytest.param("مدير عام التعليم بمنطقة عسير جلوي آل كركمان", "جلوي آل كركمان", id="place_then_its_name"),
        pytest.param(
            "المتحدث الرسمي للهلال الأحمر بمنطقة الرياض عبدالله المريبض", "عبدالله المريبض", id="place_then_definite_name"
        ),
        pytest.param(
            "مدير فرع وزارة العمل بمنطقة جازان علي بن أحمد الحربي", "علي بن أحمد الحربي", id="the_place_name_ends_the_role"
        ),
        pytest.param(
            "رئيس اللجنة الوطنية للسياحة بمجلس الغرف السعودية عبداللطيف العفالق", "عبداللطيف العفالق", id="an_organisation_after_b"
        ),
        pytest.param(
            "المدير العام للتعليم بمنطقة الرياض بالإنابة حمد بن عبدالله الشنيبر",
            "حمد بن عبدالله الشنيبر",
            id="a_definite_b_word_takes_no_complement",
        ),
        pytest.param("منسق اللجنة المحلية بمنطقة عسير علي عسيري", "علي عسيري", id="the_name_ali_is_no_link"),
        pytest.param("المشرف على المعرض حسين العطاس", "حسين العطاس", id="a_definite_noun_and_its_charge"),
        pytest.param("المشرف على المعرض", "المشرف على المعرض", id="a_charge_with_no_name_is_the_role"),
        pytest.param("رئيس قسم البرامج والأنشطة بالمركز يحيى بن علي", "يحيى بن علي", id="an_institution_with_the_article"),
        pytest.param(
            "الناطق الرسمي باسم وزارة خارجيتها عبدالعزيز بن علي الشريف",
            "عبدالعزيز بن علي الشريف",
            id="a_noun_with_a_pronoun_takes_no_complement",
        ),
        pytest.param("نائب رئيس الوزراء التركي بكر بوزداغ", "بكر بوزداغ", id="a_given_name_that_is_a_noun_too"),
        pytest.param(
            "منسق الأمم المتحدة للشؤون الإنسانية في سوريا يان إيغلاند", "يان إيغلاند", id="a_place_after_a_link_ends_the_role"
        ),
        pytest.param("مسؤول حكومي لرويترز", "مسؤول حكومي", id="the_agency_spoken_to"),
        pytest.param("متحدثة باسم الوزارة لبي بي سي عربي", "متحدثة باسم الوزارة", id="the_channel_spoken_to"),
        pytest.param("الوزير الحقيل", "الحقيل", id="an_honorific_and_a_surname"),
        pytest.param("العقيد المالكي", "المالكي", id="an_honorific_and_a_nisba_surname"),
        pytest.param("الوزير، في تصريحات إعلامية", "الوزير", id="the_statement_spoken_in"),
        pytest.param("وزارة الخارجية الأردنية في بيان نشرته وسائل الإعلام", "وزارة الخارجية الأردنية", id="the_release_spoken_in"),
        pytest.param(
            "مدير هيئة السياحة والتراث الوطني في محافظة ينبع سامر بن علي العنيني",
            "سامر بن علي العنيني",
            id="a_governorate_s_name_after_in",
        ),
        pytest.param("مدير التعليم في محافظة جدة سامر العنيني", "سامر العنيني", id="a_governorate_title_keeps_the_place_open"),
        pytest.param(
            "متحدث هيئة الهلال الأحمر بجازان عيسى بن أحمد الحكمي", "عيسى بن أحمد الحكمي", id="b_and_a_place_s_own_name"
        ),
        pytest.param("صوفيا جميل لبي بي سي", "صوفيا جميل", id="the_channel_a_person_spoke_to"),
        pytest.param("رامي عبد الرحمن لوكالة فرانس برس", "رامي عبد الرحمن", id="the_agency_a_person_spoke_to"),
        # Guards: these were named so before and must stay so.
        pytest.param("مصور لرويترز", "مصور لرويترز", id="guard_a_photographer_for_an_agency"),
        pytest.param("رئيس بلدية تشاتانوغا", "رئيس بلدية تشاتانوغا", id="guard_a_word_of_its_own_after_b"),
        pytest.param("الأمين العام للأمم المتحدة بان كي مون", "بان كي مون", id="guard_a_short_name_after_b"),
        pytest.param("مسؤول في الوزارة", "مسؤول في الوزارة", id="guard_fi_and_a_body"),
        pytest.param("الوزير الأردني", "الوزير الأردني", id="guard_an_honorific_and_a_nationality"),
        pytest.param("الأستاذة الجامعية", "الأستاذة الجامعية", id="guard_an_honorific_and_a_feminine_adjective"),
        pytest.param("مراسل لبي بي سي في غزة", "مراسل لبي بي سي في غزة", id="guard_a_correspondent_for_an_outlet"),
        pytest.param("المدير التنفيذي للموقع", "المدير التنفيذي للموقع", id="guard_the_director_of_a_site"),
        pytest.param("وزارة الخارجية في بيونغ يانغ", "وزارة الخارجية في بيونغ يانغ", id="guard_a_place_of_two_words"),
        pytest.param("كبير مفاوضي الاتحاد الأوروبي", "كبير مفاوضي الاتحاد الأوروبي", id="guard_a_common_noun_and_a_rare_one"),
        pytest.param("مدير إدارة مكافحة المخدرات بدر العتيبي", "بدر العتيبي", id="guard_a_name_starting_with_b"),
        pytest.param("سعيد بن جبلي", "سعيد بن جبلي", id="guard_ibn_is_no_link_after_a_name"),
        pytest.param("وزير الخارجية الإيراني محمد جواد ظريف", "محمد جواد ظريف", id="guard_title_and_name"),
    ],
)
def test_the_name_after_a_role(mention: str, name: str) -> None:
    assert _canonical(mention) == name


def test_the_speaker_mention_leaves_out_the_agency_spoken_to() -> None:
    text = "وقال مسؤول حكومي لرويترز إن الوضع مستقر في العاصمة بعد الاشتباكات.\n"
    speakers = [a for a in annotate_text(text) if a.type == "speaker"]
    assert [(text[a.start : a.end], a.speaker) for a in speakers] == [("مسؤول حكومي", "مسؤول حكومي")]


def test_a_surname_after_an_honorific_takes_the_full_name() -> None:
    text = (
        "بدأ معالي الوزير ماجد الحقيل اللقاء بتحليل الأزمة.\n"
        "وقال الوزير الحقيل إن ثقافة المسكن في المملكة تحتاج إلى إعادة نظر شاملة.\n"
    )
    quotes = [a for a in annotate_text(text) if a.type == "quote"]
    assert [a.speaker for a in quotes] == ["ماجد الحقيل"]
