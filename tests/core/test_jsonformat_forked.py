"""``core.jsonformat.forked``: a file checked in a forked child loads exactly as ``load_document``
loads it — the same document, or the same refusal in the same words — and every way the child
can fail falls back to the sequential load.

Each case runs in a fresh interpreter: ``check_in_fork`` declines to fork a process running
other threads (the test process may run Qt's), and the window calls it before Qt starts any.
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
from tests.conftest import ROOT
from tests.gui.helpers import annotated_sample

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="os.fork is POSIX only")

PROBE = r"""
import json, os, signal, sys
from core.jsonformat import dumps_document
from core.jsonformat import forked
from core.jsonformat.forked import check_in_fork

loaded_here = []  # the window's process reading and parsing the file itself
sequential = forked.load_document
def counting_load(*args, **kwargs):
    loaded_here.append(True)
    return sequential(*args, **kwargs)
forked.load_document = counting_load

path, mode, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
if mode == "no-room":  # the parsed data does not fit in the memory shared with the child
    forked.PARSED_ROOM = 0
check = check_in_fork(path, max_bytes=limit)
result = {"started": check is not None}
if check is not None:
    pid = check._pid
    if mode == "kill-child":  # the child dies before it answers
        os.kill(pid, signal.SIGKILL)
    if mode == "discard":
        check.discard()
    else:
        try:
            target = sys.argv[4] if len(sys.argv) > 4 else path
            result["text"] = dumps_document(check.load(target))
        except Exception as error:
            result["error"] = [type(error).__name__, str(error)]
    try:  # the child is gone and reaped: no zombie is left behind
        os.waitpid(pid, os.WNOHANG)
        result["reaped"] = False
    except ChildProcessError:
        result["reaped"] = True
    result["pending"] = check.pending
    result["loaded_here"] = len(loaded_here)
print(json.dumps(result))
"""


def probe(path: Path, mode: str = "load", limit: int = 50_000_000, target: Path | None = None) -> dict[str, Any]:
    command = [sys.executable, "-c", PROBE, str(path), mode, str(limit), *([str(target)] if target else [])]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "a.iqtibas.json"
    path.write_text(dumps_document(annotated_sample()), encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(AnnotationFileError) as caught:
        load_document(path)
    return str(caught.value)


def test_a_valid_file_loads_as_load_document_loads_it(saved: Path) -> None:
    result = probe(saved)
    assert result["started"] and result["reaped"] and not result["pending"]
    assert result["text"] == dumps_document(load_document(saved))
    assert result["loaded_here"] == 0  # the child read and parsed it, and handed the data over


def test_data_that_does_not_fit_is_loaded_the_usual_way(saved: Path) -> None:
    result = probe(saved, mode="no-room")
    assert result["started"] and result["reaped"] and not result["pending"]
    assert result["text"] == dumps_document(load_document(saved))
    assert result["loaded_here"] == 1


def break_file(path: Path, how: str) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    if how == "syntax":
        path.write_text(path.read_text(encoding="utf-8")[:-3], encoding="utf-8")
        return
    if how == "nan":
        next(a for a in data["annotations"] if "confidence" in a)["confidence"] = float("nan")
    elif how == "surrogate":
        data["meta"]["annotator"] = "\udc80"
    elif how == "schema":
        data["annotations"][0]["start"] = "zero"
    elif how == "consistency":
        data["annotations"][1]["text"] += "x"
    elif how == "references":
        quote = next(a for a in data["annotations"] if a["type"] == "quote" and a.get("speaker_id"))
        quote["speaker_id"] = data["annotations"][0]["id"]
    elif how == "not utf-8":
        path.write_bytes(json.dumps(data).encode("utf-8") + b"\xff")
        return
    path.write_text(json.dumps(data), encoding="utf-8")  # ensure_ascii: "\udc80" as an escape


@pytest.mark.parametrize("how", ["syntax", "nan", "surrogate", "schema", "consistency", "references", "not utf-8"])
def test_a_refused_file_is_refused_in_the_same_words(saved: Path, how: str) -> None:
    break_file(saved, how)
    result = probe(saved)
    assert result["started"] and result["reaped"]
    assert result["error"] == ["AnnotationFileError", refusal(saved)]


def test_a_child_that_dies_leaves_the_sequential_load(saved: Path) -> None:
    result = probe(saved, mode="kill-child")
    assert result["reaped"] and result["text"] == dumps_document(load_document(saved))
    break_file(saved, "consistency")
    assert probe(saved, mode="kill-child")["error"] == ["AnnotationFileError", refusal(saved)]


def test_another_file_is_loaded_the_usual_way_and_the_child_stopped(saved: Path, tmp_path: Path) -> None:
    other = tmp_path / "b.iqtibas.json"
    other.write_bytes(saved.read_bytes())
    break_file(saved, "consistency")  # the checked file is refused; the other one is fine
    result = probe(saved, target=other)
    assert result["reaped"] and not result["pending"]
    assert result["text"] == dumps_document(load_document(other))


def test_discarding_stops_and_reaps_the_child(saved: Path) -> None:
    result = probe(saved, mode="discard")
    assert result["started"] and result["reaped"] and not result["pending"]


def test_no_child_for_a_file_over_the_limit_or_missing(saved: Path, tmp_path: Path) -> None:
    assert probe(saved, limit=1000) == {"started": False}
    assert probe(tmp_path / "missing.iqtibas.json") == {"started": False}


def test_no_child_for_what_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.iqtibas.json"
    os.mkfifo(fifo)
    assert probe(fifo) == {"started": False}  # nothing waits for a writer that never comes
    assert probe(tmp_path) == {"started": False}
