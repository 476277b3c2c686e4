"""A corpus is a folder of articles; each article's state comes from its annotation file.

States: ``not started`` (no annotation file yet), ``in progress`` (some automatic suggestions
are still pending review: quotes, each with its speaker mention and cue, and structure items, as
the window counts them), ``reviewed`` (nothing pending). The window's corpus list and the
command line's reports use the same definition.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from core.corrections import REVIEW_ITEM_TYPES, needs_review
from core.errors import InputError, IqtibasError
from core.jsonformat import SUFFIX, annotation_path_for, load_document
from core.loading import path_exists

NOT_STARTED = "not started"
IN_PROGRESS = "in progress"
REVIEWED = "reviewed"
BROKEN = "unreadable"


@dataclass(frozen=True)
class CorpusEntry:
    article: Path
    annotation: Path
    state: str
    pending: int = 0
    total: int = 0
    problem: str = ""


def article_files(folder: str | Path) -> list[Path]:
    """Article text files under ``folder`` (recursively), in a stable order."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "not a folder")
    return sorted(p for p in folder.rglob("*.txt") if p.is_file() and not p.name.startswith("."))


def entry_for(article: Path) -> CorpusEntry:
    """The state of one article from its ``NAME.iqtibas.json`` beside it."""
    annotation = annotation_path_for(article)
    if not path_exists(annotation):
        return CorpusEntry(article, annotation, NOT_STARTED)
    try:
        document = load_document(annotation)
    except IqtibasError as error:
        return CorpusEntry(article, annotation, BROKEN, problem=str(error))
    reviewable = [a for a in document if a.type in REVIEW_ITEM_TYPES]  # quotes stand for their parts
    pending = sum(1 for a in reviewable if needs_review(a))
    state = IN_PROGRESS if pending else REVIEWED
    return CorpusEntry(article, annotation, state, pending=pending, total=len(reviewable))


def list_corpus(folder: str | Path) -> list[CorpusEntry]:
    """Every article of a corpus folder with its state."""
    return [entry_for(article) for article in article_files(folder)]


def is_annotation_file(path: Path) -> bool:
    return path.name.endswith(SUFFIX)
