"""``iqtibas outline``: the outline of one article in the terminal.

Arabic is printed in logical order by default: modern terminals shape and reorder it themselves.
``--visual`` is for terminals that cannot: each line is shaped with arabic-reshaper and put in
visual order with python-bidi's pure-Python algorithm (the Rust one does not mirror brackets or
guillemets). That transformation is for display only; nothing stored is ever reshaped.
"""

from __future__ import annotations

import argparse
import sys

from core.articles import open_article
from core.errors import printable
from core.jsonformat import dumps_document
from core.outline import outline_lines


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "outline",
        help="print an article's outline (sections, quotes, speakers, boilerplate)",
        description="Print the outline of an article (.txt, annotated automatically, or its "
        ".iqtibas.json): title, sections with their quotes (speaker, cue, kind, status), "
        "boilerplate and the speakers index.",
    )
    parser.add_argument("file", metavar="FILE", help="an article .txt or a .iqtibas.json file")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--visual", action="store_true", help="reshape and reorder Arabic for terminals without bidi support")
    group.add_argument("--json", action="store_true", help="print the annotation JSON instead")
    parser.add_argument("--width", type=int, default=100, metavar="N", help="wrap quotes at N characters (default: %(default)s)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    opened = open_article(args.file)
    if opened.changed_text is not None:
        print(
            f"warning: {opened.changed_message()}; to re-annotate the new text keeping reviewed work, run "
            f"iqtibas annotate --force --carry-over {printable(str(opened.article_path))}",
            file=sys.stderr,
        )
    if args.json:
        sys.stdout.write(dumps_document(opened.document))
        return 0
    lines = outline_lines(opened.document, width=args.width)
    if args.visual:
        from core.terminal import visual_line

        lines = [visual_line(line) for line in lines]
    sys.stdout.write("\n".join(lines) + "\n")
    return 0
