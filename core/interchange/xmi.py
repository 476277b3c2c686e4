"""UIMA CAS XMI for INCEpTION and WebAnno, read and written through ``dkpro-cassis``.

Export writes, into a folder, one ``NAME.xmi`` per article and one ``TypeSystem.xml`` describing:

* the span layer ``webanno.custom.IqtibasSpan`` (``PREFIX`` + ``SPAN``) with the string features
  ``label`` (``core.interchange.LABELS``: Title, Heading, Boilerplate, DirectQuote, IndirectQuote,
  Speaker, Cue), ``speaker``, ``cue``, ``status``, ``origin``, ``corrected`` (comma-separated),
  ``note`` and ``provenance`` (what the annotation was when exported, as compact JSON: see
  ``core.interchange.carried``), and the float features ``confidence`` and ``speakerConfidence``;
* the relation layer ``webanno.custom.IqtibasLink`` (``Governor`` → ``Dependent``, both
  ``IqtibasSpan``, and a ``label``): ``SaidBy`` from a quote to its speaker mention, ``CuedBy``
  from a quote to its cue;
* DKPro Core's ``DocumentMetaData`` (the article id), ``Sentence`` (one per non-empty line) and
  ``Token`` (words and punctuation), which INCEpTION's editors lay the text out by.

**Offsets.** UIMA counts UTF-16 code units (Java strings), Iqtibas code points. cassis converts at
its own boundary — offsets given to it and read from it are code points, the ``begin``/``end`` it
writes are UTF-16 — so this module hands it code points; the tests read the raw XMI to check the
units on disk, with astral characters before the annotations.

Import reads such files back, whatever INCEpTION did to them: the span and relation types are
found by their last name (``IqtibasSpan``, ``IqtibasLink``) under any namespace, since INCEpTION
versions name custom layers ``webanno.custom.X`` or ``custom.X``; each ``.xmi`` is read with the
``TypeSystem.xml`` beside it (INCEpTION's export puts one in every folder).
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from core.atomic import atomic_write_bytes, atomic_write_text, describe_os_error
from core.errors import InputError, ModelError, SaveError, printable
from core.interchange import exported, label_of, safe_name, type_of_label
from core.interchange.build import Imported, Span, build_document
from core.interchange.carried import Provenance
from core.interchange.offsets import normalise_newlines
from core.interchange.optional import require
from core.loading import read_regular_file
from core.model import Annotation, Document

PREFIX = "webanno.custom"
SPAN = "IqtibasSpan"
LINK = "IqtibasLink"
_NO_LABEL = ""
SAID_BY = "SaidBy"
CUED_BY = "CuedBy"
TYPESYSTEM_NAME = "TypeSystem.xml"
DOCUMENT_META = "de.tudarmstadt.ukp.dkpro.core.api.metadata.type.DocumentMetaData"
SENTENCE = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Sentence"
TOKEN = "de.tudarmstadt.ukp.dkpro.core.api.segmentation.type.Token"
STRING, FLOAT = "uima.cas.String", "uima.cas.Float"
# The span layer's features: (name, UIMA range).
SPAN_FEATURES = (
    ("label", STRING), ("speaker", STRING), ("cue", STRING), ("status", STRING), ("origin", STRING),
    ("confidence", FLOAT), ("speakerConfidence", FLOAT), ("corrected", STRING), ("note", STRING),
    ("provenance", STRING),
)
_TOKEN_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
# Characters XML 1.0 cannot hold (the XMI INCEpTION reads is XML 1.0).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
PURPOSE = "UIMA CAS XMI (INCEpTION, WebAnno)"


def _cassis() -> ModuleType:
    return require("cassis", extra="xmi", purpose=PURPOSE)


def typesystem(prefix: str = PREFIX) -> Any:
    """The cassis ``TypeSystem`` of the exported files (custom layers under ``prefix``)."""
    cassis = _cassis()
    system = cassis.TypeSystem()
    meta = system.create_type(DOCUMENT_META, supertypeName="uima.tcas.DocumentAnnotation")
    for name in ("documentTitle", "documentId"):
        system.create_feature(meta, name, STRING)
    sentence = system.create_type(SENTENCE, supertypeName="uima.tcas.Annotation")
    system.create_feature(sentence, "id", STRING)
    system.create_type(TOKEN, supertypeName="uima.tcas.Annotation")
    span = system.create_type(f"{prefix}.{SPAN}", supertypeName="uima.tcas.Annotation",
                              description="An Iqtibas annotation: title, heading, boilerplate, quote, speaker mention or cue")
    for name, range_type in SPAN_FEATURES:
        system.create_feature(span, name, range_type)
    link = system.create_type(f"{prefix}.{LINK}", supertypeName="uima.tcas.Annotation",
                              description="SaidBy: a quote to its speaker mention; CuedBy: a quote to its cue")
    system.create_feature(link, "Governor", span.name)
    system.create_feature(link, "Dependent", span.name)
    system.create_feature(link, "label", STRING)
    return system


def typesystem_xml(prefix: str = PREFIX) -> str:
    return str(typesystem(prefix).to_xml())


# Export ----------------------------------------------------------------------------------------
def not_xml(text: str) -> str | None:
    """A description of the first character XML 1.0 cannot hold, or None."""
    found = _NOT_XML.search(text)
    return None if found is None else f"U+{ord(found.group()):04X} at character {found.start()}"


def xml_safe(value: str) -> str:
    """``value`` with each character XML 1.0 cannot hold replaced by U+FFFD (names, notes, ids)."""
    return _NOT_XML.sub("\ufffd", value)


def unsafe_values(document: Document, *, include_rejected: bool = False) -> bool:
    """Whether the id, a name or a note of ``document`` holds a character XML 1.0 cannot."""
    values = [document.id] + [
        value for a in exported(document, include_rejected=include_rejected)
        for value in (a.speaker, a.cue, a.note) if value is not None
    ]
    return any(_NOT_XML.search(value) for value in values)


def to_xmi(document: Document, system: Any, *, include_rejected: bool = False, prefix: str = PREFIX) -> str:
    """``document`` as an XMI string (code points in, UTF-16 offsets out, converted by cassis)."""
    cassis = _cassis()
    cas = cassis.Cas(typesystem=system)
    text = document.text
    cas.sofa_string = text
    meta_type = system.get_type(DOCUMENT_META)
    name = xml_safe(document.id)
    cas.add(meta_type(begin=0, end=len(text), documentTitle=name, documentId=name, language=document.language))
    sentence_type, token_type = system.get_type(SENTENCE), system.get_type(TOKEN)
    position = 0
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.strip()
        if stripped:
            start = position + line.index(stripped)
            cas.add(sentence_type(begin=start, end=start + len(stripped), id=str(number)))
            for match in _TOKEN_RE.finditer(line):
                cas.add(token_type(begin=position + match.start(), end=position + match.end()))
        position += len(line) + 1
    span_type = system.get_type(f"{prefix}.{SPAN}")
    link_type = system.get_type(f"{prefix}.{LINK}")
    structures: dict[str, Any] = {}
    annotations = exported(document, include_rejected=include_rejected)
    travelling = {a.id for a in annotations}
    for annotation in annotations:
        structure = span_type(begin=annotation.start, end=annotation.end, **_features(annotation, travelling))
        cas.add(structure)
        structures[annotation.id] = structure
    for annotation in annotations:
        for target_id, label in ((annotation.speaker_id, SAID_BY), (annotation.cue_id, CUED_BY)):
            if target_id in structures:
                governor = structures[annotation.id]
                # INCEpTION draws a relation at its dependent (here the mention or cue).
                dependent = structures[target_id]
                cas.add(link_type(begin=dependent.begin, end=dependent.end, Governor=governor, Dependent=dependent, label=label))
    return str(cas.to_xmi())


def _features(annotation: Annotation, travelling: set[str]) -> dict[str, Any]:
    corrected = annotation.corrected
    values: dict[str, Any] = {
        "label": label_of(annotation.type, annotation.kind),
        "speaker": annotation.speaker,
        "cue": annotation.cue,
        "status": annotation.status,
        "origin": annotation.origin,
        "confidence": annotation.confidence,
        "speakerConfidence": annotation.speaker_confidence,
        "corrected": ",".join(corrected) if corrected else None,
        "note": annotation.note,
        "provenance": json.dumps(Provenance.of(annotation, travelling).to_json(), ensure_ascii=False, separators=(",", ":")),
    }
    # The provenance is JSON, whose escapes keep it XML-safe; names and notes are made so.
    return {name: xml_safe(value) if isinstance(value, str) else value for name, value in values.items() if value is not None}


def write_xmi(
    documents: Iterable[Document], folder: str | Path, *, include_rejected: bool = False, prefix: str = PREFIX
) -> tuple[list[Path], list[str]]:
    """Write ``NAME.xmi`` per document and ``TypeSystem.xml`` into ``folder``.

    Returns the ``.xmi`` files written and warnings (an article whose text XML 1.0 cannot hold is
    left out with a warning; the others are written). Each file is written atomically; two
    articles with the same id get ``-2``, ``-3`` … so none overwrites another.
    """
    system = typesystem(prefix)
    folder = Path(folder)
    try:
        if folder.exists() and not folder.is_dir():
            raise InputError(folder, "exists and is not a folder")
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise SaveError(folder, f"cannot create the folder: {describe_os_error(error)}") from None
    atomic_write_text(folder / TYPESYSTEM_NAME, str(system.to_xml()), keep_backup=False)
    written: list[Path] = []
    warnings: list[str] = []
    used: set[str] = set()
    for document in documents:
        problem = not_xml(document.text)
        if problem is not None:
            warnings.append(f"{printable(document.id)}: left out: the text holds {problem}, which XML 1.0 cannot carry")
            continue
        if unsafe_values(document, include_rejected=include_rejected):
            warnings.append(
                f"{printable(document.id)}: characters XML 1.0 cannot carry, in its id, names or notes, "
                "were written as U+FFFD"
            )
        base = safe_name(document.id, "article")
        name, counter = base, 1
        while name.casefold() in used:
            counter += 1
            name = f"{base}-{counter}"
        used.add(name.casefold())
        target = folder / f"{name}.xmi"
        atomic_write_bytes(target, to_xmi(document, system, include_rejected=include_rejected, prefix=prefix).encode("utf-8"), keep_backup=False)
        written.append(target)
    return written, warnings


# Import ----------------------------------------------------------------------------------------
MAX_ENTRY_BYTES = 512 * 1024 * 1024
"""Largest file read out of a zip archive (a zip bomb is refused, not unpacked)."""
MAX_ZIP_DEPTH = 3
"""INCEpTION's project export holds one zip per document and annotator inside the project zip."""


@dataclass
class XmiSource:
    """One ``.xmi`` to read: where it is (for messages), its bytes, and its type system's."""

    shown: str
    stem: str
    data: bytes
    typesystem: bytes | None
    typesystem_shown: str


def xmi_sources(paths: Iterable[str | Path]) -> list[XmiSource]:
    """The ``.xmi`` files named, found (recursively) in folders, or inside zip archives (INCEpTION's
    exports, zips within zips included), each with the ``TypeSystem.xml`` of its folder."""
    found: list[XmiSource] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            before = len(found)
            for match in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in (".xmi", ".zip")):
                found.extend(_from_file(match))
            if len(found) == before:
                raise InputError(path, "no .xmi files in this folder (or in zip archives in it)")
        elif path.is_file():
            found.extend(_from_file(path))
        else:
            raise InputError(path, "not found")
    return found


def _read_bytes(path: Path) -> bytes:
    try:
        return read_regular_file(path, InputError, "give .xmi files, zip archives or folders of them")
    except OSError as error:
        raise InputError(path, f"cannot read: {describe_os_error(error)}") from None


def _from_file(path: Path) -> list[XmiSource]:
    if path.suffix.lower() == ".zip":
        return _from_zip(_read_bytes(path), str(path), 1)
    ts_path = path.parent / TYPESYSTEM_NAME
    typesystem = _read_bytes(ts_path) if ts_path.is_file() else None
    return [XmiSource(str(path), path.stem, _read_bytes(path), typesystem, str(ts_path))]


def _from_zip(data: bytes, shown: str, depth: int) -> list[XmiSource]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = [info for info in archive.infolist() if not info.is_dir()]
        for info in entries:
            if info.file_size > MAX_ENTRY_BYTES:
                raise InputError(f"{shown}!{info.filename}", f"larger than {MAX_ENTRY_BYTES // 2**20} MB unpacked; not read")
        names = {info.filename for info in entries}
        found: list[XmiSource] = []
        for info in sorted(entries, key=lambda i: i.filename):
            inner = f"{shown}!{info.filename}"
            lowered = info.filename.lower()
            if lowered.endswith(".zip") and depth < MAX_ZIP_DEPTH:
                found.extend(_from_zip(archive.read(info), inner, depth + 1))
            elif lowered.endswith(".xmi"):
                folder = info.filename.rsplit("/", 1)[0] + "/" if "/" in info.filename else ""
                ts_name = folder + TYPESYSTEM_NAME
                typesystem = archive.read(ts_name) if ts_name in names else None
                stem = info.filename.rsplit("/", 1)[-1][: -len(".xmi")]
                found.append(XmiSource(inner, stem, archive.read(info), typesystem, f"{shown}!{ts_name}"))
        return found
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, ValueError) as error:
        raise InputError(shown, f"not a readable zip archive ({_reason(error)})") from None


def _load_typesystem(source: XmiSource, cache: dict[bytes, Any]) -> Any:
    if source.typesystem is None:
        raise InputError(source.shown, f"no {TYPESYSTEM_NAME} beside it (export it from INCEpTION with the XMI, or copy Iqtibas's)")
    if source.typesystem not in cache:
        try:
            cache[source.typesystem] = _cassis().load_typesystem(io.BytesIO(source.typesystem))
        except Exception as error:  # cassis raises bare exceptions on malformed type systems
            raise InputError(source.typesystem_shown, f"not a UIMA type system ({_reason(error)})") from None
    return cache[source.typesystem]


def _reason(error: Exception) -> str:
    text = " ".join(str(error).split())
    return f"{type(error).__name__}: {text[:160]}" if text else type(error).__name__


def read_xmi(
    paths: Iterable[str | Path],
    *,
    label_map: dict[str, tuple[str, str | None]] | None = None,
    status: str = "accepted",
    annotator: str | None = None,
) -> Imported:
    """Read ``.xmi`` files, folders and zip archives of them into documents.

    A file named otherwise than its document (INCEpTION names each annotator's CAS after the
    user: ``annotation/article.txt/mona.xmi``) records that name as the annotator, unless
    ``annotator`` is given.

    Raises:
        InputError: naming the file, when it cannot be used at all (not XMI, no type system, no
            Iqtibas layer, an annotation outside the text). Spans with labels we do not know are
            left out with a warning.
    """
    _cassis()  # a missing extra is said before anything else
    return read_xmi_sources(xmi_sources(paths), label_map=label_map, status=status, annotator=annotator)


def read_xmi_sources(
    sources: Iterable[XmiSource],
    *,
    label_map: dict[str, tuple[str, str | None]] | None = None,
    status: str = "accepted",
    annotator: str | None = None,
) -> Imported:
    """``read_xmi`` on sources already read (their bytes and their type system's)."""
    cassis = _cassis()
    result = Imported()
    cache: dict[bytes, Any] = {}
    for source in sources:
        system = _load_typesystem(source, cache)
        try:
            cas = cassis.load_cas_from_xmi(io.BytesIO(source.data), typesystem=system, lenient=True)
        except Exception as error:  # lxml and cassis raise many kinds on malformed XMI
            raise InputError(source.shown, f"not UIMA CAS XMI ({_reason(error)})") from None
        try:
            name, document = _cas_document(cas, source, label_map, status, annotator, result.warnings)
        except (ModelError, ValueError) as error:
            raise InputError(source.shown, str(error)) from None
        result.documents.append((name, document))
    return result


def _find_type(system: Any, short: str) -> Any | None:
    for uima_type in system.get_types():
        if uima_type.name.rsplit(".", 1)[-1] == short:
            return uima_type
    return None


def _cas_document(
    cas: Any,
    source: XmiSource,
    label_map: dict[str, tuple[str, str | None]] | None,
    status: str,
    annotator: str | None,
    warnings: list[str],
) -> tuple[str, Document]:
    path = source.shown
    raw_text = cas.sofa_string
    if not isinstance(raw_text, str):
        raise InputError(path, "the CAS has no text")
    text, newline_map = normalise_newlines(raw_text)
    span_type = _find_type(cas.typesystem, SPAN)
    if span_type is None:
        raise InputError(path, f"no {SPAN} layer in its type system (see the README: create the layers in INCEpTION)")
    link_type = _find_type(cas.typesystem, LINK)
    spans: dict[int, Span] = {}
    unknown: dict[str, int] = {}
    for structure in cas.select(span_type.name):
        begin, end = structure.begin, structure.end
        if not (isinstance(begin, int) and isinstance(end, int) and 0 <= begin <= end <= len(raw_text)):
            raise InputError(path, f"a {SPAN} at {begin}–{end} lies outside the text ({len(raw_text)} characters)")
        label = _value(structure, "label")
        found = type_of_label(label, label_map) if label else None
        if found is None:
            shown = label or _NO_LABEL
            unknown[shown] = unknown.get(shown, 0) + 1
            continue
        item = Span(found[0], found[1], newline_map[begin], newline_map[end])
        item.provenance = _provenance(_value(structure, "provenance"))
        item.status = _value(structure, "status")
        item.note = _value(structure, "note")
        if item.type == "speaker":  # a mention drawn there without a name is named by its text
            item.speaker = _value(structure, "speaker")
            item.names_given = item.speaker is not None or item.provenance is not None
        elif item.type == "quote":
            item.speaker = _value(structure, "speaker")
            item.cue = _value(structure, "cue")
            item.names_given = True
        spans[structure.xmiID] = item
    if link_type is not None:
        for structure in cas.select(link_type.name):
            governor = _feature(structure, "Governor")
            dependent = _feature(structure, "Dependent")
            first = spans.get(getattr(governor, "xmiID", -1))
            second = spans.get(getattr(dependent, "xmiID", -1))
            if first is None or second is None:
                continue
            if first.type != "quote":
                first, second = second, first
            if first.type != "quote":
                continue
            if second.type == "speaker":
                first.speaker_link = second
            elif second.type == "cue":
                first.cue_link = second
    for quote in spans.values():
        if quote.type == "quote" and quote.names_given and quote.provenance is None:
            # On a quote drawn in INCEpTION, features left empty fall back to the linked mention and
            # cue; on an exported one, an empty feature is what it was exported with, or erased.
            if quote.speaker is None and quote.speaker_link is not None:
                linked = quote.speaker_link
                quote.speaker = linked.speaker or " ".join(text[linked.start : linked.end].split()) or None
            if quote.cue is None and quote.cue_link is not None:
                quote.cue = " ".join(text[quote.cue_link.start : quote.cue_link.end].split()) or None
    for label, count in sorted(unknown.items()):
        what = "without a label" if label == _NO_LABEL else f"labelled {label!r}"
        hint = "" if label == _NO_LABEL else f" (map it with --label {label}=TYPE)"
        warnings.append(f"{path}: {count} span{'s' if count > 1 else ''} {what} left out{hint}")
    name = _document_name(cas, source.stem)
    who = annotator or (source.stem if source.stem != name else None)
    document = build_document(
        text, list(spans.values()), doc_id=name, source=path, status=status, annotator=who,
        imported_from=f"xmi {path}",
    )
    return name, document


def _feature(structure: Any, name: str) -> Any:
    try:
        return structure.get(name)
    except Exception:  # a type without this feature (edited type system)
        return None


def _value(structure: Any, name: str) -> str | None:
    value = _feature(structure, name)
    if isinstance(value, str):
        return value.strip() or None
    return None


def _provenance(value: str | None) -> Provenance | None:
    if not value:
        return None
    try:
        return Provenance.from_json(json.loads(value))
    except ValueError:
        return None


def _document_name(cas: Any, stem: str) -> str:
    """The article id: DocumentMetaData's title or id, else the file's (or INCEpTION's folder's) name."""
    if cas.typesystem.contains_type(DOCUMENT_META):
        for structure in cas.select(DOCUMENT_META):
            for feature in ("documentTitle", "documentId"):
                value = _value(structure, feature)
                if value and value.strip():
                    bare = re.sub(r"\.(xmi|txt)$", "", value, flags=re.IGNORECASE)
                    return bare if bare.strip() else value  # ".xmi" alone is the whole name
    return stem
