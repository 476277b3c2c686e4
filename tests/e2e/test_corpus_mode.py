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


def test_window_stays_responsive_while_annotating(make_window, corpus_folder, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Auto-annotation runs in a worker: the GUI thread keeps handling events meanwhile."""
    import time

    from PySide6.QtCore import QTimer

    window = make_window()
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start(10)
    big = corpus_folder / "big.txt"
    big.write_text((sample_text() + "\n") * 60, encoding="utf-8")
    started = time.perf_counter()
    window.files.open_path(big)
    assert window.files.loading == big and window.status.busy.isVisibleTo(window)
    qtbot.waitUntil(lambda: window.workspace.session is not None, timeout=60_000)
    elapsed = time.perf_counter() - started
    timer.stop()
    gaps = [b - a for a, b in zip([started, *ticks], ticks)]
    # The 10 ms timer kept firing during the whole load (at least every 100 ms on average) and the
    # longest pause stayed under a second (a frozen window would show one gap as long as the load).
    assert len(ticks) >= elapsed / 0.1, (len(ticks), elapsed)
    assert max(gaps) < 0.75, (max(gaps), elapsed)


def test_empty_folder_is_refused(make_window, tmp_path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    empty = tmp_path / "empty"
    empty.mkdir()
    assert not window.open_path(empty)
    assert dialog_log[-1][0] == "error" and str(empty) in dialog_log[-1][1][1]
