"""The cycle collector's pause: held back for a while, and back as it was."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from core.annotator import annotate_text
from core.collector import CollectorPause, collector_paused


@pytest.fixture(autouse=True)
def _collector_on_after() -> Iterator[None]:
    was = gc.isenabled()
    yield
    (gc.enable if was else gc.disable)()


def test_a_pause_holds_the_collector_back_until_resumed() -> None:
    gc.enable()
    pause = CollectorPause()
    pause.pause()
    assert not gc.isenabled() and pause.paused
    pause.resume()
    assert gc.isenabled() and not pause.paused


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    pause = CollectorPause()
    pause.pause()
    pause.resume()
    assert not gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_the_block_gives_the_collector_back_even_when_it_fails() -> None:
    gc.enable()
    with pytest.raises(RuntimeError), collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_annotating_pauses_the_collector_and_gives_it_back(monkeypatch: pytest.MonkeyPatch) -> None:
    from core.annotator import pipeline

    gc.enable()
    during: list[bool] = []
    analyse = pipeline.analyse

    def watched(*args: object, **kwargs: object) -> object:
        during.append(gc.isenabled())
        return analyse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "analyse", watched)
    annotate_text("قال الوزير إن الخطة جاهزة.\n" * 20)
    assert during == [False]  # the article was annotated with the collector held back
    assert gc.isenabled()
