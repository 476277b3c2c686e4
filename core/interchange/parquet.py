"""Parquet: the quotes of a corpus as a columnar table for pandas, DuckDB, Polars or Spark.

``FILE`` holds one row per quote (``QUOTE_SCHEMA``): the article's id, source file and SHA-256, the
quote's id, kind, speaker, cue, text, start and end (code points of the article, end-exclusive, as
everywhere in Iqtibas), status, confidence, speaker confidence, origin, the fields a person
corrected, the ids of the linked speaker mention and cue, and the note. ``STEM.structure.parquet``
beside it holds every other annotation (titles, headings, sections, paragraphs, boilerplate,
speaker mentions, cues) with its type, span, text, status, origin, confidence, corrected fields,
canonical speaker (mentions), heading (sections) and duplicate (paragraphs), so a query can join a
quote to its section or mention. Rejected annotations are left out unless asked for. Both files are
written together, atomically, through ``pyarrow``; the file's metadata says what offsets count.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import ModuleType
from typing import Any

from core import __version__
from core.atomic import atomic_write_files
from core.interchange.optional import require
from core.model import Annotation, Document

PURPOSE = "Parquet export"
QUOTE_COLUMNS = (
    "article", "source", "sha256", "id", "kind", "speaker", "cue", "text", "start", "end", "status",
    "confidence", "speaker_confidence", "origin", "corrected", "speaker_id", "cue_id", "note",
)
STRUCTURE_COLUMNS = (
    "article", "source", "sha256", "id", "type", "text", "start", "end", "status", "confidence", "origin",
    "corrected", "speaker", "heading_id", "duplicate_of", "note",
)
_INTEGERS = {"start", "end"}
_FLOATS = {"confidence", "speaker_confidence"}


def _pyarrow() -> ModuleType:
    return require("pyarrow", extra="parquet", purpose=PURPOSE)


def _schema(pa: Any, columns: tuple[str, ...]) -> Any:
    def arrow_type(name: str) -> Any:
        if name in _INTEGERS:
            return pa.int64()
        if name in _FLOATS:
            return pa.float64()
        if name == "corrected":
            return pa.list_(pa.string())
        return pa.string()

    nullable = {"source", "kind", "speaker", "cue", "confidence", "speaker_confidence", "speaker_id", "cue_id",
                "note", "heading_id", "duplicate_of"}
    fields = [pa.field(name, arrow_type(name), nullable=name in nullable) for name in columns]
    metadata = {
        b"iqtibas.version": __version__.encode(),
        b"iqtibas.offsets": b"Unicode code points of the article text, end-exclusive",
    }
    return pa.schema(fields, metadata=metadata)


def _row(document: Document, annotation: Annotation, columns: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {
        "article": document.id, "source": document.source, "sha256": document.sha256,
        "text": document.span_text(annotation), "corrected": list(annotation.corrected),
    }
    for name in columns:
        if name not in values:
            values[name] = getattr(annotation, name)
    return {name: values[name] for name in columns}


def tables(documents: Iterable[Document], *, include_rejected: bool = False) -> tuple[Any, Any]:
    """The quotes table and the structure table (``pyarrow.Table``) of ``documents``."""
    pa = _pyarrow()
    quotes: dict[str, list[Any]] = {name: [] for name in QUOTE_COLUMNS}
    structure: dict[str, list[Any]] = {name: [] for name in STRUCTURE_COLUMNS}
    for document in documents:
        for annotation in document:
            if annotation.status == "rejected" and not include_rejected:
                continue
            target, columns = (quotes, QUOTE_COLUMNS) if annotation.type == "quote" else (structure, STRUCTURE_COLUMNS)
            for name, value in _row(document, annotation, columns).items():
                target[name].append(value)
    return (
        pa.table(quotes, schema=_schema(pa, QUOTE_COLUMNS)),
        pa.table(structure, schema=_schema(pa, STRUCTURE_COLUMNS)),
    )


def structure_path(output: str | Path) -> Path:
    """Where the structure table goes beside the quotes file ``output``."""
    output = Path(output)
    return output.with_name(output.stem + ".structure" + (output.suffix or ".parquet"))


def _encoded(table: Any) -> bytes:
    pa = _pyarrow()
    parquet = require("pyarrow.parquet", extra="parquet", purpose=PURPOSE)
    sink = pa.BufferOutputStream()
    parquet.write_table(table, sink, compression="zstd")
    return bytes(sink.getvalue().to_pybytes())


def write_parquet(documents: Iterable[Document], output: str | Path, *, include_rejected: bool = False) -> tuple[int, Path]:
    """Write the quotes to ``output`` and the rest to ``structure_path(output)``, both or neither.

    Returns the number of quotes and the structure file's path.
    """
    quotes, structure = tables(documents, include_rejected=include_rejected)
    output = Path(output)
    second = structure_path(output)
    atomic_write_files([(output, _encoded(quotes)), (second, _encoded(structure))])
    return int(quotes.num_rows), second
