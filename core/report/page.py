"""The report page: statistics and chart geometry handed to Jinja2 templates, written atomically.

The page is ``resources/report/page.html.j2`` with the chart macros of ``charts.html.j2``, found
through ``importlib.resources`` like every bundled file. Autoescape is on for the whole page:
safety does not rest on remembering to escape each value, and a template cannot forget. The only
markup marked safe is the style sheet ``report.css``, bundled with the program, inlined into a
``<style>`` element so the page stays one self-contained file that opens offline (no network
assets at all). Arabic is written as stored: the browser shapes and orders it.

This module decides what the page shows (cards, legends, which rows get a chart); ``charts``
computes where things are drawn; the templates only lay them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from core import __version__
from core.atomic import atomic_write_text
from core.corpus import BROKEN, IN_PROGRESS, NOT_STARTED, REVIEWED
from core.report.charts import COLORS, bar_chart, donut_chart, stacked_bar
from core.report.stats import QUOTE_STATUSES, STATES, ArticleStats, CorpusStats, collect, natural_order
from core.resources import read_text

if TYPE_CHECKING:
    from jinja2 import Template

DEFAULT_TITLE = "تقرير المدونة"
STATE_LABELS = {
    REVIEWED: ("تمت مراجعته", "reviewed"),
    IN_PROGRESS: ("قيد المراجعة", "in progress"),
    NOT_STARTED: ("لم يبدأ", "not started"),
    BROKEN: ("تعذرت قراءته", "unreadable"),
}
KIND_LABELS = {"direct": ("مباشر", "direct"), "indirect": ("غير مباشر", "indirect")}
STATUS_LABELS = {"accepted": ("مقبول", "accepted"), "pending": ("بانتظار المراجعة", "pending"), "rejected": ("مرفوض", "rejected")}
SHOWN_FORMS = 6


@dataclass(frozen=True)
class LegendItem:
    arabic: str
    english: str
    value: int
    color: str


@dataclass(frozen=True)
class Card:
    css: str
    arabic: str
    english: str
    value: int | str


@dataclass(frozen=True)
class NamedRow:
    """A row of the speakers or cues table: the name, other spellings shown, counts."""

    name: str
    forms: str
    quotes: int
    direct: int
    indirect: int
    articles: int = 0
    share: str = ""

    @property
    def cue(self) -> str:
        return self.name


@dataclass(frozen=True)
class ArticleRow:
    name: str
    title: str
    problem: str
    arabic: str
    english: str
    color: str
    direct: int
    indirect: int
    speakers: int
    pending: int


@cache
def _template() -> Template:
    # Imported on first use: the other commands (and --version) do not pay for Jinja2.
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    environment = Environment(
        loader=FunctionLoader(lambda name: read_text(f"report/{name}")),
        autoescape=True,
        undefined=StrictUndefined,  # a misspelt name fails loudly instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("page.html.j2")


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def _legend(items: Sequence[tuple[tuple[str, str], int, str]]) -> list[LegendItem]:
    return [LegendItem(arabic, english, value, color) for (arabic, english), value, color in items]


def _segments(items: Sequence[LegendItem]) -> list[tuple[str, int, str]]:
    return [(f"{item.arabic} {item.english}", item.value, item.color) for item in items]


def _forms(forms: Sequence[str], *, ellipsis: bool) -> str:
    shown = "، ".join(forms[:SHOWN_FORMS])
    return shown + ("، …" if ellipsis and len(forms) > SHOWN_FORMS else "")


def _article_row(article: ArticleStats) -> ArticleRow:
    arabic, english = STATE_LABELS[article.state]
    return ArticleRow(
        article.name, article.title, article.problem, arabic, english, COLORS[article.state],
        article.direct, article.indirect, article.speakers, article.pending,
    )


def render_html(stats: CorpusStats, *, title: str = DEFAULT_TITLE, chart_rows: int = 15, generated: str | None = None) -> str:
    """The whole report page as a string."""
    states = stats.states()
    total_articles = len(stats.articles)
    kinds = _legend([(KIND_LABELS[k], v, COLORS[k]) for k, v in (("direct", stats.direct), ("indirect", stats.indirect))])
    progress = _legend([(STATE_LABELS[s], states[s], COLORS[s]) for s in STATES if states[s] or s != BROKEN])
    statuses = _legend([(STATUS_LABELS[s], stats.quote_statuses[s], COLORS[s]) for s in QUOTE_STATUSES])
    kind_colors = (COLORS["direct"], COLORS["indirect"])
    with_cue = sum(row.quotes for row in stats.cues)
    by_count = sorted(stats.articles, key=lambda a: (-a.quotes, natural_order(a.name)))
    from markupsafe import Markup

    return _template().render(
        css=Markup(read_text("report/report.css")),
        title=title,
        folder=stats.folder,
        generated=generated or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        version=__version__,
        cards=[
            Card("", "المقالات", "articles", total_articles),
            Card("", "الاقتباسات", "quotes", stats.quotes),
            Card("direct", "مباشرة", "direct", stats.direct),
            Card("indirect", "غير مباشرة", "indirect", stats.indirect),
            Card("speakers", "المتحدثون", "speakers", len(stats.speakers)),
            Card("reviewed", "تمت مراجعتها", "reviewed", _percent(states[REVIEWED], total_articles)),
        ],
        kinds=kinds,
        kinds_chart=donut_chart(_segments(kinds), title="Quotes by kind", center="اقتباس"),
        unattributed=stats.unattributed,
        without_cue=stats.without_cue,
        progress=progress,
        progress_chart=stacked_bar(_segments(progress), title="Articles by review state", width=560),
        statuses=statuses,
        statuses_chart=stacked_bar(_segments(statuses), title="Quotes by status", width=560, height=16),
        speakers=[
            NamedRow(row.name, _forms(row.forms, ellipsis=True), row.quotes, row.direct, row.indirect, articles=row.articles)
            for row in stats.speakers
        ],
        speakers_chart=bar_chart(
            [(row.name, (row.direct, row.indirect)) for row in stats.speakers[:chart_rows]],
            kind_colors,
            title=f"Top {chart_rows} speakers by quotes",
        ),
        cues=[
            NamedRow(row.cue, _forms(row.forms, ellipsis=False), row.quotes, row.direct, row.indirect, share=_percent(row.quotes, with_cue))
            for row in stats.cues
        ],
        cues_chart=bar_chart(
            [(row.cue, (row.direct, row.indirect)) for row in stats.cues[:chart_rows]], kind_colors, title=f"Top {chart_rows} cues"
        ),
        articles=[_article_row(article) for article in stats.articles],
        articles_chart=bar_chart(
            [(a.name, (a.direct, a.indirect)) for a in by_count[: max(chart_rows, 20)] if a.state != NOT_STARTED],
            kind_colors,
            title="Quotes per article",
        ),
    )


def write_report(folder: str | Path, output: str | Path, *, title: str | None = None) -> CorpusStats:
    """Collect ``folder`` and write the page to ``output`` atomically; returns the statistics."""
    stats = collect(folder)
    page = render_html(stats, title=title) if title else render_html(stats)
    atomic_write_text(output, page, keep_backup=False)
    return stats
