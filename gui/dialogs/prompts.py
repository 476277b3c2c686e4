"""Every modal question the program asks, as a small function tests can replace.

Logic never opens a dialog itself: it calls one of these (``monkeypatch.setattr(dialogs, …)``
in tests). Messages from the core name the file and the problem (``str(error)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

SAVE = "save"
DISCARD = "discard"
CANCEL = "cancel"

translate = QCoreApplication.translate


def show_error(parent: QWidget | None, title: str, message: str) -> None:
    """A problem the user should know about; the program carries on."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent)
    box.exec()


def ask_unsaved(parent: QWidget | None, name: str) -> str:
    """SAVE, DISCARD or CANCEL for a document with unsaved corrections."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Dialogs", "Unsaved corrections"),
        translate("Dialogs", "Save your corrections to %1 before closing it?").replace("%1", f"\u2068{name}\u2069"),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.Save)
    answer = box.exec()
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


def choose_speaker(parent: QWidget | None, title: str, label: str, names: Sequence[str], current: str = "") -> str | None:
    """Pick one of ``names`` or type a new one; None when cancelled or empty."""
    items = list(names)
    index = items.index(current) if current in items else 0
    value, ok = QInputDialog.getItem(parent, title, label, items, index, True)
    value = " ".join(value.split()) if ok else ""
    return value or None
