"""The command line end to end: annotate, outline, validate, eval, export, help and errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core.cli import COMMANDS, main
from core.jsonformat import load_document, save_document
from core.resources import SAMPLE_ARTICLE, read_text
from tests.conftest import ROOT

ARTICLE = (
    "الوزير يعلن خطة جديدة للمياه\n"
    "وقال وزير المياه سامي علي في مؤتمر صحفي: «سنبدأ تنفيذ الخطة في كل القرى الشهر المقبل».\n"
    "وأكد الوزير أن التمويل متوفر بالكامل لهذا العام.\n"
)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "sub").mkdir(parents=True)
    (root / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "sub" / "two.txt").write_text(read_text(SAMPLE_ARTICLE), encoding="utf-8")
    (root / "sub" / "broken.txt").write_bytes(b"\x00\x01\x02 binary junk")
    return root


def test_annotate_a_folder_reports_the_bad_file_and_writes_the_rest(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["annotate", str(folder), "--jobs", "2"], capsys)
    assert code == 2  # something failed
    assert f"{folder / 'sub' / 'broken.txt'}: binary file" in err
    assert "Traceback" not in err
    assert (folder / "one.iqtibas.json").exists() and (folder / "sub" / "two.iqtibas.json").exists()
    assert not (folder / "sub" / "broken.iqtibas.json").exists()
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("3 articles: 2 written, 0 refreshed, 0 skipped, 1 error;")
    document = load_document(folder / "one.iqtibas.json")
    assert any(a.type == "quote" for a in document)


def test_annotate_into_an_output_folder_keeps_the_structure(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    code, _, _ = run(["annotate", str(folder / "one.txt"), str(folder), "-o", str(out_dir), "-j", "1", "-q"], capsys)
    assert code == 2
    assert (out_dir / "one.iqtibas.json").exists()
    assert (out_dir / "sub" / "two.iqtibas.json").exists()
    assert not (folder / "one.iqtibas.json").exists()


def test_annotate_globs_and_skips_existing_files_without_force(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pattern = str(folder / "*.txt")
    assert run(["annotate", pattern], capsys)[0] == 0
    code, out, _ = run(["annotate", pattern], capsys)
    assert code == 0 and "1 skipped" in out


def test_reannotation_never_loses_human_work(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = folder / "one.txt"
    run(["annotate", str(article)], capsys)
    target = folder / "one.iqtibas.json"
    document = load_document(target)
    quote = next(a for a in document if a.type == "quote")
    document.set_status(quote.id, "rejected")
    document.update(quote.id, note="not a quote: a slogan")
    save_document(document, target)
    code, out, _ = run(["annotate", str(article), "--force"], capsys)
    assert code == 0 and "1 refreshed" in out
    again = load_document(target)
    assert again.get(quote.id) == document.get(quote.id)
    assert sum(1 for a in again if (a.type, a.start, a.end) == ("quote", quote.start, quote.end)) == 1
    # The article text changes: a file holding human decisions is left untouched.
    before = target.read_bytes()
    article.write_text(ARTICLE + "فقرة جديدة أضيفت لاحقا.\n", encoding="utf-8")
    code, _, err = run(["annotate", str(article), "--force"], capsys)
    assert code == 2 and "the article text changed" in err
    assert target.read_bytes() == before


def test_outline_in_logical_and_visual_order_and_as_json(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = folder / "one.txt"
    code, out, _ = run(["outline", str(article)], capsys)
    assert code == 0
    assert "# الوزير يعلن خطة جديدة للمياه" in out
    assert "[direct] سامي علي | وقال" in out
    assert "سنبدأ تنفيذ الخطة" in out
    code, visual, _ = run(["outline", str(article), "--visual"], capsys)
    assert code == 0
    assert any("\ufe70" <= char <= "\ufeff" for char in visual)  # shaped presentation forms
    assert "سنبدأ تنفيذ الخطة" not in visual  # reordered and reshaped for dumb terminals
    code, raw, _ = run(["outline", str(article), "--json"], capsys)
    data = json.loads(raw)
    assert data["format"] == "iqtibas" and data["document"]["text"] == ARTICLE


def test_outline_of_the_bundled_sample_through_the_installed_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "gui", "outline", str(ROOT / "resources" / SAMPLE_ARTICLE)],
        capture_output=True, text=True, cwd=ROOT, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "## Speakers" in result.stdout and "سامي الخطيب" in result.stdout


def test_validate_reports_one_line_per_problem(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["annotate", str(folder / "one.txt")], capsys)
    target = folder / "one.iqtibas.json"
    code, out, _ = run(["validate", str(target)], capsys)
    assert code == 0 and out.strip() == f"{target}: valid"
    data = json.loads(target.read_text(encoding="utf-8"))
    data["annotations"][0]["text"] = "نص آخر"
    data["annotations"][1]["start"] = -3
    data["document"]["sha256"] = "a" * 64
    broken = folder / "broken.iqtibas.json"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(["validate", str(broken), str(target)], capsys)
    assert code == 1
    problems = [line for line in out.splitlines() if line.startswith(str(broken))]
    assert len(problems) == 1 and "at annotations/1/start" in problems[0]  # schema first
    assert f"{target}: valid" in out
    data["annotations"][1]["start"] = data["annotations"][1]["end"]
    data["annotations"][1]["text"] = ""
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run(["validate", str(broken)], capsys)
    assert code == 1
    assert len(out.strip().splitlines()) == 2  # the sha256 and the span text, one line each


def _mini_corpus(root: Path) -> Path:
    """A corpus whose gold is exactly what the annotator predicts (so scores are 1.0)."""
    from core.articles import document_from_text

    (root / "articles").mkdir(parents=True)
    (root / "gold").mkdir()
    (root / "articles" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    document = document_from_text(ARTICLE, doc_id="a", source=None)

    def span(annotation):
        return {"start": annotation.start, "end": annotation.end, "text": document.span_text(annotation)}

    title = document.of_type("title")
    gold = {
        "file": "a.txt",
        "title": span(title[0]) if title else None,
        "headings": [span(a) for a in document.of_type("heading")],
        "boilerplate": [span(a) for a in document.of_type("boilerplate")],
        "quotes": [
            {**span(q), "kind": q.kind, "speaker": q.speaker, "aliases": [], "cue": q.cue}
            for q in document.of_type("quote")
        ],
    }
    (root / "gold" / "a.gold.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    return root


def test_eval_on_a_perfect_mini_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = _mini_corpus(tmp_path / "c")
    code, out, _ = run(["eval", str(corpus)], capsys)
    assert code == 0
    assert "direct quotes        1.000      1.000   1.000" in out
    code, out, _ = run(["eval", str(corpus), "--json"], capsys)
    data = json.loads(out)
    assert data["quotes"]["indirect"]["f1"] == 1.0 and data["title_accuracy"]["accuracy"] == 1.0
    # Predictions read from files: remove a quote and the score drops.
    predictions = tmp_path / "pred"
    predictions.mkdir()
    run(["annotate", str(corpus / "articles"), "-o", str(predictions), "-q"], capsys)
    document = load_document(predictions / "a.iqtibas.json")
    quote = next(a for a in document if a.type == "quote" and a.kind == "direct")
    document.set_status(quote.id, "rejected")
    save_document(document, predictions / "a.iqtibas.json")
    code, out, _ = run(["eval", str(corpus), "--pred", str(predictions), "--json", "--errors"], capsys)
    data = json.loads(out)
    assert data["quotes"]["direct"]["recall"] == 0.0
    assert any(e["category"] == "quote-direct" and e["what"] == "miss" for e in data["errors"])


def test_eval_refuses_a_folder_that_is_not_a_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["eval", str(tmp_path)], capsys)
    assert code == 2 and "not a corpus folder" in err


def test_export_csv_and_jsonl_rows_match_the_text(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(["annotate", str(folder), "-q"], capsys)
    code, out, _ = run(["export", str(folder), "--to", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and {"article", "kind", "speaker", "cue", "text", "start", "end", "status"} <= set(rows[0])
    texts = {p.stem.split(".")[0]: load_document(p).text for p in folder.rglob("*.iqtibas.json")}
    for row in rows:
        assert texts[row["article"]][int(row["start"]) : int(row["end"])] == row["text"]
    code, out, _ = run(["export", str(folder), "--to", "jsonl"], capsys)
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == len(rows)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([command, "--help"])
    assert exit_info.value.code == 0
    assert "usage: iqtibas " + command in capsys.readouterr().out


def test_version_and_missing_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("iqtibas ")
    code, _, err = run(["outline", str(tmp_path / "missing.txt")], capsys)
    assert code == 2 and err.strip() == f"iqtibas: {tmp_path / 'missing.txt'}: no such file"


def test_counts_agree_with_their_number(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 9, item 10: `iqtibas outline` printed "1 quotes"."""
    from core.outline import outline_lines
    from core.wording import count

    assert (count(1, "quote"), count(0, "quote"), count(2, "quote")) == ("1 quote", "0 quotes", "2 quotes")
    article = tmp_path / "one.txt"
    article.write_text("عنوان الخبر\nوقال الوزير سامي علي: «سنبدأ تنفيذ الخطة في كل القرى».\n", encoding="utf-8")
    code, out, _ = run(["annotate", str(article)], capsys)
    assert code == 0 and out.rstrip().endswith("1 article: 1 written, 0 refreshed, 0 skipped, 0 errors; 1 quote")
    lines = outline_lines(load_document(tmp_path / "one.iqtibas.json"))
    assert any(": 1 quote " in line + " " for line in lines) and not any("1 quotes" in line for line in lines)
