"""Structure: title, headings, boilerplate, duplicate paragraphs and sections.

Scraped news mixes the article with site furniture that looks like it: bylines, related-article
links, tag lists and author notes are short lines without a full stop, exactly like real
sub-headlines. We decide by position (a heading introduces paragraphs after it; furniture comes
in runs, right after the title or at the end) and by the patterns in
``resources/lexicons/boilerplate.tsv``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from core.annotator import lexicon
from core.annotator.found import Found
from core.annotator.latin_patterns import latin_finditer, latin_positions
from core.annotator.layout import Block, trim
from core.folding import Shadow, fold

_WORD_RE = re.compile(r"[^\W_]+")
_SENTENCE_END_RE = re.compile(r"(?<!\.)[.،,؛;:]$")
_LIST_ITEM_RE = re.compile(r"^\s*(?:[-–•·▪●]|\d+\s*[-–.)]|[٠-٩]+\s*[-–.)])\s")
_SEPARATOR_RE = re.compile(r"^[\s*#=_~•·-]+$")
_DASH_SEPARATED_RE = re.compile(r"\s*(?:ـ{2,}|[–—]|\s-\s|-(?=\s)|(?<=\s)-)\s*")
_LATIN_RE = re.compile(r"[A-Za-z]")
# A dateline or byline opening a paragraph: "* تونس - رويترز:", "دعاء ...- سبق- جدة:".
_DATELINE_RE = re.compile(
    r"^\*?\s*(?:[^\s:.،\-–ـ\"«“”»]+(?:\s+[^\s:.،\-–ـ\"«“”»]+){0,3}\s*(?:[-–—]+|\sـ{2,}\s)\s*){1,4}"
    r"[^\s:.،\-–ـ\"«“”»]+(?:[ .][^\s:.،\-–ـ\"«“”»]+){0,3}\s*:"
)
_BULLET_RE = re.compile(r"^\s*[*•·▪●]\s")
_TAGS_RE = re.compile(r"(?:^|\s)(" + "|".join(map(re.escape, lexicon.phrases("tag_list_labels"))) + r")\s*:?\s")
_CITY_IN_PARENS_RE = re.compile(r"^[^\s()]+(?:\s+[^\s()]+){0,4}\s*\([^\s()]+(?:\s[^\s()]+)?\)$")

MAX_TITLE_WORDS = 30
MAX_HEADING_WORDS = 16
MAX_HEADING_CHARS = 130


def words(text: str) -> int:
    return len(_WORD_RE.findall(text))


def is_short_line(text: str, max_words: int = MAX_HEADING_WORDS) -> bool:
    return len(text) <= MAX_HEADING_CHARS and 0 < words(text) <= max_words  # length first: no regex on paragraphs


def ends_like_sentence(text: str) -> bool:
    """Ends with a full stop or clause punctuation (``..`` and ``...`` are heading style)."""
    stripped = text.rstrip("\"'”“«» )")
    return bool(_SENTENCE_END_RE.search(stripped))


def find_title(text: str, blocks: Sequence[Block]) -> Found | None:
    """The first non-empty line when it reads as a headline: short, no final full stop."""
    if not blocks:
        return None
    first = blocks[0]
    line_start, line_end = trim(text, first.line_start, first.line_end)
    content = text[line_start:line_end]
    if words(content) == 0 or words(content) > MAX_TITLE_WORDS:
        return None
    if content.endswith(".") and not content.endswith(".."):
        return None
    if len(blocks) == 1:
        return None
    return Found("title", line_start, line_end, 0.9, reason="first line, short, no full stop")


def find_boilerplate(text: str, shadow: Shadow, blocks: Sequence[Block], title: Found | None) -> list[Found]:
    """Site furniture, bylines, credits, related links, tag lists and contact footers."""
    patterns = lexicon.boilerplate_patterns()
    found: list[Found] = []
    body = [b for b in blocks if title is None or b.start >= title.end]
    whole_lines: set[int] = set()

    def add(start: int, end: int, confidence: float, reason: str) -> None:
        start, end = trim(text, start, end)
        if start < end:
            found.append(Found("boilerplate", start, end, confidence, reason=reason))

    for position, block in enumerate(body):
        content = text[block.start : block.end]
        folded = _without_bullet(shadow.collapsed_part(block.start, block.end))
        if _matches_line(folded, patterns):
            add(block.start, block.end, 0.85, "boilerplate line pattern")
            whole_lines.add(block.index)
            continue
        if (position <= 1 and _looks_like_byline(content)) or _CITY_IN_PARENS_RE.match(content.strip()):
            add(block.start, block.end, 0.7, "byline")
            whole_lines.add(block.index)
            continue
        dateline = _DATELINE_RE.match(content)
        first_word = folded.split(" ", 1)[0]
        if (
            dateline
            and words(dateline.group()) <= 8
            and block.end - block.start > dateline.end() + 20
            and first_word not in lexicon.cue_forms()
        ):
            add(block.start, block.start + dateline.end(), 0.65, "dateline opening a paragraph")

    # "اقرأ أيضا:" and similar headers: the short link lines right after them are related articles.
    for position, block in enumerate(body):
        if block.index not in whole_lines:
            continue
        folded = _without_bullet(shadow.collapsed_part(block.start, block.end))
        if not any(folded.startswith(p) for p in patterns.prefixes):
            continue
        for follower in body[position + 1 :]:
            content = text[follower.start : follower.end]
            if follower.index in whole_lines:
                continue
            if is_short_line(content, 14) and not ends_like_sentence(content):
                add(follower.start, follower.end, 0.7, "related-article link after a header")
                whole_lines.add(follower.index)
            else:
                break

    # Runs of three or more short, unpunctuated lines in the body are link lists, not headings —
    # unless a line ending with a colon introduces them (a poem, a list of items).
    run: list[Block] = []
    previous: Block | None = None
    introduced = False
    lines_then_end: list[Block | None] = [*body, None]  # None: the end, which closes the last run
    for line in lines_then_end:
        if line is not None and line.index not in whole_lines:
            content = text[line.start : line.end]
            if (
                is_short_line(content, 14)
                and not ends_like_sentence(content)
                and not _LIST_ITEM_RE.match(content)
                and not _BULLET_RE.match(content)
            ):
                if not run:
                    introduced = (
                        previous is not None
                        and text[previous.start : previous.end].rstrip().endswith(":")
                        and previous.index not in whole_lines
                    )
                run.append(line)
                previous = line
                continue
        if len(run) >= 3 and not introduced:
            for member in run:
                add(member.start, member.end, 0.55, "run of short link-like lines")
                whole_lines.add(member.index)
        run = []
        introduced = False
        previous = line

    # Trailing furniture: short unpunctuated lines after the last real paragraph (not list items).
    for block in reversed(body):
        content = text[block.start : block.end]
        if block.index in whole_lines:
            continue
        if _is_contact_line(content) or (
            is_short_line(content, 8)
            and not ends_like_sentence(content)
            and not content.rstrip().endswith("..")
            and not _BULLET_RE.match(content)
            and not _LIST_ITEM_RE.match(content)
        ):
            add(block.start, block.end, 0.6, "short line after the last paragraph")
            whole_lines.add(block.index)
            continue
        break

    # Fragments inside lines: photo credits, URLs, share buttons, datelines, tag lists.
    latin: list[int] | None = None  # the Latin letters' places, found once if a Latin pattern comes
    for pattern, latin_only, latin_start in zip(patterns.fragments, patterns.latin_only, patterns.latin_start, strict=True):
        if latin_only:  # true of every pattern that starts with a Latin letter too
            if latin is None:
                latin = latin_positions(text)
            if not latin:
                continue  # it cannot match (see ``latin_patterns``)
        matches = latin_finditer(pattern, text, latin) if latin_start and latin is not None else pattern.finditer(text)
        for match in matches:
            # Inside the headline only a marker that ends it is furniture ("… / إضافة أولى
            # وأخيرة"); the title is then trimmed before it (``trim_title``).
            ends_title = title is not None and title.start < match.start() and match.end() >= title.end
            if title is not None and match.start() < title.end and not ends_title:
                continue
            add(match.start(), match.end(), 0.6, f"fragment /{pattern.pattern[:30]}/")
    if body:
        last = body[-1]
        tail = _TAGS_RE.search(text, last.start, last.end)
        if tail and last.end - tail.start(1) <= 200 and not ends_like_sentence(text[last.start : last.end]):
            add(tail.start(1), last.end, 0.6, "tag list at the end")
    return _merge(found)


def trim_title(text: str, title: Found | None, boilerplate: Sequence[Found]) -> Found | None:
    """The title without boilerplate that ends its line (a wire service's marker)."""
    if title is None:
        return None
    for item in boilerplate:
        if title.start < item.start < title.end <= item.end:
            start, end = trim(text, title.start, item.start)
            end = start + len(text[start:end].rstrip(" /|-–—"))
            if end > start:
                title.end = end
    return title


def merge_boilerplate(found: list[Found]) -> list[Found]:
    """Boilerplate from several sources as non-overlapping spans (highest confidence kept)."""
    return _merge(list(found))


def _merge(found: list[Found]) -> list[Found]:
    """Merge overlapping boilerplate spans, keeping the highest confidence."""
    found.sort(key=lambda f: (f.start, -f.end))
    merged: list[Found] = []
    for item in found:
        if merged and item.start <= merged[-1].end:
            last = merged[-1]
            if item.end > last.end:
                last.end = item.end
            last.confidence = max(last.confidence, item.confidence)
            continue
        merged.append(item)
    return merged


def _fold_line(content: str) -> str:
    return _squeezed(fold(content))


def _squeezed(folded: str) -> str:
    """A folded line with its white space collapsed and leading bullets or dashes gone."""
    return _without_bullet(" ".join(folded.split()))


def _without_bullet(collapsed: str) -> str:
    """A folded line whose white space is collapsed (``Shadow.collapsed_part``) without its
    leading bullets or dashes."""
    return collapsed.lstrip("*•·- ").strip()


def _matches_line(folded: str, patterns: lexicon.BoilerplatePatterns) -> bool:
    if not folded:
        return False
    union = _line_union(patterns.lines)
    if union.match(folded) if union is not None else any(p.match(folded) for p in patterns.lines):
        return True
    return any(folded.startswith(p) for p in patterns.prefixes)


_GROUP_REFERENCE_RE = re.compile(r"\\[0-9]|\(\?P[=<]")


@cache
def _line_union(lines: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """The line patterns as one alternation: one regex call per paragraph instead of one per
    pattern. A paragraph matches the alternation exactly when it matches one of them, as long
    as none refers to a group by number or name (``None`` then: they are tried one by one)."""
    if not lines or len({p.flags for p in lines}) > 1 or any(_GROUP_REFERENCE_RE.search(p.pattern) for p in lines):
        return None
    return re.compile("|".join(f"(?:{p.pattern})" for p in lines), lines[0].flags)


def _looks_like_byline(content: str) -> bool:
    """``حنان الحامدي – عين اليوم``, ``عكاظ اليوم ــ جدة``, ``عبد العزيز غزاوي (جدة)``."""
    if not is_short_line(content, 8) or ends_like_sentence(content):
        return False
    parts = [p for p in _DASH_SEPARATED_RE.split(content) if p.strip()]
    if 2 <= len(parts) <= 4 and all(words(p) <= 4 for p in parts):
        return True
    return bool(_CITY_IN_PARENS_RE.match(content.strip()))


def _is_contact_line(content: str) -> bool:
    return "@" in content and bool(_LATIN_RE.search(content)) and words(content) <= 30


def find_headings(
    text: str, blocks: Sequence[Block], title: Found | None, boilerplate: Sequence[Found]
) -> list[Found]:
    """Sub-headlines: short lines of their own that introduce the paragraphs after them."""
    covered = _covered_blocks(blocks, boilerplate)
    body = [b for b in blocks if (title is None or b.start >= title.end) and b.whole_line]
    content = [b for b in body if b.index not in covered]
    headings = []
    for position, block in enumerate(content):
        line = text[block.start : block.end]
        if not is_short_line(line):
            continue
        stripped = line.rstrip()
        if (ends_like_sentence(line) and not stripped.endswith(":")) or stripped.endswith("،"):
            continue
        if _LIST_ITEM_RE.match(line) or _SEPARATOR_RE.match(line) or _starts_like_speech(line):
            continue
        if _closes_earlier_quote(stripped):
            continue  # the last line of a poem or quotation opened on an earlier line
        if stripped.endswith(("؟", "?", "!")) and words(line) > 7:
            continue  # a question or exclamation of running text
        if position > 0 and _introduces(text[content[position - 1].start : content[position - 1].end]):
            continue  # a line of a poem or list introduced by a colon
        if position + 1 >= len(content):
            continue
        nxt = text[content[position + 1].start : content[position + 1].end]
        list_follows = not _BULLET_RE.match(line) and sum(
            1 for b in content[position + 1 : position + 4] if _BULLET_RE.match(text[b.start : b.end])
        ) >= 3
        if not list_follows:
            if is_short_line(nxt) and not ends_like_sentence(nxt):
                continue  # two short lines in a row: a list or furniture, not a heading
            if words(nxt) < 8:
                continue
        confidence = 0.75 if words(line) <= 10 else 0.6
        headings.append(Found("heading", block.start, block.end, confidence, reason="short line before a paragraph"))
    return headings


def _closes_earlier_quote(line: str) -> bool:
    """Does a line end with a closing mark (» ” ") that no mark on it opened?"""
    if not line or line[-1] not in "»”\"":
        return False
    body = line[:-1]
    return not any(mark in body for mark in "«“\"")


def _introduces(line: str) -> bool:
    """A line of running text ending with a colon introduces what follows (not a heading)."""
    return line.rstrip().endswith(":") and words(line) > 3


def _covered_blocks(blocks: Sequence[Block], boilerplate: Sequence[Found]) -> set[int]:
    """Indices of blocks lying wholly inside boilerplate (one merge-like pass)."""
    spans = sorted((b.start, b.end) for b in boilerplate)
    covered: set[int] = set()
    k = 0
    for block in blocks:
        while k < len(spans) and spans[k][1] < block.end:
            k += 1
        if k < len(spans) and spans[k][0] <= block.start and block.end <= spans[k][1]:
            covered.add(block.index)
    return covered


def _starts_like_speech(content: str) -> bool:
    """A short line that opens with a cue verb and a colon is reported speech, not a heading."""
    folded = _fold_line(content)
    first = folded.split(" ", 1)[0].rstrip(":")
    return first in lexicon.cue_forms() and ":" in folded[:40]


def find_duplicates(shadow: Shadow, blocks: Sequence[Block]) -> dict[int, int]:
    """Map each paragraph that repeats an earlier one word for word to that first paragraph
    (compared folded: ``shadow`` is the text's)."""
    seen: dict[str, int] = {}
    duplicates: dict[int, int] = {}
    for block in blocks:
        key = shadow.collapsed_part(block.start, block.end)
        if len(key) < 20:
            continue
        if key in seen:
            duplicates[block.index] = seen[key]
        else:
            seen[key] = block.index
    return duplicates


def find_sections(
    text: str, blocks: Sequence[Block], title: Found | None, headings: Sequence[Found], boilerplate: Sequence[Found]
) -> list[Found]:
    """Lead section to the first heading, then one section per heading.

    A section runs to the next heading or to the first trailing boilerplate line.
    """
    body = [b for b in blocks if title is None or b.start >= title.end]
    if not body:
        return []
    covered = [(b.start, b.end) for b in boilerplate]
    end_of_body = body[-1].end
    # Trailing boilerplate: the longest suffix of whole boilerplate paragraphs.
    for block in reversed(body):
        if any(s <= block.start and block.end <= e for s, e in covered):
            end_of_body = block.start
            continue
        end_of_body = block.end
        break
    starts = [None, *headings]
    sections = []
    lead_start = body[0].start
    for number, heading in enumerate(starts):
        start = heading.start if heading is not None else lead_start
        end = headings[number].start if number < len(headings) else end_of_body
        start, end = trim(text, start, end)
        end = max(end, start)
        if heading is None and start >= end:
            continue
        sections.append(Found("section", start, end, 0.9, heading=heading, reason="derived from headings"))
    return sections
