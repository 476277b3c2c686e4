"""Python's cycle collector held back while the window starts and a document is opened, until
the window's first paint.

Why (measured on a saved 1 MB article with 22,230 annotations, ``benchmarks/bench_gui.py``):
parsing the file and building the document, its outline and its indexes allocate some 300,000
objects, and the collector, started every 700 allocations, walks the young ones again and again
and twice everything, looking for reference cycles that parsed JSON and annotations cannot
form: 356 collections, 0.07 s of CPU of the 0.6 s from launch to usable. Held back, it does
that walk once, after the document is on screen. Objects are still freed as they always are
(reference counting); only the search for cycles waits, for a fraction of a second.

The window's entry holds it back from its very start for the same reason (``gui.application.app``):
importing the window's modules and building it allocate another few hundred thousand objects
(modules, classes, Qt's types and enums), and the collector walked them 54 times, 9-13 ms of the
window's process before the document was even opened; the check forked meanwhile
(``core.jsonformat.forked``) starts with it held back too, and exits before it would matter.

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
