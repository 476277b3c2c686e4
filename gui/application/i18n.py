"""Interface language: Arabic or English through Qt's translators, and the layout direction.

The language is chosen before any widget exists (``install``): the ``--lang`` option, else the
preference, else the system language. Arabic mirrors the whole layout right-to-left; the article
view is right-to-left whatever the interface language (it sets its own text direction).
"""

from __future__ import annotations

from importlib import resources as importlib_resources

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from core.resources import resource

SUPPORTED = ("ar", "en")
RTL_LANGUAGES = frozenset(("ar",))
CATALOG = "translations/iqtibas_{lang}.qm"


def resolve(preference: str | None, system_name: str | None = None) -> str:
    """``ar`` or ``en`` from a preference (``system``/``ar``/``en``) and the system locale name."""
    if preference is not None and preference in SUPPORTED:
        return preference
    name = system_name if system_name is not None else QLocale.system().name()
    return "ar" if name.lower().startswith("ar") else "en"


def is_rtl(language: str) -> bool:
    return language in RTL_LANGUAGES


class Translations:
    """Holds the installed translators (they must outlive their installation)."""

    def __init__(self) -> None:
        self.language = "en"
        self._translators: list[QTranslator] = []

    def install(self, app: QApplication, language: str) -> bool:
        """Install the catalogs for ``language`` and set the layout direction; True if loaded."""
        for translator in self._translators:
            QCoreApplication.removeTranslator(translator)
        self._translators.clear()
        self.language = language
        loaded = language == "en"
        if language != "en":
            ours = QTranslator(app)
            node = resource(CATALOG.format(lang=language))
            if node.is_file():
                with importlib_resources.as_file(node) as path:
                    loaded = ours.load(str(path))
            if loaded:
                QCoreApplication.installTranslator(ours)
                self._translators.append(ours)
            qt_own = QTranslator(app)
            if qt_own.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
                QCoreApplication.installTranslator(qt_own)
                self._translators.append(qt_own)
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_rtl(language) else Qt.LayoutDirection.LeftToRight)
        return loaded
