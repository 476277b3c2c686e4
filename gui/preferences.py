"""Preferences: interface language, review order, article font size."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QWidget

from gui.settings import Settings
from gui.theme import MAX_POINT_SIZE, MIN_POINT_SIZE


class PreferencesDialog(QDialog):
    def __init__(self, store: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self._store = store
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("System language"), "system")
        self.language.addItem("العربية", "ar")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(store.language)))
        self.order = QComboBox(self)
        self.order.addItem(self.tr("Most doubtful first"), "doubt")
        self.order.addItem(self.tr("Reading order"), "reading")
        self.order.setCurrentIndex(max(0, self.order.findData(store.review_order)))
        self.size = QSpinBox(self)
        self.size.setRange(MIN_POINT_SIZE, MAX_POINT_SIZE)
        self.size.setValue(store.point_size)
        note = QLabel(self.tr("A new language applies to the whole window at once."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Interface language"), self.language)
        form.addRow(self.tr("Review order"), self.order)
        form.addRow(self.tr("Article font size"), self.size)
        form.addRow(note)
        form.addRow(buttons)

    def values(self) -> dict[str, object]:
        return {"language": self.language.currentData(), "review_order": self.order.currentData(), "point_size": self.size.value()}
