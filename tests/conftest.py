"""Shared test setup: offscreen Qt by default, isolated settings and home, the shared corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pytest_configure(config: pytest.Config) -> None:
    # Tests never open real windows unless a test starts Xvfb itself.
    if not os.environ.get("QT_QPA_PLATFORM"):  # unset or empty: an empty value aborts Qt
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ.setdefault("QT_QUICK_BACKEND", "software")


def corpus_dir() -> Path | None:
    """The development corpus beside the repository (``../shared/corpus``), if present."""
    candidates = [os.environ.get("IQTIBAS_CORPUS"), ROOT.parent / "shared" / "corpus"]
    for candidate in candidates:
        if candidate and (Path(candidate) / "articles").is_dir() and (Path(candidate) / "gold").is_dir():
            return Path(candidate)
    return None


@pytest.fixture
def corpus() -> Path:
    found = corpus_dir()
    if found is None:
        pytest.skip("the development corpus ../shared/corpus is not available here")
    return found


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's real settings, recovery files or home folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / ".local" / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))


# The real home, saved before the autouse fixture points HOME at a temporary folder: tests that
# run pip need its download cache.
REAL_HOME = os.environ.get("HOME", "")
