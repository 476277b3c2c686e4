"""What refitting on a team's reviewed files buys: ``iqtibas train REVIEWED… --base MODEL``.

For each outlet of the development corpus (the ANT collection's five outlets, and the Saudi
collection as one), the base model is fitted on every other article (the outlet unseen), the
outlet's articles are split in two halves, one half becomes reviewed ``.iqtibas.json`` files
(its gold quotes accepted, with their speakers and a mention of each name), the base model is
refitted on them exactly as ``iqtibas train`` does, and both models are scored on the other half;
then the halves swap. Prints speaker accuracy and quote F1 before and after.

Run: python benchmarks/train_on_reviews.py [--corpus ../shared/corpus]
It asserts nothing: the figures go into the notes.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.annotator.training import fit, prepare  # noqa: E402
from core.articles import document_from_text  # noqa: E402
from core.cli.train import reviewed_article  # noqa: E402
from core.crossval import checked_article  # noqa: E402
from core.evaluate import GoldArticle, Scores, corpus_pairs, load_gold, score_article  # noqa: E402
from core.jsonformat import load_document, save_document  # noqa: E402
from core.loading import read_article  # noqa: E402
from core.model import Annotation, Document, IdAllocator  # noqa: E402


def outlets(corpus: Path) -> dict[str, list[str]]:
    """Article names by outlet, from the corpus manifest."""
    groups: dict[str, list[str]] = {}
    with open(corpus / "MANIFEST.tsv", encoding="utf-8") as manifest:
        for row in csv.DictReader(manifest, delimiter="\t"):
            if "antcorpus" in row["repo"]:
                outlet = row["path_in_repo"].split("/")[0]
            elif "SaudiNewsNet" in row["repo"]:
                outlet = "SaudiNewsNet"
            else:
                continue
            groups.setdefault(outlet, []).append(Path(row["file"]).stem)
    return groups


def reviewed_document(gold: GoldArticle, name: str) -> Document:
    """The article as a team would have saved it after review: every gold quote accepted with
    its speaker, and a speaker mention wherever a name of that speaker is first written."""
    ids = IdAllocator()
    annotations = []
    for quote in gold.quotes:
        annotations.append(Annotation(ids.new("q"), "quote", quote.start, quote.end, origin="manual",
                                      status="accepted", kind=quote.kind, speaker=quote.speaker))
    seen: set[tuple[int, int]] = set()
    for quote in gold.quotes:
        if not quote.speaker:
            continue
        for written in (quote.speaker, *quote.aliases):
            at = gold.text.find(written)
            if at >= 0 and (at, at + len(written)) not in seen:
                seen.add((at, at + len(written)))
                annotations.append(Annotation(ids.new("sp"), "speaker", at, at + len(written), origin="manual",
                                              status="accepted", speaker=quote.speaker))
    return Document(gold.text, id=name, annotations=annotations)


def score(golds: list[GoldArticle], names: list[str], model: object) -> Scores:
    total = Scores()
    for gold, name in zip(golds, names, strict=True):
        total.add(score_article(gold, document_from_text(gold.text, doc_id=name, source=None, model=model)))  # type: ignore[arg-type]
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--outlet", action="append", help="only these outlets (repeatable)")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    golds = {a.stem: load_gold(g, read_article(a).text) for a, g in corpus_pairs(corpus)}
    prepared = {name: prepare(checked_article(gold)) for name, gold in golds.items()}
    print(f"{'outlet':<14} {'articles':>8}  {'speaker before':>14}  {'after':>6}  {'direct F1':>9}  {'after':>6}  {'indirect F1':>11}  {'after':>6}")
    for outlet, names in sorted(outlets(corpus).items()):
        if args.outlet and outlet not in args.outlet:
            continue
        names = sorted(n for n in names if n in golds)
        base = fit([prepared[n] for n in golds if n not in set(names)])
        halves = [names[0::2], names[1::2]]
        before, after = Scores(), Scores()
        for reviewed_half, scored_half in (halves, halves[::-1]):
            with tempfile.TemporaryDirectory() as folder:
                reviewed = []
                for name in reviewed_half:
                    path = Path(folder) / f"{name}.iqtibas.json"
                    save_document(reviewed_document(golds[name], name), path)
                    reviewed.append(prepare(reviewed_article(load_document(path))))
            team = fit(reviewed, prior=base)
            scored = [golds[n] for n in scored_half]
            before.add(score(scored, scored_half, base))
            after.add(score(scored, scored_half, team))
        print(f"{outlet:<14} {len(names):>8}  {before.speaker.value:>14.3f}  {after.speaker.value:>6.3f}  "
              f"{before.quotes['direct'].f1:>9.3f}  {after.quotes['direct'].f1:>6.3f}  "
              f"{before.quotes['indirect'].f1:>11.3f}  {after.quotes['indirect'].f1:>6.3f}   "
              f"({before.speaker.right}->{after.speaker.right} of {before.speaker.total} speakers)")


if __name__ == "__main__":
    main()
