"""The code stays a house one can live in: small modules, no god class (issues 8 and 12)."""

from __future__ import annotations

import ast

from tests.conftest import ROOT

ANNOTATOR = ROOT / "core" / "annotator"


def test_annotator_modules_stay_under_600_lines() -> None:
    sizes = {str(p.relative_to(ANNOTATOR)): len(p.read_text(encoding="utf-8").splitlines()) for p in ANNOTATOR.rglob("*.py")}
    assert "quotes/finder.py" in sizes and "attribution/phrase.py" in sizes
    assert {name: n for name, n in sizes.items() if n > 600} == {}


def test_every_core_and_gui_module_stays_under_600_lines() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for package in ("core", "gui")
        for path in (ROOT / package).rglob("*.py")
    }
    assert "core/model.py" in sizes and "gui/views/outline_model.py" in sizes
    assert {name: n for name, n in sizes.items() if n > 600} == {}


def test_no_annotator_class_gathers_more_than_25_methods() -> None:
    crowded = {}
    for path in ANNOTATOR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                methods = [b for b in node.body if isinstance(b, ast.FunctionDef)]
                if len(methods) > 25:
                    crowded[f"{path.name}:{node.name}"] = len(methods)
    assert crowded == {}
