"""Draws annotations in the article view from the per-block span index.

Formats go straight into each paragraph's ``QTextLayout`` (``setFormats``, then
``markContentsDirty`` to lay the paragraph out again), as ``QSyntaxHighlighter`` does inside: they
are display-only and never enter the text document's contents, undo history or clipboard. Not a
``QSyntaxHighlighter`` because that calls back into Python for every paragraph of the article
when the text is set or attached (7,000 calls for 1 MB, before the first paint), where only the
paragraphs on screen need drawing. Blocks are drawn when the view first paints them
(``draw_blocks``). Overlapping spans are merged per character, containers underneath.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QObject
from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextDocument, QTextLayout

from gui.views.span_index import BlockSpan, SpanIndex
from gui.views.theme import char_format


class AnnotationHighlighter(QObject):
    """Formats each block from ``SpanIndex.spans_in_block`` (UTF-16 positions, as Qt wants).

    Blocks are drawn lazily: ``set_index`` draws nothing, the view calls ``draw_blocks`` for the
    blocks it is about to paint, so opening a 1 MB article (7,000 blocks) costs only the few
    visible ones. Every block is drawn before it is first painted, so what the user sees is
    always complete.
    """

    # A set of changed blocks larger than this (a reset) redraws only the blocks drawn so far;
    # the others are drawn when they are first painted.
    EAGER_REDRAW_LIMIT = 256

    def __init__(self, document: QTextDocument | None = None, index: SpanIndex | None = None) -> None:
        super().__init__(document)
        self._document = document
        self._index = index
        self._drawn: set[int] = set()
        self._formatted: set[int] = set()  # blocks that carry formats now

    def document(self) -> QTextDocument | None:
        return self._document

    def set_document(self, document: QTextDocument | None) -> None:
        """Draw into ``document`` from now on (its blocks carry no formats of ours yet)."""
        self._document = document
        self._drawn = set()
        self._formatted = set()

    def set_index(self, index: SpanIndex | None) -> None:
        """Use ``index`` from now on; blocks are drawn with it when ``draw_blocks`` asks."""
        self._index = index
        self._drawn = set()

    def is_drawn(self, block_number: int) -> bool:
        """Whether the block has been drawn with the current index (tests, debugging)."""
        return block_number in self._drawn

    def draw_blocks(self, first: int, last: int) -> None:
        """Draw the not yet drawn blocks ``first..last`` (inclusive)."""
        if self._document is None or self._index is None:
            return
        drawn = self._drawn
        block = self._document.findBlockByNumber(first)
        while block.isValid() and block.blockNumber() <= last:
            if block.blockNumber() not in drawn:
                self._draw(block)
            block = block.next()

    def rehighlight_blocks(self, blocks: set[int]) -> None:
        """Redraw ``blocks`` (after an edit); a large set only where it was drawn already."""
        if self._document is None or self._index is None:
            return
        if len(blocks) > self.EAGER_REDRAW_LIMIT:
            blocks = blocks & self._drawn
        for number in sorted(blocks):
            block = self._document.findBlockByNumber(number)
            if block.isValid():
                self._draw(block)

    def _draw(self, block: QTextBlock) -> None:
        assert self._document is not None and self._index is not None
        number = block.blockNumber()
        self._drawn.add(number)
        ranges = format_ranges(self._index.spans_in_block(number))
        if not ranges and number not in self._formatted:
            return  # nothing drawn before, nothing to draw now
        layout = block.layout()
        if layout is None:
            return
        layout.setFormats(ranges)
        if ranges:
            self._formatted.add(number)
        else:
            self._formatted.discard(number)
        self._document.markContentsDirty(block.position(), block.length())


def format_ranges(spans: list[BlockSpan]) -> list[QTextLayout.FormatRange]:
    """The format runs of one block: each span's format, overlaps merged in layer order (spans
    arrive containers first)."""
    if not spans:
        return []
    ordered = sorted(spans, key=lambda span: span[0])
    overlapping = any(ordered[i][0] < ordered[i - 1][0] + ordered[i - 1][1] for i in range(1, len(ordered)))
    if not overlapping:
        return [_range(start, length, char_format(key, status)) for start, length, key, status, _id in ordered]
    ranges = []
    bounds = sorted({p for start, length, *_ in spans for p in (start, start + length)})
    for left, right in pairwise(bounds):
        merged: QTextCharFormat | None = None
        covering = [span for span in spans if span[0] <= left and right <= span[0] + span[1]]
        # A rejected suggestion under an active annotation of its type (a quote a person drew
        # where the annotator's was rejected) is not drawn: the active one shows, not struck out.
        active = {_type_of(key) for _s, _l, key, status, _i in covering if status != "rejected"}
        for start, length, key, status, _id in covering:
            if status == "rejected" and _type_of(key) in active:
                continue
            if start <= left and right <= start + length:
                fmt = char_format(key, status)
                if merged is None:
                    merged = QTextCharFormat(fmt)
                else:
                    merged.merge(fmt)
        if merged is not None:
            ranges.append(_range(left, right - left, merged))
    return ranges


def _type_of(style_key: str) -> str:
    return style_key.partition(":")[0]  # quote:direct -> quote


def _range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
    format_range = QTextLayout.FormatRange()
    format_range.start = start
    format_range.length = length
    format_range.format = fmt
    return format_range
