"""Python's cycle collector held back while a document is opened, until its text is painted.

Why (measured on a saved 1 MB article with 22,230 annotations, ``benchmarks/bench_gui.py``):
parsing the file and building the document, its outline and its indexes allocate some 300,000
objects, and the collector, started every 700 allocations, walks the young ones again and again
and twice everything, looking for reference cycles that parsed JSON and annotations cannot
form: 356 collections, 0.07 s of CPU of the 0.6 s from launch to usable. Held back, it does
that walk once, after the document is on screen. Objects are still freed as they always are
(reference counting); only the search for cycles waits, for a fraction of a second.

``pause`` does nothing when the collector is already off (someone else decided); ``resume``
turns it back on only if ``pause`` turned it off.
"""

from __future__ import annotations

import gc


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
