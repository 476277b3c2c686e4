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

if TYPE_CHECKING:
    from gui.application.main_window import MainWindow

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
    return parser


class Application:
    """Holds the QApplication, its translators and the current main window."""

    def __init__(self, args: argparse.Namespace) -> None:
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
        if not self.args.no_recovery and not self.args.screenshot and window.files.offer_recovery():
            return
        if self.args.path:
            window.open_path(Path(self.args.path), ask=False)
        else:
            window.files.open_sample()

    def run(self) -> int:
        self.window.show()
        if self.args.screenshot:
            return self._screenshot(Path(self.args.screenshot))
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.open_initial)
        return int(self.app.exec())

    def _screenshot(self, out: Path) -> int:
        from PySide6.QtCore import QTimer

        from gui.dialogs import prompts

        failures: list[str] = []

        def report(_parent: object, title: str, message: str) -> None:  # no modal dialogs here
            failures.append(f"{title}: {message}")
            print(f"iqtibas: {message}", file=sys.stderr)
            self.app.exit(2)

        prompts.show_error = report  # type: ignore[assignment]
        window = self.window
        result = {"code": 1}

        def shoot() -> None:
            document = window.workspace.document
            if document is not None:
                quotes = [a for a in document if a.type == "quote" and a.speaker]
                if quotes:
                    window.workspace.select(quotes[0].id)
            window.repaint()
            self.app.processEvents()
            image = window.grab().toImage()
            out.parent.mkdir(parents=True, exist_ok=True)
            ok = image.save(str(out), "PNG")
            result["code"] = 0 if ok else 1
            if not ok:
                print(f"iqtibas: {out}: cannot write the screenshot", file=sys.stderr)
            self.app.exit(result["code"])

        def when_shown(_session: object = None) -> None:
            QTimer.singleShot(600, shoot)

        window.files.opened.connect(when_shown)
        QTimer.singleShot(0, self.open_initial)
        QTimer.singleShot(120_000, lambda: (print("iqtibas: timed out", file=sys.stderr), self.app.exit(3)))
        code = int(self.app.exec())
        window.files.worker.wait()
        return code if not failures else 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the window; returns the exit code."""
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.path and not Path(args.path).exists():
        print(f"iqtibas: {args.path}: no such file or folder", file=sys.stderr)
        return 2
    application = Application(args)
    from gui.application.crash import CrashReporter

    reporter = CrashReporter(lambda: (application.window, application.window.workspace, application.window.files))
    reporter.install()
    try:
        return application.run()
    finally:
        reporter.uninstall()
