"""Names and terms: is marked text a name rather than speech, and is a phrase a speaker?

Writers put quotation marks around names and terms as well as speech (``“داعش”``,
``«عين اليوم»``). Signs of a name: Latin script, a naming noun before the marks (``موقع``,
``شركة``, ``بعنوان``), a role word before them, or the same words quoted again elsewhere in the
article. The article's own names — words met after a title, and words of phrases that already
attributed a quote — tell a speaker found only by position from any other noun phrase.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from core.annotator import lexicon
from core.annotator.attribution import SpeakerPhrase, cue_form
from core.annotator.marks import QuotedSpan
from core.annotator.quotes.context import ArticleContext
from core.annotator.tokens import Token
from core.annotator.word_classes import NAME_PARTICLES, is_adjective, is_complementizer, is_stop, that_forms
from core.folding import fold

TERM_MAX_WORDS = 3  # a quotation this short may be a name or a term rather than speech
_NAME_MAX_WORDS = 6  # longer marked text after a naming word (منطقة، هيئة) is speech, not a name
_WORK_TITLE_WORDS = lexicon.words("work_title_words")
_NAME_PREPOSITIONS = lexicon.words("name_prepositions")
_HEADLINE_VERBS = lexicon.words("headline_verbs")
_GOVERNED_OPENERS = frozenset({":", "الي"})  # folded إلى
_NAME_HEADS = lexicon.words("name_heads")
# What may be written against a name head: nothing, the article, a preposition, a conjunction.
_NAME_HEAD_PREFIXES = ("", "ال", "ل", "لل", "ب", "بال", "و", "وال", "ول", "ولل")
_HEADLINE_VERB_REACH = 6  # tokens: خرجت صحيفة « ذا صن » بعنوان
_OCCASION_NOUNS = lexicon.words("occasion_nouns")  # في بيان، في تقريرها، في تغريدة
_ACCORDING_TO_WHAT = lexicon.words("according_to_what")
_SUBJECT_MAX_WORDS = 5  # ونقلت «وكالة الأنباء السورية الرسمية» عن
_LATIN_RE = re.compile(r"[A-Za-z]")
_ARABIC_RE = re.compile(r"[\u0621-\u064a]")


def introduced_as_name(tokens: Sequence[Token], open_index: int) -> bool:
    """Marks opening at ``open_index`` around a name, whatever its length: ``ورقة بعنوان: «…»`` (a
    work's title, even after a colon) and ``لـ«الشرق الأوسط»`` (a name after a preposition that
    cannot stand as a word of its own: the tokenizer splits it off)."""
    if open_index == 0:
        return False
    previous = tokens[open_index - 1]
    if previous.norm in _NAME_PREPOSITIONS:
        return True
    at = open_index - 1
    if previous.norm == ":" and open_index >= 2:
        at = open_index - 2
    if tokens[at].norm not in _WORK_TITLE_WORDS:
        return False
    # "خرجت صحيفة «ذا صن» بعنوان: «…»": a publication's headline is its words, not a title.
    return not any(tokens[k].norm in _HEADLINE_VERBS for k in range(max(0, at - _HEADLINE_VERB_REACH), at))


def subject_in_marks(tokens: Sequence[Token], open_index: int, close_index: int) -> bool:
    """Marks right after a reporting verb around its subject, which the words after them show:
    the source it relays or what it said (``ونقلت "رويترز" عن محللين``, ``قال «المرصد السوري
    لحقوق الإنسان»: إنه``, ``وبيّن "الخديدي"، أن``) or where (``وأفادت «الشبكة السورية لحقوق
    الإنسان» في تقريرها``, ``وقال "العصيمي" في تغريدة``). Words said would not go on so:
    quoted speech after a verb is followed by a new clause or nothing."""
    if open_index == 0 or close_index + 1 >= len(tokens) or close_index - open_index - 1 > _SUBJECT_MAX_WORDS:
        return False
    form = cue_form(tokens[open_index - 1])
    if form is None or form.tense not in ("past", "imperfect"):
        return False
    after = close_index + 1
    if tokens[after].norm in ("،", ",", ":") and after + 1 < len(tokens):
        after += 1
    word = tokens[after]
    if word.norm == "عن" or word.norm in that_forms():
        return True
    if word.norm == "في" and after + 1 < len(tokens):
        noun = tokens[after + 1].norm
        return any(noun.startswith(occasion) for occasion in _OCCASION_NOUNS)
    return False


def named_after_according_to(tokens: Sequence[Token], open_index: int) -> bool:
    """Marks after "according to what … reported" (``وفق ما نقلت "فرانس برس"``, ``حسبما نقلت
    "واس"``; ``according_to_what.txt``): the verb's subject, the medium, is what they hold."""
    if open_index < 2 or cue_form(tokens[open_index - 1]) is None:
        return False
    before = tokens[open_index - 2].norm
    if before in _ACCORDING_TO_WHAT:
        return True  # حسبما نقلت
    return before in ("ما", "لما") and open_index >= 3 and tokens[open_index - 3].norm in _ACCORDING_TO_WHAT


class ArticleNames:
    """The names of one article: quoted terms, names met after titles, speakers' words."""

    def __init__(self, context: ArticleContext) -> None:
        self.context = context
        self.tokens = context.tokens
        self.text = context.text
        # A name is quoted in different sentences; a repeated sentence quotes it in the same one.
        # Headlines are left out: they echo the body's quotations («الوحشي» in both).
        self._quoted_counts = Counter(
            key for key, _ in {(self._key(s), self._context_word(s)) for s in context.spans if s.closed}
        )
        # Name words met after a title (الدكتور سعيد السريحي): a later mention of them is a speaker.
        self.known_names = self._names_after_titles()
        self.speaker_words: set[str] = set()

    def _key(self, span: QuotedSpan) -> str:
        return " ".join(fold(self.text[span.start : span.end]).split())

    def _context_word(self, span: QuotedSpan) -> tuple[str, str]:
        """The words either side of the marks: the same name quoted in different sentences has
        different ones (شاطئ "شرم أبحر" له … / شاطئ " شرم أبحر " بأنه), a repeated sentence not."""
        index = span.open_mark.index
        before = self.tokens[index - 1].norm if index else ""
        close = span.close_mark.index if span.close_mark is not None else None
        after = self.tokens[close + 1].norm if close is not None and close + 1 < len(self.tokens) else ""
        return before, after

    def _names_after_titles(self) -> set[str]:
        """Words of names introduced by a title anywhere in the article (``الدكتور X Y``)."""
        titles = lexicon.titles()
        names: set[str] = set()
        tokens = self.tokens
        for token in [t for t in self.context.tk.tokens_among(titles) if t.norm.startswith("ال")]:
            k = token.index + 1
            while k < len(tokens) and tokens[k].norm in titles:
                k += 1
            taken = 0
            while k < len(tokens) and taken < 3 and tokens[k].is_word and not is_stop(tokens[k]) and not tokens[k].norm.startswith("ال"):
                names.add(tokens[k].norm)
                taken += 1
                k += 1
            if taken and k < len(tokens) and tokens[k].norm.startswith("ال") and tokens[k].norm not in titles and not is_stop(tokens[k]):
                names.add(tokens[k].norm)  # the surname
        return names - NAME_PARTICLES

    # Marked text -------------------------------------------------------------------------------
    def looks_like_name(self, span: QuotedSpan) -> bool:
        """Marks around a name or term rather than speech (guideline: “داعش”, «عين اليوم»)."""
        content = self.text[span.start : span.end]
        if _LATIN_RE.search(content) and not _ARABIC_RE.search(content):
            return True
        if self._named_by_previous_word(span.open_mark.index) and self.context.words_in(span) <= _NAME_MAX_WORDS:
            return True  # a sentence after "المنطقة «لكي لا يصبح …»" is no name
        if introduced_as_name(self.tokens, span.open_mark.index):
            return True
        if self.context.words_in(span) <= _NAME_MAX_WORDS + 1 and self._opens_with_name_head(span):
            return True
        if self.context.words_in(span) <= TERM_MAX_WORDS and self._subject_of_cue(span):
            return True
        key = self._key(span)
        if self._quoted_counts[key] >= 2:
            return True  # the same words quoted in two places of one article: a name or a term
        if key[:1].isdigit():
            return True  # «207 شركات حج»: a label
        return self._coordinated_with_name(span) or self._after_role(span)

    def _opens_with_name_head(self, span: QuotedSpan) -> bool:
        """``“منظمة حظر الأسلحة الكيميائية”``, ``"لمنظمة …"``, ``«الجمعية الطبية …»``: the first
        word inside the marks opens a proper name."""
        first = span.open_mark.index + 1
        if first >= len(self.tokens) or not self.tokens[first].is_word:
            return False
        norm = self.tokens[first].norm
        return any(norm.startswith(prefix) and norm[len(prefix) :] in _NAME_HEADS for prefix in _NAME_HEAD_PREFIXES)

    def _subject_of_cue(self, span: QuotedSpan) -> bool:
        """``وأشار "جون كيري" إلى أن``, ``وقال "كيري" إنه``, ``وأردف "العصيمي": "…"``: a few marked
        words between a reporting verb and what it governs (a complementiser, إلى, a colon) are its
        subject, a name. Other prepositions may follow a quoted object (مؤكدة "تضامنها الكامل" مع
        طهران), so they do not count."""
        open_index = span.open_mark.index
        if open_index == 0 or span.close_mark is None or cue_form(self.tokens[open_index - 1]) is None:
            return False
        after = span.close_mark.index + 1
        if after >= len(self.tokens):
            return False
        following = self.tokens[after]
        return following.norm in _GOVERNED_OPENERS or is_complementizer(following)

    def _coordinated_with_name(self, span: QuotedSpan) -> bool:
        """``حزبي «العدالة والتنمية» و«الشعب الجمهوري»``: a quoted item joined to a quoted name."""
        index = span.open_mark.index
        if index >= 2 and self.tokens[index - 1].norm == "و" and self.tokens[index - 2].is_quote_mark:
            previous = self.context.span_by_close.get(index - 2)
            return (
                previous is not None
                and self.context.words_in(previous) <= TERM_MAX_WORDS
                and self._named_by_previous_word(previous.open_mark.index)
            )
        return False

    def _after_role(self, span: QuotedSpan) -> bool:
        """``الناشطة اليمنية "توكل كرمان"``: a short quotation right after a role word is a name."""
        if self.context.words_in(span) > TERM_MAX_WORDS:
            return False
        j = span.open_mark.index - 1
        titles = lexicon.titles()
        while j >= 0 and j >= span.open_mark.index - 3 and self.tokens[j].is_word:
            norm = self.tokens[j].norm
            if norm in titles and norm.startswith("ال"):
                return True
            if not is_adjective(norm):
                return False
            j -= 1
        return False

    def _named_by_previous_word(self, open_index: int) -> bool:
        """``صحيفة «…»``, ``(شعار ترامب) "…"``, ``حزبي «…»``: a naming word right before the marks."""
        if open_index == 0:
            return False
        j = open_index - 1
        if self.tokens[j].norm == ")":
            # "(شعار ترامب) "أمريكا أولا"": a parenthesis naming what follows.
            k = j - 1
            while k > 0 and k >= j - 6 and self.tokens[k].norm != "(":
                k -= 1
            if self.tokens[k].norm == "(" and k + 1 < j:
                j = k + 1
        norm = self.tokens[j].norm
        if norm in ("ل", "ب", "و", "ف", "ك", "لل") and j >= 1:
            norm = self.tokens[j - 1].norm
        stripped = norm[2:] if norm.startswith("ال") else norm
        naming = lexicon.words("naming_words")
        for candidate in (norm, stripped, norm[1:] if norm[:1] in "لبو" else norm):
            if candidate in naming or (candidate.startswith("ال") and candidate[2:] in naming):
                return True
            if candidate.endswith("ي") and candidate[:-1] in naming:
                return True  # a dual construct: حزبي، وفدي، موقعي
        return False

    # Speakers ----------------------------------------------------------------------------------
    def is_known(self, norm: str) -> bool:
        """Is a folded word part of a name already met (after a title, or as a speaker)?"""
        return norm in self.known_names or norm in self.speaker_words

    def plausible_speaker(self, phrase: SpeakerPhrase) -> bool:
        """Does a phrase found only by position (not right after its own cue) name a speaker?

        It must start with a title, an organisation or an anonymous-source word, or hold a name
        already met in the article as a speaker's name.
        """
        words = [t for t in self.tokens[phrase.first : phrase.last + 1] if t.is_word]
        if not words:
            return False
        head = words[0].norm[1:] if words[0].norm[:1] == "و" and (words[0].norm[1:].startswith("ال") or words[0].norm[1:] in lexicon.titles()) else words[0].norm
        if head in lexicon.titles() or head in lexicon.anonymous_heads():
            return True
        if any(t.norm.startswith("ال") and t.norm in lexicon.titles() for t in words[2:]):
            return True  # "إسماعيل هنية القيادي في حركة حماس": a name with its role in apposition
        return any(self.is_known(t.norm) for t in words)

    def remember_speaker(self, phrase: SpeakerPhrase | None) -> None:
        """Words of a phrase that attributed a quote: later positional mentions of them count."""
        if phrase is None:
            return
        for k in range(phrase.first, phrase.last + 1):
            token = self.tokens[k]
            if token.is_word and len(token.norm) > 2 and token.norm not in NAME_PARTICLES:
                self.speaker_words.add(token.norm)
                if k > phrase.first and token.norm.startswith("و") and len(token.norm) > 4:
                    self.speaker_words.add(token.norm[1:])  # "كوم وأكتون": أكتون is a name too
