"""The gui package's shape: small modules, a small MainWindow, no text reshaping, no stray paths."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

GUI = ROOT / "gui"


def test_modules_stay_small() -> None:
    sizes = {path.name: len(path.read_text(encoding="utf-8").splitlines()) for path in GUI.glob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 600} == {}


def test_main_window_has_under_forty_methods() -> None:
    tree = ast.parse((GUI / "main_window.py").read_text(encoding="utf-8"))
    window = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "MainWindow")
    methods = [node.name for node in window.body if isinstance(node, ast.FunctionDef)]
    assert len(methods) < 40, methods


def test_gui_never_reshapes_or_reorders_arabic() -> None:
    offenders = []
    for path in GUI.glob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(import|from)\s+(arabic_reshaper|bidi)\b", line):
                offenders.append(f"{path.name}: {line.strip()}")
    assert offenders == []


def test_no_file_paths_from_dunder_file_and_direction_set_in_few_places() -> None:
    direction_users = set()
    for path in GUI.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "__file__" not in text, path.name
        if "setLayoutDirection(" in text:
            direction_users.add(path.name)
    assert direction_users <= {"i18n.py", "article_view.py"}


def test_saving_goes_through_the_core_writer() -> None:
    for path in GUI.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\.write_text\(|\.write_bytes\(|json\.dump\(|open\([^)]*['\"]w", text), path.name
