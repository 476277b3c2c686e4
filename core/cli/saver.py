"""Writing a batch's annotation files on a few threads, while the batch goes on annotating.

Every file is saved atomically and durably (``core.atomic``: a temporary file, fsync, rename,
fsync of the folder). One fsync takes milliseconds of waiting for the disk, not of work: on a
batch of small articles it was a third of ``annotate``'s time, and since fsyncs queue on the file
system's journal, two processes saving in turn gained nothing over one. Concurrent fsyncs are
committed together (ext4, XFS and others group their journal commits): four threads write about
five times as many files a second as one (``benchmarks/bench_jobs.py``). So the batch hands each
rendered file to a ``Saver``; what was saved is reported back in the caller's thread, in the
order files finish, and at most ``backlog`` files wait in memory.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from core.cli.annotate import Outcome, Planned, Rendered

SAVING_THREADS = 4
BACKLOG = 64


class Saver:
    """Saves rendered files on ``threads`` threads; ``report`` gets each ``Outcome`` in this thread."""

    def __init__(self, report: Callable[[Outcome], None], *, threads: int = SAVING_THREADS, backlog: int = BACKLOG) -> None:
        self.report = report
        self.backlog = backlog
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="iqtibas-save")
        self._pending: deque[Future[Outcome]] = deque()

    def submit(self, planned: Planned | None, rendered: Rendered | Outcome) -> None:
        """Save ``rendered`` where ``planned`` says (an ``Outcome`` is reported as it is)."""
        from core.cli.annotate import Outcome, store

        self.drain()
        if isinstance(rendered, Outcome) or planned is None:
            assert isinstance(rendered, Outcome)
            self.report(rendered)
            return
        while len(self._pending) >= self.backlog:
            self.report(self._pending.popleft().result())
        self._pending.append(self._pool.submit(store, planned, rendered))

    def drain(self) -> None:
        """Report the files saved so far (in order, up to the first still being written)."""
        while self._pending and self._pending[0].done():
            self.report(self._pending.popleft().result())

    def close(self) -> None:
        """Wait for every file and report it."""
        while self._pending:
            self.report(self._pending.popleft().result())
        self._pool.shutdown()

    def __enter__(self) -> Saver:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:  # interrupted: finish the files already handed over (each is whole), report nothing
            self._pool.shutdown(wait=True)
