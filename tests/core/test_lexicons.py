"""The word lists in ``resources/lexicons``: each says what it is for, and the annotator reads each one."""

from __future__ import annotations

from pathlib import Path

import core
from core.annotator import lexicon
from core.resources import resource

LEXICON_FILES = sorted(
    (entry for entry in resource("lexicons").iterdir() if entry.name.endswith((".txt", ".tsv"))), key=lambda e: e.name
)


def test_every_lexicon_opens_with_a_comment_saying_what_it_is_for() -> None:
    assert LEXICON_FILES
    for entry in LEXICON_FILES:
        first = entry.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# ") and len(first) > 30, entry.name


def test_every_lexicon_is_read_by_the_code() -> None:
    sources = "\n".join(path.read_text(encoding="utf-8") for path in Path(core.__file__).parent.rglob("*.py"))
    unread = [entry.name for entry in LEXICON_FILES if entry.name.rsplit(".", 1)[0] not in sources]
    assert unread == []


def test_words_are_folded_as_the_tokens_are() -> None:
    # Written with their hamza and alif maqsura, matched in the folded shadow of the text.
    assert {"علي", "الي", "لدي"} <= lexicon.words("prepositions")
    assert {"ان", "لكن", "اذ", "ايضا"} <= lexicon.words("clause_openers")
    assert "ال" in lexicon.words("name_particles")  # آل سعود


def test_phrases_keep_their_spelling_and_order() -> None:
    labels = lexicon.phrases("tag_list_labels")
    assert labels[:2] == ("سمات", "وسوم")
    assert "كلمات مفتاحية" in labels and "Tags" in labels
