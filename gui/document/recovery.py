"""Crash recovery: unsaved work copied aside every minute, offered back after a crash.

The recovery copy is a normal annotation file written by the core's atomic writer into the
program's own data folder (never beside the user's file), with a small JSON note saying which
article and annotation file it belongs to. A clean save, discard or close removes both; anything
left at the next start means the program did not close normally.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from core.atomic import atomic_write_text
from core.jsonformat import load_document, save_document
from core.model import Document, now_iso
from gui.settings import data_folder

NOTE_SUFFIX = ".recovery.json"
DATA_SUFFIX = ".iqtibas.json"


@dataclass(frozen=True)
class RecoveryEntry:
    """One recovery copy found on disk."""

    key: str
    data_path: Path
    annotation_path: Path | None
    article_path: Path | None
    name: str
    saved: str


def default_folder() -> Path:
    return data_folder() / "recovery"


class RecoveryStore:
    """Recovery copies in ``folder`` (the program's data folder by default)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or default_folder()

    @staticmethod
    def key_for(annotation_path: Path | None, document: Document) -> str:
        import hashlib  # here: it loads OpenSSL, not needed before there is work to keep

        basis = str(annotation_path.resolve()) if annotation_path is not None else f"doc:{document.id}:{document.sha256}"
        return hashlib.sha256(os.fsencode(basis)).hexdigest()[:24]  # a path's bytes, even if not UTF-8

    def paths(self, key: str) -> tuple[Path, Path]:
        return self.folder / f"{key}{DATA_SUFFIX}", self.folder / f"{key}{NOTE_SUFFIX}"

    def write(self, document: Document, annotation_path: Path | None, article_path: Path | None, name: str) -> Path:
        """Copy ``document`` aside (atomically; the user's file is not touched)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        key = self.key_for(annotation_path, document)
        data_path, note_path = self.paths(key)
        save_document(document, data_path, stamp=False, keep_backup=False)
        note = {
            "annotation_path": str(annotation_path) if annotation_path else None,
            "article_path": str(article_path) if article_path else None,
            "name": name,
            "saved": now_iso(),
        }
        atomic_write_text(note_path, json.dumps(note), keep_backup=False)  # \udcff escapes keep odd file names
        return data_path

    def discard(self, document: Document, annotation_path: Path | None) -> None:
        self.remove(self.key_for(annotation_path, document))

    def remove(self, key: str) -> None:
        for path in self.paths(key):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    def entries(self) -> list[RecoveryEntry]:
        """Recovery copies left on disk (by a crash), oldest first; unreadable notes are skipped."""
        if not self.folder.is_dir():
            return []
        found = []
        for note_path in sorted(self.folder.glob(f"*{NOTE_SUFFIX}")):
            key = note_path.name[: -len(NOTE_SUFFIX)]
            data_path = self.paths(key)[0]
            try:
                note = json.loads(note_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            if not data_path.exists():
                continue
            annotation = note.get("annotation_path")
            article = note.get("article_path")
            found.append(
                RecoveryEntry(
                    key,
                    data_path,
                    Path(annotation) if annotation else None,
                    Path(article) if article else None,
                    str(note.get("name") or key),
                    str(note.get("saved") or ""),
                )
            )
        return sorted(found, key=lambda e: e.saved)

    def load(self, entry: RecoveryEntry) -> Document:
        """The recovered document (``AnnotationFileError`` if the copy is unusable)."""
        return load_document(entry.data_path)
