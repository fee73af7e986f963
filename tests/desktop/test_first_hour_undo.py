"""Issue 15 items 2-3: a confirm is one undo step, and the memory follows an undone confirm."""

from __future__ import annotations

from pathlib import Path

from desk_helpers import open_window, press, stored
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from documents.project import Project, Status
from memory.store import TranslationMemory
from paths import memory_path

FIRST = "알리페이가 호주에서 서비스를 시작했다."
OTHER = "위어바오는 중국에서 인기가 많다."


def _window(qtbot, tmp_path: Path, packages: Path, data: Path, sentences: list[str]):
    path = tmp_path / "p.hanbit"
    Project.create(
        path, source_text="\n\n".join(sentences), source_lang="ko", target_lang="en", name="p"
    ).close()
    window = open_window(qtbot, path, packages, data)
    panels = window.features
    panels.memory.panel.autofill.setChecked(False)
    return window, panels, path


def _memory(data: Path) -> list[tuple[str, str]]:
    with TranslationMemory(memory_path(data=data)) as memory:
        return [(u.source, u.target) for u in memory.units("ko", "en")]


def _confirm_typed(qtbot, window, text: str) -> None:
    editor = window.view.target_delegate.editor
    editor.selectAll()
    if text.isascii():
        qtbot.keyClicks(editor, text)
    else:  # QTest types ASCII only; hangul arrives as an input method commits it
        editor.insertPlainText(text)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_undo_of_a_confirm_is_one_step_and_takes_the_memory_unit_back(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    window, panels, path = _window(qtbot, tmp_path, empty_packages_dir, data_dir, [FIRST, OTHER])
    sid = window.model.segment_ids()[0]
    window.model.change(sid, "알리페이 launched", Status.DRAFT, origin="mt")  # a hybrid MT
    window.go_to_source_row(0, edit=True)
    _confirm_typed(qtbot, window, "Alipay launched its service.")
    assert stored(path)[0].status == Status.TRANSLATED
    qtbot.waitUntil(lambda: _memory(data_dir) == [(FIRST, "Alipay launched its service.")])

    window.view.commit_editor()  # the next segment's editor opened; Esc-like: back to the grid
    window.go_to_source_row(0)
    window.view.setFocus()
    press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # One Ctrl+Z: both the text and the status are back, and the memory no longer has it.
    first = stored(path)[0]
    assert (first.target, first.status) == ("알리페이 launched", Status.DRAFT)
    qtbot.waitUntil(lambda: _memory(data_dir) == [])

    # Redo confirms again, and the memory follows once more.
    press(qtbot, window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored(path)[0].status == Status.TRANSLATED
    qtbot.waitUntil(lambda: _memory(data_dir) == [(FIRST, "Alipay launched its service.")])


def test_undo_of_a_reconfirm_restores_the_memory_unit_it_replaced(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    with TranslationMemory(memory_path(data=data_dir)) as memory:
        memory.add(FIRST, "Older translation.", "ko", "en", origin="earlier project")
    window, panels, path = _window(qtbot, tmp_path, empty_packages_dir, data_dir, [FIRST, OTHER])
    window.go_to_source_row(0, edit=True)
    _confirm_typed(qtbot, window, "New translation.")
    qtbot.waitUntil(lambda: _memory(data_dir) == [(FIRST, "New translation.")])
    window.view.commit_editor()
    window.go_to_source_row(0)
    window.undo_segment()
    qtbot.waitUntil(lambda: _memory(data_dir) == [(FIRST, "Older translation.")])
    with TranslationMemory(memory_path(data=data_dir)) as memory:
        unit = next(memory.units("ko", "en"))
        assert unit.origin == "earlier project" and memory.history(unit.id) == []


def test_undoing_a_confirm_never_throws_away_a_later_change_to_the_memory_unit(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    """A colleague (or the concordance) changed the unit after this desk confirmed it: the
    undo takes the segment back but leaves the unit, and the window says when it changed."""
    window, panels, path = _window(qtbot, tmp_path, empty_packages_dir, data_dir, [FIRST, OTHER])
    window.go_to_source_row(0, edit=True)
    _confirm_typed(qtbot, window, "Alipay launched its service.")
    qtbot.waitUntil(lambda: _memory(data_dir) == [(FIRST, "Alipay launched its service.")])
    with TranslationMemory(memory_path(data=data_dir)) as memory:
        unit = next(memory.units("ko", "en"))
        memory.edit(unit.id, target="Alipay has launched its service in Australia.")
    window.view.commit_editor()
    window.go_to_source_row(0)
    window.undo_segment()
    assert stored(path)[0].status != Status.TRANSLATED  # the segment is undone
    bar = window.statusBar()
    qtbot.waitUntil(lambda: "was changed" in bar.currentMessage(), timeout=5000)
    assert "your change was not saved" in bar.currentMessage()
    assert _memory(data_dir) == [(FIRST, "Alipay has launched its service in Australia.")]


def test_confirming_hangul_left_in_an_english_target_asks_first(
    qtbot, tmp_path, empty_packages_dir, data_dir, monkeypatch
):
    window, _panels, path = _window(qtbot, tmp_path, empty_packages_dir, data_dir, [FIRST, OTHER])
    asked: list[str] = []

    def answer_no(parent, title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "warning", answer_no)
    window.go_to_source_row(0, edit=True)
    _confirm_typed(qtbot, window, "Alipay 호주에서 launched")
    assert asked and "호주에서" in asked[0]
    assert (stored(path)[0].target, stored(path)[0].status) == (
        "Alipay 호주에서 launched",
        Status.DRAFT,
    )
    assert window.view.target_delegate.editor is not None  # back in the editor to fix it

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: QMessageBox.StandardButton.Yes)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored(path)[0].status == Status.TRANSLATED
