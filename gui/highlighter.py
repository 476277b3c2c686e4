"""Draws annotations in the article view from the per-block span index.

``QSyntaxHighlighter`` formats are display-only (they never enter the text document's contents,
undo history or clipboard) and Qt asks for them one visible block at a time, which keeps a
5 MB article fast. Overlapping spans are merged per character, containers underneath.
"""

from __future__ import annotations

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

from gui.span_index import SpanIndex
from gui.theme import char_format


class AnnotationHighlighter(QSyntaxHighlighter):
    """Formats each block from ``SpanIndex.spans_in_block`` (UTF-16 positions, as Qt wants)."""

    def __init__(self, document: QTextDocument, index: SpanIndex | None = None) -> None:
        super().__init__(document)
        self._index = index

    def set_index(self, index: SpanIndex | None) -> None:
        """Use ``index`` from now on and redraw every block with it (nothing to draw for None)."""
        self._index = index
        if index is not None:
            self.rehighlight()

    def rehighlight_blocks(self, blocks: set[int]) -> None:
        """Redraw only ``blocks`` (after an edit)."""
        document = self.document()
        if document is None:
            return
        for number in sorted(blocks):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        if self._index is None:
            return
        spans = self._index.spans_in_block(self.currentBlock().blockNumber())
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
        for left, right in zip(bounds, bounds[1:]):
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
