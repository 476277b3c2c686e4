"""The outline's bookkeeping: annotations grouped the way ``core.outline`` groups them.

One difference: rejected quotes and boilerplate stay in their lists (the view strikes them out),
so accepting or rejecting never removes a row.

Kept as sorted lists updated per model event, so the item model can ask "which quotes belong to
this section" or "which speakers, in which order" without walking the whole document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Hashable
from typing import Any

from core.model import Annotation, Document


class OutlineIndex:
    """Active titles, sections, quotes, boilerplate and speakers of one document, in reading order."""

    def __init__(self, document: Document | None = None) -> None:
        self._document = document
        self._reset_index()
        if document is not None:
            self._build(document)

    def _build(self, document: Document) -> None:
        """``add`` for every annotation, unrolled: the document iterates in reading order, the
        lists' order, so appending keeps them sorted (a 1 MB article has 22,000 annotations)."""
        titles, sections, quotes, boilerplate, mentions = self.titles, self.sections, self.quotes, self.boilerplate, self.mentions
        speaker_quotes, speaker_mentions = self.speaker_quotes, self.speaker_mentions
        for entry, a in document.keyed():
            kind = a.type
            if kind == "paragraph" or kind == "cue" or kind == "heading":
                continue
            if kind == "quote":
                quotes.append(entry)
                if a.speaker and a.status != "rejected":
                    speaker_quotes.setdefault(a.speaker, []).append(entry)
            elif kind == "boilerplate":
                boilerplate.append(entry)
            elif a.status == "rejected":
                continue  # rejected titles, sections and mentions count nowhere
            elif kind == "speaker":
                mentions.append(entry)
                if a.speaker:
                    speaker_mentions.setdefault(a.speaker, []).append(entry)
            elif kind == "section":
                sections.append(entry)
            elif kind == "title":
                titles.append(entry)

    # Index of active annotations --------------------------------------------------------------
    def _reset_index(self) -> None:
        self.titles: list[tuple[tuple[Any, ...], str]] = []
        self.sections: list[tuple[tuple[Any, ...], str]] = []  # in reading order, like core.outline
        self.quotes: list[tuple[tuple[Any, ...], str]] = []
        self.boilerplate: list[tuple[tuple[Any, ...], str]] = []
        self.speaker_quotes: dict[str, list[tuple[tuple[Any, ...], str]]] = {}
        self.speaker_mentions: dict[str, list[tuple[tuple[Any, ...], str]]] = {}
        self.mentions: list[tuple[tuple[Any, ...], str]] = []  # every active speaker mention
        self._positions: dict[str, int] | None = None  # section id -> its place in ``sections``

    def add(self, a: Annotation) -> None:
        self._add(a, insort)

    def _add(self, a: Annotation, put: Any) -> None:
        kind = a.type
        if kind not in _LISTED:
            return
        entry = (a.sort_key(), a.id)
        if a.status == "rejected":
            # Rejected quotes and boilerplate stay listed (struck out) so a review decision can be
            # seen and revisited; they count nowhere else.
            if kind == "quote":
                put(self.quotes, entry)
            elif kind == "boilerplate":
                put(self.boilerplate, entry)
            return
        if kind == "title":
            put(self.titles, entry)
        elif kind == "section":
            put(self.sections, entry)
            self._positions = None
        elif kind == "quote":
            put(self.quotes, entry)
            if a.speaker:
                put(self.speaker_quotes.setdefault(a.speaker, []), entry)
        elif kind == "boilerplate":
            put(self.boilerplate, entry)
        elif kind == "speaker":
            put(self.mentions, entry)
            if a.speaker:
                put(self.speaker_mentions.setdefault(a.speaker, []), entry)

    def remove(self, a: Annotation) -> None:
        entry = (a.sort_key(), a.id)
        if not a.is_active:
            # Rejected quotes and boilerplate stay listed (struck out) so a review decision can be
            # seen and revisited; they count nowhere else.
            if a.type == "quote":
                _discard(self.quotes, entry)
            elif a.type == "boilerplate":
                _discard(self.boilerplate, entry)
            return
        if a.type == "title":
            _discard(self.titles, entry)
        elif a.type == "section":
            _discard(self.sections, entry)
            self._positions = None
        elif a.type == "quote":
            _discard(self.quotes, entry)
            if a.speaker:
                _discard_in(self.speaker_quotes, a.speaker, entry)
        elif a.type == "boilerplate":
            _discard(self.boilerplate, entry)
        elif a.type == "speaker":
            _discard(self.mentions, entry)
            if a.speaker:
                _discard_in(self.speaker_mentions, a.speaker, entry)

    # Desired children -------------------------------------------------------------------------
    def top_keys(self) -> list[Hashable]:
        sections: list[Hashable] = [("section", sid) for _start, sid in self.sections] or [("section", None)]
        return ["title", *sections, "boilerplate", "speakers"]

    def section_quote_ids(self, section_id: str | None) -> list[str]:
        low, high = self._section_quotes(section_id)
        return [qid for _key, qid in self.quotes[low:high]]

    def section_quote_count(self, section_id: str | None) -> int:
        low, high = self._section_quotes(section_id)
        return high - low

    def _section_quotes(self, section_id: str | None) -> tuple[int, int]:
        """Where the quotes of the section ``section_id`` lie in ``quotes`` (all for None)."""
        if section_id is None or not self.sections:
            return 0, len(self.quotes)
        position = self._section_position(section_id)
        if position is None:
            return 0, 0  # no longer a section: its row goes within the same edit
        start = self.sections[position][0][0] if position > 0 else None
        following = self.sections[position + 1][0][0] if position + 1 < len(self.sections) else None
        low = 0 if start is None else bisect_left(self.quotes, ((start,),))
        high = len(self.quotes) if following is None else bisect_left(self.quotes, ((following,),))
        return low, high

    def _section_position(self, section_id: str) -> int | None:
        """Where ``section_id`` is in ``sections``; None if it is no longer a section.

        The tree asks for the quotes of each of a long article's 700 sections as it first lays
        itself out: the places are found in one pass and kept until the sections change.
        """
        document = self._document
        assert document is not None
        if document.find(section_id) is None:
            return None
        positions = self._positions
        if positions is None:
            positions = self._positions = {sid: position for position, (_key, sid) in enumerate(self.sections)}
        return positions.get(section_id)

    def section_for_start(self, start: int) -> str | None:
        if not self.sections:
            return None
        position = max(0, bisect_right(self.sections, ((start, float("inf")),)) - 1)
        return self.sections[position][1]

    def speaker_names(self) -> list[str]:
        names = set(self.speaker_quotes) | set(self.speaker_mentions)
        return sorted(names, key=lambda n: (-len(self.speaker_quotes.get(n, ())), n))



_LISTED = frozenset(("title", "section", "quote", "boilerplate", "speaker"))


def _discard(items: list[Any], entry: Any) -> None:
    position = bisect_left(items, entry)
    if position < len(items) and items[position] == entry:
        del items[position]


def _discard_in(mapping: dict[str, list[Any]], name: str, entry: Any) -> None:
    items = mapping.get(name)
    if items is None:
        return
    _discard(items, entry)
    if not items:
        del mapping[name]


def nearest(entries: list[tuple[tuple[Any, ...], str]], offset: int, limit: int) -> list[str]:
    """Ids of up to ``limit`` entries whose start is nearest ``offset`` (nearest first)."""
    middle = bisect_left(entries, ((offset,),))
    low, high = middle - 1, middle
    out: list[str] = []
    while len(out) < limit and (low >= 0 or high < len(entries)):
        before = offset - entries[low][0][0] if low >= 0 else None
        after = entries[high][0][0] - offset if high < len(entries) else None
        if after is None or (before is not None and before <= after):
            out.append(entries[low][1])
            low -= 1
        else:
            out.append(entries[high][1])
            high += 1
    return out
