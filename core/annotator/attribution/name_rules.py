"""Roles, names and descriptive noun phrases: how a speaker phrase goes on inside.

A *role* (titles and their complements) may give way to a *name* (given names, then one
definite surname); a definite first word opens a descriptive noun phrase (``الجانب الروسي``),
which may turn out to be a profession before a name. The rules follow the conventions of
``edge_rules.py``; the last one, ``apposition_after_comma``, runs once the walk has stopped.
"""

from __future__ import annotations

from core.annotator import lexicon
from core.annotator.attribution.extents import apposition_name
from core.annotator.attribution.walk import PhraseWalk, Step
from core.annotator.tokens import Token
from core.annotator.word_classes import (
    NAME_PARTICLES,
    NISBA_ENDINGS,
    has_pronoun_suffix,
    is_adjective,
    is_definite,
    without_joined_waw,
)


# Titles and roles ------------------------------------------------------------------------------------
def title_after_nameless_start(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال نظيره رئيس الوزراء``, ``وقال عبد الخالق عبد الله خبير العلوم السياسية``: a name
    with no given name counted (a relational noun, or names made of particles and their words)
    takes no title after it; the phrase ends before the role in apposition."""
    if walk.state == "name" and not walk.surname_done and walk.name_words == 0 and without_joined_waw(token.norm) in lexicon.titles():
        return Step.END
    return None


def definite_title_after_surname(walk: PhraseWalk, token: Token) -> Step | None:
    """``وطالب الجبرتي الوزارة بإعادة …``: a definite word alone (a surname), then a definite
    title word: that is the verb's object. (It also cuts ``آل الشيخ`` after ``آل``.)"""
    if walk.state != "np" or walk.last != walk.first:
        return None
    plain = without_joined_waw(token.norm)
    if plain in lexicon.titles() and plain.startswith("ال"):
        return Step.END
    return None


def title_after_plural_noun(walk: PhraseWalk, token: Token) -> Step | None:
    """``وطالب المشاركون أجهزة الدولة``: a plural noun alone, then a title word: the verb's
    object."""
    if walk.state != "np" or walk.last != walk.first or not walk.tokens[walk.first].norm.endswith(("ون", "ين")):
        return None
    return Step.END if without_joined_waw(token.norm) in lexicon.titles() else None


def title_opens_role(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال وزير الخارجية الروسي سيرغي لافروف``: a title word starts (or goes on with) a role,
    which then runs through its complements; an indefinite title expects one (``وزير`` +
    ``الخارجية``)."""
    plain = without_joined_waw(token.norm)
    if plain not in lexicon.titles():
        return None
    walk.become("role", surname_done=False)
    walk.expect_complement = not plain.startswith("ال") and len(plain) > 1  # "د." takes no complement
    return walk.take()


def definite_body_takes_no_genitive(walk: PhraseWalk, token: Token) -> Step | None:
    """``وأدانت الحكومة القصف``: a definite body takes no definite genitive; the noun after it
    is the verb's object."""
    if walk.state != "role" or walk.last != walk.first:
        return None
    head = walk.tokens[walk.first].norm
    if is_definite(head) and head in lexicon.organisation_heads() and is_definite(token.norm) and not is_adjective(token.norm):
        return Step.END
    return None


def body_adjective_closes_role(walk: PhraseWalk, token: Token) -> Step | None:
    """``ونفت وزارة الدفاع الروسية المعلومات``: a body's nisba adjective closes it; a definite
    noun after that is the verb's object."""
    if walk.state != "role" or walk.last <= walk.first:
        return None
    norm, previous = token.norm, walk.previous.norm
    if (
        is_definite(norm)
        and not is_adjective(norm)
        and norm not in lexicon.titles()
        and previous.endswith(("يه", "ي"))
        and is_adjective(previous)
        and walk.tokens[walk.first].norm in lexicon.organisation_heads()
    ):
        return Step.END
    return None


def role_takes_complement(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال المتحدث باسم وزارة الخارجية الروسية``: definite words, ل-constructs (``للشؤون``),
    ``باسم`` and the complement an indefinite title expects go on with the role."""
    if walk.state != "role":
        return None
    norm = token.norm
    nxt = walk.ahead()
    lam_construct = norm.startswith("لل") or (norm.startswith("ل") and nxt is not None and is_definite(nxt.norm))
    if walk.expect_complement or is_definite(norm) or lam_construct or norm == "باسم":
        walk.expect_complement = norm == "باسم" or not (is_definite(norm) or norm.startswith("ل"))
        return walk.take()
    return None


def role_gives_way_to_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال وزير الخارجية سيرغي لافروف``: after a complete role, an indefinite word starts the
    person's name; the name rules judge it."""
    if walk.state == "role":
        walk.become("name", name_words=0, surname_done=False)
    return None


# After a name ------------------------------------------------------------------------------------------
def verb_joined_after_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال ستيفن ج. هينتغس ويعمل في المختبر``: an imperfect verb joined by و after two name
    words starts a new clause."""
    norm = token.norm
    if walk.state == "name" and walk.name_words >= 2 and norm[:1] == "و" and norm[1:2] in ("ي", "ت") and len(norm) >= 5:
        return Step.END
    return None


def prepositional_phrase_after_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وأشار جين لخلفيته كرجل أعمال``: ل/ب/ك + a noun with a pronoun after a name is a
    prepositional phrase, not part of the name."""
    if walk.state == "name" and token.norm[:1] in ("ل", "ب", "ك") and has_pronoun_suffix(walk.written(token)):
        return Step.END
    return None


def object_after_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وطالب قاسم بالتركيز على …``: بال… after a name is the verb's object."""
    if walk.state == "name" and walk.started and token.norm.startswith("بال"):
        return Step.END
    return None


def institution_named_after_person(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال مانشن لمجلس الشيوخ الأمريكي``, ``جامعة الملك فهد للبترول``: لل… or ل + a word
    before a definite one after a name: the walk goes back to reading a role (an institution,
    or the addressee the rules cannot tell from it), which runs through its definite words."""
    if walk.state != "name":
        return None
    norm = token.norm
    nxt = walk.ahead()
    if norm.startswith("لل") or (norm.startswith("ل") and is_definite(nxt.norm if nxt is not None else "")):
        walk.become("role")
        walk.expect_complement = False
        return walk.take()
    return None


def suffixed_word_after_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وأكد الرئيس الأمريكي حينها أن``: a word with a pronoun suffix right after a role, after
    two given names or after a surname is not part of the phrase. (A name ending in ه, such as
    ``أندريه``, is read as such a word too.)"""
    if walk.state != "name" or not walk.started or not has_pronoun_suffix(walk.written(token)):
        return None
    if walk.surname_done or walk.name_words >= 2 or walk.name_words == 0:
        return Step.END
    return None


# Names ---------------------------------------------------------------------------------------------------
def bare_word_starts_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال لافروف``: a word no other rule claimed at the start is read as a name."""
    if walk.state == "":
        walk.become("name")
    return None


def surname_closes_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال سعيد الغامدي الخبر …``: after the surname (or a quoted name) only an apposition
    could follow, and the title rules took those; the name is complete."""
    return Step.END if walk.state == "name" and walk.surname_done else None


def definite_word_after_common_noun(walk: PhraseWalk, token: Token) -> Step | None:
    """A definite word after a name that has no given name counted, whose last word is neither
    definite nor a particle, is not taken: the role read the given names as its complement and
    the particle's word started the name, so ``وأوضح مدير فنون أبها أحمد بن إبراهيم السروي أن``
    stops before ``السروي`` (a loss the mention ranker may repair)."""
    if walk.state != "name" or not is_definite(token.norm) or walk.name_words != 0 or not walk.started:
        return None
    previous = walk.previous.norm
    if not is_definite(previous) and previous not in NAME_PARTICLES:
        return Step.END
    return None


def definite_word_after_three_given_names(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال بان كي مون الحادث``: three given names take no definite surname (unless a name
    particle is among them); the definite word is the verb's object."""
    if walk.state != "name" or not is_definite(token.norm) or walk.name_words < 3:
        return None
    if walk.started and walk.previous.norm in NAME_PARTICLES:
        return None
    if any(walk.tokens[k].norm in NAME_PARTICLES for k in range(walk.first, walk.last + 1)):
        return None
    return Step.END


def surname(walk: PhraseWalk, token: Token) -> Step | None:
    """``وصف إبراهيم الصاعدي الشاطئ بأنه``: a definite word after given names is the surname and
    closes the name (the second half of a compound such as ``صلاح الدين`` does not); a definite
    first word opens a descriptive noun phrase instead (``الجانب الروسي``)."""
    if walk.state != "name" or not is_definite(token.norm):
        return None
    in_name = walk.started and walk.previous.norm in NAME_PARTICLES
    compound = token.norm in lexicon.words("compound_name_seconds")
    walk.surname_done = (walk.name_words > 0 or not walk.started or in_name) and not compound
    if walk.name_words == 0 and not walk.started:
        walk.become("np")
    return walk.take()


def given_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال سيرغي لافروف``: indefinite words are given names, four at most (name particles such
    as ``عبد`` do not count)."""
    if walk.state != "name":
        return None
    if walk.name_words >= 4:
        return Step.END
    if token.norm not in NAME_PARTICLES:
        walk.name_words += 1
    return walk.take()


# Descriptive noun phrases --------------------------------------------------------------------------------
def profession_before_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال المزارع محمود العلي``: a definite profession, then an indefinite name (not after a
    family name such as ``الديلمي``, nor after a plural: ``المشاركون أجهزة`` is the object)."""
    if walk.state != "np" or walk.last != walk.first:
        return None
    if is_definite(token.norm) or has_pronoun_suffix(walk.written(token)):
        return None
    if walk.tokens[walk.first].norm.endswith((*NISBA_ENDINGS, "ون", "ات")):
        return None
    walk.become("name", name_words=1, surname_done=False)
    return walk.take()


def noun_phrase_adjective(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال الجانب الروسي``: definite adjectives (and لل… complements) qualify the noun."""
    if walk.state == "np" and is_definite(token.norm) and (is_adjective(token.norm) or token.norm.startswith("لل")):
        return walk.take()
    return None


def noun_phrase_lam_complement(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقالت المديرية العامة للجوازات``: a ل-complement goes on with the noun phrase."""
    norm = token.norm
    if walk.state == "np" and (norm.startswith("لل") or (norm.startswith("ل") and len(norm) > 3)):
        return walk.take()
    return None


# After the last token --------------------------------------------------------------------------------------
def apposition_after_comma(walk: PhraseWalk) -> None:
    """``وقال رئيس مركز "أسبار" للدراسات، الدكتور فهد الحارثي:``: a phrase of role words only
    that stops at a comma takes the name in apposition after it (``extents.apposition_name``)."""
    tokens = walk.tokens
    if walk.index >= walk.limit or tokens[walk.index].norm not in ("،", ","):
        return
    quoted: set[int] = set()
    for k in range(walk.first, walk.last + 1):
        closing = walk.tokenized.name_spans.get(k)
        if closing is not None and closing > k:
            quoted.update(range(k + 1, closing))  # the words inside «أسبار» are no role words
    words = [tokens[k] for k in range(walk.first, walk.last + 1) if tokens[k].is_word and k not in quoted]
    titles = lexicon.titles()
    if words and all(t.norm in titles or is_definite(t.norm) or t.norm.startswith("ل") for t in words):
        extended = apposition_name(walk.tokenized, walk.first, walk.index, walk.limit)
        if extended is not None:
            walk.last = extended
