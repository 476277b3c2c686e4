"""``iqtibas eval``: score the automatic annotator against a gold corpus."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.articles import article_id, document_from_text
from core.errors import InputError
from core.evaluate import Scores, corpus_pairs, format_errors, format_table, load_gold, score_article
from core.jsonformat import SUFFIX, load_document
from core.loading import read_article


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "eval",
        help="score the annotator against gold annotations",
        description="Annotate CORPUS_DIR/articles/*.txt (or read saved predictions with --pred) "
        "and score them against CORPUS_DIR/gold/*.gold.json by the annotation guideline's rules.",
    )
    parser.add_argument("corpus", metavar="CORPUS_DIR")
    parser.add_argument("--pred", metavar="DIR", help="read predictions NAME.iqtibas.json from DIR instead of annotating")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="also list every miss and false alarm with its context")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    total = Scores()
    for article, gold_file in corpus_pairs(corpus):
        text = read_article(article).text
        if args.pred:
            pred_file = Path(args.pred) / f"{article.stem}{SUFFIX}"
            if not pred_file.exists():
                raise InputError(pred_file, "no prediction for this article")
            document = load_document(pred_file)
            if document.text != text:
                raise InputError(pred_file, f"its text differs from {article}")
        else:
            document = document_from_text(text, doc_id=article_id(article), source=str(article))
        total.add(score_article(load_gold(gold_file, text), document))
    if args.json:
        data = total.as_dict()
        if args.errors:
            data["errors"] = [e.as_dict() for e in total.errors]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_table(total))
        if args.errors:
            print()
            print(format_errors(total))
    return 0
