"""Words a speaker's mention never starts or ends with, and whom a reporting verb addresses before its subject.

The rankers weigh a span's first word with every other feature, so a phrase that opens with a
preposition, a particle or an accusative word still wins now and then (``وحول مصير الموظفين
أضاف`` → ``حول مصير الموظفين``; ``قال له رئيس اللجنة`` → ``له رئيس اللجنة``), and so does one
that runs on into whom or when the verb spoke (``سياسي يمني لرويترز``, ``النيابة آنذاك``). No
checked speaker name in the development articles starts or ends so: the speaker finder never
takes such a phrase (``opens_no_speaker``, ``ends_no_speaker``), and after a verb that first
names whom it addresses, the subject is looked for after the addressee too (``after_addressee``).
"""

from __future__ import annotations

from collections.abc import Sequence

from core.annotator import lexicon, wordstats
from core.annotator.attribution import cue_form
from core.annotator.speakers import FREQUENT_COUNT
from core.annotator.tokens import Token, TokenizedText
from core.annotator.word_classes import (
    DEMONSTRATIVES,
    NAMES_WRITTEN_AS_PREPOSITIONS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    names_a_medium,
)

_NO_SPEAKER_OPENERS = lexicon.words("no_speaker_openers")
_TIME_WORDS = lexicon.words("time_words")
_END_TIMES = lexicon.words("speaker_end_times")
_GLUED_LAM_CUES = lexicon.words("glued_lam_according_to")  # ووفقا للناطق: the ل is the cue's
# How often unlabeled news writes a word's stem with the article before بال/لل counts as the
# preposition and the article: الجهود (168 times), not المر (3: بالمر is Palmer).
ARTICLE_STEM_MIN_COUNT = 10
# A word after ب is a common noun when unlabeled news uses it as often as a frequent word
# (``speakers.FREQUENT_COUNT``) and writes it with the article at least this share (in percent)
# of the time: فوز 66 %, سؤال 38 %.
_COMMON_NOUN_MIN_DEFINITE = 20
_FATHATAN = "\u064b"  # the accusative's ending: دوماً، مؤكداً
_PREPOSITIONS_APART = frozenset({"ل", "ب", "ك"})  # لــ "سبق": a prefix written as a word
# عنه، لنا، فيها: a preposition with a pronoun (pronoun_suffixes.txt, not ي or ني: مني is منى,
# لي is Lee, بي is in بي بي سي).
_PRONOUNS = [pronoun for pronoun in lexicon.pronoun_suffixes() if pronoun not in ("ي", "ني")]
_PRONOUN_ON_PREPOSITION = frozenset(
    preposition + pronoun for preposition in (*PREPOSITIONS, "ل", "ب") for pronoun in _PRONOUNS
) | {"عنا", "منا"}  # عنّا، منّا: the ن of the preposition and of the pronoun written once
# لها، لهما، لنا: whom the verb speaks to, run into its subject (أكدت الأخيرة لهما). Not لي (Lee).
_LAM_PRONOUNS = frozenset("ل" + pronoun for pronoun in _PRONOUNS)


def opens_no_speaker(token: Token, written: str, before: Token | None = None) -> bool:
    """Is ``token`` (``written`` so in the text) a word no speaker's mention starts with, bare
    or after و/ف? A preposition (a topic or a circumstance: ``وحول مصير الموظفين``, ``عن
    صعوبات``, ``في المقال``), also with a pronoun (``تحدث عنه``, ``غابوا عنّا``) or written apart
    (``وقالت لــ "سبق"``); a negation, a particle, كان or a pronoun (``ليس الغبي``, ``قد``,
    ``كان المفاوضون``, ``لما قاله``, ``تصريحات العريان``;
    ``resources/lexicons/no_speaker_openers.txt``); a relative pronoun, which opens a clause
    about a noun before it (``الذي تقوده المملكة``); a word in the accusative (``أجد دوماً``,
    ``قال مؤكداً``), which no subject is; whom the verb speaks to, ل and a medium (``وأضافت لبي
    بي سي``, ``قالت للمجلة الأميركية``); ب or ل with the article (``وقالت للصحف الكينية``,
    ``وأشاد بالجهود``) and ب on a common noun (``وأشادت بفوز كرمان``). Not the name علي (which
    folding writes as على), nor ``باسم``, a given name as well, nor مني and لي (منى, Lee); nor,
    after an according-to word (``before``, the token before the phrase), the ل it takes:
    ``ووفقاً للناطق الإعلامي`` names its source."""
    norm = token.norm
    if norm in _PREPOSITIONS_APART:
        return True
    if not token.is_word or token.is_name_ali:
        return False
    if written.rstrip("ا").endswith(_FATHATAN):
        return True
    bare = norm[1:] if norm[:1] in ("و", "ف") and len(norm) > 2 else norm
    if (names_a_medium(bare) or _preposition_on_a_common_word(bare)) and not (
        before is not None and before.norm in _GLUED_LAM_CUES and bare.startswith("ل")
    ):
        return True
    return any(
        word in _NO_SPEAKER_OPENERS
        or word in RELATIVE_PRONOUNS
        or word in _PRONOUN_ON_PREPOSITION
        or (word in PREPOSITIONS and (word not in NAMES_WRITTEN_AS_PREPOSITIONS or (word == "علي" and token.maqsura)))
        for word in (norm, bare)
    )


def ends_no_speaker(token: Token) -> bool:
    """Is ``token`` a word no speaker's mention ends with: whom the verb speaks to run into its
    subject, ل and a medium or a pronoun (``وقال سياسي يمني لرويترز``, ``مسؤول لرويترز``,
    ``أكدت الأخيرة لهما``), or when it spoke (``إدارة الرئيس كلينتون وقتها``;
    ``resources/lexicons/speaker_end_times.txt``)? A medium inside a name stays (``مراسل لبي بي
    سي في غزة``)."""
    norm = token.norm
    return token.is_word and (names_a_medium(norm) or norm in _END_TIMES or norm in _LAM_PRONOUNS)


def runs_past_demonstrative(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Does the span ``first..last`` go on past a demonstrative right after a definite word
    (``وصفت الجريدة هذا الفوز``)? A demonstrative stands before its noun, so after a definite
    word it opens the verb's object; after a quantifier, a preposition or a link it belongs to
    the name (``أحد تلك المصادر``, ``المتحدثة باسم هذه المنظمة``). No checked speaker name
    has one after a definite word."""
    return any(
        tokens[k].norm in DEMONSTRATIVES and tokens[k - 1].norm.startswith("ال") for k in range(first + 1, last + 1)
    )


def runs_into_relayed_source(tokens: Sequence[Token], first: int, last: int) -> bool:
    """Is the span ``first..last`` a relay verb's subject run on into the source it cites
    (``نقلت سانا عن مصدر رسمي في وزارة الخارجية``, ``روى ابن بطة عن معاذ بن معاذ``)? Who relays
    and whom they cite are two speakers; no checked name holds both. After other words عن
    belongs to the name (``الناشط في الدفاع عن حقوق الإنسان``)."""
    if first == 0:
        return False
    form = cue_form(tokens[first - 1])
    return form is not None and form.verb_class == "relay" and any(tokens[k].norm == "عن" for k in range(first + 1, last + 1))


def _preposition_on_a_common_word(norm: str) -> bool:
    """``بالجهود``, ``للصحف``: ب or ل and the article on a word news writes with the article,
    not a name that happens to start so (``بالمر``); or ب on a common noun (``وأشاد بفوز
    كرمان``, ``بسؤال``, ``قالت بكثير من الحماس``): a frequent word that news often writes with
    the article, which names starting with ب (``باراك``, ``بوزداغ``, ``بيان``, ``براين``) are
    not. Not ل on a common noun: ``لجنة`` is ل and ``جنة`` to these statistics."""
    stats = wordstats.shipped()
    if norm.startswith("ب") and not norm.startswith("بال") and len(norm) > 3:
        common = stats.get(norm[1:])
        if common is not None and common.count >= FREQUENT_COUNT and common.share("definite") >= _COMMON_NOUN_MIN_DEFINITE:
            return True
    if norm.startswith("بال"):
        stem = "ال" + norm[3:]
    elif norm.startswith("لل"):
        stem = "ال" + norm[2:]
    else:
        return False
    profile = stats.get(stem) if len(stem) > 3 else None
    return profile is not None and profile.count >= ARTICLE_STEM_MIN_COUNT


def after_addressee(tokenized: TokenizedText, after: int, stop: int) -> int | None:
    """Where a verb's subject starts when the verb first names whom it addresses or when it
    spoke, or ``None``: a preposition with a pronoun (``وقال له رئيس اللجنة``, ``ما صرح به وزير
    الخارجية``), a prefix written apart before a quoted name (``ويقول لـ "الاقتصادية"، ماركوس
    كروج``), ل and a medium (``وقال لرويترز أمس، …``), then perhaps time words (``قالت أمس
    الأربعاء وزارة الداخلية``) and a comma. ``after`` is the token after the verb; the subject
    starts before ``stop``."""
    tokens = tokenized.tokens
    norm = tokens[after].norm
    if norm in _PRONOUN_ON_PREPOSITION:
        start = after + 1
    elif norm in _PREPOSITIONS_APART and after + 1 < stop:
        closing = tokenized.name_spans.get(after + 1, -1)
        if closing <= after + 1:
            return None
        start = closing + 1  # لـ "الاقتصادية": a quoted name
    elif names_a_medium(norm):
        start = after + 1
    elif norm in _TIME_WORDS:
        start = after  # "وقال الخميس، وزير الخارجية": when, then who
    else:
        return None
    while start < stop and tokens[start].norm in _TIME_WORDS:
        start += 1
    if start < stop and tokens[start].norm in ("،", ","):
        start += 1
    return start if after < start < stop and tokens[start].is_word else None
