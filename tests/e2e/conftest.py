"""End-to-end fixtures: the real main window on isolated settings, recovery folder and files."""

from __future__ import annotations

import argparse
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("PySide6")

from tests.gui.helpers import isolated_settings, sample_text


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from isolated_settings(tmp_path_factory)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """The sample article as a user's file in a temporary folder."""
    path = tmp_path / "articles" / "wadi.txt"
    path.parent.mkdir()
    path.write_text(sample_text(), encoding="utf-8")
    return path


@pytest.fixture
def dialog_log(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Any]]:
    """Replace every modal dialog: errors are recorded, the unsaved-changes question answers
    "discard" (so closing at teardown never blocks), other questions fail unless a test answers."""
    from gui.dialogs import prompts

    log: list[tuple[str, Any]] = []
    monkeypatch.setattr(prompts, "show_error", lambda _parent, title, message: log.append(("error", (title, message))))

    def unexpected(name: str) -> Callable[..., Any]:
        def fail(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError(f"unexpected dialog {name}")

        return fail

    def discard(_parent: Any, name: str) -> str:
        log.append(("unsaved", name))
        return prompts.DISCARD

    monkeypatch.setattr(prompts, "ask_unsaved", discard)  # tests that care answer themselves
    for name in (
        "ask_restore", "ask_carry_over", "choose_open_path", "choose_save_path", "choose_speaker", "choose_folder",
        "choose_comparison_path",
    ):
        monkeypatch.setattr(prompts, name, unexpected(name))
    return log


@pytest.fixture
def make_window(qtbot, tmp_path: Path, dialog_log) -> Callable[..., Any]:  # type: ignore[no-untyped-def]
    """Build a shown main window; ``open_file`` waits until the document is displayed."""
    from gui.application.main_window import MainWindow
    from gui.document.recovery import RecoveryStore

    recovery = RecoveryStore(tmp_path / "recovery")

    def factory(path: Path | None = None) -> MainWindow:
        window = MainWindow(recovery=recovery)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        # Active before anything is typed: keys and focus go to the active window only, and
        # on a loaded machine the activation can come after the first key of a test.
        with qtbot.waitActive(window, timeout=10_000):
            window.activateWindow()
        if path is not None:
            open_and_wait(qtbot, window, path)
        return window

    return factory


def open_and_wait(qtbot, window, path: Path) -> None:  # type: ignore[no-untyped-def]
    before = window.workspace.session
    assert window.files.open_path(path)
    qtbot.waitUntil(lambda: window.workspace.session is not before and window.files.loading is None, timeout=20_000)


@pytest.fixture
def window(make_window, article):  # type: ignore[no-untyped-def]
    return make_window(article)


@pytest.fixture
def annotated_window(make_window, article):  # type: ignore[no-untyped-def]
    """The window on the sample article with the committed automatic outline saved beside it
    (``tests.gui.helpers.ANNOTATED_SAMPLE``): the annotator's mistakes the tests correct stay put."""
    from tests.gui.helpers import ANNOTATED_SAMPLE

    article.with_name("wadi.iqtibas.json").write_bytes(ANNOTATED_SAMPLE.read_bytes())
    return make_window(article)


def copy_tree(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


class LanguageSwitch:
    """An ``Application`` (what ``iqtibas`` runs) started in English, switched to Arabic as the
    Preferences do; the fixture puts English back after the test."""

    def __init__(self, qtbot: Any) -> None:
        self._qtbot = qtbot
        self.application: Any = None

    def start(self, path: Path | None = None) -> Any:
        """Start the application (on ``path``, if given) and return its window."""
        from gui.application.app import Application

        arguments = argparse.Namespace(lang="en", size=None, path=str(path) if path else None, screenshot=None, no_recovery=True)
        self.application = Application(arguments)
        self._qtbot.addWidget(self.application.window)
        return self.application.window

    def to_arabic(self) -> Any:
        """Switch to Arabic; the rebuilt window, the old one gone."""
        from gui.settings import settings

        old = self.application.window
        settings().language = "ar"
        self.application.change_language("ar")
        new = self.application.window
        self._qtbot.addWidget(new)
        assert new is not old and not old.isVisible()
        return new


@pytest.fixture
def language_switch(qapp: Any, qtbot: Any) -> Iterator[LanguageSwitch]:
    switch = LanguageSwitch(qtbot)
    yield switch
    if switch.application is not None:
        switch.application.translations.install(qapp, "en")
