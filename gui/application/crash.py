"""What happens when the program meets an error it did not expect.

An exception raised in a slot (Qt calls ``sys.excepthook`` and carries on) is written with the time
to a log file in the program's data folder, the unsaved work is copied to the recovery folder at
once, and a dialog tells the user what happened, where the log is, and offers to save a copy of
the open document wherever they like (the user's own file is left alone: the state that raised may
be half-done). ``faulthandler`` writes to the same log, so even a hard crash of Qt or Python (a
segmentation fault, an abort) leaves its Python stack behind for the report.
"""

from __future__ import annotations

import contextlib
import faulthandler
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TextIO

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.errors import IqtibasError
from core.jsonformat import SUFFIX, save_document
from gui.controllers.files import FileController
from gui.dialogs import prompts
from gui.document.workspace import Workspace
from gui.settings import data_folder

LOG_NAME = "iqtibas.log"
LOG_LIMIT = 1_000_000  # bytes; a longer log is moved to iqtibas.log.1 at start


def default_log_path() -> Path:
    return data_folder() / LOG_NAME


class CrashReporter:
    """Installs the exception hook and ``faulthandler``; ``target`` gives the current window's
    (dialog parent, workspace, file controller), which changes when the window is rebuilt."""

    def __init__(self, target: Callable[[], tuple[QWidget, Workspace, FileController]], log_path: Path | None = None) -> None:
        self._target = target
        self.log_path = log_path or default_log_path()
        self._log: TextIO | None = None
        self._previous_hook = sys.excepthook
        self._reporting = False
        self.reported = 0

    def install(self) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            if self.log_path.stat().st_size > LOG_LIMIT:
                self.log_path.replace(self.log_path.with_name(LOG_NAME + ".1"))
        self._log = self.log_path.open("a", encoding="utf-8")
        faulthandler.enable(self._log, all_threads=True)
        sys.excepthook = self.hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        if self._log is not None:
            faulthandler.disable()
            self._log.close()
            self._log = None

    def hook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        """``sys.excepthook``: log, keep the work aside, tell the user, carry on."""
        details = "".join(traceback.format_exception(kind, error, trace))
        self._write_log(details)
        print(details, file=sys.stderr, end="")
        if issubclass(kind, KeyboardInterrupt):
            return
        parent, workspace, files = self._target()
        with contextlib.suppress(Exception):  # the report below matters more than this copy
            files.autosave_now()
        if self._reporting:  # an error while the dialog is open: logged, not stacked
            return
        self._reporting = True
        self.reported += 1
        try:
            self._report(parent, workspace, f"{kind.__name__}: {error}", details)
        finally:
            self._reporting = False

    def _write_log(self, details: str) -> None:
        if self._log is None:
            return
        with contextlib.suppress(OSError, ValueError):
            self._log.write(f"--- {datetime.now().isoformat(timespec='seconds')} unexpected error\n{details}\n")
            self._log.flush()

    def _report(self, parent: QWidget, workspace: Workspace, summary: str, details: str) -> None:
        session = workspace.session
        if not prompts.report_crash(parent, summary, details, self.log_path, can_save=session is not None):
            return
        if session is None:
            return
        saved = session.annotation_path
        stem = saved.name[: -len(SUFFIX)] if saved is not None and saved.name.endswith(SUFFIX) else session.document.id
        folder = (saved or session.article_path or Path.home() / stem).parent
        chosen = prompts.choose_save_path(parent, folder / f"{stem}-copy{SUFFIX}")
        if not chosen:
            return
        target = Path(chosen)
        if not target.name.endswith((SUFFIX, ".json")):
            target = target.with_name(target.name + SUFFIX)
        try:
            save_document(session.document, target, stamp=False, keep_backup=False)
        except (IqtibasError, OSError) as problem:
            prompts.show_error(parent, QCoreApplication.translate("CrashReporter", "Cannot save the copy"), str(problem))
