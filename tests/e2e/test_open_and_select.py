"""Opening files (good and bad), the article view, the outline and shared selection."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.jsonformat import annotation_path_for
from gui.views.offsets import view_text
from gui.views.outline_model import ANNOTATION_ID_ROLE
from tests.e2e.conftest import open_and_wait
from tests.gui.helpers import sample_text

pytestmark = pytest.mark.gui


def test_opening_an_article_shows_it_right_to_left(window, article: Path) -> None:  # type: ignore[no-untyped-def]
    session = window.workspace.session
    assert session.article_path == article
    assert session.annotation_path == annotation_path_for(article)
    assert window.view.toPlainText() == view_text(sample_text())
    option = window.view.document().defaultTextOption()
    assert option.textDirection() == Qt.LayoutDirection.RightToLeft
    assert option.alignment() & Qt.AlignmentFlag.AlignRight
    assert window.view.isReadOnly()
    assert "wadi.txt" in window.windowTitle() and not window.isWindowModified()
    assert window.outline_model.rowCount() >= 4
    assert window.status.remaining_label.text().endswith(str(window.review.remaining))
    assert window.review.remaining > 0
    # The article face is an installed Arabic Naskh font (falls back gracefully elsewhere).
    assert window.view.font().family() in ("Noto Naskh Arabic", "Amiri", "Scheherazade New", "Noto Sans Arabic", "Arial", "DejaVu Sans")


def test_quotes_are_highlighted_by_the_highlighter(window) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    quote = next(a for a in document if a.type == "quote" and a.kind == "direct")
    block = window.view.document().findBlock(window.view.offsets.to_utf16(quote.start))
    formats = block.layout().formats()
    start_in_block = window.view.offsets.to_utf16(quote.start) - block.position()
    assert any(r.start <= start_in_block < r.start + r.length and r.format.background().color().name() == "#fbe3b8" for r in formats)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("broken.iqtibas.json", b"{ not json", "JSON syntax error"),
        ("other.iqtibas.json", b'{"format": "else"}', "not an Iqtibas annotation file"),
        ("binary.txt", b"\x00\x01\x02binary", "binary file"),
        ("empty.txt", b"   \n", "empty file"),
    ],
)
def test_bad_files_get_a_dialog_and_the_window_stays_usable(make_window, article, tmp_path, dialog_log, qtbot, name, content, reason) -> None:  # type: ignore[no-untyped-def]
    window = make_window(article)
    good = window.workspace.session
    bad = tmp_path / name
    bad.write_bytes(content)
    window.files.open_path(bad)
    qtbot.waitUntil(lambda: bool(dialog_log), timeout=10_000)
    kind, (_title, message) = dialog_log[-1]
    assert kind == "error" and str(bad) in message and reason in message
    assert window.workspace.session is good and window.files.loading is None
    assert not window.status.busy.isVisible()
    open_and_wait(qtbot, window, article)  # still works afterwards
    assert window.workspace.session is not good


def test_outline_item_selects_and_scrolls_to_its_span(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    quote = document.of_type("quote")[-1]
    index = window.outline.proxy.mapFromSource(window.outline_model.index_for_annotation(quote))
    window.outline.tree.setCurrentIndex(index)
    assert window.workspace.current_id == quote.id
    assert window.view.current_span() == (quote.start, quote.end)
    assert window.details.annotation() == quote
    cursor_rect = window.view.cursorRect()
    assert window.view.viewport().rect().intersects(cursor_rect)  # scrolled into view
    selections = window.view.extraSelections()
    assert any(s.cursor.selectionStart() == quote.start and s.cursor.selectionEnd() == quote.end for s in selections)


def test_cursor_in_article_selects_innermost_annotation(window) -> None:  # type: ignore[no-untyped-def]
    document = window.workspace.session.document
    speaker = document.of_type("speaker")[0]
    window.view.select_span(speaker.start + 1, speaker.start + 1)
    assert window.workspace.current_id == speaker.id
    assert window.details.annotation() == speaker
    current = window.outline.tree.currentIndex()
    assert current.isValid()
    # A speaker mention is shown by its entry in the speakers index.
    assert current.siblingAtColumn(0).data() .startswith(speaker.speaker)
    quote = document.of_type("quote")[0]
    window.view.select_span(quote.start + 2, quote.start + 2)
    assert window.workspace.current_id == quote.id
    assert window.outline.tree.currentIndex().siblingAtColumn(0).data(ANNOTATION_ID_ROLE) == quote.id


def test_filter_matches_arabic_loosely(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    panel = window.outline
    panel.filter_edit.setText("الخطـيب")  # tatweel inside the query
    qtbot.waitUntil(lambda: panel.proxy.query != "", timeout=2000)
    shown = []

    def walk(parent) -> None:  # type: ignore[no-untyped-def]
        for row in range(panel.proxy.rowCount(parent)):
            index = panel.proxy.index(row, 0, parent)
            shown.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert any("الخطيب" in text for text in shown)
    assert all("ليلى منصور:" not in text for text in shown)
    panel.filter_edit.setText("أكد")  # hamza form: matches اكد / أكد
    panel._apply_filter()
    assert panel.proxy.rowCount() > 0


def test_outline_rows_have_children_exactly_when_they_show_some(window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    panel = window.outline
    proxy = panel.proxy

    def rows() -> list[QModelIndex]:
        return [proxy.index(row, 0, QModelIndex()) for row in range(proxy.rowCount())]

    assert any(proxy.hasChildren(index) for index in rows())
    for index in rows():  # no query: every row is kept, so the source's answer
        assert proxy.hasChildren(index) == (proxy.rowCount(index) > 0)
        assert proxy.hasChildren(index) == window.outline_model.hasChildren(proxy.mapToSource(index))
    panel.filter_edit.setText("الخطيب")
    panel._apply_filter()
    assert proxy.query
    for index in rows():  # a query: only rows with matching children have children
        assert proxy.hasChildren(index) == (proxy.rowCount(index) > 0)


def test_zoom_keys(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    size = window.view.point_size
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size + 1
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == size - 1
    qtbot.keyClick(window.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.view.point_size == 15


def test_drop_a_file_opens_it(window, article, tmp_path, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtGui import QDropEvent

    other = tmp_path / "other.txt"
    other.write_text(sample_text().replace("الخطيب", "الخطيب الجديد"), encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    before = window.workspace.session
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.workspace.session is not before, timeout=10_000)
    assert window.workspace.session.article_path == other


def test_recent_files_menu(window, article) -> None:  # type: ignore[no-untyped-def]
    from gui.settings import settings

    assert settings().recent_files[0] == str(article)
    assert window.recent_menu.actions()[0].text() == str(article)


def test_the_cycle_collector_waits_for_a_saved_file_to_be_painted(make_window, article, qtbot) -> None:  # type: ignore[no-untyped-def]
    import gc

    from tests.gui.helpers import ANNOTATED_SAMPLE

    saved = article.with_name("wadi.iqtibas.json")
    saved.write_bytes(ANNOTATED_SAMPLE.read_bytes())
    window = make_window()
    painted: list[bool] = []
    window.view.painted.connect(lambda: painted.append(gc.isenabled()))
    assert gc.isenabled()
    assert window.files.open_path(article, ask=False)
    assert window.workspace.session.annotation_path == saved  # loaded in this process, at once
    assert not gc.isenabled()  # held back while the file is shown
    qtbot.waitUntil(lambda: bool(painted), timeout=10_000)
    assert gc.isenabled()  # back once the text is painted
    assert window.view.span_index is not None and window.outline_model.rowCount() >= 4


def test_the_cycle_collector_comes_back_when_a_saved_file_is_refused(make_window, tmp_path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    import gc

    window = make_window()
    bad = tmp_path / "broken.iqtibas.json"
    bad.write_bytes(b"{ not json")
    window.files.open_path(bad)
    assert dialog_log and dialog_log[-1][0] == "error"
    assert gc.isenabled()


def test_the_cycle_collector_comes_back_without_a_paint(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import gc

    from gui.application.main_window import MainWindow
    from gui.controllers import files
    from gui.document.recovery import RecoveryStore
    from tests.gui.helpers import ANNOTATED_SAMPLE

    saved = tmp_path / "wadi.iqtibas.json"
    saved.write_bytes(ANNOTATED_SAMPLE.read_bytes())
    window = MainWindow(recovery=RecoveryStore(tmp_path / "recovery"))  # never shown: never painted
    qtbot.addWidget(window)
    assert window.files.open_path(saved, ask=False)
    assert not gc.isenabled()
    qtbot.waitUntil(gc.isenabled, timeout=files.RESUME_COLLECTOR_MS + 5_000)


COLLECTOR_PROBE = """
import gc, sys
from gui.application import app
seen = []
original = app.Application.__init__
def init(self, *args, **kwargs):
    seen.append(gc.isenabled())
    original(self, *args, **kwargs)
    seen.append(gc.isenabled())
app.Application.__init__ = init
from gui.application import screenshot
shoot = screenshot.Screenshot._shoot
def shoot_after_paint(self):
    seen.append(gc.isenabled())
    shoot(self)
screenshot.Screenshot._shoot = shoot_after_paint
code = app.main(sys.argv[1:])
print("exit", code)
print("building", *seen[:2])
print("painted", *seen[2:])
"""


def test_the_cycle_collector_waits_from_the_start_until_the_first_paint(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The window's entry holds the collector back while it imports and builds the window (and
    opens the file named), and turns it back on once the window has painted."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT
    from tests.gui.helpers import ANNOTATED_SAMPLE

    saved = tmp_path / "wadi.iqtibas.json"
    saved.write_bytes(ANNOTATED_SAMPLE.read_bytes())
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    command = [sys.executable, "-c", COLLECTOR_PROBE, str(saved), "--screenshot", str(tmp_path / "shot.png"), "--no-recovery"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines()}
    assert lines.get("exit") == ["0"], result.stderr
    assert lines["building"] == ["False", "False"]
    assert lines["painted"] == ["True"]  # the screenshot is taken after the first paint
