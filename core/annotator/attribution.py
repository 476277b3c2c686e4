"""Attribution: reporting verbs (cues) and the speaker phrase they govern.

Arabic news is mostly verb-first (``وقال دميتري بيسكوف الناطق … :``), sometimes name-first
(``لكن الناطق … قال إن``), with pro-drop continuations (``وأضاف:``, ``مشيرا إلى أن``), topics
(``أما الدكتور فلان، مدير …، فيقول:``) and relays (``نقلت الوكالة عن فلان قوله``). The speaker
phrase after a cue ends at the first word that starts the rest of the clause: a preposition, a
time word, a demonstrative, a complementiser, punctuation or a quotation mark
(``resources/lexicons/speaker_stops.txt``), or an object after a complete name.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from core.annotator import lexicon
from core.annotator.lexicon import CueForm
from core.annotator.tokens import Token, TokenizedText

MAX_SPEAKER_TOKENS = 9
_CLAUSE_OPENERS = lexicon.words("clause_openers")
_PREPOSITIONS = lexicon.words("no_subject_after")
_AUXILIARIES = lexicon.words("auxiliaries") | lexicon.words("already_auxiliary")
_TOPIC_MARKERS = lexicon.words("topic_markers")


@dataclass(frozen=True)
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


def is_stop(token: Token) -> bool:
    """Does ``token`` end a speaker phrase?"""
    if not token.is_word:
        return True
    norm = token.norm
    if norm == "علي" and not token.maqsura:
        return False  # the name علي, not the preposition على (folding merges them)
    if norm in lexicon.speaker_stops() or norm in lexicon.complementizers():
        return True
    if token.is_digit or norm[:1].isdigit():
        return True
    form = lexicon.cue_forms().get(norm)
    if form is not None and form.tense != "noun":
        return True
    return norm in ("وان", "بان", "لان", "فان") or (norm.startswith(("انه", "انها", "بانه", "بانها")) and len(norm) <= 6)


def _is_definite(norm: str) -> bool:
    return norm.startswith("ال") or norm.startswith("وال")


_NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات", "يان")


def is_adjective(norm: str) -> bool:
    return norm in lexicon.words("name_adjectives") or norm.endswith(_NISBA_ENDINGS)


_DEMONSTRATIVES = lexicon.words("demonstratives")


def _speaker_head(norm: str) -> bool:
    """A word that can head a speaker phrase: a title, an organisation or an anonymous source."""
    return norm in lexicon.titles() or norm in lexicon.organisation_heads() or norm in lexicon.anonymous_heads()


def _closing_parenthesis(tokens: list[Token], index: int, limit: int) -> int | None:
    """Index of the ``)`` closing a short run of words opened at ``index``, or ``None``."""
    for k in range(index + 1, min(limit, index + 8)):
        if tokens[k].norm == ")":
            return k if k > index + 1 else None
        if not tokens[k].is_word:
            return None
    return None


def _addressee(norm: str, *, person: bool) -> bool:
    """``للدكتور``, ``للرسول``: ل + a title names who was told; so does ل + an organisation after
    a person (``مسؤول لوكالة``), but not after a document (``تقرير لجمعية المزارعين``)."""
    if norm.startswith("لل"):
        rest = "ال" + norm[2:]
    elif norm.startswith("ل") and len(norm) > 3:
        rest = norm[1:]
    else:
        return False
    organisations = lexicon.organisation_heads()
    if rest in organisations:
        return person
    return rest in lexicon.titles()


def _has_pronoun_suffix(text: str) -> bool:
    """``نظيره``, ``زعيمه``, ``لنفسها``: a possessive suffix marks a common noun, not a name."""
    return len(text) > 3 and text.endswith(("ه", "ها", "هم", "هما", "هن")) and text not in ("الله", "عبدالله")


def speaker_after(tokenized: TokenizedText, cue_last: int, limit: int) -> SpeakerPhrase | None:
    """The noun phrase right after a verb-first cue (``None`` if the cue has no subject there).

    A small state machine over the words: a *role* (titles, definite words, ``ل…``/``وال…``
    words, the complement of an indefinite title), a *name* (indefinite words, then at most one
    definite surname, after which only a title may follow as an apposition), or an *anonymous*
    source (``مصادر مطلعة``, ``مسؤول في وزارة الحج``). Anything else ends the phrase.
    """
    tokens = tokenized.tokens
    text = tokenized.text
    titles = lexicon.titles()
    anonymous_heads = lexicon.anonymous_heads()
    first = cue_last + 1
    end_limit = min(limit, len(tokens))
    index = first
    last = -1
    state = ""
    name_words = 0
    surname_done = False
    expect_complement = False
    while index < end_limit and index - first < MAX_SPEAKER_TOKENS + 4:
        token = tokens[index]
        norm = token.norm
        if not token.is_word:
            if norm == "." and last >= first and len(tokens[last].norm) <= 2 and tokens[last].end == token.start:
                index += 1  # "د." and initials inside a name
                continue
            if norm == "#" and index + 1 < end_limit and tokens[index + 1].start == token.end:
                index += 1  # a hashtag inside a name: "محمود #عباس"
                continue
            if norm == "(" and state == "role" and last >= first and (
                tokens[last].norm in titles or (is_adjective(tokens[last].norm) and tokens[first].norm in titles)
            ):  # "صحيفة (…)", "الصحيفة البارزة (فوليا دي ساو باولو)"
                closing = _closing_parenthesis(tokens, index, end_limit)
                if closing is not None:
                    last = closing  # "صحيفة (أو ستادو دي ساو باولو)": the name in parentheses
                    index = closing + 1
                    state, surname_done = "name", True
                    continue
            closing = tokenized.name_spans.get(index)
            if closing is not None and closing > index and state == "name" and name_words >= 2:
                break  # 'محمد سعيد عبد المقصود خوجة "الغربال"': a pen name after a full name
            if closing is not None and closing > index and state in ("role", "name"):
                last = closing  # a quoted name inside the phrase: صحيفة «تيليجراف»
                index = closing + 1
                state, surname_done = "name", True
                continue
            break
        if last >= first and "\n" in text[tokens[last].end : token.start]:
            break
        if last >= first and norm in lexicon.eulogies():
            length = lexicon.eulogy_length([t.norm for t in tokens[index : min(end_limit, index + 5)]])
            if length:
                last = index + length - 1  # "النبي صلى الله عليه وسلم": the formula ends the mention
                break
        if norm == "بان" and index + 1 < end_limit and tokens[index + 1].norm == "كي":
            pass  # بان كي مون
        elif norm == "بين" and last < first and index + 1 < end_limit and tokens[index + 1].is_word and not _is_definite(tokens[index + 1].norm) and not is_stop(tokens[index + 1]):
            pass  # "وقال بين بينايت": the name Ben, not the preposition
        elif norm == "من" and last >= first and tokens[last].norm in lexicon.words("quantifiers"):
            last = index  # "كثير من الخبراء"
            index += 1
            continue
        elif last < first and norm in _DEMONSTRATIVES and index + 1 < end_limit and _speaker_head(tokens[index + 1].norm):
            # "وترى تلك الجهات التنظيمية أن": the demonstrative points back; the noun is the speaker.
            index += 1
            first = index
            continue
        elif last < first and norm in ("ل", "لل") and index + 1 < end_limit:
            # An addressee right after the verb: "قال لـ"الرياض" المحامي …", "وقال لـ CNN إنه".
            closing = tokenized.name_spans.get(index + 1)
            index = closing + 1 if closing is not None and closing > index else index + 2
            first = index
            continue
        elif last < first and index == cue_last + 1 and name_after_verb(tokens, index):
            state, name_words, surname_done = "name", 1, False
            last = index
            index += 1
            continue
        elif is_stop(token):
            if state == "role" and norm == "في":
                resumed = _role_resumes(tokens, index + 1, end_limit, titles)
                if resumed is not None:
                    last = resumed - 1
                    index = resumed
                    continue
                named = _name_closing_role(tokenized, index + 1, end_limit)
                if named is not None:
                    # "الناشط في الدفاع عن حقوق الإنسان فياتشيسلاف باتشكوف أنه …"
                    last = named
                    break
                comma = _comma_after_place(tokens, index + 1, end_limit)
                if comma is not None:
                    # "مبعوث الأمم المتحدة للسلام في #الشرق_الأوسط، نيكولاي ميلادينوف، إن …"
                    named = _apposition_name(tokenized, first, comma + 1, end_limit)
                    if named is not None:
                        last = named
                        break
            if state == "anon" and norm == "في" and index + 1 < end_limit and tokens[first].norm in lexicon.words("affiliated_heads"):
                # "مسؤول في وزارة الحج", "مصدر في الوزارة": keep the affiliation.
                span_end = _affiliation_end(tokens, index + 1, end_limit)
                if span_end is not None:
                    last = span_end
                break
            break
        original = text[token.start : token.end]
        if last < first and _has_pronoun_suffix(original) and norm not in anonymous_heads:
            nxt = tokens[index + 1] if index + 1 < end_limit else None
            if (
                nxt is not None
                and nxt.is_word
                and not is_stop(nxt)
                and not _is_definite(nxt.norm)
                and not _has_pronoun_suffix(text[nxt.start : nxt.end])
            ):
                # "وأكد زعيمه صلاح الدين دميرتاش": a relational noun, then the name.
                state, name_words, surname_done = "name", 0, False
                last = index
                index += 1
                continue
            return None  # "جدد تأكيده", "أكد حرصه": a noun with a pronoun, the verb's object
        plain = norm[1:] if norm.startswith("و") and (norm[1:].startswith("ال") or norm[1:] in titles) else norm
        after_particle = last >= first and tokens[last].norm in NAME_PARTICLES and tokens[last].norm != "ال"
        if after_particle:
            # "عبد الأمير", "أبو مازن": the word after a name particle is a name, even a title word.
            state, surname_done = "name", False
            last = index
            index += 1
            continue
        if state == "" and plain in anonymous_heads:
            state = "anon"
            last = index
            index += 1
            continue
        if state == "anon":
            if _addressee(norm, person=tokens[first].norm in lexicon.words("affiliated_heads")):
                break  # "قال أحدهم للدكتور سمير", "قال مسؤول لوكالة الأنباء": who was told
            construct = tokens[last].norm.startswith("ل") or last == first or tokens[last].norm == "من"
            adjective = _is_definite(norm) and is_adjective(norm) and _is_definite(tokens[last].norm)
            if (_is_definite(norm) and not construct and not adjective) or name_words >= 3 or _has_pronoun_suffix(original):
                break
            if _is_definite(tokens[first].norm) and not _is_definite(norm):
                break  # "الباحثون خطر …": a definite head takes no indefinite adjective
            name_words += 1
            last = index
            index += 1
            continue
        if plain in titles:
            if state == "name" and not surname_done and name_words == 0:
                break
            if state == "np" and last == first and plain.startswith("ال"):
                break  # "وطالب الجبرتي الوزارة بإعادة …": a surname, then the verb's object
            if state == "np" and last == first and tokens[first].norm.endswith(("ون", "ين")):
                break  # "وطالب المشاركون أجهزة الدولة": a plural noun, then the verb's object
            state = "role"
            expect_complement = not plain.startswith("ال") and len(plain) > 1  # "د." takes no complement
            surname_done = False
            last = index
            index += 1
            continue
        if state == "role":
            if (
                last == first
                and _is_definite(tokens[first].norm)
                and tokens[first].norm in lexicon.organisation_heads()
                and _is_definite(norm)
                and not is_adjective(norm)
            ):
                break  # "وأدانت الحكومة القصف": a definite body takes no definite genitive; the object
            if (
                last > first
                and _is_definite(norm)
                and not is_adjective(norm)
                and norm not in titles
                and tokens[last].norm.endswith(("يه", "ي"))
                and is_adjective(tokens[last].norm)
                and tokens[first].norm in lexicon.organisation_heads()
            ):
                break  # "نفت وزارة الدفاع الروسية المعلومات": the body's adjective closes it
            next_definite = index + 1 < end_limit and _is_definite(tokens[index + 1].norm)
            lam_construct = norm.startswith("لل") or (norm.startswith("ل") and next_definite)
            if expect_complement or _is_definite(norm) or lam_construct or norm in ("باسم",):
                expect_complement = norm in ("باسم",) or not (_is_definite(norm) or norm.startswith("ل"))
                last = index
                index += 1
                continue
            state, name_words, surname_done = "name", 0, False
        if state == "name" and name_words >= 2 and norm[:1] == "و" and norm[1:2] in ("ي", "ت") and len(norm) >= 5:
            break  # "ستيفن ج. هينتغس ويعمل …": a verb joined by و after the name
        if state == "name" and norm[:1] in ("ل", "ب", "ك") and _has_pronoun_suffix(original):
            break  # "جين لخلفيته كرجل أعمال": a prepositional phrase after the name
        if state == "name" and last >= first and norm.startswith("بال"):
            break  # "وطالب قاسم بالتركيز …": the verb's object after the name
        if state == "name" and (norm.startswith("لل") or (norm.startswith("ل") and _is_definite(tokens[index + 1].norm if index + 1 < end_limit else ""))):
            # "جامعة الملك فهد للبترول": the name belonged to an institution; back to the role.
            state, expect_complement = "role", False
            last = index
            index += 1
            continue
        if _has_pronoun_suffix(original) and last >= first and (
            state == "role" or (state == "name" and (surname_done or name_words >= 2 or name_words == 0))
        ):
            break
        if state == "":
            state = "name"
        if state == "name":
            if surname_done:
                break
            if _is_definite(norm):
                in_name = last >= first and tokens[last].norm in NAME_PARTICLES
                if name_words == 0 and last >= first and not _is_definite(tokens[last].norm) and not in_name:
                    break
                if name_words >= 3 and not in_name and not any(tokens[k].norm in NAME_PARTICLES for k in range(first, last + 1)):
                    break  # "بان كي مون الحادث": three given names take no definite surname; the object
                surname_done = (name_words > 0 or last < first or in_name) and norm not in lexicon.words("compound_name_seconds")
                if name_words == 0 and last < first:
                    # A phrase starting with a definite non-title word: a descriptive noun phrase
                    # ("الجانب الروسي", "الولايات المتحدة") runs through its adjectives.
                    state = "np"
            else:
                if name_words >= 4:
                    break
                if norm not in NAME_PARTICLES:
                    name_words += 1
            last = index
            index += 1
            continue
        if state == "np":
            if last == first and not _is_definite(norm) and not _has_pronoun_suffix(original) and not tokens[first].norm.endswith(_NISBA_ENDINGS + ("ون", "ات")):
                # "المزارع محمود العلي", "الشاب مشاري الوزيه": a profession, then the name
                # (not after a family name such as "الديلمي بدور المملكة", nor after a plural:
                # "المشاركون أجهزة الدولة" — that is the object).
                state, name_words, surname_done = "name", 1, False
                last = index
                index += 1
                continue
            if _is_definite(norm) and (is_adjective(norm) or norm.startswith("لل")):
                last = index
                index += 1
                continue
            if norm.startswith("لل") or (norm.startswith("ل") and len(norm) > 3):
                last = index
                index += 1
                continue
            break
        break
    if last < first:
        return None
    while last > first and not tokens[last].is_word and tokenized.name_spans.get(last) is None:
        last -= 1
    if tokens[index].norm in ("،", ",") if index < end_limit else False:
        quoted: set[int] = set()
        for k in range(first, last + 1):
            closing = tokenized.name_spans.get(k)
            if closing is not None and closing > k:
                quoted.update(range(k + 1, closing))  # "رئيس مركز "أسبار" للدراسات، الدكتور …"
        words_so_far = [tokens[k] for k in range(first, last + 1) if tokens[k].is_word and k not in quoted]
        if words_so_far and all(t.norm in titles or _is_definite(t.norm) or t.norm.startswith("ل") for t in words_so_far):
            extended = _apposition_name(tokenized, first, index, end_limit)
            if extended is not None:
                last = extended
    return SpeakerPhrase(first, last, tokens[first].start, tokens[last].end)


# Words that bind the next word into a person's name (عبد الله، أبو مازن، ابن تيمية، آل سعود).
NAME_PARTICLES = lexicon.words("name_particles")


def _role_resumes(tokens: list[Token], start: int, limit: int, titles: frozenset[str]) -> int | None:
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


def _name_closing_role(tokenized: TokenizedText, start: int, limit: int) -> int | None:
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
    while first > start and end - first < 2 and _personal_name_word(tokenized, tokens[first - 1]):
        first -= 1
    if not _personal_name_word(tokenized, tokens[end]):
        return None
    while first <= end and not _personal_name_word(tokenized, tokens[first]):
        first += 1
    if end - first < 1 or first - 1 < start:
        return None
    before = tokens[first - 1].norm
    if not _is_definite(before) or before in lexicon.organisation_heads():
        return None
    return end


def _personal_name_word(tokenized: TokenizedText, token: Token) -> bool:
    norm = token.norm
    return (
        token.is_word
        and not _is_definite(norm)
        and not is_stop(token)
        and not is_adjective(norm)
        and norm not in lexicon.titles()
        and not _has_pronoun_suffix(tokenized.text[token.start : token.end])
        and not norm[:1].isdigit()
    )


def is_complementizer(token: Token) -> bool:
    """``أن``/``إن``/``بأن``/``فإن``, bare or with a pronoun (``أنه``, ``إنهم``), folded."""
    return token.norm in _complementizer_forms()


@cache
def _complementizer_forms() -> frozenset[str]:
    bases = ("ان", "بان", "فان")
    return frozenset(bases) | {base + suffix for base in bases for suffix in lexicon.pronoun_suffixes()}


def _comma_after_place(tokens: list[Token], start: int, limit: int) -> int | None:
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


def _affiliation_end(tokens: list[Token], start: int, limit: int) -> int | None:
    """``في وزارة الحج``: up to three words of an affiliation after an anonymous source."""
    last = None
    for index in range(start, min(limit, start + 3)):
        token = tokens[index]
        if not token.is_word or is_stop(token):
            break
        if last is not None and _is_definite(tokens[last].norm) and _is_definite(token.norm) and not is_adjective(token.norm):
            break  # "مسؤول في الوزارة الصحيفة": a definite noun takes no definite genitive
        last = index
    return last


def _apposition_name(tokenized: TokenizedText, first: int, stop: int, limit: int) -> int | None:
    """``وقال رئيس مركز "أسبار" للدراسات، الدكتور فهد الحارثي:``: a role, then the name.

    When the phrase so far is a role (it starts with a title) and it stops at a quoted name or a
    comma, the words after up to a colon or complementiser may carry the person's name: include
    them when they start with a title or honorific and stay short.
    """
    tokens = tokenized.tokens
    titles = lexicon.titles()
    if tokens[first].norm not in titles and _strip_title(tokens[first].norm) not in titles:
        return None
    index = stop
    budget = 14
    while index < limit and budget > 0:
        token = tokens[index]
        if token.norm == ":" or _opens_report(token):
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
        if nxt.is_quote_mark or _opens_report(nxt):
            last = limit - 1
            while last > first and not tokens[last].is_word:
                last -= 1
            return last if last >= stop else None
    return None


def _opens_report(token: Token) -> bool:
    """A complementiser (أن، إنه، بأنها …, or لأن of the lexicon) that ends an apposition."""
    return token.is_word and (token.norm in lexicon.complementizers() or token.norm.startswith(("انه", "انها", "بان")))


def _strip_title(norm: str) -> str:
    return norm[1:] if norm.startswith("و") else norm


def speaker_before(tokenized: TokenizedText, cue_first: int, bound: int) -> SpeakerPhrase | None:
    """A name-first subject right before the cue (``الناطق … قال``, ``كيري قد قال``), or ``None``."""
    tokens = tokenized.tokens
    text = tokenized.text
    index = cue_first - 1
    while index >= bound and tokens[index].norm in _AUXILIARIES:
        index -= 1
    last = index
    while index >= bound and last - index < MAX_SPEAKER_TOKENS:
        token = tokens[index]
        opening = tokenized.name_spans.get(index)
        if opening is not None and opening < index and opening > bound:
            index = opening - 1  # موقع “غازيتا رو” نشر
            continue
        if not token.is_word or token.norm in _CLAUSE_OPENERS or is_stop(token):
            if not (token.norm == "من" and index > bound and tokens[index - 1].norm in lexicon.words("quantifiers")):
                break
        if index < last and "\n" in text[token.end : tokens[index + 1].start]:
            break
        index -= 1
    first = index + 1
    if first > last:
        return None
    if first - 1 >= bound and tokens[first - 1].norm in _RELATIVES and _agrees_with_relative(tokens[first - 1].norm, cue_form(tokens[cue_first])):
        first -= 1  # "لكن الذين يعيشون خارج مجتمعه رأوا أن": those who …
    # The subject must open its clause: the sentence start or a connective before it.
    if first > bound and tokens[first - 1].is_word and (
        tokens[first - 1].norm not in _CLAUSE_OPENERS or tokens[first - 1].norm in _PREPOSITIONS
    ):
        return None
    first = _skip_conjunction(tokens, first, last)
    start = tokens[first].start
    if tokens[first].norm.startswith("و") and _strip_waw(tokens[first].norm):
        start += 1
    return SpeakerPhrase(first, last, start, tokens[last].end)


_RELATIVES = lexicon.words("relative_pronouns")


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
        while k >= bound and j - k <= 12 and tokens[k].norm not in _RELATIVES:
            if tokens[k].is_sentence_end or tokens[k].norm in (":",):
                return None
            k -= 1
        if k < bound or tokens[k].norm not in _RELATIVES:
            return None
        if not _agrees_with_relative(tokens[k].norm, cue_form(tokens[cue_first])):
            return None  # "علي دوابشة، الذين أصيبوا …، وقال": the relative clause is not the subject
        j = k
    elif j < bound or tokens[j].norm not in _RELATIVES:
        return None
    k = j - 1
    while k >= bound and (tokens[k].norm in ("،", ",") or tokens[k].norm in lexicon.words("time_words")):
        k -= 1
    last = k
    while k >= bound and last - k < MAX_SPEAKER_TOKENS and tokens[k].is_word and tokens[k].norm not in _CLAUSE_OPENERS and not is_stop(tokens[k]):
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


CONNECTIVES = lexicon.words("connectives")


def sentence_subject(tokenized: TokenizedText, sentence_start: int, limit: int) -> SpeakerPhrase | None:
    """``لكن وزير التجارة الأمريكي ويلبور روس قلل …، قائلا``: a sentence that opens (after a
    connective) with a title, an organisation or an anonymous source names its subject."""
    tokens = tokenized.tokens
    index = sentence_start
    while index < limit and tokens[index].norm in CONNECTIVES:
        index += 1
    if index >= limit or not tokens[index].is_word:
        return None
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
        _is_definite(last_norm)
        and not is_adjective(last_norm)
        and last_norm not in lexicon.titles()
        and last_norm not in lexicon.words("compound_name_seconds")
        and phrase.last - 2 >= phrase.first
    ):
        # "… لودريان رفض الفكرة، قائلا": a definite object after the verb; a family name would
        # be a nisba (محمد سعيد الغامدي).
        k = phrase.last - 1
        names = 0
        while k >= phrase.first and tokens[k].is_word and not _is_definite(tokens[k].norm) and tokens[k].norm not in lexicon.titles():
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
    object_after = _is_definite(tokens[nxt].norm) and not is_adjective(tokens[nxt].norm)  # "… لودريان تناول الفكرة"
    if tokens[nxt].norm not in ("من", "عن", "علي", "الي", "في") and not object_after:
        return phrase
    trailing = 0
    k = phrase.last
    while k >= phrase.first and tokens[k].is_word and not _is_definite(tokens[k].norm) and tokens[k].norm not in lexicon.titles():
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
    if start >= cue_first or tokens[start].norm not in _TOPIC_MARKERS:
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
    return rest in _AUXILIARIES or rest in ("ان", "انه", "انها", "انهم", "ان") or cue_form(token) is not None


def relay_source(tokenized: TokenizedText, cue: Cue, limit: int) -> tuple[SpeakerPhrase, Cue] | None:
    """``نقلت X عن Y قوله``: the source Y and the cue ``قوله``."""
    tokens = tokenized.tokens
    for index in range(cue.last + 1, min(limit, len(tokens), cue.last + 16)):
        if tokens[index].norm == "عن":
            for end in range(index + 1, min(limit, len(tokens), index + 24)):
                if tokens[end].is_sentence_end:
                    return None
                if tokens[end].norm in lexicon.words("relay_objects") or tokens[end].norm in ("انه", "انها", "انهم"):
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
                    if tokens[end].norm in ("انه", "انها", "انهم"):
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


def is_relay_object(token: Token) -> bool:
    return token.norm in lexicon.words("relay_objects")
