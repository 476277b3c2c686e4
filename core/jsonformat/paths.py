"""The format's names: what it calls itself inside a file, and where an article's file goes."""

from __future__ import annotations

from pathlib import Path

from core import __version__

FORMAT_NAME = "iqtibas"
FORMAT_VERSION = 1
SUFFIX = ".iqtibas.json"
TOOL = f"iqtibas {__version__}"


def annotation_path_for(article: str | Path) -> Path:
    """``NAME.iqtibas.json`` beside an article ``NAME.txt``."""
    article = Path(article)
    return article.with_name(article.stem + SUFFIX) if article.suffix else Path(str(article) + SUFFIX)


def is_annotation_file(path: str | Path) -> bool:
    return str(path).endswith(SUFFIX) or str(path).endswith(".json")
