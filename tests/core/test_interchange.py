"""doccano and brat: offsets, export, import and round trips, with astral characters in the text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from core.errors import InputError
from core.export import export_documents
from core.interchange import exported, parse_label_map
from core.interchange.brat import fragments, read_brat, to_standoff, write_brat
from core.interchange.doccano import read_doccano, to_record, write_doccano
from core.interchange.offsets import OffsetMap, normalise_newlines
from core.model import Annotation, Document

TEXT = (
    "سد 😀 جديد في 𞸀 الوادي\n"
    "قال الوزير سامي الخطيب: «سنبني السد 😀 هذا العام\n"
    "ونوفر المياه للقرى». وأضاف الخطيب أن التمويل 𞸁 متوفر.\n"
    "\n"
    "المصدر: وكالات"
)


def span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


def rich_document() -> Document:
    """Every exchanged type, links, notes, a quote across a line break, a rejected quote."""
    document = Document(TEXT, id="سد-الوادي", source="x.txt")
    document.add(Annotation("t1", "title", *span("سد 😀 جديد في 𞸀 الوادي")))
    document.add(Annotation("h1", "heading", *span("وأضاف"), note="ليس عنوانا\tحقا"))
    document.add(Annotation("b1", "boilerplate", *span("المصدر: وكالات")))
    document.add(Annotation("sp1", "speaker", *span("الوزير سامي الخطيب"), speaker="سامي الخطيب"))
    document.add(Annotation("sp2", "speaker", *span("الخطيب أن"), speaker="سامي الخطيب"))
    document.add(Annotation("c1", "cue", *span("قال")))
    document.add(Annotation("c2", "cue", *span("وأضاف الخطيب")))
    document.add(Annotation("q1", "quote", *span("سنبني السد 😀 هذا العام\nونوفر المياه للقرى"), kind="direct",
                            speaker="سامي الخطيب", speaker_id="sp1", cue="قال", cue_id="c1", note="سطران"))
    document.add(Annotation("q2", "quote", *span("التمويل 𞸁 متوفر"), kind="indirect",
                            speaker="سامي الخطيب", speaker_id="sp2", cue="وأضاف", cue_id="c2"))
    document.add(Annotation("q3", "quote", *span("المياه"), kind="direct", speaker=None, cue=None))
    document.add(Annotation("q4", "quote", *span("الوادي"), kind="direct", status="rejected"))
    document.add(Annotation("p1", "paragraph", 0, 10))
    return document


def essence(document: Document) -> set[tuple[object, ...]]:
    """What an exchange must keep: spans, kinds, names, notes and links (by the linked span)."""
    out: set[tuple[object, ...]] = set()
    for a in exported(document):
        speaker = document.find(a.speaker_id)
        cue = document.find(a.cue_id)
        out.add((
            a.type, a.start, a.end, a.kind, a.speaker, a.cue, a.note,
            (speaker.start, speaker.end) if speaker else None,
            (cue.start, cue.end) if cue else None,
            document.span_text(a),
        ))
    return out


# Offsets ---------------------------------------------------------------------------------------
def test_doccano_issue_example_utf16_offsets() -> None:
    # doccano issue #2290: in "👨🏻‍🚒 firemen drive firetrucks" doccano gives "firetrucks" 22-32,
    # Python 19-29 (the emoji holds three astral code points and a joiner).
    text = "👨🏻\u200d🚒 firemen drive firetrucks"
    offsets = OffsetMap(text)
    assert text[19:29] == "firetrucks"
    assert (offsets.to_utf16(19), offsets.to_utf16(29)) == (22, 32)
    assert (offsets.from_utf16(22), offsets.from_utf16(32)) == (19, 29)
    with pytest.raises(ValueError, match="inside the surrogate pair of U\\+1F468"):
        offsets.from_utf16(1)
    with pytest.raises(ValueError, match="outside the text"):
        offsets.from_utf16(33)


@given(st.text(alphabet=st.sampled_from("ab قل\n😀𞸀\U0010ffff\u200d"), max_size=40))
def test_utf16_offsets_agree_with_the_encoding(text: str) -> None:
    offsets = OffsetMap(text)
    assert offsets.utf16_length == len(text.encode("utf-16-le")) // 2
    for index in range(len(text) + 1):
        units = len(text[:index].encode("utf-16-le")) // 2
        assert offsets.to_utf16(index) == units
        assert offsets.from_utf16(units) == index
    boundaries = {offsets.to_utf16(i) for i in range(len(text) + 1)}
    for units in range(offsets.utf16_length + 1):
        if units not in boundaries:
            with pytest.raises(ValueError, match="surrogate pair"):
                offsets.from_utf16(units)


def test_newline_normalisation_maps_offsets() -> None:
    text, mapping = normalise_newlines("اب\r\nجد\rه")
    assert text == "اب\nجد\nه"
    assert len(mapping) == len("اب\r\nجد\rه") + 1
    assert [mapping[i] for i in (0, 2, 3, 4, 6, 7, 8)] == [0, 2, 3, 3, 5, 6, 7]
    assert normalise_newlines("abc") == ("abc", [0, 1, 2, 3])


def test_brat_fragments_split_at_every_line_break() -> None:
    text = "ab\ncd\u2028ef\n\ngh"
    assert fragments(text, 0, len(text)) == [(0, 2), (3, 5), (6, 8), (10, 12)]
    assert fragments(text, 2, 3) == []
    assert fragments(text, 1, 4) == [(1, 2), (3, 4)]


# doccano ---------------------------------------------------------------------------------------
def test_doccano_export_counts_utf16_units() -> None:
    record = to_record(rich_document())
    units = TEXT.encode("utf-16-le")
    labels = record["label"]
    assert labels == sorted(labels)
    assert [label for _, _, label in labels].count("DirectQuote") == 2  # q4 is rejected
    for start, end, _label in labels:
        piece = units[2 * start : 2 * end].decode("utf-16-le")  # decoding proves the unit offsets
        assert piece in TEXT
    q2 = next(item for item in labels if item[2] == "IndirectQuote")
    assert units[2 * q2[0] : 2 * q2[1]].decode("utf-16-le") == "التمويل 𞸁 متوفر"
    start, _ = span("التمويل 𞸁 متوفر")
    assert q2[0] == start + 3  # three astral characters earlier in the text
    meta = record["iqtibas"]
    assert meta["offsets"] == "utf-16" and meta["article"] == "سد-الوادي" and len(meta["sha256"]) == 64
    assert {q["speaker"] for q in meta["quotes"]} == {"سامي الخطيب", None}
    assert "paragraph" not in json.dumps(labels)


def test_doccano_round_trip_keeps_spans_names_links_and_notes(tmp_path: Path) -> None:
    document = rich_document()
    out = io.StringIO()
    assert write_doccano([document, document], out) == 2 * len(to_record(document)["label"])
    path = tmp_path / "export.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    result = read_doccano(path)
    assert result.warnings == []
    assert [name for name, _ in result.documents] == ["سد-الوادي", "سد-الوادي"]
    imported = result.documents[0][1]
    assert imported.text == TEXT
    assert essence(imported) == essence(document)
    assert all(a.origin == "manual" and a.status == "accepted" for a in exported(imported))
    assert imported.meta["imported_from"] == f"doccano {path} line 1"
    pending = read_doccano(path, status="pending", annotator="ليلى").documents[0][1]
    assert {a.status for a in exported(pending)} == {"pending"} and pending.meta["annotator"] == "ليلى"


def test_doccano_import_of_plain_doccano_data(tmp_path: Path) -> None:
    text = "😀 قال الوزير: «نعم». PER"
    offsets = OffsetMap(text)

    def units(fragment: str) -> list[int]:
        start = text.index(fragment)
        return [offsets.to_utf16(start), offsets.to_utf16(start + len(fragment))]

    lines = [
        {"id": 7, "text": text, "label": [[*units("نعم"), "directquote"], [*units("الوزير"), "SPEAKER"],
                                          [*units("PER"), "PER"], [*units("قال"), "ORG"]]},
        {"text": text, "entities": [
            {"id": 1, "start_offset": units("نعم")[0], "end_offset": units("نعم")[1], "label": "DirectQuote"},
            {"id": 2, "start_offset": units("الوزير")[0], "end_offset": units("الوزير")[1], "label": "Speaker"},
            {"id": 3, "start_offset": units("قال")[0], "end_offset": units("قال")[1], "label": "Cue"},
        ], "relations": [{"id": 1, "from_id": 2, "to_id": 1, "type": "says"}, {"id": 2, "from_id": 1, "to_id": 3, "type": "x"}]},
    ]
    path = tmp_path / "project.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n\n", encoding="utf-8")
    result = read_doccano(path, label_map=parse_label_map(["per=Speaker"]))
    assert result.warnings == [f"{path}: line 1: 1 span with unknown label 'ORG' left out (map it with --label ORG=TYPE)"]
    (name1, first), (name2, second) = result.documents
    assert (name1, name2) == ("doccano-7", "project-2")
    assert sorted(first.span_text(a) for a in exported(first)) == sorted(["نعم", "الوزير", "PER"])
    assert {a.speaker for a in first.of_type("speaker")} == {"الوزير", "PER"}
    (quote,) = second.of_type("quote")
    assert (second.span_text(quote), quote.speaker, quote.cue) == ("نعم", "الوزير", "قال")
    assert second.get(quote.speaker_id).type == "speaker" and second.get(quote.cue_id).type == "cue"
    # The same file read as code points is refused: an offset lands past the text's end.
    with pytest.raises(InputError):
        read_doccano(path, units="codepoints", label_map=parse_label_map(["per=Speaker"]))


def test_doccano_import_normalises_crlf_and_keeps_offsets_exact(tmp_path: Path) -> None:
    text = "سطر 😀\r\nقال: «نعم»"
    start = text.index("نعم")
    offsets = OffsetMap(text)
    path = tmp_path / "crlf.jsonl"
    record = {"text": text, "label": [[offsets.to_utf16(start), offsets.to_utf16(start + 3), "DirectQuote"]]}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    document = read_doccano(path).documents[0][1]
    assert "\r" not in document.text
    assert document.span_text(document.of_type("quote")[0]) == "نعم"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 1: JSON syntax error"),
        ('{"label": []}', 'line 1: not a doccano record (an object with a "text" string)'),
        ('{"text": "😀ab", "label": [[1, 3, "Cue"]]}', "line 1: offset 1 falls inside the surrogate pair of U+1F600"),
        ('{"text": "ab", "label": [[0, 9, "Cue"]]}', "line 1: offset 9 is outside the text"),
        ('{"text": "ab", "label": [[2, 1, "Cue"]]}', "ends before it starts"),
        ('{"text": "ab", "label": [[0, 1]]}', "a label must be [start, end, label]"),
        ('{"text": "ab", "label": [], "iqtibas": {"sha256": "' + "0" * 64 + '"}}', "the text differs from the article Iqtibas exported"),
    ],
)
def test_doccano_import_refuses_bad_lines(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_doccano(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_doccano_export_refuses_rejected() -> None:
    with pytest.raises(InputError, match="no place for a rejected status"):
        write_doccano([rich_document()], io.StringIO(), include_rejected=True)


# brat ------------------------------------------------------------------------------------------
def test_brat_standoff_lines() -> None:
    standoff = to_standoff(rich_document())
    assert standoff.txt == TEXT and standoff.warnings == []
    lines = standoff.ann.splitlines()
    t_lines = [line for line in lines if line.startswith("T")]
    by_label = {line.split("\t")[1].split(" ")[0]: line for line in t_lines}
    # Code-point offsets; the quote crossing a line break is two fragments, text joined by a space.
    start, end = span("سنبني السد 😀 هذا العام\nونوفر المياه للقرى")
    middle = TEXT.index("\n", start)
    quote_line = next(line for line in t_lines if f"{start} {middle};{middle + 1} {end}" in line)
    assert quote_line.split("\t")[2] == "سنبني السد 😀 هذا العام ونوفر المياه للقرى"
    title_start, title_end = span("سد 😀 جديد في 𞸀 الوادي")
    assert by_label["Title"].split("\t")[1] == f"Title {title_start} {title_end}"
    relations = [line.split("\t")[1].split(" ")[0] for line in lines if line.startswith("R")]
    assert sorted(relations) == ["CuedBy", "CuedBy", "SaidBy", "SaidBy"]
    notes = [line for line in lines if line.startswith("#")]
    assert all("\tAnnotatorNotes T" in note and "\tiqtibas {" in note for note in notes)
    assert not any(line.endswith("\tالوادي") for line in t_lines if "DirectQuote" in line)  # q4 is rejected
    # Every line is one line for any reader: the note's tab stays inside JSON.
    assert len(standoff.ann.splitlines()) == len(standoff.ann.split("\n")) - 1


def test_brat_round_trip_is_exact(tmp_path: Path) -> None:
    document = rich_document()
    # A span starting with a line break cannot be fragments alone: its exact bounds go in the note.
    newline = TEXT.index("\n")
    document.add(Annotation("b2", "boilerplate", newline, span("قال")[1]))
    written, warnings = write_brat([document, Document("نص", id="سد-الوادي")], tmp_path / "brat")
    assert warnings == []
    assert [p.name for p in written] == ["سد-الوادي.ann", "سد-الوادي-2.ann"]
    assert (tmp_path / "brat" / "annotation.conf").read_text(encoding="utf-8").count("Quote") >= 2
    assert (tmp_path / "brat" / "سد-الوادي.txt").read_bytes() == TEXT.encode("utf-8")
    result = read_brat(tmp_path / "brat" / "سد-الوادي.txt", written[0])
    assert result.warnings == []
    (name, imported), = result.documents
    assert name == "سد-الوادي" and imported.text == TEXT
    assert essence(imported) == essence(document)
    assert {a.origin for a in exported(imported)} == {"manual"}


@pytest.mark.parametrize("fmt", ["doccano", "brat"])
def test_imports_get_paragraphs_and_sections_from_their_own_headings(fmt: str, tmp_path: Path) -> None:
    """Paragraphs and sections are not exchanged; an import derives them, so the outline can
    group its quotes by section: the heading it imported opens a section."""
    document = rich_document()
    if fmt == "doccano":
        out = io.StringIO()
        write_doccano([document], out)
        path = tmp_path / "export.jsonl"
        path.write_text(out.getvalue(), encoding="utf-8")
        imported = read_doccano(path).documents[0][1]
    else:
        written, _ = write_brat([document], tmp_path / "brat")
        imported = read_brat(tmp_path / "brat" / "سد-الوادي.txt", written[0]).documents[0][1]
    paragraphs = imported.of_type("paragraph")
    assert [imported.span_text(p) for p in paragraphs] == [
        "قال الوزير سامي الخطيب: «سنبني السد 😀 هذا العام",
        "ونوفر المياه للقرى». وأضاف الخطيب أن التمويل 𞸁 متوفر.",
        "المصدر: وكالات",
    ]
    assert {(p.origin, p.status) for p in paragraphs} == {("auto", "pending")}
    heading = imported.of_type("heading")[0]
    sections = imported.of_type("section")
    assert [s.heading_id for s in sections] == [None, heading.id]
    assert sections[1].start == heading.start


def test_brat_import_of_data_made_in_brat(tmp_path: Path) -> None:
    text = "قال 😀 الوزير:\r\n«نعم 𞸀 غدا»"
    normalised = text.replace("\r\n", "\n")
    q = normalised.index("نعم")
    sp = normalised.index("الوزير")
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    ann = (
        f"T1\tquote-direct {q} {q + 3};{q + 4} {q + 9}\tنعم 𞸀 غدا\n"
        f"T2\tPerson {sp} {sp + 6}\tالوزير\n"
        f"T3\tCue 0 3\tقال\n"
        "T4\tLocation 0 1\tق\n"
        "R1\tSource Arg1:T2 Arg2:T1\t\n"
        "R2\tTrigger Arg1:T1 Arg2:T3\n"
        "A1\tNegated T1\n"
        "#1\tAnnotatorNotes T1\tcheck the end\n"
    )
    (tmp_path / "a.ann").write_text(ann, encoding="utf-8")
    result = read_brat(tmp_path / "a.txt", tmp_path / "a.ann", label_map=parse_label_map(["Person=Speaker", "quote-direct=DirectQuote"]))
    assert result.warnings == [
        f"{tmp_path / 'a.ann'}: 1 span of unknown type 'Location' left out (map it with --label Location=TYPE)",
        f"{tmp_path / 'a.ann'}: 1 attribute line left out (Iqtibas has no attributes)",
    ]
    (_, document), = result.documents
    (quote,) = document.of_type("quote")
    assert document.span_text(quote) == "نعم 𞸀 غدا"  # the discontinuous span becomes one span
    assert (quote.kind, quote.speaker, quote.cue, quote.note) == ("direct", "الوزير", "قال", "check the end")
    assert document.get(quote.speaker_id).speaker == "الوزير"


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tCue 0 3\tقال\n", "T1 says \"قال\" but the text at 0 3 is \"😀 ق\""),
        ("T1\tCue 0 99\tx\n", "line 1: T1 offsets 0 99 are outside the text"),
        ("T1\tCue zero 3\tx\n", "line 1: expected START END offsets"),
        ("T1 Cue 0 3 x\n", "line 1: expected ID<TAB>annotation"),
        ("T1\tCue 2 5\tقال\nR1\tSaidBy T1\n", "line 2: expected a relation"),
        ("T1\tCue 2 5\tقال\n#1\tAnnotatorNotes T1\tiqtibas {bad\n", "line 2: the iqtibas note: JSON syntax error"),
    ],
)
def test_brat_import_refuses_untrustworthy_lines(tmp_path: Path, ann: str, message: str) -> None:
    (tmp_path / "a.txt").write_text("😀 قال", encoding="utf-8")
    (tmp_path / "a.ann").write_text(ann, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_brat(tmp_path / "a.txt", tmp_path / "a.ann")
    assert str(caught.value).startswith(f"{tmp_path / 'a.ann'}: ")
    assert message in str(caught.value)


def test_brat_leaves_out_spans_of_line_breaks_only() -> None:
    document = Document("اب\n\nجد", id="d")
    document.add(Annotation("b1", "boilerplate", 2, 4))
    standoff = to_standoff(document)
    assert standoff.ann == ""
    assert standoff.warnings == ["d: b1 (boilerplate 2-4) holds no text outside line breaks; brat cannot show it, left out"]


# CSV and JSON Lines: read back what was written ------------------------------------------------
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_quote_rows_read_back_with_exact_offsets(fmt: str) -> None:
    document = rich_document()
    out = io.StringIO(newline="")
    count = export_documents([document], fmt, out)
    text = out.getvalue()
    rows = list(csv.DictReader(io.StringIO(text))) if fmt == "csv" else [json.loads(line) for line in text.splitlines()]
    assert count == len(rows) == 3  # q4 is rejected
    quotes = {a.id: a for a in document.of_type("quote", active_only=True)}
    for row in rows:
        quote = quotes[row["id"]]
        start, end = int(row["start"]), int(row["end"])
        assert (start, end) == (quote.start, quote.end)
        assert TEXT[start:end] == row["text"] == document.span_text(quote)
        assert row["kind"] == quote.kind
        assert (row["speaker"] or None) == quote.speaker and (row["cue"] or None) == quote.cue


def test_real_articles_round_trip_through_doccano_and_brat(corpus: Path, tmp_path: Path) -> None:
    """Scraped articles (no-break spaces, bidi controls, entities, odd marks) survive both formats."""
    from core.articles import document_from_text
    from core.loading import read_article

    documents = []
    for article in sorted((corpus / "articles").glob("*.txt")):
        documents.append(document_from_text(read_article(article).text, doc_id=article.stem, source=None))
    out = io.StringIO()
    write_doccano(documents, out)
    path = tmp_path / "corpus.jsonl"
    path.write_text(out.getvalue(), encoding="utf-8")
    from_doccano = [document for _, document in read_doccano(path).documents]
    written, warnings = write_brat(documents, tmp_path / "brat")
    from_brat = [read_brat(ann.with_suffix(".txt"), ann).documents[0][1] for ann in written]
    assert len(from_doccano) == len(from_brat) == len(documents) and not warnings
    for original, via_doccano, via_brat in zip(documents, from_doccano, from_brat, strict=True):
        assert via_doccano.text == via_brat.text == original.text
        assert essence(via_doccano) == essence(original)
        assert essence(via_brat) == essence(original)
