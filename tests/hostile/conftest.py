"""Fixtures for the hostile-input catalogue: the sample article annotated as ``a.iqtibas.json``,
the command line run in-process, and the window fixtures of the end-to-end tests."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.resources import SAMPLE_ARTICLE, read_text
from tests.e2e.conftest import _isolated_qsettings, dialog_log, make_window  # noqa: F401 - fixtures

Run = Callable[..., tuple[int, str, str]]


@cache
def _annotated_sample() -> str:
    """The sample article's annotation file text (annotated once per test run)."""
    from core.articles import document_from_text
    from core.jsonformat import dumps_document

    document = document_from_text(read_text(SAMPLE_ARTICLE), doc_id="a", source="a.txt")
    return dumps_document(document)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """``a.txt`` and its annotations ``a.iqtibas.json`` in a fresh folder; returns the JSON file."""
    (tmp_path / "a.txt").write_text(read_text(SAMPLE_ARTICLE), encoding="utf-8")
    path = tmp_path / "a.iqtibas.json"
    path.write_text(_annotated_sample(), encoding="utf-8")
    return path


@pytest.fixture
def sample_data(sample: Path) -> dict[str, Any]:
    """The sample annotation file parsed, to be broken by a test."""
    data: dict[str, Any] = json.loads(sample.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``iqtibas ARGS…`` in-process: (exit code, stdout, stderr). An exception escaping the
    command fails the test, as a traceback would."""

    def run(*args: str | Path) -> tuple[int, str, str]:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def one_line(err: str, path: Path | str, *words: str) -> str:
    """The single ``iqtibas: PATH: problem`` line of a refusal; checks it names ``words``."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    line = lines[0]
    assert line.startswith(f"iqtibas: {path}: "), line
    assert "Traceback" not in err and "Error(" not in err
    for word in words:
        assert word in line, line
    assert len(line) < 400, line
    return line
