"""Attribution: reporting verbs (cues) and the speaker phrase they govern.

Arabic news is mostly verb-first (``وقال دميتري بيسكوف الناطق … :``), sometimes name-first
(``لكن الناطق … قال إن``), with pro-drop continuations (``وأضاف:``, ``مشيرا إلى أن``) and relays
(``نقلت الوكالة عن فلان قوله``). The speaker phrase after a cue ends at the first word that starts
the rest of the clause: a preposition, a time word, a complementiser, punctuation or a quotation
mark (``resources/lexicons/speaker_stops.txt``).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.annotator import lexicon
from core.annotator.lexicon import CueForm
from core.annotator.tokens import Token, TokenizedText

MAX_SPEAKER_TOKENS = 9
_PRONOUN_SUBJECTS = frozenset({"هو", "هي", "هم", "هما", "انا", "نحن", "انت", "انتم"})
_CLAUSE_OPENERS = frozenset(
    {"لكن", "ولكن", "كما", "ثم", "و", "ف", "بينما", "فيما", "حين", "اذ", "وقد", "قد", "لقد", "فقد", "كان", "وكان", "كانت", "وكانت", "بدوره", "بدورها", "اما", "واما", "ان", "بل", "حيث", "او", "اي", "ما", "لم", "لن", "لا", "من", "في", "على", "الى", "عن"}
)
_RELAY_OBJECTS = frozenset({"قوله", "قولها", "قولهم", "قولهما", "قولهن", "تاكيده", "تاكيدها", "تصريحه"})


@dataclass(frozen=True)
class Cue:
    """A reporting verb or phrase found in the text."""

    first: int  # token indices, inclusive
    last: int
    form: CueForm | None
    text_start: int
    text_end: int

    @property
    def is_participle(self) -> bool:
        return self.form is not None and self.form.tense == "participle"


@dataclass(frozen=True)
class SpeakerPhrase:
    first: int
    last: int
    start: int
    end: int


def cue_form(token: Token) -> CueForm | None:
    if not token.is_word:
        return None
    return lexicon.cue_forms().get(token.norm)


def according_to_at(tokenized: TokenizedText, index: int) -> int:
    """Length in tokens of an according-to phrase (بحسب، وفقا لـ …) starting at ``index``, or 0."""
    tokens = tokenized.tokens
    for phrase in lexicon.according_to_phrases():
        parts = phrase.split()
        if index + len(parts) > len(tokens):
            continue
        if all(tokens[index + k].norm == part for k, part in enumerate(parts)):
            # "وفقا ل" + attached word: the ل token is separate only when followed by tatweel.
            return len(parts)
        # "وفقا لـX" folds to "وفقا لX": accept a last token starting with the last part.
        if len(parts) >= 2 and parts[-1] in ("ل",):
            head = parts[:-1]
            if all(tokens[index + k].norm == part for k, part in enumerate(head)):
                nxt = index + len(head)
                if nxt < len(tokens) and tokens[nxt].norm.startswith("ل") and len(tokens[nxt].norm) > 2:
                    return len(head)
    return 0


def is_stop(token: Token) -> bool:
    """Does ``token`` end a speaker phrase?"""
    if not token.is_word:
        return True
    norm = token.norm
    if norm in lexicon.speaker_stops() or norm in lexicon.complementizers():
        return True
    if token.is_digit or norm[:1].isdigit():
        return True
    if norm in lexicon.cue_forms() and lexicon.cue_forms()[norm].tense != "noun":
        return True
    if norm.startswith(("وان", "بان", "لان")) and len(norm) <= 6:
        return True
    return False


def speaker_after(tokenized: TokenizedText, cue_last: int, limit: int) -> SpeakerPhrase | None:
    """The noun phrase right after a verb-first cue, up to the first stop (``None`` if empty)."""
    tokens = tokenized.tokens
    first = cue_last + 1
    index = first
    text = tokenized.text
    while index < min(limit, len(tokens)) and index - first < MAX_SPEAKER_TOKENS:
        token = tokens[index]
        if not token.is_word:
            # "د." inside a name, hyphenated names: keep going over a dot after one letter.
            if token.norm == "." and index > first and len(tokens[index - 1].norm) <= 2:
                index += 1
                continue
            if token.norm in ("(", ")") and index > first:
                break
            break
        if index > first and is_stop(token):
            break
        if index == first and (is_stop(token) or token.norm in _PRONOUN_SUBJECTS):
            return None
        if index > first and "\n" in text[tokens[index - 1].end : token.start]:
            break
        index += 1
    if index == first:
        return None
    return SpeakerPhrase(first, index - 1, tokens[first].start, tokens[index - 1].end)


def speaker_before(tokenized: TokenizedText, cue_first: int, bound: int) -> SpeakerPhrase | None:
    """A name-first subject right before the cue (``الناطق … قال``), or ``None``."""
    tokens = tokenized.tokens
    index = cue_first - 1
    last = index
    text = tokenized.text
    while index >= bound and last - index < MAX_SPEAKER_TOKENS:
        token = tokens[index]
        if not token.is_word or token.norm in _CLAUSE_OPENERS or is_stop(token):
            break
        if "\n" in text[token.end : tokens[index + 1].start]:
            break
        index -= 1
    first = index + 1
    if first > last:
        return None
    # A name-first subject starts with a definite word, a title or a capitalised-like name;
    # drop leading particles such as "وكانت" which the loop already excludes.
    return SpeakerPhrase(first, last, tokens[first].start, tokens[last].end)


def relay_source(tokenized: TokenizedText, cue: Cue, limit: int) -> tuple[SpeakerPhrase, Cue] | None:
    """``نقلت X عن Y قوله``: the source Y and the cue ``قوله``."""
    tokens = tokenized.tokens
    for index in range(cue.last + 1, min(limit, len(tokens), cue.last + 16)):
        if tokens[index].norm == "عن":
            for end in range(index + 1, min(limit, len(tokens), index + 1 + MAX_SPEAKER_TOKENS + 1)):
                if tokens[end].norm in _RELAY_OBJECTS:
                    if end == index + 1:
                        return None
                    phrase = SpeakerPhrase(index + 1, end - 1, tokens[index + 1].start, tokens[end - 1].end)
                    relay = Cue(end, end, None, tokens[end].start, tokens[end].end)
                    return phrase, relay
                if not tokens[end].is_word and tokens[end].norm not in ("-",):
                    break
            return None
    return None


def is_relay_object(token: Token) -> bool:
    return token.norm in _RELAY_OBJECTS
