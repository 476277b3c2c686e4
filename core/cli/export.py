"""``iqtibas export``: quotes as CSV or JSON Lines, or whole annotations for doccano and brat."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

from core.atomic import atomic_write_text
from core.cli.common import expand_inputs
from core.errors import InputError
from core.export import EXPORTERS, FOLDER_EXPORTERS, FORMATS, export_documents
from core.jsonformat import load_document
from core.wording import count


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="export quotes as CSV or JSON Lines, or annotations for doccano or brat",
        description="Export annotation files (or folders of them). csv, jsonl: one row per quote with "
        "article, id, kind, speaker, cue, text, offsets (code points), status, origin, confidence. "
        "doccano: one JSONL line per article, {\"text\", \"label\": [[start, end, label]]} with offsets "
        "in UTF-16 code units, speakers and cues in the \"iqtibas\" metadata. brat: NAME.txt + NAME.ann "
        "per article into the -o folder (T, R and annotator-note lines, code-point offsets). "
        "Rejected annotations are left out.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE", help="annotation files or folders")
    parser.add_argument("--to", required=True, choices=FORMATS, help="output format")
    parser.add_argument("-o", "--output", metavar="PATH", help="write to this file (brat: this folder) instead of standard output")
    parser.add_argument("--include-rejected", action="store_true", help="also export rejected quotes (csv and jsonl only)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.include_rejected and args.to not in ("csv", "jsonl"):
        raise InputError(f"--to {args.to}", "--include-rejected applies to csv and jsonl only (this format has no status)")
    if args.to in FOLDER_EXPORTERS and not args.output:
        raise InputError(f"--to {args.to}", "writes one .txt and one .ann per article: give the output folder with -o DIR")
    documents = [load_document(path) for path, _ in expand_inputs(args.paths, want="annotations")]
    if args.to in FOLDER_EXPORTERS:
        written, warnings = FOLDER_EXPORTERS[args.to](documents, args.output)
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"{count(len(written), 'article')} written to {args.output}", file=sys.stderr)
        return 0
    assert args.to in EXPORTERS
    if args.output:
        buffer = io.StringIO(newline="")
        written_count = export_documents(documents, args.to, buffer, include_rejected=args.include_rejected)
        atomic_write_text(Path(args.output), buffer.getvalue(), keep_backup=False)
        unit = "span" if args.to == "doccano" else "quote"
        print(f"{count(written_count, unit)} from {count(len(documents), 'article')} written to {args.output}", file=sys.stderr)
    else:
        export_documents(documents, args.to, sys.stdout, include_rejected=args.include_rejected)
    return 0
