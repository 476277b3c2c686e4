"""Article-level K-fold cross-validation of the annotator.

Scores on the articles a model was fitted on flatter it; the honest figure is on articles it
never saw. The corpus's articles are dealt into K folds (by a hash of their names, so the folds
do not depend on file order or on which other articles exist); for each fold, the learned parts
are fitted on the other folds' gold and the fold is annotated and scored with that model. The
rules are the same for every fold — they were written from a part of the corpus, which is why
the figures to trust are those on articles added after the rules (see the README).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.annotator.trained import AnnotatorModel
from core.annotator.training import CheckedArticle, CheckedQuote, PreparedArticle, fit, prepare
from core.articles import document_from_text
from core.evaluate import GoldArticle, Scores, load_gold, score_article
from core.loading import read_article


@dataclass
class FoldResult:
    number: int
    articles: list[str]
    scores: Scores
    model: AnnotatorModel


@dataclass
class CrossValidation:
    folds: list[FoldResult] = field(default_factory=list)

    def mean(self) -> dict[str, Any]:
        """Every figure of ``Scores.as_dict`` averaged over the folds (rounded to 4 places)."""
        return _mean([fold.scores.as_dict() for fold in self.folds])

    def pooled(self) -> Scores:
        """All folds' counts added up (each article scored by the model that did not see it)."""
        total = Scores()
        for fold in self.folds:
            total.add(fold.scores)
        return total


def fold_of(name: str, k: int) -> int:
    """The fold an article belongs to: stable, independent of the other articles."""
    return int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % k


def assign_folds(names: Sequence[str], k: int) -> list[list[str]]:
    """Deal ``names`` into ``k`` folds of near-equal size: sorted by hash, then round robin."""
    ordered = sorted(names, key=lambda n: hashlib.sha256(n.encode("utf-8")).hexdigest())
    folds: list[list[str]] = [[] for _ in range(k)]
    for position, name in enumerate(ordered):
        folds[position % k].append(name)
    return folds


def checked_article(gold: GoldArticle) -> CheckedArticle:
    quotes = tuple(
        CheckedQuote(q.start, q.end, q.kind or "direct", q.speaker, tuple(q.aliases)) for q in gold.quotes
    )
    return CheckedArticle(gold.name, gold.text, quotes, tuple((b.start, b.end) for b in gold.boilerplate))


def cross_validate(
    pairs: Sequence[tuple[Path, Path]], k: int, *, progress: Callable[[str], None] | None = None
) -> CrossValidation:
    """Score every article with a model fitted on the other folds."""
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    if len(pairs) < k:
        raise ValueError(f"{len(pairs)} articles cannot fill {k} folds")
    golds: dict[str, GoldArticle] = {}
    prepared: dict[str, PreparedArticle] = {}
    for article, gold_file in pairs:
        text = read_article(article).text
        gold = load_gold(gold_file, text)
        golds[article.stem] = gold
        prepared[article.stem] = prepare(checked_article(gold))
    result = CrossValidation()
    for number, names in enumerate(assign_folds(sorted(golds), k), start=1):
        held_out = set(names)
        model = fit([prepared[name] for name in sorted(golds) if name not in held_out], meta={"fold": number})
        scores = Scores()
        for name in names:
            gold = golds[name]
            document = document_from_text(gold.text, doc_id=name, source=None, model=model)
            scores.add(score_article(gold, document))
        result.folds.append(FoldResult(number, names, scores, model))
        if progress is not None:
            progress(f"fold {number}/{k}: {len(names)} articles scored")
    return result


def _mean(items: list[Any]) -> Any:
    first = items[0]
    if isinstance(first, dict):
        return {key: _mean([item[key] for item in items]) for key in first}
    if isinstance(first, bool) or not isinstance(first, (int, float)):
        return first
    return round(sum(items) / len(items), 4)
