"""The colour legend under the article: one swatch per annotation style."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from gui.views.theme import STYLES, legend_entries


class Legend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.setSpacing(12)
        self.labels: dict[str, QLabel] = {}
        for key, text in legend_entries():
            style = STYLES[key]
            css = ["padding:1px 6px", "border-radius:3px"]
            if style.background:
                css.append(f"background:{style.background}")
            if style.foreground:
                css.append(f"color:{style.foreground}")
            if style.underline:
                css.append("text-decoration:underline")
            if style.bold:
                css.append("font-weight:600")
            label = QLabel(text, self)
            label.setStyleSheet(";".join(css))
            layout.addWidget(label)
            self.labels[key] = label
        layout.addStretch(1)
