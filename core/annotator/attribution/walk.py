"""The state of a walk over the words after a cue, which the speaker-phrase rules advance.

A walk stands on one token at a time. It has taken ``first``..``last`` into the phrase so far
and knows what the phrase is at that point (``state``):

* ``""`` — nothing taken yet;
* ``"role"`` — titles and their complements (``المتحدث باسم الخارجية``);
* ``"name"`` — a person's name: given names, then at most one definite surname;
* ``"anon"`` — an anonymous source (``مصادر مطلعة``, ``مسؤول في وزارة الحج``);
* ``"np"`` — a descriptive noun phrase opened by a definite word (``الجانب الروسي``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Literal

from core.annotator.tokens import Token, TokenizedText

MAX_SPEAKER_TOKENS = 9

PhraseState = Literal["", "role", "name", "anon", "np"]


class Step(Enum):
    """What a rule decided about the token the walk stands on."""

    NEXT = "next"  # the rule took or skipped it (and moved the walk on): look at the next token
    END = "end"  # the phrase ends here (at ``last``, which the rule may have moved)
    NOTHING = "nothing"  # the cue has no speaker phrase after it at all


@dataclass(slots=True)
class PhraseWalk:
    """Where the walk stands and what it has taken; ``limit`` is one past the last token it may read."""

    tokenized: TokenizedText
    tokens: list[Token]
    cue_last: int
    limit: int
    first: int
    index: int
    last: int = -1
    state: PhraseState = ""
    name_words: int = 0  # given-name words taken (name particles do not count)
    surname_done: bool = False  # a definite surname (or a quoted name) closed the name
    expect_complement: bool = False  # an indefinite title wants its complement (مدير عام الشركة)

    @classmethod
    def after(cls, tokenized: TokenizedText, cue_last: int, limit: int) -> PhraseWalk:
        """A walk starting right after the cue's last token, reading up to ``limit``."""
        tokens = tokenized.tokens
        return cls(tokenized, tokens, cue_last, min(limit, len(tokens)), cue_last + 1, cue_last + 1)

    @property
    def started(self) -> bool:
        """Has the phrase taken a token yet?"""
        return self.last >= self.first

    @property
    def previous(self) -> Token:
        """The last token taken (meaningful once ``started``)."""
        return self.tokens[self.last]

    def ahead(self) -> Token | None:
        """The token after the current one, if the walk may read it."""
        return self.tokens[self.index + 1] if self.index + 1 < self.limit else None

    def written(self, token: Token) -> str:
        """``token`` as written in the stored text (not folded)."""
        return self.tokenized.text[token.start : token.end]

    def take(self) -> Step:
        """The current token belongs to the phrase; go on."""
        self.last = self.index
        self.index += 1
        return Step.NEXT

    def skip(self) -> Step:
        """Step over the current token without taking it (it may still sit inside the phrase)."""
        self.index += 1
        return Step.NEXT

    def restart_at(self, index: int) -> Step:
        """Nothing taken yet: let the phrase begin at ``index`` instead."""
        self.index = index
        self.first = index
        return Step.NEXT

    def become(self, state: PhraseState, *, name_words: int | None = None, surname_done: bool | None = None) -> None:
        """Read on as ``state``, resetting the name counters a rule names (others are kept)."""
        if name_words is not None:
            self.name_words = name_words
        if surname_done is not None:
            self.surname_done = surname_done
        self.state = state


# A rule decides about the token the walk stands on, or returns None to leave it to the next.
Rule = Callable[[PhraseWalk, Token], Step | None]
