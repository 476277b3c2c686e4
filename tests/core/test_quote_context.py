"""The quote finder's per-token tables, built in one pass, against their per-token definitions."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from core.annotator.layout import paragraphs
from core.annotator.quotes.context import ArticleContext, sentence_table_ends, sentence_table_starts
from core.annotator.tokens import TokenizedText

TEXT = "قال الوزير، إن «الاتفاق» قريب. وأضاف: نعم.\nوتابع 3.5 مليون \"دولار\" د. أحمد...\n\nالمصدر: رويترز\n"
_ranges = st.lists(
    st.tuples(st.integers(0, len(TEXT)), st.integers(0, 40)).map(lambda r: (r[0], min(len(TEXT), r[0] + r[1]))), max_size=6
)


@given(_ranges)
@settings(max_examples=300, deadline=None)
def test_excluded_tokens_are_the_tokens_is_excluded_names(excluded: list[tuple[int, int]]) -> None:
    """Excluded ranges (title, headings, boilerplate) mark the tokens they overlap; the table
    is built by bisection per range and must agree with ``is_excluded`` token by token, empty
    and touching ranges included."""
    tokenized = TokenizedText(TEXT)
    context = ArticleContext(tokenized, paragraphs(TEXT), excluded)
    assert context._excluded_tokens() == [context.is_excluded(t.start, t.end) for t in tokenized.tokens]


def test_sentences_end_at_stops_outside_quotes_and_at_excluded_tokens() -> None:
    text = "قال «نعم. لا» ثم ذهب. وعاد"
    tokenized = TokenizedText(text)
    context = ArticleContext(tokenized, paragraphs(text), [(text.index("ثم"), text.index("ثم") + 2)])
    norms = [t.norm for t in tokenized.tokens]
    inside = norms.index("لا")
    assert context.sentence_start(inside) == norms.index("لا")  # inside the quote, its own stop counts
    assert context.sentence_end(0) == norms.index("ثم")  # the excluded word ends the first sentence
    assert context.sentence_start(norms.index("وعاد")) == norms.index("وعاد")
    assert context.sentence_end(norms.index("ذهب")) == norms.index(".", norms.index("ذهب"))


def _starts_token_by_token(count: int, openings: set[int], stops: set[int]) -> list[int]:
    """The sentence-start table as the loop it replaced computed it, token by token."""
    table, start = [], 0
    for j in range(count):
        if j in openings:
            start = j
        table.append(start)
        if j in stops:
            start = j + 1
    return table


def _ends_token_by_token(count: int, openings: set[int], stops: set[int]) -> list[int]:
    table, end = [count] * count, count
    for j in range(count - 1, -1, -1):
        if j + 1 in openings:
            end = j + 1
        if j in stops:
            end = j
        table[j] = end
    return table


@given(st.integers(0, 60).flatmap(lambda n: st.tuples(st.just(n), st.sets(st.integers(1, max(n - 1, 1))), st.sets(st.integers(0, max(n - 1, 0))))))
@settings(max_examples=500, deadline=None)
def test_sentence_tables_filled_run_by_run_agree_with_the_token_by_token_loops(case: tuple[int, set[int], set[int]]) -> None:
    """Paragraph openings and stops anywhere (a stop right before an opening, on it, at the
    first or last token, several in a row): the run-by-run tables equal the per-token loops."""
    count, openings, stops = case
    openings = {m for m in openings if m < count}
    stops = {k for k in stops if k < count}
    assert sentence_table_starts(count, sorted(openings), sorted(stops)) == _starts_token_by_token(count, openings, stops)
    assert sentence_table_ends(count, sorted(openings), sorted(stops)) == _ends_token_by_token(count, openings, stops)
