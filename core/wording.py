"""Counts in the command line's English: ``1 quote``, ``2 quotes``."""

from __future__ import annotations


def count(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` with the noun agreeing (``plural`` defaults to ``singular + "s"``)."""
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
