"""``python -m gui``: same as the ``iqtibas`` command."""

import sys

from gui.launcher import main

sys.exit(main())
