"""Where a speaker phrase starts and where it stops: punctuation, stop words, the first word,
anonymous sources.

Each rule looks at the token the walk stands on (``walk.py``) and either decides — the token
is taken or skipped (``Step.NEXT``), the phrase ends (``Step.END``), the cue has no subject
after it (``Step.NOTHING``) — or returns ``None`` and leaves the token to the next rule.
``phrase.py`` runs them in order; each rule's Arabic example is checked in
``tests/core/test_speaker_phrase_rules.py``, together with what goes wrong without the rule.
"""

from __future__ import annotations

from core.annotator import lexicon
from core.annotator.attribution.cues import name_after_verb
from core.annotator.attribution.extents import (
    affiliation_end,
    apposition_name,
    closing_parenthesis,
    comma_after_place,
    name_closing_role,
    role_resumes,
)
from core.annotator.attribution.walk import PhraseWalk, Step
from core.annotator.tokens import Token
from core.annotator.word_classes import (
    DEMONSTRATIVES,
    NAME_PARTICLES,
    has_pronoun_suffix,
    is_addressee,
    is_adjective,
    is_complementizer,
    is_definite,
    is_speaker_head,
    is_stop,
    without_joined_waw,
)


# Punctuation -------------------------------------------------------------------------------------
def initial_inside_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال ستيفن ج. هينتغس``: the full stop after an initial or an abbreviation (``د.``)
    stays inside the name."""
    if walk.started and walk.last == walk.index - 1 and walk.tokenized.closes_abbreviation(walk.index):
        return walk.skip()
    return None


def hashtag_inside_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال الرئيس محمود #عباس``: a hashtag glued to a word of the name stays inside it; one
    right after the cue (``أكد #البيت_الأبيض``) is left out: the name starts at its word."""
    if walk.ahead() is not None and walk.tokenized.opens_hashtag(walk.index):
        return walk.skip() if walk.started else walk.restart_at(walk.index + 1)
    return None


def name_in_parentheses_after_role(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقالت صحيفة (أو ستادو دي ساو باولو) إن``: after a title (or a title and its adjective:
    ``الصحيفة البارزة (…)``), a short parenthesis holds the name and closes it."""
    if token.norm != "(" or walk.state != "role" or not walk.started:
        return None
    titles = lexicon.titles()
    previous = walk.previous.norm
    if previous not in titles and not (is_adjective(previous) and walk.tokens[walk.first].norm in titles):
        return None
    closing = closing_parenthesis(walk.tokens, walk.index, walk.limit)
    if closing is None:
        return None
    walk.last, walk.index = closing, closing + 1
    walk.become("name", surname_done=True)
    return Step.NEXT


def pen_name_after_full_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال محمد سعيد عبد المقصود خوجة "الغربال" إن``: a quoted pen name after a full name
    is left out of the phrase."""
    closing = walk.tokenized.name_spans.get(walk.index)
    if closing is not None and closing > walk.index and walk.state == "name" and walk.name_words >= 2:
        return Step.END
    return None


def quoted_name_inside_phrase(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقالت صحيفة «تيليجراف» إن``: a short quoted name after a role or a name is the name;
    nothing but an apposition follows it. So is one right after the verb (``وقال "كيري" إنه``) when
    its words could be a name: no function word or complementiser (``قال «إن”`` is no subject)."""
    closing = walk.tokenized.name_spans.get(walk.index)
    if closing is None or closing <= walk.index:
        return None
    inside = walk.tokens[walk.index + 1 : closing]
    named = bool(inside) and not any(is_stop(t) or is_complementizer(t) for t in inside)
    if walk.state in ("role", "name") or (not walk.started and named):
        walk.last, walk.index = closing, closing + 1
        walk.become("name", surname_done=True)
        return Step.NEXT
    return None


# Where the phrase stops before a word ----------------------------------------------------------------
def line_break_ends_phrase(walk: PhraseWalk, token: Token) -> Step | None:
    """A phrase never runs over a line break (``وقال الوزير`` / next line ``اليوم …``)."""
    if walk.started and "\n" in walk.tokenized.text[walk.previous.end : token.start]:
        return Step.END
    return None


def eulogy_closes_mention(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال النبي صلى الله عليه وسلم إن``: a eulogy formula after a mention belongs to it and
    ends it."""
    if not walk.started or token.norm not in lexicon.eulogies():
        return None
    length = lexicon.eulogy_length([t.norm for t in walk.tokens[walk.index : min(walk.limit, walk.index + 5)]])
    if not length:
        return None
    walk.last = walk.index + length - 1
    return Step.END


def quantified_group(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال كثير من الخبراء إن``: ``من`` after a quantifier leads to the group it counts."""
    if token.norm == "من" and walk.started and walk.previous.norm in lexicon.words("quantifiers"):
        return walk.take()
    return None


def demonstrative_points_to_speaker(walk: PhraseWalk, token: Token) -> Step | None:
    """``وترى تلك الجهات التنظيمية أن``: a demonstrative before a speaker word points back to a
    speaker already named; the phrase starts at the noun."""
    if walk.started or token.norm not in DEMONSTRATIVES:
        return None
    nxt = walk.ahead()
    if nxt is not None and is_speaker_head(nxt.norm):
        return walk.restart_at(walk.index + 1)
    return None


def addressee_after_verb(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال لـ"الرياض" المحامي خالد إن``, ``وقال لـ CNN إنه``: a separate ل right after the
    verb introduces who was told; the subject comes after it."""
    if walk.started or token.norm not in ("ل", "لل") or walk.index + 1 >= walk.limit:
        return None
    closing = walk.tokenized.name_spans.get(walk.index + 1)
    return walk.restart_at(closing + 1 if closing is not None and closing > walk.index else walk.index + 2)


def plural_participle_is_a_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``قال نافين جين إن``: a plural participle right after a singular verb is a given name
    (نافين), not "denying"."""
    if not walk.started and walk.index == walk.cue_last + 1 and name_after_verb(walk.tokens, walk.index):
        walk.become("name", name_words=1, surname_done=False)
        return walk.take()
    return None


def role_resumes_after_place(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال مدير الشراكة الطبية في جامعة الملك سعود الدكتور عبد الله الصقعبي إن``: after a
    role's short ``في`` place, a definite title brings the person; the walk goes on from it."""
    if walk.state != "role" or token.norm != "في":
        return None
    resumed = role_resumes(walk.tokens, walk.index + 1, walk.limit, lexicon.titles())
    if resumed is None:
        return None
    walk.last, walk.index = resumed - 1, resumed
    return Step.NEXT


def role_place_ends_in_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال الناشط في الدفاع عن حقوق الإنسان فياتشيسلاف باتشكوف إنه``: a role's ``في`` phrase
    that runs to the complementiser and ends in a personal name takes it all."""
    if walk.state != "role" or token.norm != "في":
        return None
    named = name_closing_role(walk.tokenized, walk.index + 1, walk.limit)
    if named is None:
        return None
    walk.last = named
    return Step.END


def role_place_comma_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال مبعوث الأمم المتحدة للسلام في الشرق الأوسط، نيكولاي ميلادينوف، إن``: a role, its
    place, a comma and the name in apposition."""
    if walk.state != "role" or token.norm != "في":
        return None
    comma = comma_after_place(walk.tokens, walk.index + 1, walk.limit)
    if comma is None:
        return None
    named = apposition_name(walk.tokenized, walk.first, comma + 1, walk.limit)
    if named is None:
        return None
    walk.last = named
    return Step.END


def affiliation_of_anonymous_source(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال مسؤول في وزارة الحج إن``: an anonymous source keeps its affiliation after ``في``
    (up to three words), and the phrase ends there."""
    if walk.state != "anon" or token.norm != "في" or walk.index + 1 >= walk.limit:
        return None
    if walk.tokens[walk.first].norm not in lexicon.words("affiliated_heads"):
        return None
    span_end = affiliation_end(walk.tokens, walk.index + 1, walk.limit)
    if span_end is not None:
        walk.last = span_end
    return Step.END


def stop_word_ends_phrase(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال الوزير في مؤتمر صحفي``, ``وقال الوزير أمس``, ``وقال الوزير إن``: a preposition, a
    time word, a complementiser or a verb ends the phrase.

    Two names are spelled like stop words: ``بان`` before ``كي`` (``بان كي مون``) and ``بين``
    right after the verb before an indefinite word (``وقال بين بينايت``)."""
    if not is_stop(token) or _name_spelled_like_stop(walk, token):
        return None
    return Step.END


def _name_spelled_like_stop(walk: PhraseWalk, token: Token) -> bool:
    nxt = walk.ahead()
    if nxt is None:
        return False
    if token.norm == "بان":
        return nxt.norm == "كي"
    if token.norm == "بين":
        return not walk.started and nxt.is_word and not is_definite(nxt.norm) and not is_stop(nxt)
    return False


# The first word ------------------------------------------------------------------------------------
def _possessed_first_word(walk: PhraseWalk, token: Token) -> bool:
    return not walk.started and has_pronoun_suffix(walk.written(token)) and token.norm not in lexicon.anonymous_heads()


def relational_noun_before_name(walk: PhraseWalk, token: Token) -> Step | None:
    """``وأكد زعيمه صلاح الدين دميرتاش أن``: a noun with a pronoun (his leader), then a name."""
    if not _possessed_first_word(walk, token):
        return None
    nxt = walk.ahead()
    if nxt is None or not nxt.is_word or is_stop(nxt) or is_definite(nxt.norm) or has_pronoun_suffix(walk.written(nxt)):
        return None
    walk.become("name", name_words=0, surname_done=False)
    return walk.take()


def possessed_object_means_no_subject(walk: PhraseWalk, token: Token) -> Step | None:
    """``وجدد تأكيده أن``, ``وأكد حرصه على``: a noun with a pronoun right after the verb is its
    object; the subject is not named after the cue."""
    return Step.NOTHING if _possessed_first_word(walk, token) else None


def word_after_name_particle(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال عبد الأمير …``, ``وقال أبو مازن``: the word after a name particle is a name, even
    when it is also a title word."""
    if walk.started and walk.previous.norm in NAME_PARTICLES and walk.previous.norm != "ال":
        walk.become("name", surname_done=False)
        return walk.take()
    return None


# Anonymous sources -----------------------------------------------------------------------------------
def anonymous_source_opens(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقالت مصادر مطلعة إن``: an anonymous-source word opens the phrase."""
    if walk.state == "" and without_joined_waw(token.norm) in lexicon.anonymous_heads():
        walk.become("anon")
        return walk.take()
    return None


def addressee_after_anonymous_source(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال أحدهم للدكتور سمير إن``: ل + a title (or + an organisation, after a source that
    is a person: مسؤول، مصدر) names who was told; the source ends before it."""
    if walk.state == "anon" and is_addressee(token.norm, person=walk.tokens[walk.first].norm in lexicon.words("affiliated_heads")):
        return Step.END
    return None


def definite_source_takes_no_indefinite_word(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال الباحثون خطر …``: a definite source takes no indefinite adjective; what follows
    is the rest of the clause."""
    if walk.state == "anon" and is_definite(walk.tokens[walk.first].norm) and not is_definite(token.norm):
        return Step.END
    return None


def anonymous_source_runs_on(walk: PhraseWalk, token: Token) -> Step | None:
    """``وقال مصدر مطلع إن``, ``وقال أحد المسؤولين``: up to three adjectives or genitives
    qualify an anonymous source; a definite noun (not its genitive, nor a definite adjective of
    a definite source) or a noun with a pronoun is the rest of the clause."""
    if walk.state != "anon":
        return None
    norm, previous = token.norm, walk.previous.norm
    construct = previous.startswith("ل") or walk.last == walk.first or previous == "من"
    adjective = is_definite(norm) and is_adjective(norm) and is_definite(previous)
    if (is_definite(norm) and not construct and not adjective) or walk.name_words >= 3 or has_pronoun_suffix(walk.written(token)):
        return Step.END
    walk.name_words += 1
    return walk.take()
