"""Indirect quotes: a complementiser governed by a cue, to the end of the reported clause.

An indirect quote starts after ``أن/إن/بأن`` (and their pronoun forms) governed by a cue in the
same sentence, and runs to the end of the sentence or to a new attribution (guideline: a new
cue with its own complementiser starts a new quote). The journalist's own voice (``يذكر أن``,
``بيد أن``) and wishes or refusals (``رفض أن يصبح``) are not speech.
"""

from __future__ import annotations

from core.annotator import lexicon
from core.annotator.attribution import Cue, SpeakerPhrase, according_to_at, cue_form, is_relay_object, speaker_after
from core.annotator.marks import QuotedSpan
from core.annotator.quotes.attributor import Attributor
from core.annotator.quotes.candidate import Candidate
from core.annotator.quotes.context import ArticleContext
from core.annotator.quotes.cue_search import CueSearch
from core.annotator.quotes.names import TERM_MAX_WORDS, ArticleNames
from core.annotator.tokens import Token
from core.annotator.word_classes import complementizer_forms, is_complementizer, reads_as_preposition

DASHES = frozenset({"-", "–", "—"})
_NEW_ATTRIBUTION_LOOKAHEAD = 10
_RELIABLE_CLASSES = frozenset({"say", "assert", "continue", "explain", "indicate"})
_SUBJUNCTIVE_CLASSES = frozenset({"stance", "directive", "opinion", "weak"})
_PARTICIPLE_NEGATORS = lexicon.words("participle_negators")  # "ليس مؤكدا أن": an adjective
_LINKING_VERBS = lexicon.words("linking_verbs")  # "بات مؤكدا أن": an adjective too
_SUBORDINATORS = lexicon.words("subordinators")  # "، حيث قال:"
_CUT_BEFORE = _SUBORDINATORS | lexicon.words("sequence_adverbs")  # "… ثم قال"
_CLAUSE_RESTARTS = lexicon.words("clause_restarts")  # "، وكان الوزير …"


class IndirectFinder:
    """Finds the indirect quotes of one article."""

    def __init__(self, context: ArticleContext, cues: CueSearch, attributor: Attributor, names: ArticleNames) -> None:
        self.context = context
        self.cues = cues
        self.attributor = attributor
        self.names = names
        self.tk = context.tk
        self.tokens = context.tokens

    def find(self) -> list[Candidate]:
        found: list[Candidate] = []
        tokens = self.tokens
        context = self.context
        last_end = -1
        last_start = -1
        forms = complementizer_forms()  # ``is_complementizer``'s forms, found by the positions index
        for token in [t for t in self.tk.tokens_among(forms) if t.is_word]:
            index = token.index
            if context.is_excluded(token.start, token.end) or context.depth[index] > 0:
                continue
            nested = token.start < last_end
            if self._not_speech_before(index):
                continue
            cue = self._cue_for_complementizer(index)
            if cue is None:
                continue
            if nested and (
                cue.form is None
                or tokens[cue.first].start <= last_start
                or speaker_after(self.tk, cue.last, index) is None
            ):
                continue  # inside the report: only "… تؤكد أجهزة الاستخبارات أن …" is a report of its own
            start_index = index + 1
            if start_index >= len(tokens) or context.block_of_token[start_index] != context.block_of_token[index]:
                continue
            first = tokens[start_index]
            if first.norm == ":":
                continue  # "وقال، إن: «…»": the marked words are the quote
            if self._subjunctive(cue, token, first):
                continue
            end_index = self._indirect_end(start_index)
            if end_index <= start_index:
                continue
            if first.is_quote_mark:
                quoted = context.span_by_open.get(first.index)
                if quoted is not None and self._closes_clause(quoted, end_index):
                    continue  # the whole clause is inside marks: a direct quote only
            if sum(1 for k in range(start_index, end_index) if tokens[k].is_word) < 2:
                continue  # one word cut off by a new attribution is that attribution's subject
            span_start, span_end = first.start, tokens[end_index - 1].end
            cue = self.cues.finite_verb_for_participle(cue)
            cue, phrase, passive, hint = self.attributor.attribute(cue, index)
            self.names.remember_speaker(phrase)
            found.append(
                Candidate(
                    "indirect", span_start, span_end, self._confidence(cue, phrase, hint, passive),
                    cue, phrase, reason="complementiser after a cue", passive=passive, subject_hint=hint,
                    continues_previous=phrase is None and hint is None and not passive,
                )
            )
            if not nested:
                last_end = span_end
                last_start = span_start
        return found

    def _subjunctive(self, cue: Cue, complementizer: Token, first: Token) -> bool:
        """``رفض أن يصبح``, ``آملا أن تعترف``: أن + verb after a non-speech verb is not speech."""
        if complementizer.norm != "ان" or cue.form is None or cue.form.verb_class not in _SUBJUNCTIVE_CLASSES:
            return False
        word = first.norm
        return word[:1] in ("ي", "ت", "ن") and not word.startswith("ال") and len(word) >= 4

    def _confidence(self, cue: Cue, phrase: SpeakerPhrase | None, hint: SpeakerPhrase | None, passive: bool) -> float:
        """How sure: verbs of saying are reliable; reporting, opinion and stance verbs, and weak
        homographs, often introduce something other than speech (measured on the dev corpus)."""
        if passive:
            return 0.7
        if cue.form is None:
            return 0.75 if not cue.came_in else 0.7  # بحسب …، فإن / جاء في … أن
        if cue.form.is_weak:
            return 0.4
        if cue.form.verb_class in _RELIABLE_CLASSES:
            return 0.9 if phrase is not None else 0.85
        return 0.6 if phrase is not None or hint is not None else 0.5

    def _not_speech_before(self, index: int) -> bool:
        """``يذكر أن``, ``تجدر الإشارة إلى أن``, ``بيد أن`` …: the journalist's own voice."""
        tokens = self.tokens
        index_by_last = lexicon.not_speech_index()
        for offset in (0, 1):  # one preposition (إلى/على/من) may sit before أن
            end = index - 1 - offset
            if end < 0:
                return False
            if offset and tokens[index - 1].norm not in lexicon.words("prepositions_before_that"):
                return False
            for parts in index_by_last.get(tokens[end].norm, ()):
                begin = end - len(parts) + 1
                if begin >= 0 and all(tokens[begin + k].norm == part for k, part in enumerate(parts)):
                    return True
        return False

    def _cue_for_complementizer(self, index: int) -> Cue | None:
        """The cue that governs the complementiser at ``index``: the nearest one before it in the
        sentence, unless a colon, a quotation or an earlier complementiser comes between."""
        tokens = self.tokens
        context = self.context
        bound = max(context.sentence_start(index), index - 22)
        if index > 0 and tokens[index - 1].norm in DASHES:
            return self._cue_before_parenthetical(index - 1)
        j = index - 1
        reach = index  # where the verb's complement begins: before an adjunct (عقب الاجتماع)
        while j >= bound:
            token = tokens[j]
            if token.norm == ":":
                if j == index - 1:
                    j -= 1
                    continue  # "قال فلان: إن …" — the complementiser makes it indirect speech
                return None  # speech after a colon without marks is not annotated (guideline)
            if token.is_quote_mark:
                opened = context.span_closed_by(j)
                if opened is not None and context.words_in(opened) <= TERM_MAX_WORDS:
                    j = opened.open_mark.index - 1
                    continue
                return None
            if token.is_word and is_complementizer(token) and j < index - 1:
                return None  # an earlier complementiser owns the cue before it
            length = according_to_at(self.tk, j)
            if length and tokens[index].norm.startswith("فان"):
                return Cue(j, j + length - 1, None, token.start, tokens[j + length - 1].end)
            if tokens[index].norm.startswith("فان"):
                j -= 1
                continue  # "فإن" answers a condition or an according-to phrase, never a verb
            if is_relay_object(token):
                for k in range(j - 1, bound - 1, -1):
                    relay = cue_form(tokens[k])
                    if relay is not None and relay.verb_class == "relay":
                        return Cue(k, k, relay, tokens[k].start, tokens[k].end)
                return Cue(j, j, None, token.start, token.end)
            cue = self.cues.cue_at(j)
            if cue is not None and cue.form is None and cue.came_in:
                return cue
            form = cue.form if cue is not None else None
            if form is not None and form.tense == "participle" and j > 0 and tokens[j - 1].norm in _PARTICIPLE_NEGATORS:
                form = None  # "ليس مؤكدا أن": an adjective, not a reporting participle
            if form is not None:
                distance = reach - j
                ok = not (form.is_weak and distance > 2) and not (form.verb_class in ("stance", "directive") and distance > 8)
                if ok:
                    return cue
            elif reads_as_preposition(tokens, j):
                # "وحذر جيفري في تصريحات صحفية عقب جولة أجراها …، من أن": the phrase the
                # preposition opens is an adjunct; the verb's reach is measured to it.
                reach = j
            j -= 1
        return None

    def _cue_before_parenthetical(self, closing: int) -> Cue | None:
        """``وقال موقع … -الناطق بالتركية والذي يصف نفسه بأنه … – إن القرار …``: a complementiser
        right after a dash answers the verb before the dash that opened the parenthetical."""
        tokens = self.tokens
        start = self.context.sentence_start(closing)
        for k in range(closing - 1, max(start, closing - 40) - 1, -1):
            if tokens[k].norm not in DASHES:
                continue
            for j in range(k - 1, max(start, k - 12) - 1, -1):
                cue = self.cues.cue_at(j)
                if cue is not None and cue.form is not None and not cue.form.is_weak and cue.form.tense != "participle":
                    return cue
                if tokens[j].is_quote_mark or is_complementizer(tokens[j]):
                    return None
            return None
        return None

    # Where the reported clause ends --------------------------------------------------------------
    def _indirect_end(self, start_index: int) -> int:
        """One past the last token of an indirect clause starting at ``start_index``.

        It stops at the sentence end, or before a new attribution (guideline: a new cue with its
        own complementiser starts a new quote):

        * after a comma, a circumstantial participle (``، مضيفا أن``, ``، داعيا إياه إلى …``)
          or an according-to phrase (``، وبحسب المصادر فإن``), or a verb of saying followed by
          its complementiser, colon or quotation (``، حيث قال:``);
        * a verb joined by و/ف followed by them (``وأكدت انه «…»``, ``وقال "…"``);
        * a participle followed by its complementiser (``مشيرة الى ان``), unless negated
          (``ليس مؤكدا أن``: an adjective).

        A bare verb inside the clause (``إن لافروف اقترح عليه “…”``) is part of the report.
        """
        tokens = self.tokens
        end = self.context.sentence_end(start_index)
        j = start_index + 1
        while j < end:
            token = tokens[j]
            if self.context.depth[j] == 0 and self._new_attribution_at(j, end):
                cut = j
                if cut > start_index and tokens[cut - 1].norm in _CUT_BEFORE:
                    cut -= 1
                return self._trim_end(start_index, cut)
            if token.norm in _CLAUSE_RESTARTS and tokens[j - 1].norm in ("،", ","):
                return self._trim_end(start_index, j)
            if token.norm in DASHES and j + 1 < end and tokens[j + 1].is_word and is_complementizer(tokens[j + 1]):
                return self._trim_end(start_index, j)  # "… – إن القرار": the parenthetical closes
            j += 1
        return self._trim_end(start_index, end)

    def _new_attribution_at(self, j: int, end: int) -> bool:
        tokens = self.tokens
        token = tokens[j]
        previous = tokens[j - 1].norm
        after_comma = previous in ("،", ",", "؛") or (
            previous in _SUBORDINATORS and j >= 2 and tokens[j - 2].norm in ("،", ",")
        )
        if after_comma and according_to_at(self.tk, j):
            return True
        form = cue_form(token) if token.is_word else None
        if form is None or form.is_weak:
            return False
        joined = token.norm[:1] in ("و", "ف") and len(token.norm) > 3
        if form.tense == "participle":
            if after_comma:
                # "، مضيفا أن", "، مشيرا إلى أن", "، قائلا: …" (guideline: a new cue with its own
                # complementiser); "، مشيرا لنموذج قانون البحر" goes on with the same report.
                return self._starts_attribution(j, end, allow_quote=True)
            if previous in _PARTICIPLE_NEGATORS or previous in _LINKING_VERBS:
                return False
            return self._starts_attribution(j, end, allow_quote=False, reach=4)
        if after_comma or joined:
            return self._starts_attribution(j, end, allow_quote=True)
        return False

    def _starts_attribution(self, j: int, end: int, *, allow_quote: bool = True, reach: int = _NEW_ATTRIBUTION_LOOKAHEAD) -> bool:
        """Does a complementiser, a colon or (``allow_quote``) a quotation follow token ``j``
        within ``reach`` tokens of the sentence?"""
        tokens = self.tokens
        context = self.context
        for k in range(j + 1, min(end + 1, j + reach, len(tokens))):
            token = tokens[k]
            if token.is_word and is_complementizer(token):
                return True
            if token.norm == ":":
                return True
            if allow_quote and token.is_quote_mark:
                opened = context.span_by_open.get(k)
                if opened is not None and context.words_in(opened) > TERM_MAX_WORDS:
                    return True
            if token.is_sentence_end:
                return False
        return False

    def _trim_end(self, start_index: int, end: int) -> int:
        tokens = self.tokens
        while end > start_index and tokens[end - 1].norm in ("،", ",", "؛", ";", ":", "-", "–", "(", "…", "و"):
            end -= 1
        return end

    def _closes_clause(self, quoted: QuotedSpan, end_index: int) -> bool:
        """Does the quotation opening the clause make up the reported clause?

        It does when it runs to the clause end, or when a comma or full stop follows its closing
        mark (``بأنه «نفط اقتصاديات الفضاء»، مهمة …``: what follows is the journalist's).
        """
        close = quoted.close_mark
        if close is None or close.index >= end_index - 1:
            return True
        nxt = self.tokens[close.index + 1] if close.index + 1 < len(self.tokens) else None
        return nxt is not None and nxt.norm in ("،", ",", ".", "؛")
