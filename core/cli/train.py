"""``iqtibas train``: fit the annotator's learned parts on checked annotations.

Three uses:

* ``iqtibas train --gold ../shared/corpus -o resources/models/annotator.json`` rebuilds the
  bundled model from the development corpus (a test checks that the shipped file is exactly this
  command's output);
* ``iqtibas train REVIEWED… -o team.json`` refits the bundled model on a team's reviewed
  ``.iqtibas.json`` files — their accepted, corrected and hand-made quotes — keeping what the
  bundled model learned as the starting point (``--base none`` fits from the files alone);
  ``annotate --model team.json`` and the window's Preferences then use it;
* ``iqtibas train --word-stats ARTICLES.jsonl.gz -o resources/models/word_stats.tsv.gz``
  rebuilds the word statistics from unlabeled articles (rebuild them before the model).
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Iterator
from pathlib import Path

from core.annotator import wordstats
from core.annotator.trained import default_model, load_model
from core.annotator.training import CheckedArticle, CheckedQuote, PreparedArticle, fit, prepare
from core.atomic import atomic_write_text
from core.cli.common import expand_inputs
from core.crossval import checked_article
from core.errors import InputError
from core.evaluate import corpus_pairs, load_gold
from core.jsonformat import load_document
from core.loading import read_article
from core.model import Document


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "train",
        help="fit the annotator's learned parts on reviewed files or a gold corpus",
        description="Fit the speaker rankers on checked quotes: reviewed NAME.iqtibas.json files "
        "(accepted or corrected quotes, and quotes made by hand) and/or a gold corpus (--gold), and "
        "write the model to -o. Reviewed files refine the bundled model unless --base none. "
        "With --word-stats, rebuild the word statistics from unlabeled articles instead.",
    )
    parser.add_argument("paths", nargs="*", metavar="REVIEWED", help="reviewed annotation files or folders")
    parser.add_argument("--gold", metavar="CORPUS_DIR", help="also train on a gold corpus (articles/ and gold/)")
    parser.add_argument("--base", metavar="MODEL", default="bundled",
                        help="model whose weights the reviewed files refine: 'bundled' (default), a file, or 'none'")
    parser.add_argument("--word-stats", metavar="ARTICLES.jsonl.gz", help="build word statistics from unlabeled articles")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write the model (or the statistics)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    output = Path(args.output)
    if args.word_stats:
        stats = wordstats.build(_unlabeled_texts(Path(args.word_stats)))
        output.parent.mkdir(parents=True, exist_ok=True)
        wordstats.save(stats, str(output))
        print(f"word statistics: {len(stats):,} words -> {output}")
        return 0
    if not args.paths and not args.gold:
        raise InputError(output, "nothing to train on: give reviewed files or --gold CORPUS_DIR")
    articles: list[PreparedArticle] = []
    gold_count = reviewed_count = quotes = 0
    if args.gold:
        for article, gold_file in corpus_pairs(Path(args.gold)):
            checked = checked_article(load_gold(gold_file, read_article(article).text))
            articles.append(prepare(checked))
            gold_count += 1
            quotes += len(checked.quotes)
    for path, _root in expand_inputs(args.paths, want="annotations"):
        checked = reviewed_article(load_document(path))
        if checked.quotes:
            articles.append(prepare(checked))
            reviewed_count += 1
            quotes += len(checked.quotes)
    if not articles:
        raise InputError(output, "no reviewed quotes found in the given files")
    base = None
    if args.paths and args.base != "none":
        base = default_model() if args.base == "bundled" else load_model(args.base)
    meta: dict[str, object] = {"gold_articles": gold_count, "reviewed_articles": reviewed_count, "checked_quotes": quotes}
    if base is not None:
        meta["refines"] = "bundled" if args.base == "bundled" else Path(args.base).name
    model = fit(articles, prior=base, meta=meta)
    output.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_text(output, model.dumps(), keep_backup=False)
    print(f"model: {gold_count} gold and {reviewed_count} reviewed articles, {quotes} checked quotes -> {output}")
    return 0


def reviewed_article(document: Document) -> CheckedArticle:
    """The quotes a person checked in a saved file — accepted, corrected or made by hand — with
    their speakers' names (canonical and every mention written for it)."""
    aliases = {info.name: info.aliases for info in document.speakers()}
    quotes = tuple(
        CheckedQuote(a.start, a.end, a.kind or "direct", a.speaker, tuple(aliases.get(a.speaker or "", ())))
        for a in document
        if a.type == "quote" and a.status == "accepted"
    )
    return CheckedArticle(document.id or "article", document.text, quotes)


def _unlabeled_texts(path: Path) -> Iterator[str]:
    try:
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                try:
                    yield json.loads(line)["text"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    raise InputError(path, f"line {number} is not an article object with a 'text'") from None
    except OSError as error:
        raise InputError(path, f"cannot read unlabeled articles: {error}") from None

