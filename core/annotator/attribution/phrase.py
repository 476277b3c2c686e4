"""The speaker phrase right after a verb-first cue: a walk over the words, run by named rules.

Arabic news names most speakers right after the verb (``وقال دميتري بيسكوف الناطق …:``). The
phrase there is a *role* (titles, definite words, ``ل…``/``وال…`` words, the complement of an
indefinite title), a *name* (indefinite words, then at most one definite surname, after which
only a title may follow as an apposition), an *anonymous* source (``مصادر مطلعة``, ``مسؤول في
وزارة الحج``) or a descriptive noun phrase (``الجانب الروسي``). It ends at the first word that
starts the rest of the clause: a preposition, a time word, a complementiser, punctuation, or an
object after a complete name.

Each of these decisions is a rule (``edge_rules``, ``name_rules``). The driver shows each token
to the rules in the order below; the first that decides wins, and a token no rule takes ends
the phrase (any punctuation not listed: ``وقال الوزير:``). The order is part of the rules'
meaning: the exceptions come before the rule they except.
"""

from __future__ import annotations

from core.annotator.attribution.cues import SpeakerPhrase
from core.annotator.attribution.edge_rules import (
    addressee_after_anonymous_source,
    addressee_after_verb,
    affiliation_of_anonymous_source,
    anonymous_source_opens,
    anonymous_source_runs_on,
    definite_source_takes_no_indefinite_word,
    demonstrative_points_to_speaker,
    eulogy_closes_mention,
    hashtag_inside_name,
    initial_inside_name,
    line_break_ends_phrase,
    name_in_parentheses_after_role,
    pen_name_after_full_name,
    plural_participle_is_a_name,
    possessed_object_means_no_subject,
    quantified_group,
    quoted_name_inside_phrase,
    relational_noun_before_name,
    role_place_comma_name,
    role_place_ends_in_name,
    role_resumes_after_place,
    stop_word_ends_phrase,
    word_after_name_particle,
)
from core.annotator.attribution.name_rules import (
    apposition_after_comma,
    bare_word_starts_name,
    body_adjective_closes_role,
    definite_body_takes_no_genitive,
    definite_title_after_surname,
    definite_word_after_common_noun,
    definite_word_after_three_given_names,
    given_name,
    institution_named_after_person,
    noun_phrase_adjective,
    noun_phrase_lam_complement,
    object_after_name,
    prepositional_phrase_after_name,
    profession_before_name,
    role_gives_way_to_name,
    role_takes_complement,
    suffixed_word_after_name,
    surname,
    surname_closes_name,
    title_after_nameless_start,
    title_after_plural_noun,
    title_opens_role,
    verb_joined_after_name,
)
from core.annotator.attribution.walk import MAX_SPEAKER_TOKENS, PhraseWalk, Rule, Step
from core.annotator.tokens import Token, TokenizedText

PUNCTUATION_RULES: tuple[Rule, ...] = (
    initial_inside_name,
    hashtag_inside_name,
    name_in_parentheses_after_role,
    pen_name_after_full_name,
    quoted_name_inside_phrase,
)

WORD_RULES: tuple[Rule, ...] = (
    line_break_ends_phrase,
    eulogy_closes_mention,
    quantified_group,
    demonstrative_points_to_speaker,
    addressee_after_verb,
    plural_participle_is_a_name,
    role_resumes_after_place,
    role_place_ends_in_name,
    role_place_comma_name,
    affiliation_of_anonymous_source,
    stop_word_ends_phrase,
    relational_noun_before_name,
    possessed_object_means_no_subject,
    word_after_name_particle,
    anonymous_source_opens,
    addressee_after_anonymous_source,
    definite_source_takes_no_indefinite_word,
    anonymous_source_runs_on,
    title_after_nameless_start,
    definite_title_after_surname,
    title_after_plural_noun,
    title_opens_role,
    definite_body_takes_no_genitive,
    body_adjective_closes_role,
    role_takes_complement,
    role_gives_way_to_name,
    verb_joined_after_name,
    prepositional_phrase_after_name,
    object_after_name,
    institution_named_after_person,
    suffixed_word_after_name,
    bare_word_starts_name,
    surname_closes_name,
    definite_word_after_common_noun,
    definite_word_after_three_given_names,
    surname,
    given_name,
    profession_before_name,
    noun_phrase_adjective,
    noun_phrase_lam_complement,
)


def speaker_after(tokenized: TokenizedText, cue_last: int, limit: int) -> SpeakerPhrase | None:
    """The noun phrase right after a verb-first cue (``None`` if the cue has no subject there).

    ``cue_last`` is the cue's last token; the phrase lies before token ``limit``.
    """
    walk = PhraseWalk.after(tokenized, cue_last, limit)
    while walk.index < walk.limit and walk.index - walk.first < MAX_SPEAKER_TOKENS + 4:
        step = decide(walk, walk.tokens[walk.index])
        if step is Step.END:
            break
        if step is Step.NOTHING:
            return None
    if not walk.started:
        return None
    tokens = walk.tokens
    while walk.last > walk.first and not tokens[walk.last].is_word and tokenized.name_spans.get(walk.last) is None:
        walk.last -= 1  # a trailing mark, unless it closes a quoted name
    apposition_after_comma(walk)
    return SpeakerPhrase(walk.first, walk.last, tokens[walk.first].start, tokens[walk.last].end)


def decide(walk: PhraseWalk, token: Token) -> Step:
    """The first rule's decision on ``token``; a token no rule takes ends the phrase."""
    for rule in WORD_RULES if token.is_word else PUNCTUATION_RULES:
        step = rule(walk, token)
        if step is not None:
            return step
    return Step.END
