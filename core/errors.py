"""The errors Iqtibas reports to people.

Every error that reaches a user names the file and the problem in one line, so the CLI can print
``str(error)`` and the window can show it in a dialog without extra formatting.
"""

from __future__ import annotations

import re
from pathlib import Path

_SURROGATE = re.compile("[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` made safe to print, show or store as UTF-8; unchanged when it already is.

    A file name whose bytes are not UTF-8 reaches Python with each such byte as a lone surrogate
    (``surrogateescape``: byte 0xFF becomes U+DCFF), and JSON can spell a lone surrogate
    (``"\\ud800"``). Neither can be encoded, so printing or saving them raises. Such a byte is
    shown as ``\\xff``, any other lone surrogate as ``\\ud800``: visible, and still telling
    which file or value is meant.
    """
    if _SURROGATE.search(text) is None:
        return text

    def shown(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _SURROGATE.sub(shown, text)


_BREAKS = {code: f"\\x{code:02x}" for code in (*range(0x20), 0x7F, 0x85)} | {0x2028: "\\u2028", 0x2029: "\\u2029"}


def one_line(text: str) -> str:
    """``printable(text)`` with control characters and line breaks escaped (``\\x0a``): a message
    made from a file name or a key holding a newline still prints as one line."""
    return printable(text).translate(_BREAKS)


class IqtibasError(Exception):
    """Base class: a problem a user can act on, described in one line."""


class InputError(IqtibasError):
    """A file could not be used; ``path`` and ``reason`` are kept apart for callers that need them."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = one_line(str(path))
        self.reason = one_line(reason)
        super().__init__(f"{self.path}: {self.reason}")

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
