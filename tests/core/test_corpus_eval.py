"""The annotator on the real development corpus (skipped where ../shared/corpus is absent).

The figures that count are cross-validated: every article is scored by a model whose learned
parts were fitted without it (``iqtibas eval CORPUS --folds 5``). The minimums sit just under the
measured means, so a change that makes the annotator worse on unseen articles fails here;
``iqtibas eval ../shared/corpus --folds 5 --errors`` shows what changed.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from core.annotator.calibration import reliability
from core.cli import main
from core.crossval import CrossValidation, cross_validate
from core.evaluate import corpus_pairs

MINIMUM = {  # measured, 5 folds on 112 articles (mean over folds): see the README's table
    "direct_f1": 0.92,
    "indirect_f1": 0.85,
    "heading_f1": 0.89,
    "boilerplate_f1": 0.86,
    "title": 0.98,
    "speaker": 0.845,
    "speaker_canonical": 0.65,
    "cue": 0.92,
}


@cache
def _cross_validated(corpus: str) -> CrossValidation:
    return cross_validate(corpus_pairs(Path(corpus)), 5)


def test_cross_validated_scores_on_the_development_corpus(corpus: Path) -> None:
    mean = _cross_validated(str(corpus)).mean()
    measured = {
        "direct_f1": mean["quotes"]["direct"]["f1"],
        "indirect_f1": mean["quotes"]["indirect"]["f1"],
        "heading_f1": mean["headings"]["f1"],
        "boilerplate_f1": mean["boilerplate_chars"]["f1"],
        "title": mean["title_accuracy"]["accuracy"],
        "speaker": mean["speaker_accuracy"]["accuracy"],
        "speaker_canonical": mean["speaker_canonical_accuracy"]["accuracy"],
        "cue": mean["cue_accuracy"]["accuracy"],
    }
    below = {name: value for name, value in measured.items() if value < MINIMUM[name]}
    assert below == {}, f"below the minimum: {below} (all: {measured})"


def test_speaker_confidence_is_calibrated_on_unseen_articles(corpus: Path) -> None:
    """Bands of speaker confidence are right about as often as they say, on held-out folds."""
    pairs = _cross_validated(str(corpus)).pooled().speaker_confidence
    assert len(pairs) > 900
    rows = [(band, right, total) for band, right, total in reliability(pairs) if total >= 40]
    assert len(rows) >= 3
    for band, right, total in rows:
        low, high = (float(x) for x in band.split("–"))
        assert low - 0.12 <= right / total <= high + 0.12, (band, right, total)
    accuracies = [right / total for _, right, total in rows]
    assert accuracies[-1] > accuracies[0] + 0.3


def test_quote_confidence_separates_right_from_wrong(corpus: Path) -> None:
    pooled = _cross_validated(str(corpus)).pooled()
    high, low = pooled.calibration["high"], pooled.calibration["low"]
    assert high.total > 100 and high.value > 0.85
    if low.total >= 5:
        assert high.value > low.value


def test_eval_command_prints_the_table(corpus: Path, capsys) -> None:
    assert main(["eval", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "direct quotes" in out and "speaker accuracy" in out and "articles                            112" in out
    assert "speaker confidence" in out


def test_eval_folds_prints_each_fold_and_the_mean_and_json_has_them(corpus: Path, tmp_path: Path, capsys) -> None:
    small = tmp_path / "corpus"
    (small / "articles").mkdir(parents=True)
    (small / "gold").mkdir()
    for article, gold in corpus_pairs(corpus)[:9]:
        (small / "articles" / article.name).write_bytes(article.read_bytes())
        (small / "gold" / gold.name).write_bytes(gold.read_bytes())
    assert main(["eval", str(small), "--folds", "3"]) == 0
    out = capsys.readouterr().out
    assert "fold 1" in out and "fold 3" in out and "mean" in out and "speaker confidence" in out
    assert "attribution" in out and "mentions" in out and "entities" in out
    assert main(["eval", str(small), "--folds", "3", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [fold["fold"] for fold in data["folds"]] == [1, 2, 3]
    assert sum(len(fold["article_names"]) for fold in data["folds"]) == sum(fold["articles"] for fold in data["folds"]) == 9
    assert data["mean"]["articles"] == 3
    assert set(data["mean"]) >= {"quotes", "speaker_accuracy", "boilerplate_chars", "headings"}
    assert main(["eval", str(small), "--folds", "12"]) == 2  # more folds than articles: a clear refusal
