"""No article may crash or hang the annotator: random and adversarial text, spans always valid."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.annotator import annotate_text
from core.jsonformat import dumps_document, loads_document
from core.model import Document

_WORDS = ["قال", "وقال", "إن", "أن", "بأن", "الوزير", "أكد", "وأضاف", ":", "،", ".", "مشيرا", "إلى",
          "«", "»", "“", "”", '"', "&quot;", "﴿", "﴾", "(", ")", "\n", "\u00a0", "\u200f", "😀", "𞸀",
          "CNN", "AFP HANDOUT", "اقرأ أيضا:", "ـــ", "يذكر", "قيل", "نقلت", "عن", "قوله", "بحسب"]


def _check(text: str) -> None:
    annotations = annotate_text(text)
    keys = [a.sort_key() for a in annotations]
    for annotation in annotations:
        assert 0 <= annotation.start <= annotation.end <= len(text)
    document = Document(text, id="x", annotations=annotations)  # validates ids and references
    assert loads_document(dumps_document(document)) == document
    assert len(set(keys)) == len(keys)


@given(st.lists(st.sampled_from(_WORDS) | st.text(max_size=6), max_size=120).map(" ".join))
@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_random_token_soup_gives_valid_spans(text: str) -> None:
    _check(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
@settings(max_examples=200, deadline=None)
def test_arbitrary_unicode_gives_valid_spans(text: str) -> None:
    _check(text)


def test_adversarial_inputs() -> None:
    for text in [
        "«" * 5000,
        "»“”\"" * 3000,
        "وقال: «" * 2000,
        ".،:؛!؟" * 2000,
        "أن " * 5000,
        "قال إن " * 3000,
        "\n" * 1000 + "عنوان\n" + "\u00a0" * 1000,
        "😀𞸀" * 3000,
        ("وقال الوزير: “كلام طويل جدا " * 50 + "\n") * 20,
    ]:
        _check(text)


def _best_time(text: str) -> float:
    """CPU time of the fastest of three runs: the least disturbed by other load."""
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        annotate_text(text)
        best = min(best, time.process_time() - started)
    return best


def test_time_grows_linearly_on_a_long_single_line() -> None:
    """A quadratic step would make 4x the text cost 16x; a linear one about 4x. The bound leaves
    room for noise on a shared machine but not for a quadratic step."""
    unit = "وقال الوزير إن «الوضع صعب» وأضاف أن الحكومة “ستعمل” بسرعة، مشيرا إلى أن الخطة جاهزة "
    small = unit * 400  # about 35 KB on one line
    large = unit * 1600  # about 140 KB
    ratio = _best_time(large) / _best_time(small)
    assert ratio < 11, f"4x the text took {ratio:.1f}x the time"


def test_a_megabyte_line_of_unbalanced_marks_finishes() -> None:
    text = ("قال « إن " + "” " * 3 + "أن ") * 60_000  # ~1 MB, one line
    started = time.perf_counter()
    annotations = annotate_text(text[:1_000_000])
    assert time.perf_counter() - started < 120  # a hang guard, not a speed measurement
    assert all(0 <= a.start <= a.end <= 1_000_000 for a in annotations)



def test_the_garbage_collector_is_paused_for_an_article_and_left_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    """``annotate_text`` pauses the cyclic collector while it works and leaves it as it found
    it: on again afterwards (also when annotating fails), off if the program had turned it off."""
    import gc

    import core.annotator.pipeline as pipeline

    seen: list[bool] = []
    real = pipeline.analyse

    def spy(text: str, model: object = None) -> object:
        seen.append(gc.isenabled())
        return real(text, model)  # type: ignore[arg-type]

    assert gc.isenabled()
    monkeypatch.setattr(pipeline, "analyse", spy)
    try:
        annotate_text("عنوان\nوقال الوزير إن الاتفاق قريب.\n")
        assert seen == [False] and gc.isenabled()
        gc.disable()
        annotate_text("وقال الوزير إن الاتفاق قريب.")
        assert seen == [False, False] and not gc.isenabled()
        gc.enable()

        def broken(text: str, model: object = None) -> object:
            raise ZeroDivisionError

        monkeypatch.setattr(pipeline, "analyse", broken)
        with pytest.raises(ZeroDivisionError):
            annotate_text("نص")
        assert gc.isenabled()
    finally:
        gc.enable()
