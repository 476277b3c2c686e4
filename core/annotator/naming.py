"""Which of a speaker's names is its canonical one: the rules' choice, weighed by a ranker.

A speaker entity gathers every mention chosen for its quotes. The rules name it by its fullest
name (``speakers.Entity``), which is right when every mention is; but one run-on mention
(``المسؤول الإيراني الرياض``) or a mention wrongly grouped with it (``شأن حصول أبناء جود`` with
``فاروق جود``) then renames every quote of that speaker, and a title the lexicon lacks keeps a
role glued to a name (``مدرب المنتخب جورج إيفانوف``). Under cross-validation a third of the wrong
speakers had the checked name inside the chosen mention or among the entity's names. Here each
distinct name the entity was written with is an option, and so is each leading or trailing run
of its words; the *naming* ranker, trained on the checked speaker names, weighs how long each
is, how its words end, where it was cut, how many mentions share it, and whether it is the
rules' choice.

What it is trained towards matters: the evaluation accepts any checked alias, and a ranker
trained on every alias alike learned to retreat to bare surnames (``بحاح`` for ``خالد محفوظ
بحاح``), which is not the guideline's fullest name. So a one-word alias counts as right only when
no checked name of two words or more is among the options. (Trained towards the checked
canonical name alone, the ranker gained a third as much: annotators write the fullest name with
or without its title.)
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from core.annotator import lexicon, wordstats
from core.annotator.feature_names import Names
from core.annotator.no_speaker import ARTICLE_STEM_MIN_COUNT
from core.annotator.ranker import Question, Ranker
from core.annotator.speakers import Entity, Resolution, is_common_noun, looks_like_verb
from core.annotator.word_classes import (
    BODY_LINKS,
    NAME_PARTICLES,
    NAMES_WRITTEN_AS_PREPOSITIONS,
    PREPOSITIONS,
    RELATIVE_PRONOUNS,
    ends_on_function_word,
    has_pronoun_suffix,
)
from core.folding import name_key

_FORMS_OF_ADDRESS = lexicon.words("forms_of_address")  # معالي، سماحة
_PERSONAL_FORMS_OF_ADDRESS = lexicon.words("personal_forms_of_address")  # السيدة before a name


def options(entity: Entity) -> list[str]:
    """The distinct names an entity was written with, the rules' canonical name first, then
    the leading and trailing parts of each mention (``مدرب المنتخب جورج إيفانوف`` →
    ``جورج إيفانوف``; ``رالف فالتمان المختص النفطي`` → ``رالف فالتمان``).

    A name never ends on a preposition, a relative pronoun or a name particle (``سانا عن``,
    ``المتحدث الرسمي باسم``), nor cuts a bracket or quoted name in two (``حركة المقاومة
    الإسلامية (حماس``): such a mention is left out whenever another name remains. Nor does a
    name open with a form of address or stand for one: ``سماحة المفتي`` is named ``المفتي``.
    """
    seen: dict[str, str] = {}
    for written_as in (entity.canonical, *entity.name_variants.values(), *entity.mention_texts):
        text = without_address(written_as)
        key = name_key(text)
        if key and key not in seen:
            seen[key] = text
    written = list(seen.values())
    whole = [text for text in written if _may_name(text, name_key(text))]
    for text in written:
        for part, key in _parts(text):
            if key and key not in seen:
                seen[key] = part
                if _may_name(part, key):
                    whole.append(part)
    return whole if whole else written


def _may_name(text: str, key: str) -> bool:
    """Can ``text`` (folded ``key``) be a name at all? Not one ending on a function word, cutting
    marks in two, standing for a form of address alone, or opening with a preposition (``مع
    بوتين``, ``من الدولي الفرنسي``; not the names علي, folded like على, and باسم)."""
    first = key.split(" ", 1)[0]
    return (
        not ends_on_function_word(text)
        and _balanced(text)
        and key not in _FORMS_OF_ADDRESS
        and (first not in PREPOSITIONS or first in NAMES_WRITTEN_AS_PREPOSITIONS)
    )


def without_address(name: str) -> str:
    """``name`` without a form of address before its other words (``سماحة المفتي`` →
    ``المفتي``, ``معالي الأمين العام`` → ``الأمين العام``, ``السيدة كاسماريك`` → ``كاسماريك``;
    ``resources/lexicons/forms_of_address.txt``, ``personal_forms_of_address.txt``): the checked
    canonical names leave them out, though the articles write them."""
    first, _, rest = name.strip().partition(" ")
    rest = rest.strip()
    if not rest:
        return name
    key = name_key(first)
    if key in _FORMS_OF_ADDRESS or (key in _PERSONAL_FORMS_OF_ADDRESS and not name_key(rest).startswith("ال")):
        return rest
    return name


_PUNCTUATION = "،,:؛;.()"
_WORD = re.compile(r"\S+")


def _parts(text: str) -> list[tuple[str, str]]:
    """The leading and trailing runs of a mention's words (at least one word off either end),
    each with its ``name_key``.

    The key is joined from the words' own keys (folding works word by word, and each word's
    key is cached), not folded again for every part: a mention of ten words has eighteen.
    """
    matches = list(_WORD.finditer(text))
    raw = [match.group() for match in matches]
    keys = [name_key(word) for word in raw]
    # "المتحدث الرسمي باسم مركز الملك سلمان" is no "المتحدث الرسمي" nor "المتحدث": a role
    # without the body it speaks for (after باسم, لدى) names nobody.
    link = next((k for k, key in enumerate(keys) if k and key in BODY_LINKS), 0)
    out = []
    for k in range(1, len(matches)):
        head = text[matches[0].start() : matches[k - 1].end()].rstrip(_PUNCTUATION)
        last = raw[k - 1].rstrip(_PUNCTUATION)
        head_key = " ".join(filter(None, [*keys[: k - 1], keys[k - 1] if last == raw[k - 1] else name_key(last)]))
        tail = text[matches[k].start() : matches[-1].end()].lstrip(_PUNCTUATION)
        first = raw[k].lstrip(_PUNCTUATION)
        tail_key = " ".join(filter(None, [keys[k] if first == raw[k] else name_key(first), *keys[k + 1 :]]))
        for part, key in ((head, head_key), (tail, tail_key)):
            if part is head and k <= link:
                continue
            if part is tail and _opens_on_conjunction(tail_key):
                continue
            if part.strip() and part[:1] not in _PUNCTUATION and _balanced(part):
                out.append((part.strip(), key))
    return out


def _opens_on_conjunction(key: str) -> bool:
    """Does a trailing part open with و on a definite word (``مركز الملك سلمان للإغاثة
    والأعمال الإنسانية`` → ``والأعمال الإنسانية``)? Such a part is the second half of a
    coordination, not a name: no checked speaker name starts so. A definite word is one news
    writes often enough (``no_speaker.ARTICLE_STEM_MIN_COUNT``): الأعمال, 373 times; not الدة of
    ``والدة الشهيد``."""
    if not key.startswith("وال"):
        return False
    profile = wordstats.shipped().get(key.split(" ", 1)[0][1:])
    return profile is not None and profile.count >= ARTICLE_STEM_MIN_COUNT


_MARKS = frozenset('()«»“”"')


def _balanced(part: str) -> bool:
    """A name does not cut a bracket or a quoted name in two (``حركة المقاومة الإسلامية (حماس``)."""
    if _MARKS.isdisjoint(part):
        return True
    if part.count("(") != part.count(")") or part.count("«") != part.count("»") or part.count("“") != part.count("”"):
        return False
    return part.count('"') % 2 == 0


# Feature names made once per process (see ``feature_names``), by their parts.
_N = Names("n={}")
_SHORTER = Names("shorter={}")
_CUT = Names("cut={}")
_EXACT = Names("exact={}")
_INSIDE = Names("inside={}")
_INSIDE_SHARE = Names("inside_share={}")
_FIRST = Names("first={}")
_LAST = Names("last={}")
_FIRST_LAST = Names("first&last={}&{}")


def features(entity: Entity, names: Sequence[str]) -> list[list[str]]:
    """What the naming ranker weighs for each of ``names`` (the entity's ``options``).

    Made for every entity of every article (options, parts included, are a few dozen per
    entity), so what depends on the entity alone is made once and the mentions are compared as
    a set and as padded strings."""
    keys = [name_key(n) for n in names]
    mentions = [name_key(m) for m in entity.mention_texts]
    mention_set = set(mentions)
    padded = [f" {m} " for m in mentions]
    variants = {name_key(v) for v in entity.name_variants.values()}
    word_lists = [k.split() for k in keys]
    longest = max(map(len, word_lists))
    rules = name_key(without_address(entity.canonical))
    fuller = name_key(entity.fuller_name) if entity.fuller_name else None
    titles = lexicon.titles()
    share_of = max(len(mentions), 1)
    whole_entity = (["anonymous"] if entity.anonymous else []) + ([] if entity.name_tokens else ["role_only"])
    out = []
    for key, words, name in zip(keys, word_lists, names, strict=True):
        n = len(words)
        shorter = longest - n
        found = [_N[n if n < 6 else 6], _SHORTER[shorter if shorter < 3 else 3]]
        if key not in mention_set and key not in variants and key != rules:
            starts = any(m.startswith(key + " ") for m in mentions)
            found.append("part_head" if starts else "part_tail")
            removed = _removed_next(mentions, key)
            if removed:
                found.append(_CUT[_word_class(removed)])
        if key == rules:
            found.append("rules")
        if key in variants:
            found.append("variant")
        if key == fuller:
            found.append("fuller")
        padded_key = f" {key} "
        inside = sum(padded_key in m for m in padded)
        exact = mentions.count(key)
        first, last = _word_class(words[0]), _word_class(words[-1])
        found += (
            _EXACT[exact if exact < 3 else 3],
            _INSIDE[inside if inside < 3 else 3],
            _INSIDE_SHARE[round(4 * inside / share_of)],
            _FIRST[first],
            _LAST[last],
            _FIRST_LAST[first, last],
        )
        if any(map(_verb_like, words[1:])):
            found.append("verb_inside")
        if has_pronoun_suffix(name.split()[0]):
            found.append("first_suffixed")  # "زعيمه صلاح الدين دميرتاش": its leader, a description
        if not titles.isdisjoint(words):
            found.append("has_title")
        found += whole_entity
        out.append(found)
    return out


_verb_like = lru_cache(maxsize=16384)(looks_like_verb)


def _removed_next(mentions: Sequence[str], key: str) -> str:
    """The mention word next to where a part was cut from it (a title before a trailing name)."""
    for mention in mentions:
        padded = f" {mention} "
        at = padded.find(f" {key} ")
        if at < 0:
            continue
        before = padded[:at].split()
        after = padded[at + len(key) + 2 :].split()
        if before:
            return before[-1]
        if after:
            return after[0]
    return ""


@lru_cache(maxsize=16384)
def _word_class(word: str) -> str:
    """A folded word's class for naming (cached: the same words recur in every option)."""
    titles = lexicon.titles()
    if word in PREPOSITIONS and word != "علي":  # folded: the name علي or the preposition على
        return "prep"
    if word in RELATIVE_PRONOUNS:
        return "relative"
    if word in NAME_PARTICLES:
        return "particle"
    bare = word[1:] if word[:1] in ("و", "ل", "ب") and len(word) > 3 else word
    if word in titles or bare in titles:
        return "title"
    if word.startswith("ال"):
        return "common" if is_common_noun(word) else "definite"
    if looks_like_verb(word):
        return "verb"
    return "common" if is_common_noun(word) else "word"


def rename(entities: Sequence[Entity], naming: Ranker) -> None:
    """Give each entity the name the ranker prefers (kept by the rules without weights)."""
    if not naming.weights:
        return
    for entity in entities:
        names = options(entity)
        if not names:
            continue
        scores = [naming.score(f) for f in features(entity, names)] if len(names) > 1 else [0.0]
        best = names[max(range(len(names)), key=lambda k: (scores[k], -k))]
        entity.chosen_name = best if name_key(best) != name_key(entity.canonical) else ""


def naming_questions(
    resolutions: Sequence[Resolution], gold_names: Sequence[frozenset[str] | bool], canonical_names: Sequence[str] = ()
) -> list[Question]:
    """One question per entity with several names: which of them the checked quotes call it.

    An entity's speaker is the one most of its checked quotes name. The right options are its
    checked canonical name (``canonical_names``, by quote) where that is among them: the
    checked aliases include the person's role (``وزير الخارجية الأمريكي`` beside ``جون كيري``),
    and a ranker told both are right learned nothing between them, so each refit of the other
    rankers tipped some of the best-known speakers over to their roles. Otherwise (and when the
    canonical name is a single word) any checked name of two words or more, otherwise any
    checked name.
    """
    by_entity: dict[int, tuple[Entity, Counter[frozenset[str]], dict[frozenset[str], str]]] = {}
    for position, (resolution, names) in enumerate(zip(resolutions, gold_names, strict=True)):
        entity = resolution.entity
        if entity is None or names is False or not names:
            continue
        assert isinstance(names, frozenset)
        _, votes, canonical = by_entity.setdefault(id(entity), (entity, Counter(), {}))
        votes[names] += 1
        if position < len(canonical_names) and canonical_names[position]:
            canonical.setdefault(names, canonical_names[position])
    questions = []
    for entity, votes, canonical in by_entity.values():
        gold = votes.most_common(1)[0][0]
        saved, entity.chosen_name = entity.chosen_name, ""
        written = options(entity)
        entity.chosen_name = saved
        keys = [name_key(n) for n in written]
        matches = [key in gold for key in keys]
        # A checked alias of one word (a surname: بحاح for خالد محفوظ بحاح) is right only when
        # no name of two words or more is: trained on every alias alike, the ranker learned to
        # retreat to short shared names, which the guideline's fullest name is not.
        whole = [m and len(key.split()) >= 2 for key, m in zip(keys, matches, strict=True)]
        checked = [w and key == canonical.get(gold) for key, w in zip(keys, whole, strict=True)]
        right = checked if any(checked) else (whole if any(whole) else matches)
        if len(written) > 1 and any(right) and not all(right):
            questions.append(Question(features(entity, written), right))
    return questions
