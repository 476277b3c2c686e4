"""``--screenshot`` waits for the document to be annotated and painted, not for a fixed delay."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.gui.helpers import sample_text

pytestmark = pytest.mark.gui

DIRECT_QUOTE = (0xFB, 0xE3, 0xB8)  # the direct-quote highlight (#fbe3b8)


def colour_share(path: Path, rgb: tuple[int, int, int]) -> float:
    from PySide6.QtGui import QColor, QImage

    image = QImage(str(path))
    assert not image.isNull()
    hits = total = 0
    for y in range(0, image.height(), 4):
        for x in range(0, image.width(), 4):
            total += 1
            hits += QColor(image.pixel(x, y)).getRgb()[:3] == rgb
    return hits / total


def test_a_text_file_is_shot_annotated(qapp: object, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(sample_text() * 3, encoding="utf-8")  # long enough to annotate a while
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "IQTIBAS_MILESTONES": "1", "HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "gui", str(article), "--screenshot", str(out), "--no-recovery", "--size", "1200x800"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    times = dict(line.split()[1:3] for line in result.stderr.splitlines() if line.startswith("iqtibas-milestone"))
    assert float(times["text-painted"]) <= float(times["usable"])  # the text came first
    assert colour_share(out, DIRECT_QUOTE) > 0.005  # the highlights are in the picture
