"""Icons: SVG files in ``resources/icons`` (drawn for Iqtibas), loaded through ``core.resources``."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from core.resources import resource

_SIZES = (16, 20, 24, 32, 48)


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg`` rendered crisp at the usual sizes (null if missing)."""
    node = resource(f"icons/{name}.svg")
    if not node.is_file():
        return QIcon()
    renderer = QSvgRenderer(QByteArray(node.read_bytes()))
    result = QIcon()
    for size in _SIZES:
        image = QImage(QSize(size, size), QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        result.addPixmap(QPixmap.fromImage(image))
    return result


def available_icons() -> list[str]:
    folder = resource("icons")
    return sorted(p.name[: -len(".svg")] for p in folder.iterdir() if p.name.endswith(".svg"))
