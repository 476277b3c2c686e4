"""The ``iqtibas`` entry point: window options are discoverable, subcommands still go to the CLI."""

from __future__ import annotations

import pytest

from gui import launcher


def test_help_window_lists_the_window_options(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher.main(["--help-window"]) == 0
    out = capsys.readouterr().out
    for option in ("--screenshot", "--lang", "--size", "path"):
        assert option in out


def test_cli_help_points_at_the_window_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        launcher.main(["--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert "annotate" in out and "--help-window" in out


def test_subcommands_go_to_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    from core.resources import SAMPLE_ARTICLE, resource

    assert launcher.main(["outline", str(resource(SAMPLE_ARTICLE))]) == 0
    assert "خطة عاجلة" in capsys.readouterr().out


def test_missing_path_is_refused_before_any_window(capsys: pytest.CaptureFixture[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nothing.txt"
    assert launcher.main([str(missing)]) == 2
    assert str(missing) in capsys.readouterr().err
