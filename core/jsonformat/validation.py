"""Checking a parsed annotation file: header, JSON Schema, then what a schema cannot check.

The JSON Schema in ``resources/schema`` is the single source of truth for the format. The fast
check (``fastcheck``) decides for valid files; a file it rejects is validated again by jsonschema
to report every problem with its path. ``consistency_problems`` adds the checks a schema cannot
make: every annotation's ``text`` equals ``document.text[start:end]``, the SHA-256 matches the
text, ids are unique and references point at annotations of the right type.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from core.errors import AnnotationFileError
from core.jsonformat.fastcheck import fast_check
from core.jsonformat.paths import FORMAT_NAME, FORMAT_VERSION
from core.model import text_sha256
from core.resources import SCHEMA, read_json


@cache
def validator() -> Any:
    """jsonschema's validator: slow, but it lists every error with its path (for refusals)."""
    import jsonschema  # imported on first use: the CLI's fast paths do not need it

    schema = read_json(SCHEMA)
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema)


def schema() -> dict[str, Any]:
    """The JSON Schema of the format (a copy)."""
    copy: dict[str, Any] = json.loads(json.dumps(read_json(SCHEMA)))
    return copy


def check_header(data: Any, path: str) -> None:
    """Refuse files that are not ours or come from a newer version, before schema details."""
    if not isinstance(data, dict):
        raise AnnotationFileError(path, "not an Iqtibas annotation file (the top level is not an object)")
    if data.get("format") != FORMAT_NAME:
        found = data.get("format")
        what = f"format is {_short(repr(found), 60)}" if found is not None else "no \"format\": \"iqtibas\" key"
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
        fast_check()(data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass  # fall through to the detailed report
    problems = []
    errors = sorted(validator().iter_errors(data), key=lambda e: list(map(str, e.path)))
    # An unknown type makes the type-specific rules fail too; report only the type.
    bad_type = {
        tuple(e.absolute_path)[:-1]
        for e in errors
        if list(e.absolute_path)[-1:] == ["type"] and e.validator == "enum"
    }
    errors = [e for e in errors if not (e.validator == "anyOf" and tuple(e.absolute_path) in bad_type)]
    for error in errors:
        path = list(error.absolute_path)
        schema_path = list(error.schema_path)
        if "dependencies" in schema_path and path and path[-1] == "type":
            path = path[:-1]  # the problem is the field, not the annotation's type
        where = "/".join(str(part) for part in path) or "(top level)"
        problems.append(f"at {_short(where, 80)}: {_short(_explain(error))}")
    return problems


def _explain(error: Any) -> str:
    """jsonschema's message, made readable where it would dump a whole object."""
    schema_path = list(error.schema_path)
    if "dependencies" in schema_path:
        field_name = schema_path[schema_path.index("dependencies") + 1]
        return f"{field_name!r} not allowed on a {_short(repr(error.instance), 40)} annotation"
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
            return f"a {_short(repr(kind), 40)} annotation needs {', '.join(missing)}"
    if error.validator in ("enum", "const"):
        return f"{_short(repr(error.instance), 60)} is not one of {error.validator_value!r}"
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
    size = len(text)
    for index, annotation in enumerate(data["annotations"]):
        # The common case first, in one test: a fresh id and a span that matches the text.
        annotation_id, start, end = annotation["id"], annotation["start"], annotation["end"]
        if (
            annotation_id not in types
            and type(start) is int
            and type(end) is int
            and start <= end <= size
            and text[start:end] == annotation["text"]
        ):
            types[annotation_id] = annotation["type"]
            continue
        where = f"at annotations/{index} (id {_short(annotation_id, 40)})"
        if annotation_id in types:
            problems.append(f"{where}: duplicate id")
        types[annotation_id] = annotation["type"]
        if type(start) is not int or type(end) is not int:  # the schema takes 5.0 for an integer
            bad = "start" if type(start) is not int else "end"
            problems.append(
                f"{where}: {bad} must be a whole number without a fraction, got {annotation[bad]!r}"
            )
        elif end < start:
            problems.append(f"{where}: end {end} is before start {start}")
        elif end > size:
            problems.append(f"{where}: end {end} is past the end of the text ({size} characters)")
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
                problems.append(f"{where}: points at unknown id {_short(repr(target), 60)}")
            elif target == annotation["id"]:
                problems.append(f"{where}: points at itself")
            elif types[target] != wanted:
                problems.append(f"{where}: must point at a {wanted}, {_short(repr(target), 60)} is a {types[target]}")
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
