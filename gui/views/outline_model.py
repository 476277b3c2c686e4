"""The outline tree as a ``QAbstractItemModel`` over the core document, updated incrementally.

Rows: the title; one row per section (named by its heading) holding its quotes; the boilerplate;
the speakers index (each speaker holding its quotes). Grouping follows ``core.outline``: quotes
belong to the last section starting at or before them, rejected annotations are left out, and
speakers are ordered by number of quotes. The tree is rebuilt only when a document is set; each
edit reconciles just the rows it touched with ``beginInsertRows``/``beginRemoveRows``/
``beginMoveRows`` and ``dataChanged``, so selection and expansion survive and a 5 MB article
stays fast. A section's or a speaker's quote rows (most rows; out of sight at first) are made when
first asked for: no view knows them before, so edits leave them to be made from the index then.

Column 0 is the item, column 1 its review state (status and the annotator's confidence).
"""

from __future__ import annotations

from collections.abc import Collection, Hashable, Iterable
from functools import cache
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon

from core.corrections import doubt
from core.model import Annotation, Document, ModelEvent
from core.outline import quote_summary
from gui.document.labels import isolate, kind_label, status_label, type_label
from gui.views.outline_index import OutlineIndex, nearest
from gui.views.outline_rows import Node, renumber

ANNOTATION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
NODE_KIND_ROLE = Qt.ItemDataRole.UserRole + 2
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 3
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 4
DOUBT_THRESHOLD = 0.6

_ModelIndex = QModelIndex | QPersistentModelIndex
# Every row is enabled and selectable, not editable: QAbstractItemModel.flags as it is (not
# overridden: the tree asks it of each row as it lays out, a call into Python each time).


@cache
def _font(name: str) -> QFont:
    """Bold (group rows) or struck-out (rejected rows) fonts, made once a QApplication exists."""
    font = QFont()
    font.setBold(name == "bold")
    font.setStrikeOut(name == "struck")
    return font


class OutlineModel(QAbstractItemModel):
    """Outline of one document; ``set_document`` then ``apply(events)`` after every edit."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._document: Document | None = None
        self._root = Node("root", "root", None, None)
        self._graveyard: list[Node] = []  # removed nodes stay alive while stale indexes may exist
        self._nodes: dict[str, list[Node]] = {}  # annotation id -> its nodes
        self._speaker_nodes: dict[str, Node] = {}
        self._icons: dict[str, QIcon] = {}
        self._idx = OutlineIndex()

    # Document ---------------------------------------------------------------------------------
    def document(self) -> Document | None:
        return self._document

    def set_document(self, document: Document | None) -> None:
        """Build the tree for ``document`` (the only full reset)."""
        self.beginResetModel()
        self._document = document
        self._graveyard.clear()
        self._nodes.clear()
        self._speaker_nodes.clear()
        self._idx = OutlineIndex(document)
        self._root = Node("root", "root", None, None)
        if document is not None:
            self._root.children = [self._make_node(key, self._root) for key in self._idx.top_keys()]
            renumber(self._root)
        self.endResetModel()

    def _make_node(self, key: Hashable, parent: Node) -> Node:
        if key == "title":
            node = Node(key, "title", self._idx.titles[0][1] if self._idx.titles else None, parent)
        elif key == "boilerplate":
            node = Node(key, "bgroup", None, parent)
            node.children = [self._make_node(("boilerplate", bid), node) for _k, bid in self._idx.boilerplate]
        elif key == "speakers":
            node = Node(key, "sgroup", None, parent)
            node.children = [self._make_node(("speaker", name), node) for name in self._idx.speaker_names()]
        else:
            assert isinstance(key, tuple)
            tag: str = key[0]
            ref: str = key[1]
            if tag == "section":
                node = Node(key, "section", ref, parent)
                node.pending = True
            elif tag == "quote":
                node = Node(key, "quote" if parent.kind == "section" else "squote", ref, parent)
            elif tag == "boilerplate":
                node = Node(key, "boilerplate", ref, parent)
            elif tag == "speaker":
                node = Node(key, "speaker", ref, parent)
                self._speaker_nodes[ref] = node
                node.pending = True
            else:  # pragma: no cover - keys are made above
                raise ValueError(key)
        renumber(node)
        if node.ref is not None and node.kind in ("title", "section", "quote", "squote", "boilerplate"):
            self._nodes.setdefault(node.ref, []).append(node)
        return node

    def _children(self, node: Node) -> list[Node]:
        """``node``'s rows; a section's or a speaker's quote rows are made on first need."""
        if node.pending:
            node.pending = False
            node.children = self._quote_leaves(node, self._quote_ids(node))
        return node.children

    def _quote_ids(self, node: Node) -> list[str]:
        if node.kind == "section":
            return self._idx.section_quote_ids(node.ref)
        return [qid for _k, qid in self._idx.speaker_quotes.get(node.ref or "", ())]

    def _row_count(self, node: Node) -> int:
        if not node.pending:
            return len(node.children)
        if node.kind == "section":
            return self._idx.section_quote_count(node.ref)
        return len(self._idx.speaker_quotes.get(node.ref or "", ()))

    def _quote_leaves(self, parent: Node, quote_ids: list[str]) -> list[Node]:
        """``_make_node`` for a run of quote rows, unrolled (most of a long article's rows)."""
        kind = "quote" if parent.kind == "section" else "squote"
        nodes = self._nodes
        leaves = []
        for row, quote_id in enumerate(quote_ids):
            leaf = Node(("quote", quote_id), kind, quote_id, parent)
            leaf.row = row
            leaves.append(leaf)
            known = nodes.get(quote_id)
            if known is None:
                nodes[quote_id] = [leaf]
            else:
                known.append(leaf)
        return leaves

    def _forget(self, node: Node) -> None:
        self._graveyard.append(node)
        for child in node.children:
            self._forget(child)
        if node.kind == "speaker" and self._speaker_nodes.get(node.ref or "") is node:
            del self._speaker_nodes[node.ref or ""]
        if node.ref is not None and node.ref in self._nodes:
            nodes = [n for n in self._nodes[node.ref] if n is not node]
            if nodes:
                self._nodes[node.ref] = nodes
            else:
                del self._nodes[node.ref]

    # Incremental updates ----------------------------------------------------------------------
    def apply(self, events: Iterable[ModelEvent]) -> None:
        """Follow one edit's model events with the smallest row changes."""
        document = self._document
        if document is None:
            return
        events = list(events)
        if any(e.kind == "reset" for e in events):
            self.set_document(document)
            return
        top_changed = False
        sections: set[str | None] = set()
        speakers: set[str] = set()
        boilerplate = False
        touched: set[str] = set()
        for event in events:
            for annotation in (event.old, event.new):
                if annotation is None:
                    continue
                touched.add(annotation.id)
                if annotation.type in ("section", "title"):
                    top_changed = True
                elif annotation.type == "heading":
                    touched.update(sid for _s, sid in self._idx.sections)  # section names follow headings
                elif annotation.type == "quote":
                    sections.add(self._idx.section_for_start(annotation.start))
                    if annotation.speaker:
                        speakers.add(annotation.speaker)
                elif annotation.type == "boilerplate":
                    boilerplate = True
                elif annotation.type == "speaker" and annotation.speaker:
                    speakers.add(annotation.speaker)
            if event.old is not None:
                self._idx.remove(event.old)
            if event.new is not None:
                self._idx.add(event.new)
        for event in events:  # sections after the index moved (quotes may change section)
            for annotation in (event.old, event.new):
                if annotation is not None and annotation.type == "quote":
                    sections.add(self._idx.section_for_start(annotation.start))
        root_index = QModelIndex()
        if top_changed:
            self._reconcile(self._root, root_index, self._idx.top_keys())
            title = self._root.children[0]
            new_title = self._idx.titles[0][1] if self._idx.titles else None
            if title.ref != new_title:
                self._retarget(title, new_title)
            for node in self._root.children:
                if node.kind == "section":
                    self._follow_section(node)
        else:
            for node in self._root.children:
                if node.kind == "section" and (node.ref in sections or (node.ref is None and sections)):
                    self._follow_section(node)
        if boilerplate:
            group = self._group("bgroup")
            self._reconcile(group, self._index_of(group), [("boilerplate", b) for _k, b in self._idx.boilerplate])
        if speakers:
            group = self._group("sgroup")
            self._reconcile(group, self._index_of(group), [("speaker", n) for n in self._idx.speaker_names()])
            for name in speakers:
                speaker_node = self._speaker_nodes.get(name)
                if speaker_node is not None:
                    if not speaker_node.pending:
                        self._reconcile(speaker_node, self._index_of(speaker_node), self._quote_keys(speaker_node))
                    self._changed(speaker_node)
            self._changed(group)
        if boilerplate:
            self._changed(self._group("bgroup"))
        for annotation_id in touched:
            for node in self._nodes.get(annotation_id, ()):
                self._changed(node)
                if node.kind == "quote" and node.parent is not None:
                    self._changed(node.parent)  # the section's quote count

    def _follow_section(self, node: Node) -> None:
        if node.pending:
            self._changed(node)  # its quote count; its rows are made when asked for
        else:
            self._reconcile(node, self._index_of(node), self._quote_keys(node))

    def _quote_keys(self, node: Node) -> list[Hashable]:
        return [("quote", quote_id) for quote_id in self._quote_ids(node)]

    def _retarget(self, node: Node, ref: str | None) -> None:
        if node.ref is not None:
            nodes = [n for n in self._nodes.get(node.ref, []) if n is not node]
            if nodes:
                self._nodes[node.ref] = nodes
            else:
                self._nodes.pop(node.ref, None)
        node.ref = ref
        if ref is not None:
            self._nodes.setdefault(ref, []).append(node)
        self._changed(node)

    def _group(self, kind: str) -> Node:
        return next(n for n in self._root.children if n.kind == kind)

    def _changed(self, node: Node) -> None:
        if node.parent is None:
            return
        left = self.createIndex(node.row, 0, node)
        right = self.createIndex(node.row, 1, node)
        self.dataChanged.emit(left, right)

    def _index_of(self, node: Node) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def _reconcile(self, parent: Node, parent_index: QModelIndex, desired: list[Hashable]) -> None:
        """Make ``parent``'s children follow ``desired`` keys with removes, moves and inserts."""
        children = parent.children
        if parent.pending or [c.key for c in children] == desired:
            return  # rows not made yet are made as they are then
        wanted = set(desired)
        # 1. Remove rows whose key is gone, in runs from the bottom.
        row = len(children) - 1
        while row >= 0:
            if children[row].key in wanted:
                row -= 1
                continue
            last = row
            while row - 1 >= 0 and children[row - 1].key not in wanted:
                row -= 1
            self.beginRemoveRows(parent_index, row, last)
            for node in children[row : last + 1]:
                self._forget(node)
            del children[row : last + 1]
            renumber(parent)
            self.endRemoveRows()
            row -= 1
        # 2. Walk the desired order: move existing rows up, insert runs of new ones.
        position = 0
        while position < len(desired):
            key = desired[position]
            if position < len(children) and children[position].key == key:
                position += 1
                continue
            source = next((i for i in range(position + 1, len(children)) if children[i].key == key), None)
            if source is not None:
                self.beginMoveRows(parent_index, source, source, parent_index, position)
                children.insert(position, children.pop(source))
                renumber(parent)
                self.endMoveRows()
                position += 1
                continue
            existing = {c.key for c in children}
            end = position
            while end < len(desired) and desired[end] not in existing:
                end += 1
            self.beginInsertRows(parent_index, position, end - 1)
            children[position:position] = [self._make_node(k, parent) for k in desired[position:end]]
            renumber(parent)
            self.endInsertRows()
            position = end

    # Lookup -----------------------------------------------------------------------------------
    def node(self, index: _ModelIndex) -> Node:
        if not index.isValid():
            return self._root
        node: Node = index.internalPointer()
        return node

    def index_for_annotation(self, annotation: Annotation) -> QModelIndex:
        """The row that shows ``annotation`` (or what stands for it), else an invalid index."""
        document = self._document
        if annotation.type == "quote":
            self._make_quote_rows(annotation)
        nodes = self._nodes.get(annotation.id)
        if nodes:
            node = next((n for n in nodes if n.kind != "squote"), nodes[0])
            return self.createIndex(node.row, 0, node)
        if document is None:
            return QModelIndex()
        if annotation.type == "heading":
            for node in self._root.children:
                if node.kind == "section" and node.ref is not None:
                    section = document.find(node.ref)
                    if section is not None and section.heading_id == annotation.id:
                        return self.createIndex(node.row, 0, node)
        if annotation.type == "speaker" and annotation.speaker in self._speaker_nodes:
            node = self._speaker_nodes[annotation.speaker]
            return self.createIndex(node.row, 0, node)
        if annotation.type == "cue":
            for _key, quote_id in self._idx.quotes:
                quote = document.find(quote_id)
                if quote is not None and quote.cue_id == annotation.id:
                    return self.index_for_annotation(quote)
        return QModelIndex()

    def _make_quote_rows(self, quote: Annotation) -> None:
        """Make the rows of the section and the speaker that list ``quote``, if not made yet."""
        section_id = self._idx.section_for_start(quote.start)
        sections = [n for n in self._root.children if n.kind == "section" and n.ref == section_id]
        for node in [*sections, self._speaker_nodes.get(quote.speaker or "")]:
            if node is not None:
                self._children(node)

    def quote_count(self) -> int:
        return len(self._idx.quotes)

    def top_rows(self, kinds: Collection[str]) -> list[QModelIndex]:
        """The top-level rows whose node kind (``section``, ``sgroup`` …) is one of ``kinds``."""
        return [self.createIndex(node.row, 0, node) for node in self._root.children if node.kind in kinds]

    def speaker_names(self) -> list[str]:
        """The article's speakers, most quoted first (kept up to date per edit)."""
        return self._idx.speaker_names()

    def mentions_near(self, offset: int, limit: int = 50) -> list[Annotation]:
        """Active speaker mentions nearest ``offset``, nearest first."""
        document = self._document
        if document is None:
            return []
        return [a for a in (document.find(i) for i in nearest(self._idx.mentions, offset, limit)) if a is not None]

    def index_for_speaker(self, name: str) -> QModelIndex:
        node = self._speaker_nodes.get(name)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def annotation_for(self, index: _ModelIndex) -> Annotation | None:
        """The annotation a row stands for (a section's heading, when it has one)."""
        document = self._document
        if document is None or not index.isValid():
            return None
        node = self.node(index)
        if node.kind == "section" and node.ref is not None:
            section = document.find(node.ref)
            heading = document.find(section.heading_id) if section is not None else None
            return heading or section
        if node.kind == "speaker":
            mentions = self._idx.speaker_mentions.get(node.ref or "")
            return document.find(mentions[0][1]) if mentions else None
        return document.find(node.ref) if node.ref is not None else None

    # Qt model interface -----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: _ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        # Called a few times per row whenever the tree lays itself out (through the filter proxy
        # too): ``node`` and ``_children`` inline.
        if column < 0 or column > 1 or row < 0:
            return QModelIndex()
        if parent.isValid():
            if parent.column() != 0:
                return QModelIndex()
            node: Node = parent.internalPointer()
            children = self._children(node) if node.pending else node.children
        else:
            children = self._root.children
        if row >= len(children):
            return QModelIndex()
        return self.createIndex(row, column, children[row])

    # QObject.parent() has no argument: the typed overloads cannot say "either"; Qt's item models override it so.
    def parent(self, index: _ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node: Node = index.internalPointer()
        parent = node.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(self.node(parent)))

    def columnCount(self, parent: _ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def hasChildren(self, parent: _ModelIndex = QModelIndex()) -> bool:  # noqa: B008
        valid = not parent.isValid() or parent.column() == 0
        return valid and self._row_count(self.node(parent)) > 0  # without making the rows

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr("Outline") if section == 0 else self.tr("Review")
        return None

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._document is None:
            return None
        node: Node = index.internalPointer()
        column = index.column()
        if role == NODE_KIND_ROLE:
            return node.kind
        if role == ANNOTATION_ID_ROLE:
            return node.ref if node.kind not in ("speaker", "bgroup", "sgroup") else ""
        if role == SPEAKER_ROLE:
            return node.ref if node.kind == "speaker" else ""
        annotation = self._document.find(node.ref) if node.kind in ("title", "section", "quote", "squote", "boilerplate") else None
        if column == 1:
            return self._review_data(annotation, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(node, annotation)
        if role == SEARCH_TEXT_ROLE:
            return self._search_text(node, annotation)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, annotation)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(node, annotation)
        if role == Qt.ItemDataRole.FontRole:
            if node.kind in ("title", "section", "bgroup", "sgroup"):
                return _font("bold")
            if annotation is not None and not annotation.is_active:
                return _font("struck")
        if role == Qt.ItemDataRole.ForegroundRole:
            if annotation is not None and not annotation.is_active:
                return QColor("#9e9e9e")
            if node.kind == "boilerplate":
                return QColor("#8a8a8a")
        return None

    # Presentation -----------------------------------------------------------------------------
    def _text(self, annotation: Annotation | None, words: int = 10) -> str:
        if annotation is None or self._document is None:
            return ""
        return quote_summary(self._document, annotation, words)

    def _display(self, node: Node, annotation: Annotation | None) -> str:
        document = self._document
        assert document is not None
        kind = node.kind
        if kind == "title":
            return self._text(annotation, 12) if annotation else self.tr("(no title)")
        if kind == "section":
            heading = document.find(annotation.heading_id) if annotation is not None else None
            name = self._text(heading, 10) if heading is not None else self.tr("Lead")
            return f"{name}  ({self._row_count(node)})"
        if kind in ("quote", "squote") and annotation is not None:
            speaker = annotation.speaker or "؟"
            cue = f" · {annotation.cue}" if annotation.cue else ""
            head = f"{speaker}{cue}: " if kind == "quote" else ""
            return f"{head}{self._text(annotation, 8)}"
        if kind == "boilerplate":
            return self._text(annotation, 8)
        if kind == "bgroup":
            return self.tr("Boilerplate (%1)").replace("%1", str(len(node.children)))
        if kind == "sgroup":
            return self.tr("Speakers (%1)").replace("%1", str(len(node.children)))
        if kind == "speaker":
            name = node.ref or ""
            count = len(self._idx.speaker_quotes.get(name, ()))
            aliases = self._aliases(name)
            also = f" — {'، '.join(aliases)}" if aliases else ""
            return f"{name} ({count}){also}"
        return ""

    def _aliases(self, name: str) -> list[str]:
        document = self._document
        assert document is not None
        seen: dict[str, None] = {}
        for _key, mention_id in self._idx.speaker_mentions.get(name, ()):
            mention = document.find(mention_id)
            if mention is not None:
                written = document.span_text(mention).strip()
                if written and written != name:
                    seen[written] = None
        return list(seen)

    def _search_text(self, node: Node, annotation: Annotation | None) -> str:
        parts = [self._display(node, annotation)]
        if annotation is not None and self._document is not None and annotation.type == "quote":
            parts.append(self._document.span_text(annotation))
        return " ".join(parts)

    def _tooltip(self, node: Node, annotation: Annotation | None) -> str | None:
        if annotation is None or self._document is None:
            if node.kind == "speaker":
                aliases = self._aliases(node.ref or "")
                return self.tr("Speaker: %1").replace("%1", isolate(node.ref or "")) + (
                    "\n" + self.tr("Also written: %1").replace("%1", "، ".join(aliases)) if aliases else ""
                )
            return None
        lines = [type_label(annotation.type, annotation.kind)]
        if annotation.type == "quote":
            lines.append(self.tr("Speaker: %1").replace("%1", isolate(annotation.speaker or "—")))
            lines.append(self.tr("Cue: %1").replace("%1", isolate(annotation.cue or "—")))
        lines.append(self.tr("Status: %1").replace("%1", status_label(annotation.status)))
        if annotation.confidence is not None:
            lines.append(self.tr("Confidence: %1").replace("%1", f"{annotation.confidence:.2f}"))
        if annotation.speaker_confidence is not None:
            lines.append(self.tr("Speaker confidence: %1").replace("%1", f"{annotation.speaker_confidence:.2f}"))
        lines.append(self._text(annotation, 30))
        return "\n".join(lines)

    def _icon(self, node: Node, annotation: Annotation | None) -> QIcon | None:
        name: str | None
        if annotation is not None and annotation.type == "quote":
            name = f"quote-{annotation.kind}"
        else:
            name = {"title": "title", "section": "heading", "boilerplate": "boilerplate", "bgroup": "boilerplate", "sgroup": "speaker", "speaker": "speaker"}.get(node.kind)
        if name is None:
            return None
        if name not in self._icons:
            from gui.views.icons import icon

            self._icons[name] = icon(name)
        return self._icons[name]

    def _review_data(self, annotation: Annotation | None, role: int) -> Any:
        if annotation is None:
            return None
        sure = doubt(annotation)  # the lower of the quote's and its speaker's confidence
        known = annotation.confidence is not None or annotation.speaker_confidence is not None
        doubtful = annotation.status == "pending" and known and sure < DOUBT_THRESHOLD
        if role == Qt.ItemDataRole.DisplayRole:
            mark = {"accepted": "✓", "rejected": "✗", "pending": "•"}[annotation.status]
            if annotation.status == "pending" and known:
                return f"{mark} {sure:.2f}" + (" ?" if doubtful else "")
            return f"{mark} ✎" if annotation.corrected else mark
        if role == Qt.ItemDataRole.ForegroundRole:
            if doubtful:
                return QColor("#c62828")
            return QColor({"accepted": "#2e7d32", "rejected": "#9e9e9e", "pending": "#9a7b00"}[annotation.status])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = status_label(annotation.status)
            if annotation.type == "quote":
                tip = f"{kind_label(annotation.kind)} · {tip}"
            if annotation.corrected:
                tip += " — " + self.tr("corrected by a person")
            if doubtful:
                tip += " — " + self.tr("doubtful: check it first")
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    # Tree snapshot (tests and debugging) -------------------------------------------------------
    def snapshot(self) -> list[Any]:
        """The tree as nested ``(kind, ref, children)`` tuples."""

        def walk(node: Node) -> tuple[str, str | None, list[Any]]:
            return (node.kind, node.ref, [walk(c) for c in self._children(node)])

        return [walk(c) for c in self._root.children]

