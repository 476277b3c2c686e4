"""Generated hostile input for every entry point that reads or writes other people's files.

Each property runs 10,000 examples (2,000 for the exchange formats of issue 11; marked slow): the annotation-file loader, the brat, doccano
and Label Studio importers get mutated and invented files and must either refuse with
``InputError`` naming the file or return documents that can be saved; the CSV, brat, doccano,
Label Studio, XMI and Parquet exporters get documents with hostile text (formula starts, carriage
returns, line separators, astral characters) and must write output that reads back: every CSV row
whole and free of formulas, brat, doccano, Label Studio and XMI files that import again to the
same spans, Parquet rows whose text is the article's at their offsets.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import InputError
from core.export import FORMULA_STARTS, QUOTE_COLUMNS, write_csv
from core.interchange import exported
from core.interchange.brat import fragments, parse_brat, to_standoff
from core.interchange.doccano import parse_doccano, to_record, to_relation_record
from core.interchange.labelstudio import parse_labelstudio, to_task
from core.jsonformat import encode_document, loads_document
from core.model import KINDS, STATUSES, Annotation, Document
from core.safejson import dumps_line
from tests.core.jsonformat_samples import valid_data

pytestmark = pytest.mark.slow

# 10,000 per entry point (the minimum); a smaller number while working on a strategy:
# IQTIBAS_HOSTILE_EXAMPLES=200 python -m pytest tests/hostile/test_properties.py
EXAMPLES = int(os.environ.get("IQTIBAS_HOSTILE_EXAMPLES", "10000"))
PROPERTY = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
# The exchange formats of issue 11 go through slower libraries per example (cassis builds a CAS,
# pyarrow a table): a fifth as many keeps CI well inside its budget.
EXCHANGE = settings(PROPERTY, max_examples=max(1, EXAMPLES // 5))
PATH = Path("hostile/input")

# Characters that have broken something somewhere: formula starts, every kind of line break,
# quotes and backslashes, lone-surrogate look-alikes spelled out, astral characters, Arabic.
HOSTILE_CHARS = "=+-@\t\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\"'\\;:,{}[]0123456789²٣ 😀𞸀قالوزير«»\u200fـ\x00"
hostile_text = st.text(
    alphabet=st.one_of(st.sampled_from(HOSTILE_CHARS), st.characters(blacklist_categories=("Cs",))), max_size=60
)

json_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**30), 10**30), st.floats(allow_nan=False, allow_infinity=False), hostile_text
)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(hostile_text, inner, max_size=4)),
    max_leaves=12,
)
# JSON text a hostile tool could write: valid JSON, or JSON with what Python's json module
# takes but JSON refuses (NaN, Infinity, deep nesting, huge numbers, lone surrogates).
json_oddities = st.sampled_from(["NaN", "-Infinity", "1e999", "9" * 5000, '"\\ud800"', "[" * 200 + "]" * 200, '"\\udc80x"'])


def _assert_storable(document: Document) -> None:
    """A document that came through must be savable and read back the same."""
    data = encode_document(document, PATH)
    assert loads_document(data.decode("utf-8")) == document


# The annotation-file loader ----------------------------------------------------------------------
KEYS = ["format", "version", "document", "annotations", "meta", "text", "sha256", "id", "type", "start", "end",
        "origin", "status", "confidence", "kind", "speaker", "speaker_id", "cue", "cue_id", "heading_id",
        "duplicate_of", "note", "future"]


@st.composite
def mutated_files(draw: st.DrawFn) -> str:
    """The sample file with a few values replaced at random places, sometimes by raw oddities."""
    data: Any = valid_data()
    for _ in range(draw(st.integers(1, 4))):
        path = []
        node = data
        while isinstance(node, (dict, list)) and node and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(node) if isinstance(node, dict) else list(range(len(node)))))
            path.append(key)
            node = node[key]
        target = data
        for key in path[:-1]:
            target = target[key]
        value = draw(json_values)
        if not path:
            data = value
        elif isinstance(target, dict) and draw(st.booleans()):
            target[draw(st.sampled_from(KEYS))] = value
        else:
            target[path[-1]] = value
    text = json.dumps(data, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 3)) == 0 and "null" in text:  # splice in something json.dumps would not write
        text = text.replace("null", draw(json_oddities), 1)
    return text


@PROPERTY
@given(st.one_of(mutated_files(), hostile_text, json_values.map(json.dumps)))
def test_the_loader_refuses_cleanly_or_loads_a_savable_document(text: str) -> None:
    try:
        document = loads_document(text, str(PATH))
    except InputError as error:
        assert str(error).startswith(f"{PATH}: ") and "\n" not in str(error)
        return
    _assert_storable(document)


# The brat importer -------------------------------------------------------------------------------
BRAT_TEXT = "قال الوزير: «السلام ممكن» 😀 اليوم.\r\nوأضاف أن المفاوضات مستمرة.\n"
brat_numbers = st.one_of(st.integers(0, 80).map(str), st.sampled_from(["-1", "²", "٣", "9" * 30, "", "1.5", "0x1"]))
brat_labels = st.sampled_from(["DirectQuote", "IndirectQuote", "Speaker", "Cue", "Title", "heading", "Person", "", "T1"])
brat_ids = st.sampled_from(["T1", "T2", "T3", "R1", "R2", "#1", "#2", "A1", "E1", "N1", "*", "T", "#"])


@st.composite
def brat_lines(draw: st.DrawFn) -> str:
    ann_id = draw(brat_ids)
    kind = ann_id[0]
    if kind == "T":
        pieces = draw(st.lists(st.tuples(brat_numbers, brat_numbers), min_size=1, max_size=3))
        offsets = ";".join(f"{a} {b}" for a, b in pieces)
        shown = draw(st.one_of(hostile_text, st.just("")))
        return f"{ann_id}\t{draw(brat_labels)} {offsets}\t{shown}"
    if kind == "R":
        return f"{ann_id}\t{draw(brat_labels)} Arg1:{draw(brat_ids)} Arg2:{draw(brat_ids)}"
    if kind == "#":
        note = draw(st.one_of(hostile_text, json_values.map(lambda v: "iqtibas " + json.dumps(v)), json_oddities.map(lambda v: "iqtibas " + v)))
        return f"{ann_id}\tAnnotatorNotes {draw(brat_ids)}\t{note}"
    return draw(st.one_of(hostile_text, st.just(f"{ann_id}\t{draw(hostile_text)}")))


@PROPERTY
@given(st.lists(brat_lines(), max_size=8), st.one_of(st.just(BRAT_TEXT), hostile_text))
def test_the_brat_importer_refuses_cleanly_or_imports(lines: list[str], text: str) -> None:
    try:
        result = parse_brat(text, "\n".join(lines), PATH.with_suffix(".txt"), PATH.with_suffix(".ann"))
    except InputError as error:
        assert str(error).startswith(f"{PATH.with_suffix('.ann')}: ") and "\n" not in str(error)
        return
    for _, document in result.documents:
        _assert_storable(document)


# The doccano importer ----------------------------------------------------------------------------
DOCCANO_TEXT = "قال الوزير 😀: «السلام ممكن».\r\nوأضاف أن المفاوضات مستمرة."
offsets = st.one_of(st.integers(-2, 70), st.sampled_from([1.5, True, None, "3", 10**40]))


@st.composite
def doccano_records(draw: st.DrawFn) -> str:
    record: dict[str, Any] = {"text": draw(st.one_of(st.just(DOCCANO_TEXT), hostile_text, json_values))}
    if draw(st.booleans()):
        record["label"] = draw(st.lists(st.one_of(st.tuples(offsets, offsets, brat_labels).map(list), json_values), max_size=4))
    if draw(st.booleans()):
        entity = st.fixed_dictionaries(
            {"id": st.one_of(st.integers(0, 3), json_values), "start_offset": offsets, "end_offset": offsets, "label": brat_labels}
        )
        record["entities"] = draw(st.lists(st.one_of(entity, json_values), max_size=4))
        record["relations"] = draw(st.one_of(
            json_values,
            st.lists(st.fixed_dictionaries({"id": json_values, "from_id": st.one_of(st.integers(0, 3), json_values), "to_id": st.one_of(st.integers(0, 3), json_values)}), max_size=3),
        ))
    if draw(st.booleans()):
        record["iqtibas"] = draw(st.one_of(json_values, st.fixed_dictionaries({
            "offsets": st.sampled_from(["utf-16", "codepoints", "graphemes"]),
            "quotes": st.lists(st.dictionaries(st.sampled_from(["span", "speaker", "cue", "note", "speaker_span", "cue_span"]), json_values), max_size=3),
            "spans": st.lists(st.dictionaries(st.sampled_from(["span", "label", "speaker", "note"]), json_values), max_size=3),
        })))
    line = json.dumps(record, ensure_ascii=draw(st.booleans()))
    if draw(st.integers(0, 4)) == 0 and "null" in line:
        line = line.replace("null", draw(json_oddities), 1)
    return line


@PROPERTY
@given(st.lists(st.one_of(doccano_records(), hostile_text), min_size=1, max_size=3))
def test_the_doccano_importer_refuses_cleanly_or_imports(lines: list[str]) -> None:
    try:
        result = parse_doccano("\n".join(lines), PATH)
    except InputError as error:
        assert str(error).startswith(f"{PATH}: ") and "\n" not in str(error)
        return
    for _, document in result.documents:
        _assert_storable(document)


# The exporters -------------------------------------------------------------------------------------
@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Documents with hostile text, names, cues and notes, spans anywhere (overlapping, empty).

    Their text has no carriage return, as stored texts never do (articles are read with newlines
    normalised; brat and doccano imports normalise them too)."""
    text = draw(hostile_text.filter(bool)).replace("\r", "\n")
    document = Document(text, id=draw(hostile_text.filter(str.strip)))
    speakers: list[str] = []
    cues: list[str] = []
    for number in range(draw(st.integers(0, 8))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, len(text)))
        type_name = draw(st.sampled_from(["quote", "quote", "speaker", "cue", "title", "heading", "boilerplate"]))
        fields: dict[str, Any] = {"status": draw(st.sampled_from(STATUSES)), "note": draw(st.none() | hostile_text)}
        if type_name == "quote":
            fields.update(
                kind=draw(st.sampled_from(KINDS)),
                speaker=draw(st.none() | hostile_text.filter(str.strip)),
                cue=draw(st.none() | hostile_text.filter(str.strip)),
                speaker_id=draw(st.none() | st.sampled_from(speakers)) if speakers else None,
                cue_id=draw(st.none() | st.sampled_from(cues)) if cues else None,
            )
        elif type_name == "speaker":
            fields["speaker"] = draw(st.none() | hostile_text.filter(str.strip))
        annotation = Annotation(f"a{number}", type_name, start, end, **fields)
        document.add(annotation)
        (speakers if type_name == "speaker" else cues if type_name == "cue" else []).append(annotation.id)
    return document


@PROPERTY
@given(st.lists(documents(), min_size=1, max_size=2))
def test_csv_export_rows_are_whole_and_never_formulas(batch: list[Document]) -> None:
    out = io.StringIO(newline="")
    count = write_csv(batch, out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0] == list(QUOTE_COLUMNS) and len(rows) == count + 1
    quotes = [q for document in batch for q in document if q.type == "quote" and q.is_active]
    assert count == len(quotes)
    for row, quote in zip(rows[1:], quotes, strict=True):
        assert len(row) == len(QUOTE_COLUMNS)
        assert not any(cell.startswith(FORMULA_STARTS) for cell in row)
        cells = dict(zip(QUOTE_COLUMNS, row, strict=True))
        assert (int(cells["start"]), int(cells["end"])) == (quote.start, quote.end)
        speaker = cells["speaker"]
        assert (speaker[1:] if quote.speaker and quote.speaker.startswith(FORMULA_STARTS) else speaker) == (quote.speaker or "")


@PROPERTY
@given(documents())
def test_brat_export_imports_back_to_the_same_spans(document: Document) -> None:
    standoff = to_standoff(document, "article")
    assert all(not any(ch in line for ch in "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029") for line in standoff.ann.split("\n"))
    (_, imported), = parse_brat(standoff.txt, standoff.ann, PATH.with_suffix(".txt"), PATH.with_suffix(".ann")).documents
    expected = {
        (a.type, a.kind, a.start, a.end) for a in exported(document) if fragments(document.text, a.start, a.end)
    }
    assert {(a.type, a.kind, a.start, a.end) for a in exported(imported)} == expected
    _assert_storable(imported)


@PROPERTY
@given(documents())
def test_doccano_export_imports_back_to_the_same_spans(document: Document) -> None:
    line = dumps_line(to_record(document))
    assert "\n" not in line
    json.loads(line, parse_constant=lambda name: pytest.fail(f"{name} written"))  # strict JSON
    (_, imported), = parse_doccano(line, PATH).documents
    assert imported.text == document.text
    assert {(a.type, a.kind, a.start, a.end) for a in exported(imported)} == {
        (a.type, a.kind, a.start, a.end) for a in exported(document)
    }
    _assert_storable(imported)


@EXCHANGE
@given(documents())
def test_doccano_relation_export_imports_back_to_the_same_spans_and_links(document: Document) -> None:
    (_, imported), = parse_doccano(dumps_line(to_relation_record(document)), PATH).documents
    assert {(a.type, a.kind, a.start, a.end) for a in exported(imported)} == {
        (a.type, a.kind, a.start, a.end) for a in exported(document)
    }
    _assert_storable(imported)


# Label Studio ------------------------------------------------------------------------------------
regions = st.fixed_dictionaries({
    "id": st.one_of(st.sampled_from(["a0", "a1", "r1"]), json_values),
    "from_name": st.sampled_from(["label", "speaker", "cue", "note", "other"]),
    "to_name": st.just("text"),
    "type": st.sampled_from(["labels", "textarea", "relation", "choices"]),
    "value": st.one_of(json_values, st.fixed_dictionaries({
        "start": offsets, "end": offsets, "text": st.one_of(hostile_text, st.lists(json_values, max_size=2)),
        "labels": st.lists(st.one_of(brat_labels, json_values), max_size=2),
    })),
    "from_id": st.one_of(st.sampled_from(["a0", "a1", "r1"]), json_values),
    "to_id": st.one_of(st.sampled_from(["a0", "a1", "r1"]), json_values),
})


@st.composite
def labelstudio_tasks(draw: st.DrawFn) -> Any:
    data: dict[str, Any] = {"text": draw(st.one_of(st.just(DOCCANO_TEXT), hostile_text, json_values))}
    if draw(st.booleans()):
        data["iqtibas"] = draw(st.one_of(json_values, st.fixed_dictionaries({
            "sha256": st.one_of(st.none(), hostile_text),
            "provenance": st.dictionaries(st.sampled_from(["a0", "a1", "r1"]), json_values, max_size=3),
        })))
    task: dict[str, Any] = {"data": draw(st.one_of(st.just(data), json_values))}
    for key in ("annotations", "predictions"):
        if draw(st.booleans()):
            task[key] = draw(st.one_of(json_values, st.lists(st.fixed_dictionaries({
                "id": json_values, "result": st.one_of(json_values, st.lists(st.one_of(regions, json_values), max_size=4)),
                "was_cancelled": st.booleans(), "parent_prediction": st.one_of(st.none(), st.integers(0, 3)),
                "updated_at": json_values,
            }), max_size=2)))
    if draw(st.booleans()):
        task["id"] = draw(json_values)
    return task


@EXCHANGE
@given(st.one_of(st.lists(labelstudio_tasks(), max_size=3).map(json.dumps), labelstudio_tasks().map(json.dumps), hostile_text))
def test_the_labelstudio_importer_refuses_cleanly_or_imports(content: str) -> None:
    try:
        result = parse_labelstudio(content, PATH)
    except InputError as error:
        assert str(error).startswith(f"{PATH}: ") and "\n" not in str(error)
        return
    for _, document in result.documents:
        _assert_storable(document)


@EXCHANGE
@given(documents())
def test_labelstudio_export_imports_back_to_the_same_spans(document: Document) -> None:
    content = json.dumps([to_task(document)], allow_nan=False)
    (_, imported), = parse_labelstudio(content, PATH).documents
    assert imported.text == document.text
    assert {(a.type, a.kind, a.start, a.end, a.status) for a in exported(imported)} == {
        (a.type, a.kind, a.start, a.end, a.status) for a in exported(document)
    }
    _assert_storable(imported)


# XMI and Parquet ----------------------------------------------------------------------------------
@EXCHANGE
@given(documents())
def test_xmi_export_imports_back_to_the_same_spans(document: Document) -> None:
    from core.interchange.xmi import XmiSource, not_xml, read_xmi_sources, to_xmi, typesystem, unsafe_values, xml_safe

    if not_xml(document.text) is not None:
        return  # left out of the export with a warning (tests/core/test_exchange.py)
    lossy = unsafe_values(document, include_rejected=True)  # names written with U+FFFD, with a warning
    system = typesystem()
    data = to_xmi(document, system, include_rejected=True).encode("utf-8")
    source = XmiSource(str(PATH), "input", data, system.to_xml().encode("utf-8"), "TypeSystem.xml")
    (_, imported), = read_xmi_sources([source]).documents
    assert imported.text == document.text
    def safe(value: str | None) -> str | None:  # what XML 1.0 can carry (U+FFFD for the rest)
        return None if value is None else xml_safe(value).strip() or None

    assert {(a.type, a.kind, a.start, a.end, lossy or a.status, a.note) for a in exported(imported, include_rejected=True)} == {
        (a.type, a.kind, a.start, a.end, lossy or a.status, safe(a.note)) for a in exported(document, include_rejected=True)
    }
    _assert_storable(imported)


@EXCHANGE
@given(st.lists(documents(), min_size=1, max_size=2))
def test_parquet_rows_hold_the_text_at_their_offsets(batch: list[Document]) -> None:
    from core.interchange.parquet import tables

    quotes, structure = tables(batch, include_rejected=True)
    texts = {document.sha256: document.text for document in batch}
    rows = quotes.to_pylist() + structure.to_pylist()
    assert len(rows) == sum(len(document) for document in batch)
    for row in rows:
        assert row["text"] == texts[row["sha256"]][row["start"] : row["end"]]
