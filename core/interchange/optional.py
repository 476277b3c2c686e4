"""Optional libraries: imported on first use, and a one-line message naming the extra to install.

The exchange formats and the cluster runner lean on libraries most users never need (UIMA CAS via
``dkpro-cassis``, Parquet via ``pyarrow``, Dask). They are extras of the package, so a plain
``pip install iqtibas`` stays small; a command that needs one and lacks it says which extra brings
it, in one line, instead of a traceback.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from core.errors import IqtibasError

# extra -> (the distribution it installs, what the user was doing)
EXTRAS: dict[str, str] = {
    "xmi": "dkpro-cassis",
    "parquet": "pyarrow",
    "distributed": "dask[distributed]",
}


class MissingExtra(IqtibasError):
    """A command needs an optional library that is not installed."""

    def __init__(self, purpose: str, extra: str) -> None:
        self.extra = extra
        super().__init__(f"{purpose} needs {EXTRAS[extra]}: install it with pip install 'iqtibas[{extra}]'")


def require(module: str, *, extra: str, purpose: str) -> ModuleType:
    """``import module``, or ``MissingExtra`` naming the extra that installs it.

    Only a missing module becomes ``MissingExtra``: a module that is there but fails to import for
    another reason raises as it is, so a broken installation is not mistaken for a missing one.
    """
    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as error:
        missing = error.name or ""
        if missing == module or module.startswith(missing + "."):
            raise MissingExtra(purpose, extra) from None
        raise
