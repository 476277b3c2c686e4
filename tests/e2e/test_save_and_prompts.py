"""Saving beside the article, Save As, save errors, reopening, and the unsaved-changes prompt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from core.jsonformat import annotation_path_for, load_document
from gui.dialogs import prompts
from tests.e2e.conftest import open_and_wait

pytestmark = pytest.mark.gui


def edit_something(window) -> str:  # type: ignore[no-untyped-def]
    quote = window.workspace.session.document.of_type("quote")[0]
    window.workspace.select(quote.id)
    window.edit.set_speaker("متحدث للاختبار")
    return quote.id


def test_ctrl_s_saves_beside_the_article_and_reopens_equal(window, article, qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    quote_id = edit_something(window)
    assert window.isWindowModified() and "[*]" in window.windowTitle()
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    target = annotation_path_for(article)
    assert target.exists() and target.name == "wadi.iqtibas.json"
    assert not window.isWindowModified()
    saved = load_document(target)
    assert saved == window.workspace.session.document
    # Undoing after a save makes the document modified again; redoing returns to the clean state.
    window.workspace.undo()
    assert window.isWindowModified()
    window.workspace.redo()
    assert not window.isWindowModified()
    # Reopening the article loads the saved annotations (not a fresh automatic pass).
    other = make_window(article)
    assert other.workspace.session.from_saved and other.workspace.session.document.get(quote_id).speaker == "متحدث للاختبار"
    assert other.workspace.session.document == saved


def test_save_twice_keeps_a_backup(window, article) -> None:  # type: ignore[no-untyped-def]
    edit_something(window)
    assert window.files.save()
    window.edit.set_speaker("آخر")
    assert window.files.save()
    backup = annotation_path_for(article).with_name("wadi.iqtibas.json.bak")
    assert load_document(backup).get(window.workspace.current_id).speaker == "متحدث للاختبار"


def test_save_as_elsewhere(window, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    elsewhere = tmp_path / "out" / "copy"
    elsewhere.parent.mkdir()
    monkeypatch.setattr(prompts, "choose_save_path", lambda _parent, suggested: str(elsewhere))
    edit_something(window)
    assert window.files.save_as()
    written = elsewhere.with_name("copy.iqtibas.json")
    assert written.exists() and window.workspace.session.annotation_path == written
    assert load_document(written) == window.workspace.session.document


def test_save_error_from_the_writer_is_reported(window, article, dialog_log, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import core.atomic

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(core.atomic.os, "replace", refuse)
    edit_something(window)
    assert not window.files.save()
    _title, message = dialog_log[-1][1]
    assert str(annotation_path_for(article)) in message and "No space left" in message
    assert window.isWindowModified()
    assert not annotation_path_for(article).exists()


@pytest.mark.parametrize(("answer", "closes", "saved"), [(prompts.CANCEL, False, False), (prompts.DISCARD, True, False), (prompts.SAVE, True, True)])
def test_unsaved_prompt_on_close(window, article, monkeypatch, answer, closes, saved) -> None:  # type: ignore[no-untyped-def]
    asked = []
    monkeypatch.setattr(prompts, "ask_unsaved", lambda _p, name: asked.append(name) or answer)
    edit_something(window)
    assert window.close() is closes
    assert asked == ["wadi.txt"]
    assert annotation_path_for(article).exists() is saved


def test_unsaved_prompt_when_opening_another(window, tmp_path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    other = tmp_path / "other.txt"
    other.write_text("قال الوزير إن «الخطة جاهزة».\n", encoding="utf-8")
    answers = iter([prompts.CANCEL, prompts.DISCARD])
    monkeypatch.setattr(prompts, "ask_unsaved", lambda _p, _n: next(answers))
    edit_something(window)
    current = window.workspace.session
    assert not window.files.open_path(other)  # cancelled: nothing happens
    assert window.workspace.session is current and window.isWindowModified()
    open_and_wait(qtbot, window, other)
    assert window.workspace.session.article_path == other and not window.isWindowModified()


def test_nothing_to_ask_when_unmodified(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(prompts, "ask_unsaved", lambda *_a: pytest.fail("asked without changes"))
    edit_something(window)
    window.workspace.undo()
    assert window.close()


def test_opening_a_saved_annotation_file_directly(window, article, make_window) -> None:  # type: ignore[no-untyped-def]
    edit_something(window)
    window.files.save()
    other = make_window(annotation_path_for(article))
    assert other.workspace.session.annotation_path == annotation_path_for(article)
    assert other.workspace.session.article_path == article


# The program saves once, then edits and saves again; the second save stops at a known point
# (the hook prints where and waits), and the test kills the program there with SIGKILL.
KILL_SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtWidgets import QApplication
import core.atomic
app = QApplication([])
from gui.application.main_window import MainWindow
from gui.document.recovery import RecoveryStore
target = Path(sys.argv[1])
point = sys.argv[2]
window = MainWindow(recovery=RecoveryStore(Path(sys.argv[3])))
window.files.open_path(target.with_name("wadi.txt"), ask=False)
while not window.workspace.session.ready:  # annotated in the helper process
    window.files.worker.wait(100)
    app.processEvents()
window.workspace.select(window.workspace.document.of_type("quote")[0].id)
window.edit.set_speaker("متحدث 1")
assert window.files.save()
real_fsync, real_replace = os.fsync, os.replace
armed = False

def stop_here(where):
    if armed and where == point:
        print(where, flush=True)
        sys.stdin.readline()  # the test kills us here

def fsync(fd):
    if os.readlink(f"/proc/self/fd/{fd}").endswith(".tmp") and ".bak." not in os.readlink(f"/proc/self/fd/{fd}"):
        stop_here("writing")  # the new version is written, not yet synced
    real_fsync(fd)

def replace(source, destination):
    if Path(destination) == target:
        stop_here("replacing")  # complete and synced, the backup made, not yet in place
    real_replace(source, destination)
    if Path(destination) == target:
        stop_here("replaced")  # in place, the folder not yet synced

core.atomic.os.fsync, core.atomic.os.replace = fsync, replace
window.edit.set_speaker("متحدث 2")
armed = True
window.files.save()
print("saved", flush=True)
"""


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="finds the file being written through /proc")
@pytest.mark.parametrize(("point", "speaker"), [("writing", "متحدث 1"), ("replacing", "متحدث 1"), ("replaced", "متحدث 2")])
def test_killing_the_program_while_saving_never_damages_the_file(tmp_path: Path, article: Path, point: str, speaker: str) -> None:
    """SIGKILL at each step of a save: the file is the old version or the new one, never a mix."""
    import signal
    import subprocess
    import sys

    target = annotation_path_for(article)
    process = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(target), point, str(tmp_path / "recovery")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=Path(__file__).resolve().parents[2], env={**os.environ, "HOME": str(tmp_path)},
    )
    assert process.stdout is not None and process.stdin is not None
    assert process.stdout.readline().decode().strip() == point  # the save is under way, stopped there
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()
    process.stdin.close()
    document = load_document(target)  # raises if the file were damaged
    assert document.of_type("quote")[0].speaker == speaker
    backup = target.with_name(target.name + ".bak")
    if backup.exists():
        load_document(backup)  # the backup is whole too
