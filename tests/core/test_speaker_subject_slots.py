"""The subject slots a quote gets: the subjects of the verbs earlier in its sentence.

A sentence that opens on a prepositional phrase set off by a comma has its verb after the comma
(``وعلى الصعيد الدولي، أصدر الأمين العام …``); the words after the preposition are no subject.
"""

from __future__ import annotations

import pytest

from core.annotator import wordstats
from core.annotator.attribution.subjects import sentence_subject
from core.annotator.pipeline import structure_and_quotes
from core.annotator.speaker_options import SlotBuilder
from core.annotator.tokens import TokenizedText
from core.annotator.word_classes import opens_with_preposition, reads_as_preposition


def _subject_spans(text: str) -> list[str]:
    """The text of every span of every subject slot of the article's last quote."""
    _, stage = structure_and_quotes(text)
    assert stage.candidates, "the text must hold a quote"
    builder = SlotBuilder(stage.finder, wordstats.shipped())
    slots = builder.slots(stage.candidates, len(stage.candidates) - 1)
    return [text[span.start : span.end] for slot in slots if slot.source == "subject" for span in slot.spans]


@pytest.mark.parametrize(
    ("text", "subject", "not_subject"),
    [
        (
            "وعلى الصعيد الدولي، أصدر الأمين العام للأمم المتحدة بيانا أعرب فيه عن غضبه وقال فيه "
            "\"إن ما جرى لا يمكن قبوله بأي حال\".",
            "الأمين العام للأمم المتحدة",
            "الصعيد الدولي",
        ),
        (
            "إلى جانب ذلك، سخر ترامب من الوقت الذي استغرقه بناء المبنى، قائلا إن عليه تمديد ولايته.",
            "ترامب",
            "جانب ذلك",
        ),
        (
            "ومن جهته، زار الوزير المصنع صباح اليوم، مؤكدا أن الإنتاج سيتضاعف هذا العام.",
            "الوزير",
            "جهته",
        ),
    ],
)
def test_after_an_opening_prepositional_phrase_the_subject_follows_its_comma(
    text: str, subject: str, not_subject: str
) -> None:
    spans = _subject_spans(text)
    assert subject in spans
    if not_subject:
        assert not any(span.startswith(not_subject) for span in spans)


def test_a_sentence_opening_on_its_verb_keeps_the_subject_after_the_verb() -> None:
    # The comma here ends an apposition, not an opening phrase: the verb's subject stays.
    text = "أبدى ديتمار هامان، لاعب منتخب ألمانيا السابق، إعجابه بمستوى محمد صلاح، مضيفا أنه لاعب رائع."
    assert "ديتمار هامان" in _subject_spans(text)


def test_a_verb_form_read_as_a_preposition_heads_no_subject() -> None:
    # بين after a noun is "between" (not بيّن "showed"): its object is no subject.
    text = (
        "وكان المركز الوطني للتخصيص قد أعلن عن مسودة نظام تغطي الشراكات بين الحكومة والقطاع الخاص "
        "موضحاً أنه سيتلقى ملاحظات الجمهور."
    )
    spans = _subject_spans(text)
    assert not any(span.startswith("الحكومة") for span in spans)


def test_the_same_form_after_a_connective_is_a_verb_with_its_subject() -> None:
    text = "وصل الوفد إلى العاصمة صباح اليوم، كما بين الوزير خلال جولته في المصنع، مؤكدا أن الإنتاج سيتضاعف."
    assert "الوزير" in _subject_spans(text)


def test_a_sentence_opening_on_the_name_ali_has_no_opening_phrase() -> None:
    # The name علي folds like the preposition على; written with ي it is the name.
    text = "علي لاريجاني رئيس البرلمان، زار المصنع صباح اليوم، مؤكدا أن الإنتاج سيتضاعف."
    assert any(span.startswith("لاريجاني") for span in _subject_spans(text))


def test_only_verb_forms_written_like_prepositions_read_as_prepositions() -> None:
    # بين after a word is "between"; the dual verb تحدثا after its subject stays a verb,
    # though both end a speaker phrase.
    tokens = TokenizedText("الشراكات بين الحكومة والوزيران تحدثا كما بين الوزير").tokens
    assert [t.index for t in tokens if reads_as_preposition(tokens, t.index)] == [1]


def test_the_same_form_after_qad_is_a_verb_with_its_subject() -> None:
    """قد stands only before a verb: ``وقد عبر مدير المنتخب`` is "expressed", not "via"."""
    tokens = TokenizedText("وقد عبر المدير عن سعادته فقد بين الوزير").tokens
    assert not any(reads_as_preposition(tokens, t.index) for t in tokens)
    text = "احتفى رئيس البعثة بتال العتيبي ببعثة المنتخب في الرباط وقد عبر مدير المنتخب خالد مطر عن سعادته بالاحتفال، مؤكدا أن الفوز قريب."
    assert "مدير المنتخب خالد مطر" in _subject_spans(text)


def test_the_speaker_who_expressed_after_qad() -> None:
    from core.annotator import annotate_text

    text = (
        "احتفى رئيس البعثة بتال العتيبي ببعثة المنتخب في الرباط وقد عبر مدير المنتخب خالد مطر "
        'عن سعادته بالاحتفال وقال: "جهود رئيس البعثة واضحة".\n'
    )
    assert [a.speaker for a in annotate_text(text) if a.kind == "direct"] == ["خالد مطر"]


@pytest.mark.parametrize(
    ("text", "not_subject"),
    [
        ("ومن جهة أخرى أبدى المدرب الجديد سعادته بالانضمام للنادي، مضيفا أنه متفائل بالموسم.", "جهة"),
        ("وفي عدد الشهر الماضي نشرت المجلة تقريرا مطولا، مؤكدة أن السوق تتعافى.", "عدد"),
        ("ومن شأن حصول الشركة على الرخصة تسهيل عملها في البلاد، وفق ما يقول، موضحا أن الطلب قديم.", "شأن"),
    ],
)
def test_without_a_comma_the_object_of_an_opening_preposition_is_no_subject(text: str, not_subject: str) -> None:
    """The noun after a sentence's opening preposition is its object, comma or none."""
    assert not any(span.startswith(not_subject) for span in _subject_spans(text))


def test_a_verb_written_like_a_preposition_opens_its_sentence_with_its_subject() -> None:
    # وعبر at the head of a sentence is عبّر "expressed": its subject speaks.
    text = "وعبر اللاعب عن سعادته بتجديد العقد مع النادي، موضحا أنه سيبقى موسمين آخرين."
    assert "اللاعب" in _subject_spans(text)


def test_opens_with_preposition_reads_the_word_alone() -> None:
    tokens = TokenizedText("ومن في فعلى وعبر بين علي على الوزير").tokens
    assert [t.norm for t in tokens if opens_with_preposition(t)] == ["ومن", "في", "فعلي", "علي"]
    assert tokens[5].norm == "علي" and not opens_with_preposition(tokens[5])  # the name, written with ي


def test_a_sentence_subject_hint_skips_an_opening_preposition() -> None:
    # "عدد" heads a subject after a verb (وقال عدد من المسؤولين), not after a preposition.
    assert sentence_subject(TokenizedText("وقال عدد من المسؤولين إن السوق تتعافى"), 0, 4) is not None
    assert sentence_subject(TokenizedText("وفي عدد المجلة الأخير قالت إن السوق تتعافى"), 0, 5) is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("في المقابل وزعت الحكومة الفرنسية مشروع قرار جديدا، مؤكدة أن الحل قريب.", "الحكومة الفرنسية"),
        ("ومن جهته هنأ الملحق الثقافي الطلاب الفائزين بالجائزة، موضحا أن الإنجاز كبير.", "الملحق الثقافي"),
        ("بدوره طمأن رئيس النادي الجماهير الغاضبة، مشيرا إلى أن الصفقات قادمة.", "رئيس النادي"),
    ],
)
def test_after_an_opening_adverbial_without_a_comma_the_subject_follows_the_verb(text: str, subject: str) -> None:
    """``من جهته``, ``في المقابل``, ``بدوره`` open a sentence before its verb, comma or none
    (``resources/lexicons/opening_phrases.txt``)."""
    assert subject in _subject_spans(text)


def test_the_speaker_after_an_opening_adverbial() -> None:
    from core.annotator import annotate_text

    text = "ومن جهته شكر الملحق الثقافي خالد السالم جميع الطلاب على جهودهم، موضحا أن الإنجاز كبير.\n"
    speakers = [a.speaker for a in annotate_text(text) if a.kind == "indirect"]
    assert len(speakers) == 1 and speakers[0] is not None and speakers[0].endswith("خالد السالم")


def test_a_verb_written_like_a_preposition_keeps_its_subject_before_an_apposition_comma() -> None:
    # وعبر is the verb here; the comma ends an apposition, not an opening phrase.
    text = (
        "وعبر كبير المديرين التنفيذيين للشركة، دارا خوسروشاهي، عن أسفه بشأن ما جرى، "
        "مؤكدا أن الشركة ستراجع سياساتها."
    )
    spans = _subject_spans(text)
    assert any(span.startswith("كبير المديرين التنفيذيين") for span in spans)
    assert not any(span.startswith("دارا خوسروشاهي") for span in spans)
