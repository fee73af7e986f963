"""Confirmed segments reach the shared translation memory; repeats then show as matches."""

from __future__ import annotations

from pathlib import Path

from desk_helpers import open_window, press, stored
from PySide6.QtCore import Qt

from documents.project import Project, Status
from memory.store import TranslationMemory
from paths import memory_path

FIRST = "알리페이가 호주에서 서비스를 시작했다."
OTHER = "위어바오는 중국에서 인기가 많다."
SIMILAR = "알리페이가 뉴질랜드에서 서비스를 시작했다."
TRANSLATION = "Alipay launched its service in Australia."


def _project(path: Path, sentences: list[str], name: str) -> Path:
    Project.create(
        path, source_text="\n\n".join(sentences), source_lang="ko", target_lang="en", name=name
    ).close()
    return path


def _window(qtbot, project: Path, packages: Path, data: Path):
    window = open_window(qtbot, project, packages, data)
    panels = window.features
    return window, panels


def _matches_for_row(qtbot, window, panels, row: int):
    with qtbot.waitSignal(panels.memory.panel.sig_matches_shown, timeout=10000):
        window.go_to_source_row(row)
    return panels.memory.panel.matches()


def test_confirmed_segment_becomes_a_fuzzy_and_an_exact_match(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    path = _project(tmp_path / "a.hanbit", [FIRST, OTHER, SIMILAR, FIRST], "Alipay 2014")
    window, panels = _window(qtbot, path, empty_packages_dir, data_dir)
    panels.memory.panel.autofill.setChecked(False)  # first: the match is only shown
    window.go_to_source_row(0, edit=True)
    qtbot.keyClicks(window.view.target_delegate.editor, TRANSLATION)
    with qtbot.waitSignal(panels.memory.panel.sig_matches_shown, timeout=10000):
        press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    fuzzy = _matches_for_row(qtbot, window, panels, 2)
    assert [m.unit.target for m in fuzzy] == [TRANSLATION]
    assert 70 <= fuzzy[0].score < 100
    assert panels.memory.panel.table.item(0, 0).text() == f"{fuzzy[0].score}%"
    assert "line-through" in panels.memory.panel.table.item(0, 1).data(Qt.ItemDataRole.UserRole + 1)

    exact = _matches_for_row(qtbot, window, panels, 3)
    assert exact[0].score == 100 and panels.memory.panel.table.item(0, 0).text() == "100%"
    assert stored(path)[3].target == ""  # autofill off: the target stays the translator's
    with TranslationMemory(memory_path(data=data_dir)) as memory:
        units = list(memory.units("ko", "en"))
    assert [(u.source, u.target, u.origin) for u in units] == [(FIRST, TRANSLATION, "Alipay 2014")]


def test_a_second_project_gets_its_repeat_filled_from_the_memory(
    qtbot, tmp_path, empty_packages_dir, data_dir
):
    first = _project(tmp_path / "a.hanbit", [FIRST, OTHER], "first")
    window, panels = _window(qtbot, first, empty_packages_dir, data_dir)
    window.go_to_source_row(0, edit=True)
    qtbot.keyClicks(window.view.target_delegate.editor, TRANSLATION)
    press(qtbot, window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    # Reviewing it again with the same text adds nothing new.
    window.model.set_status(window.model.segment_ids()[0], Status.REVIEWED)

    second = _project(tmp_path / "b.hanbit", [OTHER, FIRST], "second")
    window.open_project(second)
    assert panels.memory.panel.autofill.isChecked()  # the default
    matches = _matches_for_row(qtbot, window, panels, 1)
    assert matches[0].score == 100
    qtbot.waitUntil(lambda: stored(second)[1].target == TRANSLATION, timeout=10000)
    segment = stored(second)[1]
    assert Status(segment.status) == Status.DRAFT  # filled, not confirmed: the translator checks
    with Project.open(second, read_only=True) as project:
        assert project.history(segment.id)[-1].origin == "tm:100"
