"""Each rule of the speaker phrase after a cue, on its Arabic example, and what goes wrong without it.

The rules live in ``core/annotator/attribution/edge_rules.py`` and ``name_rules.py``; ``phrase.py``
shows each token to them in order. Every rule has a case here: a sentence, its cue, the phrase
the rules read, and the phrase read with that one rule taken out — which proves the rule is what
handles its example (and shows what it guards against).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from core.annotator.attribution import phrase, speaker_after
from core.annotator.attribution.walk import PhraseWalk
from core.annotator.layout import paragraphs
from core.annotator.quotes import QuoteFinder
from core.annotator.tokens import TokenizedText
from core.annotator.word_classes import is_complementizer


@dataclass(frozen=True)
class Case:
    rule: str
    sentence: str
    cue: str
    phrase: str | None  # what the rules read after the cue (None: no speaker phrase there)
    without: str | None  # what they read without ``rule``
    until: str | None = None  # the word the phrase must end before (default: see ``read_phrase``)


def read_phrase(sentence: str, cue: str, until: str | None = None) -> str | None:
    """The phrase ``speaker_after`` reads after the word ``cue`` of ``sentence``.

    It must end before ``until`` or, by default, before the first complementiser or quotation
    (not a quoted name) after the cue — where the quote rules stop it — else at the sentence end.
    """
    tokenized = TokenizedText(sentence)
    finder = QuoteFinder(tokenized, paragraphs(sentence), [])  # marks short quotations as names
    tokens = tokenized.tokens
    written = [sentence[t.start : t.end] for t in tokens]
    cue_index = written.index(cue)
    if until is not None:
        limit = written.index(until, cue_index + 1)
    else:
        limit = next(
            (
                k
                for k in range(cue_index + 1, len(tokens))
                if is_complementizer(tokens[k]) or (tokens[k].is_quote_mark and k not in tokenized.name_spans)
            ),
            finder.sentence_end(cue_index),
        )
    found = speaker_after(tokenized, cue_index, limit)
    return None if found is None else sentence[found.start : found.end]


CASES = [
    # Punctuation
    Case("initial_inside_name", "وقال ستيفن ج. هينتغس إن الدراسة دقيقة.", "وقال", "ستيفن ج. هينتغس", "ستيفن ج"),
    Case("hashtag_inside_name", "وقال الرئيس محمود #عباس إن القرار نهائي.", "وقال", "الرئيس محمود #عباس", "الرئيس محمود"),
    Case(
        "name_in_parentheses_after_role", "وذكرت وكالة الأنباء السورية الرسمية (سانا) أن الحكومة استقالت.", "وذكرت",
        "وكالة الأنباء السورية الرسمية (سانا", "وكالة الأنباء السورية الرسمية",
    ),
    Case(
        "pen_name_after_full_name", 'وكتب الراحل محمد سعيد عبد المقصود خوجة "الغربال" مقالة عن الرحلة.', "وكتب",
        "الراحل محمد سعيد عبد المقصود خوجة", 'الراحل محمد سعيد عبد المقصود خوجة "الغربال"',
    ),
    Case("quoted_name_inside_phrase", "وقالت صحيفة «تيليجراف» إن الحكومة استقالت.", "وقالت", "صحيفة «تيليجراف»", "صحيفة"),
    # Where the phrase stops
    Case("line_break_ends_phrase", "وقال الوزير\nالمصري إن الحزب باق.", "وقال", "الوزير", "الوزير\nالمصري", until="إن"),
    Case("eulogy_closes_mention", "وقال النبي صلى الله عليه وسلم إن الدين يسر.", "وقال", "النبي صلى الله عليه وسلم", "النبي صلى الله"),
    Case("quantified_group", "وقال كثير من الخبراء إن الأسعار سترتفع.", "وقال", "كثير من الخبراء", "كثير"),
    Case("demonstrative_points_to_speaker", "وترى تلك الجهات التنظيمية أن الأسعار سترتفع.", "وترى", "الجهات التنظيمية", None),
    Case("addressee_after_verb", 'وقال لـ"الرياض" المحامي خالد العمري إن القضية انتهت.', "وقال", "المحامي خالد العمري", None),
    Case("plural_participle_is_a_name", "أخبرني نافين جين أن الرحلة ستنطلق.", "أخبرني", "نافين جين", None),
    Case(
        "role_resumes_after_place",
        "وقال مدير الشراكة الطبية في جامعة الملك سعود الدكتور عبد الله الصقعبي إن المستشفى جاهز.", "وقال",
        "مدير الشراكة الطبية في جامعة الملك سعود الدكتور عبد الله الصقعبي", "مدير الشراكة الطبية",
    ),
    Case(
        "role_place_ends_in_name", "أكد الناشط في الدفاع عن حقوق الإنسان فياتشيسلاف باتشكوف أنه سيستأنف الحكم.", "أكد",
        "الناشط في الدفاع عن حقوق الإنسان فياتشيسلاف باتشكوف", "الناشط",
    ),
    Case(
        "role_place_comma_name", "قال سفير روسيا في تل أبيب، أناتولي فيكتوروف، إن بلاده لن تتدخل.", "قال",
        "سفير روسيا في تل أبيب، أناتولي فيكتوروف", "سفير روسيا",
    ),
    Case("affiliation_of_anonymous_source", "وقال مسؤول في وزارة الحج إن الموسم نجح.", "وقال", "مسؤول في وزارة الحج", "مسؤول"),
    Case("stop_word_ends_phrase", "وقال الوزير في مؤتمر صحفي إن الموسم نجح.", "وقال", "الوزير", "الوزير في مؤتمر صحفي"),
    # The first word
    Case("relational_noun_before_name", "وأكد زعيمه صلاح الدين دميرتاش أن الحزب باق.", "وأكد", "زعيمه صلاح الدين دميرتاش", None),
    Case("possessed_object_means_no_subject", "وجدد تأكيده أن الحزب باق.", "وجدد", None, "تأكيده"),
    Case("word_after_name_particle", "وقال عبد الأمير إن الحزب باق.", "وقال", "عبد الأمير", "عبد"),
    # Anonymous sources
    Case("anonymous_source_opens", "وقالت مصادر في المعارضة إن الموسم نجح.", "وقالت", "مصادر في المعارضة", "مصادر"),
    Case("addressee_after_anonymous_source", "وقال أحدهم للدكتور سمير إن الحزب باق.", "وقال", "أحدهم", "أحدهم للدكتور سمير"),
    Case("definite_source_takes_no_indefinite_word", "وأظهر الباحثون خطر المواد الكيميائية.", "وأظهر", "الباحثون", "الباحثون خطر"),
    Case("anonymous_source_runs_on", "وقال مصدر مطلع إن الحزب باق.", "وقال", "مصدر مطلع", "مصدر"),
    # Titles and roles
    Case("title_after_nameless_start", "وقال نظيره رئيس الوزراء إن الحزب باق.", "وقال", "نظيره", "نظيره رئيس الوزراء"),
    Case("definite_title_after_surname", "وطالب الجبرتي الوزارة بإعادة النظر.", "وطالب", "الجبرتي", "الجبرتي الوزارة بإعادة"),
    Case("title_after_plural_noun", "وطالب المشاركون أجهزة الدولة بالتحرك.", "وطالب", "المشاركون", "المشاركون أجهزة الدولة"),
    Case(
        "title_opens_role", "وقال وزير الخارجية الروسي سيرغي لافروف إن الحزب باق.", "وقال",
        "وزير الخارجية الروسي سيرغي لافروف", "وزير الخارجية",
    ),
    Case("definite_body_takes_no_genitive", "وأدانت الحكومة القصف.", "وأدانت", "الحكومة", "الحكومة القصف"),
    Case(
        "body_adjective_closes_role", "ونفت وزارة الدفاع الروسية المعلومات.", "ونفت",
        "وزارة الدفاع الروسية", "وزارة الدفاع الروسية المعلومات",
    ),
    Case(
        "role_takes_complement", "وقال المتحدث باسم وزارة الخارجية الروسية إن الحزب باق.", "وقال",
        "المتحدث باسم وزارة الخارجية الروسية", "المتحدث باسم وزارة",
    ),
    Case(
        "role_gives_way_to_name", "وقال وزير الخارجية سيرغي لافروف إن الحزب باق.", "وقال",
        "وزير الخارجية سيرغي لافروف", "وزير الخارجية",
    ),
    # After a name
    Case(
        "verb_joined_after_name", "وقال ستيفن ج. هينتغس ويعمل في المختبر إن الحزب باق.", "وقال",
        "ستيفن ج. هينتغس", "ستيفن ج. هينتغس ويعمل",
    ),
    Case("prepositional_phrase_after_name", "وأشار جين لخلفيته كرجل أعمال.", "وأشار", "جين", "جين لخلفيته كرجل أعمال"),
    Case("object_after_name", "وطالب قاسم بالتركيز على التعليم.", "وطالب", "قاسم", "قاسم بالتركيز"),
    Case(
        "institution_named_after_person", "وقال مانشن لمجلس الشيوخ الأمريكي إن الحزب باق.", "وقال",
        "مانشن لمجلس الشيوخ الأمريكي", "مانشن لمجلس الشيوخ",
    ),
    Case("suffixed_word_after_name", "وأكد الرئيس الأمريكي حينها أن الحزب باق.", "وأكد", "الرئيس الأمريكي", "الرئيس الأمريكي حينها"),
    # Names
    Case("bare_word_starts_name", "وقال لافروف إن الحزب باق.", "وقال", "لافروف", None),
    Case("surname_closes_name", "وقال علي التميمي صاحب المطعم إن الحزب باق.", "وقال", "علي التميمي", "علي التميمي صاحب المطعم"),
    Case(
        "definite_word_after_common_noun", "وأوضح مدير فنون أبها أحمد بن إبراهيم السروي أن الحزب باق.", "وأوضح",
        "مدير فنون أبها أحمد بن إبراهيم", "مدير فنون أبها أحمد بن إبراهيم السروي",
    ),
    Case(
        "definite_word_after_three_given_names", "وقال إيرفي رينار مدرب المنتخب المغربي إن الحزب باق.", "وقال",
        "إيرفي رينار مدرب", "إيرفي رينار مدرب المنتخب",
    ),
    Case("surname", "وصف إبراهيم الصاعدي الشاطئ بأنه جميل.", "وصف", "إبراهيم الصاعدي", "إبراهيم الصاعدي الشاطئ"),
    Case("given_name", "وقال سيرغي لافروف إن الحزب باق.", "وقال", "سيرغي لافروف", None),
    # Descriptive noun phrases
    Case("profession_before_name", "وقال المزارع محمود العلي إن الحزب باق.", "وقال", "المزارع محمود العلي", "المزارع"),
    Case("noun_phrase_adjective", "وقال الجيش السوري إن الحزب باق.", "وقال", "الجيش السوري", "الجيش"),
    Case(
        "noun_phrase_lam_complement", "وقالت المديرية العامة للجوازات إن الحزب باق.", "وقالت",
        "المديرية العامة للجوازات", "المديرية العامة",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_rule_reads_its_example(case: Case) -> None:
    assert read_phrase(case.sentence, case.cue, case.until) == case.phrase


@pytest.mark.parametrize("case", CASES, ids=[c.rule for c in CASES])
def test_without_the_rule_its_example_goes_wrong(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    kept_words = tuple(r for r in phrase.WORD_RULES if r.__name__ != case.rule)
    kept_marks = tuple(r for r in phrase.PUNCTUATION_RULES if r.__name__ != case.rule)
    assert len(kept_words) + len(kept_marks) == len(phrase.WORD_RULES) + len(phrase.PUNCTUATION_RULES) - 1
    monkeypatch.setattr(phrase, "WORD_RULES", kept_words)
    monkeypatch.setattr(phrase, "PUNCTUATION_RULES", kept_marks)
    without = read_phrase(case.sentence, case.cue, case.until)
    assert without == case.without
    assert without != case.phrase


def test_every_rule_has_its_case() -> None:
    rules = [r.__name__ for r in phrase.PUNCTUATION_RULES + phrase.WORD_RULES]
    assert len(set(rules)) == len(rules)
    assert sorted(rules) == sorted(c.rule for c in CASES)


def test_every_rule_has_an_arabic_example_in_its_docstring() -> None:
    for rule in phrase.PUNCTUATION_RULES + phrase.WORD_RULES:
        doc = rule.__doc__ or ""
        assert any("\u0621" <= ch <= "\u064a" for ch in doc), rule.__name__


def test_apposition_after_a_comma_takes_the_name(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = 'وقال رئيس مركز "أسبار" للدراسات، الدكتور فهد الحارثي: إن الحزب باق.'
    assert read_phrase(sentence, "وقال") == 'رئيس مركز "أسبار" للدراسات، الدكتور فهد الحارثي'

    def no_apposition(walk: PhraseWalk) -> None:
        return None

    monkeypatch.setattr(phrase, "apposition_after_comma", no_apposition)
    assert read_phrase(sentence, "وقال") == 'رئيس مركز "أسبار" للدراسات'


def test_a_hashtag_right_after_the_cue_is_left_out_of_the_phrase() -> None:
    """``hashtag_inside_name`` keeps a ``#`` inside a name; right after the cue the name starts
    at the hashtag's word, whose ``_`` joins (folded to spaces) the phrase runs over."""
    sentence = "وأعلنت #تيريزا_ماي، رئيسة الحكومة البريطانية، أن بلادها ستطرد دبلوماسيين."
    assert read_phrase(sentence, "وأعلنت") == "تيريزا_ماي"


def test_names_spelled_like_stop_words_are_read_as_names() -> None:
    assert read_phrase("وقال الأمين العام بان كي مون إن الحزب باق.", "وقال", until="إن") == "الأمين العام بان كي مون"
    assert read_phrase("وقال بين بينايت إن الحزب باق.", "وقال") == "بين بينايت"
    assert read_phrase("وقال الوزير بين الحضور إن الحزب باق.", "وقال") == "الوزير"  # the preposition


def test_punctuation_no_rule_takes_ends_the_phrase() -> None:
    assert read_phrase("وقال الوزير: إن الحزب باق.", "وقال") == "الوزير"
    assert read_phrase("وقال: إن الحزب باق.", "وقال") is None
