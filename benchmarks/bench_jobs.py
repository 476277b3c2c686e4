"""``iqtibas annotate`` on the 4,000 unlabeled articles: one job, two jobs, and a Dask cluster.

Run: python benchmarks/bench_jobs.py [--corpus ../shared/corpus] [--limit N] [--jobs 1 2] [--no-dask]

The articles of ``corpus/unlabeled/articles.jsonl.gz`` are written as ``.txt`` files into a
temporary folder (outside the repository: their text may not be copied into it), then each run is
the real command in a fresh process — ``iqtibas annotate DIR -o OUT --jobs N -q`` — timed from
start to exit (start-up, reading, annotating, saving). The Dask figure starts a scheduler and as
many single-threaded worker processes as the largest ``--jobs`` on loopback (``dask scheduler``,
``dask worker``), waits for them, and times ``annotate --scheduler``. Every run writes into an
empty folder, so nothing is skipped. It prints seconds, articles and characters per second, the
speed-up over one job and the CPU time the run used (the command's processes and, for Dask, the
scheduler's and workers'): on a busy machine the wall-clock speed-up is bounded by the cores left,
while equal CPU times show the work itself divides without loss. It asserts nothing (speed is measured here, not in the tests). Run it
on a quiet machine: the load average before each run is printed beside it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def write_articles(corpus: Path, folder: Path, limit: int | None) -> tuple[int, int]:
    """The unlabeled articles as ``NNNN.txt`` files; returns (articles, characters)."""
    count = chars = 0
    with gzip.open(corpus / "unlabeled" / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            if limit is not None and count >= limit:
                break
            text = json.loads(line)["text"]
            (folder / f"{count:05d}.txt").write_text(text, encoding="utf-8")
            count += 1
            chars += len(text)
    return count, chars


def iqtibas(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from core.cli import main; sys.exit(main(sys.argv[1:]))", *args]


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU time of running processes so far (Linux /proc)."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime (clock ticks)
        except (OSError, IndexError, ValueError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def timed(command: list[str], label: str, articles: int, chars: int, baseline: float | None, others: list[int] = []) -> float:  # noqa: B006
    load = os.getloadavg()[0]
    children = os.times()
    others_before = cpu_seconds(others)
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = os.times()
    cpu = (after.children_user - children.children_user) + (after.children_system - children.children_system)
    cpu += cpu_seconds(others) - others_before
    if result.returncode not in (0, 2):  # 2: some articles were refused (counted in the summary)
        print(f"{label}: exit code {result.returncode}\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    summary = (result.stdout.strip().splitlines() or [""])[-1]
    speedup = f", {baseline / seconds:.2f}x one job" if baseline else ""
    print(f"{label:<26} {seconds:7.1f} s  {articles / seconds:6.1f} articles/s  {chars / seconds:9,.0f} chars/s"
          f"{speedup}; CPU {cpu:.1f} s  (load before: {load:.2f}; {summary})", flush=True)
    return seconds


def dask_cluster(workers: int) -> tuple[str, list[subprocess.Popen[bytes]]]:
    """A scheduler and ``workers`` single-threaded worker processes on loopback."""
    scheduler_file = Path(tempfile.mkdtemp(prefix="iqtibas-dask-")) / "scheduler.json"
    dask = [sys.executable, "-m", "distributed.cli.dask_scheduler"]
    processes = [subprocess.Popen(
        [*dask, "--host", "127.0.0.1", "--port", "0", "--dashboard-address", ":0", "--scheduler-file", str(scheduler_file)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )]
    for _ in range(100):
        if scheduler_file.exists() and scheduler_file.stat().st_size:
            break
        time.sleep(0.1)
    address = json.loads(scheduler_file.read_text())["address"]
    for number in range(workers):
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "distributed.cli.dask_worker", address, "--nthreads", "1", "--nworkers", "1",
             "--host", "127.0.0.1", "--name", f"w{number}", "--dashboard-address", ":0", "--no-nanny"],
            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        ))
    from distributed import Client

    with Client(address, timeout=60) as client:
        client.wait_for_workers(workers, timeout=60)
    return address, processes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "unlabeled" / "articles.jsonl.gz").exists():
        sys.exit(f"unlabeled articles: not found under {corpus}")
    work = Path(tempfile.mkdtemp(prefix="iqtibas-bench-"))
    try:
        articles_dir = work / "articles"
        articles_dir.mkdir()
        articles, chars = write_articles(corpus, articles_dir, args.limit)
        print(f"{articles} articles, {chars:,} characters; {os.cpu_count()} cores; Python {sys.version.split()[0]}")
        baseline: float | None = None
        for jobs in args.jobs:
            out = work / f"out-{jobs}"
            seconds = timed(iqtibas("annotate", str(articles_dir), "-o", str(out), "--jobs", str(jobs), "-q"),
                            f"--jobs {jobs}", articles, chars, baseline)
            baseline = baseline or seconds
            shutil.rmtree(out, ignore_errors=True)
        if not args.no_dask:
            workers = max(args.jobs)
            address, processes = dask_cluster(workers)
            try:
                out = work / "out-dask"
                timed(iqtibas("annotate", str(articles_dir), "-o", str(out), "--scheduler", address, "-q"),
                      f"--scheduler ({workers} workers)", articles, chars, baseline, [p.pid for p in processes])
            finally:
                for process in reversed(processes):  # workers first, then the scheduler
                    process.terminate()
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
