"""Sections, derived from a document's headings, paragraphs and boilerplate.

Sections are never drawn by hand (guideline): the lead section runs from the start of the body to
the first heading, each heading opens a section that runs to the next heading or to the first
trailing boilerplate. When an annotator adds, deletes or moves a heading, the window recomputes
sections with this function inside the same undoable command.
"""

from __future__ import annotations

from core.model import Annotation, Document, IdAllocator


def derive_sections(document: Document, *, origin: str = "auto") -> list[Annotation]:
    """The sections implied by the document's active headings, with fresh ids."""
    text = document.text
    active = [a for a in document if a.is_active]
    titles = [a for a in active if a.type == "title"]
    headings = sorted((a for a in active if a.type == "heading"), key=lambda a: a.start)
    paragraphs = sorted((a for a in active if a.type == "paragraph"), key=lambda a: a.start)
    boilerplate = [a for a in active if a.type == "boilerplate"]
    body_start = titles[0].end if titles else 0
    blocks = sorted(
        [(p.start, p.end) for p in paragraphs if p.start >= body_start]
        + [(h.start, h.end) for h in headings if h.start >= body_start]
        + [(b.start, b.end) for b in boilerplate if b.start >= body_start]
    )
    if not blocks:
        return []
    first_start = blocks[0][0]
    end_of_body = blocks[-1][1]
    for start, end in reversed(blocks):
        if any(b.start <= start and end <= b.end for b in boilerplate):
            end_of_body = start
            continue
        end_of_body = end
        break
    sections: list[Annotation] = []
    ids = IdAllocator(a.id for a in document)  # fresh ids must not collide with existing ones
    starts: list[Annotation | None] = [None, *[h for h in headings if h.start >= body_start]]
    for number, heading in enumerate(starts):
        start = heading.start if heading is not None else first_start
        following = starts[number + 1] if number + 1 < len(starts) else None
        end = following.start if following is not None else max(end_of_body, start)
        if heading is not None and end < heading.end:
            end = heading.end
        while end > start and text[end - 1].isspace():
            end -= 1
        if heading is None and start >= end:
            continue
        sections.append(
            Annotation(
                id=ids.new("s"),
                type="section",
                start=start,
                end=end,
                origin=origin,
                status="pending" if origin == "auto" else "accepted",
                confidence=0.9 if origin == "auto" else None,
                heading_id=heading.id if heading is not None else None,
            )
        )
    return sections
