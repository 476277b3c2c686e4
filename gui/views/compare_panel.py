"""The comparison panel: what differs between this document (A) and another annotation (B).

A legend says how each kind of difference is marked in the article (the same swatches stand
before each row of the list); the panel stays a strip under the article, not half the window.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from gui.views.theme import COMPARE_MARKS, CompareMark

SWATCH = QSize(30, 16)


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


def side_label(side: str) -> str:
    translate = QCoreApplication.translate
    return {
        "a": translate("Compare", "only in A"),
        "b": translate("Compare", "only in B"),
        "both": translate("Compare", "in both, different"),
    }[side]


def swatch(mark: CompareMark) -> QPixmap:
    """A small sample of the mark as the article draws it: tint and wavy underline."""
    pixmap = QPixmap(SWATCH)
    pixmap.fill(QColor(mark.background) if mark.background else Qt.GlobalColor.transparent)
    if mark.underline:
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(mark.underline), 1.6))
        path = QPainterPath(QPointF(0, SWATCH.height() - 4))
        for step in range(1, SWATCH.width() // 3 + 1):
            path.lineTo(step * 3, SWATCH.height() - (2 if step % 2 else 5))
        painter.drawPath(path)
        painter.end()
    return pixmap


class ComparePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        legend = QHBoxLayout()
        legend.setSpacing(6)
        self.legend: dict[str, QLabel] = {}
        self.icons = {side: QIcon(swatch(mark)) for side, mark in COMPARE_MARKS.items()}
        for side in ("a", "b", "both"):
            sample = QLabel(self)
            sample.setPixmap(swatch(COMPARE_MARKS[side]))
            label = QLabel(side_label(side), self)
            label.setObjectName(f"compareLegend_{side}")
            legend.addWidget(sample)
            legend.addWidget(label)
            legend.addSpacing(10)
            self.legend[side] = label
        legend.addStretch(1)
        self.list = QListWidget(self)
        self.list.setObjectName("compareList")
        self.list.setIconSize(SWATCH)
        self.list.setUniformItemSizes(True)
        # A strip of a few rows: the article above keeps most of the window.
        self.list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.list.setMinimumHeight(3 * self.list.fontMetrics().height() + 8)
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
        layout.setSpacing(4)
        layout.addWidget(self.summary)
        layout.addLayout(legend)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), min(hint.height(), 12 * self.fontMetrics().height()))
