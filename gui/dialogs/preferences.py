"""Preferences: the annotator's name, the annotator model, interface language, review order,
article font size."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from core.annotator.trained import load_model
from core.corrections import DOUBT, READING, REVIEW_ORDERS, ReviewOrder
from core.errors import IqtibasError
from gui.dialogs import prompts
from gui.settings import MAX_POINT_SIZE, MIN_POINT_SIZE, Settings


@dataclass(frozen=True)
class Preferences:
    """What the dialog was left showing."""

    language: str
    review_order: ReviewOrder
    point_size: int
    annotator: str = ""
    model_path: str = ""


class PreferencesDialog(QDialog):
    def __init__(self, store: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        self.annotator_edit = QLineEdit(store.annotator, self)
        self.annotator_edit.setObjectName("annotatorEdit")
        self.annotator_edit.setPlaceholderText(self.tr("Saved in the files you correct"))
        metrics = self.annotator_edit.fontMetrics()
        self.annotator_edit.setMinimumWidth(metrics.horizontalAdvance(self.annotator_edit.placeholderText()) + 24)
        self.model_edit = QLineEdit(store.model_path, self)
        self.model_edit.setObjectName("modelEdit")
        self.model_edit.setPlaceholderText(self.tr("Bundled model"))
        self.model_edit.setClearButtonEnabled(True)
        self.model_edit.setMinimumWidth(metrics.horizontalAdvance("x" * 36))  # room for a file name
        self.model_edit.setToolTip(self.tr("A model file written by “iqtibas train” from your team's reviewed files; it annotates the articles you open next. Empty: the bundled model."))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.clicked.connect(self._choose_model)
        model_row = QHBoxLayout()
        model_row.addWidget(self.model_edit, 1)
        model_row.addWidget(browse)
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
        form.addRow(self.tr("Annotator model"), model_row)
        form.addRow(self.tr("Interface language"), self.language_combo)
        form.addRow(self.tr("Review order"), self.order_combo)
        form.addRow(self.tr("Article font size"), self.size_spin)
        form.addRow(note)
        form.addRow(buttons)

    def _choose_model(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Annotator model"), self.model_edit.text(), self.tr("Annotator models (*.json)")
        )
        if path:
            self.model_edit.setText(path)

    def accept(self) -> None:
        """A model file that cannot be read is refused here, not when the next article opens."""
        path = self.model_edit.text().strip()
        if path:
            try:
                load_model(path)
            except IqtibasError as error:
                prompts.show_error(self, self.tr("Cannot use this model"), str(error))
                self.model_edit.setFocus()
                return
        super().accept()

    def values(self) -> Preferences:
        chosen = self.order_combo.currentData()
        order = next((o for o in REVIEW_ORDERS if o == chosen), DOUBT)
        annotator = " ".join(self.annotator_edit.text().split())
        return Preferences(
            str(self.language_combo.currentData()), order, self.size_spin.value(), annotator, self.model_edit.text().strip()
        )
