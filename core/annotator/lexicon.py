"""The annotator's word lists, loaded from ``resources/lexicons``.

Linguistic knowledge lives in data files a linguist can edit without touching code; this module
reads them once, folds every entry (see ``core.folding``) and generates the inflected surface
forms of cue verbs from their stems.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Literal

from core.annotator.latin_patterns import needs_latin_letter, starts_with_latin_letter
from core.folding import fold
from core.resources import read_lines

LEXICONS = "lexicons"


Tense = Literal["past", "imperfect", "participle", "noun"]


@dataclass(frozen=True)
class CueForm:
    """What a folded surface form of a reporting verb tells us."""

    lemma: str
    verb_class: str
    tense: Tense
    feminine: bool
    plural: bool

    @property
    def is_continuation(self) -> bool:
        return self.verb_class == "continue"

    @property
    def is_weak(self) -> bool:
        return self.verb_class == "weak"


def _add(table: dict[str, CueForm], form: str, cue: CueForm, prefixes: tuple[str, ...]) -> None:
    folded = fold(form)
    for prefix in prefixes:
        table.setdefault(prefix + folded, cue)


@cache
def cue_forms() -> dict[str, CueForm]:
    """Folded surface form -> ``CueForm`` for every generated inflection with its prefixes."""
    table: dict[str, CueForm] = {}
    for line in read_lines(f"{LEXICONS}/cue_verbs.tsv"):
        columns = line.split("\t")
        if len(columns) < 5:
            raise ValueError(f"cue_verbs.tsv: expected at least 5 columns in {line!r}")
        lemma, verb_class, past, imperfect, participle = columns[:5]
        extra = columns[5].split(",") if len(columns) > 5 and columns[5].strip() else []
        plain = ("", "و", "ف")
        if past != "-":
            p = fold(past)
            _add(table, p, CueForm(lemma, verb_class, "past", False, False), plain)
            _add(table, p + "ت", CueForm(lemma, verb_class, "past", True, False), plain)
            _add(table, p + "ا", CueForm(lemma, verb_class, "past", False, True), plain)
            _add(table, p + "تا", CueForm(lemma, verb_class, "past", True, True), plain)
            _add(table, p + "وا", CueForm(lemma, verb_class, "past", False, True), plain)
        if imperfect != "-":
            i = fold(imperfect)
            with_l = ("", "و", "ف", "ل", "ول", "ف", "فل", "س", "وس")
            _add(table, i, CueForm(lemma, verb_class, "imperfect", False, False), with_l)
            _add(table, "ت" + i[1:], CueForm(lemma, verb_class, "imperfect", True, False), with_l)
            _add(table, i + "ون", CueForm(lemma, verb_class, "imperfect", False, True), with_l)
            _add(table, i + "ان", CueForm(lemma, verb_class, "imperfect", False, True), with_l)
        if participle != "-":
            q = fold(participle)
            _add(table, q + "ا", CueForm(lemma, verb_class, "participle", False, False), plain)
            _add(table, q + "ه", CueForm(lemma, verb_class, "participle", True, False), plain)
            _add(table, q + "ين", CueForm(lemma, verb_class, "participle", False, True), plain)
            _add(table, q + "ات", CueForm(lemma, verb_class, "participle", True, True), plain)
        if lemma in verbs_with_object_pronoun():
            base_forms = [f for f, c in list(table.items()) if c.lemma == lemma and c.tense in ("past", "imperfect")]
            for form in base_forms:
                cue = table[form]
                for suffix in ("ه", "ها", "هم"):
                    table.setdefault(form + suffix, cue)
        for form in extra:
            form = form.strip()
            if not form:
                continue
            folded = fold(form)
            tense = _guess_tense(folded)
            feminine = folded.endswith(("ت", "ه")) or folded.startswith("ت")
            plural = folded.endswith(("وا", "ون")) or (tense == "participle" and folded.endswith(("ين", "ات")))
            _add(table, folded, CueForm(lemma, verb_class, tense, feminine, plural), plain)
    return table


def _guess_tense(folded: str) -> Tense:
    """Tense of an irregular form listed by hand (نافيا, داعية, مبديا, يدعون, أثنت …)."""
    if folded.startswith(("ي", "ت")) and len(folded) > 3:
        return "imperfect"
    participle_ending = folded.endswith(("يا", "يه", "ين", "ا", "ه"))
    if participle_ending and len(folded) >= 4 and (folded.startswith("م") or folded[1:2] == "ا"):
        return "participle"  # مفعل / فاعل patterns
    return "past"


def _folded_set(name: str) -> frozenset[str]:
    return frozenset(fold(entry) for entry in read_lines(f"{LEXICONS}/{name}"))


@cache
def words(name: str) -> frozenset[str]:
    """The folded words of a word-list file (``name.txt``), several per line allowed."""
    return frozenset(fold(word) for line in read_lines(f"{LEXICONS}/{name}.txt") for word in line.split())


@cache
def phrases(name: str) -> tuple[str, ...]:
    """The entries of ``name.txt`` as written, one per line, in file order (not folded): for
    patterns matched on the stored text."""
    return tuple(read_lines(f"{LEXICONS}/{name}.txt"))


@cache
def lemmas(name: str) -> frozenset[str]:
    """Cue-verb lemmas as written in ``cue_verbs.tsv`` (not folded), from ``name.txt``."""
    return frozenset(word for line in read_lines(f"{LEXICONS}/{name}.txt") for word in line.split())


@cache
def eulogies() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Folded eulogy formulas (صلى الله عليه وسلم) split into words, by first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for line in read_lines(f"{LEXICONS}/eulogies.txt"):
        words = tuple(fold(w) for w in line.split())
        index.setdefault(words[0], []).append(words)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in index.items()}


def eulogy_length(norms: list[str]) -> int:
    """Words of a eulogy formula at the start of ``norms`` (folded words), or 0."""
    for formula in eulogies().get(norms[0] if norms else "", ()):
        if tuple(norms[: len(formula)]) == formula:
            return len(formula)
    return 0


@cache
def verbs_governing_short_quotes() -> dict[str, str | None]:
    """Lemma -> the folded preposition it must govern through (``عبر عن``), or ``None`` for any."""
    table: dict[str, str | None] = {}
    for line in read_lines(f"{LEXICONS}/verbs_governing_short_quotes.txt"):
        lemma, _, preposition = line.partition(" ")
        table[lemma] = fold(preposition.strip()) or None
    return table


def verbs_with_object_pronoun() -> frozenset[str]:
    """Lemmas often written with an object pronoun (يصفه، أبلغهم): their suffixed forms are cues."""
    return lemmas("verbs_with_object_pronoun")


@cache
def speaker_stops() -> frozenset[str]:
    return _folded_set("speaker_stops.txt")


@cache
def titles() -> frozenset[str]:
    """Role words, with their feminine forms generated (مدير → مديرة, الكاتب → الكاتبة)."""
    base = _folded_set("titles.txt")
    feminine = {t + "ه" for t in base if not t.endswith(("ه", "ي", "ا")) and len(t) > 2}
    return frozenset(base | feminine)


@cache
def organisation_heads() -> frozenset[str]:
    """Heads of organisation names, with and without the article (مكتب، المكتب)."""
    base = _folded_set("organisations.txt")
    return frozenset(base | {"ال" + word for word in base})


@cache
def person_titles() -> frozenset[str]:
    """Titles of people, not of bodies (رئيس, الوزير; not وزارة, مكتب)."""
    return titles() - organisation_heads()


@cache
def anonymous_heads() -> frozenset[str]:
    return _folded_set("anonymous_sources.txt")


@cache
def complementizers() -> frozenset[str]:
    return _folded_set("complementizers.txt")


@cache
def pronoun_suffixes() -> tuple[str, ...]:
    return tuple(sorted(_folded_set("pronoun_suffixes.txt"), key=len, reverse=True))


@cache
def not_speech_phrases() -> tuple[str, ...]:
    return tuple(sorted(_folded_set("not_speech.txt"), key=len, reverse=True))


@cache
def continuation_markers() -> tuple[str, ...]:
    return tuple(sorted(_folded_set("continuation_cues.txt"), key=len, reverse=True))


@cache
def according_to_phrases() -> tuple[str, ...]:
    """Folded ``بحسب``-family phrases, longest first; a trailing ``ـ`` is dropped by folding."""
    return tuple(sorted(_folded_set("according_to.txt"), key=len, reverse=True))


def _phrase_index(phrases: Iterable[str], at: int) -> dict[str, tuple[tuple[str, ...], ...]]:
    """``phrases`` split into words, grouped by their word at ``at`` (0 the first, -1 the last),
    each group in the order given (longest first): a text is matched against the few phrases
    its word can begin or end, not against all of them."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        parts = tuple(phrase.split())
        index.setdefault(parts[at], []).append(parts)
    return {k: tuple(v) for k, v in index.items()}


@cache
def according_to_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """According-to phrases split into words, grouped by their first word (longest first)."""
    return _phrase_index(according_to_phrases(), 0)


@cache
def opening_phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Folded sentence-opening adverbial phrases (``من جهته``, ``في المقابل``) split into words,
    grouped by their first word, longest first (``opening_phrases.txt``)."""
    return _phrase_index(sorted(_folded_set("opening_phrases.txt"), key=len, reverse=True), 0)


@cache
def not_speech_index() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Not-speech phrases split into words, grouped by their last word (longest first)."""
    return _phrase_index(not_speech_phrases(), -1)


@dataclass(frozen=True)
class BoilerplatePatterns:
    lines: tuple[re.Pattern[str], ...]
    prefixes: tuple[str, ...]
    fragments: tuple[re.Pattern[str], ...]
    # For each fragment: it cannot match a text in which ``latin_patterns.LATIN_RE`` finds nothing.
    latin_only: tuple[bool, ...] = ()
    # For each fragment: its every match begins with a character ``LATIN_RE`` finds.
    latin_start: tuple[bool, ...] = ()


@cache
def boilerplate_patterns() -> BoilerplatePatterns:
    lines: list[re.Pattern[str]] = []
    prefixes: list[str] = []
    fragments: list[re.Pattern[str]] = []
    for entry in read_lines(f"{LEXICONS}/boilerplate.tsv"):
        kind, _, pattern = entry.partition("\t")
        pattern = pattern.strip()
        if kind == "line":
            lines.append(re.compile(rf"(?:{pattern})\s*$"))
        elif kind == "prefix":
            prefixes.append(fold(pattern))
        elif kind == "fragment":
            fragments.append(re.compile(pattern, re.MULTILINE))
        else:
            raise ValueError(f"boilerplate.tsv: unknown kind {kind!r}")
    latin_only = tuple(needs_latin_letter(pattern) for pattern in fragments)
    latin_start = tuple(starts_with_latin_letter(pattern) for pattern in fragments)
    return BoilerplatePatterns(tuple(lines), tuple(prefixes), tuple(fragments), latin_only, latin_start)
