"""Icons from ``resources/icons``: every one draws at the sizes toolbars and menus ask for."""

from __future__ import annotations

import pytest

from gui.views.icons import available_icons, icon

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("size", [16, 24, 48])
def test_every_icon_draws_at_the_size_asked(qapp: object, size: int) -> None:
    names = available_icons()
    assert len(names) >= 19
    for name in names:
        image = icon(name).pixmap(size).toImage()
        assert image.width() == size and image.height() == size, name
        assert any(image.pixelColor(x, y).alpha() for x in range(size) for y in range(size)), name


def test_a_missing_icon_is_null(qapp: object) -> None:
    assert icon("no-such-icon").isNull()
