from __future__ import annotations

from pathlib import Path

import pytest

from core.agreement import KAPPA_LAYERS, Kappa, agreement, character_labels, corpus_agreement, format_corpus
from core.errors import ModelError
from core.model import Annotation, Document

LETTER = "ب"


def letters_document(doc_id: str, quotes: list[tuple[int, int, str]], tail: str = "") -> Document:
    """50 Arabic letters (no white space) plus ``tail``; quotes as (start, end, kind)."""
    document = Document(LETTER * 50 + tail, id=doc_id)
    for index, (start, end, kind) in enumerate(quotes, 1):
        document.add(Annotation(f"q{index}", "quote", start, end, kind=kind))
    return document


def test_kappa_matches_a_hand_computed_example() -> None:
    # Yes/yes 20, yes/no 5, no/yes 10, no/no 15 of 50: po = 0.7, pe = 0.5*0.6 + 0.5*0.4 = 0.5,
    # kappa = (0.7 - 0.5) / (1 - 0.5) = 0.4 (the textbook two-rater example).
    a = letters_document("a", [(0, 25, "direct")])
    b = letters_document("b", [(0, 20, "direct"), (25, 35, "direct")])
    kappa = agreement(a, b).kappa["quotes"]
    assert kappa.characters == 50
    assert kappa.observed == pytest.approx(0.7)
    assert kappa.expected == pytest.approx(0.5)
    assert kappa.kappa == pytest.approx(0.4)
    assert kappa.labels == ("direct", "indirect", "none")
    assert kappa.matrix() == [[20, 0, 5], [0, 0, 0], [10, 0, 15]]


def test_white_space_is_left_out_of_kappa() -> None:
    a = letters_document("a", [(0, 25, "direct")], tail=" \n\u00a0 ")
    b = letters_document("b", [(0, 20, "direct"), (25, 35, "direct"), (50, 54, "direct")], tail=" \n\u00a0 ")
    kappa = agreement(a, b).kappa["quotes"]
    assert kappa.characters == 50
    assert kappa.kappa == pytest.approx(0.4)


def test_kappa_is_undefined_when_every_character_has_one_label() -> None:
    a = letters_document("a", [])
    b = letters_document("b", [])
    kappa = agreement(a, b).kappa["quotes"]
    assert kappa.expected == 1.0 and kappa.observed == 1.0
    assert kappa.kappa is None
    assert kappa.as_dict()["kappa"] is None
    # Both quoting everything is the same degenerate case.
    a = letters_document("a", [(0, 50, "direct")])
    b = letters_document("b", [(0, 50, "direct")])
    assert agreement(a, b).kappa["quotes"].kappa is None
    # An empty matrix (no characters at all) is undefined too.
    assert Kappa(("x", "none")).kappa is None


def test_kappa_with_three_labels_and_nesting() -> None:
    # A: indirect 0-40 with a direct quote 10-20 inside; B: indirect 0-40 only.
    a = letters_document("a", [(0, 40, "indirect"), (10, 20, "direct")])
    b = letters_document("b", [(0, 40, "indirect")])
    kappa = agreement(a, b).kappa["quotes"]
    # Matrix rows A (direct, indirect, none), columns B.
    assert kappa.matrix() == [[0, 10, 0], [0, 30, 0], [0, 0, 10]]
    po = 40 / 50
    pe = (0 * 0 + 30 * 40 + 10 * 10) / 50**2
    assert kappa.kappa == pytest.approx((po - pe) / (1 - pe))


def test_kappa_counts_code_points_with_astral_characters() -> None:
    text = "😀𞸀" * 10 + " قال: «نعم»"
    a = Document(text, id="a")
    b = Document(text, id="b")
    a.add(Annotation("q1", "quote", 0, 20, kind="direct"))
    b.add(Annotation("q1", "quote", 0, 10, kind="direct"))
    kappa = agreement(a, b).kappa["quotes"]
    assert kappa.characters == 20 + len("قال:«نعم»")
    assert kappa.matrix()[0][2] == 10  # ten code points A calls direct and B none


def test_character_labels_follow_precedence() -> None:
    document = Document("abcdefghij", id="d")
    document.add(Annotation("t1", "title", 0, 4))
    document.add(Annotation("b1", "boilerplate", 2, 8))
    document.add(Annotation("h1", "heading", 6, 7))
    labels = character_labels(document, KAPPA_LAYERS["structure"])
    assert labels == ["title"] * 4 + ["boilerplate"] * 2 + ["heading"] + ["boilerplate"] + ["none"] * 2


def test_span_precision_recall_exact_and_overlap() -> None:
    a = letters_document("a", [(0, 10, "direct"), (20, 30, "direct"), (40, 44, "indirect")])
    b = letters_document("b", [(0, 10, "direct"), (21, 30, "direct")])
    result = agreement(a, b)
    direct = result.spans["quote/direct"]
    assert (direct.a, direct.b) == (2, 2)
    assert (direct.exact.tp, direct.exact.fp, direct.exact.fn) == (1, 1, 1)
    assert (direct.overlap.tp, direct.overlap.fp, direct.overlap.fn) == (2, 0, 0)
    whole = result.spans["quote"]
    assert whole.overlap.precision == pytest.approx(2 / 3) and whole.overlap.recall == 1.0
    assert whole.overlap.f1 == pytest.approx(0.8)
    # Swapping the annotators swaps precision and recall.
    swapped = agreement(b, a).spans["quote"]
    assert swapped.overlap.precision == 1.0 and swapped.overlap.recall == pytest.approx(2 / 3)
    # Layers neither annotator used agree trivially.
    assert result.spans["heading"].overlap.f1 == 1.0


def test_overlap_needs_half_of_the_longer_span_and_is_one_to_one() -> None:
    a = letters_document("a", [(0, 20, "direct")])
    b = letters_document("b", [(0, 9, "direct"), (9, 20, "direct")])
    result = agreement(a, b)
    # 0-9 overlaps 9 < 10 (half of 20): no match; 9-20 overlaps 11 >= 10: one match.
    assert result.spans["quote"].overlap.tp == 1
    assert result.spans["quote"].overlap.fn == 1


def test_kind_speaker_and_cue_agreement_on_matched_quotes() -> None:
    text = "قال سامي: «سنبني السد». وأكد سامي أن العمل بدأ. وأضاف أن التمويل جاهز."
    a, b = Document(text, id="a"), Document(text, id="b")
    spans = [(text.index("سنبني السد"), text.index("سنبني السد") + 10),
             (text.index("العمل بدأ"), text.index("العمل بدأ") + 9),
             (text.index("التمويل جاهز"), text.index("التمويل جاهز") + 12)]
    a.add(Annotation("q1", "quote", *spans[0], kind="direct", speaker="سامي", cue="قال"))
    a.add(Annotation("q2", "quote", *spans[1], kind="indirect", speaker="سامى", cue="وأكّد"))
    a.add(Annotation("q3", "quote", *spans[2], kind="indirect", speaker="سامي", cue="وأضاف"))
    b.add(Annotation("q1", "quote", *spans[0], kind="direct", speaker="خالد", cue="قال"))
    b.add(Annotation("q2", "quote", *spans[1], kind="indirect", speaker="سامي", cue="وأكد"))
    b.add(Annotation("q3", "quote", *spans[2], kind="direct", speaker=None, cue="وأضاف"))
    result = agreement(a, b)
    whole = result.quotes["quote"]
    assert (whole.kind.right, whole.kind.total) == (2, 3)
    assert (whole.speaker.right, whole.speaker.total) == (1, 3)  # q2 agrees folded
    assert (whole.cue.right, whole.cue.total) == (3, 3)
    indirect = result.quotes["quote/indirect"]
    assert (indirect.speaker.right, indirect.speaker.total) == (1, 1)  # q3 is not matched per kind


def test_rejected_annotations_do_not_count() -> None:
    a = letters_document("a", [(0, 10, "direct"), (20, 30, "direct")])
    b = letters_document("b", [(0, 10, "direct")])
    a.set_status("q2", "rejected")
    result = agreement(a, b)
    assert result.spans["quote"].a == 1
    assert result.spans["quote"].overlap.f1 == 1.0
    assert result.kappa["quotes"].kappa == pytest.approx(1.0)


def test_different_texts_are_refused() -> None:
    with pytest.raises(ModelError, match="different texts"):
        agreement(letters_document("a", []), Document("x", id="b"))


def test_corpus_totals_pool_counts_and_characters() -> None:
    a1 = letters_document("one", [(0, 25, "direct")])
    b1 = letters_document("one", [(0, 20, "direct"), (25, 35, "direct")])
    a2 = letters_document("two", [(0, 10, "indirect")], tail="ج")
    b2 = letters_document("two", [], tail="ج")
    result = corpus_agreement([("a/one", "b/one", a1, b1), ("a/two", "b/two", a2, b2)])
    assert result.total.articles == 2
    assert [row.name for row in result.articles] == ["one", "two"]
    quotes = result.total.kappa["quotes"]
    assert quotes.characters == 101
    # Pooled: [[20, 0, 5], [0, 0, 0], [10, 0, 15]] from "one" plus 10 indirect/none and 41
    # none/none from "two".
    assert quotes.matrix() == [[20, 0, 5], [0, 0, 10], [10, 0, 56]]
    po = 76 / 101
    pe = (25 * 30 + 10 * 0 + 66 * 71) / 101**2
    assert quotes.kappa == pytest.approx((po - pe) / (1 - pe))
    assert result.total.spans["quote"].a == 2 and result.total.spans["quote"].b == 2
    assert result.total.spans["quote"].overlap.tp == 1
    data = result.as_dict()
    assert data["per_article"][1]["spans"]["quote/indirect"]["overlap"]["recall"] == 1.0
    assert data["per_article"][1]["spans"]["quote/indirect"]["overlap"]["precision"] == 0.0
    text = format_corpus(result, "a", "b")
    assert "per article" in text and "\none " in text and "\ntwo " in text


def test_quote_agreement_matches_the_guideline_scoring_on_real_articles(corpus: Path) -> None:
    """Against gold turned into a document, per-kind overlap counts equal ``iqtibas eval``'s."""
    from core.articles import document_from_text
    from core.evaluate import load_gold, score_article
    from core.loading import read_article

    checked = 0
    for article in sorted((corpus / "articles").glob("*.txt")):
        gold_file = corpus / "gold" / f"{article.stem}.gold.json"
        text = read_article(article).text
        gold = load_gold(gold_file, text)
        predicted = document_from_text(text, doc_id=article.stem, source=None)
        reference = Document(text, id=article.stem)
        for index, quote in enumerate(gold.quotes):
            reference.add(Annotation(f"q{index}", "quote", quote.start, quote.end, kind=quote.kind,
                                     speaker=quote.speaker, cue=quote.cue))
        scores = score_article(gold, predicted)
        result = agreement(predicted, reference)
        for kind in ("direct", "indirect"):
            mine = result.spans[f"quote/{kind}"].overlap
            theirs = scores.quotes[kind]
            assert (mine.tp, mine.fp, mine.fn) == (theirs.tp, theirs.fp, theirs.fn), (article.name, kind)
        cues = sum(result.quotes[f"quote/{kind}"].cue.right for kind in ("direct", "indirect"))
        assert cues == scores.cue.right
        checked += 1
    assert checked >= 10
