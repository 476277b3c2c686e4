"""``iqtibas eval``: score the automatic annotator against a gold corpus.

``--folds K`` cross-validates: each article is scored by a model whose learned parts were fitted
without it (see ``core.crossval``), the honest figure for articles nobody tuned the annotator on.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.annotator.trained import AnnotatorModel, load_model
from core.articles import article_id, document_from_text
from core.crossval import CrossValidation, cross_validate
from core.errors import InputError
from core.evaluate import (
    Scores,
    corpus_pairs,
    format_errors,
    format_reliability,
    format_table,
    load_gold,
    score_article,
)
from core.jsonformat import SUFFIX, load_document
from core.loading import read_article


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "eval",
        help="score the annotator against gold annotations",
        description="Annotate CORPUS_DIR/articles/*.txt (or read saved predictions with --pred) "
        "and score them against CORPUS_DIR/gold/*.gold.json by the annotation guideline's rules. "
        "With --folds K, article-level K-fold cross-validation: the learned parts are fitted on the "
        "other folds' gold for every fold scored.",
    )
    parser.add_argument("corpus", metavar="CORPUS_DIR")
    parser.add_argument("--pred", metavar="DIR", help="read predictions NAME.iqtibas.json from DIR instead of annotating")
    parser.add_argument("--folds", type=int, metavar="K", help="cross-validate over K folds of articles (K ≥ 2)")
    parser.add_argument("--model", metavar="FILE", help="annotate with this model (from 'iqtibas train') instead of the bundled one")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--errors", action="store_true", help="also list every miss and false alarm with its context")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if args.folds is not None:
        if args.pred or args.model:
            raise InputError(corpus, "--folds fits its own models; it cannot be combined with --pred or --model")
        return _run_folds(args, corpus)
    model = load_model(args.model) if args.model else None
    total = _score(corpus, args.pred, model)
    if args.json:
        data = total.as_dict()
        if args.errors:
            data["errors"] = [e.as_dict() for e in total.errors]
        _print_json(data)
    else:
        print(format_table(total))
        if args.errors:
            print()
            print(format_errors(total))
    return 0


def _score(corpus: Path, pred: str | None, model: AnnotatorModel | None) -> Scores:
    total = Scores()
    for article, gold_file in corpus_pairs(corpus):
        text = read_article(article).text
        if pred:
            pred_file = Path(pred) / f"{article.stem}{SUFFIX}"
            if not pred_file.exists():
                raise InputError(pred_file, "no prediction for this article")
            document = load_document(pred_file)
            if document.text != text:
                raise InputError(pred_file, f"its text differs from {article}")
        else:
            document = document_from_text(text, doc_id=article_id(article), source=str(article), model=model)
        total.add(score_article(load_gold(gold_file, text), document))
    return total


def _run_folds(args: argparse.Namespace, corpus: Path) -> int:
    if args.folds < 2:
        raise InputError(corpus, "--folds needs at least 2 folds")
    pairs = corpus_pairs(corpus)
    if len(pairs) < args.folds:
        raise InputError(corpus, f"{len(pairs)} articles cannot fill {args.folds} folds")

    def progress(message: str) -> None:
        if not args.json:
            print(message, file=sys.stderr)

    result = cross_validate(pairs, args.folds, progress=progress)
    if args.json:
        data = {
            "folds": [
                {"fold": fold.number, **fold.scores.as_dict(), "article_names": fold.articles, "speaker_steps": fold.steps.as_dict()}
                for fold in result.folds
            ],
            "mean": result.mean(),
            "speaker_steps": result.pooled_steps().as_dict(),
        }
        if args.errors:
            data["errors"] = [e.as_dict() for fold in result.folds for e in fold.scores.errors]
        _print_json(data)
        return 0
    print(format_folds(result))
    if args.errors:
        print()
        print(format_errors(result.pooled()))
    return 0


def format_folds(result: CrossValidation) -> str:
    """One column per fold and the mean, one row per measure."""
    rows: list[tuple[str, list[float | int]]] = []
    folds = [fold.scores for fold in result.folds]
    rows.append(("direct quotes F1", [s.quotes["direct"].f1 for s in folds]))
    rows.append(("indirect quotes F1", [s.quotes["indirect"].f1 for s in folds]))
    rows.append(("headings F1", [s.headings.f1 for s in folds]))
    rows.append(("boilerplate F1 (chars)", [s.boilerplate.f1 for s in folds]))
    rows.append(("speaker accuracy", [s.speaker.value for s in folds]))
    rows.append(("  canonical name alone", [s.speaker_canonical.value for s in folds]))
    rows.append(("cue accuracy", [s.cue.value for s in folds]))
    rows.append(("title accuracy", [s.title.value for s in folds]))
    rows.append(("articles", [s.articles for s in folds]))
    header = ["measure".ljust(24)] + [f"fold {f.number}".rjust(7) for f in result.folds] + ["mean".rjust(7)]
    lines = ["  ".join(header)]
    for name, values in rows:
        mean = sum(values) / len(values)
        if name == "articles":
            cells = [f"{v:>7d}" for v in values] + [f"{mean:>7.1f}"]
        else:
            cells = [f"{v:>7.3f}" for v in values] + [f"{mean:>7.3f}"]
        lines.append("  ".join([name.ljust(24), *cells]))
    pooled = result.pooled()
    lines.append("")
    lines.append("All folds pooled (every article scored by a model that did not see it):")
    lines.append(format_table(pooled).split("\n\nspeaker confidence")[0])
    steps = result.pooled_steps()
    lines.append("")
    lines.append("Speaker finder step by step (quotes matching a gold quote, all folds):")
    lines.append(f"  attribution (who: the chosen place can name the speaker)  {steps.attribution.value:.3f}  ({steps.attribution.right}/{steps.attribution.total})")
    lines.append(f"  mentions (where the chosen mention ends)                   {steps.mentions.value:.3f}  ({steps.mentions.right}/{steps.mentions.total})")
    lines.append(f"  entities (the canonical name given a right choice)         {steps.entities.value:.3f}  ({steps.entities.right}/{steps.entities.total})")
    if pooled.speaker_confidence:
        lines.append("")
        lines.append(format_reliability(pooled.speaker_confidence))
    return "\n".join(lines)


def _print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
