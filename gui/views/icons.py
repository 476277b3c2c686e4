"""Icons: SVG files in ``resources/icons`` (drawn for Iqtibas), loaded through ``core.resources``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap

from core.resources import resource

_SIZES = (16, 20, 24, 32, 48)


@cache
def icon(name: str) -> QIcon:
    """The icon ``resources/icons/NAME.svg``, crisp at every size (null if missing).

    A file on disk goes to Qt's SVG icon engine, which draws each size when it is first shown
    (rendering the window's 19 icons at five sizes up front took 9 ms of its start). Bundled in
    an archive, the icon is rendered at the usual sizes now.
    """
    node = resource(f"icons/{name}.svg")
    if not node.is_file():
        return QIcon()
    if isinstance(node, Path):
        drawn_when_shown = QIcon(str(node))
        if not drawn_when_shown.isNull():
            return drawn_when_shown
    from PySide6.QtSvg import QSvgRenderer  # here: files on disk need only Qt's icon engine

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
