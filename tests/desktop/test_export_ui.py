"""File ▸ Export…, Import Review (DOCX)… and New Project from XLIFF… as a translator uses them."""

from __future__ import annotations

import argparse
from pathlib import Path

import docx
import pytest
from desk_helpers import open_window, stored
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QLabel, QMessageBox

import desktop.project.review_dialog as review_dialog
from desktop.grid.segment_model import STATUS_LABELS
from desktop.project.export_dialog import ExportDialog, exporter_of
from desktop.project.review_dialog import review_import_of
from documents.export import FORMATS, ExportError, ExportReport
from documents.formats.docx_common import cell_text
from documents.project import Project, Status

FIRST_TARGET = "Alipay opens an office in Australia"


@pytest.fixture
def window(qtbot, article_project, empty_packages_dir, data_dir):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    first = window.model.segment_at(0)
    window.model.change(first.id, FIRST_TARGET, Status.TRANSLATED)
    return window


def choose_in_export_dialog(monkeypatch, name: str, shown: list) -> None:
    """The translator picks the format by its name in the list and presses Export."""

    def exec_(dialog: ExportDialog) -> int:
        shown.append([dialog.formats.item(i).text() for i in range(dialog.formats.count())])
        for i in range(dialog.formats.count()):
            if dialog.formats.item(i).data(Qt.ItemDataRole.UserRole) == name:
                dialog.formats.setCurrentRow(i)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ExportDialog, "exec", exec_)


def save_as(monkeypatch, path: Path, asked: list) -> None:
    def ask(parent, title, suggested, filters):
        asked.append((suggested, filters))
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)


def export_via_menu(qtbot, monkeypatch, window, name: str, path: Path):
    shown, asked = [], []
    choose_in_export_dialog(monkeypatch, name, shown)
    save_as(monkeypatch, path, asked)
    with qtbot.waitSignal(exporter_of(window).sig_finished, timeout=20000) as signal:
        window.actions["file.export"].trigger()
    return signal.args[0], shown, asked


def test_export_dialog_lists_every_format_by_its_description(qtbot):
    dialog = ExportDialog("xliff")
    qtbot.addWidget(dialog)
    texts = [dialog.formats.item(i).text() for i in range(dialog.formats.count())]
    assert [t.split("   (")[0] for t in texts] == [f.description for f in FORMATS.values()]
    assert dialog.format_name() == "xliff"
    assert "(.xlf .xliff)" in texts[list(FORMATS).index("xliff")]


def test_export_as_review_table_from_the_window(qtbot, monkeypatch, window, tmp_path):
    # No extension typed: the chosen format decides what is written, and adds its extension.
    report, shown, asked = export_via_menu(qtbot, monkeypatch, window, "docx", tmp_path / "review")
    assert isinstance(report, ExportReport) and report.format == "docx"
    assert "Bilingual review table (Word)   (.docx)" in shown[0]
    # The article's name with the target language, outside the desk's own data folder.
    assert asked[0][0].endswith("article.en.docx") and "*.docx" in asked[0][1]
    assert not asked[0][0].startswith(str(window.data_dir))
    out = tmp_path / "review.docx"
    table = docx.Document(str(out)).tables[0]
    first = window.model.segment_at(0)
    cells = [cell_text(tc) for tc in table._tbl.tr_lst[1].tc_lst]
    assert cells[1].strip() == first.source.strip()
    assert cells[2].strip() == FIRST_TARGET
    assert len(table.rows) == window.model.rowCount() + 1
    message = window.statusBar().currentMessage()
    untranslated = window.model.rowCount() - 1
    assert f"Exported {window.model.rowCount()} segments" in message
    assert f"{untranslated} not translated yet" in message


def test_export_as_web_page_marks_glossary_terms(qtbot, monkeypatch, window, tmp_path):
    # No glossary panel in this window: the export reads the desk's termbase on its worker.
    out = tmp_path / "article.html"
    report, _, _ = export_via_menu(qtbot, monkeypatch, window, "html", out)
    assert report.format == "html"
    page = out.read_text(encoding="utf-8")
    assert FIRST_TARGET in page
    assert "<mark" in page and "알리페이" in page


def test_export_refused_is_shown_and_writes_nothing(qtbot, monkeypatch, window, tmp_path):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    out = tmp_path / "no-such-folder" / "article.xlf"
    report, _, _ = export_via_menu(qtbot, monkeypatch, window, "xliff", out)
    assert isinstance(report, ExportError)
    assert not out.exists()
    assert warnings and "no-such-folder" in warnings[0]
    # Over the project itself: refused before anything is written.
    with qtbot.waitSignal(exporter_of(window).sig_finished):
        assert not exporter_of(window).export("csv", window.project.path)
    assert Project.open(window.project.path, read_only=True).segments()


def _export_review(qtbot, window, path: Path) -> None:
    with qtbot.waitSignal(exporter_of(window).sig_finished, timeout=20000):
        exporter_of(window).export("docx", path)


def _import_review(qtbot, monkeypatch, window, path: Path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(path), "*.docx"))
    importer = review_import_of(window)
    with qtbot.waitSignal(importer.sig_planned, timeout=20000):
        window.actions["file.import_review"].trigger()
    qtbot.addWidget(importer.dialog)
    return importer


def test_review_round_trip_from_the_window(qtbot, monkeypatch, window, tmp_path):
    out = tmp_path / "review.docx"
    _export_review(qtbot, window, out)
    third = window.model.segment_at(2)
    reviewed = docx.Document(str(out))
    rows = reviewed.tables[0].rows
    rows[3].cells[2].text = "The reviewer's sentence"
    rows[3].cells[4].text = "name checked"
    reviewed.save(str(out))

    importer = _import_review(qtbot, monkeypatch, window, out)
    dialog = importer.dialog
    assert dialog.isVisible() and dialog.problems is None
    listed = [
        [dialog.changes.item(row, column).text() for column in range(4)]
        for row in range(dialog.changes.rowCount())
    ]
    assert [
        "3",
        f"Target → {STATUS_LABELS[Status.REVIEWED]}",
        "",
        "The reviewer's sentence",
    ] in listed
    assert ["3", "Comment", "", "name checked"] in listed
    assert stored(window.project.path)[2].target == ""  # nothing applied before Apply

    with qtbot.waitSignal(importer.sig_applied) as applied:
        dialog.apply_button.click()
    assert applied.args[0] == [third.id]
    on_disk = stored(window.project.path)[2]
    assert (on_disk.target, on_disk.status, on_disk.comment) == (
        "The reviewer's sentence",
        Status.REVIEWED,
        "name checked",
    )
    assert window.project.history(third.id)[-1].origin == "review-import"
    assert window.model.index(2, 2).data() == "The reviewer's sentence"
    # The changed segment is shown: listed in the Changed by Review panel, and selected.
    assert importer.dock.isVisible()
    assert importer.changes.segment_ids() == [third.id]
    assert window.current_segment_id() == third.id
    window.go_to_source_row(0)
    table = importer.changes.table
    rect = table.visualItemRect(table.item(0, 2))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_segment_id() == third.id
    assert "1 segments changed" in window.statusBar().currentMessage()


def test_damaged_review_is_refused_with_its_problems(qtbot, monkeypatch, window, tmp_path):
    out = tmp_path / "review.docx"
    _export_review(qtbot, window, out)
    reviewed = docx.Document(str(out))
    table = reviewed.tables[0]
    table.rows[1].cells[2].text = "A change that must not land"
    table._tbl.remove(table.rows[4]._tr)  # the reviewer deleted segment 4's row
    reviewed.save(str(out))
    before = stored(window.project.path)

    importer = _import_review(qtbot, monkeypatch, window, out)
    dialog = importer.dialog
    assert dialog.apply_button is None and dialog.changes is None
    problems = [dialog.problems.item(row, 1).text() for row in range(dialog.problems.rowCount())]
    assert any(p.startswith("segment 4 has no row") for p in problems)
    assert "Nothing will be applied" in dialog.summary.text()
    dialog.reject()
    assert stored(window.project.path) == before
    assert window.model.segment_at(0).target == FIRST_TARGET


def test_review_of_another_file_type_is_reported(qtbot, monkeypatch, window, tmp_path):
    out = tmp_path / "notes.docx"
    out.write_text("not a word file", encoding="utf-8")
    importer = _import_review(qtbot, monkeypatch, window, out)
    assert "not a readable Word document" in importer.dialog.problems.item(0, 1).text()


def test_xliff_opens_as_a_new_project(qtbot, monkeypatch, window, tmp_path, data_dir):
    xlf = tmp_path / "handoff.xlf"
    with qtbot.waitSignal(exporter_of(window).sig_finished, timeout=20000):
        exporter_of(window).export("xliff", xlf)
    count = window.model.rowCount()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(xlf), ""))
    from desktop.project.xliff_dialog import XliffImportDialog  # its languages, as the file says

    monkeypatch.setattr(XliffImportDialog, "exec", lambda self: True)
    with qtbot.waitSignal(window.sig_project_opened) as opened:
        window.actions["file.new_from_xliff"].trigger()
    project = opened.args[0]
    assert project.path.parent == data_dir / "projects"
    assert project.path.name == "handoff.ko-en.hanbit"
    assert (project.source_lang, project.target_lang) == ("ko", "en")
    assert window.model.rowCount() == count
    assert window.model.segment_at(0).target == FIRST_TARGET
    assert window.model.segment_at(1).target == ""


def test_a_broken_xliff_is_refused_with_the_reason(qtbot, monkeypatch, window, tmp_path):
    xlf = tmp_path / "broken.xlf"
    xlf.write_text("<xliff version='1.2'><file>", encoding="utf-8")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(xlf), ""))
    opened = window.project.path
    window.actions["file.new_from_xliff"].trigger()
    assert warnings and "broken.xlf" in warnings[0]
    assert window.project.path == opened


def test_main_py_open_makes_a_project_of_an_xliff(qtbot, window, tmp_path, data_dir):
    from cli.open import resolve_project

    xlf = tmp_path / "agency.xliff"
    with qtbot.waitSignal(exporter_of(window).sig_finished, timeout=20000):
        exporter_of(window).export("xliff", xlf)
    args = argparse.Namespace(file=xlf, source="zh", target="en")  # the file's pair wins
    path = resolve_project(args, data_dir)
    assert path == data_dir / "projects" / "agency.ko-en.hanbit"
    assert [s.target for s in stored(path)][:1] == [FIRST_TARGET]
    assert resolve_project(args, data_dir).name == "agency.ko-en-2.hanbit"  # never overwritten


def test_review_is_refused_when_the_segment_changed_after_the_check(
    qtbot, monkeypatch, window, tmp_path
):
    out = tmp_path / "review.docx"
    _export_review(qtbot, window, out)
    reviewed = docx.Document(str(out))
    reviewed.tables[0].rows[1].cells[2].text = "The reviewer's version"
    reviewed.save(str(out))
    importer = _import_review(qtbot, monkeypatch, window, out)
    first = window.model.segment_at(0)
    window.model.change(first.id, "The translator's newer version", Status.TRANSLATED)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    importer.dialog.apply_button.click()
    assert warnings and "changed since review.docx was checked (segments 1)" in warnings[0]
    assert stored(window.project.path)[0].target == "The translator's newer version"
    assert importer.dock is None  # nothing to list: nothing was applied


def test_a_read_only_project_shows_the_review_without_apply(qtbot, window, tmp_path):
    from documents.review_import import ReviewPlan, TargetChange

    plan = ReviewPlan(tmp_path / "review.docx")
    plan.targets.append(TargetChange(1, 1, "old", "new", Status.REVIEWED))
    dialog = review_dialog.ReviewDialog(plan, read_only=True, parent=window)
    qtbot.addWidget(dialog)
    assert not dialog.apply_button.isEnabled()
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert any("read-only" in text for text in labels)


def test_another_project_clears_the_changed_by_review_list(
    qtbot, monkeypatch, window, tmp_path, data_dir
):
    out = tmp_path / "review.docx"
    _export_review(qtbot, window, out)
    reviewed = docx.Document(str(out))
    reviewed.tables[0].rows[2].cells[2].text = "Reviewed second sentence"
    reviewed.save(str(out))
    importer = _import_review(qtbot, monkeypatch, window, out)
    with qtbot.waitSignal(importer.sig_applied):
        importer.dialog.apply_button.click()
    assert importer.changes.segment_ids()
    xlf = tmp_path / "other.xlf"
    with qtbot.waitSignal(exporter_of(window).sig_finished, timeout=20000):
        exporter_of(window).export("xliff", xlf)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: (str(xlf), ""))
    from desktop.project.xliff_dialog import XliffImportDialog

    monkeypatch.setattr(XliffImportDialog, "exec", lambda self: True)
    with qtbot.waitSignal(window.sig_project_opened):
        window.actions["file.new_from_xliff"].trigger()
    assert importer.changes.segment_ids() == []
    assert not importer.dock.isVisible()


def test_main_py_open_refuses_a_broken_xliff_with_the_reason(tmp_path, data_dir, capsys):
    import main

    xlf = tmp_path / "broken.xliff"
    xlf.write_text("<xliff version='1.2'><file>", encoding="utf-8")
    assert main.main(["open", str(xlf), "--data-dir", str(data_dir)]) == 1
    assert "broken.xliff" in capsys.readouterr().err
    assert list((data_dir / "projects").glob("broken*")) == []


def test_export_marks_terms_with_the_glossary_panels_matcher(qtbot, monkeypatch, window, tmp_path):
    import workflows.pair_glossary as pair_glossary
    from desktop.tasks import task_runner

    panels = window.features
    task_runner().wait()  # the window's curated-glossary merge
    panels.glossary.glossary_loaded()
    qtbot.waitUntil(lambda: panels.glossary.lookup.matcher() is not None, timeout=10000)

    def no_second_read(*args):
        raise AssertionError("the window's matcher must be used, not a second termbase read")

    monkeypatch.setattr(pair_glossary, "pair_glossary_factory", no_second_read)
    out = tmp_path / "article.xlf"
    report, _, _ = export_via_menu(qtbot, monkeypatch, window, "xliff", out)
    assert isinstance(report, ExportReport), report
    assert 'from="glossary"' in out.read_text(encoding="utf-8")
