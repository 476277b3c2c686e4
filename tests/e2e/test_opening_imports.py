"""Opening a saved annotation file loads only what showing it needs (issue 12, item 7).

The automatic annotator and ``multiprocessing`` (the helper process and its resource tracker)
serve articles still to annotate; a window showing a saved file must neither import them nor
start the helper, or every opening pays for them before its first paint (the file's check may
run in a forked child: ``core.jsonformat.forked``). Correcting such a file
later (re-annotating a changed article, a .txt) still starts them, when it is needed. Corpus mode
and comparison, which most sessions never use, are imported when first used too
(``gui.application.docks``).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.jsonformat import save_document
from tests.conftest import ROOT
from tests.gui.helpers import annotated_sample

pytestmark = pytest.mark.gui

PROBE = """
import sys
from gui.application.app import main
code = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.startswith(("core.annotator", "core.carryover", "multiprocessing")))
docks = sorted(m for m in sys.modules if m.startswith(("gui.controllers.co", "gui.views.co", "core.corpus", "core.compare")))
print("exit", code)
print("loaded", *loaded)
print("docks", *docks)
"""


def test_a_saved_file_opens_without_the_annotator_or_a_helper_process(tmp_path: Path) -> None:
    saved = tmp_path / "wadi.iqtibas.json"
    save_document(annotated_sample(), saved)
    env = {
        **os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    command = [sys.executable, "-c", PROBE, str(saved), "--screenshot", str(tmp_path / "shot.png"), "--no-recovery", "--size", "900x600"]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    lines = {line.split()[0]: line.split()[1:] for line in result.stdout.splitlines() if line.startswith(("exit", "loaded", "docks"))}
    assert lines.get("exit") == ["0"], result.stderr
    assert (tmp_path / "shot.png").stat().st_size > 0
    assert lines["loaded"] == []
    assert lines["docks"] == []
