"""Comparison with a second annotation, the shortcuts sheet and the preferences."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.jsonformat import save_document
from gui.dialogs import prompts
from tests.gui.helpers import sample_document

pytestmark = pytest.mark.gui


@pytest.fixture
def other_annotation(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A second annotator's file: one quote with another speaker, one quote removed, one widened."""
    document = sample_document()
    quotes = document.of_type("quote")
    document.set_speaker(quotes[0].id, "شخص آخر")
    document.remove(quotes[1].id)
    document.resize(quotes[2].id, quotes[2].start, quotes[2].end + 6)
    path = tmp_path / "second.iqtibas.json"
    save_document(document, path)
    return path, {"speaker": quotes[0].id, "removed": quotes[1].id, "boundary": quotes[2].id}


def test_compare_lists_marks_and_takes_either_side(window, other_annotation, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path, ids = other_annotation
    monkeypatch.setattr(prompts, "choose_comparison_path", lambda *_a: str(path))
    window.window_actions.compare.trigger()
    compare = window.compare
    assert compare.active and window.compare_dock.isVisible()
    categories = {d.category for d in compare.differences}
    assert {"speaker", "only_a", "boundary"} <= categories
    assert compare.panel.list.count() == len(compare.differences)
    marks = list(window.view.extraSelections())
    assert len(marks) >= len(compare.differences)
    document = window.workspace.session.document
    row = next(i for i, d in enumerate(compare.differences) if d.category == "speaker")
    compare.panel.list.setCurrentRow(row)
    assert window.view.current_span() == (compare.differences[row].start, compare.differences[row].end)
    assert compare.take_current("b")
    assert document.get(ids["speaker"]).speaker == "شخص آخر"
    taken = document.get(ids["speaker"])  # a person chose it: reviewed, what changed listed
    assert taken.status == "accepted" and "speaker" in taken.corrected
    assert "speaker" not in {d.category for d in compare.differences}
    row = next(i for i, d in enumerate(compare.differences) if d.category == "only_a")
    compare.panel.list.setCurrentRow(row)
    assert compare.take_current("b")  # B has no such quote: ours is removed
    assert ids["removed"] not in document
    window.workspace.undo()  # each choice is one undoable command
    assert ids["removed"] in document
    window.workspace.undo()
    assert document.get(ids["speaker"]).speaker != "شخص آخر"
    assert {"speaker", "only_a"} <= {d.category for d in compare.differences}
    compare.stop()
    assert not compare.active
    assert len(window.view.extraSelections()) <= 1  # only the current annotation's mark is left


def test_compare_refuses_another_article(window, tmp_path, dialog_log) -> None:  # type: ignore[no-untyped-def]
    from core.articles import document_from_text

    other = document_from_text("نص آخر تماما. قال أحدهم إن «شيئا ما» حدث.", doc_id="x", source=None)
    path = tmp_path / "x.iqtibas.json"
    save_document(other, path)
    assert not window.compare.open_path(path)
    assert dialog_log[-1][0] == "error" and str(path) in dialog_log[-1][1][1]


def test_shortcuts_sheet_lists_every_key(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    from gui.application.actions import shortcut_rows
    from gui.dialogs.shortcuts import ShortcutsDialog

    rows = dict(shortcut_rows(window.window_actions.all))
    assert rows["Mark as direct quote"] == "Q / Shift+Q"
    assert rows["Accept"] == "A" and rows["Next pending"] == "N"
    assert "Ctrl+PgDown" in rows["Next article"]
    assert any("Alt+Left" in keys for keys in rows.values())
    dialog = ShortcutsDialog(shortcut_rows(window.window_actions.all, arabic_layout=True), window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == len(rows)


def test_preferences_change_order_size_and_language(window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gui.dialogs.preferences import PreferencesDialog
    from gui.settings import settings

    requested = []
    window.languageChangeRequested.connect(requested.append)

    def fake_exec(dialog: PreferencesDialog) -> int:
        dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ar"))
        dialog.order_combo.setCurrentIndex(dialog.order_combo.findData("reading"))
        dialog.size_spin.setValue(20)
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", fake_exec)
    window.show_preferences()
    assert settings().review_order == "reading" and window.review.order == "reading"
    assert settings().point_size == 20 and window.view.point_size == 20
    assert settings().language == "ar" and requested == ["ar"]


def test_settings_never_touch_the_real_user_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from gui.settings import settings

    path = Path(settings().path)
    assert "qsettings" in str(path)  # the redirected test folder
    settings().add_recent_file("/x/y.txt")
    settings().sync()
    assert path.exists()


def test_preferences_choose_the_annotator_model_that_annotates_articles_opened_next(
    make_window, article, dialog_log, monkeypatch, tmp_path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    """A model ``iqtibas train`` wrote, named in Preferences, annotates the next article opened; a
    file that is no model is refused in the dialog, before any article depends on it."""
    from core.annotator.trained import AnnotatorModel
    from gui.dialogs.preferences import PreferencesDialog
    from gui.settings import settings
    from tests.e2e.conftest import open_and_wait

    window = make_window()
    bundled = make_window(article).workspace.session.document.of_type("quote")
    assert bundled and all(q.speaker_confidence is not None for q in bundled)

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    dialog = PreferencesDialog(settings(), window)
    dialog.model_edit.setText(str(broken))
    dialog.accept()
    assert dialog.result() != 1 and dialog_log[-1][0] == "error" and "broken.json" in dialog_log[-1][1][1]

    rules_only = tmp_path / "rules-only.json"  # no learned weights: the rules' choices, no speaker confidence
    rules_only.write_text(AnnotatorModel().dumps(), encoding="utf-8")

    def fake_exec(dialog: PreferencesDialog) -> int:
        dialog.model_edit.setText(f"  {rules_only}  ")
        return 1

    monkeypatch.setattr(PreferencesDialog, "exec", fake_exec)
    window.show_preferences()
    assert settings().model_path == str(rules_only)
    open_and_wait(qtbot, window, article)
    quotes = window.workspace.session.document.of_type("quote")
    assert [(q.start, q.end) for q in quotes] == [(q.start, q.end) for q in bundled]
    assert all(q.speaker_confidence is None for q in quotes)
