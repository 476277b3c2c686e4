"""The shortcuts sheet: every action with its keys, generated from the window's actions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from gui.layout_keys import arabic_sequence


def shortcut_rows(actions: Sequence[QAction], *, arabic_layout: bool = False) -> list[tuple[str, str]]:
    """``(command, keys)`` for every action that has keys, in menu order.

    With ``arabic_layout`` the letter keys are followed by the same keys on the Arabic layout
    (``N / ى``), which work too.
    """
    rows = []
    for action in actions:
        sequences = [k for k in action.shortcuts() if not k.isEmpty()]
        if arabic_layout:
            sequences += [a for a in map(arabic_sequence, sequences) if a is not None]
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences]
        if keys:
            rows.append((action.text().replace("&", ""), " / ".join(keys)))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 720)
        rows = shortcut_rows(actions, arabic_layout=True)
        note = QLabel(
            self.tr(
                "In the article: arrows move the cursor, Shift+arrows select (Ctrl+Shift+arrows by word). "
                "A type key marks the selection (snapped to whole words; add Shift for the exact selection) "
                "or, with nothing selected, changes the current annotation's type."
            ),
            self,
        )
        note.setWordWrap(True)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        for row, (command, keys) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(command))
            self.table.setItem(row, 1, QTableWidgetItem(keys))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
