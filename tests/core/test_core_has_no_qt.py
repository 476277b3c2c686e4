"""``core`` must run without Qt: importing every module of it loads no PySide6 and no ``gui``."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import core
from tests.conftest import ROOT


def core_modules() -> list[str]:
    names = ["core"]
    for info in pkgutil.walk_packages(core.__path__, "core."):
        names.append(info.name)
    return names


def test_every_core_module_imports_without_qt() -> None:
    modules = core_modules()
    assert "core.model" in modules and "core.cli.annotate" in modules and "core.annotator.quotes" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'gui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_core_sources_do_not_mention_qt() -> None:
    offenders = []
    for path in (ROOT / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for line in text.splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")):
                top = stripped.split()[1].split(".")[0]
                if top in ("PySide6", "shiboken6", "gui"):
                    offenders.append(f"{path}: {stripped}")
    assert offenders == []
