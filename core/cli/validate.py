"""``iqtibas validate``: check annotation files against the schema and their own text."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.cli.common import expand_inputs
from core.errors import AnnotationFileError
from core.jsonformat import validate_data


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
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [f"cannot read: {error.strerror or error}"]
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return [f"not UTF-8 (byte {error.start})"]
    except json.JSONDecodeError as error:
        return [f"JSON syntax error at line {error.lineno}, column {error.colno}: {error.msg}"]
    try:
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
                print(f"{path}: {problem}")
        elif not args.quiet:
            print(f"{path}: valid")
    if len(files) > 1 and not args.quiet:
        print(f"{len(files)} files, {bad} with problems", file=sys.stderr)
    return 1 if bad else 0
