"""Direct and indirect quotes, each with its cue and the phrase naming its speaker.

Direct quotes come from paired marks (``marks.py``). Whether marked words are speech or a name
(``“داعش”``, ``«عين اليوم»``) depends on attribution — a cue before them in the sentence, a colon,
``، قال فلان`` after them, or an indirect clause around them — and on signs of a name: Latin
script, a naming noun before the marks (``موقع``, ``شركة``, ``بعنوان``), or the same words quoted
again elsewhere in the article. Indirect quotes start after a complementiser (``أن/إن/بأن`` and
their pronoun forms) governed by a cue in the same sentence, and run to the end of the sentence
or to a new attribution. Parenthesised sayings after ``قال:`` and Qur'anic ``﴿…﴾`` are direct.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.annotator import lexicon
from core.annotator.attribution import (
    _CONNECTIVES,
    NAME_PARTICLES,
    Cue,
    SpeakerPhrase,
    according_to_at,
    cue_form,
    is_adjective,
    is_complementizer,
    is_relay_object,
    is_stop,
    name_after_verb,
    relative_antecedent,
    relay_source,
    sentence_subject,
    speaker_after,
    speaker_before,
    topic_subject,
)
from core.annotator.layout import Block
from core.annotator.marks import QuotedSpan, pair_marks
from core.annotator.tokens import Token, TokenizedText
from core.folding import fold

CUE_WINDOW = 28  # tokens between a cue and the quote it introduces
TERM_MAX_WORDS = 3
_OBJECT_PREPOSITIONS = lexicon.words("object_prepositions")
_NAME_MAX_WORDS = 6  # longer marked text after a naming word (منطقة، هيئة) is speech, not a name
_LATIN_RE = re.compile(r"[A-Za-z]")
_ARABIC_RE = re.compile(r"[\u0621-\u064a]")
_NEW_ATTRIBUTION_LOOKAHEAD = 10
_CAME_IN = lexicon.words("came_in_verbs")  # "جاء في البيان": the document is the source
_RELIABLE_CLASSES = frozenset({"say", "assert", "continue", "explain", "indicate"})
_SUBJECT_CLASSES = _RELIABLE_CLASSES | {"report", "write"}  # their subject is the author of what follows
_CUE_PREFIXES = lexicon.words("cue_prefixes")
_DASHES = frozenset({"-", "–", "—"})
_SUBJUNCTIVE_PARTICLES = lexicon.words("subjunctive_particles")
_SUBJUNCTIVE_CLASSES = frozenset({"stance", "directive", "opinion", "weak"})


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

    def __init__(self, tokenized: TokenizedText, blocks: Sequence[Block], excluded: Sequence[tuple[int, int]]) -> None:
        self.tk = tokenized
        self.tokens = tokenized.tokens
        self.text = tokenized.text
        self.blocks = blocks
        self.excluded = _merge_ranges(excluded)
        self._excluded_starts = [s for s, _ in self.excluded]
        all_spans = pair_marks(tokenized, blocks)
        self.spans = [s for s in all_spans if not self._is_excluded(s.outer_start, s.outer_end)]
        self._excluded_text = " ".join(fold(self.text[s:e]) for s, e in self.excluded)
        # A name is quoted in different sentences; a repeated sentence quotes it in the same one.
        # Headlines are left out: they echo the body's quotations («الوحشي» in both).
        self._quoted_counts = Counter(
            key for key, _ in {(self._key(s), self._context(s)) for s in self.spans if s.closed}
        )
        self._block_of_token = self._token_blocks()
        self._depth = self._quote_depths()
        self._starts_at, self._ends_at = self._sentence_tables()
        self._span_by_open = {s.open_mark.index: s for s in self.spans}
        self._span_by_close = {s.close_mark.index: s for s in self.spans if s.close_mark is not None}
        # Finite reporting verbs outside quotation marks, for pro-drop resolution (bisect).
        self._finite_cues = [
            t.index for t in self.tokens
            if (f := cue_form(t)) is not None and f.tense != "participle" and not f.is_weak and self._depth[t.index] == 0
        ]
        self._subject_cache: dict[int, SpeakerPhrase | None] = {}
        # Name words met after a title (الدكتور سعيد السريحي): a later mention of them is a speaker.
        self.known_names = self._names_after_titles()
        self.speaker_words: set[str] = set()
        for span in self.spans:
            if span.close_mark is not None and self._words_in(span) <= TERM_MAX_WORDS:
                tokenized.name_spans[span.open_mark.index] = span.close_mark.index
                tokenized.name_spans[span.close_mark.index] = span.open_mark.index

    # Setup ------------------------------------------------------------------------------------
    def _key(self, span: QuotedSpan) -> str:
        return " ".join(fold(self.text[span.start : span.end]).split())

    def _context(self, span: QuotedSpan) -> str:
        index = span.open_mark.index
        return self.tokens[index - 1].norm if index else ""

    def _is_excluded(self, start: int, end: int) -> bool:
        """Does ``[start, end)`` overlap the title, a heading or boilerplate? (bisect, O(log n))"""
        k = bisect_right(self._excluded_starts, max(start, end - 1)) - 1
        if k < 0:
            return False
        s, e = self.excluded[k]
        return s < max(end, start + 1) and start < e

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
            if before is not None and before.is_word and not before.is_digit and len(before.norm) == 1 and before.end == token.start:
                return False  # د. and initials
            if after is not None and after.norm == ".":
                return False  # ".." and "..." continue the sentence
        return True

    def _sentence_tables(self) -> tuple[list[list[int]], list[list[int]]]:
        """Sentence starts and ends per token, computed once (linear time).

        Index 0 of each table counts only sentence ends outside quotation marks (for tokens
        outside them); index 1 counts every sentence end (for tokens inside a quotation).
        Boilerplate inside a line (a tag list, a link) also ends a sentence.
        """
        count = len(self.tokens)
        ends_here = [self._is_sentence_end(j) for j in range(count)]
        excluded_here = [self._is_excluded(t.start, t.end) for t in self.tokens]
        starts: list[list[int]] = [[0] * count, [0] * count]
        ends: list[list[int]] = [[count] * count, [count] * count]
        for layer in (0, 1):
            start = 0
            for j in range(count):
                if j > 0 and self._block_of_token[j] != self._block_of_token[j - 1]:
                    start = j
                starts[layer][j] = start
                if ends_here[j] and (layer == 1 or self._depth[j] == 0):
                    start = j + 1
            end = count
            for j in range(count - 1, -1, -1):
                if j + 1 < count and self._block_of_token[j] != self._block_of_token[j + 1]:
                    end = j + 1
                if (ends_here[j] and (layer == 1 or self._depth[j] == 0)) or excluded_here[j]:
                    end = j
                ends[layer][j] = end
        return starts, ends

    def sentence_start(self, index: int) -> int:
        """First token of the sentence containing token ``index``."""
        if index >= len(self.tokens):
            return len(self.tokens)
        return self._starts_at[1 if self._depth[index] else 0][index]

    def sentence_end(self, index: int) -> int:
        """Index of the sentence-end token at or after ``index`` (or one past the block's end)."""
        if index >= len(self.tokens):
            return len(self.tokens)
        return self._ends_at[1 if self._depth[index] else 0][index]

    def _names_after_titles(self) -> set[str]:
        """Words of names introduced by a title anywhere in the article (``الدكتور X Y``)."""
        titles = lexicon.titles()
        names: set[str] = set()
        tokens = self.tokens
        for index, token in enumerate(tokens):
            if token.norm not in titles or not token.norm.startswith("ال"):
                continue
            k = index + 1
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

    # Names and terms --------------------------------------------------------------------------
    def looks_like_name(self, span: QuotedSpan) -> bool:
        """Marks around a name or term rather than speech (guideline: “داعش”, «عين اليوم»)."""
        content = self.text[span.start : span.end]
        if _LATIN_RE.search(content) and not _ARABIC_RE.search(content):
            return True
        if self._named_by_previous_word(span.open_mark.index) and self._words_in(span) <= _NAME_MAX_WORDS:
            return True  # a sentence after "المنطقة «لكي لا يصبح …»" is no name
        key = self._key(span)
        if self._quoted_counts[key] >= 2:
            return True  # the same words quoted in two places of one article: a name or a term
        if key[:1].isdigit():
            return True  # «207 شركات حج»: a label
        return self._coordinated_with_name(span) or self._after_role(span)

    def _coordinated_with_name(self, span: QuotedSpan) -> bool:
        """``حزبي «العدالة والتنمية» و«الشعب الجمهوري»``: a quoted item joined to a quoted name."""
        index = span.open_mark.index
        if index >= 2 and self.tokens[index - 1].norm == "و" and self.tokens[index - 2].is_quote_mark:
            previous = self._span_by_close.get(index - 2)
            return previous is not None and self._words_in(previous) <= TERM_MAX_WORDS and self._named_by_previous_word(previous.open_mark.index)
        return False

    def _after_role(self, span: QuotedSpan) -> bool:
        """``الناشطة اليمنية "توكل كرمان"``: a short quotation right after a role word is a name."""
        if self._words_in(span) > TERM_MAX_WORDS:
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

    # Cues -------------------------------------------------------------------------------------
    def _cue_at(self, index: int) -> Cue | None:
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
        if form is None or name_after_verb(self.tokens, index):
            return None
        return self._extend_cue(Cue(index, index, form, token.start, token.end))

    def _extend_cue(self, cue: Cue) -> Cue:
        """``وحسبما أخبرني``, ``ومثلما أوضح``, ``كما تقول`` and ``ولفت النظر``: the cue as written."""
        tokens = self.tokens
        first, last = cue.first, cue.last
        if first > 0 and tokens[first - 1].norm in _CUE_PREFIXES:
            first -= 1
        if last + 1 < len(tokens) and tokens[last + 1].norm in ("النظر", "الانتباه"):
            last += 1
        if (first, last) == (cue.first, cue.last):
            return cue
        return Cue(first, last, cue.form, tokens[first].start, tokens[last].end, cue.came_in)

    def cue_before(self, index: int, *, window: int = CUE_WINDOW, allow_weak: bool = False) -> Cue | None:
        """The nearest cue before token ``index`` in the same sentence."""
        bound = max(self.sentence_start(index), index - window)
        j = index - 1
        while j >= bound:
            token = self.tokens[j]
            if token.is_quote_mark and self._depth[j] == 0:
                # Skip over a quoted name ("أبلغ … «عكاظ» أن"); stop at another quotation.
                opened = self._span_closed_by(j)
                if opened is not None and self._words_in(opened) <= TERM_MAX_WORDS:
                    j = opened.open_mark.index - 1
                    continue
                if j != index - 1:
                    break
            cue = self._cue_at(j)
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

    def _span_closed_by(self, index: int) -> QuotedSpan | None:
        return self._span_by_close.get(index)

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
        if form is None or form.is_weak or form.tense == "participle":
            return None
        if tokens[j].norm[:1] in ("و", "ف") and form.lemma not in ("قال", "أضاف"):
            return None
        cue = Cue(j, j, form, tokens[j].start, tokens[j].end)
        phrase = speaker_after(self.tk, j, self.sentence_end(j))
        if phrase is None and tokens[j].norm[:1] in ("و", "ف"):
            return None  # "… ، وقال: …" starts the next quote; it does not close this one
        return cue, phrase

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
        source after ``عن``; ``جاء في مذكرات X`` names X. A hint is the subject of an earlier verb
        in the same sentence (or the topic after ``أما``), used for pro-drop cues.
        """
        form = cue.form
        first = self.tokens[cue.first].norm
        if form is not None and first in ("قيل", "يقال", "وقيل", "ويقال", "فقيل"):
            return cue, None, True, None
        if form is not None and form.verb_class == "relay":
            relayed = relay_source(self.tk, cue, limit)
            if relayed is not None:
                phrase, relay_cue = relayed
                return relay_cue, phrase, False, None
        start = self.sentence_start(cue.first)
        if cue.form is None and first in lexicon.words("headline_nouns"):
            # "خرجت صحيفة «ذا صن» بعنوان: «…»": whoever published the headline.
            published_by = self._person_in_view(cue.first, start)
            if published_by is not None:
                return cue, published_by, False, None
            return cue, None, False, self._recent_subject(cue.first)
        if cue.form is None and is_relay_object(self.tokens[cue.first]):
            # "وجدد الرئيس تأكيده أن": the verb before names the speaker; "قوله الشهير بأن …"
            # with no verb: his saying — the person already in view.
            for k in range(cue.first - 1, max(start, cue.first - 8) - 1, -1):
                if cue_form(self.tokens[k]) is not None:
                    phrase = speaker_after(self.tk, k, cue.first)
                    if phrase is not None:
                        return cue, phrase, False, None
                    break
            return cue, None, False, self._person_in_view(cue.first, start) or self._recent_subject(cue.first)
        topic = topic_subject(self.tk, start, cue.first)
        phrase = None
        if cue.form is not None and not cue.is_participle and self.tokens[cue.first].norm[:1] not in ("و", "ف"):
            # "لكن وزير الخارجية لودريان رفض الفكرة": a subject before the verb makes the noun
            # after it the object.
            before = speaker_before(self.tk, cue.first, start)
            if before is not None and self.plausible_speaker(before):
                return cue, before, False, None
        if not cue.is_participle:
            phrase = self._subject_after(cue.last, limit) if cue.form is not None else speaker_after(self.tk, cue.last, limit)
        if phrase is not None and cue.form is None:
            phrase = self._without_glued_lam(cue, phrase)
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
            while last >= phrase.first and not self.tokens[last].is_word:
                last -= 1
            phrase = SpeakerPhrase(phrase.first, last, phrase.start, self.tokens[last].end) if last >= phrase.first else None
        if phrase is not None:
            return cue, phrase, False, None
        if topic is not None:
            return cue, topic, False, None
        # A participle describes the main clause's subject, not a relative clause's antecedent.
        antecedent = None if cue.is_participle else relative_antecedent(self.tk, cue.first, start)
        if antecedent is not None:
            return cue, antecedent, False, None
        if cue.form is not None and self.tokens[cue.first].norm[:1] not in ("و", "ف"):
            before = speaker_before(self.tk, cue.first, start)
            if before is not None:
                return cue, before, False, None
        owner = self._statement_owner(start, cue.first) or self._subject_of_kana(cue, start)
        if owner is not None:
            return cue, owner, False, None
        hint = self._earlier_subject(cue, start) or self._recent_subject(cue.first)
        return cue, None, False, hint

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
            if found is None and (particle or self.plausible_speaker(phrase)):
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
            if phrase is not None and self.plausible_speaker(phrase):
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
                phrase = speaker_after(self.tk, k, cue.first)
                return phrase
        return None

    def _recent_subject(self, index: int) -> SpeakerPhrase | None:
        """For a pro-drop cue (``وأضاف:``): the subject of the nearest earlier reporting verb in
        this paragraph or the one before — the person the article was last quoting or
        introducing, whether or not that sentence held a quote. Looks at six verbs at most."""
        if index <= 0 or index >= len(self.tokens):
            return None
        block = self._block_of_token[index]
        k = bisect_left(self._finite_cues, index) - 1
        looked = 0
        while k >= 0 and looked < 6:
            j = self._finite_cues[k]
            if self._block_of_token[j] < block - 1:
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
            start = self.sentence_start(j)
            bare = self.tokens[j].norm[:1] not in ("و", "ف")
            candidates = [
                speaker_before(self.tk, j, start) if bare else None,
                self._subject_after(j, self.sentence_end(j)),
                topic_subject(self.tk, start, j),
                relative_antecedent(self.tk, j, start),
            ]
            self._subject_cache[j] = next((c for c in candidates if c is not None and self.plausible_speaker(c)), None)
        return self._subject_cache[j]

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
        return any(t.norm in self.known_names or t.norm in self.speaker_words for t in words)

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

    def _without_glued_lam(self, cue: Cue, phrase: SpeakerPhrase) -> SpeakerPhrase:
        """``وفقا لـوزارة الصحة``: the ل of the phrase belongs to the cue, not to the speaker."""
        if self.tokens[cue.last].norm not in ("وفقا", "ووفقا", "طبقا", "وطبقا", "نقلا", "ونقلا"):
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
        nxt = self.tokens[phrase.last + 1] if phrase.last + 1 < len(self.tokens) else None
        return nxt is not None and nxt.norm[:1] == "ب" and (self.is_complementizer(nxt) or len(nxt.norm) <= 2 or nxt.norm.startswith("بال"))

    def _earlier_subject(self, cue: Cue, start: int) -> SpeakerPhrase | None:
        """For ``…، مشيرا إلى أن``: the subject of the sentence's earlier reporting verb, or, when
        that verb has none either (``وأضاف: … مشيرا إلى أن``), the speaker it continues."""
        k = bisect_left(self._finite_cues, cue.first) - 1
        while k >= 0 and self._finite_cues[k] >= max(start, cue.first - 80):
            j = self._finite_cues[k]
            k -= 1
            form = cue_form(self.tokens[j])
            if form is not None and form.verb_class == "relay":
                relayed = relay_source(self.tk, Cue(j, j, form, self.tokens[j].start, self.tokens[j].end), cue.first)
                if relayed is not None:
                    return relayed[0]  # "روى مسلم عن ابن سيرين أنه قال": the source
            before = speaker_before(self.tk, j, start)
            if before is not None and self.plausible_speaker(before):
                return before
            after = self._subject_after(j, cue.first)
            if after is not None and (form.verb_class in _SUBJECT_CLASSES or self.plausible_speaker(after)):
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
                return self._without_glued_lam(cue, phrase)  # "وفقا لمراكز …": مراكز …
        return None

    def _subject_after(self, j: int, limit: int) -> SpeakerPhrase | None:
        """``speaker_after``, except that verbs taking a ب/ل object (أشاد بـ، رحب بـ) have none."""
        form = cue_form(self.tokens[j])
        nxt = self.tokens[j + 1] if j + 1 < len(self.tokens) else None
        if form is not None and form.verb_class in ("stance", "directive") and nxt is not None and nxt.norm[:1] in ("ب", "ل"):
            return None
        return speaker_after(self.tk, j, limit)

    def find_all(self) -> list[Candidate]:
        """All quote candidates of the article, in text order."""
        indirect = self.find_indirect()
        direct = self.find_direct(indirect)
        candidates = indirect + direct
        candidates.sort(key=lambda c: (c.start, -c.end))
        return candidates

    # Indirect quotes --------------------------------------------------------------------------
    def is_complementizer(self, token: Token) -> bool:
        return is_complementizer(token)

    def find_indirect(self) -> list[Candidate]:
        found: list[Candidate] = []
        tokens = self.tokens
        last_end = -1
        last_start = -1
        for index, token in enumerate(tokens):
            if not token.is_word or not self.is_complementizer(token):
                continue
            if self._is_excluded(token.start, token.end) or self._depth[index] > 0:
                continue
            nested = token.start < last_end
            if self._not_speech_before(index):
                continue
            cue = self._cue_for_complementizer(index)
            if cue is None:
                continue
            if nested and (
                cue.form is None
                or self.tokens[cue.first].start <= last_start
                or speaker_after(self.tk, cue.last, index) is None
            ):
                continue  # inside the report: only "… تؤكد أجهزة الاستخبارات أن …" is a report of its own
            start_index = index + 1
            if start_index >= len(tokens) or self._block_of_token[start_index] != self._block_of_token[index]:
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
                quoted = self._span_by_open.get(first.index)
                if quoted is not None and self._closes_clause(quoted, end_index):
                    continue  # the whole clause is inside marks: a direct quote only
            if sum(1 for k in range(start_index, end_index) if tokens[k].is_word) < 2:
                continue  # one word cut off by a new attribution is that attribution's subject
            span_start, span_end = first.start, tokens[end_index - 1].end
            cue = self.finite_verb_for_participle(cue)
            cue, phrase, passive, hint = self.attribute(cue, index)
            self.remember_speaker(phrase)
            found.append(
                Candidate(
                    "indirect", span_start, span_end, self._indirect_confidence(cue, phrase, hint, passive),
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

    def _indirect_confidence(self, cue: Cue, phrase: SpeakerPhrase | None, hint: SpeakerPhrase | None, passive: bool) -> float:
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
            if offset and tokens[index - 1].norm not in ("الي", "علي", "من"):
                return False
            for parts in index_by_last.get(tokens[end].norm, ()):
                begin = end - len(parts) + 1
                if begin >= 0 and all(tokens[begin + k].norm == part for k, part in enumerate(parts)):
                    return True
        return False

    def _cue_for_complementizer(self, index: int) -> Cue | None:
        tokens = self.tokens
        bound = max(self.sentence_start(index), index - 22)
        if index > 0 and tokens[index - 1].norm in _DASHES:
            return self._cue_before_parenthetical(index - 1)
        j = index - 1
        while j >= bound:
            token = tokens[j]
            if token.norm == ":":
                if j == index - 1:
                    j -= 1
                    continue  # "قال فلان: إن …" — the complementiser makes it indirect speech
                return None  # speech after a colon without marks is not annotated (guideline)
            if token.is_quote_mark:
                opened = self._span_closed_by(j)
                if opened is not None and self._words_in(opened) <= TERM_MAX_WORDS:
                    j = opened.open_mark.index - 1
                    continue
                return None
            if token.is_word and self.is_complementizer(token) and j < index - 1:
                return None  # an earlier complementiser owns the cue before it
            length = according_to_at(self.tk, j)
            if length and tokens[index].norm.startswith("فان"):
                return Cue(j, j + length - 1, None, token.start, tokens[j + length - 1].end)
            if tokens[index].norm.startswith("فان"):
                j -= 1
                continue  # "فإن" answers a condition or an according-to phrase, never a verb
            if is_relay_object(token):
                for k in range(j - 1, bound - 1, -1):
                    form = cue_form(tokens[k])
                    if form is not None and form.verb_class == "relay":
                        return Cue(k, k, form, tokens[k].start, tokens[k].end)
                return Cue(j, j, None, token.start, token.end)
            cue = self._cue_at(j)
            if cue is not None and cue.form is None and cue.came_in:
                return cue
            form = cue.form if cue is not None else None
            if form is not None and form.tense == "participle" and j > 0 and tokens[j - 1].norm in ("ليس", "ليست", "غير"):
                form = None  # "ليس مؤكدا أن": an adjective, not a reporting participle
            if form is not None:
                distance = index - j
                ok = not (form.is_weak and distance > 2) and not (form.verb_class in ("stance", "directive") and distance > 8)
                if ok:
                    return cue
            j -= 1
        return None

    def _cue_before_parenthetical(self, closing: int) -> Cue | None:
        """``وقال موقع … -الناطق بالتركية والذي يصف نفسه بأنه … – إن القرار …``: a complementiser
        right after a dash answers the verb before the dash that opened the parenthetical."""
        tokens = self.tokens
        start = self.sentence_start(closing)
        for k in range(closing - 1, max(start, closing - 40) - 1, -1):
            if tokens[k].norm not in _DASHES:
                continue
            for j in range(k - 1, max(start, k - 12) - 1, -1):
                cue = self._cue_at(j)
                if cue is not None and cue.form is not None and not cue.form.is_weak and cue.form.tense != "participle":
                    return cue
                if tokens[j].is_quote_mark or self.is_complementizer(tokens[j]):
                    return None
            return None
        return None

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
        end = self.sentence_end(start_index)
        j = start_index + 1
        while j < end:
            token = tokens[j]
            if self._depth[j] == 0 and self._new_attribution_at(j, end):
                cut = j
                if cut > start_index and tokens[cut - 1].norm in ("حيث", "كما", "ثم", "اذ", "حين", "عندما"):
                    cut -= 1
                return self._trim_end(start_index, cut)
            if token.norm in ("وجاء", "وكان", "وكانت") and tokens[j - 1].norm in ("،", ","):
                return self._trim_end(start_index, j)
            if token.norm in _DASHES and j + 1 < end and tokens[j + 1].is_word and self.is_complementizer(tokens[j + 1]):
                return self._trim_end(start_index, j)  # "… – إن القرار": the parenthetical closes
            j += 1
        return self._trim_end(start_index, end)

    def _new_attribution_at(self, j: int, end: int) -> bool:
        tokens = self.tokens
        token = tokens[j]
        previous = tokens[j - 1].norm
        after_comma = previous in ("،", ",", "؛") or (
            previous in ("حيث", "اذ", "حين", "عندما") and j >= 2 and tokens[j - 2].norm in ("،", ",")
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
            if previous in ("ليس", "ليست", "غير", "بات", "باتت", "يبدو"):
                return False
            return self._starts_attribution(j, end, allow_quote=False, reach=4)
        if after_comma or joined:
            return self._starts_attribution(j, end, allow_quote=True)
        return False

    def _starts_attribution(self, j: int, end: int, *, allow_quote: bool = True, reach: int = _NEW_ATTRIBUTION_LOOKAHEAD) -> bool:
        tokens = self.tokens
        for k in range(j + 1, min(end + 1, j + reach, len(tokens))):
            token = tokens[k]
            if token.is_word and self.is_complementizer(token):
                return True
            if token.norm == ":":
                return True
            if allow_quote and token.is_quote_mark and self._span_by_open.get(k) is not None and self._words_in(self._span_by_open[k]) > TERM_MAX_WORDS:
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

    # Direct quotes ----------------------------------------------------------------------------
    def _words_in(self, span: QuotedSpan) -> int:
        return sum(1 for i in self.tk.range(span.start, span.end) if self.tokens[i].is_word)

    def find_direct(self, indirect: Sequence[Candidate]) -> list[Candidate]:
        found: list[Candidate] = []
        speech: set[int] = set()
        self._speech_closers: set[int] = set()
        self._indirect_sorted = sorted(indirect, key=lambda c: c.start)
        self._indirect_starts = [c.start for c in self._indirect_sorted]
        for span in self.spans:
            if span.end <= span.start:
                continue
            if span.parent is not None and id(span.parent) in speech:
                continue  # a name or a quotation inside a quotation
            candidate = self._direct_candidate(span, indirect)
            if candidate is not None:
                found.append(candidate)
                speech.add(id(span))
                if span.close_mark is not None:
                    self._speech_closers.add(span.close_mark.index)
        found.extend(self._parenthesised(found))
        found.extend(self._opened_by_colon(found))
        return found

    def _opened_by_colon(self, direct: Sequence[Candidate]) -> list[Candidate]:
        """``فقال: أما والله … فليس مني".``: the opening mark is missing, the closing one is not.

        A closing mark that pairs with nothing, after a cue and a colon in the same paragraph
        with no other mark between, closes a direct quote that starts after the colon.
        """
        tokens = self.tokens
        paired = self._span_by_open.keys() | self._span_by_close.keys()
        covered = _Coverage(direct)
        found = []
        for index, token in enumerate(tokens):
            if not token.is_quote_mark or index in paired or index == 0 or not tokens[index - 1].is_word:
                continue
            if self._depth[index] or covered.covers(token.start):
                continue
            block = self._block_of_token[index]
            colon = None
            for j in range(index - 1, max(-1, index - 200), -1):
                if self._block_of_token[j] != block or tokens[j].is_quote_mark:
                    break
                if tokens[j].norm == ":":
                    colon = j
                    break
            if colon is None or colon + 1 >= index:
                continue
            cue = self.cue_before(colon, window=12)
            if cue is None:
                continue
            start, end = self._trim_inner(tokens[colon].end, token.start)
            if end - start < 3 or self._words_between(colon, index) < 4:
                continue
            cue = self.finite_verb_for_participle(cue)
            found.append(self._attributed_direct(start, end, 0.6, cue, colon, "closing mark after a cue and a colon"))
        return found

    def _attributed_direct(self, start: int, end: int, confidence: float, cue: Cue, limit: int, reason: str) -> Candidate:
        """A direct quote found without its pair of marks, attributed through ``cue``."""
        cue, phrase, passive, hint = self.attribute(cue, limit)
        return Candidate(
            "direct", start, end, confidence, cue, phrase, reason, passive=passive, subject_hint=hint,
            continues_previous=phrase is None and hint is None and not passive,
        )

    def _words_between(self, first: int, last: int) -> int:
        return sum(1 for t in self.tokens[first + 1 : last] if t.is_word)

    def _direct_candidate(self, span: QuotedSpan, indirect: Sequence[Candidate]) -> Candidate | None:
        tokens = self.tokens
        open_index = span.open_mark.index
        words = self._words_in(span)
        if words == 0:
            return None
        start, end = self._trim_inner(span.start, span.end)
        if start >= end:
            return None
        before = tokens[open_index - 1] if open_index > 0 else None
        colon_before = before is not None and before.norm == ":"
        if span.quran:
            cue = self.cue_before(open_index, window=8)
            return Candidate("direct", start, end, 0.8, cue, None, "Qur'anic brackets", passive=cue is None)
        name_like = self.looks_like_name(span) and not colon_before
        container = self._container(span)
        # 1. Inside an indirect clause: a direct quote with the clause's attribution.
        if container is not None:
            if name_like or (words == 1 and not self._right_after_cue_word(open_index, container) and not self._joined_to_speech(open_index)):
                return None
            return Candidate(
                "direct", start, end, 0.85 if words > TERM_MAX_WORDS else 0.45,
                container.cue, container.phrase, "marked words inside an indirect quote",
                passive=container.passive, continues_previous=container.continues_previous,
                subject_hint=container.subject_hint, quoted=span,
            )
        cue = self.cue_before(open_index, allow_weak=colon_before, window=60 if colon_before else CUE_WINDOW)
        post = self.cue_after(span.close_mark.index) if span.close_mark is not None else None
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
        cue = self.finite_verb_for_participle(cue)
        cue, phrase, passive, hint = self.attribute(cue, open_index)
        self.remember_speaker(phrase)
        confidence = 0.95 if colon_before or open_index - cue.last <= 12 else 0.85
        if not span.closed:
            confidence -= 0.3
        if words <= TERM_MAX_WORDS:
            confidence = min(confidence, 0.6)
        return Candidate(
            "direct", start, end, round(confidence, 2), cue, phrase, "cue before the marks",
            passive=passive, continues_previous=phrase is None and hint is None and not passive,
            subject_hint=hint, quoted=span,
        )

    def _sentence_actor(self, index: int) -> SpeakerPhrase | None:
        """``وتبرع أكتون بمبلغ … "…"``: with no cue, the quote belongs to a speaker already met
        who is the subject of the sentence's opening verb (known name words only)."""
        tokens = self.tokens
        first = self.sentence_start(index)
        while first < index and tokens[first].norm in _CONNECTIVES:
            first += 1
        if first + 1 >= index or not tokens[first].is_word or cue_form(tokens[first]) is not None:
            return None
        phrase = speaker_after(self.tk, first, index)
        if phrase is None:
            return None
        known = [k for k in range(phrase.first, phrase.last + 1) if tokens[k].norm in self.known_names or tokens[k].norm in self.speaker_words]
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

    def _right_after_cue_word(self, open_index: int, container: Candidate) -> bool:
        """``وقال بأنها "شائعات"``: one word right after the complementiser or cue is speech.

        So is the object of a verb of expression a preposition away: ``عبر فيه عن "حيرته"``.
        """
        previous = self.tokens[open_index - 1] if open_index else None
        if previous is None or not previous.is_word:
            return False
        if self.is_complementizer(previous) or cue_form(previous) is not None:
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

    def _parenthesised(self, direct: Sequence[Candidate]) -> list[Candidate]:
        """``قال: (…)`` — sayings in parentheses after a cue and a colon (guideline)."""
        found = []
        tokens = self.tokens
        covered = _Coverage(direct)
        for index, token in enumerate(tokens):
            if token.norm != "(" or index == 0 or tokens[index - 1].norm != ":":
                continue
            close = self._matching_paren(index)
            if close is None or covered.covers(token.start):
                continue
            cue = self.cue_before(index - 1, window=12)
            if cue is None:
                continue
            start, end = self._trim_inner(token.end, tokens[close].start)
            if end - start < 3:
                continue
            found.append(self._attributed_direct(start, end, 0.8, cue, index, "parenthesised saying after a cue"))
        return found

    def _matching_paren(self, index: int) -> int | None:
        depth = 0
        block = self._block_of_token[index]
        for j in range(index, len(self.tokens)):
            if self._block_of_token[j] != block:
                return None
            norm = self.tokens[j].norm
            if norm == "(":
                depth += 1
            elif norm == ")":
                depth -= 1
                if depth == 0:
                    return j
        return None

    def _trim_inner(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and (text[start].isspace() or text[start] in "\u200e\u200f"):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in "\u200e\u200f"):
            end -= 1
        return start, end

    def _cue_governs_short_quote(self, cue: Cue, open_index: int) -> bool:
        """``وصف … بأنه “خطأ فادح”``, ``وقال بأنها "شائعات"``, ``نددت … "بشدة"``."""
        between = self.tokens[cue.last + 1 : open_index]
        if not between:
            return True
        if any(t.is_word and self.is_complementizer(t) for t in between):
            return True
        governing = lexicon.verbs_governing_short_quotes()
        if cue.form is not None and cue.form.lemma in governing and governing[cue.form.lemma] is None:
            return True
        return between[-1].norm == ":"


class _Coverage:
    """Is an offset inside one of some quotes? Sorted starts and running furthest ends answer in
    O(log n), so checks against every quote of a long article stay linear overall."""

    def __init__(self, quotes: Sequence[Candidate]) -> None:
        spans = sorted((q.start, q.end) for q in quotes)
        self._starts = [start for start, _ in spans]
        self._reach: list[int] = []  # the furthest end of the quotes starting at or before each
        for _, end in spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def covers(self, offset: int) -> bool:
        k = bisect_right(self._starts, offset) - 1
        return k >= 0 and self._reach[k] > offset


def _merge_ranges(ranges: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def find_quotes(tokenized: TokenizedText, blocks: Sequence[Block], excluded: Sequence[tuple[int, int]]) -> list[Candidate]:
    """All quote candidates of an article, in text order."""
    return QuoteFinder(tokenized, blocks, excluded).find_all()
