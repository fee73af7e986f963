"""Segment ▸ Only Segments with QA Issues: the grid shows what QA flags, and follows it."""

from __future__ import annotations

from desk_helpers import open_window, press, stored
from PySide6.QtCore import Qt

from documents.project import Status


def _flagged(panels) -> set[int]:
    return {issue.segment_id for issue in panels.qa.panel.issues()}


def test_qa_filter_shows_only_flagged_segments_and_follows_fixes(
    qtbot, article_project, empty_packages_dir, data_dir
):
    window = open_window(qtbot, article_project, empty_packages_dir, data_dir)
    panels = window.features
    total = window.proxy.rowCount()
    target = next(s for s in stored(article_project) if "1500만 달러" in s.source)
    window.model.change(target.id, "They invested $1.5 million.", Status.TRANSLATED)
    qtbot.waitUntil(lambda: target.id in _flagged(panels), timeout=10000)
    flagged = _flagged(panels)
    assert target.id in flagged

    press(
        qtbot,
        window,
        Qt.Key.Key_Q,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.features.qa.filter.action.isChecked()
    shown = {window.view.segment_id_at(row) for row in range(window.proxy.rowCount())}
    assert shown == flagged and len(shown) < total

    # Fixed: the QA check passes, and the segment leaves the filtered grid.
    fixed = (
        "Ant Financial put $15 million, its second (Series B) investment, into Singapore's V-Key."
    )
    window.model.change(target.id, fixed, Status.TRANSLATED)
    qtbot.waitUntil(lambda: target.id not in _flagged(panels), timeout=10000)
    shown = {window.view.segment_id_at(row) for row in range(window.proxy.rowCount())}
    assert target.id not in shown
    assert shown == _flagged(panels)

    window.features.qa.filter.action.setChecked(False)
    assert window.proxy.rowCount() == total
