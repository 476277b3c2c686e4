"""Direct quotes: words between paired quotation marks that someone said.

Whether marked words are speech or a name (``“داعش”``, ``«عين اليوم»``) depends on attribution
— a cue before them in the sentence, a colon, ``، قال فلان`` after them, or an indirect clause
around them — and on the signs of a name (``names.py``). One to three marked words are speech
only when a cue governs them right there. Parenthesised sayings after ``قال:``, Qur'anic
``﴿…﴾`` and a closing mark whose opening one is missing after ``قال:`` are direct too.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from core.annotator import lexicon
from core.annotator.attribution import Cue, SpeakerPhrase, cue_form, speaker_after
from core.annotator.marks import QuotedSpan
from core.annotator.quotes.attributor import Attributor
from core.annotator.quotes.candidate import Candidate, Coverage
from core.annotator.quotes.context import ArticleContext
from core.annotator.quotes.cue_search import CUE_WINDOW, CueSearch
from core.annotator.quotes.names import (
    TERM_MAX_WORDS,
    ArticleNames,
    introduced_as_name,
    named_after_according_to,
    subject_in_marks,
)
from core.annotator.tokens import QUOTE_CHARS
from core.annotator.word_classes import CONNECTIVES, is_complementizer

_OBJECT_PREPOSITIONS = lexicon.words("object_prepositions")


class DirectFinder:
    """Finds the direct quotes of one article, given its indirect ones (which may contain them)."""

    def __init__(
        self,
        context: ArticleContext,
        cues: CueSearch,
        attributor: Attributor,
        names: ArticleNames,
        indirect: Sequence[Candidate],
    ) -> None:
        self.context = context
        self.cues = cues
        self.attributor = attributor
        self.names = names
        self.tokens = context.tokens
        self._indirect_sorted = sorted(indirect, key=lambda c: c.start)
        self._indirect_starts = [c.start for c in self._indirect_sorted]
        self._speech_closers: set[int] = set()  # closing marks of the direct quotes found so far

    def find(self) -> list[Candidate]:
        found: list[Candidate] = []
        speech: set[int] = set()
        for span in self.context.spans:
            if span.end <= span.start:
                continue
            if span.parent is not None and id(span.parent) in speech:
                continue  # a name or a quotation inside a quotation
            candidate = self._marked(span)
            if candidate is not None:
                found.append(candidate)
                speech.add(id(span))
                if span.close_mark is not None:
                    self._speech_closers.add(span.close_mark.index)
        found.extend(self._parenthesised(found))
        found.extend(self._opened_by_colon(found))
        return found

    # Paired marks -------------------------------------------------------------------------------
    def _marked(self, span: QuotedSpan) -> Candidate | None:
        """The direct quote between a pair of marks, or ``None`` for a name, a term or nothing said."""
        tokens = self.tokens
        open_index = span.open_mark.index
        words = self.context.words_in(span)
        if words == 0:
            return None
        start, end = self.context.trim_inner(span.start, span.end)
        if start >= end:
            return None
        before = tokens[open_index - 1] if open_index > 0 else None
        colon_before = before is not None and before.norm == ":"
        if span.quran:
            cue = self.cues.cue_before(open_index, window=8)
            return Candidate("direct", start, end, 0.8, cue, None, "Qur'anic brackets", passive=cue is None)
        name_like = (
            (self.names.looks_like_name(span) and not colon_before)
            or introduced_as_name(tokens, open_index)
            or (span.close_mark is not None and subject_in_marks(tokens, open_index, span.close_mark.index))
            or named_after_according_to(tokens, open_index)
        )
        container = self._container(span)
        # 1. Inside an indirect clause: a direct quote with the clause's attribution.
        if container is not None:
            if name_like or (words == 1 and not self._right_after_cue_word(open_index) and not self._joined_to_speech(open_index)):
                return None
            return Candidate(
                "direct", start, end, 0.85 if words > TERM_MAX_WORDS else 0.45,
                container.cue, container.phrase, "marked words inside an indirect quote",
                passive=container.passive, continues_previous=container.continues_previous,
                subject_hint=container.subject_hint, quoted=span,
            )
        cue = self.cues.cue_before(open_index, allow_weak=colon_before, window=60 if colon_before else CUE_WINDOW)
        post = self.cues.cue_after(span.close_mark.index) if span.close_mark is not None else None
        if words <= TERM_MAX_WORDS:
            # One to three words: speech only when a cue attributes them right there.
            if name_like:
                return None
            if colon_before and (cue is None or open_index - cue.last > 12):
                # "فيرفع صوته: "ابعد يا ولد"": marks right after a colon reproduce words.
                return Candidate(
                    "direct", start, end, 0.5, None, None, "short quotation after a colon",
                    continues_previous=True, quoted=span,
                )
            if not colon_before and (cue is None or open_index - cue.last > 6 or not self._cue_governs_short_quote(cue, open_index)):
                return None
        if name_like:
            return None
        if cue is None and post is None and not colon_before:
            if words < 7:
                return None
            actor = self._sentence_actor(open_index)
            return Candidate(
                "direct", start, end, 0.45 if span.closed else 0.3, None, None,
                "long quoted passage without a cue", continues_previous=actor is None, quoted=span,
                subject_hint=actor,
            )
        if post is not None and (cue is None or (open_index - cue.last > 12 and not colon_before)):
            post_cue, phrase = post
            return Candidate(
                "direct", start, end, 0.85, post_cue, phrase, "attribution after the quote",
                continues_previous=phrase is None, quoted=span,
            )
        if cue is None:
            return Candidate(
                "direct", start, end, 0.6, None, None, "colon before the marks",
                continues_previous=True, quoted=span,
            )
        cue = self.cues.finite_verb_for_participle(cue)
        cue, speaker, passive, hint = self.attributor.attribute(cue, open_index)
        self.names.remember_speaker(speaker)
        confidence = 0.95 if colon_before or open_index - cue.last <= 12 else 0.85
        if not span.closed:
            confidence -= 0.3
        if words <= TERM_MAX_WORDS:
            confidence = min(confidence, 0.6)
        return Candidate(
            "direct", start, end, round(confidence, 2), cue, speaker, "cue before the marks",
            passive=passive, continues_previous=speaker is None and hint is None and not passive,
            subject_hint=hint, quoted=span,
        )

    def _sentence_actor(self, index: int) -> SpeakerPhrase | None:
        """``وتبرع أكتون بمبلغ … "…"``: with no cue, the quote belongs to a speaker already met
        who is the subject of the sentence's opening verb (known name words only)."""
        tokens = self.tokens
        first = self.context.sentence_start(index)
        while first < index and tokens[first].norm in CONNECTIVES:
            first += 1
        if first + 1 >= index or not tokens[first].is_word or cue_form(tokens[first]) is not None:
            return None
        phrase = speaker_after(self.context.tk, first, index)
        if phrase is None:
            return None
        known = [k for k in range(phrase.first, phrase.last + 1) if self.names.is_known(tokens[k].norm)]
        if not known or known[0] != phrase.first:
            return None
        last = known[-1]
        return SpeakerPhrase(phrase.first, last, phrase.start, tokens[last].end)

    def _container(self, span: QuotedSpan) -> Candidate | None:
        """The indirect quote (non-overlapping, sorted) that contains a quoted span, if any."""
        k = bisect_right(self._indirect_starts, span.outer_start) - 1
        if k >= 0:
            candidate = self._indirect_sorted[k]
            if span.outer_end <= candidate.end + 1:
                return candidate
        return None

    def _joined_to_speech(self, open_index: int) -> bool:
        """``بأن قراره "غير شرعي" و"خطأ"``: a quoted word joined by و to a quoted fragment."""
        if open_index < 2 or self.tokens[open_index - 1].norm != "و":
            return False
        return self.tokens[open_index - 2].index in self._speech_closers

    def _right_after_cue_word(self, open_index: int) -> bool:
        """``وقال بأنها "شائعات"``: one word right after the complementiser or cue is speech.

        So is the object of a verb of expression a preposition away: ``عبر فيه عن "حيرته"``.
        """
        previous = self.tokens[open_index - 1] if open_index else None
        if previous is None or not previous.is_word:
            return False
        if is_complementizer(previous) or cue_form(previous) is not None:
            return True
        if previous.norm not in _OBJECT_PREPOSITIONS:
            return False
        governing = lexicon.verbs_governing_short_quotes()
        for j in range(open_index - 2, max(open_index - 4, -1), -1):
            form = cue_form(self.tokens[j])
            if form is not None:
                return form.lemma in governing and governing[form.lemma] in (None, previous.norm)
            if not self.tokens[j].is_word:
                return False
        return False

    def _cue_governs_short_quote(self, cue: Cue, open_index: int) -> bool:
        """``وصف … بأنه “خطأ فادح”``, ``وقال بأنها "شائعات"``, ``نددت … "بشدة"``."""
        between = self.tokens[cue.last + 1 : open_index]
        if not between:
            return True
        if any(t.is_word and is_complementizer(t) for t in between):
            return True
        governing = lexicon.verbs_governing_short_quotes()
        if cue.form is not None and cue.form.lemma in governing and governing[cue.form.lemma] is None:
            return True
        return between[-1].norm == ":"

    # Without a pair of marks -------------------------------------------------------------------
    def _parenthesised(self, direct: Sequence[Candidate]) -> list[Candidate]:
        """``قال: (…)`` — sayings in parentheses after a cue and a colon (guideline)."""
        found: list[Candidate] = []
        if "(" not in self.context.tk.shadow.folded:
            return found  # no "(" token, and most articles have none: no pass over the tokens
        tokens = self.tokens
        covered = Coverage(direct)
        for index, token in enumerate(tokens):
            if token.norm != "(" or index == 0 or tokens[index - 1].norm != ":":
                continue
            close = self._matching_paren(index)
            if close is None or covered.covers(token.start):
                continue
            cue = self.cues.cue_before(index - 1, window=12)
            if cue is None:
                continue
            start, end = self.context.trim_inner(token.end, tokens[close].start)
            if end - start < 3:
                continue
            found.append(self._attributed(start, end, 0.8, cue, index, "parenthesised saying after a cue"))
        return found

    def _matching_paren(self, index: int) -> int | None:
        depth = 0
        blocks = self.context.block_of_token
        block = blocks[index]
        for j in range(index, len(self.tokens)):
            if blocks[j] != block:
                return None
            norm = self.tokens[j].norm
            if norm == "(":
                depth += 1
            elif norm == ")":
                depth -= 1
                if depth == 0:
                    return j
        return None

    def _opened_by_colon(self, direct: Sequence[Candidate]) -> list[Candidate]:
        """``فقال: أما والله … فليس مني".``: the opening mark is missing, the closing one is not.

        A closing mark that pairs with nothing, after a cue and a colon in the same paragraph
        with no other mark between, closes a direct quote that starts after the colon.
        """
        tokens = self.tokens
        context = self.context
        paired = context.span_by_open.keys() | context.span_by_close.keys()
        covered = Coverage(direct)
        found = []
        for token in context.tk.tokens_among(QUOTE_CHARS):
            index = token.index
            if index in paired or index == 0 or not tokens[index - 1].is_word:
                continue
            if context.depth[index] or covered.covers(token.start):
                continue
            block = context.block_of_token[index]
            colon = None
            for j in range(index - 1, max(-1, index - 200), -1):
                if context.block_of_token[j] != block or tokens[j].is_quote_mark:
                    break
                if tokens[j].norm == ":":
                    colon = j
                    break
            if colon is None or colon + 1 >= index:
                continue
            cue = self.cues.cue_before(colon, window=12)
            if cue is None:
                continue
            start, end = context.trim_inner(tokens[colon].end, token.start)
            if end - start < 3 or context.words_between(colon, index) < 4:
                continue
            cue = self.cues.finite_verb_for_participle(cue)
            found.append(self._attributed(start, end, 0.6, cue, colon, "closing mark after a cue and a colon"))
        return found

    def _attributed(self, start: int, end: int, confidence: float, cue: Cue, limit: int, reason: str) -> Candidate:
        """A direct quote found without its pair of marks, attributed through ``cue``."""
        cue, phrase, passive, hint = self.attributor.attribute(cue, limit)
        return Candidate(
            "direct", start, end, confidence, cue, phrase, reason, passive=passive, subject_hint=hint,
            continues_previous=phrase is None and hint is None and not passive,
        )
