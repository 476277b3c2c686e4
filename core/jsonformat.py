"""The Iqtibas annotation file: one UTF-8 JSON file per article, a contract with researchers.

Loading validates against the JSON Schema in ``resources/schema`` (the single source of truth for
the format), then checks what a schema cannot: every annotation's ``text`` equals
``document.text[start:end]``, the SHA-256 matches the text, ids are unique and references point at
annotations of the right type. A refused file is never modified. Saving is atomic and keeps the
previous version as ``.bak``. Unknown fields are kept, so files from newer minor versions survive
a round trip.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from core import __version__
from core.atomic import atomic_write_text
from core.errors import AnnotationFileError, ModelError
from core.loading import read_utf8_file
from core.model import ANNOTATION_FIELDS, TYPE_FIELDS, TYPES, Annotation, Document, now_iso, text_sha256
from core.resources import SCHEMA, read_json

FORMAT_NAME = "iqtibas"
FORMAT_VERSION = 1
SUFFIX = ".iqtibas.json"
TOOL = f"iqtibas {__version__}"

_KNOWN_TOP = ("format", "version", "document", "annotations", "meta")
_KNOWN_DOCUMENT = ("id", "source", "sha256", "language", "direction", "text")
_CORE_FIELDS = ("id", "type", "start", "end", "text", "origin", "status", "confidence")


def annotation_path_for(article: str | Path) -> Path:
    """``NAME.iqtibas.json`` beside an article ``NAME.txt``."""
    article = Path(article)
    return article.with_name(article.stem + SUFFIX) if article.suffix else Path(str(article) + SUFFIX)


def is_annotation_file(path: str | Path) -> bool:
    return str(path).endswith(SUFFIX) or str(path).endswith(".json")


@cache
def _validator() -> Any:
    """jsonschema's validator: slow, but it lists every error with its path (for refusals)."""
    import jsonschema  # imported on first use: the CLI's fast paths do not need it

    schema = read_json(SCHEMA)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


@cache
def _fast_check() -> Callable[[Any], None]:
    """The same schema compiled to Python by fastjsonschema: about ten times faster.

    Valid files (nearly all of them) pass this check alone; a file it rejects is validated again
    by jsonschema to report every problem with its exact path. Raises
    ``fastjsonschema.JsonSchemaException`` for an invalid file.

    The annotations are checked one by one against the schema of an item, and an item whose
    signature (``_signature_function``) equals one already checked is not checked again: the 22,000
    annotations of a 1 MB article have about 15 signatures, which makes the check three times
    faster. Everything else is checked by the schema without the ``items`` rule.
    """
    import fastjsonschema

    schema = read_json(SCHEMA)
    annotations = schema.get("properties", {}).get("annotations", {})
    if not isinstance(annotations, dict) or "items" not in annotations:
        return fastjsonschema.compile(schema)  # pragma: no cover - the schema's shape changed
    item_schema = {**annotations["items"], "definitions": schema.get("definitions", {})}
    for keyword in ("$schema", "$id"):  # same draft, and "#/definitions/…" resolve locally
        if keyword in schema:
            item_schema[keyword] = schema[keyword]
    signature = _signature_function(item_schema)
    if signature is None:  # pragma: no cover - the item schema uses a rule signatures do not cover
        return fastjsonschema.compile(schema)
    rest = json.loads(json.dumps(schema))
    del rest["properties"]["annotations"]["items"]
    check_rest = fastjsonschema.compile(rest)
    check_item = fastjsonschema.compile(item_schema)

    def check(data: Any) -> None:
        check_rest(data)  # also makes sure "annotations" is a list
        checked: set[Any] = set()
        for item in data["annotations"]:
            key = signature(item)
            if key is None:
                check_item(item)
            elif key not in checked:
                check_item(item)
                checked.add(key)

    return check


# Keywords whose outcome on an object depends only on its keys and on its values' signatures
# (``_signature_function``); a schema of annotations using any other keyword ("pattern",
# "format", "multipleOf", "additionalItems" …) is checked item by item without signatures.
_SIGNATURE_KEYWORDS = frozenset(
    (
        "$schema", "$id", "$ref", "$comment", "title", "description", "default", "examples",
        "definitions", "type", "enum", "const", "required", "properties", "dependencies",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    )
)
# Keywords whose value is a schema, a list of schemas or a map of names to schemas.
_SUBSCHEMA_KEYWORDS = frozenset(("not", "if", "then", "else", "allOf", "anyOf", "oneOf"))
_SCHEMA_MAPS = frozenset(("properties", "dependencies", "definitions"))


def _signature_function(item_schema: dict[str, Any]) -> Callable[[Any], Any] | None:
    """``item -> signature`` for ``item_schema``, or None when the schema is beyond it.

    Two annotations with the same signature pass or fail ``item_schema`` together: the signature
    holds every key in order, and for each value its JSON type (an integral float apart from an
    int and a fraction), whether it equals each constant of the schema (strings and numbers),
    and on which side of every length or number limit of the schema it falls (strings by code
    points, as JSON Schema counts). That is all the keywords in ``_SIGNATURE_KEYWORDS`` look
    at. Objects, arrays and numbers that are not finite get no signature (checked one by one).
    """
    texts: set[str] = set()
    numbers: set[float] = set()
    lengths: set[int] = set()
    limits: set[float] = set()

    def walk(node: Any) -> bool:
        if isinstance(node, bool):
            return True  # true/false schemas
        if not isinstance(node, dict):
            return False
        for keyword, value in node.items():
            if keyword not in _SIGNATURE_KEYWORDS:
                return False
            if keyword in ("enum", "const"):
                for constant in value if keyword == "enum" else [value]:
                    if isinstance(constant, str):
                        texts.add(constant)
                    elif isinstance(constant, (int, float)) and not isinstance(constant, bool):
                        numbers.add(constant)
            elif keyword in ("minLength", "maxLength"):
                lengths.add(value)
            elif keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
                limits.add(value)
            elif keyword in _SUBSCHEMA_KEYWORDS:
                if not all(walk(sub) for sub in (value if isinstance(value, list) else [value])):
                    return False
            elif keyword in _SCHEMA_MAPS:
                for sub in value.values():
                    if not isinstance(sub, list) and not walk(sub):  # a list: names required
                        return False
        return True

    if not walk(item_schema):
        return None
    length_limits = sorted(lengths)
    number_limits = sorted(limits)
    isfinite = math.isfinite
    # Where a length or number lies among the sorted limits: 2k on neither side of limit k,
    # 2k + 1 on limit k itself (so each comparison with each limit is known).
    left, right = bisect_left, bisect_right

    def other_signature(value: Any) -> Any:
        if value is None or type(value) is bool:
            return value
        if type(value) is float and isfinite(value):
            where = left(number_limits, value) + right(number_limits, value)
            return (float, value.is_integer(), where, value if value in numbers else None)
        raise _NoSignature

    def signature(item: Any) -> Any:
        if type(item) is not dict:
            return None
        try:
            # Strings and ints inline (most values): a call per value would double the time.
            values = [
                (
                    value if value in texts else None,
                    left(length_limits, size := len(value)) + right(length_limits, size),
                )
                if type(value) is str
                else (
                    int,
                    left(number_limits, value) + right(number_limits, value),
                    value if value in numbers else None,
                )
                if type(value) is int
                else other_signature(value)
                for value in item.values()
            ]
            return tuple(item), tuple(values)
        except _NoSignature:
            return None

    return signature


class _NoSignature(Exception):
    """A value (object, array, infinite number) whose checks a signature cannot stand for."""


def schema() -> dict[str, Any]:
    """The JSON Schema of the format (a copy)."""
    return json.loads(json.dumps(read_json(SCHEMA)))


# Serialising ---------------------------------------------------------------------------------
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
    meta = {
        "tool": document.meta.get("tool", TOOL),
        "created": document.meta.get("created") or now_iso(),
        "modified": document.meta.get("modified") or now_iso(),
        "annotator": document.meta.get("annotator"),
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
    """Serialise to the file's text: indented, one annotation per line, UTF-8 kept readable."""
    data = document_to_dict(document)

    def dump(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False)

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
                lines.append(f"    {dump(annotation)}{tail}")
            lines.append(f"  ]{comma}")
        elif isinstance(value, dict) and value:
            lines.append(f"  {dump(key)}: {{")
            inner = list(value.items())
            for position, (inner_key, inner_value) in enumerate(inner):
                tail = "," if position < len(inner) - 1 else ""
                lines.append(f"    {dump(inner_key)}: {dump(inner_value)}{tail}")
            lines.append(f"  }}{comma}")
        else:
            lines.append(f"  {dump(key)}: {dump(value)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def save_document(
    document: Document, path: str | Path, *, stamp: bool = True, keep_backup: bool = True
) -> Path:
    """Write ``document`` to ``path`` atomically, keeping the previous file as ``path.bak``.

    With ``stamp`` the document's ``meta`` records the tool and the modification time first, so
    the saved file and the document in memory stay equal.
    """
    if stamp:
        now = now_iso()
        document.meta.setdefault("created", now)
        document.meta["modified"] = now
        document.meta["tool"] = TOOL
        document.meta.setdefault("annotator", None)
    path = Path(path)
    atomic_write_text(path, dumps_document(document), keep_backup=keep_backup)
    return path


# Loading -------------------------------------------------------------------------------------
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
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise AnnotationFileError(
            path, f"JSON syntax error at line {error.lineno}, column {error.colno}: {error.msg}"
        ) from None
    return document_from_dict(data, path)


def check_header(data: Any, path: str) -> None:
    """Refuse files that are not ours or come from a newer version, before schema details."""
    if not isinstance(data, dict):
        raise AnnotationFileError(path, "not an Iqtibas annotation file (the top level is not an object)")
    if data.get("format") != FORMAT_NAME:
        found = data.get("format")
        what = f"format is {found!r}" if found is not None else "no \"format\": \"iqtibas\" key"
        raise AnnotationFileError(path, f"not an Iqtibas annotation file ({what})")
    version = data.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise AnnotationFileError(
            path,
            f"written by a newer Iqtibas (format version {version}); this program reads "
            f"version {FORMAT_VERSION} — please update Iqtibas",
        )


def schema_problems(data: Any) -> list[str]:
    """Every schema violation as ``at PATH: message``, in document order."""
    import fastjsonschema

    try:
        _fast_check()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass  # fall through to the detailed report
    problems = []
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))
    # An unknown type makes the type-specific rules fail too; report only the type.
    bad_type = {tuple(e.absolute_path)[:-1] for e in errors if list(e.absolute_path)[-1:] == ["type"] and e.validator == "enum"}
    errors = [e for e in errors if not (e.validator == "anyOf" and tuple(e.absolute_path) in bad_type)]
    for error in errors:
        path = list(error.absolute_path)
        schema_path = list(error.schema_path)
        if "dependencies" in schema_path and path and path[-1] == "type":
            path = path[:-1]  # the problem is the field, not the annotation's type
        where = "/".join(str(part) for part in path) or "(top level)"
        problems.append(f"at {where}: {_short(_explain(error))}")
    return problems


def _explain(error: Any) -> str:
    """jsonschema's message, made readable where it would dump a whole object."""
    schema_path = list(error.schema_path)
    if "dependencies" in schema_path:
        field_name = schema_path[schema_path.index("dependencies") + 1]
        return f"{field_name!r} not allowed on a {error.instance!r} annotation"
    if error.validator == "anyOf" and isinstance(error.instance, dict):
        missing = sorted(
            {
                repr(name)
                for sub in error.context or []
                if sub.validator == "required"
                for name in sub.validator_value
                if name not in error.instance
            }
        )
        kind = error.instance.get("type", "?")
        if missing:
            if "'confidence'" in missing:
                return "an automatic annotation needs a 'confidence'"
            return f"a {kind!r} annotation needs {', '.join(missing)}"
    if error.validator in ("enum", "const"):
        return f"{error.instance!r} is not one of {error.validator_value!r}"
    return str(error.message)


def _short(message: str, limit: int = 160) -> str:
    return message if len(message) <= limit else message[: limit - 1] + "…"


def consistency_problems(data: dict[str, Any]) -> list[str]:
    """Checks beyond the schema: hash, span text, ids, references. Assumes a schema-valid dict."""
    problems = []
    document = data["document"]
    text = document["text"]
    actual = text_sha256(text)
    if document["sha256"] != actual:
        problems.append(
            f"at document/sha256: {document['sha256']} does not match the text (its SHA-256 is {actual})"
        )
    types: dict[str, str] = {}
    for index, annotation in enumerate(data["annotations"]):
        where = f"at annotations/{index} (id {annotation['id']})"
        if annotation["id"] in types:
            problems.append(f"{where}: duplicate id")
        types[annotation["id"]] = annotation["type"]
        start, end = annotation["start"], annotation["end"]
        if type(start) is not int or type(end) is not int:  # the schema takes 5.0 for an integer
            bad = "start" if type(start) is not int else "end"
            problems.append(
                f"{where}: {bad} must be a whole number without a fraction, got {annotation[bad]!r}"
            )
        elif end < start:
            problems.append(f"{where}: end {end} is before start {start}")
        elif end > len(text):
            problems.append(f"{where}: end {end} is past the end of the text ({len(text)} characters)")
        elif text[start:end] != annotation["text"]:
            problems.append(
                f"{where}: text does not match document text[{start}:{end}] "
                f"(file has {_preview(annotation['text'])}, text has {_preview(text[start:end])})"
            )
    targets = {"speaker_id": "speaker", "cue_id": "cue", "heading_id": "heading", "duplicate_of": "paragraph"}
    for index, annotation in enumerate(data["annotations"]):
        for name, wanted in targets.items():
            target = annotation.get(name)
            if target is None:
                continue
            where = f"at annotations/{index}/{name}"
            if target not in types:
                problems.append(f"{where}: points at unknown id {target!r}")
            elif target == annotation["id"]:
                problems.append(f"{where}: points at itself")
            elif types[target] != wanted:
                problems.append(f"{where}: must point at a {wanted}, {target!r} is a {types[target]}")
    return problems


def _preview(value: str, limit: int = 40) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return json.dumps(shown, ensure_ascii=False)


def validate_data(data: Any, path: str) -> list[str]:
    """All problems of a parsed file (empty when it is valid); header problems raise."""
    check_header(data, path)
    problems = schema_problems(data)
    if problems:
        return problems
    return consistency_problems(data)


def document_from_dict(data: Any, path: str = "<data>") -> Document:
    """Build a document from parsed JSON after full validation.

    Once ``validate_data`` found no problem, the annotations and the document are built without
    repeating the model's checks (``Annotation._from_validated``, ``Document._from_validated``
    say which checks of the schema and of ``consistency_problems`` make them redundant).
    """
    problems = validate_data(data, path)
    if problems:
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        raise AnnotationFileError(path, problems[0] + more)
    doc_part = data["document"]
    annotations = [_annotation_from_dict(item) for item in data["annotations"]]
    try:
        return Document._from_validated(
            doc_part["text"],
            sha256=doc_part["sha256"],
            id=doc_part["id"],
            source=doc_part["source"],
            language=doc_part["language"],
            direction=doc_part["direction"],
            meta=data["meta"],
            extra={k: v for k, v in data.items() if k not in _KNOWN_TOP},
            document_extra={k: v for k, v in doc_part.items() if k not in _KNOWN_DOCUMENT},
            annotations=annotations,
        )
    except ModelError as error:
        raise AnnotationFileError(path, str(error)) from None


_ANNOTATION_KEYS = frozenset(ANNOTATION_FIELDS) - {"extra"}
# Per type: the file keys that become fields (the others, except ``text``, go to ``extra``).
_FIELDS_OF_TYPE = {
    type_name: frozenset(_CORE_FIELDS + ("note",) + TYPE_FIELDS.get(type_name, ())) - {"text"}
    for type_name in TYPES
}
_NOT_EXTRA = _ANNOTATION_KEYS | {"text"}


def _annotation_from_dict(item: dict[str, Any]) -> Annotation:
    """An annotation from one schema-valid, consistency-checked item of ``annotations``."""
    allowed = _FIELDS_OF_TYPE[item["type"]]
    values = {}
    extra = {}
    for key, value in item.items():
        if key in allowed:
            values[key] = value
        elif key not in _NOT_EXTRA:
            extra[key] = value
    if extra:
        values["extra"] = extra
    return Annotation._from_validated(values)
