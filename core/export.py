"""Exporting annotations for researchers and for other annotation tools.

``csv`` and ``jsonl``: one row per quote (``QUOTE_COLUMNS``), offsets in code points of the article
text, as everywhere in Iqtibas. ``doccano`` and ``doccano-relations``: one JSONL line per article in
doccano's sequence-labelling or relation format, offsets in UTF-16 code units
(``core.interchange.doccano``). These write to a stream (``EXPORTERS``). ``brat`` (a ``.txt`` +
``.ann`` pair per article) and ``xmi`` (a ``.xmi`` per article and ``TypeSystem.xml``) write into a
folder (``FOLDER_EXPORTERS``); ``labelstudio`` (tasks and their labelling config) and ``parquet``
(the quotes table and the structure table) write a file and one beside it (``FILE_EXPORTERS``).
Text is never reshaped or reordered: spreadsheets, notebooks and annotation tools render Arabic
themselves.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from core.atomic import atomic_write_files, encode_text
from core.interchange.brat import write_brat
from core.interchange.doccano import write_doccano, write_doccano_relations
from core.model import Document
from core.safejson import dumps_line

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


# Cells a spreadsheet would read as a formula (OWASP, "CSV Injection"): a leading =, +, - or @,
# or a tab or carriage return before one.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value: str) -> str:
    """``value`` with a ``'`` in front when a spreadsheet would evaluate it as a formula.

    Speakers, cues and quote text come from articles and from annotators: a quote beginning
    ``=HYPERLINK("http://…")`` must reach a researcher's spreadsheet as text. Following the
    OWASP convention, such a cell gets a leading apostrophe, which spreadsheets show as text;
    everything else is written exactly as stored.
    """
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def write_csv(documents: Iterable[Document], out: TextIO, include_rejected: bool = False) -> int:
    """One row per quote (``QUOTE_COLUMNS``), safe to open in a spreadsheet.

    Lines end with CR LF (RFC 4180), so the writer quotes every field holding a carriage return
    or a line feed and a row never splits; text cells that would start a formula are neutralised
    (``neutralise_cell``).
    """
    writer = csv.DictWriter(out, fieldnames=QUOTE_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for document in documents:
        for row in quote_rows(document, include_rejected=include_rejected):
            writer.writerow(
                {k: "" if v is None else neutralise_cell(v) if isinstance(v, str) else v for k, v in row.items()}
            )
            count += 1
    return count


def write_jsonl(documents: Iterable[Document], out: TextIO, include_rejected: bool = False) -> int:
    count = 0
    for document in documents:
        for row in quote_rows(document, include_rejected=include_rejected):
            out.write(dumps_line(row) + "\n")
            count += 1
    return count


EXPORTERS: dict[str, Callable[[Iterable[Document], TextIO, bool], int]] = {
    "csv": write_csv,
    "jsonl": write_jsonl,
    "doccano": write_doccano,
    "doccano-relations": write_doccano_relations,
}


def _brat(documents: Iterable[Document], folder: str | Path, include_rejected: bool) -> tuple[list[Path], list[str]]:
    return write_brat(documents, folder)


def _xmi(documents: Iterable[Document], folder: str | Path, include_rejected: bool) -> tuple[list[Path], list[str]]:
    from core.interchange.xmi import write_xmi  # imports dkpro-cassis (the xmi extra) on use

    return write_xmi(documents, folder, include_rejected=include_rejected)


def _labelstudio(documents: Iterable[Document], output: str | Path, include_rejected: bool) -> tuple[int, list[Path]]:
    """The tasks and, beside them, the labelling config they need: written together."""
    import io

    from core.interchange.labelstudio import config_path, label_config, write_labelstudio

    buffer = io.StringIO()
    count = write_labelstudio(documents, buffer, include_rejected)
    output = Path(output)
    config = config_path(output)
    atomic_write_files([(output, encode_text(output, buffer.getvalue())), (config, encode_text(config, label_config()))])
    return count, [config]


def _parquet(documents: Iterable[Document], output: str | Path, include_rejected: bool) -> tuple[int, list[Path]]:
    from core.interchange.parquet import write_parquet  # imports pyarrow (the parquet extra) on use

    count, structure = write_parquet(documents, output, include_rejected=include_rejected)
    return count, [structure]


# Formats written as several files into a folder: (documents, folder, include rejected) -> (files, warnings).
FOLDER_EXPORTERS: dict[str, Callable[[Iterable[Document], str | Path, bool], tuple[list[Path], list[str]]]] = {
    "brat": _brat,
    "xmi": _xmi,
}
# Formats written as a file and a companion beside it: (documents, file, include rejected) -> (count, companions).
FILE_EXPORTERS: dict[str, Callable[[Iterable[Document], str | Path, bool], tuple[int, list[Path]]]] = {
    "labelstudio": _labelstudio,
    "parquet": _parquet,
}
FORMATS = tuple(sorted(EXPORTERS)) + tuple(sorted(FOLDER_EXPORTERS)) + tuple(sorted(FILE_EXPORTERS))
# Formats with a place for a rejected annotation (a status column or feature).
WITH_REJECTED = ("csv", "jsonl", "parquet", "xmi")


def export_documents(documents: Iterable[Document], fmt: str, out: TextIO, *, include_rejected: bool = False) -> int:
    """Write ``documents`` in stream format ``fmt``; returns the number of rows (doccano: spans)."""
    return EXPORTERS[fmt](documents, out, include_rejected)
