"""Issue 11: XMI (INCEpTION/WebAnno), Label Studio, doccano relations and Parquet, each checked with
its peer's own library — dkpro-cassis, Label Studio's SDK, pyarrow — on text with astral characters
(😀, U+1EE00) before the annotations, so every offset conversion is exercised."""

from __future__ import annotations

import copy
import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from core.cli import main
from core.errors import InputError
from core.interchange import exported
from core.interchange.doccano import overlapping, read_doccano, to_relation_record, write_doccano_relations
from core.interchange.labelstudio import config_path, label_config, read_labelstudio, to_task
from core.interchange.offsets import OffsetMap
from core.interchange.xmi import TYPESYSTEM_NAME, read_xmi, write_xmi
from core.jsonformat import load_document, save_document
from core.model import Annotation, Document

# The same article, astral characters before the annotations, as the older exchange tests.
from tests.core.test_interchange import TEXT, span


def mixed_document() -> Document:
    """Automatic suggestions (pending and accepted), hand-made annotations, links, a rejected quote."""
    auto: dict[str, Any] = {"origin": "auto", "status": "pending"}
    document = Document(TEXT, id="سد-الوادي", source="corpus/سد.txt")
    document.add(Annotation("t1", "title", *span("سد 😀 جديد في 𞸀 الوادي"), confidence=0.9, **auto))
    document.add(Annotation("b1", "boilerplate", *span("المصدر: وكالات"), origin="auto", status="accepted", confidence=0.7))
    document.add(Annotation("sp1", "speaker", *span("الوزير سامي الخطيب"), speaker="سامي الخطيب", confidence=0.9, **auto))
    document.add(Annotation("c1", "cue", *span("قال"), confidence=0.9, **auto))
    document.add(Annotation("q1", "quote", *span("سنبني السد 😀 هذا العام\nونوفر المياه للقرى"), kind="direct",
                            speaker="سامي الخطيب", speaker_id="sp1", cue="قال", cue_id="c1", confidence=0.95,
                            speaker_confidence=0.73, note="سطران", **auto))
    document.add(Annotation("sp2", "speaker", *span("الخطيب أن"), speaker="سامي الخطيب"))
    document.add(Annotation("c2", "cue", *span("وأضاف الخطيب")))
    document.add(Annotation("q2", "quote", *span("التمويل 𞸁 متوفر"), kind="indirect", speaker="سامي الخطيب",
                            speaker_id="sp2", cue="وأضاف", cue_id="c2"))
    document.add(Annotation("q3", "quote", *span("الوادي"), kind="direct", confidence=0.4, speaker_confidence=0.2,
                            origin="auto", status="rejected"))
    return document


def carried(document: Document, *, include_rejected: bool = False) -> list[tuple[object, ...]]:
    """Everything an exchange with an Iqtibas-aware format must keep, ids included."""
    return sorted(
        (a.id, a.type, a.kind, a.start, a.end, a.speaker, a.speaker_id, a.cue, a.cue_id, a.origin, a.status,
         a.confidence, a.speaker_confidence, a.corrected, a.note)
        for a in exported(document, include_rejected=include_rejected)
    )


# XMI ---------------------------------------------------------------------------------------------
def test_xmi_offsets_on_disk_are_utf16_and_cassis_reads_every_feature(tmp_path: Path) -> None:
    import cassis

    document = mixed_document()
    (xmi_file,), warnings = write_xmi([document], tmp_path, include_rejected=True)
    assert warnings == []
    units = OffsetMap(TEXT)
    raw = {
        (int(element.get("begin", -1)), int(element.get("end", -1))): element
        for element in ET.parse(xmi_file).getroot()
        if element.tag.endswith("IqtibasSpan")
    }
    assert len(raw) == len(exported(document, include_rejected=True))
    for annotation in exported(document, include_rejected=True):  # UIMA counts UTF-16 code units
        assert (units.to_utf16(annotation.start), units.to_utf16(annotation.end)) in raw
    assert units.to_utf16(span("التمويل 𞸁 متوفر")[0]) == span("التمويل 𞸁 متوفر")[0] + 3  # three astral characters before

    with (tmp_path / TYPESYSTEM_NAME).open("rb") as handle:
        system = cassis.load_typesystem(handle)
    with xmi_file.open("rb") as handle:
        cas = cassis.load_cas_from_xmi(handle, typesystem=system)
    assert cas.sofa_string == TEXT
    by_text = {(s.begin, s.end): s for s in cas.select("webanno.custom.IqtibasSpan")}
    q1 = document.get("q1")
    fs = by_text[(q1.start, q1.end)]
    assert fs.get_covered_text() == document.span_text(q1)
    assert (fs.label, fs.speaker, fs.cue, fs.status, fs.origin, fs.confidence, fs.speakerConfidence, fs.note) == (
        "DirectQuote", "سامي الخطيب", "قال", "pending", "auto", 0.95, 0.73, "سطران")
    links = {(link.Governor.get_covered_text(), link.Dependent.get_covered_text(), link.label)
             for link in cas.select("webanno.custom.IqtibasLink")}
    assert links == {
        (document.span_text(q1), "الوزير سامي الخطيب", "SaidBy"), (document.span_text(q1), "قال", "CuedBy"),
        ("التمويل 𞸁 متوفر", "الخطيب أن", "SaidBy"), ("التمويل 𞸁 متوفر", "وأضاف الخطيب", "CuedBy"),
    }
    sentences = [s.get_covered_text() for s in cas.select("de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence")]
    assert sentences == [line for line in TEXT.split("\n") if line]


def test_xmi_round_trip_is_exact(tmp_path: Path) -> None:
    document = mixed_document()
    write_xmi([document], tmp_path, include_rejected=True)
    (name, back), = read_xmi([tmp_path]).documents
    assert name == document.id
    assert back.text == TEXT
    assert carried(back, include_rejected=True) == carried(document, include_rejected=True)
    assert {a.type for a in back} >= {"paragraph", "section"}  # derived again from the text


@pytest.mark.parametrize(("doc_id", "name"), [("report.txt", "report"), ("wadi.XMI", "wadi"), (".XMI", ".XMI"), ("x", "x")])
def test_xmi_import_names_the_article_by_its_title_without_the_file_suffix(doc_id: str, name: str) -> None:
    """Found by the property tests: an article titled ".XMI" was imported with an empty id, which
    no annotation file may hold. A suffix is dropped only when a name remains."""
    from core.interchange.xmi import XmiSource, read_xmi_sources, to_xmi, typesystem

    document = Document(TEXT, id=doc_id)
    system = typesystem()
    source = XmiSource("in.xmi", "in", to_xmi(document, system).encode("utf-8"), system.to_xml().encode("utf-8"), "TypeSystem.xml")
    (imported_name, imported), = read_xmi_sources([source]).documents
    assert imported_name == imported.id == name


def test_xmi_without_rejected_by_default(tmp_path: Path) -> None:
    write_xmi([mixed_document()], tmp_path)
    (_, back), = read_xmi([tmp_path]).documents
    assert "q3" not in back and carried(back) == carried(mixed_document())


def _edit_in_inception(xmi_file: Path) -> None:
    """What an annotator does in INCEpTION, done with cassis: resize a suggestion, re-name a
    speaker, reject one by its status feature, draw a new cue, and delete a title."""
    import cassis

    with (xmi_file.parent / TYPESYSTEM_NAME).open("rb") as handle:
        system = cassis.load_typesystem(handle)
    with xmi_file.open("rb") as handle:
        cas = cassis.load_cas_from_xmi(handle, typesystem=system)
    spans = {s.get_covered_text(): s for s in cas.select("webanno.custom.IqtibasSpan")}
    quote = spans["سنبني السد 😀 هذا العام\nونوفر المياه للقرى"]
    quote.end = quote.end - len("\nونوفر المياه للقرى")  # code points: cassis converts
    spans["الوزير سامي الخطيب"].speaker = "الخطيب"
    spans["المصدر: وكالات"].status = "rejected"
    cas.remove(spans["سد 😀 جديد في 𞸀 الوادي"])
    new_type = system.get_type("webanno.custom.IqtibasSpan")
    start, end = span("أن")
    cas.add(new_type(begin=start, end=end, label="Cue"))
    xmi_file.write_text(cas.to_xmi(), encoding="utf-8")


def test_xmi_changes_made_in_inception_are_reviews(tmp_path: Path) -> None:
    document = mixed_document()
    (xmi_file,), _ = write_xmi([document], tmp_path)
    _edit_in_inception(xmi_file)
    (_, back), = read_xmi([tmp_path], status="pending").documents
    by_span = {(a.type, a.start, a.end): a for a in exported(back, include_rejected=True)}
    quote = by_span[("quote", *span("سنبني السد 😀 هذا العام"))]
    mention = by_span[("speaker", *span("الوزير سامي الخطيب"))]
    # a correction keeps the suggestion's origin and says what changed
    assert (quote.id, quote.origin, quote.status, quote.corrected) == ("q1", "auto", "accepted", ("end",))
    assert (mention.origin, mention.status, mention.corrected) == ("auto", "accepted", ("speaker",))
    assert quote.speaker_id == mention.id
    boilerplate = by_span[("boilerplate", *span("المصدر: وكالات"))]
    assert (boilerplate.origin, boilerplate.status, boilerplate.confidence) == ("auto", "rejected", 0.7)
    new_cue = by_span[("cue", *span("أن"))]
    assert (new_cue.origin, new_cue.status) == ("manual", "pending")  # made in INCEpTION: --status
    assert not back.of_type("title")
    untouched = by_span[("cue", *span("قال"))]
    assert (untouched.id, untouched.origin, untouched.status, untouched.confidence) == ("c1", "auto", "pending", 0.9)


def test_xmi_from_another_namespace_and_without_provenance(tmp_path: Path) -> None:
    """Newer INCEpTION versions name custom layers custom.X; spans drawn there carry no record."""
    import cassis

    from core.interchange.xmi import typesystem

    system = typesystem("custom")
    cas = cassis.Cas(typesystem=system)
    cas.sofa_string = TEXT
    kinds = system.get_type("custom.IqtibasSpan")
    quote = kinds(begin=span("التمويل 𞸁 متوفر")[0], end=span("التمويل 𞸁 متوفر")[1], label="IndirectQuote")
    mention = kinds(begin=span("الخطيب أن")[0], end=span("الخطيب أن")[0] + len("الخطيب"), label="Speaker")
    other = kinds(begin=0, end=2, label="Event")
    cas.add_all([quote, mention, other])
    cas.add(system.get_type("custom.IqtibasLink")(begin=mention.begin, end=mention.end, Governor=mention, Dependent=quote, label="SaidBy"))
    (tmp_path / "a.xmi").write_text(cas.to_xmi(), encoding="utf-8")
    (tmp_path / TYPESYSTEM_NAME).write_text(system.to_xml(), encoding="utf-8")
    result = read_xmi([tmp_path / "a.xmi"])
    (name, back), = result.documents
    assert name == "a"
    (q,) = back.of_type("quote")
    assert (q.kind, q.speaker, q.origin, q.status) == ("indirect", "الخطيب", "manual", "accepted")
    assert back.get(q.speaker_id).speaker == "الخطيب"
    assert result.warnings == [f"{tmp_path / 'a.xmi'}: 1 span labelled 'Event' left out (map it with --label Event=TYPE)"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.xmi": "<xmi/>"}, "no TypeSystem.xml beside it"),
        ({"a.xmi": "not xml", TYPESYSTEM_NAME: None}, "not UIMA CAS XMI"),
        ({"a.xmi": None, TYPESYSTEM_NAME: "<typeSystemDescription"}, "not a UIMA type system"),
    ],
)
def test_xmi_import_refuses_unusable_files(tmp_path: Path, files: dict[str, str | None], message: str) -> None:
    write_xmi([mixed_document()], tmp_path / "good")
    for name, content in files.items():
        source = tmp_path / "good" / (name if name == TYPESYSTEM_NAME else "سد-الوادي.xmi")
        (tmp_path / name).write_bytes(source.read_bytes() if content is None else content.encode())
    code = main(["import", "--from", "xmi", str(tmp_path / "a.xmi"), "-o", str(tmp_path / "out")])
    assert code == 2
    assert not (tmp_path / "out").exists()


def test_xmi_import_refusal_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.xmi").write_text("<xmi/>", encoding="utf-8")
    assert main(["import", "--from", "xmi", str(tmp_path), "-o", str(tmp_path / "out")]) == 2
    assert "a.xmi: no TypeSystem.xml beside it" in capsys.readouterr().err


def test_xmi_export_leaves_out_text_xml_cannot_hold(tmp_path: Path) -> None:
    bad = Document("عنوان\x0cنص", id="bad")
    written, warnings = write_xmi([bad, mixed_document()], tmp_path)
    assert [p.name for p in written] == ["سد-الوادي.xmi"]
    assert warnings == ["bad: left out: the text holds U+000C at character 5, which XML 1.0 cannot carry"]


def test_xmi_commands_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "in").mkdir()
    save_document(mixed_document(), tmp_path / "in" / "a.iqtibas.json", keep_backup=False)
    assert main(["export", str(tmp_path / "in"), "--to", "xmi", "-o", str(tmp_path / "xmi"), "--include-rejected"]) == 0
    assert main(["import", "--from", "xmi", str(tmp_path / "xmi"), "-o", str(tmp_path / "out")]) == 0
    back = load_document(tmp_path / "out" / "سد-الوادي.iqtibas.json")
    assert carried(back, include_rejected=True) == carried(mixed_document(), include_rejected=True)
    assert re.search(r"\b1 articles? written to", capsys.readouterr().err)  # (plural wording varies by branch)


@pytest.mark.parametrize(
    ("module", "args", "extra", "package"),
    [
        ("cassis", ["export", "IN", "--to", "xmi", "-o", "OUT"], "xmi", "dkpro-cassis"),
        ("cassis", ["import", "--from", "xmi", "IN", "-o", "OUT"], "xmi", "dkpro-cassis"),
        ("pyarrow", ["export", "IN", "--to", "parquet", "-o", "OUT"], "parquet", "pyarrow"),
    ],
)
def test_a_missing_extra_is_named_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    module: str, args: list[str], extra: str, package: str,
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import cassis / pyarrow now fails as if absent
    save_document(mixed_document(), tmp_path / "a.iqtibas.json", keep_backup=False)
    write_target = tmp_path / "xmi"
    if module == "cassis" and args[0] == "import":
        write_target.mkdir()
        (write_target / "a.xmi").write_text("<xmi/>", encoding="utf-8")
    paths = {"IN": str(write_target if args[0] == "import" else tmp_path / "a.iqtibas.json"), "OUT": str(tmp_path / "out")}
    assert main([paths.get(arg, arg) for arg in args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"needs {package}: install it with pip install 'iqtibas[{extra}]'" in err


# Label Studio ------------------------------------------------------------------------------------
def as_exported_by_label_studio(task: dict[str, Any], task_id: int) -> dict[str, Any]:
    """A task as Label Studio's JSON export gives it back after importing it (ids and times added)."""
    out = copy.deepcopy(task)
    out["id"] = task_id
    for number, annotation in enumerate(out.get("annotations", []), 1):
        annotation.update(id=100 * task_id + number, completed_by=1, was_cancelled=False,
                          created_at="2026-12-01T10:00:00Z", updated_at="2026-12-01T10:00:00Z", parent_prediction=None)
    for number, prediction in enumerate(out.get("predictions", []), 1):
        prediction.update(id=1000 * task_id + number, created_at="2026-12-01T09:00:00Z")
    return out


def label_studio_problems(config: str, task: dict[str, Any]) -> list[str]:
    """The rules of Label Studio's documented task JSON (labelstud.io/guide/tasks, /predictions,
    /tags/labels, /tags/textarea, /tags/relations) that a task breaks, against ``config``."""
    root = ET.fromstring(config)
    objects = {e.get("name"): e for e in root.iter() if e.tag == "Text"}
    controls = {e.get("name"): e for e in root.iter() if e.tag in ("Labels", "TextArea")}
    relation_labels = {e.get("value") for e in root.iter() if e.tag == "Relation"}
    problems = [f"object {name} reads ${{{e.get('value')}}}" for name, e in objects.items() if e.get("value") != "$text"]
    text = task["data"]["text"]
    for kind in ("predictions", "annotations"):
        for item in task.get(kind, []):
            if kind == "predictions" and not 0 <= item.get("score", 0) <= 1:
                problems.append(f"{kind}: score {item['score']}")
            regions = {r["id"] for r in item["result"] if r.get("type") == "labels"}
            if len(regions) != sum(1 for r in item["result"] if r.get("type") == "labels"):
                problems.append(f"{kind}: two regions share an id")
            for r in item["result"]:
                if r["type"] == "relation":
                    if r["from_id"] not in regions or r["to_id"] not in regions or r["direction"] not in ("left", "right", "bi"):
                        problems.append(f"{kind}: bad relation {r}")
                    if not set(r["labels"]) <= relation_labels:
                        problems.append(f"{kind}: relation labels {r['labels']}")
                    continue
                control = controls.get(r["from_name"])
                if control is None or r["to_name"] != control.get("toName") or r["to_name"] not in objects:
                    problems.append(f"{kind}: {r['from_name']} -> {r['to_name']} is not in the config")
                    continue
                if r["type"] != control.tag.lower():
                    problems.append(f"{kind}: type {r['type']} for a {control.tag}")
                value = r["value"]
                if not (isinstance(value["start"], int) and 0 <= value["start"] <= value["end"] <= len(text)):
                    problems.append(f"{kind}: offsets {value['start']}-{value['end']}")
                elif r["type"] == "labels":
                    allowed = {label.get("value") for label in control}
                    if not set(value["labels"]) <= allowed or value["text"] != text[value["start"] : value["end"]]:
                        problems.append(f"{kind}: region {r['id']} {value}")
                elif r["id"] not in regions or control.get("perRegion") != "true" or not all(isinstance(t, str) for t in value["text"]):
                    problems.append(f"{kind}: text area {r['id']} {value}")
                if not 0 <= r.get("score", 0) <= 1:
                    problems.append(f"{kind}: region score {r['score']}")
    return problems


def test_labelstudio_tasks_follow_label_studios_documented_json() -> None:
    task = to_task(mixed_document())
    assert label_studio_problems(label_config(), task) == []
    # The checker is not blind: what Label Studio would refuse or misplace, it finds.
    broken = copy.deepcopy(task)
    broken["predictions"][0]["result"][0]["value"]["end"] += 1  # text no longer at the offsets
    broken["annotations"][0]["result"][0]["value"]["labels"] = ["Person"]
    assert len(label_studio_problems(label_config(), broken)) == 2
    prediction_ids = {r["id"] for r in task["predictions"][0]["result"] if r["type"] == "labels"}
    annotation_ids = {r["id"] for r in task["annotations"][0]["result"] if r["type"] == "labels"}
    assert prediction_ids == {"t1", "b1", "sp1", "c1", "q1"}  # the automatic suggestions
    assert annotation_ids == {"b1", "sp2", "c2", "q2"}  # the reviewed work
    assert task["predictions"][0]["score"] == 0.7  # the most doubtful: b1's confidence
    scores = {(r["id"], r["from_name"]): r.get("score") for r in task["predictions"][0]["result"] if r["type"] != "relation"}
    assert (scores[("q1", "label")], scores[("q1", "speaker")]) == (0.95, 0.73)  # confidence, speaker confidence
    assert {(r["from_id"], r["to_id"], r["labels"][0]) for r in task["predictions"][0]["result"] if r["type"] == "relation"} == {
        ("q1", "sp1", "SaidBy"), ("q1", "c1", "CuedBy")}


def _write_export(tmp_path: Path, tasks: list[dict[str, Any]]) -> Path:
    path = tmp_path / "project.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def test_labelstudio_round_trip_is_exact(tmp_path: Path) -> None:
    document = mixed_document()
    export = _write_export(tmp_path, [as_exported_by_label_studio(to_task(document), 7)])
    result = read_labelstudio(export)
    (name, back), = result.documents
    assert (name, result.warnings) == (document.id, [])
    assert carried(back) == carried(document)


def test_labelstudio_task_nobody_annotated_comes_back_as_its_suggestions(tmp_path: Path) -> None:
    document = Document(TEXT, id="a")
    document.add(Annotation("q1", "quote", *span("التمويل 𞸁 متوفر"), kind="indirect", origin="auto", status="pending",
                            confidence=0.8, speaker_confidence=0.5, speaker="سامي الخطيب"))
    task = to_task(document)
    assert "annotations" not in task
    (_, back), = read_labelstudio(_write_export(tmp_path, [as_exported_by_label_studio(task, 1)])).documents
    assert carried(back) == carried(document)


def test_labelstudio_annotation_made_from_the_prediction(tmp_path: Path) -> None:
    """The annotator started from the suggestions, deleted the title, resized the quote, typed
    another speaker name, drew a new cue and submitted (one unchanged region got a new id)."""
    document = mixed_document()
    task = as_exported_by_label_studio(to_task(document), 3)
    prediction = task["predictions"][0]
    renamed = {"t1": None, "sp1": "sp1", "c1": "r-c1", "q1": "q1", "b1": "b1"}
    result = []
    for region in copy.deepcopy(prediction["result"]):
        region.pop("score", None)
        if region["type"] == "relation":
            region["from_id"], region["to_id"] = renamed[region["from_id"]], renamed[region["to_id"]]
            result.append(region)
            continue
        if renamed[region["id"]] is None:
            continue
        region["id"] = renamed[region["id"]]
        if region["id"] == "q1" and region["from_name"] == "label":
            region["value"]["end"] = span("سنبني السد 😀 هذا العام")[1]
            region["value"]["text"] = "سنبني السد 😀 هذا العام"
        if region["id"] == "q1" and region["from_name"] == "speaker":
            region["value"]["text"] = ["الوزير"]
        result.append(region)
    start, end = span("أن")
    result.append({"id": "new1", "from_name": "label", "to_name": "text", "type": "labels",
                   "value": {"start": start, "end": end, "text": "أن", "labels": ["Cue"]}})
    task["annotations"].append({"id": 999, "result": result, "was_cancelled": False, "completed_by": 2,
                                "created_at": "2026-12-02T10:00:00Z", "updated_at": "2026-12-02T10:00:00Z",
                                "parent_prediction": prediction["id"]})
    outcome = read_labelstudio(_write_export(tmp_path, [task]))
    (_, back), = outcome.documents
    assert outcome.warnings == [f"{tmp_path / 'project.json'}: task 3: 2 annotations; imported the most recent (id 999), left out the others"]
    by_id = {a.id: a for a in exported(back, include_rejected=True)}
    assert (by_id["t1"].origin, by_id["t1"].status, by_id["t1"].confidence) == ("auto", "rejected", 0.9)
    assert (by_id["c1"].origin, by_id["c1"].status) == ("auto", "accepted")  # submitted unchanged: accepted
    quote = by_id["q1"]
    assert (quote.end, quote.speaker, quote.speaker_id, quote.cue_id) == (span("سنبني السد 😀 هذا العام")[1], "الوزير", "sp1", "c1")
    assert (quote.origin, quote.status, quote.corrected, quote.speaker_confidence) == ("auto", "accepted", ("end", "speaker"), 0.73)
    (new_cue,) = [a for a in back.of_type("cue") if (a.start, a.end) == (start, end)]
    assert (new_cue.origin, new_cue.status) == ("manual", "accepted")
    # q2 and its mention were only in the older annotation, which was left out
    assert not {"q2", "sp2"} & set(by_id) and not back.of_type("quote")[1:]


def test_labelstudio_import_refuses_a_changed_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    task = as_exported_by_label_studio(to_task(mixed_document()), 1)
    task["data"]["text"] = TEXT.replace("سد", "جسر", 1)
    assert main(["import", "--from", "labelstudio", str(_write_export(tmp_path, [task])), "-o", str(tmp_path / "out")]) == 2
    assert "task 1: the text differs from the article Iqtibas exported (SHA-256 mismatch)" in capsys.readouterr().err


def test_labelstudio_export_writes_the_config_beside_the_tasks(tmp_path: Path) -> None:
    save_document(mixed_document(), tmp_path / "a.iqtibas.json", keep_backup=False)
    assert main(["export", str(tmp_path / "a.iqtibas.json"), "--to", "labelstudio", "-o", str(tmp_path / "tasks.json")]) == 0
    assert config_path(tmp_path / "tasks.json").read_text(encoding="utf-8") == label_config()
    (task,) = json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8"))
    assert task == json.loads(json.dumps(to_task(mixed_document())))
    assert main(["import", "--from", "labelstudio", str(tmp_path / "tasks.json"), "-o", str(tmp_path / "out")]) == 0
    assert carried(load_document(tmp_path / "out" / "سد-الوادي.iqtibas.json")) == carried(mixed_document())


# doccano -----------------------------------------------------------------------------------------
def test_doccano_relations_round_trip_with_links(tmp_path: Path) -> None:
    document = mixed_document()
    record = to_relation_record(document)
    units = OffsetMap(TEXT)
    entities = {e["id"]: e for e in record["entities"]}
    q2 = document.get("q2")
    (entity,) = [e for e in entities.values() if e["label"] == "IndirectQuote"]
    assert (entity["start_offset"], entity["end_offset"]) == (units.to_utf16(q2.start), units.to_utf16(q2.end))
    relations = {(entities[r["from_id"]]["label"], entities[r["to_id"]]["label"], r["type"]) for r in record["relations"]}
    assert relations == {("DirectQuote", "Speaker", "SaidBy"), ("DirectQuote", "Cue", "CuedBy"),
                         ("IndirectQuote", "Speaker", "SaidBy"), ("IndirectQuote", "Cue", "CuedBy")}
    path = tmp_path / "relations.jsonl"
    with path.open("w", encoding="utf-8") as out:
        assert write_doccano_relations([document], out) == len(exported(document))
    # What doccano keeps of it: entities and relations only (a resized mention keeps its relation).
    bare = {"text": record["text"], "entities": record["entities"], "relations": record["relations"]}
    (tmp_path / "bare.jsonl").write_text(json.dumps(bare, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["import", "--from", "doccano-relations", str(tmp_path / "bare.jsonl"), "-o", str(tmp_path / "cli")]) == 0
    for source in (path, tmp_path / "bare.jsonl"):
        (_, back), = read_doccano(source).documents
        links = {(back.span_text(q), back.span_text(back.get(q.speaker_id)), back.span_text(back.get(q.cue_id)))
                 for q in back.of_type("quote")}
        assert links == {(document.span_text(q), document.span_text(document.get(q.speaker_id)),
                          document.span_text(document.get(q.cue_id))) for q in (document.get("q1"), q2)}


def test_doccano_export_warns_about_overlapping_spans(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = mixed_document()
    assert overlapping(document) == 1  # the cue وأضاف الخطيب and the mention الخطيب أن
    document.add(Annotation("q9", "quote", *span("السد 😀 هذا"), kind="direct"))  # a quote inside a quote
    document.add(Annotation("c9", "cue", *span("قال الوزير")))  # over the cue and the mention
    assert overlapping(document) == 4
    save_document(document, tmp_path / "a.iqtibas.json", keep_backup=False)
    for fmt in ("doccano", "doccano-relations"):
        assert main(["export", str(tmp_path / "a.iqtibas.json"), "--to", fmt, "-o", str(tmp_path / f"{fmt}.jsonl")]) == 0
        err = capsys.readouterr().err
        assert "warning: 4 spans overlap another" in err and "\"Allow overlapping entity\" ticked" in err
    plain = Document("عنوان\nقال الوزير: «نعم».", id="p")
    plain.add(Annotation("t1", "title", 0, 5))
    plain.add(Annotation("q1", "quote", 18, 21, kind="direct"))
    assert overlapping(plain) == 0


# Parquet -----------------------------------------------------------------------------------------
def test_parquet_tables_read_back_with_pyarrow(tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from core.interchange.parquet import structure_path, write_parquet

    document = mixed_document()
    document.add(Annotation("p1", "paragraph", *span("سد 😀 جديد في 𞸀 الوادي"), origin="auto", status="pending", confidence=0.95))
    count, structure = write_parquet([document, Document("نص", id="empty")], tmp_path / "quotes.parquet")
    assert (count, structure) == (2, structure_path(tmp_path / "quotes.parquet"))
    quotes = pq.read_table(tmp_path / "quotes.parquet")
    assert quotes.schema.metadata[b"iqtibas.offsets"].startswith(b"Unicode code points")
    rows = {row["id"]: row for row in quotes.to_pylist()}
    assert set(rows) == {"q1", "q2"}
    q1 = rows["q1"]
    assert q1["text"] == TEXT[q1["start"] : q1["end"]] == document.span_text(document.get("q1"))
    assert (q1["article"], q1["source"], q1["kind"], q1["speaker"], q1["cue"], q1["status"], q1["origin"]) == (
        "سد-الوادي", "corpus/سد.txt", "direct", "سامي الخطيب", "قال", "pending", "auto")
    assert (q1["confidence"], q1["speaker_confidence"], q1["corrected"], q1["speaker_id"], q1["note"]) == (0.95, 0.73, [], "sp1", "سطران")
    assert (rows["q2"]["confidence"], rows["q2"]["origin"]) == (None, "manual")
    rest = pq.read_table(structure).to_pylist()
    assert sorted(r["type"] for r in rest) == ["boilerplate", "cue", "cue", "paragraph", "speaker", "speaker", "title"]
    assert all(r["text"] == TEXT[r["start"] : r["end"]] for r in rest)
    with_rejected, _ = write_parquet([document], tmp_path / "all.parquet", include_rejected=True)
    assert with_rejected == 3


def test_parquet_command_needs_an_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    save_document(mixed_document(), tmp_path / "a.iqtibas.json", keep_backup=False)
    assert main(["export", str(tmp_path / "a.iqtibas.json"), "--to", "parquet"]) == 2
    assert "give the quotes file with -o FILE" in capsys.readouterr().err
    assert main(["export", str(tmp_path / "a.iqtibas.json"), "--to", "parquet", "-o", str(tmp_path / "q.parquet")]) == 0
    assert re.search(r"\b2 quotes from 1 articles? written to", capsys.readouterr().err)
    assert (tmp_path / "q.structure.parquet").is_file()


def test_imported_ids_are_kept_only_when_iqtibas_could_have_given_them(tmp_path: Path) -> None:
    """A provenance record edited by hand cannot plant an id the file format refuses."""
    task = as_exported_by_label_studio(to_task(mixed_document()), 1)
    records = task["data"]["iqtibas"]["provenance"]
    records["q2"]["id"] = "x" * 300  # longer than the schema allows
    records["sp2"]["id"] = "q7"  # another type's prefix
    (_, back), = read_labelstudio(_write_export(tmp_path, [task])).documents
    assert all(len(a.id) <= 9 for a in back) and back.get("c2").type == "cue"
    (quote,) = [a for a in back.of_type("quote") if a.kind == "indirect"]
    assert quote.id != "x" * 300 and back.get(quote.speaker_id).id.startswith("sp")
    save_document(back, tmp_path / "back.iqtibas.json", keep_backup=False)
    load_document(tmp_path / "back.iqtibas.json")  # the file reads back


def test_xmi_import_reads_inceptions_zip_exports(tmp_path: Path) -> None:
    """A project export: one zip per document and annotator inside the project zip, each holding
    the annotator's CAS (named after the user) and the type system."""
    import io
    import zipfile

    (xmi_file,), _ = write_xmi([mixed_document()], tmp_path / "xmi")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("mona.xmi", xmi_file.read_bytes())
        archive.writestr(TYPESYSTEM_NAME, (tmp_path / "xmi" / TYPESYSTEM_NAME).read_bytes())
    with zipfile.ZipFile(tmp_path / "project.zip", "w") as archive:
        archive.writestr("exportedproject.json", "{}")
        archive.writestr("annotation/سد-الوادي.txt/mona.zip", inner.getvalue())
    (name, back), = read_xmi([tmp_path / "project.zip"]).documents
    assert (name, back.meta["annotator"]) == ("سد-الوادي", "mona")
    assert carried(back) == carried(mixed_document())
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(InputError, match=r"broken\.zip: not a readable zip archive"):
        read_xmi([tmp_path / "broken.zip"])
