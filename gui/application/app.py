"""The window's entry point: options, QApplication, language, the main window, screenshots.

``iqtibas`` opens the bundled sample (auto-annotated); ``iqtibas FILE.txt``, ``FILE.iqtibas.json``
or ``FOLDER`` open an article, a saved annotation or a corpus. ``--screenshot OUT.png`` renders
the window once the document is shown, writes the PNG and exits (for the README and tests).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from core.collector import CollectorPause

if TYPE_CHECKING:
    from core.jsonformat.forked import ForkedCheck
    from gui.application.main_window import MainWindow

# The cycle collector, held back from the start, resumes once the window has painted, or after
# this long (core.collector).
RESUME_COLLECTOR_MS = 1000

WINDOW_EPILOG = """\
Keys: Ctrl+O open, Ctrl+S save, T/H/P/B/Q/I/S/C mark the selection (title, heading, paragraph,
boilerplate, direct quote, indirect quote, speaker, cue), A accept, R reject, N next pending,
Ctrl+Z undo, F1 all shortcuts. Command-line tools: iqtibas --help."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iqtibas",
        description="Open the Iqtibas window: an Arabic article right-to-left beside its outline.",
        epilog=WINDOW_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", nargs="?", help="article (.txt), annotation file (.iqtibas.json) or corpus folder; default: the bundled sample")
    parser.add_argument("--screenshot", metavar="OUT.png", help="render the window once the document is shown, write the PNG and exit")
    parser.add_argument("--lang", choices=("ar", "en", "system"), help="interface language (default: the preference, else the system language)")
    parser.add_argument("--size", default=None, metavar="WxH", help="window size, e.g. 1360x860 (default: as last time)")
    parser.add_argument("--no-recovery", action="store_true", help="do not offer to restore work left by a crash")
    parser.add_argument(
        "--annotator", metavar="NAME",
        help="your name, saved as the annotator of the files you correct (remembered, as in Preferences)",
    )
    return parser


class Application:
    """Holds the QApplication, its translators and the current main window."""

    def __init__(self, args: argparse.Namespace, early: ForkedCheck | None = None, collector: CollectorPause | None = None) -> None:
        """``early``: the check of the file named by ``args.path``, started before Qt was imported;
        ``collector``: the cycle collector's pause since the start, ended at the first paint."""
        from PySide6.QtCore import QCoreApplication, QSettings
        from PySide6.QtWidgets import QApplication

        from gui.application import i18n
        from gui.settings import APPLICATION, ORGANIZATION, settings

        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APPLICATION)
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        existing = QApplication.instance()
        self.app: QApplication = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0] if sys.argv else "iqtibas"])
        self.app.setApplicationDisplayName("Iqtibas")
        self.args = args
        self.early = early
        self.collector = collector
        if getattr(args, "annotator", None) is not None:
            settings().annotator = args.annotator
        self.translations = i18n.Translations()
        preference = args.lang or settings().language
        self.translations.install(self.app, i18n.resolve(preference))
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        from gui.application.main_window import MainWindow

        window = MainWindow()
        window.languageChangeRequested.connect(self.change_language)
        size = self.args.size or ("1360x860" if self.args.screenshot else None)
        if size:
            width, _x, height = size.lower().partition("x")
            window.resize(int(width), int(height))
        return window

    def change_language(self, preference: str) -> None:
        """Rebuild the window in the new language, keeping the document and its undo history."""
        from gui.application import i18n

        self.translations.install(self.app, i18n.resolve(preference))
        old = self.window
        self.window = self._new_window()
        self.window.setGeometry(old.geometry())
        self.window.take_over(old)
        self.window.show()

    def open_initial(self) -> None:
        window = self.window
        early, self.early = self.early, None
        if early is not None:
            try:
                window.files.open_path(Path(self.args.path), ask=False, load=early.load)
            finally:
                early.discard()  # unused if the file went to the helper process
        elif self.args.path:
            window.open_path(Path(self.args.path), ask=False)
        else:
            window.files.open_sample()

    def _recover_or_open(self) -> None:
        if not self.window.files.offer_recovery():
            self.open_initial()

    def terminate(self, _signal: int = 0) -> None:
        """Told to stop (SIGTERM, SIGHUP, Ctrl+C): unsaved work to the recovery folder, then a
        normal exit without questions (``gui.application.termination``)."""
        window = self.window
        window.files.autosave_now()
        window.close_without_asking()
        self.app.quit()

    def run(self) -> int:

        from gui.application.crash import default_log_path
        from gui.application.termination import TerminationWatcher
        from gui.document.workers import log_helpers_to

        log_helpers_to(default_log_path())
        watcher = TerminationWatcher(self.terminate)
        try:
            return self._run()
        finally:
            watcher.uninstall()

    def _run(self) -> int:
        from PySide6.QtCore import Qt, QTimer

        window = self.window
        if self.collector is not None:
            # Queued: the collector's first walk, over everything made since the start, follows
            # the first paint instead of delaying it.
            window.view.firstPainted.connect(self.collector.resume, Qt.ConnectionType.QueuedConnection)
            QTimer.singleShot(RESUME_COLLECTOR_MS, self.collector.resume)
        screenshot = None
        if self.args.screenshot:
            from gui.application.screenshot import Screenshot

            screenshot = Screenshot(self.app, window, window.workspace, window.view, window.files, Path(self.args.screenshot))
        if not self.args.no_recovery and not self.args.screenshot and window.files.recovery.entries():
            # Work left by a crash: offer it back in the shown window before anything else.
            if self.early is not None:
                self.early.discard()
                self.early = None
            window.show()
            QTimer.singleShot(0, self._recover_or_open)
        else:
            # Opening before the first paint: the window appears with its document, painted once.
            self.open_initial()
            window.show()
        code = int(self.app.exec())
        if screenshot is not None:
            window.files.worker.shutdown()
            return screenshot.code
        return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the window; returns the exit code."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.path and not Path(args.path).exists():
        print(f"iqtibas: {args.path}: no such file or folder", file=sys.stderr)
        return 2
    collector = CollectorPause()
    collector.pause()  # until the window's first paint (core.collector says why)
    try:
        # Before Qt is imported: a saved file's checks run in a forked process meanwhile.
        from gui.document.opening import check_early

        application = Application(args, check_early(args.path), collector)
        from gui.application.crash import CrashReporter

        reporter = CrashReporter(lambda: (application.window, application.window.workspace, application.window.files))
        reporter.install()
        try:
            return application.run()
        finally:
            reporter.uninstall()
    finally:
        collector.resume()  # a window that ended before it painted
