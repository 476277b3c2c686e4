"""Cues (reporting verbs and according-to phrases) and the speaker phrases they govern.

Both are token spans of one tokenized article; ``Cue.form`` says what the lexicon knows of a
reporting verb (its lemma, class, tense, gender and number), ``None`` for a phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.annotator import lexicon
from core.annotator.lexicon import CueForm
from core.annotator.tokens import Token, TokenizedText


# Cues and speaker phrases are made by the thousand per article (every verb the quote rules try,
# every end a speaker mention could have): plain slotted dataclasses, compared and hashed by
# value like frozen ones, but built without a frozen dataclass's ``object.__setattr__`` per
# field (a hundredth of annotating). Treat them as read-only, like ``Token``.
@dataclass(slots=True, unsafe_hash=True)
class Cue:
    """A reporting verb or phrase found in the text."""

    first: int  # token indices, inclusive
    last: int
    form: CueForm | None
    text_start: int
    text_end: int
    came_in: bool = False  # "جاء في البيان"

    @property
    def is_participle(self) -> bool:
        return self.form is not None and self.form.tense == "participle"


@dataclass(slots=True, unsafe_hash=True)
class SpeakerPhrase:
    """Tokens ``first``..``last`` (inclusive) naming a speaker; ``start``/``end`` are offsets."""

    first: int
    last: int
    start: int
    end: int


def cue_form(token: Token) -> CueForm | None:
    """What the lexicon knows of ``token`` as a reporting verb, or ``None``."""
    if not token.is_word:
        return None
    return lexicon.cue_forms().get(token.norm)


def according_to_at(tokenized: TokenizedText, index: int) -> int:
    """Length in tokens of an according-to phrase (بحسب، وفقا لـ …) starting at ``index``, or 0."""
    tokens = tokenized.tokens
    candidates = lexicon.according_to_index().get(tokens[index].norm)
    if not candidates:
        return 0
    for parts in candidates:
        if index + len(parts) > len(tokens):
            continue
        if all(tokens[index + k].norm == part for k, part in enumerate(parts)):
            return len(parts)
        # "وفقا لـX" folds to "وفقا لX": the last word may be glued to the source.
        if len(parts) >= 2 and parts[-1] == "ل":
            head = parts[:-1]
            if all(tokens[index + k].norm == part for k, part in enumerate(head)):
                nxt = index + len(head)
                if nxt < len(tokens) and tokens[nxt].norm.startswith("ل") and len(tokens[nxt].norm) > 2:
                    return len(head)
    return 0


def name_after_verb(tokens: list[Token], index: int) -> bool:
    """``قال نافين جين إن``: a plural participle right after a singular finite reporting verb
    cannot describe its subject; it is the subject's name (نافين, not "denying")."""
    form = cue_form(tokens[index]) if 0 < index < len(tokens) else None
    if form is None or form.tense != "participle" or not form.plural:
        return False
    before = cue_form(tokens[index - 1])
    return before is not None and before.tense in ("past", "imperfect") and not before.plural


def is_relay_object(token: Token) -> bool:
    """``قوله``, ``تأكيده``: the object of a relayed report (نقلت الوكالة عن الوزير قوله)."""
    return token.norm in lexicon.words("relay_objects")
