"""``iqtibas export``: quotes as CSV, JSON Lines or Parquet, or whole annotations for doccano, brat,
INCEpTION/WebAnno (UIMA CAS XMI) and Label Studio."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from core.atomic import atomic_write_text
from core.cli.common import expand_inputs
from core.errors import InputError
from core.export import EXPORTERS, FILE_EXPORTERS, FOLDER_EXPORTERS, FORMATS, WITH_REJECTED, export_documents
from core.interchange.doccano import overlapping
from core.jsonformat import load_document
from core.model import Document
from core.wording import count


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="export quotes (CSV, JSON Lines, Parquet) or annotations for doccano, brat, INCEpTION, Label Studio",
        description="Export annotation files (or folders of them). csv, jsonl: one row per quote with "
        "article, id, kind, speaker, cue, text, offsets (code points), status, origin, confidence. "
        "parquet: the quotes in FILE and every other annotation in FILE's .structure.parquet (needs "
        "iqtibas[parquet]). doccano: one JSONL line per article, {\"text\", \"label\": [[start, end, label]]} "
        "with offsets in UTF-16 code units, speakers and cues in the \"iqtibas\" metadata; doccano-relations: "
        "the same with \"entities\" and \"relations\" (SaidBy, CuedBy) for a relation project. brat: NAME.txt "
        "+ NAME.ann per article into the -o folder (T, R and annotator-note lines, code-point offsets). xmi: "
        "NAME.xmi per article and TypeSystem.xml into the -o folder, for INCEpTION or WebAnno (needs "
        "iqtibas[xmi]). labelstudio: Label Studio tasks (automatic annotations as predictions, reviewed "
        "ones as annotations) and FILE's .label-config.xml. Rejected annotations are left out unless "
        "--include-rejected.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE", help="annotation files or folders")
    parser.add_argument("--to", required=True, choices=FORMATS, help="output format")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="write to this file (brat, xmi: this folder) instead of standard output")
    parser.add_argument("--include-rejected", action="store_true",
                        help=f"also export rejected annotations ({', '.join(WITH_REJECTED)} only)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.include_rejected and args.to not in WITH_REJECTED:
        raise InputError(f"--to {args.to}", f"--include-rejected applies to {', '.join(WITH_REJECTED)} only (this format has no status)")
    if (args.to in FOLDER_EXPORTERS or args.to in FILE_EXPORTERS) and not args.output:
        raise InputError(f"--to {args.to}", _NEEDS_OUTPUT[args.to])
    documents = [load_document(path) for path, _ in expand_inputs(args.paths, want="annotations")]
    if args.to in ("doccano", "doccano-relations"):
        _warn_overlaps(documents)
    if args.to in FOLDER_EXPORTERS:
        written, warnings = FOLDER_EXPORTERS[args.to](documents, args.output, args.include_rejected)
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"{count(len(written), 'article')} written to {args.output}", file=sys.stderr)
        return 0
    if args.to in FILE_EXPORTERS:
        written_count, companions = FILE_EXPORTERS[args.to](documents, args.output, args.include_rejected)
        unit = "region" if args.to == "labelstudio" else "quote"
        also = "".join(f" and {path}" for path in companions)
        print(
            f"{count(written_count, unit)} from {count(len(documents), 'article')} written to {args.output}{also}",
            file=sys.stderr,
        )
        return 0
    assert args.to in EXPORTERS
    if args.output:
        buffer = io.StringIO(newline="")
        written_count = export_documents(documents, args.to, buffer, include_rejected=args.include_rejected)
        atomic_write_text(Path(args.output), buffer.getvalue(), keep_backup=False)
        unit = "span" if args.to.startswith("doccano") else "quote"
        print(f"{count(written_count, unit)} from {count(len(documents), 'article')} written to {args.output}", file=sys.stderr)
    else:
        export_documents(documents, args.to, sys.stdout, include_rejected=args.include_rejected)
    return 0


_NEEDS_OUTPUT = {
    "brat": "writes one .txt and one .ann per article: give the output folder with -o DIR",
    "xmi": "writes one .xmi per article and TypeSystem.xml: give the output folder with -o DIR",
    "labelstudio": "writes the tasks and their labelling config beside them: give the tasks file with -o FILE",
    "parquet": "writes a quotes table and a structure table beside it: give the quotes file with -o FILE",
}


def _warn_overlaps(documents: list[Document]) -> None:
    """doccano drops overlapping spans on upload unless the project allows them: say so, once."""
    nested = sum(overlapping(document) for document in documents)
    if nested:
        print(
            f"warning: {nested} span{'s' if nested != 1 else ''} overlap{'' if nested != 1 else 's'} another "
            "(cues and speakers inside quotes, quotes inside quotes): "
            "create the doccano project with \"Allow overlapping entity\" ticked, or doccano drops them on upload",
            file=sys.stderr,
        )
