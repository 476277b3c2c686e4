"""Exchanging annotations with other annotation tools: doccano (JSONL) and brat (standoff).

Both directions use one label vocabulary (``LABELS``) so that a corpus exported from Iqtibas,
corrected elsewhere and imported back keeps its meaning. What the other tools cannot express
natively (a quote's canonical speaker and cue, which mention a quote links to) travels in the
places each tool keeps untouched: doccano's per-example metadata, brat's annotator notes and
relations. Offsets are converted explicitly at the boundary (``core.interchange.offsets``);
inside Iqtibas they are always code points of the stored text.

Sections and paragraphs are derived from the text and the headings, so they are not exchanged.
"""

from __future__ import annotations

from core.errors import InputError, printable
from core.model import Annotation, Document

# Iqtibas annotation (type, kind) <-> the label written for doccano and brat.
LABELS: dict[tuple[str, str | None], str] = {
    ("title", None): "Title",
    ("heading", None): "Heading",
    ("boilerplate", None): "Boilerplate",
    ("quote", "direct"): "DirectQuote",
    ("quote", "indirect"): "IndirectQuote",
    ("speaker", None): "Speaker",
    ("cue", None): "Cue",
}
EXCHANGED_TYPES = ("title", "heading", "boilerplate", "quote", "speaker", "cue")
_BY_LABEL = {label.casefold(): key for key, label in LABELS.items()}


def label_of(type_name: str, kind: str | None) -> str:
    return LABELS[(type_name, kind if type_name == "quote" else None)]


def parse_label_map(items: list[str] | None) -> dict[str, tuple[str, str | None]]:
    """``--label THEIRS=OURS`` options as a map from a foreign label to (type, kind).

    ``OURS`` is one of ``LABELS``' values (case does not matter), e.g. ``PER=Speaker``.
    """
    mapping: dict[str, tuple[str, str | None]] = {}
    for item in items or []:
        theirs, sep, ours = item.partition("=")
        key = _BY_LABEL.get(ours.strip().casefold())
        if not sep or not theirs.strip() or key is None:
            raise InputError(
                f"--label {item}",
                f"expected THEIRS=OURS with OURS one of {', '.join(LABELS.values())}",
            )
        mapping[theirs.strip().casefold()] = key
    return mapping


def type_of_label(label: str, mapping: dict[str, tuple[str, str | None]] | None = None) -> tuple[str, str | None] | None:
    """(type, kind) of a foreign label: ``--label`` mappings first, then ``LABELS`` (any case)."""
    folded = label.strip().casefold()
    if mapping and folded in mapping:
        return mapping[folded]
    return _BY_LABEL.get(folded)


SAFE_NAME_BYTES = 150
"""Longest name made from an article id, in UTF-8 bytes: with a suffix (and a temporary file's
additions) it stays under the 255 bytes file systems allow for a name."""


def safe_name(name: str, fallback: str) -> str:
    """A file name made from an article id: no folders, no control characters, printable, not
    too long, never empty."""
    cleaned = "".join("_" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in printable(name))
    cut = cleaned.encode("utf-8")[:SAFE_NAME_BYTES].decode("utf-8", "ignore")
    return cut.strip(" .") or fallback


def exported(document: Document, *, include_rejected: bool = False) -> list[Annotation]:
    """The annotations exchanged with other tools (active ones of ``EXCHANGED_TYPES``)."""
    return [
        a for a in document
        if a.type in EXCHANGED_TYPES and (a.is_active or include_rejected)
    ]
