"""Draws annotations in the article view from the per-block span index.

``QSyntaxHighlighter`` formats are display-only (they never enter the text document's contents,
undo history or clipboard). Blocks are drawn when the view first paints them (``draw_blocks``),
which keeps opening a 5 MB article fast. Overlapping spans are merged per character, containers
underneath.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from gui.views.span_index import SpanIndex
from gui.views.theme import char_format


class AnnotationHighlighter(QSyntaxHighlighter):
    """Formats each block from ``SpanIndex.spans_in_block`` (UTF-16 positions, as Qt wants).

    Blocks are drawn lazily: ``set_index`` draws nothing, the view calls ``draw_blocks`` for the
    blocks it is about to paint, so opening a 1 MB article (7,000 blocks) costs only the few
    visible ones. Every block is drawn before it is first painted, so what the user sees is
    always complete.
    """

    # A set of changed blocks larger than this (a reset) redraws only the blocks drawn so far;
    # the others are drawn when they are first painted.
    EAGER_REDRAW_LIMIT = 256

    def __init__(self, document: QTextDocument, index: SpanIndex | None = None) -> None:
        super().__init__(document)
        self._index = index
        self._drawn: set[int] = set()
        self._drawing = False  # True while draw_blocks or rehighlight_blocks asks Qt to draw

    def set_index(self, index: SpanIndex | None) -> None:
        """Use ``index`` from now on; blocks are drawn with it when ``draw_blocks`` asks.

        The whole-document pass that ``setDocument`` schedules still calls ``highlightBlock`` for
        every block, which returns at once for blocks not drawn yet.
        """
        self._index = index
        self._drawn = set()

    def is_drawn(self, block_number: int) -> bool:
        """Whether the block has been drawn with the current index (tests, debugging)."""
        return block_number in self._drawn

    def draw_blocks(self, first: int, last: int) -> None:
        """Draw the not yet drawn blocks ``first..last`` (inclusive)."""
        document = self.document()
        if document is None or self._index is None:
            return
        drawn = self._drawn
        block = document.findBlockByNumber(first)
        self._drawing = True
        try:
            while block.isValid() and block.blockNumber() <= last:
                if block.blockNumber() not in drawn:
                    self.rehighlightBlock(block)
                block = block.next()
        finally:
            self._drawing = False

    def rehighlight_blocks(self, blocks: set[int]) -> None:
        """Redraw ``blocks`` (after an edit); a large set only where it was drawn already."""
        document = self.document()
        if document is None:
            return
        if len(blocks) > self.EAGER_REDRAW_LIMIT:
            blocks = blocks & self._drawn
        self._drawing = True
        try:
            for number in sorted(blocks):
                block = document.findBlockByNumber(number)
                if block.isValid():
                    self.rehighlightBlock(block)
        finally:
            self._drawing = False

    def highlightBlock(self, text: str) -> None:
        if self._index is None:
            return
        number = self.currentBlock().blockNumber()
        if not self._drawing and number not in self._drawn:
            return  # Qt's own whole-document pass after ``setDocument``: drawn when painted
        self._drawn.add(number)
        spans = self._index.spans_in_block(number)
        if not spans:
            return
        ordered = sorted(spans, key=lambda span: span[0])
        overlapping = any(ordered[i][0] < ordered[i - 1][0] + ordered[i - 1][1] for i in range(1, len(ordered)))
        if not overlapping:
            for start, length, key, status, _id in spans:
                self.setFormat(start, length, char_format(key, status))
            return
        # Elementary segments between all boundaries; each merges the formats covering it in
        # layer order (spans arrive containers first).
        bounds = sorted({p for start, length, *_ in spans for p in (start, start + length)})
        for left, right in pairwise(bounds):
            merged: QTextCharFormat | None = None
            for start, length, key, status, _id in spans:
                if start <= left and right <= start + length:
                    fmt = char_format(key, status)
                    if merged is None:
                        merged = QTextCharFormat(fmt)
                    else:
                        merged.merge(fmt)
            if merged is not None:
                self.setFormat(left, right - left, merged)
