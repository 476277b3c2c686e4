"""Word classes the annotator's rules share, from the lexicons in ``resources/lexicons``.

Every test here takes a folded word (``Token.norm``) unless it says it takes the word as
written: possessive suffixes are read on the stored text, where ``ة`` is not yet ``ه``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

from core.annotator import lexicon
from core.annotator.tokens import Token, TokenizedText
from core.folding import name_key

NAME_PARTICLES = lexicon.words("name_particles")  # عبد الله، أبو مازن، ابن تيمية، آل سعود
RELATIVE_PRONOUNS = lexicon.words("relative_pronouns")
CLAUSE_OPENERS = lexicon.words("clause_openers")
NO_SUBJECT_AFTER = lexicon.words("no_subject_after")
AUXILIARIES = lexicon.words("auxiliaries") | lexicon.words("already_auxiliary")
TOPIC_MARKERS = lexicon.words("topic_markers")
DEMONSTRATIVES = lexicon.words("demonstratives")
CONNECTIVES = lexicon.words("connectives")
CONNECTORS = CONNECTIVES | lexicon.words("contrast_connectives")  # و، كما، ثم، بينما … and إلا، غير
BODY_LINKS = lexicon.words("body_links")  # باسم، لدى: a role's link to the body it serves
NAMES_WRITTEN_AS_PREPOSITIONS = lexicon.words("names_written_as_prepositions")  # علي، باسم
_VERB_PREPOSITIONS = lexicon.words("verb_preposition_homographs")
_VERB_PARTICLES = lexicon.words("verb_particles")  # قد، وقد، فقد: a verb follows
NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات", "يان")  # relational adjectives: الروسي، السعودية
_POSSESSIVE_SUFFIXES = ("ه", "ها", "هم", "هما", "هن")
_MEDIA = lexicon.words("media_addressees")
PREPOSITIONS = lexicon.words("prepositions") | lexicon.words("noun_prepositions")  # في، على، بعد، خلال
_NEVER_LAST = PREPOSITIONS | RELATIVE_PRONOUNS | NAME_PARTICLES


def ends_on_function_word(text: str) -> bool:
    """Does a name end on a preposition, relative pronoun or particle? Then it ran on into the
    sentence (``سانا عن``, ``الممثلة الأمريكية التي``) or was cut before what it governs
    (``المتحدث الرسمي باسم``). ``على`` is one, the name ``علي`` is not, though folding writes
    both ``علي``."""
    last = text.split()[-1]
    key = name_key(last)
    if key in ("ل", "ب", "ك", "و", "ف"):
        return True  # a prefix written apart (المدير التنفيذي لـ): what it governs was cut off
    return key in _NEVER_LAST and not (key == "علي" and last.endswith("ي"))


def reads_as_preposition(tokens: Sequence[Token], index: int) -> bool:
    """A reporting-verb form written like a preposition or an adverb (``بين`` "between"
    and بيّن "showed", ``عبر`` "via" and عبّر "expressed", ``عقب`` "after" and عقّب "commented"),
    written right after a word of its clause (``الشراكات بين الحكومة``, ``وصرح المسؤول عقب
    الاجتماع أن``): read as the preposition, which neither heads a subject nor introduces a
    quote. After punctuation, a connective, a relative pronoun or قد (``وبين``, ``كما بين``, ``الذي
    بين``, ``وقد عبر``) it stays a verb."""
    if index == 0:
        return False
    if tokens[index].norm not in _VERB_PREPOSITIONS:
        return False
    before = tokens[index - 1]
    return before.is_word and before.norm not in CONNECTORS and before.norm not in RELATIVE_PRONOUNS and before.norm not in _VERB_PARTICLES


def opens_with_preposition(token: Token) -> bool:
    """Is ``token`` a preposition, alone or joined by و or ف (``في``، ``وعلى``، ``فمن``; not
    the name علي)? A sentence that opens with one opens with a prepositional phrase: the noun
    after it is the preposition's object (``ومن جهة أخرى``, ``وفي عدد يونيو``), never the
    subject of the clause's verb. A verb written like a preposition (``وعبر``, ``وبين``) opens
    a sentence as the verb: ``وعبر اللاعب عن سعادته``."""
    norm = token.norm
    bare = norm[1:] if norm[:1] in ("و", "ف") else norm
    if bare in _VERB_PREPOSITIONS or norm in _VERB_PREPOSITIONS or (bare == "علي" and not token.maqsura):
        return False
    return norm in PREPOSITIONS or bare in PREPOSITIONS


def is_stop(token: Token) -> bool:
    """Does ``token`` end a speaker phrase?"""
    norm = token.norm
    return stops_word(norm, token.is_word, token.is_name_ali)


def stops_word(norm: str, is_word: bool, name_ali: bool) -> bool:
    """``is_stop`` of a token given by its folded form, whether it is a word, and whether it is
    the name علي rather than the preposition على its folding matches (the name stops nothing)."""
    if not is_word:
        return True
    if name_ali:
        return False
    return stops_phrase(norm)


@lru_cache(maxsize=8192)
def stops_phrase(norm: str) -> bool:
    """``is_stop`` of a word by its folded form, kept for the most recent words: the phrase
    rules and the speaker features ask about every word near a cue, and the same words recur
    from article to article."""
    if norm in lexicon.speaker_stops() or norm in lexicon.complementizers():
        return True
    if norm.isdigit() or norm[:1].isdigit():
        return True
    form = lexicon.cue_forms().get(norm)
    if form is not None and form.tense != "noun":
        return True
    return norm in ("وان", "بان", "لان", "فان") or (norm.startswith(("انه", "انها", "بانه", "بانها")) and len(norm) <= 6)


def is_definite(norm: str) -> bool:
    """``الوزير``, ``والوزير``: the article, with or without a joined و."""
    return norm.startswith(("ال", "وال"))


def is_adjective(norm: str) -> bool:
    """An adjective that may follow a name or a role (listed, or a nisba such as ``الروسي``)."""
    return norm in lexicon.words("name_adjectives") or norm.endswith(NISBA_ENDINGS)


def without_joined_waw(norm: str) -> str:
    """A word without a joined و when the rest is definite or a title (``والمتحدث``, ``ووزير``)."""
    rest = norm[1:]
    return rest if norm.startswith("و") and (rest.startswith("ال") or rest in lexicon.titles()) else norm


def is_speaker_head(norm: str) -> bool:
    """A word that can head a speaker phrase: a title, an organisation or an anonymous source."""
    return norm in lexicon.titles() or norm in lexicon.organisation_heads() or norm in lexicon.anonymous_heads()


def is_addressee(norm: str, *, person: bool) -> bool:
    """``للدكتور``, ``للرسول``: ل + a title names who was told; so does ل + an organisation after
    a person (``مسؤول لوكالة``), but not after a document (``تقرير لجمعية المزارعين``)."""
    rest = _after_lam(norm)
    if not rest or (not norm.startswith("لل") and len(norm) <= 3):
        return False
    organisations = lexicon.organisation_heads()
    if rest in organisations:
        return person
    return rest in lexicon.titles()


def names_a_medium(norm: str) -> bool:
    """``لرويترز``, ``لصحيفة``, ``للجزيرة``, ``لبي`` (بي بي سي): ل and a medium a person speaks
    to (``media_addressees.txt``)."""
    rest = _after_lam(norm)
    return bool(rest) and (rest in _MEDIA or rest.removeprefix("ال") in _MEDIA)


def _after_lam(norm: str) -> str:
    """The word a ل is written onto, with its article (``للجزيرة`` → ``الجزيرة``, ``لرويترز`` →
    ``رويترز``), or "" when ``norm`` does not start with ل."""
    if norm.startswith("لل"):
        return "ال" + norm[2:]
    return norm[1:] if norm.startswith("ل") else ""


def has_pronoun_suffix(written: str) -> bool:
    """``نظيره``, ``زعيمه``, ``لنفسها``: a possessive suffix marks a common noun, not a name.

    Takes the word as written (``زوجة`` ends in ة, not in the suffix ه)."""
    return len(written) > 3 and written.endswith(_POSSESSIVE_SUFFIXES) and written not in ("الله", "عبدالله")


def is_complementizer(token: Token) -> bool:
    """``أن``/``إن``/``بأن``/``فإن``, bare or with a pronoun (``أنه``, ``إنهم``), folded."""
    return token.norm in complementizer_forms()


@cache
def complementizer_forms() -> frozenset[str]:
    """The folded forms ``is_complementizer`` accepts (for loops that test every token)."""
    bases = ("ان", "بان", "فان")
    return frozenset(bases) | {base + suffix for base in bases for suffix in lexicon.pronoun_suffixes()}


@cache
def that_forms() -> frozenset[str]:
    """The complementisers that open reported words, bare or with a pronoun (أن، إن، بأن،
    أنه …): ``complementizer_forms`` without فإن, which opens a consequence."""
    return frozenset(form for form in complementizer_forms() if not form.startswith("ف"))


def opens_report(token: Token) -> bool:
    """A complementiser (أن، إنه، بأنها …, or لأن of the lexicon) that ends an apposition."""
    return token.is_word and (token.norm in lexicon.complementizers() or token.norm.startswith(("انه", "انها", "بان")))


def is_personal_name_word(tokenized: TokenizedText, token: Token) -> bool:
    """An indefinite word that is no title, adjective, stop word, number or suffixed noun: a
    word of a person's name (``فياتشيسلاف``, ``باتشكوف``)."""
    norm = token.norm
    return (
        token.is_word
        and not is_definite(norm)
        and not is_stop(token)
        and not is_adjective(norm)
        and norm not in lexicon.titles()
        and not has_pronoun_suffix(tokenized.text[token.start : token.end])
        and not norm[:1].isdigit()
    )


def after_opening_adverbial(tokens: Sequence[Token], first: int, point: int) -> int | None:
    """The word after a sentence-opening adverbial phrase, comma or none (``من جهته أكد``,
    ``في المقابل وزعت``; ``resources/lexicons/opening_phrases.txt``), where the clause's verb
    stands; ``None`` when the sentence does not open with one (or nothing follows it)."""
    if first >= point:
        return None
    index = lexicon.opening_phrases()
    head = tokens[first].norm
    bare = head[1:] if head[:1] in ("و", "ف") and len(head) > 2 else ""  # ومن جهته، فضلا
    for word in (head, bare):
        for phrase in index.get(word, ()):
            size = len(phrase)
            if first + size < point and all(tokens[first + j].norm == phrase[j] for j in range(1, size)):
                k = first + size
                if tokens[k].norm in ("،", ","):
                    k += 1
                return k if k < point and tokens[k].is_word else None
    return None
