"""Tags in the target editor: chips the translator cannot break; F9 inserts the next one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPlainTextEdit

from desktop.grid.tag_editor import TagGuard, install_tags, next_missing_tag

SOURCE = "支付宝⟨1⟩澳大利亚⟨/1⟩公司⟨2/⟩成立。"


def _editor(qtbot, text: str) -> QPlainTextEdit:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    editor.setPlainText(text)
    install_tags(editor, lambda: SOURCE)
    editor.show()
    editor.setFocus()
    return editor


def _cursor_at(editor: QPlainTextEdit, position: int) -> None:
    cursor = editor.textCursor()
    cursor.setPosition(position)
    editor.setTextCursor(cursor)


def test_f9_inserts_the_source_tags_in_order(qtbot):
    editor = _editor(qtbot, "Alipay ")
    _cursor_at(editor, len("Alipay "))
    qtbot.keyClick(editor, Qt.Key.Key_F9)
    qtbot.keyClicks(editor, "Australia")
    qtbot.keyClick(editor, Qt.Key.Key_F9)
    qtbot.keyClick(editor, Qt.Key.Key_F9)
    assert editor.toPlainText() == "Alipay ⟨1⟩Australia⟨/1⟩⟨2/⟩"
    qtbot.keyClick(editor, Qt.Key.Key_F9)  # every tag is there: nothing more to insert
    assert editor.toPlainText() == "Alipay ⟨1⟩Australia⟨/1⟩⟨2/⟩"


def test_backspace_and_delete_take_a_tag_whole(qtbot):
    editor = _editor(qtbot, "A ⟨2/⟩ B")
    _cursor_at(editor, len("A ⟨2/⟩"))
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.toPlainText() == "A  B"
    editor.setPlainText("A ⟨2/⟩ B")
    _cursor_at(editor, len("A "))
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == "A  B"


def test_typing_inside_a_tag_lands_beside_it(qtbot):
    editor = _editor(qtbot, "A ⟨12/⟩")
    _cursor_at(editor, len("A ⟨1"))
    qtbot.keyClicks(editor, "x")
    assert editor.toPlainText() == "A ⟨12/⟩x"


def test_a_selection_that_cuts_a_tag_deletes_the_whole_tag(qtbot):
    editor = _editor(qtbot, "one ⟨1⟩two")
    cursor = editor.textCursor()
    cursor.setPosition(2)
    cursor.setPosition(len("one ⟨"), cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.toPlainText() == "ontwo"


def test_next_missing_tag_counts_repeated_tags():
    assert next_missing_tag("⟨1/⟩ a ⟨1/⟩", "⟨1/⟩ b") == "⟨1/⟩"
    assert next_missing_tag("plain", "plain") is None


def test_the_grid_draws_a_target_with_tags_as_chips(qtbot):
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from desktop.grid.segment_view import TargetDelegate
    from desktop.grid.tag_editor import TAG_BACKGROUND

    def chip_pixels(text: str) -> int:
        model = QStandardItemModel(1, 1)
        model.setItem(0, 0, QStandardItem(text))
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.setItemDelegateForColumn(0, TargetDelegate(view))
        view.setColumnWidth(0, 400)
        view.resize(500, 100)
        view.show()
        qtbot.waitExposed(view)
        image = view.viewport().grab().toImage()
        return sum(
            1
            for x in range(0, image.width(), 2)
            for y in range(0, min(image.height(), 40), 2)
            if image.pixelColor(x, y).name() == TAG_BACKGROUND.name()
        )

    assert chip_pixels("Alipay ⟨1⟩enters⟨/1⟩ Australia ⟨2/⟩") > 20
    assert chip_pixels("Alipay enters Australia") == 0


def test_a_tag_says_what_it_stands_for_in_the_file(qtbot, tmp_path, monkeypatch):
    from pathlib import Path

    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    from desktop.grid.tag_editor import tag_tooltip
    from documents.xliff_import import import_xliff

    xliff = Path(__file__).parents[1] / "documents" / "fixtures" / "xliff" / "desk"
    project = import_xliff(xliff / "alipay-tags.xlf", tmp_path / "p.hanbit")
    ids = [s.id for s in project.segments()]

    class View:  # what the grid offers: the row's segment and the window's project
        def segment_id_at(self, row):
            return ids[row]

        def window(self):
            return type("Window", (), {"project": project})()

    text = project.segments()[1].source
    link = text.index("⟨2/⟩")
    assert tag_tooltip(View(), 1, text, link + 1) == '⟨2/⟩  ph: <a href="/partners">'
    assert tag_tooltip(View(), 1, text, 0) is None  # no tag there
    assert tag_tooltip(View(), 0, "⟨1⟩알리페이⟨/1⟩", 0) == '⟨1⟩  g ctype="bold"'

    shown = []
    monkeypatch.setattr(QToolTip, "showText", lambda pos, tip, *a: shown.append(tip))
    editor = _editor(qtbot, "⟨1/⟩ Alipay")
    guard = editor.findChild(TagGuard)
    guard.describe = lambda number: {1: 'x ctype="lb"'}.get(number, "")
    _cursor_at(editor, 1)
    point = editor.cursorRect().center()
    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point))
    guard.eventFilter(editor.viewport(), event)
    assert shown == ['⟨1/⟩  x ctype="lb"']
    project.close()
