"""Corpus statistics for the report: what is counted and how speakers and cues are merged.

``collect(folder)`` reads every annotation file under a folder (and notices article texts that
have none yet) into ``CorpusStats``. Active annotations only: rejected ones are not part of the
corpus.

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

File names reach the report as they are shown elsewhere (``core.errors.printable``): a name
that is not UTF-8, or too long for its annotation file's name, is listed, never a crash.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.corpus import BROKEN, IN_PROGRESS, NOT_STARTED, REVIEWED
from core.errors import InputError, IqtibasError, printable
from core.folding import name_key
from core.jsonformat import SUFFIX, annotation_path_for, load_document
from core.loading import path_exists
from core.model import Document

STATES = (REVIEWED, IN_PROGRESS, NOT_STARTED, BROKEN)
QUOTE_STATUSES = ("accepted", "pending", "rejected")


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
        if not path_exists(annotation_path_for(text)) and name not in ids:
            stats.articles.append(ArticleStats(name, printable(str(text)), NOT_STARTED))
    if not stats.articles:
        raise InputError(folder, f"no {SUFFIX} files and no .txt articles in this folder")
    stats.articles.sort(key=lambda a: natural_order(a.name))
    for document in documents:
        for quote in document.of_type("quote", active_only=True):
            stats.quote_statuses[quote.status] += 1
            stats.unattributed += quote.speaker is None
            stats.without_cue += quote.cue is None
        stats.quote_statuses["rejected"] += sum(1 for q in document.of_type("quote") if not q.is_active)
    stats.speakers = merge_speakers(_speaker_entries(documents))
    stats.cues = cue_rows(documents)
    return stats


def natural_order(name: str) -> tuple[object, ...]:
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
