"""A small annotation document touching every type and field, shared by the format's tests."""

from __future__ import annotations

import json
from typing import Any

from core.jsonformat import dumps_document
from core.model import Annotation, Document

TEXT = "قال 😀 الوزير 𞸀 إن «السلام» ممكن\nوأضاف: CNN نقلت ذلك."


def sample_document() -> Document:
    document = Document(TEXT, id="sample", source="sample.txt", meta={"annotator": "test"})
    document.add(Annotation("sp1", "speaker", 6, 12, origin="auto", status="pending", confidence=0.8, speaker="الوزير"))
    document.add(Annotation("c1", "cue", 0, 3, origin="auto", status="accepted", confidence=0.9))
    document.add(Annotation("q1", "quote", 19, 25, origin="auto", status="pending", confidence=0.9, kind="direct",
                            speaker="الوزير", speaker_id="sp1", cue="قال", cue_id="c1"))
    document.add(Annotation("h1", "heading", 33, 52))
    document.add(Annotation("s1", "section", 33, 52, heading_id="h1"))
    document.add(Annotation("p1", "paragraph", 0, 32, origin="auto", status="rejected", confidence=0.95))
    document.add(Annotation("p2", "paragraph", 33, 52, origin="auto", status="pending", confidence=0.95, duplicate_of="p1"))
    return document


def valid_data() -> dict[str, Any]:
    """``sample_document`` as parsed JSON, to break in tests."""
    return json.loads(dumps_document(sample_document()))
