"""The window's letter keys (T, Q, N, Shift+N …) for annotators typing with the Arabic layout.

Qt matches a shortcut such as ``N`` against the Latin letter of the key pressed. With the Arabic
layout active it finds that letter only when a Latin layout is configured as well (X11 and
Wayland look the key up in the other layouts of the keymap, Windows uses the virtual-key code).
With the Arabic layout alone, the key N types ى, no shortcut matches and nothing happens.

The Arabic letters are not added to the actions as second shortcuts: when a Latin layout is
also configured Qt then matches both ``N`` and ``ى`` for one key press, reports the shortcut as
ambiguous and triggers nothing, which would break the setup that works today. They are a
fallback instead (``ArabicLayoutKeys``): a key press that no shortcut took, typing a letter of
the Arabic PC layout, triggers the action whose key is the Latin letter on the same key, with
the same rule as a shortcut: not when the focused widget wants the key as text (the outline
filter, the speaker and cue fields), not when the action is disabled.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

# The standard Arabic PC keyboard as X11 and Wayland define it (xkb "ara", the same letters as
# Windows' "Arabic (101)"): for the Latin letter on each key of a QWERTY keyboard, what the key
# types alone and with Shift. The lam-alef keys type one presentation-form character (ﻻ ﻷ ﻹ ﻵ)
# where Windows types two letters; Windows needs no fallback (Qt matches its virtual-key codes).
ARABIC_PC_LAYOUT: dict[str, tuple[str, str]] = {
    "Q": ("ض", "\u064e"),  # fatha
    "W": ("ص", "\u064b"),  # fathatan
    "E": ("ث", "\u064f"),  # damma
    "R": ("ق", "\u064c"),  # dammatan
    "T": ("ف", "\ufef9"),  # ﻹ
    "Y": ("غ", "إ"),
    "U": ("ع", "`"),
    "I": ("ه", "÷"),
    "O": ("خ", "×"),
    "P": ("ح", "؛"),
    "A": ("ش", "\u0650"),  # kasra
    "S": ("س", "\u064d"),  # kasratan
    "D": ("ي", "]"),
    "F": ("ب", "["),
    "G": ("ل", "\ufef7"),  # ﻷ
    "H": ("ا", "أ"),
    "J": ("ت", "ـ"),
    "K": ("ن", "،"),
    "L": ("م", "/"),
    "Z": ("ئ", "~"),
    "X": ("ء", "\u0652"),  # sukun
    "C": ("ؤ", "}"),
    "V": ("ر", "{"),
    "B": ("\ufefb", "\ufef5"),  # ﻻ ﻵ
    "N": ("ى", "آ"),
    "M": ("ة", "'"),
}


def _latin_letters() -> dict[tuple[str, bool], str]:
    """(character typed, with Shift) -> Latin letter. Shifted ASCII symbols (Shift+C types "}")
    are left out: Latin layouts type them too (Shift+] on US), so they cannot tell the key apart."""
    letters: dict[tuple[str, bool], str] = {}
    for latin, (plain, shifted) in ARABIC_PC_LAYOUT.items():
        letters[(plain, False)] = latin
        if not shifted.isascii():
            letters[(shifted, True)] = latin
    return letters


_LATIN_OF = _latin_letters()
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_IGNORED = Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.GroupSwitchModifier


def _typed_character(event: QKeyEvent) -> str:
    text = event.text()
    if len(text) == 1:
        return text
    key = event.key()
    return chr(key) if 0x20 < key < 0x110000 else ""


def latin_sequence(event: QKeyEvent) -> QKeySequence | None:
    """The Latin key an Arabic-layout key press stands for: ``ى`` → ``N``, Shift+``آ`` → ``Shift+N``."""
    modifiers = event.modifiers() & ~_IGNORED
    if modifiers not in (Qt.KeyboardModifier.NoModifier, _SHIFT):
        return None
    shifted = modifiers == _SHIFT
    latin = _LATIN_OF.get((_typed_character(event), shifted))
    if latin is None:
        return None
    return QKeySequence(f"Shift+{latin}" if shifted else latin)


def arabic_sequence(sequence: QKeySequence) -> QKeySequence | None:
    """The same key on the Arabic layout, for the shortcuts sheet: ``N`` → ``ى``, ``Shift+N`` → ``Shift+ى``.

    None for keys the fallback does not give: anything but a letter alone or with Shift.
    """
    portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
    shift, _, letter = portable.rpartition("+")
    if shift not in ("", "Shift") or letter not in ARABIC_PC_LAYOUT:
        return None
    plain, shifted = ARABIC_PC_LAYOUT[letter]
    if shift and (shifted, True) not in _LATIN_OF:
        return None  # Shift+C types "}": not told apart from Shift+] on a Latin layout
    return QKeySequence(f"Shift+{plain}" if shift else plain)


class ArabicLayoutKeys(QObject):
    """Triggers ``actions`` of ``window`` from Arabic-layout key presses that no shortcut took.

    An application event filter: it sees a key press before the focused widget does, and only
    key presses reach it that matched no shortcut (with a Latin layout configured, Qt's own
    match already took them).

    It filters nothing until ``install`` is called, which the window does at its first paint:
    an application filter written in Python is called for every event of the program, and
    before that paint (while the window opens its document) those are thousands, each
    converted to Python — measured, about 20 ms of a 1 MB file's 0.4 s from launch to usable
    (``benchmarks/bench_gui.py``). No key press reaches a window that is not on screen yet.
    """

    def __init__(self, window: QWidget, actions: Sequence[QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self._installed = False

    def install(self) -> None:
        """Start filtering the application's key presses (once; later calls do nothing)."""
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True

    @property
    def installed(self) -> bool:
        return self._installed

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window or watched is not (QApplication.focusWidget() or self._window):
            return False  # another window, or the key press travelling up to a parent
        assert isinstance(event, QKeyEvent)
        sequence = latin_sequence(event)
        if sequence is None or self._wants_text(watched, event):
            return False
        action = self.action_for(sequence)
        if action is None:
            return False
        if not event.isAutoRepeat() or action.autoRepeat():
            action.trigger()
        event.accept()
        return True

    def action_for(self, sequence: QKeySequence) -> QAction | None:
        """The enabled action with the key ``sequence``, if any."""
        return next((a for a in self._actions if a.isEnabled() and sequence in a.shortcuts()), None)

    @staticmethod
    def _wants_text(widget: QWidget, event: QKeyEvent) -> bool:
        """The focused widget's answer to Qt's own question before a shortcut: a text field
        accepts the ShortcutOverride of a printable key, which keeps it from the shortcuts."""
        probe = QKeyEvent(QEvent.Type.ShortcutOverride, event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), event.count())
        probe.setAccepted(False)
        QCoreApplication.sendEvent(widget, probe)
        return probe.isAccepted()
