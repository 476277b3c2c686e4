"""Annotation throughput in characters per second, on one core, net of start-up.

Run: python benchmarks/bench_annotate.py [--corpus ../shared/corpus] [--size-mb 1] [--repeats 3]

Figures (it asserts nothing; speed is measured here, not in the tests):
* distinct articles: about 1 MB of different real articles from ``corpus/unlabeled`` (none of
  them a development article), annotated one by one — what ``iqtibas annotate FOLDER`` does;
* one long document: the same articles joined into one text — what opening a huge file does;
* the development corpus, article by article.
Start-up (imports, loading the lexicons, the word statistics and the model) is done once before
timing, so the figures are the annotator's own.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.annotator import annotate_text  # noqa: E402
from core.loading import read_article  # noqa: E402


def unlabeled_articles(corpus: Path, size_bytes: int) -> list[str]:
    """Distinct articles from the unlabeled collection, in file order, up to ``size_bytes``."""
    texts: list[str] = []
    total = 0
    with gzip.open(corpus / "unlabeled" / "articles.jsonl.gz", "rt", encoding="utf-8") as lines:
        for line in lines:
            text = json.loads(line)["text"]
            texts.append(text)
            total += len(text.encode("utf-8"))
            if total >= size_bytes:
                break
    return texts


def timed(texts: list[str], repeats: int) -> float:
    """Median CPU seconds of this process (other processes on the machine do not count)."""
    runs = []
    for _ in range(repeats):
        started = time.process_time()
        for text in texts:
            annotate_text(text)
        runs.append(time.process_time() - started)
    return statistics.median(runs)


def report(label: str, texts: list[str], seconds: float) -> None:
    chars = sum(len(t) for t in texts)
    per = f", {1000 * seconds / len(texts):.1f} ms per article" if len(texts) > 1 else ""
    print(f"{label}: {len(texts)} text(s), {chars:,} chars ({sum(len(t.encode()) for t in texts) / 1e6:.2f} MB), "
          f"median {seconds:.2f} CPU s -> {chars / seconds:,.0f} chars/s{per}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    corpus = Path(args.corpus)
    annotate_text("عنوان\nوقال الوزير إن الاتفاق قريب.\n")  # start-up: imports, lexicons, model

    if (corpus / "unlabeled" / "articles.jsonl.gz").exists():
        texts = unlabeled_articles(corpus, int(args.size_mb * 1024 * 1024))
        report("distinct articles", texts, timed(texts, args.repeats))
        joined = ["\n".join(texts)]
        report("one long document", joined, timed(joined, args.repeats))
    else:
        print(f"unlabeled articles: not found under {corpus}")
    articles = sorted((corpus / "articles").glob("*.txt"))
    if articles:
        dev = [read_article(p).text for p in articles]
        report("dev corpus", dev, timed(dev, args.repeats))


if __name__ == "__main__":
    main()
