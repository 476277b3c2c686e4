"""The ``iqtibas`` command line: annotate, outline, validate and evaluate articles; export,
import, compare and report on corpora for researchers.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and ``run(args) -> int``;
``COMMANDS`` lists them in the order ``--help`` shows. Exit codes: 0 success, 1 the data has
problems (validation, unpaired articles), 2 a file could not be used, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from core import __version__
from core.errors import IqtibasError

COMMANDS = ("annotate", "outline", "validate", "eval", "train", "export", "import", "agree", "report")
_MODULES = {"eval": "evaluate", "import": "import_"}

EPILOG = """\
Run "iqtibas COMMAND --help" for a command's options. With no command, or with a file or folder,
iqtibas opens the desktop window (see "iqtibas --help-window")."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="iqtibas",
        description="Annotate quotations, speakers and structure in Arabic news articles.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"iqtibas {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"core.cli.{_MODULES.get(name, name)}")
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(args_list)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return int(args.run(args))
    except IqtibasError as error:
        print(f"iqtibas: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("iqtibas: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
