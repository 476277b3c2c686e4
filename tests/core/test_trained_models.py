"""The bundled model and word statistics, the ``train`` command and models given by file.

The shipped files must be exactly what the documented commands build from ``../shared/corpus``
(skipped where the corpus is absent): learned weights ship, and anyone can rebuild them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.annotator import wordstats
from core.annotator.trained import AnnotatorModel, default_model, load_model
from core.articles import document_from_text
from core.cli import main
from core.errors import InputError
from core.jsonformat import save_document
from core.resources import resource

ROOT = Path(__file__).resolve().parents[2]


def _unlabeled(corpus: Path) -> Path:
    path = corpus / "unlabeled" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip("the unlabeled articles are not available here")
    return path


def test_shipped_word_statistics_are_what_the_command_builds(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "word_stats.tsv.gz"
    assert main(["train", "--word-stats", str(_unlabeled(corpus)), "-o", str(out)]) == 0
    assert out.read_bytes() == resource(wordstats.WORD_STATS).read_bytes()


def test_shipped_model_is_what_the_command_builds(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "annotator.json"
    assert main(["train", "--gold", str(corpus), "-o", str(out)]) == 0
    built = json.loads(out.read_text(encoding="utf-8"))
    shipped = json.loads(resource("models/annotator.json").read_text(encoding="utf-8"))
    assert built["meta"] == shipped["meta"]
    # The same features with the same weights; floating point may differ in the last digit
    # between processors, nothing more.
    for part in ("mention", "speaker", "boilerplate", "naming"):
        assert built[part].keys() == shipped[part].keys(), part
        far = {k: (v, shipped[part][k]) for k, v in built[part].items() if abs(v - shipped[part][k]) > 2e-3}
        assert far == {}, part
    flat = [x for step in built["speaker_calibration"] for x in step]
    assert flat == pytest.approx([x for step in shipped["speaker_calibration"] for x in step], abs=1e-2)


def test_the_bundled_model_is_trained_and_holds_no_article_text() -> None:
    model = default_model()
    assert model.is_trained and model.calibration.steps and model.naming.weights
    # Features name word classes and frequent single words; no multi-word string of an article.
    for name in list(model.mention.weights) + list(model.speaker.weights) + list(model.naming.weights):
        assert name.count(" ") == 0, name


def test_a_model_file_that_is_not_a_model_is_refused_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad\.json"):
        load_model(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read the annotator model"):
        load_model(bad)


def _reviewed_file(folder: Path, name: str, text: str, speaker: str) -> Path:
    """An annotated article whose quotes a person accepted with ``speaker`` as their speaker."""
    document = document_from_text(text, doc_id=name, source=None)
    for annotation in list(document):
        if annotation.type == "quote":
            document.replace(annotation.with_changes(status="accepted", speaker=speaker))
    path = folder / f"{name}.iqtibas.json"
    save_document(document, path)
    return path


def test_train_refines_the_bundled_model_on_reviewed_files(tmp_path: Path, capsys) -> None:
    reviewed = tmp_path / "reviewed"
    reviewed.mkdir()
    for k in range(3):
        _reviewed_file(
            reviewed, f"a{k}",
            "عنوان الخبر\nوقال مسؤول حكومي لرويترز إن الاتفاق سيوقع قريبا.\nوأضاف أن الوفد وصل أمس.\n",
            "مسؤول حكومي",
        )
    out = tmp_path / "team.json"
    assert main(["train", str(reviewed), "-o", str(out)]) == 0
    assert "3 reviewed articles" in capsys.readouterr().out
    model = load_model(out)
    assert model.is_trained and model.meta["refines"] == "bundled"
    assert model.meta["reviewed_articles"] == 3
    # Weights the reviewed files do not touch keep the bundled values.
    untouched = next(k for k in default_model().speaker.weights if k not in model.meta)
    assert untouched in model.speaker.weights


def test_train_without_anything_to_learn_from_says_so(tmp_path: Path, capsys) -> None:
    assert main(["train", "-o", str(tmp_path / "m.json")]) == 2
    assert "nothing to train on" in capsys.readouterr().err


def test_annotate_and_eval_take_a_model_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("عنوان\nوقال الوزير إن الاتفاق قريب.\n", encoding="utf-8")
    model_file = tmp_path / "m.json"
    model_file.write_text(AnnotatorModel().dumps(), encoding="utf-8")  # rules only
    assert main(["annotate", str(article), "--model", str(model_file), "-q"]) == 0
    saved = json.loads((tmp_path / "a.iqtibas.json").read_text(encoding="utf-8"))
    quote = next(a for a in saved["annotations"] if a["type"] == "quote")
    assert quote["speaker"] == "الوزير" and "speaker_confidence" not in quote
    assert main(["annotate", str(article), "--model", str(tmp_path / "missing.json"), "-q", "-f"]) == 2
