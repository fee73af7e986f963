"""Find in sources and targets (Ctrl+F) and replace in targets (Ctrl+H), as a bar under the grid."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.grid.segment_model import SegmentModel


def find_rows(
    model: SegmentModel, text: str, *, source: bool, target: bool, case: bool
) -> list[int]:
    """Model rows whose source and/or target contains text."""
    if not text:
        return []
    needle = text if case else text.casefold()
    rows = []
    for row, segment in enumerate(model.segments()):
        fields = ([segment.source] if source else []) + ([segment.target] if target else [])
        if any(needle in (f if case else f.casefold()) for f in fields):
            rows.append(row)
    return rows


def replace_in_target(target: str, old: str, new: str, case: bool) -> str:
    if case:
        return target.replace(old, new)
    lowered, needle = target.casefold(), old.casefold()
    if len(lowered) != len(target):  # casefold changed lengths (ß): fall back to exact case
        return target.replace(old, new)
    out, start = [], 0
    while (found := lowered.find(needle, start)) >= 0:
        out.append(target[start:found] + new)
        start = found + len(old)
    return "".join(out) + target[start:]


class FindBar(QWidget):
    """Emits sig_go_to_row for the next match; replacing writes through the model (undoable)."""

    sig_go_to_row = Signal(int)
    sig_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model: SegmentModel | None = None
        self.current_row = lambda: -1  # the window supplies the grid's current model row
        self.find_edit = QLineEdit(self, placeholderText=self.tr("Find"))
        self.replace_edit = QLineEdit(self, placeholderText=self.tr("Replace with (targets only)"))
        self.in_source = QCheckBox(self.tr("Source"), self, checked=True)
        self.in_target = QCheckBox(self.tr("Target"), self, checked=True)
        self.case = QCheckBox(self.tr("Match case"), self)
        self.result = QLabel(self)
        next_button = QPushButton(self.tr("Next"), self)
        previous_button = QPushButton(self.tr("Previous"), self)
        self.replace_button = QPushButton(self.tr("Replace"), self)
        self.replace_all_button = QPushButton(self.tr("Replace all"), self)
        close = QToolButton(self, text="✕", autoRaise=True)
        layout = QGridLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        for column, widget in enumerate(
            (
                self.find_edit,
                next_button,
                previous_button,
                self.in_source,
                self.in_target,
                self.case,
            )
        ):
            layout.addWidget(widget, 0, column)
        layout.addWidget(self.result, 0, 6)
        layout.addWidget(close, 0, 7, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.replace_edit, 1, 0)
        layout.addWidget(self.replace_button, 1, 1)
        layout.addWidget(self.replace_all_button, 1, 2)
        layout.setColumnStretch(0, 1)
        self._replace_row = [self.replace_edit, self.replace_button, self.replace_all_button]
        self.find_edit.returnPressed.connect(self.find_next)
        next_button.clicked.connect(self.find_next)
        previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace_current)
        self.replace_all_button.clicked.connect(self.replace_all)
        close.clicked.connect(self.hide)
        self.hide()

    def open(self, replace: bool) -> None:
        for widget in self._replace_row:
            widget.setVisible(replace)
        if replace:
            self.in_source.setChecked(False)
            self.in_target.setChecked(True)
        self.show()
        self.find_edit.setFocus()
        self.find_edit.selectAll()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)

    def _rows(self) -> list[int]:
        if self.model is None:
            return []
        return find_rows(
            self.model,
            self.find_edit.text(),
            source=self.in_source.isChecked(),
            target=self.in_target.isChecked(),
            case=self.case.isChecked(),
        )

    def _go(self, forward: bool) -> int:
        rows = self._rows()
        if not rows:
            self.result.setText(self.tr("not found") if self.find_edit.text() else "")
            return -1
        current = self.current_row()
        if forward:
            row = next((r for r in rows if r > current), rows[0])
        else:
            row = next((r for r in reversed(rows) if r < current), rows[-1])
        self.result.setText(self.tr("%n match(es)", "", len(rows)))
        self.sig_go_to_row.emit(row)
        return row

    def find_next(self) -> int:
        return self._go(True)

    def find_previous(self) -> int:
        return self._go(False)

    def _read_only(self) -> bool:
        if self.model is not None and self.model.project.read_only:
            self.sig_message.emit(self.tr("This project is open read-only: nothing was replaced."))
            return True
        return False

    def replace_current(self) -> None:
        """Replace in the current segment's target, then move to the next match."""
        row = self.current_row()
        if self._read_only():
            return
        if self.model is not None and 0 <= row < self.model.rowCount():
            self._replace_row_target(row)
        if self.find_next() < 0:
            self._count()

    def _count(self) -> int:
        """Say how many segments match now (after a replace the old figure would be stale)."""
        rows = self._rows()
        if rows:
            self.result.setText(self.tr("%n match(es)", "", len(rows)))
        else:
            self.result.setText(self.tr("not found") if self.find_edit.text() else "")
        return len(rows)

    def replace_all(self) -> int:
        if self.model is None or not self.find_edit.text() or self._read_only():
            return 0
        changed = 0
        for row in range(self.model.rowCount()):
            changed += self._replace_row_target(row)
        self.sig_message.emit(self.tr("Replaced in %n segment(s)", "", changed))
        self._count()
        return changed

    def _replace_row_target(self, row: int) -> int:
        assert self.model is not None
        segment = self.model.segment_at(row)
        new = replace_in_target(
            segment.target, self.find_edit.text(), self.replace_edit.text(), self.case.isChecked()
        )
        if new == segment.target:
            return 0
        self.model.change(segment.id, new, segment.status)
        return 1
