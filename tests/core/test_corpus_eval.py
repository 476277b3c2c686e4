"""The annotator on the real development corpus (skipped where ../shared/corpus is absent).

The thresholds sit just under the measured scores, so a change that makes the annotator worse on
real articles fails here; `iqtibas eval ../shared/corpus --errors` shows what changed.
"""

from __future__ import annotations

from pathlib import Path

from core.articles import document_from_text
from core.cli import main
from core.evaluate import Scores, corpus_pairs, load_gold, score_article
from core.loading import read_article

MINIMUM = {  # measured on the 112 articles: direct .907, indirect .863, headings .895, boilerplate .678,
    # title .991, speaker .717, cue .923
    "direct_f1": 0.90,
    "indirect_f1": 0.86,
    "heading_f1": 0.89,
    "boilerplate_f1": 0.67,
    "title": 0.99,
    "speaker": 0.71,
    "cue": 0.92,
}


def _scores(corpus: Path) -> Scores:
    total = Scores()
    for article, gold in corpus_pairs(corpus):
        text = read_article(article).text
        total.add(score_article(load_gold(gold, text), document_from_text(text, doc_id=article.stem, source=None)))
    return total


def test_scores_on_the_development_corpus(corpus: Path) -> None:
    scores = _scores(corpus)
    measured = {
        "direct_f1": scores.quotes["direct"].f1,
        "indirect_f1": scores.quotes["indirect"].f1,
        "heading_f1": scores.headings.f1,
        "boilerplate_f1": scores.boilerplate.f1,
        "title": scores.title.value,
        "speaker": scores.speaker.value,
        "cue": scores.cue.value,
    }
    below = {name: round(value, 3) for name, value in measured.items() if value < MINIMUM[name]}
    assert below == {}, f"below the minimum: {below} (all: {measured})"


def test_confidence_is_calibrated(corpus: Path) -> None:
    """Suggestions the annotator is sure of are right more often than the doubtful ones."""
    scores = _scores(corpus)
    high, low = scores.calibration["high"], scores.calibration["low"]
    assert high.total > 100
    assert high.value > 0.85
    if low.total >= 5:
        assert high.value > low.value


def test_eval_command_prints_the_table(corpus: Path, capsys) -> None:
    assert main(["eval", str(corpus)]) == 0
    out = capsys.readouterr().out
    assert "direct quotes" in out and "speaker accuracy" in out and "articles                            112" in out
