"""Direct and indirect quotes, each with its cue and the phrase naming its speaker.

Direct quotes come from paired marks (``marks.py``); whether marked words are speech or a name
(``“داعش”``, ``«عين اليوم»``) depends on attribution: a cue before them in the sentence, a colon,
``، قال فلان`` after them, or an indirect clause around them. Indirect quotes start after a
complementiser (``أن/إن/بأن`` and their pronoun forms) governed by a cue in the same sentence,
and run to the end of the sentence or to a new cue with its own complementiser.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from core.annotator import lexicon
from core.annotator.attribution import (
    Cue,
    SpeakerPhrase,
    according_to_at,
    cue_form,
    is_relay_object,
    relay_source,
    speaker_after,
    speaker_before,
)
from core.annotator.layout import Block
from core.annotator.marks import QuotedSpan, pair_marks
from core.annotator.tokens import Token, TokenizedText

CUE_WINDOW = 28  # tokens between a cue and the quote it introduces
_NAMING_WORDS = frozenset(
    {
        "موقع", "صحيفه", "جريده", "مجله", "قناه", "وكاله", "بعنوان", "عنوان", "كتاب", "كتابه", "برنامج",
        "عمليه", "تنظيم", "مبادره", "مشروع", "حمله", "شركه", "جائزه", "حركه", "حزب", "جماعه",
        "مؤتمر", "مهرجان", "مسلسل", "فيلم", "روايه", "هاشتاغ", "هاشتاج", "وسم", "اسم", "باسم", "مسمي",
        "لقب", "تطبيق", "خدمه", "مجموعه", "منظمه", "مركز", "معرض", "اغنيه", "قصيده", "مقال", "مقاله",
        "ملتقي", "منتدي", "مسابقه", "بطوله", "نادي", "فريق", "مصطلح", "كلمه", "عباره", "شعار", "ماركه",
        "سلسله", "ديوان", "دار", "مطعم", "فندق", "مدرسه", "جامعه", "مستشفي", "ميناء", "مطار", "سفينه",
        "المسمي", "المسماه", "يسمي", "تسمي", "يعرف", "تعرف", "بـ", "منصه",
    }
)
_NEW_CLAUSE_WORDS = frozenset({"فيما", "بينما"})
_TERM_MAX_WORDS = 3


@dataclass
class Candidate:
    """A quote before speakers are resolved."""

    kind: str
    start: int
    end: int
    confidence: float
    cue: Cue | None
    phrase: SpeakerPhrase | None
    reason: str
    passive: bool = False
    continues_previous: bool = False
    subject_hint: SpeakerPhrase | None = None
    quoted: QuotedSpan | None = None
    extra: dict[str, object] = field(default_factory=dict)


class QuoteFinder:
    """Runs the quote rules over one article."""

    def __init__(
        self,
        tokenized: TokenizedText,
        blocks: Sequence[Block],
        excluded: Sequence[tuple[int, int]],
    ) -> None:
        self.tk = tokenized
        self.tokens = tokenized.tokens
        self.text = tokenized.text
        self.blocks = blocks
        self.excluded = sorted(excluded)
        self.spans = [s for s in pair_marks(tokenized, blocks) if not self._is_excluded(s.outer_start, s.outer_end)]
        self._block_of_token = self._token_blocks()
        self._depth = self._quote_depths()

    # Setup ------------------------------------------------------------------------------------
    def _is_excluded(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.excluded) or any(
            s <= start < e for s, e in self.excluded
        )

    def _token_blocks(self) -> list[int]:
        out = []
        block_index = 0
        blocks = self.blocks
        for token in self.tokens:
            while block_index + 1 < len(blocks) and blocks[block_index + 1].start <= token.start:
                block_index += 1
            out.append(block_index)
        return out

    def _quote_depths(self) -> list[int]:
        delta = [0] * (len(self.tokens) + 1)
        for span in self.spans:
            rng = self.tk.range(span.start, span.end)
            if len(rng):
                delta[rng.start] += 1
                delta[rng.stop] -= 1
        depth = []
        running = 0
        for index in range(len(self.tokens)):
            running += delta[index]
            depth.append(running)
        return depth

    # Sentence bounds --------------------------------------------------------------------------
    def _is_sentence_end(self, index: int) -> bool:
        token = self.tokens[index]
        if not token.is_sentence_end:
            return False
        if token.norm == ".":
            before = self.tokens[index - 1] if index > 0 else None
            after = self.tokens[index + 1] if index + 1 < len(self.tokens) else None
            if before is not None and after is not None and before.is_digit and after.is_digit and after.start == token.end:
                return False  # 19.6
            if before is not None and before.is_word and len(before.norm) == 1 and before.end == token.start:
                return False  # د. and initials
            if after is not None and after.norm == "." :
                return False  # ".." is heading or ellipsis style, not a stop inside sentences
        return True

    def sentence_start(self, index: int) -> int:
        """First token of the sentence containing token ``index``."""
        block = self._block_of_token[index] if index < len(self.tokens) else -1
        depth = self._depth[index] if index < len(self.tokens) else 0
        j = index - 1
        while j >= 0 and self._block_of_token[j] == block:
            if self._depth[j] <= depth and self._is_sentence_end(j):
                return j + 1
            j -= 1
        return j + 1

    def sentence_end(self, index: int) -> int:
        """Index of the sentence-end token after ``index`` (or one past the block's last token)."""
        block = self._block_of_token[index]
        depth = self._depth[index]
        j = index
        while j < len(self.tokens) and self._block_of_token[j] == block:
            if self._depth[j] <= depth and self._is_sentence_end(j):
                return j
            j += 1
        return j

    # Cues -------------------------------------------------------------------------------------
    def cue_before(self, index: int, *, window: int = CUE_WINDOW, allow_weak: bool = False) -> Cue | None:
        """The nearest cue before token ``index`` in the same sentence."""
        bound = max(self.sentence_start(index), index - window)
        for j in range(index - 1, bound - 1, -1):
            token = self.tokens[j]
            if token.is_quote_mark and self._depth[j] == 0 and j != index - 1:
                # Another quoted passage in between: its own cue, not ours, unless a colon
                # or comma joins them ("، وأضاف: ..."): stop.
                break
            length = according_to_at(self.tk, j)
            if length:
                last = j + length - 1
                return Cue(j, last, None, token.start, self.tokens[last].end)
            form = cue_form(token)
            if form is None:
                continue
            if form.is_weak and not allow_weak and index - j > 3:
                continue
            return Cue(j, j, form, token.start, token.end)
        return None

    def cue_after(self, close_index: int) -> tuple[Cue, SpeakerPhrase | None] | None:
        """Attribution after a closing mark: ``”، قال فلان`` / ``”، بحسب فلان``."""
        j = close_index + 1
        tokens = self.tokens
        while j < len(tokens) and tokens[j].norm in ("،", ",", "-", "–"):
            j += 1
        if j >= len(tokens) or self._block_of_token[j] != self._block_of_token[close_index]:
            return None
        length = according_to_at(self.tk, j)
        if length:
            cue = Cue(j, j + length - 1, None, tokens[j].start, tokens[j + length - 1].end)
            return cue, speaker_after(self.tk, cue.last, self.sentence_end(j))
        form = cue_form(tokens[j])
        if form is not None and not form.is_weak and tokens[j].norm[:1] not in ("و", "ف") or (
            form is not None and form.lemma in ("قال", "أضاف") and form.tense != "participle"
        ):
            cue = Cue(j, j, form, tokens[j].start, tokens[j].end)
            return cue, speaker_after(self.tk, j, self.sentence_end(j))
        return None

    def finite_verb_for_participle(self, cue: Cue) -> Cue:
        """``وأضاف قائلا`` → ``وأضاف``; ``ومضى قائلا`` keeps ``قائلا`` (guideline)."""
        if cue.form is None or cue.form.lemma != "قال" or cue.form.tense != "participle":
            return cue
        start = self.sentence_start(cue.first)
        for j in range(cue.first - 1, start - 1, -1):
            form = cue_form(self.tokens[j])
            if form is not None and form.tense in ("past", "imperfect") and not form.is_weak:
                return Cue(j, j, form, self.tokens[j].start, self.tokens[j].end)
        return cue

    def attribute(self, cue: Cue, limit: int) -> tuple[Cue, SpeakerPhrase | None, bool, SpeakerPhrase | None]:
        """Speaker phrase for a cue: ``(cue, phrase, passive, subject hint)``.

        The phrase follows a verb-first cue; a name-first subject precedes it; a relay names the
        source after ``عن``. A hint is the subject of an earlier verb in the same sentence, used
        for pro-drop cues.
        """
        form = cue.form
        passive = form is not None and self.tokens[cue.first].norm in ("قيل", "يقال", "وقيل", "ويقال")
        if passive:
            return cue, None, True, None
        if form is not None and form.verb_class == "relay":
            relayed = relay_source(self.tk, cue, limit)
            if relayed is not None:
                phrase, relay_cue = relayed
                return relay_cue, phrase, False, None
        phrase = speaker_after(self.tk, cue.last, limit) if not cue.is_participle else None
        hint = None
        if phrase is None:
            start = self.sentence_start(cue.first)
            before = speaker_before(self.tk, cue.first, start)
            if before is not None and before.first == start or (before is not None and self._follows_clause_opener(before)):
                phrase = before
            else:
                hint = self._earlier_subject(cue, start)
        return cue, phrase, False, hint

    def _follows_clause_opener(self, phrase: SpeakerPhrase) -> bool:
        if phrase.first == 0:
            return True
        previous = self.tokens[phrase.first - 1]
        return previous.norm in ("لكن", "ولكن", "كما", "بدوره", "بدورها", "فيما", "بينما", "ثم", "اما", "واما", "،", ",") or not previous.is_word

    def _earlier_subject(self, cue: Cue, start: int) -> SpeakerPhrase | None:
        """For ``…، مشيرا إلى أن``: the subject of the sentence's earlier verb."""
        for j in range(cue.first - 1, start - 1, -1):
            form = cue_form(self.tokens[j])
            if form is None or form.tense == "participle":
                continue
            after = speaker_after(self.tk, j, cue.first)
            if after is not None:
                return after
            before = speaker_before(self.tk, j, start)
            if before is not None:
                return before
        return None

    # Indirect quotes --------------------------------------------------------------------------
    def complementizer_length(self, token: Token) -> bool:
        norm = token.norm
        if norm in ("ان", "بان", "فان"):
            return True
        for base in ("ان", "بان", "فان"):
            if norm.startswith(base) and norm[len(base) :] in lexicon.pronoun_suffixes():
                return True
        return False

    def find_indirect(self) -> list[Candidate]:
        found: list[Candidate] = []
        tokens = self.tokens
        last_end = -1
        for index, token in enumerate(tokens):
            if not token.is_word or not self.complementizer_length(token):
                continue
            if token.start < last_end:
                continue  # inside the previous indirect clause: coordination, not a new quote
            if self._is_excluded(token.start, token.end):
                continue
            if self._depth[index] > 0:
                continue  # inside marks: the direct quote covers it
            if self._not_speech_before(index):
                continue
            cue = self._cue_for_complementizer(index)
            if cue is None:
                continue
            start_index = index + 1
            if start_index >= len(tokens) or self._block_of_token[start_index] != self._block_of_token[index]:
                continue
            first = tokens[start_index]
            end_index = self._indirect_end(start_index)
            if end_index <= start_index:
                continue
            span_start = first.start
            span_end = tokens[end_index - 1].end
            if first.is_quote_mark:
                quoted = self._span_opened_by(first)
                if quoted is not None and self._closes_sentence(quoted, end_index):
                    continue  # the whole clause is inside marks: a direct quote only
            cue, phrase, passive, hint = self.attribute(cue, index)
            cue = self.finite_verb_for_participle(cue)
            confidence = self._indirect_confidence(cue, phrase, hint, passive)
            found.append(
                Candidate(
                    "indirect", span_start, span_end, confidence, cue, phrase,
                    reason="complementiser after a cue", passive=passive, subject_hint=hint,
                    continues_previous=phrase is None and hint is None and not passive,
                )
            )
            last_end = span_end
        return found

    def _indirect_confidence(self, cue: Cue, phrase: SpeakerPhrase | None, hint: SpeakerPhrase | None, passive: bool) -> float:
        confidence = 0.8
        if cue.form is not None and cue.form.verb_class in ("say", "assert", "continue", "explain", "indicate"):
            confidence += 0.08
        if cue.form is None:
            confidence -= 0.1
        elif cue.form.is_weak or cue.form.verb_class in ("opinion", "stance", "directive", "write"):
            confidence -= 0.25
        if phrase is None and hint is None and not passive:
            confidence -= 0.1
        return round(max(0.05, min(0.97, confidence)), 2)

    def _not_speech_before(self, index: int) -> bool:
        """``يذكر أن``, ``تجدر الإشارة إلى أن`` …: the journalist's voice."""
        tokens = self.tokens
        for phrase in lexicon.not_speech_phrases():
            parts = phrase.split()
            begin = index - len(parts)
            if begin < 0:
                continue
            # Allow one preposition (إلى/على/من) between the phrase and the complementiser.
            for offset in (0, 1):
                b = begin - offset
                if b < 0:
                    continue
                if all(tokens[b + k].norm == part for k, part in enumerate(parts)):
                    if offset == 0 or tokens[index - 1].norm in ("الي", "علي", "من"):
                        return True
        return False

    def _cue_for_complementizer(self, index: int) -> Cue | None:
        tokens = self.tokens
        bound = max(self.sentence_start(index), index - 22)
        for j in range(index - 1, bound - 1, -1):
            token = tokens[j]
            if token.is_quote_mark:
                return None
            if token.is_word and self.complementizer_length(token) and j < index - 1:
                return None  # an earlier complementiser owns the cue before it
            length = according_to_at(self.tk, j)
            if length and tokens[index].norm == "فان":
                return Cue(j, j + length - 1, None, token.start, tokens[j + length - 1].end)
            if is_relay_object(token):
                # "نقلت … عن فلان قوله إن": find the relay verb before.
                for k in range(j - 1, bound - 1, -1):
                    form = cue_form(tokens[k])
                    if form is not None and form.verb_class == "relay":
                        return Cue(k, k, form, tokens[k].start, tokens[k].end)
                return Cue(j, j, None, token.start, token.end)
            form = cue_form(token)
            if form is None:
                continue
            distance = index - j
            if form.is_weak and distance > 6:
                continue
            if form.verb_class in ("stance", "directive") and distance > 8:
                continue
            return Cue(j, j, form, token.start, token.end)
        return None

    def _indirect_end(self, start_index: int) -> int:
        """One past the last token of an indirect clause starting at ``start_index``."""
        tokens = self.tokens
        end = self.sentence_end(start_index)
        j = start_index + 1
        while j < end:
            token = tokens[j]
            if token.norm in ("،", ",", "؛", ";") and j + 1 < end:
                nxt = tokens[j + 1]
                form = cue_form(nxt)
                if form is not None and not form.is_weak:
                    # A new cue with its own complementiser starts a new quote.
                    for k in range(j + 2, min(end, j + 12)):
                        if tokens[k].is_word and self.complementizer_length(tokens[k]):
                            return self._trim_end(start_index, j)
                        if tokens[k].norm in (":",) or tokens[k].is_quote_mark:
                            return self._trim_end(start_index, j)
                if nxt.norm in _NEW_CLAUSE_WORDS:
                    pass
            j += 1
        return self._trim_end(start_index, end)

    def _trim_end(self, start_index: int, end: int) -> int:
        tokens = self.tokens
        while end > start_index and tokens[end - 1].norm in ("،", ",", "؛", ";", ":", "-", "–", "(", "...", "…"):
            end -= 1
        # Keep a closing mark when the clause ran into a marked part ("… إن صالح “…”").
        return end

    def _span_opened_by(self, token: Token) -> QuotedSpan | None:
        for span in self.spans:
            if span.open_mark.start == token.start:
                return span
        return None

    def _closes_sentence(self, quoted: QuotedSpan, end_index: int) -> bool:
        close = quoted.close_mark
        if close is None:
            return True
        return close.index >= end_index - 1

    # Direct quotes ----------------------------------------------------------------------------
    def find_direct(self, indirect: Sequence[Candidate]) -> list[Candidate]:
        found: list[Candidate] = []
        indirect_spans = [(c.start, c.end, c) for c in indirect]
        for span in self.spans:
            if span.end <= span.start:
                continue
            if span.parent is not None and self._is_speech(span.parent, found):
                continue  # a name inside a quotation
            candidate = self._direct_candidate(span, indirect_spans)
            if candidate is not None:
                found.append(candidate)
        return found

    def _is_speech(self, span: QuotedSpan, found: Sequence[Candidate]) -> bool:
        return any(c.quoted is span for c in found)

    def _words_in(self, span: QuotedSpan) -> int:
        return sum(1 for i in self.tk.range(span.start, span.end) if self.tokens[i].is_word)

    def _direct_candidate(self, span: QuotedSpan, indirect_spans: Sequence[tuple[int, int, Candidate]]) -> Candidate | None:
        tokens = self.tokens
        open_index = span.open_mark.index
        words = self._words_in(span)
        if words == 0:
            return None
        before = tokens[open_index - 1] if open_index > 0 else None
        colon_before = before is not None and before.norm in (":",)
        container = next((c for s, e, c in indirect_spans if s <= span.outer_start and span.outer_end <= e + 1), None)
        naming = self._named_by_previous_word(open_index)
        start, end = span.start, span.end
        start, end = self._trim_inner(start, end)
        if start >= end:
            return None
        # 1. Embedded in an indirect clause: a direct quote with the clause's attribution.
        if container is not None and not naming:
            return Candidate(
                "direct", start, end, 0.7 if words > _TERM_MAX_WORDS else 0.6,
                container.cue, container.phrase, "marked words inside an indirect quote",
                passive=container.passive, continues_previous=container.continues_previous,
                subject_hint=container.subject_hint, quoted=span,
            )
        cue = self.cue_before(open_index, allow_weak=colon_before)
        post = None
        if span.close_mark is not None:
            post = self.cue_after(span.close_mark.index)
        if words <= _TERM_MAX_WORDS:
            # One to three words: speech only when a cue attributes them right there.
            if naming or cue is None or open_index - cue.last > 6 or self._name_like_context(open_index):
                return None
            if not self._cue_governs_short_quote(cue, open_index):
                return None
        if cue is None and post is None and not colon_before:
            if naming or words < 7:
                return None
            return Candidate(
                "direct", start, end, 0.35 if span.closed else 0.3, None, None,
                "long quoted passage without a cue", continues_previous=True, quoted=span,
            )
        if naming and not colon_before:
            return None
        if post is not None and (cue is None or (open_index - cue.last > 12 and not colon_before)):
            post_cue, phrase = post
            post_cue = self.finite_verb_for_participle(post_cue)
            return Candidate(
                "direct", start, end, 0.8, post_cue, phrase, "attribution after the quote",
                continues_previous=phrase is None, quoted=span,
            )
        if cue is None:
            # A colon with no cue in the sentence: speech introduced by the previous speaker.
            return Candidate(
                "direct", start, end, 0.55, None, None, "colon before marks",
                continues_previous=True, quoted=span,
            )
        cue, phrase, passive, hint = self.attribute(cue, open_index)
        cue = self.finite_verb_for_participle(cue)
        confidence = 0.9 if colon_before or open_index - cue.last <= 12 else 0.75
        if not span.closed:
            confidence -= 0.3
        if words <= _TERM_MAX_WORDS:
            confidence = min(confidence, 0.6)
        return Candidate(
            "direct", start, end, round(confidence, 2), cue, phrase, "cue before the marks",
            passive=passive, continues_previous=phrase is None and hint is None and not passive,
            subject_hint=hint, quoted=span,
        )

    def _trim_inner(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def _named_by_previous_word(self, open_index: int) -> bool:
        """``موقع “غازيتا رو”``, ``بعنوان «…»``: the marks hold a name."""
        if open_index == 0:
            return False
        previous = self.tokens[open_index - 1]
        norm = previous.norm
        if norm in ("ل", "ب", "و", "ف", "ك", "لل") and open_index >= 2:
            norm = self.tokens[open_index - 2].norm
        stripped = norm[2:] if norm.startswith("ال") else norm
        return norm in _NAMING_WORDS or stripped in _NAMING_WORDS or ("ال" + norm) in _NAMING_WORDS

    def _name_like_context(self, open_index: int) -> bool:
        previous = self.tokens[open_index - 1] if open_index else None
        return previous is not None and previous.norm in ("ل", "ب", "لل") and previous.end == self.tokens[open_index].start

    def _cue_governs_short_quote(self, cue: Cue, open_index: int) -> bool:
        """``وصف … بأنه “خطأ فادح”``, ``وقال بأنها "شائعات"``, ``نددت … "بشدة"``."""
        between = [t.norm for t in self.tokens[cue.last + 1 : open_index]]
        if not between:
            return True
        if any(self.complementizer_length(t) for t in self.tokens[cue.last + 1 : open_index] if t.is_word):
            return True
        if cue.form is not None and cue.form.lemma in ("وصف", "ندد", "أدان", "اتهم", "طالب", "دعا"):
            return True
        return between[-1] in (":",)


def find_quotes(
    tokenized: TokenizedText, blocks: Sequence[Block], excluded: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """All quote candidates of an article, in text order."""
    finder = QuoteFinder(tokenized, blocks, excluded)
    indirect = finder.find_indirect()
    direct = finder.find_direct(indirect)
    candidates = indirect + direct
    candidates.sort(key=lambda c: (c.start, -c.end))
    return candidates
