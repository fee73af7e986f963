"""The translator's desk window: the grid over a project, editing, keyboard workflow, banner."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desk_helpers import open_window, press, stored
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

import desktop.project.dialogs as dialogs
import paths
from desktop.grid.segment_model import (
    COL_NUMBER,
    COL_SOURCE,
    COL_STATUS,
    COL_TARGET,
    TERM_FAILED_ROLE,
)
from desktop.settings import Settings
from documents.project import Project, Status
from documents.segmentation import count_words


def test_window_shows_every_segment_with_read_only_source(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    segments = stored(article_project)
    model = window.view.model()
    assert model.rowCount() == len(segments) > 10
    for row, segment in enumerate(segments):
        assert model.index(row, COL_SOURCE).data() == segment.source
        assert model.index(row, COL_NUMBER).data() == segment.number
        assert model.index(row, COL_STATUS).data() == "new"
    assert not model.index(0, COL_SOURCE).flags() & Qt.ItemFlag.ItemIsEditable
    assert model.index(0, COL_TARGET).flags() & Qt.ItemFlag.ItemIsEditable
    words = sum(count_words(s.source) for s in segments)
    summary = window.summary.counts.text()
    assert f"0/{len(segments)} translated" in summary and f"0/{words:,} words done" in summary


def test_no_package_banner_when_packages_folder_is_empty(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    assert window.banner.isVisible()
    assert "No Korean → English translation package is installed" in window.banner.text()
    assert not window.actions["translate.all"].isEnabled()
    assert window.translate_all() is False
    # Manual translation still works.
    window.view.go_to_row(0, edit=True)
    qtbot.keyClicks(window.view.target_delegate.editor, "by hand")
    press(qtbot, window, Qt.Key.Key_Return)
    assert stored(article_project)[0].target == "by hand"


def test_no_banner_and_pivot_listed_with_packages(
    qtbot, article_project, tiny_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir)
    assert not window.banner.isVisible()
    assert window.actions["translate.all"].isEnabled()
    window.pair_selector.set_routes(window.routes())
    assert "Korean → Chinese (Simplified) via English" in window.pair_selector.labels()
    assert "Korean → English" in window.pair_selector.labels()


def test_editing_a_target_cell_stores_it_at_once(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.view.go_to_row(2, edit=True)
    editor = window.view.target_delegate.editor
    assert editor is not None
    one_line = window.view.rowHeight(2)
    qtbot.keyClicks(editor, "first line")
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "second line")
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(editor, "third line")
    # The row grows while typing so that no line of the target hides under the next row.
    qtbot.waitUntil(lambda: window.view.rowHeight(2) >= editor.content_height() > one_line)
    press(qtbot, window, Qt.Key.Key_Return)
    segment = stored(article_project)[2]
    assert segment.target == "first line\nsecond line\nthird line"
    assert segment.status == Status.DRAFT
    assert window.view.model().index(2, COL_TARGET).data() == segment.target


def test_ctrl_enter_confirms_and_jumps_to_next_unconfirmed(
    qtbot, article_project, empty_packages_dir, data_dir
):
    project = Project.open(article_project)
    second = project.segments()[1]
    project.set_target(second.id, "already done", status=Status.TRANSLATED)
    project.close()
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.view.go_to_row(0, edit=True)
    qtbot.keyClicks(window.view.target_delegate.editor, "my translation")
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    segments = stored(article_project)
    assert (segments[0].target, segments[0].status) == ("my translation", Status.TRANSLATED)
    assert window.view.currentIndex().row() == 2  # row 1 was confirmed already
    done = count_words(segments[0].source) + count_words(segments[1].source)
    expected = f"2/{len(segments)} translated"
    qtbot.waitUntil(lambda: expected in window.summary.counts.text())
    assert f"{done:,}/" in window.summary.counts.text()
    assert window.view.target_delegate.editor is not None  # ready to type
    press(qtbot, window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.view.currentIndex().row() == 1
    press(qtbot, window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.view.currentIndex().row() == 2


def test_ctrl_m_copies_mt_and_undo_redo_per_segment(
    qtbot, article_project, empty_packages_dir, data_dir
):
    project = Project.open(article_project)
    third = project.segments()[2]
    project.set_mt(third.id, "machine draft", {}, fill_target=False)
    project.close()
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.view.go_to_row(2)
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert stored(article_project)[2].target == "machine draft"
    press(
        qtbot,
        window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert stored(article_project)[2].target == third.source
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored(article_project)[2].target == "machine draft"
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (stored(article_project)[2].target, stored(article_project)[2].status) == (
        "",
        Status.NEW,
    )
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(article_project)[2].target == "machine draft"


def test_reopening_restores_the_current_segment(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.view.go_to_row(7)
    chosen = window.current_segment_id()
    window.close()
    again = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    assert again.view.currentIndex().row() == 7
    assert again.current_segment_id() == chosen
    assert Settings().recent_projects()[0] == article_project.resolve()


def test_status_filter_shows_only_that_status(qtbot, article_project, empty_packages_dir, data_dir):
    project = Project.open(article_project)
    ids = [s.id for s in project.segments()]
    project.set_target(ids[3], "done", status=Status.TRANSLATED)
    project.set_target(ids[5], "done too", status=Status.TRANSLATED)
    project.close()
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.status_filter.setCurrentIndex(window.status_filter.findData(Status.TRANSLATED))
    model = window.view.model()
    assert [model.index(r, COL_TARGET).data() for r in range(model.rowCount())] == [
        "done",
        "done too",
    ]
    window.status_filter.setCurrentIndex(0)
    assert model.rowCount() == len(ids)


def test_find_and_replace_in_targets(qtbot, article_project, empty_packages_dir, data_dir):
    project = Project.open(article_project)
    segments = project.segments()
    project.set_target(segments[4].id, "Ali Pay opens in Sydney")
    project.set_target(segments[9].id, "ali pay again")
    project.close()
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.find_bar.find_edit.setText("ali pay")
    window.find_bar.find_next()
    assert window.view.currentIndex().row() == 4
    window.find_bar.find_next()
    assert window.view.currentIndex().row() == 9
    press(qtbot, window, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    window.find_bar.replace_edit.setText("Alipay")
    assert window.find_bar.replace_all() == 2
    after = stored(article_project)
    assert (after[4].target, after[9].target) == ("Alipay opens in Sydney", "Alipay again")
    assert segments[4].source == after[4].source  # sources never change


def test_rows_grow_with_wrapped_text_only_where_needed(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    model = window.view.model()
    lengths = [len(model.index(r, COL_SOURCE).data()) for r in range(model.rowCount())]
    longest, shortest = lengths.index(max(lengths)), lengths.index(min(lengths))
    window.view.go_to_row(longest)
    window.view.go_to_row(shortest)
    qtbot.waitUntil(lambda: window.view.rowHeight(longest) > window.view.rowHeight(shortest))


def test_split_and_join_change_the_grid_and_the_project(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    before = stored(article_project)
    source = before[5].source
    cut = source.index(" ", len(source) // 2)
    window.view.go_to_row(5)
    window.split_segment(cut)
    after = stored(article_project)
    assert len(after) == len(before) + 1
    assert (after[5].source, after[6].source) == (source[:cut].strip(), source[cut:].strip())
    assert window.view.model().rowCount() == len(after)
    assert window.view.model().index(6, COL_SOURCE).data() == source[cut:].strip()
    window.view.go_to_row(5)
    press(
        qtbot,
        window,
        Qt.Key.Key_J,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    joined = stored(article_project)
    assert len(joined) == len(before)
    assert joined[5].source.replace(" ", "") == source.replace(" ", "")


def test_failed_glossary_term_is_flagged_in_the_grid(
    qtbot, article_project, empty_packages_dir, data_dir
):
    project = Project.open(article_project)
    segment = project.segments()[4]
    info = {
        "terms": [
            {
                "concept_id": 1,
                "source": "알리페이",
                "target": "Alipay",
                "method": "injected",
                "ok": True,
            },
            {
                "concept_id": 2,
                "source": "바이두",
                "target": "Baidu",
                "method": "failed",
                "ok": False,
            },
        ],
        "forbidden_found": [],
    }
    project.set_mt(segment.id, "Alipay opens its sixth office", info)
    project.close()
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    model = window.model
    row = model.row_of(segment.id)
    assert model.index(row, COL_STATUS).data(TERM_FAILED_ROLE) is True
    assert model.index(row - 1, COL_STATUS).data(TERM_FAILED_ROLE) is False
    tooltip = model.index(row, COL_TARGET).data(Qt.ItemDataRole.ToolTipRole)
    assert "✗ 바이두 → Baidu" in tooltip and "✓ 알리페이 → Alipay" in tooltip
    # The flag makes the status cell taller, so the warning is drawn inside it (a wide
    # window: the two sources stay on one line each, beside the docks).
    window.resize(2600, 900)
    window.view.go_to_row(row)
    qtbot.waitUntil(lambda: window.view.rowHeight(row) > window.view.rowHeight(row - 1))


def test_five_thousand_segments_open_and_only_visible_rows_are_measured(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    lines = [f"알리페이가 호주에 {n}번째 글로벌 지사를 설립할 예정이다." for n in range(5000)]
    path = tmp_path / "big.hanbit"
    Project.create(path, source_text="\n".join(lines), source_lang="ko", target_lang="en").close()
    window = open_window(qtbot, path, empty_packages_dir, data_dir)
    view = window.view
    assert view.model().rowCount() == 5000
    qtbot.waitUntil(lambda: len(view._sized) > 0)
    assert len(view._sized) < 200  # never the whole table
    view.go_to_row(4321)
    qtbot.waitUntil(lambda: 4321 in view._sized)
    assert len(view._sized) < 400


def test_undo_reaches_changes_made_in_an_earlier_session(
    qtbot, article_project, empty_packages_dir, data_dir
):
    project = Project.open(article_project)
    segment = project.segments()[1]
    project.set_target(segment.id, "first try")
    project.set_target(segment.id, "second try", status=Status.TRANSLATED)
    project.close()
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.view.go_to_row(1)
    window.view.setFocus()
    states = []
    for _ in range(3):  # the third finds nothing older and changes nothing
        press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        after = stored(article_project)[1]
        states.append((after.target, after.status))
    assert states == [("first try", Status.DRAFT), ("", Status.NEW), ("", Status.NEW)]
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(article_project)[1].target == "first try"


def test_opening_another_project_swaps_the_grid_and_lists_both_as_recent(
    qtbot, article_project, tmp_path, empty_packages_dir, data_dir
):
    other = tmp_path / "other.hanbit"
    Project.create(other, source_text="하나. 둘.", source_lang="ko", target_lang="en").close()
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.open_project(other)
    model = window.view.model()
    assert [model.index(r, COL_SOURCE).data() for r in range(model.rowCount())] == ["하나.", "둘."]
    recent = [a.text() for a in window.recent_menu.actions()]
    assert recent == [str(other.resolve()), str(article_project.resolve())]
    with Project.open(article_project) as first:  # the window let go of the first project
        first.set_target(first.segments()[0].id, "free again")
    window.view.go_to_row(1, edit=True)
    qtbot.keyClicks(window.view.target_delegate.editor, "two")
    press(qtbot, window, Qt.Key.Key_Return)
    assert [s.target for s in stored(other)] == ["", "two"]


def test_enter_on_a_row_opens_its_target_and_escape_leaves_it_unchanged(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    window.view.go_to_row(3)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    editor = window.view.target_delegate.editor
    assert editor is not None
    qtbot.keyClicks(editor, "abandoned")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert window.view.target_delegate.editor is None
    assert stored(article_project)[3].target == ""


def test_chosen_font_is_used_and_remembered(qtbot, article_project, empty_packages_dir, data_dir):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    small = window.view.rowHeight(0)
    font = QFont(window.view.font())
    font.setPointSize(font.pointSize() * 2)
    window.apply_font(font)
    qtbot.waitUntil(lambda: window.view.rowHeight(0) > small)
    window.close()
    again = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    assert again.view.font().pointSize() == font.pointSize()


def test_a_project_another_desk_is_editing_opens_read_only(
    qtbot, article_project, empty_packages_dir, data_dir
):
    holder = subprocess.Popen(  # another desk: holds the write lock until its stdin closes
        [
            sys.executable,
            "-c",
            "import sys; from documents.project import Project;"
            f"p = Project.open(__import__('pathlib').Path({str(article_project)!r}));"
            "print('ready', flush=True); sys.stdin.read(); p.close()",
        ],
        cwd=Path(__file__).resolve().parents[2],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ready"
        window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
        assert window.project.read_only
        assert "Opened read-only" in window.banner.text()
        assert not window.view.model().index(0, COL_TARGET).flags() & Qt.ItemFlag.ItemIsEditable
        window.view.go_to_row(0)
        press(qtbot, window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        window.find_bar.find_edit.setText("알리")
        window.find_bar.replace_edit.setText("X")
        assert window.find_bar.replace_all() == 0
        window.close()
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    assert all(s.target == "" and s.status == Status.NEW for s in stored(article_project))


def test_new_project_from_an_article_with_a_chosen_pair(
    qtbot, article_project, tmp_path, tiny_packages_dir, data_dir, monkeypatch
):
    article = tmp_path / "brief.md"
    article.write_text("# 알리페이\n\n알리페이가 호주에 진출한다.\n", encoding="utf-8")
    monkeypatch.setattr(dialogs.QFileDialog, "getOpenFileName", lambda *a, **k: (str(article), ""))

    def choose_pivot(dialog):
        assert dialog.selector.select("ko", "zh-Hans")
        return 1

    monkeypatch.setattr(dialogs.PairDialog, "exec", choose_pivot)
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir)
    window.actions["file.new"].trigger()
    assert window.project.path.parent == paths.projects_dir(data_dir)
    assert (window.project.source_lang, window.project.target_lang) == ("ko", "zh-Hans")
    model = window.view.model()
    assert [model.index(r, COL_SOURCE).data() for r in range(model.rowCount())] == [
        "알리페이",
        "알리페이가 호주에 진출한다.",
    ]
    assert window.pair_selector.combo.currentText() == "Korean → Chinese (Simplified) via English"
    assert not window.banner.isVisible()


def test_banner_offers_packages_and_goes_once_one_is_installed(
    qtbot, tmp_path, tiny_argosmodel, data_dir, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    packages = tmp_path / "empty-packages"
    packages.mkdir()
    project = tmp_path / "zh.hanbit"
    Project.create(project, source_text="你好。", source_lang="zh-Hans", target_lang="en").close()
    window = open_window(qtbot, project, packages, data_dir)
    assert window.banner.isVisible()
    assert window.banner.install_button.isVisible() and window.banner.manager_button.isVisible()
    assert not window.actions["translate.all"].isEnabled()

    window.banner.manager_button.click()
    manager = window._package_manager
    assert manager is not None and manager.isVisible()
    manager.hide()

    # "Install package file…" asks for the file, installs it, and the pair works at once.
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tiny_argosmodel), ""))
    window.banner.install_button.click()
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10000)
    assert window.actions["translate.all"].isEnabled()
    assert window.route() is not None


def _answer(monkeypatch, yes: bool) -> list[str]:
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []

    def question(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def test_choosing_another_target_retargets_a_project_without_confirmed_work(
    qtbot, article_project, tiny_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir)
    panels = window.features
    first = stored(article_project)[0].id
    window.project.set_mt(first, "an English draft")
    assert window.pair_selector.select("ko", "zh-Hans")
    assert window.project.target_lang == "zh-Hans"
    assert panels.memory.panel.target_lang == "zh-Hans"  # the memory looks up the new pair
    assert window.pair_selector.combo.currentText() == "Korean → Chinese (Simplified) via English"
    assert window.project.segment(first).target == ""  # the English draft is gone
    assert window.actions["translate.all"].isEnabled()
    with Project.open(article_project, read_only=True) as reopened:
        assert reopened.target_lang == "zh-Hans"


def test_confirmed_work_keeps_its_target_and_offers_a_copy(
    qtbot, article_project, tiny_packages_dir, data_dir, monkeypatch, tmp_path
):
    from desktop.translate.pair_change import change_target

    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir)
    first = stored(article_project)[0].id
    window.project.set_target(first, "Alipay", status=Status.TRANSLATED)
    asked = _answer(monkeypatch, yes=False)
    assert window.pair_selector.select("ko", "zh-Hans")
    assert "1 segment(s) are confirmed" in asked[0]
    assert window.project.target_lang == "en" and window.project.segment(first).target == "Alipay"
    assert window.pair_selector.current_pair() == ("ko", "en")

    _answer(monkeypatch, yes=True)
    copy = tmp_path / "article-zh.hanbit"
    assert change_target(window, "zh-Hans", copy_to=copy)
    assert window.project.path == copy and window.project.target_lang == "zh-Hans"
    assert window.project.segment(first).target == ""
    with Project.open(article_project, read_only=True) as original:
        assert original.target_lang == "en" and original.segment(first).target == "Alipay"


def test_a_pair_without_package_offers_the_package_manager(
    qtbot, article_project, tiny_packages_dir, data_dir, monkeypatch
):
    window = open_window(qtbot, article_project, tiny_packages_dir, data_dir)
    asked = _answer(monkeypatch, yes=True)
    assert window.pair_selector.select("ko", "zh-Hant")
    assert "No Korean → Chinese (Traditional) translation package" in asked[0]
    assert window._package_manager is not None and window._package_manager.isVisible()
    assert window.project.target_lang == "en"
    assert window.pair_selector.current_pair() == ("ko", "en")
