"""Boilerplate paragraphs learned across sites: teasers, app promotions, credits, end marks.

The patterns in ``resources/lexicons/boilerplate.tsv`` catch the furniture of the sites they were
written from. On other sites most of what they miss is whole paragraphs: ledes of unrelated
stories appended after the article (CNN, France24), an app promotion after a ``-----`` line,
wire datelines and end marks (``… 1436 هـ الموافق … م واس``, ``// انتهى //``), credit lines. A
trained classifier decides paragraph by paragraph from:

* its place — how far from the end and the start, what the paragraph before was;
* its shape — length, final punctuation, digits, Latin letters, a separator line;
* its topic — how many of its content words the title and lead share: a teaser about another
  story shares almost none;
* its words — frequent words in news (``واس``, ``انتهى``, ``تصوير``, ``الأحد``) by themselves.

Appended teasers come as a tail: once a late paragraph is judged furniture, the paragraphs
after it are too, unless one of them is plainly the article's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from core.annotator import lexicon
from core.annotator.feature_names import Names
from core.annotator.found import Found
from core.annotator.layout import Block
from core.annotator.ranker import Question, Ranker
from core.annotator.tokens import TokenizedText
from core.annotator.wordstats import WordStats
from core.resources import read_lines

THRESHOLD = 0.5  # probability above which a paragraph is boilerplate
TAIL_FILL = 0.25  # after a boilerplate paragraph in the last third, later ones above this join it
COVERED = 0.8  # share of a paragraph inside gold boilerplate for it to count as boilerplate
LEXICAL_MIN_COUNT = 30
CONTENT_MAX_COUNT = 3000  # more frequent words are function words, not topic
POSITIVE_WEIGHT = 5
RARE_MAX_COUNT = 60  # rarer words are names and places: what a story is about
_DIGIT_RE = re.compile(r"\d")
_LATIN_RE = re.compile(r"[A-Za-z]")
_SEPARATOR_RE = re.compile(r"^[\s*#=_~•·/\-–—]+$")
_FULL_STOP_RE = re.compile(r"[.!?؟](?=\s|$)")
_SENTENCE_ENDS = (".", "!", "?", "؟", "…")  # a paragraph ends a sentence with one of these,
_CLOSERS = "'\"”»)"  # then maybe closing marks
# Feature names made once per process (see ``feature_names``), by their parts.
_FROM_END = Names("from_end={}")
_FROM_START = Names("from_start={}")
_THIRD = Names("third={}")
_WORDS = Names("words={}")
_RULE = Names("rule={}")
_DIGITS = Names("digits={}")
_LATIN = Names("latin={}")
_TOPIC = Names("topic={}")
_TOPIC_END = Names("topic&end={}&{}")
_PREV_TOPIC = Names("prev_topic={}")
_NOVELTY = Names("novelty={}")
_NOVELTY_END = Names("novelty&end={}&{}")
_AGENCY_NOVELTY = Names("agency&novelty={}")
_WEEKDAY_EARLY_END = Names("weekday_early&end={}")
_SENTENCES = Names("sentences={}")
_AGENCY_CONJUNCTION_END = Names("agency&conjunction&end={}")
_AGENCY_END = Names("agency&end={}")
_AGENCY_THIRD = Names("agency&third={}")
_WORD = Names("w={}")
_FIRST = Names("first={}")
_LAST = Names("last={}")


class BlockDescriber:
    """Features of an article's paragraphs for the boilerplate classifier."""

    def __init__(self, tokenized: TokenizedText, blocks: Sequence[Block], title: Found | None, stats: WordStats) -> None:
        self.text = text = tokenized.text
        self.blocks = [b for b in blocks if title is None or b.start >= title.end]
        self.stats = stats
        words_of = tokenized.folded_words  # the words the tokenizer found, not found again
        self.words = [words_of(b.start, b.end) for b in self.blocks]
        # Each paragraph's content and rare words, sorted out once: ``features`` weighs a
        # paragraph's content words against the lead's and the previous paragraph's.
        topics = [self.topic_words(words) for words in self.words]
        self.contents = [content for content, _ in topics]
        title_content, title_rare = self.topic_words(words_of(title.start, title.end)) if title else (set(), set())
        head = set(title_content)
        for content in self.contents[:2]:
            head |= content
        self.head = head
        # Sites that append ledes of other stories (CNN, France24) sign their articles with an
        # agency dateline: the classifier weighs a late paragraph differently there.
        opening = text[: self.blocks[1].end] if len(self.blocks) > 1 else text[: self.blocks[0].end] if self.blocks else ""
        self.agency = bool(_agency_dateline().search(opening))
        # Nine articles in ten hold no Latin letter: their paragraphs need no count of them.
        self.has_latin = _LATIN_RE.search(text) is not None
        # Novelty: the share of a paragraph's rare words (names, places) never met before it in
        # the article. A lede of another story brings its own.
        self.novelty: list[float] = []
        seen = set(title_rare)
        for _, rare in topics:
            self.novelty.append(len(rare - seen) / len(rare) if rare else 0.0)
            seen |= rare

    def topic_words(self, words: Sequence[str]) -> tuple[set[str], set[str]]:
        """The content words (not function words) and the rare words (names, places) among
        ``words``: two set differences against the words the statistics count often."""
        candidates = {word for word in set(words) if len(word) >= 3 and not word.isdigit()}
        # Unknown words count as rare (the statistics keep words seen a few times or more).
        return (
            candidates - self.stats.counted_at_least(CONTENT_MAX_COUNT + 1),
            candidates - self.stats.counted_at_least(RARE_MAX_COUNT),
        )

    def features(self, position: int, rule_share: float) -> list[str]:
        block = self.blocks[position]
        count = len(self.blocks)
        content = self.text[block.start : block.end]
        words = self.words[position]
        n = len(words)
        from_end = count - 1 - position
        out = [
            _FROM_END[min(from_end, 5)],
            _FROM_START[min(position, 3)],
            _THIRD[min(3 * position // max(count, 1), 2)],
            _WORDS[_words_bin(n)],
            _RULE[_share_bin(rule_share)],
        ]
        stripped = content.rstrip()
        # A sentence end, then only closing marks: the regex [.!?؟…]['"”»)]*$ on ``stripped``
        # (no newline is left before its end for the $), without trying it at every character.
        if stripped.rstrip(_CLOSERS)[-1:] in _SENTENCE_ENDS:
            out.append("ends_sentence")
        if stripped.endswith(":"):
            out.append("ends_colon")
        if _SEPARATOR_RE.match(content):
            # "-----" before an app promotion is furniture; "***" between parts of a column is not.
            out.append(f"separator={'star' if '*' in content else 'line'}")
        if position and _SEPARATOR_RE.match(self.text[self.blocks[position - 1].start : self.blocks[position - 1].end]):
            out.append("after_separator")
        if not block.whole_line:
            out.append("part_of_line")
        digits = len(_DIGIT_RE.findall(content))
        out.append(_DIGITS[_share_bin(digits / max(len(content), 1))])
        latin = len(_LATIN_RE.findall(content)) if self.has_latin else 0
        out.append(_LATIN[_share_bin(latin / max(len(content), 1))])
        if "http" in content or "www." in content or "@" in content:
            out.append("link")
        if any(mark in content for mark in "«»“”\""):
            out.append("quote_marks")
        mine = self.contents[position]
        if mine:
            overlap = len(mine & self.head) / len(mine)
            out.append(_TOPIC[_share_bin(overlap)])
            out.append(_TOPIC_END[_share_bin(overlap), min(from_end, 3)])
            if position > 0:
                previous = self.contents[position - 1]
                if previous:
                    out.append(_PREV_TOPIC[_share_bin(len(mine & previous) / len(mine))])
        else:
            out.append("no_content_words")
        novelty = self.novelty[position]
        out.append(_NOVELTY[_share_bin(novelty)])
        out.append(_NOVELTY_END[_share_bin(novelty), min(from_end, 3)])
        if self.agency:
            out.append(_AGENCY_NOVELTY[_share_bin(novelty)])
        weekdays = lexicon.words("weekdays")
        if any(w in weekdays for w in words[:12]):
            out.append("weekday_early")  # "أعلنت مصر، مساء السبت، …": the lede of a news story
            out.append(_WEEKDAY_EARLY_END[min(from_end, 3)])
        stops = len(_FULL_STOP_RE.findall(content))
        out.append(_SENTENCES[min(stops, 3)])
        if words and words[0][:1] not in ("و", "ف") and words[0] in lexicon.cue_forms():
            out.append("opens_with_bare_cue")
        if words and words[0][:1] in ("و", "ف") and len(words[0]) > 2:
            out.append("opens_with_conjunction")  # "وقال …", "وفي بيان …": the story goes on
            if self.agency:
                out.append(_AGENCY_CONJUNCTION_END[min(from_end, 3)])
        if self.agency:
            out.append(_AGENCY_END[min(from_end, 5)])
            out.append(_AGENCY_THIRD[min(3 * position // max(count, 1), 2)])
        frequent = self.stats.counted_at_least(LEXICAL_MIN_COUNT)  # words named by themselves
        lexical = [w for w in words[:8] + words[-4:] if w in frequent]
        out += [_WORD[w] for w in dict.fromkeys(lexical)]
        if words:
            out.append(_FIRST[words[0] if words[0] in frequent else "~"])
            out.append(_LAST[words[-1] if words[-1] in frequent else "~"])
        return out


@cache
def _agency_dateline() -> re.Pattern[str]:
    names = [re.escape(line) for line in read_lines("lexicons/agency_datelines.txt")]
    return re.compile(r"\((?:" + "|".join(names) + r")\)|" + "|".join(n for n in names if "24" in n), re.IGNORECASE)


def rule_shares(blocks: Sequence[Block], spans: Sequence[tuple[int, int]]) -> list[float]:
    """For each paragraph, the share of its characters inside the given spans."""
    ordered = sorted(spans)
    shares = []
    k = 0
    for block in blocks:
        while k < len(ordered) and ordered[k][1] <= block.start:
            k += 1
        covered = 0
        j = k
        while j < len(ordered) and ordered[j][0] < block.end:
            covered += max(0, min(block.end, ordered[j][1]) - max(block.start, ordered[j][0]))
            j += 1
        shares.append(covered / max(len(block), 1))
    return shares


def find_learned_boilerplate(
    tokenized: TokenizedText, blocks: Sequence[Block], title: Found | None, rule_spans: Sequence[tuple[int, int]],
    ranker: Ranker, stats: WordStats,
) -> list[Found]:
    """Paragraphs the classifier takes for boilerplate that the patterns did not cover."""
    describer = BlockDescriber(tokenized, blocks, title, stats)
    shares = rule_shares(describer.blocks, rule_spans)
    probabilities = [
        ranker.probabilities([describer.features(k, shares[k]), ["content"]])[0] for k in range(len(describer.blocks))
    ]
    chosen = [p >= THRESHOLD for p in probabilities]
    count = len(chosen)
    for k in range(count):
        if chosen[k] and 3 * k >= 2 * count:  # a tail of teasers
            for later in range(k + 1, count):
                if probabilities[later] >= TAIL_FILL:
                    chosen[later] = True
                else:
                    break
    found = []
    for k, block in enumerate(describer.blocks):
        if chosen[k] and shares[k] < COVERED:
            found.append(Found("boilerplate", block.start, block.end, round(probabilities[k], 2), reason="learned: site furniture"))
    return found


def boilerplate_questions(
    tokenized: TokenizedText, blocks: Sequence[Block], title: Found | None, rule_spans: Sequence[tuple[int, int]],
    gold_spans: Sequence[tuple[int, int]], stats: WordStats,
) -> list[Question]:
    """One two-option question per paragraph: boilerplate (its features) or content."""
    describer = BlockDescriber(tokenized, blocks, title, stats)
    shares = rule_shares(describer.blocks, rule_spans)
    gold = rule_shares(describer.blocks, gold_spans)
    # Paragraphs the patterns already cover teach nothing new; what they miss is rare, so each
    # boilerplate paragraph counts POSITIVE_WEIGHT times against the many content ones.
    questions = []
    for k in range(len(describer.blocks)):
        if shares[k] >= COVERED:
            continue
        question = Question([describer.features(k, shares[k]), ["content"]], [gold[k] >= COVERED, gold[k] < COVERED])
        questions.extend([question] * (POSITIVE_WEIGHT if gold[k] >= COVERED else 1))
    return questions


def _words_bin(n: int) -> int:
    for k, limit in enumerate((1, 3, 6, 12, 25, 50)):
        if n <= limit:
            return k
    return 6


def _share_bin(share: float) -> int:
    if share <= 0:
        return 0
    if share < 0.2:
        return 1
    if share < 0.5:
        return 2
    if share < 0.8:
        return 3
    return 4
