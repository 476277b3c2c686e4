"""Which annotator model annotates: the bundled one, or a file ``iqtibas train`` wrote (issue 8 point 4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.annotator.trained import AnnotatorModel, default_model, model_from
from core.articles import open_article
from core.carryover import carry_over
from core.errors import InputError
from core.resources import SAMPLE_ARTICLE, read_text


@pytest.fixture
def rules_only(tmp_path: Path) -> Path:
    """A model without learned weights: the rules' choices, and no speaker confidence."""
    path = tmp_path / "rules-only.json"
    path.write_text(AnnotatorModel().dumps(), encoding="utf-8")
    return path


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "wadi.txt"
    path.write_text(read_text(SAMPLE_ARTICLE), encoding="utf-8")
    return path


def test_open_article_annotates_with_the_model_file_it_is_given(article: Path, rules_only: Path) -> None:
    bundled = open_article(article).document.of_type("quote")
    chosen = open_article(article, model_path=str(rules_only)).document.of_type("quote")
    assert default_model().is_trained and bundled
    assert all(q.speaker_confidence is not None for q in bundled)
    assert [(q.start, q.end) for q in chosen] == [(q.start, q.end) for q in bundled]
    assert all(q.speaker_confidence is None for q in chosen)


def test_carry_over_reannotates_with_the_model_file_it_is_given(article: Path, rules_only: Path) -> None:
    saved = open_article(article).document
    edited = saved.text.replace("\n", "\n\n", 1)
    quotes = carry_over(saved, edited, model_path=str(rules_only)).document.of_type("quote")
    assert quotes and all(q.speaker_confidence is None for q in quotes)


def test_a_model_file_is_read_once_and_again_after_it_changes(rules_only: Path) -> None:
    first = model_from(str(rules_only))
    assert first is not None and model_from(rules_only) is first and model_from(None) is None and model_from("") is None
    rules_only.write_text(default_model().dumps(), encoding="utf-8")
    stat = rules_only.stat()
    os.utime(rules_only, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    again = model_from(rules_only)
    assert again is not first and again is not None and again.is_trained and not first.is_trained


def test_a_missing_or_broken_model_file_is_named_in_the_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nowhere\.json"):
        model_from(tmp_path / "nowhere.json")
    broken = tmp_path / "broken.json"
    broken.write_text('{"speaker": 3', encoding="utf-8")
    with pytest.raises(InputError, match=r"broken\.json.*annotator model"):
        model_from(broken)
