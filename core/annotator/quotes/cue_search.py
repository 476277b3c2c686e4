"""Where a quote's cue is: the reporting verb or phrase before it, or after its closing mark.

A cue is a reporting verb (``قال``, ``أكد``), an according-to phrase (``بحسب``, ``وفقا لـ``),
``جاء في`` (a document as the source) or a headline noun. Searches stay inside the sentence and
skip short quoted names (``أبلغ … «عكاظ» أن``).
"""

from __future__ import annotations

from core.annotator import lexicon
from core.annotator.attribution import Cue, SpeakerPhrase, according_to_at, cue_form, name_after_verb, speaker_after
from core.annotator.quotes.context import ArticleContext
from core.annotator.quotes.names import TERM_MAX_WORDS
from core.annotator.word_classes import reads_as_preposition

CUE_WINDOW = 28  # tokens between a cue and the quote it introduces
_CAME_IN = lexicon.words("came_in_verbs")  # "جاء في البيان": the document is the source
_CUE_PREFIXES = lexicon.words("cue_prefixes")
_MID_CLAUSE_PREFIXES = lexicon.words("cue_prefixes_mid_clause")
_CUE_OBJECTS = lexicon.words("cue_objects")
_SUBJUNCTIVE_PARTICLES = lexicon.words("subjunctive_particles")


class CueSearch:
    """Finds the cues of one article's quotes."""

    def __init__(self, context: ArticleContext) -> None:
        self.context = context
        self.tk = context.tk
        self.tokens = context.tokens

    def cue_at(self, index: int) -> Cue | None:
        """A cue starting at token ``index``: an according-to phrase, ``جاء في X``, or a verb."""
        token = self.tokens[index]
        length = according_to_at(self.tk, index)
        if length:
            last = index + length - 1
            return Cue(index, last, None, token.start, self.tokens[last].end)
        if token.norm in _CAME_IN and index + 2 < len(self.tokens) and self.tokens[index + 1].norm == "في":
            last = index + 2
            return Cue(index, last, None, token.start, self.tokens[last].end, came_in=True)
        if token.norm in lexicon.words("headline_nouns"):
            return Cue(index, index, None, token.start, token.end)
        form = cue_form(token)
        if form is None or name_after_verb(self.tokens, index) or reads_as_preposition(self.tokens, index):
            return None
        return self._extend_cue(Cue(index, index, form, token.start, token.end))

    def _extend_cue(self, cue: Cue) -> Cue:
        """``وحسبما أخبرني``, ``ومثلما أوضح``, ``كما تقول`` and ``ولفت النظر``: the cue as written."""
        tokens = self.tokens
        first, last = cue.first, cue.last
        if first > 0 and (
            tokens[first - 1].norm in _CUE_PREFIXES
            or (tokens[first - 1].norm in _MID_CLAUSE_PREFIXES and self._inside_clause(first - 1))
        ):
            first -= 1
        if last + 1 < len(tokens) and tokens[last + 1].norm in _CUE_OBJECTS:
            last += 1
        if (first, last) == (cue.first, cue.last):
            return cue
        return Cue(first, last, cue.form, tokens[first].start, tokens[last].end, cue.came_in)

    def _inside_clause(self, index: int) -> bool:
        """Token ``index`` follows a word or a closing quotation mark in the same paragraph."""
        if index == 0:
            return False
        previous = self.tokens[index - 1]
        if "\n" in self.tk.text[previous.end : self.tokens[index].start]:
            return False
        return previous.is_word or previous.is_quote_mark

    def cue_before(self, index: int, *, window: int = CUE_WINDOW, allow_weak: bool = False) -> Cue | None:
        """The nearest cue before token ``index`` in the same sentence."""
        context = self.context
        bound = max(context.sentence_start(index), index - window)
        j = index - 1
        while j >= bound:
            token = self.tokens[j]
            if token.is_quote_mark and context.depth[j] == 0:
                # Skip over a quoted name ("أبلغ … «عكاظ» أن"); stop at another quotation.
                opened = context.span_closed_by(j)
                if opened is not None and context.words_in(opened) <= TERM_MAX_WORDS:
                    j = opened.open_mark.index - 1
                    continue
                if j != index - 1:
                    break
            cue = self.cue_at(j)
            if cue is not None:
                if cue.form is not None and cue.form.is_weak and not allow_weak and index - j > 3:
                    j -= 1
                    continue
                if not self._has_governed_preposition(cue, index):
                    j -= 1
                    continue  # "عبر البريد الإلكتروني “…”": عبر without عن is "via", not a verb
                if cue.form is not None and cue.form.tense == "imperfect" and j > 0 and self.tokens[j - 1].norm in _SUBJUNCTIVE_PARTICLES:
                    j -= 1
                    continue  # "آملا أن تعترف الدول بفلسطين، لأن “…”": a wish, not a report
                return cue
            j -= 1
        return None

    def _has_governed_preposition(self, cue: Cue, index: int) -> bool:
        """A verb that governs only through its preposition (``عبر عن``) has it before ``index``."""
        if cue.form is None:
            return True
        required = lexicon.verbs_governing_short_quotes().get(cue.form.lemma)
        if required is None:
            return True
        return any(self.tokens[k].norm == required for k in range(cue.last + 1, index))

    def cue_after(self, close_index: int) -> tuple[Cue, SpeakerPhrase | None] | None:
        """Attribution after a closing mark: ``”، قال فلان`` / ``”، بحسب فلان``."""
        j = close_index + 1
        tokens = self.tokens
        context = self.context
        while j < len(tokens) and tokens[j].norm in ("،", ",", "-", "–"):
            j += 1
        if j >= len(tokens) or context.block_of_token[j] != context.block_of_token[close_index]:
            return None
        length = according_to_at(self.tk, j)
        if length:
            cue = Cue(j, j + length - 1, None, tokens[j].start, tokens[j + length - 1].end)
            return cue, speaker_after(self.tk, cue.last, context.sentence_end(j))
        form = cue_form(tokens[j])
        if form is None or form.is_weak or form.tense == "participle":
            return None
        if tokens[j].norm[:1] in ("و", "ف") and form.lemma not in ("قال", "أضاف"):
            return None
        cue = Cue(j, j, form, tokens[j].start, tokens[j].end)
        phrase = speaker_after(self.tk, j, context.sentence_end(j))
        if phrase is None and tokens[j].norm[:1] in ("و", "ف"):
            return None  # "… ، وقال: …" starts the next quote; it does not close this one
        return cue, phrase

    def finite_verb_for_participle(self, cue: Cue) -> Cue:
        """``وأضاف قائلا`` → ``وأضاف``; ``ومضى قائلا`` keeps ``قائلا`` (guideline)."""
        if cue.form is None or cue.form.lemma != "قال" or cue.form.tense != "participle":
            return cue
        start = self.context.sentence_start(cue.first)
        for j in range(cue.first - 1, start - 1, -1):
            form = cue_form(self.tokens[j])
            if form is not None and form.tense in ("past", "imperfect") and not form.is_weak:
                return Cue(j, j, form, self.tokens[j].start, self.tokens[j].end)
        return cue
