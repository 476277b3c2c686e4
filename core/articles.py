"""Opening what a user points at: an article, its saved annotations, or either of them by name.

``open_article`` is the one place that decides, for the CLI and the window alike, whether a
path means "annotate this text" or "load these annotations", so both behave the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.jsonformat import SUFFIX, annotation_path_for, load_document
from core.loading import read_article
from core.model import Document

if TYPE_CHECKING:
    from core.annotator.trained import AnnotatorModel

ARTICLE_SUFFIXES = (".txt", ".text", ".md")


@dataclass
class OpenedArticle:
    """A document ready to show, the article file it came from and where it saves."""

    document: Document
    article_path: Path | None
    annotation_path: Path
    from_saved: bool


def document_from_text(
    text: str, *, doc_id: str, source: str | None, encoding: str | None = None, model: AnnotatorModel | None = None
) -> Document:
    """A new document for ``text``, automatically annotated (with ``model``'s learned parts, or
    the bundled ones)."""
    # Imported here: opening a saved file needs no annotator, and the window starts faster.
    from core.annotator import annotate_document

    extra = {"encoding": encoding} if encoding else {}
    document = Document(text, id=doc_id, source=source, document_extra=extra)
    return annotate_document(document, model)


def is_annotation_path(path: Path) -> bool:
    return path.name.endswith(SUFFIX) or path.suffix.lower() == ".json"


def open_article(path: str | Path, *, prefer_saved: bool = True) -> OpenedArticle:
    """Open an article text (using ``NAME.iqtibas.json`` beside it when present) or a saved file.

    Raises:
        ArticleError / AnnotationFileError: naming the file and the problem.
    """
    path = Path(path)
    if is_annotation_path(path):
        document = load_document(path)
        article = _article_beside(path)
        return OpenedArticle(document, article, path, from_saved=True)
    saved = annotation_path_for(path)
    if prefer_saved and saved.exists():
        document = load_document(saved)
        return OpenedArticle(document, path, saved, from_saved=True)
    article = read_article(path)
    document = document_from_text(
        article.text, doc_id=article_id(path), source=str(path), encoding=article.encoding
    )
    return OpenedArticle(document, path, saved, from_saved=False)


def article_id(path: Path) -> str:
    name = path.name
    if name.endswith(SUFFIX):
        return name[: -len(SUFFIX)]
    return path.stem or name


def _article_beside(annotation_path: Path) -> Path | None:
    base = annotation_path.name[: -len(SUFFIX)] if annotation_path.name.endswith(SUFFIX) else annotation_path.stem
    for suffix in ARTICLE_SUFFIXES:
        candidate = annotation_path.with_name(base + suffix)
        if candidate.exists():
            return candidate
    return None
