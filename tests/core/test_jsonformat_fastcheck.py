"""The fast schema check (``core.jsonformat.fastcheck``) against jsonschema.

The fast check skips annotations whose signature it has already checked: it must agree with
jsonschema on every file, and two annotations with one signature must pass or fail together.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.jsonformat import schema
from core.jsonformat.fastcheck import fast_check, signature_function
from core.jsonformat.validation import validator
from tests.core.jsonformat_samples import valid_data

_CONSTANTS = ["title", "heading", "section", "paragraph", "boilerplate", "quote", "speaker", "cue",
              "auto", "manual", "pending", "accepted", "rejected", "direct", "indirect"]
_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 60),
    st.sampled_from([0.0, 1.0, 0.5, -0.0, 1.0000001, -1e-9, 5.0, 7.5, 20.0, 20.25, float("nan"), float("inf")]),
    st.floats(),
    st.text(max_size=3),
    st.sampled_from([*_CONSTANTS, "", "x" * 200, "x" * 201]),
    st.lists(st.integers(), max_size=2),
    st.lists(st.sampled_from(["speaker", "end", "kind", "cue_id", "note", ""]), max_size=3),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
)
_KEYS = st.sampled_from(
    ["id", "type", "start", "end", "text", "origin", "status", "confidence", "kind", "speaker",
     "speaker_id", "cue", "cue_id", "heading_id", "duplicate_of", "note", "corrected", "future"]
)


@st.composite
def _annotation_items(draw):  # type: ignore[no-untyped-def]
    bases = valid_data()["annotations"]
    items = []
    for _ in range(draw(st.integers(1, 4))):
        item = dict(draw(st.sampled_from(bases)))
        for _ in range(draw(st.integers(0, 2))):
            key = draw(_KEYS)
            if draw(st.booleans()) and key in item:
                del item[key]
            else:
                item[key] = draw(_VALUES)
        items.append(item)
    return items


@given(_annotation_items())
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_fast_schema_check_agrees_with_jsonschema(items: list[dict]) -> None:
    import fastjsonschema

    data = valid_data()
    data["annotations"] = data["annotations"] + items  # the valid ones first: their signatures are cached
    try:
        fast_check()(data)
        fast_valid = True
    except fastjsonschema.JsonSchemaException:
        fast_valid = False
    assert fast_valid == validator().is_valid(data)


@given(st.sampled_from(range(7)), _KEYS, _VALUES, _VALUES)
@settings(max_examples=1500, deadline=None)
def test_annotations_with_one_signature_pass_or_fail_together(which: int, key: str, first: object, second: object) -> None:
    whole = schema()
    item_schema = {**whole["properties"]["annotations"]["items"], "definitions": whole["definitions"]}
    signature = signature_function(item_schema)
    assert signature is not None  # the schema stays within what signatures cover
    data = valid_data()
    base = data["annotations"][which]
    one, two = {**base, key: first}, {**base, key: second}
    if signature(one) is None or signature(one) != signature(two):
        return
    reference = validator()
    data["annotations"] = [one]
    valid_one = reference.is_valid(data)
    data["annotations"] = [two]
    assert reference.is_valid(data) == valid_one, (one, two)


_LIMITS = st.one_of(st.integers(-3, 1500), st.floats(-3, 1500, allow_nan=False))


@given(
    st.lists(st.one_of(st.integers(-5, 2100), st.text(max_size=1100), st.sampled_from(["x" * 1025, "x" * 1500])), max_size=6),
    st.lists(_LIMITS, max_size=4),
    st.lists(st.integers(0, 1300), max_size=3),
)
@settings(max_examples=500, deadline=None)
def test_signature_places_values_among_the_limits_as_bisection_does(values: list, number_limits: list, length_limits: list) -> None:
    """Lengths and whole numbers up to 1,024 are placed by a table: the same places as bisection."""
    from bisect import bisect_left, bisect_right

    properties = {f"n{i}": {"minimum": limit} for i, limit in enumerate(number_limits)}
    properties.update({f"s{i}": {"minLength": limit} for i, limit in enumerate(length_limits)})
    signature = signature_function({"type": "object", "properties": properties})
    assert signature is not None
    numbers, lengths = sorted(set(number_limits)), sorted(set(length_limits))

    def place(limits: list, value: float) -> int:
        return bisect_left(limits, value) + bisect_right(limits, value)

    item = {f"v{i}": value for i, value in enumerate(values)}
    expected = tuple(
        (None, place(lengths, len(value))) if isinstance(value, str) else (int, place(numbers, value), None)
        for value in values
    )
    assert signature(item) == (tuple(item), expected)


_CACHED_SCHEMA = {
    "$id": "https://example.org/cached.schema.json",
    "type": "object",
    "properties": {"n": {"type": "integer", "minimum": 0}, "s": {"type": "string", "maxLength": 3}},
    "required": ["n"],
}


def _accepts(check: object, data: object) -> bool:
    import fastjsonschema

    try:
        check(data)  # type: ignore[operator]
    except fastjsonschema.JsonSchemaException:
        return False
    return True


def test_compiled_checks_are_kept_in_the_cache_and_used_from_it(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import fastjsonschema

    from core.cache import cache_folder
    from core.jsonformat.fastcheck import compiled

    samples = [{"n": 1}, {"n": -1}, {"s": "x"}, {"n": 2, "s": "long"}, {"n": 0, "s": "ab"}, [], {"n": 1.5}]
    reference = fastjsonschema.compile(_CACHED_SCHEMA)
    first = compiled(_CACHED_SCHEMA)
    entries = list(cache_folder().iterdir())
    assert len(entries) == 1
    assert [_accepts(first, s) for s in samples] == [_accepts(reference, s) for s in samples]

    def no_code_generation(*args: object, **kwargs: object) -> str:
        raise AssertionError("the cached code was not used")

    monkeypatch.setattr(fastjsonschema, "compile_to_code", no_code_generation)
    second = compiled(_CACHED_SCHEMA)  # from the cache: no code is generated
    assert [_accepts(second, s) for s in samples] == [_accepts(reference, s) for s in samples]
    assert list(cache_folder().iterdir()) == entries


def test_a_damaged_cache_entry_is_rebuilt() -> None:
    import fastjsonschema

    from core.cache import cache_folder
    from core.jsonformat.fastcheck import compiled

    compiled(_CACHED_SCHEMA)
    (entry,) = cache_folder().iterdir()
    entry.write_bytes(b"\x00not marshal data")
    check = compiled(_CACHED_SCHEMA)
    assert _accepts(check, {"n": 3}) and not _accepts(check, {"n": -3})
    assert entry.read_bytes() != b"\x00not marshal data"
    assert _accepts(fastjsonschema.compile(_CACHED_SCHEMA), {"n": 3})


def test_an_unwritable_cache_costs_only_time(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from core.jsonformat.fastcheck import compiled

    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("IQTIBAS_CACHE_DIR", str(blocker / "cache"))
    check = compiled(_CACHED_SCHEMA)
    assert _accepts(check, {"n": 3}) and not _accepts(check, {"n": -3})
