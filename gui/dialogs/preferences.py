"""Preferences: the annotator's name, interface language, review order, article font size."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QSpinBox, QWidget

from core.corrections import DOUBT, READING, REVIEW_ORDERS, ReviewOrder
from gui.settings import MAX_POINT_SIZE, MIN_POINT_SIZE, Settings


@dataclass(frozen=True)
class Preferences:
    """What the dialog was left showing."""

    language: str
    review_order: ReviewOrder
    point_size: int
    annotator: str = ""


class PreferencesDialog(QDialog):
    def __init__(self, store: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.annotator_edit = QLineEdit(store.annotator, self)
        self.annotator_edit.setObjectName("annotatorEdit")
        self.annotator_edit.setPlaceholderText(self.tr("Saved in the files you correct"))
        metrics = self.annotator_edit.fontMetrics()
        self.annotator_edit.setMinimumWidth(metrics.horizontalAdvance(self.annotator_edit.placeholderText()) + 24)
        self.language_combo = QComboBox(self)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem(self.tr("System language"), "system")
        self.language_combo.addItem("العربية", "ar")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(store.language)))
        self.order_combo = QComboBox(self)
        self.order_combo.addItem(self.tr("Most doubtful first"), DOUBT)
        self.order_combo.addItem(self.tr("Reading order"), READING)
        self.order_combo.setCurrentIndex(max(0, self.order_combo.findData(store.review_order)))
        self.size_spin = QSpinBox(self)
        self.size_spin.setRange(MIN_POINT_SIZE, MAX_POINT_SIZE)
        self.size_spin.setValue(store.point_size)
        note = QLabel(self.tr("A new language applies to the whole window at once."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Your name"), self.annotator_edit)
        form.addRow(self.tr("Interface language"), self.language_combo)
        form.addRow(self.tr("Review order"), self.order_combo)
        form.addRow(self.tr("Article font size"), self.size_spin)
        form.addRow(note)
        form.addRow(buttons)

    def values(self) -> Preferences:
        chosen = self.order_combo.currentData()
        order = next((o for o in REVIEW_ORDERS if o == chosen), DOUBT)
        annotator = " ".join(self.annotator_edit.text().split())
        return Preferences(str(self.language_combo.currentData()), order, self.size_spin.value(), annotator)
