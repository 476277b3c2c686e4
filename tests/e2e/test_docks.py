"""The corpus and comparison docks: made when first used, yet listed, restored and kept as before.

A window starts with both docks empty and hidden (``gui.application.docks``). Whatever first needs
one — a folder opened, a comparison started, the View menu's entry — finds it as it always was:
its panel in place, where the user last left the dock.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.gui.helpers import sample_text

pytestmark = pytest.mark.gui


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text(sample_text(), encoding="utf-8")
    return folder


def view_menu_entry(window: Any, title: str) -> Any:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    return next(a for a in view_menu.actions() if a.text() == title)


def open_folder(window: Any, folder: Path, qtbot: Any) -> None:
    assert window.open_path(folder)
    qtbot.waitUntil(lambda: window.workspace.session is not None and window.workspace.session.ready, timeout=30_000)


def test_a_new_window_has_both_docks_hidden_and_empty(make_window: Any) -> None:
    window = make_window()
    for dock in (window.corpus_dock, window.compare_dock):
        assert not dock.isVisible() and dock.widget() is None
        assert view_menu_entry(window, dock.windowTitle()).isCheckable()


def test_the_view_menu_shows_each_dock_with_its_panel(make_window: Any, qtbot: Any) -> None:
    window = make_window()
    entry = view_menu_entry(window, "Comparison")
    entry.trigger()
    qtbot.waitUntil(window.compare_dock.isVisible)
    assert entry.isChecked()
    assert window.compare_dock.widget() is window.compare.panel and window.compare.panel.isVisible()
    assert not window.compare.active  # shown, comparing nothing
    assert 0 < window.compare_dock.height() <= window.height() * 0.3  # a strip under the article, as before
    entry.trigger()
    qtbot.waitUntil(lambda: not window.compare_dock.isVisible())
    assert not entry.isChecked()
    view_menu_entry(window, "Corpus").trigger()
    qtbot.waitUntil(window.corpus_dock.isVisible)
    assert window.corpus_dock.widget() is window.corpus.panel and window.corpus.panel.list.isVisible()
    assert window.dockWidgetArea(window.corpus_dock) == Qt.DockWidgetArea.LeftDockWidgetArea


def test_a_restored_window_puts_a_dock_where_the_user_left_it(make_window: Any, folder: Path, qtbot: Any) -> None:
    first = make_window()
    view_menu_entry(first, "Corpus").trigger()
    first.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, first.corpus_dock)
    view_menu_entry(first, "Comparison").trigger()
    qtbot.waitUntil(lambda: first.corpus_dock.isVisible() and first.compare_dock.isVisible())
    first.close()  # saves the window's state: both docks shown, the corpus on the right
    second = make_window()
    # Both start hidden (as before: without a folder or a comparison they would show nothing) and
    # empty, though the saved state had them shown.
    assert not second.corpus_dock.isVisible() and not second.compare_dock.isVisible()
    assert second.corpus_dock.widget() is None and second.compare_dock.widget() is None
    open_folder(second, folder, qtbot)
    assert second.corpus_dock.isVisible() and second.corpus_dock.widget() is second.corpus.panel
    assert second.dockWidgetArea(second.corpus_dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert second.corpus.panel.progress.maximum() == 2


@pytest.mark.parametrize("with_corpus", [True, False])
def test_switching_language_keeps_the_corpus(language_switch: Any, qtbot: Any, folder: Path, dialog_log: Any, with_corpus: bool) -> None:
    old = language_switch.start()
    old.show()
    if with_corpus:
        open_folder(old, folder, qtbot)
        old.corpus.go_to(1, ask=False)
        qtbot.waitUntil(lambda: old.workspace.session.article_path == folder / "b.txt" and old.workspace.session.ready, timeout=30_000)
    new = language_switch.to_arabic()
    if with_corpus:
        assert new.corpus.active and new.corpus.folder == folder and new.corpus.model.current == 1
        assert new.corpus_dock.isVisible() and new.corpus.panel.progress.maximum() == 2
    else:
        assert new.corpus_dock.widget() is None and not new.corpus_dock.isVisible()
