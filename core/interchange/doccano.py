"""doccano JSONL: export for sequence-labelling projects, and import of what doccano exports.

One JSON object per line and per article::

    {"text": "...", "label": [[start, end, "DirectQuote"], ...],
     "iqtibas": {"article": ..., "sha256": ..., "offsets": "utf-16",
                 "quotes": [{"span": [s, e], "kind": ..., "speaker": ..., "speaker_span": [s, e] | null,
                             "cue": ..., "cue_span": [s, e] | null, "note": ...}],
                 "spans": [{"span": [s, e], "label": "Speaker", "speaker": ..., "note": ...}]}}

``label`` is doccano's own sequence-labelling format (labels: ``core.interchange.LABELS``).
``doccano-relations`` writes doccano's relation format instead of ``label``: ``entities``
(``{"id", "label", "start_offset", "end_offset"}``) and ``relations`` (``{"id", "from_id", "to_id",
"type"}``, ``SaidBy`` from a quote to its speaker mention and ``CuedBy`` to its cue), so links are
doccano's own and follow a mention resized there.

A doccano project drops, on upload, every span that overlaps another unless "Allow overlapping
entity" was ticked when the project was created; Iqtibas's cues and speakers sit inside quotes, and
short direct quotes inside indirect ones, so ``overlapping`` counts what such a project would lose
and the command line warns.
doccano keeps every other key of an imported line as the example's metadata and writes it back on
export, so ``iqtibas`` survives a round trip through doccano and carries what ``label`` cannot: the
canonical speaker and the cue of each quote and the mention each one links to. Spans in
``iqtibas`` use the same offsets as ``label`` and are matched to ``label`` entries by exact span, so
a span moved in doccano simply loses its attributes.

**Offsets**: doccano counts UTF-16 code units (JavaScript string indexes; doccano issue #2290) unless
the project counts grapheme clusters. We write UTF-16 offsets and, by default, read them; reading
``codepoints`` is offered for files made by Python tools. Grapheme-cluster projects are not supported.

Import also accepts doccano's relation format (``entities`` with ``start_offset``/``end_offset`` and
``relations`` with ``from_id``/``to_id``): a relation between a quote and a speaker mention (either
direction, any relation type) links the quote to that mention, one between a quote and a cue links
its cue. Without ``iqtibas`` metadata a mention's canonical name is its text and a quote takes the
name of the mention it links to.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

from core.errors import InputError, ModelError
from core.interchange import exported, label_of, type_of_label
from core.interchange.build import Imported, Span, build_document
from core.interchange.offsets import OffsetMap, normalise_newlines
from core.loading import read_utf8_file
from core.model import Annotation, Document, text_sha256
from core.safejson import dumps_line, parse_json

UTF16 = "utf-16"
CODEPOINTS = "codepoints"
OFFSET_UNITS = (UTF16, CODEPOINTS)


# Export ----------------------------------------------------------------------------------------
def to_record(document: Document) -> dict[str, Any]:
    """One doccano JSONL record for ``document`` (offsets in UTF-16 code units)."""
    offsets = OffsetMap(document.text)

    def units(annotation: Annotation | None) -> list[int] | None:
        if annotation is None:
            return None
        return [offsets.to_utf16(annotation.start), offsets.to_utf16(annotation.end)]

    annotations = exported(document)
    labels = sorted(
        (offsets.to_utf16(a.start), offsets.to_utf16(a.end), label_of(a.type, a.kind)) for a in annotations
    )
    quotes = []
    others = []
    for annotation in annotations:
        if annotation.type == "quote":
            item = {
                "span": units(annotation),
                "kind": annotation.kind,
                "speaker": annotation.speaker,
                "speaker_span": units(document.find(annotation.speaker_id)),
                "cue": annotation.cue,
                "cue_span": units(document.find(annotation.cue_id)),
            }
            if annotation.note is not None:
                item["note"] = annotation.note
            quotes.append(item)
        elif annotation.type == "speaker" or annotation.note is not None:
            item = {"span": units(annotation), "label": label_of(annotation.type, annotation.kind)}
            if annotation.type == "speaker":
                item["speaker"] = annotation.speaker
            if annotation.note is not None:
                item["note"] = annotation.note
            others.append(item)
    return {
        "text": document.text,
        "label": [list(item) for item in labels],
        "iqtibas": {
            "article": document.id,
            "sha256": document.sha256,
            "offsets": UTF16,
            "quotes": quotes,
            "spans": others,
        },
    }


SAID_BY = "SaidBy"
CUED_BY = "CuedBy"


def to_relation_record(document: Document) -> dict[str, Any]:
    """One record of doccano's relation format for ``document`` (UTF-16 offsets, ``iqtibas`` kept)."""
    record = to_record(document)
    offsets = OffsetMap(document.text)
    annotations = sorted(exported(document), key=lambda a: a.sort_key())
    numbers = {a.id: number for number, a in enumerate(annotations, 1)}
    entities = [
        {"id": numbers[a.id], "label": label_of(a.type, a.kind),
         "start_offset": offsets.to_utf16(a.start), "end_offset": offsets.to_utf16(a.end)}
        for a in annotations
    ]
    relations: list[dict[str, Any]] = []
    for annotation in annotations:
        for target, kind in ((annotation.speaker_id, SAID_BY), (annotation.cue_id, CUED_BY)):
            if target in numbers:
                relations.append({"id": len(relations) + 1, "from_id": numbers[annotation.id], "to_id": numbers[target], "type": kind})
    return {"text": record["text"], "entities": entities, "relations": relations, "iqtibas": record["iqtibas"]}


def write_doccano_relations(documents: Iterable[Document], out: TextIO, include_rejected: bool = False) -> int:
    """Write one doccano relation-format JSONL line per document; returns the number of entities."""
    if include_rejected:
        raise InputError("--include-rejected", "doccano export has no place for a rejected status; leave it out")
    count = 0
    for document in documents:
        record = to_relation_record(document)
        out.write(dumps_line(record) + "\n")
        count += len(record["entities"])
    return count


def overlapping(document: Document) -> int:
    """How many exported spans overlap an earlier one: what a doccano project without "Allow
    overlapping entity" drops on upload."""
    spans = sorted((a.start, a.end) for a in exported(document) if a.end > a.start)
    count, reach = 0, -1
    for start, end in spans:
        if start < reach:
            count += 1
        reach = max(reach, end)
    return count


def write_doccano(documents: Iterable[Document], out: TextIO, include_rejected: bool = False) -> int:
    """Write one doccano JSONL line per document; returns the number of spans written."""
    if include_rejected:
        raise InputError("--include-rejected", "doccano export has no place for a rejected status; leave it out")
    count = 0
    for document in documents:
        record = to_record(document)
        out.write(dumps_line(record) + "\n")
        count += len(record["label"])
    return count


# Import ----------------------------------------------------------------------------------------
def read_doccano(
    path: str | Path,
    *,
    units: str = UTF16,
    label_map: dict[str, tuple[str, str | None]] | None = None,
    status: str = "accepted",
    annotator: str | None = None,
) -> Imported:
    """Read a doccano JSONL file (one article per line; a JSON list of records is accepted too).

    ``units`` says what the offsets count, except in records carrying Iqtibas metadata, whose
    ``offsets`` field says it for them.

    Raises:
        InputError: naming the file and line, when a line cannot be used at all (bad JSON, no
            text, an offset outside the text or inside a surrogate pair, a text that no longer
            matches the exported article). Labels we do not know are skipped with a warning.
    """
    path = Path(path)
    content = read_utf8_file(path, InputError, "give the doccano .jsonl file")
    return parse_doccano(content, path, units=units, label_map=label_map, status=status, annotator=annotator)


def parse_doccano(
    content: str,
    path: str | Path,
    *,
    units: str = UTF16,
    label_map: dict[str, tuple[str, str | None]] | None = None,
    status: str = "accepted",
    annotator: str | None = None,
) -> Imported:
    """``read_doccano`` on the file's text ``content`` (``path`` names it in messages)."""
    path = Path(path)
    if units not in OFFSET_UNITS:
        raise ValueError(f"units is one of {OFFSET_UNITS}")
    result = Imported()
    for number, record in _records(content, path):
        where = f"line {number}"
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InputError(path, f"{where}: not a doccano record (an object with a \"text\" string)")
        try:
            name, document = _record_document(record, path, number, units, label_map, status, annotator, result.warnings)
        except (ModelError, ValueError) as error:  # spans the model refuses (an id clash, …)
            raise InputError(path, f"{where}: {error}") from None
        result.documents.append((name, document))
    if not result.documents:
        raise InputError(path, "no records: the file is empty")
    return result


def _records(content: str, path: Path) -> Iterator[tuple[int, Any]]:
    """``(line number, parsed record)`` of a JSONL file, or of doccano's JSON list export."""
    stripped = content.strip()
    if stripped.startswith("["):  # doccano's JSON (not JSONL) export: a list of records
        records = parse_json(stripped, path)
        yield from enumerate(records, 1)
        return
    for number, line in enumerate(content.split("\n"), 1):  # JSON Lines end at \n (or \r\n) only
        if line.strip():
            yield number, parse_json(line.rstrip("\r"), path, where=f"line {number}: ")


def _record_document(
    record: dict[str, Any],
    path: Path,
    number: int,
    units: str,
    label_map: dict[str, tuple[str, str | None]] | None,
    status: str,
    annotator: str | None,
    warnings: list[str],
) -> tuple[str, Document]:
    where = f"line {number}"
    raw_text: str = record["text"]
    meta: dict[str, Any] = record["iqtibas"] if isinstance(record.get("iqtibas"), dict) else {}
    if meta.get("sha256") and isinstance(meta.get("sha256"), str) and text_sha256(raw_text) != meta["sha256"]:
        raise InputError(path, f"{where}: the text differs from the article Iqtibas exported (SHA-256 mismatch)")
    record_units = meta.get("offsets", units) if meta else units
    if record_units not in OFFSET_UNITS:
        raise InputError(path, f"{where}: unknown offsets {_short_repr(record_units)} in iqtibas metadata")
    offsets = OffsetMap(raw_text)
    text, newline_map = normalise_newlines(raw_text)

    def convert(value: Any, what: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise InputError(path, f"{where}: {what} offset {_short_repr(value)} is not an integer")
        try:
            code_point = offsets.from_utf16(value) if record_units == UTF16 else value
        except ValueError as error:
            raise InputError(path, f"{where}: {error} (are the offsets {record_units}?)") from None
        if not 0 <= code_point <= len(raw_text):
            raise InputError(path, f"{where}: offset {value} is outside the text ({len(raw_text)} characters)")
        return newline_map[code_point]

    def span_of(pair: Any, what: str) -> tuple[int, int] | None:
        if pair is None:
            return None
        if not isinstance(pair, list) or len(pair) != 2:
            raise InputError(path, f"{where}: {what} must be [start, end], got {_short_repr(pair)}")
        start, end = convert(pair[0], what), convert(pair[1], what)
        if end < start:
            raise InputError(path, f"{where}: {what} [{pair[0]}, {pair[1]}] ends before it starts")
        return start, end

    spans: list[Span] = []
    entity_keys: dict[str | int, int] = {}
    unknown: dict[str, int] = {}

    def add_span(start_value: Any, end_value: Any, label: Any, key: Any = None) -> None:
        if not isinstance(label, str):
            raise InputError(path, f"{where}: label {_short_repr(label)} is not a string")
        found = type_of_label(label, label_map)
        if found is None:
            unknown[label] = unknown.get(label, 0) + 1
            return
        bounds = span_of([start_value, end_value], f"span [{start_value}, {end_value}]")
        assert bounds is not None
        if key is not None:
            if key in entity_keys:
                raise InputError(path, f"{where}: two entities have the id {_short_repr(key)}")
            entity_keys[key] = len(spans)
        spans.append(Span(found[0], found[1], bounds[0], bounds[1]))

    labels = record.get("label", record.get("labels"))
    if labels is not None:
        if not isinstance(labels, list):
            raise InputError(path, f"{where}: \"label\" must be a list of [start, end, label]")
        for item in labels:
            if not isinstance(item, list) or len(item) != 3:
                raise InputError(path, f"{where}: a label must be [start, end, label], got {_short_repr(item)}")
            add_span(*item)
    entities = record.get("entities")
    if isinstance(entities, list):
        for entity in entities:
            if not isinstance(entity, dict) or not {"start_offset", "end_offset", "label"} <= entity.keys():
                raise InputError(path, f"{where}: an entity needs start_offset, end_offset and label")
            add_span(entity["start_offset"], entity["end_offset"], entity["label"], key=_entity_id(entity.get("id"), path, where))
        for relation in _list_of(record, "relations", path, where):
            if not isinstance(relation, dict):
                continue
            first = _lookup(entity_keys, relation.get("from_id"))
            second = _lookup(entity_keys, relation.get("to_id"))
            if first is None or second is None:
                shown = _short_repr(relation.get("id", "?"))
                warnings.append(f"{path}: {where}: relation {shown} links an unknown or skipped entity; left out")
                continue
            _link(spans, first, second)
    for label, count in sorted(unknown.items()):
        warnings.append(
            f"{path}: {where}: {count} span{'s' if count > 1 else ''} with unknown label {_short_repr(label)} left out "
            f"(map it with --label {label}=TYPE)"
        )
    _apply_metadata(spans, meta, span_of, path, where)
    name = str(meta.get("article") or (f"doccano-{record['id']}" if "id" in record else f"{path.stem}-{number}"))
    document = build_document(
        text, spans, doc_id=name, source=f"{path}#{number}", status=status, annotator=annotator,
        imported_from=f"doccano {path} line {number}",
    )
    return name, document


def _entity_id(value: Any, path: Path, where: str) -> str | int | None:
    """An entity's id, which relations refer to: a string or an integer (or none)."""
    if value is None or (isinstance(value, (str, int)) and not isinstance(value, bool)):
        return value
    raise InputError(path, f"{where}: an entity id must be a number or a string, got {_short_repr(value)}")


def _lookup(keys: dict[str | int, int], value: Any) -> int | None:
    """The entity a relation names, or None (ids of other kinds name nothing)."""
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        return keys.get(value)
    return None


def _list_of(record: dict[str, Any], key: str, path: Path, where: str) -> list[Any]:
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError(path, f"{where}: \"{key}\" must be a list, got {_short_repr(value)}")
    return value


def _short_repr(value: Any, limit: int = 60) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


def _link(spans: list[Span], first: int, second: int) -> None:
    """Link a quote to a speaker mention or cue, whichever way round the relation points."""
    a, b = spans[first], spans[second]
    if a.type != "quote":
        a, b = b, a
    if a.type != "quote":
        return
    if b.type == "speaker":
        a.speaker_link = b
    elif b.type == "cue":
        a.cue_link = b


def _text_or_none(value: Any, what: str, path: Path, where: str) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InputError(path, f"{where}: iqtibas {what} must be a string or null, got {_short_repr(value)}")


def _apply_metadata(spans: list[Span], meta: dict[str, Any], span_of: Any, path: Path, where: str) -> None:
    """Attach the ``iqtibas`` metadata's speakers, cues, links and notes to spans, by exact span."""
    by_bounds: dict[tuple[str, tuple[int, int]], Span] = {}
    for item in spans:
        by_bounds.setdefault((item.type, (item.start, item.end)), item)
    for entry in _list_of(meta, "quotes", path, where):
        if not isinstance(entry, dict):
            continue
        target = by_bounds.get(("quote", span_of(entry.get("span"), "iqtibas quote span")))
        if target is None:
            continue  # the quote was moved or deleted in doccano: its attributes do not apply
        target.speaker = _text_or_none(entry.get("speaker"), "speaker", path, where)
        target.cue = _text_or_none(entry.get("cue"), "cue", path, where)
        target.note = _text_or_none(entry.get("note"), "note", path, where)
        target.names_given = True
        speaker_span = span_of(entry.get("speaker_span"), "iqtibas speaker span")
        cue_span = span_of(entry.get("cue_span"), "iqtibas cue span")
        target.speaker_link = by_bounds.get(("speaker", speaker_span)) if speaker_span else None
        target.cue_link = by_bounds.get(("cue", cue_span)) if cue_span else None
    for entry in _list_of(meta, "spans", path, where):
        if not isinstance(entry, dict):
            continue
        found = type_of_label(str(entry.get("label", "Speaker")))
        if found is None:
            continue
        target = by_bounds.get((found[0], span_of(entry.get("span"), "iqtibas span")))
        if target is None:
            continue
        if found[0] == "speaker":
            target.speaker = _text_or_none(entry.get("speaker"), "speaker", path, where)
            target.names_given = True
        target.note = _text_or_none(entry.get("note"), "note", path, where)
