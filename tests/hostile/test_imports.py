"""Issue 10, items 2, 4, 5 and 11 (and 1 for doccano): brat and doccano files made by hand or by
an attacker get one line naming the file, the line and the problem; nothing is written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import InputError
from core.interchange.brat import read_brat
from core.interchange.doccano import read_doccano
from tests.hostile.conftest import Run, one_line

TEXT = "قال الوزير: «السلام ممكن» اليوم.\nوأضاف أن المفاوضات مستمرة."


def _brat(tmp_path: Path, ann: str) -> Path:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    path = tmp_path / "a.ann"
    path.write_text(ann, encoding="utf-8")
    return path


def _import_refused(cli: Run, tmp_path: Path, source_format: str, path: Path, *words: str) -> None:
    out_dir = tmp_path / "imported"
    code, out, err = cli("import", "--from", source_format, path, "-o", out_dir)
    assert code == 2 and out == ""
    one_line(err, path, *words)
    assert not out_dir.exists() or not any(out_dir.iterdir())  # nothing was written


@pytest.mark.parametrize(
    ("ann", "words"),
    [
        ("T1\tCue 0 3\tقال\nT1\tSpeaker 4 10\tالوزير\n", ("line 2", "'T1' is used twice", "line 1")),  # item 11
        ("T1\tCue 0 ²\tقال\n", ("line 1", "digits 0-9")),  # item 4: a superscript digit
        ("T1\tCue 0 ٣\tقال\n", ("line 1", "digits 0-9")),  # item 4: Arabic-Indic digits
        ("T1\tCue 0 " + "9" * 5000 + "\tقال\n", ("line 1", "digits 0-9")),  # item 2
        ("T1\tCue 0 3\tقال\n#1\tAnnotatorNotes T1\tiqtibas " + "[" * 5000 + "]" * 5000 + "\n", ("line 2", "nested more than")),
        ("T1\tCue 0 3\tقال\n#1\tAnnotatorNotes T1\tiqtibas {\"speaker\": " + "1" * 5000 + "}\n", ("line 2", "5,000 digits")),
        ("T1\tCue 0 3\tقال\n#1\tAnnotatorNotes T1\tiqtibas {\"speaker\": \"\\ud800\"}\n", ("line 2", "lone surrogate")),
        ("T1\tCue 0 3\tقال\n#1\tAnnotatorNotes T1\tiqtibas {\"span\": [0, NaN]}\n", ("line 2", "NaN")),
    ],
)
def test_brat_import_refusals(tmp_path: Path, cli: Run, ann: str, words: tuple[str, ...]) -> None:
    _import_refused(cli, tmp_path, "brat", _brat(tmp_path, ann), *words)


def test_brat_fragments_in_reverse_order_make_one_span(tmp_path: Path, cli: Run) -> None:
    """Item 4: ``T9<TAB>DirectQuote 30 40;0 5`` crashed the model (ModelError: end before start).
    Fragments may come in any order: the span runs from the first character to the last."""
    path = _brat(tmp_path, f"T1\tIndirectQuote 34 42;0 3\t{TEXT[34:42]} {TEXT[0:3]}\n")
    (_, document), = read_brat(path.with_suffix(".txt"), path).documents
    (quote,) = document.of_type("quote")
    assert (quote.start, quote.end) == (0, 42)
    code, _, err = cli("import", "--from", "brat", path, "-o", tmp_path / "out")
    assert code == 0 and "Traceback" not in err


def test_brat_duplicate_ids_are_refused_not_dropped(tmp_path: Path) -> None:
    path = _brat(tmp_path, "T1\tCue 0 3\tقال\nT2\tSpeaker 4 10\tالوزير\nT2\tCue 34 39\tوأضاف\n")
    with pytest.raises(InputError, match="line 3: the id 'T2' is used twice"):
        read_brat(path.with_suffix(".txt"), path)


def _doccano(tmp_path: Path, *records: object) -> Path:
    path = tmp_path / "project.jsonl"
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in records), encoding="utf-8")
    return path


def _entities() -> list[dict[str, object]]:
    return [
        {"id": 1, "start_offset": 4, "end_offset": 10, "label": "Speaker"},
        {"id": 2, "start_offset": 13, "end_offset": 24, "label": "DirectQuote"},
    ]


@pytest.mark.parametrize(
    ("record", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, ("nested more than 64 levels deep",)),  # item 1 (read as a JSON list)
        ('{"text": "ab", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", ("line 1", "nested more than 64 levels deep")),
        ('{"text": "ab", "label": [[0, ' + "1" * 5000 + ', "Cue"]]}', ("line 1", "5,000 digits")),  # item 2
        ('{"text": "ab", "label": [[0, NaN, "Cue"]]}', ("line 1", "NaN")),
        ('{"text": "a\\udfffb", "label": []}', ("line 1", "lone surrogate")),
        ({"text": TEXT, "entities": [{"id": {"x": 1}, "start_offset": 0, "end_offset": 3, "label": "Cue"}]}, ("line 1", "entity id must be a number or a string")),
        ({"text": TEXT, "entities": _entities(), "relations": 7}, ("line 1", '"relations" must be a list')),
        ({"text": TEXT, "label": [], "iqtibas": {"quotes": "all"}}, ("line 1", '"quotes" must be a list')),
        ({"text": TEXT, "entities": [*_entities(), {"id": 1, "start_offset": 0, "end_offset": 3, "label": "Cue"}]}, ("line 1", "two entities have the id 1")),
    ],
)
def test_doccano_import_refusals(tmp_path: Path, cli: Run, record: object, words: tuple[str, ...]) -> None:
    _import_refused(cli, tmp_path, "doccano", _doccano(tmp_path, record), *words)


@pytest.mark.parametrize("bad_id", [{"x": 1}, [1], True])
def test_doccano_relations_with_ids_of_other_kinds_link_nothing(tmp_path: Path, bad_id: object) -> None:
    """Item 5: relations whose ids are objects or lists crashed (TypeError: unhashable type), and
    ``true`` linked entity 1 (True == 1). They name no entity: left out with a warning."""
    record = {"text": TEXT, "entities": _entities(), "relations": [{"id": 9, "from_id": bad_id, "to_id": 1}]}
    result = read_doccano(_doccano(tmp_path, record))
    (_, document), = result.documents
    (quote,) = document.of_type("quote")
    assert quote.speaker_id is None
    assert result.warnings == [f"{tmp_path / 'project.jsonl'}: line 1: relation 9 links an unknown or skipped entity; left out"]


# Issue 11's readers get the same treatment -------------------------------------------------------
def _labelstudio(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "export.json"
    path.write_text(content, encoding="utf-8")
    return path


_REGION = {"id": "r1", "from_name": "label", "to_name": "text", "type": "labels"}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("7", ("task 1", "not a Label Studio task")),
        ("[" * 100_000 + "]" * 100_000, ("nested more than 64 levels deep",)),
        (json.dumps([{"data": {"text": 5}}]), ("task 1", "no text in data.text")),
        (json.dumps([{"id": 3, "data": {"text": TEXT}, "annotations": [{"result": [
            {**_REGION, "value": {"start": 0, "end": 9999, "labels": ["Cue"]}}]}]}]), ("task 3", "outside the text")),
        (json.dumps([{"data": {"text": TEXT}, "annotations": [{"result": [
            {**_REGION, "value": {"start": "0", "end": 3, "labels": ["Cue"]}}]}]}]), ("task 1", "not an integer")),
        ('[{"data": {"text": "ab"}, "predictions": [{"score": NaN}]}]', ("NaN",)),
        ("[]", ("no tasks",)),
    ],
)
def test_labelstudio_import_refusals(tmp_path: Path, cli: Run, content: str, words: tuple[str, ...]) -> None:
    _import_refused(cli, tmp_path, "labelstudio", _labelstudio(tmp_path, content), *words)


def test_labelstudio_odd_shapes_are_left_out_not_crashed_on(tmp_path: Path, cli: Run) -> None:
    odd = [{"id": {"x": 1}, "data": {"text": TEXT, "article": ["no"], "iqtibas": {"provenance": {"r1": {"id": 5}}}},
            "annotations": [{"result": [
                {**_REGION, "value": {"start": 0, "end": 3, "labels": ["Cue"]}},
                {**_REGION, "id": {"x": 1}, "value": {"start": 0, "end": 3, "labels": ["Cue"]}},
                {**_REGION, "id": "r2", "value": {"start": 4, "end": 10, "labels": [{"x": 1}]}},
                {"type": "relation", "from_id": {"x": 1}, "to_id": [1]},
                {"id": "r1", "from_name": "speaker", "type": "textarea", "value": {"text": [1, None]}},
                "not a region",
            ], "updated_at": {"x": 1}}, "not an annotation"], "predictions": "none"}]
    code, _, err = cli("import", "--from", "labelstudio", _labelstudio(tmp_path, json.dumps(odd)), "-o", tmp_path / "out")
    assert code == 1  # imported, with a warning for what was left out
    assert err.splitlines()[0] == f"warning: {tmp_path / 'export.json'}: task 1: 1 region without a label left out"
    (written,) = (tmp_path / "out").iterdir()
    assert written.name == "export-1.iqtibas.json"


@pytest.mark.parametrize(
    ("xml", "words"),
    [
        ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/hostname">]><x>&e;</x>', ("not UIMA CAS XMI", "Entity 'e' not defined")),
        ('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
         + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)) + "]><x>&j;</x>",
         ("not UIMA CAS XMI", "amplification")),
        ("<x>" * 100_000, ("not UIMA CAS XMI",)),
    ],
)
def test_xmi_import_refusals(tmp_path: Path, cli: Run, xml: str, words: tuple[str, ...]) -> None:
    from core.interchange.xmi import TYPESYSTEM_NAME, typesystem_xml

    (tmp_path / TYPESYSTEM_NAME).write_text(typesystem_xml(), encoding="utf-8")
    path = tmp_path / "a.xmi"
    path.write_text(xml, encoding="utf-8")
    _import_refused(cli, tmp_path, "xmi", path, *words)
