"""Speaker attribution: which phrase a quote's cue attributes it to.

Arabic news names a speaker after a verb-first cue (``وقال الوزير``), before a name-first one
(``الوزير قال``), as the topic of the sentence (``أما X … فيقول``), as the source of a relay
(``نقلت الوكالة عن X قوله``), as the owner of a statement noun (``في خطاب الرئيس …، أكد``), or
not at all (``وأضاف:``) — then a *hint* names the speaker the cue most likely continues: the
subject of an earlier reporting verb in the sentence or the paragraphs before.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import NamedTuple

from core.annotator import lexicon
from core.annotator.attribution import (
    Cue,
    SpeakerPhrase,
    according_to_at,
    cue_form,
    is_relay_object,
    relative_antecedent,
    relay_source,
    sentence_subject,
    speaker_after,
    speaker_before,
    topic_subject,
)
from core.annotator.quotes.context import ArticleContext
from core.annotator.quotes.names import ArticleNames
from core.annotator.word_classes import NAME_PARTICLES, is_complementizer

_RELIABLE_CLASSES = frozenset({"say", "assert", "continue", "explain", "indicate"})
_SUBJECT_CLASSES = _RELIABLE_CLASSES | {"report", "write"}  # their subject is the author of what follows
_PASSIVE_CUES = lexicon.words("passive_cues")
_GLUED_LAM_CUES = lexicon.words("glued_lam_according_to")


class Attribution(NamedTuple):
    """A cue's speaker: the phrase naming it, or a passive cue, or a hint for a pro-drop cue."""

    cue: Cue
    phrase: SpeakerPhrase | None
    passive: bool
    hint: SpeakerPhrase | None


class Attributor:
    """Attributes the cues of one article; remembers each reporting verb's subject."""

    def __init__(self, context: ArticleContext, names: ArticleNames) -> None:
        self.context = context
        self.names = names
        self.tk = context.tk
        self.tokens = context.tokens
        self.text = context.text
        # Finite reporting verbs outside quotation marks, for pro-drop resolution (bisect).
        depth = context.depth
        self._finite_cues = [
            k for k, form in self.tk.cue_tokens() if form.tense != "participle" and not form.is_weak and depth[k] == 0
        ]
        self._subject_cache: dict[int, SpeakerPhrase | None] = {}

    def attribute(self, cue: Cue, limit: int) -> Attribution:
        """Speaker phrase for a cue: ``(cue, phrase, passive, subject hint)``.

        The phrase follows a verb-first cue; a name-first subject precedes it; a relay names the
        source after ``عن``; ``جاء في مذكرات X`` names X. A hint is the subject of an earlier verb
        in the same sentence (or the topic after ``أما``), used for pro-drop cues.
        """
        tokens = self.tokens
        form = cue.form
        first = tokens[cue.first].norm
        if form is not None and first in _PASSIVE_CUES:
            return Attribution(cue, None, True, None)
        if form is not None and form.verb_class == "relay":
            relayed = relay_source(self.tk, cue, limit)
            if relayed is not None:
                source, relay_cue = relayed
                return Attribution(relay_cue, source, False, None)
        start = self.context.sentence_start(cue.first)
        if cue.form is None and first in lexicon.words("headline_nouns"):
            # "خرجت صحيفة «ذا صن» بعنوان: «…»": whoever published the headline.
            published_by = self._person_in_view(cue.first, start)
            if published_by is not None:
                return Attribution(cue, published_by, False, None)
            return Attribution(cue, None, False, self._recent_subject(cue.first))
        if cue.form is None and is_relay_object(tokens[cue.first]):
            # "وجدد الرئيس تأكيده أن": the verb before names the speaker; "قوله الشهير بأن …"
            # with no verb: his saying — the person already in view.
            for k in range(cue.first - 1, max(start, cue.first - 8) - 1, -1):
                if cue_form(tokens[k]) is not None:
                    subject = speaker_after(self.tk, k, cue.first)
                    if subject is not None:
                        return Attribution(cue, subject, False, None)
                    break
            return Attribution(cue, None, False, self._person_in_view(cue.first, start) or self._recent_subject(cue.first))
        topic = topic_subject(self.tk, start, cue.first)
        phrase: SpeakerPhrase | None = None
        if cue.form is not None and not cue.is_participle and tokens[cue.first].norm[:1] not in ("و", "ف"):
            # "لكن وزير الخارجية لودريان رفض الفكرة": a subject before the verb makes the noun
            # after it the object.
            before = speaker_before(self.tk, cue.first, start)
            if before is not None and self.names.plausible_speaker(before):
                return Attribution(cue, before, False, None)
        if not cue.is_participle:
            phrase = self.subject_after(cue.last, limit) if cue.form is not None else speaker_after(self.tk, cue.last, limit)
        if phrase is not None and cue.form is None:
            phrase = self.without_glued_lam(cue, phrase)
        if (
            phrase is not None
            and form is not None
            and form.lemma in lexicon.lemmas("verbs_of_description")
            and not self._carries_object_pronoun(cue)
            and self._object_of_description(phrase)
        ):
            # "ووصفت الوضع بأنه …": the last word is what is described; a subject may precede it
            # ("ووصف الوزير خالد سعيد القرار بأنه …").
            last = phrase.last - 1
            while last >= phrase.first and not tokens[last].is_word:
                last -= 1
            phrase = SpeakerPhrase(phrase.first, last, phrase.start, tokens[last].end) if last >= phrase.first else None
        if phrase is not None:
            return Attribution(cue, phrase, False, None)
        if topic is not None:
            return Attribution(cue, topic, False, None)
        # A participle describes the main clause's subject, not a relative clause's antecedent.
        antecedent = None if cue.is_participle else relative_antecedent(self.tk, cue.first, start)
        if antecedent is not None:
            return Attribution(cue, antecedent, False, None)
        if cue.form is not None and tokens[cue.first].norm[:1] not in ("و", "ف"):
            before = speaker_before(self.tk, cue.first, start)
            if before is not None:
                return Attribution(cue, before, False, None)
        owner = self._statement_owner(start, cue.first) or self._subject_of_kana(cue, start)
        if owner is not None:
            return Attribution(cue, owner, False, None)
        hint = self._earlier_subject(cue, start) or self._recent_subject(cue.first)
        return Attribution(cue, None, False, hint)

    # Who else may be meant ---------------------------------------------------------------------
    def _person_in_view(self, index: int, start: int) -> SpeakerPhrase | None:
        """``بمقولات ابن تيمية ولكنهم لا يوردون قوله الشهير بأن``: his saying is that of the
        nearest person named earlier in the sentence (a plausible speaker or a name built with
        ابن/أبو/عبد), its fullest mention."""
        found: SpeakerPhrase | None = None
        for k in range(index - 1, max(start, index - 15) - 1, -1):
            token = self.tokens[k]
            if not token.is_word:
                if found is not None:
                    break
                continue
            phrase = speaker_after(self.tk, k - 1, index) if k > 0 else None
            if phrase is None or phrase.first != k:
                if found is not None:
                    break
                continue
            particle = token.norm in NAME_PARTICLES
            if found is None and (particle or self.names.plausible_speaker(phrase)):
                found = phrase
            elif found is not None and phrase.last >= found.last and (particle or token.norm in lexicon.titles()):
                found = phrase  # the same mention, begun earlier: "الشيخ ابن تيمية"
            elif found is not None:
                break
        return found

    def _statement_owner(self, start: int, cue_first: int) -> SpeakerPhrase | None:
        """``ففي خطاب الرئيس الأمريكي باراك أوباما …، أكد أن``: the owner of a statement noun
        earlier in the sentence, when it names a plausible speaker, is the subject of the cue."""
        nouns = lexicon.words("speech_nouns")
        for k in range(max(start, cue_first - 40), cue_first):
            norm = self.tokens[k].norm
            if norm not in nouns and not (norm[:1] in "وفبل" and norm[1:] in nouns):
                continue
            phrase = speaker_after(self.tk, k, cue_first)
            if phrase is not None and self.names.plausible_speaker(phrase):
                return phrase
        return None

    def _subject_of_kana(self, cue: Cue, start: int) -> SpeakerPhrase | None:
        """``ظل الخطاب الإيراني الرسمي طيلة فترة المفاوضات يكرر أن``: an imperfect cue's subject
        is the subject of the كان-type verb that governs it earlier in the sentence."""
        if cue.form is None or cue.form.tense != "imperfect":
            return None
        kana = lexicon.words("kana_verbs")
        for k in range(cue.first - 1, max(start, cue.first - 15) - 1, -1):
            token = self.tokens[k]
            if not token.is_word or cue_form(token) is not None:
                return None
            if token.norm in kana:
                return speaker_after(self.tk, k, cue.first)
        return None

    def _recent_subject(self, index: int) -> SpeakerPhrase | None:
        """For a pro-drop cue (``وأضاف:``): the subject of the nearest earlier reporting verb in
        this paragraph or the one before — the person the article was last quoting or
        introducing, whether or not that sentence held a quote. Looks at six verbs at most."""
        if index <= 0 or index >= len(self.tokens):
            return None
        blocks = self.context.block_of_token
        block = blocks[index]
        k = bisect_left(self._finite_cues, index) - 1
        looked = 0
        while k >= 0 and looked < 6:
            j = self._finite_cues[k]
            if blocks[j] < block - 1:
                break
            phrase = self._subject_of(j)
            if phrase is not None:
                return phrase
            k -= 1
            looked += 1
        return None

    def _subject_of(self, j: int) -> SpeakerPhrase | None:
        """The explicit subject of the reporting verb at token ``j``, if it looks like a speaker
        (cached). Bare verbs try the name-first subject before the verb-first one."""
        if j not in self._subject_cache:
            start = self.context.sentence_start(j)
            bare = self.tokens[j].norm[:1] not in ("و", "ف")
            candidates = [
                speaker_before(self.tk, j, start) if bare else None,
                self.subject_after(j, self.context.sentence_end(j)),
                topic_subject(self.tk, start, j),
                relative_antecedent(self.tk, j, start),
            ]
            self._subject_cache[j] = next((c for c in candidates if c is not None and self.names.plausible_speaker(c)), None)
        return self._subject_cache[j]

    def _earlier_subject(self, cue: Cue, start: int) -> SpeakerPhrase | None:
        """For ``…، مشيرا إلى أن``: the subject of the sentence's earlier reporting verb, or, when
        that verb has none either (``وأضاف: … مشيرا إلى أن``), the speaker it continues."""
        k = bisect_left(self._finite_cues, cue.first) - 1
        while k >= 0 and self._finite_cues[k] >= max(start, cue.first - 80):
            j = self._finite_cues[k]
            k -= 1
            form = cue_form(self.tokens[j])
            if form is None:
                continue  # never: the finite cues are cue forms
            if form.verb_class == "relay":
                relayed = relay_source(self.tk, Cue(j, j, form, self.tokens[j].start, self.tokens[j].end), cue.first)
                if relayed is not None:
                    return relayed[0]  # "روى مسلم عن ابن سيرين أنه قال": the source
            before = speaker_before(self.tk, j, start)
            if before is not None and self.names.plausible_speaker(before):
                return before
            after = self.subject_after(j, cue.first)
            if after is not None and (form.verb_class in _SUBJECT_CLASSES or self.names.plausible_speaker(after)):
                return after
            subject = sentence_subject(self.tk, start, cue.first)
            return subject or self._recent_subject(j)
        return sentence_subject(self.tk, start, cue.first) or self._according_to_in(start, cue.first)

    def _according_to_in(self, start: int, end: int) -> SpeakerPhrase | None:
        """``وبحسب المحققين الروس، فلقد "…"، مشيرين إلى أن``: the source the sentence cites."""
        for j in range(start, end):
            length = according_to_at(self.tk, j)
            if length:
                last = j + length - 1
                phrase = speaker_after(self.tk, last, end)
                if phrase is None:
                    return None
                cue = Cue(j, last, None, self.tokens[j].start, self.tokens[last].end)
                return self.without_glued_lam(cue, phrase)  # "وفقا لمراكز …": مراكز …
        return None

    # The phrase after a cue --------------------------------------------------------------------
    def subject_after(self, j: int, limit: int) -> SpeakerPhrase | None:
        """``speaker_after``, except that verbs taking a ب/ل object (أشاد بـ، رحب بـ) have none."""
        form = cue_form(self.tokens[j])
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        if form is not None and form.verb_class in ("stance", "directive") and nxt is not None and nxt.norm[:1] in ("ب", "ل"):
            return None
        return speaker_after(self.tk, j, limit)

    def without_glued_lam(self, cue: Cue, phrase: SpeakerPhrase) -> SpeakerPhrase:
        """``وفقا لـوزارة الصحة``: the ل of the phrase belongs to the cue, not to the speaker."""
        if self.tokens[cue.last].norm not in _GLUED_LAM_CUES:
            return phrase
        first = self.tokens[phrase.first]
        text = self.text
        if not first.norm.startswith("ل") or len(first.norm) < 3:
            return phrase
        start = first.start + 1
        while start < first.end and text[start] == "\u0640":
            start += 1
        return SpeakerPhrase(phrase.first, phrase.last, start, phrase.end)

    def _carries_object_pronoun(self, cue: Cue) -> bool:
        """``الماء الذي يصفه جين بأنه``: the verb has its object (ه، ها، هم); the noun after it
        is the subject."""
        if cue.form is None or cue.form.tense not in ("past", "imperfect"):
            return False
        norm = self.tokens[cue.last].norm
        forms = lexicon.cue_forms()
        for suffix in ("ه", "ها", "هم"):
            bare = forms.get(norm[: -len(suffix)]) if norm.endswith(suffix) else None
            if bare is not None and bare.lemma == cue.form.lemma and bare.tense == cue.form.tense:
                return True
        return False

    def _object_of_description(self, phrase: SpeakerPhrase) -> bool:
        """``ووصفت الوضع بأنه``: the phrase's last word is followed by ب + what it is called."""
        nxt = self.tokens[phrase.last + 1] if phrase.last + 1 < len(self.tokens) else None
        return nxt is not None and nxt.norm[:1] == "ب" and (is_complementizer(nxt) or len(nxt.norm) <= 2 or nxt.norm.startswith("بال"))
