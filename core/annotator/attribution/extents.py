"""Look-ahead for the speaker-phrase rules: how far a role, a place or an affiliation runs.

Each function reads a few tokens past the one the walk stands on and returns the index where
what it recognised ends (or resumes), or ``None`` when it does not recognise it.
"""

from __future__ import annotations

from core.annotator import lexicon
from core.annotator.tokens import Token, TokenizedText
from core.annotator.word_classes import (
    is_adjective,
    is_complementizer,
    is_definite,
    is_personal_name_word,
    is_stop,
    opens_report,
)


def closing_parenthesis(tokens: list[Token], index: int, limit: int) -> int | None:
    """Index of the ``)`` closing a short run of words opened at ``index``, or ``None``."""
    for k in range(index + 1, min(limit, index + 8)):
        if tokens[k].norm == ")":
            return k if k > index + 1 else None
        if not tokens[k].is_word:
            return None
    return None


def role_resumes(tokens: list[Token], start: int, limit: int, titles: frozenset[str]) -> int | None:
    """``مدير الشراكة الطبية في جامعة الملك سعود الدكتور عبد الله الصقعبي``: after ``في`` and a
    short place or institution, an honorific or title brings the name; return its index."""
    for index in range(start, min(limit, start + 6)):
        token = tokens[index]
        if not token.is_word:
            return None
        if index > start and token.norm in titles and token.norm.startswith("ال"):
            return index
        if is_stop(token):
            return None
    return None


def name_closing_role(tokenized: TokenizedText, start: int, limit: int) -> int | None:
    """A role's ``في`` phrase that runs to the clause's complementiser and ends in a personal name
    right after a definite word (``في الدفاع عن حقوق الإنسان فياتشيسلاف باتشكوف أنه``): the index
    of the name's last word, or ``None``.

    The name is two or three indefinite words with no nisba ending and no pronoun, so ``في مؤتمر
    صحفي`` or ``في كلمة ألقاها`` are no names; after ``لوكالة``/``مع`` (``لوكالة فرانس برس``) the words
    name the addressee, not the speaker, and a definite word must come right before the name.
    """
    tokens = tokenized.tokens
    if limit - start > 10 or limit >= len(tokens) or not is_complementizer(tokens[limit]):
        return None
    end = limit - 1
    if end >= start and tokens[end].norm in ("،", ","):
        end -= 1
    if any(not tokens[k].is_word for k in range(start, end + 1)):
        return None
    first = end
    while first > start and end - first < 2 and is_personal_name_word(tokenized, tokens[first - 1]):
        first -= 1
    if not is_personal_name_word(tokenized, tokens[end]):
        return None
    while first <= end and not is_personal_name_word(tokenized, tokens[first]):
        first += 1
    if end - first < 1 or first - 1 < start:
        return None
    before = tokens[first - 1].norm
    if not is_definite(before) or before in lexicon.organisation_heads():
        return None
    return end


def comma_after_place(tokens: list[Token], start: int, limit: int) -> int | None:
    """Index of a comma closing a short place phrase after ``في`` (hashtags allowed)."""
    for index in range(start, min(limit, start + 7)):
        token = tokens[index]
        if token.norm in ("،", ","):
            return index if index > start else None
        if token.is_word and (is_stop(token) and token.norm != "في"):
            return None
        if not token.is_word and token.norm not in ("#", "_", "-"):
            return None
    return None


def affiliation_end(tokens: list[Token], start: int, limit: int) -> int | None:
    """``في وزارة الحج``: up to three words of an affiliation after an anonymous source."""
    last = None
    for index in range(start, min(limit, start + 3)):
        token = tokens[index]
        if not token.is_word or is_stop(token):
            break
        if last is not None and is_definite(tokens[last].norm) and is_definite(token.norm) and not is_adjective(token.norm):
            break  # "مسؤول في الوزارة الصحيفة": a definite noun takes no definite genitive
        last = index
    return last


def apposition_name(tokenized: TokenizedText, first: int, stop: int, limit: int) -> int | None:
    """``وقال رئيس مركز "أسبار" للدراسات، الدكتور فهد الحارثي:``: a role, then the name.

    When the phrase so far is a role (it starts with a title) and it stops at a quoted name or a
    comma, the words after up to a colon or complementiser may carry the person's name: include
    them when they start with a title or honorific and stay short.
    """
    tokens = tokenized.tokens
    titles = lexicon.titles()
    head = tokens[first].norm
    if head not in titles and (head[1:] if head.startswith("و") else head) not in titles:
        return None
    index = stop
    budget = 14
    while index < limit and budget > 0:
        token = tokens[index]
        if token.norm == ":" or opens_report(token):
            last = index - 1
            while last > first and not tokens[last].is_word:
                last -= 1
            return last if last >= stop else None
        if token.is_sentence_end or token.is_digit:
            return None
        if token.is_word and token.norm in lexicon.cue_forms():
            return None
        index += 1
        budget -= 1
    if index >= limit and budget > 0 and limit < len(tokens):
        # The clause's own limit (its complementiser or quotation) ends the apposition.
        nxt = tokens[limit]
        if nxt.is_quote_mark or opens_report(nxt):
            last = limit - 1
            while last > first and not tokens[last].is_word:
                last -= 1
            return last if last >= stop else None
    return None
