"""brat standoff: ``NAME.txt`` (the article) + ``NAME.ann`` (its annotations) per article.

Export writes, for each exchanged annotation (``core.interchange.LABELS``):

* a text-bound line ``T3<TAB>DirectQuote 120 190<TAB>text``. brat counts offsets in characters
  (code points) of the ``.txt``, end-exclusive, like Iqtibas, so no conversion is needed. The
  ``.ann`` format is line-oriented and a fragment must not contain a line break, so a span that
  crosses line breaks is written as brat's discontinuous fragments ``120 150;151 190`` (split at
  every line-break character, empty pieces dropped); the text field is the fragments' texts
  joined by one space, as brat writes it;
* relation lines ``R1<TAB>SaidBy Arg1:T3 Arg2:T2`` (quote -> its speaker mention) and
  ``R2<TAB>CuedBy Arg1:T3 Arg2:T1`` (quote -> its cue);
* an annotator note ``#1<TAB>AnnotatorNotes T3<TAB>iqtibas {"speaker": ..., "cue": ...}`` holding,
  as JSON, what brat has no field for: a quote's canonical speaker and cue, a mention's canonical
  name, the annotation's note, and the exact ``span`` when fragments had to leave out line breaks
  at its ends.

``annotation.conf`` describing these types is written beside them unless one exists already.

Import reads the same, and brat data made by people: ``.txt`` read as UTF-8 with brat's universal
newlines (``\\r\\n`` and ``\\r`` become ``\\n`` before offsets count); each T line's text must equal
the ``.txt`` at its offsets (else the file is refused: the offsets cannot be trusted); a
discontinuous span becomes one span from its first to its last character; any relation between a
quote and a speaker mention or cue links them, whatever its type; other annotator notes become the
annotation's note; attributes, events and normalisations are left out with a warning.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.atomic import atomic_write_files, atomic_write_text, describe_os_error, encode_text
from core.errors import InputError, ModelError, SaveError, printable
from core.interchange import LABELS, exported, label_of, safe_name, type_of_label
from core.interchange.build import Imported, Span, build_document
from core.interchange.offsets import normalise_newlines
from core.loading import read_regular_file
from core.model import Annotation, Document
from core.safejson import dumps, parse_json

# Characters that end a line for some reader (str.splitlines, brat's Python 2 codecs reader):
# none may appear inside one fragment or one .ann line.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_RE = re.compile(f"[{re.escape(LINE_BREAKS)}]")
_ESCAPE_BREAKS = {ord(ch): f"\\u{ord(ch):04x}" for ch in LINE_BREAKS}
NOTE_PREFIX = "iqtibas "
SAID_BY = "SaidBy"
CUED_BY = "CuedBy"

ANNOTATION_CONF = f"""\
# brat configuration for annotations exported by Iqtibas (iqtibas export --to brat).
[entities]
{LABELS[("title", None)]}
{LABELS[("heading", None)]}
{LABELS[("boilerplate", None)]}
{LABELS[("quote", "direct")]}
{LABELS[("quote", "indirect")]}
{LABELS[("speaker", None)]}
{LABELS[("cue", None)]}

[relations]
{SAID_BY}\tArg1:{LABELS[("quote", "direct")]}|{LABELS[("quote", "indirect")]}, Arg2:{LABELS[("speaker", None)]}
{CUED_BY}\tArg1:{LABELS[("quote", "direct")]}|{LABELS[("quote", "indirect")]}, Arg2:{LABELS[("cue", None)]}
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
"""


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of ``text[start:end]`` between line breaks (empty pieces dropped)."""
    pieces = []
    position = start
    for match in _BREAK_RE.finditer(text, start, end):
        if match.start() > position:
            pieces.append((position, match.start()))
        position = match.end()
    if end > position:
        pieces.append((position, end))
    return pieces


@dataclass
class Standoff:
    """One article in brat's format, plus what could not be written."""

    name: str
    txt: str
    ann: str
    warnings: list[str]


def to_standoff(document: Document, name: str | None = None) -> Standoff:
    """The ``.txt`` and ``.ann`` contents of ``document``."""
    text = document.text
    name = name or safe_name(document.id, "article")
    lines: list[str] = []
    warnings: list[str] = []
    t_ids: dict[str, str] = {}
    notes: list[tuple[str, dict[str, Any]]] = []
    for annotation in exported(document):
        pieces = fragments(text, annotation.start, annotation.end)
        if not pieces:
            warnings.append(
                f"{document.id}: {annotation.id} ({annotation.type} {annotation.start}-{annotation.end}) "
                "holds no text outside line breaks; brat cannot show it, left out"
            )
            continue
        t_id = f"T{len(t_ids) + 1}"
        t_ids[annotation.id] = t_id
        offsets = ";".join(f"{s} {e}" for s, e in pieces)
        shown = " ".join(text[s:e] for s, e in pieces)
        lines.append(f"{t_id}\t{label_of(annotation.type, annotation.kind)} {offsets}\t{shown}")
        extra = _note_data(annotation)
        if (pieces[0][0], pieces[-1][1]) != (annotation.start, annotation.end):
            extra["span"] = [annotation.start, annotation.end]
        if extra:
            notes.append((t_id, extra))
    relations = 0
    for annotation in exported(document):
        if annotation.type != "quote" or annotation.id not in t_ids:
            continue
        for link, relation in ((annotation.speaker_id, SAID_BY), (annotation.cue_id, CUED_BY)):
            target = document.find(link)
            if target is not None and target.id in t_ids and target.is_active:
                relations += 1
                lines.append(f"R{relations}\t{relation} Arg1:{t_ids[annotation.id]} Arg2:{t_ids[target.id]}")
    for index, (t_id, data) in enumerate(notes, 1):
        payload = dumps(data).translate(_ESCAPE_BREAKS)
        lines.append(f"#{index}\tAnnotatorNotes {t_id}\t{NOTE_PREFIX}{payload}")
    return Standoff(name, text, "".join(line + "\n" for line in lines), warnings)


def _note_data(annotation: Annotation) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if annotation.type == "quote":
        data = {"speaker": annotation.speaker, "cue": annotation.cue}
    elif annotation.type == "speaker":
        data = {"speaker": annotation.speaker}
    if annotation.note is not None:
        data["note"] = annotation.note
    return data


def write_brat(documents: Iterable[Document], folder: str | Path) -> tuple[list[Path], list[str]]:
    """Write ``NAME.txt`` + ``NAME.ann`` per document into ``folder``; returns the ``.ann`` files and warnings.

    Each article's two files are written together or not at all (``atomic_write_files``), so a
    failure never leaves a ``.txt`` without its ``.ann``. Two articles with the same id get
    ``-2``, ``-3`` ... so none overwrites another.

    Raises:
        SaveError / InputError: naming the file or folder that could not be written; the
            articles before it are written, complete.
    """
    folder = Path(folder)
    try:
        if folder.exists() and not folder.is_dir():
            raise InputError(folder, "exists and is not a folder")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(folder, f"cannot create the folder: {describe_os_error(error)}") from None
    written: list[Path] = []
    warnings: list[str] = []
    used: set[str] = set()
    for document in documents:
        base = safe_name(document.id, "article")
        name, counter = base, 1
        while name.casefold() in used:
            counter += 1
            name = f"{base}-{counter}"
        used.add(name.casefold())
        standoff = to_standoff(document, name)
        txt, ann = folder / f"{name}.txt", folder / f"{name}.ann"
        atomic_write_files([(txt, encode_text(txt, standoff.txt)), (ann, encode_text(ann, standoff.ann))])
        written.append(ann)
        warnings.extend(standoff.warnings)
    conf = folder / "annotation.conf"
    if not conf.exists():
        atomic_write_text(conf, ANNOTATION_CONF, keep_backup=False)
    return written, warnings


# Import ----------------------------------------------------------------------------------------
def brat_pairs(paths: Iterable[str | Path]) -> list[tuple[Path, Path, Path | None]]:
    """``(txt, ann, root folder or None)`` for .ann files, .txt files and folders (recursive)."""
    found: list[tuple[Path, Path, Path | None]] = []
    seen: set[Path] = set()
    for item in paths:
        path = Path(item)
        candidates: list[tuple[Path, Path | None]]
        if path.is_dir():
            candidates = [(p, path) for p in sorted(path.rglob("*.ann")) if p.is_file()]
            if not candidates:
                raise InputError(path, "no .ann files in this folder")
        elif path.suffix in (".ann", ".txt"):
            candidates = [(path.with_suffix(".ann"), None)]
        else:
            raise InputError(path, "give brat .ann or .txt files, or folders of them")
        for ann, root in candidates:
            txt = ann.with_suffix(".txt")
            if not txt.is_file():
                raise InputError(txt, f"no such file: brat needs the text beside {ann.name}")
            if not ann.is_file():
                raise InputError(ann, f"no such file: brat needs the annotations beside {txt.name}")
            if ann.resolve() not in seen:
                seen.add(ann.resolve())
                found.append((txt, ann, root))
    return found


def _read(path: Path) -> str:
    """A brat file's text: strict UTF-8 (a BOM stays a character, as brat counts it)."""
    raw = read_regular_file(path, InputError, "not a brat file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(path, f"not UTF-8 (byte {error.start})") from None


def read_brat(
    txt: str | Path,
    ann: str | Path,
    *,
    label_map: dict[str, tuple[str, str | None]] | None = None,
    status: str = "accepted",
    annotator: str | None = None,
    name: str | None = None,
) -> Imported:
    """Read one brat article (its ``.txt`` and ``.ann``) into a document.

    Raises:
        InputError: naming the ``.ann`` file and line when a line cannot be parsed, an id is
            used twice, an offset is not a plain number or is outside the text, or a T line's
            text is not the text at its offsets.
    """
    txt, ann = Path(txt), Path(ann)
    return parse_brat(
        _read(txt), _read(ann), txt, ann, label_map=label_map, status=status, annotator=annotator, name=name
    )


def parse_brat(
    raw_text: str,
    ann_text: str,
    txt: str | Path,
    ann: str | Path,
    *,
    label_map: dict[str, tuple[str, str | None]] | None = None,
    status: str = "accepted",
    annotator: str | None = None,
    name: str | None = None,
) -> Imported:
    """``read_brat`` on the contents of the two files (``txt`` and ``ann`` name them)."""
    txt, ann = Path(txt), Path(ann)
    text, _ = normalise_newlines(raw_text)  # brat reads with universal newlines
    result = Imported()
    spans: dict[str, Span] = {}
    relations: list[tuple[int, str, str]] = []
    notes: list[tuple[int, str, str]] = []
    unknown: dict[str, int] = {}
    skipped: dict[str, int] = {}
    seen: dict[str, int] = {}
    for number, line in enumerate(ann_text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        where = f"line {number}"
        ann_id, tab, rest = line.partition("\t")
        if not tab or not ann_id:
            raise InputError(ann, f"{where}: expected ID<TAB>annotation, got {line[:60]!r}")
        if ann_id in seen and ann_id != "#":
            raise InputError(
                ann, f"{where}: the id {ann_id[:40]!r} is used twice (first on line {seen[ann_id]}); "
                "brat ids must be unique, so nothing was imported"
            )
        seen[ann_id] = number
        kind_letter = ann_id[0]
        if kind_letter == "T":
            data, has_text, shown = rest.partition("\t")
            label, _, offsets = data.partition(" ")
            pieces = _parse_offsets(offsets, ann, where)
            for start, end in pieces:
                if not 0 <= start <= end <= len(text):
                    raise InputError(ann, f"{where}: {ann_id} offsets {start} {end} are outside the text ({len(text)} characters)")
            actual = " ".join(text[s:e] for s, e in pieces)
            if has_text and actual != shown:
                raise InputError(
                    ann,
                    f"{where}: {ann_id} says {_preview(shown)} but the text at {offsets} is {_preview(actual)} "
                    "(brat offsets count code points of the .txt)",
                )
            found = type_of_label(label, label_map)
            if found is None:
                unknown[label] = unknown.get(label, 0) + 1
                continue
            # Fragments may be listed in any order: the span runs from the first character to the last.
            spans[ann_id] = Span(found[0], found[1], min(s for s, _ in pieces), max(e for _, e in pieces))
        elif kind_letter == "R":
            match = re.fullmatch(r"(\S+) Arg1:(\S+) Arg2:(\S+)\s*", rest.partition("\t")[0])
            if match is None:
                raise InputError(ann, f"{where}: expected a relation TYPE Arg1:ID Arg2:ID, got {rest[:60]!r}")
            relations.append((number, match.group(2), match.group(3)))
        elif kind_letter == "#":
            data, _, content = rest.partition("\t")
            parts = data.split()
            if len(parts) == 2:
                notes.append((number, parts[1], content))
        else:
            what = {"A": "attribute", "M": "attribute", "E": "event", "N": "normalisation", "*": "equivalence"}
            kind = what.get(kind_letter, f"{kind_letter!r}")
            skipped[kind] = skipped.get(kind, 0) + 1
    for _number, first, second in relations:
        a, b = spans.get(first), spans.get(second)
        if a is None or b is None:
            continue  # links an annotation that was left out (unknown label)
        if a.type != "quote":
            a, b = b, a
        if a.type == "quote" and b.type == "speaker":
            a.speaker_link = b
        elif a.type == "quote" and b.type == "cue":
            a.cue_link = b
    for number, target_id, content in notes:
        target = spans.get(target_id)
        if target is None:
            continue
        if content.startswith(NOTE_PREFIX):
            _apply_note(target, content[len(NOTE_PREFIX):], ann, f"line {number}", len(text))
        else:
            target.note = content if target.note is None else f"{target.note}\n{content}"
    for label, count in sorted(unknown.items()):
        result.warnings.append(
            f"{ann}: {count} span{'s' if count > 1 else ''} of unknown type {label!r} left out (map it with --label {label}=TYPE)"
        )
    for kind, count in sorted(skipped.items()):
        result.warnings.append(f"{ann}: {count} {kind} line{'s' if count > 1 else ''} left out (Iqtibas has no {kind}s)")
    doc_id = printable(name or ann.stem)
    try:
        document = build_document(
            text, list(spans.values()), doc_id=doc_id, source=printable(str(txt)), status=status,
            annotator=annotator, imported_from=printable(f"brat {ann}"),
        )
    except (ModelError, ValueError) as error:  # spans the model refuses
        raise InputError(ann, str(error)) from None
    result.documents.append((doc_id, document))
    return result


_OFFSETS = re.compile(r"([0-9]{1,12}) ([0-9]{1,12})")


def _parse_offsets(value: str, path: Path, where: str) -> list[tuple[int, int]]:
    """``START END;START END …`` in ASCII digits (``str.isdigit`` would also take ``²`` and ``٣``)."""
    pieces = []
    for piece in value.split(";"):
        match = _OFFSETS.fullmatch(piece.strip())
        if match is None:
            raise InputError(path, f"{where}: expected START END offsets in digits 0-9, got {value[:60]!r}")
        start, end = int(match.group(1)), int(match.group(2))
        if end < start:
            raise InputError(path, f"{where}: offsets {start} {end} end before they start")
        pieces.append((start, end))
    return pieces


def _apply_note(target: Span, payload: str, path: Path, where: str, length: int) -> None:
    data = parse_json(payload, path, where=f"{where}: the iqtibas note: ")
    if not isinstance(data, dict):
        raise InputError(path, f"{where}: the iqtibas note must be a JSON object")
    for key in ("speaker", "cue", "note"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise InputError(path, f"{where}: iqtibas {key} must be a string or null")
    if target.type in ("quote", "speaker"):
        target.speaker = data.get("speaker")
        target.names_given = True
    if target.type == "quote":
        target.cue = data.get("cue")
    if data.get("note") is not None:
        target.note = data["note"]
    span = data.get("span")
    if span is not None:
        if (
            not isinstance(span, list) or len(span) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in span)
            or not 0 <= span[0] <= target.start <= target.end <= span[1] <= length
        ):
            raise InputError(path, f"{where}: the iqtibas span {span!r} does not contain the annotation's fragments")
        target.start, target.end = span


def _preview(value: str, limit: int = 40) -> str:
    return json.dumps(value if len(value) <= limit else value[: limit - 1] + "…", ensure_ascii=False)
