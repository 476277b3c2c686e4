"""Facts about an article and its file that the document model records: when, by what tool,
the text's hash, its language and direction.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any


def now_iso() -> str:
    """The current time in UTC, ISO 8601 to the second (``2026-11-29T04:36:11Z``)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def default_meta() -> dict[str, Any]:
    """Meta of a new document: which tool made it, when, and (not yet) by whom."""
    from core import __version__

    now = now_iso()
    return {"tool": f"iqtibas {__version__}", "created": now, "modified": now, "annotator": None}


def text_sha256(text: str) -> str:
    """SHA-256 of the text encoded as UTF-8, hex: identifies an article across files."""
    import hashlib  # here: it loads OpenSSL, and a saved file opens without hashing its text

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def detect_direction(text: str) -> str:
    """``rtl`` or ``ltr`` from python-bidi's base level of the text's first paragraph."""
    from bidi import get_base_level  # python-bidi; imported lazily, it is only needed here

    sample = text[:4096]
    if not sample.strip():
        return "rtl"
    try:
        return "rtl" if get_base_level(sample) == 1 else "ltr"
    except ValueError:  # "Text contains no paragraphs"
        return "rtl"


def detect_language(text: str) -> str:
    """``ar`` when Arabic letters dominate the text's letters, else ``und`` (undetermined)."""
    sample = text[:20000]
    letters = arabic = 0
    for char in sample:
        if char.isalpha():
            letters += 1
            if "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f":
                arabic += 1
    return "ar" if letters and arabic * 2 >= letters else "und"
