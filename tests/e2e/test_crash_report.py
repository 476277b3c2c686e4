"""An unexpected error in a slot: logged, the work kept aside, a dialog that offers a copy and
names the log; a hard crash leaves its stack in the same log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from core.jsonformat import annotation_path_for, load_document
from gui.application.crash import CrashReporter
from gui.dialogs import prompts
from tests.conftest import ROOT

pytestmark = pytest.mark.gui


@pytest.mark.qt_no_exception_capture  # the program's own hook must see the error, not pytest-qt's
def test_an_error_in_a_slot_is_logged_reported_and_a_copy_saved(window, article, tmp_path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    log = tmp_path / "data" / "iqtibas.log"
    reporter = CrashReporter(lambda: (window, window.workspace, window.files), log)
    reporter.install()
    try:
        asked: list[object] = []
        copy = tmp_path / "elsewhere" / "copy"
        copy.parent.mkdir()
        monkeypatch.setattr(prompts, "report_crash", lambda _p, summary, details, log_path, can_save: asked.append((summary, details, log_path, can_save)) or True)
        monkeypatch.setattr(prompts, "choose_save_path", lambda _p, suggested: asked.append(suggested) or str(copy))
        document = window.workspace.document
        quote = document.of_type("quote")[0]
        window.workspace.select(quote.id)
        window.edit.set_status("rejected")

        def broken_slot(*_args: object) -> None:
            raise RuntimeError("a slot went wrong")

        window.workspace.selectionChanged.connect(broken_slot)
        window.workspace.select(document.of_type("quote")[1].id)  # the slot raises; Qt carries on
        window.workspace.selectionChanged.disconnect(broken_slot)
        assert reporter.reported == 1
        summary, details, log_path, can_save = asked[0]  # type: ignore[misc]
        assert summary == "RuntimeError: a slot went wrong" and "broken_slot" in details
        assert log_path == log and can_save is True
        assert asked[1] == article.parent / "wadi-copy.iqtibas.json"  # suggested beside the user's file
        text = log.read_text(encoding="utf-8")
        assert "Traceback" in text and "RuntimeError: a slot went wrong" in text
        saved = load_document(copy.with_name("copy.iqtibas.json"))
        assert saved.annotations == document.annotations and saved.get(quote.id).status == "rejected"
        assert not annotation_path_for(article).exists()  # the user's file is not written
        assert window.isWindowModified() and window.files.recovery.entries()  # work also kept aside
        window.edit.set_status("accepted")  # and the window carries on
        assert document.get(document.of_type("quote")[1].id).status == "accepted"
    finally:
        reporter.uninstall()


def test_the_dialog_names_the_log_and_offers_the_copy(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def answer(label: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(label))
            return
        seen.append(box.informativeText())
        next(b for b in box.buttons() if b.text() == label).click()

    log = tmp_path / "iqtibas.log"
    QTimer.singleShot(0, lambda: answer("Save a copy…"))
    assert prompts.report_crash(None, "RuntimeError: x", "Traceback …", log, can_save=True)
    QTimer.singleShot(0, lambda: answer("Continue"))
    assert not prompts.report_crash(None, "RuntimeError: x", "Traceback …", log, can_save=True)
    QTimer.singleShot(0, lambda: answer("Continue"))
    assert not prompts.report_crash(None, "RuntimeError: x", "Traceback …", log, can_save=False)
    assert all(str(log) in text for text in seen) and "recovery" in seen[0] and "recovery" not in seen[2]


def test_a_hard_crash_leaves_its_stack_in_the_log(tmp_path: Path) -> None:
    log = tmp_path / "iqtibas.log"
    script = f"""
import faulthandler
from pathlib import Path
from gui.application.crash import CrashReporter
CrashReporter(lambda: None, Path({str(log)!r})).install()
def deep_in_the_program():
    faulthandler._sigsegv()
deep_in_the_program()
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert result.returncode != 0
    text = log.read_text(encoding="utf-8")
    assert "Segmentation fault" in text and "deep_in_the_program" in text
