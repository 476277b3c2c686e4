"""Scoring predicted outlines against gold annotations, by the guideline's rules.

The gold format is the development corpus's (``gold/NAME.gold.json`` beside ``articles/NAME.txt``).
Rules, from the annotation guideline:

* quotes: a prediction matches a gold quote of the same kind when the spans overlap by at least
  half of the longer one (one-to-one, best overlaps first); precision, recall, F1 per kind;
  speaker accuracy (names folded: no diacritics or tatweel, alef/ya/ta-marbuta unified; any gold
  alias counts) and cue accuracy (folded, as written) on matched quotes;
* headings and title: a match overlaps by at least 80% of the longer span;
* boilerplate: character-level precision and recall.

Rejected annotations are not predictions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.annotator.calibration import reliability
from core.errors import InputError
from core.folding import name_key
from core.loading import read_utf8_file
from core.model import Annotation, Document
from core.safejson import parse_json

QUOTE_OVERLAP = 0.5
HEADING_OVERLAP = 0.8


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    text: str
    kind: str | None = None
    speaker: str | None = None
    aliases: tuple[str, ...] = ()
    cue: str | None = None


@dataclass
class GoldArticle:
    name: str
    text: str
    title: GoldSpan | None
    headings: list[GoldSpan]
    boilerplate: list[GoldSpan]
    quotes: list[GoldSpan]


@dataclass
class Counts:
    """True positives, false positives, false negatives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Ratio:
    right: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        self.right += other.right
        self.total += other.total

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, float | int]:
        return {"right": self.right, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass
class ErrorItem:
    """One miss, false alarm or wrong attribute, with context for a person to read."""

    article: str
    category: str
    what: str
    start: int
    end: int
    text: str
    context: str
    detail: str = ""

    def as_dict(self) -> dict[str, Any]:
        return self.__dict__.copy()


@dataclass
class Scores:
    quotes: dict[str, Counts] = field(default_factory=lambda: {"direct": Counts(), "indirect": Counts()})
    speaker: Ratio = field(default_factory=Ratio)
    # Right by the checked canonical name alone (the guideline's fullest mention), not by any
    # alias: what an annotator need not retype.
    speaker_canonical: Ratio = field(default_factory=Ratio)
    cue: Ratio = field(default_factory=Ratio)
    headings: Counts = field(default_factory=Counts)
    title: Ratio = field(default_factory=Ratio)
    boilerplate: Counts = field(default_factory=Counts)
    calibration: dict[str, Ratio] = field(default_factory=lambda: {"high": Ratio(), "low": Ratio()})
    # (speaker confidence, right?) of every matched quote that has one: the reliability table.
    speaker_confidence: list[tuple[float, bool]] = field(default_factory=list)
    articles: int = 0
    errors: list[ErrorItem] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        for kind in self.quotes:
            self.quotes[kind].add(other.quotes[kind])
        self.speaker.add(other.speaker)
        self.speaker_canonical.add(other.speaker_canonical)
        self.cue.add(other.cue)
        self.headings.add(other.headings)
        self.title.add(other.title)
        self.boilerplate.add(other.boilerplate)
        for band in self.calibration:
            self.calibration[band].add(other.calibration[band])
        self.speaker_confidence.extend(other.speaker_confidence)
        self.articles += other.articles
        self.errors.extend(other.errors)

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "quotes": {kind: c.as_dict() for kind, c in self.quotes.items()},
            "speaker_accuracy": self.speaker.as_dict(),
            "speaker_canonical_accuracy": self.speaker_canonical.as_dict(),
            "cue_accuracy": self.cue.as_dict(),
            "headings": self.headings.as_dict(),
            "title_accuracy": self.title.as_dict(),
            "boilerplate_chars": self.boilerplate.as_dict(),
            "calibration": {
                "confidence_at_least_0.5": self.calibration["high"].as_dict(),
                "confidence_below_0.5": self.calibration["low"].as_dict(),
            },
            "speaker_confidence": [
                {"band": band, "right": right, "total": total, "accuracy": round(right / total, 4) if total else None}
                for band, right, total in reliability(self.speaker_confidence)
            ],
        }


# Gold ------------------------------------------------------------------------------------------
def _span(item: dict[str, Any] | None) -> GoldSpan | None:
    if item is None:
        return None
    if type(item["start"]) is not int or type(item["end"]) is not int:
        raise TypeError("offsets must be whole numbers")
    return GoldSpan(
        start=item["start"],
        end=item["end"],
        text=item.get("text", ""),
        kind=item.get("kind"),
        speaker=item.get("speaker"),
        aliases=tuple(item.get("aliases") or ()),
        cue=item.get("cue"),
    )


def load_gold(path: Path, text: str) -> GoldArticle:
    """A gold file, read strictly (``core.safejson``); a malformed one is refused in one line."""
    data = parse_json(read_utf8_file(path, InputError, "not a gold file"), path)
    try:
        return GoldArticle(
            name=str(data.get("file", path.name)),
            text=text,
            title=_span(data.get("title")),
            headings=[s for s in map(_span, data.get("headings", [])) if s],
            boilerplate=[s for s in map(_span, data.get("boilerplate", [])) if s],
            quotes=[s for s in map(_span, data.get("quotes", [])) if s],
        )
    except KeyError as error:
        raise InputError(path, f"not a gold file: a span has no {error}") from None
    except (AttributeError, TypeError):
        raise InputError(path, "not a gold file: a span or a list of spans has the wrong shape") from None


def corpus_pairs(corpus: Path) -> list[tuple[Path, Path]]:
    """``(article, gold)`` pairs of a corpus folder (``articles/*.txt``, ``gold/*.gold.json``)."""
    articles = corpus / "articles"
    gold = corpus / "gold"
    if not articles.is_dir() or not gold.is_dir():
        raise InputError(corpus, "not a corpus folder: it needs articles/ and gold/ inside")
    pairs = []
    for article in sorted(articles.glob("*.txt")):
        gold_file = gold / f"{article.stem}.gold.json"
        if gold_file.exists():
            pairs.append((article, gold_file))
    if not pairs:
        raise InputError(corpus, "no article in articles/ has a gold file in gold/")
    return pairs


# Matching --------------------------------------------------------------------------------------
def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def _matches(a: tuple[int, int], b: tuple[int, int], share: float) -> bool:
    longer = max(a[1] - a[0], b[1] - b[0])
    if longer == 0:
        return a == b
    return _overlap(a[0], a[1], b[0], b[1]) >= share * longer


def match_spans(
    predicted: list[tuple[int, int]], gold: list[tuple[int, int]], share: float
) -> list[tuple[int, int]]:
    """One-to-one matching, largest overlaps first; returns ``(pred index, gold index)`` pairs."""
    candidates = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if _matches(p, g, share):
                candidates.append((-_overlap(p[0], p[1], g[0], g[1]), i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j))
    return pairs


def names_match(predicted: str | None, gold: str | None, aliases: Iterable[str] = ()) -> bool:
    """Speaker names compared folded; any alias of the gold speaker counts."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    wanted = {name_key(gold)} | {name_key(a) for a in aliases}
    return name_key(predicted) in wanted


def cues_match(predicted: str | None, gold: str | None) -> bool:
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return name_key(predicted) == name_key(gold)


# Scoring ---------------------------------------------------------------------------------------
def _context(text: str, start: int, end: int, width: int = 60) -> str:
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    inner = text[start:end]
    if len(inner) > 160:
        inner = inner[:78] + " … " + inner[-78:]
    return (before + "⟦" + inner + "⟧" + after).replace("\n", " ⏎ ")


def score_article(gold: GoldArticle, document: Document) -> Scores:
    """Score one predicted document against its gold article."""
    scores = Scores(articles=1)
    text = gold.text
    name = gold.name
    active = [a for a in document if a.is_active]

    def error(category: str, what: str, start: int, end: int, detail: str = "") -> None:
        scores.errors.append(
            ErrorItem(name, category, what, start, end, text[start:end], _context(text, start, end), detail)
        )

    # Quotes, per kind.
    for kind in ("direct", "indirect"):
        preds = [a for a in active if a.type == "quote" and a.kind == kind]
        golds = [q for q in gold.quotes if q.kind == kind]
        pairs = match_spans([(a.start, a.end) for a in preds], [(q.start, q.end) for q in golds], QUOTE_OVERLAP)
        matched_p = {i for i, _ in pairs}
        matched_g = {j for _, j in pairs}
        counts = scores.quotes[kind]
        counts.tp += len(pairs)
        counts.fp += len(preds) - len(pairs)
        counts.fn += len(golds) - len(pairs)
        for i, annotation in enumerate(preds):
            band = "high" if (annotation.confidence or 0) >= 0.5 else "low"
            scores.calibration[band].total += 1
            if i in matched_p:
                scores.calibration[band].right += 1
            else:
                error(f"quote-{kind}", "false alarm", annotation.start, annotation.end,
                      f"speaker={annotation.speaker!r} cue={annotation.cue!r} conf={annotation.confidence}")
        for j, quote in enumerate(golds):
            if j not in matched_g:
                error(f"quote-{kind}", "miss", quote.start, quote.end,
                      f"speaker={quote.speaker!r} cue={quote.cue!r}")
        for i, j in pairs:
            annotation, quote = preds[i], golds[j]
            scores.speaker.total += 1
            speaker_right = names_match(annotation.speaker, quote.speaker, quote.aliases)
            if annotation.speaker_confidence is not None:
                scores.speaker_confidence.append((annotation.speaker_confidence, speaker_right))
            scores.speaker_canonical.total += 1
            if names_match(annotation.speaker, quote.speaker):
                scores.speaker_canonical.right += 1
            if speaker_right:
                scores.speaker.right += 1
            else:
                error("speaker", "wrong speaker", quote.start, quote.end,
                      f"predicted {annotation.speaker!r}, gold {quote.speaker!r} aliases={list(quote.aliases)}")
            scores.cue.total += 1
            if cues_match(annotation.cue, quote.cue):
                scores.cue.right += 1
            else:
                error("cue", "wrong cue", quote.start, quote.end,
                      f"predicted {annotation.cue!r}, gold {quote.cue!r}")

    # Headings.
    preds = [a for a in active if a.type == "heading"]
    pairs = match_spans([(a.start, a.end) for a in preds], [(h.start, h.end) for h in gold.headings], HEADING_OVERLAP)
    scores.headings.tp += len(pairs)
    scores.headings.fp += len(preds) - len(pairs)
    scores.headings.fn += len(gold.headings) - len(pairs)
    matched_p = {i for i, _ in pairs}
    matched_g = {j for _, j in pairs}
    for i, annotation in enumerate(preds):
        if i not in matched_p:
            error("heading", "false alarm", annotation.start, annotation.end)
    for j, heading in enumerate(gold.headings):
        if j not in matched_g:
            error("heading", "miss", heading.start, heading.end)

    # Title.
    titles = [a for a in active if a.type == "title"]
    scores.title.total += 1
    if gold.title is None:
        if not titles:
            scores.title.right += 1
        else:
            error("title", "false alarm", titles[0].start, titles[0].end)
    elif titles and _matches((titles[0].start, titles[0].end), (gold.title.start, gold.title.end), HEADING_OVERLAP):
        scores.title.right += 1
    else:
        error("title", "miss", gold.title.start, gold.title.end,
              f"predicted {[(t.start, t.end) for t in titles]}")

    # Boilerplate, character by character.
    predicted_chars = _covered(active, "boilerplate")
    gold_chars: set[int] = set()
    for item in gold.boilerplate:
        gold_chars.update(range(item.start, item.end))
    scores.boilerplate.tp += len(predicted_chars & gold_chars)
    scores.boilerplate.fp += len(predicted_chars - gold_chars)
    scores.boilerplate.fn += len(gold_chars - predicted_chars)
    for annotation in active:
        if annotation.type == "boilerplate" and not gold_chars & set(range(annotation.start, annotation.end)):
            error("boilerplate", "false alarm", annotation.start, annotation.end)
    for item in gold.boilerplate:
        if not predicted_chars & set(range(item.start, item.end)):
            error("boilerplate", "miss", item.start, item.end)
    return scores


def _covered(annotations: list[Annotation], type_name: str) -> set[int]:
    chars: set[int] = set()
    for annotation in annotations:
        if annotation.type == type_name:
            chars.update(range(annotation.start, annotation.end))
    return chars


def format_table(scores: Scores) -> str:
    """The scores as a plain-text table."""
    rows = [("measure", "precision", "recall", "F1", "n")]
    for kind, counts in scores.quotes.items():
        rows.append((f"{kind} quotes", f"{counts.precision:.3f}", f"{counts.recall:.3f}",
                     f"{counts.f1:.3f}", f"{counts.tp + counts.fn} gold"))
    rows.append(("headings", f"{scores.headings.precision:.3f}", f"{scores.headings.recall:.3f}",
                 f"{scores.headings.f1:.3f}", f"{scores.headings.tp + scores.headings.fn} gold"))
    b = scores.boilerplate
    rows.append(("boilerplate (chars)", f"{b.precision:.3f}", f"{b.recall:.3f}", f"{b.f1:.3f}",
                 f"{b.tp + b.fn} gold chars"))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.append("")
    lines.append(f"speaker accuracy on matched quotes  {scores.speaker.value:.3f}  ({scores.speaker.right}/{scores.speaker.total})")
    canonical = scores.speaker_canonical
    lines.append(f"  by the canonical name alone       {canonical.value:.3f}  ({canonical.right}/{canonical.total})")
    lines.append(f"cue accuracy on matched quotes      {scores.cue.value:.3f}  ({scores.cue.right}/{scores.cue.total})")
    lines.append(f"title accuracy                      {scores.title.value:.3f}  ({scores.title.right}/{scores.title.total})")
    high, low = scores.calibration["high"], scores.calibration["low"]
    lines.append(f"quote precision, confidence ≥ 0.5   {high.value:.3f}  ({high.right}/{high.total})")
    lines.append(f"quote precision, confidence < 0.5   {low.value:.3f}  ({low.right}/{low.total})")
    lines.append(f"articles                            {scores.articles}")
    if scores.speaker_confidence:
        lines.append("")
        lines.append(format_reliability(scores.speaker_confidence))
    return "\n".join(lines)


def format_reliability(pairs: list[tuple[float, bool]]) -> str:
    """Speaker confidence bands against how often the speaker was right in each."""
    lines = ["speaker confidence  quotes  right  accuracy"]
    for band, right, total in reliability(pairs):
        accuracy = f"{right / total:.3f}" if total else "-"
        lines.append(f"{band:<18}  {total:>6}  {right:>5}  {accuracy}")
    return "\n".join(lines)


def format_errors(scores: Scores) -> str:
    lines = []
    for item in sorted(scores.errors, key=lambda e: (e.article, e.category, e.start)):
        detail = f"  [{item.detail}]" if item.detail else ""
        lines.append(f"{item.article}  {item.category:<16} {item.what:<14} {item.start}-{item.end}{detail}")
        lines.append(f"    {item.context}")
    return "\n".join(lines)
