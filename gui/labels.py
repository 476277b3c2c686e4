"""Translated names of the model's vocabulary (types, kinds, statuses) for menus and panels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("Labels", text)


def type_label(type_name: str, kind: str | None = None) -> str:
    if type_name == "quote" and kind == "indirect":
        return _tr("Indirect quote")
    if type_name == "quote" and kind == "direct":
        return _tr("Direct quote")
    return {
        "title": _tr("Title"),
        "heading": _tr("Heading"),
        "section": _tr("Section"),
        "paragraph": _tr("Paragraph"),
        "boilerplate": _tr("Boilerplate"),
        "quote": _tr("Quote"),
        "speaker": _tr("Speaker mention"),
        "cue": _tr("Cue"),
    }.get(type_name, type_name)


def kind_label(kind: str | None) -> str:
    return {"direct": _tr("direct"), "indirect": _tr("indirect")}.get(kind or "", "")


def status_label(status: str) -> str:
    return {"pending": _tr("pending"), "accepted": _tr("accepted"), "rejected": _tr("rejected")}.get(status, status)


def origin_label(origin: str) -> str:
    return {"auto": _tr("automatic"), "manual": _tr("manual")}.get(origin, origin)


def isolate(value: str) -> str:
    """Wrap an interpolated value in first-strong isolates so it cannot reorder the sentence."""
    return f"\u2068{value}\u2069"
