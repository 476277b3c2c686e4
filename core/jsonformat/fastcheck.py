"""The fast schema check: fastjsonschema, and each distinct shape of annotation checked once.

Why it exists (measured with ``benchmarks/bench_schema_check.py`` on a 1 MB article with 22,000
annotations, a 7.6 MB file, best of three on a quiet run): jsonschema takes 3.8 s to validate it,
fastjsonschema's compiled schema 0.19 s, and this check 0.056 s, while the whole load (read,
parse, check, build) takes 0.25 s: without it, opening the file would take half as long again.
Nearly every file is valid, so this check alone decides; a file it rejects is validated again by
jsonschema (``validation.schema_problems``) to report every problem with its exact path.

How: the annotations are checked one by one against the schema of an item, and an item whose
signature (``signature_function``) equals one already checked is not checked again — the
22,000 annotations of that article have about 15 signatures. Everything else is checked by the
schema without its ``items`` rule. ``tests/core/test_jsonformat_fastcheck.py`` holds the
equivalence tests: the check agrees with jsonschema on generated files, and two annotations with
one signature pass or fail together.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import marshal
import math
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from core.cache import read_cached, write_cached
from core.resources import SCHEMA, read_json

Check = Callable[[Any], None]


@cache
def fast_check() -> Check:
    """The schema check; raises ``fastjsonschema.JsonSchemaException`` for an invalid file."""
    import fastjsonschema

    schema = read_json(SCHEMA)
    annotations = schema.get("properties", {}).get("annotations", {})
    if not isinstance(annotations, dict) or "items" not in annotations:
        whole: Check = fastjsonschema.compile(schema)  # pragma: no cover - the schema's shape changed
        return whole
    item_schema = {**annotations["items"], "definitions": schema.get("definitions", {})}
    for keyword in ("$schema", "$id"):  # same draft, and "#/definitions/…" resolve locally
        if keyword in schema:
            item_schema[keyword] = schema[keyword]
    signature = signature_function(item_schema)
    if signature is None:  # pragma: no cover - the item schema uses a rule signatures do not cover
        fallback: Check = fastjsonschema.compile(schema)
        return fallback
    rest = json.loads(json.dumps(schema))
    del rest["properties"]["annotations"]["items"]
    check_rest = compiled(rest)
    check_item = compiled(item_schema)

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


def compiled(definition: dict[str, Any]) -> Check:
    """``fastjsonschema.compile(definition)``, its Python code kept in the user's cache.

    Generating and compiling the code of the two schemas above takes about 20 ms, paid by every
    opening of a file (a tenth of a 1 MB file's load, most of a small one's); loading the cached
    code object takes a fraction of a millisecond. The cache entry is named by everything the
    code depends on (the schema, fastjsonschema's version, Python's bytecode version), so it is
    never stale; an unreadable or broken entry is rebuilt.
    """
    import hashlib  # here, like fastjsonschema: a file checked in a forked process needs neither

    import fastjsonschema

    canonical = json.dumps(definition, sort_keys=True, ensure_ascii=True)
    key = hashlib.sha256(f"{fastjsonschema.VERSION}\0{canonical}".encode()).hexdigest()[:32]
    name = f"schema-check-{key}-{importlib.util.MAGIC_NUMBER.hex()}.marshal"
    cached = read_cached(name)
    if cached is not None:
        with contextlib.suppress(Exception):  # a damaged entry: built again below
            return _validate_function(*marshal.loads(cached))
    from fastjsonschema.ref_resolver import RefResolver

    # The name fastjsonschema.compile gives the schema's function (from its "$id").
    function_name = RefResolver.from_schema(definition, store={}).get_scope_name()
    code = compile(fastjsonschema.compile_to_code(definition), f"<schema check {key}>", "exec")
    write_cached(name, marshal.dumps((function_name, code)))
    return _validate_function(function_name, code)


def _validate_function(function_name: str, code: Any) -> Check:
    namespace: dict[str, Any] = {}
    exec(code, namespace)  # the module fastjsonschema.compile_to_code wrote (or its cached code)
    function = namespace[function_name]
    if not callable(function):
        raise TypeError(f"{function_name} is not a function")
    check: Check = function
    return check


# Keywords whose outcome on an object depends only on its keys and on its values' signatures
# (``signature_function``); a schema of annotations using any other keyword ("pattern",
# "format", "multipleOf", "additionalItems" …) is checked item by item without signatures.
_SIGNATURE_KEYWORDS = frozenset(
    (
        "$schema", "$id", "$ref", "$comment", "title", "description", "default", "examples",
        "definitions", "type", "enum", "const", "required", "properties", "dependencies",
        "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
        "minLength", "maxLength", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        # Rules on arrays (``corrected``): an array value has no signature, so an annotation
        # holding one is always checked in full; these keywords never see a signed value.
        "items", "uniqueItems", "minItems", "maxItems",
    )
)
# Keywords whose value is a schema, a list of schemas or a map of names to schemas.
_SUBSCHEMA_KEYWORDS = frozenset(("not", "if", "then", "else", "allOf", "anyOf", "oneOf", "items"))
_SCHEMA_MAPS = frozenset(("properties", "dependencies", "definitions"))


def signature_function(item_schema: dict[str, Any]) -> Callable[[Any], Any] | None:
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
            elif keyword in ("uniqueItems", "minItems", "maxItems"):
                continue
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
    # The same for 0 … a small bound, looked up in a table: two bisections per value were half
    # the time of a signature. Above the largest limit a value lies after all of them.
    length_table, length_top, length_max = _where_table(length_limits)
    number_table, number_top, number_max = _where_table(number_limits)
    length_cap, number_cap = len(length_table), len(number_table)

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
                    length_table[size]
                    if (size := len(value)) < length_cap
                    else length_top
                    if size > length_max
                    else left(length_limits, size) + right(length_limits, size),
                )
                if type(value) is str
                else (
                    int,
                    number_table[value]
                    if 0 <= value < number_cap
                    else number_top
                    if value > number_max
                    else left(number_limits, value) + right(number_limits, value),
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


def _where_table(limits: Sequence[float]) -> tuple[tuple[int, ...], int, float]:
    """For the sorted ``limits``: where each whole number 0 … (at most) 1,024 lies among them
    (``bisect_left + bisect_right``), where a number above them all lies, and the largest."""
    if not limits:
        return (), 0, -math.inf
    largest = limits[-1]
    size = max(0, min(math.floor(largest) + 1, 1024))
    table = tuple(bisect_left(limits, n) + bisect_right(limits, n) for n in range(size))
    return table, 2 * len(limits), largest


class _NoSignature(Exception):
    """A value (object, array, infinite number) whose checks a signature cannot stand for."""
