"""The glossary dock and term highlighting: terms of a Korean segment, insertion, tooltips."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QApplication,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QToolTip,
)

import desktop.glossary.term_lookup
from desktop.glossary.panel import GlossaryPanel
from desktop.glossary.term_lookup import TermLookup
from desktop.grid.term_highlight import TermHighlightDelegate, TermHighlighter, utf16_offset
from glossary.store import Concept, Term, Termbase, TermKind

# Particles glued to the terms: 알리바바의 (of), 알리페이가 (subject), 호주에 (to).
SEGMENT = "알리바바의 알리페이가 호주에 진출했다."


@pytest.fixture
def termbase(tmp_path: Path) -> Termbase:
    base = Termbase(tmp_path / "glossary.db")
    base.add_concept(
        Concept(
            terms=[
                Term("ko", "알리페이"),
                Term("en", "Alipay"),
                Term("en", "Ali Pay", TermKind.FORBIDDEN),
            ],
            note="Alibaba's payment service",
        )
    )
    base.add_concept(Concept(terms=[Term("ko", "호주"), Term("en", "Australia")]))
    base.add_concept(Concept(terms=[Term("ko", "알리바바"), Term("en", "Alibaba")]))
    yield base
    base.close()


@pytest.fixture
def lookup(termbase: Termbase) -> TermLookup:
    return TermLookup(termbase, "ko", "en")


@pytest.fixture
def panel(qtbot, lookup: TermLookup) -> GlossaryPanel:
    widget = GlossaryPanel(lookup)
    qtbot.addWidget(widget)
    widget.set_source(SEGMENT)
    return widget


def test_lists_the_terms_of_a_segment_with_particles_in_order(panel):
    assert [panel.row_texts(row)[1:3] for row in range(panel.row_count())] == [
        ["알리바바 (+의)", "Alibaba"],
        ["알리페이 (+가)", "Alipay"],
        ["호주 (+에)", "Australia"],
    ]
    alipay = panel.row_texts(1)
    assert alipay[0] == "Ctrl+2"
    assert alipay[3] == "Ali Pay"
    assert panel.tree.topLevelItem(1).font(3).strikeOut()
    assert alipay[4] == "Alibaba's payment service"


def test_ctrl_2_inserts_the_second_term(qtbot, panel):
    inserted = []
    panel.sig_insert_text.connect(inserted.append)
    with qtbot.waitActive(panel):
        panel.show()
        panel.activateWindow()
    qtbot.keyClick(panel.tree, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(panel.tree, Qt.Key.Key_9, Qt.KeyboardModifier.ControlModifier)  # no 9th
    assert inserted == ["Alipay"]


def test_a_click_inserts_that_term(qtbot, panel):
    panel.show()
    qtbot.waitExposed(panel)
    item = panel.tree.topLevelItem(2)
    rect = panel.tree.visualItemRect(item)
    with qtbot.waitSignal(panel.sig_insert_text) as blocker:
        qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["Australia"]


def test_a_segment_without_terms_says_so(panel):
    panel.set_source("전혀 관계없는 문장이다.")
    assert panel.row_count() == 0
    assert panel.insert_term(1) is False


def test_glossary_change_refreshes_the_panel(panel, termbase, lookup):
    assert lookup.refresh() is False  # nothing changed: the cached matches stay
    termbase.delete_concept(termbase.find_form("ko", "호주")[0])
    assert lookup.refresh() is True
    assert [panel.row_texts(row)[2] for row in range(panel.row_count())] == ["Alibaba", "Alipay"]


def test_highlighter_marks_terms_and_the_tooltip_shows_the_entry(qtbot, lookup):
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = TermHighlighter(editor.document(), lookup)
    editor.setPlainText(SEGMENT)

    def marked() -> list[str]:
        return [
            SEGMENT[r.start : r.start + r.length]
            for r in editor.document().firstBlock().layout().formats()
            if r.format.background().color().alpha()
        ]

    qtbot.waitUntil(lambda: marked() == ["알리바바", "알리페이", "호주"])
    assert highlighter.match_at_position(SEGMENT, SEGMENT.index("호주")).target == "Australia"
    match = lookup.match_at(SEGMENT, SEGMENT.index("페이"))
    tooltip = lookup.tooltip(match)
    assert "Alipay" in tooltip and "<s>Ali Pay</s>" in tooltip
    assert "payment service" in tooltip


def test_positions_count_utf16_units_for_rare_hanja():
    text = "𠀋 알리페이"  # a CJK Extension B character takes two UTF-16 units in Qt
    assert utf16_offset(text, 2) == 3


def test_grid_delegate_tooltip_shows_the_entry_under_the_mouse(qtbot, lookup):
    table = QTableWidget(1, 1)
    qtbot.addWidget(table)
    table.setItem(0, 0, QTableWidgetItem(SEGMENT))
    table.setItemDelegateForColumn(0, TermHighlightDelegate(lookup, table))
    table.setColumnWidth(0, 500)
    table.show()
    qtbot.waitExposed(table)
    rect = table.visualRect(table.model().index(0, 0))
    metrics = table.fontMetrics()
    # A point inside 호주 (after "알리바바의 알리페이가 " and a 2-pixel document margin).
    x = rect.left() + 2 + metrics.horizontalAdvance("알리바바의 알리페이가 ") + 4
    pos = QPoint(x, rect.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, table.viewport().mapToGlobal(pos))
    QApplication.sendEvent(table.viewport(), event)
    assert "Australia" in QToolTip.text()
    QToolTip.hideText()


def test_a_big_glossary_is_built_off_the_ui_thread(qtbot, termbase, monkeypatch):
    monkeypatch.setattr(desktop.glossary.term_lookup, "BUILD_INLINE_UP_TO", 1)  # 3 concepts: "big"
    lookup = TermLookup(termbase, "ko", "en")
    with qtbot.waitSignal(lookup.sig_changed, timeout=10000):
        assert lookup.matches(SEGMENT) == []  # not built yet: nothing rather than a freeze
    assert [m.target for m in lookup.matches(SEGMENT)] == ["Alibaba", "Alipay", "Australia"]

    termbase.delete_concept(termbase.find_form("ko", "호주")[0])
    with qtbot.waitSignal(lookup.sig_changed, timeout=10000):
        assert lookup.refresh() is True
        # Until the new matcher is ready the old matches stay on screen.
        assert len(lookup.matches(SEGMENT)) == 3
    assert [m.target for m in lookup.matches(SEGMENT)] == ["Alibaba", "Alipay"]
