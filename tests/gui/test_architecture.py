"""The gui package's shape: readable subpackages with one direction of dependency, small modules,
a small MainWindow that only the application entry builds, no text reshaping, no stray paths."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

GUI = ROOT / "gui"
SUBPACKAGES = ("application", "document", "views", "controllers", "dialogs")


def gui_modules() -> list[Path]:
    """Every module of the gui package, in subpackages too."""
    return sorted(GUI.rglob("*.py"))


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path) -> set[str]:
    """Modules ``path`` imports anywhere (also inside functions and ``TYPE_CHECKING`` blocks)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_collection_is_recursive() -> None:
    names = {module_name(path) for path in gui_modules()}
    assert {f"gui.{package}" for package in SUBPACKAGES} <= names
    assert "gui.application.main_window" in names and "gui.views.article_view" in names


def test_modules_stay_small() -> None:
    sizes = {module_name(path): len(path.read_text(encoding="utf-8").splitlines()) for path in gui_modules()}
    assert {name: n for name, n in sizes.items() if n > 600} == {}


def test_main_window_has_under_forty_methods() -> None:
    tree = ast.parse((GUI / "application" / "main_window.py").read_text(encoding="utf-8"))
    window = next(node for node in tree.body if isinstance(node, ast.ClassDef) and node.name == "MainWindow")
    methods = [node.name for node in window.body if isinstance(node, ast.FunctionDef)]
    assert len(methods) < 40, methods


def test_only_the_application_entry_builds_the_main_window() -> None:
    importers = {module_name(path) for path in gui_modules() if "gui.application.main_window" in imported_modules(path)}
    assert importers == {"gui.application.app"}


def test_dependencies_point_one_way() -> None:
    """document <- views <- controllers <- application; dialogs know neither controllers nor the
    application; the document layer has no widgets."""
    forbidden = {
        "document": ("gui.views", "gui.controllers", "gui.dialogs", "gui.application", "PySide6.QtWidgets"),
        "views": ("gui.controllers", "gui.dialogs", "gui.application"),
        "controllers": ("gui.application",),
        "dialogs": ("gui.controllers", "gui.application", "gui.views"),
    }
    offenders = []
    for path in gui_modules():
        name = module_name(path)
        layer = name.split(".")[1] if name.count(".") else ""
        for imported in imported_modules(path):
            if any(imported == f or imported.startswith(f + ".") for f in forbidden.get(layer, ())):
                offenders.append(f"{name} imports {imported}")
    assert offenders == []


def test_controllers_never_reach_for_a_window() -> None:
    offenders = [module_name(p) for p in (GUI / "controllers").glob("*.py") if re.search(r"self\._?window\b|MainWindow", p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_gui_never_reshapes_or_reorders_arabic() -> None:
    offenders = []
    for path in gui_modules():
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(import|from)\s+(arabic_reshaper|bidi)\b", line):
                offenders.append(f"{module_name(path)}: {line.strip()}")
    assert offenders == []


def test_no_file_paths_from_dunder_file_and_direction_set_in_few_places() -> None:
    direction_users = set()
    for path in gui_modules():
        text = path.read_text(encoding="utf-8")
        assert "__file__" not in text, module_name(path)
        if "setLayoutDirection(" in text:
            direction_users.add(module_name(path))
    assert direction_users <= {"gui.application.i18n", "gui.views.article_view"}


def test_saving_goes_through_the_core_writer() -> None:
    for path in gui_modules():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\.write_text\(|\.write_bytes\(|json\.dump\(|open\([^)]*['\"]w", text), module_name(path)
