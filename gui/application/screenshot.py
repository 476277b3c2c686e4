"""``--screenshot OUT.png``: render the window once the document is really there, write the PNG, exit.

"There" means: the document's session is ready (an article to annotate is annotated) and the
article view has painted it since. Nothing waits a fixed delay. Problems that would open a
dialog are printed instead and end the program with exit code 2; 3 if nothing came in time.

With the environment variable ``IQTIBAS_MILESTONES`` set, the moments the text was first painted
and the document became usable are printed to stderr as Unix times (``benchmarks/bench_gui.py``
reads them to compare with a bare text view).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from gui.controllers.files import FileController
from gui.dialogs import prompts
from gui.document.session import DocumentSession
from gui.document.workspace import Workspace
from gui.views.article_view import ArticleView

TIMEOUT_MS = 120_000


def milestone(name: str) -> None:
    if os.environ.get("IQTIBAS_MILESTONES"):
        print(f"iqtibas-milestone {name} {time.time():.4f}", file=sys.stderr, flush=True)


class Screenshot(QObject):
    """Waits for the shown document to be ready and painted, then grabs the window."""

    def __init__(self, app: QApplication, window: QWidget, workspace: Workspace, view: ArticleView, files: FileController, out: Path) -> None:
        super().__init__(window)
        self._app = app
        self._window = window
        self._workspace = workspace
        self._view = view
        self._out = out
        self._text_painted = False
        self._ready_painted = False
        self.code = 3
        view.painted.connect(self._on_painted)
        files.opened.connect(self._on_opened)
        prompts.show_error = self._report  # no modal dialogs in a screenshot run
        prompts.report_crash = self._crashed
        QTimer.singleShot(TIMEOUT_MS, self._time_out)

    def _report(self, parent: QWidget | None, title: str, message: str) -> None:
        print(f"iqtibas: {message}", file=sys.stderr)
        self._finish(2)

    def _crashed(self, parent: QWidget | None, summary: str, details: str, log_path: Path, *, can_save: bool) -> bool:
        print(f"iqtibas: unexpected error: {summary}", file=sys.stderr)
        self._finish(2)
        return False

    def _time_out(self) -> None:
        print("iqtibas: timed out", file=sys.stderr)
        self._finish(3)

    def _ready(self) -> DocumentSession | None:
        session = self._workspace.session
        return session if session is not None and session.ready else None

    def _on_opened(self, session: DocumentSession) -> None:
        if session.ready:
            self._ready_painted = False
            self._view.viewport().update()  # a paint of the annotated text follows

    def _on_painted(self) -> None:
        if not self._text_painted:
            self._text_painted = True
            milestone("text-painted")
        if self._ready() is not None and not self._ready_painted:
            self._ready_painted = True
            milestone("usable")
            QTimer.singleShot(0, self._shoot)  # after this paint, with pending layout done

    def _shoot(self) -> None:
        document = self._workspace.document
        if document is not None:
            quotes = [a for a in document if a.type == "quote" and a.speaker]
            if quotes:
                self._workspace.select(quotes[0].id)
        self._app.processEvents()  # the layouts the selection changed (status bar, details panel)
        image = self._window.grab().toImage()
        self._out.parent.mkdir(parents=True, exist_ok=True)
        # PySide6's stub types the format as bytes; the binding accepts only str.
        if image.save(str(self._out), "PNG"):  # type: ignore[call-overload]
            self._finish(0)
        else:
            print(f"iqtibas: {self._out}: cannot write the screenshot", file=sys.stderr)
            self._finish(1)

    def _finish(self, code: int) -> None:
        if self.code == 3 or code != 0:
            self.code = code
        # Queued: a problem found while opening, before the event loop runs, ends it once it does.
        QTimer.singleShot(0, lambda: self._app.exit(self.code))
