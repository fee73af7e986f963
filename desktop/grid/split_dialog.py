"""Asks where to split a segment: the source, read-only, with a cursor the translator places."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout


class SplitDialog(QDialog):
    def __init__(self, source: str, position: int | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split segment"))
        self.text = QPlainTextEdit(self)
        self.text.setPlainText(source)
        self.text.setReadOnly(True)
        # Read-only editors hide the cursor by default; the cursor is the whole point here.
        self.text.setTextInteractionFlags(
            self.text.textInteractionFlags()
            | self.text.textInteractionFlags().TextSelectableByKeyboard
        )
        cursor = self.text.textCursor()
        cursor.setPosition(
            len(source) // 2 if position is None else max(0, min(position, len(source)))
        )
        self.text.setTextCursor(cursor)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(self.tr("Place the cursor where the segment should be split:"), self)
        )
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def position(self) -> int:
        return self.text.textCursor().position()
