"""Subjects found by position: before a name-first cue, before a relative pronoun, at the
start of the sentence, as the topic after ``أما``, or as the source of a relay.

Arabic news is mostly verb-first (``وقال دميتري بيسكوف الناطق … :``, see ``phrase.py``), but a
subject also stands before its verb (``لكن الناطق … قال إن``), opens the sentence before a
participle (``لكن وزير التجارة … قلل …، قائلا``), is the topic of the sentence (``أما الدكتور
فلان، مدير …، فيقول:``) or the source a relay cites (``نقلت الوكالة عن فلان قوله``).
"""

from __future__ import annotations

from core.annotator import lexicon
from core.annotator.attribution.cues import Cue, SpeakerPhrase, cue_form
from core.annotator.attribution.phrase import speaker_after
from core.annotator.attribution.walk import MAX_SPEAKER_TOKENS
from core.annotator.lexicon import CueForm
from core.annotator.tokens import Token, TokenizedText
from core.annotator.word_classes import (
    AUXILIARIES,
    CLAUSE_OPENERS,
    CONNECTIVES,
    NAME_PARTICLES,
    NO_SUBJECT_AFTER,
    RELATIVE_PRONOUNS,
    TOPIC_MARKERS,
    is_adjective,
    is_definite,
    is_stop,
    opens_with_preposition,
    that_forms,
)


def speaker_before(tokenized: TokenizedText, cue_first: int, bound: int) -> SpeakerPhrase | None:
    """A name-first subject right before the cue (``الناطق … قال``, ``كيري قد قال``), or ``None``."""
    tokens = tokenized.tokens
    text = tokenized.text
    index = cue_first - 1
    while index >= bound and tokens[index].norm in AUXILIARIES:
        index -= 1
    last = index
    while index >= bound and last - index < MAX_SPEAKER_TOKENS:
        token = tokens[index]
        opening = tokenized.name_spans.get(index)
        if opening is not None and opening < index and opening > bound:
            index = opening - 1  # موقع “غازيتا رو” نشر
            continue
        opens_clause = not token.is_word or token.norm in CLAUSE_OPENERS or is_stop(token)
        if opens_clause and not (token.norm == "من" and index > bound and tokens[index - 1].norm in lexicon.words("quantifiers")):
            break  # the clause starts here (but "كثير من الخبراء قالوا" goes on over من)
        if index < last and "\n" in text[token.end : tokens[index + 1].start]:
            break
        index -= 1
    first = index + 1
    if first > last:
        return None
    if first - 1 >= bound and tokens[first - 1].norm in RELATIVE_PRONOUNS and _agrees_with_relative(tokens[first - 1].norm, cue_form(tokens[cue_first])):
        first -= 1  # "لكن الذين يعيشون خارج مجتمعه رأوا أن": those who …
    # The subject must open its clause: the sentence start or a connective before it.
    if first > bound and tokens[first - 1].is_word and (
        tokens[first - 1].norm not in CLAUSE_OPENERS or tokens[first - 1].norm in NO_SUBJECT_AFTER
    ):
        return None
    first = _skip_conjunction(tokens, first, last)
    start = tokens[first].start
    if tokens[first].norm.startswith("و") and _strip_waw(tokens[first].norm):
        start += 1
    return SpeakerPhrase(first, last, start, tokens[last].end)


def relative_antecedent(tokenized: TokenizedText, cue_first: int, bound: int) -> SpeakerPhrase | None:
    """``وليد المعلم الخميس، الذي أعلن أن`` / ``العسكريين الذين اعتمد …، ادعوا أنهم``.

    The subject of a cue right after a relative pronoun — or after a comma that closes a relative
    clause — is the noun phrase before the relative pronoun.
    """
    tokens = tokenized.tokens
    j = cue_first - 1
    if j >= bound and tokens[j].norm in ("،", ","):
        # A relative clause closed by a comma: find its pronoun within a few words.
        k = j - 1
        while k >= bound and j - k <= 12 and tokens[k].norm not in RELATIVE_PRONOUNS:
            if tokens[k].is_sentence_end or tokens[k].norm in (":",):
                return None
            k -= 1
        if k < bound or tokens[k].norm not in RELATIVE_PRONOUNS:
            return None
        if not _agrees_with_relative(tokens[k].norm, cue_form(tokens[cue_first])):
            return None  # "علي دوابشة، الذين أصيبوا …، وقال": the relative clause is not the subject
        j = k
    elif j < bound or tokens[j].norm not in RELATIVE_PRONOUNS:
        return None
    k = j - 1
    while k >= bound and (tokens[k].norm in ("،", ",") or tokens[k].norm in lexicon.words("time_words")):
        k -= 1
    last = k
    while k >= bound and last - k < MAX_SPEAKER_TOKENS and tokens[k].is_word and tokens[k].norm not in CLAUSE_OPENERS and not is_stop(tokens[k]):
        k -= 1
    first = k + 1
    if first > last:
        return None
    return SpeakerPhrase(first, last, tokens[first].start, tokens[last].end)


def _agrees_with_relative(relative: str, form: CueForm | None) -> bool:
    """Number and gender of a verb whose subject would be the antecedent of ``relative``."""
    if form is None or form.tense == "noun":
        return True
    if relative in ("الذين", "اللذين"):
        return form.plural
    if relative == "الذي":
        return not form.plural and not form.feminine
    return True  # التي: a woman, or a plural of things with a feminine singular verb


def _strip_waw(norm: str) -> bool:
    """``والحكومة`` → ``الحكومة``, ``وأحد`` → ``أحد``; names such as ``وليد`` keep their و."""
    rest = norm[1:]
    return rest.startswith("ال") or rest in lexicon.titles() or rest in lexicon.anonymous_heads()


def _skip_conjunction(tokens: list[Token], first: int, last: int) -> int:
    while first < last and tokens[first].norm in ("و", "ف"):
        first += 1
    return first


def sentence_subject(tokenized: TokenizedText, sentence_start: int, limit: int) -> SpeakerPhrase | None:
    """``لكن وزير التجارة الأمريكي ويلبور روس قلل …، قائلا``: a sentence that opens (after a
    connective) with a title, an organisation or an anonymous source names its subject."""
    tokens = tokenized.tokens
    index = sentence_start
    while index < limit and tokens[index].norm in CONNECTIVES:
        index += 1
    if index >= limit or not tokens[index].is_word or opens_with_preposition(tokens[index]):
        return None  # "وفي عدد يونيو 1997 نشرت مجلة التايم": the preposition's object is no subject
    head = tokens[index].norm
    head = head[1:] if head.startswith("و") and (head[1:] in lexicon.titles() or head[1:].startswith("ال")) else head
    if head not in lexicon.titles() and head not in lexicon.anonymous_heads():
        # Verb-first with a verb we do not know ("وانتقد نائب رئيس اللجنة …"): the subject
        # after it, when that subject starts with a title or an organisation.
        nxt = tokens[index + 1] if index + 1 < limit else None
        if nxt is None or not nxt.is_word:
            return None
        after = nxt.norm[1:] if nxt.norm.startswith("و") and nxt.norm[1:] in lexicon.titles() else nxt.norm
        if after not in lexicon.titles() and after not in lexicon.anonymous_heads():
            return None
        return speaker_after(tokenized, index, limit)
    return _without_swallowed_verb(tokenized, speaker_after(tokenized, index - 1, limit), limit)


def _without_swallowed_verb(tokenized: TokenizedText, phrase: SpeakerPhrase | None, limit: int) -> SpeakerPhrase | None:
    """``وزير التجارة الأمريكي ويلبور روس قلل من …``: a sentence-initial subject is followed by
    its verb, so a third indefinite name word right before a preposition is that verb."""
    if phrase is None:
        return None
    tokens = tokenized.tokens
    last_norm = tokens[phrase.last].norm
    if (
        is_definite(last_norm)
        and not is_adjective(last_norm)
        and last_norm not in lexicon.titles()
        and last_norm not in lexicon.words("compound_name_seconds")
        and phrase.last - 2 >= phrase.first
    ):
        # "… لودريان رفض الفكرة، قائلا": a definite object after the verb; a family name would
        # be a nisba (محمد سعيد الغامدي).
        k = phrase.last - 1
        names = 0
        while k >= phrase.first and tokens[k].is_word and not is_definite(tokens[k].norm) and tokens[k].norm not in lexicon.titles():
            if tokens[k].norm in NAME_PARTICLES:
                return phrase
            names += 1
            k -= 1
        if names >= 2:
            last = phrase.last - 2
            return SpeakerPhrase(phrase.first, last, phrase.start, tokens[last].end)
    nxt = phrase.last + 1
    if nxt >= limit:
        return phrase
    object_after = is_definite(tokens[nxt].norm) and not is_adjective(tokens[nxt].norm)  # "… لودريان تناول الفكرة"
    if tokens[nxt].norm not in lexicon.words("verb_prepositions") and not object_after:
        return phrase
    trailing = 0
    k = phrase.last
    while k >= phrase.first and tokens[k].is_word and not is_definite(tokens[k].norm) and tokens[k].norm not in lexicon.titles():
        if tokens[k].norm in NAME_PARTICLES:
            return phrase
        trailing += 1
        k -= 1
    if trailing < 3:
        return phrase
    last = phrase.last - 1
    return SpeakerPhrase(phrase.first, last, phrase.start, tokens[last].end)


def topic_subject(tokenized: TokenizedText, sentence_start: int, cue_first: int) -> SpeakerPhrase | None:
    """``أما X، …، فيقول``: the topic X of the sentence (up to the first comma or stop)."""
    tokens = tokenized.tokens
    start = sentence_start
    while start < cue_first and tokens[start].norm in ("و", "ف"):
        start += 1
    if start >= cue_first or tokens[start].norm not in TOPIC_MARKERS:
        return None
    first = start + 1
    index = first
    last = first - 1
    while index < cue_first and index - first < MAX_SPEAKER_TOKENS:
        token = tokens[index]
        closing = tokenized.name_spans.get(index)
        if closing is not None and closing > index and index > first:
            last = closing  # "أما صحيفة «لاناسيون» فقالت"
            index = closing + 1
            continue
        if not token.is_word or (index > first and (is_stop(token) or token.norm in ("ف",) or _answers_topic(token))):
            break
        last = index
        index += 1
    if last < first:
        return None
    return SpeakerPhrase(first, last, tokens[first].start, tokens[last].end)


def _answers_topic(token: Token) -> bool:
    """``أما رسول الحق فقد ردّ``: the ف that answers أما, on an auxiliary, a complementiser or a
    reporting verb, ends the topic (names such as فهد keep their ف)."""
    norm = token.norm
    if not norm.startswith("ف") or len(norm) < 3:
        return False
    rest = norm[1:]
    return rest in AUXILIARIES or rest in ("ان", "انه", "انها", "انهم", "ان") or cue_form(token) is not None


# After the source, what opens the relayed words: أن، بأن، أنه … (``نقل X عن Y أن``).
_RELAYED_THAT = that_forms()


def relay_source(tokenized: TokenizedText, cue: Cue, limit: int) -> tuple[SpeakerPhrase, Cue] | None:
    """``نقلت X عن Y قوله``: the source Y and the cue ``قوله``; ``نقل X عن Y أن``: the source Y
    and the relay verb's cue."""
    tokens = tokenized.tokens
    for index in range(cue.last + 1, min(limit, len(tokens), cue.last + 16)):
        if tokens[index].norm == "عن":
            # up to ``limit`` itself: an indirect quote's limit is its أن
            for end in range(index + 1, min(limit + 1, len(tokens), index + 24)):
                if tokens[end].is_sentence_end:
                    return None
                if tokens[end].norm in lexicon.words("relay_objects") or tokens[end].norm in _RELAYED_THAT:
                    if end == index + 1:
                        return None
                    last = end - 1
                    for k in range(index + 1, end):
                        if tokens[k].norm in ("،", ","):
                            last = k - 1  # "عن أميت جاين، رئيس خدمة «أوبر» …، قوله"
                            break
                    while last > index + 1 and not tokens[last].is_word:
                        last -= 1
                    phrase = SpeakerPhrase(index + 1, last, tokens[index + 1].start, tokens[last].end)
                    cue_index = end
                    if tokens[end].norm in _RELAYED_THAT:
                        # "روى مسلم عن ابن سيرين أنه قال": the cue is the verb after أنه, if any.
                        nxt = end + 1
                        if nxt < len(tokens) and cue_form(tokens[nxt]) is not None:
                            cue_index = nxt
                        else:
                            return phrase, cue
                    relay = Cue(cue_index, cue_index, cue_form(tokens[cue_index]), tokens[cue_index].start, tokens[cue_index].end)
                    return phrase, relay
            return None
    return None
