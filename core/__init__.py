"""Iqtibas core: the article model, the automatic annotator, the JSON format and the CLI.

Nothing in this package imports Qt, so everything here runs and is tested without a display.
"""

__version__ = "1.0.0"
