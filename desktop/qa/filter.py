"""Segment ▸ Only Segments with QA Issues: a toolbar toggle beside the status filter."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar


class QAFilter(QObject):
    """While on, the grid shows only segments with open QA issues (false alarms excluded);
    it follows the QA panel as issues are found and fixed. Combines with the status filter."""

    def __init__(self, window, qa_panel) -> None:
        super().__init__(window)
        self.window, self.qa = window, qa_panel
        self.action = QAction(self.tr("Only Segments with QA &Issues"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("Ctrl+Shift+Q"))
        self.action.setToolTip(self.tr("Show only the segments the QA check found issues in"))
        self.action.toggled.connect(self._apply)
        window.segment_menu.addAction(self.action)
        toolbar = window.findChild(QToolBar, "main-toolbar")
        if toolbar is not None:
            toolbar.addAction(self.action)
        qa_panel.sig_updated.connect(self._issues_changed)

    def _issues_changed(self) -> None:
        if self.action.isChecked():
            self._apply(True)

    def _apply(self, on: bool) -> None:
        ids = {issue.segment_id for issue in self.qa.issues()} if on else None
        self.window.proxy.set_segment_ids(ids)
        if on and not ids:
            self.window.statusBar().showMessage(self.tr("No segment has an open QA issue."), 5000)


def install_qa_filter(window, qa_panel) -> QAFilter:
    qa_filter = QAFilter(window, qa_panel)
    window.qa_filter = qa_filter
    return qa_filter
