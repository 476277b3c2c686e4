"""Label Studio: tasks to import (with the labelling config they need), and Label Studio's JSON export.

Export writes a JSON list of tasks, one per article::

    {"data": {"text": ..., "article": ..., "iqtibas": {"sha256": ..., "provenance": {region id: record}}},
     "predictions": [{"model_version": "iqtibas 1.0.0", "score": ..., "result": [...]}],
     "annotations": [{"result": [...]}]}

* ``predictions`` hold the automatic annotations (each region's ``score`` is its confidence; the
  speaker text area's ``score`` is a quote's speaker confidence; the prediction's ``score`` is the
  lowest of them, so Label Studio can order tasks most doubtful first);
* ``annotations`` hold the reviewed ones — accepted and hand-made — when the article has any;
* a region is a ``labels`` result (``from_name`` ``label``) whose ``id`` is the Iqtibas id, with
  per-region text areas ``speaker`` (canonical name), ``cue`` and ``note`` sharing that id, and
  ``relation`` results ``SaidBy`` (quote → speaker mention) and ``CuedBy`` (quote → cue);
* ``data.iqtibas.provenance`` (task data, which Label Studio keeps untouched) holds what every
  region was when exported (``core.interchange.carried``).

Label Studio counts text offsets in code points, like Iqtibas, so none are converted. The
labelling config (``label_config``) declares the labels, relations and text areas and shows the
text right-to-left.

Import reads Label Studio's JSON export (a list of tasks, or one task). Per task it takes the most
recent annotation that was not skipped (the others are named in a warning). Its regions come back
as they were exported when unchanged, as corrections when changed, as manual annotations when
drawn in Label Studio; when the annotation was made from the prediction and submitted, every
region in it was reviewed and comes back ``accepted``, and predicted regions it does not hold
come back ``rejected`` (a person deleted them). Otherwise the predicted regions it does not hold
come back as the pending suggestions they were, unless a region drawn in Label Studio overlaps
them. A task nobody annotated comes back as its prediction.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

from core import __version__
from core.errors import InputError, ModelError
from core.interchange import LABELS, exported, label_of, type_of_label
from core.interchange.build import Imported, Span, build_document
from core.interchange.carried import Provenance
from core.interchange.offsets import normalise_newlines
from core.loading import read_utf8_file
from core.model import Annotation, Document, text_sha256
from core.safejson import dumps, parse_json

LABEL_CONTROL = "label"
TEXT_OBJECT = "text"
TEXT_AREAS = ("speaker", "cue", "note")
_NO_LABEL = ""
SAID_BY = "SaidBy"
CUED_BY = "CuedBy"
COLOURS = {
    "Title": "#7e57c2", "Heading": "#5c6bc0", "Boilerplate": "#9e9e9e", "DirectQuote": "#d4a95a",
    "IndirectQuote": "#64b5f6", "Speaker": "#66bb6a", "Cue": "#ef5350",
}


def label_config() -> str:
    """The labelling config the exported tasks need (Settings ▸ Labeling Interface ▸ Code)."""
    labels = "\n".join(
        f'    <Label value="{label}" background="{COLOURS[label]}"/>' for label in LABELS.values()
    )
    hints = {"speaker": "Speaker (canonical name)", "cue": "Cue (as written)", "note": "Note"}
    areas = "\n".join(
        f'    <TextArea name="{name}" toName="{TEXT_OBJECT}" perRegion="true" editable="true" '
        f'maxSubmissions="1" rows="1" placeholder={quoteattr(hints[name])}/>'
        for name in TEXT_AREAS
    )
    return f"""<View>
  <!-- Iqtibas {__version__}: labels, relations and per-region fields of iqtibas export - -to labelstudio -->
  <Relations>
    <Relation value="{SAID_BY}"/>
    <Relation value="{CUED_BY}"/>
  </Relations>
  <Labels name="{LABEL_CONTROL}" toName="{TEXT_OBJECT}">
{labels}
  </Labels>
  <View style="direction: rtl; text-align: right; font-size: 1.2em; line-height: 2">
    <Text name="{TEXT_OBJECT}" value="$text" granularity="symbol"/>
  </View>
  <View visibleWhen="region-selected">
{areas}
  </View>
</View>
"""


# Export ----------------------------------------------------------------------------------------
def _regions(document: Document, annotations: list[Annotation], *, scored: bool) -> list[dict[str, Any]]:
    """Label Studio results for ``annotations``: labels, per-region text areas, relations."""
    result: list[dict[str, Any]] = []
    present = {a.id for a in annotations}
    for annotation in annotations:
        span = {"start": annotation.start, "end": annotation.end}
        region: dict[str, Any] = {
            "id": annotation.id, "from_name": LABEL_CONTROL, "to_name": TEXT_OBJECT, "type": "labels",
            "value": {**span, "text": document.span_text(annotation), "labels": [label_of(annotation.type, annotation.kind)]},
        }
        if scored and annotation.confidence is not None:
            region["score"] = annotation.confidence
        result.append(region)
        for name in TEXT_AREAS:
            value = getattr(annotation, name)
            if value is None:
                continue
            area: dict[str, Any] = {
                "id": annotation.id, "from_name": name, "to_name": TEXT_OBJECT, "type": "textarea",
                "value": {**span, "text": [value]},
            }
            if scored and name == "speaker" and annotation.speaker_confidence is not None:
                area["score"] = annotation.speaker_confidence
            result.append(area)
    for annotation in annotations:
        for target, label in ((annotation.speaker_id, SAID_BY), (annotation.cue_id, CUED_BY)):
            if target in present:
                result.append({"from_id": annotation.id, "to_id": target, "type": "relation", "direction": "right", "labels": [label]})
    return result


def to_task(document: Document) -> dict[str, Any]:
    """One Label Studio task for ``document`` (see the module docstring)."""
    annotations = exported(document)
    automatic = [a for a in annotations if a.origin == "auto"]
    reviewed = [a for a in annotations if a.origin == "manual" or a.status == "accepted"]
    travelling = {a.id for a in annotations}
    task: dict[str, Any] = {
        "data": {
            TEXT_OBJECT: document.text,
            "article": document.id,
            "iqtibas": {
                "sha256": document.sha256,
                "provenance": {a.id: Provenance.of(a, travelling).to_json() for a in annotations},
            },
        },
    }
    if automatic:
        scores = [a.confidence for a in automatic if a.confidence is not None]
        scores += [a.speaker_confidence for a in automatic if a.speaker_confidence is not None]
        prediction: dict[str, Any] = {"model_version": f"iqtibas {__version__}", "result": _regions(document, automatic, scored=True)}
        if scores:
            prediction["score"] = min(scores)
        task["predictions"] = [prediction]
    if reviewed:
        task["annotations"] = [{"result": _regions(document, reviewed, scored=False), "ground_truth": False}]
    return task


def write_labelstudio(documents: Iterable[Document], out: Any, include_rejected: bool = False) -> int:
    """Write the tasks as one JSON list; returns the number of regions written."""
    if include_rejected:
        raise InputError("--include-rejected", "Label Studio has no place for a rejected region; leave it out")
    count = 0
    out.write("[\n")
    for number, document in enumerate(documents):
        task = to_task(document)
        count += len(task["data"]["iqtibas"]["provenance"])
        out.write(("" if number == 0 else ",\n") + dumps(task))
    out.write("\n]\n")
    return count


def config_path(output: str | Path) -> Path:
    """Where the labelling config is written beside the tasks file ``output``."""
    output = Path(output)
    return output.with_name(output.stem + ".label-config.xml")


# Import ----------------------------------------------------------------------------------------
def read_labelstudio(
    path: str | Path,
    *,
    label_map: dict[str, tuple[str, str | None]] | None = None,
    status: str = "accepted",
    annotator: str | None = None,
) -> Imported:
    """Read Label Studio's JSON export (or the tasks Iqtibas wrote).

    Raises:
        InputError: naming the file and the task, when a task cannot be used at all (no text, a
            region outside the text, a text that no longer matches the exported article).
    """
    path = Path(path)
    content = read_utf8_file(path, InputError, "give Label Studio's JSON export")
    return parse_labelstudio(content, path, label_map=label_map, status=status, annotator=annotator)


def parse_labelstudio(
    content: str,
    path: str | Path,
    *,
    label_map: dict[str, tuple[str, str | None]] | None = None,
    status: str = "accepted",
    annotator: str | None = None,
) -> Imported:
    """``read_labelstudio`` on the file's text ``content`` (``path`` names it in messages)."""
    path = Path(path)
    data = parse_json(content, path)
    tasks = data if isinstance(data, list) else [data]
    result = Imported()
    for number, task in enumerate(tasks, 1):
        if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
            raise InputError(path, f"task {number}: not a Label Studio task (an object with \"data\")")
        task_id = task.get("id")
        where = f"task {task_id}" if isinstance(task_id, (int, str)) and not isinstance(task_id, bool) else f"task {number}"
        try:
            name, document = _task_document(task, path, where, number, label_map, status, annotator, result.warnings)
        except (ModelError, ValueError) as error:
            raise InputError(path, f"{where}: {error}") from None
        result.documents.append((name, document))
    if not result.documents:
        raise InputError(path, "no tasks: the export is empty")
    return result


def _task_document(
    task: dict[str, Any],
    path: Path,
    where: str,
    number: int,
    label_map: dict[str, tuple[str, str | None]] | None,
    status: str,
    annotator: str | None,
    warnings: list[str],
) -> tuple[str, Document]:
    data: dict[str, Any] = task["data"]
    raw_text = data.get(TEXT_OBJECT)
    if not isinstance(raw_text, str):
        raise InputError(path, f"{where}: no text in data.{TEXT_OBJECT}")
    meta = data.get("iqtibas") if isinstance(data.get("iqtibas"), dict) else {}
    assert isinstance(meta, dict)
    sha = meta.get("sha256")
    if isinstance(sha, str) and sha and text_sha256(raw_text) != sha:
        raise InputError(path, f"{where}: the text differs from the article Iqtibas exported (SHA-256 mismatch)")
    table = meta.get("provenance") if isinstance(meta.get("provenance"), dict) else {}
    assert isinstance(table, dict)
    text, newline_map = normalise_newlines(raw_text)
    reader = _Regions(raw_text, text, newline_map, path, where, label_map, table)

    annotations = [a for a in _list(task.get("annotations")) if isinstance(a, dict) and not (a.get("was_cancelled") or a.get("skipped"))]
    predictions = [p for p in _list(task.get("predictions")) if isinstance(p, dict)]
    chosen = max(annotations, key=_recency) if annotations else None
    if len(annotations) > 1 and chosen is not None:
        warnings.append(
            f"{path}: {where}: {len(annotations)} annotations; imported the most recent "
            f"(id {chosen.get('id', '?')}), left out the others"
        )
    prediction = max(predictions, key=_recency) if predictions else None
    spans: list[Span] = []
    if chosen is not None:
        # Made from the suggestions and submitted: every region in it was reviewed. Otherwise
        # (the annotation Iqtibas exported, or one drawn from scratch) statuses stay as they were.
        made_from_prediction = chosen.get("parent_prediction") is not None
        taken = reader.read(chosen.get("result"), explicit="accepted" if made_from_prediction else None)
        spans += taken.values()
        if prediction is not None:
            held = {id(item.provenance) for item in taken.values() if item.provenance is not None}
            for region_id, item in reader.read(prediction.get("result"), explicit=None).items():
                if region_id in taken or item.provenance is None or id(item.provenance) in held:
                    continue  # in the annotation, or a suggestion of another model
                if made_from_prediction:
                    item.status = "rejected"  # the person deleted it from the suggestions
                elif any(
                    other.provenance is None and other.type == item.type and other.start < item.end and item.start < other.end
                    for other in taken.values()
                ):
                    continue  # a region a person made in Label Studio is there: no suggestion over it
                spans.append(item)
    elif prediction is not None:  # nobody annotated the task: the suggestions, as they were
        spans += [item for item in reader.read(prediction.get("result"), explicit=None).values() if item.provenance is not None]
    for label, count in sorted(reader.unknown.items()):
        what = "without a label" if label == _NO_LABEL else f"labelled {label!r}"
        hint = "" if label == _NO_LABEL else f" (map it with --label {label}=TYPE)"
        warnings.append(f"{path}: {where}: {count} region{'s' if count > 1 else ''} {what} left out{hint}")
    article = data.get("article")
    task_id = task.get("id")
    if isinstance(article, str) and article:
        name = article
    elif isinstance(task_id, (int, str)) and not isinstance(task_id, bool):
        name = f"labelstudio-{task_id}"
    else:
        name = f"{path.stem}-{number}"
    document = build_document(
        text, spans, doc_id=name, source=f"{path}#{where.split()[-1]}", status=status, annotator=annotator,
        imported_from=f"labelstudio {path} {where}",
    )
    return name, document


def _recency(entry: dict[str, Any]) -> tuple[str, str]:
    return (str(entry.get("updated_at") or entry.get("created_at") or ""), f"{entry.get('id', 0)!s:>20}")


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


class _Regions:
    """Turns one result list into spans, with names, links and provenance records."""

    def __init__(
        self, raw_text: str, text: str, newline_map: list[int], path: Path, where: str,
        label_map: dict[str, tuple[str, str | None]] | None, table: dict[str, Any],
    ) -> None:
        self.raw_text, self.text, self.newline_map = raw_text, text, newline_map
        self.path, self.where, self.label_map = path, where, label_map
        self.records = {key: Provenance.from_json(value) for key, value in table.items()}
        self.unknown: dict[str, int] = {}

    def _bounds(self, value: dict[str, Any]) -> tuple[int, int]:
        start, end = value.get("start"), value.get("end")
        for offset in (start, end):
            if not isinstance(offset, int) or isinstance(offset, bool):
                raise InputError(self.path, f"{self.where}: region offset {offset!r} is not an integer")
        assert isinstance(start, int) and isinstance(end, int)
        if not 0 <= start <= end <= len(self.raw_text):
            raise InputError(self.path, f"{self.where}: region {start}–{end} lies outside the text ({len(self.raw_text)} characters)")
        return self.newline_map[start], self.newline_map[end]

    def read(self, results: Any, *, explicit: str | None) -> dict[str, Span]:
        """Spans by region id. A region whose id has no record takes the record of an exported
        region with the same span and label that no other region holds (Label Studio may give
        regions copied from a prediction new ids)."""
        spans: dict[str, Span] = {}
        areas: dict[str, dict[str, str]] = {}
        relations: list[dict[str, Any]] = []
        held: set[int] = set()
        for entry in _list(results):
            if not isinstance(entry, dict):
                continue
            kind = entry.get("type")
            if kind == "relation":
                relations.append(entry)
                continue
            region_id, value = entry.get("id"), entry.get("value")
            if not isinstance(region_id, (str, int)) or not isinstance(value, dict):
                continue
            key = str(region_id)
            if kind == "textarea" and entry.get("from_name") in TEXT_AREAS:
                name = str(entry["from_name"])
                texts = [t for t in _list(value.get("text")) if isinstance(t, str) and t.strip()]
                if texts:  # names are kept with their spaces collapsed, as the model keeps them
                    areas.setdefault(key, {})[name] = texts[-1] if name == "note" else " ".join(texts[-1].split())
                continue
            if kind != "labels":
                continue
            labels = [label for label in _list(value.get("labels")) if isinstance(label, str)]
            found = type_of_label(labels[0], self.label_map) if labels else None
            if found is None:
                shown = labels[0] if labels else _NO_LABEL
                self.unknown[shown] = self.unknown.get(shown, 0) + 1
                continue
            start, end = self._bounds(value)
            item = Span(found[0], found[1], start, end, status=explicit)
            record = self.records.get(key)
            if record is None:
                record = next(
                    (r for r in self.records.values() if r is not None and id(r) not in held and r.type == found[0]
                     and r.kind == found[1] and (r.start, r.end) == (start, end)),
                    None,
                )
            if record is not None and id(record) not in held:
                item.provenance = record
                held.add(id(record))
            spans[key] = item
        for key, item in spans.items():
            given = areas.get(key, {})
            item.note = given.get("note")
            if item.type == "speaker" and ("speaker" in given or item.provenance is not None):
                item.speaker, item.names_given = given.get("speaker"), True  # drawn there unnamed: its text
            elif item.type == "quote":
                item.speaker, item.cue, item.names_given = given.get("speaker"), given.get("cue"), True
        for relation in relations:
            first, second = spans.get(str(relation.get("from_id"))), spans.get(str(relation.get("to_id")))
            if first is None or second is None:
                continue
            if first.type != "quote":
                first, second = second, first
            if first.type == "quote" and second.type == "speaker":
                first.speaker_link = second
            elif first.type == "quote" and second.type == "cue":
                first.cue_link = second
        for item in spans.values():  # on a quote drawn in Label Studio, names left empty follow the links
            if item.type == "quote" and item.provenance is None:
                if item.speaker is None and item.speaker_link is not None:
                    linked = item.speaker_link
                    item.speaker = linked.speaker or " ".join(self.text[linked.start : linked.end].split()) or None
                if item.cue is None and item.cue_link is not None:
                    item.cue = " ".join(self.text[item.cue_link.start : item.cue_link.end].split()) or None
        return spans
