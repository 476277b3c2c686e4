"""How the speaker finder picks one option from the attribution ranker's probabilities.

Options that give one answer pool their probabilities: spans of one slot that start at the
same word (they differ only in where the name ends), carry-overs of the same speaker. So an
answer that is surely right is not outweighed, option by option, while it is reached several
ways.
"""

from __future__ import annotations

from core.annotator.attribution import SpeakerPhrase
from core.annotator.speaker_choice import Decision, likeliest
from core.annotator.speaker_options import Slot
from core.annotator.speakers import Entity


def _phrase(first: int, last: int) -> SpeakerPhrase:
    return SpeakerPhrase(first, last, first * 10, last * 10 + 5)


def _decision(options: list[tuple[Slot, SpeakerPhrase | None]]) -> Decision:
    return Decision(
        [slot for slot, _ in options],
        [span for _, span in options],
        [[] for _ in options],
        [[] for _ in options],
    )


def test_a_start_whose_end_is_in_doubt_outweighs_a_single_likelier_carry_over() -> None:
    subject = Slot("subject", [_phrase(3, 5), _phrase(3, 6)])
    carry = Slot("carry", back=1)
    decision = _decision([(subject, _phrase(3, 5)), (subject, _phrase(3, 6)), (carry, None)])
    # The carry-over is the likeliest single option (0.4), the subject's start 0.6 in all.
    assert likeliest(decision, [0.3, 0.3, 0.4], range(3)) == 0
    assert likeliest(decision, [0.25, 0.35, 0.4], range(3)) == 1  # its likelier end


def test_spans_of_different_starts_do_not_add_up() -> None:
    subject = Slot("subject", [_phrase(3, 5), _phrase(8, 9)])
    rule = Slot("rule", [_phrase(12, 13)])
    decision = _decision([(subject, _phrase(3, 5)), (subject, _phrase(8, 9)), (rule, _phrase(12, 13))])
    # Two starts of the subject slot (0.3 each) are two answers, not one: the rule's 0.4 wins.
    assert likeliest(decision, [0.3, 0.3, 0.4], range(3)) == 2


def test_only_the_options_given_are_weighed() -> None:
    subject = Slot("subject", [_phrase(3, 5), _phrase(3, 6)])
    carry = Slot("carry", back=1)
    decision = _decision([(subject, _phrase(3, 5)), (subject, _phrase(3, 6)), (carry, None)])
    # With the longer span refused, the shorter one alone (0.3) weighs less than the carry-over.
    assert likeliest(decision, [0.3, 0.3, 0.4], [0, 2]) == 2


def test_a_tie_goes_to_the_earlier_option() -> None:
    carry1, carry2 = Slot("carry", back=1), Slot("carry", back=2)
    decision = _decision([(carry1, None), (carry2, None)])
    assert likeliest(decision, [0.5, 0.5], range(2)) == 0


def test_carry_overs_of_one_speaker_pool_their_weight() -> None:
    rule = Slot("rule", [_phrase(12, 13)])
    carry1, carry2, carry3 = Slot("carry", back=1), Slot("carry", back=2), Slot("carry", back=3)
    decision = _decision([(rule, _phrase(12, 13)), (carry1, None), (carry2, None), (carry3, None)])
    minister, envoy = Entity(name_text="وزير الخارجية"), Entity(name_text="المبعوث")
    probabilities = [0.4, 0.25, 0.1, 0.25]
    # The two quotes before were the minister's (0.25 + 0.25): he outweighs the rule's 0.4.
    assert likeliest(decision, probabilities, range(4), [None, minister, envoy, minister]) == 1
    # Three different speakers carried over: the rule's single option is the likeliest answer.
    other = Entity(name_text="المتحدث")
    assert likeliest(decision, probabilities, range(4), [None, minister, envoy, other]) == 0


def test_carry_overs_of_nobody_stand_alone() -> None:
    rule = Slot("rule", [_phrase(12, 13)])
    carry1, carry2 = Slot("carry", back=1), Slot("carry", back=2)
    decision = _decision([(rule, _phrase(12, 13)), (carry1, None), (carry2, None)])
    # Two earlier quotes without a speaker are not one answer to pool.
    assert likeliest(decision, [0.4, 0.3, 0.3], range(3), [None, None, None]) == 0
