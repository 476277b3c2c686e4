"""Issue 10, items 1, 2, 3 and 10: hostile annotation files get one line naming the file and the
problem from every command that reads them, never a traceback; NaN is refused and never written.

Each case is written to ``bad.iqtibas.json`` beside the sample's good ``a.iqtibas.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from core.errors import AnnotationFileError, SaveError
from core.jsonformat import dumps_document, load_document, save_document
from core.safejson import MAX_DEPTH
from tests.hostile.conftest import Run, one_line


def _deep(_data: dict[str, Any]) -> str:
    return "[" * 100_000 + "]" * 100_000


def _deep_inside(data: dict[str, Any]) -> str:
    nested: Any = 0
    for _ in range(MAX_DEPTH + 5):
        nested = [nested]
    data["meta"]["future"] = nested
    return json.dumps(data, ensure_ascii=False)


def _replace(old: str, new: str) -> Callable[[dict[str, Any]], str]:
    def build(data: dict[str, Any]) -> str:
        text = json.dumps(data, ensure_ascii=False)
        assert old in text
        return text.replace(old, new, 1)

    return build


def _set(where: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: Any) -> Callable[[dict[str, Any]], str]:
    def build(data: dict[str, Any]) -> str:
        where(data)[key] = value
        return json.dumps(data)  # ensure_ascii: a lone surrogate is written as the escape \ud800

    return build


def _speaker_quote(data: dict[str, Any]) -> dict[str, Any]:
    quote: dict[str, Any] = next(a for a in data["annotations"] if a["type"] == "quote" and a["speaker"])
    return quote


def _first(data: dict[str, Any]) -> dict[str, Any]:
    first: dict[str, Any] = data["annotations"][0]
    return first


def _with_confidence(data: dict[str, Any]) -> dict[str, Any]:
    return next(a for a in data["annotations"] if "confidence" in a)


def _surrogate_text(data: dict[str, Any]) -> str:
    data["document"]["text"] = "\ud800" + data["document"]["text"]
    return json.dumps(data)


CASES: dict[str, tuple[Callable[[dict[str, Any]], str], str]] = {
    "deep nesting": (_deep, f"nested more than {MAX_DEPTH} levels deep"),
    "deep nesting in a kept field": (_deep_inside, f"nested more than {MAX_DEPTH} levels deep"),
    "5,000-digit start": (_replace('"start": 0,', '"start": ' + "9" * 5000 + ","), "a number of 5,000 digits"),
    "5,000-digit version": (_replace('"version": 1', '"version": ' + "7" * 5000), "a number of 5,000 digits"),
    "lone surrogate in the text": (_surrogate_text, "lone surrogate (\\ud800)"),
    "lone surrogate in a speaker": (_set(_speaker_quote, "speaker", "x\ud800"), "lone surrogate (\\ud800)"),
    "lone surrogate in a note": (_set(_first, "note", "\udfff"), "lone surrogate (\\udfff)"),
    "lone surrogate in meta": (_set(lambda d: d["meta"], "annotator", "\udc80"), "lone surrogate (\\udc80)"),
    "NaN confidence": (_set(_with_confidence, "confidence", math.nan), "NaN is not a JSON number"),
    "Infinity confidence": (_set(_with_confidence, "confidence", math.inf), "Infinity is not a JSON number"),
    "overflowing confidence": (_replace('"confidence": 0.', '"confidence": 1e999, "x": 0.'), "1e999 is too large"),
}


@pytest.fixture(params=list(CASES))
def hostile(request: pytest.FixtureRequest, sample: Path, sample_data: dict[str, Any]) -> tuple[Path, str]:
    """``(bad.iqtibas.json, the words its refusal must hold)`` for every case above."""
    build, words = CASES[request.param]
    bad = sample.with_name("bad.iqtibas.json")
    bad.write_text(build(sample_data), encoding="utf-8")
    return bad, words


def test_the_loader_refuses_with_the_file_and_the_problem(hostile: tuple[Path, str]) -> None:
    bad, words = hostile
    before = bad.read_bytes()
    with pytest.raises(AnnotationFileError) as caught:
        load_document(bad)
    assert str(caught.value).startswith(f"{bad}: ") and words in str(caught.value)
    assert bad.read_bytes() == before


def test_validate_lists_the_problem(hostile: tuple[Path, str], cli: Run) -> None:
    bad, words = hostile
    code, out, err = cli("validate", bad)
    assert code == 1 and err == ""
    assert out.strip().splitlines() == [out.strip()] and out.startswith(f"{bad}: ") and words in out


@pytest.mark.parametrize("command", ["outline", "export", "agree"])
def test_commands_reading_the_file_print_one_line_and_exit_2(hostile: tuple[Path, str], sample: Path, cli: Run, command: str) -> None:
    bad, words = hostile
    args = {"outline": [bad], "export": [bad, "--to", "csv"], "agree": [bad, sample]}[command]
    code, out, err = cli(command, *args)
    assert code == 2 and out == ""
    one_line(err, bad, words)


def test_report_lists_the_file_as_unreadable_and_still_writes_the_page(hostile: tuple[Path, str], cli: Run) -> None:
    bad, words = hostile
    page = bad.parent / "report.html"
    code, _, err = cli("report", bad.parent, "-o", page)
    assert code == 1
    assert f"unreadable: {bad}: " in err and words in err and "Traceback" not in err
    html = page.read_text(encoding="utf-8")
    assert "bad" in html and "تعذرت قراءته" in html


def test_the_window_shows_a_cannot_open_dialog_in_the_same_words(hostile: tuple[Path, str], make_window: Any, dialog_log: list[Any], qtbot: Any) -> None:
    bad, words = hostile
    window = make_window()
    window.files.open_path(bad)
    qtbot.waitUntil(lambda: bool(dialog_log), timeout=20_000)
    kind, (title, message) = dialog_log[-1]
    assert kind == "error" and title == "Cannot open the file"
    assert message.startswith(f"{bad}: ") and words in message
    assert "Error" not in message and "Traceback" not in message


def test_nan_and_lone_surrogates_are_never_written(tmp_path: Path, sample: Path) -> None:
    """A value that reached a document some other way (the Python API, a plugin) is refused at
    save, naming its place, and the file on disk is untouched."""
    target = tmp_path / "a.iqtibas.json"
    before = target.read_bytes()
    for key, value, words in [
        ("score", math.nan, "at meta/score: nan is not a number JSON can store"),
        ("annotator", "\ud800", "at meta/annotator: a lone surrogate (\\ud800)"),
        ("tags", {1, 2}, "at meta/tags: a set has no JSON form"),
    ]:
        document = load_document(sample)
        document.meta[key] = value
        with pytest.raises(SaveError) as caught:
            save_document(document, target)
        assert str(caught.value) == f"{target}: cannot save: {words}" or words in str(caught.value)
        assert target.read_bytes() == before
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    with pytest.raises(ValueError):
        document = load_document(sample)
        document.meta["score"] = math.inf
        dumps_document(document)


def test_the_window_shows_a_cannot_save_dialog_for_a_value_it_cannot_store(sample: Path, make_window: Any, dialog_log: list[Any], qtbot: Any) -> None:
    """Item 3: a lone surrogate that reached the document made every save raise an uncaught
    UnicodeEncodeError; now the window says where, and the file on disk is untouched."""
    window = make_window()
    window.files.open_path(sample)
    qtbot.waitUntil(lambda: window.workspace.session is not None and window.files.loading is None, timeout=20_000)
    before = sample.read_bytes()
    window.workspace.session.document.meta["annotator"] = "\ud800"
    assert window.files.save() is False
    kind, (title, message) = dialog_log[-1]
    assert kind == "error" and title == "Cannot save"
    assert message == f"{sample}: cannot save: at meta/annotator: a lone surrogate (\\ud800) is not text and cannot be saved as UTF-8"
    assert sample.read_bytes() == before
