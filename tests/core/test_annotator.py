"""The annotator's rules on hand-written cases for every pattern of the guideline.

Each case is a small article; the assertions name the exact span (as text) and attribution the
guideline asks for. These run the rules alone (an untrained model): they are the speaker
rankers' candidates and features, so each rule is pinned here; what the trained rankers choose
among them is judged by cross-validation (``test_corpus_eval.py``) and ``test_speaker_ranker.py``.
"""

from __future__ import annotations

import pytest

from core.annotator import annotate_document, reannotate
from core.annotator.trained import AnnotatorModel
from core.model import Annotation, Document
from core.resources import SAMPLE_ARTICLE, read_text

TITLE = "عنوان الخبر الرئيسي اليوم\n"


RULES_ONLY = AnnotatorModel()


def annotate(body: str, title: str = TITLE) -> Document:
    return annotate_document(Document(title + body, id="t"), RULES_ONLY)


def quotes(document: Document, kind: str | None = None) -> list[Annotation]:
    return [a for a in document if a.type == "quote" and (kind is None or a.kind == kind)]


def texts(document: Document, kind: str | None = None) -> list[str]:
    return [document.span_text(q) for q in quotes(document, kind)]


# Quotation marks ---------------------------------------------------------------------------------
SPEECH = "لن نتراجع عن هذا القرار مهما كانت الضغوط"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [
        ("“", "”"),  # curly
        ("”", "“"),  # reversed curly (typed right-to-left)
        ("”", "”"),  # WordPress pairs
        ("«", "»"),  # guillemets
        ("»", "«"),  # reversed guillemets
        ('"', '"'),  # straight
        ("«", "”"),  # mixed pair
        ("&quot;", "&quot;"),  # raw HTML entity left by a scraper
        ("&#8220;", "&#8221;"),
    ],
)
def test_every_mark_style_gives_one_direct_quote_without_the_marks(opening: str, closing: str) -> None:
    document = annotate(f"وقال الوزير سامي علي: {opening}{SPEECH}{closing}.\n")
    [quote] = quotes(document)
    assert quote.kind == "direct"
    assert document.span_text(quote) == SPEECH
    assert quote.speaker == "سامي علي"
    assert quote.cue == "وقال"


def test_nested_marks_give_one_quote_and_no_quote_for_the_name_inside() -> None:
    document = annotate(
        "وقال الناطق الصحفي باسم الرئيس إن القيادة لا تعلم شيئا.\n"
        "وأردف: “يكتب عن ذلك موقع “غازيتا رو” لكننا لم نتلق أي معلومات من المجلس نفسه”.\n"
    )
    direct = texts(document, "direct")
    assert direct == ["يكتب عن ذلك موقع “غازيتا رو” لكننا لم نتلق أي معلومات من المجلس نفسه"]
    [quote] = quotes(document, "direct")
    assert quote.cue == "وأردف"
    assert quote.speaker == "الناطق الصحفي باسم الرئيس"  # pronoun cue: the previous speaker


def test_a_quote_over_several_paragraphs_is_one_quote() -> None:
    document = annotate(
        "وقال المدير العام خالد يوسف في بيان: «ندرس كل الاعتراضات بجدية.\n"
        "«ولن نتخذ أي قرار نهائي قبل أن نستمع إلى السكان والخبراء في جلسات علنية».\n"
    )
    [quote] = quotes(document, "direct")
    assert document.span_text(quote).startswith("ندرس كل الاعتراضات")
    assert document.span_text(quote).endswith("في جلسات علنية")


def test_an_unclosed_quote_ends_with_its_paragraph_and_is_doubtful() -> None:
    document = annotate(
        "وأضاف الخبير رامي ناصر: “الجفاف ليس قدرا، بل نتيجة قرارات خاطئة اتخذت منذ سنوات\n"
        "وفي سياق آخر ارتفعت الأسعار في الأسواق المحلية بشكل كبير خلال الأسبوع الماضي.\n"
    )
    [quote] = quotes(document)
    assert document.span_text(quote) == "الجفاف ليس قدرا، بل نتيجة قرارات خاطئة اتخذت منذ سنوات"
    assert quote.confidence is not None and quote.confidence < 0.7


def test_a_wordpress_opening_mark_after_la_is_a_name_not_speech() -> None:
    document = annotate(
        "وصرح المتحدث الرسمي لوزارة الصحة صالح المالكي لـ”عين اليوم” بأن الأنظمة تمنع احتجاز الجثث.\n"
    )
    assert texts(document, "direct") == []
    [quote] = quotes(document, "indirect")
    assert document.span_text(quote) == "الأنظمة تمنع احتجاز الجثث"
    assert quote.speaker == "صالح المالكي"


def test_names_and_terms_in_marks_are_not_quotes() -> None:
    document = annotate(
        "تعمل الخبراء على مواجهة “داعش” في المنطقة منذ سنوات طويلة دون نتيجة واضحة.\n"
        "ونشرت صحيفة «الوطن» تقريرا عن مشروع «النهر الأخضر» في الجنوب.\n"
        "وذكرت دراسة \"ديجيتال نيوز ريبورت\" أرقاما جديدة عن القراء.\n"
    )
    assert quotes(document, "direct") == []


def test_qur_anic_brackets_are_a_direct_quote() -> None:
    document = annotate("وأجد دوما في قوله تعالى ﴿وَلَا يُنَبِّئُكَ مِثْلُ خَبِيرٍ﴾ القول الفصل في الحكم على المواقف.\n")
    assert texts(document, "direct") == ["وَلَا يُنَبِّئُكَ مِثْلُ خَبِيرٍ"]


def test_a_saying_in_parentheses_after_a_cue_and_colon_is_direct() -> None:
    document = annotate("وروى الإمام عن ابن سيرين أنه قال: (إن هذا العلم دين فانظروا عمن تأخذون دينكم).\n")
    assert "إن هذا العلم دين فانظروا عمن تأخذون دينكم" in texts(document, "direct")


# Indirect speech -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "speech", "cue"),
    [
        ("أعلن الكرملين أن موسكو مستعدة لدراسة إرسال قوات.", "موسكو مستعدة لدراسة إرسال قوات", "أعلن"),
        ("وقال الوزير خالد سعيد إن الحكومة ستعلن خطتها غدا.", "الحكومة ستعلن خطتها غدا", "وقال"),
        ("وأكدت الوزارة أنها ستواصل العمل في المشروع.", "ستواصل العمل في المشروع", "وأكدت"),
        ("وقالوا بأن الوضع الأمني مستقر تماما في المدينة.", "الوضع الأمني مستقر تماما في المدينة", "وقالوا"),
        ("ويقول الخبراء إن الأسعار سترتفع هذا العام.", "الأسعار سترتفع هذا العام", "ويقول"),
        ("وأشار الوزير إلى أن المفاوضات لم تنته بعد.", "المفاوضات لم تنته بعد", "وأشار"),
        ("وشددت المنظمة على أن الحل سياسي فقط.", "الحل سياسي فقط", "وشددت"),
        ("وقال الطرفان إنهما اتفقا على وقف إطلاق النار.", "اتفقا على وقف إطلاق النار", "وقال"),
    ],
)
def test_indirect_speech_after_reporting_verbs(sentence: str, speech: str, cue: str) -> None:
    document = annotate(sentence + "\n")
    [quote] = quotes(document, "indirect")
    assert document.span_text(quote) == speech
    assert quote.cue == cue


def test_a_new_cue_with_its_own_complementiser_starts_a_new_quote() -> None:
    document = annotate(
        "وأكد الخطيب أن الوزارة ستوزع أنظمة ري حديثة على المزارع، مضيفا أن كلفة المشروع تبلغ أربعين مليونا.\n"
    )
    assert texts(document, "indirect") == ["الوزارة ستوزع أنظمة ري حديثة على المزارع", "كلفة المشروع تبلغ أربعين مليونا"]
    first, second = quotes(document, "indirect")
    assert second.cue == "مضيفا"
    assert first.speaker == second.speaker == "الخطيب"


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker"),
    [
        # عقب "after" and بين "between" are also forms of عقّب and بيّن: after a word of the
        # clause they are the preposition, and the verb before them is the cue.
        ("وصرح المسؤول الروسي عقب اختتام المفاوضات، أن القوات انسحبت من المنطقة.", "وصرح", "المسؤول الروسي"),
        ("وأوضح الكرملين في نقله لنص المحادثة بين الرئيسين أن الطرفين اتفقا على التهدئة.", "وأوضح", "الكرملين"),
        # The phrase the preposition opens does not count against the verb's reach: وحذر is
        # a stance verb, which governs a complementiser at most eight words on.
        ("وحذر جيفري في تصريحات صحفية عقب جولة أجراها في الشرق الأوسط وتركيا، من أن الأوضاع خطيرة جدا.", "وحذر", "جيفري"),
        # After a connective or a relative pronoun the form is the verb itself.
        ("وصل الوفد إلى العاصمة صباح اليوم، كما بين الوزير أن الإنتاج سيتضاعف هذا العام.", "بين", "الوزير"),
    ],
)
def test_a_verb_form_that_is_also_a_preposition(sentence: str, cue: str, speaker: str) -> None:
    [quote] = quotes(annotate(sentence + "\n"), "indirect")
    assert quote.cue == cue
    assert quote.speaker == speaker


def test_a_verb_form_after_a_relative_pronoun_is_the_verb() -> None:
    document = annotate("ورحب المجلس بالقرار الذي بين أن الدعم سيستمر حتى نهاية العام.\n")
    [quote] = quotes(document, "indirect")
    assert quote.cue == "بين"


@pytest.mark.parametrize(
    "sentence",
    [
        "يذكر أن الوادي يضم أكثر من مئتي قرية زراعية.",
        "وتجدر الإشارة إلى أن المشروع بدأ قبل عامين.",
        "وهذا يعني أن الأسعار سترتفع قريبا.",
        "بيد أن الطموح الحقيقي يكمن في الخطوة التالية.",
        "ورفضت الوزيرة أن يصبح الحجاب عائقا أمام العمل.",
    ],
)
def test_look_alikes_are_not_speech(sentence: str) -> None:
    assert quotes(annotate(sentence + "\n")) == []


def test_a_clause_wholly_inside_marks_is_direct_only() -> None:
    document = annotate("وقال رئيس البلدية سمير حداد إن «المدينة لن تتخلى عن سكانها في هذه الظروف الصعبة».\n")
    assert texts(document, "indirect") == []
    assert texts(document, "direct") == ["المدينة لن تتخلى عن سكانها في هذه الظروف الصعبة"]


def test_marked_fragment_inside_reported_speech_is_also_direct() -> None:
    document = annotate("وقال مسؤول حكومي كبير إن القيود على المواقع “جزء مهم” من جهود مكافحة الإرهاب.\n")
    [indirect] = quotes(document, "indirect")
    [direct] = quotes(document, "direct")
    assert document.span_text(direct) == "جزء مهم"
    assert direct.speaker == indirect.speaker == "مسؤول حكومي كبير"


def test_passive_reporting_has_no_speaker() -> None:
    document = annotate("وقيل إن القبر دمر بالكامل خلال أيام الثورة.\n")
    [quote] = quotes(document)
    assert quote.speaker is None and quote.cue == "وقيل"


# Speakers ------------------------------------------------------------------------------------------
def test_verb_first_attribution_with_role_and_date() -> None:
    document = annotate(
        "وقال دميتري بيسكوف الناطق الصحفي باسم الرئيس الروسي الجمعة 18 سبتمبر/ايلول: “إذا تسلمنا نداء بهذا الشأن، فسندرسه طبعا”.\n"
        "وأضاف بيسكوف أن القرار لم يتخذ بعد.\n"
    )
    first, second = quotes(document)
    assert first.speaker == second.speaker == "دميتري بيسكوف"  # the surname resolves to the full name
    assert (first.cue, second.cue) == ("وقال", "وأضاف")
    mention = document.get(first.speaker_id)
    assert mention.type == "speaker"
    assert document.span_text(mention) == "دميتري بيسكوف الناطق الصحفي باسم الرئيس الروسي"
    assert document.span_text(document.get(first.cue_id)) == "وقال"


def test_role_then_name_gives_the_name_as_canonical() -> None:
    document = annotate("وقال وزير الخارجية السوري وليد المعلم لوكالة سانا إن بلاده لن تقبل بذلك.\n")
    [quote] = quotes(document)
    assert quote.speaker == "وليد المعلم"


def test_post_quote_attribution() -> None:
    document = annotate("“الحلول التقنية وحدها لا تكفي ونحن بحاجة إلى تغيير طريقة تفكيرنا”، قال الخبير البيئي رامي ناصر.\n")
    [quote] = quotes(document)
    assert quote.cue == "قال"
    assert quote.speaker == "رامي ناصر"


def test_according_to_attribution() -> None:
    document = annotate("وبحسب تقرير لجمعية المزارعين، فإن ثلث الأراضي الزراعية لم تزرع هذا الموسم.\n")
    [quote] = quotes(document)
    assert document.span_text(quote) == "ثلث الأراضي الزراعية لم تزرع هذا الموسم"
    assert quote.cue == "وبحسب"
    assert quote.speaker == "تقرير لجمعية المزارعين"


def test_relay_gives_the_source_as_speaker_and_qawluhu_as_cue() -> None:
    document = annotate("ونقلت وكالة رويترز عن مصدر دبلوماسي قوله إن المحادثات ستستأنف الأسبوع المقبل.\n")
    [quote] = quotes(document)
    assert quote.speaker == "مصدر دبلوماسي"
    assert quote.cue == "قوله"


def test_a_works_title_after_bi_unwan_is_no_quote_however_long() -> None:
    document = annotate(
        "وأشارت ورقة بعنوان: «التعلم الإلكتروني في المملكة العربية السعودية الماضي والحاضر والمستقبل» إلى أن التعليم تغير.\n"
    )
    assert texts(document, "direct") == []


def test_a_name_after_a_preposition_against_the_mark_is_no_quote() -> None:
    document = annotate(
        "وأكد إيهاب طبارة المدير العام لـ«شركة مخزن الخليج لبيع مواد البناء»، أن حجم السوق يصل إلى ملياري دولار.\n"
        "ووفقاً لـ \"رويترز\"، فقد ارتفع سعر خام برنت.\n"
    )
    assert texts(document, "direct") == []


def test_a_quoted_name_right_after_the_verb_is_its_subject_not_a_quote() -> None:
    document = annotate(
        'وأشار "جون كيري" إلى أن العملية التي بدأتها الأمم المتحدة ستستمر.\n'
        'وأردف "العصيمي": "تشمل المحاور كذلك وضع خطط لإنجاز الأعمال والمهام بالإدارة".\n'
    )
    assert [(q.kind, q.speaker) for q in quotes(document)] == [("indirect", "جون كيري"), ("direct", "العصيمي")]
    assert "جون كيري" not in texts(document, "direct") and "العصيمي" not in texts(document, "direct")


def test_a_name_in_marks_after_the_verb_before_its_source_or_report_is_no_quote() -> None:
    """``ونقلت "رويترز" عن محللين أن``, ``قال «المرصد …»: إنه``, ``وأفادت «الشبكة …» في
    تقريرها``: the marks hold the verb's subject, which the words after them show; speech
    right after a verb would not go on so."""
    document = annotate(
        'هبط النفط للأسبوع الثالث.\nونقلت "رويترز" عن محللين أن النفط لم يصل إلى القاع بعد.\n'
        "وفي السياق، قال «المرصد السوري لحقوق الإنسان»: إنه وثق مئات الغارات.\n"
        "وأفادت «الشبكة السورية لحقوق الإنسان» في تقريرها، بمقتل عشرات المدنيين.\n"
    )
    assert quotes(document, "direct") == []
    assert [q.speaker for q in quotes(document, "indirect")][:1] == ["محللين"]
    # Speech in marks after the verb goes on with a new clause, and stays a quote.
    said = annotate('تحدث عمران خان أمام أنصاره في إسلام أباد. وقال "نجحنا ومنحونا تفويضا"، مذكرا بأن الطريق طويل.\n')
    assert texts(said, "direct") == ["نجحنا ومنحونا تفويضا"]


def test_the_medium_after_according_to_what_it_reported_is_no_quote() -> None:
    """``وفق ما نقلت "فرانس برس"``, ``حسبما نقلت "واس"``: the marks hold who reported."""
    document = annotate(
        'اعتقلت الشرطة مطلق النار، وفق ما نقلت "فرانس برس".\n'
        'وارتفعت الصادرات في الربع الثاني، حسبما نقلت "رويترز".\n'
        'وبحسب ما نقلت "سي إن إن"، فإنه ليس من الواضح سبب الحادث.\n'
    )
    assert quotes(document, "direct") == []
    # After a colon, the marks hold words said.
    said = annotate('كانت الوجهة الثانية العراق، وبحسب ما أوضحه: "وقد اختارها وذهب إليها عدد كبير من الإخوة".\n')
    assert texts(said, "direct") == ["وقد اختارها وذهب إليها عدد كبير من الإخوة"]


def test_a_quoted_body_a_role_serves_does_not_name_the_speaker() -> None:
    """``محلل إيراني لصحيفة "كريستيان ساينس مونيتور"``: the marks hold the paper he wrote for
    (ل written onto the word before them), not the analyst's name; in ``صحيفة "تلغراف"
    البريطانية`` they hold the speaker's own name."""
    from core.annotator import annotate_text

    analyst = annotate_text('وقال محلل إيراني لصحيفة "كريستيان ساينس مونيتور" الأميركية إن الاتفاق هش.\n')
    speakers = [a.speaker or "" for a in analyst if a.kind == "indirect"]
    assert len(speakers) == 1 and speakers[0].startswith("محلل إيراني")
    paper = annotate_text('وقالت صحيفة "تلغراف" البريطانية إن الرجل المعتقل يبلغ من العمر 29 عاما.\n')
    assert [a.speaker for a in paper if a.kind == "indirect"] in (["تلغراف"], ['صحيفة "تلغراف" البريطانية'])


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("وأوضح السفير المصري لدى روما أنه يتابع حركة السفن.\n", "السفير المصري لدى روما"),
        ('وقال المتحدث باسم "أحرار الشام"، إن المفاوضات مستمرة.\n', 'المتحدث باسم "أحرار الشام"'),
        # A personal name after the body is the speaker's.
        ("وقال المتحدث باسم الكرملين دميتري بيسكوف إن الاجتماع مهم.\n", "دميتري بيسكوف"),
    ],
)
def test_the_body_after_a_role_link_is_not_the_speakers_name(text: str, speaker: str) -> None:
    """After باسم or لدى a name is the body the role serves: the speaker is the ambassador or
    the spokesman, not روما or أحرار الشام."""
    from core.annotator import annotate_text

    assert [a.speaker for a in annotate_text(text) if a.kind == "indirect"] == [speaker]


def test_chanting_and_repeating_are_reporting_verbs() -> None:
    document = annotate(
        'وأضرم محتجون النار في سيارات الشرطة وهم يهتفون "الموت للدكتاتور"، ردا على الغاز.\n'
        'وردد المحتجون "اخجل يا روحاني، اترك الحكم والبلاد" في الساحة.\n'
    )
    assert texts(document, "direct") == ["الموت للدكتاتور", "اخجل يا روحاني، اترك الحكم والبلاد"]
    assert [q.cue for q in quotes(document, "direct")] == ["يهتفون", "وردد"]
    # The participle of هتف is the noun "telephone": no cue.
    assert quotes(annotate('وأكد عبر الهاتف "نحن بخير والأمور تسير كما خططنا لها تماما" للجميع.\n'), "direct")[0].cue == "وأكد"


def test_kama_opening_a_sentence_means_also_and_stays_out_of_the_cue() -> None:
    document = annotate(
        "وقال الوزير إن الخطة جاهزة. كما أكد الوزير أن التمويل متوفر.\n"
        "وأعلنت الوزارة أن المشروع بدأ، كما ذكرت الوكالة أن الأعمال تتقدم.\n"
    )
    assert [q.cue for q in quotes(document)] == ["وقال", "أكد", "وأعلنت", "ذكرت"]


def test_kama_inside_a_clause_means_as_and_belongs_to_the_cue() -> None:
    document = annotate("ويتوقع الخبراء نموا بطيئا كما يقول المحلل سامي ناصر إن الأسواق ستتعافى ببطء.\n")
    [quote] = quotes(document)
    assert quote.cue == "كما يقول"


def test_anonymous_sources_and_organisations_are_speakers() -> None:
    document = annotate(
        "وقالت مصادر مطلعة إن الاجتماع أجل إلى موعد لاحق.\n"
        "بدورها نفت وزارة الدفاع الروسية أن تكون قواتها قد شاركت في العملية.\n"
    )
    first, second = quotes(document)
    assert first.speaker == "مصادر مطلعة"
    assert second.speaker == "وزارة الدفاع الروسية"


def test_participle_cue_after_a_name_first_clause() -> None:
    document = annotate(
        "لكن الدائرة الصحفية للمنطقة العسكرية الشرقية نفت تلك المعلومات، مشيرة إلى أن التدريبات تجري داخل حدود المنطقة.\n"
    )
    [quote] = quotes(document)
    assert quote.speaker == "الدائرة الصحفية للمنطقة العسكرية الشرقية"
    assert quote.cue == "مشيرة"


def test_qaila_after_a_finite_verb_of_saying_takes_that_verb_as_cue() -> None:
    document = annotate("وأضاف الطبيب أحمد سمير قائلا: «التشخيص الدقيق يسمح بمعرفة الخطوة المقبلة للعلاج».\n")
    [quote] = quotes(document)
    assert quote.cue == "وأضاف"


# Structure -----------------------------------------------------------------------------------------
def test_title_byline_headings_sections_and_duplicates() -> None:
    paragraph = "وتظهر الصور الجوية التي نشرتها الوزارة بقعا واسعة من قاع النهر وقد جفت تماما بعد موسم طويل."
    text = (
        "خطة عاجلة لإنقاذ النهر من الجفاف\n"
        "حنان الحامدي – عين اليوم\n"
        f"{paragraph}\n"
        "مزارعون بين القلق والأمل\n"
        "وفي قرية العين البيضاء ينتظر المزارعون دورهم في الري أسبوعين كاملين منذ بداية الصيف الحالي.\n"
        f"{paragraph}\n"
        "اقرأ أيضا:\n"
        "الأمطار الموسمية تتأخر للعام الثالث\n"
        "مزارعو الجنوب يطالبون بتعويضات\n"
    )
    document = annotate_document(Document(text, id="s"))
    [title] = document.of_type("title")
    assert document.span_text(title) == "خطة عاجلة لإنقاذ النهر من الجفاف"
    boilerplate = [document.span_text(a) for a in document.of_type("boilerplate")]
    assert "حنان الحامدي – عين اليوم" in boilerplate
    assert "اقرأ أيضا:" in boilerplate
    assert "مزارعو الجنوب يطالبون بتعويضات" in boilerplate
    [heading] = document.of_type("heading")
    assert document.span_text(heading) == "مزارعون بين القلق والأمل"
    sections = document.of_type("section")
    assert [s.heading_id for s in sections] == [None, heading.id]
    assert document.span_text(sections[1]).endswith(paragraph)  # ends before the trailing links
    duplicates = [p for p in document.of_type("paragraph") if p.duplicate_of]
    assert len(duplicates) == 1
    assert document.span_text(document.get(duplicates[0].duplicate_of)) == paragraph


def test_photo_credits_and_urls_inside_lines_are_boilerplate_fragments() -> None:
    document = annotate(
        "RIA NOVOSTI – تعرضت المنصة الصينية لعاصفة بحرية عنيفة أدت إلى غرقها في البحر.\n"
        "وقد نشرت الوكالة الصور صباح اليوم. AFP HANDOUT ولو لم تتمكن فرق الإنقاذ من السيطرة لكانت الكارثة أكبر.\n"
    )
    fragments = [document.span_text(a) for a in document.of_type("boilerplate")]
    assert any(f.startswith("RIA NOVOSTI") for f in fragments)
    assert any("AFP HANDOUT" in f for f in fragments)


def test_an_article_on_one_line_splits_at_no_break_space_runs() -> None:
    sentences = [f"هذه الجملة رقم {n} من الخبر وهي طويلة بما يكفي لتكون فقرة كاملة في المقال." for n in range(12)]
    body = "\u00a0\u00a0".join(sentences)
    document = annotate(body + "\n")
    assert len(document.of_type("paragraph")) == 12


def test_bidi_controls_at_line_starts_are_outside_spans() -> None:
    document = annotate("\u200f\u200eوقال الوزير خالد سعيد إن الحكومة ستعلن خطتها غدا.\n")
    for paragraph in document.of_type("paragraph"):
        assert not document.span_text(paragraph).startswith(("\u200f", "\u200e"))


# The whole pipeline --------------------------------------------------------------------------------
def test_the_bundled_sample_exercises_every_type_and_mark_style() -> None:
    text = read_text(SAMPLE_ARTICLE)
    document = annotate_document(Document(text, id="sample"))
    types = {a.type for a in document}
    assert types == {"title", "heading", "section", "paragraph", "boilerplate", "quote", "speaker", "cue"}
    kinds = {q.kind for q in quotes(document)}
    assert kinds == {"direct", "indirect"}
    for mark in ("“", "”", "«", "»", '"', "&quot;"):
        assert mark in text
    assert any(p.duplicate_of for p in document.of_type("paragraph"))
    assert all(a.origin == "auto" and a.status == "pending" and a.confidence is not None for a in document)


def test_reannotation_keeps_every_human_decision() -> None:
    text = read_text(SAMPLE_ARTICLE)
    document = annotate_document(Document(text, id="sample"))
    first, second = quotes(document)[:2]
    document.set_status(first.id, "rejected")
    document.set_status(second.id, "accepted")
    manual = document.add(Annotation("m1", "heading", 0, 5))
    before = {a.id: a for a in document if a.id in (first.id, second.id, manual.id)}
    reannotate(document)
    assert document.get(first.id) == before[first.id]
    assert document.get(second.id) == before[second.id]
    assert document.get(manual.id) == before[manual.id]
    # The rejected suggestion is not brought back under a new id.
    same_span = [q for q in quotes(document) if (q.start, q.end) == (first.start, first.end)]
    assert same_span == [document.get(first.id)]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("وقال المزارع محمود العلي إن محصول القمح هذا العام هو الأسوأ.", "محمود العلي"),  # profession + name
        ("أما جارته سلمى الحسن فقالت إنها باعت نصف ماشيتها.", "سلمى الحسن"),  # relational noun
        ("وقال الخبير البيئي د. رامي ناصر إن المياه الجوفية تستنزف.", "رامي ناصر"),  # honorific د.
        ("وقالت رئيسة المنظمة ليلى منصور إن المشروع سيقتل الحياة البرية.", "ليلى منصور"),  # name starting with ل
        ("وقال نائب قائد الفرقة عبد الأمير الخزرجي إن القوات تقدمت.", "عبد الأمير الخزرجي"),  # عبد + title word
        ("وقال وكيل جامعة الملك فهد للبترول الدكتور سهل عبد الجواد إن البرنامج مهم.", "سهل عبد الجواد"),
    ],
)
def test_role_and_name_split_in_speaker_phrases(sentence: str, speaker: str) -> None:
    [quote] = quotes(annotate(sentence + "\n"))
    assert quote.speaker == speaker


def test_the_object_of_wasafa_is_not_the_speaker() -> None:
    document = annotate("وقالت سلمى الحسن إنها باعت ماشيتها، ووصفت الوضع بأنه \"كارثة حقيقية\".\n")
    assert {q.speaker for q in quotes(document)} == {"سلمى الحسن"}


def test_wafqan_li_and_wasafa_bi_annahu() -> None:
    document = annotate(
        "ووفقا لـوزارة الصحة، فإن عدد الإصابات ارتفع إلى مئة حالة هذا الأسبوع.\n"
        "ووصف الوزير خالد سعيد القرار بأنه “خطأ فادح” لن يتكرر.\n"
    )
    indirect = quotes(document, "indirect")
    assert document.span_text(indirect[0]) == "عدد الإصابات ارتفع إلى مئة حالة هذا الأسبوع"
    assert indirect[0].speaker == "وزارة الصحة"
    direct = quotes(document, "direct")
    assert [document.span_text(q) for q in direct] == ["خطأ فادح"]
    assert direct[0].speaker == "خالد سعيد" and direct[0].cue == "ووصف"


def test_a_quote_cut_off_by_the_scraper_ends_with_its_paragraph() -> None:
    document = annotate("وختم الكاتب مقاله بمقولة “العلم نور والجهل ظلام دامس\n")
    [quote] = quotes(document)
    assert document.span_text(quote) == "العلم نور والجهل ظلام دامس"
    assert quote.confidence is not None and quote.confidence < 0.7


@pytest.mark.parametrize(
    ("lines", "furniture"),
    [
        (["Next Previous"], "Next Previous"),
        (["عكاظ اليوم ــ جدة"], "عكاظ اليوم ــ جدة"),
        (["لمراسلة الكاتب: writer@example.com"], "لمراسلة الكاتب: writer@example.com"),
        (["تعليقات الفيسبوك", "التعليقات مغلقة"], "التعليقات مغلقة"),
    ],
)
def test_site_furniture_lines_are_boilerplate(lines: list[str], furniture: str) -> None:
    body = "وتظهر الصور الجوية التي نشرتها الوزارة بقعا واسعة من قاع النهر وقد جفت تماما بعد موسم طويل.\n"
    document = annotate(body + "\n".join(lines) + "\n")
    found = [document.span_text(a) for a in document.of_type("boilerplate")]
    assert furniture in found
    assert document.of_type("heading") == []


def test_datelines_and_tag_lists_inside_lines() -> None:
    document = annotate(
        "* تونس - رويترز: قالت شركة الطيران التونسية إنها علقت جميع رحلاتها مؤقتا إثر قرار الاتحاد الدولي.\n"
        "وأعلنت الوزارة منع احتجاز الجثث في المستشفيات الخاصة والعامة بعد شكاوى كثيرة. سمات احتجاز الجثث جدة وزارة الصحة\n"
    )
    found = [document.span_text(a) for a in document.of_type("boilerplate")]
    assert "* تونس - رويترز:" in found
    assert "سمات احتجاز الجثث جدة وزارة الصحة" in found


def test_a_single_mention_name_starting_with_lam_is_kept_whole() -> None:
    [quote] = quotes(annotate("وقال وزير الخارجية الروسي سيرغي لافروف إن بلاده لن تتدخل.\n"))
    assert quote.speaker == "سيرغي لافروف"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('وقال لـ"الرياض" المحامي د. محمد الشيخلي: "إن تجاوز القانون الدولي أمر مرفوض".', "محمد الشيخلي"),
        ("وأكد زعيمه صلاح الدين دميرتاش أن حزبه مهدد بالحظر.", "صلاح الدين دميرتاش"),
        ("وقال ستيفن هينتغس ويعمل في المجلس إن النتائج غير دقيقة.", "ستيفن هينتغس"),
        ("وأفاد رئيس الفرع «محمد آقار» أن الحادثة وقعت السبت.", "محمد آقار"),
        ("كشف داعية إسلامي أن هؤلاء الشباب كانوا في المدارس قبل سنوات.", "داعية إسلامي"),
    ],
)
def test_more_speaker_phrases(sentence: str, speaker: str) -> None:
    quote = quotes(annotate(sentence + "\n"))[0]
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("ويرى العديد من المراقبين الإيرانيين أن الفضل يعود إلى الشاه.", "العديد من المراقبين الإيرانيين"),
        ("أما صحيفة «لاناسيون» فقالت إن المنتخب سيعاني كثيرا.", "لاناسيون"),
        ("وقال مبعوث الأمم المتحدة للسلام في الشرق الأوسط، نيكولاي ميلادينوف، إن حل الدولتين ممكن.", "نيكولاي ميلادينوف"),
    ],
)
def test_quantifiers_topics_and_appositions_after_a_place(sentence: str, speaker: str) -> None:
    quote = quotes(annotate(sentence + "\n"))[0]
    assert quote.speaker == speaker


def test_an_office_owned_by_a_person_is_the_speaker() -> None:
    document = annotate("غير أن مكتب رئيس الوزراء أحمد داود أوغلو أكد في بيان أن «المعركة ضد الإرهاب ستتواصل بدون توقف».\n")
    [quote] = quotes(document)
    assert quote.speaker == "مكتب رئيس الوزراء أحمد داود أوغلو"


def test_a_short_quotation_right_after_a_colon_is_speech() -> None:
    document = annotate('ويقف الحارس عند الباب كل مساء، ثم يرفع صوته: "ارجع إلى مكانك" فيعود الجميع.\n')
    assert texts(document, "direct") == ["ارجع إلى مكانك"]


def test_a_sentence_in_marks_after_a_naming_word_is_speech_not_a_name() -> None:
    body = "ودعا رئيس البلدية السكان إلى إخلاء المنطقة «لكي لا يتعرض أحد منهم لخطر الفيضانات القادمة».\n"
    assert texts(annotate(body), "direct") == ["لكي لا يتعرض أحد منهم لخطر الفيضانات القادمة"]
    assert texts(annotate("وزار الوفد المنطقة «الخضراء» في العاصمة.\n"), "direct") == []


def test_a_headline_echoing_a_quoted_word_does_not_make_it_a_name() -> None:
    document = annotate("وأدانت الحكومة القصف «الهمجي» للمدينة، ودعت إلى تحقيق دولي.\n", title="تنديد بالقصف «الهمجي» للمدينة\n")
    [quote] = quotes(document, "direct")
    assert document.span_text(quote) == "الهمجي"
    assert quote.speaker == "الحكومة"
    # Quoted twice in the body, it is a term.
    body = "وأدانت الحكومة القصف «الهمجي» للمدينة.\nوتحدث الأهالي عن الهجوم الليلي «الهمجي» على الحي.\n"
    assert texts(annotate(body), "direct") == []


@pytest.mark.parametrize(
    "sentence",
    [
        'وأكد الأمين العام مجددا دعمه الكامل "لمنظمة حظر الأسلحة الكيميائية" ولمهمة تقصي الحقائق.',
        'وذكرت تقارير أن عناصر في "جيش الإسلام" ساعدوا الزوجين.',
        "وقال المدير معلنا افتتاح «مهرجان البيرة الرابع للفلكلور» إن الإقبال كبير.",
        'وأعلنت بالتزامن مع منظمة أمريكية هي "الجمعية الطبية السورية الأمريكية" وقوع هجوم.',
    ],
)
def test_marked_text_opening_with_a_name_head_is_a_name(sentence: str) -> None:
    assert texts(annotate(sentence + "\n"), "direct") == []


def test_a_name_quoted_after_the_same_word_in_different_sentences_is_a_term() -> None:
    body = (
        'وأكد المواطن سالم الحربي أن التنزه على شاطئ "شرم أبحر" له طابع خاص.\n'
        'ووصف إبراهيم الصاعدي شاطئ " شرم أبحر " بأنه المتنزه الأول له.\n'
    )
    assert texts(annotate(body), "direct") == []
    # The same sentence repeated (a lead echoed in the body) still quotes its words once.
    repeated = 'وأدانت الحكومة القصف «الهمجي» للمدينة.\n' * 2
    assert texts(annotate(repeated), "direct") == ["الهمجي", "الهمجي"]


@pytest.mark.parametrize(
    "sentence",
    [
        'ورأت الكاتبة سعاد الحربي أن فوز الناشطة اليمنية "توكل كرمان" إشارة مهمة للنساء.',
        'وتعهد الرئيس بأن الرد على (شعار الحملة) "أمريكا أولا" سيكون حازما.',
        'وذكر الباحث أن الأهالي أطلقوا عليها مسمى "عربة الجن" في تلك الأيام.',
        'وتطور النقاش عبر السماح "كامبردج أناليتيكا" بالوصول إلى البيانات.',
        'ويسعى مقدم البرنامج وهو أحد نجوم الإنستجرام ويدعى «بدران» بإقناع أصدقائه بالذهاب معه.',
        'وتمكن مصور أمريكي يُدعى "ديفيد كانالز" من إنقاذ الطفل.',  # يدعى: "is named", not "claims"
        'وينتقل المرض عبر جرثومة تدعى "الوتدية الخناقية" إلى الأطفال.',
    ],
)
def test_names_after_roles_parentheses_and_naming_words_are_not_quotes(sentence: str) -> None:
    assert texts(annotate(sentence + "\n"), "direct") == []


def test_the_object_of_a_verb_of_expression_is_a_quoted_word() -> None:
    document = annotate('وأكد الوزير أنه تلقى رسالة من صديقه عبر فيها عن "حيرته" الشديدة.\n')
    [quote] = quotes(document, "direct")
    assert document.span_text(quote) == "حيرته"
    assert quote.speaker == "الوزير"


def test_a_role_refers_back_only_to_the_same_role_and_takes_the_name_it_introduced() -> None:
    document = annotate(
        "وصل الرئيس الأمريكي دونالد ترامب إلى كندا أمس في جولة قصيرة.\n"
        "وقال رئيس الوزراء الكندي جاستن ترودو إن الرسوم غير مقبولة.\n"
        "وكتب الرئيس الأمريكي في بيان إنه لن يتراجع عن القرار.\n"
    )
    speakers = [q.speaker for q in quotes(document, "indirect")]
    assert speakers == ["جاستن ترودو", "دونالد ترامب"]


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("وأكد الناشط في الدفاع عن حقوق الإنسان فياتشيسلاف باتشكوف أنه تلقى اتصالا هاتفيا.", "فياتشيسلاف باتشكوف"),
        ("وقال المسؤول في حديث لوكالة فرانس برس إن المفاوضات متعثرة.", "المسؤول"),
        ("وقال الوزير في مؤتمر صحفي إن الحكومة ستدعم المزارعين.", "الوزير"),
        ('وقال رئيس مركز "أسبار" للدراسات والبحوث، الدكتور فهد العرابي الحارثي: إن المرأة قادمة بقوة.', "فهد العرابي الحارثي"),
        ("وأورد سامي نصار في مقاله قصة طريفة، مشيرا إلى أن الناس خافوا من الدراجة.", "سامي نصار"),
        ("وفي خطاب الرئيس الفرنسي إيمانويل ماكرون مساء الأحد، بعد لقائه الوزراء، أكد أن الإصلاحات مستمرة.", "إيمانويل ماكرون"),
    ],
)
def test_names_after_a_role_phrase_an_apposition_or_a_statement_noun(sentence: str, speaker: str) -> None:
    [quote] = quotes(annotate(sentence + "\n"), "indirect")
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("لكن وزير التجارة الأمريكي ويلبور روس قلل من المخاطر، قائلا إن الواردات قليلة.", "ويلبور روس"),
        ("لكن وزير الخارجية جان إيف لودريان تناول الفكرة، قائلا إن الحل سياسي.", "جان إيف لودريان"),
        ("لكن وزير الخارجية جان إيف لودريان رفض الفكرة، قائلا إن الحل سياسي.", "جان إيف لودريان"),
        ("لكن الباحث محمد سعيد الغامدي تناول المسألة، قائلا إن الحل سياسي.", "محمد سعيد الغامدي"),
        ("ظل الخطاب الرسمي طيلة فترة المفاوضات يكرر أن أي اتفاق مشروط برفع العقوبات.", "الخطاب الرسمي"),
    ],
)
def test_sentence_initial_subjects_and_kana_subjects(sentence: str, speaker: str) -> None:
    [quote] = quotes(annotate(sentence + "\n"), "indirect")
    assert quote.speaker == speaker


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('وفي الحديث قال النبي صلى الله عليه وسلم: "إنما الأعمال بالنيات".', "النبي صلى الله عليه وسلم"),
        ('وقال رسول الله صلى الله عليه وسلم: "إنما الأعمال بالنيات".', "رسول الله صلى الله عليه وسلم"),
        ('قال احدهم للدكتور سمير الضامر في محاضرته: "إن في الأحساء علما للفن".', "احدهم"),
        ("وقال مسؤول لوكالة الأنباء إن الوضع مستقر.", "مسؤول"),
    ],
)
def test_eulogies_belong_to_the_mention_and_addressees_do_not(sentence: str, speaker: str) -> None:
    [quote] = quotes(annotate(sentence + "\n"))
    assert quote.speaker == speaker


def test_a_pen_name_in_marks_is_not_part_of_the_speakers_name() -> None:
    document = annotate('كتب الراحل محمد سعيد عبد المقصود خوجة "الغربال" مقالة ذكر فيها أن الناس خافوا من الدراجة.\n')
    assert [q.speaker for q in quotes(document)] == ["محمد سعيد عبد المقصود خوجة"]


def test_the_fa_answering_amma_ends_the_topic_and_no_name() -> None:
    document = annotate('أما رسول الحق فقد ردّ عليهم فقال: "أما والله إني لأخشاكم لله".\n')
    assert [q.speaker for q in quotes(document)] == ["رسول الحق"]


def test_demonstratives_parenthesised_names_and_the_fullest_role() -> None:
    document = annotate(
        "تبذل الجهات التنظيمية بالمالية الإسلامية جهدها لتقنين دور الفقهاء.\n"
        "وترى تلك الجهات التنظيمية أن الرسوم مرتفعة.\n"
        "وأشارت صحيفة (أو ستادو دي ساو باولو)، إلى أن المدرب حصل على ما أراد.\n"
    )
    speakers = [q.speaker for q in quotes(document, "indirect")]
    assert speakers == ["الجهات التنظيمية بالمالية الإسلامية", "أو ستادو دي ساو باولو"]


def test_a_role_with_non_and_an_adjective_refers_back_to_the_bare_role() -> None:
    document = annotate(
        "وقالت منظمة «العفو الدولية» إن الاعتقالات تعسفية.\n"
        "وطالبت المنظمة غير الحكومية بأن يطلق سراح المعتقلين فورا.\n"
    )
    speakers = [q.speaker for q in quotes(document, "indirect")]
    assert len(set(speakers)) == 1 and speakers[0].endswith("العفو الدولية")


def test_a_tweet_written_by_someone_is_theirs() -> None:
    document = annotate('أعجبتني تغريدة كتبها د.ريان كركدان في تويتر قال فيها: "جدي كان يقول حتى البزبوز لا تقفله".\n')
    assert [q.speaker for q in quotes(document)] == ["ريان كركدان"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ('وندد إسماعيل هنية القيادي في حركة حماس بالاعتداء وقال: "هذا التصعيد خطير".', "إسماعيل هنية"),
        ('وقال الدكتور عبد العزيز قاسم إن الإعلام مقصر.\nوطالب قاسم بالتركيز على النماذج المشرقة، وقال "إن أسوأ ما يمكن حدوثه هو التهويل".', "عبد العزيز قاسم"),
        ("أبلغ مسؤول في الوزارة الصحيفة أن المسار الذي سيتم تدشينه الأحد جاهز، مشيرا إلى أن الأسعار معتدلة.", "مسؤول في الوزارة"),
        ("وأكد نائب رئيس اللجنة عبدالقادر الجبرتي أن المخيمات جاهزة.\nوطالب الجبرتي الوزارة بإعادة النظر في السقف المستعار، مشيرا إلى أن التوصيات واضحة.", "عبدالقادر الجبرتي"),
    ],
)
def test_participles_and_pro_drop_cues_take_the_main_clause_subject(body: str, speaker: str) -> None:
    document = annotate(body + "\n")
    assert quotes(document)[-1].speaker == speaker


def test_via_is_not_the_verb_of_expression() -> None:
    """عبر without عن is "via": the cue is the verb before it, its subject the earlier speaker."""
    document = annotate(
        "وقال موقع الخلافة إن السلطات فرضت الحظر دون سبب.\n"
        'وقال في بيان أرسل إلى رويترز عبر البريد الإلكتروني "عليهم ألا ينسوا ما فعلوه بالمسلمين".\n'
    )
    direct = quotes(document, "direct")
    assert [(q.cue, q.speaker) for q in direct] == [("وقال", "موقع الخلافة")]


def test_a_family_name_then_a_prepositional_object_is_not_a_profession_and_name() -> None:
    document = annotate('كما أشاد الديلمي بدور المملكة قائلا: "المملكة العربية السعودية لها مكانة كبيرة بين الأمم".\n')
    assert [q.speaker for q in quotes(document)] == ["الديلمي"]


def test_a_verb_with_its_object_pronoun_takes_the_noun_after_as_subject() -> None:
    document = annotate(
        "قال نافين جين إن الشركة ستصل إلى القمر.\n"
        "ومن الفرص المتاحة على سطح القمر الماء الذي يصفه جين بأنه «نفط اقتصاديات الفضاء».\n"
    )
    assert [q.speaker for q in quotes(document, "direct")] == ["نافين جين"]


def test_a_saying_with_no_verb_belongs_to_the_person_named_before_it() -> None:
    document = annotate(
        "يكثر هؤلاء من الاستشهاد بمقولات وقواعد ابن تيمية ولكنهم لا يوردون أبدا قوله الشهير بأن "
        "الخوارج «هم أول من كفر المسلمين بالذنوب».\n"
    )
    assert [q.speaker for q in quotes(document, "indirect")] == ["ابن تيمية"]


@pytest.mark.parametrize("relative", ["والذي", "والتي"])
def test_a_relative_pronoun_with_waw_ends_the_speaker(relative: str) -> None:
    document = annotate(f"وقال موقع دار الخلافة الناطق بالتركية {relative} يحجب منذ الأحد إن القرار جائر.\n")
    speaker = quotes(document, "indirect")[0].speaker
    assert speaker is not None and relative not in speaker


def test_a_quote_without_cue_belongs_to_the_known_subject_of_its_sentence() -> None:
    document = annotate(
        "وقال كوم وأكتون إن الشركة وعدت بحماية البيانات.\n"
        'وتبرع أكتون بمبلغ 50 مليون دولار لتطبيق سيغنل، "وبناء وسيلة اتصالات هي الأكثر موثوقة على هذا الكوكب".\n'
    )
    direct = quotes(document, "direct")
    assert len(direct) == 1 and direct[0].speaker == "أكتون"


def test_a_relative_clause_that_does_not_agree_with_the_verb_is_not_its_subject() -> None:
    document = annotate(
        "كما أدان الأمين العام للأمم المتحدة بان كي مون الحادث. وأعرب في بيان عن تعازيه لأسرة علي دوابشة، "
        "الذين أصيبوا بجروح خطيرة، وقال «إن هذا العمل الإجرامي يمثل تهديدا إضافيا للتطلعات المشروعة».\n"
    )
    assert [q.speaker for q in quotes(document, "direct")] == ["بان كي مون"]


def test_a_wished_verb_after_an_is_not_a_cue() -> None:
    document = annotate(
        'وأعلن الرئيس الفلسطيني محمود عباس أنه سيكثف الجهود، آملا أن تعترف الدول بفلسطين، لأن "ذلك ليس ضد المفاوضات بل يعززها".\n'
    )
    direct = quotes(document, "direct")
    assert [q.speaker for q in direct] == ["محمود عباس"] and direct[0].cue != "تعترف"


def test_a_plural_subject_then_the_object() -> None:
    document = annotate("وطالب المشاركون أجهزة الدولة وأولياء الأمور بأن يحذروا من الأفكار المتطرفة.\n")
    assert [q.speaker for q in quotes(document, "indirect")] == ["المشاركون"]


def test_a_full_stop_after_a_number_ends_the_sentence_and_the_report() -> None:
    document = annotate(
        "وذكرت الصحيفة أنه بالانتصار سيبدأ المنتخب البرازيلي في نسيان الهزيمة 1-7. "
        "كما وصفت الجريدة هذا الفوز بـ«خطوة مهمة» للابتعاد عن الماضي.\n"
    )
    [indirect] = quotes(document, "indirect")
    assert document.text[indirect.start : indirect.end].endswith("1-7")
    assert [q.cue.split()[-1] for q in quotes(document, "direct")] == ["وصفت"]


def test_a_name_in_parentheses_after_a_described_role() -> None:
    document = annotate("وذكرت الصحيفة البارزة (فوليا دي ساو باولو) أنه بالانتصار سيبدأ المنتخب في نسيان الهزيمة.\n")
    assert [q.speaker for q in quotes(document, "indirect")] == ["فوليا دي ساو باولو"]


def test_a_headline_belongs_to_whoever_published_it() -> None:
    document = annotate("وقد علقت بعض الصحف على المباراة إذ خرجت صحيفة «ذا صن» بعنوان: «فارد لوك» أي حظ عاثر.\n")
    [quote] = quotes(document, "direct")
    assert (quote.cue, quote.speaker) == ("بعنوان", "ذا صن")


def test_a_participle_after_an_according_to_phrase_takes_its_source() -> None:
    document = annotate(
        'وبحسب المحققين الروس، فلقد "سقط الشاب بمفرده من شرفة شقته"، مشيرين إلى أن الشقة كانت مقفلة من الداخل.\n'
    )
    assert {q.speaker for q in quotes(document)} == {"المحققين الروس"}


def test_a_relative_clause_as_subject_is_the_speaker() -> None:
    document = annotate("لكن الذين يعيشون خارج مجتمعه رأوا أن عيسى يقدم صورة حقيقية.\n")
    assert [q.speaker for q in quotes(document, "indirect")] == ["الذين يعيشون خارج مجتمعه"]


def test_the_subject_of_jaa_speaks_through_the_imperfect_verb_it_governs() -> None:
    document = annotate("ثم جاء الاتفاق ينص صراحة على أن العقوبات سترفع بصورة تدريجية.\n")
    assert [q.speaker for q in quotes(document, "indirect")] == ["الاتفاق"]


def test_an_according_to_source_loses_its_glued_lam() -> None:
    document = annotate(
        'وفقا لمراكز مراقبة الأمراض، "تنتشر المادة في كل مكان بالبيئة"، مشيرة إلى أن معظم المواطنين لديهم آثار منها.\n'
    )
    assert {q.speaker for q in quotes(document)} == {"مراكز مراقبة الأمراض"}


def test_a_closing_mark_without_opening_after_a_cue_and_colon_closes_a_direct_quote() -> None:
    document = annotate(
        'أما رسول الحق فقد رد عليهم فقال: أما والله إني لأخشاكم لله وأتقاكم له، لكني أصوم وأفطر". واستمرت الدعوة.\n'
    )
    [quote] = quotes(document, "direct")
    assert document.text[quote.start : quote.end] == "أما والله إني لأخشاكم لله وأتقاكم له، لكني أصوم وأفطر"
    assert quote.speaker == "رسول الحق" and quote.confidence < 0.7


def test_a_stray_closing_mark_without_a_cue_and_colon_is_no_quote() -> None:
    document = annotate('وفي القرية يعمل المزارعون منذ الفجر حتى المساء في الحقول القريبة". واستمرت الحياة.\n')
    assert quotes(document, "direct") == []


def test_a_participle_without_its_own_complementiser_continues_the_report() -> None:
    document = annotate(
        "وأكد الجنرال أن أنشطة التنظيم تمثل خطرا كبيرا، مشيرا بالدرجة الأولى إلى مخاطر عودة العناصر إلى دولهم.\n"
        "وأوضحت الوزيرة أنها تحمل مسؤولية كبرى، مشيرة إلى أن الإعلاميات ملتزمات بعملهن.\n"
    )
    spans = texts(document, "indirect")
    assert spans[0].endswith("مخاطر عودة العناصر إلى دولهم")
    assert spans[1:] == ["تحمل مسؤولية كبرى", "الإعلاميات ملتزمات بعملهن"]


def test_a_bodys_adjective_closes_it_before_the_object() -> None:
    document = annotate("ونفت وزارة الدفاع الروسية المعلومات، مؤكدة أن القوات لم تغادر المنطقة.\n")
    assert [q.speaker for q in quotes(document, "indirect")] == ["وزارة الدفاع الروسية"]


def test_a_complementiser_after_a_closing_dash_answers_the_verb_before_the_parenthetical() -> None:
    document = annotate(
        "وقال موقع دار الخلافة دوت كوم -الناطق بالتركية والذي يصف نفسه بأنه مكتب محلي لمؤسسة الحياة – "
        "إن القرار أظهر الضغوط المتزايدة على المسلمين.\n"
    )
    found = [(document.span_text(q), q.cue, q.speaker) for q in quotes(document, "indirect")]
    assert found == [
        ("مكتب محلي لمؤسسة الحياة", "يصف", "موقع دار الخلافة دوت كوم"),
        ("القرار أظهر الضغوط المتزايدة على المسلمين", "وقال", "موقع دار الخلافة دوت كوم"),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "// انتهى //",
        "10:45 ت م",
        "الرياض 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس",
        "إعداد: صالح آل زمانان, تصوير : صالح الدغاري",
        "قد يهمك: أول تعليق من ترامب بشأن القضية",
    ],
)
def test_wire_end_marks_datelines_credits_and_teaser_lead_ins_are_boilerplate(line: str) -> None:
    document = annotate("وقال الوزير إن الاتفاق قريب وإن الوفد سيصل غدا إلى العاصمة لبحث التفاصيل.\n" + line + "\n")
    boilerplate = [document.span_text(a) for a in document if a.type == "boilerplate"]
    assert line in boilerplate


def test_a_wire_marker_ending_the_headline_is_boilerplate_and_not_title() -> None:
    document = annotate(
        "وقال الوزير إن الاتفاق قريب وإن الوفد سيصل غدا إلى العاصمة لبحث التفاصيل.\n",
        title='تقرير / "شرم أبحر" يهيم بزواره   / إضافة أولى واخيرة\n',
    )
    title = next(a for a in document if a.type == "title")
    assert document.span_text(title) == 'تقرير / "شرم أبحر" يهيم بزواره'
    assert any(document.span_text(a).startswith("/ إضافة") for a in document if a.type == "boilerplate")


def test_an_agency_dateline_with_a_single_dash_is_boilerplate() -> None:
    document = annotate("دبي، الإمارات العربية المتحدة (CNN)— علق الممثل على الهجوم بتغريدة طويلة على حسابه.\n")
    assert any(document.span_text(a).endswith("(CNN)—") for a in document if a.type == "boilerplate")


def test_a_poem_in_one_pair_of_marks_over_several_lines_is_one_quote() -> None:
    document = annotate(
        "ويقول الشاعر في صحراء نجد:\n"
        "«قفا ودعا نجداً ومن حلّ بالحمى\n"
        "وقلَّ لنجد عندنا أن يودعا\n"
        "بنفسي تلك الأرض ما أطيب الرُّبا»\n"
        "وهذه القصيدة من أجمل ما قيل في نجد.\n"
    )
    assert texts(document, "direct") == ["قفا ودعا نجداً ومن حلّ بالحمى\nوقلَّ لنجد عندنا أن يودعا\nبنفسي تلك الأرض ما أطيب الرُّبا"]


def test_a_relative_speaks_under_their_own_description_not_the_name_after_it() -> None:
    """Naming, not the rules' boundaries: with the trained speaker finder (default model)."""
    document = annotate_document(Document(TITLE + "وأوضحت والدة الشهيد عبدالرحمن القحطاني أن العيد يأتي حزينا هذا العام.\n", id="t"))
    assert [q.speaker for q in quotes(document, "indirect")] == ["والدة الشهيد عبدالرحمن القحطاني"]
