"""The window launched on a saved file checks it in a forked process (``gui.document.opening``):
a good file opens as before, a bad one is refused in the words ``load_document`` uses, naming
the file, and nothing of it is ever shown (``--screenshot`` prints the refusal, exits 2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from core.errors import AnnotationFileError
from core.jsonformat import dumps_document, load_document
from core.safejson import MAX_DEPTH
from tests.conftest import ROOT
from tests.gui.helpers import annotated_sample

pytestmark = [pytest.mark.gui, pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")]

# The window's entry, noting whether each load used a forked check still pending.
PROBE = """
import sys
from core.jsonformat import forked

used = []
load = forked.ForkedCheck.load

def noted(self, path):
    used.append(self.pending)
    return load(self, path)

forked.ForkedCheck.load = noted
from gui.application.app import main
code = main(sys.argv[1:])
print("exit", code)
print("forked", *used)
"""


def launch(path: Path, tmp_path: Path, fork: str = "1") -> tuple[dict[str, list[str]], str, Path]:
    shot = tmp_path / "shot.png"
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "IQTIBAS_MILESTONES": "1", "IQTIBAS_CHECK_IN_FORK": fork,
        "HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    command = [sys.executable, "-c", PROBE, str(path), "--screenshot", str(shot), "--no-recovery", "--size", "900x600"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.startswith(("exit", "forked"))}
    return lines, result.stderr, shot


def write(path: Path, data: dict[str, Any] | str) -> Path:
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_a_good_file_opens_through_the_forked_check(tmp_path: Path) -> None:
    saved = write(tmp_path / "a.iqtibas.json", dumps_document(annotated_sample()))
    lines, err, shot = launch(saved, tmp_path)
    assert lines["exit"] == ["0"], err
    assert lines["forked"] == ["True"]
    assert shot.stat().st_size > 0 and "iqtibas-milestone usable" in err


def test_turned_off_it_loads_the_usual_way(tmp_path: Path) -> None:
    saved = write(tmp_path / "a.iqtibas.json", dumps_document(annotated_sample()))
    lines, err, _shot = launch(saved, tmp_path, fork="0")
    assert lines["exit"] == ["0"], err
    assert lines["forked"] == []


def _deep(data: dict[str, Any]) -> str:
    nested: Any = 0
    for _ in range(MAX_DEPTH + 5):
        nested = [nested]
    data["meta"]["future"] = nested
    return json.dumps(data)


def _nan(data: dict[str, Any]) -> str:
    next(a for a in data["annotations"] if "confidence" in a)["confidence"] = float("nan")
    return json.dumps(data)


def _surrogate(data: dict[str, Any]) -> str:
    data["document"]["text"] = "\ud800" + data["document"]["text"]
    return json.dumps(data)


def _mismatch(data: dict[str, Any]) -> str:
    data["annotations"][1]["text"] += "x"
    return json.dumps(data)


def _schema(data: dict[str, Any]) -> str:
    data["annotations"][0]["start"] = -4
    return json.dumps(data)


@pytest.mark.parametrize("build", [_deep, _nan, _surrogate, _mismatch, _schema], ids=lambda b: b.__name__.strip("_"))
def test_a_bad_file_is_refused_naming_it_before_anything_is_shown(tmp_path: Path, build: Any) -> None:
    data = json.loads(dumps_document(annotated_sample()))
    bad = write(tmp_path / "bad.iqtibas.json", build(data))
    with pytest.raises(AnnotationFileError) as caught:
        load_document(bad)
    lines, err, shot = launch(bad, tmp_path)
    assert lines["forked"] == ["True"]
    assert lines["exit"] == ["2"], err
    assert f"iqtibas: {caught.value}\n" in err and str(caught.value).startswith(f"{bad}: ")
    assert "Traceback" not in err
    assert "iqtibas-milestone usable" not in err and not shot.exists()  # never shown


def test_the_saved_file_beside_an_article_is_the_one_checked(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    document = annotated_sample()
    article.write_text(document.text, encoding="utf-8")
    data = json.loads(dumps_document(document))
    bad = write(tmp_path / "a.iqtibas.json", _mismatch(data))
    with pytest.raises(AnnotationFileError) as caught:
        load_document(bad)
    lines, err, _shot = launch(article, tmp_path)
    assert lines["forked"] == ["True"] and lines["exit"] == ["2"], err
    assert f"iqtibas: {caught.value}\n" in err
