from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import AnnotationFileError, SaveError
from core.jsonformat import dumps_document, load_document, loads_document, save_document, schema
from core.model import KINDS, STATUSES, Annotation, Document
from tests.core.jsonformat_samples import TEXT, sample_document, valid_data


def test_round_trip_is_exact_and_readable(tmp_path: Path) -> None:
    document = sample_document()
    path = save_document(document, tmp_path / "sample.iqtibas.json")
    raw = path.read_text(encoding="utf-8")
    assert "«السلام»" in raw  # UTF-8 kept readable, not \\u escapes
    assert raw.count("\n") > 10  # one annotation per line
    data = json.loads(raw)
    assert data["format"] == "iqtibas" and data["version"] == 1
    assert data["document"]["sha256"] == document.sha256
    assert data["annotations"][0]["text"] == TEXT[data["annotations"][0]["start"]:data["annotations"][0]["end"]]
    assert set(data["meta"]) >= {"tool", "created", "modified", "annotator"}
    loaded = load_document(path)
    assert loaded == document
    # Saving the loaded document again gives identical bytes (stable order and format).
    assert dumps_document(loaded) == raw


def test_unknown_fields_survive_a_round_trip() -> None:
    data = json.loads(dumps_document(sample_document()))
    data["future_top"] = {"x": 1}
    data["document"]["future_doc"] = [1, 2]
    data["annotations"][0]["future_field"] = "kept"
    document = loads_document(json.dumps(data))
    again = json.loads(dumps_document(document))
    assert again["future_top"] == {"x": 1}
    assert again["document"]["future_doc"] == [1, 2]
    assert again["annotations"][0]["future_field"] == "kept"


def _refuse(tmp_path: Path, content: str) -> str:
    path = tmp_path / "bad.iqtibas.json"
    path.write_text(content, encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(AnnotationFileError) as caught:
        load_document(path)
    assert path.read_bytes() == before  # a refused file is never modified
    message = str(caught.value)
    assert message.startswith(str(path) + ": ")
    return message


def test_refuses_json_syntax_errors_with_line_and_column(tmp_path: Path) -> None:
    text = dumps_document(sample_document())
    broken = text.replace('"version": 1,', '"version": 1', 1)
    message = _refuse(tmp_path, broken)
    assert "JSON syntax error at line 4, column 3" in message


def test_refuses_schema_violations_with_their_path(tmp_path: Path) -> None:
    data = valid_data()
    data["annotations"][2]["start"] = -5
    assert "at annotations/2/start" in _refuse(tmp_path, json.dumps(data))
    data = valid_data()
    data["annotations"][0]["type"] = "poem"
    assert "at annotations/0/type" in _refuse(tmp_path, json.dumps(data))
    data = valid_data()
    del data["document"]["text"]
    assert "at document: 'text' is a required property" in _refuse(tmp_path, json.dumps(data))
    data = valid_data()
    heading = next(a for a in data["annotations"] if a["type"] == "heading")
    heading["kind"] = "direct"
    assert "at annotations/" in _refuse(tmp_path, json.dumps(data))


def test_refuses_text_that_does_not_match_offsets(tmp_path: Path) -> None:
    data = valid_data()
    quote = next(a for a in data["annotations"] if a["type"] == "quote")
    quote["text"] = "شيء آخر"
    message = _refuse(tmp_path, json.dumps(data, ensure_ascii=False))
    assert f"text does not match document text[{quote['start']}:{quote['end']}]" in message


def test_refuses_wrong_sha_future_version_and_foreign_files(tmp_path: Path) -> None:
    data = valid_data()
    data["document"]["sha256"] = "0" * 64
    assert "does not match the text" in _refuse(tmp_path, json.dumps(data))
    data = valid_data()
    data["version"] = 7
    assert "newer Iqtibas (format version 7)" in _refuse(tmp_path, json.dumps(data))
    assert "not an Iqtibas annotation file" in _refuse(tmp_path, json.dumps({"hello": 1}))
    assert "not an Iqtibas annotation file" in _refuse(tmp_path, "[1, 2]")
    data = valid_data()
    quote = next(a for a in data["annotations"] if a["type"] == "quote")
    quote["speaker_id"] = "ghost"
    assert "speaker_id: points at unknown id 'ghost'" in _refuse(tmp_path, json.dumps(data))
    data = valid_data()
    speaker = next(a for a in data["annotations"] if a["type"] == "speaker")
    speaker["cue"] = "قال"
    assert "'cue' not allowed on a 'speaker' annotation" in _refuse(tmp_path, json.dumps(data))


def test_save_is_atomic_and_keeps_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.iqtibas.json"
    document = sample_document()
    save_document(document, path)
    first = path.read_bytes()
    document.add(Annotation("h2", "heading", 0, 3))
    save_document(document, path)
    assert path.with_name(path.name + ".bak").read_bytes() == first
    second = path.read_bytes()

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    document.add(Annotation("h3", "heading", 4, 6))
    with pytest.raises(SaveError, match="No space left on device"):
        save_document(document, path)
    assert path.read_bytes() == second
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.iqtibas.json", "a.iqtibas.json.bak"]


def test_save_failure_in_the_middle_of_writing_leaves_no_trace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.iqtibas.json"
    save_document(sample_document(), path)
    before = path.read_bytes()

    def failing_fsync(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(SaveError):
        save_document(sample_document(), path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["a.iqtibas.json"]


# Property-based round trip ---------------------------------------------------------------------
_text_chars = st.characters(
    blacklist_categories=("Cs",),  # lone surrogates cannot be stored as UTF-8
)
_mixed = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("قال الوزير إنَّ «»“”\"ـ\u200f\u200e\n😀𞸀𝕏ﻻ")),
        st.sampled_from(list("Hello CNN 2015 ,.:")),
        _text_chars,
    ),
    max_size=120,
)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(_mixed)
    document = Document(text, id=draw(st.text(min_size=1, max_size=10)), source=draw(st.none() | st.text(max_size=10)))
    count = draw(st.integers(0, 12))
    speaker_ids: list[str] = []
    for number in range(count):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))  # empty spans allowed; overlaps happen freely
        type_name = draw(st.sampled_from(["quote", "speaker", "heading", "boilerplate", "paragraph", "cue", "title"]))
        origin = draw(st.sampled_from(["auto", "manual"]))
        fields: dict[str, object] = {
            "origin": origin,
            "status": draw(st.sampled_from(STATUSES)),
            "confidence": draw(st.floats(0, 1)) if origin == "auto" else None,
            "note": draw(st.none() | st.text(max_size=5)),
        }
        if type_name == "quote":
            fields.update(
                kind=draw(st.sampled_from(KINDS)),
                speaker=draw(st.none() | st.text(min_size=1, max_size=8).filter(str.strip)),
                speaker_id=draw(st.none() | st.sampled_from(speaker_ids)) if speaker_ids else None,
                cue=draw(st.none() | st.text(min_size=1, max_size=5).filter(str.strip)),
            )
        if type_name == "speaker":
            fields["speaker"] = draw(st.none() | st.text(min_size=1, max_size=8))
        annotation_id = f"a{number}"
        document.add(Annotation(annotation_id, type_name, start, end, **fields))  # type: ignore[arg-type]
        if type_name == "speaker":
            speaker_ids.append(annotation_id)
    return document


@given(documents())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_load_of_save_is_identity(document: Document) -> None:
    text = dumps_document(document)
    loaded = loads_document(text)
    assert loaded == document
    assert dumps_document(loaded) == text


def test_a_new_file_gets_normal_permissions(tmp_path: Path) -> None:
    path = save_document(sample_document(), tmp_path / "new.iqtibas.json")
    current = os.umask(0)
    os.umask(current)
    assert path.stat().st_mode & 0o777 == 0o666 & ~current


def test_the_backup_keeps_the_files_permissions(tmp_path: Path) -> None:
    """Issue 9, item 10: ``.bak`` got mode 0600 while the file was 0644."""
    path = save_document(sample_document(), tmp_path / "shared.iqtibas.json")
    for mode in (0o644, 0o640):
        path.chmod(mode)
        save_document(sample_document(), path)
        assert path.stat().st_mode & 0o777 == mode
        assert Path(f"{path}.bak").stat().st_mode & 0o777 == mode


def test_type_specific_rules_are_explained(tmp_path: Path) -> None:
    data = valid_data()
    quote = next(a for a in data["annotations"] if a["type"] == "quote")
    del quote["kind"]
    assert "a 'quote' annotation needs 'kind'" in _refuse(tmp_path, json.dumps(data))
    data = valid_data()
    auto = next(a for a in data["annotations"] if a["origin"] == "auto")
    del auto["confidence"]
    assert "an automatic annotation needs a 'confidence'" in _refuse(tmp_path, json.dumps(data))
    data = valid_data()
    section = next(a for a in data["annotations"] if a["type"] == "section")
    section["duplicate_of"] = "p1"
    assert "'duplicate_of' not allowed on a 'section' annotation" in _refuse(tmp_path, json.dumps(data))


def test_unreadable_annotation_files_name_the_problem(tmp_path: Path) -> None:
    with pytest.raises(AnnotationFileError, match="no such file"):
        load_document(tmp_path / "missing.iqtibas.json")
    with pytest.raises(AnnotationFileError, match="is a folder, not an annotation file"):
        load_document(tmp_path)
    latin = tmp_path / "latin.iqtibas.json"
    latin.write_bytes('{"format": "iqtibas", "x": "café"}'.encode("latin-1"))
    with pytest.raises(AnnotationFileError, match=r"not UTF-8 \(byte 31\)"):
        load_document(latin)


# Loading builds annotations without the model's checks (``Annotation._from_validated``): each
# invariant the model enforces must still refuse the file, through the schema or the
# consistency checks.
def _by_id(data: dict, annotation_id: str) -> dict:
    return next(a for a in data["annotations"] if a["id"] == annotation_id)


def _set(annotation_id: str, **changes: object):  # type: ignore[no-untyped-def]
    def mutate(data: dict) -> None:
        _by_id(data, annotation_id).update(changes)

    return mutate


def _duplicate_id(data: dict) -> None:
    _by_id(data, "p2")["id"] = "p1"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (_set("q1", end=18), "end 18 is before start 19"),
        (_set("h1", kind="direct"), "'kind' not allowed on a 'heading' annotation"),
        (_set("q1", kind="both"), "/kind: 'both' is not one of"),
        (_set("h1", type="poem"), "/type: 'poem' is not one of"),
        (_set("c1", start=-1), "/start: -1 is less than the minimum of 0"),
        (_set("c1", start=0.0), "start must be a whole number without a fraction, got 0.0"),
        (_set("c1", end=3.0), "end must be a whole number without a fraction, got 3.0"),
        (_set("c1", start=1.5), "/start: 1.5 is not of type 'integer'"),
        (_set("c1", start=True), "/start: True is not of type 'integer'"),
        (_set("c1", origin="robot"), "/origin: 'robot' is not one of"),
        (_set("c1", status="maybe"), "/status: 'maybe' is not one of"),
        (_set("c1", confidence=1.5), "/confidence: 1.5 is greater than the maximum of 1"),
        (_set("c1", confidence="high"), "/confidence: 'high' is not of type 'number'"),
        (_set("c1", id=""), "/id: '' should be non-empty"),
        (_set("c1", id=7), "/id: 7 is not of type 'string'"),
        (_set("sp1", speaker_id="sp1"), "'speaker_id' not allowed on a 'speaker' annotation"),
        (_set("p1", heading_id="h1"), "'heading_id' not allowed on a 'paragraph' annotation"),
        (_set("p2", duplicate_of="p2"), "duplicate_of: points at itself"),
        (_set("p2", duplicate_of="h1"), "duplicate_of: must point at a paragraph, 'h1' is a heading"),
        (_set("q1", cue_id="nowhere"), "cue_id: points at unknown id 'nowhere'"),
        (_set("h1", end=len(TEXT) + 1), f"end {len(TEXT) + 1} is past the end of the text"),
        (_duplicate_id, "duplicate id"),
    ],
)
def test_every_model_invariant_still_refuses_the_file(tmp_path: Path, mutate, expected: str) -> None:  # type: ignore[no-untyped-def]
    data = valid_data()
    mutate(data)
    assert expected in _refuse(tmp_path, json.dumps(data, ensure_ascii=False))


def test_the_models_lists_are_the_schemas() -> None:
    """The trusted load relies on the schema for these; they must not drift apart."""
    from core.model import ORIGINS, TYPE_FIELDS, TYPES

    annotation = schema()["definitions"]["annotation"]
    properties = annotation["properties"]
    assert tuple(properties["type"]["enum"]) == TYPES
    assert tuple(properties["origin"]["enum"]) == ORIGINS
    assert tuple(properties["status"]["enum"]) == STATUSES
    assert tuple(properties["kind"]["enum"]) == KINDS
    for field_name, rule in annotation["dependencies"].items():
        allowed = rule["properties"]["type"]
        allowed = allowed["enum"] if "enum" in allowed else [allowed["const"]]
        assert sorted(allowed) == sorted(t for t, names in TYPE_FIELDS.items() if field_name in names)


def test_loaded_annotations_are_ordinary_annotations() -> None:
    loaded = loads_document(dumps_document(sample_document()))
    original = sample_document()
    for annotation in loaded:
        assert annotation == original.get(annotation.id)
        assert (annotation.extra == {} and annotation.extra is not loaded.get("c1").extra) or annotation.id == "c1"
    from core.errors import ModelError

    with pytest.raises(ModelError, match="end 2 is before start 6"):
        loaded.update("sp1", end=2)  # edits of loaded annotations are checked as always
    assert loaded.sha256 == original.sha256


def test_times_the_file_holds_are_written_back_as_they_are() -> None:
    """An empty "created" read from a file stays empty: only a missing time is filled in."""
    data = json.loads(dumps_document(sample_document()))
    data["meta"]["created"] = ""
    again = json.loads(dumps_document(loads_document(json.dumps(data))))
    assert again["meta"]["created"] == ""
    assert again["meta"]["modified"] == data["meta"]["modified"]
    assert json.loads(dumps_document(Document("نص", id="a")))["meta"]["created"]  # a new document: now
