"""Segment ▸ Only Segments with QA Issues: a toolbar toggle beside the status filter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject

if TYPE_CHECKING:
    from desktop.desk import Desk
    from desktop.qa.panel import QAPanel


class QAFilter(QObject):
    """While on, the grid shows only segments with open QA issues (false alarms excluded);
    it follows the QA panel as issues are found and fixed. Combines with the status filter."""

    def __init__(self, desk: Desk, qa_panel: QAPanel) -> None:
        super().__init__(desk.widget())
        self.desk, self.qa = desk, qa_panel
        self.action = desk.actions.add(
            "qa.only_segments_with_issues",
            QT_TRANSLATE_NOOP("QAFilter", "Only Segments with QA &Issues"),
            desk.menu("segment"),
            "Ctrl+Shift+Q",
            context="QAFilter",
            checkable=True,
        )
        self.action.setToolTip(self.tr("Show only the segments the QA check found issues in"))
        self.action.toggled.connect(self._apply)
        desk.toolbar.addAction(self.action)
        qa_panel.sig_updated.connect(self._issues_changed)

    def _issues_changed(self) -> None:
        if self.action.isChecked():
            self._apply(True)

    def _apply(self, on: bool) -> None:
        ids = {issue.segment_id for issue in self.qa.issues()} if on else None
        self.desk.proxy.set_segment_ids(ids)
        if on and not ids:
            self.desk.show_message(self.tr("No segment has an open QA issue."), 5000)
