"""The translation memory dock: fuzzy and exact matches, insertion, auto-fill."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from desktop.memory.panel import TMPanel
from desktop.settings import Settings
from documents.project import Segment
from memory.store import TranslationMemory

STORED_SOURCE = "알리페이가 호주에서 서비스를 시작했다."
STORED_TARGET = "Alipay launched its service in Australia."


@pytest.fixture
def memory_path(tmp_path: Path) -> Path:
    path = tmp_path / "memory.db"
    with TranslationMemory(path) as memory:
        memory.add(STORED_SOURCE, STORED_TARGET, "ko", "en", origin="alipay-2014")
        memory.add("위어바오는 인기가 많다.", "Yu'e Bao is popular.", "ko", "en")
    return path


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def panel(qtbot, memory_path: Path, settings: QSettings) -> TMPanel:
    widget = TMPanel(memory_path, "ko", "en", settings=Settings(settings))
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def _look_up(qtbot, panel: TMPanel, segment: Segment) -> None:
    with qtbot.waitSignal(panel.sig_matches_shown, timeout=10000):
        panel.segment_changed(segment)


def test_fuzzy_match_shows_its_percentage_and_the_difference(qtbot, panel):
    # One word differs from the stored sentence: a fuzzy match, not an exact one.
    _look_up(qtbot, panel, Segment(1, 1, 0, "알리페이가 뉴질랜드에서 서비스를 시작했다."))

    matches = panel.matches()
    assert len(matches) == 1
    score = matches[0].score
    assert 70 <= score < 100
    assert panel.table.item(0, 0).text() == f"{score}%"
    assert panel.table.item(0, 2).text() == STORED_TARGET
    # The memory's word that the current source lacks is struck out in the source cell.
    source_html = panel.table.item(0, 1).data(Qt.ItemDataRole.UserRole + 1)
    assert "line-through" in source_html and "호주" in source_html


def test_exact_match_fills_an_empty_target_and_inserts_on_shortcut(qtbot, panel):
    filled, inserted = [], []
    panel.sig_fill_target.connect(lambda sid, text: filled.append((sid, text)))
    panel.sig_insert_text.connect(inserted.append)

    _look_up(qtbot, panel, Segment(7, 3, 0, STORED_SOURCE))

    assert panel.table.item(0, 0).text() == "100%"
    assert filled == [(7, STORED_TARGET)]
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(panel.table, Qt.Key.Key_2, ctrl_shift)  # only one match: nothing happens
    qtbot.keyClick(panel.table, Qt.Key.Key_1, ctrl_shift)
    assert inserted == [STORED_TARGET]


def test_autofill_off_leaves_the_target_alone(qtbot, panel, settings):
    panel.autofill.setChecked(False)
    assert settings.value("tm/autofill_exact", type=bool) is False
    filled = []
    panel.sig_fill_target.connect(lambda sid, text: filled.append(text))

    _look_up(qtbot, panel, Segment(7, 3, 0, STORED_SOURCE))

    assert panel.matches()[0].score == 100
    assert filled == []


def test_a_segment_with_a_target_is_never_overwritten(qtbot, panel):
    filled = []
    panel.sig_fill_target.connect(lambda sid, text: filled.append(text))
    _look_up(qtbot, panel, Segment(7, 3, 0, STORED_SOURCE, target="My own translation."))
    assert filled == []


def test_no_match_says_so(qtbot, panel):
    _look_up(qtbot, panel, Segment(2, 2, 0, "전혀 다른 문장이다 완전히."))
    assert panel.table.rowCount() == 0
    assert "No match" in panel.status.text()
