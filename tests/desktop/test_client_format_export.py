"""File ▸ Export… of a project made from a Word file: the translation in the original's layout."""

from __future__ import annotations

from pathlib import Path

import docx
from desk_helpers import open_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.project.export_dialog import ExportDialog, exporter_of
from documents.project import Project
from workflows.new_project import new_project

KITCHEN = (
    Path(__file__).resolve().parents[1]
    / "documents" / "fixtures" / "docx" / "alipay-kitchen-sink.libreoffice.docx"
)  # fmt: skip


def test_export_from_the_window_writes_into_the_original_docx(
    qtbot, monkeypatch, tmp_path, empty_packages_dir, data_dir
) -> None:
    project_path = new_project(KITCHEN, tmp_path / "k.hanbit", source_lang="ko", target_lang="en")
    with Project.open(project_path) as project:
        header = project.segments()[0]
        project.set_target(header.id, "Aju Business Daily ⟨1⟩World⟨/1⟩ 19 November 2014")
    window = open_window(qtbot, project_path, empty_packages_dir, data_dir)

    def choose(dialog: ExportDialog) -> int:
        for i in range(dialog.formats.count()):
            if dialog.formats.item(i).data(Qt.ItemDataRole.UserRole) == "docx-target":
                dialog.formats.setCurrentRow(i)
        return QDialog.DialogCode.Accepted

    out = tmp_path / "k.en.docx"
    monkeypatch.setattr(ExportDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    with qtbot.waitSignal(exporter_of(window).sig_finished, timeout=20000) as signal:
        window.actions["file.export"].trigger()
    assert signal.args[0].path == out
    document = docx.Document(str(out))
    assert document.sections[0].header.paragraphs[0].text == (
        "Aju Business Daily World 19 November 2014"
    )
    assert document.paragraphs[0].style.name == "Heading 1"  # the original, not a new file
    assert [[c.text for c in r.cells] for r in document.tables[0].rows][0] == ["국가", "지사 설립"]
    window.close()


def test_the_grid_says_where_each_segment_of_a_word_file_comes_from(
    qtbot, tmp_path, empty_packages_dir, data_dir
) -> None:
    from desktop.grid.segment_model import COL_SOURCE

    project_path = new_project(KITCHEN, tmp_path / "k.hanbit", source_lang="ko", target_lang="en")
    window = open_window(qtbot, project_path, empty_packages_dir, data_dir)
    model = window.view.model()
    tips = [
        model.index(r, COL_SOURCE).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(model.rowCount())
    ]
    assert tips[0] == "Header 1" and tips[-1] == "Footer 1"
    assert "Footnote 2" in tips and "Text box" in tips and "Table 1, row 2, cell 1" in tips
    window.close()
