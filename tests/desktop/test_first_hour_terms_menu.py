"""Issue 15 items 6-7: select text in the source, right-click ▸ Add term with both sides
prefilled, Search memory (concordance, Ctrl+K), Copy; a concept needs its preferred forms."""

from __future__ import annotations

from pathlib import Path

from first_hour_helpers import open_with_panels
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from desktop.glossary.concept_editor import ConceptEditor
from documents.project import Project
from memory.store import TranslationMemory
from paths import memory_path

SOURCE = "온코어(Oncor)는 댈러스 소재 송전회사다."


def _window(qtbot, tmp_path: Path, packages: Path, data: Path):
    path = tmp_path / "wind.hanbit"
    Project.create(
        path,
        source_text=SOURCE + "\n\n둘째 문장이다.",
        source_lang="ko",
        target_lang="en",
        name="w",
    ).close()
    window, panels = open_with_panels(qtbot, path, packages, data)
    panels.memory.panel.autofill.setChecked(False)
    qtbot.waitUntil(lambda: panels.glossary.termbase is not None, timeout=30_000)
    return window, panels


def _select(widget, text: str) -> None:
    start = widget.toPlainText().index(text)
    cursor = widget.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(text), QTextCursor.MoveMode.KeepAnchor)
    widget.setTextCursor(cursor)


def test_source_and_target_selections_prefill_both_sides_of_a_new_term(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, tmp_path, empty_packages_dir, data_dir)
    view = window.view
    cell = view.visualRect(view.model().index(0, 1)).center()
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    viewer = view.source_viewer
    assert viewer.isVisible() and viewer.isReadOnly()
    assert viewer.toPlainText() == SOURCE
    _select(viewer, "온코어")
    window.go_to_source_row(0, edit=True)  # the source keeps its selection meanwhile
    editor = view.target_delegate.editor
    editor.setPlainText("Oncor, a Dallas utility")
    _select(editor, "Oncor")
    assert panels.editing.menus.selections() == ("온코어", "Oncor")

    shown: list[ConceptEditor] = []
    real_open = ConceptEditor.open
    ConceptEditor.open = lambda self: (shown.append(self), real_open(self))[1]
    try:
        window.actions[
            "glossary.add_term"
        ].trigger()  # Ctrl+Shift+G does the same as the menu's Add Term
    finally:
        ConceptEditor.open = real_open
    form = shown[-1]
    assert form.field("ko", "preferred").text() == "온코어"
    assert form.field("en", "preferred").text() == "Oncor"
    form.close()


def test_the_editor_menu_offers_add_term_and_a_concordance_of_the_selection(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    with TranslationMemory(memory_path(data=data_dir)) as memory:
        memory.add("온코어는 송전망을 넓힌다.", "Oncor expands its grid.", "ko", "en", "old")
        memory.add("일렉스틸은 회사다.", "Electric Steel is a company.", "ko", "en", "old")
    window, panels = _window(qtbot, tmp_path, empty_packages_dir, data_dir)
    window.go_to_source_row(0, edit=True)
    editor = window.view.target_delegate.editor
    editor.setPlainText("Oncor is a Dallas utility")
    _select(editor, "Oncor")
    menu = QMenu()
    window.view.sig_text_menu_requested.emit(menu, editor, "target")
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Add Term…" and texts[1] == "Search Memory for “Oncor”"

    menus = panels.editing.menus
    with qtbot.waitSignal(menus.concordance("온코어").sig_results_shown, timeout=10_000) as shown:
        pass
    dialog = menus._concordance
    assert shown.args == [1]
    assert "Oncor expands its grid." in dialog.units[0].target
    cell = dialog.table.cellWidget(0, 0).text()
    assert "background:#ffe08a'>온코어</span>" in cell  # the hit marked in its context
    # Ctrl+K from the editor opens it on the editor's selection, in the target language too.
    dialog.close()
    window.windowHandle().requestActivate()
    qtbot.waitUntil(window.isActiveWindow)
    window.go_to_source_row(0, edit=True)
    editor = window.view.target_delegate.editor
    _select(editor, "Oncor")
    with qtbot.waitSignal(dialog.sig_results_shown, timeout=10_000) as again:
        qtbot.keyClick(editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert again.args == [1] and dialog.query.text() == "Oncor"


def test_grid_menu_copies_and_reaches_the_retranslate_and_confirm_actions(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, tmp_path, empty_packages_dir, data_dir)
    view = window.view
    pos = view.visualRect(view.model().index(1, 1)).center()
    view.customContextMenuRequested.emit(pos)
    menu = panels.editing.menus.last_menu
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert window.actions["translate.retranslate_selected"] in menu.actions()
    actions["Copy Source"].trigger()
    assert QApplication.clipboard().text() == "둘째 문장이다."
    menu.close()


def test_a_concept_naming_a_language_without_a_preferred_form_is_refused(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    saved = []
    form = ConceptEditor(["ko", "en"], saved.append, None)
    qtbot.addWidget(form)
    form.set_form("ko", "온코어")
    form.field("en", "variants").setText("Oncor Electric")
    form.accept()
    assert saved == [] and "en" in form.error.text() and not form.error.isHidden()
    form.field("en", "preferred").setText("Oncor")
    form.accept()
    assert [t.text for t in saved[0].terms] == ["온코어", "Oncor", "Oncor Electric"]
