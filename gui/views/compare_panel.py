"""The comparison panel: what differs between this document (A) and another annotation (B)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QVBoxLayout, QWidget


def category_label(category: str) -> str:
    translate = QCoreApplication.translate
    return {
        "only_a": translate("Compare", "only in A (this document)"),
        "only_b": translate("Compare", "only in B (compared file)"),
        "boundary": translate("Compare", "different boundary"),
        "kind": translate("Compare", "different kind"),
        "speaker": translate("Compare", "different speaker"),
        "cue": translate("Compare", "different cue"),
    }.get(category, category)


class ComparePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("compareList")
        self.take_a = QPushButton(self.tr("Keep A (this document)"), self)
        self.take_b = QPushButton(self.tr("Take B's version"), self)
        self.close_button = QPushButton(self.tr("Stop comparing"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.take_a)
        buttons.addWidget(self.take_b)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
