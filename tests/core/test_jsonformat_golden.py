"""The annotation file format, pinned byte for byte by a committed golden file.

``data/golden.iqtibas.json`` was written from ``golden_document()``: every annotation type and
field, astral characters, a corrected automatic quote (``corrected``), a rejected automatic
annotation, a note, the ids given so far (``meta.last_ids``, higher than the ids present after a
removal), and unknown fields at every level (as a newer minor version would write them). Any change to what is written — key order,
indentation, escaping, number format — fails here, so it cannot happen by accident across
releases. A deliberate change of the format regenerates the file with
``python tests/core/test_jsonformat_golden.py --write`` and says so in the commit message.
"""

from __future__ import annotations

import sys
from pathlib import Path

from core.jsonformat import dumps_document, load_document, loads_document
from core.model import Annotation, Document

GOLDEN = Path(__file__).with_name("data") / "golden.iqtibas.json"
TEXT = "وقال الوزير 😀 سامي علي: «السلام ممكن».\nوأضاف أن 𞸀 المفاوضات مستمرة.\nالمصدر: وكالات"


def golden_document() -> Document:
    """A fixed document: nothing in it depends on the clock, the version or the machine."""
    document = Document(
        TEXT,
        id="golden",
        source="corpus/golden.txt",
        meta={
            "tool": "iqtibas 1.0.0",
            "created": "2026-01-02T03:04:05Z",
            "modified": "2026-01-02T03:14:15Z",
            "annotator": "mona",
            "future_meta": {"kept": True},
        },
        extra={"future_top": [1, 2.5, None]},
        document_extra={"encoding": "utf-8"},
        last_ids={"q": 5},  # q3 … q5 were removed: their ids are never given again
    )
    add = document.add
    add(Annotation("c1", "cue", 0, 4, origin="auto", status="accepted", confidence=0.9))
    add(Annotation("c2", "cue", 39, 44, origin="auto", status="pending", confidence=0.85))
    add(Annotation("sp1", "speaker", 14, 22, origin="manual", status="accepted", speaker="سامي علي"))
    add(Annotation("q1", "quote", 25, 36, origin="auto", status="accepted", confidence=0.95, kind="direct",
                   speaker="سامي علي", speaker_id="sp1", cue="وقال", cue_id="c1", note="«» included",
                   corrected=("speaker", "speaker_id", "end"), speaker_confidence=0.41))
    add(Annotation("q2", "quote", 48, 66, origin="auto", status="rejected", confidence=0.4, kind="indirect",
                   speaker=None, cue="وأضاف", cue_id="c2", extra={"future_field": "kept"}))
    add(Annotation("b1", "boilerplate", 68, 82, origin="auto", status="pending", confidence=0.7))
    add(Annotation("t1", "title", 0, 38, origin="manual", status="accepted"))
    add(Annotation("h1", "heading", 39, 67, origin="manual", status="accepted"))
    add(Annotation("s1", "section", 0, 38, origin="auto", status="pending", confidence=0.9, heading_id=None))
    add(Annotation("s2", "section", 39, 82, origin="auto", status="pending", confidence=0.9, heading_id="h1"))
    add(Annotation("p1", "paragraph", 0, 38, origin="auto", status="pending", confidence=0.95))
    add(Annotation("p2", "paragraph", 39, 67, origin="auto", status="pending", confidence=0.95, duplicate_of="p1"))
    return document


def test_the_format_is_written_byte_for_byte_as_the_golden_file() -> None:
    expected = GOLDEN.read_bytes()
    assert dumps_document(golden_document()).encode("utf-8") == expected, (
        "the annotation file format changed; if that is deliberate, regenerate the golden file "
        "(python tests/core/test_jsonformat_golden.py --write) and say why in the commit message"
    )


def test_the_golden_file_loads_to_the_same_document_and_saves_unchanged() -> None:
    loaded = load_document(GOLDEN)
    assert loaded == golden_document()
    assert loaded.get("q2").extra == {"future_field": "kept"}
    assert loaded.get("q1").corrected == ("speaker", "speaker_id", "end")
    assert loaded.last_ids()["q"] == 5
    assert loaded.extra == {"future_top": [1, 2.5, None]}
    assert dumps_document(loaded).encode("utf-8") == GOLDEN.read_bytes()
    assert loads_document(GOLDEN.read_text(encoding="utf-8")) == loaded
    assert loaded.new_id("quote") == "q6"  # q3 … q5 named annotations removed before


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    GOLDEN.write_bytes(dumps_document(golden_document()).encode("utf-8"))
    print(f"wrote {GOLDEN}")
