"""The linear ranker and the confidence calibration behind the speaker finder."""

from __future__ import annotations

import math

import pytest

from core.annotator.calibration import MIN_BAND, SHRINK, Calibration, fit_calibration, reliability
from core.annotator.ranker import Question, Ranker, train


def _questions() -> list[Question]:
    """Two options each; the right one always has feature "good", sometimes also "noise"."""
    questions = []
    for k in range(40):
        noise = ["noise"] if k % 3 == 0 else []
        questions.append(Question([["good", *noise], ["bad"]], [True, False]))
        questions.append(Question([["bad", "noise"], ["good"]], [False, True]))
    return questions


def test_training_learns_which_feature_marks_the_right_option() -> None:
    ranker = train(_questions())
    assert ranker.weights["good"] > ranker.weights["bad"]
    probabilities = ranker.probabilities([["good"], ["bad"]])
    assert math.isclose(sum(probabilities), 1.0)
    assert probabilities[0] > 0.9


def test_training_is_deterministic_and_round_trips_through_json() -> None:
    first, second = train(_questions()), train(_questions())
    assert first.to_json() == second.to_json()
    again = Ranker.from_json(first.to_json())
    assert again.probabilities([["good"], ["bad"]]) == pytest.approx(first.probabilities([["good"], ["bad"]]), abs=1e-3)


def test_several_right_options_share_the_probability() -> None:
    ranker = train([Question([["a"], ["b"], ["c"]], [True, True, False]) for _ in range(30)])
    pa, pb, pc = ranker.probabilities([["a"], ["b"], ["c"]])
    assert pa > pc and pb > pc


def test_questions_without_a_right_option_teach_nothing() -> None:
    assert train([Question([["a"], ["b"]], [False, False])]).weights == {}


def test_a_prior_holds_weights_that_new_data_does_not_contradict() -> None:
    prior = Ranker({"good": 2.0, "other": 1.5})
    ranker = train(_questions()[:4], prior=prior, prior_strength=0.5)
    assert ranker.weights["other"] == pytest.approx(1.5)  # unseen in the new data: kept
    assert ranker.weights["good"] > 1.0


def test_unknown_features_weigh_nothing() -> None:
    assert Ranker({"a": 1.0}).score(["a", "never seen"]) == 1.0


def test_calibration_is_monotone_and_matches_measured_rates() -> None:
    pairs = [(0.9, k % 10 != 0) for k in range(200)] + [(0.5, k % 2 == 0) for k in range(200)]
    pairs += [(0.3, k % 5 == 0) for k in range(200)]
    calibration = fit_calibration(pairs)
    assert calibration(0.3) == pytest.approx(0.2, abs=0.05)
    assert calibration(0.5) == pytest.approx(0.5, abs=0.05)
    assert calibration(0.95) == pytest.approx(0.9, abs=0.05)
    values = [calibration(x / 100) for x in range(101)]
    assert values == sorted(values)
    assert Calibration.from_json(calibration.to_json())(0.5) == pytest.approx(calibration(0.5), abs=1e-3)


def test_a_small_band_is_pulled_towards_the_overall_rate() -> None:
    # 400 answers right 90 % of the time, and a low band of the fewest answers a band may hold,
    # all wrong: so few answers do not promise that a later quote there is always wrong.
    pairs = [(0.9, k % 10 != 0) for k in range(400)] + [(0.1, False)] * MIN_BAND
    calibration = fit_calibration(pairs)
    overall = 360 / (400 + MIN_BAND)
    assert calibration(0.1) == pytest.approx(SHRINK * overall / (MIN_BAND + SHRINK))
    assert calibration(0.1) > 0.1
    assert calibration(0.9) == pytest.approx((360 + SHRINK * overall) / (400 + SHRINK))


def test_too_few_answers_leave_probabilities_as_they_are() -> None:
    assert fit_calibration([(0.7, True)] * 5)(0.7) == 0.7


def test_reliability_counts_each_band() -> None:
    rows = {band: (right, total) for band, right, total in reliability([(0.95, True), (0.95, False), (0.1, False)])}
    assert rows["0.9–1.0"] == (1, 2)
    assert rows["0.0–0.2"] == (0, 1)
