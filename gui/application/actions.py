"""Every command of the window as a ``QAction`` with its keys, and the menus and toolbar.

Standard keys come from ``QKeySequence.StandardKey`` where Qt has one (open, save, undo, zoom …).
Annotation keys are single letters, shown in the menus and in the shortcuts sheet, which is
generated from these actions so it cannot drift from them. With the Arabic keyboard layout the
same keys work through ``gui.application.layout_keys`` (the key N types ى and still means N).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from core.boundaries import CHAR, END, START, WORD
from core.corrections import DOUBT, READING, ReviewOrder
from gui.application.layout_keys import ArabicLayoutKeys, arabic_sequence
from gui.controllers.editing import EditController
from gui.controllers.files import FileController
from gui.controllers.review import ReviewController
from gui.document.workspace import Workspace
from gui.views.article_view import ArticleView
from gui.views.details_panel import DetailsPanel
from gui.views.icons import icon
from gui.views.outline_panel import OutlinePanel

if TYPE_CHECKING:  # made on first use: the targets give them when asked
    from gui.controllers.compare import CompareController
    from gui.controllers.corpus import CorpusController

translate = QCoreApplication.translate
Key = QKeySequence.StandardKey | str

# (type, kind, key, icon) of "Mark as …" actions.
MARKS = (
    ("title", None, "T", "title"),
    ("heading", None, "H", "heading"),
    ("paragraph", None, "P", "paragraph"),
    ("boilerplate", None, "B", "boilerplate"),
    ("quote", "direct", "Q", "quote-direct"),
    ("quote", "indirect", "I", "quote-indirect"),
    ("speaker", None, "S", "speaker"),
    ("cue", None, "C", "cue"),
)


def _mark_label(type_name: str, kind: str | None) -> str:
    return {
        ("title", None): translate("Actions", "Mark as &title"),
        ("heading", None): translate("Actions", "Mark as &heading"),
        ("paragraph", None): translate("Actions", "Mark as &paragraph"),
        ("boilerplate", None): translate("Actions", "Mark as &boilerplate"),
        ("quote", "direct"): translate("Actions", "Mark as &direct quote"),
        ("quote", "indirect"): translate("Actions", "Mark as &indirect quote"),
        ("speaker", None): translate("Actions", "Mark as &speaker mention"),
        ("cue", None): translate("Actions", "Mark as &cue"),
    }[(type_name, kind)]


class WindowCommands(Protocol):
    """What the window itself does (the main window provides these)."""

    def show_preferences(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_about(self) -> None: ...
    def cycle_focus(self) -> None: ...
    def set_review_order(self, order: ReviewOrder) -> None: ...
    def close(self) -> bool: ...


@dataclass(frozen=True)
class Targets:
    """Everything the window's actions act on (corpus mode and comparison made when asked for)."""

    window: WindowCommands
    workspace: Workspace
    files: FileController
    corpus: Callable[[], CorpusController]
    compare: Callable[[], CompareController]
    editing: EditController
    review: ReviewController
    view: ArticleView
    outline: OutlinePanel
    details: DetailsPanel


class Actions:
    """All actions of one window, by name (``actions.save``, ``actions.mark['quote:direct']`` …).

    ``owner`` holds the actions (their keys work while it is active, even with the menu bar
    hidden).
    """

    def __init__(self, owner: QWidget, targets: Targets) -> None:
        self._owner = owner
        self.all: list[QAction] = []
        t = targets
        self.open = self._make(translate("Actions", "&Open…"), [QKeySequence.StandardKey.Open], t.files.open_dialog, "open", translate("Actions", "Open an article, an annotation file or a corpus"))
        self.open_folder = self._make(translate("Actions", "Open &corpus folder…"), ["Ctrl+Shift+O"], lambda: t.corpus().open_folder_dialog())
        self.open_sample = self._make(translate("Actions", "Open the &sample article"), [], t.files.open_sample)
        self.save = self._make(translate("Actions", "&Save"), [QKeySequence.StandardKey.Save], t.files.save, "save", translate("Actions", "Save NAME.iqtibas.json beside the article"))
        self.save_as = self._make(translate("Actions", "Save &as…"), [QKeySequence.StandardKey.SaveAs], t.files.save_as)
        self.next_article = self._make(translate("Actions", "&Next article"), ["Ctrl+PgDown"], lambda: t.corpus().next_article())
        self.previous_article = self._make(translate("Actions", "&Previous article"), ["Ctrl+PgUp"], lambda: t.corpus().previous_article())
        self.compare = self._make(translate("Actions", "&Compare with another annotation…"), ["Ctrl+Shift+D"], lambda: t.compare().open_dialog(), "compare")
        self.preferences = self._make(translate("Actions", "Pr&eferences…"), [QKeySequence.StandardKey.Preferences, "Ctrl+,"], t.window.show_preferences)
        self.quit = self._make(translate("Actions", "&Quit"), [QKeySequence.StandardKey.Quit], t.window.close)
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

        self.undo = self._make(translate("Actions", "&Undo"), [QKeySequence.StandardKey.Undo], t.workspace.undo, "undo")
        self.redo = self._make(translate("Actions", "&Redo"), [QKeySequence.StandardKey.Redo], t.workspace.redo, "redo")
        self.find = self._make(translate("Actions", "&Filter the outline"), [QKeySequence.StandardKey.Find], t.outline.focus_filter)
        self.cycle_focus = self._make(translate("Actions", "Move focus: article, outline, details"), ["F6"], t.window.cycle_focus)

        self.mark: dict[str, QAction] = {}
        for type_name, kind, key, icon_name in MARKS:
            action = self._make(
                _mark_label(type_name, kind),
                [key, f"Shift+{key}"],
                partial(t.editing.mark, type_name, kind),
                icon_name,
                translate("Actions", "With text selected: create (snapped to whole words; hold Shift for the exact selection). Otherwise: change the current annotation's type."),
            )
            self.mark[f"{type_name}:{kind}" if kind else type_name] = action
        self.delete = self._make(translate("Actions", "&Delete annotation"), [QKeySequence.StandardKey.Delete], t.editing.delete, "delete")
        self.toggle_kind = self._make(translate("Actions", "Toggle direct/indirect"), ["K"], t.editing.toggle_kind)
        self.from_selection = self._make(translate("Actions", "Set boundaries from selection"), ["Ctrl+E", "Ctrl+Shift+E"], t.editing.set_from_selection)
        self.boundaries: list[QAction] = []
        for edge, shift, edge_label in ((END, "", translate("Actions", "end")), (START, "Shift+", translate("Actions", "start"))):
            for unit, ctrl, unit_label in ((WORD, "", translate("Actions", "a word")), (CHAR, "Ctrl+", translate("Actions", "a character"))):
                for side, side_label in (("left", translate("Actions", "left")), ("right", translate("Actions", "right"))):
                    text = translate("Actions", "Move the %1 %2 to the %3").replace("%1", edge_label).replace("%2", unit_label).replace("%3", side_label)
                    key = f"{ctrl}Alt+{shift}{'Left' if side == 'left' else 'Right'}"
                    self.boundaries.append(self._make(text, [key], partial(t.editing.move_visual, edge, side, unit)))
        self.edit_speaker = self._make(translate("Actions", "Edit &speaker"), ["F2"], t.details.focus_speaker)
        self.link_mention = self._make(translate("Actions", "&Link to a speaker mention"), ["Ctrl+L"], t.details.focus_mention)
        self.edit_cue = self._make(translate("Actions", "Edit &cue"), ["F4"], t.details.focus_cue)
        self.merge_speakers = self._make(translate("Actions", "&Merge speakers…"), ["Ctrl+M"], t.editing.merge_speakers)

        self.accept = self._make(translate("Actions", "&Accept"), ["A"], t.review.accept, "accept")
        self.reject = self._make(translate("Actions", "&Reject"), ["R"], t.review.reject, "reject")
        self.next_pending = self._make(translate("Actions", "&Next pending"), ["N"], t.review.next_pending, "next")
        self.previous_pending = self._make(translate("Actions", "&Previous pending"), ["Shift+N"], t.review.previous_pending, "previous")
        self.order_group = QActionGroup(owner)
        self.order_doubt = self._make(translate("Actions", "Most &doubtful first"), [], partial(t.window.set_review_order, DOUBT))
        self.order_reading = self._make(translate("Actions", "&Reading order"), [], partial(t.window.set_review_order, READING))
        for action in (self.order_doubt, self.order_reading):
            action.setCheckable(True)
            self.order_group.addAction(action)

        self.zoom_in = self._make(translate("Actions", "Zoom &in"), [QKeySequence.StandardKey.ZoomIn, "Ctrl+="], t.view.zoom_in_step)
        self.zoom_out = self._make(translate("Actions", "Zoom &out"), [QKeySequence.StandardKey.ZoomOut], t.view.zoom_out_step)
        self.zoom_reset = self._make(translate("Actions", "&Reset zoom"), ["Ctrl+0"], t.view.zoom_reset)
        self.shortcuts = self._make(translate("Actions", "&Keyboard shortcuts"), [QKeySequence.StandardKey.HelpContents], t.window.show_shortcuts)
        self.about = self._make(translate("Actions", "&About Iqtibas"), [], t.window.show_about)
        self.arabic_layout = ArabicLayoutKeys(owner, self.all)

    def _make(self, text: str, keys: Sequence[Key], slot: Callable[[], object], icon_name: str | None = None, tip: str | None = None) -> QAction:
        action = QAction(text, self._owner)
        shortcuts: list[QKeySequence] = []
        for key in keys:
            if isinstance(key, QKeySequence.StandardKey):
                shortcuts.extend(QKeySequence.keyBindings(key))
            else:
                shortcuts.append(QKeySequence(key))
        unique: list[QKeySequence] = []
        for sequence in shortcuts:
            if not sequence.isEmpty() and sequence not in unique:
                unique.append(sequence)
        action.setShortcuts(unique)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon_name:
            action.setIcon(icon(icon_name))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{text.replace('&', '')} ({unique[0].toString(QKeySequence.SequenceFormat.NativeText)})" if unique else text.replace("&", ""))
        action.triggered.connect(lambda _checked=False: slot())
        self._owner.addAction(action)  # keys work even when the menu bar is hidden
        self.all.append(action)
        return action

    def editing(self) -> list[QAction]:
        """Actions that need an open document."""
        return [
            self.save, self.save_as, self.compare, *self.mark.values(), self.delete, self.toggle_kind,
            self.from_selection, *self.boundaries, self.edit_speaker, self.link_mention, self.edit_cue,
            self.merge_speakers, self.accept, self.reject, self.next_pending, self.previous_pending,
        ]


def build_menus(window: QMainWindow, actions: Actions, docks: Sequence[QDockWidget]) -> QMenu:
    """Fill the menu bar; returns the Open Recent menu (refreshed by the window)."""
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("Actions", "&File"))
    file_menu.addActions([actions.open, actions.open_folder])
    recent = file_menu.addMenu(translate("Actions", "Open &recent"))
    recent.setObjectName("recentMenu")
    file_menu.addAction(actions.open_sample)
    file_menu.addSeparator()
    file_menu.addActions([actions.save, actions.save_as])
    file_menu.addSeparator()
    file_menu.addActions([actions.next_article, actions.previous_article, actions.compare])
    file_menu.addSeparator()
    file_menu.addActions([actions.preferences, actions.quit])

    edit_menu = bar.addMenu(translate("Actions", "&Edit"))
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.find, actions.cycle_focus])

    annotate = bar.addMenu(translate("Actions", "&Annotate"))
    annotate.addActions(list(actions.mark.values()))
    annotate.addSeparator()
    annotate.addActions([actions.toggle_kind, actions.delete])
    bounds = annotate.addMenu(translate("Actions", "&Boundaries"))
    bounds.addAction(actions.from_selection)
    bounds.addSeparator()
    bounds.addActions(actions.boundaries)
    annotate.addSeparator()
    annotate.addActions([actions.edit_speaker, actions.link_mention, actions.edit_cue, actions.merge_speakers])

    review = bar.addMenu(translate("Actions", "&Review"))
    review.addActions([actions.accept, actions.reject])
    review.addSeparator()
    review.addActions([actions.next_pending, actions.previous_pending])
    review.addSeparator()
    review.addActions([actions.order_doubt, actions.order_reading])

    view = bar.addMenu(translate("Actions", "&View"))
    view.addActions([actions.zoom_in, actions.zoom_out, actions.zoom_reset])
    view.addSeparator()
    for dock in docks:
        view.addAction(dock.toggleViewAction())

    help_menu = bar.addMenu(translate("Actions", "&Help"))
    help_menu.addActions([actions.shortcuts, actions.about])
    return recent


def build_toolbar(window: QMainWindow, actions: Actions) -> QToolBar:
    toolbar = window.addToolBar(translate("Actions", "Annotate"))
    toolbar.setObjectName("annotateToolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    toolbar.addActions([actions.open, actions.save])
    toolbar.addSeparator()
    toolbar.addActions([actions.undo, actions.redo])
    toolbar.addSeparator()
    toolbar.addActions(list(actions.mark.values()))
    toolbar.addAction(actions.delete)
    toolbar.addSeparator()
    toolbar.addActions([actions.accept, actions.reject, actions.previous_pending, actions.next_pending])
    return toolbar


def shortcut_rows(actions: Sequence[QAction], *, arabic_layout: bool = False) -> list[tuple[str, str]]:
    """``(command, keys)`` for every action that has keys, in menu order (the shortcuts sheet).

    With ``arabic_layout`` the letter keys are followed by the same keys on the Arabic layout
    (``N / ى``), which work too.
    """
    rows = []
    for action in actions:
        sequences = [k for k in action.shortcuts() if not k.isEmpty()]
        if arabic_layout:
            sequences += [a for a in map(arabic_sequence, sequences) if a is not None]
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in sequences]
        if keys:
            rows.append((action.text().replace("&", ""), " / ".join(keys)))
    return rows
