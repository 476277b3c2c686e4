"""GUI test fixtures: settings redirected to a temporary INI file, a sample document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from tests.gui.helpers import isolated_settings, sample_document


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield from isolated_settings(tmp_path_factory)


@pytest.fixture
def document():  # type: ignore[no-untyped-def]
    return sample_document()
