"""Opening what a user points at: an article, its saved annotations, or either of them by name.

``open_article`` is the one place that decides, for the CLI and the window alike, whether a
path means "annotate this text" or "load these annotations", so both behave the same.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import IqtibasError, printable
from core.jsonformat import SUFFIX, annotation_path_for, load_document
from core.loading import path_exists, read_article
from core.model import Document

if TYPE_CHECKING:
    from core.annotator.trained import AnnotatorModel

ARTICLE_SUFFIXES = (".txt", ".text", ".md")


@dataclass
class OpenedArticle:
    """A document ready to show, the article file it came from and where it saves.

    ``changed_text`` is the article file's current text when it differs from the text the saved
    annotations describe (the article was edited after it was annotated); None otherwise.
    """

    document: Document
    article_path: Path | None
    annotation_path: Path
    from_saved: bool
    changed_text: str | None = None

    def changed_message(self) -> str:
        """One line telling that the article changed since its annotations were saved."""
        return (
            f"{printable(str(self.article_path))}: the article has changed since "
            f"{printable(str(self.annotation_path))} was saved; the saved text is shown"
        )


def document_from_text(
    text: str, *, doc_id: str, source: str | None, encoding: str | None = None, model: AnnotatorModel | None = None
) -> Document:
    """A new document for ``text``, automatically annotated (with ``model``'s learned parts, or
    the bundled ones)."""
    # Imported here: opening a saved file needs no annotator, and the window starts faster.
    from core.annotator import annotate_document

    extra = {"encoding": encoding} if encoding else {}
    # Ids and sources come from file names, which need not be UTF-8: keep them storable.
    document = Document(
        text, id=printable(doc_id), source=None if source is None else printable(source), document_extra=extra
    )
    return annotate_document(document, model)


def is_annotation_path(path: Path) -> bool:
    return path.name.endswith(SUFFIX) or path.suffix.lower() == ".json"


def open_article(
    path: str | Path,
    *,
    prefer_saved: bool = True,
    model_path: str | None = None,
    load: Callable[[Path], Document] = load_document,
) -> OpenedArticle:
    """Open an article text (using ``NAME.iqtibas.json`` beside it when present) or a saved file.

    An article without saved annotations is annotated with the model in the file ``model_path``
    (one ``iqtibas train`` wrote; the window's Preferences name it), or the bundled model.
    ``load`` reads a saved file (``load_document``, or a replacement that behaves the same, such
    as ``core.jsonformat.forked.ForkedCheck.load``).

    Raises:
        ArticleError / AnnotationFileError: naming the file and the problem.
    """
    path = Path(path)
    if is_annotation_path(path):
        document = load(path)
        beside = _article_beside(path)
        return OpenedArticle(document, beside, path, from_saved=True, changed_text=_changed_text(beside, document))
    saved = annotation_path_for(path)
    if prefer_saved and path_exists(saved):
        document = load(saved)
        return OpenedArticle(document, path, saved, from_saved=True, changed_text=_changed_text(path, document))
    read = read_article(path)
    from core.annotator.trained import model_from

    model = model_from(model_path)
    document = document_from_text(read.text, doc_id=article_id(path), source=str(path), encoding=read.encoding, model=model)
    return OpenedArticle(document, path, saved, from_saved=False)


def _changed_text(article: Path | None, document: Document) -> str | None:
    """The article's text if it is readable and differs from the saved document's text."""
    if article is None:
        return None
    try:
        current = read_article(article).text
    except IqtibasError:
        return None  # an unreadable article does not make the saved annotations wrong
    return current if current != document.text else None


def article_id(path: Path) -> str:
    name = path.name
    if name.endswith(SUFFIX):
        return name[: -len(SUFFIX)]
    return path.stem or name


def _article_beside(annotation_path: Path) -> Path | None:
    base = annotation_path.name[: -len(SUFFIX)] if annotation_path.name.endswith(SUFFIX) else annotation_path.stem
    for suffix in ARTICLE_SUFFIXES:
        candidate = annotation_path.with_name(base + suffix)
        if path_exists(candidate):
            return candidate
    return None
