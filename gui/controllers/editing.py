"""Turns the user's correction gestures (keys, menus, the details panel) into session commands.

"Mark as TYPE" creates an annotation from the selected text, snapped to whole words unless Shift
or Alt is held, or, with nothing selected, changes the current annotation's type. Boundaries move
by a word or a character, in the direction of the arrow key on screen. The rules themselves
(snapping, unlinking, re-deriving sections) are ``core.corrections``'; every correction is one
command of the session (``DocumentSession.execute``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from core.boundaries import EARLIER, LATER, move_boundary, snap_to_words
from core.errors import ModelError
from core.folding import fold
from core.model import Annotation
from gui.dialogs import prompts
from gui.document.session import DocumentSession
from gui.document.workspace import Initiator, Workspace
from gui.views.article_view import ArticleView
from gui.views.details_panel import DetailsPanel
from gui.views.outline_panel import OutlinePanel
from gui.views.status_bar import StatusBar

Edit = Callable[[DocumentSession, Annotation], bool]


def exact_requested() -> bool:
    """Shift or Alt held: keep the selection exactly as it is (no snapping to words)."""
    modifiers = QGuiApplication.keyboardModifiers()
    return bool(modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier))


class EditController(QObject):
    """Corrections of the workspace's document.

    Needs the article view (its selection and reading direction), the outline (the speaker picked
    in its speakers index), the details panel (whose fields it carries out) and the status bar
    (refused edits); ``parent`` also parents the few dialogs it opens.
    """

    def __init__(
        self,
        workspace: Workspace,
        view: ArticleView,
        outline: OutlinePanel,
        details: DetailsPanel,
        status: StatusBar,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._workspace = workspace
        self._view = view
        self._outline = outline
        self._status = status
        self._dialog_parent = parent
        details.typeChosen.connect(lambda type_name: self.retype(type_name, None))
        details.kindChosen.connect(self.set_kind)
        details.speakerEntered.connect(self.set_speaker)
        details.mentionChosen.connect(self.link_mention)
        details.cueEntered.connect(self.set_cue)
        details.statusChosen.connect(self.set_status)
        details.boundaryMoveRequested.connect(self.move_boundary)
        details.fromSelectionRequested.connect(self.set_from_selection)

    def _run(self, action: Callable[[], bool]) -> bool:
        """Call a session edit, reporting refused edits in the status bar."""
        try:
            return action()
        except ModelError as error:
            self._status.show_message(self.tr("Not changed: %1").replace("%1", str(error)), error=True)
            return False

    def _on_current(self, edit: Edit, types: tuple[str, ...] | None = None) -> bool:
        """Run ``edit`` on the current annotation (of one of ``types``, if given)."""
        session, current = self._workspace.session, self._workspace.current_annotation()
        if session is None or current is None or (types is not None and current.type not in types):
            return False
        return self._run(lambda: edit(session, current))

    # Create, retype, delete ------------------------------------------------------------------
    def mark(self, type_name: str, kind: str | None = None, *, exact: bool | None = None) -> str | None:
        """Create from the selection, else retype the current annotation. Returns the id."""
        session = self._workspace.session
        if session is None:
            return None
        span = self._view.selection_span()
        if span is not None:
            snap = not (exact_requested() if exact is None else exact)
            new_id: str | None = None

            def create() -> bool:
                nonlocal new_id
                new_id = session.create(type_name, span[0], span[1], kind=kind, snap=snap)
                return new_id is not None

            if self._run(create):
                self._workspace.select(new_id, Initiator.EDIT)
            return new_id
        current = self._workspace.current_annotation()
        if current is None:
            self._status.show_message(self.tr("Select some text first, or pick an annotation to change its type."))
            return None
        if current.type == type_name and (type_name != "quote" or kind in (None, current.kind)):
            return current.id
        if current.type == type_name == "quote" and kind is not None:
            self._run(lambda: session.set_kind(current.id, kind))
        else:
            self._run(lambda: session.retype(current.id, type_name, kind))
        self._workspace.select(current.id, Initiator.EDIT)
        return current.id

    def retype(self, type_name: str, kind: str | None) -> None:
        current_id = self._workspace.current_id
        if current_id is not None:
            self._on_current(lambda session, current: session.retype(current.id, type_name, kind))
            self._workspace.select(current_id, Initiator.EDIT)

    def delete(self) -> None:
        if self._on_current(lambda session, current: session.delete(current.id)):
            self._workspace.select(None, Initiator.EDIT)

    def toggle_kind(self) -> None:
        current = self._workspace.current_annotation()
        if current is not None and current.type == "quote":
            self.set_kind("indirect" if current.kind == "direct" else "direct")

    def set_kind(self, kind: str) -> None:
        self._on_current(lambda session, current: session.set_kind(current.id, kind), ("quote",))

    def set_status(self, status: str) -> None:
        self._on_current(lambda session, current: session.set_status(current.id, status))

    # Speaker and cue --------------------------------------------------------------------------
    def set_speaker(self, name: str | None) -> None:
        self._on_current(lambda session, current: session.set_speaker(current.id, name))

    def link_mention(self, mention_id: str | None) -> None:
        self._on_current(lambda session, current: session.link_mention(current.id, mention_id), ("quote",))

    def set_cue(self, cue: str | None) -> None:
        self._on_current(lambda session, current: session.set_cue(current.id, cue), ("quote",))

    def merge_speakers(self) -> None:
        """Merge the speaker chosen in the outline (or the current quote's) into another one."""
        session = self._workspace.session
        if session is None:
            return
        current = self._workspace.current_annotation()
        source = self._outline.current_speaker() or (current.speaker if current is not None else None)
        names = [info.name for info in session.document.speakers()]
        if not source or source not in names:
            self._status.show_message(self.tr("Pick a speaker in the outline's speakers index first."))
            return
        others = [n for n in names if n != source]
        target = prompts.choose_speaker(
            self._dialog_parent,
            self.tr("Merge speakers"),
            self.tr("Merge “%1” into:").replace("%1", source),
            others,
            merge_suggestion(source, others),
        )
        if target and target != source and self._run(lambda: session.merge_speakers(source, target)):
            self._outline.select_speaker(target)

    # Boundaries -------------------------------------------------------------------------------
    def move_boundary(self, edge: str, direction: int, unit: str) -> None:
        def edit(session: DocumentSession, current: Annotation) -> bool:
            start, end = move_boundary(session.document.text, current.start, current.end, edge, direction, unit)
            return (start, end) != (current.start, current.end) and session.resize(current.id, start, end)

        self._on_current(edit)

    def move_visual(self, edge: str, side: str, unit: str) -> None:
        """Move a boundary towards the screen's ``left`` or ``right`` (reading direction aware)."""
        later = (side == "left") == self._view.is_right_to_left()
        self.move_boundary(edge, LATER if later else EARLIER, unit)

    def set_from_selection(self, *, exact: bool | None = None) -> None:
        span = self._view.selection_span()
        document = self._workspace.document
        if self._workspace.current_annotation() is None or span is None or document is None:
            self._status.show_message(self.tr("Select the new extent in the article first."))
            return
        start, end = span
        if not (exact_requested() if exact is None else exact):
            start, end = snap_to_words(document.text, start, end)
        if end > start:
            self._on_current(lambda session, current: session.resize(current.id, start, end))
            self._workspace.select(self._workspace.current_id, Initiator.EDIT)


def merge_suggestion(source: str, names: list[str]) -> str:
    """The speaker ``source`` most likely merges into: the most quoted one sharing a word with it
    (``بيسكوف`` → ``دميتري بيسكوف``), else none ("" leaves the field empty)."""
    words = set(fold(source).split())
    return next((name for name in names if words & set(fold(name).split())), "")
