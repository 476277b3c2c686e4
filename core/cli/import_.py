"""``iqtibas import``: annotations made in doccano, brat, INCEpTION/WebAnno (XMI) or Label Studio,
as .iqtibas.json files to review here.

Imported annotations are people's work: origin ``manual``, status ``accepted`` (``--status pending``
to step through them again in the window). XMI and Label Studio files exported by Iqtibas bring
each annotation's provenance: unchanged ones come back exactly as exported, changed ones as
corrections (``core.interchange.carried``). Nothing is written until every input has been read,
and an existing annotation file is never replaced without ``--force``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.errors import InputError
from core.interchange import exported, parse_label_map, safe_name
from core.interchange.brat import brat_pairs, read_brat
from core.interchange.build import Imported
from core.interchange.doccano import CODEPOINTS, UTF16, read_doccano
from core.jsonformat import SUFFIX, save_document
from core.model import Document
from core.wording import count


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "import",
        help="import doccano, brat, INCEpTION/WebAnno (XMI) or Label Studio annotations as .iqtibas.json files",
        description="Read annotations made in doccano (JSONL, sequence labelling or relations), brat "
        "(NAME.txt + NAME.ann), INCEpTION or WebAnno (UIMA CAS XMI with TypeSystem.xml beside it; needs "
        "iqtibas[xmi]) or Label Studio (its JSON export) and write one NAME.iqtibas.json per article into "
        "-o DIR. Labels: Title, "
        "Heading, Boilerplate, DirectQuote, IndirectQuote, Speaker, Cue (any case; map others with --label). "
        "Annotations get origin manual and status accepted (or --status pending).",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="doccano .jsonl files; brat .ann/.txt files or folders; .xmi files or folders; Label Studio .json exports")
    parser.add_argument("--from", dest="source_format", required=True, choices=SOURCES, help="the tool the files come from")
    parser.add_argument("-o", "--output", required=True, metavar="DIR", help="folder for the .iqtibas.json files")
    parser.add_argument("--status", choices=("accepted", "pending"), default="accepted",
                        help="status of the imported annotations (default: %(default)s)")
    parser.add_argument("--annotator", metavar="NAME", help="record NAME as the files' annotator")
    parser.add_argument("--offsets", choices=(UTF16, CODEPOINTS), default=UTF16,
                        help="doccano only: what the offsets count (default: %(default)s, as doccano writes them)")
    parser.add_argument("--label", action="append", metavar="THEIRS=OURS",
                        help="read label THEIRS as OURS (e.g. PER=Speaker); repeatable")
    parser.add_argument("-f", "--force", action="store_true", help="replace existing .iqtibas.json files")
    parser.set_defaults(run=run)


SOURCES = ("doccano", "doccano-relations", "brat", "xmi", "labelstudio")


def _unique(planned: list[tuple[Path, Document]], output: Path, result: Imported, used: set[str]) -> None:
    """Plan one file per document of ``result`` in ``output``, names made unique (case-blind)."""
    for name, document in result.documents:
        base = safe_name(name, "article")
        unique, counter = base, 1
        while unique.casefold() in used:
            counter += 1
            unique = f"{base}-{counter}"
        used.add(unique.casefold())
        planned.append((output / f"{unique}{SUFFIX}", document))


def run(args: argparse.Namespace) -> int:
    label_map = parse_label_map(args.label)
    output = Path(args.output)
    if output.exists() and not output.is_dir():
        raise InputError(output, "exists and is not a folder")
    planned: list[tuple[Path, Document]] = []
    warnings: list[str] = []
    used: set[str] = set()
    if args.source_format in ("doccano", "doccano-relations"):
        for item in args.paths:
            result = read_doccano(item, units=args.offsets, label_map=label_map, status=args.status, annotator=args.annotator)
            warnings += result.warnings
            _unique(planned, output, result, used)
    elif args.source_format == "xmi":
        from core.interchange.xmi import read_xmi  # imports dkpro-cassis (the xmi extra) on use

        result = read_xmi(args.paths, label_map=label_map, status=args.status, annotator=args.annotator)
        warnings += result.warnings
        _unique(planned, output, result, used)
    elif args.source_format == "labelstudio":
        from core.interchange.labelstudio import read_labelstudio

        for item in args.paths:
            result = read_labelstudio(item, label_map=label_map, status=args.status, annotator=args.annotator)
            warnings += result.warnings
            _unique(planned, output, result, used)
    else:
        for txt, ann, root in brat_pairs(args.paths):
            result = read_brat(txt, ann, label_map=label_map, status=args.status, annotator=args.annotator)
            warnings += result.warnings
            relative = ann.relative_to(root).parent if root is not None else Path()
            for name, document in result.documents:
                planned.append((output / relative / f"{safe_name(name, 'article')}{SUFFIX}", document))
    targets = [target for target, _ in planned]
    duplicates = {t for t in targets if targets.count(t) > 1}
    if duplicates:
        raise InputError(sorted(duplicates)[0], "two inputs would be written to this file; import them into different folders")
    if not args.force:
        for target in targets:
            if target.exists():
                raise InputError(target, "exists; use --force to replace it (nothing was written)")
    for target, document in planned:
        target.parent.mkdir(parents=True, exist_ok=True)
        save_document(document, target)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    annotations = sum(len(exported(document)) for _, document in planned)
    derived = sum(len(document) for _, document in planned) - annotations
    print(
        f"{count(len(planned), 'article')}, {count(annotations, 'annotation')} imported into {output} "
        f"(and {derived} paragraphs and sections derived from the text)",
        file=sys.stderr,
    )
    return 1 if warnings else 0
