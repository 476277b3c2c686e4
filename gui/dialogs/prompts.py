"""Every modal question the program asks, as a small function tests can replace.

Logic never opens a dialog itself: it calls one of these (``monkeypatch.setattr(dialogs, …)``
in tests). Messages from the core name the file and the problem (``str(error)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"

translate = QCoreApplication.translate


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A problem the user should know about; the program carries on."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def unsaved_box(parent: QWidget | None, name: str) -> QMessageBox:
    """The save / discard / cancel question, each button with its Alt key (Alt+S, Alt+D; Esc
    cancels): the platform's own button texts have no mnemonic for Discard."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Dialogs", "Unsaved corrections"),
        translate("Dialogs", "Save your corrections to %1 before closing it?").replace("%1", f"\u2068{name}\u2069"),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    texts = {
        QMessageBox.StandardButton.Save: translate("Dialogs", "&Save"),
        QMessageBox.StandardButton.Discard: translate("Dialogs", "&Discard"),
        QMessageBox.StandardButton.Cancel: translate("Dialogs", "&Cancel"),
    }
    for which, text in texts.items():
        button = box.button(which)
        if button is not None:
            button.setText(text)
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """SAVE, DISCARD or CANCEL for a document with unsaved corrections."""
    answer = unsaved_box(parent, name).exec()
    if answer == QMessageBox.StandardButton.Save:
        return SAVE
    if answer == QMessageBox.StandardButton.Discard:
        return DISCARD
    return CANCEL


def ask_carry_over(parent: QWidget | None, message: str) -> bool:
    """The article changed after its annotations were saved: re-annotate it, keeping reviewed work?"""
    box = QMessageBox(QMessageBox.Icon.Question, translate("Dialogs", "The article has changed"), message, QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(
        translate("Dialogs", "Re-annotate the new text? Your reviewed work in the lines that did not change is kept; nothing is saved until you save.")
    )
    again = box.addButton(translate("Dialogs", "Re-annotate"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(translate("Dialogs", "Show the saved text"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(again)
    box.exec()
    return box.clickedButton() == again


def ask_restore(parent: QWidget | None, names: Sequence[str]) -> bool:
    """After a crash: restore the unsaved work found in recovery files?"""
    listing = "\n".join(f"• \u2068{name}\u2069" for name in names)
    answer = QMessageBox.question(
        parent,
        translate("Dialogs", "Restore unsaved work"),
        translate("Dialogs", "Iqtibas did not close normally. Unsaved corrections were kept for:\n%1\n\nRestore them?").replace("%1", listing),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    return answer == QMessageBox.StandardButton.Yes


def report_crash(parent: QWidget | None, summary: str, details: str, log_path: Path, *, can_save: bool) -> bool:
    """An unexpected error: say so, say where the log is; True when the user wants to save a
    copy of the open document (offered only when ``can_save``)."""
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("Dialogs", "Unexpected error"),
        translate("Dialogs", "Iqtibas met an unexpected error: %1").replace("%1", f"\u2068{summary}\u2069"),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    lines = [translate("Dialogs", "Your unsaved corrections were copied to the recovery folder.")] if can_save else []
    lines.append(translate("Dialogs", "The details are in the log: %1").replace("%1", f"\u2068{log_path}\u2069"))
    box.setInformativeText("\n\n".join(lines))
    box.setDetailedText(details)
    save = box.addButton(translate("Dialogs", "Save a copy…"), QMessageBox.ButtonRole.AcceptRole) if can_save else None
    carry_on = box.addButton(translate("Dialogs", "Continue"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(save or carry_on)
    box.exec()
    return save is not None and box.clickedButton() is save


def choose_open_path(parent: QWidget | None, folder: str = "") -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("Dialogs", "Open an article or annotation file"),
        folder,
        translate("Dialogs", "Articles and annotations (*.txt *.text *.md *.json);;All files (*)"),
    )
    return path or None


def choose_folder(parent: QWidget | None, folder: str = "") -> str | None:
    path = QFileDialog.getExistingDirectory(parent, translate("Dialogs", "Open a corpus folder"), folder)
    return path or None


def choose_save_path(parent: QWidget | None, suggested: Path) -> str | None:
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("Dialogs", "Save annotations as"),
        str(suggested),
        translate("Dialogs", "Iqtibas annotations (*.iqtibas.json);;JSON (*.json)"),
    )
    return path or None


def choose_comparison_path(parent: QWidget | None, folder: str = "") -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("Dialogs", "Compare with another annotation of this article"),
        folder,
        translate("Dialogs", "Iqtibas annotations (*.iqtibas.json *.json);;All files (*)"),
    )
    return path or None


class SpeakerDialog(QDialog):
    """Pick one of the article's speakers or type a new name: completion as you type, one Enter
    accepts (an editable combo box in ``QInputDialog`` wanted two)."""

    def __init__(self, parent: QWidget | None, title: str, label: str, names: Sequence[str], current: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.combo = QComboBox(self)
        self.combo.setObjectName("speakerChoice")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(list(names))
        self.combo.setEditText(current)  # only a likely choice is offered; else the field is empty
        self.combo.setMinimumContentsLength(24)
        line = self.combo.lineEdit()
        assert line is not None  # an editable combo box has one
        line.selectAll()
        self._line = line
        for widget in (self.combo, line):  # the combo box keeps the focus and hands keys on directly
            widget.installEventFilter(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label, self))
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def value(self) -> str | None:
        return " ".join(self.combo.currentText().split()) or None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self.combo, self._line) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.value():
                    self.accept()
                return True
        return super().eventFilter(watched, event)


def choose_speaker(parent: QWidget | None, title: str, label: str, names: Sequence[str], current: str = "") -> str | None:
    """Pick one of ``names`` or type a new one; None when cancelled or empty."""
    dialog = SpeakerDialog(parent, title, label, names, current)
    return dialog.value() if dialog.exec() else None
