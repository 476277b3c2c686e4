"""Shared helpers for GUI and end-to-end tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from core.articles import document_from_text
from core.model import Document
from core.outline import build_outline
from core.resources import SAMPLE_ARTICLE, read_text

ASTRAL_TEXT = (
    "قال 😀 الوزير 𞸀 إن «السلام ممكن» اليوم.\n"
    "وأضاف 😀😀: «نحتاج إلى 𞸀 تعاون الجميع» 😀 ثم غادر.\n"
    "سطر ثالث بلا اقتباس."
)


def wait_for_file(path: str, timeout: float = 60.0) -> bool:
    """Run in the helper process to hold it (and the tasks queued behind) until ``path`` exists."""
    import time

    deadline = time.monotonic() + timeout
    while not Path(path).exists():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def sample_text() -> str:
    return read_text(SAMPLE_ARTICLE)


# The sample article's automatic outline as the annotator made it on 2026-12-05, with the
# mistakes the issue 9 tests correct (a speaker named "الخبير البيئي د", "ناصر" apart from
# "رامي ناصر" …): fixed, so those tests do not depend on how the annotator evolves.
ANNOTATED_SAMPLE = Path(__file__).resolve().parents[1] / "core" / "data" / "wadi.iqtibas.json"


def annotated_sample() -> Document:
    from core.jsonformat import load_document

    return load_document(ANNOTATED_SAMPLE)


def sample_document() -> Document:
    return document_from_text(sample_text(), doc_id="sample", source="sample/article.txt")


def isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point QSettings (INI, user and system scope) at a temporary folder for one test."""
    from PySide6.QtCore import QSettings

    from gui import settings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
        QSettings.setPath(QSettings.Format.IniFormat, scope, str(folder))
    settings.reset_for_tests()
    yield folder
    settings.reset_for_tests()


def outline_snapshot(document: Document) -> list[Any]:
    """What the outline model must show, computed from ``core.outline.build_outline``.

    The window also lists rejected quotes and boilerplate (struck out) where the core outline
    leaves them out; they go to the section the core's rule gives them.
    """
    from bisect import bisect_right

    outline = build_outline(document)
    starts = [node.section.start if node.section else 0 for node in outline.sections]
    section_quotes: list[list[Any]] = [[] for _ in outline.sections]
    for quote in document.of_type("quote"):
        section_quotes[max(0, bisect_right(starts, quote.start) - 1)].append(("quote", quote.id, []))
    for node, quotes in zip(outline.sections, section_quotes, strict=True):
        active = [q.id for q in node.quotes]
        assert [q[1] for q in quotes if document.get(q[1]).is_active] == active
    tree: list[Any] = [("title", outline.title.id if outline.title else None, [])]
    for node, quotes in zip(outline.sections, section_quotes, strict=True):
        tree.append(("section", node.section.id if node.section else None, quotes))
    tree.append(("bgroup", None, [("boilerplate", b.id, []) for b in document.of_type("boilerplate")]))
    tree.append(
        ("sgroup", None, [("speaker", s.name, [("squote", q, []) for q in s.quote_ids]) for s in outline.speakers])
    )
    return tree
