"""Which of a speaker's names is its canonical one: the rules' choice, weighed by a ranker.

A speaker entity gathers every mention chosen for its quotes. The rules name it by its fullest
name (``speakers.Entity``), which is right when every mention is; but one run-on mention
(``المسؤول الإيراني الرياض``) or a mention wrongly grouped with it (``شأن حصول أبناء جود`` with
``فاروق جود``) then renames every quote of that speaker, and on unseen articles a fifth of the
wrong speakers were right mentions under a wrong canonical name. Here each distinct name the
entity was written with is an option; the *naming* ranker, trained on the gold speaker names,
weighs how long each is, how its words end, how many mentions share it, and whether it is the
rules' choice.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from core.annotator import lexicon
from core.annotator.ranker import Question, Ranker
from core.annotator.speakers import Entity, Resolution, is_common_noun, looks_like_verb
from core.annotator.word_classes import NAME_PARTICLES, RELATIVE_PRONOUNS, has_pronoun_suffix
from core.folding import fold

_PREPOSITIONS = lexicon.words("prepositions") | lexicon.words("noun_prepositions")
_NEVER_LAST = _PREPOSITIONS | RELATIVE_PRONOUNS | NAME_PARTICLES


def name_key(name: str) -> str:
    """A name as compared with gold: folded, single-spaced."""
    return " ".join(fold(name).split())


def options(entity: Entity) -> list[str]:
    """The distinct names an entity was written with, the rules' canonical name first.

    A name never ends on a preposition, a relative pronoun or a name particle (``سانا عن``,
    ``المتحدث الرسمي باسم``): such a run-on is left out whenever another name remains.
    """
    seen: dict[str, str] = {}
    for text in (entity.canonical, *entity.name_variants.values(), *entity.mention_texts):
        key = name_key(text)
        if key and key not in seen:
            seen[key] = text
    whole = [text for text in seen.values() if not _ends_on_function_word(text)]
    return whole if whole else list(seen.values())


def _ends_on_function_word(text: str) -> bool:
    """Does a name end on a preposition, relative pronoun or particle? ``على`` is one, the
    name ``علي`` is not, though folding writes both ``علي``."""
    last = text.split()[-1]
    key = name_key(last)
    return key in _NEVER_LAST and not (key == "علي" and last.endswith("ي"))


def features(entity: Entity, names: Sequence[str]) -> list[list[str]]:
    """What the naming ranker weighs for each of ``names`` (the entity's ``options``)."""
    keys = [name_key(n) for n in names]
    mentions = [name_key(m) for m in entity.mention_texts]
    variants = {name_key(v) for v in entity.name_variants.values()}
    longest = max(len(k.split()) for k in keys)
    rules = name_key(entity.canonical)
    titles = lexicon.titles()
    out = []
    for position, key in enumerate(keys):
        words = key.split()
        n = len(words)
        found = [f"n={min(n, 6)}", f"shorter={min(longest - n, 3)}"]
        if key == rules:
            found.append("rules")
        if key in variants:
            found.append("variant")
        if entity.fuller_name and key == name_key(entity.fuller_name):
            found.append("fuller")
        exact = sum(1 for m in mentions if m == key)
        inside = sum(1 for m in mentions if f" {key} " in f" {m} ")
        found.append(f"exact={min(exact, 3)}")
        found.append(f"inside={min(inside, 3)}")
        found.append(f"inside_share={round(4 * inside / max(len(mentions), 1))}")
        found.append(f"first={_word_class(words[0], titles)}")
        found.append(f"last={_word_class(words[-1], titles)}")
        found.append(f"first&last={_word_class(words[0], titles)}&{_word_class(words[-1], titles)}")
        if any(looks_like_verb(w) for w in words[1:]):
            found.append("verb_inside")
        if has_pronoun_suffix(names[position].split()[0]):
            found.append("first_suffixed")  # "زعيمه صلاح الدين دميرتاش": its leader, a description
        if any(w in titles for w in words):
            found.append("has_title")
        if entity.anonymous:
            found.append("anonymous")
        if not entity.name_tokens:
            found.append("role_only")
        out.append(found)
    return out


def _word_class(word: str, titles: frozenset[str]) -> str:
    if word in _PREPOSITIONS and word != "علي":  # folded: the name علي or the preposition على
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


def naming_questions(resolutions: Sequence[Resolution], gold_names: Sequence[frozenset[str] | bool]) -> list[Question]:
    """One question per entity with several names: which of them the checked quotes call it.

    An entity's speaker is the one most of its checked quotes name.
    """
    by_entity: dict[int, tuple[Entity, Counter[frozenset[str]]]] = {}
    for resolution, names in zip(resolutions, gold_names, strict=True):
        entity = resolution.entity
        if entity is None or names is False or not names:
            continue
        assert isinstance(names, frozenset)
        by_entity.setdefault(id(entity), (entity, Counter()))[1][names] += 1
    questions = []
    for entity, votes in by_entity.values():
        gold = votes.most_common(1)[0][0]
        saved, entity.chosen_name = entity.chosen_name, ""
        written = options(entity)
        entity.chosen_name = saved
        right = [name_key(n) in gold for n in written]
        if len(written) > 1 and any(right) and not all(right):
            questions.append(Question(features(entity, written), right))
    return questions
