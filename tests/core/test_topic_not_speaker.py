"""A phrase opening with a preposition is a topic or a circumstance, never a speaker: the
speaker of ``وحول مصير الموظفين أضاف: «…»`` is the one carried from the sentence before. Nor
is whom or when the verb addresses (``قال له``, ``قال لـ "الاقتصادية"``, ``قالت أمس``): the
speaker is named after it."""

from __future__ import annotations

import pytest

from core.annotator import annotate_text
from core.annotator.no_speaker import after_addressee, ends_no_speaker, opens_no_speaker, runs_past_demonstrative
from core.annotator.tokens import TokenizedText


def _speakers(text: str) -> list[str | None]:
    return [a.speaker for a in annotate_text(text) if a.kind in ("direct", "indirect")]


def test_a_topic_before_the_cue_is_not_the_speaker() -> None:
    text = "أكد الوزير أن المشروع سينتهي قريبا.\nوحول مصير الموظفين أضاف: «لن يفقد أحد عمله».\n"
    assert _speakers(text) == ["الوزير", "الوزير"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "ومن المواقف المهمة ما صرح به وزير الخارجية الأمريكي جون كيري خلال زيارته للقاهرة بقوله: «الشراكة قوية».\n",
            "جون كيري",
        ),
        ("عندها قال له أحد الجالسين: «هل هذا معقول؟».\n", "أحد الجالسين"),
        (
            "واجه الوزير جون كيري عاصفة من التشكيك في لجنة العلاقات الخارجية.\n"
            "وقال له رئيس اللجنة بوب كوركر: «أعتقد أنك تعرضت للخداع».\n",
            "بوب كوركر",
        ),
    ],
)
def test_the_speaker_comes_after_whom_the_verb_addresses(text: str, speaker: str) -> None:
    """``قال له X``, ``صرح به X``: a preposition with a pronoun after the verb is whom or what it
    speaks of; the speaker is the phrase after it, never one that opens with it."""
    assert _speakers(text) == [speaker]


@pytest.mark.parametrize(
    ("phrase", "opens"),
    [
        ("حول مصير الموظفين", True),
        ("وعن صعوبات العمل", True),
        ("في المقال", True),
        ("على الانتهاء", True),
        ("علي الحربي", False),  # the name, written with ي
        ("باسم التميمي", False),  # a given name as well as "in the name of"
        ("مصدر في الوزارة", False),
        ("ليس الغبي", True),
        ("وما يسمونه", True),
        ("كان المفاوضون", True),
        ("وبحسب ما", True),
        ("بالنسبة لمقاتلي «المجموعة الخراسانية»", True),
        ("هذه المنظمة غير الحكومية", False),  # a demonstrative opens a speaker
        ("لا ريبوبليكا", False),  # La Repubblica
        ("عنه", True),  # a preposition with a pronoun
        ("وعنّا", True),
        ("لنا جميعا", True),
        ("فيها", True),
        ("منى زكي", False),  # folded مني, the name
        ("لي كه تشيانغ", False),  # Lee
        ("بي بي سي", False),
        ('لــ "سبق"', True),  # ل written apart
        ("دوماً", True),  # the accusative: no subject
        ("مؤكدًا", True),
        ("مستشهداً بقول", True),
        ("محمد", False),
        ("وبينما يقول الكثير", True),  # a subordinator opens a clause
        ("هل قال", True),
        ("لبي بي سي", True),  # ل and a medium: whom the verb speaks to
        ("لرويترز", True),
        ("للمجلة الأميركية", True),
        ("للصحف الكينية", True),  # ل or ب with the article
        ("بالجهود الكبيرة", True),
        ("وبالتأكيد", True),
        ("بالمر", False),  # Palmer: news hardly writes المر
        ("بفوز كرمان", True),  # ب on a common noun
        ("بسؤال للداخلية البريطانية", True),
        ("باراك أوباما", False),
        ("بوزداغ", False),
        ("بيان", False),
        ("بان كي مون", False),
        ("لاغارد", False),
        ("لودريان", False),
        ("الذي تقوده المملكة", True),  # a relative pronoun opens a clause about someone else
        ("والتي حاولت جذب انتباه العالم", True),
        ("الذين يعيشون", True),
        ("لما قاله الأستاذ", True),  # ل، ب، من، عن on ما: "what he said", not who
        ("بما يعتقد", True),
        ("مما يلفت الانتباه", True),
        ("لماذا", True),
        ("لمى الحسن", False),  # a given name that is not ل on ما
        ("ومضى قائلا", True),  # "went on": the speaker is the one carried from before
        ("تصريحات العريان", True),  # what was said, not who said it
        ("وتصريح الوزير", True),
        ("خطاب الرئيس", True),
        ("بيان للبرلمان اليمني", False),  # a document speaks for its authors
        ("تقرير حديث", False),
        ("رسالة", False),
    ],
)
def test_which_words_open_no_speaker(phrase: str, opens: bool) -> None:
    tokenized = TokenizedText(phrase)
    first = tokenized.tokens[0]
    assert opens_no_speaker(first, phrase[first.start : first.end]) is opens


@pytest.mark.parametrize(
    ("phrase", "ends"),
    [
        ("سياسي يمني لرويترز", True),  # whom he spoke to, run into the subject
        ("مسؤول للجزيرة", True),
        ("مراسل لبي", True),
        ("مراسل لبي بي سي في غزة", False),  # the medium inside the name
        ("المتحدث باسم الوزارة", False),
        ("لندن", False),
        ("إدارة الرئيس كلينتون وقتها", True),  # when the verb spoke
        ("النيابة آنذاك", True),
        ("الوزير أمس", True),
        ("خطيب الجمعة", False),
        ("الناقد الرياضي بصحيفة اليوم", False),
        ("الأخيرة لهما", True),  # ل and a pronoun: whom the verb spoke to
        ("مصادر مقربة لنا", True),
        ("عبد الله", False),
        ("لي", False),  # the name Lee, as a speaker's last word
    ],
)
def test_which_words_end_no_speaker(phrase: str, ends: bool) -> None:
    """A mention never ends on ل and a medium or a pronoun (whom the verb speaks to) nor on a
    time adverb."""
    assert ends_no_speaker(TokenizedText(phrase).tokens[-1]) is ends


@pytest.mark.parametrize(
    ("phrase", "runs_past"),
    [
        ("الجريدة هذا الفوز", True),  # the verb's object after its subject
        ("المنظمة هذه الخطوة", True),
        ("أحد تلك المصادر", False),  # after a quantifier
        ("المتحدثة باسم هذه المنظمة", False),  # after a link
        ("هذه المنظمة", False),  # a demonstrative first points back to the speaker
        ("الجريدة الإسبانية", False),
    ],
)
def test_a_mention_does_not_run_past_a_demonstrative(phrase: str, runs_past: bool) -> None:
    tokens = TokenizedText(phrase).tokens
    assert runs_past_demonstrative(tokens, 0, len(tokens) - 1) is runs_past


def test_what_the_paper_described_is_not_its_speaker() -> None:
    """``كما وصفت الجريدة هذا الفوز بـ«خطوة مهمة»``: the speaker is the paper, not "the paper
    this win" (nor a name made of it)."""
    text = (
        "وذكرت الصحيفة البارزة (فوليا دي ساو باولو) أنه بالانتصار بأدنى نتيجة، سيبدأ المنتخب البرازيلي في نسيان "
        "الهزيمة 1-7. كما وصفت الجريدة هذا الفوز بـ«خطوة مهمة»، للابتعاد عن «الشبح» الذي كان يلاحق الفريق.\n"
    )
    assert _speakers(text)[-1] in ("الجريدة", "فوليا دي ساو باولو")


@pytest.mark.parametrize("phrase", ["ووفقاً للناطق الإعلامي", "وطبقا للمتحدث الرسمي", "وفقا لوكالة الأنباء الألمانية"])
def test_the_lam_of_according_to_opens_its_source(phrase: str) -> None:
    """After ``وفقا``, ``طبقا``, ``نقلا`` the ل is the cue's: the phrase names the source."""
    tokenized = TokenizedText(phrase)
    before, first = tokenized.tokens[0], tokenized.tokens[1]
    assert opens_no_speaker(first, phrase[first.start : first.end]) is True
    assert opens_no_speaker(first, phrase[first.start : first.end], before) is False


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "وأكدت سارة أوباما أنها لم تصب بخيبة الأمل بسبب الخبر.\n"
            "وقالت للصحف الكينية: «إنه ضيف كينيا».\n",
            ["سارة أوباما", "سارة أوباما"],
        ),
        (
            "قالت الموظفة سلمى محمد إنها عانت لمدة خمس سنوات.\n"
            "وأضافت لبي بي سي \"لم أستطع التوصل لجهة تساعدني\".\n",
            ["سلمى محمد", "سلمى محمد"],
        ),
        ("ووفقاً للناطق الإعلامي لشرطة المنطقة الرائد بدر السحيباني، فإن الحادث وقع مساء أمس.\n", ["بدر السحيباني"]),
    ],
)
def test_whom_the_verb_speaks_to_is_not_the_speaker(text: str, speakers: list[str]) -> None:
    """``وقالت للصحف``, ``وأضافت لبي بي سي``: the speaker is the one carried from before, not
    the medium; after ``ووفقاً`` the ل-phrase is the source itself."""
    assert _speakers(text) == speakers


def _subject_after_cue(text: str) -> str | None:
    """The words ``after_addressee`` starts the subject at, for the verb that opens ``text``;
    short quoted names are marked as the quote finder marks them."""
    tokenized = TokenizedText(text)
    tokens = tokenized.tokens
    marks = [t.index for t in tokens if t.norm == '"']
    for opening, closing in zip(marks[::2], marks[1::2], strict=True):
        tokenized.name_spans[opening] = closing
        tokenized.name_spans[closing] = opening
    start = after_addressee(tokenized, 1, len(tokens))
    return None if start is None else text[tokens[start].start :]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("وقال له رئيس اللجنة", "رئيس اللجنة"),
        ("صرح به وزير الخارجية", "وزير الخارجية"),
        ('ويقول لـ "الاقتصادية"، ماركوس كروج', "ماركوس كروج"),
        ("وقال لرويترز أمس، مسؤول حكومي", "مسؤول حكومي"),
        ("وقال للجزيرة وزير الخارجية", "وزير الخارجية"),
        ("وقال الخميس، وزير الخارجية", "وزير الخارجية"),  # when, then who
        ("قالت أمس الأربعاء وزارة الداخلية", "وزارة الداخلية"),
        ("وقال الوزير", None),  # no addressee: the subject follows the verb
        ("وقال له:", None),  # the addressee and no subject after it
        ("وقال لندن", None),  # not ل and a medium
    ],
)
def test_where_the_subject_starts_after_an_addressee(text: str, subject: str | None) -> None:
    assert _subject_after_cue(text) == subject


def test_a_speaker_named_after_the_medium_he_spoke_to() -> None:
    text = 'أكد الخبير أمس أن الأسعار سترتفع.\nويقول لـ "الاقتصادية"، ماركوس كروج كبير المختصين في الشركة، "إن تسارع إنتاج النفط كبير".\n'
    assert _speakers(text)[-1] == "ماركوس كروج"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "الأمن يفكك خلية\nقالت أمس الأربعاء وزارة الداخلية التونسية: إن قوات الأمن فككت خلية إرهابية.\n",
            "وزارة الداخلية التونسية",
        ),
        (
            "الأمن يفكك خلية\nوقال الخميس، وزير الداخلية التونسي إن قوات الأمن فككت خلية إرهابية.\n",
            "وزير الداخلية التونسي",
        ),
    ],
)
def test_a_speaker_named_after_when_he_spoke(text: str, speaker: str) -> None:
    assert _speakers(text) == [speaker]


def test_what_the_verb_praises_is_not_the_speaker() -> None:
    """``وأشادت بفوز كرمان``: ب on a common noun opens what is praised; the speaker is the
    one carried from the sentence before."""
    text = (
        "قالت الدكتورة أميرة كشغري إن الجائزة مستحقة.\n"
        'وأشادت بفوز كرمان، قائلة: لقد حاربت "كرمان" الجهل والفقر، مؤكدة أنها أثبتت للعالم أنها امرأة قوية.\n'
    )
    assert _speakers(text) == ["الدكتورة أميرة كشغري", "الدكتورة أميرة كشغري"]


def test_what_was_said_according_to_is_not_its_speaker() -> None:
    """``وفقا لما ترجمته وكالة سبوتنيك``: ``لما`` opens "what was translated", not a speaker;
    the quote is hers, named in the sentence before (by her name or her role)."""
    text = (
        "وصفت المتحدثة باسم الخارجية الروسية ماريا زاخاروفا الاتهامات بأنها هراء.\n"
        "جاء ذلك في تدوينة لزاخاروفا على صفحتها بموقع فيسبوك، حيث قالت وفقا لما ترجمته وكالة سبوتنيك "
        'الروسية الحكومية: "هذا هراء، أليس كذلك؟".\n'
    )
    assert _speakers(text)[-1] in ("ماريا زاخاروفا", "المتحدثة باسم الخارجية الروسية")
