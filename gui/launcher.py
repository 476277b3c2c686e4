"""The ``iqtibas`` entry point: subcommands go to the command line, anything else opens the window.

``iqtibas annotate …`` and the other subcommands run headless from ``core.cli`` (Qt is not even
imported); ``iqtibas``, ``iqtibas FILE`` or ``iqtibas FOLDER`` start the desktop program.
``iqtibas --help`` describes the command line, ``iqtibas --help-window`` the window's options.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from core.cli import COMMANDS

    if args and args[0] == "--help-window":
        from gui.application.app import build_parser

        build_parser().print_help()
        return 0
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version")):
        from core.cli import main as cli_main

        return cli_main(args)
    from gui.application.app import main as window_main

    return window_main(args)


if __name__ == "__main__":
    sys.exit(main())
