"""The panels inside the desk window: docks, the current segment, insertion, QA jumps, TM fill."""

from __future__ import annotations

from desk_helpers import open_window, stored
from PySide6.QtCore import Qt

from desktop.tasks import task_runner
from memory.store import TranslationMemory
from paths import memory_path


def _window(qtbot, article_project, packages, data_dir):
    window = open_window(qtbot, article_project, packages, data_dir)
    task_runner().wait()  # the window's curated-glossary merge, then the termbase opens
    qtbot.waitUntil(lambda: window.features.glossary.termbase is not None, timeout=10_000)
    return window, window.features


def test_docks_follow_the_current_segment(qtbot, article_project, empty_packages_dir, data_dir):
    window, panels = _window(qtbot, article_project, empty_packages_dir, data_dir)
    names = {action.text() for action in window.menu("panels").actions()}
    assert {"Glossary", "Translation Memory", "QA"} <= names
    segments = stored(article_project)
    row = next(i for i, s in enumerate(segments) if "알리페이가 호주에" in s.source)
    window.go_to_source_row(row)
    qtbot.waitUntil(lambda: panels.glossary.panel.row_count() >= 3, timeout=10000)
    targets = [
        panels.glossary.panel.row_texts(r)[2].split(" · ")[0]
        for r in range(panels.glossary.panel.row_count())
    ]
    assert "Alipay" in targets and "Australia" in targets


def test_ctrl_number_inserts_a_term_into_the_target_editor(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, article_project, empty_packages_dir, data_dir)
    segments = stored(article_project)
    row = next(i for i, s in enumerate(segments) if "알리페이가 호주에" in s.source)
    window.go_to_source_row(row, edit=True)
    qtbot.waitUntil(lambda: panels.glossary.panel.row_count() >= 2, timeout=10000)
    second = panels.glossary.panel.terms()[1].target
    editor = window.view.target_delegate.editor
    assert editor is not None
    qtbot.keyClick(editor, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert editor.toPlainText() == second


def test_qa_click_goes_to_the_segment(qtbot, article_project, empty_packages_dir, data_dir):
    window, panels = _window(qtbot, article_project, empty_packages_dir, data_dir)
    segments = stored(article_project)
    target = next(s for s in segments if "1500만 달러" in s.source)
    window.model.change(
        target.id, "They invested $1.5 million.", window.model.segment(target.id).status
    )
    with qtbot.waitSignal(panels.qa.panel.sig_updated, timeout=10000):
        panels.qa.panel.run_all()
    issue = next(i for i in panels.qa.panel.issues() if i.segment_id == target.id)
    panels.qa.panel.sig_goto_segment.emit(issue.segment_id)
    assert window.current_segment_id() == target.id


def test_exact_memory_match_fills_an_empty_target(
    qtbot, article_project, empty_packages_dir, data_dir
):
    segments = stored(article_project)
    with TranslationMemory(memory_path(data=data_dir)) as memory:
        memory.add(segments[3].source, "Alipay teams up with Apple Pay.", "ko", "en")
    window, panels = _window(qtbot, article_project, empty_packages_dir, data_dir)
    with qtbot.waitSignal(panels.memory.panel.sig_matches_shown, timeout=10000):
        window.go_to_source_row(3)
    assert panels.memory.panel.matches()[0].score == 100
    qtbot.waitUntil(lambda: stored(article_project)[3].target == "Alipay teams up with Apple Pay.")
    task_runner().wait()


def test_glossary_menu_opens_the_manager_and_candidates(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, article_project, empty_packages_dir, data_dir)
    manager = panels.glossary.open_manager()
    assert manager.isVisible() and manager.model.rowCount() > 10  # the curated glossary
    dialog = panels.glossary.open_candidates()
    qtbot.waitUntil(lambda: "candidate" in dialog.status.text(), timeout=10000)
    packages = window.open_package_manager()
    assert packages.isVisible()
    packages.beam.setValue(5)
    assert window.engine.options.beam_size == 5
    task_runner().wait()


def test_a_term_added_in_the_manager_shows_in_the_panel_at_once(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, article_project, empty_packages_dir, data_dir)
    segments = stored(article_project)
    row = next(i for i, s in enumerate(segments) if "솔로데이" in s.source)
    window.go_to_source_row(row)
    before = {m.term for m in panels.glossary.panel.terms()}
    assert "프라이데이" not in before
    manager = panels.glossary.open_manager()
    editor = manager.open_add_dialog("프라이데이", "Friday")
    qtbot.addWidget(editor)
    editor.accept()
    assert "프라이데이" in {m.term for m in panels.glossary.panel.terms()}
    assert "Friday" in [m.target for m in panels.glossary.panel.terms()]


def test_docks_come_back_where_the_translator_left_them(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, article_project, empty_packages_dir, data_dir)
    qa_dock = next(
        d
        for d in (panels.glossary.dock, panels.memory.dock, panels.qa.dock)
        if d.objectName() == "qa-dock"
    )
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, qa_dock)
    panels.memory.dock.hide()  # the TM dock closed
    window.close()  # saves the layout
    again, panels_again = _window(qtbot, article_project, empty_packages_dir, data_dir)
    qa_again = panels_again.qa.dock
    assert again.dockWidgetArea(qa_again) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert not panels_again.memory.dock.isVisible()


def test_closing_the_window_lets_go_of_the_project(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window, panels = _window(qtbot, article_project, empty_packages_dir, data_dir)
    window.close()
    assert panels.qa.panel.project is None
    panels.glossary.lookup.sig_changed.emit()  # late: must not touch the project
