"""``annotate --scheduler ADDRESS``: the articles annotated on an existing Dask cluster.

The machine running the command reads each article once, decides what to do with it
(``core.cli.annotate.plan``: new, refresh, carry over, or skip — an up-to-date file is skipped, so
an interrupted run resumes), and sends the text (and, when refreshing, the saved document) to the
cluster. Workers compute the annotated document and encode its file (``compute``, ``render``); the
bytes come back and are written here, atomically, by the same code as a local run (``Saver``), so
the files are the same byte for byte apart from their timestamps, and workers need no access to
the articles' file system. Only
a bounded number of articles is in flight at once (a few per worker thread), so a corpus of
millions streams through without being held in memory. A bad article, or one whose worker died,
is reported and the rest go on.

Workers must run the same version of Iqtibas (checked before anything is sent). ``--model FILE``
is read here and shipped to every worker once.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core import __version__
from core.errors import InputError, printable
from core.interchange.optional import require

PURPOSE = "annotate --scheduler"
TASKS_PER_THREAD = 4
"""Articles in flight per worker thread: enough to keep every worker busy while results come
back, few enough that the client holds little text."""

_WORKER_MODELS: dict[str, Any] = {}


@dataclass(frozen=True)
class Job:
    """One article: its path, where its annotation file goes, and the run's options."""

    article: str
    target: str
    force: bool
    carry: bool


def worker_version() -> str:
    """Run on each worker: the Iqtibas version it would annotate with."""
    return __version__


def compute_remote(planned: Any, model_json: str | None) -> Any:
    """Run on a worker: the file of one planned article, rendered (or its failure)."""
    from core.cli.annotate import compute, render

    model = None
    if model_json is not None:
        model = _WORKER_MODELS.get(model_json)
        if model is None:
            from core.annotator.trained import AnnotatorModel

            model = AnnotatorModel.from_json(json.loads(model_json), source="--model")
            _WORKER_MODELS.clear()  # one model per run: keep only the latest
            _WORKER_MODELS[model_json] = model
    return render(planned, compute(planned, model))


def connect(address: str, timeout: float = 30.0) -> Any:
    """A ``distributed.Client`` on the scheduler at ``address``, after checking the workers."""
    distributed = require("distributed", extra="distributed", purpose=PURPOSE)
    try:
        client = distributed.Client(address, timeout=timeout, set_as_default=False)
    except OSError as error:
        raise InputError(f"--scheduler {address}", f"cannot reach the Dask scheduler ({_brief(error)})") from None
    except ValueError as error:  # a malformed address
        raise InputError(f"--scheduler {address}", f"not a scheduler address ({_brief(error)})") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
        versions = client.run(worker_version)
    except Exception as error:
        client.close()
        if isinstance(error, (TimeoutError, OSError)) or type(error).__name__ == "TimeoutError":
            raise InputError(f"--scheduler {address}", f"no worker joined within {timeout:g} s") from None
        raise InputError(
            f"--scheduler {address}", f"the workers cannot run Iqtibas ({_brief(error)}): install it on every worker"
        ) from None
    wrong = {worker: version for worker, version in versions.items() if version != __version__}
    if wrong:
        client.close()
        worker, version = sorted(wrong.items())[0]
        raise InputError(
            f"--scheduler {address}",
            f"worker {worker} runs Iqtibas {version}, this is {__version__}: install the same version on every worker",
        )
    return client


def _brief(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:160]}" if text else type(error).__name__


def run_on_cluster(
    address: str,
    jobs: Iterable[Job],
    deliver: Callable[[Any, Any], None],
    *,
    model_json: str | None = None,
    timeout: float = 30.0,
) -> None:
    """Annotate ``jobs`` on the cluster at ``address``, handing each result to ``deliver``
    (``Saver.submit``: the plan and the rendered file, or ``None`` and the ``Outcome``)."""
    from core.cli.annotate import Outcome, Planned, plan

    distributed = require("distributed", extra="distributed", purpose=PURPOSE)
    client = connect(address, timeout)
    try:
        threads = max(1, sum(client.nthreads().values()))
        model = client.scatter(model_json, broadcast=True) if model_json is not None else None
        waiting = deque(jobs)
        running = distributed.as_completed(loop=client.loop)
        planned_of: dict[str, Planned] = {}

        def top_up() -> None:
            while waiting and running.count() < threads * TASKS_PER_THREAD:
                job = waiting.popleft()
                planned = plan(Path(job.article), Path(job.target), job.force, job.carry)
                if isinstance(planned, Outcome):
                    deliver(None, planned)
                    continue
                future = client.submit(compute_remote, planned, model, pure=False)
                planned_of[future.key] = planned
                running.add(future)

        top_up()
        while running.count() or waiting:
            if not running.count():
                top_up()
                continue
            future = next(running)
            planned = planned_of.pop(future.key)
            try:
                computed = future.result()
            except Exception as error:  # the worker died (KilledWorker) or the task could not run
                computed = Outcome(planned.shown, None, "failed",
                                   message=f"{planned.shown}: lost on the cluster ({printable(_brief(error))})")
            finally:
                future.release()
            deliver(planned, computed)
            top_up()
    finally:
        client.close()
