"""Which annotations touch each paragraph block of the article view, kept up to date per edit.

The highlighter asks for one block's spans at a time (``spans_in_block``), the article view asks
which annotation lies under the cursor (``innermost_at``). Both stay O(spans near one block)
whatever the article's size. A block's annotations are looked up when it is first asked for (a
bisect over the annotations sorted by start) and kept: building the index for a 1 MB article
with 22,000 annotations is two list comprehensions, and only the blocks on screen are ever
looked up at first. ``apply`` takes the model events of one edit, updates the index and returns
the block numbers whose drawing changed, so the view re-highlights only those.

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
        # The document iterates in reading order, so by start: the lists come out sorted.
        spans = [a for a in document if a.type != "section"]
        self._starts = [a.start for a in spans]
        self._spans = spans
        self._longest = max((a.end - a.start for a in spans), default=0)
        self._sections = sorted((a.start, a.end, a.id) for a in document if a.type == "section")
        self._blocks: dict[int, dict[str, Annotation]] = {}  # looked up on first use
        self._cache: dict[int, list[BlockSpan]] = {}

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
        return list(self._entries(block).values())

    def _entries(self, block: int) -> dict[str, Annotation]:
        """The annotations (sections apart) touching ``block``, by id; looked up once, then kept."""
        entries = self._blocks.get(block)
        if entries is None:
            block_start = self.block_starts[block]
            following = self.block_starts[block + 1] if block + 1 < len(self.block_starts) else len(self.document.text) + 1
            low = bisect_left(self._starts, block_start - self._longest)
            high = bisect_left(self._starts, following)
            # Starting before the next block, and reaching into this one (an empty span at its start).
            entries = {a.id: a for a in self._spans[low:high] if max(a.start, a.end - 1) >= block_start}
            self._blocks[block] = entries
        return entries

    def spans_in_block(self, block: int) -> list[BlockSpan]:
        """Drawn spans of ``block`` in layer order (containers first), UTF-16, block-relative."""
        cached = self._cache.get(block)
        if cached is not None:
            return cached
        entries = self._entries(block)
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
            for a in self._entries(self.block_of(offset)).values()
            if a.start <= offset < a.end or a.start == a.end == offset
        ]
        # Sections starting at or before ``offset``, back as far as the longest one reaches
        # (derived sections rarely overlap, but overlapping headings make them).
        position = bisect_right(self._sections, (offset, float("inf"), "")) - 1
        longest = max((end - start for start, end, _id in self._sections), default=0)
        while position >= 0 and self._sections[position][0] >= offset - longest:
            start, end, section_id = self._sections[position]
            if start <= offset < end or start == end == offset:
                section = self.document.find(section_id)
                if section is not None and section not in found:
                    found.append(section)
            position -= 1
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
                fresh = SpanIndex(self.document, self.offsets)
                self._starts, self._spans, self._longest = fresh._starts, fresh._spans, fresh._longest
                self._sections, self._blocks, self._cache = fresh._sections, {}, {}
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
        position = bisect_right(self._starts, annotation.start)
        self._starts.insert(position, annotation.start)
        self._spans.insert(position, annotation)
        self._longest = max(self._longest, annotation.end - annotation.start)
        return self._forget_blocks(annotation)

    def _remove(self, annotation: Annotation) -> range:
        if annotation.type == "section":
            key = (annotation.start, annotation.end, annotation.id)
            index = bisect_left(self._sections, key)
            if index < len(self._sections) and self._sections[index] == key:
                del self._sections[index]
            return range(0)
        position = bisect_left(self._starts, annotation.start)
        while position < len(self._spans) and self._starts[position] == annotation.start:
            if self._spans[position].id == annotation.id:
                del self._starts[position]
                del self._spans[position]
                break
            position += 1
        return self._forget_blocks(annotation)

    def _forget_blocks(self, annotation: Annotation) -> range:
        """Drop what was looked up for the blocks ``annotation`` touches; the drawn ones to redraw."""
        blocks = self.block_range(annotation.start, annotation.end)
        for block in blocks:
            self._blocks.pop(block, None)
            self._cache.pop(block, None)
        return blocks if annotation.type in DRAWN_TYPES else range(0)
