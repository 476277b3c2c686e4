"""Inter-annotator agreement between two annotations of the same articles (A against B).

Researchers want to know how far two annotators (or the annotator and a person) agree before
they trust a corpus. Three kinds of measure, all over *active* annotations (rejected ones do not
count, as everywhere in Iqtibas):

**Span agreement** per layer — ``title``, ``heading``, ``boilerplate``, ``quote`` (any kind),
``quote/direct``, ``quote/indirect``, ``speaker`` (mentions), ``cue`` (mentions) — as precision,
recall and F1 of A against B (B plays the reference: precision = matched / A's spans, recall =
matched / B's spans; swapping A and B swaps precision and recall, F1 is symmetric). Two matchings,
both one-to-one (largest overlaps first, ``core.evaluate.match_spans``):

* ``exact``: same start and end;
* ``overlap``: the guideline's rule, the spans overlap by at least half of the longer one.

Quotes of a kind match quotes of the same kind; ``quote`` matches quotes whatever their kind.
When neither side has a span of a layer, precision and recall are 1 (nothing to disagree on).

**Attribute agreement on matched quotes** (overlap matching): for ``quote`` (any kind) the share
of matched pairs with the same kind, speaker and cue; for each kind, speaker and cue. Speakers
and cues are compared folded (``core.folding.fold``: diacritics, tatweel, alef/ya/ta-marbuta
forms and spacing do not count); two missing values agree.

**Cohen's kappa on character labels**. Every character of the text that is not white space
(``str.isspace``) gets one label per layer from each annotator:

* ``quotes``: ``direct`` if inside a direct quote, else ``indirect`` if inside an indirect quote,
  else ``none`` (a direct quote nested in an indirect one labels its characters ``direct``);
* ``attribution``: ``speaker`` if inside a speaker mention, else ``cue`` if inside a cue, else
  ``none``;
* ``structure``: ``title``, else ``heading``, else ``boilerplate``, else ``none``.

With po the share of characters labelled alike and pe = Σ_label pA(label)·pB(label) from the two
annotators' label frequencies (Cohen 1960), kappa = (po − pe) / (1 − pe). When pe = 1 — both
annotators gave every character the same single label, e.g. neither marked any quote — kappa is
undefined (0/0) and reported as ``None`` with po = 1: agreement is perfect but carries no
information. White space is left out so that blank lines and whether a span takes a trailing space
do not move the figure.

**Folders**: counts are summed over articles (micro-averages) and kappa is computed on the pooled
characters of all articles; each article also gets its own row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

from core.errors import ModelError
from core.evaluate import QUOTE_OVERLAP, Counts, Ratio, cues_match, match_spans, names_match
from core.model import Annotation, Document

SPAN_LAYERS = ("title", "heading", "boilerplate", "quote", "quote/direct", "quote/indirect", "speaker", "cue")
QUOTE_GROUPS = ("quote", "quote/direct", "quote/indirect")
# Character layers: labels in order of precedence (an earlier label wins where spans nest),
# ``none`` last.
KAPPA_LAYERS: dict[str, tuple[tuple[str, Callable[[Annotation], bool]], ...]] = {
    "quotes": (
        ("direct", lambda a: a.type == "quote" and a.kind == "direct"),
        ("indirect", lambda a: a.type == "quote" and a.kind == "indirect"),
    ),
    "attribution": (
        ("speaker", lambda a: a.type == "speaker"),
        ("cue", lambda a: a.type == "cue"),
    ),
    "structure": (
        ("title", lambda a: a.type == "title"),
        ("heading", lambda a: a.type == "heading"),
        ("boilerplate", lambda a: a.type == "boilerplate"),
    ),
}
NONE_LABEL = "none"


@dataclass
class SpanAgreement:
    """Exact and overlap matching of one layer; ``a`` and ``b`` count each side's spans."""

    exact: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)
    a: int = 0
    b: int = 0

    def add(self, other: SpanAgreement) -> None:
        self.exact.add(other.exact)
        self.overlap.add(other.overlap)
        self.a += other.a
        self.b += other.b

    def as_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "exact": self.exact.as_dict(), "overlap": self.overlap.as_dict()}


@dataclass
class QuoteAttributes:
    """Agreement on the attributes of overlap-matched quotes."""

    kind: Ratio = field(default_factory=Ratio)
    speaker: Ratio = field(default_factory=Ratio)
    cue: Ratio = field(default_factory=Ratio)

    def add(self, other: QuoteAttributes) -> None:
        self.kind.add(other.kind)
        self.speaker.add(other.speaker)
        self.cue.add(other.cue)

    def as_dict(self, with_kind: bool) -> dict[str, Any]:
        out = {"speaker": self.speaker.as_dict(), "cue": self.cue.as_dict()}
        if with_kind:
            out = {"kind": self.kind.as_dict(), **out}
        return out


@dataclass
class Kappa:
    """A confusion matrix of character labels (A's label, B's label) and Cohen's kappa from it."""

    labels: tuple[str, ...]
    pairs: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, other: Kappa) -> None:
        self.pairs.update(other.pairs)

    @property
    def characters(self) -> int:
        return sum(self.pairs.values())

    @property
    def observed(self) -> float:
        """po: the share of characters both annotators labelled alike (1 when there are none)."""
        n = self.characters
        return sum(count for (x, y), count in self.pairs.items() if x == y) / n if n else 1.0

    @property
    def expected(self) -> float:
        """pe: the agreement expected by chance from each annotator's label frequencies."""
        n = self.characters
        if not n:
            return 1.0
        a_freq: Counter[str] = Counter()
        b_freq: Counter[str] = Counter()
        for (x, y), count in self.pairs.items():
            a_freq[x] += count
            b_freq[y] += count
        return sum(a_freq[label] * b_freq[label] for label in self.labels) / (n * n)

    @property
    def kappa(self) -> float | None:
        """(po − pe) / (1 − pe); None when pe = 1 (every character has one same label: undefined)."""
        pe = self.expected
        if pe >= 1.0 - 1e-12:
            return None
        return (self.observed - pe) / (1.0 - pe)

    def matrix(self) -> list[list[int]]:
        """Rows: A's labels, columns: B's labels, both in ``labels`` order."""
        return [[self.pairs.get((x, y), 0) for y in self.labels] for x in self.labels]

    def as_dict(self) -> dict[str, Any]:
        kappa = self.kappa
        return {
            "labels": list(self.labels),
            "characters": self.characters,
            "observed": round(self.observed, 4),
            "expected": round(self.expected, 4),
            "kappa": None if kappa is None else round(kappa, 4),
            "matrix": self.matrix(),
        }


def _new_kappas() -> dict[str, Kappa]:
    return {name: Kappa((*(label for label, _ in rules), NONE_LABEL)) for name, rules in KAPPA_LAYERS.items()}


@dataclass
class Agreement:
    """Agreement of A against B over one article or, summed, over many."""

    spans: dict[str, SpanAgreement] = field(default_factory=lambda: {k: SpanAgreement() for k in SPAN_LAYERS})
    quotes: dict[str, QuoteAttributes] = field(default_factory=lambda: {k: QuoteAttributes() for k in QUOTE_GROUPS})
    kappa: dict[str, Kappa] = field(default_factory=_new_kappas)
    articles: int = 0

    def add(self, other: Agreement) -> None:
        for name in SPAN_LAYERS:
            self.spans[name].add(other.spans[name])
        for name in QUOTE_GROUPS:
            self.quotes[name].add(other.quotes[name])
        for name in self.kappa:
            self.kappa[name].add(other.kappa[name])
        self.articles += other.articles

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "spans": {name: value.as_dict() for name, value in self.spans.items()},
            "matched_quotes": {
                name: value.as_dict(with_kind=name == "quote") for name, value in self.quotes.items()
            },
            "kappa": {name: value.as_dict() for name, value in self.kappa.items()},
        }


# Computing -------------------------------------------------------------------------------------
def _layer(document: Document, name: str) -> list[Annotation]:
    active = [a for a in document if a.is_active]
    if name.startswith("quote/"):
        kind = name.split("/", 1)[1]
        return [a for a in active if a.type == "quote" and a.kind == kind]
    return [a for a in active if a.type == name]


def _spans(annotations: Sequence[Annotation]) -> list[tuple[int, int]]:
    return [(a.start, a.end) for a in annotations]


def _counts(pairs: int, a: int, b: int) -> Counts:
    return Counts(tp=pairs, fp=a - pairs, fn=b - pairs)


def agreement(a: Document, b: Document, *, min_share: float = QUOTE_OVERLAP) -> Agreement:
    """Agreement of ``a`` against ``b``, two annotations of the same text.

    Raises:
        ModelError: the documents annotate different texts.
    """
    if a.sha256 != b.sha256:
        raise ModelError(f"the documents {a.id!r} and {b.id!r} annotate different texts")
    result = Agreement(articles=1)
    for name in SPAN_LAYERS:
        side_a, side_b = _layer(a, name), _layer(b, name)
        exact = match_spans(_spans(side_a), _spans(side_b), 1.0)
        overlap = match_spans(_spans(side_a), _spans(side_b), min_share)
        result.spans[name] = SpanAgreement(
            exact=_counts(len(exact), len(side_a), len(side_b)),
            overlap=_counts(len(overlap), len(side_a), len(side_b)),
            a=len(side_a),
            b=len(side_b),
        )
        if name in QUOTE_GROUPS:
            attributes = result.quotes[name]
            for i, j in overlap:
                x, y = side_a[i], side_b[j]
                attributes.kind.total += 1
                attributes.kind.right += x.kind == y.kind
                attributes.speaker.total += 1
                attributes.speaker.right += names_match(x.speaker, y.speaker)
                attributes.cue.total += 1
                attributes.cue.right += cues_match(x.cue, y.cue)
    mask = [not char.isspace() for char in a.text]
    for name, rules in KAPPA_LAYERS.items():
        labels_a = list(compress(character_labels(a, rules), mask))
        labels_b = list(compress(character_labels(b, rules), mask))
        result.kappa[name].pairs.update(zip(labels_a, labels_b, strict=True))
    return result


def character_labels(
    document: Document, rules: Sequence[tuple[str, Callable[[Annotation], bool]]]
) -> list[str]:
    """One label per character of the text (see the module docstring for the precedence)."""
    labels = [NONE_LABEL] * len(document.text)
    active = [a for a in document if a.is_active]
    for label, wanted in reversed(rules):  # lowest precedence first; later labels overwrite
        for annotation in active:
            if wanted(annotation):
                labels[annotation.start : annotation.end] = [label] * annotation.length
    return labels


# Pairing files and folders ---------------------------------------------------------------------
@dataclass
class ArticleResult:
    """One compared article: its name, both files and the agreement."""

    name: str
    sha256: str
    a_path: str
    b_path: str
    agreement: Agreement

    def as_dict(self) -> dict[str, Any]:
        return {
            "article": self.name,
            "sha256": self.sha256,
            "a": self.a_path,
            "b": self.b_path,
            **self.agreement.as_dict(),
        }


@dataclass
class CorpusAgreement:
    """Totals over the articles both sides have, each article's row, and the unpaired files."""

    total: Agreement
    articles: list[ArticleResult]
    only_a: list[str] = field(default_factory=list)
    only_b: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total.as_dict(),
            "per_article": [row.as_dict() for row in self.articles],
            "only_in_a": self.only_a,
            "only_in_b": self.only_b,
            "overlap_rule": f"overlap >= {QUOTE_OVERLAP:g} of the longer span, one-to-one",
            "kappa_characters": "every code point that is not white space",
        }


def corpus_agreement(pairs: Iterable[tuple[str, str, Document, Document]]) -> CorpusAgreement:
    """Agreement over ``(a_path, b_path, a, b)`` pairs of the same articles."""
    total = Agreement()
    rows = []
    for a_path, b_path, a, b in pairs:
        result = agreement(a, b)
        total.add(result)
        rows.append(ArticleResult(a.id, a.sha256, a_path, b_path, result))
    return CorpusAgreement(total, rows)


# Text output -----------------------------------------------------------------------------------
def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _ratio(ratio: Ratio) -> str:
    """``0.750 (3/4)``; a dash when nothing was matched."""
    return f"{_f(ratio.value if ratio.total else None)} ({ratio.right}/{ratio.total})"


def _table(rows: list[tuple[str, ...]], right: Sequence[bool] | None = None) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    right = right or [False] + [True] * (len(widths) - 1)
    lines = []
    for index, row in enumerate(rows):
        cells = [cell.rjust(widths[i]) if right[i] else cell.ljust(widths[i]) for i, cell in enumerate(row)]
        lines.append("  ".join(cells).rstrip())
        if index == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def format_agreement(result: Agreement) -> list[str]:
    """The measures of one agreement as plain-text lines."""
    rows: list[tuple[str, ...]] = [
        ("layer", "A", "B", "exact P", "R", "F1", "overlap P", "R", "F1")
    ]
    for name, value in result.spans.items():
        e, o = value.exact, value.overlap
        rows.append((name, str(value.a), str(value.b), _f(e.precision), _f(e.recall), _f(e.f1),
                     _f(o.precision), _f(o.recall), _f(o.f1)))
    lines = _table(rows)
    lines.append("")
    lines.append("on quotes matched by overlap (same value / matched pairs):")
    rows = [("quotes", "kind", "speaker", "cue")]
    for name, attributes in result.quotes.items():
        rows.append((name, _ratio(attributes.kind) if name == "quote" else "", _ratio(attributes.speaker), _ratio(attributes.cue)))
    lines += _table(rows)
    lines.append("")
    lines.append("Cohen's kappa on character labels (white space left out):")
    rows = [("layer", "labels", "kappa", "po", "pe", "characters")]
    for name, kappa in result.kappa.items():
        rows.append((name, "/".join(kappa.labels), _f(kappa.kappa), _f(kappa.observed), _f(kappa.expected),
                     str(kappa.characters)))
    lines += _table(rows, right=[False, False, True, True, True, True])
    if any(k.kappa is None for k in result.kappa.values()):
        lines.append("  (— : undefined, both annotators gave every character the same label)")
    return lines


def format_corpus(result: CorpusAgreement, a_name: str, b_name: str) -> str:
    """The report ``iqtibas agree`` prints: totals, then one row per article for folders."""
    lines = [f"A: {a_name}", f"B: {b_name}", f"articles compared: {result.total.articles}", ""]
    lines += format_agreement(result.total)
    if len(result.articles) > 1:
        lines.append("")
        lines.append("per article (quote = any kind, overlap F1; speaker = agreement on matched quotes):")
        rows: list[tuple[str, ...]] = [
            ("article", "quotes A", "B", "quote F1", "direct F1", "indirect F1", "speaker", "kappa quotes",
             "kappa structure")
        ]
        for row in result.articles:
            value = row.agreement
            rows.append((
                row.name,
                str(value.spans["quote"].a),
                str(value.spans["quote"].b),
                _f(value.spans["quote"].overlap.f1),
                _f(value.spans["quote/direct"].overlap.f1),
                _f(value.spans["quote/indirect"].overlap.f1),
                _f(value.quotes["quote"].speaker.value if value.quotes["quote"].speaker.total else None),
                _f(value.kappa["quotes"].kappa),
                _f(value.kappa["structure"].kappa),
            ))
        lines += _table(rows)
    return "\n".join(lines)
