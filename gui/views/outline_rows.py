"""The outline's rows: a plain tree the item model (``outline_model``) hands to Qt as internal
pointers, one ``Node`` per row."""

from __future__ import annotations

from collections.abc import Hashable


class Node:
    """One row. ``key`` is unique among its siblings; ``ref`` is an annotation id or a name."""

    __slots__ = ("children", "key", "kind", "parent", "pending", "ref", "row")

    def __init__(self, key: Hashable, kind: str, ref: str | None, parent: Node | None) -> None:
        self.key = key
        self.kind = kind  # root, title, section, quote, bgroup, boilerplate, sgroup, speaker, squote
        self.ref = ref
        self.parent = parent
        self.children: list[Node] = []
        self.row = 0
        self.pending = False  # quote rows not made yet (``OutlineModel._children``)


def renumber(node: Node) -> None:
    """Give ``node``'s children their row numbers after its list changed."""
    for row, child in enumerate(node.children):
        child.row = row
