"""Autosave to a recovery copy, and restoring it after a crash."""

from __future__ import annotations

import pytest

from core.jsonformat import annotation_path_for, load_document
from gui.application.main_window import MainWindow
from gui.dialogs import prompts
from gui.document.recovery import RecoveryStore

pytestmark = pytest.mark.gui


def crash(window: MainWindow) -> None:
    """What a crash leaves: no close event, no prompt, the recovery folder as it was."""
    window.workspace.session.undo_stack.setClean()  # keep the test's own teardown from prompting
    window.hide()


def test_autosave_writes_only_the_recovery_copy(window, article, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert not window.files.autosave_now()  # nothing unsaved yet
    quote = window.workspace.session.document.of_type("quote")[0]
    window.workspace.select(quote.id)
    window.edit.set_status("rejected")
    assert window.files.autosave_now()
    assert not window.files.autosave_now()  # nothing new since the last copy
    assert not annotation_path_for(article).exists()  # the user's file is never written by autosave
    entries = window.files.recovery.entries()
    assert len(entries) == 1 and entries[0].article_path == article
    assert load_document(entries[0].data_path).get(quote.id).status == "rejected"
    window.files.save()
    assert window.files.recovery.entries() == []  # a real save removes the copy


def test_autosave_timer_runs_while_modified(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    timer = window.files._autosave
    assert not timer.isActive()
    window.workspace.select(window.workspace.session.document.of_type("quote")[0].id)
    window.edit.set_status("accepted")
    assert timer.isActive() and timer.interval() == 60_000
    timer.setInterval(50)
    timer.start()
    qtbot.waitUntil(lambda: bool(window.files.recovery.entries()), timeout=3000)
    window.workspace.undo()
    assert not timer.isActive()


def test_restore_after_a_crash(make_window, article, tmp_path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(article)
    document = window.workspace.session.document
    quote = document.of_type("quote")[1]
    window.workspace.select(quote.id)
    window.edit.set_speaker("متحدث مستعاد")
    window.edit.set_status("accepted")
    edited = list(document)
    window.files.autosave_now()
    crash(window)

    asked = []
    monkeypatch.setattr(prompts, "ask_restore", lambda _parent, names: asked.append(list(names)) or True)
    fresh = make_window()
    assert fresh.files.offer_recovery()
    assert asked == [["wadi.txt"]]
    restored = fresh.workspace.session
    assert restored.article_path == article
    assert list(restored.document) == edited
    assert fresh.isWindowModified()  # restored work is unsaved work
    fresh.workspace.undo()  # one command: back to the article as it was on disk
    assert restored.document.get(quote.id).speaker == quote.speaker
    fresh.workspace.redo()
    assert fresh.files.save()
    assert load_document(annotation_path_for(article)).get(quote.id).speaker == "متحدث مستعاد"
    assert fresh.files.recovery.entries() == []


def test_declining_removes_the_copies(make_window, article, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = make_window(article)
    window.workspace.select(window.workspace.session.document.of_type("quote")[0].id)
    window.edit.set_status("rejected")
    window.files.autosave_now()
    crash(window)
    monkeypatch.setattr(prompts, "ask_restore", lambda *_a: False)
    fresh = make_window()
    assert not fresh.files.offer_recovery()
    assert fresh.files.recovery.entries() == []


def test_discarding_removes_the_copy(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window.workspace.select(window.workspace.session.document.of_type("quote")[0].id)
    window.edit.set_status("rejected")
    window.files.autosave_now()
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *_a: prompts.DISCARD)
    assert window.close()
    assert window.files.recovery.entries() == []


def test_no_offer_without_copies(make_window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(prompts, "ask_restore", lambda *_a: pytest.fail("asked for nothing"))
    window = make_window()
    assert not window.files.offer_recovery()


def test_recovery_store_uses_the_data_folder(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gui.document.recovery import default_folder

    store = RecoveryStore()
    assert store.folder == default_folder()
    assert str(tmp_path.parent) in str(store.folder) or ".local" in str(store.folder)
