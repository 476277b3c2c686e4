"""``iqtibas report``: a self-contained HTML page about a corpus folder, to open offline or share."""

from __future__ import annotations

import argparse
import sys

from core.corpus import BROKEN
from core.report import write_report
from core.wording import count


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "report",
        help="write an HTML report of a corpus folder (counts, speakers, cues, charts)",
        description="Read every .iqtibas.json under FOLDER (and article .txt files without one) and "
        "write one self-contained HTML page: articles, quotes by kind, review progress, speakers "
        "merged across articles, cue verbs, quotes per article, with charts. No network assets; "
        "Arabic is rendered by the browser. Rejected annotations are not counted.",
    )
    parser.add_argument("folder", metavar="FOLDER", help="corpus folder (searched recursively)")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write")
    parser.add_argument("--title", metavar="TEXT", help="the page title (default: تقرير المدونة, corpus report)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    stats = write_report(args.folder, args.output, title=args.title)
    broken = [a for a in stats.articles if a.state == BROKEN]
    for article in broken:
        print(f"unreadable: {article.problem}", file=sys.stderr)
    print(
        f"report of {count(len(stats.articles), 'article')} ({count(stats.quotes, 'quote')}, {count(len(stats.speakers), 'speaker')}) "
        f"written to {args.output}",
        file=sys.stderr,
    )
    return 1 if broken else 0
