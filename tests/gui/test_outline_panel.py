"""The outline panel's rows open by default: sections (unless the article is very long) and the
speakers list; the boilerplate stays closed. Each new document starts from these defaults."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from gui.document.session import DocumentSession
from gui.document.workspace import Workspace
from gui.views import outline_panel
from gui.views.outline_model import NODE_KIND_ROLE, OutlineModel
from gui.views.outline_panel import OutlinePanel
from tests.gui.helpers import sample_document

pytestmark = pytest.mark.gui


@pytest.fixture
def panel(qtbot: Any) -> Iterator[tuple[Workspace, OutlinePanel]]:
    host = QWidget()
    qtbot.addWidget(host)
    workspace = Workspace(host)
    yield workspace, OutlinePanel(workspace, OutlineModel(host), host)  # while ``host`` lives


def expansion(outline: OutlinePanel) -> dict[str, set[bool]]:
    """For each kind of top row, whether its rows are expanded."""
    found: dict[str, set[bool]] = {}
    for row in range(outline.proxy.rowCount()):
        index = outline.proxy.index(row, 0)
        found.setdefault(index.data(NODE_KIND_ROLE), set()).add(outline.tree.isExpanded(index))
    return found


DEFAULTS = {"title": {False}, "section": {True}, "bgroup": {False}, "sgroup": {True}}


def test_sections_and_speakers_open_the_boilerplate_closed(panel: Any) -> None:
    workspace, outline = panel
    workspace.set_session(DocumentSession(sample_document()))
    assert expansion(outline) == DEFAULTS


def test_a_long_article_starts_with_its_sections_closed(panel: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    workspace, outline = panel
    document = sample_document()
    monkeypatch.setattr(outline_panel, "EXPAND_LIMIT", len(document.of_type("quote")) - 1)
    workspace.set_session(DocumentSession(document))
    assert expansion(outline) == {**DEFAULTS, "section": {False}}


def test_another_document_starts_from_the_defaults(panel: Any) -> None:
    workspace, outline = panel
    workspace.set_session(DocumentSession(sample_document()))
    for row in range(outline.proxy.rowCount()):  # the user opens and closes rows
        index = outline.proxy.index(row, 0)
        outline.tree.setExpanded(index, not outline.tree.isExpanded(index))
    assert expansion(outline) == {kind: {not e for e in expanded} for kind, expanded in DEFAULTS.items()}
    workspace.set_session(DocumentSession(sample_document()))
    assert expansion(outline) == DEFAULTS


def test_clearing_the_filter_goes_back_to_the_defaults(panel: Any) -> None:
    workspace, outline = panel
    document = sample_document()
    workspace.set_session(DocumentSession(document))
    outline.filter_edit.setText(document.of_type("quote")[0].speaker or "")
    outline.filter_edit.returnPressed.emit()
    assert outline.proxy.query and expansion(outline)["section"] == {True}  # all opened to show the matches
    outline.filter_edit.clear()
    outline.filter_edit.returnPressed.emit()
    assert not outline.proxy.query and expansion(outline) == DEFAULTS
