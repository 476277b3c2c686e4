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

from core.annotator import wordstats
from core.annotator.speaker_choice import Choice, Labeller, choose_speakers
from core.annotator.trained import AnnotatorModel
from core.annotator.training import CheckedArticle, CheckedQuote, PreparedArticle, fit, prepare
from core.articles import document_from_text
from core.evaluate import GoldArticle, Ratio, Scores, load_gold, score_article
from core.folding import name_key
from core.loading import read_article


@dataclass
class SpeakerSteps:
    """The speaker finder scored step by step on the quotes that match a gold quote.

    * attribution: the chosen slot (a place naming someone, a carry-over, nobody) can name the
      gold speaker;
    * mentions: where it could, the chosen span is written as one of the gold speaker's names
      (or would be named right);
    * entities: where the chosen span or carry-over was right, the canonical name the article's
      speakers get is one of the gold speaker's names.
    """

    attribution: Ratio = field(default_factory=Ratio)
    mentions: Ratio = field(default_factory=Ratio)
    entities: Ratio = field(default_factory=Ratio)

    def add(self, other: SpeakerSteps) -> None:
        self.attribution.add(other.attribution)
        self.mentions.add(other.mentions)
        self.entities.add(other.entities)

    def as_dict(self) -> dict[str, Any]:
        return {
            "attribution": self.attribution.as_dict(),
            "mentions": self.mentions.as_dict(),
            "entities": self.entities.as_dict(),
        }


@dataclass
class FoldResult:
    number: int
    articles: list[str]
    scores: Scores
    model: AnnotatorModel
    steps: SpeakerSteps = field(default_factory=SpeakerSteps)


@dataclass
class CrossValidation:
    folds: list[FoldResult] = field(default_factory=list)

    def mean(self) -> dict[str, Any]:
        """Every figure of ``Scores.as_dict`` averaged over the folds (rounded to 4 places)."""
        mean: dict[str, Any] = _mean([fold.scores.as_dict() for fold in self.folds])
        return mean

    def pooled_steps(self) -> SpeakerSteps:
        total = SpeakerSteps()
        for fold in self.folds:
            total.add(fold.steps)
        return total

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
        steps = SpeakerSteps()
        for name in names:
            gold = golds[name]
            document = document_from_text(gold.text, doc_id=name, source=None, model=model)
            scores.add(score_article(gold, document))
            steps.add(speaker_steps(prepared[name], model))
        result.folds.append(FoldResult(number, names, scores, model, steps))
        if progress is not None:
            progress(f"fold {number}/{k}: {len(names)} articles scored")
    return result


def speaker_steps(article: PreparedArticle, model: AnnotatorModel) -> SpeakerSteps:
    """Score each step of the speaker finder on one prepared article (see ``SpeakerSteps``)."""
    steps = SpeakerSteps()
    if not model.is_trained:
        return steps
    trace: list[Choice] = []
    resolutions = choose_speakers(
        article.finder, article.candidates, model.mention, model.speaker, wordstats.shipped(), trace, model.naming
    )
    labeller = Labeller(article.finder, article.names)
    for position, names in enumerate(article.names):
        if names is False:
            continue
        assert isinstance(names, frozenset)
        choice = trace[position]
        slot_right = labeller.slot_is_right(choice.slot, names, position)
        steps.attribution.total += 1
        steps.attribution.right += slot_right
        answer_right = slot_right
        if slot_right and choice.span is not None:
            steps.mentions.total += 1
            answer_right = labeller.span_is_right(choice.span, names)
            steps.mentions.right += answer_right
        if answer_right:
            entity = resolutions[position].entity
            steps.entities.total += 1
            if entity is None:
                steps.entities.right += not names
            else:
                steps.entities.right += bool(entity.canonical) and name_key(entity.canonical) in names
    return steps


def _mean(items: list[Any]) -> Any:
    """The folds' figures averaged where they are numbers, recursively: a dictionary key by key,
    a list of the same length in every fold (the reliability bands) item by item. A fold
    without a figure (``None``: a band no quote fell in) does not count; a label is the
    first fold's."""
    first = items[0]
    if isinstance(first, dict):
        return {key: _mean([item[key] for item in items]) for key in first}
    if isinstance(first, list):
        if all(isinstance(item, list) and len(item) == len(first) for item in items):
            return [_mean(list(column)) for column in zip(*items, strict=True)]
        return first
    numbers = [item for item in items if item is not None]
    if not numbers or any(isinstance(item, bool) or not isinstance(item, (int, float)) for item in numbers):
        return first
    return round(sum(numbers) / len(numbers), 4)
