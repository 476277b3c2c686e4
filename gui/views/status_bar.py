"""The window's status bar: messages, a busy indicator, the selected annotation, what is left to review.

Controllers report through it (``show_message``, ``set_busy``, ``set_progress``) instead of
reaching for the window; it follows the workspace's selection for the position label.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from core.model import Annotation
from gui.document.labels import type_label
from gui.document.workspace import Initiator, Workspace

MESSAGE_MS = 4000
ERROR_MS = 8000


class StatusBar(QStatusBar):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.remaining_label = QLabel(self)
        self.remaining_label.setObjectName("remainingLabel")
        self.position_label = QLabel(self)
        self.busy = QProgressBar(self)
        self.busy.setObjectName("busyProgress")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.hide()
        self.addPermanentWidget(self.busy)
        self.addPermanentWidget(self.position_label)
        self.addPermanentWidget(self.remaining_label)
        workspace.selectionChanged.connect(self._on_selection)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.showMessage(text, ERROR_MS if error else MESSAGE_MS)

    def set_busy(self, text: str | None) -> None:
        """Show ``text`` with a busy indicator until called again with None."""
        self.busy.setRange(0, 0)
        self.busy.setVisible(text is not None)
        if text:
            self.showMessage(text)
        else:
            self.clearMessage()

    def set_progress(self, done: int, total: int) -> None:
        """Turn the busy indicator into a progress bar (``done`` of ``total`` steps)."""
        self.busy.setRange(0, max(1, total))
        self.busy.setValue(done)

    def set_remaining(self, count: int) -> None:
        self.remaining_label.setText(self.tr("To review: %1").replace("%1", str(count)))

    def _on_selection(self, annotation: Annotation | None, _initiator: Initiator) -> None:
        if annotation is None:
            self.position_label.setText("")
        else:
            label = type_label(annotation.type, annotation.kind)
            self.position_label.setText(f"{label} {annotation.start}–{annotation.end}")
