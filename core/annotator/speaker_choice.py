"""Choosing each quote's speaker with the two trained rankers, and the questions they learn from.

For every quote, the mention ranker weighs each slot's spans and the attribution ranker weighs
every option (``speaker_options``); the options that give one answer (a phrase start, a
speaker carried over) pool their weight, and the likeliest option of the heaviest answer is
taken (``likeliest``). Quotes are decided in reading order: a carry-over takes the speaker
chosen for an earlier quote; a span becomes (or joins) a speaker entity through
``SpeakerResolver``, whose grouping and fullest-name rules then name it. The chosen option's
probability is the speaker confidence, calibrated afterwards (the pooled weight of its answer
ranks the doubtful quotes worse: under cross-validation it tells a right speaker from a wrong
one with an AUC of 0.690, the option's own probability 0.702).
Without a trained model, ``resolve_speakers`` takes the rules' answer for every quote.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.annotator.attribution import SpeakerPhrase, is_relay_object
from core.annotator.name_completion import complete_names
from core.annotator.naming import rename
from core.annotator.no_speaker import (
    ends_no_speaker,
    opens_no_speaker,
    runs_into_relayed_source,
    runs_past_demonstrative,
)
from core.annotator.quotes import Candidate, QuoteFinder
from core.annotator.ranker import Question, Ranker
from core.annotator.speaker_options import MENTION_SOURCES, Slot, SlotBuilder
from core.annotator.speakers import Entity, Resolution, SpeakerResolver
from core.annotator.tokens import TokenizedText
from core.annotator.wordstats import WordStats
from core.folding import name_key

_QUOTE_MARKS = frozenset("“”«»\"„‟″‹›")


@dataclass
class Decision:
    """One quote's options — each slot's spans (or the slot itself for carry-overs and nobody) —
    with the mention ranker's probability of each span within its slot, and their features:
    the attribution ranker's own (``features``) and the mention ranker's, which it weighs too
    under the prefix ``m:`` (``span_features``, empty for carry-overs and nobody)."""

    slots: list[Slot]
    spans: list[SpeakerPhrase | None]
    features: list[list[str]]
    span_features: list[list[str]]

    def described(self) -> list[list[str]]:
        """Every option's features as the attribution ranker is trained on them."""
        return [own + [f"m:{name}" for name in theirs] for own, theirs in zip(self.features, self.span_features, strict=True)]

    def probabilities(self, attribution: Ranker) -> list[float]:
        """The attribution ranker's softmax, scoring the ``m:`` features without building them."""
        return attribution.softmax(
            [
                attribution.score(own) + attribution.score_in("m:", theirs)
                for own, theirs in zip(self.features, self.span_features, strict=True)
            ]
        )


def decide(
    builder: SlotBuilder, mention: Ranker, candidates: Sequence[Candidate], position: int
) -> Decision:
    """The options of one quote, described for the attribution ranker."""
    decision = Decision([], [], [], [])
    for slot in builder.slots(candidates, position):
        if not slot.is_span:
            decision.slots.append(slot)
            decision.spans.append(None)
            decision.features.append(builder.slot_features(slot, None, 1.0, True, candidates, position))
            decision.span_features.append([])
            continue
        span_features = builder.slot_span_features(slot)
        probabilities = mention.probabilities(span_features)
        best = max(range(len(slot.spans)), key=lambda i: (probabilities[i], -i))
        for k, phrase in enumerate(slot.spans):
            decision.slots.append(slot)
            decision.spans.append(phrase)
            decision.features.append(builder.slot_features(slot, phrase, probabilities[k], k == best, candidates, position))
            decision.span_features.append(span_features[k])
    return decision


@dataclass
class Choice:
    """What was chosen for one quote (kept for the evaluation's per-step scores)."""

    slot: Slot
    span: SpeakerPhrase | None


def resolve_speakers(tokenized: TokenizedText, candidates: Sequence[Candidate]) -> list[Resolution]:
    """Every candidate's speaker by the rules alone (no trained model); canonical names are
    final once all are seen (``complete_names``)."""
    resolver = SpeakerResolver(tokenized)
    resolutions = resolver.resolve(candidates)
    complete_names(tokenized, resolver)
    return resolutions


def choose_speakers(
    finder: QuoteFinder,
    candidates: Sequence[Candidate],
    mention: Ranker,
    attribution: Ranker,
    stats: WordStats,
    trace: list[Choice] | None = None,
    naming: Ranker | None = None,
) -> list[Resolution]:
    """Every candidate's speaker, mention and (uncalibrated) speaker confidence; with ``trace``,
    also what was chosen for each."""
    builder = SlotBuilder(finder, stats)
    resolver = SpeakerResolver(finder.tk)
    entities: list[Entity | None] = []
    resolutions: list[Resolution] = []
    for position, candidate in enumerate(candidates):
        decision = decide(builder, mention, candidates, position)
        probabilities = decision.probabilities(attribution)
        carried = [entities[position - slot.back] if slot.source == "carry" else None for slot in decision.slots]
        k = likeliest(decision, probabilities, range(len(decision.slots)), carried)
        chosen = decision.spans[k]
        if chosen is not None and _refused(finder, candidate, chosen):
            k = _likeliest_allowed(finder, decision, probabilities, candidate, carried)
        slot, phrase = decision.slots[k], decision.spans[k]
        entity: Entity | None = None
        span = None
        if slot.source == "carry":
            entity = entities[position - slot.back]
        elif phrase is not None:
            entity, kept = resolver.mention(phrase)
            if slot.source in MENTION_SOURCES:
                span = (kept.start, kept.end)
        entities.append(entity)
        if trace is not None:
            trace.append(Choice(slot, phrase))
        confidence = probabilities[k]
        resolutions.append(Resolution(candidate, entity, span, round(confidence, 3)))
    complete_names(finder.tk, resolver)
    if naming is not None:
        rename(resolver.entities, naming)
    return resolutions


def likeliest(
    decision: Decision,
    probabilities: Sequence[float],
    options: Iterable[int],
    carried: Sequence[Entity | None] | None = None,
) -> int:
    """The likeliest of ``options`` among those giving the likeliest answer.

    Several options can give one answer, and the attribution ranker shares the answer's weight
    among them: spans of one slot that start at the same word differ only in where the name
    ends (``المحترف اليوناني الجديد`` with or without ``فيتفاتزيديس`` after it), and carry-overs
    from different earlier quotes can carry the same speaker (``carried``: the entity each
    carry-over option would give). Compared option by option, an answer that is surely right
    but reached several ways can lose to a single option of another; so each answer (a phrase
    start of a slot; a speaker carried over; nobody, or a carry-over of nobody, alone) weighs
    the sum of its options' probabilities, and within the heaviest the likeliest option is
    taken.

    Judged by cross-validation on three partitions of the 112 development articles into five
    folds: summing spans by their start took 2,625 → 2,630 of 3,122 speakers right (1,939 →
    1,947 by the canonical name), carry-overs by their speaker then 2,632 (1,951). Summing over
    a whole slot instead gained as much there but let slots of many spans outweigh the rest on
    unlabeled articles (``ولم يتوقف الأمر``); taking each slot's span from the mention ranker
    alone lost 57."""
    # Each option's answer is found once: this runs for every quote of every article.
    ordered = sorted(options)
    spans, slots = decision.spans, decision.slots
    answers: list[tuple[int, int]] = []
    weight: dict[tuple[int, int], float] = {}
    for i in ordered:
        entity = carried[i] if carried is not None else None
        if entity is not None:
            answer = (id(entity), -2)
        else:
            span = spans[i]
            answer = (id(slots[i]), -1 if span is None else span.first)
        answers.append(answer)
        weight[answer] = weight.get(answer, 0.0) + probabilities[i]
    # Ties go to the earlier option: the heaviest answer met first, its likeliest option first.
    top = max(weight.values())
    heaviest = next(answer for answer in answers if weight[answer] == top)
    best, best_probability = -1, -1.0
    for i, answer in zip(ordered, answers, strict=True):
        if answer == heaviest and probabilities[i] > best_probability:
            best, best_probability = i, probabilities[i]
    return best


def _likeliest_allowed(
    finder: QuoteFinder,
    decision: Decision,
    probabilities: list[float],
    candidate: Candidate,
    carried: Sequence[Entity | None],
) -> int:
    """The ``likeliest`` option that is not a phrase the rules refuse (``_refused``). The
    rankers are trained with such phrases among the wrong options, but weigh their first word's
    class with every other feature; no checked speaker is such a phrase, so here it is a rule."""
    allowed = [i for i, span in enumerate(decision.spans) if span is None or not _refused(finder, candidate, span)]
    return likeliest(decision, probabilities, allowed, carried)


def _refused(finder: QuoteFinder, candidate: Candidate, span: SpeakerPhrase) -> bool:
    """A phrase that names no speaker of ``candidate``: one opening with a word no speaker
    starts with (a preposition opening a topic: ``وحول مصير الموظفين أضاف``; a negation: ``ليس
    الغبي``; whom the verb addresses: ``قال له``; see ``no_speaker.opens_no_speaker``) or ending
    with one none ends with (``سياسي يمني لرويترز``), or who relays the quote (``_relays``)."""
    return _names_no_speaker(finder, span) or _relays(finder, candidate, span)


def _relays(finder: QuoteFinder, candidate: Candidate, span: SpeakerPhrase) -> bool:
    """Is ``span`` who relays the quote rather than who said it? In ``نقلت الوكالة عن مصدر
    عسكري قوله`` the speaker is the source the rules read after عن (the guideline's rule), not
    the relay verb's subject before it in the sentence."""
    cue, source = candidate.cue, candidate.phrase
    if cue is None or source is None or not is_relay_object(finder.tokens[cue.first]):
        return False
    return finder.sentence_start(source.first) <= span.first and span.last < source.first


def _names_no_speaker(finder: QuoteFinder, span: SpeakerPhrase) -> bool:
    """A phrase that opens with a word no speaker starts with or ends with one none ends with
    (``no_speaker.opens_no_speaker``, ``no_speaker.ends_no_speaker``), or runs on into the
    verb's object or into the source a relay verb cites (``no_speaker.runs_past_demonstrative``,
    ``no_speaker.runs_into_relayed_source``)."""
    tokens = finder.tokens
    return (
        _opens_no_speaker(finder, span.first)
        or ends_no_speaker(tokens[span.last])
        or runs_past_demonstrative(tokens, span.first, span.last)
        or runs_into_relayed_source(tokens, span.first, span.last)
    )


def _opens_no_speaker(finder: QuoteFinder, index: int) -> bool:
    """``opens_no_speaker`` of token ``index``, which also reads how the word is written."""
    token = finder.tokens[index]
    return opens_no_speaker(token, finder.text[token.start : token.end], finder.tokens[index - 1] if index > 0 else None)


# Training --------------------------------------------------------------------------------------
def gold_name_sets(speaker: str | None, aliases: Iterable[str]) -> frozenset[str]:
    """Every folded form a checked speaker goes by (an empty set: the quote has no speaker)."""
    if speaker is None:
        return frozenset()
    return frozenset({name_key(speaker)} | {name_key(a) for a in aliases})


@dataclass
class SpeakerTraining:
    """Questions for the mention ranker (which span of a slot) and for the attribution ranker
    (which slot), with the answers a person checked."""

    mention: list[Question]
    attribution: list[Question]


class Labeller:
    """Which spans and slots name a quote's checked speaker."""

    def __init__(self, finder: QuoteFinder, gold_names: Sequence[frozenset[str] | bool]) -> None:
        self.finder = finder
        self.gold_names = gold_names
        self._canonical: dict[tuple[int, int], str] = {}

    def spans_right(self, spans: Sequence[SpeakerPhrase], names: frozenset[str]) -> list[bool]:
        """Which of one slot's spans are right: those written as one of the speaker's names if
        any is; otherwise those that would be named right (a title and a name: العميد فلان)."""
        exact = [self.span_is_written_right(p, names) for p in spans]
        if any(exact):
            return exact
        return [self.span_is_right(p, names) for p in spans]

    def span_is_written_right(self, phrase: SpeakerPhrase, names: frozenset[str]) -> bool:
        return bool(names) and bool(_span_names(self.finder.text[phrase.start : phrase.end]) & names)

    def span_is_right(self, phrase: SpeakerPhrase, names: frozenset[str]) -> bool:
        if not names:
            return False
        if self.span_is_written_right(phrase, names):
            return True
        # What the output would be named: the mention's name part without its title (العميد …).
        key = (phrase.first, phrase.last)
        if key not in self._canonical:
            self._canonical[key] = SpeakerResolver(self.finder.tk).entity_for(phrase).canonical
        canonical = self._canonical[key]
        return bool(canonical) and name_key(canonical) in names

    def slot_is_right(self, slot: Slot, names: frozenset[str], position: int) -> bool:
        if slot.source == "none":
            return not names
        if slot.source == "carry":
            earlier = self.gold_names[position - slot.back]
            return bool(names) and isinstance(earlier, frozenset) and bool(earlier & names)
        return any(self.span_is_right(p, names) for p in slot.spans)


def speaker_training(
    finder: QuoteFinder,
    candidates: Sequence[Candidate],
    gold_names: Sequence[frozenset[str] | bool],
    stats: WordStats,
    mention: Ranker | None = None,
) -> SpeakerTraining:
    """Training questions for the quotes that match a checked quote.

    ``gold_names[k]`` holds, for candidate ``k``, the folded names of its checked quote's
    speaker (empty: no speaker), or ``False`` when it matches no checked quote. Attribution
    questions need each slot's best span, so they are built only when a ``mention`` ranker is
    given (trained on mention questions first).
    """
    builder = SlotBuilder(finder, stats)
    labeller = Labeller(finder, gold_names)
    training = SpeakerTraining([], [])
    for position, names in enumerate(gold_names):
        if names is False:
            continue
        assert isinstance(names, frozenset)
        if mention is None:
            for slot in builder.slots(candidates, position):
                if len(slot.spans) > 1:
                    right = labeller.spans_right(slot.spans, names)
                    training.mention.append(Question(builder.slot_span_features(slot), right))
            continue
        decision = decide(builder, mention, candidates, position)
        right = [
            labeller.slot_is_right(slot, names, position) if span is None else labeller.span_is_right(span, names)
            for slot, span in zip(decision.slots, decision.spans, strict=True)
        ]
        training.attribution.append(Question(decision.described(), right))
    return training


def occurrence_questions(finder: QuoteFinder, name_sets: Iterable[frozenset[str]], stats: WordStats) -> list[Question]:
    """Mention questions at every place the article names a checked speaker, quoted or not.

    A speaker's names (canonical and aliases) written anywhere in the article show where noun
    phrases of that kind end (``ممثل سوريا لدى الأمم المتحدة``); each place, with every other
    end its words allow, is one more question for the mention ranker.
    """
    builder = SlotBuilder(finder, stats)
    labeller = Labeller(finder, [])
    by_first: dict[str, list[frozenset[str]]] = {}
    for names in name_sets:
        for name in names:
            words = name.split()
            if words:
                by_first.setdefault(words[0], []).append(names)
    questions = []
    tokens = finder.tokens
    for index, token in enumerate(tokens):
        candidates = by_first.get(token.norm)
        if not candidates or not token.is_word:
            continue
        slot = Slot("occurrence", [builder.phrase(index, end) for end in builder.ends_from(index, finder.sentence_end(index))])
        if len(slot.spans) < 2:
            continue
        for names in dict.fromkeys(candidates):
            right = labeller.spans_right(slot.spans, names)
            if any(right):
                questions.append(Question(builder.slot_span_features(slot), right))
                break
    return questions


def _span_names(text: str) -> set[str]:
    """A span's text as a name, also without quotation marks or a glued preposition
    (``لوزارة`` → ``وزارة``, ``للمتحدث`` → ``المتحدث``)."""
    keys = {name_key(text), name_key("".join(c for c in text if c not in _QUOTE_MARKS))}
    for key in list(keys):
        if key[:1] in ("ل", "ب", "و") and len(key) > 3:
            keys.add(key[1:])
            if key.startswith("لل"):
                keys.add("ا" + key[1:])
    return keys
