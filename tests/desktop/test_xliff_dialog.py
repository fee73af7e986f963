"""New project from XLIFF in the window: a missing target language is given in the dialog."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox

from desktop.project.xliff_dialog import XliffImportDialog, new_project_from_xliff
from documents.project import Project

FIXTURES = Path(__file__).parents[1] / "documents" / "fixtures" / "xliff"


def test_a_file_without_target_language_asks_for_one(qtbot, tmp_path, monkeypatch):
    path = Path(shutil.copy(FIXTURES / "oasis" / "sourceOnly.xlf", tmp_path))
    dialog = XliffImportDialog(path)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.source.text() == "en" and dialog.target.text() == ""
    assert not ok.isEnabled()  # nothing to make a project for yet
    dialog.target.setText("ko")
    assert ok.isEnabled()
    assert dialog.given() == {"source_lang": None, "target_lang": "ko"}

    def answered(self):
        self.target.setText("ko")
        self.targets_translated.setChecked(True)
        return True

    monkeypatch.setattr(XliffImportDialog, "exec", answered)
    made = new_project_from_xliff(None, path, tmp_path / "data")
    with Project.open(made, read_only=True) as project:
        assert (project.source_lang, project.target_lang) == ("en", "ko")
        assert made.name == "sourceOnly.en-ko.hanbit"


def test_a_file_that_is_no_xliff_is_refused_with_its_reason(qtbot, tmp_path, monkeypatch):
    import desktop.project.xliff_dialog as xliff_dialog

    shown = []
    monkeypatch.setattr(
        xliff_dialog.QMessageBox, "warning", lambda parent, title, text: shown.append(text)
    )
    path = tmp_path / "not.xlf"
    path.write_text("<tmx version='1.4'/>", encoding="utf-8")
    assert new_project_from_xliff(None, path, tmp_path / "data") is None
    assert shown and "not XLIFF" in shown[0]
