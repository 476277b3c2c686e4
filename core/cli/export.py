"""``iqtibas export``: one row per quote, for researchers (CSV or JSON Lines)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import expand_inputs
from core.export import EXPORTERS, export_documents
from core.jsonformat import load_document


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "export",
        help="export quotes as CSV or JSON Lines",
        description="Export annotation files (or folders of them): one row per quote with "
        "article, id, kind, speaker, cue, text, offsets (code points), status, origin, confidence.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE", help="annotation files or folders")
    parser.add_argument("--to", required=True, choices=sorted(EXPORTERS), help="output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.add_argument("--include-rejected", action="store_true", help="also export rejected quotes")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    documents = [load_document(path) for path, _ in expand_inputs(args.paths, want="annotations")]
    if args.output:
        with open(Path(args.output), "w", encoding="utf-8", newline="") as handle:
            count = export_documents(documents, args.to, handle, include_rejected=args.include_rejected)
        print(f"{count} quotes from {len(documents)} articles written to {args.output}", file=sys.stderr)
    else:
        export_documents(documents, args.to, sys.stdout, include_rejected=args.include_rejected)
    return 0
