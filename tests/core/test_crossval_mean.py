"""The mean of cross-validated scores (``eval --folds K --json``'s ``mean`` object)."""

from __future__ import annotations

from core.annotator.trained import AnnotatorModel
from core.crossval import CrossValidation, FoldResult
from core.evaluate import Scores


def _fold(number: int, pairs: list[tuple[float, bool]]) -> FoldResult:
    scores = Scores()
    scores.speaker_confidence.extend(pairs)
    return FoldResult(number, [f"article {number}"], scores, AnnotatorModel())


def test_the_mean_reliability_table_averages_every_fold_band_by_band() -> None:
    # Fold 1 has quotes only in the top band; fold 2 also one in 0.4-0.6. The mean's table is
    # both folds' band by band, not the first fold's, and a band empty in one fold has the
    # other's accuracy.
    result = CrossValidation([_fold(1, [(0.95, True), (0.95, False)]), _fold(2, [(0.95, True), (0.5, True)])])
    bands = {row["band"]: row for row in result.mean()["speaker_confidence"]}
    assert bands["0.9–1.0"] == {"band": "0.9–1.0", "right": 1.0, "total": 1.5, "accuracy": 0.75}
    assert bands["0.4–0.6"]["accuracy"] == 1.0 and bands["0.4–0.6"]["total"] == 0.5
    assert bands["0.0–0.2"]["accuracy"] is None
