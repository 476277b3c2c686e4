"""Where a typed speaker or cue stands in the text, and which speaker a new mention names.

When a person types a quote's speaker (F2) or cue (F4), the quote must point at the annotation
that shows it in the article, as the automatic annotator's quotes do (guideline: "a speaker span
on the nearest mention", "the cue as written"). These functions find that place: an existing
mention or cue annotation, or an occurrence in the text that is not annotated yet (the caller
annotates it). They also name a speaker mention a person draws after the speaker it is a form of
(``بيسكوف`` → ``دميتري بيسكوف``), and state the rule every edit keeps (``link_problems``): a
quote's ``speaker`` is its linked mention's speaker, its ``cue`` its linked cue's text.

Matching is loose the way the annotator's is (``core.folding``: diacritics, tatweel, hamza and
ya forms do not matter), on whole words, allowing one attached conjunction or preposition
(``و``, ``ف``, ``ب``, ``ل``) before the word: typing ``قال`` finds ``وقال``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from core.folding import Shadow, fold
from core.model import Annotation, Document

# How far from a quote (code points, outside its own paragraph) a typed cue is looked for: cues
# stand right before or after the quote they introduce.
CUE_REACH = 160
# How far from a quote a typed speaker's name is looked for before the whole text is searched.
SPEAKER_REACH = 4000
_CLITICS = "وفبل"


@dataclass(frozen=True)
class Place:
    """Where a speaker or cue is: an existing annotation (``existing`` is its id) or a span of
    the text to annotate (``existing`` is None)."""

    start: int
    end: int
    existing: str | None = None


def clean(value: str | None) -> str:
    """White space collapsed, ends trimmed (the form names and cues are stored in)."""
    return " ".join((value or "").split())


@lru_cache(maxsize=4)
def _shadow(text: str) -> Shadow:
    """The folded shadow of an article's text (kept for the few texts being edited)."""
    return Shadow(text)


def occurrences(text: str, phrase: str, *, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """Spans of ``text[start:end]`` where ``phrase`` is written as whole words, matched loosely.

    One attached clitic (``و``, ``ف``, ``ب``, ``ل``) may precede the first word; the span
    returned covers the words as written, without it.
    """
    words = fold(clean(phrase)).split()
    if not words:
        return
    shadow = _shadow(text)
    folded_start = shadow.to_folded(start)
    folded_end = len(shadow.folded) if end is None else shadow.to_folded(end)
    body = r"\s+".join(re.escape(word) for word in words)
    pattern = re.compile(rf"(?<!\w)(?:[{_CLITICS}])?({body})(?!\w)")
    for match in pattern.finditer(shadow.folded, folded_start, folded_end):
        yield shadow.span(match.start(1), match.end(1))


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``start..end`` widened over a clitic written before it (``قال`` inside ``وقال``)."""
    while start > 0 and text[start - 1] in _CLITICS and (start < 2 or not _is_word(text[start - 2])):
        start -= 1
    return start, end


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _paragraph(text: str, quote: Annotation) -> tuple[int, int]:
    """The line(s) holding the quote."""
    start = text.rfind("\n", 0, quote.start) + 1
    end = text.find("\n", quote.end)
    return start, len(text) if end < 0 else end


def _rank(text: str, quote: Annotation, place: Place) -> tuple[bool, int, bool, bool]:
    """Sort key of a candidate place: in the quote's paragraph, nearer, before the quote, and an
    existing annotation rather than new text, first."""
    para_start, para_end = _paragraph(text, quote)
    outside = not (para_start <= place.start and place.end <= para_end)
    after = place.start >= quote.end
    distance = place.start - quote.end if after else quote.start - place.end
    return (outside, distance, after, place.existing is None)


def _outside(quote: Annotation, start: int, end: int) -> bool:
    return end <= quote.start or start >= quote.end


def speaker_place(document: Document, quote: Annotation, name: str) -> Place | None:
    """The nearest place in the text that names ``name``, for ``quote``'s speaker link.

    An active mention of that speaker, or an occurrence of the name (or of a form the article
    writes it in: its mentions' texts) that no other speaker's mention covers. None when the
    text does not name the speaker (outside the quote itself) anywhere.
    """
    name = clean(name)
    if not name:
        return None
    text = document.text
    candidates: list[Place] = []
    forms = {fold(name): name}
    others: list[Annotation] = []
    for mention in document.of_type("speaker", active_only=True):
        if clean(mention.speaker) == name:
            if _outside(quote, mention.start, mention.end):
                candidates.append(Place(mention.start, mention.end, mention.id))
            forms.setdefault(fold(clean(document.span_text(mention))), clean(document.span_text(mention)))
        elif mention.id != quote.speaker_id:
            others.append(mention)
    # The text near the quote first (a megabyte-long article is not searched on every edit),
    # then, if the speaker is named nowhere near and has no mention, the whole text.
    near = (max(0, quote.start - SPEAKER_REACH), min(len(text), quote.end + SPEAKER_REACH))
    for low, high in (near, (0, len(text))):
        for form in forms.values():
            for start, end in occurrences(text, form, start=low, end=high):
                if not _outside(quote, start, end):
                    continue
                if any(m.start < end and start < m.end for m in others):
                    continue
                if any(c.start == start and c.end == end for c in candidates):
                    continue
                candidates.append(Place(start, end))
        if candidates:
            break
    if not candidates:
        return None
    return min(candidates, key=lambda place: _rank(text, quote, place))


def cue_place(document: Document, quote: Annotation, cue: str) -> Place | None:
    """The cue annotation or the written cue nearest ``quote`` that reads ``cue``.

    Looked for in the quote's paragraph and up to ``CUE_REACH`` code points around the quote,
    never inside it. An occurrence keeps the clitic written on its word (``وقال`` for ``قال``).
    """
    cue = clean(cue)
    if not cue:
        return None
    text = document.text
    para_start, para_end = _paragraph(text, quote)
    low = min(para_start, max(0, quote.start - CUE_REACH))
    high = max(para_end, min(len(text), quote.end + CUE_REACH))
    wanted = fold(cue)
    candidates: list[Place] = []
    cues = [c for c in document.of_type("cue", active_only=True) if low <= c.start and c.end <= high]
    for annotation in cues:
        written = clean(document.span_text(annotation))
        if _outside(quote, annotation.start, annotation.end) and _same_words(fold(written), wanted):
            candidates.append(Place(annotation.start, annotation.end, annotation.id))
    for start, end in occurrences(text, cue, start=low, end=high):
        start, end = word_span(text, start, end)
        if not _outside(quote, start, end) or any(c.start < end and start < c.end for c in cues):
            continue
        candidates.append(Place(start, end))
    if not candidates:
        return None
    return min(candidates, key=lambda place: _rank(text, quote, place))


def _same_words(written: str, typed: str) -> bool:
    """``written`` reads ``typed``, perhaps with a clitic on its first word."""
    return written == typed or (len(written) == len(typed) + 1 and written[0] in _CLITICS and written[1:] == typed)


def canonical_name(document: Document, name: str) -> str:
    """The article's speaker a typed ``name`` means: the speaker it names or one of the forms
    the article writes a speaker in (``الخطيب`` for ``سامي الخطيب``), else ``name`` as typed."""
    name = clean(name)
    folded = fold(name)
    alias_of: str | None = None
    for annotation in document:  # one pass (the speakers index would build every speaker's lists)
        speaker = annotation.speaker
        if not speaker or not annotation.is_active:
            continue
        if fold(speaker) == folded:
            return speaker
        if alias_of is None and annotation.type == "speaker" and fold(clean(document.span_text(annotation))) == folded:
            alias_of = speaker
    return alias_of or name


def mention_name(document: Document, start: int, end: int) -> str:
    """The speaker a mention drawn over ``start..end`` names.

    The article's existing speaker it is written as (its canonical name or one of its mentions'
    texts), else the one whose canonical name holds its words in order (``بيسكوف`` in
    ``دميتري بيسكوف``; the speaker with a mention nearest the span when several do), else the
    words themselves.
    """
    written = clean(document.text[start:end])
    folded = fold(written)
    if not folded:
        return written
    speakers = document.speakers()
    exact = [s.name for s in speakers if fold(s.name) == folded or folded in {fold(clean(a)) for a in s.aliases}]
    if exact:
        return _nearest_speaker(document, exact, start)
    words = folded.split()
    holding = [s.name for s in speakers if _holds_words(fold(s.name).split(), words)]
    if holding:
        return _nearest_speaker(document, holding, start)
    return written


def names_part_of(written: str, name: str) -> bool:
    """``written`` is ``name`` or some of its words in order (``ناصر`` of ``رامي ناصر``)."""
    words, full = fold(clean(written)).split(), fold(clean(name)).split()
    return bool(words) and (words == full or _holds_words(full, words))


def _holds_words(name: list[str], words: list[str]) -> bool:
    size = len(words)
    return 0 < size < len(name) and any(name[i : i + size] == words for i in range(len(name) - size + 1))


def _nearest_speaker(document: Document, names: Iterable[str], offset: int) -> str:
    names = list(dict.fromkeys(names))
    if len(names) == 1:
        return names[0]
    distance: dict[str, int] = {}
    for annotation in document:
        if annotation.is_active and annotation.speaker in names:
            gap = abs(annotation.start - offset)
            distance[annotation.speaker] = min(gap, distance.get(annotation.speaker, gap))
    return min(names, key=lambda name: (distance.get(name, len(document.text)), name))


def link_problems(document: Document) -> list[str]:
    """Active quotes whose links disagree with their names (empty when every link holds).

    A quote's ``speaker`` must be its linked mention's speaker, and its ``cue`` the text of its
    linked cue; the speakers index is built from both, so they must tell the same story.
    """
    problems = []
    for quote in document.of_type("quote", active_only=True):
        mention = document.find(quote.speaker_id)
        if mention is not None and clean(mention.speaker) != clean(quote.speaker):
            problems.append(f"{quote.id}: speaker {quote.speaker!r} but its mention {mention.id} names {mention.speaker!r}")
        cue = document.find(quote.cue_id)
        if cue is not None and clean(document.span_text(cue)) != clean(quote.cue):
            problems.append(f"{quote.id}: cue {quote.cue!r} but its cue {cue.id} reads {document.span_text(cue)!r}")
    return problems
