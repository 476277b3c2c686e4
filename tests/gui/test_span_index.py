"""The article view's span index agrees with a plain walk over the document, before and after edits."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.model import Annotation, Document
from gui.document.session import DocumentSession
from gui.views.span_index import SpanIndex
from tests.gui.helpers import sample_document

pytestmark = pytest.mark.gui


def expected_blocks(index: SpanIndex, document: Document) -> dict[int, set[str]]:
    """Every block's annotations (sections apart), the slow obvious way."""
    blocks: dict[int, set[str]] = {}
    for annotation in document:
        if annotation.type != "section":
            for block in index.block_range(annotation.start, annotation.end):
                blocks.setdefault(block, set()).add(annotation.id)
    return blocks


def check(index: SpanIndex, document: Document) -> None:
    expected = expected_blocks(index, document)
    for block in range(index.block_count):
        assert {a.id for a in index.annotations_in_block(block)} == expected.get(block, set()), block
    for offset in range(0, len(document.text), 37):
        assert index.annotations_at(offset) == document.annotations_at(offset), offset


EDITS = st.lists(st.tuples(st.sampled_from(["delete", "resize", "create", "undo", "status"]), st.integers(0, 10_000)), min_size=1, max_size=10)


@given(edits=EDITS)
@settings(max_examples=20, deadline=None)
def test_the_index_follows_edits(qapp, edits) -> None:  # type: ignore[no-untyped-def]
    document = sample_document()
    session = DocumentSession(document)
    index = SpanIndex(document)
    check(index, document)  # looked up lazily: the first questions fill the blocks
    session.changed.connect(index.apply)
    for edit, n in edits:
        targets = [a for a in document if a.type != "section"]
        target = targets[n % len(targets)]
        if edit == "delete":
            session.delete(target.id)
        elif edit == "resize":
            session.resize(target.id, max(0, target.start - n % 200), min(len(document.text), target.end + n % 300))
        elif edit == "create":
            start = n % (len(document.text) - 40)
            session.create(("quote", "heading", "cue")[n % 3], start, min(len(document.text), start + 10 + n % 900), snap=False)
        elif edit == "status":
            session.set_status(target.id, "rejected")
        else:
            session.undo_stack.undo()
        check(index, document)


def test_an_empty_span_belongs_to_its_block(qapp) -> None:  # type: ignore[no-untyped-def]
    text = "سطر أول\nسطر ثان\n"
    at = text.index("ثان")
    document = Document(text, id="empty", annotations=[Annotation("c1", "cue", at, at)])
    index = SpanIndex(document)
    assert [a.id for a in index.annotations_in_block(1)] == ["c1"] and index.annotations_in_block(0) == []
    assert index.innermost_at(at) is not None and index.innermost_at(at).id == "c1"
