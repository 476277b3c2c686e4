"""Where a quote's speaker may be named: slots, the spans each could cover, and their features.

The rules (``attribution``, ``quotes``) give one answer per quote; on articles nobody tuned
them on, that answer's *boundaries* and *carry-overs* are wrong a third of the time. Here the
rules' answer becomes one possibility among several, and two trained rankers choose:

* a **slot** is a place where the speaker may be named — the rules' phrase, right after the cue,
  right before it (a name-first subject), before a relative pronoun (``المغرد "…" الذي قال``),
  the subject of a verb earlier in this sentence or the one before (also after an opening
  prepositional phrase: ``وعلى الصعيد الدولي، أصدر الأمين العام``), the rules' hint — or a
  carry-over of the speaker of one of the three previous quotes (``وأضاف:``), or nobody (a
  passive ``يقال إن``);
* a slot's **spans** are the mentions it could be: every end its words allow (``المسؤول`` or
  ``المسؤول لرويترز``; ``ممثل سوريا`` or ``ممثل سوريا لدى الأمم المتحدة بشار الجعفري``).

The *mention* ranker picks each slot's span; the *attribution* ranker picks the slot. Features
describe words by class (title, definite, particle, preposition …), by how they behave in
unlabeled news (``wordstats``) or, for frequent words, by themselves; and slots by their
relation to the cue and to the previous quotes. No feature names an article's rare words, so
what is learned carries over to other sites.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.annotator import lexicon
from core.annotator.attribution import SpeakerPhrase
from core.annotator.cue_distance import cue_distance
from core.annotator.feature_names import (
    CARRY,
    CARRY_CUE,
    CARRY_FLAG,
    CARRY_GENDER,
    CARRY_PARAGRAPHS,
    CARRY_TITLES_BETWEEN,
    ECHO_SPAN,
    END_VS_RULE,
    FIRST_LAST,
    FIRST_N,
    PENULT_LAST,
    PP_W,
    SOURCE_BEST,
    SOURCE_CONTEXT,
    SOURCE_FIRST,
    SOURCE_FIRST_STATS,
    SOURCE_HAS_RULE,
    SOURCE_KNOWN_NAME,
    SOURCE_LAST,
    SOURCE_N,
    SOURCE_NOCUE,
    SOURCE_SURE,
    SOURCE_TITLES,
    SUBJECT_BACK,
    SUBJECT_VERB,
    N,
    class_names,
    prefixed,
)
from core.annotator.no_speaker import after_addressee
from core.annotator.quotes import Candidate, QuoteFinder
from core.annotator.span_edges import SpanEdges
from core.annotator.speaker_words import ECHO_MAX, ArticleWords
from core.annotator.word_classes import (
    CONNECTORS,
    RELATIVE_PRONOUNS,
    after_opening_adverbial,
    complementizer_forms,
    opens_with_preposition,
    reads_as_preposition,
)
from core.annotator.wordstats import WordStats

MAX_WORDS = 10  # words in a mention span
CARRY_BACK = 5  # previous quotes whose speaker may carry over
SUBJECT_WINDOW = 80  # tokens before a quote searched for earlier subjects
OPENING_PHRASE_WORDS = 12  # tokens a sentence's opening phrase may take before its comma
_AUXILIARIES = lexicon.words("auxiliaries")
_SPAN_SOURCES = ("rule", "after", "before", "relative", "subject", "hint")
# Sources whose span is the mention nearest the quote (the guideline's speaker span); a subject
# or a hint stands in an earlier clause, too far away to mark as this quote's mention.
MENTION_SOURCES = frozenset({"rule", "after", "before", "relative"})


@dataclass(slots=True)
class Slot:
    """A place the speaker may be named, with the spans it could cover (nearest first); or a
    carry-over from ``back`` quotes before; or nobody."""

    source: str
    spans: list[SpeakerPhrase] = field(default_factory=list)
    back: int = 0
    rule_span: SpeakerPhrase | None = None

    @property
    def is_span(self) -> bool:
        return bool(self.spans)


class SlotBuilder:
    """Builds and describes the slots and spans of every quote of one article."""

    def __init__(self, finder: QuoteFinder, stats: WordStats) -> None:
        self.finder = finder
        self.tk = finder.tk
        self.tokens = finder.tokens
        self.text = finder.text
        self.stats = stats
        self.words = ArticleWords(finder.tk, stats)
        self.edges = SpanEdges(finder.tk, self.words, stats)
        self._first_stats_cache: dict[tuple[str, int], tuple[str, ...]] = {}
        self._span_cache: dict[tuple[str, int, int, tuple[int, int] | None], list[str]] = {}
        self._words_cache: dict[tuple[int, int], tuple[int, int, bool, tuple[str, ...]]] = {}
        self._phrase_starts: dict[int, int] = {}
        self._context_of: tuple[Candidate, dict[str, tuple[str, ...]]] | None = None

    # Slots ------------------------------------------------------------------------------------
    def slots(self, candidates: Sequence[Candidate], position: int) -> list[Slot]:
        """Every slot of the quote ``candidates[position]``."""
        candidate = candidates[position]
        rule, hint, cue = candidate.phrase, candidate.subject_hint, candidate.cue
        slots: list[Slot] = []
        anchors: dict[tuple[str, int], Slot] = {}
        anchor = self.tk.index_at_or_after(candidate.start)

        def add_from(source: str, first: int, limit: int, own: SpeakerPhrase | None = None, back: int = 0) -> None:
            if first < len(self.tokens) and self.tk.opens_hashtag(first):
                first += 1  # "أكد #البيت_الأبيض": a mention starts at the hashtag's word
            key = ("start", first)
            spans = [self.phrase(first, end) for end in self.ends_from(first, limit)]
            if own is not None and all((p.first, p.last) != (own.first, own.last) for p in spans):
                spans.append(own)
            if not spans:
                return
            slot = anchors.get(key)
            if slot is None:
                slot = anchors[key] = Slot(source, spans, back)
                slots.append(slot)
            if own is not None and source == "rule":
                slot.rule_span = own

        def add_until(source: str, last: int, bound: int) -> None:
            key = ("end", last)
            if key in anchors or last < bound:
                return
            spans = [self.phrase(first, last) for first in self.starts_before(last, bound)]
            if spans:
                anchors[key] = Slot(source, spans)
                slots.append(anchors[key])

        if rule is not None:
            add_from("rule", rule.first, max(self.finder.sentence_end(rule.first), rule.last + 1), own=rule)
        if cue is not None and not candidate.passive:
            after = cue.last + 1
            stop = anchor if anchor > after else self.finder.sentence_end(after)
            add_from("after", after, stop)
            subject = after_addressee(self.tk, after, stop)
            if subject is not None:
                add_from("after", subject, stop)  # "وقال له رئيس اللجنة": to whom, then who
            sentence = self.finder.sentence_start(cue.first)
            last = cue.first - 1
            while last >= sentence and self.tokens[last].norm in _AUXILIARIES:
                last -= 1
            add_until("before", last, sentence)
            relative = self._relative_before(cue.first)
            if relative is not None:
                add_until("relative", relative, self.finder.sentence_start(relative))
        for distance, head in self._subject_heads(candidate, anchor):
            add_from("subject", head + 1, self.finder.sentence_end(head), back=distance)
        if hint is not None:
            add_from("hint", hint.first, max(self.finder.sentence_end(hint.first), hint.last + 1), own=hint)
        for back in range(1, min(CARRY_BACK, position) + 1):
            slots.append(Slot("carry", back=back))
        slots.append(Slot("none"))
        return slots

    def phrase(self, first: int, last: int) -> SpeakerPhrase:
        tokens = self.tokens
        start = self._phrase_starts.get(first)  # the spans of a slot share their first word
        if start is None:
            start = tokens[first].start
            if self._conjunction_first(tokens[first].norm):
                start += 1  # "والحكومة": the conjunction is not the speaker's
            self._phrase_starts[first] = start
        return SpeakerPhrase(first, last, start, tokens[last].end)

    def _conjunction_first(self, norm: str) -> bool:
        """``والحكومة`` or ``وأحد`` start with the conjunction و; ``والدة`` and ``وليد`` do not
        (the form without و is rarer in news than the word itself)."""
        rest = norm[1:]
        if not norm.startswith("و") or len(rest) < 3:
            return False
        whole, without = self.stats.get(norm), self.stats.get(rest)
        if rest.startswith("ال") or rest in lexicon.titles():
            return without is not None and (whole is None or without.count > whole.count)
        # "ورسائل": a plain word after و, far more common alone than with it (names such as
        # وليد or وائل are common whole and rare without their و).
        return without is not None and without.count >= 20 and (whole is None or without.count > 5 * whole.count)

    def ends_from(self, first: int, limit: int) -> list[int]:
        """Indices of the words a mention starting at ``first`` could end on, nearest first.

        A mention runs over words and quoted names (صحيفة «كلارين») on one line, and stops at
        punctuation, a complementiser, a reporting verb, a sentence end or ``limit``.
        """
        tokens = self.tokens
        complementizers, is_verb_at = complementizer_forms(), self.words.is_verb_at
        ends: list[int] = []
        index = first
        words = 0
        limit = min(limit, len(tokens))
        while index < limit and words < MAX_WORDS:
            token = tokens[index]
            if index > first and "\n" in self.text[tokens[index - 1].end : token.start]:
                break
            if not token.is_word:
                closing = self.tk.name_spans.get(index)
                if closing is not None and index < closing < limit:
                    ends.append(closing)
                    index = closing + 1
                    words += 1
                    continue
                if token.norm == "." and index > first and len(tokens[index - 1].norm) <= 2:
                    index += 1  # "د." and initials
                    continue
                break
            if token.norm in complementizers or (index > first and is_verb_at(index)):
                break
            ends.append(index)
            words += 1
            index += 1
        return ends

    def starts_before(self, last: int, bound: int) -> list[int]:
        """Indices a name-first mention ending at ``last`` could start on, nearest first."""
        tokens = self.tokens
        complementizers, is_verb_at = complementizer_forms(), self.words.is_verb_at
        starts: list[int] = []
        index = last
        while index >= bound and last - index < MAX_WORDS:
            token = tokens[index]
            closing = self.tk.name_spans.get(index)
            if closing is not None and bound <= closing < index:
                index = closing  # a quoted name is one word: المتابع “فايز البلوي”
                token = tokens[index]
                starts.append(index)
                index -= 1
                continue
            if not token.is_word or is_verb_at(index) or token.norm in complementizers:
                break
            if index < last and "\n" in self.text[token.end : tokens[index + 1].start]:
                break
            if token.norm in CONNECTORS:
                break
            starts.append(index)
            index -= 1
        return starts

    def _relative_before(self, cue_first: int) -> int | None:
        """``المتابع “فايز البلوي” الذي قال``: the token before a relative pronoun right before
        the cue (the antecedent's last word or closing mark), or ``None``."""
        k = cue_first - 1
        if k >= 1 and self.tokens[k].norm in ("،", ","):
            k -= 1
        if k < 1 or self.tokens[k].norm not in RELATIVE_PRONOUNS:
            return None
        k -= 1
        if k >= 0 and self.tokens[k].norm in ("،", ","):
            k -= 1
        if k < 0:
            return None
        return k if self.tokens[k].is_word or self.tk.name_spans.get(k, k) < k else None

    def _subject_heads(self, candidate: Candidate, anchor: int) -> list[tuple[int, int]]:
        """Verbs whose subject may be the speaker: the first word of this sentence and of the one
        before it (verb-first sentences) — or the word after an opening prepositional phrase set
        off by a comma (``إلى جانب ذلك، سخر ترامب``) or after an opening adverbial (``من جهته
        أكد``), and none when the sentence opens with a preposition otherwise (``ومن جهة أخرى
        أبدى``: its object is no subject) — and reporting verbs in them (not a form read as a
        preposition there: ``بين الحكومة``); ``(sentences back, index)``.

        Only the ``SUBJECT_WINDOW`` tokens before the quote are searched, so a text with no
        sentence ends (a scraped page on one line) costs no more per quote than any other.
        """
        heads: list[tuple[int, int]] = []
        cue = candidate.cue
        point = min(anchor, cue.first) if cue is not None else anchor
        point = min(point, len(self.tokens) - 1)
        if point < 0:
            return heads
        floor = max(0, point - SUBJECT_WINDOW)
        start = max(self.finder.sentence_start(point), floor)
        block = self.finder.block_of_token[point]
        verbs = self.words.verbs()
        for distance in (0, 1):
            first = start
            while first < point and self.tokens[first].norm in CONNECTORS:
                first += 1
            if first < point and self.tokens[first].is_word and (cue is None or first != cue.first):
                opened = self._after_opening_phrase(first, point)
                if opened is None:
                    if not self._opens_with_preposition(first):
                        heads.append((distance, first))  # not "ومن جهة أخرى أبدى": the preposition's object
                elif cue is None or opened != cue.first:
                    heads.append((distance, opened))
            for k in verbs[bisect_right(verbs, first) : bisect_left(verbs, point)]:  # first < k < point
                if (cue is None or k != cue.first) and not reads_as_preposition(self.tokens, k):
                    heads.append((distance, k))
            if start <= floor:
                break
            previous = start - 1
            if self.finder.block_of_token[previous] not in (block, block - 1):
                break
            point = previous
            start = max(self.finder.sentence_start(previous), floor)
        return heads

    def _after_opening_phrase(self, first: int, point: int) -> int | None:
        """The word after a sentence's opening prepositional phrase set off by a comma
        (``وعلى الصعيد الدولي، أصدر الأمين العام …``, ``إلى جانب ذلك، سخر ترامب``,
        ``ومن جهته، زار الوزير …``) or after an opening adverbial with no comma (``في المقابل
        وزعت``, ``word_classes.after_opening_adverbial``): where the verb of the clause stands.
        It takes the place of the sentence's first word, a preposition, whose "subject"
        (``الصعيد الدولي``) never speaks.

        Only when the sentence opens with a preposition or a ب/ل word (``_opens_with_preposition``:
        ``بحسب``, ``لذلك``; not a verb written like one, ``وعبر كبير المديرين، دارا …، عن``, whose
        comma ends an apposition). Taking the word after the first comma of any sentence gained
        more speakers under cross-validation, but on unlabeled articles it dropped the verb of
        verb-first sentences whose subject has an apposition (``أبدى ديتمار هامان، لاعب منتخب
        ألمانيا …``), and read worse there."""
        tokens = self.tokens
        after = after_opening_adverbial(tokens, first, point)
        if after is not None:
            return after
        if not self._opens_with_preposition(first):
            return None
        for k in range(first + 1, min(point, first + OPENING_PHRASE_WORDS)):
            if tokens[k].norm in ("،", ","):
                return k + 1 if k + 1 < point and tokens[k + 1].is_word else None
            if not tokens[k].is_word:
                return None
        return None

    def _opens_with_preposition(self, first: int) -> bool:
        """Does the sentence open at ``first`` with a prepositional phrase (``ومن جهة أخرى``,
        ``بحسب``, ``لذلك``)? Then no subject follows its first word."""
        return self.words.word_class(first) in ("bi", "lam") or opens_with_preposition(self.tokens[first])

    # Mention features -------------------------------------------------------------------------
    def span_features(self, slot: Slot, phrase: SpeakerPhrase) -> list[str]:
        """What the mention ranker weighs for one span (see ``slot_span_features``).

        They depend on the slot's source and rules' span and on the span's words only, so
        they are made once per article for each (a fifth of the spans recur in the slots of
        neighbouring quotes); and the part that describes the words alone is made once per
        article for each pair of ends, since one in seven spans recurs under another source
        or rules' span. The list is shared: callers must not change it.
        """
        rule = slot.rule_span
        first, last = phrase.first, phrase.last
        key = (slot.source, first, last, None if rule is None else (rule.first, rule.last))
        made = self._span_cache.get(key)
        if made is None:
            size, _, _, described = self._described(first, last)
            made = self._span_cache[key] = self._slot_features_of(slot, first, last, size, described)
        return made

    def slot_span_features(self, slot: Slot) -> list[list[str]]:
        """``span_features`` of every span of a slot.

        A slot's spans share their first word (or, before the cue, their last), so the parts
        that depend on one end only are built once per token and reused.
        """
        return [self.span_features(slot, phrase) for phrase in slot.spans]

    def _slot_features_of(self, slot: Slot, first: int, last: int, size: int, described: tuple[str, ...]) -> list[str]:
        """A span's features: its size and ends under the slot's source, against the rules'
        span, then ``described`` (``_words_features``)."""
        article = self.words
        n = size if size < 6 else 6
        first_class = article.word_class(first)
        last_class = article.word_class(last)
        out = [N[n], SOURCE_N[slot.source, n], FIRST_LAST[first_class, last_class], FIRST_N[first_class, n]]
        if slot.rule_span is not None:
            rule = slot.rule_span
            if (first, last) == (rule.first, rule.last):
                out.append("same_as_rule")
            else:
                out.append(END_VS_RULE[max(-3, min(3, article.word_delta(rule.last, last)))])
        out += described
        return out

    def _described(self, first: int, last: int) -> tuple[int, int, bool, tuple[str, ...]]:
        """``_words_features`` of the span ``first..last``, made once per article."""
        described = self._words_cache.get((first, last))
        if described is None:
            described = self._words_cache[first, last] = self._words_features(first, last)
        return described

    def _words_features(self, first: int, last: int) -> tuple[int, int, bool, tuple[str, ...]]:
        """The words of the span ``first..last``: how many, how many are titles, whether one is a
        name the article knows, and the features that describe them whatever the slot (its
        edges, classes, inner words, echoes); the mention and attribution rankers both ask."""
        tokens = self.tokens
        article = self.words
        edges = self.edges
        words = [k for k in range(first, last + 1) if tokens[k].is_word]
        word_class = article.word_class
        classes = tuple([word_class(k) for k in words])
        size = len(words)
        out = list(edges.start_block(first))
        out += edges.end_block(last)
        if size >= 2:
            out.append(PENULT_LAST[classes[-2], word_class(last)])
        has, pairs = class_names(classes)
        out += has
        # Words that never belong to a speaker's name: a statement or an occasion (في مؤتمر
        # صحفي، في بيان), a time (الخميس، أمس); and what a preposition inside the span governs.
        for position in range(1, size):
            k = words[position]
            out += edges.inner_block(k)
            if classes[position] == "prep" and k + 1 <= last:
                out.append(PP_W[article.lexical(k + 1)])
        # Order inside the span: a definite noun right after a name is the verb's object
        # ("أوباما الدفاع"); after a title it is its complement ("وزير الخارجية").
        out += pairs
        norms = [tokens[k].norm for k in words]
        known = not self.finder.known_names.isdisjoint(norms)
        if known:
            out.append("known_name")
        # The article's own evidence: a mention written the same way elsewhere.
        if size <= ECHO_MAX and last - first < ECHO_MAX:
            echo = article.echo(tuple([t.norm for t in tokens[first : last + 1]]))
            out.append(ECHO_SPAN[echo if echo < 3 else 3])
        titles = lexicon.titles()
        return size, len([norm for norm in norms if norm in titles]), known, tuple(out)

    # Attribution features ---------------------------------------------------------------------
    def slot_features(
        self,
        slot: Slot,
        span: SpeakerPhrase | None,
        sureness: float,
        best: bool,
        candidates: Sequence[Candidate],
        position: int,
    ) -> list[str]:
        """What the attribution ranker weighs: the slot's kind and place, the quote's cue, and
        one of the slot's spans (the mention ranker gives it probability ``sureness`` within the
        slot; ``best`` when no other span of the slot has more)."""
        candidate = candidates[position]
        cue = candidate.cue
        source = slot.source
        out = list(self._slot_context(candidate, source))
        if span is not None:
            out += self._best_span_features(slot, span, sureness, candidate)
            if best:
                out.append(SOURCE_BEST[source])
        elif source == "carry":
            out += self._carry_features(slot.back, candidates, position)
        if cue is None and source != "none":
            out.append(SOURCE_NOCUE[source])
        return out

    def _slot_context(self, candidate: Candidate, source: str) -> tuple[str, ...]:
        """The quote's own features under a slot's source (``after&cue=past``): the same for
        every option of one quote, so made once per quote and source."""
        if self._context_of is None or self._context_of[0] is not candidate:
            self._context_of = (candidate, {})
        by_source = self._context_of[1]
        made = by_source.get(source)
        if made is None:
            context = [f"kind={candidate.kind}", f"cue={self._cue_kind(candidate)}"]
            if candidate.passive:
                context.append("passive")
            if candidate.phrase is not None:
                context.append("rule_has_phrase")
            if candidate.subject_hint is not None:
                context.append("rule_has_hint")
            if candidate.continues_previous:
                context.append("rule_continues")
            cue = candidate.cue
            if cue is not None and cue.last + 1 < len(self.tokens):
                context.append(f"after_cue={self.words.word_class(cue.last + 1)}")
            made = by_source[source] = (sys.intern(f"src={source}"), *(SOURCE_CONTEXT[source, c] for c in context))
        return made

    def _best_span_features(self, slot: Slot, phrase: SpeakerPhrase, sureness: float, candidate: Candidate) -> list[str]:
        # Locals and conditional expressions rather than attribute chains and min(): this runs
        # for every span option of every quote.
        article = self.words
        source = slot.source
        first, last = phrase.first, phrase.last
        size, titled, known, _ = self._described(first, last)  # as the mention ranker saw them
        sure = int(sureness * 5)
        out = [
            SOURCE_SURE[source, sure if sure < 4 else 4],
            SOURCE_FIRST[source, article.word_class(first)],
            SOURCE_LAST[source, article.word_class(last)],
            SOURCE_N[source, size if size < 6 else 6],
        ]
        if slot.rule_span is not None:
            out.append(SOURCE_HAS_RULE[source])
        if source == "subject":
            out.append(SUBJECT_BACK[slot.back])
            out.append(SUBJECT_VERB[article.word_class(first - 1)])
        out.append(SOURCE_TITLES[source, titled if titled < 2 else 2])
        if known:
            out.append(SOURCE_KNOWN_NAME[source])
        out += self._first_stats(source, first)
        cue = candidate.cue
        if cue is not None and cue.form is not None and cue.form.tense != "noun":
            out.append(SOURCE_CONTEXT[source, self._agreement(cue.form, first)])
        if cue is not None:
            out += cue_distance(article, self.finder, source, first, last, cue)
        return out

    def _agreement(self, form: lexicon.CueForm, first: int) -> str:
        """The cue's gender and number beside whether the span's first word is written with
        ة: a verb agrees with its subject (``وأضافت الوزارة``, ``وقال الوزير``), so a feminine
        verb whose candidate is ``بفوز كرمان`` or a masculine one whose candidate is ``مدينة ديار
        بكر`` is less likely its speaker. Named ``agree=`` with ``f``, ``m`` or ``p`` (a plural
        verb) and ``t`` when the word ends in ة: ``agree=ft``, ``agree=m``."""
        head = self.tokens[first]
        ta = self.text[head.start : head.end].endswith("ة")
        gender = "p" if form.plural else ("f" if form.feminine else "m")
        return f"agree={gender}t" if ta else f"agree={gender}"

    def _first_stats(self, source: str, first: int) -> tuple[str, ...]:
        """A span's first word's statistics under its slot's source, made once per article for
        each: the spans of a slot share their first word, and their options are many."""
        key = (source, first)
        made = self._first_stats_cache.get(key)
        if made is None:
            made = self._first_stats_cache[key] = prefixed(SOURCE_FIRST_STATS[source], self.words.token_stats(first)[:3])
        return made

    def _cue_kind(self, candidate: Candidate) -> str:
        cue = candidate.cue
        if cue is None:
            return "none"
        if cue.form is None:
            return "according" if not cue.came_in else "came_in"
        prefix = "w" if self.tokens[cue.first].norm[:1] in ("و", "ف") and cue.form.tense != "participle" else ""
        return f"{prefix}{cue.form.tense}"

    def _carry_features(self, back: int, candidates: Sequence[Candidate], position: int) -> list[str]:
        candidate = candidates[position]
        earlier = candidates[position - back]
        out = [CARRY[back]]
        here = min(self.tk.index_at_or_after(candidate.start), len(self.tokens) - 1)
        there = min(self.tk.index_at_or_after(earlier.start), len(self.tokens) - 1)
        blocks = self.finder.block_of_token
        gap = blocks[here] - blocks[there] if blocks else 0
        out.append(CARRY_PARAGRAPHS[back, min(gap, 3)])
        out.append(CARRY_CUE[back, self._cue_kind(candidate)])
        if candidate.phrase is not None:
            out.append(CARRY_FLAG[back, "rule_has_phrase"])
        if candidate.continues_previous:
            out.append(CARRY_FLAG[back, "rule_continues"])
        if earlier.phrase is None and earlier.subject_hint is None:
            out.append(CARRY_FLAG[back, "earlier_unnamed"])
        mine, theirs = self._gender(candidate), self._gender(earlier)
        if mine and theirs:
            out.append(CARRY_GENDER[back, "same" if mine == theirs else "other"])
        if earlier.kind == candidate.kind:
            out.append(CARRY_FLAG[back, "same_kind"])
        if earlier.end > candidate.start:
            out.append(CARRY_FLAG[back, "inside"])  # a direct quote inside an indirect one
        after = self.tk.index_at_or_after(earlier.end)
        between = self.words.titles_between(after, min(here, after + SUBJECT_WINDOW))
        out.append(CARRY_TITLES_BETWEEN[back, between if between < 2 else 2])
        return out

    def _gender(self, candidate: Candidate) -> str:
        cue = candidate.cue
        if cue is None or cue.form is None or cue.form.tense == "noun":
            return ""
        if cue.form.plural:
            return "plural"
        return "f" if cue.form.feminine else "m"
