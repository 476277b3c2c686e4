"""Access to the bundled data in the top-level ``resources`` package.

Everything goes through ``importlib.resources`` so the same code works from a checkout, from an
editable install and from an installed wheel. Paths are relative and never climb out of the
package.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources as _importlib_resources
from importlib.resources.abc import Traversable
from typing import Any


def resource(relative: str) -> Traversable:
    """Return the bundled file or folder at ``relative`` (for example ``"schema/x.json"``)."""
    if relative.startswith(("/", "\\")) or ".." in relative.split("/"):
        raise ValueError(f"resource paths are relative and stay inside the package: {relative!r}")
    node = _importlib_resources.files("resources")
    for part in relative.split("/"):
        node = node.joinpath(part)
    return node


def read_text(relative: str) -> str:
    """Read a bundled text file as UTF-8."""
    return resource(relative).read_text(encoding="utf-8")


@cache
def read_json(relative: str) -> Any:
    """Read and cache a bundled JSON file. Callers must not mutate the result."""
    return json.loads(read_text(relative))


def read_lines(relative: str) -> list[str]:
    """Read a bundled list file: one entry per line, ``#`` starts a comment, blanks ignored."""
    entries = []
    for line in read_text(relative).splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            entries.append(line)
    return entries


SAMPLE_ARTICLE = "sample/article.txt"
SCHEMA = "schema/iqtibas.schema.json"
