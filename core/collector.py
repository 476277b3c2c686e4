"""Python's cycle collector held back while a burst of long-lived objects is made.

Reference counting frees objects as they always are; only the collector's search for reference
cycles waits. It is started every 700 allocations and walks the young objects again and again,
looking for cycles that parsed JSON, annotations and the annotator's tokens cannot form. Two
places hold it back:

- **Annotating one article** (``core.annotator.pipeline.annotate_text``): tens of thousands of
  tokens, spans and feature lists live until the article is done; the collector's walks were
  over a hundredth of the annotator's work on the 1 MB benchmark. The window annotates in
  helper processes and the command line in its one thread, so no other work is paused with it.
- **The window, from its start to its first paint** (``gui.application.app``, then
  ``gui.controllers.files`` while a document is opened), measured on a saved 1 MB article with
  22,230 annotations (``benchmarks/bench_gui.py``): parsing the file and building the document,
  its outline and its indexes allocate some 300,000 objects (356 collections, 0.07 s of CPU of
  the 0.6 s from launch to usable); importing the window's modules and building it another few
  hundred thousand (56 collections, 6-11 ms). Held back, the collector does that walk once,
  after the document is on screen. The check forked meanwhile (``core.jsonformat.forked``)
  starts with it held back too, and exits before it would matter.

``pause`` does nothing when the collector is already off (someone else decided); ``resume``
turns it back on only if ``pause`` turned it off.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


class CollectorPause:
    """One pause of the cycle collector at a time."""

    def __init__(self) -> None:
        self._paused = False

    @property
    def paused(self) -> bool:
        return self._paused

    def pause(self) -> None:
        if not self._paused and gc.isenabled():
            gc.disable()
            self._paused = True

    def resume(self) -> None:
        if self._paused:
            self._paused = False
            gc.enable()


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector held back for the ``with`` block (see ``CollectorPause``)."""
    pause = CollectorPause()
    pause.pause()
    try:
        yield
    finally:
        pause.resume()
