"""The window in Arabic and English: mirrored layout, live language switching."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.application import i18n

pytestmark = pytest.mark.gui


def test_arabic_mirrors_the_layout_but_the_article_stays_rtl_in_both(qapp, qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    translations = i18n.Translations()
    try:
        assert translations.install(qapp, "ar")
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        window = make_window()
        assert window.menuBar().actions()[0].text() == "&ملف"
        assert window.window_actions.accept.text() == "&قبول"
        assert window.view.is_right_to_left()
    finally:
        translations.install(qapp, "en")
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    english = make_window()
    assert english.menuBar().actions()[0].text() == "&File"
    assert english.view.is_right_to_left()  # the article view is right-to-left in both


def test_switching_language_keeps_the_document_and_its_history(language_switch, qtbot, article, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.dialogs import prompts

    monkeypatch.setattr(prompts, "ask_unsaved", lambda *_a: prompts.DISCARD)
    old = language_switch.start(article)
    old.files.open_path(article, ask=False)
    qtbot.waitUntil(lambda: old.workspace.session is not None and old.workspace.session.ready, timeout=10_000)
    session = old.workspace.session
    old.workspace.select(session.document.of_type("quote")[0].id)
    old.edit.set_status("rejected")
    new = language_switch.to_arabic()
    assert new.workspace.session is session and new.isWindowModified()
    assert new.window_actions.undo.isEnabled()
    assert new.menuBar().actions()[0].text() == "&ملف"
    new.workspace.undo()
    assert not new.isWindowModified()
