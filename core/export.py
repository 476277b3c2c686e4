"""Exporting annotations for researchers and for other annotation tools.

``csv`` and ``jsonl``: one row per quote (``QUOTE_COLUMNS``), offsets in code points of the article
text, as everywhere in Iqtibas. ``doccano``: one JSONL line per article in doccano's
sequence-labelling format, offsets in UTF-16 code units (``core.interchange.doccano``). These write
to a stream (``EXPORTERS``). ``brat``: a ``.txt`` + ``.ann`` pair per article in a folder
(``FOLDER_EXPORTERS``, ``core.interchange.brat``). Text is never reshaped or reordered: spreadsheets,
notebooks and annotation tools render Arabic themselves.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from core.interchange.brat import write_brat
from core.interchange.doccano import write_doccano
from core.model import Document

QUOTE_COLUMNS = (
    "article", "sha256", "id", "kind", "speaker", "cue", "text", "start", "end",
    "status", "origin", "confidence", "speaker_id", "cue_id",
)


def quote_rows(document: Document, *, include_rejected: bool = False) -> list[dict[str, Any]]:
    """The document's quotes as flat dicts (``QUOTE_COLUMNS``), in reading order."""
    rows = []
    for quote in document:
        if quote.type != "quote" or (quote.status == "rejected" and not include_rejected):
            continue
        rows.append(
            {
                "article": document.id,
                "sha256": document.sha256,
                "id": quote.id,
                "kind": quote.kind,
                "speaker": quote.speaker,
                "cue": quote.cue,
                "text": document.span_text(quote),
                "start": quote.start,
                "end": quote.end,
                "status": quote.status,
                "origin": quote.origin,
                "confidence": quote.confidence,
                "speaker_id": quote.speaker_id,
                "cue_id": quote.cue_id,
            }
        )
    return rows


def write_csv(documents: Iterable[Document], out: TextIO, include_rejected: bool = False) -> int:
    writer = csv.DictWriter(out, fieldnames=QUOTE_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for document in documents:
        for row in quote_rows(document, include_rejected=include_rejected):
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
            count += 1
    return count


def write_jsonl(documents: Iterable[Document], out: TextIO, include_rejected: bool = False) -> int:
    count = 0
    for document in documents:
        for row in quote_rows(document, include_rejected=include_rejected):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


EXPORTERS: dict[str, Callable[[Iterable[Document], TextIO, bool], int]] = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "doccano": write_doccano,
}
# Formats written as several files into a folder: (documents, folder) -> (files, warnings).
FOLDER_EXPORTERS: dict[str, Callable[[Iterable[Document], str | Path], tuple[list[Path], list[str]]]] = {
    "brat": write_brat,
}
FORMATS = tuple(sorted(EXPORTERS)) + tuple(sorted(FOLDER_EXPORTERS))


def export_documents(documents: Iterable[Document], fmt: str, out: TextIO, *, include_rejected: bool = False) -> int:
    """Write ``documents`` in stream format ``fmt``; returns the number of rows (doccano: spans)."""
    return EXPORTERS[fmt](documents, out, include_rejected)
