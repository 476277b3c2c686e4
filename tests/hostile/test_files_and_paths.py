"""Issue 10, items 3, 6, 7, 13 and 15: odd paths and file-system faults get one line naming the
file, and temporary files a kill leaves behind are cleaned up by the next save."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from core.atomic import atomic_write_bytes, temporary_pattern
from core.errors import SaveError, printable
from core.jsonformat import load_document, save_document
from tests.conftest import ROOT
from tests.hostile.conftest import Run


def _command(*args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``iqtibas ARGS…`` in a child process with a strict UTF-8 standard output, as in a terminal."""
    env = {**os.environ, "LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "gui", *map(str, args)], cwd=ROOT, env=env, capture_output=True, text=True,
        errors="backslashreplace", timeout=timeout, check=False,
    )


# Item 7: a FIFO, a device ------------------------------------------------------------------
def test_annotate_refuses_a_fifo_instead_of_blocking_forever(tmp_path: Path) -> None:
    fifo = tmp_path / "news.txt"
    os.mkfifo(fifo)
    result = _command("annotate", fifo, timeout=60)  # blocked forever before: TimeoutExpired
    assert result.returncode == 2
    assert f"error: {fifo}: is a named pipe (FIFO), not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["outline", "validate", "export"])
def test_an_annotation_file_that_is_a_fifo_or_a_device_is_refused(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / "a.iqtibas.json"
    os.mkfifo(fifo)
    extra = ["--to", "csv"] if command == "export" else []
    for path, words in [(fifo, "is a named pipe (FIFO), not a regular file"), (Path("/dev/zero"), "is a device, not a regular file")]:
        result = _command(command, path, *extra, timeout=60)  # a FIFO blocked, /dev/zero never ended
        assert result.returncode == (1 if command == "validate" else 2)
        output = (result.stdout if command == "validate" else result.stderr).strip()
        assert output.startswith(f"{path}: " if command == "validate" else f"iqtibas: {path}: ")
        assert words in output and "\n" not in output and "Traceback" not in result.stderr


# Item 6: names that are not UTF-8, names too long ------------------------------------------------
def test_annotate_a_file_whose_name_is_not_utf8(tmp_path: Path, sample: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    article = Path(os.fsdecode(bytes(folder) + b"/b\xff.txt"))
    article.write_bytes(sample.with_name("a.txt").read_bytes())
    result = _command("annotate", folder)
    assert result.returncode == 0, result.stderr
    assert "written: " in result.stdout and "b\\xff.iqtibas.json" in result.stdout
    assert len(result.stderr) < 200
    document = load_document(Path(os.fsdecode(bytes(folder) + b"/b\xff.iqtibas.json")))
    assert document.id == "b\\xff" and document.source.endswith("b\\xff.txt")


def test_report_lists_files_with_odd_or_long_names(tmp_path: Path, sample: Path, cli: Run) -> None:
    folder = sample.parent
    (folder / ("x" * 245 + ".txt")).write_bytes((folder / "a.txt").read_bytes())  # its .iqtibas.json name is too long
    Path(os.fsdecode(bytes(folder) + b"/c\xff.txt")).write_bytes((folder / "a.txt").read_bytes())
    Path(os.fsdecode(bytes(folder) + b"/d\xff.iqtibas.json")).write_text("{", encoding="utf-8")
    page = tmp_path / "report.html"
    code, _, err = cli("report", folder, "-o", page)
    assert code == 1  # the broken one is listed
    assert f"unreadable: {folder}/d\\xff.iqtibas.json: JSON syntax error" in err
    html = page.read_text(encoding="utf-8")
    assert "c\\xff" in html and "d\\xff" in html and "x" * 245 in html


def test_validate_and_outline_print_odd_names(tmp_path: Path, sample: Path) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/e\xff.iqtibas.json"))
    odd.write_bytes(sample.read_bytes())
    result = _command("validate", odd)
    assert result.returncode == 0 and result.stdout.strip().endswith("e\\xff.iqtibas.json: valid")


# Item 15: a folder where the file goes, an unwritable output, an over-long name ------------------
def test_annotate_when_the_annotation_file_is_a_folder(sample: Path, cli: Run) -> None:
    article = sample.with_name("a.txt")
    sample.unlink()
    sample.mkdir()
    code, out, err = cli("annotate", article)
    assert code == 2
    assert err == f"error: {sample}: is a folder, not an annotation file\n"
    assert "0 written" in out


def test_annotate_into_an_unwritable_output_folder(sample: Path, tmp_path: Path, cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:  # a read-only folder (the tests may run as root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "mkdir", refuse)
    code, _, err = cli("annotate", sample.with_name("a.txt"), "-o", tmp_path / "ro" / "out", "-j", "1")
    assert code == 2
    assert err == f"error: {tmp_path / 'ro' / 'out'}: cannot create the folder: Permission denied\n"


def test_annotate_an_article_whose_annotation_name_is_too_long(tmp_path: Path, sample: Path, cli: Run) -> None:
    article = tmp_path / ("ك" * 120 + ".txt")  # its .iqtibas.json has 253 bytes: fits, its temporary would not
    article.write_bytes(sample.with_name("a.txt").read_bytes())
    longer = tmp_path / ("x" * 250 + ".txt")
    longer.write_bytes(sample.with_name("a.txt").read_bytes())
    code, _out, err = cli("annotate", article, longer, "-j", "1")
    assert code == 2
    target = tmp_path / ("x" * 250 + ".iqtibas.json")
    assert err == f"error: {target}: the file name is too long for this file system\n"
    assert "unexpected" not in err and "OSError" not in err
    assert (tmp_path / ("ك" * 120 + ".iqtibas.json")).exists()  # 253 bytes: its temporary name was shortened


def test_saving_under_a_name_too_long_for_a_backup_says_so(tmp_path: Path, sample: Path) -> None:
    target = tmp_path / ("y" * 240 + ".iqtibas.json")  # 253 bytes; .bak would be 257
    document = load_document(sample)
    save_document(document, target)
    with pytest.raises(SaveError, match=r"too long to keep the previous version beside it as \.bak"):
        save_document(document, target)
    assert load_document(target) == document
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_save_leaves_the_documents_stamp_as_it_was(
    tmp_path: Path, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second save fails a second later than the first: the document must still say when it
    was last saved, not when a save was tried (it equals the file on disk)."""
    import core.jsonformat.writer as writer

    clock = iter(["2026-12-07T10:00:00Z", "2026-12-07T10:00:01Z"])
    monkeypatch.setattr(writer, "now_iso", lambda: next(clock))
    target = tmp_path / ("y" * 240 + ".iqtibas.json")  # no room for the .bak beside it
    document = load_document(sample)
    save_document(document, target)
    with pytest.raises(SaveError):
        save_document(document, target)
    assert document.meta["modified"] == "2026-12-07T10:00:00Z"
    assert load_document(target) == document


# Item 3: a value that cannot be stored ------------------------------------------------------------
def test_annotate_force_on_a_file_with_a_lone_surrogate_prints_one_short_line(sample: Path, cli: Run) -> None:
    data = json.loads(sample.read_text(encoding="utf-8"))
    data["annotations"][0]["note"] = "\ud800"
    sample.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = cli("annotate", sample.with_name("a.txt"), "--force")
    assert code == 2
    line = err.strip()
    assert line.startswith(f"error: {sample}: at annotations/0/note: holds a lone surrogate (\\ud800)")
    assert len(line) < 300 and "\n" not in line


# Item 13: temporary files left by a kill ---------------------------------------------------------
_STUCK_WRITER = """
import os, sys, time
from core.atomic import atomic_write_bytes
def stuck(fd):
    print("writing", flush=True)
    time.sleep(600)
os.fsync = stuck
atomic_write_bytes(sys.argv[1], b"x" * 100_000)
"""


def _stuck_writer(target: Path) -> subprocess.Popen[str]:
    """A process stopped in the middle of a save (inside fsync, its temporary file written)."""
    process = subprocess.Popen(
        [sys.executable, "-c", _STUCK_WRITER, str(target)], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert process.stdout is not None and process.stdout.readline() == "writing\n"
    return process


def _temporaries(target: Path) -> list[str]:
    pattern = temporary_pattern(target)
    return sorted(name for name in os.listdir(target.parent) if pattern.fullmatch(name))


def _kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.stdout is not None
    process.stdout.close()


def test_stale_temporaries_of_killed_saves_are_removed_by_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "a.iqtibas.json"
    atomic_write_bytes(target, b"first")
    writers = [_stuck_writer(target) for _ in range(3)]  # three saves at once, each killed midway
    for process in writers:
        _kill(process)
    assert len(_temporaries(target)) == 3  # what 22 kills left before: 9 hidden .tmp files
    unrelated = tmp_path / ".a.iqtibas.json.notes.tmp"
    unrelated.write_text("not ours")
    other = tmp_path / ".b.iqtibas.json.abcdefgh.tmp"
    other.write_text("another file's")
    atomic_write_bytes(target, b"second")
    assert _temporaries(target) == []
    assert target.read_bytes() == b"second" and unrelated.exists() and other.exists()


def test_a_temporary_another_process_is_writing_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "a.iqtibas.json"
    process = _stuck_writer(target)
    try:
        (busy,) = _temporaries(target)
        atomic_write_bytes(target, b"mine")
        assert _temporaries(target) == [busy]  # still being written: not ours to remove
    finally:
        _kill(process)
    atomic_write_bytes(target, b"again")
    assert _temporaries(target) == []


def test_an_empty_unlocked_temporary_goes_only_once_it_is_old(tmp_path: Path) -> None:
    target = tmp_path / "a.iqtibas.json"
    empty = tmp_path / ".a.iqtibas.json.abcd1234.tmp"
    empty.touch()  # its writer may have created it an instant ago and not locked it yet
    atomic_write_bytes(target, b"1")
    assert empty.exists()
    hours_ago = time.time() - 7200
    os.utime(empty, (hours_ago, hours_ago))
    atomic_write_bytes(target, b"2")
    assert not empty.exists()


@pytest.mark.parametrize(
    ("gold", "words"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested more than 64 levels deep"),
        ('{"quotes": [{"start": 0, "end": NaN}]}', "NaN is not a JSON number"),
        ("[1, 2]", "not a gold file: a span or a list of spans has the wrong shape"),
        ('{"quotes": [{"end": 3}]}', "not a gold file: a span has no 'start'"),
        ('{"title": {"start": "0", "end": 3}}', "not a gold file: a span or a list of spans has the wrong shape"),
        (b"\xff\xfe{}", "not UTF-8"),
    ],
)
def test_eval_refuses_a_hostile_gold_file_in_one_line(tmp_path: Path, sample: Path, cli: Run, gold: str | bytes, words: str) -> None:
    """Gold files are other people's files too (the same crashes as annotation files)."""
    corpus = tmp_path / "corpus"
    (corpus / "articles").mkdir(parents=True)
    (corpus / "gold").mkdir()
    (corpus / "articles" / "a.txt").write_bytes(sample.with_name("a.txt").read_bytes())
    path = corpus / "gold" / "a.gold.json"
    path.write_bytes(gold if isinstance(gold, bytes) else gold.encode("utf-8"))
    code, out, err = cli("eval", corpus)
    assert code == 2 and out == ""
    assert err.startswith(f"iqtibas: {path}: ") and words in err and err.count("\n") == 1


def test_corpus_mode_lists_an_article_whose_annotation_name_would_be_too_long(sample: Path) -> None:
    """The window's corpus list (core.corpus) asked exists() of a name the system refuses."""
    from core.corpus import IN_PROGRESS, NOT_STARTED, REVIEWED, list_corpus

    long_article = sample.with_name("x" * 245 + ".txt")
    long_article.write_bytes(sample.with_name("a.txt").read_bytes())
    states = {entry.article.name: entry.state for entry in list_corpus(sample.parent)}
    assert states[long_article.name] == NOT_STARTED
    assert states["a.txt"] in (IN_PROGRESS, REVIEWED)


def test_the_window_opens_and_saves_an_article_whose_name_is_not_utf8(tmp_path: Path, sample: Path, make_window: Any, dialog_log: list[Any], qtbot: Any) -> None:
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/odd\xff"))
    folder.mkdir()
    article = folder / "b\udcff.txt"
    article.write_bytes(sample.with_name("a.txt").read_bytes())
    window = make_window()
    window.files.open_path(article)
    qtbot.waitUntil(lambda: window.workspace.session is not None and window.files.loading is None, timeout=30_000)
    assert dialog_log == []
    assert window.files.save()
    saved = load_document(folder / "b\udcff.iqtibas.json")
    assert saved.id == "b\\xff" and saved.source == f"{printable(str(article))}"
    quote = window.workspace.session.document.of_type("quote")[0]
    window.workspace.session.apply("reject", lambda document: document.set_status(quote.id, "rejected"))  # unsaved work
    assert window.files.autosave_now()
    (entry,) = window.files.recovery.entries()
    assert entry.annotation_path == folder / "b\udcff.iqtibas.json"
