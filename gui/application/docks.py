"""Docks whose content is made on first use: the corpus list and the comparison strip.

Most sessions never open a corpus folder or compare two annotations, yet making their controllers
and panels, and importing their modules, cost every start of the window before its first paint.
So the dock itself (a ``QDockWidget``: cheap) is made with the window — the View menu lists it by
its toggle action, and ``QMainWindow.restoreState`` finds it by its object name and puts it back
where the user left it — while what it holds is made the first time it is needed: by a command
that uses it (``get``), or when the user shows the empty dock from the View menu.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


class HasPanel(Protocol):
    @property
    def panel(self) -> QWidget: ...


Content = TypeVar("Content", bound=HasPanel)


class LazyDock(Generic[Content]):
    """A hidden dock of ``window``; ``make`` builds its controller (whose ``panel`` it shows) once."""

    def __init__(self, window: QMainWindow, name: str, title: str, area: Qt.DockWidgetArea, make: Callable[[], Content]) -> None:
        self.dock = QDockWidget(title, window)
        self.dock.setObjectName(name)
        window.addDockWidget(area, self.dock)
        self.dock.hide()
        self._make = make
        self._content: Content | None = None
        # Shown from the View menu: the content is in place before the window lays it out again.
        self.dock.visibilityChanged.connect(self._on_shown)

    @property
    def made(self) -> Content | None:
        """The content if it was made (None: nothing used this dock yet)."""
        return self._content

    def get(self) -> Content:
        """The content, made now if it was not."""
        if self._content is None:
            self._content = self._make()
            self.dock.setWidget(self._content.panel)
        return self._content

    def _on_shown(self, shown: bool) -> None:
        if shown:
            self.get()
