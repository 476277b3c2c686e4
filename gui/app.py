"""Temporary entry: prints the outline of the bundled sample until the window lands."""

from __future__ import annotations

from collections.abc import Sequence


def main(argv: Sequence[str]) -> int:
    from core.cli import main as cli_main
    from core.resources import SAMPLE_ARTICLE, resource

    target = argv[0] if argv else str(resource(SAMPLE_ARTICLE))
    return cli_main(["outline", target])
