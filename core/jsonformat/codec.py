"""Between a ``Document`` and the text of its annotation file, both ways.

Writing: keys in a stable, readable order, indented, one annotation per line, UTF-8 kept
readable, unknown fields (from newer minor versions) written back. Nothing that is not JSON is
ever written: NaN and infinite numbers raise ``ValueError`` instead of becoming ``NaN``.

Reading: ``core.safejson`` parses (strict JSON, bounded nesting and numbers, no lone
surrogates), ``validation`` checks, and only then is the document built, without repeating the
model's checks.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from core.errors import AnnotationFileError, ModelError
from core.jsonformat.paths import FORMAT_NAME, FORMAT_VERSION, TOOL
from core.jsonformat.validation import validate_data
from core.loading import read_utf8_file
from core.model import ANNOTATION_FIELDS, TYPE_FIELDS, TYPES, Annotation, Document, now_iso
from core.safejson import dumps, parse_json

_KNOWN_TOP = ("format", "version", "document", "annotations", "meta")
_KNOWN_DOCUMENT = ("id", "source", "sha256", "language", "direction", "text")
_CORE_FIELDS = ("id", "type", "start", "end", "text", "origin", "status", "corrected", "confidence")


# Writing -------------------------------------------------------------------------------------
def annotation_to_dict(annotation: Annotation, text: str) -> dict[str, Any]:
    """One annotation as a JSON object, keys in a stable, readable order."""
    out: dict[str, Any] = {
        "id": annotation.id,
        "type": annotation.type,
        "start": annotation.start,
        "end": annotation.end,
        "text": text[annotation.start : annotation.end],
        "origin": annotation.origin,
        "status": annotation.status,
    }
    if annotation.corrected:
        out["corrected"] = list(annotation.corrected)
    if annotation.confidence is not None:
        out["confidence"] = annotation.confidence
    if annotation.type == "quote":
        out["kind"] = annotation.kind
        out["speaker"] = annotation.speaker
        out["speaker_id"] = annotation.speaker_id
        out["cue"] = annotation.cue
        out["cue_id"] = annotation.cue_id
        if annotation.speaker_confidence is not None:
            out["speaker_confidence"] = annotation.speaker_confidence
    elif annotation.type == "speaker":
        out["speaker"] = annotation.speaker
    elif annotation.type == "section":
        out["heading_id"] = annotation.heading_id
    elif annotation.type == "paragraph" and annotation.duplicate_of is not None:
        out["duplicate_of"] = annotation.duplicate_of
    if annotation.note is not None:
        out["note"] = annotation.note
    for key in sorted(annotation.extra):
        if key not in out:
            out[key] = annotation.extra[key]
    return out


def document_to_dict(document: Document) -> dict[str, Any]:
    """The whole file as a JSON-ready dict."""
    # What the document holds is written as it is (a file read back equals the document, even
    # with an empty "created"); only a missing time is filled in.
    created, modified = document.meta.get("created"), document.meta.get("modified")
    meta = {
        "tool": document.meta.get("tool", TOOL),
        "created": now_iso() if created is None else created,
        "modified": now_iso() if modified is None else modified,
        "annotator": document.meta.get("annotator"),
        "last_ids": document.last_ids(),
    }
    meta.update({k: v for k, v in document.meta.items() if k not in meta})
    doc_part: dict[str, Any] = {
        "id": document.id,
        "source": document.source,
        "sha256": document.sha256,
        "language": document.language,
        "direction": document.direction,
        "text": document.text,
    }
    doc_part.update({k: v for k, v in document.document_extra.items() if k not in doc_part})
    out: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "document": doc_part,
        "annotations": [annotation_to_dict(a, document.text) for a in document],
        "meta": meta,
    }
    out.update({k: v for k, v in document.extra.items() if k not in out})
    return out


def dumps_document(document: Document) -> str:
    """Serialise to the file's text: indented, one annotation per line, UTF-8 kept readable.

    Raises:
        ValueError: a value JSON cannot hold (NaN, infinity, a circular reference).
        TypeError: a value of a type JSON has no form for.
    """
    data = document_to_dict(document)
    lines = ["{"]
    items = list(data.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if key == "annotations":
            if not value:
                lines.append(f'  "annotations": []{comma}')
                continue
            lines.append('  "annotations": [')
            for position, annotation in enumerate(value):
                tail = "," if position < len(value) - 1 else ""
                lines.append(f"    {dumps(annotation)}{tail}")
            lines.append(f"  ]{comma}")
        elif isinstance(value, dict) and value:
            lines.append(f"  {dumps(key)}: {{")
            inner = list(value.items())
            for position, (inner_key, inner_value) in enumerate(inner):
                tail = "," if position < len(inner) - 1 else ""
                lines.append(f"    {dumps(inner_key)}: {dumps(inner_value)}{tail}")
            lines.append(f"  }}{comma}")
        else:
            lines.append(f"  {dumps(key)}: {dumps(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


# Reading -------------------------------------------------------------------------------------
_SAVED_SHA256 = re.compile(rb'^    "sha256": "([0-9a-f]{64})",?\r?$', re.MULTILINE)
_HEAD_BYTES = 64 * 1024


def saved_sha256(path: str | Path) -> str | None:
    """The article SHA-256 recorded in an annotation file, read from its first lines only.

    ``dumps_document`` writes ``document.sha256`` on its own line before the text, so a batch run
    can tell an up-to-date file from a stale one without loading (or validating) the whole file.
    None when the file cannot be read or was not laid out by Iqtibas; the caller then treats it as
    any existing file.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    found = _SAVED_SHA256.search(head.split(b'\n    "text": ', 1)[0])
    return found.group(1).decode("ascii") if found else None


def load_document(path: str | Path) -> Document:
    """Read and check an annotation file.

    Raises:
        AnnotationFileError: naming the file and exactly what is wrong.
    """
    path = Path(path)
    text = read_utf8_file(path, AnnotationFileError, "not an annotation file")
    return loads_document(text, str(path))


def loads_document(text: str, path: str = "<string>") -> Document:
    """Parse and check the text of an annotation file (see ``load_document``)."""
    return document_from_dict(parse_file_text(text, path), path)


def parse_file_text(text: str, path: str = "<string>") -> Any:
    """The text of an annotation file parsed as ``loads_document`` parses it, not yet checked.

    Raises:
        AnnotationFileError: the problem ``loads_document`` would raise, in the same words.
    """
    return parse_json(text, path, AnnotationFileError)


def check_file_data(data: Any, path: str = "<string>") -> None:
    """Everything ``loads_document`` checks in the parsed file, without building the document.

    Raises:
        AnnotationFileError: the problem ``loads_document`` would raise, in the same words.
    """
    _refuse_problems(data, path)


def document_from_dict(data: Any, path: str = "<data>") -> Document:
    """Build a document from parsed JSON after full validation.

    Once ``validate_data`` found no problem, the annotations and the document are built without
    repeating the model's checks (``Annotation._from_validated``, ``Document._from_validated``
    say which checks of the schema and of ``consistency_problems`` make them redundant).
    """
    _refuse_problems(data, path)
    return document_from_checked(data, path)


def _refuse_problems(data: Any, path: str) -> None:
    problems = validate_data(data, path)
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise AnnotationFileError(path, problems[0] + more)


def document_from_checked(data: Any, path: str = "<data>") -> Document:
    """Build a document from parsed JSON that ``validate_data`` has passed (here or, for the
    same bytes, in the process ``core.jsonformat.forked`` started): no check is repeated, so
    anything else may raise anything."""
    doc_part = data["document"]
    # _annotation_from_dict's common case inline: one call per annotation instead of two.
    plain, make = _PLAIN_KEYS_OF_TYPE, Annotation._from_validated
    annotations = [
        make(item, "text")
        if "corrected" not in item and plain[item["type"]].issuperset(item)
        else _annotation_from_dict(item)
        for item in data["annotations"]
    ]
    try:
        return Document._from_validated(
            doc_part["text"],
            sha256=doc_part["sha256"],
            id=doc_part["id"],
            source=doc_part["source"],
            language=doc_part["language"],
            direction=doc_part["direction"],
            meta={k: v for k, v in data["meta"].items() if k != "last_ids"},
            last_ids=data["meta"].get("last_ids"),
            extra={k: v for k, v in data.items() if k not in _KNOWN_TOP},
            document_extra={k: v for k, v in doc_part.items() if k not in _KNOWN_DOCUMENT},
            annotations=annotations,
        )
    except ModelError as error:
        raise AnnotationFileError(path, str(error)) from None


_ANNOTATION_KEYS = frozenset(ANNOTATION_FIELDS) - {"extra"}
# Per type: the file keys that become fields (the others, except ``text``, go to ``extra``).
_FIELDS_OF_TYPE = {
    type_name: frozenset((*_CORE_FIELDS, "note", *TYPE_FIELDS.get(type_name, ()))) - {"text"}
    for type_name in TYPES
}
_NOT_EXTRA = _ANNOTATION_KEYS | {"text"}
# Per type: every key an item may have without anything going to ``extra``.
_PLAIN_KEYS_OF_TYPE = {type_name: names | {"text"} for type_name, names in _FIELDS_OF_TYPE.items()}


def _annotation_from_dict(item: dict[str, Any]) -> Annotation:
    """An annotation from one schema-valid, consistency-checked item of ``annotations``."""
    if "corrected" not in item and _PLAIN_KEYS_OF_TYPE[item["type"]].issuperset(item):
        # Nearly every item: its keys are the fields of its type and ``text`` (the span's text,
        # not a field), taken as they are (a third faster for a 1 MB article's 22,000).
        return Annotation._from_validated(item, without="text")
    allowed = _FIELDS_OF_TYPE[item["type"]]
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, value in item.items():
        if key in allowed:
            values[key] = value
        elif key not in _NOT_EXTRA:
            extra[key] = value
    if extra:
        values["extra"] = extra
    if "corrected" in values:
        values["corrected"] = tuple(values["corrected"])
    return Annotation._from_validated(values)
