"""Saving an annotation file: stamped, serialised, and written atomically with a backup.

A document that holds something the format cannot store (NaN, a lone surrogate from a file name
or another program, a Python object in an unknown field) is refused with ``SaveError`` saying
where, before anything is written: the file on disk stays as it was.
"""

from __future__ import annotations

from pathlib import Path

from core.atomic import atomic_write_bytes
from core.errors import SaveError
from core.jsonformat.codec import document_to_dict, dumps_document
from core.jsonformat.paths import TOOL
from core.model import Document, now_iso
from core.safejson import unstorable


def save_document(
    document: Document, path: str | Path, *, stamp: bool = True, keep_backup: bool = True
) -> Path:
    """Write ``document`` to ``path`` atomically, keeping the previous file as ``path.bak``.

    With ``stamp`` the document's ``meta`` records the tool and the modification time first, so
    the saved file and the document in memory stay equal. A save that fails leaves ``meta`` as
    it was: the document was not saved then, and still equals the file last written.

    Raises:
        SaveError: naming the file and the problem; nothing on disk was changed.
    """
    before = dict(document.meta) if stamp else None
    if stamp:
        stamp_document(document)
    path = Path(path)
    try:
        atomic_write_bytes(path, encode_document(document, path), keep_backup=keep_backup)
    except BaseException:
        if before is not None:
            document.meta.clear()
            document.meta.update(before)
        raise
    return path


def stamp_document(document: Document) -> None:
    """Record in ``document.meta`` the tool and the time of saving (and creation, if new)."""
    now = now_iso()
    document.meta.setdefault("created", now)
    document.meta["modified"] = now
    document.meta["tool"] = TOOL
    document.meta.setdefault("annotator", None)


def encode_document(document: Document, path: str | Path) -> bytes:
    """The bytes of ``document``'s file, or ``SaveError`` naming ``path`` and what cannot be stored."""
    try:
        return dumps_document(document).encode("utf-8")
    except (ValueError, TypeError, RecursionError):  # UnicodeEncodeError is a ValueError
        problem = unstorable(document_to_dict(document)) or "the annotations cannot be written as JSON"
        raise SaveError(path, f"cannot save: {problem}") from None
