"""``ArticleWords.echo``: how often a sequence of tokens recurs in the article."""

from __future__ import annotations

from core.annotator.speaker_words import ECHO_MAX, ArticleWords
from core.annotator.tokens import TokenizedText
from core.annotator.wordstats import WordStats


def _brute_force(norms: list[str], sequence: tuple[str, ...]) -> int:
    size = len(sequence)
    return sum(1 for k in range(len(norms) - size + 1) if tuple(norms[k : k + size]) == sequence)


def test_echo_counts_every_sequence_as_a_scan_of_the_text_would() -> None:
    # "قال" recurs far more often than the words after it, as "في" or "،" do in a long text:
    # both ways of counting (place by place, and everything after a frequent word) are used.
    sentences = [f"قال الوزير {name} إن الاتفاق قريب، وقال المتحدث {name}." for name in ("سعيد", "علي", "سعيد", "منى")]
    text = "\n".join(sentences * 6)
    tokenized = TokenizedText(text)
    words = ArticleWords(tokenized, WordStats({}))
    norms = [t.norm for t in tokenized.tokens]
    assert norms.count("قال") > 16
    sequences = {tuple(norms[k : k + n]) for n in range(1, ECHO_MAX + 1) for k in range(len(norms) - n + 1)}
    for sequence in sorted(sequences):
        assert words.echo(sequence) == _brute_force(norms, sequence), sequence
    assert words.echo(("قال", "الوزير", "سعيد")) == 12
    assert words.echo(("لم", "يقل")) == 0  # absent
    assert words.echo(()) == 0
    assert words.echo(tuple(norms[: ECHO_MAX + 1])) == 0  # longer than counted


def test_the_process_wide_statistics_cache_keeps_only_the_tables_words() -> None:
    """One process annotates thousands of articles (``annotate --jobs``, the window's helper):
    words the table never counted are answered ``rare`` without joining the shared cache."""
    from core.annotator.speaker_words import _BINNED_STATS
    from core.annotator.wordstats import shipped

    stats = shipped()
    tokenized = TokenizedText("قال الوزير زوبرفلكس إن كرافيتوش قريب.")
    words = ArticleWords(tokenized, stats)
    for token in tokenized.tokens:
        words.word_stats(token.norm)
    assert words.word_stats("زوبرفلكس") == ("rare",)
    assert words.word_stats("الوزير") != ("rare",)
    cached = _BINNED_STATS[stats]
    assert "الوزير" in cached and "زوبرفلكس" not in cached and "كرافيتوش" not in cached
