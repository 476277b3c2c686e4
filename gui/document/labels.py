"""Translated names of the model's vocabulary (types, kinds, statuses) for menus and panels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def type_label(type_name: str, kind: str | None = None) -> str:
    if type_name == "quote" and kind == "indirect":
        return translate("Labels", "Indirect quote")
    if type_name == "quote" and kind == "direct":
        return translate("Labels", "Direct quote")
    return {
        "title": translate("Labels", "Title"),
        "heading": translate("Labels", "Heading"),
        "section": translate("Labels", "Section"),
        "paragraph": translate("Labels", "Paragraph"),
        "boilerplate": translate("Labels", "Boilerplate"),
        "quote": translate("Labels", "Quote"),
        "speaker": translate("Labels", "Speaker mention"),
        "cue": translate("Labels", "Cue"),
    }.get(type_name, type_name)


def kind_label(kind: str | None) -> str:
    return {"direct": translate("Labels", "direct"), "indirect": translate("Labels", "indirect")}.get(kind or "", "")


def status_label(status: str) -> str:
    return {"pending": translate("Labels", "pending"), "accepted": translate("Labels", "accepted"), "rejected": translate("Labels", "rejected")}.get(status, status)


def origin_label(origin: str) -> str:
    return {"auto": translate("Labels", "automatic"), "manual": translate("Labels", "manual")}.get(origin, origin)


def isolate(value: str) -> str:
    """Wrap an interpolated value in first-strong isolates so it cannot reorder the sentence."""
    return f"\u2068{value}\u2069"
