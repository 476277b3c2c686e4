"""The outline of an annotated article: title, sections with their quotes, boilerplate, speakers.

One pure-Python view of the tree that the terminal printout and the window's outline both show,
so they always agree. Rejected annotations are left out.
"""

from __future__ import annotations

import textwrap
from bisect import bisect_right
from dataclasses import dataclass, field

from core.model import Annotation, Document, SpeakerInfo
from core.wording import count


@dataclass
class SectionNode:
    """A section (``None`` for text before any section) with its heading and quotes."""

    section: Annotation | None
    heading: Annotation | None
    quotes: list[Annotation] = field(default_factory=list)


@dataclass
class Outline:
    title: Annotation | None
    sections: list[SectionNode]
    boilerplate: list[Annotation]
    speakers: list[SpeakerInfo]


def build_outline(document: Document) -> Outline:
    """Group the document's active annotations into the outline tree."""
    active = [a for a in document if a.is_active]
    title = next((a for a in active if a.type == "title"), None)
    sections = sorted((a for a in active if a.type == "section"), key=lambda a: a.start)
    nodes: list[SectionNode] = []
    if not sections:
        nodes.append(SectionNode(None, None))
    for section in sections:
        nodes.append(SectionNode(section, document.find(section.heading_id)))
    starts = [n.section.start if n.section else 0 for n in nodes]
    for quote in (a for a in active if a.type == "quote"):
        index = max(0, bisect_right(starts, quote.start) - 1)
        nodes[index].quotes.append(quote)
    boilerplate = [a for a in active if a.type == "boilerplate"]
    return Outline(title, nodes, boilerplate, document.speakers())


def quote_summary(document: Document, quote: Annotation, words: int = 8) -> str:
    """First words of a quote, for lists."""
    parts = document.span_text(quote).split()
    text = " ".join(parts[:words])
    return text + (" …" if len(parts) > words else "")


def outline_lines(document: Document, width: int = 100) -> list[str]:
    """The outline as plain text lines (logical order; Arabic left for the terminal to shape)."""
    outline = build_outline(document)
    lines: list[str] = []
    text = document.text
    if outline.title is not None:
        lines.append(f"# {text[outline.title.start:outline.title.end]}")
    else:
        lines.append("# (no title)")
    lines.append("")
    for node in outline.sections:
        if node.heading is not None:
            lines.append(f"## {text[node.heading.start:node.heading.end]}")
        else:
            lines.append("## (lead)")
        if not node.quotes:
            lines.append("   (no quotes)")
        for quote in node.quotes:
            speaker = quote.speaker or "?"
            cue = quote.cue or "—"
            status = quote.status if quote.confidence is None else f"{quote.status}, {quote.confidence:.2f}"
            lines.append(f" - [{quote.kind}] {speaker} | {cue} | {quote.start}-{quote.end} ({status})")
            body = " ".join(text[quote.start:quote.end].split())
            for wrapped in textwrap.wrap(body, width=max(20, width - 6)) or [""]:
                lines.append(f"      {wrapped}")
        lines.append("")
    lines.append("## Boilerplate")
    if not outline.boilerplate:
        lines.append("   (none)")
    for item in outline.boilerplate:
        lines.append(f" - {' '.join(text[item.start:item.end].split())}  [{item.start}-{item.end}]")
    lines.append("")
    lines.append("## Speakers")
    if not outline.speakers:
        lines.append("   (none)")
    for info in outline.speakers:
        aliases = f"  (also: {'، '.join(info.aliases)})" if info.aliases else ""
        lines.append(f" - {info.name}: {count(len(info.quote_ids), 'quote')}{aliases}")
    duplicates = [a for a in document if a.type == "paragraph" and a.duplicate_of and a.is_active]
    if duplicates:
        lines.append("")
        lines.append("## Duplicate paragraphs")
        for item in duplicates:
            lines.append(f" - {item.id} repeats {item.duplicate_of}: {' '.join(text[item.start:item.end].split()[:8])} …")
    return lines
