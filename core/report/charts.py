"""The report's charts as geometry: every coordinate, length and colour computed here, in Python.

The templates (``resources/report/charts.html.j2``) only place these numbers and the labels in
SVG; they compute nothing, so the drawing can be tested without a browser and the markup stays
free of arithmetic. Bars grow from right to left, for right-to-left reading: labels on the right,
the total written left of the bar. Fonts come from the page's style sheet (``report.css``).
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from core.corpus import BROKEN, IN_PROGRESS, NOT_STARTED, REVIEWED

COLORS = {
    "direct": "#3b5bdb",
    "indirect": "#f08c00",
    REVIEWED: "#2f9e44",
    IN_PROGRESS: "#fab005",
    NOT_STARTED: "#adb5bd",
    BROKEN: "#e03131",
    "accepted": "#2f9e44",
    "pending": "#fab005",
    "rejected": "#e03131",
    "cue": "#0c8599",
}


def base_direction(text: str) -> str:
    """``rtl`` or ``ltr`` from the first strong character (Unicode bidi classes), ``rtl`` if none.

    SVG ``<text>`` has no ``<bdi>``: a Latin label such as ``000_64b9`` inside right-to-left text
    would be reordered, so each label gets its own direction and is anchored accordingly.
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return "rtl"
        if kind == "L":
            return "ltr"
    return "rtl"


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Segment:
    """One coloured piece of a bar: ``x`` (left edge) and ``length`` in SVG units."""

    label: str
    value: int
    color: str
    x: float
    length: float


@dataclass(frozen=True)
class BarRow:
    label: str
    shown: str  # the label shortened to fit
    direction: str
    anchor: str
    y: float
    middle: float
    total: int
    total_x: float  # where the total is written (right end of its text)
    segments: list[Segment]


@dataclass(frozen=True)
class BarChart:
    title: str
    width: int
    height: int
    top: int
    axis_x: float  # the line bars grow from
    label_x: int
    bar_height: int
    rows: list[BarRow] = field(default_factory=list)


def bar_chart(
    rows: Sequence[tuple[str, Sequence[int]]],
    colors: Sequence[str],
    *,
    title: str,
    width: int = 600,
    label_width: int = 190,
    row_height: int = 28,
) -> BarChart:
    """Horizontal (stacked) bars: ``rows`` are ``(label, values)``, each value a segment drawn in
    ``colors`` order; empty ``rows`` make a chart with no rows (the template says "no data")."""
    top = 6
    height = top + row_height * len(rows) + 6
    right = width - label_width - 10  # bars start here and grow to the left
    left_limit = 56  # room for the total, written left of the bar
    longest = max((sum(values) for _, values in rows), default=0) or 1
    scale = (right - left_limit) / longest
    chart_rows = []
    for index, (label, values) in enumerate(rows):
        y = top + index * row_height
        direction = base_direction(label)
        x = float(right)
        segments = []
        for value, color in zip(values, colors, strict=False):
            length = value * scale
            if length <= 0:
                continue
            x -= length
            segments.append(Segment(label, value, color, x, length))
        chart_rows.append(
            BarRow(
                label=label,
                shown=shorten(label, 26),
                direction=direction,
                anchor="start" if direction == "rtl" else "end",  # either way: flush with the right edge
                y=y,
                middle=y + row_height / 2,
                total=sum(values),
                total_x=x - 6,
                segments=segments,
            )
        )
    return BarChart(title, width, height, top, right + 0.5, width - 4, row_height - 10, chart_rows)


@dataclass(frozen=True)
class Arc:
    label: str
    value: int
    color: str
    length: float  # of the stroke along the circle
    gap: float  # the rest of the circumference
    offset: float  # stroke-dashoffset: where along the circle the arc starts


@dataclass(frozen=True)
class Donut:
    title: str
    size: int
    center: float
    radius: float
    total: int
    caption: str
    arcs: list[Arc]


def donut_chart(segments: Sequence[tuple[str, int, str]], *, title: str, center: str, size: int = 190) -> Donut:
    """A ring divided into ``(label, value, colour)`` segments, the total in the middle."""
    radius = size / 2 - 22
    circumference = 2 * math.pi * radius
    total = sum(value for _, value, _ in segments)
    arcs = []
    offset = 0.0
    for label, value, color in segments:
        if value <= 0 or total <= 0:
            continue
        length = circumference * value / total
        arcs.append(Arc(label, value, color, length, circumference - length, -offset))
        offset += length
    return Donut(title, size, size / 2, radius, total, center, arcs)


@dataclass(frozen=True)
class StackedBar:
    title: str
    width: int
    height: int
    segments: list[Segment]


def stacked_bar(segments: Sequence[tuple[str, int, str]], *, title: str, width: int = 600, height: int = 30) -> StackedBar:
    """One full-width bar split into segments (right to left), e.g. review progress."""
    total = sum(value for _, value, _ in segments) or 1
    pieces = []
    x = float(width)
    for label, value, color in segments:
        if value <= 0:
            continue
        length = width * value / total
        x -= length
        pieces.append(Segment(label, value, color, x, length))
    return StackedBar(title, width, height, pieces)
