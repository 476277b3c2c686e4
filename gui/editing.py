"""Turns the user's correction gestures (keys, menus, the details panel) into session commands.

"Mark as TYPE" creates an annotation from the selected text, snapped to whole words unless Shift
or Alt is held, or, with nothing selected, changes the current annotation's type. Boundaries move
by a word or a character, in the direction of the arrow key on screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication

from core.model import Annotation, ModelError
from gui import dialogs
from gui.spans import EARLIER, LATER, move_boundary, snap_to_words

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from gui.session import DocumentSession


def exact_requested() -> bool:
    """Shift or Alt held: keep the selection exactly as it is (no snapping to words)."""
    modifiers = QGuiApplication.keyboardModifiers()
    return bool(modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier))


class EditController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    @property
    def session(self) -> DocumentSession | None:
        return self._window.session

    def _current(self) -> Annotation | None:
        return self._window.current_annotation()

    def _run(self, action: object) -> bool:
        """Call a session edit, reporting refused edits in the status bar."""
        try:
            return bool(action())  # type: ignore[operator]
        except ModelError as error:
            self._window.show_message(self.tr("Not changed: %1").replace("%1", str(error)), error=True)
            return False

    # Create, retype, delete ------------------------------------------------------------------
    def mark(self, type_name: str, kind: str | None = None, *, exact: bool | None = None) -> str | None:
        """Create from the selection, else retype the current annotation. Returns the id."""
        session = self.session
        if session is None:
            return None
        span = self._window.view.selection_span()
        if span is not None:
            snap = not (exact_requested() if exact is None else exact)
            new_id: str | None = None

            def create() -> bool:
                nonlocal new_id
                new_id = session.create(type_name, span[0], span[1], kind=kind, snap=snap)
                return new_id is not None

            if self._run(create) and new_id is not None:
                self._window.select_annotation(new_id, origin="edit")
            return new_id
        current = self._current()
        if current is None:
            self._window.show_message(self.tr("Select some text first, or pick an annotation to change its type."))
            return None
        if current.type == type_name and (type_name != "quote" or kind in (None, current.kind)):
            return current.id
        if current.type == type_name == "quote" and kind is not None:
            self._run(lambda: session.set_kind(current.id, kind))
        else:
            self._run(lambda: session.retype(current.id, type_name, kind))
        self._window.select_annotation(current.id, origin="edit")
        return current.id

    def retype(self, type_name: str, kind: str | None) -> None:
        current, session = self._current(), self.session
        if current is not None and session is not None:
            self._run(lambda: session.retype(current.id, type_name, kind))
            self._window.select_annotation(current.id, origin="edit")

    def delete(self) -> None:
        current, session = self._current(), self.session
        if current is None or session is None:
            return
        if self._run(lambda: session.delete(current.id)):
            self._window.select_annotation(None, origin="edit")

    def toggle_kind(self) -> None:
        current = self._current()
        if current is not None and current.type == "quote":
            self.set_kind("indirect" if current.kind == "direct" else "direct")

    def set_kind(self, kind: str) -> None:
        current, session = self._current(), self.session
        if current is not None and session is not None and current.type == "quote":
            self._run(lambda: session.set_kind(current.id, kind))
            self._window.refresh_current()

    def set_status(self, status: str) -> None:
        current, session = self._current(), self.session
        if current is not None and session is not None:
            self._run(lambda: session.set_status(current.id, status))
            self._window.refresh_current()

    # Speaker and cue --------------------------------------------------------------------------
    def set_speaker(self, name: str | None) -> None:
        current, session = self._current(), self.session
        if current is not None and session is not None:
            self._run(lambda: session.set_speaker(current.id, name))
            self._window.refresh_current()

    def link_mention(self, mention_id: str | None) -> None:
        current, session = self._current(), self.session
        if current is not None and session is not None and current.type == "quote":
            self._run(lambda: session.link_mention(current.id, mention_id))
            self._window.refresh_current()

    def set_cue(self, cue: str | None) -> None:
        current, session = self._current(), self.session
        if current is not None and session is not None and current.type == "quote":
            self._run(lambda: session.set_cue(current.id, cue))
            self._window.refresh_current()

    def merge_speakers(self) -> None:
        """Merge the speaker chosen in the outline (or the current quote's) into another one."""
        session = self.session
        if session is None:
            return
        current = self._current()
        source = self._window.outline.current_speaker() or (current.speaker if current is not None else None)
        names = [info.name for info in session.document.speakers()]
        if not source or source not in names:
            self._window.show_message(self.tr("Pick a speaker in the outline's speakers index first."))
            return
        target = dialogs.choose_speaker(
            self._window,
            self.tr("Merge speakers"),
            self.tr("Merge “%1” into:").replace("%1", source),
            [n for n in names if n != source],
        )
        if target and target != source and self._run(lambda: session.merge_speakers(source, target)):
            self._window.outline.select_speaker(target)

    # Boundaries -------------------------------------------------------------------------------
    def move_boundary(self, edge: str, direction: int, unit: str) -> None:
        current, session = self._current(), self.session
        if current is None or session is None:
            return
        start, end = move_boundary(session.document.text, current.start, current.end, edge, direction, unit)
        if (start, end) != (current.start, current.end):
            self._run(lambda: session.resize(current.id, start, end))
            self._window.refresh_current()

    def move_visual(self, edge: str, side: str, unit: str) -> None:
        """Move a boundary towards the screen's ``left`` or ``right`` (reading direction aware)."""
        rtl = self._window.view.is_right_to_left()
        later = (side == "left") == rtl
        self.move_boundary(edge, LATER if later else EARLIER, unit)

    def set_from_selection(self, *, exact: bool | None = None) -> None:
        current, session = self._current(), self.session
        span = self._window.view.selection_span()
        if current is None or session is None or span is None:
            self._window.show_message(self.tr("Select the new extent in the article first."))
            return
        start, end = span
        if not (exact_requested() if exact is None else exact):
            start, end = snap_to_words(session.document.text, start, end)
        if end > start:
            self._run(lambda: session.resize(current.id, start, end))
            self._window.select_annotation(current.id, origin="edit")
