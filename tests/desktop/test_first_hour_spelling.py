"""Issue 15 item 7: misspellings underlined in the target editor as you type, suggestions and
Add to Dictionary on right-click, en-US / en-GB chosen under View ▸ Spelling."""

from __future__ import annotations

from pathlib import Path

from desk_helpers import open_window
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QMenu

from desktop.settings import Settings
from documents.project import Project
from qa import spelling

SOURCE = "온코어(Oncor)는 댈러스 소재 송전회사다."


def _window(qtbot, tmp_path: Path, packages: Path, data: Path):
    path = tmp_path / "w.hanbit"
    Project.create(path, source_text=SOURCE, source_lang="ko", target_lang="en", name="w").close()
    window = open_window(qtbot, path, packages, data)
    panels = window.features
    panels.memory.panel.autofill.setChecked(False)
    return window, panels


def _underlined(editor) -> list[str]:
    """The words the editor's highlighter has underlined as misspelt."""
    block = editor.document().firstBlock()
    text = block.text()
    words = []
    for fmt_range in block.layout().formats():
        style = fmt_range.format.underlineStyle()
        if style == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
            words.append(text[fmt_range.start : fmt_range.start + fmt_range.length])
    return words


def test_misspellings_are_underlined_as_you_type_and_names_are_not(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, tmp_path, empty_packages_dir, data_dir)
    window.go_to_source_row(0, edit=True)
    editor = window.view.target_delegate.editor
    qtbot.keyClicks(editor, "oncor is a Dallas transmision compny")
    qtbot.waitUntil(lambda: _underlined(editor) == ["transmision", "compny"])


def test_right_click_offers_suggestions_and_add_to_dictionary(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, tmp_path, empty_packages_dir, data_dir)
    window.go_to_source_row(0, edit=True)
    editor = window.view.target_delegate.editor
    editor.setPlainText("a transmision line near wibblefield")
    cursor = editor.textCursor()
    cursor.setPosition(5)
    editor.setTextCursor(cursor)
    menu = QMenu()
    menu.move(editor.viewport().mapToGlobal(editor.cursorRect(cursor).center()))
    window.view.sig_text_menu_requested.emit(menu, editor, "target")
    texts = [a.text() for a in menu.actions()]
    assert "transmission" in texts and "Add “transmision” to the Dictionary" in texts
    next(a for a in menu.actions() if a.text() == "transmission").trigger()
    assert editor.toPlainText() == "a transmission line near wibblefield"

    cursor.setPosition(editor.toPlainText().index("wibblefield") + 2)
    editor.setTextCursor(cursor)
    menu = QMenu()
    menu.move(editor.viewport().mapToGlobal(editor.cursorRect(cursor).center()))
    window.view.sig_text_menu_requested.emit(menu, editor, "target")
    next(a for a in menu.actions() if "to the Dictionary" in a.text()).trigger()
    assert "wibblefield" in spelling.user_words(spelling.user_words_path(data_dir))
    qtbot.waitUntil(lambda: _underlined(window.view.target_delegate.editor) == [])


def test_british_spelling_is_chosen_in_the_view_menu_and_kept(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, tmp_path, empty_packages_dir, data_dir)
    try:
        panels.editing.spelling.actions["en-GB"].trigger()
        assert Settings().spelling_language() == "en-GB"
        window.go_to_source_row(0, edit=True)
        editor = window.view.target_delegate.editor
        qtbot.keyClicks(editor, "the colour and the color")
        qtbot.waitUntil(lambda: _underlined(editor) == ["color"])
        panels.editing.spelling.actions["off"].trigger()
        qtbot.waitUntil(lambda: _underlined(window.view.target_delegate.editor) == [])
    finally:
        spelling.set_variant("en", "")
