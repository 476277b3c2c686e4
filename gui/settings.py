"""Every persistent preference and window state, behind one typed accessor over ``QSettings``.

Defaults live here and nowhere else. Preferences (``prefs/…``) and window state (``window/…``)
are separate groups. Tests redirect ``QSettings`` to a temporary INI file and call
``reset_for_tests``; nothing else in ``gui`` creates a ``QSettings``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

from core.corrections import DOUBT, REVIEW_ORDERS, ReviewOrder

ORGANIZATION = "Iqtibas"
APPLICATION = "Iqtibas"
MAX_RECENT = 10
LANGUAGES = ("system", "ar", "en")
# The article's font size in points: the default and the zoom limits.
DEFAULT_POINT_SIZE = 15
MIN_POINT_SIZE = 8
MAX_POINT_SIZE = 48


def data_folder() -> Path:
    """The program's own data folder (recovery copies, the crash log), per user.

    Tests point it at a temporary folder through ``XDG_DATA_HOME`` (or ``HOME``).
    """
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation))


class Settings:
    """Typed access to the program's settings."""

    def __init__(self) -> None:
        self._store = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION)

    @property
    def path(self) -> str:
        return self._store.fileName()

    def sync(self) -> None:
        self._store.sync()

    # Preferences ------------------------------------------------------------------------------
    @property
    def language(self) -> str:
        value = str(self._store.value("prefs/language", "system"))
        return value if value in LANGUAGES else "system"

    @language.setter
    def language(self, value: str) -> None:
        self._store.setValue("prefs/language", value if value in LANGUAGES else "system")

    @property
    def review_order(self) -> ReviewOrder:
        value = str(self._store.value("prefs/review_order", DOUBT))
        return next((order for order in REVIEW_ORDERS if order == value), DOUBT)

    @review_order.setter
    def review_order(self, value: ReviewOrder) -> None:
        self._store.setValue("prefs/review_order", value if value in REVIEW_ORDERS else DOUBT)

    @property
    def annotator(self) -> str:
        """The annotator's name, saved in ``meta.annotator`` of the files they correct ("" unset)."""
        return " ".join(str(self._store.value("prefs/annotator", "") or "").split())

    @annotator.setter
    def annotator(self, value: str) -> None:
        self._store.setValue("prefs/annotator", " ".join(value.split()))

    @property
    def model_path(self) -> str:
        """The annotator model file ``iqtibas train`` wrote that annotates new articles ("" for the
        bundled model)."""
        return str(self._store.value("prefs/model", "") or "").strip()

    @model_path.setter
    def model_path(self, value: str) -> None:
        self._store.setValue("prefs/model", value.strip())

    def _int(self, key: str, default: int) -> int:
        """An integer setting; ``default`` when it is missing or not a number (INI files hold text)."""
        value = self._store.value(key, default)
        try:
            return int(value) if isinstance(value, (int, float, str)) else default
        except ValueError:
            return default

    @property
    def point_size(self) -> int:
        return self._int("prefs/point_size", DEFAULT_POINT_SIZE)

    @point_size.setter
    def point_size(self, value: int) -> None:
        self._store.setValue("prefs/point_size", int(value))

    @property
    def autosave_seconds(self) -> int:
        return max(5, self._int("prefs/autosave_seconds", 60))

    # Recent files -----------------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        value = self._store.value("recent/files", [])
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(v) for v in values if v][:MAX_RECENT]

    def add_recent_file(self, path: str) -> None:
        files = [path, *[p for p in self.recent_files if p != path]][:MAX_RECENT]
        self._store.setValue("recent/files", files)

    def clear_recent_files(self) -> None:
        self._store.setValue("recent/files", [])

    # Window state -----------------------------------------------------------------------------
    def window_geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def window_state(self) -> QByteArray | None:
        value = self._store.value("window/state")
        return value if isinstance(value, QByteArray) else None

    def splitter_state(self) -> QByteArray | None:
        value = self._store.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self._store.setValue("window/geometry", geometry)
        self._store.setValue("window/state", state)
        self._store.setValue("window/splitter", splitter)


_settings: Settings | None = None


def settings() -> Settings:
    """The program's settings (created on first use, after QSettings paths are final)."""
    global _settings
    if _settings is None:
        _settings = Settings()
    return _settings


def reset_for_tests() -> None:
    """Forget the accessor so the next ``settings()`` reads the (redirected) store again."""
    global _settings
    if _settings is not None:
        _settings.sync()
    _settings = None
