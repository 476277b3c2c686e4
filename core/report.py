"""The corpus report: one self-contained HTML page a researcher can open offline and share.

``collect(folder)`` reads every annotation file under a folder (and notices article texts that
have none yet) into ``CorpusStats``; ``render_html(stats)`` draws the page; ``write_report`` does
both and writes the file atomically.

The page has no network assets at all — inline CSS, inline SVG charts drawn here, system fonts —
so it opens the same in any browser without a connection. It is ``<html lang="ar" dir="rtl">`` and
Arabic is written as stored: the browser shapes and orders it (nothing is reshaped or reordered
here, which would break copy-paste and search). Every piece of text from the data goes through
``html.escape``; mixed Arabic/Latin values sit in ``<bdi>`` so their direction does not leak.

What is counted (active annotations only: rejected ones are not part of the corpus):

* articles and their review state, as in ``core.corpus`` (``reviewed``: nothing pending;
  ``in progress``: some annotations still pending; ``not started``: an article text with no
  annotation file; ``unreadable``: an annotation file that does not load, with the reason);
* quotes by kind, and the statuses (accepted / pending / rejected) of quotes;
* speakers across the corpus: quotes per speaker, merged by canonical name and aliases, names
  compared folded (``core.folding.fold``). Two canonical names merge when they fold alike, and a
  canonical name merges into another speaker when it is one of that speaker's aliases (written
  mentions) in some article — unless several different speakers have that alias (``الوزير`` is
  many people), in which case it stays apart. Aliases are never merged with each other;
* cues (reporting verbs as written), grouped folded;
* quotes per article.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from core import __version__
from core.atomic import atomic_write_text
from core.corpus import BROKEN, IN_PROGRESS, NOT_STARTED, REVIEWED
from core.errors import InputError, IqtibasError, printable
from core.folding import fold
from core.jsonformat import SUFFIX, annotation_path_for, load_document
from core.model import Document

STATES = (REVIEWED, IN_PROGRESS, NOT_STARTED, BROKEN)
QUOTE_STATUSES = ("accepted", "pending", "rejected")


def name_key(name: str) -> str:
    """How names and cues are compared: folded, white space collapsed."""
    return " ".join(fold(name).split())


# Statistics ------------------------------------------------------------------------------------
@dataclass
class ArticleStats:
    name: str
    path: str
    state: str
    title: str = ""
    direct: int = 0
    indirect: int = 0
    speakers: int = 0
    pending: int = 0
    problem: str = ""

    @property
    def quotes(self) -> int:
        return self.direct + self.indirect


@dataclass
class SpeakerRow:
    """One speaker of the corpus after merging; ``forms`` are the other spellings and aliases."""

    name: str
    forms: list[str]
    direct: int
    indirect: int
    articles: int

    @property
    def quotes(self) -> int:
        return self.direct + self.indirect


@dataclass
class CueRow:
    cue: str
    forms: list[str]
    direct: int
    indirect: int

    @property
    def quotes(self) -> int:
        return self.direct + self.indirect


@dataclass
class CorpusStats:
    folder: str
    articles: list[ArticleStats] = field(default_factory=list)
    speakers: list[SpeakerRow] = field(default_factory=list)
    cues: list[CueRow] = field(default_factory=list)
    quote_statuses: Counter[str] = field(default_factory=Counter)
    unattributed: int = 0  # active quotes without a speaker
    without_cue: int = 0

    @property
    def direct(self) -> int:
        return sum(a.direct for a in self.articles)

    @property
    def indirect(self) -> int:
        return sum(a.indirect for a in self.articles)

    @property
    def quotes(self) -> int:
        return self.direct + self.indirect

    def states(self) -> Counter[str]:
        return Counter(a.state for a in self.articles)


@dataclass
class _SpeakerEntry:
    """A canonical name as one article uses it."""

    name: str
    aliases: tuple[str, ...]
    direct: int
    indirect: int
    article: str


def collect(folder: str | Path) -> CorpusStats:
    """Read a corpus folder: every ``*.iqtibas.json`` under it, and article ``.txt`` files with none.

    Raises:
        InputError: the folder does not exist or holds neither annotation files nor articles.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "not a folder" if folder.exists() else "no such folder")
    files = sorted(p for p in folder.rglob(f"*{SUFFIX}") if p.is_file() and not p.name.startswith("."))
    stats = CorpusStats(printable(str(folder)))
    documents: list[Document] = []
    ids: set[str] = set()
    for path in files:
        try:
            document = load_document(path)
        except IqtibasError as error:
            name = printable(path.name[: -len(SUFFIX)])
            stats.articles.append(ArticleStats(name, printable(str(path)), BROKEN, problem=str(error)))
            ids.add(name)
            continue
        documents.append(document)
        ids.add(document.id)
        stats.articles.append(_article_stats(document, path))
    for text in sorted(p for p in folder.rglob("*.txt") if p.is_file() and not p.name.startswith(".")):
        name = printable(text.stem)
        if not _exists(annotation_path_for(text)) and name not in ids:
            stats.articles.append(ArticleStats(name, printable(str(text)), NOT_STARTED))
    if not stats.articles:
        raise InputError(folder, f"no {SUFFIX} files and no .txt articles in this folder")
    stats.articles.sort(key=lambda a: _natural(a.name))
    for document in documents:
        for quote in document.of_type("quote", active_only=True):
            stats.quote_statuses[quote.status] += 1
            stats.unattributed += quote.speaker is None
            stats.without_cue += quote.cue is None
        stats.quote_statuses["rejected"] += sum(1 for q in document.of_type("quote") if not q.is_active)
    stats.speakers = merge_speakers(_speaker_entries(documents))
    stats.cues = cue_rows(documents)
    return stats


def _exists(path: Path) -> bool:
    """``path.exists()``, False for a name the file system refuses (too long for it)."""
    try:
        return path.exists()
    except OSError:
        return False


def _natural(name: str) -> tuple[object, ...]:
    """``src_2`` before ``src_10``."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name))


def _article_stats(document: Document, path: Path) -> ArticleStats:
    reviewable = [a for a in document if a.type not in ("section", "paragraph")]
    pending = sum(1 for a in reviewable if a.status == "pending")
    quotes = document.of_type("quote", active_only=True)
    titles = document.of_type("title", active_only=True)
    if titles:
        title = document.span_text(titles[0])
    else:
        title = next((line for line in document.text.splitlines() if line.strip()), "")
    title = " ".join(title.split())
    return ArticleStats(
        name=document.id,
        path=printable(str(path)),
        state=IN_PROGRESS if pending else REVIEWED,
        title=title if len(title) <= 90 else title[:89] + "…",
        direct=sum(1 for q in quotes if q.kind == "direct"),
        indirect=sum(1 for q in quotes if q.kind == "indirect"),
        speakers=sum(1 for s in document.speakers() if s.quote_ids),
        pending=pending,
    )


def _speaker_entries(documents: Iterable[Document]) -> list[_SpeakerEntry]:
    entries = []
    for document in documents:
        kinds = {q.id: q.kind for q in document.of_type("quote", active_only=True)}
        for info in document.speakers():
            direct = sum(1 for q in info.quote_ids if kinds.get(q) == "direct")
            indirect = sum(1 for q in info.quote_ids if kinds.get(q) == "indirect")
            entries.append(_SpeakerEntry(info.name, info.aliases, direct, indirect, document.id))
    return entries


def merge_speakers(entries: Sequence[_SpeakerEntry]) -> list[SpeakerRow]:
    """Speakers across articles, merged as the module docstring says; most quoted first."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    canonical = {name_key(e.name) for e in entries if name_key(e.name)}
    owners: dict[str, set[str]] = defaultdict(set)  # alias key -> canonical keys listing it
    for entry in entries:
        own = name_key(entry.name)
        for alias in entry.aliases:
            alias_key = name_key(alias)
            if alias_key and alias_key != own:
                owners[alias_key].add(own)
    for key in canonical:
        find(key)
        if key in owners and len(owners[key]) == 1:
            union(key, next(iter(owners[key])))
    # Chains could join two owners of one ambiguous alias through other links; that is accepted:
    # each merge above was itself unambiguous.
    clusters: dict[str, list[_SpeakerEntry]] = defaultdict(list)
    for entry in entries:
        key = name_key(entry.name)
        if key:
            clusters[find(key)].append(entry)
    rows = []
    for members in clusters.values():
        direct = sum(e.direct for e in members)
        indirect = sum(e.indirect for e in members)
        if direct + indirect == 0:
            continue  # mentioned, never quoted
        spelled: Counter[str] = Counter()
        for e in members:
            spelled[e.name] += e.direct + e.indirect
        name = sorted(spelled, key=lambda n: (-spelled[n], -len(n), n))[0]
        forms: dict[str, None] = {}
        for e in members:
            for form in (e.name, *e.aliases):
                if form != name:
                    forms[form] = None
        rows.append(SpeakerRow(name, list(forms), direct, indirect, len({e.article for e in members})))
    rows.sort(key=lambda r: (-r.quotes, -r.articles, r.name))
    return rows


def cue_rows(documents: Iterable[Document]) -> list[CueRow]:
    """Cues of active quotes, grouped folded; the most frequent spelling names each group."""
    groups: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for document in documents:
        for quote in document.of_type("quote", active_only=True):
            if quote.cue is None or not name_key(quote.cue):
                continue
            key = name_key(quote.cue)
            groups[key][" ".join(quote.cue.split())] += 1
            kinds[key][quote.kind or ""] += 1
    rows = []
    for key, spellings in groups.items():
        cue = sorted(spellings, key=lambda s: (-spellings[s], s))[0]
        rows.append(CueRow(cue, [s for s in spellings if s != cue], kinds[key]["direct"], kinds[key]["indirect"]))
    rows.sort(key=lambda r: (-r.quotes, r.cue))
    return rows


# SVG charts ------------------------------------------------------------------------------------
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
FONT = "'Noto Sans Arabic', 'Noto Naskh Arabic', 'Segoe UI', Tahoma, 'DejaVu Sans', sans-serif"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


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


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def bar_chart(
    rows: Sequence[tuple[str, Sequence[int]]],
    colors: Sequence[str],
    *,
    title: str,
    width: int = 600,
    label_width: int = 190,
    row_height: int = 28,
) -> str:
    """Horizontal (stacked) bars for right-to-left reading: labels on the right, bars grow left.

    ``rows`` are ``(label, values)``; each value is a segment drawn in ``colors`` order.
    """
    if not rows:
        return '<p class="empty">لا بيانات <span class="en" lang="en" dir="ltr">no data</span></p>'
    top = 6
    height = top + row_height * len(rows) + 6
    right = width - label_width - 10  # bars start here and grow to the left
    left_limit = 56  # room for the total, written left of the bar
    longest = max(sum(values) for _, values in rows) or 1
    scale = (right - left_limit) / longest
    parts = [
        f'<svg class="chart" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}" font-family="{_e(FONT)}">',
        f"<title>{_e(title)}</title>",
        f'<line x1="{right + 0.5}" y1="{top - 2}" x2="{right + 0.5}" y2="{height - 4}" stroke="#ced4da"/>',
    ]
    for index, (label, values) in enumerate(rows):
        y = top + index * row_height
        middle = y + row_height / 2
        total = sum(values)
        direction = base_direction(label)
        anchor = "start" if direction == "rtl" else "end"  # either way: flush with the right edge
        parts.append(
            f'<text x="{width - 4}" y="{middle:.1f}" direction="{direction}" text-anchor="{anchor}" '
            f'dominant-baseline="central" font-size="14" fill="#212529">{_e(_short(label, 26))}'
            f"<title>{_e(label)}</title></text>"
        )
        x = right
        for value, color in zip(values, colors, strict=False):
            length = value * scale
            if length <= 0:
                continue
            x -= length
            parts.append(
                f'<rect x="{x:.1f}" y="{y + 5}" width="{length:.1f}" height="{row_height - 10}" rx="3" fill="{color}">'
                f"<title>{_e(label)}: {value}</title></rect>"
            )
        parts.append(
            f'<text x="{x - 6:.1f}" y="{middle:.1f}" direction="ltr" text-anchor="end" '
            f'dominant-baseline="central" font-size="13" fill="#495057">{total}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def donut_chart(segments: Sequence[tuple[str, int, str]], *, title: str, center: str, size: int = 190) -> str:
    """A ring divided into ``(label, value, colour)`` segments, the total in the middle."""
    radius = size / 2 - 22
    circumference = 2 * 3.141592653589793 * radius
    total = sum(value for _, value, _ in segments)
    c = size / 2
    parts = [
        f'<svg class="donut" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" role="img" aria-label="{_e(title)}" font-family="{_e(FONT)}">',
        f"<title>{_e(title)}</title>",
        f'<circle cx="{c}" cy="{c}" r="{radius:.1f}" fill="none" stroke="#e9ecef" stroke-width="30"/>',
    ]
    offset = 0.0
    for label, value, color in segments:
        if value <= 0 or total <= 0:
            continue
        length = circumference * value / total
        parts.append(
            f'<circle cx="{c}" cy="{c}" r="{radius:.1f}" fill="none" stroke="{color}" stroke-width="30" '
            f'stroke-dasharray="{length:.2f} {circumference - length:.2f}" stroke-dashoffset="{-offset:.2f}" '
            f'transform="rotate(-90 {c} {c})"><title>{_e(label)}: {value}</title></circle>'
        )
        offset += length
    parts.append(
        f'<text x="{c}" y="{c - 6}" text-anchor="middle" font-size="30" font-weight="700" fill="#212529">{total}</text>'
        f'<text x="{c}" y="{c + 20}" text-anchor="middle" font-size="13" fill="#6c757d" direction="rtl">{_e(center)}</text>'
        "</svg>"
    )
    return "".join(parts)


def stacked_bar(segments: Sequence[tuple[str, int, str]], *, title: str, width: int = 600, height: int = 30) -> str:
    """One full-width bar split into segments (right to left), e.g. review progress."""
    total = sum(value for _, value, _ in segments) or 1
    parts = [
        f'<svg class="progress" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}">',
        f"<title>{_e(title)}</title>",
        f'<rect x="0" y="0" width="{width}" height="{height}" rx="6" fill="#e9ecef"/>',
    ]
    x = float(width)
    for label, value, color in segments:
        if value <= 0:
            continue
        length = width * value / total
        x -= length
        parts.append(
            f'<rect x="{x:.1f}" y="0" width="{length:.1f}" height="{height}" fill="{color}">'
            f"<title>{_e(label)}: {value}</title></rect>"
        )
    parts.append("</svg>")
    return "".join(parts)


# The page --------------------------------------------------------------------------------------
STATE_LABELS = {
    REVIEWED: ("تمت مراجعته", "reviewed"),
    IN_PROGRESS: ("قيد المراجعة", "in progress"),
    NOT_STARTED: ("لم يبدأ", "not started"),
    BROKEN: ("تعذرت قراءته", "unreadable"),
}
KIND_LABELS = {"direct": ("مباشر", "direct"), "indirect": ("غير مباشر", "indirect")}
STATUS_LABELS = {"accepted": ("مقبول", "accepted"), "pending": ("بانتظار المراجعة", "pending"), "rejected": ("مرفوض", "rejected")}

CSS = """
:root { --ink: #212529; --muted: #6c757d; --line: #dee2e6; --paper: #ffffff; --page: #f4f5f7;
  --accent: #3b5bdb; }
* { box-sizing: border-box; }
html { background: var(--page); }
body { margin: 0; color: var(--ink); font: 15px/1.6 FONT; }
header { background: linear-gradient(135deg, #1c2c6b, #3b5bdb); color: #fff; padding: 28px 40px 24px; }
header h1 { margin: 0; font-size: 30px; font-weight: 700; }
header p { margin: 4px 0 0; opacity: .85; font-size: 14px; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 32px 40px; }
.en { color: var(--muted); font-size: .78em; font-weight: 400; margin: 0 .55em; }
header .en { color: #dbe4ff; }
.cards { display: grid; grid-template-columns: repeat(6, 1fr); gap: 14px; margin-bottom: 22px; }
.card { background: var(--paper); border-radius: 10px; padding: 14px 16px; box-shadow: 0 1px 3px rgba(0,0,0,.08);
  border-top: 4px solid var(--accent); }
.card .value { font-size: 28px; font-weight: 700; line-height: 1.2; }
.card .label { color: var(--muted); font-size: 13px; }
.card.direct { border-top-color: #3b5bdb; } .card.indirect { border-top-color: #f08c00; }
.card.speakers { border-top-color: #7048e8; } .card.reviewed { border-top-color: #2f9e44; }
.card.cues { border-top-color: #0c8599; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 18px; margin-bottom: 18px; }
section { background: var(--paper); border-radius: 10px; padding: 18px 22px; box-shadow: 0 1px 3px rgba(0,0,0,.08);
  margin-bottom: 18px; }
.grid section { margin-bottom: 0; }
h2 { font-size: 19px; margin: 0 0 12px; padding-bottom: 8px; border-bottom: 1px solid var(--line); }
.row { display: flex; gap: 24px; align-items: center; flex-wrap: wrap; }
.legend { list-style: none; margin: 0; padding: 0; font-size: 14px; }
.legend li { margin: 4px 0; }
.swatch { display: inline-block; width: 12px; height: 12px; border-radius: 3px; margin-inline-end: 6px;
  vertical-align: -1px; }
.legend b { font-variant-numeric: tabular-nums; }
.note { color: var(--muted); font-size: 13px; margin: 10px 0 0; }
.split { display: grid; grid-template-columns: minmax(0, 620px) minmax(0, 1fr); gap: 24px; align-items: start; }
.tablewrap.wide { margin-top: 14px; max-height: 640px; }
td.title { max-width: 560px; }
td.problem { color: #c92a2a; font-size: 13px; }
.tablewrap { max-height: 560px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { padding: 6px 10px; text-align: start; border-bottom: 1px solid #f1f3f5; vertical-align: top; }
th { position: sticky; top: 0; background: #f8f9fa; font-weight: 600; border-bottom: 1px solid var(--line); }
td.n, th.n { text-align: end; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr:nth-child(even) td { background: #fcfcfd; }
.forms { color: var(--muted); font-size: 12.5px; }
.state { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; color: #fff; white-space: nowrap; }
.id { font-family: 'DejaVu Sans Mono', Consolas, monospace; font-size: 12.5px; color: #495057; }
.empty { color: var(--muted); }
footer { color: var(--muted); font-size: 12.5px; text-align: center; padding: 8px 0 24px; }
@media (max-width: 1000px) { .cards { grid-template-columns: repeat(3, 1fr); } .grid, .split { grid-template-columns: 1fr; } }
@media print { html { background: #fff; } section, .card { box-shadow: none; border: 1px solid var(--line); }
  .tablewrap { max-height: none; overflow: visible; } }
""".replace("FONT", FONT)


def _h2(arabic: str, english: str) -> str:
    return f'<h2>{_e(arabic)}<span class="en" lang="en" dir="ltr">{_e(english)}</span></h2>'


def _legend(items: Sequence[tuple[tuple[str, str], int, str]]) -> str:
    lines = []
    for (arabic, english), value, color in items:
        lines.append(
            f'<li><span class="swatch" style="background:{color}"></span>{_e(arabic)} '
            f'<span class="en" lang="en" dir="ltr">{_e(english)}</span> — <b>{value}</b></li>'
        )
    return f'<ul class="legend">{"".join(lines)}</ul>'


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "—"


def render_html(stats: CorpusStats, *, title: str = "تقرير المدونة", chart_rows: int = 15, generated: str | None = None) -> str:
    """The whole report page as a string."""
    states = stats.states()
    total_articles = len(stats.articles)
    generated = generated or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    out: list[str] = [
        "<!DOCTYPE html>",
        '<html lang="ar" dir="rtl">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)} — Iqtibas</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f'<h1>{_e(title)}<span class="en" lang="en" dir="ltr">Corpus report</span></h1>',
        f'<p><bdi>{_e(stats.folder)}</bdi> · <bdi>{_e(generated)}</bdi> · <bdi>iqtibas {_e(__version__)}</bdi></p>',
        "</header>",
        "<main>",
    ]
    cards = [
        ("", "المقالات", "articles", total_articles),
        ("", "الاقتباسات", "quotes", stats.quotes),
        ("direct", "مباشرة", "direct", stats.direct),
        ("indirect", "غير مباشرة", "indirect", stats.indirect),
        ("speakers", "المتحدثون", "speakers", len(stats.speakers)),
        ("reviewed", "تمت مراجعتها", "reviewed", _percent(states[REVIEWED], total_articles)),
    ]
    out.append('<div class="cards">')
    for css, arabic, english, value in cards:
        out.append(
            f'<div class="card {css}"><div class="value">{_e(value)}</div><div class="label">{_e(arabic)}'
            f'<span class="en" lang="en" dir="ltr">{_e(english)}</span></div></div>'
        )
    out.append("</div>")

    # Quotes by kind and review progress, side by side.
    kinds = [(KIND_LABELS[k], v, COLORS[k]) for k, v in (("direct", stats.direct), ("indirect", stats.indirect))]
    out.append('<div class="grid">')
    out.append("<section>" + _h2("الاقتباسات حسب النوع", "Quotes by kind"))
    out.append('<div class="row">')
    out.append(donut_chart([(f"{a} {e}", v, c) for (a, e), v, c in kinds], title="Quotes by kind", center="اقتباس"))
    out.append(_legend(kinds))
    out.append("</div>")
    out.append(
        f'<p class="note">بلا متحدث: {stats.unattributed} · بلا فعل قول: {stats.without_cue}'
        f'<span class="en" lang="en" dir="ltr">without speaker: {stats.unattributed} · without cue: {stats.without_cue}</span></p>'
    )
    out.append("</section>")
    progress = [(STATE_LABELS[s], states[s], COLORS[s]) for s in STATES if states[s] or s != BROKEN]
    statuses = [(STATUS_LABELS[s], stats.quote_statuses[s], COLORS[s]) for s in QUOTE_STATUSES]
    out.append("<section>" + _h2("تقدم المراجعة", "Review progress"))
    out.append(stacked_bar([(f"{a} {e}", v, c) for (a, e), v, c in progress], title="Articles by review state", width=560))
    out.append(_legend(progress))
    out.append('<p class="note">حالة الاقتباسات<span class="en" lang="en" dir="ltr">quote statuses</span></p>')
    out.append(stacked_bar([(f"{a} {e}", v, c) for (a, e), v, c in statuses], title="Quotes by status", width=560, height=16))
    out.append(_legend(statuses))
    out.append("</section>")
    out.append("</div>")

    # Speakers.
    out.append("<section>" + _h2("المتحدثون", "Speakers: quotes per speaker across the corpus"))
    out.append('<div class="split"><div>')
    out.append(bar_chart(
        [(row.name, (row.direct, row.indirect)) for row in stats.speakers[:chart_rows]],
        (COLORS["direct"], COLORS["indirect"]),
        title=f"Top {chart_rows} speakers by quotes",
    ))
    out.append(_legend([(KIND_LABELS["direct"], stats.direct, COLORS["direct"]), (KIND_LABELS["indirect"], stats.indirect, COLORS["indirect"])]))
    out.append('</div><div class="tablewrap"><table><thead><tr>'
               '<th>المتحدث <span class="en" lang="en" dir="ltr">speaker</span></th>'
               '<th class="n">اقتباسات</th><th class="n">مباشر</th><th class="n">غير مباشر</th><th class="n">مقالات</th>'
               "</tr></thead><tbody>")
    for row in stats.speakers:
        forms = ""
        if row.forms:
            shown = "، ".join(row.forms[:6]) + ("، …" if len(row.forms) > 6 else "")
            forms = f'<div class="forms">{_e(shown)}</div>'
        out.append(
            f"<tr><td><bdi>{_e(row.name)}</bdi>{forms}</td><td class=\"n\">{row.quotes}</td>"
            f'<td class="n">{row.direct}</td><td class="n">{row.indirect}</td><td class="n">{row.articles}</td></tr>'
        )
    if not stats.speakers:
        out.append('<tr><td colspan="5" class="empty">لا متحدثين</td></tr>')
    out.append("</tbody></table></div></div>")
    out.append('<p class="note">دُمجت الأسماء حسب الاسم المعتمد والأسماء البديلة (بعد توحيد الهمزات والتشكيل).'
               '<span class="en" lang="en" dir="ltr">merged by canonical name and aliases, compared folded</span></p>')
    out.append("</section>")

    # Cues.
    out.append("<section>" + _h2("أفعال القول", "Cue verbs"))
    out.append('<div class="split"><div>')
    out.append(bar_chart(
        [(row.cue, (row.direct, row.indirect)) for row in stats.cues[:chart_rows]],
        (COLORS["direct"], COLORS["indirect"]),
        title=f"Top {chart_rows} cues",
    ))
    out.append('</div><div class="tablewrap"><table><thead><tr>'
               '<th>فعل القول <span class="en" lang="en" dir="ltr">cue</span></th>'
               '<th class="n">اقتباسات</th><th class="n">مباشر</th><th class="n">غير مباشر</th><th class="n">النسبة</th>'
               "</tr></thead><tbody>")
    with_cue = sum(row.quotes for row in stats.cues)
    for row in stats.cues:
        forms = f'<div class="forms">{_e("، ".join(row.forms[:6]))}</div>' if row.forms else ""
        out.append(
            f"<tr><td><bdi>{_e(row.cue)}</bdi>{forms}</td><td class=\"n\">{row.quotes}</td><td class=\"n\">{row.direct}</td>"
            f'<td class="n">{row.indirect}</td><td class="n">{_percent(row.quotes, with_cue)}</td></tr>'
        )
    if not stats.cues:
        out.append('<tr><td colspan="5" class="empty">لا أفعال قول</td></tr>')
    out.append("</tbody></table></div></div></section>")

    # Quotes per article.
    by_count = sorted(stats.articles, key=lambda a: (-a.quotes, _natural(a.name)))
    out.append("<section>" + _h2("الاقتباسات في كل مقال", "Quotes per article"))
    out.append("<div>")
    out.append(bar_chart(
        [(a.name, (a.direct, a.indirect)) for a in by_count[: max(chart_rows, 20)] if a.state != NOT_STARTED],
        (COLORS["direct"], COLORS["indirect"]),
        title="Quotes per article",
    ))
    out.append('</div><div class="tablewrap wide"><table><thead><tr>'
               '<th>المقال <span class="en" lang="en" dir="ltr">article</span></th>'
               '<th>العنوان <span class="en" lang="en" dir="ltr">title</span></th>'
               '<th>الحالة</th><th class="n">مباشر</th><th class="n">غير مباشر</th><th class="n">متحدثون</th>'
               '<th class="n">معلّق</th></tr></thead><tbody>')
    for article in stats.articles:
        arabic, english = STATE_LABELS[article.state]
        detail = _e(article.problem) if article.problem else _e(article.title)
        out.append(
            f'<tr><td><span class="id" dir="ltr">{_e(article.name)}</span></td>'
            f'<td class="{"problem" if article.problem else "title"}"><bdi>{detail}</bdi></td>'
            f'<td><span class="state" style="background:{COLORS[article.state]}" title="{_e(english)}">{_e(arabic)}</span></td>'
            f'<td class="n">{article.direct}</td><td class="n">{article.indirect}</td>'
            f'<td class="n">{article.speakers}</td><td class="n">{article.pending}</td></tr>'
        )
    out.append("</tbody></table></div></section>")
    out.append("</main>")
    out.append(
        '<footer>أنشأه اقتباس <span lang="en" dir="ltr">— generated by Iqtibas; rejected annotations are not counted.</span></footer>'
    )
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def write_report(folder: str | Path, output: str | Path, *, title: str | None = None) -> CorpusStats:
    """Collect ``folder`` and write the page to ``output`` atomically; returns the statistics."""
    stats = collect(folder)
    page = render_html(stats, title=title) if title else render_html(stats)
    atomic_write_text(output, page, keep_backup=False)
    return stats
