"""Corpus mode: folder listing with states and progress, navigation that saves, background annotation."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.corpus import IN_PROGRESS, NOT_STARTED, REVIEWED
from core.jsonformat import annotation_path_for, load_document
from tests.gui.helpers import sample_text

pytestmark = pytest.mark.gui


@pytest.fixture
def corpus_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    text = sample_text()
    for number, name in enumerate(("a", "b", "c", "d")):
        (folder / f"{name}.txt").write_text(text.replace("الخطيب", f"الخطيب{number}"), encoding="utf-8")
    return folder


def test_open_folder_walk_and_save_as_it_goes(make_window, corpus_folder, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.open_path(corpus_folder)
    qtbot.waitUntil(lambda: window.workspace.session is not None and window.files.loading is None, timeout=20_000)
    model = window.corpus.model
    assert [e.state for e in model.entries] == [NOT_STARTED] * 4
    assert window.corpus_dock.isVisible()
    assert window.corpus.panel.progress.value() == 0 and window.corpus.panel.progress.maximum() == 4
    assert window.workspace.session.article_path == corpus_folder / "a.txt"
    # The next articles are annotated in the background meanwhile.
    qtbot.waitUntil(lambda: window.corpus.is_prefetched(corpus_folder / "b.txt"), timeout=20_000)
    # Review everything in a.txt, then move on with Ctrl+PgDown: a.txt is saved on the way.
    document = window.workspace.session.document
    for annotation in list(document):
        if annotation.status == "pending" and annotation.type not in ("section", "paragraph"):
            window.workspace.select(annotation.id)
            window.review.accept()
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace.session.article_path == corpus_folder / "b.txt", timeout=10_000)
    assert load_document(annotation_path_for(corpus_folder / "a.txt")) == document
    assert model.entries[0].state == REVIEWED
    assert window.corpus.panel.progress.value() == 1
    # Partly reviewed b.txt shows as in progress after moving back.
    window.workspace.select(window.workspace.session.document.of_type("quote")[0].id)
    window.review.reject()
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.workspace.session.article_path == corpus_folder / "a.txt", timeout=10_000)
    assert model.entries[1].state == IN_PROGRESS
    assert window.workspace.session.from_saved


def test_the_text_shows_at_once_and_the_window_works_while_annotating(make_window, corpus_folder, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The annotator runs in the helper process: the article's text is shown at once and the window
    keeps handling events until the annotations arrive. The helper is held busy by a first task
    until the test lets it go, so the checks do not depend on how fast this machine is."""
    from PySide6.QtCore import QTimer

    from tests.gui.helpers import wait_for_file

    window = make_window()
    release = tmp_path / "release"
    window.files.worker.submit(wait_for_file, str(release), on_done=lambda _ok: None)
    big = corpus_folder / "big.txt"
    big.write_text((sample_text() + "\n") * 20, encoding="utf-8")
    window.files.open_path(big)
    session = window.workspace.session
    # At once: the text, no annotations yet, nothing to edit, the work under way shown.
    assert session is not None and not session.ready and len(session.document) == 0
    assert window.view.toPlainText() == session.document.text.replace("\r", "\n")
    assert window.files.loading == big and window.status.busy.isVisibleTo(window)
    assert "big.txt" in window.status.currentMessage() and "annotating" in window.windowTitle()
    assert not window.window_actions.accept.isEnabled() and not window.window_actions.save.isEnabled()
    # The window handles events meanwhile (a timer fires, the user scrolls).
    ticks: list[int] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    qtbot.waitUntil(lambda: len(ticks) >= 5, timeout=10_000)
    timer.stop()
    scroll = window.view.verticalScrollBar()
    scroll.setValue(scroll.maximum() // 2)
    first_line = window.view.firstVisibleBlock().blockNumber()
    assert first_line > 0
    assert window.files.loading == big and not window.workspace.session.ready  # still annotating
    release.touch()
    qtbot.waitUntil(lambda: window.workspace.session is not None and window.workspace.session.ready, timeout=60_000)
    annotated = window.workspace.session
    assert annotated.document.text == session.document.text and len(annotated.document) > 0
    assert window.outline_model.rowCount() >= 4 and window.review.remaining > 0
    assert window.window_actions.accept.isEnabled() and not window.status.busy.isVisibleTo(window)
    assert window.view.firstVisibleBlock().blockNumber() == first_line  # the text stayed where the user scrolled it


def test_empty_folder_is_refused(make_window, tmp_path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not window.open_path(empty)
    assert dialog_log[-1][0] == "error" and str(empty) in dialog_log[-1][1][1]
