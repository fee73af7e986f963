"""Save As (a consistent copy, editing goes on in it) and new projects of doubtful encoding."""

from __future__ import annotations

from desk_helpers import open_window, stored
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop.project.dialogs import confirm_encoding
from desktop.project.encoding_dialog import EncodingDialog
from documents.project import ProjectError, Status
from documents.sources import read_source
from workflows.new_project import project_from_source


def test_save_as_copies_every_edit_and_goes_on_in_the_copy(
    qtbot, tmp_path, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    first, second = window.model.segment_ids()[:2]
    window.model.change(first, "before the copy", Status.TRANSLATED)

    copy = window.save_as(tmp_path / "copy")  # the suffix is added
    assert copy == (tmp_path / "copy.hanbit").resolve()
    assert window.project.path.resolve() == copy
    assert not (tmp_path / "copy.hanbit.partial").exists()
    assert stored(copy)[0].target == "before the copy"

    window.model.change(second, "only in the copy", Status.DRAFT)
    assert stored(copy)[1].target == "only in the copy"
    assert stored(article_project)[1].target == ""  # the original is left as it was
    assert stored(article_project)[0].target == "before the copy"


def test_save_as_refuses_the_open_file_itself(
    qtbot, tmp_path, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    from desktop.project.files import save_copy

    try:
        save_copy(window.project, article_project)
    except ProjectError as error:
        assert "open project itself" in str(error)
    else:
        raise AssertionError("copying a project onto itself must be refused")


def _ambiguous(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("알리페이가 호주에".encode("euc-kr"))
    return path


def test_doubtful_encoding_shows_a_preview_and_another_encoding_rereads_it(qtbot, tmp_path):
    path = _ambiguous(tmp_path)
    info = read_source(path).info
    dialog = EncodingDialog(path, info)
    qtbot.addWidget(dialog)
    assert dialog.encoding() == info.encoding == "cp949"
    assert "CP949" in dialog.warning.text() and "garbled" in dialog.warning.text()
    assert dialog.preview.toPlainText() == "알리페이가 호주에"

    dialog.encodings.setCurrentIndex(dialog.encodings.findData("gb18030"))
    assert dialog.preview.toPlainText() not in ("", "알리페이가 호주에")  # what GB18030 makes of it
    dialog.encodings.setCurrentIndex(dialog.encodings.findData("utf-8"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "UTF-8" in dialog.warning.text().upper()


def test_new_project_from_a_doubtful_file_asks_and_uses_the_chosen_encoding(
    qtbot, tmp_path, monkeypatch, data_dir
):
    path = _ambiguous(tmp_path)
    shown = []

    def choose_gb18030(dialog):
        shown.append(dialog.preview.toPlainText())
        dialog.encodings.setCurrentIndex(dialog.encodings.findData("gb18030"))
        return 1

    monkeypatch.setattr(EncodingDialog, "exec", choose_gb18030)
    encoding = confirm_encoding(None, path)
    assert shown == ["알리페이가 호주에"] and encoding == "gb18030"
    project = project_from_source(path, data_dir, encoding=encoding)
    assert stored(project)[0].source == path.read_bytes().decode("gb18030")

    monkeypatch.setattr(EncodingDialog, "exec", lambda dialog: 0)
    assert confirm_encoding(None, path) is False  # cancelled: no project


def test_a_clear_utf8_file_needs_no_question(qtbot, tmp_path, monkeypatch):
    path = tmp_path / "clear.txt"
    path.write_text("알리페이가 호주에서 서비스를 시작했다.", encoding="utf-8")
    monkeypatch.setattr(EncodingDialog, "exec", lambda dialog: pytest_fail())
    assert confirm_encoding(None, path) is None


def pytest_fail():
    raise AssertionError("the encoding dialog must not open for a certain encoding")


def test_start_screen_lists_recent_projects_and_opens_one(
    qtbot, tmp_path, article_project, empty_packages_dir, data_dir
):
    from desktop.window.start_screen import show_start_screen

    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.model.change(window.model.segment_ids()[0], "done", Status.TRANSLATED)
    copy = window.save_as(tmp_path / "copy.hanbit")
    gone = window.save_as(tmp_path / "gone.hanbit")
    window.open_project(article_project)
    gone.unlink()

    screen = show_start_screen(window)
    texts = [screen.list.item(row).text() for row in range(screen.list.count())]
    total = window.model.rowCount()
    assert (
        texts[0].startswith(f"article — 1/{total}\n") and str(article_project.resolve()) in texts[0]
    )
    assert str(gone) in texts[1] and "missing" in texts[1]
    assert not screen.list.item(1).flags() & Qt.ItemFlag.ItemIsEnabled
    assert str(copy) in texts[2]

    screen.list.setCurrentRow(2)
    screen.open_button.click()
    assert window.project.path.resolve() == copy
