"""How annotations look: one unobtrusive colour per type, the article font, the legend's entries.

Kept in one place so the article view, the outline, the legend and the tests agree. Colours are
light backgrounds for spans that contain running text (quotes) and text colours or underlines for
short spans (speaker, cue), so nested spans stay readable.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QFont, QFontDatabase, QTextCharFormat

from gui.settings import DEFAULT_POINT_SIZE, MAX_POINT_SIZE, MIN_POINT_SIZE

# Arabic faces in order of preference; the first one installed wins, then Qt's fallback.
ARTICLE_FONTS = (
    "Noto Naskh Arabic",
    "Amiri",
    "Scheherazade New",
    "Noto Sans Arabic",
    "Arial",
    "DejaVu Sans",
)


@dataclass(frozen=True)
class Style:
    """The look of one kind of annotation (``key`` is a type, or ``quote:direct``/``quote:indirect``)."""

    key: str
    background: str | None = None
    foreground: str | None = None
    underline: str | None = None
    bold: bool = False
    swatch: str = "#000000"


STYLES: dict[str, Style] = {
    "title": Style("title", foreground="#1f3a68", bold=True, swatch="#1f3a68"),
    "heading": Style("heading", foreground="#6a3d9a", bold=True, swatch="#6a3d9a"),
    "boilerplate": Style("boilerplate", foreground="#9a9a9a", swatch="#b0b0b0"),
    "quote:direct": Style("quote:direct", background="#fbe3b8", swatch="#f5c670"),
    "quote:indirect": Style("quote:indirect", background="#d9ecf7", swatch="#92c5e6"),
    "speaker": Style("speaker", foreground="#0b6e4f", underline="#0b6e4f", bold=True, swatch="#0b6e4f"),
    "cue": Style("cue", foreground="#b03a2e", underline="#b03a2e", swatch="#b03a2e"),
}
# Drawn under everything else so nested spans stay visible.
LAYER_ORDER = ("boilerplate", "title", "heading", "quote:indirect", "quote:direct", "speaker", "cue")
LAYER_RANK = {key: rank for rank, key in enumerate(LAYER_ORDER)}
DRAWN_TYPES = frozenset(("title", "heading", "boilerplate", "quote", "speaker", "cue"))
SELECTION_COLOUR = "#f8bbd0"
SELECTION_BORDER = "#ad1457"
PENDING_MARK = "#c7a34a"
REJECTED_COLOUR = "#bdbdbd"


@dataclass(frozen=True)
class CompareMark:
    """How a comparison difference is marked in the article. Only in A underlines, only in B
    tints the background, a difference in both does both in a third colour: where an A-only and
    a B-only annotation overlap, both marks stay visible."""

    underline: str | None
    background: str | None


COMPARE_MARKS = {
    "a": CompareMark(underline="#c62828", background=None),
    "b": CompareMark(underline=None, background="#b9e4c1"),
    "both": CompareMark(underline="#7b1fa2", background="#ead3f2"),
}
# Drawn in this order: later marks' properties go over earlier ones' where they overlap.
COMPARE_ORDER = ("both", "b", "a")


def style_key(type_name: str, kind: str | None) -> str:
    return f"quote:{kind or 'direct'}" if type_name == "quote" else type_name


def legend_entries() -> list[tuple[str, str]]:
    """``(style key, translated label)`` for the legend, in reading importance."""
    translate = QCoreApplication.translate
    return [
        ("title", translate("Legend", "Title")),
        ("heading", translate("Legend", "Heading")),
        ("quote:direct", translate("Legend", "Direct quote")),
        ("quote:indirect", translate("Legend", "Indirect quote")),
        ("speaker", translate("Legend", "Speaker")),
        ("cue", translate("Legend", "Cue")),
        ("boilerplate", translate("Legend", "Boilerplate")),
    ]


_FORMATS: dict[tuple[str, str], QTextCharFormat] = {}


def char_format(key: str, status: str = "accepted") -> QTextCharFormat:
    """The character format for a style key and review status (cached; callers must copy)."""
    cached = _FORMATS.get((key, status))
    if cached is not None:
        return cached
    style = STYLES[key]
    fmt = QTextCharFormat()
    if status == "rejected":
        # A rejected suggestion stays findable but reads as crossed out, without colour.
        fmt.setForeground(QColor(REJECTED_COLOUR))
        fmt.setFontStrikeOut(True)
    else:
        if style.background:
            fmt.setBackground(QColor(style.background))
        if style.foreground:
            fmt.setForeground(QColor(style.foreground))
        if style.bold:
            fmt.setFontWeight(QFont.Weight.DemiBold)
        if style.underline:
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(style.underline))
        if status == "pending" and key.startswith("quote"):
            # Suggestions not yet reviewed: a dotted line under the tint.
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(QColor(PENDING_MARK))
    _FORMATS[(key, status)] = fmt
    return fmt


def article_font(point_size: int = DEFAULT_POINT_SIZE) -> QFont:
    """A good Arabic reading face: the first installed of ``ARTICLE_FONTS``, else Qt's default."""
    families = set(QFontDatabase.families())
    chosen = next((name for name in ARTICLE_FONTS if name in families), None)
    font = QFont(chosen) if chosen else QFont()
    if chosen:
        # Qt still falls back per character (Latin, emoji) when the face lacks a glyph.
        font.setFamilies([chosen, *[n for n in ARTICLE_FONTS if n in families and n != chosen]])
    font.setPointSize(max(MIN_POINT_SIZE, min(MAX_POINT_SIZE, point_size)))
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
