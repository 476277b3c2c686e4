"""The article view with astral characters: highlighter formats, selections and cursor offsets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from core.model import Annotation, Document
from gui.document.session import DocumentSession
from gui.document.workspace import Workspace
from gui.views.article_view import ArticleView
from gui.views.span_index import SpanIndex
from tests.gui.helpers import ASTRAL_TEXT

pytestmark = pytest.mark.gui


def astral_document() -> Document:
    text = ASTRAL_TEXT
    quote_start = text.index("السلام")
    second = text.index("نحتاج")
    return Document(
        text,
        id="astral",
        annotations=[
            Annotation("q1", "quote", quote_start, text.index("»", quote_start), kind="direct"),  # after 😀 and 𞸀
            Annotation("q2", "quote", second, text.index("»", second), kind="indirect"),  # 𞸀 inside
            Annotation("sp1", "speaker", text.index("وأضاف"), text.index(":"), speaker="الوزير"),  # ends after 😀😀
            Annotation("c1", "cue", text.index("ثم"), text.index("ثم") + 2),  # after the quote and 😀
        ],
    )


def utf16_slice(text: str, start: int, length: int) -> str:
    data = text.encode("utf-16-le")
    return data[2 * start : 2 * (start + length)].decode("utf-16-le")


def formatted_texts(qtbot, view: ArticleView) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """``(text, background)`` of every format run, after the view painted (blocks are drawn then)."""
    if view.isVisible():
        view.viewport().repaint()
    else:
        show_painted(qtbot, view)
    out = []
    block = view.document().begin()
    while block.isValid():
        for fmt in block.layout().formats():
            out.append((utf16_slice(block.text(), fmt.start, fmt.length), fmt.format.background().color().name()))
        block = block.next()
    return out


def show_painted(qtbot, view: ArticleView) -> None:  # type: ignore[no-untyped-def]
    """Show ``view`` and paint it once it is mapped (exposed is not always mapped yet)."""
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.testAttribute(Qt.WidgetAttribute.WA_Mapped))
    view.viewport().repaint()


def test_highlighter_covers_exactly_the_annotated_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = astral_document()
    view = ArticleView(Workspace())
    qtbot.addWidget(view)
    view.set_content(document.text, SpanIndex(document))
    texts = [t for t, _colour in formatted_texts(qtbot, view)]
    for annotation in document:
        assert document.span_text(annotation) in texts, annotation.id
    q2 = document.get("q2")
    assert "𞸀" in document.span_text(q2)


def test_selection_and_cursor_round_trip_through_astral_characters(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = astral_document()
    view = ArticleView(Workspace())
    qtbot.addWidget(view)
    view.set_content(document.text, SpanIndex(document))
    for annotation in document:
        view.select_span(annotation.start, annotation.end)
        assert view.selected_text() == document.span_text(annotation)
        assert view.selection_span() == (annotation.start, annotation.end)
    offsets = []
    view.cursorOffsetChanged.connect(offsets.append)
    q1 = document.get("q1")
    view.select_span(q1.start + 3, q1.start + 3)
    assert offsets[-1] == q1.start + 3 == view.cursor_offset()
    view.show_span(q1.start, q1.end)
    selection = view.extraSelections()[-1]
    assert selection.cursor.selectedText() == document.span_text(q1)


def test_creating_from_a_selection_after_astral_characters(qtbot) -> None:  # type: ignore[no-untyped-def]
    document = Document(ASTRAL_TEXT, id="astral")
    session = DocumentSession(document)
    workspace = Workspace()
    view = ArticleView(workspace)
    qtbot.addWidget(view)
    workspace.set_session(session)  # the view shows the document and follows its edits itself
    target = "تعاون الجميع"
    start = document.text.index(target)
    view.select_span(start, start + len(target))
    span = view.selection_span()
    new_id = session.create("quote", *span)
    created = document.get(new_id)
    assert document.span_text(created) == target
    assert (target, "#fbe3b8") in formatted_texts(qtbot, view)
    session.undo_stack.undo()
    assert (target, "#fbe3b8") not in formatted_texts(qtbot, view)


def test_blocks_are_drawn_when_first_painted_and_redrawn_after_edits(qtbot) -> None:  # type: ignore[no-untyped-def]
    line = "قال الوزير «السلام ممكن» ثم غادر."
    text = "\n".join([line] * 2000)
    start = line.index("السلام")
    annotations = [
        Annotation(f"q{n}", "quote", n * (len(line) + 1) + start, n * (len(line) + 1) + start + len("السلام ممكن"), kind="direct")
        for n in range(2000)
    ]
    document = Document(text, id="long", annotations=annotations)
    session = DocumentSession(document)
    workspace = Workspace()
    view = ArticleView(workspace)
    qtbot.addWidget(view)
    view.resize(600, 400)
    workspace.set_session(session)
    show_painted(qtbot, view)
    qtbot.wait(20)  # anything queued after setting the text has run by now
    highlighter = view._highlighter

    def quote_formats(block_number: int) -> list[str]:
        block = view.document().findBlockByNumber(block_number)
        return [utf16_slice(block.text(), f.start, f.length) for f in block.layout().formats()]

    assert quote_formats(0) == ["السلام ممكن"] and highlighter.is_drawn(0)
    assert not highlighter.is_drawn(1999) and quote_formats(1999) == []  # not painted yet
    # An edit to a block nobody has seen yet (it is redrawn now, being one of few).
    session.execute("reject", lambda d: d.set_status("q1999", "rejected"))
    assert quote_formats(1999) == ["السلام ممكن"]
    view.show_span(document.get("q1500").start, document.get("q1500").end)  # scrolls there
    view.viewport().repaint()
    assert quote_formats(1500) == ["السلام ممكن"] and highlighter.is_drawn(1500)
    # An edit to a drawn block is redrawn: the quote's colour changes with its status.
    colours = lambda n: [f.format.foreground().color().name() for f in view.document().findBlockByNumber(n).layout().formats()]  # noqa: E731
    before = colours(1500)
    session.execute("reject", lambda d: d.set_status("q1500", "rejected"))
    assert colours(1500) != before


def test_span_index_blocks_and_innermost(qapp) -> None:  # type: ignore[no-untyped-def]
    document = astral_document()
    index = SpanIndex(document)
    assert index.block_count == 3
    q2 = document.get("q2")
    assert index.block_of(q2.start) == 1
    assert index.innermost_at(q2.start + 1) == q2
    assert index.innermost_at(document.text.index("سطر")) is None
    spans = index.spans_in_block(1)
    assert {s[4] for s in spans} == {"q2", "sp1", "c1"}


def test_crlf_and_paragraph_separators_do_not_shift_positions(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "سطر أول\r\nقال 😀 «نعم»\u2029ثالث"
    start = text.index("نعم")
    document = Document(text, id="crlf", annotations=[Annotation("q1", "quote", start, start + 3, kind="direct")])
    view = ArticleView(Workspace())
    qtbot.addWidget(view)
    view.set_content(text, SpanIndex(document))
    view.select_span(start, start + 3)
    assert view.selected_text() == "نعم"
    assert ("نعم", "#fbe3b8") in formatted_texts(qtbot, view)


def test_overlapping_spans_merge_formats(qtbot) -> None:  # type: ignore[no-untyped-def]
    text = "قال الوزير إن الخطة جاهزة تماما"
    inner = text.index("الخطة")
    document = Document(
        text,
        id="nested",
        annotations=[
            Annotation("q1", "quote", text.index("إن"), len(text), kind="indirect"),
            Annotation("q2", "quote", inner, inner + len("الخطة"), kind="direct"),
        ],
    )
    view = ArticleView(Workspace())
    qtbot.addWidget(view)
    view.set_content(text, SpanIndex(document))
    found = formatted_texts(qtbot, view)
    assert ("الخطة", "#fbe3b8") in found  # the nested direct quote on top
    assert any(t.startswith("إن") and colour == "#d9ecf7" for t, colour in found)


def test_a_quote_drawn_over_a_rejected_one_is_not_struck_out(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Issue 9, item 5: a new manual quote over a rejected one with the same span was painted grey
    and struck through; a rejected cue inside an accepted quote still reads as rejected."""
    text = "قال الوزير إن الخطة جاهزة تماما"
    start = text.index("إن")
    cue = text.index("قال")
    document = Document(
        text,
        id="over",
        annotations=[
            Annotation("q1", "quote", start, len(text), origin="auto", status="rejected", confidence=0.4, kind="indirect"),
            Annotation("q2", "quote", start, len(text), kind="direct"),
            Annotation("c1", "cue", cue, cue + 3, origin="auto", status="rejected", confidence=0.5),
            Annotation("q3", "quote", cue, cue + 3, kind="indirect"),
        ],
    )
    view = ArticleView(Workspace())
    qtbot.addWidget(view)
    view.set_content(text, SpanIndex(document))
    formatted_texts(qtbot, view)
    formats = {
        utf16_slice(text, f.start, f.length): (f.format.background().color().name(), f.format.fontStrikeOut())
        for f in view.document().begin().layout().formats()
    }
    assert formats[text[start:]] == ("#fbe3b8", False)
    assert formats["قال"][1]  # the rejected cue is a different type: still crossed out


# The first paint: PySide wraps no widget it must look up among every widget class of QtWidgets.
PAINT_PROBE = """
import PySide6.QtWidgets as widgets
app = widgets.QApplication([])
from gui.document.session import DocumentSession
from gui.document.workspace import Workspace
from gui.views.article_view import ArticleView
from tests.gui.helpers import sample_document
workspace = Workspace()
view = ArticleView(workspace)
workspace.set_session(DocumentSession(sample_document()))
painted = []
view.painted.connect(lambda: painted.append(True))
view.show()
while not painted:
    app.processEvents()
print("unused widget classes loaded:", "QCalendarWidget" in vars(widgets))
print("viewport found by name:", view.findChild(widgets.QWidget, "qt_scrollarea_viewport") is view.viewport())
"""


def test_painting_loads_no_widget_class_the_view_does_not_use(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Handed a widget it has not wrapped (``viewport()`` the first time), PySide loads every
    widget class of QtWidgets to find its type (~10 ms). The view wraps its viewport by class and
    name when it is made, so its first paint loads none of them."""
    import os
    import subprocess
    import sys

    from tests.conftest import ROOT

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", PAINT_PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "unused widget classes loaded: False" in result.stdout
    assert "viewport found by name: True" in result.stdout
