"""The shortcuts sheet: every command with its keys (rows made from the window's actions)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ShortcutsDialog(QDialog):
    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
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
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        # Both columns as wide as their longest entry (the keys column was cut), the dialog as
        # wide as the table needs, within the screen.
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        needed = header.length() + self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth() + 32
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        self.resize(min(needed, int(screen.width() * 0.9)) if screen is not None else needed, 720)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
