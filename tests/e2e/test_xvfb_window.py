"""The real program on the real X11 platform (Xvfb): its screenshot is a rendered window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.e2e.xserver import virtual_screen

pytestmark = [pytest.mark.slow, pytest.mark.gui]


def run_on_x11(command: list[str], tmp_path: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    """Run ``command`` against a fresh Xvfb screen, with settings and data folders of its own."""
    with virtual_screen(1400, 900) as display:
        env = {
            **os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
            "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
        }
        env.pop("WAYLAND_DISPLAY", None)
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)


def run_under_xvfb(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_on_x11([sys.executable, "-m", "gui", *args], tmp_path, timeout=180)


def image_stats(path: Path) -> tuple[int, int, int, float]:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    assert not image.isNull()
    colours = set()
    step = 3
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            colours.add(image.pixel(x, y))
    # Share of sampled pixels equal to the most common colour (a blank window is ~100 %).
    counts: dict[int, int] = {}
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            pixel = image.pixel(x, y)
            counts[pixel] = counts.get(pixel, 0) + 1
    total = sum(counts.values())
    return image.width(), image.height(), len(colours), max(counts.values()) / total


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_screenshot_on_x11_is_a_rendered_window(tmp_path: Path, qapp: object, lang: str) -> None:
    out = tmp_path / f"window-{lang}.png"
    result = run_under_xvfb(["--screenshot", str(out), "--size", "1280x800", "--lang", lang], tmp_path)
    assert result.returncode == 0, result.stderr
    width, height, colours, dominant = image_stats(out)
    assert (width, height) == (1280, 800)
    assert colours > 300  # anti-aliased Arabic text, highlight colours, icons
    assert dominant < 0.8  # not a blank or uniform window


def test_bad_file_under_x11_reports_the_problem(tmp_path: Path) -> None:
    bad = tmp_path / "bad.iqtibas.json"
    bad.write_text("{", encoding="utf-8")
    result = run_under_xvfb([str(bad), "--screenshot", str(tmp_path / "x.png")], tmp_path)
    assert result.returncode == 2
    assert str(bad) in result.stderr and "JSON syntax error" in result.stderr


def test_a_correction_made_by_keys_on_x11_survives_annotate_force(tmp_path: Path) -> None:
    """Issue 9: the real program on a real X server, driven by keys (filter, Tab, arrows, F2,
    Arabic typing, Enter, Ctrl+S, Ctrl+Q), then ``iqtibas annotate --force`` on its file: the
    corrected speaker is still there, accepted, with ``corrected`` set."""
    from core.jsonformat import load_document
    from tests.gui.helpers import ANNOTATED_SAMPLE, sample_text

    assert shutil.which("xdotool"), "xdotool is needed (apt-get install xdotool)"
    article = tmp_path / "wadi.txt"
    article.write_text(sample_text(), encoding="utf-8")
    # The automatic outline as committed (its mistaken speaker stays put as the annotator improves).
    (tmp_path / "wadi.iqtibas.json").write_bytes(ANNOTATED_SAMPLE.read_bytes())
    driver = Path(__file__).with_name("x11_driver.py")
    result = run_script_under_xvfb([str(driver), str(article), "الخبير", "رامي ناصر"], tmp_path)
    log = (tmp_path / "program.log").read_text(encoding="utf-8") if (tmp_path / "program.log").exists() else ""
    assert result.returncode == 0 and "exit 0" in result.stdout, (result.stdout, result.stderr, log)
    saved = tmp_path / "wadi.iqtibas.json"
    assert saved.read_bytes() != ANNOTATED_SAMPLE.read_bytes()
    corrected = [q for q in load_document(saved).of_type("quote") if q.corrected]
    assert [q.speaker for q in corrected] == ["رامي ناصر"]
    quote = corrected[0]
    env = {**os.environ, "HOME": str(tmp_path / "home")}
    force = subprocess.run(
        [sys.executable, "-m", "gui.launcher", "annotate", str(article), "--force"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert force.returncode == 0 and "1 refreshed" in force.stdout, force.stdout + force.stderr
    document = load_document(saved)
    after = document.get(quote.id)
    assert (after.speaker, after.status, after.origin) == ("رامي ناصر", "accepted", "auto")
    assert "speaker" in after.corrected
    assert document.span_text(document.get(after.speaker_id)) == "رامي ناصر"
    assert [q.id for q in document.of_type("quote") if q.id != after.id and q.start < after.end and after.start < q.end] == []
    assert document.meta["annotator"] == "mona"


def run_script_under_xvfb(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return run_on_x11([sys.executable, *args], tmp_path, timeout=240)
