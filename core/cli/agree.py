"""``iqtibas agree``: how far two annotators agree, on one article or on two folders of them.

Files are paired by the SHA-256 of their article text, not by name, so two annotators' folders
match even when the files were renamed; an article present on one side only is named on standard
error and left out (exit code 1 then, so scripts notice the folders do not match).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.agreement import corpus_agreement, format_corpus
from core.cli.common import expand_inputs
from core.errors import InputError
from core.jsonformat import load_document
from core.model import Document


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "agree",
        help="inter-annotator agreement between two annotations (files or folders)",
        description="Compare annotator A with annotator B: two .iqtibas.json files of the same "
        "article, or two folders of them (paired by the article text's SHA-256). Reports span "
        "precision/recall/F1 of A against B per layer (exact and overlap >= half of the longer "
        "span, one-to-one), kind/speaker/cue agreement on matched quotes and Cohen's kappa on "
        "character labels. Rejected annotations do not count.",
    )
    parser.add_argument("a", metavar="A", help="annotation file or folder of annotator A")
    parser.add_argument("b", metavar="B", help="annotation file or folder of annotator B (the reference)")
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    parser.set_defaults(run=run)


def _by_text(folder: Path) -> dict[str, tuple[Path, Document]]:
    found: dict[str, tuple[Path, Document]] = {}
    for path, _ in expand_inputs([str(folder)], want="annotations"):
        document = load_document(path)
        if document.sha256 in found:
            raise InputError(path, f"annotates the same article as {found[document.sha256][0]} (one file per article per folder)")
        found[document.sha256] = (path, document)
    if not found:
        raise InputError(folder, "no .iqtibas.json files in this folder")
    return found


def pairs_of(a: Path, b: Path) -> tuple[list[tuple[str, str, Document, Document]], list[str], list[str]]:
    """Paired documents plus the files found only in A and only in B."""
    for path in (a, b):
        if not path.exists():
            raise InputError(path, "no such file or folder")
    if a.is_dir() != b.is_dir():
        raise InputError(b if a.is_dir() else a, "give two annotation files or two folders, not one of each")
    if not a.is_dir():
        doc_a, doc_b = load_document(a), load_document(b)
        if doc_a.sha256 != doc_b.sha256:
            raise InputError(b, f"annotates a different text than {a} (SHA-256 differs), so they cannot be compared")
        return [(str(a), str(b), doc_a, doc_b)], [], []
    side_a, side_b = _by_text(a), _by_text(b)
    common = [sha for sha in side_a if sha in side_b]
    if not common:
        raise InputError(b, f"no article in common with {a} (files are paired by the SHA-256 of their text)")
    pairs = [(str(side_a[s][0]), str(side_b[s][0]), side_a[s][1], side_b[s][1]) for s in common]
    pairs.sort(key=lambda pair: pair[0])
    only_a = sorted(str(path) for sha, (path, _) in side_a.items() if sha not in side_b)
    only_b = sorted(str(path) for sha, (path, _) in side_b.items() if sha not in side_a)
    return pairs, only_a, only_b


def run(args: argparse.Namespace) -> int:
    a, b = Path(args.a), Path(args.b)
    pairs, only_a, only_b = pairs_of(a, b)
    result = corpus_agreement(pairs)
    result.only_a, result.only_b = only_a, only_b
    for path in only_a:
        print(f"only in A: {path} (no file in {b} annotates the same text); left out", file=sys.stderr)
    for path in only_b:
        print(f"only in B: {path} (no file in {a} annotates the same text); left out", file=sys.stderr)
    if args.json:
        data = {"a": str(a), "b": str(b), **result.as_dict()}
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_corpus(result, str(a), str(b)))
    return 1 if only_a or only_b else 0
