"""``iqtibas validate``: check annotation files against the schema and their own text."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.cli.common import expand_inputs
from core.errors import AnnotationFileError, printable
from core.jsonformat import validate_data
from core.loading import read_utf8_file
from core.safejson import parse_json
from core.wording import count


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "validate",
        help="check .iqtibas.json files, one line per problem",
        description="Validate annotation files against the JSON Schema and check offsets, span "
        "texts, SHA-256, ids and references. Prints one line per problem; exit code 1 if any.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILE", help="annotation files or folders")
    parser.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    parser.set_defaults(run=run)


def problems_of(path: Path) -> list[str]:
    """Every problem of one annotation file; a file that cannot be read or parsed has one."""
    try:
        data = parse_json(read_utf8_file(path, AnnotationFileError, "not an annotation file"), path, AnnotationFileError)
        return validate_data(data, str(path))
    except AnnotationFileError as error:
        return [error.reason]


def run(args: argparse.Namespace) -> int:
    files = [path for path, _ in expand_inputs(args.paths, want="annotations")]
    bad = 0
    for path in files:
        problems = problems_of(path)
        if problems:
            bad += 1
            for problem in problems:
                print(f"{printable(str(path))}: {problem}")
        elif not args.quiet:
            print(f"{printable(str(path))}: valid")
    if len(files) > 1 and not args.quiet:
        print(f"{count(len(files), 'file')}, {bad} with problems", file=sys.stderr)
    return 1 if bad else 0
