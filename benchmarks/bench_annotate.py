"""Annotation throughput in characters per second: a large article and the development corpus.

Run: python benchmarks/bench_annotate.py [--corpus ../shared/corpus] [--size-mb 1]
Prints figures; it asserts nothing (speed is measured here, not in the tests).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.annotator import annotate_text  # noqa: E402
from core.loading import read_article  # noqa: E402
from core.resources import SAMPLE_ARTICLE, read_text  # noqa: E402


def large_article(size_bytes: int) -> str:
    """The bundled sample's body repeated (paragraph by paragraph) up to ``size_bytes`` of UTF-8."""
    sample = read_text(SAMPLE_ARTICLE)
    title, _, body = sample.partition("\n")
    parts = [title]
    total = len(title.encode())
    while total < size_bytes:
        parts.append(body)
        total += len(body.encode())
    return "\n".join(parts)


def timed(text: str, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        annotate_text(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()

    text = large_article(int(args.size_mb * 1024 * 1024))
    seconds = timed(text, args.repeats)
    print(f"large article: {len(text):,} chars ({len(text.encode()) / 1e6:.2f} MB UTF-8), "
          f"{len(annotate_text(text)):,} annotations, median {seconds:.2f} s "
          f"-> {len(text) / seconds:,.0f} chars/s")

    articles = sorted(Path(args.corpus, "articles").glob("*.txt"))
    if not articles:
        print(f"dev corpus: not found at {args.corpus}")
        return
    texts = [read_article(p).text for p in articles]
    chars = sum(len(t) for t in texts)
    runs = []
    for _ in range(args.repeats):
        started = time.perf_counter()
        for t in texts:
            annotate_text(t)
        runs.append(time.perf_counter() - started)
    seconds = statistics.median(runs)
    print(f"dev corpus: {len(texts)} articles, {chars:,} chars, median {seconds:.2f} s "
          f"-> {chars / seconds:,.0f} chars/s, {1000 * seconds / len(texts):.0f} ms per article")


if __name__ == "__main__":
    main()
