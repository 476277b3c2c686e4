"""Which annotations touch each paragraph block of the article view, kept up to date per edit.

The highlighter asks for one block's spans at a time (``spans_in_block``), the article view asks
which annotation lies under the cursor (``innermost_at``). Both stay O(spans in one block)
whatever the article's size. ``apply`` takes the model events of one edit, updates the index and
returns the block numbers whose drawing changed, so the view re-highlights only those.

Blocks are the lines of ``offsets.view_text(text)``: the view shows exactly those.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from core.model import Annotation, Document, ModelEvent
from gui.views.offsets import OffsetMap
from gui.views.theme import DRAWN_TYPES, LAYER_RANK, style_key

# One drawn piece of a span inside a block: UTF-16 start relative to the block, UTF-16 length,
# style key, review status, annotation id.
BlockSpan = tuple[int, int, str, str, str]


class SpanIndex:
    """Per-block index of a document's annotations (sections apart: they cover many blocks)."""

    def __init__(self, document: Document, offsets: OffsetMap | None = None) -> None:
        text = document.text
        self.document = document
        self.offsets = offsets or OffsetMap(text)
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        # "\r" and U+2029 are breaks in the view too (offsets.view_text).
        if "\r" in text or "\u2029" in text:
            starts = [0] + [i + 1 for i, c in enumerate(text) if c in "\n\r\u2029"]
        self.block_starts = starts
        self._u16_block_starts = [self.offsets.to_utf16(s) for s in starts] if not self.offsets.identity else starts
        self._blocks: dict[int, dict[str, Annotation]] = {}
        self._sections: list[tuple[int, int, str]] = []  # (start, end, id), sorted
        self._cache: dict[int, list[BlockSpan]] = {}
        for annotation in document:
            self._insert(annotation)

    # Queries ----------------------------------------------------------------------------------
    @property
    def block_count(self) -> int:
        return len(self.block_starts)

    def block_of(self, offset: int) -> int:
        """Block number holding code-point ``offset`` (the last block for the end of the text)."""
        return max(0, bisect_right(self.block_starts, offset) - 1)

    def block_range(self, start: int, end: int) -> range:
        """Blocks that a span ``start..end`` touches (an empty span touches its block)."""
        first = self.block_of(start)
        last = self.block_of(max(start, end - 1))
        return range(first, last + 1)

    def annotations_in_block(self, block: int) -> list[Annotation]:
        return list(self._blocks.get(block, {}).values())

    def spans_in_block(self, block: int) -> list[BlockSpan]:
        """Drawn spans of ``block`` in layer order (containers first), UTF-16, block-relative."""
        cached = self._cache.get(block)
        if cached is not None:
            return cached
        entries = self._blocks.get(block)
        if not entries:
            return []
        to_u16 = self.offsets.to_utf16
        block_u16 = self._u16_block_starts[block]
        block_start = self.block_starts[block]
        block_end = self.block_starts[block + 1] - 1 if block + 1 < len(self.block_starts) else len(self.document.text)
        out: list[BlockSpan] = []
        for annotation in entries.values():
            if annotation.type not in DRAWN_TYPES:
                continue
            start = max(annotation.start, block_start)
            end = min(annotation.end, block_end)
            if end <= start:
                continue
            u_start = to_u16(start) - block_u16
            out.append((u_start, to_u16(end) - block_u16 - u_start, style_key(annotation.type, annotation.kind), annotation.status, annotation.id))
        out.sort(key=lambda span: (LAYER_RANK[span[2]], span[0]))
        self._cache[block] = out
        return out

    def annotations_at(self, offset: int) -> list[Annotation]:
        """Annotations containing ``offset`` (or empty at it), outermost first — like the core's."""
        found = [
            a
            for a in self._blocks.get(self.block_of(offset), {}).values()
            if a.start <= offset < a.end or a.start == a.end == offset
        ]
        index = bisect_right(self._sections, (offset, float("inf"), "")) - 1
        for position in (index, index - 1):
            if 0 <= position < len(self._sections):
                start, end, section_id = self._sections[position]
                if start <= offset < end or start == end == offset:
                    section = self.document.find(section_id)
                    if section is not None and section not in found:
                        found.append(section)
        found.sort(key=Annotation.sort_key)
        return found

    def innermost_at(self, offset: int, *, include_sections: bool = False) -> Annotation | None:
        """The innermost annotation at ``offset`` (latest start, shortest, content type)."""
        candidates = [
            a for a in self.annotations_at(offset) if include_sections or a.type != "section"
        ]
        return candidates[-1] if candidates else None

    # Updates ----------------------------------------------------------------------------------
    def apply(self, events: Iterable[ModelEvent]) -> set[int]:
        """Follow the model's events; returns the blocks whose highlighting changed."""
        dirty: set[int] = set()
        for event in events:
            if event.kind == "reset":
                self.__init__(self.document, self.offsets)  # type: ignore[misc]
                return set(range(self.block_count))
            if event.old is not None:
                dirty.update(self._remove(event.old))
            if event.new is not None:
                dirty.update(self._insert(event.new))
        return dirty

    def _insert(self, annotation: Annotation) -> range:
        if annotation.type == "section":
            key = (annotation.start, annotation.end, annotation.id)
            self._sections.insert(bisect_left(self._sections, key), key)
            return range(0)
        blocks = self.block_range(annotation.start, annotation.end)
        for block in blocks:
            self._blocks.setdefault(block, {})[annotation.id] = annotation
            self._cache.pop(block, None)
        return blocks if annotation.type in DRAWN_TYPES else range(0)

    def _remove(self, annotation: Annotation) -> range:
        if annotation.type == "section":
            key = (annotation.start, annotation.end, annotation.id)
            index = bisect_left(self._sections, key)
            if index < len(self._sections) and self._sections[index] == key:
                del self._sections[index]
            return range(0)
        blocks = self.block_range(annotation.start, annotation.end)
        for block in blocks:
            entries = self._blocks.get(block)
            if entries is not None:
                entries.pop(annotation.id, None)
                if not entries:
                    del self._blocks[block]
            self._cache.pop(block, None)
        return blocks if annotation.type in DRAWN_TYPES else range(0)
