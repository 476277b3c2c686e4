"""A speaker known only by a role, or only by a surname, takes the full name the article
introduces after a title, when what follows the title is a name and not the rest of the sentence;
a surname also takes the name the article writes without a title."""

from __future__ import annotations

import pytest

from core.annotator.name_completion import complete_names
from core.annotator.speakers import Entity, SpeakerResolver
from core.annotator.tokens import TokenizedText
from core.folding import fold


def _fuller_name(text: str, mention: str, *, by_surname: bool = False) -> str:
    """The name ``complete_names`` gives a speaker mentioned in ``text`` only as ``mention``: a
    role, or with ``by_surname`` a surname."""
    tokenized = TokenizedText(text)
    resolver = SpeakerResolver(tokenized)
    words = fold(mention).split()
    entity = Entity(name_tokens=words, mention_texts=[mention]) if by_surname else Entity(role_tokens=words, mention_texts=[mention])
    resolver.entities.append(entity)
    complete_names(tokenized, resolver)
    return entity.fuller_name


@pytest.mark.parametrize(
    ("text", "mention", "by_surname", "fuller"),
    [
        pytest.param(
            "وصل الرئيس الأمريكي دونالد ترامب إلى كندا أمس.\nوكتب الرئيس الأمريكي في بيان إنه لن يتراجع.\n",
            "الرئيس الأمريكي", False, "دونالد ترامب", id="the_name_a_role_introduced",
        ),
        pytest.param(
            # "نظيره الأمريكي" is the verb's object, run on after the name.
            "وهنأ الرئيس الفرنسي إيمانويل ماكرون نظيره الأمريكي بالفوز.\nوقال الرئيس الفرنسي إن العلاقات متينة.\n",
            "الرئيس الفرنسي", False, "", id="no_possessive_noun_before_the_last_word",
        ),
        pytest.param(
            "وأكدت الجهات التنظيمية بالمالية الإسلامية في بيان أن القواعد واضحة.\nوقالت الجهات التنظيمية إن القواعد واضحة.\n",
            "الجهات التنظيمية", False, "الجهات التنظيمية بالمالية الإسلامية", id="the_roles_fullest_mention",
        ),
        pytest.param(
            "وشاركت الممثلة الأمريكية التي زارت المخيم في الحملة.\nوقالت الممثلة الأمريكية إن اللاجئين بحاجة إلى المساعدة.\n",
            "الممثلة الأمريكية", False, "", id="no_fullest_mention_run_on_into_a_relative_clause",
        ),
        pytest.param(
            "وأكد الناشط العمالي جعفر عظيم زاده أن الإضراب مستمر.\nوقال الناشط العمالي إن العمال لم يتلقوا أجورهم.\n",
            "الناشط العمالي", False, "جعفر عظيم زاده", id="a_surname_that_ends_like_a_pronoun",
        ),
        pytest.param(
            "وأعلن المدرب الفرنسي ديدييه ديشان أن التشكيلة جاهزة.\nوقال المدرب الفرنسي إن الفريق جاهز.\n",
            "المدرب الفرنسي", False, "ديدييه ديشان", id="a_given_name_that_ends_like_a_pronoun",
        ),
        pytest.param(
            # "باستغلال الأزمة" is what the president was accused of, run on after his name.
            "واتهم الرئيس التركي رجب طيب أردوغان باستغلال الأزمة.\nوقال الرئيس التركي إن بلاده لن تتراجع.\n",
            "الرئيس التركي", False, "", id="no_prepositional_phrase",
        ),
        pytest.param(
            "وأكد الكاتب السوري برهان غليون أن الحل سياسي.\nوقال الكاتب السوري إن الوقت ينفد.\n",
            "الكاتب السوري", False, "برهان غليون", id="a_name_that_begins_with_b_or_l",
        ),
        pytest.param(
            "وقال وزير الخارجية الفرنسي، جان إيف لو دريان، إن الحل سياسي.\nوأضاف وزير الخارجية الفرنسي أن الوقت ينفد.\n",
            "وزير الخارجية الفرنسي", False, "جان إيف لو دريان", id="a_name_in_apposition",
        ),
        pytest.param(
            # "د." abbreviates a title: the name is what follows its full stop, not the letter.
            "“الحلول وحدها لا تكفي”، قال الخبير البيئي د. رامي ناصر.\nوقال الخبير البيئي إن الماء ينفد.\n",
            "الخبير البيئي", False, "رامي ناصر", id="the_name_after_an_abbreviated_title",
        ),
        pytest.param(
            "وقال وكيل الأمانة م. هشام الفالح إن المشروع اكتمل.\nوأضاف الفالح أن التكلفة انخفضت.\n",
            "الفالح", True, "هشام الفالح", id="a_surname_after_an_abbreviated_title",
        ),
        pytest.param(
            # What follows a named body is its object, unless it looks like a given name.
            "وارتأت إدارة المطار ضرورة إيجاد مبنى متخصص.\nوأوضحت إدارة المطار أن العقد وقع.\n",
            "إدارة المطار", False, "", id="no_name_after_a_named_body",
        ),
        pytest.param(
            "وقالت المتحدثة باسم وزارة الخارجية هيذر نويرت إن الوزير سيسافر.\nوأضافت نويرت أن الزيارة مهمة.\n",
            "نويرت", True, "هيذر نويرت", id="a_given_name_after_a_named_body",
        ),
        pytest.param(
            "وأمضى الرئيس الأمريكي دونالد ترامب عشر دقائق مع الصحفيين.\nوقال ترامب إن الاتفاق قريب.\n",
            "ترامب", True, "دونالد ترامب", id="the_name_runs_on_past_the_surname",
        ),
        pytest.param(
            "وأكد وزير الخارجية الإيراني محمد جواد ظريف لهذه التقارير أن بلاده ملتزمة.\nوقال ظريف إن الحوار ممكن.\n",
            "ظريف", True, "محمد جواد ظريف", id="three_words_up_to_the_surname",
        ),
        pytest.param(
            "وقال رئيس الوزراء الأردني عمر الرزاز إن الحكومة ماضية في خطتها.\nوأضاف الرزاز أن الموازنة جاهزة.\n",
            "الرزاز", True, "عمر الرزاز", id="a_given_name_that_is_a_noun_too",
        ),
        pytest.param(
            "وقال نائب رئيس الوزراء التركي، بكر بوزداغ، إن القوات ستبقى.\nوأضاف بوزداغ أن العملية مستمرة.\n",
            "بوزداغ", True, "بكر بوزداغ", id="a_name_in_apposition_after_its_role",
        ),
        pytest.param(
            "ونفى رئيس البرلمان الإيراني علي لاريجاني ما قاله المعهد.\nوقال لاريجاني إن بلاده لن توقع.\n",
            "لاريجاني", True, "علي لاريجاني", id="the_name_ali_is_no_preposition",
        ),
        pytest.param(
            # أصدر takes pronouns (أصدره) and never the article: a verb, not a given name.
            "وكان المدعي العام أصدر دافيدي زيكانيلا قرارا بالإفراج عنه.\nوقال زيكانيلا إن القرار نهائي.\n",
            "زيكانيلا", True, "", id="no_verb_for_a_given_name",
        ),
        pytest.param(
            "أكد المتحدث باسم الرئاسة الروسية، ديميتري بيسكوف، أن بلاده تراقب الوضع.\n"
            "وقال المتحدث باسم الرئاسة الروسية إن الحوار مستمر.\n",
            "المتحدث باسم الرئاسة الروسية", False, "ديميتري بيسكوف", id="a_role_through_bism_and_its_name",
        ),
        pytest.param(
            "قال ولي العهد السعودي، الأمير محمد بن سلمان، في حوار إن المملكة ماضية.\nوأضاف ولي العهد السعودي أن الإصلاح مستمر.\n",
            "ولي العهد السعودي", False, "محمد بن سلمان", id="a_name_in_apposition_with_its_own_title",
        ),
        pytest.param(
            # "الوزير الحقيل" is a role chain to titled_names; what follows its comma is no name.
            "وتكمن أهمية الأطروحات التي قدمها الوزير الحقيل، والرؤى الجديدة التي اقترحها.\nوقال الوزير الحقيل إن الأزمة تحل.\n",
            "الوزير الحقيل", False, "", id="no_name_that_starts_with_wa_al",
        ),
        pytest.param(
            "وقال ممثل اليونيسيف باليمن، جوليان هارنيس، إن التعليم حاسم.\nوأضاف ممثل اليونيسيف أن المدارس مغلقة.\n",
            "ممثل اليونيسيف", False, "جوليان هارنيس", id="the_name_of_a_longer_form_of_the_role",
        ),
        pytest.param(
            "وردت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا على الاتهام.\nوقالت المتحدثة باسم الخارجية إن الموقف ثابت.\n",
            "المتحدثة باسم الخارجية", False, "", id="guard_no_name_of_a_role_narrowed_by_an_adjective",
        ),
        pytest.param(
            "قال المتحدث باسم الرئيس الكوري الجنوبي، مون جيه إن، إن الرئيس لا يخطط لاتصال.\n"
            "وأضاف المتحدث باسم الرئيس الكوري الجنوبي أن القمة مهمة.\n",
            "المتحدث باسم الرئيس الكوري الجنوبي", False, "", id="guard_the_name_after_bism_a_person_is_that_persons",
        ),
        pytest.param(
            "وقال محامي المتهمين اللذين كانا يواجهان احتمال الحكم إن القضية انتهت.\nوأضاف محامي المتهمين أن موكليه أبرياء.\n",
            "محامي المتهمين", False, "", id="guard_no_role_past_a_relative_pronoun",
        ),
        pytest.param(
            "وأصدر مجلس الأمن الدولي اليوم الخميس بيانا رئاسيا حول اليمن.\nوقال مجلس الأمن الدولي إن الوضع خطير.\n",
            "مجلس الأمن الدولي اليوم الخميس", False, "", id="no_role_past_a_day",
        ),
        # Without a title (``untitled_name``): one given name before the surname, rare in news
        # or following titles there, and nothing a preposition, particle, verb or common noun
        # reads as.
        pytest.param(
            "واعتبرت كريستين لاغارد أن الاتحاد يملك ورقة رابحة.\nوقالت لاغارد إن التجارة الحرة تفيد الجميع.\n",
            "لاغارد", True, "كريستين لاغارد", id="a_foreign_given_name_without_a_title",
        ),
        pytest.param(
            "وكافح الصربي، نوفاك جوكوفيتش، الطقس الحار.\nوقال جوكوفيتش إن المباراة كانت صعبة.\n",
            "جوكوفيتش", True, "نوفاك جوكوفيتش", id="a_name_in_apposition",
        ),
        pytest.param(
            # The name علي, written with ي: no preposition على.
            "واعتبر علي لاريجاني أن الاتفاق ملزم للجميع.\nوقال لاريجاني إن البرلمان سيصوت.\n",
            "لاريجاني", True, "علي لاريجاني", id="the_given_name_ali",
        ),
        pytest.param(
            # "باسم لينا": by the name Lina, a preposition and no given name.
            "قالت منشقة عرفت نفسها باسم لينا إنها غادرت.\nوأضافت لينا أنها عادت إلى أهلها.\n",
            "لينا", True, "", id="no_preposition_as_a_given_name",
        ),
        pytest.param(
            # Three names or more: "محمد الجروان" would be a part of the name, not the name.
            "وأكد أحمد بن محمد الجروان أن البرلمان سيجتمع.\nوقال الجروان إن الجلسة علنية.\n",
            "الجروان", True, "", id="no_part_of_a_longer_name",
        ),
        pytest.param(
            "والتقى سامي الخياط بوفد الغرفة ثم زار معتز الخياط المعرض.\nوقال الخياط إن السوق واعدة.\n",
            "الخياط", True, "", id="no_surname_written_with_two_given_names",
        ),
        pytest.param(
            # A word news writes often and never after a title is no surname: the country
            # Christine visited is no "كريستين إسرائيل".
            "وزارت كريستين إسرائيل الشهر الماضي.\nوقالت إسرائيل إن الزيارة كانت ناجحة.\n",
            "إسرائيل", True, "", id="no_frequent_word_as_a_surname",
        ),
    ],
)
def test_the_fuller_name(text: str, mention: str, by_surname: bool, fuller: str) -> None:
    """A role (``by_surname`` false) or a surname, and the full name the article gives it."""
    assert _fuller_name(text, mention, by_surname=by_surname) == fuller
