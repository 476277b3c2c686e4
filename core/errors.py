"""The errors Iqtibas reports to people.

Every error that reaches a user names the file and the problem in one line, so the CLI can print
``str(error)`` and the window can show it in a dialog without extra formatting.
"""

from __future__ import annotations

from pathlib import Path


class IqtibasError(Exception):
    """Base class: a problem a user can act on, described in one line."""


class InputError(IqtibasError):
    """A file could not be used; ``path`` and ``reason`` are kept apart for callers that need them."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        # Errors travel back from the window's helper process pickled: rebuild from both parts.
        return (self.__class__, (self.path, self.reason))


class ArticleError(InputError):
    """An article text file is missing, binary, undecodable, empty or too large."""


class AnnotationFileError(InputError):
    """An annotation JSON file is malformed, invalid against the schema or inconsistent."""


class SaveError(InputError):
    """A file could not be written; the previous version on disk is untouched."""


class ModelError(ValueError):
    """A model operation was given invalid input (bad span, unknown id, wrong type...)."""
