"""The corpus report: one self-contained HTML page a researcher can open offline and share.

* ``stats`` — ``collect(folder)`` reads every annotation file under a folder (and notices article
  texts that have none yet) into ``CorpusStats``: what is counted, how speakers and cues merge;
* ``charts`` — the geometry of the SVG charts, computed in Python;
* ``page`` — ``render_html(stats)`` fills the Jinja2 templates of ``resources/report/`` (page,
  chart macros, style sheet inlined) with autoescape on; ``write_report`` collects, renders and
  writes the file atomically.
"""

from __future__ import annotations

from core.folding import name_key
from core.report.charts import COLORS, bar_chart, base_direction, donut_chart, stacked_bar
from core.report.page import render_html, write_report
from core.report.stats import (
    QUOTE_STATUSES,
    STATES,
    ArticleStats,
    CorpusStats,
    CueRow,
    SpeakerRow,
    collect,
    cue_rows,
    merge_speakers,
)

__all__ = [
    "COLORS",
    "QUOTE_STATUSES",
    "STATES",
    "ArticleStats",
    "CorpusStats",
    "CueRow",
    "SpeakerRow",
    "bar_chart",
    "base_direction",
    "collect",
    "cue_rows",
    "donut_chart",
    "merge_speakers",
    "name_key",
    "render_html",
    "stacked_bar",
    "write_report",
]
