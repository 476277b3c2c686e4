"""End-to-end tests of the researcher commands through ``core.cli.main``: agree, report, export,
import. Texts hold astral characters (an emoji, U+1EE00) so that offset conversions are exercised."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.cli import main
from core.interchange import exported
from core.jsonformat import load_document, save_document
from core.model import Annotation, Document

TEXT = (
    "السد الجديد 😀 يفتتح\n"
    "قال الوزير 𞸀 سامي: «سنبني السد هذا العام». وأضاف الوزير أن التمويل متوفر.\n"
    "وأكدت الوكالة أن العمل بدأ."
)
OTHER_TEXT = "خبر آخر\nقال المدير: «لا تعليق»."


def span(text: str, fragment: str) -> tuple[int, int]:
    start = text.index(fragment)
    return start, start + len(fragment)


def annotated(doc_id: str, *, speaker: str = "سامي الوزير", wide: bool = False) -> Document:
    document = Document(TEXT, id=doc_id)
    document.add(Annotation("t1", "title", *span(TEXT, "السد الجديد 😀 يفتتح")))
    document.add(Annotation("sp1", "speaker", *span(TEXT, "الوزير 𞸀 سامي"), speaker=speaker))
    document.add(Annotation("c1", "cue", *span(TEXT, "قال")))
    quote = span(TEXT, "«سنبني السد هذا العام»" if wide else "سنبني السد هذا العام")
    document.add(Annotation("q1", "quote", *quote, kind="direct", speaker=speaker, speaker_id="sp1", cue="قال", cue_id="c1"))
    document.add(Annotation("q2", "quote", *span(TEXT, "التمويل متوفر"), kind="indirect", speaker=speaker, cue="وأضاف"))
    return document


def other_article(doc_id: str) -> Document:
    document = Document(OTHER_TEXT, id=doc_id)
    document.add(Annotation("q1", "quote", *span(OTHER_TEXT, "لا تعليق"), kind="direct", speaker="المدير", cue="قال"))
    return document


def save(document: Document, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return save_document(document, path, keep_backup=False)


# agree -------------------------------------------------------------------------------------------
def test_agree_two_files_prints_the_table(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = save(annotated("art"), tmp_path / "a.iqtibas.json")
    b = save(annotated("art", speaker="خالد", wide=True), tmp_path / "b.iqtibas.json")
    assert main(["agree", str(a), str(b)]) == 0
    out = capsys.readouterr().out
    lines: dict[str, list[str]] = {}
    for line in out.splitlines():
        if line.strip():
            lines.setdefault(line.split()[0], line.split())  # the first table: spans
    # quote/direct: 1 vs 1, exact P R F1 = 0, overlap = 1 (the wide span overlaps 20 of 22).
    assert lines["quote/direct"] == ["quote/direct", "1", "1", "0.000", "0.000", "0.000", "1.000", "1.000", "1.000"]
    assert lines["quote/indirect"][3:] == ["1.000"] * 6
    assert "0.000 (0/2)" in out  # speakers disagree on both matched quotes
    assert "Cohen's kappa" in out and "per article" not in out


def test_agree_json_for_machines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = save(annotated("art"), tmp_path / "a.iqtibas.json")
    b = save(annotated("art", wide=True), tmp_path / "b.iqtibas.json")
    assert main(["agree", "--json", str(a), str(b)]) == 0
    data = json.loads(capsys.readouterr().out)
    total = data["total"]
    assert total["articles"] == 1
    assert total["spans"]["quote"]["exact"]["tp"] == 1 and total["spans"]["quote"]["overlap"]["tp"] == 2
    assert total["matched_quotes"]["quote"]["speaker"] == {"right": 2, "total": 2, "accuracy": 1.0}
    quotes_kappa = total["kappa"]["quotes"]
    assert quotes_kappa["labels"] == ["direct", "indirect", "none"]
    # B's wider quote adds the two guillemets: 2 characters direct in B, none in A.
    assert quotes_kappa["matrix"][2][0] == 2
    assert 0.9 < quotes_kappa["kappa"] < 1.0
    assert data["only_in_a"] == [] and data["per_article"][0]["article"] == "art"


def test_agree_folders_pairs_by_text_and_names_unpaired_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    save(annotated("art"), tmp_path / "A" / "first.iqtibas.json")
    save(other_article("other"), tmp_path / "A" / "sub" / "second.iqtibas.json")
    save(annotated("art", wide=True), tmp_path / "B" / "renamed.iqtibas.json")
    code = main(["agree", str(tmp_path / "A"), str(tmp_path / "B")])
    captured = capsys.readouterr()
    assert code == 1  # computed, but the folders do not hold the same articles
    assert f"only in A: {tmp_path / 'A' / 'sub' / 'second.iqtibas.json'}" in captured.err
    assert "articles compared: 1" in captured.out
    # With the second article on both sides, both are compared and listed per article.
    save(other_article("other"), tmp_path / "B" / "x.iqtibas.json")
    assert main(["agree", "--json", str(tmp_path / "A"), str(tmp_path / "B")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"]["articles"] == 2
    assert sorted(row["article"] for row in data["per_article"]) == ["art", "other"]
    assert main(["agree", str(tmp_path / "A"), str(tmp_path / "B")]) == 0
    out = capsys.readouterr().out
    assert "per article" in out and "\nother " in out


@pytest.mark.parametrize("case", ["different text", "file and folder", "duplicate", "missing", "nothing in common", "broken"])
def test_agree_refuses_unusable_input_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str) -> None:
    a = save(annotated("art"), tmp_path / "A" / "a.iqtibas.json")
    b_dir = tmp_path / "B"
    if case == "different text":
        b = save(other_article("x"), b_dir / "b.iqtibas.json")
        args, expected = [str(a), str(b)], f"{b}: annotates a different text than {a}"
    elif case == "file and folder":
        save(annotated("art"), b_dir / "b.iqtibas.json")
        args, expected = [str(a), str(b_dir)], "give two annotation files or two folders"
    elif case == "duplicate":
        save(annotated("art"), b_dir / "b1.iqtibas.json")
        dup = save(annotated("art2"), b_dir / "b2.iqtibas.json")
        args, expected = [str(tmp_path / "A"), str(b_dir)], f"{dup}: annotates the same article as"
    elif case == "missing":
        args, expected = [str(a), str(tmp_path / "nope.iqtibas.json")], "nope.iqtibas.json: no such file or folder"
    elif case == "nothing in common":
        save(other_article("x"), b_dir / "b.iqtibas.json")
        args, expected = [str(tmp_path / "A"), str(b_dir)], "no article in common"
    else:
        broken = b_dir / "b.iqtibas.json"
        broken.parent.mkdir(parents=True)
        broken.write_text("{not json", encoding="utf-8")
        args, expected = [str(a), str(broken)], f"{broken}: JSON syntax error"
    assert main(["agree", *args]) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert len(err.strip().splitlines()) == 1


# export and import -----------------------------------------------------------------------------
def quote_essence(document: Document) -> list[tuple[object, ...]]:
    rows = []
    for quote in document.of_type("quote", active_only=True):
        mention = document.find(quote.speaker_id)
        rows.append((quote.start, quote.end, quote.kind, quote.speaker, quote.cue,
                     document.span_text(mention) if mention else None))
    return sorted(rows, key=repr)


@pytest.mark.parametrize("fmt", ["doccano", "brat"])
def test_export_then_import_gives_the_same_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    first = save(annotated("art"), tmp_path / "in" / "art.iqtibas.json")
    second = save(other_article("other"), tmp_path / "in" / "other.iqtibas.json")
    target = tmp_path / ("out.jsonl" if fmt == "doccano" else "brat")
    assert main(["export", "--to", fmt, str(tmp_path / "in"), "-o", str(target)]) == 0
    imported = tmp_path / "imported"
    source = [str(target)]
    assert main(["import", "--from", fmt, *source, "-o", str(imported), "--status", "pending"]) == 0
    err = capsys.readouterr().err
    assert f"2 articles, 6 annotations imported into {imported}" in err
    for original in (first, second):
        before = load_document(original)
        after = load_document(imported / original.name)
        assert after.text == before.text
        assert quote_essence(after) == quote_essence(before)
        assert {a.status for a in exported(after)} == {"pending"} and {a.origin for a in exported(after)} == {"manual"}
        assert after.of_type("paragraph") and after.of_type("section")  # derived for the outline
    # Importing again refuses to overwrite, and writes nothing, until --force.
    assert main(["import", "--from", fmt, *source, "-o", str(imported)]) == 2
    assert "exists; use --force" in capsys.readouterr().err
    assert main(["import", "--from", fmt, *source, "-o", str(imported), "--force"]) == 0
    assert {a.status for a in exported(load_document(imported / "art.iqtibas.json"))} == {"accepted"}


def test_export_doccano_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = save(annotated("art"), tmp_path / "art.iqtibas.json")
    assert main(["export", "--to", "doccano", str(path)]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    record = json.loads(line)
    assert record["text"] == TEXT
    start, end = span(TEXT, "التمويل متوفر")
    # Two astral characters precede the quote: doccano's UTF-16 offsets are two units further.
    assert [start + 2, end + 2, "IndirectQuote"] in record["label"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["export", "--to", "brat", "IN"], "--to brat: writes one .txt and one .ann per article: give the output folder with -o DIR"),
        (["export", "--to", "doccano", "--include-rejected", "IN"], "--include-rejected applies to csv, jsonl, parquet, xmi only"),
        (["import", "--from", "doccano", "--label", "PER", "IN", "-o", "OUT"], "--label PER: expected THEIRS=OURS"),
        (["import", "--from", "brat", "IN", "-o", "OUT"], "give brat .ann or .txt files, or folders of them"),
        (["import", "--from", "doccano", "IN", "-o", "OUT"], "JSON syntax error"),
    ],
)
def test_export_and_import_refuse_bad_requests(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], expected: str
) -> None:
    source = save(annotated("art"), tmp_path / "art.iqtibas.json")
    replacements = {"IN": str(source), "OUT": str(tmp_path / "out")}
    assert main([replacements.get(arg, arg) for arg in args]) == 2
    err = capsys.readouterr().err
    assert expected in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_import_warns_and_exits_1_when_something_is_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps({"text": "قال 😀 سامي", "label": [[0, 3, "Cue"], [7, 11, "PER"]]}, ensure_ascii=False), encoding="utf-8")
    assert main(["import", "--from", "doccano", str(path), "-o", str(tmp_path / "out")]) == 1
    assert "unknown label 'PER' left out" in capsys.readouterr().err
    document = load_document(tmp_path / "out" / "x-1.iqtibas.json")
    assert [(a.type, document.span_text(a)) for a in exported(document)] == [("cue", "قال")]
    assert main(["import", "--from", "doccano", str(path), "-o", str(tmp_path / "out"), "-f", "--label", "PER=Speaker"]) == 0
    document = load_document(tmp_path / "out" / "x-1.iqtibas.json")
    assert [document.span_text(a) for a in document.of_type("speaker")] == ["سامي"]
