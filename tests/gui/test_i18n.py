"""Arabic and English interface: catalogs complete and compiled, mirrored layout, live switching."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from gui.application import i18n
from tests.conftest import ROOT

pytestmark = pytest.mark.gui

TS = ROOT / "resources" / "translations" / "iqtibas_ar.ts"
QM = ROOT / "resources" / "translations" / "iqtibas_ar.qm"


def tool(name: str) -> list[str]:
    script = Path(sys.executable).with_name(f"pyside6-{name}")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "PySide6.scripts.pyside_tool", name]


def messages(path: Path) -> set[tuple[str, str]]:
    tree = ET.parse(path)
    return {
        (context.findtext("name") or "", message.findtext("source") or "")
        for context in tree.iter("context")
        for message in context.iter("message")
        if message.find("translation").get("type") not in ("obsolete", "vanished")  # type: ignore[union-attr]
    }


def test_every_message_is_translated() -> None:
    tree = ET.parse(TS)
    unfinished = [m.findtext("source") for m in tree.iter("message") if m.find("translation").get("type") == "unfinished" or not (m.findtext("translation") or "").strip()]  # type: ignore[union-attr]
    assert unfinished == []


def test_catalog_is_not_stale(tmp_path: Path) -> None:
    """Every tr() string in gui/ is in the .ts (run pyside6-lupdate on a copy and compare)."""
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))  # subpackages too
    subprocess.run([*tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)], check=True, capture_output=True)
    assert messages(copy) == messages(TS)


def test_compiled_catalog_matches_the_source(tmp_path: Path) -> None:
    out = tmp_path / "check.qm"
    subprocess.run([*tool("lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes()


def test_language_resolution() -> None:
    assert i18n.resolve("ar") == "ar" and i18n.resolve("en") == "en"
    assert i18n.resolve("system", "ar_SA") == "ar"
    assert i18n.resolve("system", "fr_FR") == "en"
    assert i18n.resolve(None, "ar_EG") == "ar"
