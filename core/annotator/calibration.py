"""Turning a ranker's probability into a confidence that means what it says.

A speaker confidence of 0.8 should be right four times in five. The ranker's softmax is not
that by itself (it is sure of itself on patterns it saw often), so training measures it: each
training article is decided by a model fitted without it, and the (probability, right?) pairs
are fitted with an isotonic map — non-decreasing, a step per band — which the model stores.

Each band holds at least ``MIN_BAND`` answers, and its rate is then shrunk towards the rate
over all bands, as if it held ``SHRINK`` more answers at that rate: a band of a few dozen
answers says little. With bands of 20 and no shrinking, the lowest band promised 0.19 from 21
answers, and under 5-fold cross-validation the quotes below 0.4 were right 29 of 51 times. Over
all 1,041 quotes cross-validated, bands of 40 shrunk by 10 answers bring the Brier score from
0.148 to 0.143 and the expected calibration error (ten bins) from 0.045 to 0.040, and order the
quotes no worse (the chance that a right speaker is surer than a wrong one: 0.694 → 0.701).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

MIN_BAND = 40  # pairs per band before pooling: fewer make the map jumpy
SHRINK = 10  # pseudo-answers at the overall rate added to every band (see the module docstring)


@dataclass
class Calibration:
    """Steps ``(upper raw probability, calibrated value)``, ascending; empty: identity."""

    steps: list[tuple[float, float]] = field(default_factory=list)

    def __call__(self, raw: float) -> float:
        if not self.steps:
            return raw
        uppers = [upper for upper, _ in self.steps]
        k = min(bisect_left(uppers, raw), len(self.steps) - 1)
        return self.steps[k][1]

    def to_json(self) -> list[list[float]]:
        return [[round(upper, 4), round(value, 4)] for upper, value in self.steps]

    @classmethod
    def from_json(cls, data: Any) -> Calibration:
        return cls([(float(upper), float(value)) for upper, value in data or []])


def fit_calibration(pairs: Sequence[tuple[float, bool]]) -> Calibration:
    """Isotonic regression (pool adjacent violators) of rightness on raw probability, each
    band's rate shrunk towards the overall rate by ``SHRINK`` pseudo-answers."""
    if len(pairs) < MIN_BAND:
        return Calibration()
    # One block per distinct probability, merged with its neighbours until each holds
    # MIN_BAND answers; then neighbours that break monotonicity are pooled.
    distinct: dict[float, list[float]] = {}
    for raw, right in pairs:
        block = distinct.setdefault(raw, [raw, 0.0, 0.0])
        block[1] += right
        block[2] += 1
    blocks: list[list[float]] = []  # [upper raw, right count, total]
    for raw in sorted(distinct):
        upper, count, total = distinct[raw]
        if blocks and blocks[-1][2] < MIN_BAND:
            blocks[-1] = [upper, blocks[-1][1] + count, blocks[-1][2] + total]
        else:
            blocks.append([upper, count, total])
    if len(blocks) >= 2 and blocks[-1][2] < MIN_BAND:
        last = blocks.pop()
        blocks[-1] = [last[0], blocks[-1][1] + last[1], blocks[-1][2] + last[2]]
    pooled: list[list[float]] = []
    for block in blocks:
        pooled.append(block)
        while len(pooled) >= 2 and pooled[-2][1] / pooled[-2][2] >= pooled[-1][1] / pooled[-1][2]:
            last = pooled.pop()
            pooled[-1] = [last[0], pooled[-1][1] + last[1], pooled[-1][2] + last[2]]
    overall = sum(block[1] for block in pooled) / sum(block[2] for block in pooled)
    steps = []
    floor = 0.0  # shrinking moves small bands further: keep the map non-decreasing
    for upper, right_count, total in pooled:
        floor = max(floor, (right_count + SHRINK * overall) / (total + SHRINK))
        steps.append((upper, floor))
    steps[-1] = (1.0, steps[-1][1])  # everything above the last seen probability
    return Calibration(steps)


def reliability(pairs: Sequence[tuple[float, bool]], edges: Sequence[float] = (0.2, 0.4, 0.6, 0.8, 0.9)) -> list[tuple[str, int, int]]:
    """Bands of confidence with how many answers fell in each and how many were right."""
    bounds = [0.0, *edges, 1.0001]
    rows = []
    for low, high in pairwise(bounds):
        inside = [right for confidence, right in pairs if low <= confidence < high]
        label = f"{low:.1f}–{min(high, 1.0):.1f}"
        rows.append((label, sum(inside), len(inside)))
    return rows
