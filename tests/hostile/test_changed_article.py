"""Issue 10, item 14: an annotation file whose article changed since it was saved is not shown
without a word; re-annotating the new text keeps the reviewed work in unchanged lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from core.articles import open_article
from core.carryover import carry_over, is_human_work
from core.jsonformat import load_document, save_document
from tests.hostile.conftest import Run


def _review(sample: Path) -> tuple[str, str, str]:
    """Accept a quote in the first paragraph after the title, reject one in the last
    paragraph, add a manual note; returns (accepted id, rejected id, last paragraph)."""
    document = load_document(sample)
    quotes = document.of_type("quote")
    first, last = quotes[0], quotes[-1]
    document.set_status(first.id, "accepted")
    document.update(first.id, note="checked")
    document.set_status(last.id, "rejected")
    save_document(document, sample)
    last_line_start = document.text.rfind("\n", 0, last.start) + 1
    last_line_end = document.text.find("\n", last.end)
    return first.id, last.id, document.text[last_line_start : last_line_end if last_line_end >= 0 else None]


def _edit_article(sample: Path, old_line: str) -> str:
    """Insert a paragraph near the top and rewrite the line holding the rejected quote."""
    article = sample.with_name("a.txt")
    text = article.read_text(encoding="utf-8")
    title, _, rest = text.partition("\n")
    new = title + "\nفقرة جديدة أضيفت بعد الحفظ.\n" + rest.replace(old_line, "سطر أعيدت كتابته كله.")
    article.write_text(new, encoding="utf-8")
    return new


def test_open_article_tells_the_text_changed(sample: Path) -> None:
    assert open_article(sample).changed_text is None
    assert open_article(sample.with_name("a.txt")).changed_text is None
    _, _, line = _review(sample)
    new = _edit_article(sample, line)
    for path in (sample, sample.with_name("a.txt")):
        opened = open_article(path)
        assert opened.changed_text == new
        assert opened.document.text != new  # what is shown is what the annotations describe
        assert opened.changed_message() == (
            f"{sample.with_name('a.txt')}: the article has changed since {sample} was saved; the saved text is shown"
        )


def test_outline_says_so(sample: Path, cli: Run) -> None:
    _, _, line = _review(sample)
    _edit_article(sample, line)
    code, out, err = cli("outline", sample)
    assert code == 0 and out.strip()
    assert err.startswith(f"warning: {sample.with_name('a.txt')}: the article has changed since {sample} was saved")
    assert f"iqtibas annotate --force --carry-over {sample.with_name('a.txt')}" in err


def test_carry_over_keeps_reviewed_work_in_unchanged_lines(sample: Path) -> None:
    accepted, rejected, line = _review(sample)
    new = _edit_article(sample, line)
    saved = load_document(sample)
    result = carry_over(saved, new)
    document = result.document
    assert document.text == new and saved.text != new  # the saved document is not changed
    kept = document.get(accepted)
    assert kept.status == "accepted" and kept.note == "checked"
    assert document.span_text(kept) == saved.span_text(saved.get(accepted))  # shifted with its line
    assert kept.start > saved.get(accepted).start
    assert [a.id for a in result.lost] == [rejected]  # its line was rewritten
    assert rejected not in document
    assert {a.id for a in result.kept} == {a.id for a in saved if is_human_work(a)} - {rejected}
    inserted = new.index("فقرة جديدة")
    assert any(a.type == "paragraph" and a.start == inserted for a in document)  # freshly annotated
    if kept.speaker_id is not None:
        assert document.get(kept.speaker_id).type == "speaker"


def test_annotate_carry_over_rewrites_the_file_and_keeps_the_old_one(sample: Path, cli: Run) -> None:
    accepted, _, line = _review(sample)
    new = _edit_article(sample, line)
    before = sample.read_bytes()
    code, _, err = cli("annotate", sample.with_name("a.txt"), "--force")
    assert code == 2 and "the article text changed since it was annotated" in err and "--carry-over" in err
    assert sample.read_bytes() == before
    code, out, err = cli("annotate", sample.with_name("a.txt"), "--force", "--carry-over")
    assert code == 0, err
    assert "refreshed" in out and "reviewed annotations carried over, 1 in changed lines dropped" in out
    document = load_document(sample)
    assert document.text == new and document.get(accepted).status == "accepted"
    assert sample.with_name(sample.name + ".bak").read_bytes() == before


@pytest.mark.parametrize("answer", [True, False])
def test_the_window_offers_to_re_annotate(sample: Path, make_window: Any, dialog_log: list[Any], qtbot: Any, monkeypatch: pytest.MonkeyPatch, answer: bool) -> None:
    from gui.dialogs import prompts as dialogs

    accepted, _, line = _review(sample)
    new = _edit_article(sample, line)
    asked: list[str] = []
    monkeypatch.setattr(dialogs, "ask_carry_over", lambda _parent, message: asked.append(message) or answer)
    window = make_window()
    window.files.open_path(sample)
    qtbot.waitUntil(lambda: window.workspace.session is not None and window.files.loading is None, timeout=30_000)
    assert asked == [open_article(sample).changed_message()]
    document = window.workspace.session.document
    if answer:
        assert document.text == new and document.get(accepted).status == "accepted"
        assert window.isWindowModified()  # nothing saved until the annotator saves
        assert load_document(sample).text != new
    else:
        assert document.text != new and not window.isWindowModified()
