"""A linear ranker: pick one option out of several, each described by named features.

The annotator's rules propose several answers to one question (who said this quote? where does
the speaker's name end?) and a ranker trained on gold annotations chooses among them. The model
is a conditional logit: an option's score is the sum of its features' weights; the options of
one question compete through a softmax, whose top probability is the choice's confidence.

Scoring is plain Python (a few dozen dictionary lookups per option). Training needs NumPy, which
is imported only there: full-batch Adam on the log-likelihood of the gold options (several
options may be right, e.g. two spellings of one name: their probabilities are summed) with an
L2 penalty, from zero weights and in a fixed order, so the same data gives the same weights.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any


class _Weights(dict[str, float]):
    """Weights that answer 0.0 for an unseen feature: ``map(weights.__getitem__, features)``
    gives the same numbers, in the same order, as ``map(weights.get, features, repeat(0.0))``,
    a fifth faster (scoring is a tenth of annotating)."""

    __slots__ = ()

    def __missing__(self, key: str) -> float:
        return 0.0


@dataclass
class Ranker:
    """Feature weights; features the model never saw weigh nothing. The weights are not
    changed after construction (scoring keeps its own copy)."""

    weights: dict[str, float] = field(default_factory=dict)
    _namespaces: dict[str, _Weights] = field(default_factory=dict, repr=False, compare=False)
    _lookup: _Weights = field(default_factory=_Weights, repr=False, compare=False)

    def __post_init__(self) -> None:
        # The names are interned, and so are the feature names the annotator makes once per
        # process (speaker_options): a lookup then matches the stored key by identity, without
        # reading the key's characters (on the 1 MB benchmark, 2.5% of annotating).
        self._lookup = _Weights({sys.intern(name): weight for name, weight in self.weights.items()})

    def score(self, features: Sequence[str]) -> float:
        return sum(map(self._lookup.__getitem__, features))

    def score_in(self, prefix: str, features: Sequence[str]) -> float:
        """``score`` of ``prefix + name`` for each name, without building those strings: a
        ranker stacked on another weighs the other's features under its own prefix."""
        weights = self._namespaces.get(prefix)
        if weights is None:
            size = len(prefix)
            weights = self._namespaces[prefix] = _Weights({sys.intern(k[size:]): w for k, w in self.weights.items() if k.startswith(prefix)})
        return sum(map(weights.__getitem__, features))

    def softmax(self, scores: Sequence[float]) -> list[float]:
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def probabilities(self, options: Sequence[Sequence[str]]) -> list[float]:
        """Softmax over the options' scores."""
        if not options:
            return []
        return self.softmax([self.score(features) for features in options])

    def to_json(self) -> dict[str, Any]:
        return {name: round(weight, 4) for name, weight in sorted(self.weights.items()) if round(weight, 4) != 0.0}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Ranker:
        return cls({str(name): float(weight) for name, weight in data.items()})


@dataclass
class Question:
    """One training item: the options' features and which options are right."""

    options: list[list[str]]
    right: list[bool]


def train(
    questions: Sequence[Question], *, l2: float = 0.02, steps: int = 300, rate: float = 0.1,
    prior: Ranker | None = None, prior_strength: float = 0.0,
) -> Ranker:
    """Fit weights maximising the probability of the right options (questions with none are skipped).

    With ``prior``, the penalty pulls weights towards the prior's instead of towards zero
    (``prior_strength`` per question): a few hundred corrections adjust a model trained on the
    bundled data rather than replacing it.
    """
    import numpy as np

    usable = [q for q in questions if any(q.right) and len(q.options) > 1]
    if not usable:
        return Ranker(dict(prior.weights) if prior else {})
    names = sorted({name for q in usable for option in q.options for name in option})
    column = {name: k for k, name in enumerate(names)}
    rows, cols, group_of_row, right_rows = [], [], [], []
    row = 0
    starts = []
    for group, question in enumerate(usable):
        starts.append(row)
        for option, is_right in zip(question.options, question.right, strict=True):
            for name in dict.fromkeys(option):  # ordered: the same sums in every process
                rows.append(row)
                cols.append(column[name])
            group_of_row.append(group)
            right_rows.append(is_right)
            row += 1
    n_rows, n_features, n_groups = row, len(names), len(usable)
    rows_a = np.asarray(rows, dtype=np.int64)
    cols_a = np.asarray(cols, dtype=np.int64)
    group_a = np.asarray(group_of_row, dtype=np.int64)
    right_a = np.asarray(right_rows, dtype=bool)
    starts_a = np.asarray(starts, dtype=np.int64)
    centre = np.zeros(n_features)
    if prior is not None:
        centre = np.asarray([prior.weights.get(name, 0.0) for name in names])
    penalty = l2 if prior is None else prior_strength
    weights = centre.copy()
    m = np.zeros(n_features)
    v = np.zeros(n_features)
    beta1, beta2, eps = 0.9, 0.999, 1e-8
    for step in range(1, steps + 1):
        scores = np.bincount(rows_a, weights=weights[cols_a], minlength=n_rows)
        top = np.maximum.reduceat(scores, starts_a)
        exps = np.exp(scores - top[group_a])
        totals = np.add.reduceat(exps, starts_a)
        p = exps / totals[group_a]
        right_mass = np.add.reduceat(np.where(right_a, p, 0.0), starts_a)
        r = np.where(right_a, p / right_mass[group_a], 0.0)
        # Gradient of the mean negative log-likelihood plus the penalty.
        residual = (p - r)[rows_a]
        grad = np.bincount(cols_a, weights=residual, minlength=n_features) / n_groups
        grad += penalty * (weights - centre)
        m = beta1 * m + (1 - beta1) * grad
        v = beta2 * v + (1 - beta2) * grad * grad
        m_hat = m / (1 - beta1**step)
        v_hat = v / (1 - beta2**step)
        weights -= rate * m_hat / (np.sqrt(v_hat) + eps)
    learned = dict(prior.weights) if prior is not None else {}
    learned.update({name: float(w) for name, w in zip(names, weights, strict=True)})
    return Ranker(learned)
