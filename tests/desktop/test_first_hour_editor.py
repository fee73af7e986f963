"""Issue 15 item 2: the open editor is unmistakable, and typing on a row replaces or appends
as the translator chose."""

from __future__ import annotations

from desk_helpers import open_window, stored
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from desktop.settings import Settings
from documents.project import Status


def _draft_window(qtbot, article_project, packages, data):
    window = open_window(qtbot, article_project, packages, data)
    sid = window.model.segment_ids()[0]
    window.model.change(sid, "Machine draft here", Status.DRAFT, origin="mt")
    window.go_to_source_row(0)
    window.view.setFocus()
    return window


def test_typing_on_a_row_replaces_its_target_by_default(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = _draft_window(qtbot, article_project, empty_packages_dir, data_dir)
    assert window.actions["edit.typing_replaces"].isChecked()
    qtbot.keyClick(window.view, "A")  # the first key opens the editor, which then has focus
    editor = window.view.target_delegate.editor
    qtbot.keyClicks(editor, "lipay")
    assert editor is not None and editor.toPlainText() == "Alipay"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert stored(article_project)[0].target == "Alipay"


def test_typing_appends_when_the_setting_says_so_and_the_choice_is_kept(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = _draft_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.actions["edit.typing_replaces"].setChecked(False)
    assert Settings().typing_replaces() is False
    qtbot.keyClicks(window.view, "X")
    editor = window.view.target_delegate.editor
    assert editor.toPlainText() == "Machine draft hereX"


def test_the_open_editor_is_drawn_unlike_a_selected_row(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = _draft_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.go_to_source_row(0, edit=True)
    editor = window.view.target_delegate.editor
    qtbot.waitUntil(editor.isVisible)
    # The row grows so that the framed field shows a whole line of text.
    qtbot.waitUntil(lambda: editor.viewport().height() >= editor.fontMetrics().height())
    image = editor.grab().toImage()
    frame = QColor(image.pixel(1, image.height() // 2))
    inside = QColor(image.pixel(image.width() - 12, image.height() // 2))
    highlight = window.view.palette().highlight().color()
    assert frame.name() == "#2f6fd0"  # a strong frame round the field being typed in
    assert inside.name() == "#fffdf2"  # an opaque light field, not the selection colour
    assert inside != highlight


def test_after_a_confirm_the_next_mt_draft_opens_selected_so_typing_replaces_it(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    first, second = window.model.segment_ids()[:2]
    window.model.store_mt(second, "알리페이 MT draft", {})
    window.go_to_source_row(0, edit=True)
    qtbot.keyClicks(window.view.target_delegate.editor, "Alipay launched.")
    qtbot.keyClick(
        window.view.target_delegate.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )
    editor = window.view.target_delegate.editor
    assert editor.textCursor().selectedText() == "알리페이 MT draft"
    qtbot.keyClicks(editor, "Ant")
    assert editor.toPlainText() == "Ant"  # not 알리페이 MT draftAnt
