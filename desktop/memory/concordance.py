"""Concordance (memoQ's Ctrl+K): a word or phrase searched in the memory, both sides, in context."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from memory.store import TMUnit

HIT = "<span style='background:#ffe08a'>{}</span>"


def marked(text: str, needle: str) -> str:
    """text as HTML with every occurrence of needle (ignoring case) highlighted."""
    if not needle:
        return html.escape(text)
    parts = re.split(f"({re.escape(needle)})", text, flags=re.IGNORECASE)
    return "".join(
        HIT.format(html.escape(part)) if i % 2 else html.escape(part)
        for i, part in enumerate(parts)
    )


class ConcordanceDialog(QDialog):
    """Search box and results (memory source | translation, hits marked); the memory is read on
    the TM panel's one memory thread, so the window never waits for it."""

    sig_results_shown = Signal(int)  # number of units shown
    sig_insert_text = Signal(str)  # a translation chosen with double-click

    def __init__(self, tm_panel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Concordance"))
        self.tm = tm_panel
        self._request = 0
        self.units: list[TMUnit] = []
        self.query = QLineEdit(self)
        self.query.setPlaceholderText(self.tr("Word or phrase, in the source or the target"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.search)
        button = QPushButton(self.tr("Search"), self)
        button.clicked.connect(self.search)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(button)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Memory source"), self.tr("Translation")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(self._chosen)
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.resize(900, 480)

    def search_for(self, text: str) -> None:
        self.query.setText(text.strip())
        self.search()

    def search(self) -> None:
        text = self.query.text().strip()
        self._request += 1
        if not text:
            self.status.setText(self.tr("Type a word or phrase to look for."))
            return
        request = self._request
        self.status.setText(self.tr("Searching…"))
        self.tm.search(
            text,
            lambda units: self._show(request, text, units),
            lambda error: self._failed(request, error),
        )

    def _show(self, request: int, text: str, units: list[TMUnit]) -> None:
        if request != self._request:
            return  # an older search answered late
        self.units = list(units)
        self.table.setRowCount(len(units))
        for row, unit in enumerate(units):
            for column, side in enumerate((unit.source, unit.target)):
                label = QLabel(marked(side, text))
                label.setWordWrap(True)
                label.setTextFormat(Qt.TextFormat.RichText)
                label.setToolTip(f"{unit.origin or 'memory'} · {unit.updated_at[:10]}")
                label.setContentsMargins(4, 2, 4, 2)
                self.table.setCellWidget(row, column, label)
        QTimer.singleShot(0, self.table.resizeRowsToContents)
        if units:
            self.status.setText(
                self.tr("%n unit(s) found", "", len(units)).replace("%n", str(len(units)))
            )
        else:
            self.status.setText(self.tr("Nothing in the translation memory contains “%s”.") % text)
        self.sig_results_shown.emit(len(units))

    def _failed(self, request: int, error: BaseException) -> None:
        if request == self._request:
            self.status.setText(self.tr("Translation memory: %s") % error)
            self.sig_results_shown.emit(0)

    def _chosen(self, row: int, _column: int) -> None:
        if 0 <= row < len(self.units):
            self.sig_insert_text.emit(self.units[row].target)
