"""``gui.document.opening``: which file the window checks in a forked process, and when.

The fork itself is tested in fresh interpreters (``tests/core/test_jsonformat_forked.py``,
``tests/e2e/test_forked_opening.py``); here ``check_in_fork`` is replaced to see what is asked.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gui.document import opening


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, int]]:
    calls: list[tuple[Path, int]] = []
    monkeypatch.setattr(opening, "check_in_fork", lambda path, max_bytes: calls.append((Path(path), max_bytes)))
    monkeypatch.setenv(opening.FORK_ENV, "1")
    return calls


def test_the_file_itself_or_the_one_saved_beside_the_article(tmp_path: Path, asked: list[tuple[Path, int]]) -> None:
    saved = tmp_path / "a.iqtibas.json"
    saved.write_text("{}", encoding="utf-8")
    opening.check_early(str(saved))
    opening.check_early(str(tmp_path / "a.txt"))  # the article need not exist: its saved file does
    assert asked == [(saved, opening.IN_PROCESS_LIMIT), (saved, opening.IN_PROCESS_LIMIT)]


def test_nothing_to_check(tmp_path: Path, asked: list[tuple[Path, int]]) -> None:
    opening.check_early(None)  # the bundled sample
    opening.check_early(str(tmp_path / "b.txt"))  # an article never saved: annotated in the helper
    opening.check_early(str(tmp_path))  # a folder: a corpus
    assert asked == []


@pytest.mark.parametrize(
    ("setting", "cores", "load", "forks"),
    [("", 2, 0.4, True), ("", 2, 1.0, True), ("", 2, 3.5, False), ("", 1, 0.0, False), ("", 8, 6.5, True), ("1", 2, 9.0, True), ("0", 8, 0.0, False)],
)
def test_forks_only_with_a_core_to_spare_unless_told(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, asked: list[tuple[Path, int]], setting: str, cores: int, load: float, forks: bool
) -> None:
    monkeypatch.setenv(opening.FORK_ENV, setting)
    monkeypatch.setattr(opening.os, "sched_getaffinity", lambda _pid: set(range(cores)), raising=False)
    monkeypatch.setattr(opening.os, "getloadavg", lambda: (load, load, load), raising=False)
    saved = tmp_path / "a.iqtibas.json"
    saved.write_text("{}", encoding="utf-8")
    opening.check_early(str(saved))
    assert bool(asked) is forks
