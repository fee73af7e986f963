"""Issue 15 item 7: term and memory suggestions as you type in the target; Enter takes one."""

from __future__ import annotations

from pathlib import Path

from desk_helpers import stored
from first_hour_helpers import open_with_panels
from PySide6.QtCore import Qt

import paths
from desktop.grid.suggestions import completions, suggestions
from documents.project import Project
from glossary.model import Concept, Term
from glossary.store import Termbase
from memory.store import TranslationMemory

SOURCE = "온코어는 텍사스 송전망을 넓힌다."


def test_terms_come_first_then_memory_words_each_once():
    offered = suggestions(["Oncor", "Oncor Electric"], ["Oncor expands the transmission grid."])
    assert offered == ["Oncor", "Oncor Electric", "expands", "transmission", "grid"]
    assert completions("tr", offered) == ["transmission"]
    assert completions("oncor", offered) == ["Oncor Electric"]  # the typed word itself is no offer


def test_typing_offers_the_glossary_term_and_enter_takes_it(
    qtbot, tmp_path: Path, empty_packages_dir, data_dir
):
    with Termbase(paths.glossary_path(data=data_dir)) as termbase:
        termbase.add_concept(Concept(terms=[Term("ko", "온코어"), Term("en", "Oncor")]))
    with TranslationMemory(paths.memory_path(data=data_dir)) as memory:
        memory.add("온코어는 텍사스 송전망을 넓혔다.", "Oncor widened the Texas grid.", "ko", "en")
    path = tmp_path / "w.hanbit"
    Project.create(path, source_text=SOURCE, source_lang="ko", target_lang="en", name="w").close()
    window, panels = open_with_panels(qtbot, path, empty_packages_dir, data_dir)
    panels.memory.panel.autofill.setChecked(False)
    qtbot.waitUntil(lambda: bool(panels.glossary.lookup.matches(SOURCE)), timeout=30_000)
    qtbot.waitUntil(
        lambda: bool(panels.memory.panel.matches()), timeout=10_000
    )  # the memory's match
    window.go_to_source_row(0, edit=True)
    editor = window.view.target_delegate.editor
    popup = editor.completer.popup()
    qtbot.keyClicks(editor, "On")
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "Oncor"  # the term before memory words
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert editor.toPlainText() == "Oncor" and window.view.target_delegate.editor is editor
    qtbot.keyClicks(editor, " wid")  # a word of the memory match
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().index(0, 0).data() == "widened"
    qtbot.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible() and editor.toPlainText() == "Oncor wid"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # no offer open: Enter stores the target
    assert stored(path)[0].target == "Oncor wid"
